//! A TCP proxy between the client and a real WordPress that breaks a share of requests the
//! ways bad networks and overloaded servers do: connections reset before or after the request
//! reached the site, 500 answers, answers cut off halfway, delays, and (when asked for) garbage
//! in place of the site's answer and connections that go silent. A fake only for faults a real
//! server cannot be made to produce on demand; everything that gets through is real.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What the proxy did to requests so far.
#[derive(Default)]
pub struct FaultCounts {
    pub requests: AtomicUsize,
    pub reset_before: AtomicUsize,
    pub reset_after: AtomicUsize,
    pub server_error: AtomicUsize,
    pub truncated: AtomicUsize,
    pub delayed: AtomicUsize,
    pub garbage: AtomicUsize,
    pub stalled: AtomicUsize,
}

impl FaultCounts {
    /// Requests that never got the site's whole answer (delays are not counted: they pass).
    pub fn broken(&self) -> usize {
        [
            &self.reset_before,
            &self.reset_after,
            &self.server_error,
            &self.truncated,
            &self.garbage,
            &self.stalled,
        ]
        .iter()
        .map(|c| c.load(Ordering::SeqCst))
        .sum()
    }

    /// One line for a test's or a benchmark's output.
    pub fn summary(&self) -> String {
        let n = |c: &AtomicUsize| c.load(Ordering::SeqCst);
        format!(
            "{} requests, {} broken ({} reset before, {} reset after reaching the site, {} 500s, {} cut off, {} garbage, {} silent), {} delayed",
            n(&self.requests),
            self.broken(),
            n(&self.reset_before),
            n(&self.reset_after),
            n(&self.server_error),
            n(&self.truncated),
            n(&self.garbage),
            n(&self.stalled),
            n(&self.delayed),
        )
    }
}

/// The faults a broken request can get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The connection is reset before the request reaches the site.
    ResetBefore,
    /// The site does the work; the answer never arrives.
    ResetAfter,
    /// A 500 page from something in front of the site.
    ServerError,
    /// Half the answer, then the connection closes.
    Truncated,
    /// The answer comes 1.5 s late, whole.
    Delayed,
    /// The site does the work; a portal's HTML page comes back in place of its JSON.
    Garbage,
    /// The connection is taken and nothing ever comes back (held for longer than any client
    /// waits): a dead mobile link or a hung server.
    Silent,
}

/// The faults of a network that fails loudly: every one ends within two seconds.
pub const LOUD: &[Fault] = &[
    Fault::ResetBefore,
    Fault::ResetAfter,
    Fault::ServerError,
    Fault::Truncated,
    Fault::Delayed,
];

/// Every fault, silent connections and garbage included.
pub const ALL: &[Fault] = &[
    Fault::ResetBefore,
    Fault::ResetAfter,
    Fault::ServerError,
    Fault::Truncated,
    Fault::Delayed,
    Fault::Garbage,
    Fault::Silent,
];

/// Starts the proxy with the loud faults; returns its base URL and the counters. `share` of
/// requests (0.0–1.0) get a fault.
pub fn start(upstream: &str, share: f64) -> (String, Arc<FaultCounts>) {
    start_with(upstream, share, LOUD)
}

/// Starts the proxy; `share` of requests get one of `faults`, chosen at random.
pub fn start_with(upstream: &str, share: f64, faults: &'static [Fault]) -> (String, Arc<FaultCounts>) {
    let upstream = upstream
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("bound");
    let counts = Arc::new(FaultCounts::default());
    let shared = counts.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let upstream = upstream.clone();
            let counts = shared.clone();
            std::thread::spawn(move || {
                let _ = serve(client, &upstream, share, faults, &counts);
            });
        }
    });
    (format!("http://{address}"), counts)
}

/// Reads one HTTP request (head and Content-Length body).
fn read_request(stream: &mut TcpStream) -> std::io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut buf = [0u8; 65536];
    let head_end = loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
    }
    // One request per connection, so each can be faulted on its own.
    let text = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let mut rewritten: String = text
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    rewritten = rewritten.trim_end_matches("\r\n").to_owned() + "\r\nConnection: close\r\n\r\n";
    let mut request = rewritten.into_bytes();
    request.extend_from_slice(&data[head_end..]);
    Ok(Some(request))
}

/// Serves the one request of a connection (the proxy asks for `Connection: close`).
fn serve(
    mut client: TcpStream,
    upstream: &str,
    share: f64,
    faults: &[Fault],
    counts: &FaultCounts,
) -> std::io::Result<()> {
    let Some(request) = read_request(&mut client)? else {
        return Ok(());
    };
    let n = counts.requests.fetch_add(1, Ordering::SeqCst) as f64;
    // Exactly `share` of the requests, spread evenly (so even a short test meets faults); which
    // fault each gets is random.
    let faulted = ((n + 1.0) * share).floor() > (n * share).floor();
    let fault = faulted.then(|| faults[fastrand::usize(..faults.len())]);
    match fault {
        Some(Fault::ResetBefore) => {
            counts.reset_before.fetch_add(1, Ordering::SeqCst);
            return client.shutdown(Shutdown::Both);
        }
        Some(Fault::ServerError) => {
            counts.server_error.fetch_add(1, Ordering::SeqCst);
            client.write_all(
                b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 21\r\nConnection: close\r\n\r\n<h1>Server error</h1>",
            )?;
            return client.shutdown(Shutdown::Both);
        }
        Some(Fault::Silent) => {
            counts.stalled.fetch_add(1, Ordering::SeqCst);
            // Longer than any client's stall limit; the client gives up first.
            std::thread::sleep(Duration::from_secs(120));
            return Ok(());
        }
        Some(Fault::Delayed) => {
            counts.delayed.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(1500));
        }
        _ => {}
    }
    let mut server = TcpStream::connect(upstream)?;
    server.write_all(&request)?;
    let mut response = Vec::new();
    server.read_to_end(&mut response)?;
    match fault {
        Some(Fault::ResetAfter) => {
            counts.reset_after.fetch_add(1, Ordering::SeqCst);
        }
        Some(Fault::Truncated) => {
            client.write_all(&response[..response.len() / 2])?;
            counts.truncated.fetch_add(1, Ordering::SeqCst);
        }
        Some(Fault::Garbage) => {
            counts.garbage.fetch_add(1, Ordering::SeqCst);
            let page = "<html><body>Đăng nhập Wi-Fi để tiếp tục</body></html>";
            client.write_all(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                    page.len()
                )
                .as_bytes(),
            )?;
        }
        _ => client.write_all(&response)?,
    }
    client.shutdown(Shutdown::Both)
}
