//! The ninjs HTTP push against a signing receiver.

use chrono::Utc;
use serde_json::Value;

use super::*;

/// A ninjs receiver, as a newsroom's publishing system would run one: it checks every
/// request's HMAC signature, keeps photos by URL and one item per `uri` (the newest
/// `version`). A real HTTP server (tiny_http); what it does with the bytes is the receiver's
/// side of the protocol in `ninjs_http`.
struct Receiver {
    url: String,
    items: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Value>>>,
    photos: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>>,
    bad_signatures: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

fn receiver(secret: &'static str) -> Receiver {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/ninjs", server.server_addr().to_ip().unwrap());
    let items = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    let photos = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    let bad = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (kept_items, kept_photos, bad_count) = (items.clone(), photos.clone(), bad.clone());
    std::thread::spawn(move || {
        for mut request in server.incoming_requests() {
            let mut body = Vec::new();
            std::io::Read::read_to_end(request.as_reader(), &mut body).unwrap();
            let signed = request
                .headers()
                .iter()
                .find(|h| h.field.equiv(SIGNATURE_HEADER))
                .map(|h| h.value.as_str().to_owned());
            if signed.as_deref() != Some(signature(secret.as_bytes(), &body).as_str()) {
                bad_count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let _ =
                    request.respond(tiny_http::Response::from_string("bad signature").with_status_code(401));
                continue;
            }
            let path = request.url().to_owned();
            match request.method() {
                tiny_http::Method::Put if path.starts_with("/ninjs/photos/") => {
                    kept_photos.lock().unwrap().insert(path, body);
                }
                tiny_http::Method::Post if path == "/ninjs" => {
                    let item: Value = serde_json::from_slice(&body).unwrap();
                    let uri = item["uri"].as_str().unwrap().to_owned();
                    let mut items = kept_items.lock().unwrap();
                    let newer = items.get(&uri).is_none_or(|old: &Value| {
                        old["version"].as_str().unwrap().parse::<i64>().unwrap()
                            <= item["version"].as_str().unwrap().parse::<i64>().unwrap()
                    });
                    if newer {
                        items.insert(uri, item);
                    }
                }
                _ => {
                    let _ = request
                        .respond(tiny_http::Response::from_string("no such place").with_status_code(404));
                    continue;
                }
            }
            let _ = request.respond(tiny_http::Response::from_string("{}").with_status_code(201));
        }
    });
    Receiver {
        url,
        items,
        photos,
        bad_signatures: bad,
    }
}

fn ninjs_newsroom(url: &str) -> Newsroom {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let conn = newsroom_store::open_dir(&root).unwrap();
    let backend = add_backend(&conn, "ninjs_http", "Hệ thống ninjs", url, "", Utc::now()).unwrap();
    Newsroom {
        _dir: dir,
        root,
        conn,
        backend,
    }
}

#[test]
fn ninjs_documents_arrive_signed_photos_first_once_each_through_a_network_that_breaks_30_percent() {
    let site = receiver("bí mật chung");
    let (proxy, counts) = crate::fault_proxy::start(site.url.trim_end_matches("/ninjs"), 0.3);
    let n = ninjs_newsroom(&format!("{proxy}/ninjs"));
    let dir = newsroom_photos::photos_dir(&n.root);
    let ids: Vec<String> = (0..3).map(|i| story(&n, &format!("ninjs {i}"))).collect();
    for id in &ids {
        enqueue(&n.conn, id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    }
    let password = |_: &Backend| -> Result<String> { Ok("bí mật chung".into()) };
    let mut rounds = 0;
    while !jobs(&n.conn).unwrap().iter().all(|j| j.state == JobState::Synced) {
        rounds += 1;
        let sent = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
        assert!(sent.iter().all(|j| j.state != JobState::Failed), "{sent:#?}");
        assert!(rounds < 60, "the outbox never drained");
    }
    // 3 documents and 6 photos at least, plus one more request for each that a fault broke
    // (the faults are random: a run where the proxy only delayed requests makes exactly 9).
    let broken = counts.broken();
    assert!(counts.requests.load(std::sync::atomic::Ordering::SeqCst) >= 9 + broken);
    assert_eq!(site.bad_signatures.load(std::sync::atomic::Ordering::SeqCst), 0);

    let items = site.items.lock().unwrap();
    let photos = site.photos.lock().unwrap();
    assert_eq!(items.len(), 3, "one item per piece");
    assert_eq!(photos.len(), 6, "each photo once");
    for id in &ids {
        let item = &items[&newsroom_ninjs::local_uri("article", id)];
        assert_eq!(item["pubstatus"], "withheld");
        assert_eq!(item["people"][0]["name"], "Nguyễn Phi Thường");
        let pictures = item["associations"].as_array().unwrap();
        assert_eq!(pictures.len(), 2);
        for picture in pictures {
            let href = picture["renditions"][0]["href"].as_str().unwrap();
            let path = href
                .split_once("/ninjs/")
                .map(|(_, p)| format!("/ninjs/{p}"))
                .unwrap();
            assert!(
                photos.contains_key(&path),
                "the photo {href} arrived before the document"
            );
            assert!(picture["descriptions"][0]["value"]
                .as_str()
                .unwrap()
                .starts_with("Đoàn viên nhận quà"));
        }
        assert!(item["bodies"][0]["value"]
            .as_str()
            .unwrap()
            .contains(&site.url.replace(site.url.trim_end_matches("/ninjs"), &proxy)));
    }
}

#[test]
fn a_ninjs_receiver_that_refuses_the_signature_stops_the_job_with_a_clear_reason() {
    let site = receiver("bí mật đúng");
    let n = ninjs_newsroom(&site.url);
    let dir = newsroom_photos::photos_dir(&n.root);
    let id = story(&n, "Sai khóa");
    enqueue(&n.conn, &id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let password = |_: &Backend| -> Result<String> { Ok("bí mật sai".into()) };
    let sent = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
    assert_eq!(
        (sent[0].state, sent[0].error_code.as_str()),
        (JobState::Failed, "unauthorized")
    );
    assert!(site.items.lock().unwrap().is_empty());
    assert!(site.bad_signatures.load(std::sync::atomic::Ordering::SeqCst) > 0);
}
