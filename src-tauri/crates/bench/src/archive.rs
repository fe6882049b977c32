//! An archive at the scale a daily paper reaches in a few years, and the list and search the
//! desk uses on it. The store is the one NEWSROOM_DATA_DIR names (the app's, or a copy).

use std::time::{Duration, Instant};

use chrono::{TimeDelta, Utc};
use newsroom_api::{Api, ApiError, ArticleFields, ListQuery, OpenOptions, Status};

use crate::content::person_name;
use crate::measure::*;
use crate::prose::Prose;

const SECTIONS: &[&str] = &[
    "Công đoàn",
    "Thời sự",
    "Kinh tế",
    "Pháp luật",
    "Văn hóa",
    "Thể thao",
    "Y tế",
    "Giáo dục",
    "Địa phương",
];

fn store_bytes(dir: &std::path::Path) -> u64 {
    ["newsroom.sqlite3", "newsroom.sqlite3-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum()
}

pub(crate) fn bench_seed(articles: usize, words: usize) -> Result<(), ApiError> {
    let dir = newsroom_store::data_dir(None).map_err(internal)?;
    let conn = newsroom_store::open_dir(&dir).map_err(internal)?;
    newsroom_articles::ensure_search_index(&conn).map_err(internal)?;
    let mut prose = Prose::new(0x5EED);
    let bylines: Vec<String> = (0..60).map(|i| person_name(i * 37 + 11)).collect();
    let span = TimeDelta::days(5 * 365);
    let first = Utc::now() - span;
    let start = Instant::now();
    for batch in (0..articles).collect::<Vec<_>>().chunks(1000) {
        newsroom_store::write(&conn, |tx| -> Result<(), ApiError> {
            for &i in batch {
                let byline = &bylines[prose.pick(bylines.len())];
                let fields = ArticleFields {
                    headline: prose.headline(),
                    sapo: prose.sentence(),
                    body: prose.body(words),
                    byline: byline.clone(),
                    dateline: String::new(),
                    section: SECTIONS[prose.pick(SECTIONS.len())].to_owned(),
                };
                let at = first + span * i as i32 / articles.max(1) as i32;
                newsroom_articles::create(tx, &fields, byline, at).map_err(internal)?;
            }
            Ok(())
        })?;
    }
    // Most of an archive is published; the recent pieces are spread over the desk's states.
    let recent = articles.saturating_sub(500) as i64;
    conn.execute_batch(&format!(
        "UPDATE articles SET status = 'published' WHERE seq <= {recent};
         UPDATE articles SET status = CASE seq % 7
             WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' WHEN 2 THEN 'in_review' WHEN 3 THEN 'approved'
             WHEN 4 THEN 'returned' WHEN 5 THEN 'spiked' ELSE 'published' END
         WHERE seq > {recent};
         PRAGMA wal_checkpoint(TRUNCATE);"
    ))
    .map_err(internal)?;
    println!(
        "seeded {articles} articles of ~{words} words into {} in {:.1} s; store {:.0} MB",
        dir.display(),
        start.elapsed().as_secs_f64(),
        store_bytes(&dir) as f64 / 1e6
    );
    Ok(())
}

fn p99(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[(samples.len() * 99 / 100).min(samples.len() - 1)]
}

fn open_seeded() -> Result<Api, ApiError> {
    let api = Api::open(&OpenOptions {
        data_dir: None,
        index_in_background: false,
    })?;
    println!(
        "store {}: {:.0} MB",
        api.data_dir().display(),
        store_bytes(api.data_dir()) as f64 / 1e6
    );
    Ok(api)
}

pub(crate) fn bench_search(runs: usize) -> Result<(), ApiError> {
    let api = open_seeded()?;
    let floor_conn = newsroom_store::open_dir(api.data_dir()).map_err(internal)?;
    let floor = |query: &str| -> Result<usize, ApiError> {
        let terms: Vec<String> = newsroom_text::fold(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(|t| format!("\"{t}\"*"))
            .collect();
        let mut stmt = floor_conn
            .prepare_cached("SELECT rowid FROM article_search WHERE article_search MATCH ?1 LIMIT 200")
            .map_err(internal)?;
        let n = stmt
            .query_map([terms.join(" AND ")], |r| r.get::<_, i64>(0))
            .map_err(internal)?
            .count();
        Ok(n)
    };
    println!("search: {runs} runs each, interleaved; median / p99");
    for query in [
        "c",
        "co",
        "cong",
        "cong doa",
        "ha noi",
        "cong doan",
        "lien doan lao dong",
    ] {
        let (mut ours, mut bare) = (vec![], vec![]);
        let mut found = (0, 0);
        for _ in 0..runs {
            let t = Instant::now();
            found.0 = api.article_search(query)?.len();
            ours.push(t.elapsed());
            let t = Instant::now();
            found.1 = floor(query)?;
            bare.push(t.elapsed());
        }
        println!(
            "  {query:<20} ours {} / {} ({} shown)   FTS5 unranked {} / {}",
            ms(median(ours.clone())),
            ms(p99(ours)),
            found.0,
            ms(median(bare.clone())),
            ms(p99(bare))
        );
    }
    Ok(())
}

pub(crate) fn bench_list(runs: usize) -> Result<(), ApiError> {
    let api = open_seeded()?;
    let all = ListQuery {
        status: None,
        mine: None,
        section: None,
        days: None,
        limit: None,
        after: None,
    };
    let submitted = ListQuery {
        status: Some(Status::Submitted),
        ..all.clone()
    };
    let section = ListQuery {
        section: Some("Thời sự".into()),
        days: Some(30),
        ..all.clone()
    };
    println!("list: {runs} runs each, interleaved; median / p99");
    for (name, query) in [
        ("first page", &all),
        ("submitted", &submitted),
        ("section, 30 days", &section),
    ] {
        let mut samples = vec![];
        let mut bytes = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let queue = api.article_queue(query)?;
            bytes = serde_json::to_vec(&queue).map_err(internal)?.len();
            samples.push(t.elapsed());
        }
        println!(
            "  {name:<18} {} / {}  ({} bytes of JSON to the UI)",
            ms(median(samples.clone())),
            ms(p99(samples)),
            bytes
        );
    }
    let conn = newsroom_store::open_dir(api.data_dir()).map_err(internal)?;
    let (mut rows, mut counts, mut next) = (vec![], vec![], vec![]);
    for _ in 0..runs {
        let t = Instant::now();
        let page = newsroom_articles::queue(&conn, &all, Utc::now()).map_err(internal)?;
        rows.push(t.elapsed());
        let t = Instant::now();
        newsroom_articles::status_counts(&conn, &all, Utc::now()).map_err(internal)?;
        counts.push(t.elapsed());
        // The page after the 50th: keyset paging from where the previous page stopped.
        let deep = ListQuery {
            after: page.last().map(|a| a.id.clone()),
            ..all.clone()
        };
        let t = Instant::now();
        newsroom_articles::queue(&conn, &deep, Utc::now()).map_err(internal)?;
        next.push(t.elapsed());
    }
    println!(
        "    of which: rows {} / {}, counts {} / {}; next page {} / {}",
        ms(median(rows.clone())),
        ms(p99(rows)),
        ms(median(counts.clone())),
        ms(p99(counts)),
        ms(median(next.clone())),
        ms(p99(next))
    );
    let mut whole = vec![];
    let mut bytes = 0;
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        let every = api.article_list()?;
        bytes = serde_json::to_vec(&every).map_err(internal)?.len();
        whole.push(t.elapsed());
    }
    println!(
        "  every article      {}  ({bytes} bytes of JSON)",
        ms(median(whole))
    );
    Ok(())
}
