//! Sending through a bad network: how long the outbox takes to drain when a share of the
//! requests break, one job at a time beside several at once, and whether anything arrived
//! twice.

use std::time::{Duration, Instant};

use chrono::Utc;
use newsroom_api::ApiError;
use newsroom_sync::fault_proxy::{self, Fault};

use crate::measure::*;
use crate::push::{pieces_with_photos, site};

/// One way of sending: its name, the faults (none for a clean network) and the lanes.
struct Way {
    name: &'static str,
    faults: Option<&'static [Fault]>,
    lanes: usize,
}

pub(crate) fn bench_faults(articles: usize, photos: usize, share: f64, runs: usize) -> Result<(), ApiError> {
    let (url, user, password) = site()?;
    let ways = [
        Way {
            name: "clean network, one job at a time",
            faults: None,
            lanes: 1,
        },
        Way {
            name: "clean network, parallel lanes",
            faults: None,
            lanes: newsroom_sync::PARALLEL_SENDS,
        },
        Way {
            name: "faulty network, one job at a time",
            faults: Some(fault_proxy::ALL),
            lanes: 1,
        },
        Way {
            name: "faulty network, parallel lanes",
            faults: Some(fault_proxy::ALL),
            lanes: newsroom_sync::PARALLEL_SENDS,
        },
    ];
    println!(
        "faults: {articles} pieces × {photos} photos to {url}, {:.0} % of requests broken; stall limit {} s (uploads {} s), {} lanes",
        share * 100.0,
        newsroom_sync::STALL_TIMEOUT.as_secs(),
        newsroom_sync::UPLOAD_STALL_TIMEOUT.as_secs(),
        newsroom_sync::PARALLEL_SENDS
    );
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); ways.len()];
    for run in 0..runs {
        for (way, samples) in ways.iter().zip(times.iter_mut()) {
            let (took, summary) = drain_once(way, &url, &user, &password, articles, photos, share)?;
            println!(
                "  run {}: {:<36} drained in {:6.1} s{summary}",
                run + 1,
                way.name,
                took.as_secs_f64()
            );
            samples.push(took);
        }
    }
    if runs > 1 {
        for (way, samples) in ways.iter().zip(times) {
            println!(
                "  median of {runs}: {:<36} {:6.1} s",
                way.name,
                median(samples).as_secs_f64()
            );
        }
    }
    Ok(())
}

/// Queues fresh pieces and drains them the way `way` says, as the app's worker does (send what
/// is due, wait for the next backoff, again); returns the time and the proxy's counts.
fn drain_once(
    way: &Way,
    url: &str,
    user: &str,
    password: &str,
    articles: usize,
    photos: usize,
    share: f64,
) -> Result<(Duration, String), ApiError> {
    let dir = tempfile::tempdir().map_err(internal)?;
    let conn = newsroom_store::open_dir(dir.path()).map_err(internal)?;
    let photos_dir = newsroom_photos::photos_dir(dir.path());
    let (target, counts) = match way.faults {
        Some(faults) => {
            let (proxy, counts) = fault_proxy::start_with(url, share, faults);
            (proxy, Some(counts))
        }
        None => (url.to_owned(), None),
    };
    let backend = newsroom_sync::add_backend(&conn, "wordpress", "bench", &target, user, Utc::now())
        .map_err(internal)?;
    let ids = pieces_with_photos(&conn, &photos_dir, articles, photos, uuid_like())?;
    for id in &ids {
        newsroom_sync::enqueue(
            &conn,
            id,
            &backend.id,
            newsroom_sync::RemoteStatus::Pending,
            Utc::now(),
        )
        .map_err(internal)?;
    }
    let secret = password.to_owned();
    let secret_again = secret.clone();
    let password = move |_: &newsroom_sync::Backend| -> newsroom_sync::Result<String> { Ok(secret.clone()) };
    let started = Instant::now();
    loop {
        newsroom_sync::drain_in_lanes(
            &conn,
            &photos_dir,
            &password,
            &|_, _, _| {},
            Utc::now(),
            false,
            way.lanes,
        )
        .map_err(internal)?;
        let jobs = newsroom_sync::jobs(&conn).map_err(internal)?;
        if let Some(stuck) = jobs.iter().find(|j| {
            matches!(
                j.state,
                newsroom_sync::JobState::Failed | newsroom_sync::JobState::Conflict
            )
        }) {
            return Err(internal(format!("a job failed for good: {stuck:?}")));
        }
        if jobs.iter().all(|j| j.state == newsroom_sync::JobState::Synced) {
            break;
        }
        if let Some(wait) = newsroom_sync::next_due(&conn, Utc::now()) {
            std::thread::sleep(wait);
        }
    }
    let took = started.elapsed();
    // Checked on the site directly, not through the proxy: one post per piece.
    let site = newsroom_sync::WordPress::new(url, user, &secret_again);
    for id in &ids {
        let copies = site
            .posts_with_marker(&newsroom_sync::post_marker(id))
            .map_err(internal)?
            .len();
        if copies != 1 {
            return Err(internal(format!("piece {id} is on the site {copies} times")));
        }
    }
    let summary = counts
        .map(|c| format!("; proxy: {}", c.summary()))
        .unwrap_or_default();
    Ok((took, summary))
}
