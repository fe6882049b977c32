//! Spelling through the API, as the editor calls it: the directory's names are never marked,
//! a change to the directory is seen at once, and the newsroom's dictionary moves between
//! machines as a file.

use newsroom_api::{Api, EntityInput, EntityKind, ErrorCode, IssueKind, WordKind};

mod common;
use common::open;

fn marked(api: &Api, text: &str) -> Vec<String> {
    api.spelling_check(text)
        .unwrap()
        .into_iter()
        .filter(|i| i.kind == IssueKind::Misspelled)
        .map(|i| i.word)
        .collect()
}

#[test]
fn directory_names_are_never_marked_and_the_dictionary_travels_as_a_file() {
    let a_dir = tempfile::tempdir().unwrap();
    let a = open(a_dir.path());
    let text = "Công ty Vinamilk tuyển người; ông Lê Văn Dương nói Covid đã lùi xa, còn giử gìn sức khoẻ.";
    assert_eq!(marked(&a, text), ["Vinamilk", "Covid", "giử"]);
    a.entity_save(&EntityInput {
        kind: EntityKind::Organisation,
        name: "Công ty Cổ phần Sữa Việt Nam".into(),
        aliases: vec!["Vinamilk".into()],
        roles: vec![],
        parent: None,
        uri: None,
    })
    .unwrap();
    // The directory changed: the next check knows the alias.
    assert_eq!(marked(&a, text), ["Covid", "giử"]);
    a.spelling_add_word("Covid", WordKind::Added).unwrap();
    assert_eq!(marked(&a, text), ["giử"]);
    assert_eq!(a.spelling_suggest("giử").unwrap()[0], "giữ");

    let file = a_dir.path().join("tu-dien.json");
    a.spelling_export_file(&file).unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let b = open(b_dir.path());
    assert_eq!(b.spelling_import_file(&file).unwrap(), 1);
    assert!(b.spelling_words().unwrap().iter().any(|w| w.word == "Covid"));

    std::fs::write(&file, "{ not a dictionary").unwrap();
    let err = b.spelling_import_file(&file).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("tu-dien.json"), "{}", err.message);
}
