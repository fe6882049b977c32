//! Pulling pending posts into the store.

use serde_json::json;

use super::*;

#[test]
fn a_pending_post_is_pulled_with_its_photos_captions_and_tags_once() {
    let Some(site) = site() else { return };
    let reporter = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let id = story(&reporter, "Kéo về bàn biên tập");
    let reporter_dir = newsroom_photos::photos_dir(&reporter.root);
    let pushed = push_article(
        &reporter.conn,
        &reporter_dir,
        &reporter.backend,
        &wp,
        &id,
        RemoteStatus::Pending,
        &|_, _| {},
    )
    .unwrap();

    let desk = newsroom(&site);
    let desk_dir = newsroom_photos::photos_dir(&desk.root);
    let pulled = pull_site(&desk.conn, &desk_dir, &desk.backend, &wp, PullScope::DeskQueue).unwrap();
    let mine = pulled
        .iter()
        .find(|p| p.post_id == pushed.post_id)
        .expect("the post is pulled");
    assert_eq!((mine.outcome, mine.photos), (PullOutcome::Created, 2));

    let original = newsroom_articles::get(&reporter.conn, &id).unwrap();
    let copy = newsroom_articles::get(&desk.conn, &mine.article_id).unwrap();
    assert_eq!(copy.headline, original.headline);
    assert_eq!(copy.sapo, original.sapo);
    assert_eq!(copy.byline, "Mai Quý");
    assert_eq!(copy.section, "Công đoàn");
    assert_eq!(copy.status, newsroom_articles::Status::Submitted);
    let tags: Vec<_> = newsroom_entities::article_tags(&desk.conn, &copy.id)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(tags, ["Nguyễn Phi Thường"]);
    let photos = newsroom_photos::article_photos(&desk.conn, &copy.id).unwrap();
    assert_eq!(photos.len(), 2);
    for (i, photo) in photos.iter().enumerate() {
        assert_eq!(photo.caption, format!("Đoàn viên nhận quà, ảnh {}", i + 1));
        assert_eq!(photo.photo.credit, "Ảnh: Mai Quý");
        assert_eq!(
            photo.photo.alt_text,
            format!("Một nữ công nhân cầm túi quà, ảnh {}", i + 1)
        );
        assert!(
            copy.body.contains(&format!("![](photo:{})", photo.photo.id)),
            "{}",
            copy.body
        );
    }
    assert!(photos[0].is_lead);

    // Rendering the pulled Markdown with the site's photos gives the post's HTML.
    let post = raw(&site, &format!("/posts/{}?context=edit", pushed.post_id));
    let content = post["content"]["raw"].as_str().unwrap();
    // The story without the byline and the marker the push put inside its first element.
    let story_html = content[..content.rfind("<p class=\"byline\">").unwrap()]
        .replace(&format!("<!-- {} -->", push::post_marker(&id)), "");
    let story_html = story_html.as_str();
    let urls = push::uploaded_photos(&desk.conn, &desk.backend.id).unwrap();
    let figure = |photo_id: &str| {
        let (url, _) = urls.iter().find(|(_, id)| id.as_str() == photo_id)?;
        let item = photos.iter().find(|p| p.photo.id == photo_id)?;
        Some(newsroom_markdown::Figure {
            src: url.clone(),
            alt: item.photo.alt_text.clone(),
            caption: item.caption.clone(),
            credit: item.photo.credit.clone(),
            width: item.photo.width,
            height: item.photo.height,
        })
    };
    let again = newsroom_markdown::render_with_photos(&copy.body, &figure);
    assert!(
        newsroom_markdown::same_html(&again, story_html),
        "{again}\n\n{story_html}"
    );

    // Pulling again changes nothing and copies nothing twice.
    let second = pull_site(&desk.conn, &desk_dir, &desk.backend, &wp, PullScope::DeskQueue).unwrap();
    let mine = second.iter().find(|p| p.post_id == pushed.post_id).unwrap();
    assert_eq!(mine.outcome, PullOutcome::Unchanged);
    let copies = newsroom_articles::list(&desk.conn)
        .unwrap()
        .into_iter()
        .filter(|a| a.headline == original.headline)
        .count();
    assert_eq!(copies, 1);

    // An edit made on the site is merged into the desk's copy at the next pull.
    edit_on_site(
        &site,
        &wp,
        pushed.post_id,
        |c| c.replace("<p>Đoạn hai.</p>", "<p>Đoạn hai, sửa trên trang.</p>"),
        None,
    );
    let third = pull_site(&desk.conn, &desk_dir, &desk.backend, &wp, PullScope::DeskQueue).unwrap();
    let mine = third.iter().find(|p| p.post_id == pushed.post_id).unwrap();
    assert_eq!(mine.outcome, PullOutcome::Updated);
    assert!(newsroom_articles::get(&desk.conn, &copy.id)
        .unwrap()
        .body
        .contains("Đoạn hai, sửa trên trang."));
}

#[test]
fn a_pulled_post_with_a_broken_photo_still_arrives_and_says_what_was_left() {
    let Some(site) = site() else { return };
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    // A JPEG cut off halfway, as a bad upload from a phone leaves on a site.
    let whole = jpeg(uuid::Uuid::now_v7());
    let marker = format!("hong-{}", uuid::Uuid::now_v7());
    let broken = wp
        .upload_media(&marker, &whole[..whole.len() / 3], &|_| {})
        .unwrap();
    let title = format!("Ảnh hỏng {}", uuid::Uuid::now_v7());
    let post = wp
        .create_post(json!({
            "title": title,
            "excerpt": "Sapo.",
            "content": format!("<p>Đoạn đầu.</p><figure class=\"photo\"><img src=\"{}\" alt=\"\" /></figure>", broken.source_url),
            "status": "pending",
            "featured_media": broken.id,
        }))
        .unwrap();
    wp.update_media(broken.id, json!({ "post": post.id })).unwrap();

    let desk = newsroom(&site);
    let pulled = pull_site(
        &desk.conn,
        &newsroom_photos::photos_dir(&desk.root),
        &desk.backend,
        &wp,
        PullScope::DeskQueue,
    )
    .unwrap();
    let mine = pulled
        .iter()
        .find(|p| p.post_id == post.id)
        .expect("the post is pulled");
    assert_eq!(
        (mine.outcome, mine.photos, mine.photos_skipped),
        (PullOutcome::Created, 0, 1)
    );
    let article = newsroom_articles::get(&desk.conn, &mine.article_id).unwrap();
    assert_eq!(article.headline, title);
    assert!(article.body.starts_with("Đoạn đầu."), "{}", article.body);
    assert!(
        article.body.contains(&broken.source_url),
        "the photo stays on the site: {}",
        article.body
    );
}

/// A newsroom's machines pull every minute: a scheduled pull costs the site one request (the
/// feed of changed reviews) while what rarely changes (the plugin, the sections, the rights)
/// is asked once a quarter of an hour, by every pull asked by hand, and again right after a
/// pull that failed.
#[test]
fn scheduled_pulls_ask_the_site_what_rarely_changes_once_a_quarter_of_an_hour() {
    use crate::pull::pull_site_checking;
    use crate::SiteChecks::{Always, WhenStale};
    let Some(site) = site() else { return };
    let machine = newsroom(&site);
    let photos = newsroom_photos::photos_dir(&machine.root);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let requests = |checks| {
        let before = wp.answered();
        pull_site_checking(
            &machine.conn,
            &photos,
            &machine.backend,
            &wp,
            PullScope::Known,
            checks,
        )
        .unwrap();
        wp.answered() - before
    };
    // The first asks everything: the plugin's about, the sections, the account, the feed.
    assert_eq!(requests(WhenStale), 4);
    assert_eq!(requests(WhenStale), 1);
    assert_eq!(requests(WhenStale), 1);
    assert_eq!(requests(Always), 4);
    assert_eq!(requests(WhenStale), 1);
    // A revoked password makes a scheduled pull fail; the next one asks everything again.
    let revoked = WordPress::new(&site.url, &site.user, "sai mật khẩu");
    assert!(pull_site_checking(
        &machine.conn,
        &photos,
        &machine.backend,
        &revoked,
        PullScope::Known,
        WhenStale
    )
    .is_err());
    assert_eq!(requests(WhenStale), 4);
    assert!(!crate::site_sections(&machine.conn).unwrap().is_empty());
}
