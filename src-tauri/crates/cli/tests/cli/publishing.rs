//! `newsroom backend …` and `sync …` against the private WordPress.

use std::path::Path;

use crate::*;

/// The private WordPress that `scripts/test` starts (`scripts/wordpress/run`), if any.
fn wordpress() -> Option<(String, String, String)> {
    let found = (|| {
        Some((
            std::env::var("WP_URL").ok()?,
            std::env::var("WP_USER").ok()?,
            std::env::var("WP_APP_PASSWORD").ok()?,
        ))
    })();
    if found.is_none() {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_WORDPRESS").is_none(),
            "scripts/test starts WordPress and sets WP_URL, WP_USER and WP_APP_PASSWORD"
        );
        eprintln!("note: no WordPress running (scripts/wordpress/run start DIR); skipped");
    }
    found
}

#[test]
fn wordpress_reads_the_vietnamese_caption_and_credit_of_an_exported_photo() {
    let Some((url, user, password)) = wordpress() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let photo = write(files.path(), "dai-hoi.jpg", &jpeg(1200, 800));
    let imported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "import", &photo, "--json"],
    )))
    .unwrap();
    let id = imported[0]["id"].as_str().unwrap().to_owned();
    // Long enough that IIM's 2,000-byte limit cuts it; WordPress must still get whole letters.
    let caption = "Đại hội Công đoàn cơ sở Công ty May Đức Giang nhiệm kỳ 2023–2028: đoàn viên biểu quyết thông qua nghị quyết. ";
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "caption",
            &id,
            "--caption",
            caption.trim(),
            "--credit",
            "Ảnh: Hải Nguyễn",
            "--copyright",
            "© Báo Lao động Thủ đô",
        ],
    ));
    let out = files.path().join("web.jpg");
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "export",
            &id,
            out.to_str().unwrap(),
            "--rendition",
            "web",
        ],
    ));
    use base64::Engine;
    let auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    );
    let response: serde_json::Value = ureq::post(&format!("{url}/wp-json/wp/v2/media"))
        .set("Authorization", &auth)
        .set("Content-Type", "image/jpeg")
        .set("Content-Disposition", "attachment; filename=dai-hoi.jpg")
        .send_bytes(&std::fs::read(&out).unwrap())
        .expect("WordPress accepts the upload")
        .into_json()
        .unwrap();
    let meta = &response["media_details"]["image_meta"];
    assert_eq!(
        meta["caption"],
        caption.trim(),
        "WordPress reads our IIM caption as UTF-8"
    );
    assert_eq!(meta["credit"], "Ảnh: Hải Nguyễn");
    assert_eq!(meta["copyright"], "© Báo Lao động Thủ đô");
}

/// `newsroom backend add wordpress`, the password given the way scripts give it.
fn add_wordpress(data_dir: &Path, url: &str, user: &str, password: &str) -> Output {
    start(
        command(data_dir)
            .args([
                "backend",
                "add",
                "wordpress",
                "--name",
                "Báo",
                "--url",
                url,
                "--user",
                user,
            ])
            .env("NEWSROOM_BACKEND_PASSWORD", password),
    )
    .wait_with_output()
    .unwrap()
}

#[test]
fn submit_then_sync_run_puts_the_piece_on_wordpress_once_with_the_password_only_in_the_keychain() {
    let Some((url, user, password)) = wordpress() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();

    let wrong = add_wordpress(data.path(), &url, &user, "không đúng");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("[unauthorized]"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
    assert_eq!(
        stdout(&newsroom(data.path(), &["backend", "list", "--json"])).trim(),
        "[]",
        "nothing kept"
    );

    let added = add_wordpress(data.path(), &url, &user, &password);
    if !added.status.success() && String::from_utf8_lossy(&added.stderr).contains("[keychain]") {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_KEYCHAIN").is_none(),
            "scripts/test runs the tests with a Secret Service: {}",
            String::from_utf8_lossy(&added.stderr)
        );
        eprintln!("note: no keychain here; skipped");
        return;
    }
    stdout(&added);
    // The password is in the keychain, not in the store.
    let database = std::fs::read(data.path().join("newsroom.sqlite3")).unwrap();
    let wal = std::fs::read(data.path().join("newsroom.sqlite3-wal")).unwrap_or_default();
    for bytes in [&database, &wal] {
        assert!(
            !bytes.windows(password.len()).any(|w| w == password.as_bytes()),
            "the password is not stored"
        );
    }

    let unique = format!("{}", std::process::id());
    let md = format!("---\nheadline: \"Nộp bài {unique}\"\nsapo: Sapo có dấu.\nbyline: Mai Quý\nsection: Thời sự\n---\n\nNội dung bài.\n");
    let id = import_article(data.path(), files.path(), &md);
    assert!(stdout(&newsroom(data.path(), &["article", "submit", &id])).contains("submitted"));
    let status: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["sync", "status", "--json"]))).unwrap();
    assert_eq!(status[0]["state"], "queued");

    let run: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["sync", "run", "--json"]))).unwrap();
    assert_eq!(run[0]["state"], "synced", "{run}");
    let link = run[0]["remote_url"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&url), "{link}");
    // Running again sends nothing: the job is done.
    let again: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["sync", "run", "--json"]))).unwrap();
    assert_eq!(again, serde_json::json!([]));

    // A desk editor on another machine pulls it: a new local article, submitted.
    let desk = tempfile::tempdir().unwrap();
    stdout(&add_wordpress(desk.path(), &url, &user, &password));
    let pulled: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(desk.path(), &["sync", "pull", "--json"]))).unwrap();
    let mine = pulled
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["headline"] == format!("Nộp bài {unique}"))
        .unwrap_or_else(|| panic!("the piece is pulled: {pulled}"));
    assert_eq!(mine["outcome"], "created");
    let shown = stdout(&newsroom(
        desk.path(),
        &["article", "show", mine["article_id"].as_str().unwrap()],
    ));
    assert!(shown.contains("Nội dung bài."), "{shown}");
    assert!(shown.contains("Sapo có dấu."), "{shown}");
}

/// Three `newsroom sync pull` at once on one desk's store give one piece per post, and the
/// store's upgrade has nothing to report as merged.
#[test]
fn three_pulls_at_once_make_one_piece_per_post() {
    let Some((url, user, password)) = wordpress() else {
        return;
    };
    let reporter = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let added = add_wordpress(reporter.path(), &url, &user, &password);
    if !added.status.success() && String::from_utf8_lossy(&added.stderr).contains("[keychain]") {
        assert!(std::env::var_os("NEWSROOM_REQUIRE_KEYCHAIN").is_none());
        eprintln!("note: no keychain here; skipped");
        return;
    }
    stdout(&added);
    let unique = format!("{}-{}", std::process::id(), uuid_like());
    let mut headlines = Vec::new();
    for i in 0..3 {
        let headline = format!("Kéo ba lần {i} {unique}");
        let md =
            format!("---\nheadline: \"{headline}\"\nsapo: Sapo.\nbyline: Mai Quý\n---\n\nNội dung {i}.\n");
        let id = import_article(reporter.path(), files.path(), &md);
        stdout(&newsroom(reporter.path(), &["article", "submit", &id]));
        headlines.push(headline);
    }
    stdout(&newsroom(reporter.path(), &["sync", "run", "--json"]));

    let desk = tempfile::tempdir().unwrap();
    stdout(&add_wordpress(desk.path(), &url, &user, &password));
    let pulls: Vec<_> = (0..3)
        .map(|_| start(command(desk.path()).args(["sync", "pull", "--json"])))
        .collect();
    for pull in pulls {
        stdout(&pull.wait_with_output().unwrap());
    }
    let listed: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        desk.path(),
        &["article", "list", "--limit", "1000", "--json"],
    )))
    .unwrap();
    for headline in &headlines {
        let copies = listed
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["headline"] == headline.as_str())
            .count();
        assert_eq!(copies, 1, "{headline}: one piece for its post");
    }
    let merged = stdout(&newsroom(desk.path(), &["sync", "merged", "--json"]));
    assert_eq!(merged.trim(), "[]");
}

/// A string no earlier run against the same site used.
fn uuid_like() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    format!("{:x}", now.as_nanos())
}
