//! The `newsroom` command run as a process, as a script or a newsroom's tooling would run it.

use std::path::Path;
use std::process::{Command, Output};

fn newsroom(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("NEWSROOM_DATA_DIR")
        .output()
        .expect("the newsroom binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Imports a Markdown article through the CLI; returns the id it prints.
fn import_article(data_dir: &Path, files: &Path, markdown: &str) -> String {
    let file = write(files, "bai.md", markdown.as_bytes());
    stdout(&newsroom(data_dir, &["article", "import", &file]))
        .trim()
        .to_owned()
}

#[test]
fn import_list_show_render_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    // Decomposed (NFD) text, as pasted from macOS, must come back composed.
    let md = "---\nheadline: \"Ha\u{300} No\u{323}\u{302}i: Giao nhiệm vụ\"\nsapo: Lễ ký kết diễn ra sáng nay.\nbyline: Minh An\ndateline: Hà Nội\nsection: Công đoàn\n---\n\nCông đoàn **cơ sở** tổ chức hội nghị.\n\n| Đơn vị | Số người |\n|---|---|\n| CĐCS | 120 |\n";
    let id = import_article(data.path(), files.path(), md);
    assert_eq!(id.len(), 36, "prints the new id: {id}");

    let list: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["article", "list", "--json"]))).unwrap();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = rows[0].as_object().unwrap();
    let mut keys: Vec<_> = row.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["headline", "id", "status", "updated_at", "word_count"]);
    assert_eq!(row["headline"], "Hà Nội: Giao nhiệm vụ");
    assert_eq!(row["status"], "draft");

    let show: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["article", "show", &id, "--json"],
    )))
    .unwrap();
    assert_eq!(show["slug"], "ha-noi-giao-nhiem-vu");
    assert_eq!(show["sapo"], "Lễ ký kết diễn ra sáng nay.");
    assert_eq!(show["byline"], "Minh An");
    assert_eq!(show["dateline"], "Hà Nội");
    assert_eq!(show["section"], "Công đoàn");
    assert!(show["created_at"].as_str().unwrap().ends_with('Z'));

    let html = stdout(&newsroom(data.path(), &["article", "render", &id]));
    assert!(html.contains("<strong>cơ sở</strong>"), "{html}");
    assert!(html.contains("<td>CĐCS</td>"), "{html}");
}

#[test]
fn bad_files_fail_clearly_and_store_nothing() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "latin1.md",
            b"---\nheadline: H\xe0 N\xf4i\n---\n",
            "not valid UTF-8",
        ),
        ("nofront.md", "# Hà Nội\n\nThân bài".as_bytes(), "no front matter"),
        ("nohead.md", b"---\nsapo: x\n---\nbody", "missing headline"),
        ("broken.md", b"---\nheadline: [\n---\n", "bad front matter"),
        ("missing.md", b"", "cannot read"),
    ];
    for (name, bytes, problem) in cases {
        let file = if name == "missing.md" {
            files.path().join(name).display().to_string()
        } else {
            write(files.path(), name, bytes)
        };
        let out = newsroom(data.path(), &["article", "import", &file]);
        assert!(!out.status.success(), "{name} must fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(name) && err.contains(problem), "{name}: {err}");
        assert!(err.contains("[invalid_input]"), "{name}: {err}");
    }
    let list = stdout(&newsroom(data.path(), &["article", "list", "--json"]));
    assert_eq!(list.trim(), "[]", "nothing was stored");
}

#[test]
fn unknown_article_is_a_not_found_error() {
    let data = tempfile::tempdir().unwrap();
    let out = newsroom(data.path(), &["article", "show", "no-such-id", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[not_found]"));
}

#[test]
fn entity_import_list_tag_and_suggest_with_the_directory() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let csv = write(
        files.path(),
        "danh-ba.csv",
        "kind,name,aliases\norganisation,Liên đoàn Lao động thành phố Hà Nội,LĐLĐ Hà Nội\nperson,Nguyễn Phi Thường,\nperson,Đỗ Thị An,\n"
            .as_bytes(),
    );
    let summary: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "import", &csv]))).unwrap();
    assert_eq!(summary["created"], 3);
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "list", "--json"]))).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    // Vietnamese order, people by given name: An (Đỗ Thị An) before Liên… before Thường.
    assert_eq!(
        names,
        [
            "Đỗ Thị An",
            "Liên đoàn Lao động thành phố Hà Nội",
            "Nguyễn Phi Thường"
        ]
    );

    let md = write(
        files.path(),
        "a.md",
        "---\nheadline: Hội nghị\n---\nThân bài.\n".as_bytes(),
    );
    let id = stdout(&newsroom(data.path(), &["article", "import", &md]))
        .trim()
        .to_owned();
    let tags: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &[
            "article",
            "tag",
            &id,
            "--person",
            "Nguyễn Phi Thường",
            "--role",
            "Chủ tịch",
            "--person",
            "Lê Văn Mới",
            "--org",
            "LĐLĐ Hà Nội",
            "--json",
        ],
    )))
    .unwrap();
    let tags = tags.as_array().unwrap();
    assert_eq!(tags.len(), 3);
    assert_eq!(tags[0]["role"], "Chủ tịch");
    assert_eq!(
        tags[2]["name"], "Liên đoàn Lao động thành phố Hà Nội",
        "an alias tags the known organisation"
    );
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "list", "--json"]))).unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        4,
        "the new person joined the directory"
    );

    let text = "Chủ tịch LĐLĐ Hà Nội Nguyễn Phi Thường gặp ông Trần Văn Bình.";
    let story = write(files.path(), "story.txt", text.as_bytes());
    let s: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["tag", "suggest", &story, "--json"],
    )))
    .unwrap();
    let people = s["people"].as_array().unwrap();
    let thuong = people.iter().find(|p| p["name"] == "Nguyễn Phi Thường").unwrap();
    assert_eq!(thuong["known"], true);
    assert_eq!(thuong["role"], "Chủ tịch LĐLĐ Hà Nội");
    let [a, b] = [
        thuong["spans"][0][0].as_u64().unwrap() as usize,
        thuong["spans"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(
        text.chars().skip(a).take(b - a).collect::<String>(),
        "Nguyễn Phi Thường"
    );
    let binh = people.iter().find(|p| p["name"] == "Trần Văn Bình").unwrap();
    assert_eq!(binh["known"], false);
    let org = &s["organisations"][0];
    assert_eq!(org["known"], true);
    assert_eq!(org["name"], "LĐLĐ Hà Nội");
}

/// A small real JPEG, made by the same encoder family cameras' software uses.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|i| [(i % 251) as u8, 120, 200])
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

#[test]
fn photo_import_caption_list_export_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let good = write(files.path(), "hoi-nghi.jpg", &jpeg(640, 480));
    let text = write(files.path(), "ghi-chu.jpg", "không phải ảnh".as_bytes());
    let out = newsroom(data.path(), &["photo", "import", &good, &text, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit non-zero"
    );
    let lines: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 2, "the good file imports although the other fails");
    assert_eq!(
        (lines[0]["width"].as_u64(), lines[0]["height"].as_u64()),
        (Some(640), Some(480))
    );
    assert!(lines[0]["metadata"]["fields"].is_object());
    assert_eq!(lines[1]["error"]["code"], "not_an_image");
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("ghi-chu.jpg"));
    let id = lines[0]["id"].as_str().unwrap().to_owned();

    let missing: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--missing", "caption", "--json"],
    )))
    .unwrap();
    assert_eq!(missing.as_array().unwrap().len(), 1);

    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "caption",
            &id,
            "--caption",
            "Đại biểu biểu quyết tại Hội nghị công nhân, viên chức, lao động",
            "--credit",
            "Ảnh: Mai Quý",
            "--alt",
            "Hội trường đông người giơ thẻ biểu quyết",
            "--person",
            "Nguyễn Phi Thường",
        ],
    ));
    let missing: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--missing", "caption", "--json"],
    )))
    .unwrap();
    assert_eq!(missing.as_array().unwrap().len(), 0);

    let exported = files.path().join("xuat.jpg");
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "export",
            &id,
            exported.to_str().unwrap(),
            "--rendition",
            "web",
        ],
    ));
    let read = Command::new("exiftool")
        .args([
            "-j",
            "-IPTC:Caption-Abstract",
            "-XMP-photoshop:Credit",
            "-XMP-iptcExt:PersonInImage",
        ])
        .arg(&exported)
        .output()
        .expect("exiftool is installed by scripts/install-deps");
    let tags: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(
        tags[0]["Caption-Abstract"],
        "Đại biểu biểu quyết tại Hội nghị công nhân, viên chức, lao động"
    );
    assert_eq!(tags[0]["Credit"], "Ảnh: Mai Quý");
    assert_eq!(tags[0]["PersonInImage"], "Nguyễn Phi Thường");

    let entities = stdout(&newsroom(data.path(), &["entity", "list", "--json"]));
    assert!(
        entities.contains("Nguyễn Phi Thường"),
        "people shown join the directory"
    );
}

/// The official ninjs 2.1 schema and the GeoJSON schema it refers to, beside the repository
/// (as on developer machines and in CI).
fn ninjs_schemas() -> Option<(serde_json::Value, serde_json::Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/ninjs");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    match (read("ninjs-schema_2.1.json"), read("GeoJSON-schema.json")) {
        (Some(ninjs), Some(geojson)) => Some((
            serde_json::from_str(&ninjs).unwrap(),
            serde_json::from_str(&geojson).unwrap(),
        )),
        _ => {
            eprintln!("note: {} not found; ninjs validation skipped", dir.display());
            None
        }
    }
}

#[test]
fn article_export_as_ninjs_validates_against_the_official_schema() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let md = "---\nheadline: \"Hà Nội: Trao quà cho đoàn viên\"\nsapo: Sáng nay, LĐLĐ thành phố trao 500 suất quà.\nbyline: Mai Quý\ndateline: Hà Nội\nsection: Công đoàn\n---\n\nĐoạn mở đầu.\n";
    let id = import_article(data.path(), files.path(), md);
    stdout(&newsroom(
        data.path(),
        &[
            "article",
            "tag",
            &id,
            "--person",
            "Nguyễn Phi Thường",
            "--role",
            "Chủ tịch LĐLĐ thành phố Hà Nội",
            "--org",
            "Liên đoàn Lao động thành phố Hà Nội",
        ],
    ));
    let photo = write(files.path(), "trao-qua.jpg", &jpeg(800, 600));
    let imported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "import", &photo, "--article", &id, "--json"],
    )))
    .unwrap();
    let photo_id = imported[0]["id"].as_str().unwrap().to_owned();
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "caption",
            &photo_id,
            "--caption",
            "Đoàn viên nhận quà",
            "--credit",
            "Ảnh: Mai Quý",
            "--alt",
            "Một nữ công nhân cầm túi quà",
        ],
    ));

    let exported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["article", "export", &id, "--format", "ninjs"],
    )))
    .unwrap();
    assert_eq!(
        exported["headlines"][0]["value"],
        "Hà Nội: Trao quà cho đoàn viên"
    );
    assert_eq!(
        exported["descriptions"][0]["value"],
        "Sáng nay, LĐLĐ thành phố trao 500 suất quà."
    );
    assert_eq!(exported["language"], "vi");
    assert_eq!(exported["pubstatus"], "withheld");
    assert_eq!(exported["people"][0]["name"], "Nguyễn Phi Thường");
    assert_eq!(
        exported["organisations"][0]["name"],
        "Liên đoàn Lao động thành phố Hà Nội"
    );
    let picture = &exported["associations"][0];
    assert_eq!(picture["type"], "picture");
    assert_eq!(picture["name"], "featuremedia", "the first photo is the lead");
    assert_eq!(picture["by"], "Ảnh: Mai Quý");
    assert_eq!(picture["descriptions"][0]["value"], "Đoàn viên nhận quà");
    assert_eq!(
        picture["descriptions"][1]["value"],
        "Một nữ công nhân cầm túi quà"
    );
    let renditions = picture["renditions"].as_array().unwrap();
    assert_eq!(renditions.len(), 3);
    assert_eq!(
        (renditions[0]["width"].as_u64(), renditions[0]["height"].as_u64()),
        (Some(800), Some(600))
    );

    if let Some((schema, geojson)) = ninjs_schemas() {
        // Offline: the GeoJSON schema the ninjs schema refers to is registered from disk.
        let registry = jsonschema::Registry::new()
            .add("https://geojson.org/schema/GeoJSON.json", geojson)
            .unwrap()
            .prepare()
            .unwrap();
        let validator = jsonschema::options()
            .offline()
            .with_registry(&registry)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&exported)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // The validator is not lenient: a field ninjs does not define is refused.
        let mut broken = exported.clone();
        broken["headline"] = serde_json::json!("không có trong ninjs");
        assert!(!validator.is_valid(&broken));
    }
}

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
    Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .arg("--data-dir")
        .arg(data_dir)
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
        .env("NEWSROOM_BACKEND_PASSWORD", password)
        .output()
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
