//! `newsroom article …`: import, list, show, render, errors, and the ninjs export.

use std::path::Path;

use crate::*;

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
            b"---\nheadline: Gr\xf6\xdfe der Stra\xdfe\n---\n",
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

/// The official ninjs 2.1 schema as a validator (formats checked), offline: the GeoJSON schema
/// it refers to is registered from disk. `None` when the schemas are not beside the repository.
pub fn ninjs_validator() -> Option<jsonschema::Validator> {
    let (schema, geojson) = ninjs_schemas()?;
    let registry = jsonschema::Registry::new()
        .add("https://geojson.org/schema/GeoJSON.json", geojson)
        .unwrap()
        .prepare()
        .unwrap();
    Some(
        jsonschema::options()
            .offline()
            .with_registry(&registry)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap(),
    )
}

/// Fails with every error when the document does not validate.
pub fn assert_valid_ninjs(validator: &jsonschema::Validator, document: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{document:#}");
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

    if let Some(validator) = ninjs_validator() {
        assert_valid_ninjs(&validator, &exported);
        // The validator is not lenient: a field ninjs does not define is refused.
        let mut broken = exported.clone();
        broken["headline"] = serde_json::json!("không có trong ninjs");
        assert!(!validator.is_valid(&broken));
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the document back with python-docx, which these Windows tests run without"
)]
fn article_export_as_docx_carries_the_text_and_the_lead_photo() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let md = "---\nheadline: \"Hà Nội: Trao quà cho đoàn viên\"\nsapo: Sáng nay, LĐLĐ thành phố trao 500 suất quà.\nbyline: Mai Quý\n---\n\nCông đoàn **cơ sở** tổ chức trao quà.\n";
    let id = import_article(data.path(), files.path(), md);
    let photo = write(files.path(), "trao-qua.jpg", &jpeg(800, 600));
    stdout(&newsroom(
        data.path(),
        &["photo", "import", &photo, "--article", &id],
    ));

    let missing = newsroom(data.path(), &["article", "export", &id, "--format", "docx"]);
    assert_eq!(missing.status.code(), Some(1), "a document needs a file to go to");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--out"));

    let out = files.path().join("bài trao quà.docx");
    let said = stdout(&newsroom(
        data.path(),
        &[
            "article",
            "export",
            &id,
            "--format",
            "docx",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(said.trim(), out.display().to_string());
    let read = std::process::Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import sys, docx; d = docx.Document(sys.argv[1]); print(len(d.inline_shapes)); [print(p.text) for p in d.paragraphs]",
        ])
        .arg(&out)
        .output()
        .expect("python3-docx is installed by scripts/install-deps");
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let text = String::from_utf8(read.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "1",
            "Hà Nội: Trao quà cho đoàn viên",
            "Mai Quý",
            "Sáng nay, LĐLĐ thành phố trao 500 suất quà.",
            "",
            "Công đoàn cơ sở tổ chức trao quà."
        ],
        "the lead photo (first attached) after the sapo, then the body"
    );
}

#[test]
fn old_codes_are_converted_on_import_and_by_text_convert() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    // "Hà Nội, người lao động được hỗ trợ" as a TCVN3 (ABC) file.
    let tcvn3 = b"---\nheadline: H\xb5 N\xe9i, ng\xad\xeai lao \xae\xe9ng \xae\xad\xeec h\xe7 tr\xee\n---\n\nTh\xe2n b\xb5i.\n";
    let file = write(files.path(), "cu.md", tcvn3);
    let out = newsroom(data.path(), &["article", "import", &file]);
    let id = stdout(&out).trim().to_owned();
    let notice = String::from_utf8_lossy(&out.stderr);
    assert!(notice.contains("from TCVN3 (ABC) to Unicode"), "{notice}");
    let shown: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["article", "show", &id, "--json"],
    )))
    .unwrap();
    assert_eq!(shown["headline"], "Hà Nội, người lao động được hỗ trợ");

    let vni = write(files.path(), "vni.txt", "Coâng ñoaøn Vieät Nam".as_bytes());
    let out = newsroom(data.path(), &["text", "convert", &vni]);
    assert_eq!(stdout(&out), "Công đoàn Việt Nam");
    assert!(String::from_utf8_lossy(&out.stderr).contains("VNI-Windows"));
    let good = write(files.path(), "good.txt", "Công đoàn Việt Nam".as_bytes());
    let out = newsroom(data.path(), &["text", "convert", &good]);
    assert_eq!(stdout(&out), "Công đoàn Việt Nam");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing converted"));
    let out = newsroom(data.path(), &["text", "convert", "--to", "viqr", &good]);
    assert_eq!(stdout(&out), "Co^ng ddoa`n Vie^.t Nam");
    let viqr = write(files.path(), "viqr.txt", b"Co^ng ddoa`n");
    let out = newsroom(data.path(), &["text", "convert", "--from", "viqr", &viqr]);
    assert_eq!(stdout(&out), "Công đoàn");
}
