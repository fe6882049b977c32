//! The benchmark harness behind `newsroom bench` (a CLI built with `--features bench`). Timings are medians of repeated runs, and rivals
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
    /// People and organisation suggestions for an article against a large directory.
    Suggest {
        #[arg(long, default_value_t = 1000)]
        words: usize,
        #[arg(long, default_value_t = 100_000)]
        entities: usize,
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
    /// A 24-megapixel JPEG to a thumbnail and a web rendition: ours beside libvips'
    /// `vipsthumbnail` making the same two files; then a batch import of distinct photos.
    Photos {
        #[arg(long, default_value_t = 6000)]
        width: u32,
        #[arg(long, default_value_t = 4000)]
        height: u32,
        #[arg(long, default_value_t = 15)]
        runs: usize,
        /// Photos in the batch import (0 skips it).
        #[arg(long, default_value_t = 30)]
        batch: usize,
    },
    /// The photo desk's queries over a library of distinct photos: one page of 120 thumbnails
    /// (what the windowed grid asks for while scrolling) and the count, at the top, middle
    /// and end of the list.
    Desk {
        #[arg(long, default_value_t = 5000)]
        photos: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// Push articles with photos to a WordPress (WP_URL, WP_USER, WP_APP_PASSWORD, as
    /// `scripts/wordpress/run` writes them): wall time, and the share of it the client spends
    /// working (its CPU time) rather than waiting for the site.
    Push {
        #[arg(long, default_value_t = 100)]
        articles: usize,
        #[arg(long, default_value_t = 3)]
        photos: usize,
    },
    /// Fill a store (--data-dir) with generated articles, for the start-up benchmark.
    Seed {
        #[arg(long, default_value_t = 10000)]
        articles: usize,
        #[arg(long, default_value_t = 600)]
        words: usize,
    },
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
];
const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Đình", "Minh", "Quốc", "Thu", "Hữu", "Ngọc", "Xuân", "Thanh",
];
const GIVEN: &[&str] = &[
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hùng",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thường",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
    "Hạnh",
    "Lợi",
];
const ORG_KINDS: &[&str] = &[
    "Công đoàn",
    "Liên đoàn Lao động",
    "Công ty Cổ phần",
    "Bệnh viện",
    "Trường Đại học",
    "Ủy ban nhân dân",
];
const PLACES: &[&str] = &[
    "quận Hoàn Kiếm",
    "huyện Đông Anh",
    "thành phố Hà Nội",
    "tỉnh Bắc Ninh",
    "quận Long Biên",
    "huyện Sóc Sơn",
];

/// A distinct Vietnamese-looking name for every `i` below 75,000 (mixed-radix digits).
fn person_name(i: usize) -> String {
    let given = GIVEN[(i / 120) % GIVEN.len()];
    let mut name = format!(
        "{} {} {given}",
        SURNAMES[i % SURNAMES.len()],
        MIDDLES[(i / 12) % MIDDLES.len()]
    );
    if i >= 3000 {
        name.push(' ');
        name.push_str(GIVEN[(i / 3000) % GIVEN.len()]);
    }
    name
}

/// A distinct organisation name for every `i` (it ends in `i`).
fn org_name(i: usize) -> String {
    let syllables = SYLLABLES.len();
    format!(
        "{} {} {} {}",
        ORG_KINDS[i % ORG_KINDS.len()],
        SYLLABLES[(i / ORG_KINDS.len()) % syllables],
        PLACES[(i / (ORG_KINDS.len() * syllables)) % PLACES.len()],
        i
    )
}

/// A ~`words`-word news story with the shapes the suggester looks for: a list of officials,
/// titles before names, honorifics, organisations, a photo credit and a byline.
fn news_story(words: usize) -> String {
    let mut out = String::new();
    let mut i = 7;
    while newsroom_text::word_count(&out) < words {
        let (a, b) = (person_name(i), person_name(i + 1));
        out.push_str(&format!(
            "Dự hội nghị có các đồng chí: {a} – Chủ tịch Liên đoàn Lao động quận Hoàn Kiếm; {b} – Phó Giám đốc Công ty Cổ phần May Sông Hồng.\n\n\
             Phát biểu tại hội nghị, Chủ tịch Công đoàn các Khu công nghiệp và chế xuất Hà Nội {} nhấn mạnh việc chăm lo đời sống công nhân. \
             Ông {} cho biết LĐLĐ huyện Đông Anh sẽ phối hợp với UBND huyện Đông Anh hỗ trợ nhà ở cho người lao động.\n\n\
             Chị {}, công nhân Công ty TNHH Điện tử Hòa Lạc, chia sẻ về thu nhập và điều kiện làm việc (Ảnh: Mai Quý).\n\n",
            person_name(i + 2),
            person_name(i + 3),
            person_name(i + 4)
        ));
        i += 5;
    }
    out.push_str("Thu Hà\n");
    out
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
        .args(["-e", "table", "-e", "strikethrough", "-e", "autolink"])
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

fn internal(err: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, err.to_string())
}

/// A camera-like JPEG: smooth light with fine grain (pure gradients would compress, and so
/// decode, unrealistically fast). `seed` makes each photo of a batch distinct.
fn camera_jpeg(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut pixels = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let grain = (state % 25) as i32 - 12;
            let fx = x as f32 / width as f32;
            let fy = y as f32 / height as f32;
            let wave = ((fx * 37.0 + seed as f32).sin() * (fy * 23.0).cos() * 60.0) as i32;
            let base = [
                (70.0 + 150.0 * fx) as i32 + wave,
                (90.0 + 100.0 * fy) as i32 - wave / 2,
                (160.0 - 90.0 * fx * fy) as i32 + wave / 3,
            ];
            for channel in base {
                pixels.push((channel + grain).clamp(0, 255) as u8);
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, 92);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    encoder
        .encode(&pixels, width as u16, height as u16, jpeg_encoder::ColorType::Rgb)
        .expect("encoding a generated image");
    out
}

fn vipsthumbnail(
    input: &std::path::Path,
    size: u32,
    out: &std::path::Path,
    quality: u8,
) -> Result<Duration, ApiError> {
    let start = Instant::now();
    let status = Command::new("vipsthumbnail")
        .arg(input)
        .args(["-s", &size.to_string(), "-o"])
        .arg(format!("{}[Q={quality}]", out.display()))
        .status()
        .map_err(|e| {
            internal(format!(
                "cannot run vipsthumbnail (apt-get install libvips-tools): {e}"
            ))
        })?;
    let elapsed = start.elapsed();
    if !status.success() {
        return Err(internal("vipsthumbnail failed"));
    }
    Ok(elapsed)
}

/// Resource use of this process (`RUSAGE_SELF`) or of its finished children.
fn rusage(who: libc::c_int) -> libc::rusage {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut usage) };
    usage
}

/// The peak resident memory of finished child processes, in MiB.
fn children_peak_mib() -> f64 {
    rusage(libc::RUSAGE_CHILDREN).ru_maxrss as f64 / 1024.0
}

fn bench_photos(width: u32, height: u32, runs: usize, batch: usize) -> Result<(), ApiError> {
    let work = tempfile::tempdir().map_err(internal)?;
    let input = work.path().join("camera.jpg");
    let bytes = camera_jpeg(width, height, 1);
    std::fs::write(&input, &bytes).map_err(internal)?;
    println!(
        "photos: {width}×{height} JPEG, {:.1} MB; {runs} runs each, interleaved",
        bytes.len() as f64 / 1e6
    );
    let (mut ours_render, mut ours_import, mut vips_both, mut vips_web, mut vips_thumb) =
        (vec![], vec![], vec![], vec![], vec![]);
    for run in 0..runs {
        let t = Instant::now();
        let renditions =
            newsroom_photos::renditions(&bytes, newsroom_photos::PhotoFormat::Jpeg, 1).map_err(internal)?;
        ours_render.push(t.elapsed());
        assert_eq!(renditions.web_size.0, 2048);

        // The whole import step the app runs without the store lock: read, recognise, hash,
        // read metadata, decode, both renditions, and the three files written and synced.
        let dir = work.path().join(format!("library-{run}"));
        let t = Instant::now();
        let read = newsroom_photos::read_file(&input).map_err(internal)?;
        let sha256 = newsroom_photos::sha256_hex(&read);
        newsroom_photos::prepare(&dir, "camera.jpg", &read, sha256).map_err(internal)?;
        ours_import.push(t.elapsed());

        let web = vipsthumbnail(&input, 2048, &work.path().join("vips-web.jpg"), 85)?;
        let thumb = vipsthumbnail(&input, 320, &work.path().join("vips-thumb.jpg"), 80)?;
        vips_web.push(web);
        vips_thumb.push(thumb);
        vips_both.push(web + thumb);
    }
    println!(
        "  ours, both renditions (decode at 1/2 scale + resize + encode): {}",
        ms(median(ours_render))
    );
    println!(
        "  ours, full import (read + SHA-256 + metadata + renditions + 3 files synced): {}",
        ms(median(ours_import))
    );
    println!(
        "  vipsthumbnail, both files (two processes): {}",
        ms(median(vips_both))
    );
    println!(
        "    web 2048 px: {}   thumbnail 320 px: {}",
        ms(median(vips_web)),
        ms(median(vips_thumb))
    );

    if batch > 0 {
        let files: Vec<std::path::PathBuf> = (0..batch)
            .map(|i| {
                let path = work.path().join(format!("card-{i:03}.jpg"));
                std::fs::write(&path, camera_jpeg(width, height, 100 + i as u64)).map(|_| path)
            })
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        let data = work.path().join("batch-store");
        let exe = std::env::current_exe().map_err(internal)?;
        let t = Instant::now();
        let status = Command::new(exe)
            .arg("--data-dir")
            .arg(&data)
            .args(["photo", "import", "--json"])
            .args(&files)
            .stdout(Stdio::null())
            .status()
            .map_err(internal)?;
        let wall = t.elapsed();
        if !status.success() {
            return Err(internal("the batch import failed"));
        }
        println!(
            "  batch: {batch} photos imported by `newsroom photo import` in {:.2} s ({} per photo), peak memory {:.0} MiB",
            wall.as_secs_f64(),
            ms(wall / batch as u32),
            children_peak_mib()
        );
    }
    Ok(())
}

fn bench_desk(photos: usize, runs: usize) -> Result<(), ApiError> {
    let dir = tempfile::tempdir().map_err(internal)?;
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        seed_demo_content: false,
    })?;
    let article = api.article_create(&ArticleFields {
        headline: "Ảnh hội nghị".into(),
        ..Default::default()
    })?;
    let t = Instant::now();
    for i in 0..photos {
        // Small distinct photos: the desk's queries do not depend on pixel size.
        let bytes = camera_jpeg(96, 64, 10_000 + i as u64);
        let imported = api.photo_import_bytes(
            &format!("anh-{i:05}.jpg"),
            &bytes,
            (i % 10 == 0).then_some(article.id.as_str()),
        )?;
        if i % 3 == 0 {
            let change = newsroom_api::PhotoEdit {
                description: Some(format!("Đoàn viên công đoàn tại hội nghị số {i}")),
                credit: Some("Ảnh: Mai Quý".into()),
                alt_text: Some("Hội trường đông người".into()),
                ..Default::default()
            };
            api.photo_edit(&imported.photo.id, &change)?;
        }
    }
    println!(
        "desk: {photos} photos imported in {:.1} s; {runs} runs per query",
        t.elapsed().as_secs_f64()
    );
    let mut query = newsroom_api::PhotoQuery {
        any_missing: true,
        limit: Some(120),
        ..Default::default()
    };
    let total = api.photo_list(&query)?.total;
    for (label, offset) in [
        ("top", 0u64),
        ("middle", total / 2),
        ("end", total.saturating_sub(120)),
    ] {
        query.offset = Some(offset as u32);
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let page = api.photo_list(&query)?;
            samples.push(t.elapsed());
            assert!(!page.photos.is_empty());
        }
        println!(
            "  page of 120 missing a field + count, {label} (offset {offset} of {total}): median {}",
            ms(median(samples))
        );
    }
    Ok(())
}

/// This process's CPU time so far (user + system).
fn cpu_time() -> Duration {
    let usage = rusage(libc::RUSAGE_SELF);
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn bench_push(articles: usize, photos: usize) -> Result<(), ApiError> {
    let env = |name: &str| {
        std::env::var(name).map_err(|_| {
            internal(format!(
                "set {name} (scripts/wordpress/run start DIR writes DIR/env)"
            ))
        })
    };
    let (url, user, password) = (env("WP_URL")?, env("WP_USER")?, env("WP_APP_PASSWORD")?);
    let dir = tempfile::tempdir().map_err(internal)?;
    let conn = newsroom_store::open_dir(dir.path()).map_err(internal)?;
    let photos_dir = newsroom_photos::photos_dir(dir.path());
    let backend =
        newsroom_sync::add_backend(&conn, "wordpress", "bench", &url, &user, Utc::now()).map_err(internal)?;
    let run = uuid_like();
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
        let article = newsroom_articles::create(&conn, &fields, Utc::now()).map_err(internal)?;
        for p in 0..photos {
            let bytes = camera_jpeg(1600, 1067, run ^ ((a * 31 + p) as u64 + 1));
            let imported = newsroom_photos::import_bytes(
                &conn,
                &photos_dir,
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
            newsroom_photos::edit(&conn, &imported.photo.id, &change, Utc::now()).map_err(internal)?;
        }
        ids.push(article.id);
    }
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
    let pulled = newsroom_sync::pull_pending(
        &desk,
        &newsroom_photos::photos_dir(desk_dir.path()),
        &desk_backend,
        &wp,
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

/// A number that differs between runs, so repeated benchmarks never meet their own photos.
fn uuid_like() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
}

pub fn run(args: BenchArgs) -> Result<(), ApiError> {
    match args.what {
        BenchWhat::Push { articles, photos } => bench_push(articles, photos)?,
        BenchWhat::Desk { photos, runs } => bench_desk(photos, runs)?,
        BenchWhat::Photos {
            width,
            height,
            runs,
            batch,
        } => bench_photos(width, height, runs, batch)?,
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
                let raw = newsroom_markdown::render_unsanitised(&text);
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
        BenchWhat::Suggest {
            words,
            entities,
            runs,
        } => {
            use newsroom_suggestions::{suggest, DirectoryEntry, EntityKind, KnownEntities};
            let text = news_story(words);
            let make_entries = || -> Vec<DirectoryEntry> {
                (0..entities)
                    .map(|i| {
                        if i % 2 == 0 {
                            DirectoryEntry {
                                id: format!("p{i}"),
                                kind: EntityKind::Person,
                                name: person_name(i / 2),
                                aliases: vec![],
                            }
                        } else {
                            let name = org_name(i / 2);
                            DirectoryEntry {
                                id: format!("o{i}"),
                                kind: EntityKind::Organisation,
                                aliases: vec![name.replace("Liên đoàn Lao động", "LĐLĐ")],
                                name,
                            }
                        }
                    })
                    .collect()
            };
            // The directory load as the app does it: from a real store, spellings pre-folded.
            let dir = tempfile::tempdir().map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let file = dir.path().join("directory.json");
            let inputs: Vec<newsroom_api::EntityInput> = make_entries()
                .into_iter()
                .map(|e| newsroom_api::EntityInput {
                    kind: e.kind,
                    name: e.name,
                    aliases: e.aliases,
                    roles: vec![],
                    parent: None,
                    uri: None,
                })
                .collect();
            std::fs::write(&file, serde_json::to_string(&inputs).expect("serialises"))
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let api = Api::open(&OpenOptions {
                data_dir: Some(dir.path().join("store")),
                seed_demo_content: false,
            })?;
            let t = Instant::now();
            let imported = api.entity_import(&file)?;
            let import_time = t.elapsed();
            drop(api);
            let conn = newsroom_store::open_dir(&dir.path().join("store"))
                .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
            let (mut loads, mut builds, mut empty_runs, mut full_runs) = (vec![], vec![], vec![], vec![]);
            let mut directory = KnownEntities::empty();
            for _ in 0..5 {
                drop(std::mem::replace(&mut directory, KnownEntities::empty()));
                let t = Instant::now();
                let loaded = newsroom_entities::load_known(&conn)
                    .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
                loads.push(t.elapsed());
                directory = loaded;
                let entries = make_entries();
                let t = Instant::now();
                let built = KnownEntities::build(entries);
                builds.push(t.elapsed());
                drop(built);
            }
            println!(
                "  directory import of {} entities (one transaction)  {:.1} s",
                imported.created,
                import_time.as_secs_f64()
            );
            let empty = KnownEntities::empty();
            let mut found = (0, 0, 0);
            for _ in 0..runs {
                let t = Instant::now();
                let s = suggest(&text, &empty);
                empty_runs.push(t.elapsed());
                let t = Instant::now();
                let k = suggest(&text, &directory);
                full_runs.push(t.elapsed());
                found = (
                    s.people.len(),
                    k.people.iter().filter(|p| p.known).count(),
                    k.organisations.len(),
                );
            }
            println!(
                "suggest: {} words, directory of {} entities; {} people found, {} of them known; {} organisations",
                newsroom_text::word_count(&text),
                directory.len(),
                found.0,
                found.1,
                found.2
            );
            println!(
                "  directory load from the store (5 runs)      median {}",
                ms(median(loads))
            );
            println!(
                "  matcher build from names, folding (5 runs) median {}",
                ms(median(builds))
            );
            println!(
                "  suggest, empty directory ({runs} runs)   median {}",
                ms(median(empty_runs))
            );
            println!(
                "  suggest, full directory ({runs} runs)    median {}",
                ms(median(full_runs))
            );
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
