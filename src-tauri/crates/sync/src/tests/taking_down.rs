//! What the app says about a piece is what the site has: a published piece spiked is taken off
//! the site (gone for readers, kept for editors), a failed send is a refusal with its reason,
//! and nothing is "on the site" before the site confirmed it.

use newsroom_articles::{ArticleError, Move, Status};

use super::*;

fn moved(n: &Newsroom, id: &str, to: Status, note: &str) -> Result<()> {
    let change = Move {
        to,
        from: None,
        by: "Trần Biên",
        note,
    };
    newsroom_store::write(&n.conn, |tx| {
        newsroom_articles::set_status(tx, id, change, Utc::now())?;
        enqueue_on_entry(tx, id, to, Utc::now())?;
        Ok(())
    })
}

fn send(n: &Newsroom, site: &Site) -> Vec<SyncJob> {
    let password = |_: &Backend| -> Result<String> { Ok(site.password.clone()) };
    let dir = newsroom_photos::photos_dir(&n.root);
    drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap()
}

/// The answer an anonymous reader gets for a URL of the site.
fn anonymous_status(url: &str) -> u16 {
    match ureq::get(url).call() {
        Ok(response) => response.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(other) => panic!("{url}: {other}"),
    }
}

#[test]
fn a_published_piece_spiked_with_a_reason_is_taken_off_the_site_and_says_so_only_then() {
    let Some(site) = site() else { return };
    let desk = newsroom(&site);
    let id = story(&desk, "Gỡ khỏi trang");
    for to in [
        Status::Submitted,
        Status::InReview,
        Status::Approved,
        Status::Published,
    ] {
        moved(&desk, &id, to, "").unwrap();
    }
    assert_eq!(send_state(&desk.conn, &id).unwrap().stage, SendStage::Sending);
    let sent = send(&desk, &site);
    assert!(sent.iter().all(|j| j.state == JobState::Synced), "{sent:#?}");
    let state = send_state(&desk.conn, &id).unwrap();
    assert_eq!(
        (state.stage, state.site_status.as_str(), state.changed_since),
        (SendStage::OnSite, "publish", false)
    );
    // An edit here is not on the site until it is sent.
    edit_body(&desk, &id, |b| format!("{b}\n\nĐoạn thêm sau khi đăng."));
    assert!(send_state(&desk.conn, &id).unwrap().changed_since);
    let post = remote_item(&desk.conn, &desk.backend.id, "article", &id)
        .unwrap()
        .unwrap()
        .remote_id
        .unwrap();
    let public = format!("{}/?p={post}", site.url);
    assert_eq!(anonymous_status(&public), 200, "published: readers see it");

    // Spiking a published piece needs a reason, and takes it off the site.
    // The answer is printed when it is not the one expected: this assertion failed once in a
    // rehearsal on a loaded machine and passed on every run since, with nothing else to go on.
    let blank = moved(&desk, &id, Status::Spiked, " ");
    assert!(
        matches!(blank, Err(SyncError::Article(ArticleError::NoteRequired))),
        "{blank:?}"
    );
    moved(&desk, &id, Status::Spiked, "Sai số liệu, chờ xác minh").unwrap();
    let waiting = send_state(&desk.conn, &id).unwrap();
    assert_eq!(
        waiting.stage,
        SendStage::Sending,
        "not taken down before the site says so"
    );
    assert_eq!(
        raw(&site, &format!("/posts/{post}?context=edit"))["status"],
        "publish"
    );

    let sent = send(&desk, &site);
    assert!(sent.iter().all(|j| j.state == JobState::Synced), "{sent:#?}");
    let on_site = raw(&site, &format!("/posts/{post}?context=edit"));
    assert_eq!(
        on_site["status"], "draft",
        "kept for the site's editors, not public"
    );
    assert_eq!(anonymous_status(&public), 404, "gone for readers");
    assert_eq!(
        anonymous_status(&format!("{}/wp-json/wp/v2/posts/{post}", site.url)),
        401,
        "gone from the public API"
    );
    let feed = ureq::get(&format!("{}/?feed=rss2", site.url))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let headline = newsroom_articles::get(&desk.conn, &id).unwrap().headline;
    assert!(!feed.contains(&headline), "gone from the feed");
    let state = send_state(&desk.conn, &id).unwrap();
    assert_eq!(
        (state.stage, state.site_status.as_str()),
        (SendStage::OnSite, "draft")
    );
    let history = newsroom_articles::status_history(&desk.conn, &id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.to, last.note.as_str()),
        (Status::Spiked, "Sai số liệu, chờ xác minh")
    );
}

#[test]
fn a_piece_no_site_has_is_spiked_without_a_send_and_a_refused_send_says_why() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let id = story(&n, "Chưa từng gửi");
    assert_eq!(send_state(&n.conn, &id).unwrap().stage, SendStage::NotSent);
    moved(&n, &id, Status::Spiked, "").unwrap();
    assert!(
        jobs(&n.conn).unwrap().is_empty(),
        "nothing to take down where it never was"
    );

    // A site that refuses the password: the piece is submitted here, and its send state says
    // it was refused and why, with the job to send again.
    let other = newsroom(&Site {
        url: site.url.clone(),
        user: site.user.clone(),
        password: "sai mật khẩu".into(),
    });
    let id = story(&other, "Gửi không được");
    moved(&other, &id, Status::Submitted, "").unwrap();
    let wrong = Site {
        url: site.url.clone(),
        user: site.user.clone(),
        password: "sai mật khẩu".into(),
    };
    send(&other, &wrong);
    let state = send_state(&other.conn, &id).unwrap();
    assert_eq!(state.stage, SendStage::Refused);
    assert_eq!(state.error_code, "unauthorized");
    assert!(state.job_id.is_some());
    assert_eq!(
        unsent_count(&other.conn).unwrap(),
        1,
        "the queues count the refused piece"
    );
    let listed = send_states(&other.conn, &[id.clone(), "đã xóa".into()]).unwrap();
    assert_eq!(listed.len(), 1, "a piece gone meanwhile is left out");
    assert_eq!(
        (listed[0].article_id.as_str(), listed[0].stage),
        (id.as_str(), SendStage::Refused)
    );
    assert_eq!(
        newsroom_articles::get(&other.conn, &id).unwrap().status,
        Status::Submitted
    );
}

/// The desk publishes a reporter's piece, then spikes it with a reason: the reporter's machine
/// shows it published, then spiked and taken off the site, with the reason in its history.
#[test]
fn both_machines_show_a_piece_taken_off_the_site() {
    use super::desk::{local_of, piece, post_of, reporter_and_desk};
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    let mine = piece(&reporter, "Gỡ trên cả hai máy");
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    let post = post_of(&reporter, &mine);
    desk.pull_until("the submitted piece", |m| local_of(m, post).is_some());
    let theirs = local_of(&desk, post).unwrap();
    for to in [Status::InReview, Status::Approved, Status::Published] {
        desk.move_to(&theirs, to, "Trần Minh", "");
    }
    desk.send();
    assert_eq!(
        raw(&site().unwrap(), &format!("/posts/{post}?context=edit"))["status"],
        "publish"
    );
    reporter.pull_until("published", |m| m.status(&mine) == Status::Published);
    let seen = send_state(&reporter.n.conn, &mine).unwrap();
    assert_eq!(
        (seen.stage, seen.site_status.as_str()),
        (SendStage::OnSite, "publish")
    );

    desk.move_to(&theirs, Status::Spiked, "Trần Minh", "Sai số liệu");
    desk.send();
    reporter.pull_until("spiked", |m| m.status(&mine) == Status::Spiked);
    let seen = send_state(&reporter.n.conn, &mine).unwrap();
    assert_eq!(
        (seen.stage, seen.site_status.as_str()),
        (SendStage::OnSite, "draft"),
        "the reporter's machine says it is off the site"
    );
    let history = newsroom_articles::status_history(&reporter.n.conn, &mine).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.to, last.note.as_str(), last.changed_by.as_str()),
        (Status::Spiked, "Sai số liệu", "Trần Minh")
    );
}
