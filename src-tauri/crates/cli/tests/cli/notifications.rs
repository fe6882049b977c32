//! The inbox from the command line: a reporter hears what the desk did to their piece (on one
//! store, the profile saying who acts), never their own acts, and chooses what they hear of.

use std::path::Path;

use serde_json::Value;

use crate::*;

fn as_person(data_dir: &Path, name: &str, role: &str) {
    stdout(&newsroom(
        data_dir,
        &["profile", "set", "--name", name, "--role", role],
    ));
}

fn inbox(data_dir: &Path) -> Value {
    serde_json::from_str(&stdout(&newsroom(data_dir, &["notifications", "list", "--json"]))).unwrap()
}

#[test]
fn a_reporter_hears_the_desks_moves_and_comments_with_the_return_note() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    as_person(data.path(), "Mai Quý", "reporter");
    // The first look starts the inbox.
    assert_eq!(inbox(data.path())["unread"], 0);
    let md = "---\nheadline: Công đoàn ký kết\nsapo: Sáng nay hai bên ký kết.\nbyline: Mai Quý\n---\n\nNgười lao động được hỗ trợ nhà ở.\n";
    let id = import_article(data.path(), files.path(), md);
    stdout(&newsroom(
        data.path(),
        &["article", "tag", &id, "--org", "Công đoàn Hà Nội"],
    ));
    stdout(&newsroom(data.path(), &["article", "submit", &id]));

    as_person(data.path(), "Trần Biên Tập", "desk_editor");
    // The desk hears of the submitted piece.
    let desk = inbox(data.path());
    assert_eq!(desk["items"][0]["kind"], "submitted");
    assert_eq!(desk["items"][0]["actor"], "Mai Quý");
    stdout(&newsroom(data.path(), &["article", "review", &id]));
    stdout(&newsroom(
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
    ));
    stdout(&newsroom(
        data.path(),
        &["article", "return", &id, "--note", "Thêm số liệu."],
    ));

    as_person(data.path(), "Mai Quý", "reporter");
    let mine = inbox(data.path());
    let items = mine["items"].as_array().unwrap();
    let told: Vec<(&str, &str, &str)> = items
        .iter()
        .rev()
        .map(|n| {
            (
                n["kind"].as_str().unwrap(),
                n["actor"].as_str().unwrap(),
                n["note"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        told,
        [
            ("taken", "Trần Biên Tập", ""),
            ("comment", "Trần Biên Tập", "Hỗ trợ bao nhiêu?"),
            ("returned", "Trần Biên Tập", "Thêm số liệu."),
        ],
        "the submit was the reporter's own: not told"
    );
    assert_eq!(items[0]["headline"], "Công đoàn ký kết");
    assert_eq!(mine["unread"], 3);

    // Opening the piece reads its notifications.
    assert_eq!(
        said(data.path(), &["notifications", "read", "--piece", &id]),
        "0 unread"
    );
    let missing = newsroom(data.path(), &["notifications", "read"]);
    assert!(!missing.status.success());

    // Comments muted, the system's notifications off: remembered.
    let settings: Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &[
            "notifications",
            "settings",
            "--system",
            "off",
            "--mute",
            "comment",
            "--mute",
            "reply",
        ],
    )))
    .unwrap();
    assert_eq!(
        settings,
        serde_json::json!({"system": false, "muted": ["comment", "reply"]})
    );
    let shown: Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["notifications", "settings"]))).unwrap();
    assert_eq!(shown, settings);
}

fn said(data_dir: &Path, args: &[&str]) -> String {
    stdout(&newsroom(data_dir, args)).trim_end().to_owned()
}
