//! A newsroom of many machines on one WordPress: every machine pulls on the app's schedule
//! (the plugin's "about", the site's sections, the desk's pending queue for desk editors, the
//! feed of changed reviews from its own cursor), some editors push review changes with the
//! edit lock taken, renewed and released, all through the app's own WordPress client. Bounded
//! (a fixed number of machines for a fixed time) and on loopback only. Prints each route's
//! p50/p99 and MariaDB's work over the run; before that, a quiet machine's "nothing new" pull,
//! the figure a newsroom's pulls mostly are.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use newsroom_api::ApiError;
use newsroom_sync::WordPress;

use crate::measure::*;

#[derive(clap::Args)]
pub struct Load {
    #[arg(long, default_value_t = 200)]
    machines: usize,
    /// How many of the machines are desk editors' (they also read the pending queue).
    #[arg(long, default_value_t = 20)]
    desks: usize,
    #[arg(long, default_value_t = 20)]
    pushers: usize,
    #[arg(long, default_value_t = 180)]
    seconds: u64,
    /// Seconds between one machine's pulls (the app pulls every 60; less compresses time).
    #[arg(long, default_value_t = 60.0)]
    pull_every: f64,
    /// The directory scripts/wordpress/run started, to read MariaDB's counters.
    #[arg(long)]
    site_dir: Option<PathBuf>,
    /// Runs of the one-machine measurements.
    #[arg(long, default_value_t = 31)]
    runs: usize,
    /// Ask the plugin's about, the sections and the account at every pull, as the app did
    /// before its scheduled pulls asked them once a quarter of an hour.
    #[arg(long)]
    always_check: bool,
}

/// Each call's route and time, as the machines make them.
#[derive(Default)]
struct Timings {
    calls: BTreeMap<&'static str, Vec<Duration>>,
    failed: BTreeMap<&'static str, usize>,
}

impl Timings {
    fn time<T>(
        &mut self,
        route: &'static str,
        call: impl FnOnce() -> Result<T, newsroom_sync::SyncError>,
    ) -> Option<T> {
        let started = Instant::now();
        let outcome = call();
        self.calls.entry(route).or_default().push(started.elapsed());
        match outcome {
            Ok(value) => Some(value),
            Err(_) => {
                *self.failed.entry(route).or_default() += 1;
                None
            }
        }
    }

    fn merge(&mut self, other: Timings) {
        for (route, times) in other.calls {
            self.calls.entry(route).or_default().extend(times);
        }
        for (route, n) in other.failed {
            *self.failed.entry(route).or_default() += n;
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// One sign-in from the environment `scripts/wordpress/run` writes.
fn account(user: &str, password: &str) -> Result<(String, String), ApiError> {
    let get = |name: &str| {
        std::env::var(name).map_err(|_| {
            internal(format!(
                "set {name} (scripts/wordpress/run start DIR writes DIR/env)"
            ))
        })
    };
    Ok((get(user)?, get(password)?))
}

/// MariaDB's counters that say how hard it worked, and its process's CPU time.
fn mariadb_load(site_dir: &Path) -> Option<(BTreeMap<String, u64>, Duration)> {
    let socket = site_dir.join("run/mysqld.sock");
    let out = std::process::Command::new("mariadb")
        .args(["--no-defaults", "-N", "-B"])
        .arg(format!("--socket={}", socket.display()))
        .args(["-e", "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Innodb_rows_read', 'Handler_read_rnd_next', 'Handler_read_next', 'Created_tmp_disk_tables', 'Sort_rows')"])
        .output()
        .ok()?;
    let counters = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (name, value) = l.split_once('\t')?;
            Some((name.to_owned(), value.trim().parse().ok()?))
        })
        .collect();
    let pid = std::fs::read_to_string(site_dir.join("run/mysqld.pid")).ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).ok()?;
    // Fields 14 and 15 (user and system time, in clock ticks) after the command's parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((
        counters,
        Duration::from_millis(ticks * 1000 / clock_ticks_per_second()?),
    ))
}

/// The unit of /proc's process times (Linux only, as /proc is).
#[cfg(unix)]
fn clock_ticks_per_second() -> Option<u64> {
    // SAFETY: sysconf only reads a system constant.
    Some(unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64)
}

#[cfg(not(unix))]
fn clock_ticks_per_second() -> Option<u64> {
    None
}

pub(crate) fn bench_site_load(load: Load) -> Result<(), ApiError> {
    let (url, _, _) = crate::push::site()?;
    let (reporter, reporter_password) = account("WP_REPORTER_USER", "WP_REPORTER_PASSWORD")?;
    let (editor, editor_password) = account("WP_EDITOR_USER", "WP_EDITOR_PASSWORD")?;
    let desk = WordPress::new(&url, &editor, &editor_password);
    let (_, seq, _) = desk.desk_support().map_err(internal)?;
    // The posts the pushers work on: the newest pending ones, as a desk's would be.
    let (pending, _) = desk.posts_with_status("pending", 1).map_err(internal)?;
    if pending.is_empty() {
        return Err(internal(
            "the site has no pending post to review (scripts/wordpress/seed DIR)",
        ));
    }
    let targets: Vec<i64> = pending.iter().map(|(id, _)| *id).collect();
    println!(
        "site load: {url}, feed at {seq}; {} machines ({} desks) pulling every {:.0} s, {} pushing, for {} s; the site's about and sections {}",
        load.machines,
        load.desks,
        load.pull_every,
        load.pushers,
        load.seconds,
        if load.always_check { "at every pull" } else { "once in 15 pulls" }
    );

    // A quiet machine's pull with nothing new: the feed from the counter it has.
    let mut quiet = Timings::default();
    for _ in 0..load.runs {
        quiet.time("reviews, nothing new", || desk.changed_reviews(seq));
        quiet.time("reviews, 100 changed", || {
            desk.changed_reviews(seq.saturating_sub(100))
        });
        quiet.time("pending queue", || desk.posts_with_status("pending", 1));
    }
    println!("  one machine alone (median of {}):", load.runs);
    for (route, times) in quiet.calls {
        println!("    {route:<24} {}", ms(median(times)));
    }

    let before = load.site_dir.as_deref().and_then(mariadb_load);
    let every = Duration::from_secs_f64(load.pull_every);
    // The app's scheduled pulls ask what rarely changes once in this many pulls (a minute
    // apart), whatever compression of time the run uses.
    let check_rounds = (newsroom_sync::SITE_CHECK_EVERY.as_secs() / 60).max(1) as usize;
    let load = &load;
    let deadline = Instant::now() + Duration::from_secs(load.seconds);
    let all = Mutex::new(Timings::default());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for machine in 0..load.machines {
            let is_desk = machine < load.desks;
            let (user, password) = if is_desk {
                (&editor, &editor_password)
            } else {
                (&reporter, &reporter_password)
            };
            let (url, all) = (&url, &all);
            scope.spawn(move || {
                let wp = WordPress::new(url, user, password);
                let mut mine = Timings::default();
                let mut cursor = seq;
                // Machines start spread over the first interval, as laptops open through a day.
                std::thread::sleep(every.mul_f64(fastrand_like(machine)));
                // Each machine is somewhere in its quarter of an hour when the run starts.
                let mut rounds = (fastrand_like(machine + 104_729) * check_rounds as f64) as usize;
                while Instant::now() < deadline {
                    let round = Instant::now();
                    if load.always_check || rounds.is_multiple_of(check_rounds) {
                        mine.time("about", || wp.desk_support());
                        mine.time("sections", || wp.sections());
                    }
                    rounds += 1;
                    if is_desk {
                        mine.time("pending queue", || wp.posts_with_status("pending", 1));
                    }
                    if let Some(page) = mine.time("reviews feed", || wp.changed_reviews(cursor)) {
                        cursor = page.next;
                    }
                    std::thread::sleep(every.saturating_sub(round.elapsed()));
                }
                all.lock().unwrap_or_else(|p| p.into_inner()).merge(mine);
            });
        }
        for pusher in 0..load.pushers {
            let (url, all, targets) = (&url, &all, &targets);
            let (editor, editor_password) = (&editor, &editor_password);
            scope.spawn(move || {
                let wp = WordPress::new(url, editor, editor_password);
                let mut mine = Timings::default();
                std::thread::sleep(every.mul_f64(fastrand_like(pusher + 7919)));
                let mut turn = pusher;
                while Instant::now() < deadline {
                    let round = Instant::now();
                    let post = targets[turn % targets.len()];
                    turn += load.pushers;
                    mine.time("lock take", || wp.take_lock(post, true));
                    if let Some(review) = mine.time("review read", || wp.review(post)) {
                        let text = serde_json::json!({
                            "version": 1,
                            "moves": [],
                            "threads": [{"id": format!("load-{pusher}-{turn}"), "text": "Kiểm tra lại số liệu đoạn hai."}],
                            "proposals": [],
                        });
                        mine.time("review store", || wp.store_review(post, review.revision, &text));
                    }
                    mine.time("lock renew", || wp.take_lock(post, false));
                    mine.time("lock release", || wp.release_lock(post));
                    std::thread::sleep(every.saturating_sub(round.elapsed()));
                }
                all.lock().unwrap_or_else(|p| p.into_inner()).merge(mine);
            });
        }
    });
    let wall = started.elapsed();
    let after = load.site_dir.as_deref().and_then(mariadb_load);
    let all = all.into_inner().unwrap_or_else(|p| p.into_inner());
    let total: usize = all.calls.values().map(Vec::len).sum();
    println!(
        "  under load: {total} calls in {:.0} s ({:.1} a second)",
        wall.as_secs_f64(),
        total as f64 / wall.as_secs_f64()
    );
    for (route, mut times) in all.calls {
        times.sort();
        println!(
            "    {route:<16} {:>6} calls  p50 {:>11}  p99 {:>11}  max {:>11}  failed {}",
            times.len(),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99)),
            ms(*times.last().expect("one call at least")),
            all.failed.get(route).copied().unwrap_or(0)
        );
    }
    if let (Some((before, cpu_before)), Some((after, cpu_after))) = (before, after) {
        let cpu = cpu_after.saturating_sub(cpu_before);
        let mut line = format!(
            "  MariaDB: {:.1} % of one core",
            100.0 * cpu.as_secs_f64() / wall.as_secs_f64()
        );
        for (name, value) in &after {
            let delta = value.saturating_sub(*before.get(name).unwrap_or(&0));
            line.push_str(&format!(", {name} {:.0}/s", delta as f64 / wall.as_secs_f64()));
        }
        println!("{line}");
    }
    Ok(())
}

/// A fraction in [0, 1) that differs from machine to machine (their start within the interval).
fn fastrand_like(n: usize) -> f64 {
    ((n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64
}
