//! One local piece per post: overlapping pulls make one piece, the store refuses a second, and
//! the upgrade merges the duplicates an older store has without losing what was done to them.

use std::sync::{Arc, Barrier};

use super::*;

/// A store at schema 11 (before the unique key) holding two pieces of one post, as two
/// overlapping pulls left them, each worked on: the store's upgrade keeps one piece with the
/// other's text as a revision, both histories, both comment threads and the tags of both.
/// Pieces sent to a ninjs receiver (no post ids) are not duplicates of each other.
#[test]
fn the_upgrade_merges_two_pieces_of_one_post_keeping_what_each_had() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(newsroom_store::DATABASE_FILE);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        newsroom_store::configure(&conn).unwrap();
        newsroom_store::migrate(&mut conn, 11, &path).unwrap();
        conn.execute_batch(
            "INSERT INTO backends (id, kind, name, url, username, created_at)
                 VALUES ('site', 'wordpress', 'Báo thử', 'http://127.0.0.1:1', 'desk', '2026-01-01T00:00:00.000Z'),
                        ('feed', 'ninjs_http', 'Hệ thống ninjs', 'http://127.0.0.1:2', '', '2026-01-01T00:00:00.000Z');
             INSERT INTO articles (id, headline, body, status, created_at, updated_at)
                 VALUES ('first', 'Tin một', 'Bản được sửa sau cùng.', 'in_review',
                         '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
                        ('second', 'Tin một (bản kia)', 'Bản có thẻ.', 'submitted',
                         '2026-01-01T00:00:00.000Z', '2026-01-01T12:00:00.000Z'),
                        ('other', 'Tin khác', 'Không trùng.', 'submitted',
                         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, updated_at)
                 VALUES ('site', 'article', 'first', 'newsroom:first', 41, '2026-01-01T00:00:00.000Z'),
                        ('site', 'article', 'second', 'newsroom:second', 41, '2026-01-01T00:00:00.000Z'),
                        ('site', 'article', 'other', 'newsroom:other', 42, '2026-01-01T00:00:00.000Z'),
                        ('feed', 'article', 'first', 'urn:first', 0, '2026-01-01T00:00:00.000Z'),
                        ('feed', 'article', 'other', 'urn:other', 0, '2026-01-01T00:00:00.000Z');
             INSERT INTO status_changes (article_id, from_status, to_status, changed_by, note, changed_at, uid)
                 VALUES ('first', 'draft', 'submitted', 'Báo thử', 'received', '2025-12-31T00:00:00.000Z', 'got-1'),
                        ('second', 'draft', 'submitted', 'Báo thử', 'received', '2025-12-31T00:00:01.000Z', 'got-2');
             INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at, uid)
                 VALUES ('first', 'draft', 'submitted', 'Mai Quý', '2026-01-01T00:00:00.000Z', 'submit'),
                        ('second', 'submitted', 'in_review', 'Lê Thư', '2026-01-01T12:00:00.000Z', 'take-2'),
                        ('first', 'submitted', 'in_review', 'Trần Biên', '2026-01-01T13:00:00.000Z', 'take');
             INSERT INTO comment_threads (id, article_id, quote, created_by, created_at)
                 VALUES ('t1', 'first', 'Bản', 'Trần Biên', '2026-01-01T13:00:00.000Z'),
                        ('t2', 'second', 'thẻ', 'Lê Thư', '2026-01-01T12:00:00.000Z');
             INSERT INTO entities (id, kind, name, sort_key, uri, created_at, updated_at)
                 VALUES ('p1', 'person', 'Nguyễn Phi Thường', 'thuong', 'urn:test:p1',
                         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO article_tags (article_id, entity_id, position) VALUES ('second', 'p1', 0);",
        )
        .unwrap();
    }
    let conn = newsroom_store::open_file(&path).unwrap();

    let mapped: Vec<String> = conn
        .prepare("SELECT local_id FROM remote_items WHERE remote_id = 41")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(mapped, ["first"], "the piece worked on last is kept");
    assert!(newsroom_articles::get(&conn, "second").is_err());
    assert_eq!(
        newsroom_articles::get(&conn, "first").unwrap().body,
        "Bản được sửa sau cùng."
    );
    assert!(
        newsroom_articles::get(&conn, "other").is_ok(),
        "other posts untouched"
    );
    let on_feed: i64 = conn
        .query_row(
            "SELECT count(*) FROM remote_items WHERE backend_id = 'feed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_feed, 2, "pieces on a ninjs receiver are not merged");

    let revisions = newsroom_articles::list_revisions(&conn, "first").unwrap();
    let kept_text = revisions
        .iter()
        .map(|r| newsroom_articles::get_revision(&conn, r.id).unwrap())
        .any(|r| r.fields.body == "Bản có thẻ.");
    assert!(
        kept_text,
        "the merged copy's text is a revision of the kept piece"
    );

    let history = newsroom_articles::status_history(&conn, "first").unwrap();
    let moves: Vec<_> = history.iter().map(|c| c.changed_by.as_str()).collect();
    assert_eq!(
        moves,
        ["Báo thử", "Mai Quý", "Lê Thư", "Trần Biên"],
        "both copies' histories, in time order, the post's receipt told once"
    );
    let received: Vec<_> = history.iter().map(|c| c.received).collect();
    assert_eq!(
        received,
        [true, false, false, false],
        "only the receipt is marked as no person's move"
    );
    let threads = newsroom_review::threads(&conn, "first").unwrap();
    assert_eq!(threads.len(), 2, "both copies' comments are kept");
    let tags = newsroom_entities::article_tags(&conn, "first").unwrap();
    assert_eq!(tags.len(), 1, "the other copy's tag joins the kept piece");

    let merged = merged_duplicates(&conn).unwrap();
    assert_eq!(merged.len(), 1);
    assert_eq!(
        (
            merged[0].kept_id.as_str(),
            merged[0].merged_id.as_str(),
            merged[0].post_id
        ),
        ("first", "second", 41)
    );
    assert_eq!(merged[0].headline, "Tin một (bản kia)");
    assert_eq!(merged[0].backend, "Báo thử");

    // From now on the store itself refuses a second piece of the post.
    let second_map = conn.execute(
        "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, updated_at)
         VALUES ('site', 'article', 'other', 'x', 41, '2026-01-03T00:00:00.000Z')
         ON CONFLICT (backend_id, local_kind, local_id) DO UPDATE SET remote_id = excluded.remote_id",
        [],
    );
    assert!(second_map.is_err(), "a second piece for post 41 is refused");
}

/// Three pulls of the desk's queue at once, each on its own connection to one store (the
/// worker's, one by hand, a CLI process), make one piece per post, each with its tags.
#[test]
fn pulls_side_by_side_make_one_piece_per_post() {
    let Some(site) = site() else { return };
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let reporter = newsroom(&site);
    let (mut posts, mut headlines) = (Vec::new(), Vec::new());
    for i in 0..3 {
        let id = story(&reporter, &format!("Kéo cùng lúc {i}"));
        posts.push(push(&reporter, &wp, &id, RemoteStatus::Pending).unwrap().post_id);
        headlines.push(newsroom_articles::get(&reporter.conn, &id).unwrap().headline);
    }

    let desk = newsroom(&site);
    let start = Arc::new(Barrier::new(3));
    let pulls: Vec<_> = (0..3)
        .map(|_| {
            let (root, backend, start) = (desk.root.clone(), desk.backend.clone(), Arc::clone(&start));
            let wp = WordPress::new(&site.url, &site.user, &site.password);
            std::thread::spawn(move || {
                let conn = newsroom_store::open_dir(&root).unwrap();
                start.wait();
                let dir = newsroom_photos::photos_dir(&root);
                pull_site(&conn, &dir, &backend, &wp, PullScope::DeskQueue).unwrap()
            })
        })
        .collect();
    let results: Vec<Vec<Pulled>> = pulls.into_iter().map(|p| p.join().unwrap()).collect();

    for post in &posts {
        let pieces: i64 = desk
            .conn
            .query_row(
                "SELECT count(*) FROM remote_items WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
                rusqlite::params![desk.backend.id, post],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pieces, 1, "post {post} is one piece");
        let made = results
            .iter()
            .flatten()
            .filter(|p| p.post_id == *post && p.outcome == PullOutcome::Created)
            .count();
        assert_eq!(made, 1, "post {post} was made into a piece by one pull");
        let article = results
            .iter()
            .flatten()
            .find(|p| p.post_id == *post)
            .unwrap()
            .article_id
            .clone();
        let tags = newsroom_entities::article_tags(&desk.conn, &article).unwrap();
        assert_eq!(tags.len(), 1, "the one piece has its tag");
    }
    let copies = newsroom_articles::list(&desk.conn)
        .unwrap()
        .into_iter()
        .filter(|a| headlines.contains(&a.headline))
        .count();
    assert_eq!(copies, 3, "one piece per post in the desk's list");
}
