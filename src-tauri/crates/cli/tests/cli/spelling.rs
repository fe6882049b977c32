use crate::{newsroom, stdout, write};

#[test]
fn spelling_check_marks_and_suggests_and_the_dictionary_moves_between_machines() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let text = write(
        files.path(),
        "bai.txt",
        "Công đoàn cần giử gìn đoàn kết.\nCovid lan rộng.\n".as_bytes(),
    );
    let out = newsroom(a.path(), &["spelling", "check", &text]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.starts_with("1:15 giử → giữ"), "{said}");
    assert!(said.contains("2:1 Covid"), "{said}");

    stdout(&newsroom(a.path(), &["spelling", "add", "Covid"]));
    stdout(&newsroom(a.path(), &["spelling", "style", "--placement", "old"]));
    let exported = files.path().join("tu-dien.json");
    stdout(&newsroom(
        a.path(),
        &["spelling", "export", exported.to_str().unwrap()],
    ));
    stdout(&newsroom(
        b.path(),
        &["spelling", "import", exported.to_str().unwrap()],
    ));
    let fixed = write(
        files.path(),
        "sua.txt",
        "Công đoàn giữ gìn hoà khí. Covid lùi xa.".as_bytes(),
    );
    let out = newsroom(b.path(), &["spelling", "check", "--json", &fixed]);
    let marked: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(marked.as_array().unwrap().len(), 1, "{marked}");
    assert_eq!(marked[0]["word"], "hoà");
    // "Công đoàn giữ gìn " is 18 code points, however many bytes its marks take.
    assert_eq!(
        (marked[0]["start"].as_u64(), marked[0]["end"].as_u64()),
        (Some(18), Some(21))
    );
    assert_eq!(
        (marked[0]["line"].as_u64(), marked[0]["column"].as_u64()),
        (Some(1), Some(19))
    );
    assert_eq!(marked[0]["kind"], "style");
    assert_eq!(marked[0]["suggestions"][0], "hòa");
}
