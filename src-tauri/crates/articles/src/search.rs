//! Search over headlines and bodies that treats `Hà Nội`, `ha noi`, `HÀ NỘI`, NFD text,
//! `đ`/`d` and old/new tone placement as equal.
//!
//! The index (`article_search`, FTS5) holds folded text only as index entries: it is
//! contentless, so the store keeps no second copy of the text, and it has prefix indexes for
//! one to three letters, so a query typed letter by letter reads one short list per word.
//! Results are what the list can show: pieces whose headline matches come first, then those
//! whose sapo or body does, each newest first, at most [`SEARCH_LIMIT`]. Every step reads the
//! index in rowid order and stops once enough are found, so the cost does not grow with the
//! number of matches in a five-year archive.

use rusqlite::{params, Connection, OptionalExtension};

use crate::models::{Article, ArticleSummary, ListQuery, Status};
use crate::row::{summary_from_row, SUMMARY_COLUMNS};
use crate::{write, Result};

const INDEX_BUILT_KEY: &str = "article_search_built";
/// The last article (by seq) a build interrupted midway had indexed.
const INDEX_PROGRESS_KEY: &str = "article_search_progress";
/// Articles indexed per transaction while building, so the editor's saves interleave.
const BUILD_BATCH: i64 = 500;
/// The most results one search returns (the list shows these; refining the query finds more).
pub const SEARCH_LIMIT: usize = 200;

fn insert(conn: &Connection, seq: i64, headline: &str, sapo: &str, body: &str) -> Result<()> {
    // Deleting first makes writing an article's entry idempotent: a build and a save may both
    // write the same article.
    conn.execute("DELETE FROM article_search WHERE rowid = ?1", [seq])?;
    conn.execute(
        "INSERT INTO article_search (rowid, headline, body) VALUES (?1, ?2, ?3)",
        params![
            seq,
            newsroom_text::fold(headline),
            newsroom_text::fold(&format!("{sapo}\n{body}")),
        ],
    )?;
    Ok(())
}

/// Writes an article's folded text into the search index (replacing what was there).
pub(crate) fn index(conn: &Connection, article: &Article) -> Result<()> {
    let seq: i64 = conn.query_row("SELECT seq FROM articles WHERE id = ?1", [&article.id], |r| {
        r.get(0)
    })?;
    insert(conn, seq, &article.headline, &article.sapo, &article.body)
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Whether the index still has to be built (a new store, or one upgraded to a new index).
pub fn search_index_needs_build(conn: &Connection) -> Result<bool> {
    Ok(setting(conn, INDEX_BUILT_KEY)?.is_none())
}

/// Fills the index from the articles, in batches, reporting `(done, total)` after each; an
/// interrupted build goes on where it stopped. Later writes keep the index current.
pub fn build_search_index(conn: &Connection, progress: &mut dyn FnMut(u64, u64)) -> Result<()> {
    if !search_index_needs_build(conn)? {
        return Ok(());
    }
    let total = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as u64;
    let mut after: i64 = match setting(conn, INDEX_PROGRESS_KEY)? {
        Some(seq) => seq.parse().unwrap_or(0),
        None => {
            conn.execute("DELETE FROM article_search", [])?;
            0
        }
    };
    let mut done = conn.query_row("SELECT count(*) FROM articles WHERE seq <= ?1", [after], |r| {
        r.get::<_, i64>(0)
    })? as u64;
    progress(done, total);
    loop {
        let indexed = write(conn, |tx| -> Result<u64> {
            let mut stmt = tx.prepare_cached(
                "SELECT seq, headline, sapo, body FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let mut rows = stmt.query(params![after, BUILD_BATCH])?;
            let mut n = 0;
            while let Some(row) = rows.next()? {
                let seq: i64 = row.get(0)?;
                insert(
                    tx,
                    seq,
                    &row.get::<_, String>(1)?,
                    &row.get::<_, String>(2)?,
                    &row.get::<_, String>(3)?,
                )?;
                after = seq;
                n += 1;
            }
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![INDEX_PROGRESS_KEY, after.to_string()],
            )?;
            Ok(n)
        })?;
        if indexed == 0 {
            break;
        }
        done += indexed;
        progress(done.min(total), total);
    }
    write(conn, |tx| -> Result<()> {
        tx.execute("DELETE FROM settings WHERE key = ?1", [INDEX_PROGRESS_KEY])?;
        tx.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, '1')",
            [INDEX_BUILT_KEY],
        )?;
        Ok(())
    })
}

/// Builds the index if it is missing, all at once (for front ends that can wait: the CLI,
/// tests).
pub fn ensure_search_index(conn: &Connection) -> Result<()> {
    build_search_index(conn, &mut |_, _| {})
}

/// The rowids of up to `limit` articles matching an FTS5 expression (in one state, when
/// given), newest first.
fn newest_matching(
    conn: &Connection,
    expression: &str,
    status: Option<Status>,
    limit: usize,
) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.rowid FROM article_search s JOIN articles a ON a.seq = s.rowid
         WHERE article_search MATCH ?1 AND (?2 IS NULL OR a.status = ?2) AND a.trashed_at IS NULL
         ORDER BY s.rowid DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![expression, status.map(Status::as_str), limit as i64],
        |r| r.get(0),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Articles whose headline, sapo or body contain every word of the query (each word may be
/// the start of a longer one, so results follow the reporter's typing): headline matches
/// first, then the rest, each newest first. An empty query gives the newest pieces.
pub fn search(conn: &Connection, query: &str) -> Result<Vec<ArticleSummary>> {
    search_in(conn, query, None, SEARCH_LIMIT)
}

/// [`search`] among the pieces in one state (when given), at most `limit` of them.
pub fn search_in(
    conn: &Connection,
    query: &str,
    status: Option<Status>,
    limit: usize,
) -> Result<Vec<ArticleSummary>> {
    let limit = limit.clamp(1, SEARCH_LIMIT * 5);
    let folded = newsroom_text::fold(query);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    if terms.is_empty() {
        let newest = ListQuery {
            status,
            limit: Some(limit as u32),
            ..Default::default()
        };
        return crate::queue(conn, &newest, chrono::Utc::now());
    }
    let all = terms.join(" AND ");
    let mut seqs = newest_matching(conn, &format!("{{headline}} : ({all})"), status, limit)?;
    if seqs.len() < limit {
        for seq in newest_matching(conn, &all, status, limit + seqs.len())? {
            if seqs.len() == limit {
                break;
            }
            if !seqs.contains(&seq) {
                seqs.push(seq);
            }
        }
    }
    if seqs.is_empty() {
        return Ok(Vec::new());
    }
    let list = seqs.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let mut stmt = conn.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.seq FROM articles a WHERE a.seq IN ({list})"
    ))?;
    let mut found: Vec<(i64, ArticleSummary)> = stmt
        .query_map([], |r| Ok((r.get(10)?, summary_from_row(r)?)))?
        .collect::<rusqlite::Result<_>>()?;
    found.sort_by_key(|(seq, _)| seqs.iter().position(|s| s == seq));
    Ok(found.into_iter().map(|(_, a)| a).collect())
}
