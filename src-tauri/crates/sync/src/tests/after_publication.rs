//! A piece's life after the desk's word, on the real site and two machines: scheduled (the
//! post is `future` at the time, and WordPress publishes it when its cron runs), embargoed
//! (on the site, not public), updated and corrected once published (the notice readers see),
//! and what a site's account may not publish said before anything is sent. Each is seen on
//! the other machine after a pull, in both histories.

use chrono::{DateTime, Duration, DurationRound, Utc};
use newsroom_articles::{Act, Action, ArticleError, Move, Status};

use super::desk::{desk_site, keychain, local_of, machine, piece, post_of, reporter_and_desk, Machine};
use super::*;

impl Machine {
    /// Records one of the moves around publication and queues what it sends, as the app does.
    fn act(&self, id: &str, act: Act<'_>, by: &str) -> Result<newsroom_articles::Article> {
        newsroom_store::write(&self.n.conn, |tx| {
            let article = newsroom_articles::act(tx, id, act, None, by, Utc::now())?;
            enqueue_after_act(tx, &article, act.action(), Utc::now())?;
            Ok(article)
        })
    }

    fn moves(&self, id: &str) -> Vec<(Action, Status, Option<DateTime<Utc>>, String)> {
        newsroom_articles::status_history(&self.n.conn, id)
            .unwrap()
            .into_iter()
            .filter(|c| c.action != Action::Move || c.to == Status::Published)
            .map(|c| (c.action, c.to, c.at_time, c.note))
            .collect()
    }
}

/// A time a few seconds or days ahead, in whole seconds (WordPress keeps whole seconds).
fn ahead(by: Duration) -> DateTime<Utc> {
    (Utc::now() + by).duration_trunc(Duration::seconds(1)).unwrap()
}

fn wordpress_date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// The answer an anonymous reader gets for a URL of the site, with the page.
fn anonymous(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(response) => (response.status(), response.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, _)) => (code, String::new()),
        Err(other) => panic!("{url}: {other}"),
    }
}

/// A reporter's piece, submitted and taken through the desk to `approved` on the desk's
/// machine: (reporter's id, desk's id, post).
fn approved_piece(reporter: &Machine, desk: &Machine, title: &str) -> (String, String, i64) {
    let mine = piece(reporter, title);
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    let post = post_of(reporter, &mine);
    desk.pull_until("the submitted piece", |m| local_of(m, post).is_some());
    let theirs = local_of(desk, post).unwrap();
    for to in [Status::InReview, Status::Approved] {
        desk.move_to(&theirs, to, "Trần Minh", "");
    }
    (mine, theirs, post)
}

fn post_on_site(post: i64) -> Value {
    raw(&site().unwrap(), &format!("/posts/{post}?context=edit"))
}

#[test]
fn a_scheduled_piece_is_future_on_the_site_and_published_when_wordpress_cron_runs() {
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    let (mine, theirs, post) = approved_piece(&reporter, &desk, "Hẹn giờ đăng");

    // Scheduled for tomorrow: the post is `future` at that time in UTC, not public.
    let tomorrow = ahead(Duration::days(1));
    assert!(matches!(
        desk.act(
            &theirs,
            Act::Schedule {
                at: Some(Utc::now() - Duration::minutes(1))
            },
            "Trần Minh"
        ),
        Err(SyncError::Article(ArticleError::TimePassed { .. }))
    ));
    let scheduled = desk
        .act(&theirs, Act::Schedule { at: Some(tomorrow) }, "Trần Minh")
        .unwrap();
    assert_eq!(
        (scheduled.status, scheduled.publish_at),
        (Status::Approved, Some(tomorrow))
    );
    desk.send();
    let on_site = post_on_site(post);
    assert_eq!(on_site["status"], "future");
    assert_eq!(on_site["date_gmt"], wordpress_date(tomorrow));
    let state = send_state(&desk.n.conn, &theirs).unwrap();
    assert_eq!(
        (state.stage, state.site_status.as_str()),
        (SendStage::OnSite, "future")
    );
    let public = format!("{}/?p={post}", site().unwrap().url);
    assert_eq!(anonymous(&public).0, 404, "not public before its time");

    // The reporter sees the schedule.
    reporter.pull_until("the schedule", |m| {
        newsroom_articles::get(&m.n.conn, &mine).unwrap().publish_at == Some(tomorrow)
    });

    // Moved to a few seconds ahead, then WordPress's cron publishes it when the time has come.
    let soon = ahead(Duration::seconds(4));
    desk.act(&theirs, Act::Schedule { at: Some(soon) }, "Trần Minh")
        .unwrap();
    desk.send();
    assert_eq!(post_on_site(post)["date_gmt"], wordpress_date(soon));
    // The time itself has to pass: this is the one wait, and it is what scheduling is.
    let wait = (soon - Utc::now() + Duration::milliseconds(300))
        .to_std()
        .unwrap_or_default();
    std::thread::sleep(wait);
    let mut ran = 0;
    while post_on_site(post)["status"] != "publish" {
        ran += 1;
        assert!(ran < 20, "WordPress's cron never published the post");
        anonymous(&format!("{}/wp-cron.php", site().unwrap().url));
    }
    assert_eq!(anonymous(&public).0, 200, "public once its time came");

    // Both machines learn it from the site, and record it once, by the site, at its time.
    desk.pull_until("published on schedule", |m| {
        m.status(&theirs) == Status::Published
    });
    reporter.pull_until("published on schedule", |m| m.status(&mine) == Status::Published);
    for (machine, id) in [(&desk, &theirs), (&reporter, &mine)] {
        let moves = machine.moves(id);
        assert_eq!(
            moves,
            vec![
                (Action::Schedule, Status::Approved, Some(tomorrow), String::new()),
                (Action::Schedule, Status::Approved, Some(soon), String::new()),
                (Action::Move, Status::Published, None, String::new()),
            ],
            "{id}"
        );
        let history = newsroom_articles::status_history(&machine.n.conn, id).unwrap();
        let published = history.last().unwrap();
        assert_eq!(
            (published.changed_by.as_str(), published.changed_at),
            ("Báo thử", soon)
        );
        assert_eq!(
            newsroom_articles::get(&machine.n.conn, id).unwrap().publish_at,
            None
        );
    }
    // The moves travel with the review: after both machines sent theirs, still once each.
    desk.send();
    reporter.send();
    reporter.pull_until("the desk's review again", |m| m.moves(&mine).len() == 3);
    assert_eq!(desk.moves(&theirs).len(), 3);
}

#[test]
fn an_embargoed_piece_reaches_the_site_but_not_its_readers_before_the_time() {
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    let (mine, theirs, post) = approved_piece(&reporter, &desk, "Cấm đăng trước");
    let until = ahead(Duration::hours(30));
    let embargoed = desk
        .act(&theirs, Act::Embargo { until: Some(until) }, "Trần Minh")
        .unwrap();
    assert_eq!(
        (embargoed.embargo_until, embargoed.publish_at),
        (Some(until), Some(until)),
        "an approved piece goes out when the embargo ends"
    );
    // Neither published nor scheduled before the embargo ends.
    let publish = Move {
        to: Status::Published,
        from: None,
        by: "Trần Minh",
        note: "",
    };
    assert!(matches!(
        newsroom_articles::set_status(&desk.n.conn, &theirs, publish, Utc::now()),
        Err(ArticleError::Embargoed { until: u }) if u == until
    ));
    assert!(matches!(
        desk.act(
            &theirs,
            Act::Schedule {
                at: Some(ahead(Duration::hours(2)))
            },
            "Trần Minh"
        ),
        Err(SyncError::Article(ArticleError::Embargoed { .. }))
    ));
    desk.send();
    let on_site = post_on_site(post);
    assert_eq!(
        (on_site["status"].as_str(), on_site["date_gmt"].as_str()),
        (Some("future"), Some(wordpress_date(until).as_str()))
    );
    let public = format!("{}/?p={post}", site().unwrap().url);
    assert_eq!(anonymous(&public).0, 404);
    let feed = anonymous(&format!("{}/?feed=rss2", site().unwrap().url)).1;
    let headline = newsroom_articles::get(&desk.n.conn, &theirs).unwrap().headline;
    assert!(!feed.contains(&headline), "not in the feed");

    reporter.pull_until("the embargo", |m| {
        newsroom_articles::get(&m.n.conn, &mine).unwrap().embargo_until == Some(until)
    });
    for (machine, id) in [(&desk, &theirs), (&reporter, &mine)] {
        assert_eq!(
            machine.moves(id),
            vec![(Action::Embargo, Status::Approved, Some(until), String::new())]
        );
    }

    // Lifting the embargo keeps the schedule it made; publishing is allowed again.
    desk.act(&theirs, Act::Embargo { until: None }, "Trần Minh")
        .unwrap();
    let lifted = newsroom_articles::get(&desk.n.conn, &theirs).unwrap();
    assert_eq!((lifted.embargo_until, lifted.publish_at), (None, Some(until)));
}

#[test]
fn an_update_and_a_correction_of_a_published_piece_reach_the_site_and_the_reporter() {
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    let (mine, theirs, post) = approved_piece(&reporter, &desk, "Cập nhật sau khi đăng");
    desk.move_to(&theirs, Status::Published, "Trần Minh", "");
    desk.send();
    let first = post_on_site(post);
    assert_eq!(first["status"], "publish");

    // New facts: the edit is not on the site until it is sent as an update.
    assert!(matches!(
        desk.act(&theirs, Act::Correct { note: "  " }, "Trần Minh"),
        Err(SyncError::Article(ArticleError::NoteRequired))
    ));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    edit_body(&desk.n, &theirs, |b| {
        format!("{b}\n\nĐến 15 giờ, đã có 120 đoàn viên nhận hỗ trợ.")
    });
    assert!(send_state(&desk.n.conn, &theirs).unwrap().changed_since);
    desk.act(
        &theirs,
        Act::Update {
            note: "Thêm số liệu buổi chiều",
        },
        "Trần Minh",
    )
    .unwrap();
    desk.send();
    let updated = post_on_site(post);
    assert_eq!(updated["status"], "publish", "still published");
    assert_ne!(
        updated["modified_gmt"], first["modified_gmt"],
        "the site's updated time moved"
    );
    assert_eq!(
        updated["date_gmt"], first["date_gmt"],
        "its publication time did not"
    );
    assert!(updated["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("120 đoàn viên"));
    assert!(!send_state(&desk.n.conn, &theirs).unwrap().changed_since);

    // A correction: readers see what was wrong, with the date, at the end of the story.
    let note = "Bài trước ghi nhầm 50 suất quà; đúng là 500 suất.";
    desk.act(&theirs, Act::Correct { note }, "Trần Minh").unwrap();
    desk.send();
    let public = format!("{}/?p={post}", site().unwrap().url);
    let (status, page) = anonymous(&public);
    assert_eq!(status, 200);
    let today = newsroom_articles::corrections(&desk.n.conn, &theirs).unwrap()[0].vietnam_date();
    assert!(
        page.contains(&format!(
            "Đính chính</strong> ({today}): {}",
            newsroom_markdown::escape_html(note)
        )),
        "the notice is on the public page"
    );
    let notice_at = page.find("Đính chính").unwrap();
    assert!(page.find("120 đoàn viên").unwrap() < notice_at, "after the story");

    // The reporter's machine: the new text, the update and the correction in its history, and
    // the notice not taken into the body as text.
    reporter.pull_until("the correction", |m| {
        m.moves(&mine).iter().any(|(a, ..)| *a == Action::Correct)
    });
    let theirs_moves = desk.moves(&theirs);
    assert_eq!(reporter.moves(&mine), theirs_moves);
    assert_eq!(
        theirs_moves[1..],
        [
            (
                Action::Update,
                Status::Published,
                None,
                "Thêm số liệu buổi chiều".to_owned()
            ),
            (Action::Correct, Status::Published, None, note.to_owned()),
        ]
    );
    let body = newsroom_articles::get(&reporter.n.conn, &mine).unwrap().body;
    assert!(body.contains("120 đoàn viên"), "{body}");
    assert!(!body.contains("Đính chính"), "{body}");

    // The site edited meanwhile: the next update merges, overwriting nothing.
    let admin = site().unwrap();
    let wp = WordPress::new(&admin.url, &admin.user, &admin.password);
    edit_on_site(
        &admin,
        &wp,
        post,
        |c| c.replace("Hội nghị kết thúc", "Buổi lễ kết thúc"),
        None,
    );
    edit_body(&desk.n, &theirs, |b| {
        b.replace("được hỗ trợ nhà ở", "được hỗ trợ nhà ở xã hội")
    });
    desk.act(&theirs, Act::Update { note: "" }, "Trần Minh").unwrap();
    desk.send();
    let merged = post_on_site(post)["content"]["raw"].as_str().unwrap().to_owned();
    assert!(
        merged.contains("Buổi lễ kết thúc") && merged.contains("nhà ở xã hội"),
        "{merged}"
    );
    assert_eq!(merged.matches("Đính chính").count(), 1, "{merged}");
}

/// A new Contributor on the site (an account that may write but not publish), with an
/// application password, made by the administrator through the REST API.
fn contributor(site: &Site) -> (String, String) {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", site.user, site.password));
    let admin = |path: &str, body: Value| -> Value {
        ureq::post(&format!("{}/wp-json/wp/v2{path}", site.url))
            .set("Authorization", &format!("Basic {auth}"))
            .send_json(body)
            .unwrap()
            .into_json()
            .unwrap()
    };
    let login = format!("ctv{}", uuid::Uuid::now_v7().simple());
    let user = admin(
        "/users",
        json!({
            "username": login,
            "email": format!("{login}@example.invalid"),
            "password": uuid::Uuid::now_v7().to_string(),
            "name": "Cộng tác viên",
            "roles": ["contributor"],
        }),
    );
    let id = user["id"].as_i64().unwrap();
    let password = admin(
        &format!("/users/{id}/application-passwords"),
        json!({ "name": "newsroom tests" }),
    );
    (login, password["password"].as_str().unwrap().to_owned())
}

#[test]
fn an_account_that_may_not_publish_is_told_before_anything_is_sent() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let admin = Site {
        url: site.url.clone(),
        user: site.admin.0.clone(),
        password: site.admin.1.clone(),
    };
    // A Contributor may hand a piece to the desk, not publish or schedule it.
    let writer = machine(&site.url, &contributor(&admin), false, "contributor");
    crate::refresh_sections(&writer.n.conn, &writer.n.backend, &writer.wp).unwrap();
    let id = piece(&writer, "Quyền đăng bài");
    writer.move_to(&id, Status::Submitted, "Cộng tác viên", "");
    writer.send();
    assert_eq!(post_on_site(post_of(&writer, &id))["status"], "pending");
    let refused = check_may_publish(&writer.n.conn, &id, "publish this piece").unwrap_err();
    assert!(
        matches!(&refused, SyncError::NotAllowedOnSite { site, .. } if site == "Báo thử"),
        "{refused}"
    );
    assert!(
        refused.to_string().contains("may not publish this piece"),
        "{refused}"
    );

    // An Author publishes their own piece; an Editor anyone's.
    let author = machine(&site.url, &site.reporter, false, "reporter");
    crate::refresh_sections(&author.n.conn, &author.n.backend, &author.wp).unwrap();
    let own = piece(&author, "Bài của chính mình");
    author.move_to(&own, Status::Submitted, "Mai Quý", "");
    author.send();
    assert!(check_may_publish(&author.n.conn, &own, "publish this piece").is_ok());
    let editor = machine(&site.url, &site.editor, false, "desk");
    crate::refresh_sections(&editor.n.conn, &editor.n.backend, &editor.wp).unwrap();
    editor.pull_until("the contributor's piece", |m| {
        local_of(m, post_of(&writer, &id)).is_some()
    });
    let theirs = local_of(&editor, post_of(&writer, &id)).unwrap();
    assert!(check_may_publish(&editor.n.conn, &theirs, "publish this piece").is_ok());
}

/// A store at schema 13 with jobs in its outbox: the upgrade that lets a job send a scheduled
/// piece keeps every job (its id, state, error and the site's version in a conflict), the one
/// queued job per piece and site still holds, and the pieces' histories read as plain moves.
#[test]
fn the_upgrade_keeps_every_job_and_lets_a_scheduled_piece_be_queued() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(newsroom_store::DATABASE_FILE);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        newsroom_store::configure(&conn).unwrap();
        newsroom_store::migrate(&mut conn, 13, &path).unwrap();
        conn.execute_batch(
            "INSERT INTO backends (id, kind, name, url, username, created_at)
                 VALUES ('site', 'wordpress', 'Báo thử', 'http://127.0.0.1:1', 'desk', '2026-01-01T00:00:00.000Z');
             INSERT INTO articles (id, headline, sapo, byline, status, created_at, updated_at)
                 VALUES ('a', 'Tin đã duyệt', 'Sapo.', 'Mai Quý', 'approved', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at)
                 VALUES ('a', 'in_review', 'approved', 'Trần Biên', '2026-01-01T00:00:00.000Z');
             INSERT INTO outbox (id, article_id, backend_id, target_status, state, attempts, next_attempt_at,
                                 last_error_code, last_error, created_at, updated_at, conflict)
                 VALUES (7, 'a', 'site', 'pending', 'conflict', 2, '2026-01-01T00:00:00.000Z', 'conflict', 'sửa cùng đoạn',
                         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{\"modified_gmt\":\"x\"}'),
                        (9, 'a', 'site', 'pending', 'queued', 0, '2026-01-01T00:00:00.000Z', '', '',
                         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '');",
        )
        .unwrap();
    }
    let conn = newsroom_store::open_file(&path).unwrap();
    let kept = jobs(&conn).unwrap();
    assert_eq!(
        kept.iter()
            .map(|j| (j.id, j.state, j.error.as_str()))
            .collect::<Vec<_>>(),
        [
            (9, JobState::Queued, ""),
            (7, JobState::Conflict, "sửa cùng đoạn")
        ]
    );
    let conflict: String = conn
        .query_row("SELECT conflict FROM outbox WHERE id = 7", [], |r| r.get(0))
        .unwrap();
    assert_eq!(conflict, r#"{"modified_gmt":"x"}"#);
    let history = newsroom_articles::status_history(&conn, "a").unwrap();
    assert_eq!((history[0].action, history[0].at_time), (Action::Move, None));

    // Scheduled: the queued job takes the new target instead of a second job being added.
    let at = ahead(Duration::days(1));
    let scheduled = newsroom_articles::act(
        &conn,
        "a",
        Act::Schedule { at: Some(at) },
        None,
        "Trần Biên",
        Utc::now(),
    )
    .unwrap();
    enqueue_after_act(&conn, &scheduled, Action::Schedule, Utc::now()).unwrap();
    let queued: Vec<(i64, String)> = conn
        .prepare("SELECT id, target_status FROM outbox WHERE state = 'queued'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(queued, [(9, "future".to_owned())]);
}
