//! Reading and writing the `articles` row: the one place that knows its columns, below the
//! working copy (`edit`), revisions and search, which all build on it.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::models::{Article, ArticleFields, ArticleSummary, Status};
pub(crate) use newsroom_store::parse_timestamp;

use crate::{timestamp, ArticleError, Result};

/// The largest body accepted (10 MiB of UTF-8); larger is refused with a clear error rather
/// than freezing the editor.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
/// The largest headline, sapo, byline, dateline or section accepted.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

const ARTICLE_COLUMNS: &str = "id, headline, sapo, body, byline, dateline, section, slug, status, \
                               word_count, version, created_at, updated_at, created_by, updated_by, reviewer, \
                               publish_at, embargo_until";

/// The columns [`summary_from_row`] reads, for a query over `articles` named `a`.
pub(crate) const SUMMARY_COLUMNS: &str =
    "a.id, a.headline, a.status, a.updated_at, a.word_count, a.byline, a.section, a.created_by, a.reviewer, \
     a.publish_at";

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
        created_by: row.get(13)?,
        updated_by: row.get(14)?,
        reviewer: row.get(15)?,
        publish_at: optional_timestamp(row.get(16)?)?,
        embargo_until: optional_timestamp(row.get(17)?)?,
    })
}

/// A time the store may leave empty.
pub(crate) fn optional_timestamp(text: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    text.as_deref().map(parse_timestamp).transpose()
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
    newsroom_markdown::piece_counts(&fields.sapo, &fields.body).words as u32
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

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        headline: row.get(1)?,
        status: parse_status(&row.get::<_, String>(2)?)?,
        updated_at: parse_timestamp(&row.get::<_, String>(3)?)?,
        word_count: row.get(4)?,
        byline: row.get(5)?,
        section: row.get(6)?,
        created_by: row.get(7)?,
        reviewer: row.get(8)?,
        publish_at: optional_timestamp(row.get(9)?)?,
    })
}

/// Writes normalised fields over the working copy, bumping its version and naming who saved.
/// A published piece keeps its URL even if the headline is later corrected.
pub(crate) fn write_working_copy(
    conn: &Connection,
    id: &str,
    fields: &ArticleFields,
    by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE articles SET headline = ?2, sapo = ?3, body = ?4, byline = ?5, dateline = ?6,
            section = ?7, slug = CASE WHEN status = 'published' THEN slug ELSE ?8 END,
            word_count = ?9, version = version + 1, updated_at = ?10, updated_by = ?11
         WHERE id = ?1",
        params![
            id,
            fields.headline,
            fields.sapo,
            fields.body,
            fields.byline,
            fields.dateline,
            fields.section,
            newsroom_text::slug(&fields.headline),
            word_count(fields),
            timestamp(now),
            newsroom_text::nfc(by),
        ],
    )?;
    Ok(())
}

pub(crate) fn parse_status(text: &str) -> rusqlite::Result<Status> {
    Status::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown status {text}").into(),
        )
    })
}
