//! The desk across machines: a reporter's store and a desk editor's store, each signed in as
//! its own WordPress user, against the real site with the companion plugin; review data,
//! comments, proposals and locks travel through the site, through a network that breaks 30 %
//! of requests.

use chrono::Utc;
use newsroom_articles::{Move, Status};
use newsroom_review::shared;
use serde_json::{json, Value};

use super::*;

pub(super) struct DeskSite {
    pub(super) url: String,
    bare_url: String,
    pub(super) admin: (String, String),
    pub(super) reporter: (String, String),
    pub(super) editor: (String, String),
}

pub(super) fn desk_site() -> Option<DeskSite> {
    let var = |name: &str| std::env::var(name).ok();
    let found = (|| {
        Some(DeskSite {
            url: var("WP_URL")?,
            bare_url: var("WP_BARE_URL")?,
            admin: (var("WP_USER")?, var("WP_APP_PASSWORD")?),
            reporter: (var("WP_REPORTER_USER")?, var("WP_REPORTER_PASSWORD")?),
            editor: (var("WP_EDITOR_USER")?, var("WP_EDITOR_PASSWORD")?),
        })
    })();
    if found.is_none() {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_WORDPRESS").is_none(),
            "scripts/test starts WordPress and sets WP_URL, WP_BARE_URL and the users' passwords"
        );
        eprintln!("note: no WordPress running (scripts/wordpress/run start DIR); skipped");
    }
    found
}

/// Whether the OS keychain is there (the lock calls read the password from it, as the app does).
pub(super) fn keychain() -> bool {
    let probe = format!("probe-{}", uuid::Uuid::now_v7());
    match store_password(&probe, "x") {
        Ok(()) => {
            let _ = delete_password(&probe);
            true
        }
        Err(err) => {
            assert!(
                std::env::var_os("NEWSROOM_REQUIRE_KEYCHAIN").is_none(),
                "scripts/test runs the tests with a Secret Service: {err}"
            );
            eprintln!("note: no keychain here ({err}); skipped");
            false
        }
    }
}

/// One person's machine: a store with the site as its backend, signed in as `user`, its
/// password in the keychain; `faults` puts the breaking proxy between it and the site.
pub(super) struct Machine {
    pub(super) n: Newsroom,
    pub(super) wp: WordPress,
    password: String,
    name: &'static str,
    /// A reporter's machine pulls only its own pieces; the desk's takes the queue, a few new
    /// pieces per pull.
    scope: PullScope,
}

pub(super) fn machine(
    url: &str,
    (user, password): &(String, String),
    faults: bool,
    name: &'static str,
) -> Machine {
    let site = Site {
        url: url.to_owned(),
        user: user.clone(),
        password: password.clone(),
    };
    let n = newsroom(&site);
    // Connecting a site asks it at once what it offers (as the app does), straight to it: the
    // user connects while online.
    let direct = WordPress::new(&site.url, &site.user, &site.password);
    desk_support(&n.conn, &n.backend, &direct).unwrap();
    let url = if faults {
        let (proxy, _) = crate::fault_proxy::start(url, 0.3);
        n.conn
            .execute(
                "UPDATE backends SET url = ?1 WHERE id = ?2",
                params![proxy, n.backend.id],
            )
            .unwrap();
        proxy
    } else {
        url.to_owned()
    };
    store_password(&n.backend.id, password).unwrap();
    Machine {
        wp: WordPress::new(&url, user, password),
        n,
        password: password.clone(),
        name,
        // As the worker's scheduled pulls: a few new pieces at a time, newest first.
        scope: if name == "reporter" {
            PullScope::Known
        } else {
            PullScope::DeskQueueAtMost(5)
        },
    }
}

impl Drop for Machine {
    fn drop(&mut self) {
        let _ = delete_password(&self.n.backend.id);
    }
}

impl Machine {
    pub(super) fn photos(&self) -> std::path::PathBuf {
        newsroom_photos::photos_dir(&self.n.root)
    }

    /// Sends until every job is sent; a job that fails for good fails the test.
    pub(super) fn send(&self) {
        let secret = self.password.clone();
        let password = move |_: &Backend| -> Result<String> { Ok(secret.clone()) };
        for _ in 0..80 {
            drain(
                &self.n.conn,
                &self.photos(),
                &password,
                &|_, _, _| {},
                Utc::now(),
                true,
            )
            .unwrap();
            let all = jobs(&self.n.conn).unwrap();
            assert!(
                all.iter()
                    .all(|j| !matches!(j.state, JobState::Failed | JobState::Conflict)),
                "{}: {all:#?}",
                self.name
            );
            if all.iter().all(|j| j.state == JobState::Synced) {
                return;
            }
        }
        panic!("{}: the outbox never drained", self.name);
    }

    /// Pulls until `arrived` holds (faults make single pulls fail; a pull also takes in the
    /// other tests' pending posts on the shared site, each one through the faults).
    pub(super) fn pull_until(&self, what: &str, arrived: impl Fn(&Machine) -> bool) {
        let mut last = String::new();
        for round in 1..=300 {
            match pull_site(
                &self.n.conn,
                &self.photos(),
                &self.n.backend,
                &self.wp,
                self.scope,
            ) {
                Ok(_) => last.clear(),
                Err(err) => last = err.to_string(),
            }
            if arrived(self) {
                eprintln!("{}: {what} after {round} pulls", self.name);
                return;
            }
        }
        panic!("{}: {what} never arrived (last error: {last})", self.name);
    }

    /// Runs a lock call until the site answered it (a fault reads as "offline").
    pub(super) fn lock(&self, call: impl Fn(&Connection) -> Result<PieceLock>) -> PieceLock {
        for _ in 0..80 {
            if let Ok(lock) = call(&self.n.conn) {
                if lock.state != LockState::Offline {
                    return lock;
                }
            }
        }
        panic!("{}: the site never answered a lock call", self.name);
    }

    pub(super) fn move_to(&self, id: &str, to: Status, by: &str, note: &str) {
        let from = newsroom_articles::get(&self.n.conn, id).unwrap().status;
        let change = Move {
            to,
            from: Some(from),
            by,
            note,
        };
        newsroom_articles::set_status(&self.n.conn, id, change, Utc::now()).unwrap();
        enqueue_on_entry(&self.n.conn, id, to, Utc::now()).unwrap();
    }

    pub(super) fn status(&self, id: &str) -> Status {
        newsroom_articles::get(&self.n.conn, id).unwrap().status
    }

    fn history(&self, id: &str) -> Vec<(Status, Status, String, String)> {
        newsroom_articles::status_history(&self.n.conn, id)
            .unwrap()
            .into_iter()
            .map(|c| (c.from, c.to, c.changed_by, c.note))
            .collect()
    }
}

/// A reporter's machine and a desk's, each straight to the site as its own user; `None` (the
/// test passes, saying why) without a WordPress or a keychain.
pub(super) fn reporter_and_desk() -> Option<(Machine, Machine)> {
    let site = desk_site()?;
    if !keychain() {
        return None;
    }
    Some((
        machine(&site.url, &site.reporter, false, "reporter"),
        machine(&site.url, &site.editor, false, "desk"),
    ))
}

/// A piece without photos, unique to this run.
pub(super) fn piece(m: &Machine, title: &str) -> String {
    let fields = newsroom_articles::ArticleFields {
        headline: format!("{title} {}", uuid::Uuid::now_v7()),
        sapo: "Sáng nay, Công đoàn cơ sở trao hỗ trợ nhà ở cho đoàn viên.".into(),
        body: "Người lao động được hỗ trợ nhà ở.\n\nHội nghị kết thúc lúc 11 giờ.".into(),
        byline: "Mai Quý".into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    newsroom_articles::create(&m.n.conn, &fields, "Mai Quý", Utc::now())
        .unwrap()
        .id
}

pub(super) fn post_of(m: &Machine, id: &str) -> i64 {
    crate::remote_item(&m.n.conn, &m.n.backend.id, "article", id)
        .unwrap()
        .and_then(|k| k.remote_id)
        .expect("the piece is on the site")
}

pub(super) fn local_of(m: &Machine, post: i64) -> Option<String> {
    m.n.conn
        .query_row(
            "SELECT local_id FROM remote_items WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
            params![m.n.backend.id, post],
            |r| r.get(0),
        )
        .ok()
}

/// A call to the plugin's routes as `user`, straight to the site.
fn plugin(
    url: &str,
    (user, password): &(String, String),
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let request = ureq::request(method, &format!("{url}/wp-json/newsroom/v1{path}"))
        .set("Authorization", &format!("Basic {auth}"));
    let answer = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    match answer {
        Ok(r) => (r.status(), r.into_json().unwrap_or(Value::Null)),
        Err(ureq::Error::Status(status, r)) => (status, r.into_json().unwrap_or(Value::Null)),
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn reporter_and_desk_on_two_machines_take_a_piece_from_submission_to_publication_through_faults() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let reporter = machine(&site.url, &site.reporter, true, "reporter");
    let desk = machine(&site.url, &site.editor, true, "desk");
    const REPORTER: &str = "Mai Quý";
    const EDITOR: &str = "Trần Biên Tập";

    // Submitted with a note for the desk.
    let mine = piece(&reporter, "Hai máy, một tòa soạn");
    reporter.move_to(&mine, Status::Submitted, REPORTER, "Ảnh sẽ gửi sau");
    reporter.send();
    let post = post_of(&reporter, &mine);

    // The desk pulls it with the note, and takes it.
    desk.pull_until("the submitted piece", |d| {
        local_of(d, post).is_some_and(|id| d.status(&id) == Status::Submitted)
    });
    let theirs = local_of(&desk, post).unwrap();
    assert_eq!(desk.status(&theirs), Status::Submitted);
    assert_eq!(
        desk.history(&theirs)[0].3,
        "Ảnh sẽ gửi sau",
        "the desk sees the reporter's note"
    );
    desk.move_to(&theirs, Status::InReview, EDITOR, "");
    desk.send();
    let taken = desk.lock(|c| lock_piece(c, &theirs));
    assert_eq!(taken.state, LockState::Mine);

    // The reporter's store sees who holds it and since when, and cannot take it unasked; so
    // does wp-admin (the plugin reads wp-admin's own lock).
    let seen = reporter.lock(|c| lock_piece(c, &mine));
    assert_eq!(seen.state, LockState::Held, "{seen:?}");
    assert_eq!(seen.holder, "Biên tập viên Minh");
    assert!(seen.since.is_some() && seen.expires.is_some());
    let (status, admin_view) = plugin(
        &site.url,
        &site.admin,
        "GET",
        &format!("/posts/{post}/lock"),
        None,
    );
    assert_eq!(status, 200);
    assert_eq!(admin_view["held"], json!(true));
    assert_eq!(admin_view["user"]["name"], json!("Biên tập viên Minh"));

    // Comment, proposal, return with a note.
    let anchor = newsroom_review::anchor_for_quote(&desk.n.conn, &theirs, "11 giờ").unwrap();
    newsroom_review::add_thread(
        &desk.n.conn,
        &theirs,
        &anchor,
        "Giờ nào chính xác?",
        EDITOR,
        Utc::now(),
    )
    .unwrap();
    let anchor = newsroom_review::anchor_for_quote(&desk.n.conn, &theirs, "nhà ở").unwrap();
    newsroom_review::propose(&desk.n.conn, &theirs, &anchor, "nhà ở xã hội", EDITOR, Utc::now()).unwrap();
    desk.move_to(&theirs, Status::Returned, EDITOR, "Kiểm tra lại giờ kết thúc");
    desk.send();
    assert_eq!(
        desk.lock(|c| release_piece(c, &theirs)).state,
        LockState::NotShared
    );

    // The reporter's app pulls it back with all of it.
    reporter.pull_until("the returned piece", |r| r.status(&mine) == Status::Returned);
    assert_eq!(
        reporter.history(&mine).last().unwrap().3,
        "Kiểm tra lại giờ kết thúc"
    );
    let threads = newsroom_review::threads(&reporter.n.conn, &mine).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].comments[0].text, "Giờ nào chính xác?");
    let proposals = newsroom_review::proposals(&reporter.n.conn, &mine).unwrap();
    assert_eq!(proposals.len(), 1);

    // Accept, reply and resolve, resubmit.
    newsroom_review::settle(&reporter.n.conn, &proposals[0].id, true, REPORTER, Utc::now()).unwrap();
    newsroom_review::reply(
        &reporter.n.conn,
        &threads[0].id,
        "Đã sửa: 11 giờ 15",
        REPORTER,
        Utc::now(),
    )
    .unwrap();
    newsroom_review::set_resolved(&reporter.n.conn, &threads[0].id, true, REPORTER, Utc::now()).unwrap();
    reporter.move_to(&mine, Status::Submitted, REPORTER, "");
    reporter.send();

    // The desk has the accepted edit, the reply and the resolution; approves and publishes.
    desk.pull_until("the resubmitted piece", |d| {
        d.status(&theirs) == Status::Submitted
    });
    assert!(newsroom_articles::get(&desk.n.conn, &theirs)
        .unwrap()
        .body
        .contains("nhà ở xã hội"));
    let thread = newsroom_review::threads(&desk.n.conn, &theirs).unwrap().remove(0);
    assert!(thread.resolved_at.is_some());
    assert_eq!(thread.comments.len(), 2);
    desk.move_to(&theirs, Status::InReview, EDITOR, "");
    desk.move_to(&theirs, Status::Approved, EDITOR, "");
    desk.move_to(&theirs, Status::Published, EDITOR, "");
    desk.send();
    reporter.pull_until("the publication", |r| r.status(&mine) == Status::Published);

    // Both machines tell the same story, and every comment and proposal exists once: here,
    // there, and on the site.
    assert_eq!(reporter.history(&mine), desk.history(&theirs));
    // Seven moves, each once. Other tests' desks share the site's queue: one that pulled the
    // post between its push and its review's store recorded a receipt, which travels with the
    // review; made the same on every machine, it is there once at most.
    let history = reporter.history(&mine);
    let receipts = history.iter().filter(|m| m.3 == "received").count();
    assert_eq!(
        (history.len() - receipts, receipts <= 1),
        (7, true),
        "{history:#?}"
    );
    let (_, stored) = plugin(
        &site.url,
        &site.admin,
        "GET",
        &format!("/posts/{post}/review"),
        None,
    );
    let on_site = shared::parse(stored["review"].as_str().unwrap()).unwrap();
    for review in [
        on_site,
        shared::export(&reporter.n.conn, &mine).unwrap(),
        shared::export(&desk.n.conn, &theirs).unwrap(),
    ] {
        assert_eq!(review.threads.len(), 1);
        assert_eq!(review.threads[0].comments.len(), 2);
        assert_eq!(review.proposals.len(), 1);
        // The receipt another test's desk may have added (above) travels with the review too.
        let receipts = review.moves.iter().filter(|m| m.note == "received").count();
        assert_eq!((review.moves.len() - receipts, receipts <= 1), (7, true));
    }
    // The review never reaches the public post or its feed.
    let public: Value = ureq::get(&format!("{}/wp-json/wp/v2/posts/{post}", site.url))
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    assert!(!public.to_string().contains("Giờ nào chính xác"));
    let feed = ureq::get(&format!("{}/?feed=rss2", site.url))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(!feed.contains("Giờ nào chính xác") && !feed.contains("Kiểm tra lại giờ"));
}

#[test]
fn a_lock_held_by_someone_else_is_taken_over_only_when_asked_and_the_take_over_is_recorded() {
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    let mine = piece(&reporter, "Khóa bài");
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    let post = post_of(&reporter, &mine);
    desk.pull_until("the piece", |d| local_of(d, post).is_some());
    let theirs = local_of(&desk, post).unwrap();

    assert_eq!(
        lock_piece(&reporter.n.conn, &mine).unwrap().state,
        LockState::Mine
    );
    let held = lock_piece(&desk.n.conn, &theirs).unwrap();
    assert_eq!(
        (held.state, held.holder.as_str()),
        (LockState::Held, "Phóng viên Lan")
    );
    // Releasing someone else's lock does nothing to it.
    assert_eq!(
        release_piece(&desk.n.conn, &theirs).unwrap().state,
        LockState::Held
    );
    let taken = take_over_piece(&desk.n.conn, &theirs).unwrap();
    assert_eq!(taken.state, LockState::Mine);
    assert_eq!(
        lock_piece(&reporter.n.conn, &mine).unwrap().state,
        LockState::Held
    );
    let record = takeovers(&desk.n.conn, &theirs).unwrap();
    assert_eq!(record.len(), 1);
    assert_eq!(
        (record[0].by.as_str(), record[0].from.as_str()),
        ("Biên tập viên Minh", "Phóng viên Lan")
    );
    // The reporter's machine learns of it with the next pull.
    reporter.pull_until("the take-over", |r| {
        takeovers(&r.n.conn, &mine).unwrap().len() == 1
    });
    assert_eq!(
        release_piece(&desk.n.conn, &theirs).unwrap().state,
        LockState::NotShared
    );
}

#[test]
fn a_user_who_cannot_edit_the_post_is_refused_and_nothing_here_is_lost() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let desk = machine(&site.url, &site.editor, false, "desk");
    let reporter = machine(&site.url, &site.reporter, false, "reporter");
    // A piece the desk editor wrote: the reporter (an author) may not edit it on the site.
    let theirs = piece(&desk, "Bài của ban biên tập");
    desk.move_to(&theirs, Status::Submitted, "Trần Biên Tập", "");
    desk.send();
    let post = post_of(&desk, &theirs);

    // The reporter's machine holds a copy mapped to that post, with a comment of its own.
    let mine = piece(&reporter, "Bản sao");
    reporter
        .n
        .conn
        .execute(
            "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, updated_at)
             VALUES (?1, 'article', ?2, 'copy', ?3, '2026-01-01T00:00:00.000Z')",
            params![reporter.n.backend.id, mine, post],
        )
        .unwrap();
    let anchor = newsroom_review::anchor_for_quote(&reporter.n.conn, &mine, "nhà ở").unwrap();
    newsroom_review::add_thread(&reporter.n.conn, &mine, &anchor, "Của tôi", "Mai Quý", Utc::now()).unwrap();

    let err = sync_review(&reporter.n.conn, &reporter.n.backend, &reporter.wp, &mine).unwrap_err();
    assert!(matches!(err, SyncError::Forbidden(_)), "{err}");
    assert_eq!(
        lock_piece(&reporter.n.conn, &mine).unwrap().state,
        LockState::Refused
    );
    let (status, body) = plugin(
        &site.url,
        &site.reporter,
        "GET",
        &format!("/posts/{post}/review"),
        None,
    );
    assert_eq!((status, body["code"].as_str()), (403, Some("newsroom_forbidden")));
    let (status, _) = plugin(
        &site.url,
        &site.reporter,
        "PUT",
        &format!("/posts/{post}/review"),
        Some(json!({"base_revision": 0, "review": {"format": 1}})),
    );
    assert_eq!(status, 403);
    assert_eq!(
        newsroom_review::threads(&reporter.n.conn, &mine).unwrap()[0].comments[0].text,
        "Của tôi"
    );
    // Not signed in at all: refused too.
    let anonymous = ureq::get(&format!("{}/wp-json/newsroom/v1/posts/{post}/review", site.url)).call();
    assert!(matches!(anonymous, Err(ureq::Error::Status(401, _))));
}

#[test]
fn review_data_edited_on_the_site_into_garbage_is_a_clear_error_and_the_local_review_is_kept() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let reporter = machine(&site.url, &site.reporter, false, "reporter");
    let mine = piece(&reporter, "Dữ liệu hỏng");
    let anchor = newsroom_review::anchor_for_quote(&reporter.n.conn, &mine, "nhà ở").unwrap();
    newsroom_review::add_thread(&reporter.n.conn, &mine, &anchor, "Giữ lại", "Mai Quý", Utc::now()).unwrap();
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    let post = post_of(&reporter, &mine);
    let (_, current) = plugin(
        &site.url,
        &site.editor,
        "GET",
        &format!("/posts/{post}/review"),
        None,
    );
    let (status, _) = plugin(
        &site.url,
        &site.editor,
        "PUT",
        &format!("/posts/{post}/review"),
        Some(json!({"base_revision": current["revision"], "review": {"format": 1, "threads": "nonsense"}})),
    );
    assert_eq!(status, 200);

    let err = sync_review(&reporter.n.conn, &reporter.n.backend, &reporter.wp, &mine).unwrap_err();
    assert!(
        err.to_string().contains("review data on the site cannot be read"),
        "{err}"
    );
    let pulled = pull_site(
        &reporter.n.conn,
        &reporter.photos(),
        &reporter.n.backend,
        &reporter.wp,
        reporter.scope,
    )
    .unwrap();
    let failed = pulled
        .iter()
        .find(|p| p.post_id == post)
        .expect("the post is reported");
    assert_eq!(failed.outcome, PullOutcome::Failed);
    let threads = newsroom_review::threads(&reporter.n.conn, &mine).unwrap();
    assert_eq!(threads[0].comments[0].text, "Giữ lại");
    // Nothing was written over the garbage either: it is left for a person to look at.
    let (_, after) = plugin(
        &site.url,
        &site.editor,
        "GET",
        &format!("/posts/{post}/review"),
        None,
    );
    assert!(after["review"].as_str().unwrap().contains("nonsense"));
}

#[test]
fn without_the_plugin_pieces_still_travel_and_the_desk_features_are_off() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let reporter = machine(&site.bare_url, &site.reporter, false, "reporter");
    let mine = piece(&reporter, "Trang chưa cài plugin");
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    assert_eq!(
        known_support(&reporter.n.conn, &reporter.n.backend.id).unwrap(),
        DeskSupport::Missing
    );
    assert_eq!(backends(&reporter.n.conn).unwrap()[0].desk, DeskSupport::Missing);
    assert_eq!(
        lock_piece(&reporter.n.conn, &mine).unwrap().state,
        LockState::NotShared
    );
    let desk = machine(&site.bare_url, &site.editor, false, "desk");
    let post = post_of(&reporter, &mine);
    desk.pull_until("the piece", |d| local_of(d, post).is_some());
    let theirs = local_of(&desk, post).unwrap();
    assert_eq!(
        desk.status(&theirs),
        Status::Submitted,
        "the post's status is taken as it is"
    );
}

#[test]
fn a_reporter_who_may_not_add_a_section_is_told_which_and_the_piece_waits() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let reporter = machine(&site.url, &site.reporter, false, "reporter");
    let section = format!("Chuyên mục mới {}", uuid::Uuid::now_v7());
    let fields = newsroom_articles::ArticleFields {
        headline: format!("Chuyên mục chưa có trên trang {}", uuid::Uuid::now_v7()),
        sapo: "Sapo của bài.".into(),
        body: "Thân bài.".into(),
        byline: "Mai Quý".into(),
        dateline: String::new(),
        section: section.clone(),
    };
    let id = newsroom_articles::create(&reporter.n.conn, &fields, "Mai Quý", Utc::now())
        .unwrap()
        .id;
    reporter.move_to(&id, Status::Submitted, "Mai Quý", "");
    let password = |_: &Backend| -> Result<String> { Ok(reporter.password.clone()) };
    drain(
        &reporter.n.conn,
        &reporter.photos(),
        &password,
        &|_, _, _| {},
        Utc::now(),
        true,
    )
    .unwrap();
    let job = jobs(&reporter.n.conn).unwrap().remove(0);
    assert_eq!(
        (job.state, job.error_code.as_str()),
        (JobState::Failed, "forbidden"),
        "{job:#?}"
    );
    assert!(job.error.contains(&section), "{}", job.error);
    assert_eq!(
        newsroom_articles::get(&reporter.n.conn, &id).unwrap().section,
        section,
        "nothing here changed"
    );
}

#[test]
fn a_scheduled_pull_copies_in_a_few_new_pieces_at_a_time_and_the_rest_later() {
    let Some(site) = desk_site() else { return };
    if !keychain() {
        return;
    }
    let reporter = machine(&site.url, &site.reporter, false, "reporter");
    for i in 0..2 {
        let id = piece(&reporter, &format!("Hàng đợi dài {i}"));
        reporter.move_to(&id, Status::Submitted, "Mai Quý", "");
    }
    reporter.send();
    let desk = machine(&site.url, &site.editor, false, "desk");
    let made = |scope| -> Vec<i64> {
        pull_site(&desk.n.conn, &desk.photos(), &desk.n.backend, &desk.wp, scope)
            .unwrap()
            .iter()
            .filter(|p| p.outcome == PullOutcome::Created)
            .map(|p| p.post_id)
            .collect()
    };
    let first = made(PullScope::DeskQueueAtMost(1));
    let second = made(PullScope::DeskQueueAtMost(1));
    assert_eq!((first.len(), second.len()), (1, 1), "one at a time");
    assert_ne!(first, second, "the next pull takes the next one");
    // A pull by hand takes all that is left (other tests may be adding more meanwhile);
    // nothing is made twice.
    let rest = made(PullScope::DeskQueue);
    assert!(!rest.contains(&first[0]) && !rest.contains(&second[0]));
}

#[test]
fn pieces_submitted_before_any_site_was_connected_are_sent_when_the_first_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    let fields = newsroom_articles::ArticleFields {
        headline: "Nộp khi chưa có trang".into(),
        sapo: "Sapo.".into(),
        body: "Thân bài.".into(),
        byline: "Mai Quý".into(),
        dateline: String::new(),
        section: String::new(),
    };
    let waiting = newsroom_articles::create(&conn, &fields, "Mai Quý", Utc::now())
        .unwrap()
        .id;
    let change = Move {
        to: Status::Submitted,
        from: Some(Status::Draft),
        by: "Mai Quý",
        note: "",
    };
    newsroom_articles::set_status(&conn, &waiting, change, Utc::now()).unwrap();
    assert!(enqueue_on_entry(&conn, &waiting, Status::Submitted, Utc::now()).unwrap());
    let draft = newsroom_articles::create(&conn, &fields, "Mai Quý", Utc::now())
        .unwrap()
        .id;
    assert!(jobs(&conn).unwrap().is_empty(), "no site, no job");

    add_backend(&conn, "wordpress", "Báo", "http://127.0.0.1:9", "u", Utc::now()).unwrap();
    let queued = jobs(&conn).unwrap();
    assert_eq!(queued.len(), 1, "{queued:#?}");
    assert_eq!(queued[0].article_id, waiting);
    assert!(queued.iter().all(|j| j.article_id != draft));
    // A second site does not get the first one's pieces again.
    add_backend(
        &conn,
        "wordpress",
        "Báo hai",
        "http://127.0.0.1:9",
        "u",
        Utc::now(),
    )
    .unwrap();
    assert_eq!(jobs(&conn).unwrap().len(), 1);
}
