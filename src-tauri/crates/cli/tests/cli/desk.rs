//! The desk's loop from the command line: a reporter submits, the desk takes the piece,
//! comments, edits, returns it with a note; the history names everyone.

use std::path::Path;

use crate::*;

/// What a command printed, without the final line break.
fn said(data_dir: &Path, args: &[&str]) -> String {
    stdout(&newsroom(data_dir, args)).trim_end().to_owned()
}

fn as_person(data_dir: &Path, name: &str, role: &str) {
    stdout(&newsroom(
        data_dir,
        &["profile", "set", "--name", name, "--role", role],
    ));
}

#[test]
fn review_comment_diff_return_and_history_as_a_process() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    as_person(data.path(), "Mai Quý", "reporter");
    let md = "---\nheadline: Công đoàn ký kết\nsapo: Sáng nay hai bên ký kết.\nbyline: Mai Quý\n---\n\nNgười lao động được hỗ trợ nhà ở.\n";
    let id = import_article(data.path(), files.path(), md);
    // The checklist needs a tag before submitting.
    stdout(&newsroom(
        data.path(),
        &["article", "tag", &id, "--org", "Công đoàn Hà Nội"],
    ));
    assert!(said(data.path(), &["article", "submit", &id]).ends_with("submitted"));

    as_person(data.path(), "Trần Biên Tập", "desk_editor");
    assert!(said(data.path(), &["article", "review", &id]).ends_with("in_review"));
    let thread: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &[
            "comment",
            "add",
            &id,
            "--quote",
            "nhà ở",
            "--text",
            "Hỗ trợ bao nhiêu?",
        ],
    )))
    .unwrap();
    assert_eq!(thread["created_by"], "Trần Biên Tập");
    let empty = newsroom(
        data.path(),
        &["comment", "add", &id, "--quote", " ", "--text", "x"],
    );
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("[invalid_input]"));

    // Returning without a note is refused with its own code; with one, it goes back.
    let refused = newsroom(data.path(), &["article", "return", &id, "--note", ""]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("[note_required]"));
    assert!(said(
        data.path(),
        &["article", "return", &id, "--note", "Thêm số liệu."]
    )
    .ends_with("returned"));

    let diff: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["article", "diff", &id, "--json"],
    )))
    .unwrap();
    assert_eq!(diff["from"]["author"], "Mai Quý");
    assert_eq!(diff["changed_words"], 0, "nothing was edited yet");
    let bad = newsroom(data.path(), &["article", "diff", &id, "--from", "hôm qua"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("[invalid_input]"));

    let history: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["article", "history", &id, "--json"],
    )))
    .unwrap();
    let moves: Vec<(String, String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["to"].as_str().unwrap().to_owned(),
                c["changed_by"].as_str().unwrap().to_owned(),
                c["note"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        vec![
            ("submitted".into(), "Mai Quý".into(), String::new()),
            ("in_review".into(), "Trần Biên Tập".into(), String::new()),
            ("returned".into(), "Trần Biên Tập".into(), "Thêm số liệu.".into()),
        ]
    );
    let threads: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["comment", "list", &id, "--json"],
    )))
    .unwrap();
    assert_eq!(threads[0]["quote"], "nhà ở");
    assert_eq!(threads[0]["comments"][0]["text"], "Hỗ trợ bao nhiêu?");
}

#[test]
fn the_interface_language_is_vietnamese_until_switched_and_kept() {
    let data = tempfile::tempdir().unwrap();
    assert_eq!(said(data.path(), &["profile", "language"]), "\"vi\"");
    assert_eq!(said(data.path(), &["profile", "language", "en"]), "\"en\"");
    assert_eq!(said(data.path(), &["profile", "language"]), "\"en\"");
    assert!(!newsroom(data.path(), &["profile", "language", "fr"])
        .status
        .success());
}
