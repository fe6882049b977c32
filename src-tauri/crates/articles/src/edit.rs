//! Creating, reading, saving and deleting the working copy.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::models::{Article, ArticleFields, ArticleSummary, RevisionReason, SaveKind};
use crate::row::{get, normalise, summary_from_row, word_count, write_working_copy, SUMMARY_COLUMNS};
use crate::{revisions, search, timestamp, write, ArticleError, Result};

/// Creates an article in `draft` with a first revision; `by` names who created it.
pub fn create(conn: &Connection, fields: &ArticleFields, by: &str, now: DateTime<Utc>) -> Result<Article> {
    create_with_reason(conn, fields, by, now, RevisionReason::Created)
}

pub(crate) fn create_with_reason(
    conn: &Connection,
    fields: &ArticleFields,
    by: &str,
    now: DateTime<Utc>,
    reason: RevisionReason,
) -> Result<Article> {
    let by = newsroom_text::nfc(by.trim());
    let fields = normalise(fields)?;
    let id = uuid::Uuid::now_v7().to_string();
    write(conn, |tx| {
        tx.execute(
            "INSERT INTO articles (id, headline, sapo, body, byline, dateline, section, slug, status,
                               word_count, version, created_at, updated_at, created_by, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', ?9, 1, ?10, ?10, ?11, ?11)",
            params![
                id,
                fields.headline,
                fields.sapo,
                fields.body,
                fields.byline,
                fields.dateline,
                fields.section,
                newsroom_text::slug(&fields.headline),
                word_count(&fields),
                timestamp(now),
                by,
            ],
        )?;
        let article = get(tx, &id)?;
        search::index(tx, &article)?;
        revisions::snapshot(tx, &article, reason, now)?;
        Ok(article)
    })
}

/// The pieces outside the trash that `join` (onto `articles a`) and `condition` select, most
/// recently updated first: the one shape of every list of pieces but the desk's queues.
fn newest_first(
    conn: &Connection,
    join: &str,
    condition: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<ArticleSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {join}
         WHERE {condition} AND a.trashed_at IS NULL ORDER BY a.updated_at DESC, a.seq DESC"
    ))?;
    let rows = stmt.query_map(params, summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every article outside the trash, most recently updated first.
pub fn list(conn: &Connection) -> Result<Vec<ArticleSummary>> {
    newest_first(conn, "", "1", [])
}

/// The articles tagged with an entity, most recently updated first.
pub fn tagged_with(conn: &Connection, entity_id: &str) -> Result<Vec<ArticleSummary>> {
    newest_first(
        conn,
        "JOIN article_tags t ON t.article_id = a.id",
        "t.entity_id = ?1",
        [entity_id],
    )
}

/// The pieces a photo is in, most recently updated first (the photo desk's "in the pieces").
pub fn with_photo(conn: &Connection, photo_id: &str) -> Result<Vec<ArticleSummary>> {
    newest_first(
        conn,
        "JOIN article_photos p ON p.article_id = a.id",
        "p.photo_id = ?1",
        [photo_id],
    )
}

/// Saves the working copy as `by`. `base_version` is the version the editor loaded; if the
/// stored version differs, someone else saved in between and nothing is written.
pub fn save(
    conn: &Connection,
    id: &str,
    base_version: i64,
    fields: &ArticleFields,
    kind: SaveKind,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    let fields = normalise(fields)?;
    write(conn, |tx| {
        let current = get(tx, id)?;
        crate::trash::ensure_outside_trash(tx, id)?;
        if current.version != base_version {
            return Err(ArticleError::Conflict {
                yours: base_version,
                stored: current.version,
            });
        }
        write_working_copy(tx, id, &fields, by, now)?;
        let article = get(tx, id)?;
        search::index(tx, &article)?;
        match kind {
            SaveKind::Manual => revisions::snapshot_if_changed(tx, &article, RevisionReason::Manual, now)?,
            SaveKind::Autosave => revisions::snapshot_if_due(tx, &article, now)?,
        }
        Ok(article)
    })
}

/// Removes a draft nobody has written anything in: a piece made with Ctrl+N and left as it
/// was (no headline, sapo, body, dateline or section; never moved, sent, tagged, given a photo
/// or commented). Such a piece is not kept as an "(Untitled)" draft. Returns whether it was
/// removed; a piece with anything in it is never touched.
pub fn discard_if_blank(conn: &Connection, id: &str) -> Result<bool> {
    write(conn, |tx| {
        let blank: bool = tx
            .query_row(
                "SELECT status = 'draft'
                        AND trim(headline) = '' AND trim(sapo) = '' AND trim(body) = ''
                        AND trim(dateline) = '' AND trim(section) = ''
                        AND NOT EXISTS (SELECT 1 FROM status_changes WHERE article_id = a.id)
                        AND NOT EXISTS (SELECT 1 FROM article_photos WHERE article_id = a.id)
                        AND NOT EXISTS (SELECT 1 FROM article_tags WHERE article_id = a.id)
                        AND NOT EXISTS (SELECT 1 FROM comment_threads WHERE article_id = a.id)
                        AND NOT EXISTS (SELECT 1 FROM outbox WHERE article_id = a.id)
                        AND NOT EXISTS (SELECT 1 FROM remote_items WHERE local_kind = 'article' AND local_id = a.id)
                 FROM articles a WHERE a.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        if blank {
            let seq: i64 = tx.query_row("SELECT seq FROM articles WHERE id = ?1", [id], |r| r.get(0))?;
            remove(tx, seq)?;
        }
        Ok(blank)
    })
}

/// Deletes an article with its revisions and history. The UI offers spiking instead; this is
/// for removing test or demo pieces for good.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    write(conn, |tx| {
        let seq: Option<i64> = tx
            .query_row("SELECT seq FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        let seq = seq.ok_or_else(|| ArticleError::NotFound(id.to_owned()))?;
        remove(tx, seq)
    })
}

/// Removes a piece and its entry in the contentless search index (which holds no id to
/// cascade from); everything else that hangs off the piece goes with it by its foreign key.
pub(crate) fn remove(tx: &Connection, seq: i64) -> Result<()> {
    tx.execute("DELETE FROM article_search WHERE rowid = ?1", [seq])?;
    tx.execute("DELETE FROM articles WHERE seq = ?1", [seq])?;
    Ok(())
}
