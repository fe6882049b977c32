//! Pushing to the real WordPress: a piece arrives whole, and a retry after a crash finds what
//! the first attempt made.

#![allow(unused_imports)]

use chrono::Utc;
use serde_json::{json, Value};

use super::*;

#[test]
fn a_pushed_article_arrives_with_its_photos_captions_tags_and_status() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    assert_eq!(wp.me().unwrap(), site.user);
    let id = story(&n, "Trao quà");
    let dir = newsroom_photos::photos_dir(&n.root);

    let heard = std::cell::RefCell::new(Vec::new());
    let first = push_article(
        &n.conn,
        &dir,
        &n.backend,
        &wp,
        &id,
        RemoteStatus::Pending,
        &|sent, total| heard.borrow_mut().push((sent, total)),
    )
    .unwrap();
    assert!(first.created);
    assert_eq!(first.media_uploaded, 2);
    // The progress of the photo bytes climbs to a fixed total.
    let heard = heard.into_inner();
    let total = heard[0].1;
    assert!(total > 2 * 10_000, "{heard:?}");
    assert!(heard.iter().all(|&(_, t)| t == total));
    assert!(heard.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(heard.last().unwrap().0, total);
    let post = raw(&site, &format!("/posts/{}?context=edit", first.post_id));
    assert_eq!(post["status"], "pending");
    assert!(post["title"]["raw"].as_str().unwrap().starts_with("Trao quà"));
    assert_eq!(
        post["excerpt"]["raw"],
        "Sáng nay, Công đoàn cơ sở trao quà cho đoàn viên."
    );
    let content = post["content"]["raw"].as_str().unwrap();
    assert_eq!(
        content.matches("<figure class=\"photo\">").count(),
        2,
        "{content}"
    );
    assert!(
        content.contains("Đoàn viên nhận quà, ảnh 1 <span class=\"credit\">(Ảnh: Mai Quý)</span>"),
        "{content}"
    );
    assert!(
        content.contains("/wp-content/uploads/"),
        "figures point at the uploaded media: {content}"
    );
    assert!(
        content.contains("<p class=\"byline\"><strong>Mai Quý</strong></p>"),
        "{content}"
    );
    let tag_names: Vec<String> = post["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            raw(&site, &format!("/tags/{t}"))["name"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(tag_names, ["Nguyễn Phi Thường"]);
    let category = &post["categories"][0];
    assert_eq!(
        raw(&site, &format!("/categories/{category}"))["name"],
        "Công đoàn"
    );

    let lead = post["featured_media"].as_i64().unwrap();
    let media = raw(&site, &format!("/media/{lead}?context=edit"));
    assert_eq!(media["caption"]["raw"], "Đoàn viên nhận quà, ảnh 1");
    assert_eq!(media["alt_text"], "Một nữ công nhân cầm túi quà, ảnh 1");
    assert_eq!(media["post"], json!(first.post_id));
    // WordPress's own reading of the file: our IIM, in UTF-8.
    assert_eq!(
        media["media_details"]["image_meta"]["caption"],
        "Đoàn viên nhận quà, ảnh 1"
    );
    assert_eq!(media["media_details"]["image_meta"]["credit"], "Ảnh: Mai Quý");

    // Publishing updates the same post; nothing is uploaded again.
    let again = push(&n, &wp, &id, RemoteStatus::Publish).unwrap();
    assert_eq!(
        (again.post_id, again.created, again.media_uploaded),
        (first.post_id, false, 0)
    );
    assert_eq!(
        raw(&site, &format!("/posts/{}?context=edit", first.post_id))["status"],
        "publish"
    );
    assert_eq!(posts_with_marker(&site, &id), 1);
}

#[test]
fn a_retry_after_a_crash_finds_what_the_first_attempt_created() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let id = story(&n, "Thử gửi lại");
    let first = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();

    // The crash: every request reached the site, but no answer was recorded.
    forget_remote_id(&n.conn, &n.backend.id, "article", &id).unwrap();
    for photo in newsroom_photos::article_photos(&n.conn, &id).unwrap() {
        forget_remote_id(&n.conn, &n.backend.id, "photo", &photo.photo.id).unwrap();
    }
    let retry = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();
    assert_eq!(
        retry.post_id, first.post_id,
        "the post is found by its marker, not created again"
    );
    assert!(!retry.created);
    assert_eq!(
        retry.media_uploaded, 0,
        "the photos are found by their slugs, not uploaded again"
    );
    assert_eq!(posts_with_marker(&site, &id), 1);
}
