//! The articles capability on real SQLite files: what a reporter notices when the app saves,
//! restarts, restores, searches and upgrades.

use chrono::{Duration, TimeZone, Utc};
use newsroom_articles as articles;
use newsroom_articles::{ArticleError, ArticleFields, RevisionReason, SaveKind, Status};
use unicode_normalization::UnicodeNormalization;

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

/// Opens the store in `dir` as the app does: schema upgraded, search index ready.
fn open(dir: &std::path::Path) -> rusqlite::Connection {
    let conn = newsroom_store::open_dir(dir).unwrap();
    articles::ensure_search_index(&conn).unwrap();
    conn
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
        let conn = open(dir.path());
        let created = articles::create(
            &conn,
            &fields(&nfd(headline), &nfd("Người lao động ở Hà Nội")),
            "minhan",
            Utc::now(),
        )
        .unwrap();
        created.id
    };
    let conn = open(dir.path());
    let article = articles::get(&conn, &id).unwrap();
    assert_eq!(article.headline, headline);
    assert_eq!(article.body, "Người lao động ở Hà Nội");
    assert_eq!(article.slug, "cong-doan-cac-khu-cong-nghiep-va-che-xuat-ha-noi");
    assert_eq!(article.status, Status::Draft);
    assert_eq!(article.word_count, 3 + 6);
}

#[test]
fn a_stale_save_is_a_conflict_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let a = articles::create(&conn, &fields("Tin", "một"), "minhan", Utc::now()).unwrap();
    let save = |version, body: &str| {
        articles::save(
            &conn,
            &a.id,
            version,
            &fields("Tin", body),
            SaveKind::Autosave,
            "minhan",
            Utc::now(),
        )
    };
    let first = save(a.version, "hai").unwrap();
    let err = save(a.version, "ba").unwrap_err();
    assert!(matches!(err, ArticleError::Conflict { .. }), "{err}");
    assert_eq!(articles::get(&conn, &a.id).unwrap().body, "hai");
    assert_eq!(save(first.version, "ba").unwrap().body, "ba");
}

#[test]
fn a_huge_body_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let a = articles::create(&conn, &fields("Dài", "Nội dung"), "minhan", Utc::now()).unwrap();
    let huge = "x".repeat(articles::MAX_BODY_BYTES + 1);
    let err = articles::save(
        &conn,
        &a.id,
        a.version,
        &fields("Dài", &huge),
        SaveKind::Autosave,
        "minhan",
        Utc::now(),
    )
    .unwrap_err();
    assert!(
        matches!(err, ArticleError::TooLarge { field: "body", .. }),
        "{err}"
    );
    assert_eq!(
        articles::get(&conn, &a.id).unwrap().body,
        "Nội dung",
        "nothing was lost"
    );
}

#[test]
fn revisions_every_five_minutes_on_manual_save_and_status_change_and_restore_keeps_all() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
    let mut a = articles::create(&conn, &fields("Bản một", "một"), "minhan", t0).unwrap();
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
            "minhan",
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
        "minhan",
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
        "minhan",
        at,
    )
    .unwrap();
    assert_eq!(reasons(&conn)[0], RevisionReason::Manual);
    assert_eq!(reasons(&conn).len(), 4);

    a = articles::set_status(
        &conn,
        &a.id,
        articles::Move {
            to: Status::Submitted,
            from: None,
            by: "minhan",
            note: "",
        },
        at,
    )
    .unwrap();
    assert_eq!(reasons(&conn)[0], RevisionReason::Status);
    let history = articles::status_history(&conn, &a.id).unwrap();
    assert_eq!(
        (history[0].from, history[0].to),
        (Status::Draft, Status::Submitted)
    );
    assert_eq!(history[0].changed_by, "minhan");
    assert!(!history[0].received, "a person's move is not a receipt");

    // Unsaved-to-revision text, then restore the very first revision.
    a = articles::save(
        &conn,
        &a.id,
        a.version,
        &fields("Bản ba", "ba"),
        SaveKind::Autosave,
        "minhan",
        at,
    )
    .unwrap();
    let first = *articles::list_revisions(&conn, &a.id)
        .unwrap()
        .last()
        .map(|r| &r.id)
        .unwrap();
    let restored = articles::restore_revision(&conn, first, "minhan", at).unwrap();
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
    let conn = open(dir.path());
    let mut empty = fields("", "");
    empty.sapo.clear();
    let a = articles::create(&conn, &empty, "minhan", Utc::now()).unwrap();
    let submit = |to| {
        let change = articles::Move {
            to,
            from: None,
            by: "minhan",
            note: "",
        };
        articles::set_status(&conn, &a.id, change, Utc::now())
    };
    assert!(matches!(
        submit(Status::Submitted),
        Err(ArticleError::ChecklistFailed(_))
    ));
    assert!(matches!(
        submit(Status::Published),
        Err(ArticleError::InvalidTransition { .. })
    ));
    assert_eq!(articles::get(&conn, &a.id).unwrap().status, Status::Draft);
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
    let conn = open(dir.path());
    let hit = articles::create(
        &conn,
        &fields("Đường về Hà Nội", "Liên đoàn Lao động thành phố hoà giải"),
        "minhan",
        Utc::now(),
    )
    .unwrap();
    articles::create(&conn, &fields("Tin thể thao", "Bóng đá"), "minhan", Utc::now()).unwrap();
    for query in [
        "ha noi",
        "HÀ NỘI",
        "duong",
        "lao dong",
        "hòa giai",
        "lien doan",
        &nfd("Hà Nội"),
    ] {
        let found = articles::search(&conn, query).unwrap();
        assert_eq!(found.len(), 1, "query {query:?}");
        assert_eq!(found[0].id, hit.id);
    }
    assert!(
        articles::search(&conn, "ha no").unwrap().len() == 1,
        "prefix matches while typing"
    );
    assert_eq!(
        articles::search(&conn, "").unwrap().len(),
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
        let conn = open(dir.path());
        assert_eq!(
            articles::get(&conn, "old").unwrap().headline,
            "Hội nghị Công đoàn"
        );
        assert_eq!(
            articles::search(&conn, "hoi nghi").unwrap().len(),
            1,
            "from schema {start}"
        );
        let drafts = articles::status_counts(&conn, &Default::default(), Utc::now())
            .unwrap()
            .into_iter()
            .find(|c| c.status == Status::Draft)
            .unwrap();
        assert_eq!(drafts.count, 1, "the kept count from schema {start}");
        articles::trash(&conn, "old", Utc::now()).unwrap();
        assert!(articles::search(&conn, "hoi nghi").unwrap().is_empty());
    }
}

#[test]
fn example_pieces_come_when_asked_and_go_in_one_step_keeping_what_became_the_newsrooms() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    assert!(
        articles::list(&conn).unwrap().is_empty(),
        "a new store holds nothing"
    );
    assert_eq!(articles::add_demo_content(&conn, Utc::now()).unwrap(), 3);
    assert_eq!(
        articles::add_demo_content(&conn, Utc::now()).unwrap(),
        0,
        "not twice"
    );
    let demo = articles::list(&conn).unwrap();
    assert_eq!(demo.len(), 3);
    assert!(demo.iter().all(|a| !a.headline.is_empty() && a.word_count > 50));

    // One example submitted is the newsroom's piece now: removing the examples keeps it.
    let examples = articles::demo_pieces(&conn).unwrap();
    act(&conn, &examples[0], Status::Draft, Status::Submitted, "Lan", "").unwrap();
    let (removed, kept) = articles::remove_demo_content(&conn, Utc::now()).unwrap();
    assert_eq!((removed, kept), (2, 1));
    let left = articles::list(&conn).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, examples[0]);
    assert_eq!(
        articles::trash_count(&conn).unwrap(),
        0,
        "removed for good, not to the trash"
    );
}

fn act(
    conn: &rusqlite::Connection,
    id: &str,
    from: Status,
    to: Status,
    by: &str,
    note: &str,
) -> articles::Result<articles::Article> {
    let change = articles::Move {
        to,
        from: Some(from),
        by,
        note,
    };
    articles::set_status(conn, id, change, Utc::now())
}

#[test]
fn the_desk_takes_returns_approves_and_publishes_and_the_history_names_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let a = articles::create(&conn, &fields("Tin", "Nội dung."), "Mai Quý", Utc::now()).unwrap();
    assert_eq!(a.created_by, "Mai Quý");
    act(&conn, &a.id, Status::Draft, Status::Submitted, "Mai Quý", "").unwrap();

    // The reporter withdraws before review starts, then hands it in again.
    act(&conn, &a.id, Status::Submitted, Status::Draft, "Mai Quý", "").unwrap();
    act(&conn, &a.id, Status::Draft, Status::Submitted, "Mai Quý", "").unwrap();

    let taken = act(
        &conn,
        &a.id,
        Status::Submitted,
        Status::InReview,
        "Trần Biên Tập",
        "",
    )
    .unwrap();
    assert_eq!(taken.reviewer, "Trần Biên Tập");

    // Returning needs a note; without one nothing moves.
    assert!(matches!(
        act(
            &conn,
            &a.id,
            Status::InReview,
            Status::Returned,
            "Trần Biên Tập",
            "  "
        ),
        Err(ArticleError::NoteRequired)
    ));
    assert_eq!(articles::get(&conn, &a.id).unwrap().status, Status::InReview);
    act(
        &conn,
        &a.id,
        Status::InReview,
        Status::Returned,
        "Trần Biên Tập",
        "Thêm số liệu.",
    )
    .unwrap();

    // Someone acting on what they saw earlier is told the piece moved on, and nothing changes.
    let stale = act(&conn, &a.id, Status::InReview, Status::Approved, "Lê Thư Ký", "");
    assert!(matches!(
        stale,
        Err(ArticleError::StateChanged {
            expected: Status::InReview,
            found: Status::Returned
        })
    ));

    act(&conn, &a.id, Status::Returned, Status::Submitted, "Mai Quý", "").unwrap();
    act(
        &conn,
        &a.id,
        Status::Submitted,
        Status::InReview,
        "Trần Biên Tập",
        "",
    )
    .unwrap();
    act(
        &conn,
        &a.id,
        Status::InReview,
        Status::Approved,
        "Trần Biên Tập",
        "",
    )
    .unwrap();
    act(
        &conn,
        &a.id,
        Status::Approved,
        Status::Published,
        "Trần Biên Tập",
        "",
    )
    .unwrap();
    act(
        &conn,
        &a.id,
        Status::Published,
        Status::Spiked,
        "Trần Biên Tập",
        "Sai sự thật",
    )
    .unwrap();
    let back = act(&conn, &a.id, Status::Spiked, Status::Draft, "Trần Biên Tập", "").unwrap();
    assert_eq!(back.status, Status::Draft, "unspiked");

    let history = articles::status_history(&conn, &a.id).unwrap();
    let moves: Vec<(Status, Status, &str, &str)> = history
        .iter()
        .map(|c| (c.from, c.to, c.changed_by.as_str(), c.note.as_str()))
        .collect();
    assert_eq!(
        moves,
        vec![
            (Status::Draft, Status::Submitted, "Mai Quý", ""),
            (Status::Submitted, Status::Draft, "Mai Quý", ""),
            (Status::Draft, Status::Submitted, "Mai Quý", ""),
            (Status::Submitted, Status::InReview, "Trần Biên Tập", ""),
            (
                Status::InReview,
                Status::Returned,
                "Trần Biên Tập",
                "Thêm số liệu."
            ),
            (Status::Returned, Status::Submitted, "Mai Quý", ""),
            (Status::Submitted, Status::InReview, "Trần Biên Tập", ""),
            (Status::InReview, Status::Approved, "Trần Biên Tập", ""),
            (Status::Approved, Status::Published, "Trần Biên Tập", ""),
            (Status::Published, Status::Spiked, "Trần Biên Tập", "Sai sự thật"),
            (Status::Spiked, Status::Draft, "Trần Biên Tập", ""),
        ]
    );
}

#[test]
fn approving_is_guarded_by_the_checklist_and_moves_outside_the_workflow_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let a = articles::create(&conn, &fields("Tin", "Nội dung."), "Mai Quý", Utc::now()).unwrap();
    act(&conn, &a.id, Status::Draft, Status::Submitted, "Mai Quý", "").unwrap();
    act(
        &conn,
        &a.id,
        Status::Submitted,
        Status::InReview,
        "Trần Biên Tập",
        "",
    )
    .unwrap();
    // The desk empties the sapo while editing: approving is refused until it is back.
    let article = articles::get(&conn, &a.id).unwrap();
    let mut f = article.fields();
    f.sapo.clear();
    articles::save(
        &conn,
        &a.id,
        article.version,
        &f,
        SaveKind::Autosave,
        "Trần Biên Tập",
        Utc::now(),
    )
    .unwrap();
    assert!(matches!(
        act(
            &conn,
            &a.id,
            Status::InReview,
            Status::Approved,
            "Trần Biên Tập",
            ""
        ),
        Err(ArticleError::ChecklistFailed(_))
    ));
    assert!(matches!(
        act(
            &conn,
            &a.id,
            Status::InReview,
            Status::Published,
            "Trần Biên Tập",
            ""
        ),
        Err(ArticleError::InvalidTransition { .. })
    ));
    assert_eq!(articles::get(&conn, &a.id).unwrap().status, Status::InReview);
}

#[test]
fn queues_filter_and_count_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let now = Utc::now();
    let mut sports = fields("Bóng đá", "Trận đấu.");
    sports.section = "Thể thao".into();
    let mine = articles::create(&conn, &fields("Tin 1", "Một."), "Mai Quý", now).unwrap();
    let other = articles::create(&conn, &sports, "Lê Văn B", now).unwrap();
    articles::create(&conn, &fields("Tin 3", "Ba."), "Lê Văn B", now).unwrap();
    act(&conn, &mine.id, Status::Draft, Status::Submitted, "Mai Quý", "").unwrap();
    act(&conn, &other.id, Status::Draft, Status::Submitted, "Lê Văn B", "").unwrap();
    act(
        &conn,
        &other.id,
        Status::Submitted,
        Status::InReview,
        "Trần Biên Tập",
        "",
    )
    .unwrap();

    let ids = |q: &articles::ListQuery| -> Vec<String> {
        articles::queue(&conn, q, Utc::now())
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    };
    let submitted = articles::ListQuery {
        status: Some(Status::Submitted),
        ..Default::default()
    };
    assert_eq!(ids(&submitted), vec![mine.id.clone()]);
    let desk = articles::ListQuery {
        mine: Some("Trần Biên Tập".into()),
        ..Default::default()
    };
    assert_eq!(ids(&desk), vec![other.id.clone()], "the reviewer's own queue");
    let section = articles::ListQuery {
        section: Some("Thể thao".into()),
        ..Default::default()
    };
    assert_eq!(ids(&section), vec![other.id.clone()]);
    let recent = articles::ListQuery {
        days: Some(1),
        ..Default::default()
    };
    assert_eq!(ids(&recent).len(), 3);

    let counts = articles::status_counts(&conn, &articles::ListQuery::default(), Utc::now()).unwrap();
    let count = |s: Status| counts.iter().find(|c| c.status == s).unwrap().count;
    assert_eq!(
        (
            count(Status::Draft),
            count(Status::Submitted),
            count(Status::InReview)
        ),
        (1, 1, 1)
    );
    assert_eq!(
        counts.len(),
        Status::ALL.len(),
        "every state is counted, zero included"
    );
    let summary = &articles::queue(&conn, &submitted, Utc::now()).unwrap()[0];
    assert_eq!(
        (summary.byline.as_str(), summary.created_by.as_str()),
        ("Minh An", "Mai Quý")
    );
}

#[test]
fn search_shows_headline_matches_first_newest_first_and_forgets_deleted_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let older_headline = articles::create(&conn, &fields("Công đoàn Hà Nội", "Tin."), "a", t0).unwrap();
    let in_body = articles::create(&conn, &fields("Tin khác", "Công đoàn cơ sở."), "a", t0).unwrap();
    let newer_headline = articles::create(&conn, &fields("Đại hội Công đoàn", "Tin."), "a", t0).unwrap();
    let ids: Vec<String> = articles::search(&conn, "cong doan")
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(
        ids,
        vec![
            newer_headline.id.clone(),
            older_headline.id.clone(),
            in_body.id.clone()
        ]
    );

    articles::delete(&conn, &newer_headline.id).unwrap();
    let ids: Vec<String> = articles::search(&conn, "cong")
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, vec![older_headline.id, in_body.id]);
}

#[test]
fn building_the_index_reports_progress_and_an_interrupted_build_goes_on_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    for i in 0..1200 {
        articles::create(
            &conn,
            &fields(&format!("Tin {i}"), "Đoàn viên công đoàn."),
            "a",
            Utc::now(),
        )
        .unwrap();
    }
    // Stage an upgrade that stopped after the first batch: the index is to be built again,
    // with its progress recorded.
    conn.execute_batch(
        "DELETE FROM settings WHERE key = 'article_search_built';
         INSERT INTO settings (key, value) VALUES ('article_search_progress', '500');",
    )
    .unwrap();
    assert!(articles::search_index_needs_build(&conn).unwrap());
    let mut reports = Vec::new();
    articles::build_search_index(&conn, &mut |done, total| reports.push((done, total))).unwrap();
    assert_eq!(reports.first(), Some(&(500, 1200)), "resumed after what was done");
    assert_eq!(reports.last(), Some(&(1200, 1200)));
    assert!(!articles::search_index_needs_build(&conn).unwrap());
    assert_eq!(
        articles::search(&conn, "doan vien").unwrap().len(),
        articles::SEARCH_LIMIT
    );
    assert_eq!(articles::search(&conn, "tin 1199").unwrap().len(), 1);
}

#[test]
fn the_kept_counts_follow_creation_moves_and_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let a = articles::create(&conn, &fields("Tin 1", "Một."), "a", Utc::now()).unwrap();
    let b = articles::create(&conn, &fields("Tin 2", "Hai."), "a", Utc::now()).unwrap();
    act(&conn, &a.id, Status::Draft, Status::Submitted, "a", "").unwrap();
    articles::delete(&conn, &b.id).unwrap();
    let counts = articles::status_counts(&conn, &articles::ListQuery::default(), Utc::now()).unwrap();
    let count = |s: Status| counts.iter().find(|c| c.status == s).unwrap().count;
    assert_eq!((count(Status::Draft), count(Status::Submitted)), (0, 1));
    // The same numbers as counting the rows.
    let counted: u32 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE status = 'submitted'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(counted, 1);
}

#[test]
fn pages_after_the_last_row_shown_cover_every_piece_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    // Several pieces share a time, as a batch import leaves them: the order must still be total.
    for i in 0..250 {
        articles::create(
            &conn,
            &fields(&format!("Tin {i}"), "."),
            "a",
            t0 + Duration::seconds(i / 3),
        )
        .unwrap();
    }
    let everything: Vec<String> = articles::list(&conn).unwrap().into_iter().map(|a| a.id).collect();
    let mut paged = Vec::new();
    let mut query = articles::ListQuery {
        limit: Some(100),
        ..Default::default()
    };
    loop {
        let page = articles::queue(&conn, &query, Utc::now()).unwrap();
        if page.is_empty() {
            break;
        }
        query.after = page.last().map(|a| a.id.clone());
        paged.extend(page.into_iter().map(|a| a.id));
    }
    assert_eq!(paged, everything);
}

#[test]
fn a_draft_left_blank_is_not_kept_and_one_with_anything_in_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let now = Utc::now();
    let blank = ArticleFields {
        byline: "Minh An".into(),
        ..Default::default()
    };
    let left = articles::create(&conn, &blank, "Minh An", now).unwrap();
    assert!(articles::discard_if_blank(&conn, &left.id).unwrap());
    assert!(matches!(
        articles::get(&conn, &left.id),
        Err(ArticleError::NotFound(_))
    ));

    let typed = articles::create(&conn, &blank, "Minh An", now).unwrap();
    let fields = ArticleFields {
        body: "Một chữ".into(),
        ..blank.clone()
    };
    articles::save(
        &conn,
        &typed.id,
        typed.version,
        &fields,
        SaveKind::Autosave,
        "Minh An",
        now,
    )
    .unwrap();
    assert!(!articles::discard_if_blank(&conn, &typed.id).unwrap());
    assert_eq!(articles::get(&conn, &typed.id).unwrap().body, "Một chữ");
    // Unknown ids are no error: there is nothing to forget.
    assert!(!articles::discard_if_blank(&conn, "không-có").unwrap());
}
