//! The background worker that drains the outbox while the app runs. It has its own database
//! connection, so a slow site never holds the store lock the editor saves through.
//!
//! - Wakes when a job is due, when told (a piece was submitted, a job retried), and at least
//!   every half minute.
//! - Online/offline: a network failure marks the app offline; while offline nothing is sent,
//!   and each backend is probed every 15 s. When one answers, the app is online again and every
//!   queued job is due at once (no waiting out a backoff that the outage caused).
//! - Paused by the user: nothing is sent or probed until resumed.
//! - Pulls from every site once a minute while online (and whenever asked): pieces returned
//!   to this machine's reporter, or submitted to its desk, arrive without anyone asking.
//! - Sends several jobs at once (see `sending`); the app goes offline only when none of a
//!   round's jobs reached a site, not because one connection stalled.
//! - Photo-byte progress of the jobs being sent is kept in memory and reported to the front end
//!   at most every 150 ms.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use crate::{JobState, Result, SyncError, SyncJob};

/// Whether the publishing sites can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Connectivity {
    /// Nothing has been sent or probed yet (or there is no backend).
    Unknown,
    Online,
    Offline,
}

/// Photo bytes sent so far for a job that is sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SendProgress {
    #[ts(type = "number")]
    pub job_id: i64,
    #[ts(type = "number")]
    pub sent: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Everything the sync screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SyncOverview {
    pub connectivity: Connectivity,
    pub paused: bool,
    /// Whether the worker runs at all (the CLI has none).
    pub running: bool,
    pub jobs: Vec<SyncJob>,
    /// The bytes sent of each job that is sending photos.
    pub progress: Vec<SendProgress>,
}

#[derive(Debug)]
struct State {
    connectivity: Connectivity,
    paused: bool,
    progress: Vec<SendProgress>,
    /// Set to wake the worker before its wait runs out.
    poked: bool,
    /// Sending or pulling right now.
    busy: bool,
    stop: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

/// The running worker; dropping it tells the thread to stop after the job in flight.
pub struct SyncWorker {
    shared: Arc<Shared>,
    _thread: JoinHandle<()>,
}

/// The longest sleep while online, so a job queued by another process (the CLI) is found.
const IDLE_WAIT: Duration = Duration::from_secs(30);
/// How often an offline app asks the sites whether they are back.
const PROBE_WAIT: Duration = Duration::from_secs(15);
/// How often the worker pulls from the sites while online.
const PULL_EVERY: Duration = Duration::from_secs(60);
/// How many pieces new to this machine one scheduled pull copies in (each with its photos):
/// a desk connecting to a site with a long queue gets it over a few minutes, and what it
/// sends meanwhile never waits behind the whole queue.
const NEW_PER_PULL: usize = 5;
/// The least time between two progress reports.
const PROGRESS_EVERY: Duration = Duration::from_millis(150);

impl SyncWorker {
    /// Starts the worker on the store in `data_dir`; `changed` is called (from the worker's
    /// thread) whenever what the sync screen shows has changed: with the new progress when
    /// only the bytes sent moved (no need to read the queue again), `None` otherwise.
    /// `scope` says, before each scheduled pull, which pieces it brings (it depends on who
    /// uses this machine, which can change while the app runs).
    pub fn start(
        data_dir: PathBuf,
        changed: Box<dyn Fn(Option<SendProgress>) + Send + Sync>,
        scope: Box<dyn Fn(&rusqlite::Connection) -> crate::PullScope + Send>,
    ) -> Result<SyncWorker> {
        let conn = newsroom_store::open_dir(&data_dir)?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                connectivity: Connectivity::Unknown,
                paused: false,
                progress: Vec::new(),
                poked: false,
                busy: false,
                stop: false,
            }),
            wake: Condvar::new(),
        });
        let inside = Arc::clone(&shared);
        let photos_dir = newsroom_photos::photos_dir(&data_dir);
        let thread = std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || run(&inside, &conn, &photos_dir, &*changed, &*scope))
            .map_err(SyncError::Worker)?;
        Ok(SyncWorker {
            shared,
            _thread: thread,
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.shared.state.lock().unwrap_or_else(|p| p.into_inner());
        let out = f(&mut state);
        self.shared.wake.notify_all();
        out
    }

    /// Looks at the queue now rather than at the next due time.
    pub fn poke(&self) {
        self.with(|s| s.poked = true);
    }

    pub fn set_paused(&self, paused: bool) {
        self.with(|s| {
            s.paused = paused;
            s.poked = true;
        });
    }

    /// Pauses sending and waits (up to `limit`) for a round in flight to end, so the store
    /// can be replaced under the worker; returns whether it was paused before, to put back.
    pub fn pause_until_idle(&self, limit: Duration) -> bool {
        let was = self.with(|s| std::mem::replace(&mut s.paused, true));
        let state = lock(&self.shared);
        let _idle = self
            .shared
            .wake
            .wait_timeout_while(state, limit, |s| s.busy)
            .unwrap_or_else(|p| p.into_inner());
        was
    }

    fn snapshot(&self) -> (Connectivity, bool, Vec<SendProgress>) {
        self.with(|s| (s.connectivity, s.paused, s.progress.clone()))
    }
}

impl Drop for SyncWorker {
    /// Not joined: an upload in flight may take minutes, and quitting must not wait for it.
    /// The outbox is safe to abandon mid-job (the next start queues it again, and the push
    /// finds by marker whatever the interrupted attempt created).
    fn drop(&mut self) {
        self.with(|s| s.stop = true);
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    shared.state.lock().unwrap_or_else(|p| p.into_inner())
}

/// Whether any backend answers at all (any HTTP status counts: the network is there).
fn reachable(conn: &rusqlite::Connection) -> bool {
    crate::backends(conn)
        .unwrap_or_default()
        .iter()
        .any(|b| crate::reachable(&b.url))
}

fn run(
    shared: &Shared,
    conn: &rusqlite::Connection,
    photos_dir: &std::path::Path,
    notify: &(dyn Fn(Option<SendProgress>) + Sync),
    scope: &dyn Fn(&rusqlite::Connection) -> crate::PullScope,
) {
    let changed = || notify(None);
    let _ = crate::recover(conn, Utc::now());
    let password = |backend: &crate::Backend| crate::password(&backend.id);
    let last_report = Mutex::new(Instant::now() - PROGRESS_EVERY);
    let progress = |job_id: i64, sent: u64, total: u64| {
        let now = SendProgress { job_id, sent, total };
        {
            let mut state = lock(shared);
            state.progress.retain(|p| p.job_id != job_id);
            state.progress.push(now);
        }
        let mut last = last_report.lock().unwrap_or_else(|p| p.into_inner());
        if last.elapsed() >= PROGRESS_EVERY || sent == total {
            *last = Instant::now();
            notify(Some(now));
        }
    };
    // The first pull comes right after the first round of sending.
    let mut last_pull: Option<Instant> = None;
    loop {
        let (paused, connectivity) = {
            let mut state = lock(shared);
            if state.stop {
                return;
            }
            state.poked = false;
            state.busy = !state.paused;
            (state.paused, state.connectivity)
        };
        let has_backends = crate::backends(conn).map(|b| !b.is_empty()).unwrap_or(false);
        if !paused && has_backends {
            if connectivity == Connectivity::Offline {
                if reachable(conn) {
                    let _ = crate::outbox::make_all_due(conn, Utc::now());
                    lock(shared).connectivity = Connectivity::Online;
                    changed();
                    continue;
                }
            } else {
                let sent = crate::drain(conn, photos_dir, &password, &progress, Utc::now(), false)
                    .unwrap_or_default();
                lock(shared).progress.clear();
                let now = if !sent.is_empty() && sent.iter().all(|j| j.error_code == "network") {
                    Some(Connectivity::Offline)
                } else if sent.iter().any(|j| j.state != JobState::Queued) {
                    Some(Connectivity::Online)
                } else if connectivity == Connectivity::Unknown {
                    Some(if reachable(conn) {
                        Connectivity::Online
                    } else {
                        Connectivity::Offline
                    })
                } else {
                    None
                };
                if let Some(now) = now {
                    lock(shared).connectivity = now;
                }
                if !sent.is_empty() || now.is_some_and(|n| n != connectivity) {
                    changed();
                }
                let online = lock(shared).connectivity == Connectivity::Online;
                if online && last_pull.is_none_or(|at| at.elapsed() >= PULL_EVERY) {
                    last_pull = Some(Instant::now());
                    let scope = match scope(conn) {
                        crate::PullScope::DeskQueue => crate::PullScope::DeskQueueAtMost(NEW_PER_PULL),
                        other => other,
                    };
                    match crate::pull_everywhere(conn, photos_dir, scope, crate::SiteChecks::WhenStale) {
                        Ok(pulled) if pulled.iter().any(crate::Pulled::changed) => changed(),
                        Ok(_) => {}
                        Err(SyncError::Network { .. }) => {
                            lock(shared).connectivity = Connectivity::Offline;
                            changed();
                        }
                        // Another kind of failure (a refused user, an unreadable review) is
                        // shown when the user pulls by hand; the schedule keeps going.
                        Err(_) => {}
                    }
                }
            }
        }
        let mut state = lock(shared);
        state.busy = false;
        shared.wake.notify_all();
        if state.stop || state.poked {
            continue;
        }
        let wait = match state.connectivity {
            _ if state.paused => IDLE_WAIT,
            Connectivity::Offline => PROBE_WAIT,
            Connectivity::Online => {
                let pull_due = last_pull.map_or(Duration::ZERO, |at| PULL_EVERY.saturating_sub(at.elapsed()));
                crate::outbox::next_due(conn, Utc::now())
                    .map_or(IDLE_WAIT, |due| due.min(IDLE_WAIT))
                    .min(pull_due.max(Duration::from_millis(100)))
            }
            _ => crate::outbox::next_due(conn, Utc::now()).map_or(IDLE_WAIT, |due| due.min(IDLE_WAIT)),
        };
        let _unused = shared
            .wake
            .wait_timeout_while(state, wait, |s| !s.poked && !s.stop)
            .unwrap_or_else(|p| p.into_inner());
    }
}

/// What the sync screen shows: every job, with the worker's view when one runs (a front end
/// without a worker, the CLI, sees the queue alone).
pub fn overview(jobs: Vec<SyncJob>, worker: Option<&SyncWorker>) -> SyncOverview {
    match worker {
        Some(worker) => {
            let (connectivity, paused, progress) = worker.snapshot();
            SyncOverview {
                connectivity,
                paused,
                running: true,
                jobs,
                progress,
            }
        }
        None => SyncOverview {
            connectivity: Connectivity::Unknown,
            paused: false,
            running: false,
            jobs,
            progress: Vec::new(),
        },
    }
}
