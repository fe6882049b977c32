//! Revision snapshots: kept at least every [`REVISION_INTERVAL`] of editing, on explicit save,
//! on every change of state, and around a restore.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::models::{Article, ArticleFields, PhotoCaption, Revision, RevisionReason, RevisionSummary};
use crate::row::{get, normalise, parse_status, parse_timestamp, write_working_copy};
use crate::{search, timestamp, write, ArticleError, Result};

/// Autosaves keep a snapshot when the newest one is at least this old.
pub const REVISION_INTERVAL: Duration = Duration::minutes(5);

pub(crate) fn snapshot(
    conn: &Connection,
    article: &Article,
    reason: RevisionReason,
    now: DateTime<Utc>,
) -> Result<()> {
    let captions = serde_json::to_string(&photo_captions(conn, &article.id)?).expect("strings serialise");
    conn.execute(
        "INSERT INTO revisions (article_id, reason, headline, sapo, body, byline, dateline, section,
                                status, word_count, created_at, author, captions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            article.id,
            reason.as_str(),
            article.headline,
            article.sapo,
            article.body,
            article.byline,
            article.dateline,
            article.section,
            article.status.as_str(),
            article.word_count,
            timestamp(now),
            article.updated_by,
            captions,
        ],
    )?;
    Ok(())
}

/// The captions an article's photos have now (the article's own caption, else the archive
/// description), in the article's order. Read-only: the photo tables belong to the photos
/// crate, which writes them.
pub fn photo_captions(conn: &Connection, article_id: &str) -> Result<Vec<PhotoCaption>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ap.photo_id, coalesce(ap.caption, p.description)
         FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ?1 ORDER BY ap.position",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        Ok(PhotoCaption {
            photo_id: r.get(0)?,
            caption: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn latest(conn: &Connection, article_id: &str) -> Result<Option<Revision>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {REVISION_COLUMNS} FROM revisions WHERE article_id = ?1 ORDER BY id DESC LIMIT 1"
            ),
            [article_id],
            revision_from_row,
        )
        .optional()?)
}

/// Keeps a snapshot unless the newest one already holds exactly this text and state, so
/// pressing Ctrl+S twice does not fill the list with copies.
pub(crate) fn snapshot_if_changed(
    conn: &Connection,
    article: &Article,
    reason: RevisionReason,
    now: DateTime<Utc>,
) -> Result<()> {
    match latest(conn, &article.id)? {
        Some(rev) if rev.fields == article.fields() && rev.status == article.status => Ok(()),
        _ => snapshot(conn, article, reason, now),
    }
}

/// Keeps an interval snapshot when the newest one is older than [`REVISION_INTERVAL`].
pub(crate) fn snapshot_if_due(conn: &Connection, article: &Article, now: DateTime<Utc>) -> Result<()> {
    match latest(conn, &article.id)? {
        Some(rev) if now - rev.created_at < REVISION_INTERVAL => Ok(()),
        _ => snapshot_if_changed(conn, article, RevisionReason::Interval, now),
    }
}

const REVISION_COLUMNS: &str = "id, article_id, reason, headline, sapo, body, byline, dateline, \
                                section, status, word_count, created_at, author, captions";

fn revision_from_row(row: &Row<'_>) -> rusqlite::Result<Revision> {
    let reason: String = row.get(2)?;
    Ok(Revision {
        id: row.get(0)?,
        article_id: row.get(1)?,
        reason: RevisionReason::parse(&reason).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, reason.into())
        })?,
        fields: ArticleFields {
            headline: row.get(3)?,
            sapo: row.get(4)?,
            body: row.get(5)?,
            byline: row.get(6)?,
            dateline: row.get(7)?,
            section: row.get(8)?,
        },
        status: parse_status(&row.get::<_, String>(9)?)?,
        word_count: row.get(10)?,
        created_at: parse_timestamp(&row.get::<_, String>(11)?)?,
        author: row.get(12)?,
        // Written by `snapshot` from typed values; an unreadable list is shown as none.
        captions: serde_json::from_str(&row.get::<_, String>(13)?).unwrap_or_default(),
    })
}

/// An article's revisions, newest first.
pub fn list_revisions(conn: &Connection, article_id: &str) -> Result<Vec<RevisionSummary>> {
    get(conn, article_id)?;
    // The list shows no text but the headline: the bodies stay on disk.
    let mut stmt = conn.prepare_cached(
        "SELECT id, reason, headline, status, word_count, created_at, author FROM revisions
         WHERE article_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([article_id], |row| {
        let reason: String = row.get(1)?;
        Ok(RevisionSummary {
            id: row.get(0)?,
            reason: RevisionReason::parse(&reason).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, reason.into())
            })?,
            headline: row.get(2)?,
            status: parse_status(&row.get::<_, String>(3)?)?,
            word_count: row.get(4)?,
            created_at: parse_timestamp(&row.get::<_, String>(5)?)?,
            author: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One full revision.
pub fn get_revision(conn: &Connection, revision_id: i64) -> Result<Revision> {
    conn.query_row(
        &format!("SELECT {REVISION_COLUMNS} FROM revisions WHERE id = ?1"),
        [revision_id],
        revision_from_row,
    )
    .optional()?
    .ok_or(ArticleError::RevisionNotFound(revision_id))
}

/// Makes a revision's text the working copy again. The working copy is first kept as a
/// revision if it holds unsnapshotted text, and the restore is itself a new revision, so
/// nothing is destroyed. The workflow state is not changed by a restore.
pub fn restore_revision(
    conn: &Connection,
    revision_id: i64,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    write(conn, |tx| {
        let revision = get_revision(tx, revision_id)?;
        let current = get(tx, &revision.article_id)?;
        snapshot_if_changed(tx, &current, RevisionReason::Manual, now)?;
        let fields = normalise(&revision.fields)?;
        write_working_copy(tx, &current.id, &fields, by, now)?;
        let article = get(tx, &current.id)?;
        search::index(tx, &article)?;
        snapshot(tx, &article, RevisionReason::Restore, now)?;
        Ok(article)
    })
}
