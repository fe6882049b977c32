//! Edits on the site and here: merged passage by passage, or left for the user.

use chrono::Utc;

use super::*;

#[test]
fn edits_on_the_site_and_here_in_different_passages_are_merged() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let id = story(&n, "Gộp ba chiều");
    let first = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();

    edit_on_site(
        &site,
        &wp,
        first.post_id,
        |c| c.replace("<p>Đoạn hai.</p>", "<p>Đoạn hai, biên tập viên sửa.</p>"),
        Some("Tiêu đề do biên tập viên sửa"),
    );
    edit_body(&n, &id, |b| {
        b.replace("Đoạn đầu.", "Đoạn đầu, phóng viên bổ sung.")
    });
    let second = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();
    assert_eq!(second.post_id, first.post_id);

    let article = newsroom_articles::get(&n.conn, &id).unwrap();
    assert_eq!(article.headline, "Tiêu đề do biên tập viên sửa");
    assert!(
        article
            .body
            .starts_with("Đoạn đầu, phóng viên bổ sung.\n\nĐoạn hai, biên tập viên sửa.\n\n![](photo:"),
        "{}",
        article.body
    );
    let post = raw(&site, &format!("/posts/{}?context=edit", first.post_id));
    assert_eq!(post["title"]["raw"], "Tiêu đề do biên tập viên sửa");
    let content = post["content"]["raw"].as_str().unwrap();
    assert!(
        content.contains("Đoạn đầu, phóng viên bổ sung.</p>\n<p>Đoạn hai, biên tập viên sửa.</p>"),
        "{content}"
    );
    assert_eq!(
        content.matches("<figure class=\"photo\">").count(),
        2,
        "the photos are still placed: {content}"
    );
}

#[test]
fn the_same_passage_changed_on_both_sides_waits_for_the_user_and_nothing_is_overwritten() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let id = story(&n, "Xung đột");
    let dir = newsroom_photos::photos_dir(&n.root);
    let first = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();

    edit_on_site(
        &site,
        &wp,
        first.post_id,
        |c| c.replace("<p>Đoạn hai.</p>", "<p>Đoạn hai, bản biên tập.</p>"),
        None,
    );
    edit_body(&n, &id, |b| b.replace("Đoạn hai.", "Đoạn hai, bản phóng viên."));
    let err = push(&n, &wp, &id, RemoteStatus::Pending).unwrap_err();
    assert!(matches!(err, SyncError::Conflict { .. }), "{err}");
    let post = raw(&site, &format!("/posts/{}?context=edit", first.post_id));
    assert!(post["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("Đoạn hai, bản biên tập."));

    // Through the outbox, as the app does it: the job stops in conflict, the user picks.
    let secret = site.password.clone();
    let password = move |_: &Backend| Ok(secret.clone());
    enqueue(&n.conn, &id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let done = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
    assert_eq!(done[0].state, JobState::Conflict);
    let passages = conflict_passages(&n.conn, done[0].id).unwrap();
    let open: Vec<_> = passages.iter().filter(|p| p.text.is_none()).collect();
    assert_eq!(open.len(), 1, "{passages:?}");
    assert_eq!(
        (
            open[0].base.as_str(),
            open[0].local.as_str(),
            open[0].remote.as_str()
        ),
        (
            "Đoạn hai.",
            "Đoạn hai, bản phóng viên.",
            "Đoạn hai, bản biên tập."
        )
    );
    assert!(
        resolve_conflict(&n.conn, done[0].id, &[], "tester", Utc::now()).is_err(),
        "a choice is needed"
    );
    resolve_conflict(&n.conn, done[0].id, &[Choice::Both], "tester", Utc::now()).unwrap();
    let done = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
    assert_eq!(done[0].state, JobState::Synced, "{:?}", done[0]);
    let content = raw(&site, &format!("/posts/{}?context=edit", first.post_id))["content"]["raw"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        content.contains("<p>Đoạn hai, bản phóng viên.</p>\n<p>Đoạn hai, bản biên tập.</p>"),
        "{content}"
    );
    assert_eq!(posts_with_marker(&site, &id), 1);
}
