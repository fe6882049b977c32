//! `newsroom bench`: the benchmark harness. Timings are medians of repeated runs, and rivals
//! run interleaved with ours in the same loop so machine noise hits both alike. Nothing here
//! is a test; it prints numbers for the closing notes.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::{Args, Subcommand};
use newsroom_api::{Api, ApiError, ArticleFields, ErrorCode, OpenOptions, SaveKind, SaveRequest};

#[derive(Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    what: BenchWhat,
}

#[derive(Subcommand)]
enum BenchWhat {
    /// Render a Vietnamese article: our renderer (comrak + sanitiser) beside the cmark-gfm binary.
    Render {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// The autosave path: save a changed article into a real store on disk.
    Save {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
    /// Fill a store (--data-dir) with generated articles, for the start-up benchmark.
    Seed {
        #[arg(long, default_value_t = 10000)]
        articles: usize,
        #[arg(long, default_value_t = 600)]
        words: usize,
    },
}

const SYLLABLES: &[&str] = &[
    "công", "đoàn", "người", "lao", "động", "Hà", "Nội", "thành", "phố", "khu", "nghiệp", "chế", "xuất",
    "việc", "làm", "tiền", "lương", "doanh", "ký", "kết", "phối", "hợp", "chương", "trình", "đồng", "chí",
    "chủ", "tịch", "liên", "hội", "nghị", "cán", "bộ", "năm", "tháng", "ngày", "đời", "sống", "văn", "hóa",
    "nhà", "ở", "hỗ", "trợ", "quyền", "lợi", "bảo", "hiểm", "xã", "sức", "khỏe", "tổ", "chức", "đại", "biểu",
    "phát", "biểu", "nhấn", "mạnh", "nhiệm", "vụ", "thực", "hiện", "Thủ", "đô",
];

/// A deterministic Vietnamese article of about `words` words with the Markdown a reporter
/// uses: paragraphs, emphasis, a list, a table, a link.
pub fn vietnamese_article(words: usize) -> String {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    let mut written = 0;
    let mut paragraph = 0;
    while written < words {
        paragraph += 1;
        if paragraph % 7 == 0 {
            out.push_str("| Đơn vị | Số người |\n|---|---|\n| Công đoàn cơ sở | 1.200 |\n\n");
        }
        if paragraph % 5 == 0 {
            out.push_str("- quyền lợi người lao động\n- bảo hiểm xã hội\n\n");
            written += 7;
        }
        let len = 40 + (next() % 60) as usize;
        for i in 0..len {
            let word = SYLLABLES[(next() % SYLLABLES.len() as u64) as usize];
            if i == 0 {
                let mut chars = word.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().to_string())
                    .unwrap_or_default();
                out.push_str(&first);
                out.push_str(chars.as_str());
            } else if i % 17 == 0 {
                out.push_str(&format!(" **{word}**"));
            } else if i % 29 == 0 {
                out.push_str(&format!(" [{word}](https://example.org/{i})"));
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push_str(".\n\n");
        written += len;
    }
    out
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn cmark_gfm(input: &str) -> Result<Duration, ApiError> {
    let start = Instant::now();
    let mut child = Command::new("cmark-gfm")
        .args([
            "-e",
            "table",
            "-e",
            "strikethrough",
            "-e",
            "autolink",
            "--footnotes",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot run cmark-gfm (apt-get install cmark-gfm): {e}"),
            )
        })?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let out = child
        .wait_with_output()
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let elapsed = start.elapsed();
    if !out.status.success() || out.stdout.is_empty() {
        return Err(ApiError::new(ErrorCode::Internal, "cmark-gfm failed"));
    }
    Ok(elapsed)
}

pub fn run(args: BenchArgs) -> Result<(), ApiError> {
    match args.what {
        BenchWhat::Render { words, runs } => {
            let text = vietnamese_article(words);
            let counted = newsroom_markdown::counts(&text).words;
            println!(
                "render: {counted} words, {} bytes, {runs} runs each, interleaved",
                text.len()
            );
            let (mut ours, mut comrak_only, mut cmark, mut spawn) = (vec![], vec![], vec![], vec![]);
            for _ in 0..runs {
                let t = Instant::now();
                let html = newsroom_markdown::render(&text);
                ours.push(t.elapsed());
                assert!(html.len() > text.len() / 2);
                let t = Instant::now();
                let raw = newsroom_markdown::render_unsanitised_for_bench(&text);
                comrak_only.push(t.elapsed());
                assert!(!raw.is_empty());
                cmark.push(cmark_gfm(&text)?);
                spawn.push(cmark_gfm("x")?);
            }
            println!(
                "  newsroom render (comrak + ammonia)   median {}",
                ms(median(ours))
            );
            println!(
                "  comrak alone (in process)            median {}",
                ms(median(comrak_only))
            );
            println!(
                "  cmark-gfm binary (process, pipes)    median {}",
                ms(median(cmark))
            );
            println!(
                "  cmark-gfm on 1 byte (spawn cost)     median {}",
                ms(median(spawn))
            );
        }
        BenchWhat::Save { words, runs } => {
            let dir = tempfile::tempdir().map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let api = Api::open(&OpenOptions {
                data_dir: Some(dir.path().to_path_buf()),
                seed_demo_content: false,
            })?;
            let mut fields = ArticleFields {
                headline: "Công đoàn các Khu công nghiệp và chế xuất Hà Nội".into(),
                sapo: "Sapo thử nghiệm.".into(),
                body: vietnamese_article(words),
                byline: "Minh An".into(),
                ..Default::default()
            };
            let mut article = api.article_create(&fields)?;
            let mut samples = vec![];
            for i in 0..runs {
                fields.body.push_str(if i % 2 == 0 { " ă" } else { " ơ" });
                let t = Instant::now();
                article = api.article_save(&SaveRequest {
                    id: article.id.clone(),
                    base_version: article.version,
                    fields: fields.clone(),
                    kind: SaveKind::Autosave,
                })?;
                samples.push(t.elapsed());
            }
            println!(
                "save: {} words, {} bytes, {runs} autosaves (WAL, synchronous=FULL, search index update)",
                article.word_count,
                fields.body.len()
            );
            println!("  autosave median {}", ms(median(samples)));
        }
        BenchWhat::Seed { articles, words } => {
            let api = Api::open(&OpenOptions {
                data_dir: None,
                seed_demo_content: false,
            })?;
            let body = vietnamese_article(words);
            let start = Instant::now();
            for i in 0..articles {
                api.article_create(&ArticleFields {
                    headline: format!("Bài thử số {i}: công đoàn Hà Nội"),
                    sapo: "Sapo.".into(),
                    body: body.clone(),
                    byline: "Minh An".into(),
                    ..Default::default()
                })?;
            }
            println!(
                "seeded {articles} articles into {} in {:.1} s ({})",
                api.data_dir().display(),
                start.elapsed().as_secs_f64(),
                Utc::now()
            );
        }
    }
    Ok(())
}
