//! Creating, reading, saving and deleting the working copy.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::models::{Article, ArticleFields, ArticleSummary, RevisionReason, SaveKind, Status};
use crate::{parse_status, parse_timestamp, revisions, search, timestamp, write, ArticleError, Result};

/// The largest body accepted (10 MiB of UTF-8); larger is refused with a clear error rather
/// than freezing the editor.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
/// The largest headline, sapo, byline, dateline or section accepted.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

const ARTICLE_COLUMNS: &str = "id, headline, sapo, body, byline, dateline, section, slug, status, \
                               word_count, version, created_at, updated_at";

pub(crate) fn article_from_row(row: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: row.get(0)?,
        headline: row.get(1)?,
        sapo: row.get(2)?,
        body: row.get(3)?,
        byline: row.get(4)?,
        dateline: row.get(5)?,
        section: row.get(6)?,
        slug: row.get(7)?,
        status: parse_status(&row.get::<_, String>(8)?)?,
        word_count: row.get(9)?,
        version: row.get(10)?,
        created_at: parse_timestamp(&row.get::<_, String>(11)?)?,
        updated_at: parse_timestamp(&row.get::<_, String>(12)?)?,
    })
}

/// Normalises every field to NFC and checks the size limits.
pub(crate) fn normalise(fields: &ArticleFields) -> Result<ArticleFields> {
    let check = |name: &'static str, value: &str, limit: usize| -> Result<String> {
        if value.len() > limit {
            return Err(ArticleError::TooLarge {
                field: name,
                bytes: value.len(),
                limit,
            });
        }
        Ok(newsroom_text::nfc(value))
    };
    Ok(ArticleFields {
        headline: check("headline", &fields.headline, MAX_FIELD_BYTES)?,
        sapo: check("sapo", &fields.sapo, MAX_FIELD_BYTES)?,
        body: check("body", &fields.body, MAX_BODY_BYTES)?,
        byline: check("byline", &fields.byline, MAX_FIELD_BYTES)?,
        dateline: check("dateline", &fields.dateline, MAX_FIELD_BYTES)?,
        section: check("section", &fields.section, MAX_FIELD_BYTES)?,
    })
}

/// Words in the sapo and body, as a reader reads them.
pub(crate) fn word_count(fields: &ArticleFields) -> u32 {
    let body = newsroom_markdown::counts(&fields.body).words;
    (newsroom_text::word_count(&fields.sapo) + body) as u32
}

/// Creates an article in `draft` with a first revision.
pub fn create(conn: &Connection, fields: &ArticleFields, now: DateTime<Utc>) -> Result<Article> {
    create_with_reason(conn, fields, now, RevisionReason::Created)
}

pub(crate) fn create_with_reason(
    conn: &Connection,
    fields: &ArticleFields,
    now: DateTime<Utc>,
    reason: RevisionReason,
) -> Result<Article> {
    let fields = normalise(fields)?;
    let id = uuid::Uuid::now_v7().to_string();
    write(conn, |tx| {
        tx.execute(
            "INSERT INTO articles (id, headline, sapo, body, byline, dateline, section, slug, status,
                               word_count, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', ?9, 1, ?10, ?10)",
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
            ],
        )?;
        let article = get(tx, &id)?;
        search::index(tx, &article)?;
        revisions::snapshot(tx, &article, reason, now)?;
        Ok(article)
    })
}

/// Reads one article.
pub fn get(conn: &Connection, id: &str) -> Result<Article> {
    conn.query_row(
        &format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"),
        [id],
        article_from_row,
    )
    .optional()?
    .ok_or_else(|| ArticleError::NotFound(id.to_owned()))
}

/// Every article, most recently updated first.
pub fn list(conn: &Connection) -> Result<Vec<ArticleSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, headline, status, updated_at, word_count FROM articles ORDER BY updated_at DESC, seq DESC",
    )?;
    let rows = stmt.query_map([], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The articles tagged with an entity, most recently updated first.
pub fn tagged_with(conn: &Connection, entity_id: &str) -> Result<Vec<ArticleSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.headline, a.status, a.updated_at, a.word_count
         FROM article_tags t JOIN articles a ON a.id = t.article_id
         WHERE t.entity_id = ?1 ORDER BY a.updated_at DESC, a.seq DESC",
    )?;
    let rows = stmt.query_map([entity_id], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        headline: row.get(1)?,
        status: parse_status(&row.get::<_, String>(2)?)?,
        updated_at: parse_timestamp(&row.get::<_, String>(3)?)?,
        word_count: row.get(4)?,
    })
}

/// Saves the working copy. `base_version` is the version the editor loaded; if the stored
/// version differs, someone else saved in between and nothing is written.
pub fn save(
    conn: &Connection,
    id: &str,
    base_version: i64,
    fields: &ArticleFields,
    kind: SaveKind,
    now: DateTime<Utc>,
) -> Result<Article> {
    let fields = normalise(fields)?;
    write(conn, |tx| {
        let current = get(tx, id)?;
        if current.version != base_version {
            return Err(ArticleError::Conflict {
                yours: base_version,
                stored: current.version,
            });
        }
        // A published piece keeps its URL even if the headline is later corrected.
        let slug = if current.status == Status::Published {
            current.slug.clone()
        } else {
            newsroom_text::slug(&fields.headline)
        };
        tx.execute(
            "UPDATE articles SET headline = ?2, sapo = ?3, body = ?4, byline = ?5, dateline = ?6,
                section = ?7, slug = ?8, word_count = ?9, version = version + 1, updated_at = ?10
         WHERE id = ?1",
            params![
                id,
                fields.headline,
                fields.sapo,
                fields.body,
                fields.byline,
                fields.dateline,
                fields.section,
                slug,
                word_count(&fields),
                timestamp(now),
            ],
        )?;
        let article = get(tx, id)?;
        search::index(tx, &article)?;
        match kind {
            SaveKind::Manual => revisions::snapshot_if_changed(tx, &article, RevisionReason::Manual, now)?,
            SaveKind::Autosave => revisions::snapshot_if_due(tx, &article, now)?,
        }
        Ok(article)
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
        tx.execute("DELETE FROM article_search WHERE rowid = ?1", [seq])?;
        tx.execute("DELETE FROM articles WHERE seq = ?1", [seq])?;
        Ok(())
    })
}
