//! Sending the outbox: every due job once, several at a time.
//!
//! - **No job holds another.** Jobs go out in lanes (at most [`PARALLEL_SENDS`]), each lane
//!   with its own database connection; a lane held by a stalled connection holds its own job
//!   alone while the others go on through the queue.
//! - **One piece, one send at a time.** Two jobs of the same piece (to two sites) never go out
//!   together: each writes the piece's send records.
//! - **Backoff for outages, not for flaky links.** A job that failed waits before its next
//!   attempt 5 s, doubling with jitter for each attempt in a row the site answered nothing
//!   (it is down, or the network is); when it answered part of the attempt, the link is
//!   flaky and the job is tried again after about a second.
//! - A drain by the worker also takes jobs that become due while it runs (queued meanwhile, or
//!   a short backoff run out), for a minute at most, so a slow round does not leave them
//!   waiting for the next: a lane with nothing to send waits up to 3 s for a job about to be
//!   due rather than end while another lane is held by a stalled connection.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::ninjs_http::{push_ninjs, NinjsHttp};
use crate::outbox::{backoff, recover, select_jobs, SiteVersion};
use crate::push::{push_article, PushOutcome, RemoteStatus};
use crate::shared_review::{desk_support, known_support, sync_review};
use crate::{backend, timestamp, Backend, DeskSupport, Result, SyncError, SyncJob, WordPress};

/// How many jobs are sent at once.
pub const PARALLEL_SENDS: usize = 4;

/// The wait after an attempt the site answered in part, times a random factor in [0.5, 1.5).
const FLAKY_WAIT: Duration = Duration::from_secs(1);

/// The longest a lane with nothing to send waits for a job about to be due. It covers the
/// wait after a flaky link's failure (at most 1.5 s) and stays below the shortest wait after an
/// attempt the site never answered (2.5 s): a site that is down is tried again by a later drain,
/// never twice in one.
const WAIT_IN_LANE: Duration = Duration::from_secs(2);
const _: () = assert!(WAIT_IN_LANE.as_millis() > FLAKY_WAIT.as_millis() * 3 / 2);
const _: () = assert!(WAIT_IN_LANE.as_millis() < crate::outbox::FIRST_BACKOFF.as_millis() / 2);

/// How long a drain keeps taking jobs that became due after it started.
const TAKE_NEW_FOR: Duration = Duration::from_secs(60);

/// Gives each backend's password.
pub type Passwords<'a> = &'a (dyn Fn(&Backend) -> Result<String> + Sync);
/// Hears `(job id, photo bytes sent, photo bytes to send)` while a job is sending.
pub type JobProgress<'a> = &'a (dyn Fn(i64, u64, u64) + Sync);

/// Whether an error passes by itself (the network, a failing site), so trying again later can
/// succeed.
pub(crate) fn retried(err: &SyncError) -> bool {
    classify(err).1
}

/// The code and whether to try again later, for an error.
fn classify(err: &SyncError) -> (&'static str, bool) {
    match err {
        SyncError::Unauthorized(_) => ("unauthorized", false),
        SyncError::Forbidden(_) => ("forbidden", false),
        // The site's copy of the review is unreadable: trying again reads the same thing.
        SyncError::Review(_) => ("review_unreadable", false),
        SyncError::Conflict { .. } => ("conflict", false),
        SyncError::Network { .. } => ("network", true),
        SyncError::Garbage(_) => ("garbage", true),
        SyncError::Remote { status, .. } if *status >= 500 || *status == 429 || *status == 408 => {
            ("remote", true)
        }
        SyncError::Remote { .. } => ("rejected", false),
        SyncError::Keychain(_) => ("keychain", false),
        _ => ("local", false),
    }
}

/// Sends every queued push once with the passwords from the OS keychain (`force`: even those
/// still waiting out a backoff), after putting back any a crash left half-sent; returns the
/// jobs it sent. For front ends without a worker (the CLI's `sync run`).
pub fn send_all(
    conn: &Connection,
    photos_dir: &Path,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Vec<SyncJob>> {
    recover(conn, now)?;
    let password = |backend: &Backend| crate::password(&backend.id);
    drain(conn, photos_dir, &password, &|_, _, _| {}, now, force)
}

/// Sends every due job, [`PARALLEL_SENDS`] at a time; see [`drain_in_lanes`].
pub fn drain(
    conn: &Connection,
    photos_dir: &Path,
    password: Passwords,
    progress: JobProgress,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Vec<SyncJob>> {
    drain_in_lanes(conn, photos_dir, password, progress, now, force, PARALLEL_SENDS)
}

/// One queued job as taken for sending.
#[derive(Debug, Clone)]
struct Due {
    id: i64,
    article_id: String,
    backend_id: String,
    target: String,
}

/// What the lanes share: the jobs still to send, the pieces being sent, the jobs sent.
struct Lanes {
    waiting: Vec<Due>,
    /// Ids taken in this drain that are still being sent (not yet back in the queue).
    taken: HashSet<i64>,
    pieces: HashSet<String>,
    sent: Vec<i64>,
    /// Whether to look for jobs that became due after the drain started.
    take_new: bool,
    started: Instant,
}

impl Lanes {
    /// The oldest waiting job whose piece is not being sent, now marked as being sent.
    fn take(&mut self) -> Option<Due> {
        let at = self
            .waiting
            .iter()
            .position(|due| !self.pieces.contains(&due.article_id))?;
        let due = self.waiting.remove(at);
        self.pieces.insert(due.article_id.clone());
        self.taken.insert(due.id);
        Some(due)
    }

    fn done(&mut self, due: &Due) {
        self.pieces.remove(&due.article_id);
        self.taken.remove(&due.id);
        self.sent.push(due.id);
    }

    /// Adds the jobs due now that are neither waiting nor being sent.
    fn add(&mut self, found: Vec<Due>) {
        for due in found {
            if !self.taken.contains(&due.id) && !self.waiting.iter().any(|w| w.id == due.id) {
                self.waiting.push(due);
            }
        }
    }
}

fn due_jobs(conn: &Connection, now: DateTime<Utc>, force: bool) -> Result<Vec<Due>> {
    let found = conn
        .prepare_cached(
            "SELECT id, article_id, backend_id, target_status FROM outbox
             WHERE state = 'queued' AND (?1 OR next_attempt_at <= ?2) ORDER BY id",
        )?
        .query_map(params![force, timestamp(now)], |r| {
            Ok(Due {
                id: r.get(0)?,
                article_id: r.get(1)?,
                backend_id: r.get(2)?,
                target: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Sends every due job once, oldest first, in up to `lanes` lanes (one when the store is not a
/// file another connection can open). `force` sends queued jobs whose backoff has not run out
/// yet, as `sync run` does, and takes nothing queued after the drain started. `password` gives
/// each backend's password (from the keychain in the app and the CLI); `progress` hears
/// `(job id, photo bytes sent, photo bytes to send)` while a job is sending. Returns the jobs
/// sent as they are now, each once, in the order they finished.
pub fn drain_in_lanes(
    conn: &Connection,
    photos_dir: &Path,
    password: Passwords,
    progress: JobProgress,
    now: DateTime<Utc>,
    force: bool,
    lanes: usize,
) -> Result<Vec<SyncJob>> {
    let waiting = due_jobs(conn, now, force)?;
    let file = conn.path().filter(|p| !p.is_empty()).map(Path::new);
    let lanes = match file {
        Some(_) => lanes.clamp(1, waiting.len().max(1)),
        None => 1,
    };
    let shared = Mutex::new(Lanes {
        waiting,
        taken: HashSet::new(),
        pieces: HashSet::new(),
        sent: Vec::new(),
        take_new: !force,
        started: Instant::now(),
    });
    let lane = |conn: &Connection| send_in_lane(conn, photos_dir, password, progress, &shared);
    let outcomes: Vec<Result<()>> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..lanes)
            .filter_map(|_| file)
            .map(|file| {
                scope.spawn(move || {
                    let own = Connection::open(file)?;
                    newsroom_store::configure(&own)?;
                    lane(&own)
                })
            })
            .collect();
        let mut outcomes = vec![lane(conn)];
        outcomes.extend(
            others
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
        );
        outcomes
    });
    outcomes.into_iter().collect::<Result<()>>()?;
    let sent = shared.into_inner().unwrap_or_else(|p| p.into_inner()).sent;
    let mut seen = HashSet::new();
    let mut jobs = Vec::with_capacity(sent.len());
    for id in sent.into_iter().rev() {
        if seen.insert(id) {
            jobs.extend(select_jobs(conn, Some(id))?);
        }
    }
    jobs.reverse();
    Ok(jobs)
}

fn lock(shared: &Mutex<Lanes>) -> std::sync::MutexGuard<'_, Lanes> {
    shared.lock().unwrap_or_else(|p| p.into_inner())
}

/// One lane: takes the next job no other lane is sending, sends it, and again, until none is
/// left. A lane with nothing to take looks for jobs that became due (the worker's drains).
fn send_in_lane(
    conn: &Connection,
    photos_dir: &Path,
    password: Passwords,
    progress: JobProgress,
    shared: &Mutex<Lanes>,
) -> Result<()> {
    loop {
        let (taken, taking_new) = {
            let mut lanes = lock(shared);
            match lanes.take() {
                Some(due) => (Some(due), false),
                None if lanes.take_new && lanes.started.elapsed() < TAKE_NEW_FOR => {
                    let found = due_jobs(conn, Utc::now(), false)?;
                    lanes.add(found);
                    (lanes.take(), true)
                }
                None => (None, false),
            }
        };
        let Some(due) = taken else {
            // A job tried again in a moment (after a flaky link's failure) is waited for here,
            // not left until another lane's stalled connection gives up and the drain ends.
            match crate::outbox::next_due(conn, Utc::now()) {
                Some(wait) if taking_new && wait <= WAIT_IN_LANE => {
                    std::thread::sleep(wait.max(Duration::from_millis(100)));
                    continue;
                }
                _ => return Ok(()),
            }
        };
        let outcome = send_one(conn, photos_dir, password, progress, &due);
        lock(shared).done(&due);
        outcome?;
    }
}

/// Sends one job and records how it went. Errors are the store's own; a failed send is
/// recorded on the job.
fn send_one(
    conn: &Connection,
    photos_dir: &Path,
    password: Passwords,
    progress: JobProgress,
    due: &Due,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2 WHERE id = ?1",
        params![due.id, timestamp(Utc::now())],
    )?;
    let (outcome, answered) = push(conn, photos_dir, password, progress, due);
    let finished = Utc::now();
    match outcome {
        Ok(done) => {
            conn.execute(
                "UPDATE outbox SET state = 'synced', last_error_code = '', last_error = '', remote_url = ?2,
                 unanswered_attempts = 0, updated_at = ?3 WHERE id = ?1",
                params![due.id, done.link, timestamp(finished)],
            )?;
        }
        Err(err) => {
            let (code, again) = classify(&err);
            let (state, next) = if again {
                // Attempts in a row the site answered nothing: it is down, or the network is.
                let unanswered: u32 = conn.query_row(
                    "UPDATE outbox SET unanswered_attempts = CASE WHEN ?2 THEN 0 ELSE unanswered_attempts + 1 END
                     WHERE id = ?1 RETURNING unanswered_attempts",
                    params![due.id, answered],
                    |r| r.get(0),
                )?;
                // The first such failure waits about 5 s, the next about 10 s, and so on;
                // while the site answers part of each attempt, the link is flaky, not the
                // site down, and the job is tried again after about a second.
                let wait = match unanswered {
                    0 => FLAKY_WAIT.mul_f64(0.5 + fastrand::f64()),
                    n => backoff(n - 1),
                };
                let wait = chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                ("queued", finished + wait)
            } else if code == "conflict" {
                ("conflict", finished)
            } else {
                ("failed", finished)
            };
            let conflict = match &err {
                SyncError::Conflict { remote, site, .. } => serde_json::to_string(&SiteVersion {
                    modified_gmt: remote.clone(),
                    text: (**site).clone(),
                })
                .expect("strings serialise"),
                _ => String::new(),
            };
            conn.execute(
                "UPDATE outbox SET state = ?2, next_attempt_at = ?3, last_error_code = ?4, last_error = ?5,
                 updated_at = ?6, conflict = ?7 WHERE id = ?1",
                params![
                    due.id,
                    state,
                    timestamp(next),
                    code,
                    err.to_string(),
                    timestamp(finished),
                    conflict
                ],
            )?;
        }
    }
    Ok(())
}

/// The push of one job: the piece to its site, with its review where the site keeps reviews;
/// and whether the site answered any of its requests.
fn push(
    conn: &Connection,
    photos_dir: &Path,
    password: Passwords,
    progress: JobProgress,
    due: &Due,
) -> (Result<PushOutcome>, bool) {
    let backend = match backend(conn, &due.backend_id) {
        Ok(backend) => backend,
        Err(err) => return (Err(err), false),
    };
    let secret = match password(&backend) {
        Ok(secret) => secret,
        Err(err) => return (Err(err), false),
    };
    let progress = |sent, total| progress(due.id, sent, total);
    if backend.kind == "ninjs_http" {
        let http = NinjsHttp::new(&backend.url, &secret);
        return (
            push_ninjs(conn, photos_dir, &backend, &http, &due.article_id, &progress),
            false,
        );
    }
    let wp = WordPress::new(&backend.url, &backend.username, &secret);
    let status = RemoteStatus::parse(&due.target);
    let outcome = (|| {
        let pushed = push_article(
            conn,
            photos_dir,
            &backend,
            &wp,
            &due.article_id,
            status,
            &progress,
        )?;
        // The review goes with the piece, in the same job: a retry pushes an unchanged post
        // again (nothing is written) and merges the review again (nothing is added). What the
        // site offers is asked once (on connecting, or here the first time) and kept fresh by
        // every pull, not asked again on every push.
        let support = match known_support(conn, &backend.id)? {
            DeskSupport::Unknown => desk_support(conn, &backend, &wp)?,
            known => known,
        };
        if support == DeskSupport::Active {
            sync_review(conn, &backend, &wp, &due.article_id)?;
        }
        Ok(pushed)
    })();
    (outcome, wp.answered() > 0)
}
