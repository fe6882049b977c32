//! The app's background sync worker against the real WordPress `scripts/test` starts, with the
//! network between them cut and restored by a forwarder the test controls (the one fake here:
//! a real outage cannot be made on demand). Skips without WordPress or a keychain unless
//! `NEWSROOM_REQUIRE_WORDPRESS` / `NEWSROOM_REQUIRE_KEYCHAIN` say they must be there.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsroom_api::{Api, ArticleFields, Connectivity, ErrorCode, JobState, OpenOptions, SyncOverview};

/// Forwards connections to `target` while `up`; while down, accepts and closes them at once,
/// as a dropped network does to a client.
fn forwarder(target: String, up: Arc<AtomicBool>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            if !up.load(Ordering::SeqCst) {
                let _ = client.shutdown(Shutdown::Both);
                continue;
            }
            let Ok(server) = TcpStream::connect(&target) else {
                continue;
            };
            let pipe = |mut from: TcpStream, mut to: TcpStream| {
                std::thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(n) = from.read(&mut buf) {
                        if n == 0 || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = to.shutdown(Shutdown::Write);
                });
            };
            pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
            pipe(server, client);
        }
    });
    format!("http://{address}")
}

/// A piece ready to submit, its headline unique to this run.
fn piece(headline: &str) -> ArticleFields {
    ArticleFields {
        headline: format!("{headline} {}", std::process::id()),
        sapo: "Sapo của bài.".into(),
        body: "Nội dung bài.".into(),
        byline: "Mai Quý".into(),
        dateline: "Hà Nội".into(),
        section: "Thời sự".into(),
    }
}

fn wait_for(api: &Api, what: &str, done: impl Fn(&SyncOverview) -> bool) -> SyncOverview {
    let start = Instant::now();
    loop {
        let overview = api.sync_overview().unwrap();
        if done(&overview) {
            return overview;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "waited 90 s for {what}: {overview:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_worker_sends_by_itself_waits_out_an_outage_and_resumes_when_the_site_is_back() {
    let (Ok(url), Ok(user), Ok(password)) = (
        std::env::var("WP_URL"),
        std::env::var("WP_USER"),
        std::env::var("WP_APP_PASSWORD"),
    ) else {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_WORDPRESS").is_none(),
            "WordPress is required"
        );
        eprintln!("note: no WordPress running; skipped");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let api = Api::open(&OpenOptions {
        data_dir: Some(data.path().to_path_buf()),
        index_in_background: false,
    })
    .unwrap();
    let up = Arc::new(AtomicBool::new(true));
    let target = url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    let through = forwarder(target, Arc::clone(&up));
    match api.backend_add_wordpress("Báo qua mạng chập chờn", &through, &user, &password) {
        Err(err) if err.code == ErrorCode::Keychain => {
            assert!(std::env::var_os("NEWSROOM_REQUIRE_KEYCHAIN").is_none(), "{err:?}");
            eprintln!("note: no keychain here; skipped");
            return;
        }
        other => other.unwrap(),
    };

    // The network drops; the reporter files anyway.
    up.store(false, Ordering::SeqCst);
    let article = api.article_create(&piece("Gửi khi mất mạng")).unwrap();
    api.article_submit_or_publish(&article.id, false).unwrap();
    api.sync_start_worker(Box::new(|_| ())).unwrap();
    let offline = wait_for(&api, "offline", |o| o.connectivity == Connectivity::Offline);
    assert_eq!(offline.jobs[0].state, JobState::Queued, "kept, to send later");
    assert_eq!(offline.jobs[0].error_code, "network");

    // The network comes back: within a probe the piece is sent, without anyone asking.
    up.store(true, Ordering::SeqCst);
    let back = wait_for(&api, "synced", |o| o.jobs[0].state == JobState::Synced);
    assert_eq!(back.connectivity, Connectivity::Online);
    assert!(
        back.jobs[0].remote_url.contains("?p="),
        "the post's link: {:?}",
        back.jobs[0]
    );

    // Paused, nothing goes out; resumed, the queue drains.
    api.sync_set_paused(true).unwrap();
    let second = api.article_create(&piece("Gửi khi tạm dừng")).unwrap();
    api.article_submit_or_publish(&second.id, false).unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let paused = api.sync_overview().unwrap();
    assert!(paused.paused);
    assert_eq!(paused.jobs[0].state, JobState::Queued);
    api.sync_set_paused(false).unwrap();
    wait_for(&api, "the second piece", |o| o.jobs[0].state == JobState::Synced);
}
