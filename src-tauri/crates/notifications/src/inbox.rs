//! Reading the inbox, marking what was seen, and the person's settings.

use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, Connection, Row};

use crate::models::{Inbox, Notification, NotificationKind, NotificationSettings};
use crate::Result;

/// The settings key a person's choices are kept under, followed by their name.
const SETTINGS_KEY: &str = "notifications.settings:";

const COLUMNS: &str =
    "n.id, n.kind, n.article_id, a.headline, n.actor, n.note, n.happened_at, n.read_at IS NOT NULL
                       FROM notifications n JOIN articles a ON a.id = n.article_id";

fn notification(row: &Row<'_>) -> rusqlite::Result<Notification> {
    let kind: String = row.get(1)?;
    Ok(Notification {
        id: row.get(0)?,
        // Kinds are written by this crate alone; one it no longer knows reads as a comment
        // rather than hiding the row.
        kind: NotificationKind::parse(&kind).unwrap_or(NotificationKind::Comment),
        article_id: row.get(2)?,
        headline: row.get(3)?,
        actor: row.get(4)?,
        note: row.get(5)?,
        happened_at: row.get(6)?,
        read: row.get(7)?,
    })
}

/// Whose inbox this machine shows: the profile's.
fn recipient(conn: &Connection) -> String {
    newsroom_profile::actor(conn)
}

/// The newest `limit` notifications of the person using the machine and the number unread.
pub fn inbox(conn: &Connection, limit: u32) -> Result<Inbox> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} WHERE n.recipient = ?2 ORDER BY n.id DESC LIMIT ?1"
    ))?;
    let items = stmt
        .query_map(params![limit.clamp(1, 500), recipient(conn)], notification)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Inbox {
        items,
        unread: unread(conn)?,
    })
}

/// How many notifications are unread.
pub fn unread(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM notifications WHERE recipient = ?1 AND read_at IS NULL",
        [recipient(conn)],
        |r| r.get(0),
    )?)
}

/// The notifications with these ids, oldest first.
pub(crate) fn by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<Notification>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} WHERE n.id IN ({marks}) ORDER BY n.id"))?;
    let found = stmt
        .query_map(params_from_iter(ids), notification)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// Marks one notification read; returns the number still unread.
pub fn mark_read(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<u32> {
    conn.execute(
        "UPDATE notifications SET read_at = ?2 WHERE id = ?1 AND recipient = ?3 AND read_at IS NULL",
        params![id, newsroom_store::timestamp(now), recipient(conn)],
    )?;
    unread(conn)
}

/// Marks every notification of a piece read (the person has opened it); returns the number
/// still unread.
pub fn mark_piece_read(conn: &Connection, article_id: &str, now: DateTime<Utc>) -> Result<u32> {
    conn.execute(
        "UPDATE notifications SET read_at = ?2 WHERE article_id = ?1 AND recipient = ?3 AND read_at IS NULL",
        params![article_id, newsroom_store::timestamp(now), recipient(conn)],
    )?;
    unread(conn)
}

/// Marks everything read.
pub fn mark_all_read(conn: &Connection, now: DateTime<Utc>) -> Result<u32> {
    conn.execute(
        "UPDATE notifications SET read_at = ?1 WHERE recipient = ?2 AND read_at IS NULL",
        params![newsroom_store::timestamp(now), recipient(conn)],
    )?;
    unread(conn)
}

/// The choices of the person using the machine (all kinds, with the system's notifications, until they choose).
pub fn settings(conn: &Connection) -> Result<NotificationSettings> {
    let key = format!("{SETTINGS_KEY}{}", recipient(conn));
    Ok(newsroom_store::setting(conn, &key)?.unwrap_or_default())
}

/// Keeps the person's choices; a kind muted is also no longer told from what is already in
/// the inbox unread (it is marked read), so the count says only what they want to hear of.
pub fn save_settings(
    conn: &Connection,
    settings: &NotificationSettings,
    now: DateTime<Utc>,
) -> Result<NotificationSettings> {
    let mut muted: Vec<NotificationKind> = NotificationKind::ALL
        .into_iter()
        .filter(|k| settings.muted.contains(k))
        .collect();
    muted.dedup();
    let saved = NotificationSettings {
        system: settings.system,
        muted,
    };
    newsroom_store::write(conn, |tx| {
        newsroom_store::set_setting(tx, &format!("{SETTINGS_KEY}{}", recipient(tx)), &saved)?;
        for kind in &saved.muted {
            tx.execute(
                "UPDATE notifications SET read_at = ?2 WHERE kind = ?1 AND recipient = ?3 AND read_at IS NULL",
                params![kind.as_str(), newsroom_store::timestamp(now), recipient(tx)],
            )?;
        }
        Ok::<_, crate::NotificationError>(())
    })?;
    Ok(saved)
}
