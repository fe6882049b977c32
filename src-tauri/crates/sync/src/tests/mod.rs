//! Pushes to the real WordPress that `scripts/test` starts (`scripts/wordpress/run`); without
//! one these tests say so and pass, unless NEWSROOM_REQUIRE_WORDPRESS is set (as in CI).

use chrono::Utc;
use serde_json::{json, Value};

use crate::*;

mod after_publication;
mod desk;
mod duplicates;
mod merging;
mod names;
mod ninjs_receiver;
mod parity;
mod pulling;
mod pushing;
mod sections;
mod sending;
mod stalls;
mod taking_down;

pub(super) struct Site {
    pub(super) url: String,
    pub(super) user: String,
    pub(super) password: String,
}

pub(super) fn site() -> Option<Site> {
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

pub(super) struct Newsroom {
    pub(super) _dir: tempfile::TempDir,
    pub(super) root: std::path::PathBuf,
    pub(super) conn: Connection,
    pub(super) backend: Backend,
}

pub(super) fn newsroom(site: &Site) -> Newsroom {
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
pub(super) fn jpeg(id: uuid::Uuid) -> Vec<u8> {
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
pub(super) fn story(n: &Newsroom, title: &str) -> String {
    let unique = uuid::Uuid::now_v7();
    let fields = newsroom_articles::ArticleFields {
        headline: format!("{title} {unique}"),
        sapo: "Sáng nay, Công đoàn cơ sở trao quà cho đoàn viên.".into(),
        body: "Đoạn đầu.\n\nĐoạn hai.".into(),
        byline: "Mai Quý".into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    let article = newsroom_articles::create(&n.conn, &fields, "tester", Utc::now()).unwrap();
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
        "tester",
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
pub(super) fn push(n: &Newsroom, wp: &WordPress, id: &str, status: RemoteStatus) -> Result<PushOutcome> {
    let dir = newsroom_photos::photos_dir(&n.root);
    push_article(&n.conn, &dir, &n.backend, wp, id, status, &|_, _| {})
}

pub(super) fn raw(site: &Site, path: &str) -> Value {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", site.user, site.password));
    ureq::get(&format!("{}/wp-json/wp/v2{path}", site.url))
        .set("Authorization", &format!("Basic {auth}"))
        .call()
        .unwrap()
        .into_json()
        .unwrap()
}

pub(super) fn posts_with_marker(site: &Site, article_id: &str) -> usize {
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

/// Replaces the body of a local article, as the reporter typing would.
pub(super) fn edit_body(n: &Newsroom, id: &str, change: impl Fn(&str) -> String) {
    let article = newsroom_articles::get(&n.conn, id).unwrap();
    let mut fields = article.fields();
    fields.body = change(&fields.body);
    newsroom_articles::save(
        &n.conn,
        id,
        article.version,
        &fields,
        newsroom_articles::SaveKind::Manual,
        "tester",
        Utc::now(),
    )
    .unwrap();
}

/// Changes a post on the site as a desk editor would, a second after the last write
/// (modified_gmt moves in whole seconds).
pub(super) fn edit_on_site(
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
