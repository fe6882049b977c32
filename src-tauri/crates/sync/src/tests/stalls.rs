//! A site that takes the connection and then says nothing (a stalled mobile link, a hung
//! server): the send fails as a network fault within seconds of the stall limit, not after
//! minutes, and the job waits to be tried again; nothing is marked sent. A fake only in that
//! it never answers, which no real server can be made to do on demand.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use super::*;

#[test]
fn a_site_that_goes_silent_fails_the_send_within_the_stall_limit_and_keeps_the_job() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    // Every connection is taken and held open without a byte, longer than the test waits.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let n = newsroom(&Site {
        url: url.clone(),
        user: "phongvien".into(),
        password: "mật khẩu".into(),
    });
    let id = story(&n, "Gửi qua mạng chập chờn");
    enqueue(&n.conn, &id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let password = |_: &Backend| -> Result<String> { Ok("mật khẩu".into()) };
    let dir = newsroom_photos::photos_dir(&n.root);

    let started = Instant::now();
    let sent = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
    let waited = started.elapsed();

    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].state, sent[0].error_code.as_str()),
        (JobState::Queued, "network"),
        "{:?}",
        sent[0].error
    );
    assert!(
        waited >= STALL_TIMEOUT && waited < STALL_TIMEOUT + Duration::from_secs(10),
        "the send gave up after {waited:?}"
    );
    assert_eq!(send_state(&n.conn, &id).unwrap().stage, SendStage::Sending);
}
