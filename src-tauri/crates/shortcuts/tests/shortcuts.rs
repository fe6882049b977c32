//! Code replacements on a real store: saved, expanded the way a photo editor types them,
//! shared between machines as JSON.

use chrono::{TimeZone, Utc};
use newsroom_shortcuts::*;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap()
}

fn store() -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    (dir, conn)
}

#[test]
fn codes_expand_in_any_case_and_nothing_else_is_touched() {
    let (_dir, conn) = store();
    save(&conn, "hn", "Hà Nội", now()).unwrap();
    save(&conn, "=LDLD=", "Liên đoàn Lao động thành phố", now()).unwrap();
    save(&conn, "mq", "Ảnh: Mai Quý", now()).unwrap();
    let codes = code_map(list(&conn).unwrap());
    assert_eq!(
        expand("Đoàn viên =LDLD= =HN= nhận quà. =mq=", &codes),
        "Đoàn viên Liên đoàn Lao động thành phố Hà Nội nhận quà. Ảnh: Mai Quý"
    );
    for untouched in [
        "a == b",
        "=unknown= stays",
        "x = 1",
        "==",
        "=",
        "=hn",
        "= hn =",
        "=hà=",
    ] {
        assert_eq!(expand(untouched, &codes), untouched);
    }
    // A code right after an unknown one still expands: the scan resumes at each `=`.
    assert_eq!(expand("=x=hn=", &codes), "=xHà Nội");
    assert_eq!(expand("==hn==", &codes), "=Hà Nội=");
}

#[test]
fn a_code_is_checked_stored_once_and_removed() {
    let (_dir, conn) = store();
    assert!(matches!(
        save(&conn, "hà nội", "x", now()),
        Err(ShortcutError::BadCode(_))
    ));
    assert!(matches!(
        save(&conn, "", "x", now()),
        Err(ShortcutError::BadCode(_))
    ));
    assert!(matches!(
        save(&conn, "hn", "  ", now()),
        Err(ShortcutError::EmptyText)
    ));
    save(&conn, "hn", "Ha Noi", now()).unwrap();
    // Decomposed input (as some keyboards send) is stored composed.
    save(&conn, "HN", "Ha\u{300} Nô\u{323}i", now()).unwrap();
    assert_eq!(
        list(&conn).unwrap(),
        [Shortcut {
            code: "hn".into(),
            text: "Hà Nội".into(),
            from_directory: false,
        }]
    );
    remove(&conn, "=hn=").unwrap();
    assert!(list(&conn).unwrap().is_empty());
    assert!(matches!(remove(&conn, "hn"), Err(ShortcutError::NotFound(_))));
}

#[test]
fn a_list_travels_to_another_machine_as_json() {
    let (_a, first) = store();
    save(&first, "hn", "Hà Nội", now()).unwrap();
    save(&first, "mq", "Ảnh: Mai Quý", now()).unwrap();
    let json = export(&first).unwrap();

    let (_b, second) = store();
    save(&second, "hn", "Hanoi", now()).unwrap();
    save(&second, "tq", "Ảnh: Thu Quỳnh", now()).unwrap();
    let outcome = import(&second, &json, now()).unwrap();
    assert_eq!(
        outcome,
        ShortcutImport {
            added: 1,
            changed: 1,
            unchanged: 0
        }
    );
    let texts: Vec<String> = list(&second).unwrap().into_iter().map(|s| s.text).collect();
    assert_eq!(texts, ["Hà Nội", "Ảnh: Mai Quý", "Ảnh: Thu Quỳnh"]);
    assert_eq!(import(&second, &json, now()).unwrap().unchanged, 2);

    // A bare list is read too; a file of another kind, or with a bad code, changes nothing.
    assert_eq!(
        import(&second, r#"[{"code":"dn","text":"Đà Nẵng"}]"#, now())
            .unwrap()
            .added,
        1
    );
    assert!(matches!(
        import(
            &second,
            r#"{"format":"newsroom-dictionary","version":1,"shortcuts":[]}"#,
            now()
        ),
        Err(ShortcutError::BadImport(_))
    ));
    let before = list(&second).unwrap();
    assert!(import(
        &second,
        r#"[{"code":"hcm","text":"TP.HCM"},{"code":"bad code","text":"x"}]"#,
        now()
    )
    .is_err());
    assert_eq!(list(&second).unwrap(), before, "all or none");
    assert!(import(&second, "not json", now()).is_err());
}

#[test]
fn the_directorys_people_are_codes_under_their_short_aliases_unless_the_list_has_that_code() {
    let list = vec![Shortcut {
        code: "hn".into(),
        text: "Hà Nội".into(),
        from_directory: false,
    }];
    let people = vec![
        ("NPT".to_owned(), "Nguyễn Phi Thường".to_owned()),
        ("hn".to_owned(), "Hoàng Nam".to_owned()),
    ];
    let all = with_people(list, people);
    assert_eq!(all.len(), 2, "the list's own code wins");
    let codes = code_map(all);
    assert_eq!(
        expand("Ông =npt= phát biểu tại =hn=", &codes),
        "Ông Nguyễn Phi Thường phát biểu tại Hà Nội"
    );
}
