//! A piece's review travelling through the site (the companion plugin): read the site's copy,
//! merge it into this machine's (`newsroom_review::shared`), and store the merge over the
//! revision that was read. A writer that lost the race reads again and merges again, so two
//! machines never overwrite each other, and a retry after a lost answer finds its own write
//! there and stops: every comment and proposal exists once.

use chrono::Utc;
use newsroom_review::shared::{self, Absorbed};
use rusqlite::{params, Connection};

use crate::desk_plugin::{DeskSupport, SiteReview, Stored, TakeOver};
use crate::{timestamp, Backend, Result, SyncError, WordPress};

/// How many times a merge is tried again when someone else keeps storing in between.
const MERGE_ATTEMPTS: usize = 5;

/// Asks the site whether it has the companion plugin, and remembers the answer for the sync
/// screen. A machine that has nothing on the site yet (just connected) starts reading the
/// feed of changed reviews from where it stands now: none of the archive's reviews before
/// that are of pieces it has.
pub fn desk_support(conn: &Connection, backend: &Backend, wp: &WordPress) -> Result<DeskSupport> {
    let (support, seq, user) = wp.desk_support()?;
    conn.execute(
        "UPDATE backends SET desk_features = ?2, site_user_id = coalesce(?3, site_user_id) WHERE id = ?1",
        params![backend.id, support.as_str(), user],
    )?;
    conn.execute(
        "UPDATE backends SET review_cursor = ?2
         WHERE id = ?1 AND review_cursor = 0 AND NOT EXISTS (SELECT 1 FROM remote_items WHERE backend_id = ?1)",
        params![backend.id, seq],
    )?;
    Ok(support)
}

/// What the site offered when last asked.
pub fn known_support(conn: &Connection, backend_id: &str) -> Result<DeskSupport> {
    let text: String = conn.query_row(
        "SELECT desk_features FROM backends WHERE id = ?1",
        [backend_id],
        |r| r.get(0),
    )?;
    Ok(DeskSupport::parse(&text))
}

/// The site's post for a local piece, if it has one.
pub(crate) fn post_of(conn: &Connection, backend: &Backend, article_id: &str) -> Result<Option<i64>> {
    Ok(crate::remote_item(conn, &backend.id, "article", article_id)?.and_then(|k| k.remote_id))
}

fn read(site: &SiteReview) -> Result<shared::SharedReview> {
    shared::parse(&site.text).map_err(SyncError::from)
}

/// Keeps the take-overs the site recorded, for the piece's history.
pub(crate) fn keep_takeovers(conn: &Connection, article_id: &str, takeovers: &[TakeOver]) -> Result<()> {
    for t in takeovers {
        conn.execute(
            "INSERT INTO lock_takeovers (article_id, taken_by, taken_from, taken_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![
                article_id,
                newsroom_text::nfc(&t.by),
                newsroom_text::nfc(&t.from),
                timestamp(t.at)
            ],
        )?;
    }
    Ok(())
}

/// Every take-over of a piece's edit lock this machine knows of, oldest first.
pub fn takeovers(conn: &Connection, article_id: &str) -> Result<Vec<TakeOver>> {
    let mut stmt = conn.prepare_cached(
        "SELECT taken_by, taken_from, taken_at FROM lock_takeovers WHERE article_id = ?1 ORDER BY taken_at",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        Ok(TakeOver {
            by: r.get(0)?,
            from: r.get(1)?,
            at: newsroom_store::parse_timestamp(&r.get::<_, String>(2)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Meets the site's copy of the piece's review: merges it in here and stores the merge there.
/// Returns what changed here, or nothing when the site has no post for the piece. A copy on
/// the site that is not a review this app reads is an error naming what is wrong; nothing
/// local changes and nothing is written to the site.
pub fn sync_review(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
    article_id: &str,
) -> Result<Option<Absorbed>> {
    let Some(post_id) = post_of(conn, backend, article_id)? else {
        return Ok(None);
    };
    let mut site = wp.review(post_id)?;
    for _ in 0..MERGE_ATTEMPTS {
        let remote = read(&site)?;
        keep_takeovers(conn, article_id, &site.takeovers)?;
        crate::people::keep(conn, &backend.id, &remote.people)?;
        let mut absorbed = shared::absorb(conn, article_id, &remote)?;
        // This machine's person joins the piece's people, named as their profile names them.
        if let Some(me) = crate::people::me(conn, &backend.id)? {
            absorbed.merged = shared::merge(
                &absorbed.merged,
                &shared::SharedReview {
                    people: vec![me],
                    ..Default::default()
                },
            );
        }
        if absorbed.merged == remote {
            remember_revision(conn, backend, article_id, site.revision)?;
            return Ok(Some(absorbed));
        }
        let document = serde_json::to_value(&absorbed.merged).expect("a review serialises");
        match wp.store_review(post_id, site.revision, &document)? {
            Stored::Stored(now) => {
                remember_revision(conn, backend, article_id, now.revision)?;
                return Ok(Some(absorbed));
            }
            Stored::Changed(current) => site = current,
        }
    }
    Err(SyncError::Remote {
        status: 409,
        body:
            "the piece's review kept changing on the site while it was being merged; it is tried again later"
                .into(),
    })
}

fn remember_revision(conn: &Connection, backend: &Backend, article_id: &str, revision: i64) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET review_revision = ?3, updated_at = ?4
         WHERE backend_id = ?1 AND local_kind = 'article' AND local_id = ?2",
        params![backend.id, article_id, revision, timestamp(Utc::now())],
    )?;
    Ok(())
}

/// The feed cursor of a site: how far this machine has read the changed reviews.
pub(crate) fn cursor(conn: &Connection, backend: &Backend) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT review_cursor FROM backends WHERE id = ?1",
        [&backend.id],
        |r| r.get(0),
    )?)
}

pub(crate) fn advance_cursor(conn: &Connection, backend: &Backend, to: i64) -> Result<()> {
    conn.execute(
        "UPDATE backends SET review_cursor = max(review_cursor, ?2) WHERE id = ?1",
        params![backend.id, to],
    )?;
    Ok(())
}
