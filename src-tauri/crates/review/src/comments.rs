//! Comment threads pinned to passages of a piece's body: started on a selection, replied to,
//! resolved and reopened. Listing them finds each passage again in the current body and keeps
//! where it now is, so anchors follow the text through every edit.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchor::{self, anchor_at, Anchor, Found};
use crate::{Result, ReviewError, MAX_COMMENT_BYTES};
use newsroom_store::{parse_timestamp, timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comment {
    pub id: String,
    pub author: String,
    pub text: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
}

/// A thread as the margin shows it: the passage, the comments, and where the passage is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Thread {
    pub id: String,
    pub article_id: String,
    /// The passage as it now reads (or last read, when orphaned).
    pub quote: String,
    pub created_by: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    pub resolved_by: String,
    #[ts(type = "string | null")]
    pub resolved_at: Option<DateTime<Utc>>,
    pub comments: Vec<Comment>,
    /// Where the passage is in the current body, in characters; none when orphaned.
    pub start: Option<u32>,
    pub end: Option<u32>,
    /// How it was found again.
    pub found: Option<Found>,
}

fn clean_text(text: &str) -> Result<String> {
    let text = newsroom_text::nfc(text.trim());
    if text.is_empty() {
        return Err(ReviewError::Invalid("a comment needs some text".into()));
    }
    if text.len() > MAX_COMMENT_BYTES {
        return Err(ReviewError::Invalid(format!(
            "a comment has at most {MAX_COMMENT_BYTES} bytes"
        )));
    }
    Ok(text)
}

fn body_of(conn: &Connection, article_id: &str) -> Result<String> {
    Ok(newsroom_articles::get(conn, article_id)?.body)
}

/// The anchor of the first occurrence of `quote` in the piece's body (for front ends that name
/// a passage by its words, such as the CLI).
pub fn anchor_for_quote(conn: &Connection, article_id: &str, quote: &str) -> Result<Anchor> {
    let quote = newsroom_text::nfc(quote);
    if quote.trim().is_empty() {
        return Err(ReviewError::Invalid("select the passage to comment on".into()));
    }
    let body = body_of(conn, article_id)?;
    let at = body
        .find(quote.as_str())
        .ok_or_else(|| ReviewError::Invalid("the quoted passage is not in the piece".into()))?;
    let start = body[..at].chars().count();
    Ok(anchor_at(&body, start, start + quote.chars().count()))
}

/// Starts a thread on a passage.
pub fn add_thread(
    conn: &Connection,
    article_id: &str,
    anchor: &Anchor,
    text: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Thread> {
    if anchor.quote.trim().is_empty() {
        return Err(ReviewError::Invalid("select the passage to comment on".into()));
    }
    let text = clean_text(text)?;
    body_of(conn, article_id)?;
    let id = uuid::Uuid::now_v7().to_string();
    newsroom_store::write(conn, |tx| -> Result<()> {
        tx.execute(
            "INSERT INTO comment_threads (id, article_id, quote, prefix, suffix, position, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                article_id,
                newsroom_text::nfc(&anchor.quote),
                newsroom_text::nfc(&anchor.prefix),
                newsroom_text::nfc(&anchor.suffix),
                anchor.position,
                newsroom_text::nfc(by),
                timestamp(now)
            ],
        )?;
        insert_comment(tx, &id, &text, by, now)
    })?;
    thread(conn, &id)
}

fn insert_comment(
    conn: &Connection,
    thread_id: &str,
    text: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO comments (id, thread_id, author, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            uuid::Uuid::now_v7().to_string(),
            thread_id,
            newsroom_text::nfc(by),
            text,
            timestamp(now)
        ],
    )?;
    Ok(())
}

/// Replies to a thread. A reply to a resolved thread opens it again: someone still has
/// something to say.
pub fn reply(conn: &Connection, thread_id: &str, text: &str, by: &str, now: DateTime<Utc>) -> Result<Thread> {
    let text = clean_text(text)?;
    newsroom_store::write(conn, |tx| -> Result<()> {
        require(tx, thread_id)?;
        insert_comment(tx, thread_id, &text, by, now)?;
        tx.execute(
            "UPDATE comment_threads SET resolved_at = NULL, resolved_by = '', reopened_at = ?2 WHERE id = ?1",
            params![thread_id, timestamp(now)],
        )?;
        Ok(())
    })?;
    thread(conn, thread_id)
}

/// Resolves a thread, or opens it again. Resolving records which comments were there to be
/// seen, so a reply written on another machine meanwhile opens it again when the two meet
/// (see `shared.rs`).
pub fn set_resolved(
    conn: &Connection,
    thread_id: &str,
    resolved: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Thread> {
    require(conn, thread_id)?;
    if resolved {
        conn.execute(
            "UPDATE comment_threads SET resolved_at = ?2, resolved_by = ?3,
                 resolved_seen = (SELECT json_group_array(id) FROM comments WHERE thread_id = ?1)
             WHERE id = ?1",
            params![thread_id, timestamp(now), newsroom_text::nfc(by)],
        )?;
    } else {
        conn.execute(
            "UPDATE comment_threads SET resolved_at = NULL, resolved_by = '', reopened_at = ?2 WHERE id = ?1",
            params![thread_id, timestamp(now)],
        )?;
    }
    thread(conn, thread_id)
}

fn require(conn: &Connection, thread_id: &str) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM comment_threads WHERE id = ?1", [thread_id], |r| {
            r.get(0)
        })
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| ReviewError::NotFound("comment thread", thread_id.to_owned()))
}

struct Stored {
    thread: Thread,
    anchor: Anchor,
}

fn stored(conn: &Connection, article_id: Option<&str>, thread_id: Option<&str>) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, article_id, created_by, created_at, resolved_by, resolved_at, quote, prefix, suffix, position
         FROM comment_threads WHERE (?1 IS NULL OR article_id = ?1) AND (?2 IS NULL OR id = ?2)
         ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map(params![article_id, thread_id], |r| {
        let resolved_at: Option<String> = r.get(5)?;
        Ok(Stored {
            thread: Thread {
                id: r.get(0)?,
                article_id: r.get(1)?,
                quote: r.get(6)?,
                created_by: r.get(2)?,
                created_at: parse_timestamp(&r.get::<_, String>(3)?)?,
                resolved_by: r.get(4)?,
                resolved_at: resolved_at.as_deref().map(parse_timestamp).transpose()?,
                comments: Vec::new(),
                start: None,
                end: None,
                found: None,
            },
            anchor: anchor::from_row(r, 6)?,
        })
    })?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for s in &mut out {
        s.thread.comments = comments_of(conn, &s.thread.id)?;
    }
    Ok(out)
}

/// A thread's comments, oldest first.
pub(crate) fn comments_of(conn: &Connection, thread_id: &str) -> Result<Vec<Comment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, author, text, created_at FROM comments WHERE thread_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([thread_id], |r| {
        Ok(Comment {
            id: r.get(0)?,
            author: r.get(1)?,
            text: r.get(2)?,
            created_at: parse_timestamp(&r.get::<_, String>(3)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Finds each thread's passage in `body`; a passage found somewhere new (or changed) is kept
/// as the thread's anchor from now on.
fn anchored(conn: &Connection, body: &str, stored: Vec<Stored>) -> Result<Vec<Thread>> {
    let mut out = Vec::with_capacity(stored.len());
    for Stored { mut thread, anchor } in stored {
        if let Some((at, moved)) = anchor::follow(body, &anchor) {
            if let Some(now) = moved {
                conn.execute(
                    "UPDATE comment_threads SET quote = ?2, prefix = ?3, suffix = ?4, position = ?5 WHERE id = ?1",
                    params![thread.id, now.quote, now.prefix, now.suffix, now.position],
                )?;
                thread.quote = now.quote;
            }
            thread.start = Some(at.start as u32);
            thread.end = Some(at.end as u32);
            thread.found = Some(at.found);
        }
        out.push(thread);
    }
    Ok(out)
}

fn thread(conn: &Connection, thread_id: &str) -> Result<Thread> {
    let found = stored(conn, None, Some(thread_id))?;
    let article_id = found
        .first()
        .map(|s| s.thread.article_id.clone())
        .ok_or_else(|| ReviewError::NotFound("comment thread", thread_id.to_owned()))?;
    let body = body_of(conn, &article_id)?;
    Ok(anchored(conn, &body, found)?.remove(0))
}

/// Every thread on a piece, oldest first, each found again in the current body.
pub fn threads(conn: &Connection, article_id: &str) -> Result<Vec<Thread>> {
    let body = body_of(conn, article_id)?;
    let found = stored(conn, Some(article_id), None)?;
    anchored(conn, &body, found)
}
