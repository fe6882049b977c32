//! `newsroom backup`: a backup made, a piece purged for good, the piece brought back.

use super::*;

#[test]
fn a_purged_piece_comes_back_from_a_backup_and_the_store_before_the_restore_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let id = import_article(
        data.path(),
        files.path(),
        "---\nheadline: Công nhân khu công nghiệp nhận quà Tết\n---\n\nĐoạn đầu.\n",
    );
    let photo = write(files.path(), "trao-qua.jpg", &jpeg(320, 240));
    stdout(&newsroom(
        data.path(),
        &["photo", "import", &photo, "--article", &id],
    ));

    let made: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["backup", "create", "--json"]))).unwrap();
    let backup = made["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (made["articles"].as_u64(), made["photos"].as_u64()),
        (Some(1), Some(1))
    );

    stdout(&newsroom(data.path(), &["article", "delete", &id]));
    stdout(&newsroom(data.path(), &["article", "trash", "--purge", &id]));
    assert!(!newsroom(data.path(), &["article", "show", &id]).status.success());

    // Without --yes: the preview, and nothing changed.
    let asked = newsroom(data.path(), &["backup", "restore", &backup]);
    assert!(!asked.status.success());
    let said = String::from_utf8_lossy(&asked.stdout);
    assert!(said.contains("1 pieces not in the store now"), "{said}");
    assert!(said.contains("Công nhân khu công nghiệp nhận quà Tết"), "{said}");
    assert!(String::from_utf8_lossy(&asked.stderr).contains("--yes"));
    assert!(!newsroom(data.path(), &["article", "show", &id]).status.success());

    let done: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["backup", "restore", &backup, "--yes", "--json"],
    )))
    .unwrap();
    assert_eq!(done["kept"]["reason"], "before_restore");
    assert_eq!(done["kept"]["articles"], 0);
    let shown = stdout(&newsroom(data.path(), &["article", "show", &id]));
    assert!(shown.contains("Công nhân khu công nghiệp nhận quà Tết"));
    let photos: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--article", &id, "--json"],
    )))
    .unwrap();
    assert_eq!(photos.as_array().map(Vec::len), Some(1));

    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["backup", "list", "--json"]))).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert!(!newsroom(data.path(), &["backup", "show", "khong-co"])
        .status
        .success());
}
