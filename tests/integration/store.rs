//! The articles capability on real SQLite files: what a reporter notices when the app saves,
//! restarts, restores, searches and upgrades.

use chrono::{Duration, TimeZone, Utc};
use newsroom_api::{Api, ErrorCode, OpenOptions, SaveKind, SaveRequest, Status, StatusRequest};
use newsroom_articles as articles;
use newsroom_articles::{ArticleFields, RevisionReason};
use unicode_normalization::UnicodeNormalization;

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

fn open(dir: &std::path::Path) -> Api {
    Api::open(&OpenOptions {
        data_dir: Some(dir.to_path_buf()),
        seed_demo_content: false,
    })
    .unwrap()
}

fn fields(headline: &str, body: &str) -> ArticleFields {
    ArticleFields {
        headline: headline.into(),
        sapo: "Sapo của bài.".into(),
        body: body.into(),
        byline: "Minh An".into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    }
}

#[test]
fn text_survives_a_restart_exactly_and_in_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let headline = "Công đoàn các Khu công nghiệp và chế xuất Hà Nội";
    let id = {
        let api = open(dir.path());
        let created = api
            .article_create(&fields(&nfd(headline), &nfd("Người lao động ở Hà Nội")))
            .unwrap();
        created.id
    };
    let api = open(dir.path());
    let article = api.article_get(&id).unwrap();
    assert_eq!(article.headline, headline);
    assert_eq!(article.body, "Người lao động ở Hà Nội");
    assert_eq!(article.slug, "cong-doan-cac-khu-cong-nghiep-va-che-xuat-ha-noi");
    assert_eq!(article.status, Status::Draft);
    assert_eq!(article.word_count, 3 + 6);
}

#[test]
fn a_stale_save_is_a_conflict_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let a = api.article_create(&fields("Tin", "một")).unwrap();
    let save = |version, body: &str| {
        api.article_save(&SaveRequest {
            id: a.id.clone(),
            base_version: version,
            fields: fields("Tin", body),
            kind: SaveKind::Autosave,
        })
    };
    let first = save(a.version, "hai").unwrap();
    let err = save(a.version, "ba").unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(api.article_get(&a.id).unwrap().body, "hai");
    assert_eq!(save(first.version, "ba").unwrap().body, "ba");
}

#[test]
fn a_five_megabyte_body_saves_and_renders_and_a_huge_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let paragraph = "Công đoàn cơ sở tổ chức đối thoại với người lao động về tiền lương. ";
    let body: String = paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 5 * 1024 * 1024);
    let a = api.article_create(&fields("Dài", &body)).unwrap();
    assert_eq!(api.article_get(&a.id).unwrap().body.len(), body.len());
    let html = api.article_render(&a.id, "photo:").unwrap();
    assert!(html.starts_with("<p>Công đoàn"));

    let huge = "x".repeat(articles::MAX_BODY_BYTES + 1);
    let err = api
        .article_save(&SaveRequest {
            id: a.id.clone(),
            base_version: a.version,
            fields: fields("Dài", &huge),
            kind: SaveKind::Autosave,
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(
        api.article_get(&a.id).unwrap().body.len(),
        body.len(),
        "nothing was lost"
    );
}

#[test]
fn revisions_every_five_minutes_on_manual_save_and_status_change_and_restore_keeps_all() {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
    let mut a = articles::create(&conn, &fields("Bản một", "một"), t0).unwrap();
    let mut at = t0;
    // Autosaves every 30 seconds for 12 minutes: interval snapshots at 5 and 10 minutes only.
    for i in 1..=24 {
        at = t0 + Duration::seconds(30 * i);
        a = articles::save(
            &conn,
            &a.id,
            a.version,
            &fields("Bản một", &format!("lần {i}")),
            SaveKind::Autosave,
            at,
        )
        .unwrap();
    }
    let id = a.id.clone();
    let reasons = |conn| {
        articles::list_revisions(conn, &id)
            .unwrap()
            .into_iter()
            .map(|r| r.reason)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        reasons(&conn),
        vec![
            RevisionReason::Interval,
            RevisionReason::Interval,
            RevisionReason::Created
        ]
    );

    a = articles::save(
        &conn,
        &a.id,
        a.version,
        &fields("Bản hai", "hai"),
        SaveKind::Manual,
        at,
    )
    .unwrap();
    // A second Ctrl+S with nothing changed keeps no duplicate.
    a = articles::save(
        &conn,
        &a.id,
        a.version,
        &fields("Bản hai", "hai"),
        SaveKind::Manual,
        at,
    )
    .unwrap();
    assert_eq!(reasons(&conn)[0], RevisionReason::Manual);
    assert_eq!(reasons(&conn).len(), 4);

    a = articles::set_status(&conn, &a.id, Status::Submitted, "minhan", "", at).unwrap();
    assert_eq!(reasons(&conn)[0], RevisionReason::Status);
    let history = articles::status_history(&conn, &a.id).unwrap();
    assert_eq!(
        (history[0].from, history[0].to),
        (Status::Draft, Status::Submitted)
    );
    assert_eq!(history[0].changed_by, "minhan");

    // Unsaved-to-revision text, then restore the very first revision.
    a = articles::save(
        &conn,
        &a.id,
        a.version,
        &fields("Bản ba", "ba"),
        SaveKind::Autosave,
        at,
    )
    .unwrap();
    let first = *articles::list_revisions(&conn, &a.id)
        .unwrap()
        .last()
        .map(|r| &r.id)
        .unwrap();
    let restored = articles::restore_revision(&conn, first, at).unwrap();
    assert_eq!(restored.headline, "Bản một");
    assert_eq!(restored.body, "một");
    assert_eq!(
        restored.status,
        Status::Submitted,
        "a restore does not change the workflow state"
    );
    let all = articles::list_revisions(&conn, &a.id).unwrap();
    assert_eq!(all[0].reason, RevisionReason::Restore);
    assert!(
        all.iter().any(|r| r.headline == "Bản ba"),
        "the text before the restore was kept"
    );
}

#[test]
fn submitting_needs_the_checklist_and_the_workflow_allows_only_its_moves() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let mut empty = fields("", "");
    empty.sapo.clear();
    let a = api.article_create(&empty).unwrap();
    let submit = |to| {
        api.article_set_status(&StatusRequest {
            id: a.id.clone(),
            to,
            note: String::new(),
        })
    };
    assert_eq!(
        submit(Status::Submitted).unwrap_err().code,
        ErrorCode::ChecklistFailed
    );
    assert_eq!(
        submit(Status::Published).unwrap_err().code,
        ErrorCode::InvalidTransition
    );
    assert_eq!(api.article_get(&a.id).unwrap().status, Status::Draft);
    assert_eq!(submit(Status::Spiked).unwrap().status, Status::Spiked);
    assert_eq!(
        submit(Status::Draft).unwrap().status,
        Status::Draft,
        "spiking is recoverable"
    );
}

#[test]
fn search_ignores_tones_case_d_stroke_and_unicode_form() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let hit = api
        .article_create(&fields(
            "Đường về Hà Nội",
            "Liên đoàn Lao động thành phố hoà giải",
        ))
        .unwrap();
    api.article_create(&fields("Tin thể thao", "Bóng đá")).unwrap();
    for query in [
        "ha noi",
        "HÀ NỘI",
        "duong",
        "lao dong",
        "hòa giai",
        "lien doan",
        &nfd("Hà Nội"),
    ] {
        let found = api.article_search(query).unwrap();
        assert_eq!(found.len(), 1, "query {query:?}");
        assert_eq!(found[0].id, hit.id);
    }
    assert!(
        api.article_search("ha no").unwrap().len() == 1,
        "prefix matches while typing"
    );
    assert_eq!(
        api.article_search("").unwrap().len(),
        2,
        "an empty query lists everything"
    );
}

#[test]
fn a_store_at_every_earlier_schema_upgrades_with_its_articles_searchable() {
    for start in 1..newsroom_store::MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(newsroom_store::DATABASE_FILE);
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            newsroom_store::configure(&conn).unwrap();
            newsroom_store::migrate(&mut conn, start, &path).unwrap();
            // Written the way schema 1 stored an article, before the search index existed.
            conn.execute(
                "INSERT INTO articles (id, headline, body, created_at, updated_at)
                 VALUES ('old', 'Hội nghị Công đoàn', 'Nội dung cũ', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
                [],
            )
            .unwrap();
        }
        let api = open(dir.path());
        assert_eq!(api.article_get("old").unwrap().headline, "Hội nghị Công đoàn");
        assert_eq!(
            api.article_search("hoi nghi").unwrap().len(),
            1,
            "from schema {start}"
        );
    }
}

#[test]
fn demo_content_appears_once_on_a_new_store_only() {
    let dir = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        seed_demo_content: true,
    };
    let api = Api::open(&opts).unwrap();
    let demo = api.article_list().unwrap();
    assert!((2..=3).contains(&demo.len()));
    assert!(demo.iter().all(|a| !a.headline.is_empty() && a.word_count > 50));
    for a in &demo {
        api.article_delete(&a.id).unwrap();
    }
    drop(api);
    let api = Api::open(&opts).unwrap();
    assert!(
        api.article_list().unwrap().is_empty(),
        "deleted demo pieces do not come back"
    );
}
