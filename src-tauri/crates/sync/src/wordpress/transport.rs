//! How this app talks HTTP to a site: a connect limit and a stall limit instead of a total,
//! passing faults asked again, every failure sorted into the error the outbox and the user
//! act on, and request bodies that report how much of them has gone up.

use std::time::Duration;

use serde_json::Value;

use crate::SyncError;

/// How long connecting to a site may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may go without a byte either way before it is taken for stalled.
/// There is no budget for a whole request: a photo going up slowly over 4G is making progress
/// and is left to finish, while a connection that went silent fails in seconds and its job is
/// tried again (each send is exactly-once), instead of holding the queue for minutes. A site
/// answers a JSON request in well under a second; ten times that is a dead link.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(10);

/// The stall limit of a photo upload: after the last byte goes up, the site makes its sizes of
/// the photo before it answers, which takes a slow shared host several seconds.
pub const UPLOAD_STALL_TIMEOUT: Duration = Duration::from_secs(20);

/// How many times a repeatable request that met a passing fault is sent again.
pub(super) const REPEATS: u32 = 2;
/// The wait before sending it again, times a random factor in [0.5, 1.5).
pub(super) const REPEAT_WAIT: Duration = Duration::from_millis(400);

/// Whether a request's failure may pass if asked again at once: the network, garbage, an
/// overloaded site. A stalled connection is not asked again here: it has already cost the
/// stall limit, and the outbox's backoff decides when to try that site again.
pub(super) fn passing(err: &SyncError) -> bool {
    match err {
        SyncError::Network { stalled, .. } => !stalled,
        SyncError::Garbage(_) => true,
        SyncError::Remote { status, .. } => *status >= 500 || *status == 429,
        _ => false,
    }
}

/// A failed connection as a network error, a stall told by the system error's kind.
pub(crate) fn transport_error(transport: ureq::Transport) -> SyncError {
    SyncError::Network {
        stalled: stalled(&transport),
        message: transport.to_string(),
    }
}

/// An answer (or download) that stopped arriving part way.
pub(crate) fn cut_off(what: &str, err: std::io::Error) -> SyncError {
    SyncError::Network {
        stalled: stalled(&err),
        message: format!("{what} was cut off: {err}"),
    }
}

/// Whether the error, or one it was caused by, is the system's "timed out" (a socket's read
/// or connect limit: WouldBlock on Unix, TimedOut on Windows).
fn stalled(err: &(dyn std::error::Error + 'static)) -> bool {
    std::iter::successors(Some(err), cause).any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            )
        })
    })
}

/// The error underneath: an io::Error that wraps another hides it from `source()`, and
/// `get_ref()` reaches it.
fn cause<'a>(err: &&'a (dyn std::error::Error + 'static)) -> Option<&'a (dyn std::error::Error + 'static)> {
    match err.downcast_ref::<std::io::Error>() {
        Some(io) => io
            .get_ref()
            .map(|inner| inner as &(dyn std::error::Error + 'static)),
        None => err.source(),
    }
}

/// The HTTP client for the publishing systems: a connect limit and a stall limit, no total.
/// (ureq lets a total time limit override the per-read one, so none is set.)
pub(crate) fn agent() -> ureq::Agent {
    agent_stalling_after(STALL_TIMEOUT)
}

/// The HTTP client for photo uploads.
pub(crate) fn upload_agent() -> ureq::Agent {
    agent_stalling_after(UPLOAD_STALL_TIMEOUT)
}

fn agent_stalling_after(stall: Duration) -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout_connect(CONNECT_TIMEOUT)
        .timeout_read(stall)
        .timeout_write(stall)
        .build()
}

/// Whether a site answers at all: any HTTP status means the network is there. A short time
/// limit, as this is asked every few seconds while the app is offline.
pub fn reachable(url: &str) -> bool {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .build();
    match agent
        .get(&format!("{}/wp-json/", url.trim_end_matches('/')))
        .call()
    {
        Ok(_) | Err(ureq::Error::Status(..)) => true,
        Err(ureq::Error::Transport(_)) => false,
    }
}

/// A site's REST index (`/wp-json/`), read without signing in: it names what the site offers,
/// such as the page where an app is approved.
pub(crate) fn site_index(url: &str) -> Result<Value, SyncError> {
    read(
        agent()
            .get(&format!("{}/wp-json/", url.trim_end_matches('/')))
            .set("Accept", "application/json")
            .call(),
    )
}

/// A request body that reports how much of it has been read (sent).
pub(crate) struct Counted<'a> {
    bytes: &'a [u8],
    at: usize,
    sent: &'a dyn Fn(u64),
}

impl<'a> Counted<'a> {
    pub(crate) fn new(bytes: &'a [u8], sent: &'a dyn Fn(u64)) -> Counted<'a> {
        Counted { bytes, at: 0, sent }
    }
}

impl std::io::Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.bytes.len() - self.at);
        buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
        self.at += n;
        (self.sent)(self.at as u64);
        Ok(n)
    }
}

/// The message of a WordPress REST error body (`{code, message, data}`), or the body itself.
fn error_message(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(300).collect())
}

pub(super) fn read(response: Result<ureq::Response, ureq::Error>) -> Result<Value, SyncError> {
    match response {
        Ok(response) => {
            let text = response.into_string().map_err(|e| cut_off("the answer", e))?;
            serde_json::from_str(&text).map_err(|_| {
                SyncError::Garbage(format!(
                    "not JSON: {}",
                    text.chars().take(200).collect::<String>()
                ))
            })
        }
        Err(ureq::Error::Status(status, response)) => {
            let body = response.into_string().unwrap_or_default();
            Err(match status {
                // Signed in, but this user may not edit the post: not a wrong password.
                403 if body.contains("\"newsroom_forbidden\"") || body.contains("\"rest_cannot_create\"") => {
                    SyncError::Forbidden(error_message(&body))
                }
                401 | 403 => SyncError::Unauthorized(body.chars().take(300).collect()),
                _ => SyncError::Remote { status, body },
            })
        }
        Err(ureq::Error::Transport(transport)) => Err(transport_error(transport)),
    }
}
