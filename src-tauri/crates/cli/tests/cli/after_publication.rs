//! `newsroom article schedule|embargo|edit|correct|unpublish`: a piece's life after the desk's
//! word through the CLI, its ninjs document valid against the official 2.1 schema in every
//! state (the same moves on the real site are tested in the sync crate).

use std::path::Path;

use chrono::{Duration, Utc};

use crate::articles::{assert_valid_ninjs, ninjs_validator};
use crate::{import_article, newsroom, stdout, write};

fn ninjs(data: &Path, id: &str) -> serde_json::Value {
    let document: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data, &["article", "export", id]))).unwrap();
    if let Some(validator) = ninjs_validator() {
        assert_valid_ninjs(&validator, &document);
    }
    document
}

/// A time ahead as a newsroom writes it: Vietnam time, minutes.
fn vietnam(at: chrono::DateTime<Utc>) -> String {
    let offset = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    at.with_timezone(&offset).format("%Y-%m-%d %H:%M").to_string()
}

/// The same time in UTC, as ninjs and the store keep it.
fn utc_of(vietnam: &str) -> String {
    let local = chrono::NaiveDateTime::parse_from_str(vietnam, "%Y-%m-%d %H:%M").unwrap();
    (local - Duration::hours(7))
        .format("%Y-%m-%dT%H:%M:00Z")
        .to_string()
}

fn failing(out: &std::process::Output, code: &str) -> String {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains(&format!("[{code}]")), "{stderr}");
    stderr
}

#[test]
fn schedule_embargo_update_correct_and_unpublish_each_export_valid_ninjs() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let md = "---\nheadline: \"Trao 500 suất quà cho đoàn viên\"\nsapo: Sáng nay, LĐLĐ thành phố trao quà.\nbyline: Mai Quý\ndateline: Hà Nội\nsection: Công đoàn\n---\n\nĐoạn mở đầu.\n";
    let id = import_article(data.path(), files.path(), md);
    let run = |args: &[&str]| stdout(&newsroom(data.path(), args));
    for step in ["submit", "review", "approve"] {
        run(&["article", step, &id]);
    }
    assert_eq!(ninjs(data.path(), &id)["pubstatus"], "withheld");

    // An embargo, written in Vietnam time: kept in UTC, and the approved piece is scheduled
    // for its end.
    let until = vietnam(Utc::now() + Duration::days(2));
    let said = run(&["article", "embargo", &id, "--until", &until]);
    assert!(said.contains(&format!("embargoed {}", utc_of(&until))), "{said}");
    let document = ninjs(data.path(), &id);
    assert_eq!(document["embargoed"], utc_of(&until));
    let refused = failing(&newsroom(data.path(), &["article", "publish", &id]), "embargoed");
    assert!(
        refused.contains("(UTC+7)"),
        "the time is said in Vietnam time: {refused}"
    );
    let earlier = vietnam(Utc::now() + Duration::days(1));
    failing(
        &newsroom(data.path(), &["article", "schedule", &id, "--at", &earlier]),
        "embargoed",
    );
    failing(
        &newsroom(
            data.path(),
            &["article", "schedule", &id, "--at", "2020-01-01 08:00"],
        ),
        "bad_time",
    );
    failing(
        &newsroom(data.path(), &["article", "schedule", &id, "--at", "thứ hai"]),
        "invalid_input",
    );

    // Scheduled later than the embargo; then both lifted, and published at once.
    let later = vietnam(Utc::now() + Duration::days(3));
    let said = run(&["article", "schedule", &id, "--at", &later]);
    assert!(said.contains(&format!("scheduled {}", utc_of(&later))), "{said}");
    let document = ninjs(data.path(), &id);
    assert_eq!(
        (document["pubstatus"].as_str(), document["embargoed"].as_str()),
        (Some("usable"), Some(utc_of(&later).as_str()))
    );
    run(&["article", "embargo", &id, "--clear"]);
    run(&["article", "schedule", &id, "--clear"]);
    run(&["article", "publish", &id]);
    let published = ninjs(data.path(), &id);
    assert_eq!(published["pubstatus"], "usable");
    assert!(published.get("embargoed").is_none());

    // An update: a new version.
    let body = write(
        files.path(),
        "than-bai.md",
        "Đoạn mở đầu.\n\nĐến trưa đã trao 300 suất.\n".as_bytes(),
    );
    run(&["article", "edit", &id, "--body-file", &body]);
    let updated = ninjs(data.path(), &id);
    assert!(
        updated["version"].as_str().unwrap().parse::<u32>().unwrap()
            > published["version"].as_str().unwrap().parse::<u32>().unwrap()
    );
    assert!(updated["versioncreated"].as_str().unwrap() >= published["versioncreated"].as_str().unwrap());
    assert!(updated["bodies"][0]["value"]
        .as_str()
        .unwrap()
        .contains("300 suất"));

    // A correction: a notice at the end of the body and a description of role correction.
    failing(
        &newsroom(data.path(), &["article", "correct", &id, "--note", " "]),
        "note_required",
    );
    run(&[
        "article",
        "correct",
        &id,
        "--note",
        "Bài trước ghi nhầm 50 suất; đúng là 500.",
    ]);
    let corrected = ninjs(data.path(), &id);
    let html = corrected["bodies"][0]["value"].as_str().unwrap();
    assert!(
        html.ends_with("Bài trước ghi nhầm 50 suất; đúng là 500.</em></p>"),
        "{html}"
    );
    assert!(html.contains("<strong>Đính chính</strong> ("), "{html}");
    let correction = corrected["descriptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["role"] == "correction")
        .unwrap();
    assert!(correction["value"].as_str().unwrap().ends_with("đúng là 500."));

    // Taken down: cancelled, with the reason as the editorial note.
    failing(
        &newsroom(data.path(), &["article", "unpublish", &id, "--note", ""]),
        "note_required",
    );
    run(&[
        "article",
        "unpublish",
        &id,
        "--note",
        "Nguồn tin chưa được xác minh",
    ]);
    let down = ninjs(data.path(), &id);
    assert_eq!(down["pubstatus"], "canceled");
    assert_eq!(down["ednote"], "Gỡ khỏi trang: Nguồn tin chưa được xác minh");

    // Every move is in the history, with who and the time it names.
    let history: serde_json::Value =
        serde_json::from_str(&run(&["article", "history", &id, "--json"])).unwrap();
    let actions: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["action"].as_str().unwrap(), m["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions[3..],
        [
            ("embargo", "approved"),
            ("schedule", "approved"),
            ("embargo", "approved"),
            ("schedule", "approved"),
            ("move", "published"),
            ("update", "published"),
            ("correct", "published"),
            ("move", "spiked"),
        ]
    );
    assert_eq!(history[3]["at_time"], utc_of(&until));
}
