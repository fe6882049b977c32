//! Search over headlines and bodies that treats `Hà Nội`, `ha noi`, `HÀ NỘI`, NFD text,
//! `đ`/`d` and old/new tone placement as equal.

use rusqlite::{params, Connection};

use crate::models::{Article, ArticleSummary};
use crate::row::{summary_from_row, SUMMARY_COLUMNS};
use crate::{write, Result};

const INDEX_BUILT_KEY: &str = "article_search_built";

/// Writes an article's folded text into the search index (replacing what was there).
pub(crate) fn index(conn: &Connection, article: &Article) -> Result<()> {
    let seq: i64 = conn.query_row("SELECT seq FROM articles WHERE id = ?1", [&article.id], |r| {
        r.get(0)
    })?;
    conn.execute("DELETE FROM article_search WHERE rowid = ?1", [seq])?;
    conn.execute(
        "INSERT INTO article_search (rowid, headline, body) VALUES (?1, ?2, ?3)",
        params![
            seq,
            newsroom_text::fold(&article.headline),
            newsroom_text::fold(&format!("{}\n{}", article.sapo, article.body)),
        ],
    )?;
    Ok(())
}

/// Fills the index for articles written before it existed (a store upgraded from schema 1).
/// Runs once per store; later writes keep the index current.
pub fn ensure_search_index(conn: &Connection) -> Result<()> {
    let built: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)",
        [INDEX_BUILT_KEY],
        |r| r.get(0),
    )?;
    if built {
        return Ok(());
    }
    write(conn, |tx| {
        tx.execute("DELETE FROM article_search", [])?;
        {
            let mut stmt = tx.prepare("SELECT seq, headline, sapo, body FROM articles")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let (seq, headline, sapo, body): (i64, String, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
                tx.execute(
                    "INSERT INTO article_search (rowid, headline, body) VALUES (?1, ?2, ?3)",
                    params![
                        seq,
                        newsroom_text::fold(&headline),
                        newsroom_text::fold(&format!("{sapo}\n{body}"))
                    ],
                )?;
            }
        }
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, '1')",
            [INDEX_BUILT_KEY],
        )?;
        Ok(())
    })
}

/// Articles whose headline, sapo or body contain every word of the query (each word may be
/// the start of a longer one, so results follow the reporter's typing), best match first.
pub fn search(conn: &Connection, query: &str) -> Result<Vec<ArticleSummary>> {
    let folded = newsroom_text::fold(query);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    if terms.is_empty() {
        return crate::list(conn);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM article_search JOIN articles a ON a.seq = article_search.rowid
         WHERE article_search MATCH ?1
         ORDER BY bm25(article_search, 5.0, 1.0), a.updated_at DESC
         LIMIT 200"
    ))?;
    let rows = stmt.query_map([terms.join(" AND ")], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
