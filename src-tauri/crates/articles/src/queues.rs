//! The queues the desk lives in: the article list filtered by state, person, section and age,
//! and how many pieces each state holds. Filtering and counting happen in SQL, on the
//! `articles_by_status` and `articles_by_section` indexes, never by loading every article.

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::models::{ArticleSummary, ListQuery, Status, StatusCount};
use crate::row::{parse_status, summary_from_row, SUMMARY_COLUMNS};
use crate::{timestamp, Result};

/// How many rows a queue holds when the query names no limit.
pub const DEFAULT_QUEUE_LIMIT: u32 = 100;

/// The WHERE clause and its values for every filter but the state (counts ignore the state so
/// each state's count is shown beside the others).
fn filters(query: &ListQuery, now: DateTime<Utc>) -> (Vec<String>, Vec<Value>) {
    // What is in the trash is in no queue.
    let mut clauses = vec!["a.trashed_at IS NULL".to_owned()];
    let mut values = Vec::new();
    if let Some(person) = query.mine.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        values.push(Value::Text(newsroom_text::nfc(person)));
        let n = values.len();
        clauses.push(format!("(a.created_by = ?{n} OR a.reviewer = ?{n})"));
    }
    if let Some(section) = query.section.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        values.push(Value::Text(newsroom_text::nfc(section)));
        clauses.push(format!("a.section = ?{}", values.len()));
    }
    if let Some(days) = query.days {
        values.push(Value::Text(timestamp(now - Duration::days(i64::from(days)))));
        clauses.push(format!("a.updated_at >= ?{}", values.len()));
    }
    (clauses, values)
}

fn where_sql(clauses: &[String]) -> String {
    format!("WHERE {}", clauses.join(" AND "))
}

/// The pieces the query asks for, most recently changed first.
pub fn queue(conn: &Connection, query: &ListQuery, now: DateTime<Utc>) -> Result<Vec<ArticleSummary>> {
    let (mut clauses, mut values) = filters(query, now);
    if let Some(status) = query.status {
        values.push(Value::Text(status.as_str().to_owned()));
        clauses.push(format!("a.status = ?{}", values.len()));
    }
    // Keyset paging: the rows that sort after the last one shown, read from the index where
    // the previous page stopped rather than counted past.
    if let Some(after) = query.after.as_deref() {
        values.push(Value::Text(after.to_owned()));
        clauses.push(format!(
            "(a.updated_at, a.seq) < (SELECT updated_at, seq FROM articles WHERE id = ?{})",
            values.len()
        ));
    }
    values.push(Value::Integer(i64::from(
        query.limit.unwrap_or(DEFAULT_QUEUE_LIMIT),
    )));
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {} ORDER BY a.updated_at DESC, a.seq DESC LIMIT ?{}",
        where_sql(&clauses),
        values.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many pieces each state holds under the query's other filters; every state is listed,
/// in workflow order, with zero where none is.
pub fn status_counts(conn: &Connection, query: &ListQuery, now: DateTime<Utc>) -> Result<Vec<StatusCount>> {
    let (clauses, values) = filters(query, now);
    // Unfiltered (the one clause left is the trash's), the counts the triggers keep
    // (`article_status_counts`, which leave the trash out) are read as they are; a filtered
    // queue counts its own rows.
    let sql = if clauses.len() == 1 {
        "SELECT status, n FROM article_status_counts".to_owned()
    } else {
        format!(
            "SELECT a.status, count(*) FROM articles a {} GROUP BY a.status",
            where_sql(&clauses)
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let found: Vec<(Status, u32)> = stmt
        .query_map(rusqlite::params_from_iter(values), |r| {
            Ok((parse_status(&r.get::<_, String>(0)?)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Status::ALL
        .into_iter()
        .map(|status| StatusCount {
            status,
            count: found.iter().find(|(s, _)| *s == status).map_or(0, |(_, c)| *c),
        })
        .collect())
}
