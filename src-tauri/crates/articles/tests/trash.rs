//! The trash on a real SQLite file: what a reporter sees when a draft is deleted, restored,
//! deleted for good, or left there for a month.

use chrono::{Duration, Utc};
use newsroom_articles as articles;
use newsroom_articles::{ArticleError, ArticleFields, ListQuery, SaveKind, Status};

fn open(dir: &std::path::Path) -> rusqlite::Connection {
    let conn = newsroom_store::open_dir(dir).unwrap();
    articles::ensure_search_index(&conn).unwrap();
    conn
}

fn draft(conn: &rusqlite::Connection, headline: &str) -> articles::Article {
    let fields = ArticleFields {
        headline: headline.into(),
        sapo: "Sapo của bài.".into(),
        body: "Nội dung bài viết về người lao động.".into(),
        byline: "Minh An".into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    articles::create(conn, &fields, "minhan", Utc::now()).unwrap()
}

fn submit(conn: &rusqlite::Connection, id: &str) -> articles::Result<articles::Article> {
    let to_desk = articles::Move {
        to: Status::Submitted,
        from: None,
        by: "minhan",
        note: "",
    };
    articles::set_status(conn, id, to_desk, Utc::now())
}

fn listed(conn: &rusqlite::Connection, query: &ListQuery) -> Vec<String> {
    articles::queue(conn, query, Utc::now())
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect()
}

fn drafts_counted(conn: &rusqlite::Connection, query: &ListQuery) -> u32 {
    articles::status_counts(conn, query, Utc::now())
        .unwrap()
        .into_iter()
        .find(|c| c.status == Status::Draft)
        .unwrap()
        .count
}

#[test]
fn a_deleted_draft_leaves_every_queue_count_and_search_and_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let kept = draft(&conn, "Công nhân được tăng lương");
    let gone = draft(&conn, "Hội nghị người lao động Đà Nẵng");
    let section = ListQuery {
        section: Some("Công đoàn".into()),
        ..Default::default()
    };

    articles::trash(&conn, &gone.id, Utc::now()).unwrap();

    for query in [ListQuery::default(), section.clone()] {
        assert_eq!(listed(&conn, &query), vec![kept.id.clone()]);
        assert_eq!(drafts_counted(&conn, &query), 1, "counted in {query:?}");
    }
    assert!(articles::search(&conn, "da nang").unwrap().is_empty());
    assert!(articles::list(&conn).unwrap().iter().all(|a| a.id != gone.id));
    let trash = articles::trash_list(&conn).unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].article.headline, "Hội nghị người lao động Đà Nẵng");
    assert_eq!(articles::trash_count(&conn).unwrap(), 1);

    // Nothing changes a piece in the trash: it is restored first.
    let save = articles::save(
        &conn,
        &gone.id,
        gone.version,
        &ArticleFields {
            headline: "Sửa".into(),
            ..Default::default()
        },
        SaveKind::Manual,
        "minhan",
        Utc::now(),
    );
    assert!(matches!(save, Err(ArticleError::InTrash(_))), "{save:?}");
    let moved = submit(&conn, &gone.id);
    assert!(matches!(moved, Err(ArticleError::InTrash(_))), "{moved:?}");
    assert!(matches!(
        articles::trash(&conn, &gone.id, Utc::now()),
        Err(ArticleError::InTrash(_))
    ));

    articles::restore_from_trash(&conn, &gone.id).unwrap();
    assert_eq!(listed(&conn, &ListQuery::default()).len(), 2);
    assert_eq!(drafts_counted(&conn, &ListQuery::default()), 2);
    assert_eq!(drafts_counted(&conn, &section), 2);
    assert_eq!(articles::search(&conn, "da nang").unwrap()[0].id, gone.id);
    let back = articles::get(&conn, &gone.id).unwrap();
    assert_eq!(
        (back.headline, back.body, back.version),
        (gone.headline, gone.body, gone.version)
    );
    assert_eq!(articles::list_revisions(&conn, &gone.id).unwrap().len(), 1);
    assert!(articles::trash_list(&conn).unwrap().is_empty());
    assert!(matches!(
        articles::restore_from_trash(&conn, &gone.id),
        Err(ArticleError::NotInTrash(_))
    ));
}

#[test]
fn only_a_draft_no_site_has_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let submitted = draft(&conn, "Bài đã nộp");
    submit(&conn, &submitted.id).unwrap();
    assert!(matches!(
        articles::trash(&conn, &submitted.id, Utc::now()),
        Err(ArticleError::NotDeletable {
            status: Status::Submitted,
            on_a_site: false
        })
    ));

    let on_site = draft(&conn, "Bài đã có trên trang");
    conn.execute(
        "INSERT INTO backends (id, kind, name, url, created_at) VALUES ('b', 'wordpress', 'Báo', 'http://127.0.0.1', '2026-01-01T00:00:00.000Z')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, updated_at) VALUES ('b', 'article', ?1, 'm', 7, '2026-01-01T00:00:00.000Z')",
        [&on_site.id],
    )
    .unwrap();
    let refused = articles::trash(&conn, &on_site.id, Utc::now());
    assert!(
        matches!(refused, Err(ArticleError::NotDeletable { on_a_site: true, .. })),
        "{refused:?}"
    );
    assert!(refused.unwrap_err().to_string().contains("spike"));
    assert!(matches!(
        articles::trash(&conn, "no-such-piece", Utc::now()),
        Err(ArticleError::NotFound(_))
    ));
    assert_eq!(
        listed(&conn, &ListQuery::default()).len(),
        2,
        "nothing left the list"
    );
}

#[test]
fn the_trash_deletes_for_good_only_what_it_holds_and_empties_itself_after_a_month() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(dir.path());
    let outside = draft(&conn, "Bài vẫn làm");
    let old = draft(&conn, "Bỏ từ tháng trước");
    let recent = draft(&conn, "Bỏ hôm qua");
    let another = draft(&conn, "Bỏ hôm nay");
    assert!(matches!(
        articles::delete_from_trash(&conn, &outside.id),
        Err(ArticleError::NotInTrash(_))
    ));
    let now = Utc::now();
    articles::trash(&conn, &old.id, now - Duration::days(articles::TRASH_DAYS + 1)).unwrap();
    articles::trash(&conn, &recent.id, now - Duration::days(1)).unwrap();
    articles::trash(&conn, &another.id, now).unwrap();
    let order: Vec<_> = articles::trash_list(&conn)
        .unwrap()
        .into_iter()
        .map(|t| t.article.id)
        .collect();
    assert_eq!(
        order,
        vec![another.id.clone(), recent.id.clone(), old.id.clone()],
        "newest first"
    );

    assert_eq!(articles::empty_expired_trash(&conn, now).unwrap(), 1);
    assert!(matches!(
        articles::get(&conn, &old.id),
        Err(ArticleError::NotFound(_))
    ));
    assert!(matches!(
        articles::list_revisions(&conn, &old.id),
        Err(ArticleError::NotFound(_))
    ));

    articles::delete_from_trash(&conn, &another.id).unwrap();
    assert_eq!(articles::trash_count(&conn).unwrap(), 1);
    assert_eq!(articles::empty_trash(&conn, None).unwrap(), 1);
    assert_eq!(articles::trash_count(&conn).unwrap(), 0);
    assert_eq!(listed(&conn, &ListQuery::default()), vec![outside.id.clone()]);
    assert_eq!(
        drafts_counted(&conn, &ListQuery::default()),
        1,
        "counts stay true"
    );
}
