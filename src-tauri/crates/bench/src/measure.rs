//! Measuring: medians, resource use, the rival binaries' timings.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsroom_api::{ApiError, ErrorCode};

pub(crate) fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

pub(crate) fn cmark_gfm(input: &str) -> Result<Duration, ApiError> {
    let start = Instant::now();
    let mut child = Command::new("cmark-gfm")
        .args(["-e", "table", "-e", "strikethrough", "-e", "autolink"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot run cmark-gfm (apt-get install cmark-gfm): {e}"),
            )
        })?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let out = child
        .wait_with_output()
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let elapsed = start.elapsed();
    if !out.status.success() || out.stdout.is_empty() {
        return Err(ApiError::new(ErrorCode::Internal, "cmark-gfm failed"));
    }
    Ok(elapsed)
}

pub(crate) fn internal(err: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, err.to_string())
}

/// This process's CPU time so far (user + system).
#[cfg(unix)]
pub(crate) fn cpu_time() -> Duration {
    let usage = rusage(libc::RUSAGE_SELF);
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// This process's CPU time so far (user + system).
#[cfg(windows)]
pub(crate) fn cpu_time() -> Duration {
    use windows_sys::Win32::Foundation::FILETIME;
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, GetProcessTimes};
    let zero = FILETIME {
        dwLowDateTime: 0,
        dwHighDateTime: 0,
    };
    let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
    // SAFETY: GetProcessTimes only writes the four structs it is given; the pseudo handle of
    // the current process needs no closing.
    unsafe {
        GetProcessTimes(
            GetCurrentProcess(),
            &mut created,
            &mut exited,
            &mut kernel,
            &mut user,
        )
    };
    // FILETIME counts 100-nanosecond intervals.
    let time = |t: FILETIME| {
        Duration::from_nanos(((u64::from(t.dwHighDateTime) << 32) | u64::from(t.dwLowDateTime)) * 100)
    };
    time(kernel) + time(user)
}

/// A number that differs between runs, so repeated benchmarks never meet their own photos.
pub(crate) fn uuid_like() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
}

/// Resource use of this process (`RUSAGE_SELF`) or of its finished children.
#[cfg(unix)]
fn rusage(who: libc::c_int) -> libc::rusage {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut usage) };
    usage
}

/// The peak resident memory of finished child processes, in MiB, where the system keeps it
/// (Windows does not, for processes already gone).
#[cfg(unix)]
pub(crate) fn children_peak_mib() -> Option<f64> {
    Some(rusage(libc::RUSAGE_CHILDREN).ru_maxrss as f64 / 1024.0)
}

#[cfg(windows)]
pub(crate) fn children_peak_mib() -> Option<f64> {
    None
}

/// `git diff --no-index --word-diff` of two files, as a process: what a newsroom would run
/// without us. Exit code 1 means "they differ", which is the expected answer.
pub(crate) fn git_word_diff(old: &std::path::Path, new: &std::path::Path) -> Result<Duration, ApiError> {
    let start = Instant::now();
    let out = Command::new("git")
        .args(["diff", "--no-index", "--no-color", "--word-diff=plain"])
        .arg(old)
        .arg(new)
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot run git: {e}")))?;
    let elapsed = start.elapsed();
    if out.status.code() != Some(1) || out.stdout.is_empty() {
        return Err(ApiError::new(ErrorCode::Internal, "git diff found no difference"));
    }
    Ok(elapsed)
}
