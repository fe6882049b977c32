//! The directory on a real SQLite store: what a newsroom notices when it imports, browses,
//! merges and tags.

use chrono::Utc;
use newsroom_entities as entities;
use newsroom_entities::{EntityInput, EntityKind, EntityRole};

fn store() -> (tempfile::TempDir, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    (dir, conn)
}

fn person(name: &str) -> EntityInput {
    EntityInput {
        kind: EntityKind::Person,
        name: name.into(),
        aliases: vec![],
        roles: vec![],
        parent: None,
        uri: None,
    }
}

/// An article to tag.
fn article(conn: &rusqlite::Connection) -> newsroom_articles::Article {
    let fields = newsroom_articles::ArticleFields {
        headline: "Tin".into(),
        ..Default::default()
    };
    newsroom_articles::create(conn, &fields, "tester", Utc::now()).unwrap()
}

/// A new person named in a piece, with the role the text gives them, as the tags panel accepts it.
fn new_person(article_id: &str, name: &str, role: &str) -> entities::AcceptSuggestion {
    entities::AcceptSuggestion {
        article_id: article_id.to_owned(),
        kind: EntityKind::Person,
        name: name.into(),
        entity_id: None,
        role: Some(role.into()),
    }
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn csv_import_keeps_vietnamese_aliases_parents_and_roles_and_reimport_does_not_duplicate() {
    let (dir, conn) = store();
    let csv = write(
        dir.path(),
        "danh-ba.csv",
        "kind,name,aliases,parent,title,organisation\n\
         organisation,Liên đoàn Lao động thành phố Hà Nội,LĐLĐ thành phố Hà Nội|LĐLĐ Hà Nội,Tổng Liên đoàn Lao động Việt Nam,,\n\
         person,Nguyễn Phi Thường,,,Chủ tịch,Liên đoàn Lao động thành phố Hà Nội\n\
         organisation,Ủy ban nhân dân quận Hoàn Kiếm,UBND quận Hoàn Kiếm,,,\n",
    );
    let first = entities::import(&conn, &csv, Utc::now()).unwrap();
    assert_eq!((first.created, first.updated), (3, 0));
    let again = entities::import(&conn, &csv, Utc::now()).unwrap();
    assert_eq!((again.created, again.updated), (0, 3));

    let all = entities::list(&conn, None, "", 100).unwrap();
    assert_eq!(all.len(), 4, "the parent organisation was added too");
    let ldld = all
        .iter()
        .find(|e| e.name == "Liên đoàn Lao động thành phố Hà Nội")
        .unwrap();
    assert_eq!(ldld.aliases, ["LĐLĐ Hà Nội", "LĐLĐ thành phố Hà Nội"]);
    let parent = entities::get(&conn, ldld.parent_id.as_deref().unwrap()).unwrap();
    assert_eq!(parent.name, "Tổng Liên đoàn Lao động Việt Nam");
    let thuong = all.iter().find(|e| e.kind == EntityKind::Person).unwrap();
    assert_eq!(
        thuong.roles,
        [EntityRole {
            title: "Chủ tịch".into(),
            organisation: "Liên đoàn Lao động thành phố Hà Nội".into(),
            ..Default::default()
        }]
    );
    assert!(thuong.uri.starts_with("urn:newsroom:person:"));

    // Search ignores tones and case and looks at aliases.
    let found = entities::list(&conn, None, "ubnd quan hoan kiem", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Ủy ban nhân dân quận Hoàn Kiếm");
}

#[test]
fn a_bad_row_names_the_file_and_row_and_imports_nothing() {
    let (dir, conn) = store();
    let csv = write(
        dir.path(),
        "hong.csv",
        "kind,name\nperson,Lê Văn An\nanimal,Con mèo\n",
    );
    let err = entities::import(&conn, &csv, Utc::now()).unwrap_err().to_string();
    assert!(err.contains("hong.csv") && err.contains("row 3"), "{err}");
    assert!(entities::list(&conn, None, "", 10).unwrap().is_empty());

    let json = write(dir.path(), "hong.json", "[{\"kind\": \"person\"}]");
    let err = entities::import(&conn, &json, Utc::now())
        .unwrap_err()
        .to_string();
    assert!(err.contains("hong.json") && err.contains("bad JSON"), "{err}");
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"kind,name\nperson,L\xea V\xe3n An\n").unwrap();
    let err = entities::import(&conn, &latin1, Utc::now())
        .unwrap_err()
        .to_string();
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn a_refused_file_says_what_is_wrong_where_in_terms_any_language_can_word() {
    use entities::{EntityError, ImportProblem};
    let (_dir, conn) = store();
    let problem = |name: &str, text: &[u8]| match entities::import_bytes(&conn, name, text, Utc::now()) {
        Err(EntityError::Import { file, problem }) => {
            assert_eq!(file, name);
            problem
        }
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        problem(
            "a.csv",
            "kind,name\nperson,Lê Văn An\ncon vật,Con mèo\n".as_bytes()
        ),
        ImportProblem::BadKind {
            row: 3,
            value: "con vật".into()
        }
    );
    assert_eq!(
        problem("b.csv", b"loai,ten\nperson,An\n"),
        ImportProblem::MissingColumns
    );
    assert_eq!(
        problem("c.csv", b"kind,name\nperson,An\norganisation, \n"),
        ImportProblem::NoName { row: 3 }
    );
    assert_eq!(
        problem("d.json", b"[{\"kind\": \"person\", \"name\": \"\"}]"),
        ImportProblem::NoName { row: 1 }
    );
    assert!(matches!(
        problem("e.json", b"[\n  {\"kind\": 1}]"),
        ImportProblem::BadJson { line: 2, .. }
    ));
    assert_eq!(problem("f.txt", b"kind,name"), ImportProblem::NotCsvOrJson);
    assert_eq!(
        problem("g.csv", b"kind,name\nperson,L\xea"),
        ImportProblem::NotUtf8 { offset: 18 }
    );
    // A quoted name over two lines keeps the row numbers of what follows true.
    assert_eq!(
        problem("h.csv", "kind,name\nperson,\"Lê\nVăn An\"\nx,Y\n".as_bytes()),
        ImportProblem::BadKind {
            row: 4,
            value: "x".into()
        }
    );
    assert!(
        entities::list(&conn, None, "", 10).unwrap().is_empty(),
        "nothing imported"
    );
}

#[test]
fn people_sort_by_given_name_in_vietnamese_order() {
    let (_dir, conn) = store();
    for name in [
        "Nguyễn Văn Đức",
        "Trần Thị Dung",
        "Lê Văn Ân",
        "Phạm An",
        "Đỗ Thị Yến",
    ] {
        entities::upsert(&conn, &person(name), Utc::now()).unwrap();
    }
    let names: Vec<String> = entities::list(&conn, Some(EntityKind::Person), "", 10)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        names,
        [
            "Phạm An",
            "Lê Văn Ân",
            "Trần Thị Dung",
            "Nguyễn Văn Đức",
            "Đỗ Thị Yến"
        ]
    );
}

#[test]
fn merging_keeps_every_spelling_role_and_tag() {
    let (_dir, conn) = store();
    let now = Utc::now();
    let article = article(&conn);
    let (keep, _) = entities::upsert(&conn, &person("Nguyễn Phi Thường"), now).unwrap();
    let mut dup = person("Nguyen Phi Thuong");
    dup.kind = EntityKind::Person;
    // Folding makes these the same name, so this updates rather than duplicates…
    assert_eq!(entities::upsert(&conn, &dup, now).unwrap().0, keep);
    // …while a genuinely different spelling is a second entry to merge.
    let (other, _) = entities::upsert(
        &conn,
        &EntityInput {
            roles: vec![EntityRole {
                title: "Đại biểu Quốc hội".into(),
                ..Default::default()
            }],
            ..person("N. P. Thường")
        },
        now,
    )
    .unwrap();
    entities::tag(&conn, &article.id, &other, "Chủ tịch").unwrap();
    let merged = entities::merge(&conn, &other, &keep, now).unwrap();
    assert!(merged.aliases.contains(&"N. P. Thường".to_owned()));
    assert_eq!(merged.roles.len(), 1);
    let tags = entities::article_tags(&conn, &article.id).unwrap();
    assert_eq!(tags.len(), 1);
    assert_eq!(
        (tags[0].entity_id.as_str(), tags[0].role.as_str()),
        (keep.as_str(), "Chủ tịch")
    );
    assert!(entities::get(&conn, &other).is_err());

    // The merged spelling now finds the kept entity in text.
    let known = entities::load_known(&conn).unwrap();
    let s = newsroom_suggestions::suggest("Ông N. P. Thường phát biểu.", &known);
    assert_eq!(s.people[0].entity_id.as_deref(), Some(keep.as_str()));
}

#[test]
fn export_then_import_into_an_empty_store_gives_the_same_directory() {
    for format in ["json", "csv"] {
        export_round_trip(format);
    }
}

fn export_round_trip(format: &str) {
    let (dir, conn) = store();
    let now = Utc::now();
    entities::upsert(
        &conn,
        &EntityInput {
            roles: vec![
                EntityRole {
                    title: "Chủ tịch".into(),
                    organisation: "Liên đoàn Lao động thành phố Hà Nội".into(),
                    since: "2018".into(),
                    until: String::new(),
                },
                EntityRole {
                    title: "Phó Chủ tịch, \"kiêm\" Trưởng ban".into(),
                    organisation: "Công đoàn ngành Y tế".into(),
                    since: "2012".into(),
                    until: "2018".into(),
                },
            ],
            aliases: vec!["N. P. Thường".into(), "Thường".into()],
            ..person("Nguyễn Phi Thường")
        },
        now,
    )
    .unwrap();
    entities::upsert(
        &conn,
        &EntityInput {
            kind: EntityKind::Organisation,
            name: "Công đoàn cơ sở".into(),
            aliases: vec!["CĐCS".into()],
            roles: vec![],
            parent: Some("Liên đoàn Lao động quận Long Biên".into()),
            uri: Some("https://example.org/cdcs".into()),
        },
        now,
    )
    .unwrap();
    entities::never_suggest(&conn, EntityKind::Organisation, "Tổ Quốc", "Hoa", now).unwrap();
    let path = dir.path().join(format!("export.{format}"));
    entities::export_file(&conn, &path).unwrap();
    // Excel on Windows reads a CSV file as UTF-8 only when it starts with the byte-order mark.
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.starts_with(b"\xEF\xBB\xBF"), format == "csv", "{format}");
    let (_dir2, conn2) = store();
    let summary = entities::import(&conn2, &path, now).unwrap();
    assert_eq!(summary.never_suggested, 1, "{format}");
    // The names the newsroom stopped travel with the directory, and who stopped them.
    let stopped = entities::never_suggested(&conn2).unwrap();
    assert_eq!(stopped.len(), 1, "{format}");
    assert_eq!(
        (stopped[0].kind, stopped[0].name.as_str()),
        (EntityKind::Organisation, "Tổ Quốc")
    );
    if format == "json" {
        assert_eq!(stopped[0].added_by, "Hoa");
    }
    let a = entities::list(&conn, None, "", 10).unwrap();
    let b = entities::list(&conn2, None, "", 10).unwrap();
    let shape = |v: &[entities::Entity]| {
        v.iter()
            .map(|e| (e.name.clone(), e.aliases.clone(), e.roles.clone(), e.uri.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&a), shape(&b), "{format}");
    let parent = |v: &[entities::Entity]| {
        let child = v.iter().find(|e| e.name == "Công đoàn cơ sở").unwrap();
        v.iter()
            .find(|e| Some(&e.id) == child.parent_id.as_ref())
            .map(|e| e.name.clone())
    };
    assert_eq!(
        parent(&b).as_deref(),
        Some("Liên đoàn Lao động quận Long Biên"),
        "{format}"
    );
}

#[test]
fn accepting_a_suggestion_writes_the_role_and_the_tag_together_or_neither() {
    let (_dir, conn) = store();
    let now = Utc::now();
    let article = article(&conn);
    let accept = |article_id: &str| new_person(article_id, "Lê Đăng Khoa", "Giám đốc");

    // The person and their role go into the directory before the tag is written; when the
    // tag cannot be written (the article is gone), the directory keeps nothing either.
    let failed = entities::accept_suggestion(&conn, &accept("không-có-bài-này"), now);
    assert!(matches!(failed, Err(entities::EntityError::ArticleNotFound(_))));
    assert_eq!(
        entities::find_by_name(&conn, EntityKind::Person, "Lê Đăng Khoa").unwrap(),
        None
    );

    let (tag, changed) = entities::accept_suggestion(&conn, &accept(&article.id), now).unwrap();
    assert!(changed);
    assert_eq!(
        (tag.name.as_str(), tag.role.as_str()),
        ("Lê Đăng Khoa", "Giám đốc")
    );
    let person = entities::get(&conn, &tag.entity_id).unwrap();
    assert_eq!(person.roles[0].title, "Giám đốc");
}

#[test]
fn an_accepted_role_is_stored_as_title_and_organisation() {
    let (_dir, conn) = store();
    let now = Utc::now();
    let article = article(&conn);
    let accept = new_person(&article.id, "Lê Trung Chinh", "Chủ tịch UBND thành phố Đà Nẵng");
    let (tag, _) = entities::accept_suggestion(&conn, &accept, now).unwrap();
    // The tag keeps the role as the story gives it; the directory keeps its parts.
    assert_eq!(tag.role, "Chủ tịch UBND thành phố Đà Nẵng");
    let person = entities::get(&conn, &tag.entity_id).unwrap();
    assert_eq!(person.roles.len(), 1);
    assert_eq!(person.roles[0].title, "Chủ tịch");
    assert_eq!(person.roles[0].organisation, "UBND thành phố Đà Nẵng");
    // Accepted again (another piece), the same role is not added twice.
    let again = entities::AcceptSuggestion {
        entity_id: Some(tag.entity_id.clone()),
        ..accept
    };
    entities::accept_suggestion(&conn, &again, now).unwrap();
    assert_eq!(entities::get(&conn, &tag.entity_id).unwrap().roles.len(), 1);
}

#[test]
fn an_entry_of_the_wrong_kind_is_corrected_in_place_with_its_tags() {
    let (_dir, conn) = store();
    let now = Utc::now();
    let article = article(&conn);
    let accept = new_person(&article.id, "Hoàng Mai Xanh", "Giám đốc");
    let (tag, _) = entities::accept_suggestion(&conn, &accept, now).unwrap();
    let entry = entities::get(&conn, &tag.entity_id).unwrap();
    assert!(entry.uri.contains(":person:"));
    let fixed = entities::update(
        &conn,
        &entry.id,
        &entities::EntityInput {
            kind: EntityKind::Organisation,
            name: entry.name.clone(),
            aliases: vec![],
            roles: entry.roles.clone(),
            parent: None,
            uri: None,
        },
        now,
    )
    .unwrap();
    assert_eq!(fixed.kind, EntityKind::Organisation);
    assert!(fixed.roles.is_empty(), "an organisation has no roles");
    assert!(fixed.uri.contains(":organisation:"), "{}", fixed.uri);
    let tags = entities::article_tags(&conn, &article.id).unwrap();
    assert_eq!(tags.len(), 1);
    assert_eq!(tags[0].kind, EntityKind::Organisation);
}

#[test]
fn a_name_the_newsroom_stopped_is_offered_in_no_article_until_allowed_again() {
    let (_dir, conn) = store();
    let now = Utc::now();
    let (first, second) = (article(&conn), article(&conn));
    let text = "Ông Nguyễn Văn Sáng nói tại Hội nghị Tổ Quốc Gọi Tên Mình.";
    let found = || newsroom_suggestions::suggest(text, &newsroom_suggestions::KnownEntities::empty());
    let people = |article_id: Option<&str>| {
        let mut s = found();
        entities::leave_out_settled(&conn, article_id, &mut s).unwrap();
        s.people.into_iter().map(|p| p.name).collect::<Vec<_>>()
    };
    assert!(people(Some(&first.id)).contains(&"Nguyễn Văn Sáng".to_owned()));

    // Dismissed in one article: gone there only.
    entities::reject_suggestion(&conn, &first.id, EntityKind::Person, "Nguyễn Văn Sáng").unwrap();
    assert!(!people(Some(&first.id)).contains(&"Nguyễn Văn Sáng".to_owned()));
    assert!(people(Some(&second.id)).contains(&"Nguyễn Văn Sáng".to_owned()));

    // Stopped by the newsroom: gone everywhere, with or without an article, whatever its case.
    assert!(entities::never_suggest(&conn, EntityKind::Person, "nguyễn văn sáng", "Hoa", now).unwrap());
    assert!(!entities::never_suggest(&conn, EntityKind::Person, "Nguyễn Văn Sáng", "Lan", now).unwrap());
    assert!(!people(Some(&second.id)).contains(&"Nguyễn Văn Sáng".to_owned()));
    assert!(!people(None).contains(&"Nguyễn Văn Sáng".to_owned()));
    assert_eq!(entities::never_suggested(&conn).unwrap()[0].added_by, "Hoa");

    assert!(entities::suggest_again(&conn, EntityKind::Person, "Nguyễn Văn Sáng").unwrap());
    assert!(people(Some(&second.id)).contains(&"Nguyễn Văn Sáng".to_owned()));
}

#[test]
fn a_directory_file_of_the_older_shape_still_imports() {
    let (dir, conn) = store();
    let path = dir.path().join("old.json");
    std::fs::write(
        &path,
        r#"[{"kind":"person","name":"Trần Thị Mai","aliases":[],"roles":[]}]"#,
    )
    .unwrap();
    let summary = entities::import(&conn, &path, Utc::now()).unwrap();
    assert_eq!((summary.created, summary.never_suggested), (1, 0));
}
