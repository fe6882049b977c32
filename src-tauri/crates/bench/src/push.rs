//! Publishing: articles with photos pushed to a WordPress site, then pulled into a second store.

use std::time::Instant;

use chrono::Utc;
use newsroom_api::{ApiError, ArticleFields};

use crate::content::*;
use crate::measure::*;
use crate::photos::camera_jpeg;

/// The private site's address and account, from the environment `scripts/wordpress/run` writes.
pub(crate) fn site() -> Result<(String, String, String), ApiError> {
    let env = |name: &str| {
        std::env::var(name).map_err(|_| {
            internal(format!(
                "set {name} (scripts/wordpress/run start DIR writes DIR/env)"
            ))
        })
    };
    Ok((env("WP_URL")?, env("WP_USER")?, env("WP_APP_PASSWORD")?))
}

/// Stories of 600 words, each with `photos` captioned 1600×1067 camera photos no earlier run
/// has sent (`run` is drawn into them).
pub(crate) fn pieces_with_photos(
    conn: &rusqlite::Connection,
    photos_dir: &std::path::Path,
    articles: usize,
    photos: usize,
    run: u64,
) -> Result<Vec<String>, ApiError> {
    let mut ids = Vec::with_capacity(articles);
    for a in 0..articles {
        let fields = ArticleFields {
            headline: format!("Bài thử tốc độ {run} số {a}"),
            sapo: "Sapo của bài thử tốc độ.".into(),
            body: vietnamese_article(600),
            byline: "Mai Quý".into(),
            dateline: "Hà Nội".into(),
            section: "Thời sự".into(),
        };
        let article = newsroom_articles::create(conn, &fields, "tester", Utc::now()).map_err(internal)?;
        for p in 0..photos {
            let bytes = camera_jpeg(1600, 1067, run ^ ((a * 31 + p) as u64 + 1));
            let imported = newsroom_photos::import_bytes(
                conn,
                photos_dir,
                "anh.jpg",
                &bytes,
                Some(&article.id),
                Utc::now(),
            )
            .map_err(internal)?;
            let change = newsroom_photos::PhotoEdit {
                description: Some(format!("Ảnh {p} của bài {a}")),
                credit: Some("Ảnh: Mai Quý".into()),
                alt_text: Some("Hội trường đông người".into()),
                ..Default::default()
            };
            newsroom_photos::edit(conn, &imported.photo.id, &change, Utc::now()).map_err(internal)?;
        }
        ids.push(article.id);
    }
    Ok(ids)
}

pub(crate) fn bench_push(articles: usize, photos: usize) -> Result<(), ApiError> {
    let (url, user, password) = site()?;
    let dir = tempfile::tempdir().map_err(internal)?;
    let conn = newsroom_store::open_dir(dir.path()).map_err(internal)?;
    let photos_dir = newsroom_photos::photos_dir(dir.path());
    let backend =
        newsroom_sync::add_backend(&conn, "wordpress", "bench", &url, &user, Utc::now()).map_err(internal)?;
    let run = uuid_like();
    let ids = pieces_with_photos(&conn, &photos_dir, articles, photos, run)?;
    let wp = newsroom_sync::WordPress::new(&url, &user, &password);
    let (wall, cpu) = (Instant::now(), cpu_time());
    let mut each = Vec::with_capacity(articles);
    for id in &ids {
        let t = Instant::now();
        newsroom_sync::push_article(
            &conn,
            &photos_dir,
            &backend,
            &wp,
            id,
            newsroom_sync::RemoteStatus::Pending,
            &|_, _| {},
        )
        .map_err(internal)?;
        each.push(t.elapsed());
    }
    let (wall, cpu) = (wall.elapsed(), cpu_time() - cpu);
    println!(
        "push: {articles} articles × {photos} photos to {url}: {:.1} s wall, {} per article (median); client CPU {:.1} s = {:.1} % of the wall time",
        wall.as_secs_f64(),
        ms(median(each)),
        cpu.as_secs_f64(),
        100.0 * cpu.as_secs_f64() / wall.as_secs_f64()
    );

    // A desk editor's machine pulls every pending post: body back to Markdown, photos
    // downloaded and imported, tags and section.
    let desk_dir = tempfile::tempdir().map_err(internal)?;
    let desk = newsroom_store::open_dir(desk_dir.path()).map_err(internal)?;
    let desk_backend =
        newsroom_sync::add_backend(&desk, "wordpress", "bench", &url, &user, Utc::now()).map_err(internal)?;
    let (wall, cpu) = (Instant::now(), cpu_time());
    let pulled = newsroom_sync::pull_site(
        &desk,
        &newsroom_photos::photos_dir(desk_dir.path()),
        &desk_backend,
        &wp,
        newsroom_sync::PullScope::DeskQueue,
    )
    .map_err(internal)?;
    let (wall, cpu) = (wall.elapsed(), cpu_time() - cpu);
    let photos_pulled: usize = pulled.iter().map(|p| p.photos).sum();
    let html = newsroom_markdown::render(&vietnamese_article(600));
    let mut convert = Vec::with_capacity(31);
    for _ in 0..31 {
        let t = Instant::now();
        std::hint::black_box(newsroom_markdown::html_to_markdown(&html, &Default::default()));
        convert.push(t.elapsed());
    }
    println!(
        "pull: {} pending posts with {photos_pulled} photos: {:.1} s wall ({} per post); client CPU {:.1} s = {:.1} %; HTML → Markdown of a 600-word story {} (median of 31)",
        pulled.len(),
        wall.as_secs_f64(),
        ms(wall / pulled.len().max(1) as u32),
        cpu.as_secs_f64(),
        100.0 * cpu.as_secs_f64() / wall.as_secs_f64(),
        ms(median(convert))
    );
    Ok(())
}
