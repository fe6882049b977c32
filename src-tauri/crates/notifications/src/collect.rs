//! Finding what to tell: the history rows written since the last look (moves, comments,
//! take-overs, whether made here or brought by a pull) that another person made on this
//! person's pieces, judged against who this machine's user is now.
//!
//! Reading the history rather than hooking every write path means a change is found however it
//! arrived: a pull, a push's merge, the CLI on the same store. The store's triggers list each
//! new history row in `notification_feed` once the inbox has started, so each look reads only
//! what is new; the time the inbox started bounds what a first pull of an old archive can
//! raise, so connecting a new machine does not bury its user in years of other people's moves.

use chrono::{DateTime, Utc};
use newsroom_profile::Role;
use rusqlite::{params, Connection, OptionalExtension};

use crate::models::{Notification, NotificationKind};
use crate::{inbox, Result};

/// The settings key of the time the inbox started (the store's triggers also read it).
const SINCE_KEY: &str = "notifications.since";
/// Read notifications beyond this many are dropped, oldest first.
const KEEP_READ: i64 = 500;
/// A comment's text is cut to this many characters in the inbox (the thread has it whole).
const NOTE_CHARS: usize = 280;

/// Who is looking, as the history names people.
struct Person {
    name: String,
    desk: bool,
}

/// An event worth telling, before it is kept.
struct Event {
    source: String,
    kind: NotificationKind,
    article_id: String,
    actor: String,
    note: String,
    at: String,
}

/// Looks at the history written since the last look and keeps what this person should hear
/// of; returns the new notifications in the order they happened (the ones the system should
/// show). The first look only starts the inbox.
pub fn collect(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Notification>> {
    let me = Person {
        name: newsroom_profile::actor(conn),
        desk: matches!(newsroom_profile::get(conn), Ok(Some(p)) if p.role == Role::DeskEditor),
    };
    let settings = inbox::settings(conn)?;
    newsroom_store::write(conn, |tx| {
        let Some(since) = newsroom_store::setting::<String>(tx, SINCE_KEY)? else {
            newsroom_store::set_setting(tx, SINCE_KEY, &newsroom_store::timestamp(now))?;
            return Ok(Vec::new());
        };
        let mut found = Vec::new();
        let mut last = 0;
        {
            let mut feed = tx.prepare("SELECT seq, source, row FROM notification_feed ORDER BY seq")?;
            let mut rows = feed.query([])?;
            while let Some(row) = rows.next()? {
                last = row.get(0)?;
                let (source, id): (String, i64) = (row.get(1)?, row.get(2)?);
                let event = match source.as_str() {
                    "move" => a_move(tx, &me, id)?,
                    "comment" => a_comment(tx, &me, id)?,
                    _ => a_takeover(tx, &me, id)?,
                };
                found.extend(event.filter(|e| e.at >= since && !settings.muted.contains(&e.kind)));
            }
        }
        tx.execute("DELETE FROM notification_feed WHERE seq <= ?1", [last])?;
        // A pull brings a piece's moves, then its comments: told in the order they happened.
        found.sort_by(|a, b| a.at.cmp(&b.at));

        let mut ids = Vec::new();
        for event in &found {
            let added = tx.execute(
                "INSERT INTO notifications (recipient, source, kind, article_id, actor, note, happened_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (recipient, source) DO NOTHING",
                params![
                    me.name,
                    event.source,
                    event.kind.as_str(),
                    event.article_id,
                    event.actor,
                    event.note,
                    event.at
                ],
            )?;
            if added == 1 {
                ids.push(tx.last_insert_rowid());
            }
        }
        tx.execute(
            "DELETE FROM notifications WHERE recipient = ?2 AND read_at IS NOT NULL AND id NOT IN
               (SELECT id FROM notifications WHERE recipient = ?2 AND read_at IS NOT NULL ORDER BY id DESC LIMIT ?1)",
            params![KEEP_READ, me.name],
        )?;
        inbox::by_ids(tx, &ids)
    })
}

/// What a change of state means to the person, if anything: owners hear of what the desk did
/// to their piece; desk editors hear of pieces submitted to the desk.
fn move_kind(
    me: &Person,
    owner: &str,
    from: &str,
    to: &str,
    action: &str,
    at_time: bool,
) -> Option<NotificationKind> {
    let mine = owner == me.name;
    let kind = match (action, to) {
        ("correct", _) => NotificationKind::Corrected,
        ("update", _) => NotificationKind::Updated,
        ("schedule", _) if at_time => NotificationKind::Scheduled,
        ("", "submitted") if from != "submitted" => {
            return (me.desk && !mine).then_some(NotificationKind::Submitted);
        }
        ("", "in_review") => NotificationKind::Taken,
        ("", "returned") => NotificationKind::Returned,
        ("", "approved") => NotificationKind::Approved,
        ("", "published") => NotificationKind::Published,
        ("", "spiked") => NotificationKind::TakenDown,
        _ => return None,
    };
    mine.then_some(kind)
}

fn a_move(conn: &Connection, me: &Person, id: i64) -> Result<Option<Event>> {
    let row = conn
        .query_row(
            "SELECT s.uid, s.article_id, s.from_status, s.to_status, s.changed_by, s.note, s.changed_at,
                    s.action, s.at_time IS NOT NULL, a.created_by
             FROM status_changes s JOIN articles a ON a.id = s.article_id WHERE s.id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    [
                        r.get::<_, String>(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ],
                    r.get::<_, bool>(8)?,
                    r.get::<_, String>(9)?,
                ))
            },
        )
        .optional()?;
    let Some((uid, article_id, [from, to, by, note, at, action], at_time, owner)) = row else {
        return Ok(None);
    };
    if by == me.name {
        return Ok(None);
    }
    Ok(
        move_kind(me, &owner, &from, &to, &action, at_time).map(|kind| Event {
            source: format!("move:{}", uid.unwrap_or_else(|| id.to_string())),
            kind,
            article_id,
            actor: by,
            note: if newsroom_articles::is_receipt(&note) {
                String::new()
            } else {
                note
            },
            at,
        }),
    )
}

fn a_comment(conn: &Connection, me: &Person, rowid: i64) -> Result<Option<Event>> {
    let row = conn
        .query_row(
            "SELECT c.id, c.author, c.text, c.created_at, t.article_id,
                    a.created_by = ?2 OR a.reviewer = ?2 OR t.created_by = ?2
                      OR EXISTS (SELECT 1 FROM comments m WHERE m.thread_id = c.thread_id AND m.author = ?2),
                    EXISTS (SELECT 1 FROM comments e WHERE e.thread_id = c.thread_id
                            AND (e.created_at < c.created_at OR (e.created_at = c.created_at AND e.rowid < c.rowid)))
             FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN articles a ON a.id = t.article_id
             WHERE c.rowid = ?1",
            params![rowid, me.name],
            |r| {
                Ok((
                    [r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
                    r.get::<_, bool>(5)?,
                    r.get::<_, bool>(6)?,
                ))
            },
        )
        .optional()?;
    let Some(([id, author, text, at, article_id], concerns_me, reply)) = row else {
        return Ok(None);
    };
    if author == me.name || !concerns_me {
        return Ok(None);
    }
    Ok(Some(Event {
        source: format!("comment:{id}"),
        kind: if reply {
            NotificationKind::Reply
        } else {
            NotificationKind::Comment
        },
        article_id,
        actor: author,
        note: text.chars().take(NOTE_CHARS).collect(),
        at,
    }))
}

fn a_takeover(conn: &Connection, me: &Person, rowid: i64) -> Result<Option<Event>> {
    let row = conn
        .query_row(
            "SELECT article_id, taken_by, taken_from, taken_at FROM lock_takeovers WHERE rowid = ?1",
            [rowid],
            |r| Ok([r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )
        .optional()?;
    let Some([article_id, by, from, at]) = row else {
        return Ok(None);
    };
    if from != me.name || by == me.name {
        return Ok(None);
    }
    Ok(Some(Event {
        source: format!("lock:{article_id}:{by}:{at}"),
        kind: NotificationKind::LockTaken,
        article_id,
        actor: by,
        note: String::new(),
        at,
    }))
}
