//! A TCP proxy between the client and a real WordPress that breaks a share of requests the
//! ways bad networks and overloaded servers do: connections reset before or after the request
//! reached the site, 500 answers, answers cut off halfway, and delays. A fake only for faults a
//! real server cannot be made to produce on demand; everything that gets through is real.

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
}

/// Starts the proxy; returns its base URL and the counters. `share` of requests (0.0–1.0)
/// get a fault.
pub fn start(upstream: &str, share: f64) -> (String, Arc<FaultCounts>) {
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
                let _ = serve(client, &upstream, share, &counts);
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
fn serve(mut client: TcpStream, upstream: &str, share: f64, counts: &FaultCounts) -> std::io::Result<()> {
    let Some(request) = read_request(&mut client)? else {
        return Ok(());
    };
    let n = counts.requests.fetch_add(1, Ordering::SeqCst) as f64;
    // Exactly `share` of the requests, spread evenly (so even a short test meets faults); which
    // fault each gets is random.
    let faulted = ((n + 1.0) * share).floor() > (n * share).floor();
    let fault = if faulted { fastrand::u8(0..5) } else { u8::MAX };
    if fault == 0 {
        counts.reset_before.fetch_add(1, Ordering::SeqCst);
        return client.shutdown(Shutdown::Both);
    }
    if fault == 2 {
        counts.server_error.fetch_add(1, Ordering::SeqCst);
        client.write_all(
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 21\r\nConnection: close\r\n\r\n<h1>Server error</h1>",
        )?;
        return client.shutdown(Shutdown::Both);
    }
    if fault == 4 {
        counts.delayed.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(1500));
    }
    let mut server = TcpStream::connect(upstream)?;
    server.write_all(&request)?;
    let mut response = Vec::new();
    server.read_to_end(&mut response)?;
    match fault {
        // The site did the work; the answer never arrives.
        1 => counts.reset_after.fetch_add(1, Ordering::SeqCst),
        3 => {
            client.write_all(&response[..response.len() / 2])?;
            counts.truncated.fetch_add(1, Ordering::SeqCst)
        }
        _ => {
            client.write_all(&response)?;
            0
        }
    };
    client.shutdown(Shutdown::Both)
}
