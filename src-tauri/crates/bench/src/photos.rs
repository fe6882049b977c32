//! Photos: import beside libvips, and the photo desk's pages over a large library.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsroom_api::{Api, ApiError, ArticleFields, OpenOptions};

use crate::measure::*;

/// A camera-like JPEG: smooth light with fine grain (pure gradients would compress, and so
/// decode, unrealistically fast). `seed` makes each photo of a batch distinct.
pub(crate) fn camera_jpeg(width: u32, height: u32, seed: u64) -> Vec<u8> {
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

pub(crate) fn vipsthumbnail(
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

pub(crate) fn bench_photos(width: u32, height: u32, runs: usize, batch: usize) -> Result<(), ApiError> {
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
            "  batch: {batch} photos imported by `newsroom photo import` in {:.2} s ({} per photo), peak memory {}",
            wall.as_secs_f64(),
            ms(wall / batch as u32),
            children_peak_mib().map_or("not measured here".to_owned(), |m| format!("{m:.0} MiB"))
        );
    }
    Ok(())
}

pub(crate) fn bench_desk(photos: usize, runs: usize) -> Result<(), ApiError> {
    let dir = tempfile::tempdir().map_err(internal)?;
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        index_in_background: false,
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
