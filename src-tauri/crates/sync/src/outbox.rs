//! The outbox: durable push jobs, one per piece and backend, drained (see `sending`) with
//! exponential backoff and jitter. A job interrupted by a crash is found in `sending` at the
//! next start and queued again; the push itself is exactly-once (see `push`), so sending it
//! again cannot duplicate anything.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use newsroom_articles::Status;

use crate::merge::{merge, resolve, save_merged, ArticleText, Choice, Passage};
use crate::push::RemoteStatus;
use crate::{remote_item, timestamp, Backend, Result, SyncError};

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Queued,
    Sending,
    Synced,
    Conflict,
    Failed,
    Cancelled,
}

impl JobState {
    fn parse(text: &str) -> JobState {
        match text {
            "sending" => JobState::Sending,
            "synced" => JobState::Synced,
            "conflict" => JobState::Conflict,
            "failed" => JobState::Failed,
            "cancelled" => JobState::Cancelled,
            _ => JobState::Queued,
        }
    }
}

/// One piece's job on one backend, as `sync status` and the UI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SyncJob {
    #[ts(type = "number")]
    pub id: i64,
    pub article_id: String,
    pub headline: String,
    pub backend: String,
    pub target_status: String,
    pub state: JobState,
    pub attempts: u32,
    pub next_attempt_at: String,
    /// A closed set: `unauthorized`, `conflict`, `network`, `remote`, `garbage`, `rejected`,
    /// `keychain`, `local`; empty when nothing went wrong.
    pub error_code: String,
    pub error: String,
    pub remote_url: String,
}

/// The wait before the second attempt, before the random factor.
pub(crate) const FIRST_BACKOFF: Duration = Duration::from_secs(5);

/// The longest wait between two attempts.
const MAX_DELAY: Duration = Duration::from_secs(3600);

/// The wait before attempt `attempts + 1`: 5 s doubling, at most an hour, times a random
/// factor in [0.5, 1.5) so many laptops coming back online do not retry in step.
pub fn backoff(attempts: u32) -> Duration {
    let base = FIRST_BACKOFF.saturating_mul(1u32 << attempts.min(20));
    base.min(MAX_DELAY).mul_f64(0.5 + fastrand::f64())
}

/// Queues a push of the piece to the backend; a job already waiting for it takes the newer
/// target status instead of a second job being added. A job being sent right now read the
/// piece and its target when it started, so a change made meanwhile is a job of its own,
/// sent after it (otherwise the change would be marked sent without ever going).
pub fn enqueue(
    conn: &Connection,
    article_id: &str,
    backend_id: &str,
    status: RemoteStatus,
    now: DateTime<Utc>,
) -> Result<i64> {
    let open: Option<i64> = conn
        .query_row(
            "SELECT id FROM outbox WHERE article_id = ?1 AND backend_id = ?2 AND state = 'queued'",
            params![article_id, backend_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = open {
        conn.execute(
            "UPDATE outbox SET target_status = ?2, next_attempt_at = ?3, updated_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), timestamp(now)],
        )?;
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO outbox (article_id, backend_id, target_status, state, next_attempt_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'queued', ?4, ?4, ?4)",
        params![article_id, backend_id, status.as_str(), timestamp(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Queues the piece to every backend, to the post status its workflow state (and schedule)
/// maps to ([`RemoteStatus::of`]). A spiked piece goes only to the sites that have it, to be
/// taken off them: a site that never had it has nothing to take down.
pub fn enqueue_everywhere(conn: &Connection, article_id: &str, now: DateTime<Utc>) -> Result<()> {
    newsroom_store::write(conn, |tx| {
        let article = newsroom_articles::get(tx, article_id)?;
        let remote = RemoteStatus::of(&article);
        for backend in crate::backends(tx)? {
            if article.status == Status::Spiked
                && remote_item(tx, &backend.id, "article", article_id)?.is_none()
            {
                continue;
            }
            enqueue(tx, article_id, &backend.id, remote, now)?;
        }
        Ok(())
    })
}

/// Queues a piece that was moved to `status`, when entering that state sends it by itself
/// (submitting and publishing do; see [`RemoteStatus::sent_on_entry`]). Returns whether
/// anything was queued. Called inside the transaction of the state change, so a piece is never
/// marked sent without being on its way.
pub fn enqueue_on_entry(
    conn: &Connection,
    article_id: &str,
    status: Status,
    now: DateTime<Utc>,
) -> Result<bool> {
    if !RemoteStatus::sent_on_entry(status) {
        return Ok(false);
    }
    enqueue_everywhere(conn, article_id, now)?;
    Ok(true)
}

/// Whether the piece has a job to this site that is not finished: queued, being sent, or in
/// conflict.
pub(crate) fn has_open_job(conn: &Connection, article_id: &str, backend_id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM outbox WHERE article_id = ?1 AND backend_id = ?2 AND state IN ('queued', 'sending', 'conflict')",
            params![article_id, backend_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Queues to a newly connected site every piece that is with the desk (submitted, in review,
/// approved, scheduled): they were submitted while no site was there to take them.
pub(crate) fn enqueue_waiting(conn: &Connection, backend: &Backend, now: DateTime<Utc>) -> Result<usize> {
    let waiting: Vec<String> = conn
        .prepare("SELECT id FROM articles WHERE status IN ('submitted', 'in_review', 'approved') ORDER BY updated_at")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &waiting {
        let remote = RemoteStatus::of(&newsroom_articles::get(conn, id)?);
        enqueue(conn, id, &backend.id, remote, now)?;
    }
    Ok(waiting.len())
}

/// How long until the next queued job is due, if any is queued.
pub fn next_due(conn: &Connection, now: DateTime<Utc>) -> Option<Duration> {
    let next: Option<String> = conn
        .query_row(
            "SELECT min(next_attempt_at) FROM outbox WHERE state = 'queued'",
            [],
            |r| r.get(0),
        )
        .ok()
        .flatten();
    let at = DateTime::parse_from_rfc3339(&next?).ok()?;
    Some((at.with_timezone(&Utc) - now).to_std().unwrap_or(Duration::ZERO))
}

/// Makes every queued job due now: the network is back, so a backoff the outage caused is not
/// waited out.
pub(crate) fn make_all_due(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE outbox SET next_attempt_at = ?1, unanswered_attempts = 0 WHERE state = 'queued'",
        [timestamp(now)],
    )?)
}

/// After a crash: jobs left in `sending` go back to the queue.
pub fn recover(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    newsroom_store::write(conn, |tx| {
        // A job cut off while a newer change of the same piece waited behind it: the waiting
        // job sends the piece as it now is, which covers the one cut off.
        tx.execute(
            "DELETE FROM outbox WHERE state = 'sending' AND EXISTS (
                 SELECT 1 FROM outbox AS waiting WHERE waiting.article_id = outbox.article_id
                     AND waiting.backend_id = outbox.backend_id AND waiting.state = 'queued')",
            [],
        )?;
        Ok(tx.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?1, updated_at = ?1 WHERE state = 'sending'",
            [timestamp(now)],
        )?)
    })
}

/// Every job, newest first.
pub fn jobs(conn: &Connection) -> Result<Vec<SyncJob>> {
    select_jobs(conn, None)
}

/// Jobs as shown: all of them, or the one with this id.
pub(crate) fn select_jobs(conn: &Connection, id: Option<i64>) -> Result<Vec<SyncJob>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.article_id, a.headline, b.name, o.target_status, o.state, o.attempts, o.next_attempt_at,
                o.last_error_code, o.last_error, o.remote_url
         FROM outbox o JOIN articles a ON a.id = o.article_id JOIN backends b ON b.id = o.backend_id
         WHERE ?1 IS NULL OR o.id = ?1
         ORDER BY o.id DESC",
    )?;
    let found = stmt
        .query_map([id], |r| {
            Ok(SyncJob {
                id: r.get(0)?,
                article_id: r.get(1)?,
                headline: r.get(2)?,
                backend: r.get(3)?,
                target_status: r.get(4)?,
                state: JobState::parse(&r.get::<_, String>(5)?),
                attempts: r.get(6)?,
                next_attempt_at: r.get(7)?,
                error_code: r.get(8)?,
                error: r.get(9)?,
                remote_url: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// Stops a job that has not been sent yet (or has failed).
pub fn cancel(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET state = 'cancelled', updated_at = ?2 WHERE id = ?1 AND state IN ('queued', 'failed', 'conflict')",
        params![id, timestamp(now)],
    )?;
    Ok(())
}

/// Queues a failed or conflicted job again, now.
pub fn retry(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, updated_at = ?2, unanswered_attempts = 0
         WHERE id = ?1 AND state IN ('failed', 'conflict')",
        params![id, timestamp(now)],
    )?;
    Ok(())
}

/// The site's version a conflicting job met.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct SiteVersion {
    pub(crate) modified_gmt: String,
    pub(crate) text: ArticleText,
}

/// What a job in conflict needs: its piece, its backend and the site's version it met.
fn conflicted(conn: &Connection, id: i64) -> Result<(String, String, SiteVersion)> {
    let (article, backend, conflict): (String, String, String) = conn
        .query_row(
            "SELECT article_id, backend_id, conflict FROM outbox WHERE id = ?1 AND state = 'conflict'",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| SyncError::Invalid(format!("job {id} is not in conflict")))?;
    let site = serde_json::from_str(&conflict)
        .map_err(|e| SyncError::Invalid(format!("job {id} has no site version: {e}")))?;
    Ok((article, backend, site))
}

fn base_of(conn: &Connection, backend: &str, article: &str) -> Result<ArticleText> {
    Ok(remote_item(conn, backend, "article", article)?
        .map(|item| serde_json::from_str(&item.synced_source).unwrap_or_default())
        .unwrap_or_default())
}

/// The passages of a conflicting job, merged from the last synced text, the article as it is
/// now and the site's version; the conflicting ones have no `text`.
pub fn conflict_passages(conn: &Connection, id: i64) -> Result<Vec<Passage>> {
    let (article_id, backend, site) = conflicted(conn, id)?;
    let article = newsroom_articles::get(conn, &article_id)?;
    Ok(merge(
        &base_of(conn, &backend, &article_id)?,
        &ArticleText::of(&article),
        &site.text,
    ))
}

/// Settles a conflict with one choice per conflicting passage: saves the merged text as a new
/// version of the article (a revision), takes the site's version as the new base, and queues
/// the job again. If the article changed since the passages were shown, or the choices do not
/// fit them, nothing is written. `by` chose.
pub fn resolve_conflict(
    conn: &Connection,
    id: i64,
    choices: &[Choice],
    by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    newsroom_store::write(conn, |tx| {
        let passages = conflict_passages(tx, id)?;
        let merged = resolve(&passages, choices)
            .ok_or_else(|| SyncError::Invalid("one choice is needed for each passage in conflict".into()))?;
        let (article_id, backend, site) = conflicted(tx, id)?;
        save_merged(tx, newsroom_articles::get(tx, &article_id)?, merged, by, now)?;
        // The site's version is now part of the article: the next push may replace it, and
        // only an edit made on the site after this one is a new conflict.
        tx.execute(
            "UPDATE remote_items SET remote_modified_gmt = ?3, synced_source = ?4
             WHERE backend_id = ?1 AND local_kind = 'article' AND local_id = ?2",
            params![
                backend,
                article_id,
                site.modified_gmt,
                serde_json::to_string(&site.text).expect("strings serialise")
            ],
        )?;
        tx.execute(
            "UPDATE outbox SET state = 'queued', conflict = '', next_attempt_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, timestamp(now)],
        )?;
        Ok(())
    })
}
