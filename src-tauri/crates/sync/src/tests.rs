//! Pushes to the real WordPress that `scripts/test` starts (`scripts/wordpress/run`); without
//! one these tests say so and pass, unless NEWSROOM_REQUIRE_WORDPRESS is set (as in CI).

use chrono::Utc;
use serde_json::{json, Value};

use crate::*;

struct Site {
    url: String,
    user: String,
    password: String,
}

fn site() -> Option<Site> {
    let found = (|| {
        Some(Site {
            url: std::env::var("WP_URL").ok()?,
            user: std::env::var("WP_USER").ok()?,
            password: std::env::var("WP_APP_PASSWORD").ok()?,
        })
    })();
    if found.is_none() {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_WORDPRESS").is_none(),
            "scripts/test starts WordPress and sets WP_URL, WP_USER and WP_APP_PASSWORD"
        );
        eprintln!("note: no WordPress running (scripts/wordpress/run start DIR); skipped");
    }
    found
}

struct Newsroom {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    conn: Connection,
    backend: Backend,
}

fn newsroom(site: &Site) -> Newsroom {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let conn = newsroom_store::open_dir(&root).unwrap();
    let backend = add_backend(&conn, "wordpress", "Báo thử", &site.url, &site.user, Utc::now()).unwrap();
    Newsroom {
        _dir: dir,
        root,
        conn,
        backend,
    }
}

/// A photo no other test (or earlier run against the same site) has: the id is drawn into
/// its first row of pixels.
fn jpeg(id: uuid::Uuid) -> Vec<u8> {
    let stamp = id.as_bytes();
    let pixels: Vec<u8> = (0..640u32 * 480)
        .flat_map(|i| {
            let mark = if i < 16 * 8 {
                stamp[(i / 8) as usize]
            } else {
                (i % 251) as u8
            };
            [mark, mark.wrapping_mul(3), 90]
        })
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, 640, 480, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

/// An article with a headline unique to this test run, two captioned photos and a tag.
fn story(n: &Newsroom, title: &str) -> String {
    let unique = uuid::Uuid::now_v7();
    let fields = newsroom_articles::ArticleFields {
        headline: format!("{title} {unique}"),
        sapo: "Sáng nay, Công đoàn cơ sở trao quà cho đoàn viên.".into(),
        body: "Đoạn đầu.\n\nĐoạn hai.".into(),
        byline: "Mai Quý".into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    let article = newsroom_articles::create(&n.conn, &fields, Utc::now()).unwrap();
    let dir = newsroom_photos::photos_dir(&n.root);
    let mut body = fields.body.clone();
    for i in 0..2 {
        let imported = newsroom_photos::import_bytes(
            &n.conn,
            &dir,
            &format!("anh-{i}.jpg"),
            &jpeg(uuid::Uuid::now_v7()),
            Some(&article.id),
            Utc::now(),
        )
        .unwrap();
        let change = newsroom_photos::PhotoEdit {
            description: Some(format!("Đoàn viên nhận quà, ảnh {}", i + 1)),
            credit: Some("Ảnh: Mai Quý".into()),
            alt_text: Some(format!("Một nữ công nhân cầm túi quà, ảnh {}", i + 1)),
            ..Default::default()
        };
        newsroom_photos::edit(&n.conn, &imported.photo.id, &change, Utc::now()).unwrap();
        body.push_str(&format!("\n\n![](photo:{})", imported.photo.id));
    }
    let saved = newsroom_articles::ArticleFields { body, ..fields };
    newsroom_articles::save(
        &n.conn,
        &article.id,
        article.version,
        &saved,
        newsroom_articles::SaveKind::Autosave,
        Utc::now(),
    )
    .unwrap();
    let input = newsroom_entities::EntityInput {
        kind: newsroom_entities::EntityKind::Person,
        name: "Nguyễn Phi Thường".into(),
        aliases: vec![],
        roles: vec![],
        parent: None,
        uri: None,
    };
    let (person, _) = newsroom_entities::upsert(&n.conn, &input, Utc::now()).unwrap();
    newsroom_entities::tag(&n.conn, &article.id, &person, "").unwrap();
    article.id
}

/// Pushes a piece of `n` to the site without watching progress.
fn push(n: &Newsroom, wp: &WordPress, id: &str, status: RemoteStatus) -> Result<PushOutcome> {
    let dir = newsroom_photos::photos_dir(&n.root);
    push_article(&n.conn, &dir, &n.backend, wp, id, status, &|_, _| {})
}

fn raw(site: &Site, path: &str) -> Value {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", site.user, site.password));
    ureq::get(&format!("{}/wp-json/wp/v2{path}", site.url))
        .set("Authorization", &format!("Basic {auth}"))
        .call()
        .unwrap()
        .into_json()
        .unwrap()
}

fn posts_with_marker(site: &Site, article_id: &str) -> usize {
    let marker = push::post_marker(article_id);
    raw(
        site,
        &format!(
            "/posts?context=edit&status=any&search={}",
            marker.replace(':', "%3A")
        ),
    )
    .as_array()
    .unwrap()
    .iter()
    .filter(|p| p["content"]["raw"].as_str().unwrap_or_default().contains(&marker))
    .count()
}

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

/// Replaces the body of a local article, as the reporter typing would.
fn edit_body(n: &Newsroom, id: &str, change: impl Fn(&str) -> String) {
    let article = newsroom_articles::get(&n.conn, id).unwrap();
    let mut fields = article.fields();
    fields.body = change(&fields.body);
    newsroom_articles::save(
        &n.conn,
        id,
        article.version,
        &fields,
        newsroom_articles::SaveKind::Manual,
        Utc::now(),
    )
    .unwrap();
}

/// Changes a post on the site as a desk editor would, a second after the last write
/// (modified_gmt moves in whole seconds).
fn edit_on_site(
    site: &Site,
    wp: &WordPress,
    post: i64,
    change: impl Fn(&str) -> String,
    title: Option<&str>,
) {
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let content = raw(site, &format!("/posts/{post}?context=edit"))["content"]["raw"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut fields = json!({ "content": change(&content) });
    if let Some(title) = title {
        fields["title"] = json!(title);
    }
    wp.update_post(post, fields).unwrap();
}

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
        content.contains("<p>Đoạn đầu, phóng viên bổ sung.</p>\n<p>Đoạn hai, biên tập viên sửa.</p>"),
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
        resolve_conflict(&n.conn, done[0].id, &[], Utc::now()).is_err(),
        "a choice is needed"
    );
    resolve_conflict(&n.conn, done[0].id, &[Choice::Both], Utc::now()).unwrap();
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
    let pulled = pull_pending(&desk.conn, &desk_dir, &desk.backend, &wp).unwrap();
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
    let story_html =
        &content[content.find("-->").unwrap() + 3..content.rfind("<p class=\"byline\">").unwrap()];
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
    let second = pull_pending(&desk.conn, &desk_dir, &desk.backend, &wp).unwrap();
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
    let third = pull_pending(&desk.conn, &desk_dir, &desk.backend, &wp).unwrap();
    let mine = third.iter().find(|p| p.post_id == pushed.post_id).unwrap();
    assert_eq!(mine.outcome, PullOutcome::Updated);
    assert!(newsroom_articles::get(&desk.conn, &copy.id)
        .unwrap()
        .body
        .contains("Đoạn hai, sửa trên trang."));
}

#[test]
fn a_wrong_password_is_a_clear_error_and_changes_nothing() {
    let Some(site) = site() else { return };
    let n = newsroom(&site);
    let wp = WordPress::new(&site.url, &site.user, "sai mật khẩu");
    let id = story(&n, "Sai mật khẩu");
    let err = push(&n, &wp, &id, RemoteStatus::Pending).unwrap_err();
    assert!(matches!(err, SyncError::Unauthorized(_)), "{err}");
    assert_eq!(posts_with_marker(&site, &id), 0);
    assert!(
        newsroom_articles::get(&n.conn, &id).is_ok(),
        "the article is untouched"
    );
}

fn offline_newsroom() -> (tempfile::TempDir, Connection, Backend, String) {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    // Port 9 (discard) refuses connections at once: a site that is down.
    let backend = add_backend(
        &conn,
        "wordpress",
        "Báo thử",
        "http://127.0.0.1:9",
        "redaktor",
        Utc::now(),
    )
    .unwrap();
    let fields = newsroom_articles::ArticleFields {
        headline: "Tin ngoại tuyến".into(),
        ..Default::default()
    };
    let article = newsroom_articles::create(&conn, &fields, Utc::now()).unwrap().id;
    (dir, conn, backend, article)
}

#[test]
fn queueing_twice_keeps_one_open_job_with_the_newer_status() {
    let (_dir, conn, backend, article) = offline_newsroom();
    let a = enqueue(&conn, &article, &backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let b = enqueue(&conn, &article, &backend.id, RemoteStatus::Publish, Utc::now()).unwrap();
    assert_eq!(a, b);
    let all = jobs(&conn).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].state, all[0].target_status.as_str()),
        (JobState::Queued, "publish")
    );
}

#[test]
fn a_job_interrupted_by_a_crash_is_queued_again_at_the_next_start() {
    let (dir, conn, backend, article) = offline_newsroom();
    let id = enqueue(&conn, &article, &backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    conn.execute("UPDATE outbox SET state = 'sending' WHERE id = ?1", [id])
        .unwrap();
    drop(conn);
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    assert_eq!(recover(&conn, Utc::now()).unwrap(), 1);
    assert_eq!(jobs(&conn).unwrap()[0].state, JobState::Queued);
}

#[test]
fn an_unreachable_site_is_retried_later_with_growing_waits_and_nothing_is_lost() {
    let (dir, conn, backend, article) = offline_newsroom();
    enqueue(&conn, &article, &backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let photos = newsroom_photos::photos_dir(dir.path());
    let password = |_: &Backend| -> Result<String> { Ok("mật khẩu".into()) };
    let start = Utc::now();
    let sent = drain(&conn, &photos, &password, &|_, _, _| {}, start, false).unwrap();
    assert_eq!(sent.len(), 1);
    let job = &sent[0];
    assert_eq!(
        (job.state, job.attempts, job.error_code.as_str()),
        (JobState::Queued, 1, "network")
    );
    let next = chrono::DateTime::parse_from_rfc3339(&job.next_attempt_at)
        .unwrap()
        .with_timezone(&Utc);
    let wait = (next - start).num_milliseconds();
    assert!(
        (2_400..=7_700).contains(&wait),
        "first retry after 2.5–7.5 s, not {wait} ms"
    );
    // Not due yet: the worker leaves it alone; `sync run` (force) tries again at once.
    assert!(drain(&conn, &photos, &password, &|_, _, _| {}, start, false)
        .unwrap()
        .is_empty());
    let again = drain(&conn, &photos, &password, &|_, _, _| {}, start, true).unwrap();
    assert_eq!((again[0].state, again[0].attempts), (JobState::Queued, 2));
    assert!(newsroom_articles::get(&conn, &article).is_ok());
}

#[test]
fn waits_grow_to_an_hour_at_most_with_jitter() {
    for attempts in 0..40 {
        let wait = backoff(attempts);
        let base = (5.0 * 2f64.powi(attempts.min(20) as i32)).min(3600.0);
        assert!(
            wait.as_secs_f64() >= base * 0.5 && wait.as_secs_f64() < base * 1.5,
            "{attempts}: {wait:?}"
        );
    }
}

#[test]
fn a_password_goes_to_the_keychain_and_nowhere_else() {
    let id = format!("test-{}", uuid::Uuid::now_v7());
    match store_password(&id, "mật-khẩu-ứng-dụng") {
        Ok(()) => {}
        Err(err) => {
            assert!(
                std::env::var_os("NEWSROOM_REQUIRE_KEYCHAIN").is_none(),
                "scripts/test runs the tests with a Secret Service: {err}"
            );
            eprintln!("note: no keychain here ({err}); skipped");
            return;
        }
    }
    assert_eq!(password(&id).unwrap(), "mật-khẩu-ứng-dụng");
    delete_password(&id).unwrap();
    assert!(matches!(password(&id), Err(SyncError::Keychain(_))));
}

#[test]
fn through_a_network_that_breaks_30_percent_of_requests_every_piece_arrives_exactly_once() {
    let Some(site) = site() else { return };
    let (proxy, counts) = crate::fault_proxy::start(&site.url, 0.3);
    let n = newsroom(&site);
    n.conn
        .execute(
            "UPDATE backends SET url = ?1 WHERE id = ?2",
            params![proxy, n.backend.id],
        )
        .unwrap();
    let dir = newsroom_photos::photos_dir(&n.root);
    let ids: Vec<String> = (0..4)
        .map(|i| story(&n, &format!("Mạng chập chờn {i}")))
        .collect();
    for id in &ids {
        enqueue(&n.conn, id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    }
    let password = |_: &Backend| -> Result<String> { Ok(site.password.clone()) };
    let mut rounds = 0;
    loop {
        rounds += 1;
        drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
        let all = jobs(&n.conn).unwrap();
        assert!(
            all.iter()
                .all(|j| j.state != JobState::Failed && j.state != JobState::Conflict),
            "{all:#?}"
        );
        if all.iter().all(|j| j.state == JobState::Synced) {
            break;
        }
        assert!(rounds < 60, "the outbox never drained: {all:#?}");
    }
    let faults = counts.reset_before.load(std::sync::atomic::Ordering::SeqCst)
        + counts.reset_after.load(std::sync::atomic::Ordering::SeqCst)
        + counts.server_error.load(std::sync::atomic::Ordering::SeqCst)
        + counts.truncated.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!(
        "fault proxy: {} requests, {faults} broken ({} reset before, {} reset after reaching the site, {} 500s, {} cut off), {} delayed; {rounds} rounds",
        counts.requests.load(std::sync::atomic::Ordering::SeqCst),
        counts.reset_before.load(std::sync::atomic::Ordering::SeqCst),
        counts.reset_after.load(std::sync::atomic::Ordering::SeqCst),
        counts.server_error.load(std::sync::atomic::Ordering::SeqCst),
        counts.truncated.load(std::sync::atomic::Ordering::SeqCst),
        counts.delayed.load(std::sync::atomic::Ordering::SeqCst),
    );
    assert!(faults > 0, "the proxy broke nothing, so this proved nothing");
    // Checked on the site directly, not through the proxy: one post per piece, one media
    // item per photo, every caption whole.
    for id in &ids {
        assert_eq!(posts_with_marker(&site, id), 1, "article {id}");
        for photo in newsroom_photos::article_photos(&n.conn, id).unwrap() {
            let slug = push::media_marker(&photo.photo.sha256);
            let found = raw(
                &site,
                &format!("/media?context=edit&per_page=10&search=&slug={slug}"),
            );
            assert_eq!(found.as_array().unwrap().len(), 1, "photo {slug}");
            assert_eq!(found[0]["caption"]["raw"], photo.caption);
        }
    }
}

/// A ninjs receiver, as a newsroom's publishing system would run one: it checks every
/// request's HMAC signature, keeps photos by URL and one item per `uri` (the newest
/// `version`). A real HTTP server (tiny_http); what it does with the bytes is the receiver's
/// side of the protocol in `ninjs_http`.
struct Receiver {
    url: String,
    items: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Value>>>,
    photos: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>>,
    bad_signatures: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

fn receiver(secret: &'static str) -> Receiver {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/ninjs", server.server_addr().to_ip().unwrap());
    let items = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    let photos = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    let bad = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (kept_items, kept_photos, bad_count) = (items.clone(), photos.clone(), bad.clone());
    std::thread::spawn(move || {
        for mut request in server.incoming_requests() {
            let mut body = Vec::new();
            std::io::Read::read_to_end(request.as_reader(), &mut body).unwrap();
            let signed = request
                .headers()
                .iter()
                .find(|h| h.field.equiv(SIGNATURE_HEADER))
                .map(|h| h.value.as_str().to_owned());
            if signed.as_deref() != Some(signature(secret.as_bytes(), &body).as_str()) {
                bad_count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let _ =
                    request.respond(tiny_http::Response::from_string("bad signature").with_status_code(401));
                continue;
            }
            let path = request.url().to_owned();
            match request.method() {
                tiny_http::Method::Put if path.starts_with("/ninjs/photos/") => {
                    kept_photos.lock().unwrap().insert(path, body);
                }
                tiny_http::Method::Post if path == "/ninjs" => {
                    let item: Value = serde_json::from_slice(&body).unwrap();
                    let uri = item["uri"].as_str().unwrap().to_owned();
                    let mut items = kept_items.lock().unwrap();
                    let newer = items.get(&uri).is_none_or(|old: &Value| {
                        old["version"].as_str().unwrap().parse::<i64>().unwrap()
                            <= item["version"].as_str().unwrap().parse::<i64>().unwrap()
                    });
                    if newer {
                        items.insert(uri, item);
                    }
                }
                _ => {
                    let _ = request
                        .respond(tiny_http::Response::from_string("no such place").with_status_code(404));
                    continue;
                }
            }
            let _ = request.respond(tiny_http::Response::from_string("{}").with_status_code(201));
        }
    });
    Receiver {
        url,
        items,
        photos,
        bad_signatures: bad,
    }
}

fn ninjs_newsroom(url: &str) -> Newsroom {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let conn = newsroom_store::open_dir(&root).unwrap();
    let backend = add_backend(&conn, "ninjs_http", "Hệ thống ninjs", url, "", Utc::now()).unwrap();
    Newsroom {
        _dir: dir,
        root,
        conn,
        backend,
    }
}

#[test]
fn ninjs_documents_arrive_signed_photos_first_once_each_through_a_network_that_breaks_30_percent() {
    let site = receiver("bí mật chung");
    let (proxy, counts) = crate::fault_proxy::start(site.url.trim_end_matches("/ninjs"), 0.3);
    let n = ninjs_newsroom(&format!("{proxy}/ninjs"));
    let dir = newsroom_photos::photos_dir(&n.root);
    let ids: Vec<String> = (0..3).map(|i| story(&n, &format!("ninjs {i}"))).collect();
    for id in &ids {
        enqueue(&n.conn, id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    }
    let password = |_: &Backend| -> Result<String> { Ok("bí mật chung".into()) };
    let mut rounds = 0;
    while !jobs(&n.conn).unwrap().iter().all(|j| j.state == JobState::Synced) {
        rounds += 1;
        let sent = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
        assert!(sent.iter().all(|j| j.state != JobState::Failed), "{sent:#?}");
        assert!(rounds < 60, "the outbox never drained");
    }
    // 3 documents and 6 photos at least; 30 % of the requests were broken on the way.
    assert!(counts.requests.load(std::sync::atomic::Ordering::SeqCst) > 9);
    assert_eq!(site.bad_signatures.load(std::sync::atomic::Ordering::SeqCst), 0);

    let items = site.items.lock().unwrap();
    let photos = site.photos.lock().unwrap();
    assert_eq!(items.len(), 3, "one item per piece");
    assert_eq!(photos.len(), 6, "each photo once");
    for id in &ids {
        let item = &items[&newsroom_ninjs::local_uri("article", id)];
        assert_eq!(item["pubstatus"], "withheld");
        assert_eq!(item["people"][0]["name"], "Nguyễn Phi Thường");
        let pictures = item["associations"].as_array().unwrap();
        assert_eq!(pictures.len(), 2);
        for picture in pictures {
            let href = picture["renditions"][0]["href"].as_str().unwrap();
            let path = href
                .split_once("/ninjs/")
                .map(|(_, p)| format!("/ninjs/{p}"))
                .unwrap();
            assert!(
                photos.contains_key(&path),
                "the photo {href} arrived before the document"
            );
            assert!(picture["descriptions"][0]["value"]
                .as_str()
                .unwrap()
                .starts_with("Đoàn viên nhận quà"));
        }
        assert!(item["bodies"][0]["value"]
            .as_str()
            .unwrap()
            .contains(&site.url.replace(site.url.trim_end_matches("/ninjs"), &proxy)));
    }
}

#[test]
fn a_ninjs_receiver_that_refuses_the_signature_stops_the_job_with_a_clear_reason() {
    let site = receiver("bí mật đúng");
    let n = ninjs_newsroom(&site.url);
    let dir = newsroom_photos::photos_dir(&n.root);
    let id = story(&n, "Sai khóa");
    enqueue(&n.conn, &id, &n.backend.id, RemoteStatus::Pending, Utc::now()).unwrap();
    let password = |_: &Backend| -> Result<String> { Ok("bí mật sai".into()) };
    let sent = drain(&n.conn, &dir, &password, &|_, _, _| {}, Utc::now(), true).unwrap();
    assert_eq!(
        (sent[0].state, sent[0].error_code.as_str()),
        (JobState::Failed, "unauthorized")
    );
    assert!(site.items.lock().unwrap().is_empty());
    assert!(site.bad_signatures.load(std::sync::atomic::Ordering::SeqCst) > 0);
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
    let pulled = pull_pending(
        &desk.conn,
        &newsroom_photos::photos_dir(&desk.root),
        &desk.backend,
        &wp,
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
