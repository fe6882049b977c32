//! The trash: where a reporter's deleted drafts wait before they are gone for good.
//!
//! Only a draft that has never been on a publishing site can be deleted; a piece the site
//! knows is spiked instead, so the site learns of it. A piece in the trash keeps everything
//! (revisions, photos, tags) and is in no queue, count or search until it is restored.
//! Emptying the trash, by hand or [`TRASH_DAYS`] after a piece went in, deletes for good.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::models::{Status, TrashedArticle};
use crate::row::{parse_status, parse_timestamp, summary_from_row, SUMMARY_COLUMNS};
use crate::{timestamp, write, ArticleError, Result};

/// How long a piece stays in the trash before it is deleted for good (WordPress keeps its
/// trash as long).
pub const TRASH_DAYS: i64 = 30;

/// Moves a draft to the trash. Refused for a piece in any other state, or one a publishing
/// site has (spike it instead), or one already in the trash.
pub fn trash(conn: &Connection, id: &str, now: DateTime<Utc>) -> Result<()> {
    write(conn, |tx| {
        let found: Option<(String, Option<String>, bool)> = tx
            .query_row(
                "SELECT status, trashed_at,
                        EXISTS (SELECT 1 FROM remote_items WHERE local_kind = 'article' AND local_id = a.id)
                        OR EXISTS (SELECT 1 FROM outbox WHERE article_id = a.id AND state IN ('queued', 'sending'))
                 FROM articles a WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (status, trashed_at, on_a_site) = found.ok_or_else(|| ArticleError::NotFound(id.to_owned()))?;
        if trashed_at.is_some() {
            return Err(ArticleError::InTrash(id.to_owned()));
        }
        let status = parse_status(&status)?;
        if status != Status::Draft {
            return Err(ArticleError::NotDeletable {
                status,
                on_a_site: false,
            });
        }
        if on_a_site {
            return Err(ArticleError::NotDeletable {
                status,
                on_a_site: true,
            });
        }
        tx.execute(
            "UPDATE articles SET trashed_at = ?2 WHERE id = ?1",
            rusqlite::params![id, timestamp(now)],
        )?;
        Ok(())
    })
}

/// Refuses to change a piece that is in the trash: it is restored first.
pub(crate) fn ensure_outside_trash(conn: &Connection, id: &str) -> Result<()> {
    let trashed: Option<bool> = conn
        .query_row(
            "SELECT trashed_at IS NOT NULL FROM articles WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match trashed {
        Some(true) => Err(ArticleError::InTrash(id.to_owned())),
        _ => Ok(()),
    }
}

/// Takes a piece out of the trash, back into the drafts as it was.
pub fn restore_from_trash(conn: &Connection, id: &str) -> Result<()> {
    write(conn, |tx| {
        let changed = tx.execute(
            "UPDATE articles SET trashed_at = NULL WHERE id = ?1 AND trashed_at IS NOT NULL",
            [id],
        )?;
        if changed == 0 {
            return Err(ArticleError::NotInTrash(id.to_owned()));
        }
        Ok(())
    })
}

/// What the trash holds, most recently deleted first.
pub fn trash_list(conn: &Connection) -> Result<Vec<TrashedArticle>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.trashed_at FROM articles a
         WHERE a.trashed_at IS NOT NULL ORDER BY a.trashed_at DESC, a.seq DESC"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(TrashedArticle {
            article: summary_from_row(r)?,
            trashed_at: parse_timestamp(&r.get::<_, String>(10)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many pieces the trash holds.
pub fn trash_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Deletes one piece in the trash for good. A piece outside the trash is never deleted here.
pub fn delete_from_trash(conn: &Connection, id: &str) -> Result<()> {
    write(conn, |tx| {
        let seq: Option<i64> = tx
            .query_row(
                "SELECT seq FROM articles WHERE id = ?1 AND trashed_at IS NOT NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let seq = seq.ok_or_else(|| ArticleError::NotInTrash(id.to_owned()))?;
        crate::edit::remove(tx, seq)
    })
}

/// Deletes for good everything in the trash, or (with `older_than`) what went in before
/// then. Returns how many pieces were deleted.
pub fn empty_trash(conn: &Connection, older_than: Option<DateTime<Utc>>) -> Result<u32> {
    let cutoff = older_than.map(timestamp);
    let due = |tx: &Connection| -> Result<Vec<i64>> {
        let mut stmt = tx.prepare_cached(
            "SELECT seq FROM articles WHERE trashed_at IS NOT NULL AND (?1 IS NULL OR trashed_at < ?1)",
        )?;
        let rows = stmt.query_map([&cutoff], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    // Read first (on the trash's own index): the store opens with this call, and an empty
    // trash must not cost it a write transaction.
    if due(conn)?.is_empty() {
        return Ok(0);
    }
    write(conn, |tx| {
        let seqs = due(tx)?;
        for &seq in &seqs {
            crate::edit::remove(tx, seq)?;
        }
        Ok(seqs.len() as u32)
    })
}

/// Deletes what has been in the trash longer than [`TRASH_DAYS`]; run when the store opens.
pub fn empty_expired_trash(conn: &Connection, now: DateTime<Utc>) -> Result<u32> {
    empty_trash(conn, Some(now - Duration::days(TRASH_DAYS)))
}
