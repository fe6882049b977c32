//! The photo desk at a card's scale: ingest a folder of 24-megapixel JPEGs with a template
//! beside `vipsthumbnail` (both renditions) plus `exiftool -j` (metadata) on the same files;
//! a template applied to every photo; exports with metadata beside exiftool writing the same
//! fields; and one crop re-rendered.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsroom_api::{Api, ApiError, CropRequest, OpenOptions, PhotoTemplate, Rendition, TemplateFields};

use crate::measure::*;
use crate::photos::camera_jpeg;

/// A copy of `jpeg` with a comment segment after its start marker: the same pixels (so the
/// same decoding work) but distinct bytes, so the library stores each as a photo of its own.
fn distinct(jpeg: &[u8], seq: usize) -> Vec<u8> {
    let comment = format!("frame {seq}");
    let mut out = Vec::with_capacity(jpeg.len() + comment.len() + 4);
    out.extend_from_slice(&jpeg[..2]);
    out.extend_from_slice(&[0xff, 0xfe]);
    out.extend_from_slice(&((comment.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(comment.as_bytes());
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn run_tool(command: &mut Command, what: &str) -> Result<Duration, ApiError> {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .status()
        .map_err(|e| internal(format!("cannot run {what}: {e}")))?;
    if !status.success() {
        return Err(internal(format!("{what} failed")));
    }
    Ok(start.elapsed())
}

pub(crate) fn bench_ingest(photos: usize, width: u32, height: u32, crops: usize) -> Result<(), ApiError> {
    let work = tempfile::tempdir().map_err(internal)?;
    let card = work.path().join("DCIM");
    std::fs::create_dir_all(&card).map_err(internal)?;
    let frame = camera_jpeg(width, height, 7);
    for seq in 0..photos {
        std::fs::write(card.join(format!("IMG_{seq:04}.JPG")), distinct(&frame, seq)).map_err(internal)?;
    }
    println!(
        "ingest: {photos} JPEGs of {width}×{height} ({:.1} MB each) in one folder",
        frame.len() as f64 / 1e6
    );

    // The tools first, so the files are in the page cache for both (ours runs second).
    let vips_out = work.path().join("vips");
    std::fs::create_dir_all(&vips_out).map_err(internal)?;
    let files: Vec<std::path::PathBuf> = (0..photos)
        .map(|seq| card.join(format!("IMG_{seq:04}.JPG")))
        .collect();
    let vips_web = run_tool(
        Command::new("vipsthumbnail")
            .args(&files)
            .args(["-s", "2048", "-o"])
            .arg(format!("{}/%s-web.jpg[Q=85]", vips_out.display())),
        "vipsthumbnail (apt-get install libvips-tools)",
    )?;
    let vips_thumb = run_tool(
        Command::new("vipsthumbnail")
            .args(&files)
            .args(["-s", "320", "-o"])
            .arg(format!("{}/%s-thumb.jpg[Q=80]", vips_out.display())),
        "vipsthumbnail",
    )?;
    let exiftool_read = run_tool(Command::new("exiftool").args(["-j", "-q"]).arg(&card), "exiftool")?;
    let tools = vips_web + vips_thumb + exiftool_read;

    let data = work.path().join("store");
    let api = Api::open(&OpenOptions {
        data_dir: Some(data.clone()),
        index_in_background: false,
    })?;
    api.shortcut_save("hn", "Hà Nội")?;
    api.photo_template_save(&PhotoTemplate {
        name: "Hội nghị".into(),
        fields: TemplateFields {
            description: "Hội nghị công nhân tại =hn= ngày {date}, ảnh {seq}".into(),
            credit: "Ảnh: Mai Quý".into(),
            copyright: "© Báo Lao động Thủ đô".into(),
            keywords: vec!["công đoàn".into(), "hội nghị".into()],
            ..Default::default()
        },
    })?;
    let t = Instant::now();
    let picked = api.photo_files(std::slice::from_ref(&card))?;
    let outcomes = api.photo_import_batch(&picked, None, Some("Hội nghị"), &mut |_| {});
    let ours = t.elapsed();
    let ids: Vec<String> = outcomes
        .into_iter()
        .map(|o| o.map(|i| i.photo.id))
        .collect::<Result<_, _>>()?;
    println!(
        "  ingest with a template (hash, metadata, two renditions, files synced, template): {:.2} s, {} per photo",
        ours.as_secs_f64(),
        ms(ours / photos as u32)
    );
    println!(
        "  vipsthumbnail web {:.2} s + thumbnail {:.2} s + exiftool -j {:.2} s = {:.2} s; ours / theirs = {:.2}×",
        vips_web.as_secs_f64(),
        vips_thumb.as_secs_f64(),
        exiftool_read.as_secs_f64(),
        tools.as_secs_f64(),
        ours.as_secs_f64() / tools.as_secs_f64()
    );

    let t = Instant::now();
    api.photo_template_apply("Hội nghị", &ids)?;
    println!(
        "  a template applied to {} photos: {}",
        ids.len(),
        ms(t.elapsed())
    );

    // Three rounds, each writing fresh files: ours from the library, exiftool into copies of
    // the card made before either starts, so neither reads what the other just wrote; medians.
    let mut ours_rounds = Vec::new();
    let mut exiftool_rounds = Vec::new();
    for round in 0..3 {
        let copies = work.path().join(format!("exiftool-copies-{round}"));
        std::fs::create_dir_all(&copies).map_err(internal)?;
        for seq in 0..photos {
            std::fs::copy(
                card.join(format!("IMG_{seq:04}.JPG")),
                copies.join(format!("{seq:04}.jpg")),
            )
            .map_err(internal)?;
        }
        let exports = work.path().join(format!("exports-{round}"));
        std::fs::create_dir_all(&exports).map_err(internal)?;
        let t = Instant::now();
        for written in api.photo_export_dir(&ids, Rendition::Original, &exports) {
            written?;
        }
        ours_rounds.push(t.elapsed());
        exiftool_rounds.push(run_tool(
            Command::new("exiftool")
                .args([
                    "-q",
                    "-overwrite_original",
                    "-charset",
                    "iptc=UTF8",
                    "-IPTC:CodedCharacterSet=UTF8",
                    "-IPTC:Caption-Abstract=Hội nghị công nhân tại Hà Nội ngày 01/12/2026, ảnh 1",
                    "-XMP-dc:Description=Hội nghị công nhân tại Hà Nội ngày 01/12/2026, ảnh 1",
                    "-IPTC:Credit=Ảnh: Mai Quý",
                    "-XMP-photoshop:Credit=Ảnh: Mai Quý",
                    "-IPTC:CopyrightNotice=© Báo Lao động Thủ đô",
                    "-XMP-dc:Rights=© Báo Lao động Thủ đô",
                    "-IPTC:Keywords=công đoàn",
                    "-XMP-dc:Subject=công đoàn",
                ])
                .arg(&copies),
            "exiftool",
        )?);
        // Each round's files go before the next, so the disk holds one round at a time.
        let _ = std::fs::remove_dir_all(&copies);
        let _ = std::fs::remove_dir_all(&exports);
    }
    let ours_export = median(ours_rounds);
    let exiftool_write = median(exiftool_rounds);
    println!(
        "  export {photos} originals with metadata (median of 3): {:.2} s; exiftool writing the same fields: {:.2} s; ours / exiftool = {:.2}×",
        ours_export.as_secs_f64(),
        exiftool_write.as_secs_f64(),
        ours_export.as_secs_f64() / exiftool_write.as_secs_f64()
    );

    // Opening a photo on the desk readies it for framing, in the background.
    let t = Instant::now();
    api.photo_prepare_framing(&ids[0])?;
    println!(
        "  opening a photo readies it for framing (its edit master made, in the background): {}",
        ms(t.elapsed())
    );
    let mut samples = Vec::with_capacity(crops);
    let ratios = [(16, 9), (4, 3), (1, 1), (3, 2)];
    for run in 0..crops {
        let request = CropRequest {
            aspect: Some(ratios[run % ratios.len()]),
            ..Default::default()
        };
        let t = Instant::now();
        api.photo_crop(&ids[0], &request)?;
        samples.push(t.elapsed());
    }
    // The same renditions made in memory, to tell decoding and resizing from the files and
    // the store around them: from the edit master (what framing reads when the crop is large
    // enough) and from the original (what a tight crop needs).
    let edit = newsroom_photos::edit_master(&frame, newsroom_photos::PhotoFormat::Jpeg, 1)
        .map_err(internal)?
        .ok_or_else(|| internal("a 24-megapixel photo wants an edit master"))?;
    let mut from_edit = Vec::with_capacity(crops);
    let mut from_original = Vec::with_capacity(crops);
    for run in 0..crops {
        let (w, h) = ratios[run % ratios.len()];
        let framing = newsroom_api::Framing {
            crop: Some(newsroom_photos::aspect_crop(width, height, (w, h), None).map_err(internal)?),
            ..Default::default()
        };
        let t = Instant::now();
        newsroom_photos::framed_from_edit(&edit, width, height, &framing)
            .map_err(internal)?
            .ok_or_else(|| internal("the edit master was refused for a whole-frame crop"))?;
        from_edit.push(t.elapsed());
        let t = Instant::now();
        newsroom_photos::framed_renditions(&frame, newsroom_photos::PhotoFormat::Jpeg, 1, &framing)
            .map_err(internal)?;
        from_original.push(t.elapsed());
    }
    let mut tight = Vec::with_capacity(crops);
    for _ in 0..crops {
        let request = CropRequest {
            rect: Some(newsroom_api::Crop {
                x: width / 3,
                y: height / 3,
                width: width / 4,
                height: height / 4,
            }),
            ..Default::default()
        };
        let t = Instant::now();
        api.photo_crop(&ids[0], &request)?;
        tight.push(t.elapsed());
    }
    println!(
        "  crop and re-render one {width}×{height} photo (ratios in turn), {crops} runs: median {}; in memory from the edit master {} (from the original {})",
        ms(median(samples)),
        ms(median(from_edit)),
        ms(median(from_original))
    );
    println!(
        "  a crop of a quarter of the width (from the original, the master being too small): median {}",
        ms(median(tight))
    );
    api.photo_crop(
        &ids[0],
        &CropRequest {
            aspect: Some((16, 9)),
            ..Default::default()
        },
    )?;
    let mut straighten = Vec::with_capacity(crops);
    for run in 0..crops {
        let t = Instant::now();
        api.photo_straighten(&ids[0], if run % 2 == 0 { -2.5 } else { 1.5 })?;
        straighten.push(t.elapsed());
    }
    println!(
        "  straighten a 16:9 crop of one {width}×{height} photo, {crops} runs: median {}",
        ms(median(straighten))
    );
    Ok(())
}
