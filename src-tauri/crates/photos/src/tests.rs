//! The library on real SQLite files and real image files: imports, renditions for every EXIF
//! orientation, bad input, and exports read back by exiftool (the reference reader).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use image::{Rgb, RgbImage};
use rusqlite::Connection;

use crate::*;

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    conn: Connection,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let conn = newsroom_store::open_dir(&root).unwrap();
        Fixture {
            _dir: dir,
            root,
            conn,
        }
    }

    fn photos(&self) -> PathBuf {
        photos_dir(&self.root)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.root.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn import(&self, name: &str, bytes: &[u8]) -> Result<Imported, FileError> {
        let path = self.write(name, bytes);
        import_file(&self.conn, &self.photos(), &path, None, now())
    }

    fn stored_files(&self) -> usize {
        fn walk(dir: &Path) -> usize {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return 0;
            };
            entries
                .flatten()
                .map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 })
                .sum()
        }
        walk(&self.photos())
    }

    fn article(&self) -> String {
        let fields = newsroom_articles::ArticleFields {
            headline: "Công nhân nhận quà".into(),
            ..Default::default()
        };
        newsroom_articles::create(&self.conn, &fields, now()).unwrap().id
    }
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 4, 0, 0).unwrap()
}

/// A picture whose top-left quarter is red and the rest blue, so orientation can be checked.
fn marked_image(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        if x < width / 2 && y < height / 2 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(
            image.as_raw(),
            image.width() as u16,
            image.height() as u16,
            jpeg_encoder::ColorType::Rgb,
        )
        .unwrap();
    out
}

/// A JPEG with an EXIF block giving this orientation (big-endian TIFF, one IFD entry).
fn jpeg_with_orientation(image: &RgbImage, orientation: u16) -> Vec<u8> {
    let plain = jpeg(image);
    let mut tiff = b"MM\0*\0\0\0\x08\0\x01".to_vec();
    tiff.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
    out.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
    out.extend_from_slice(&plain[2..]);
    out
}

fn decode(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).unwrap().to_rgb8()
}

fn is_red(px: &Rgb<u8>) -> bool {
    px[0] > 150 && px[2] < 100
}

#[test]
fn renditions_are_upright_and_sized_for_every_exif_orientation() {
    let source = marked_image(3000, 2000);
    // Where the stored top-left quarter must appear once the photo is upright.
    let expected_corner = [
        (1, "top-left"),
        (2, "top-right"),
        (3, "bottom-right"),
        (4, "bottom-left"),
        (5, "top-left"),
        (6, "top-right"),
        (7, "bottom-right"),
        (8, "bottom-left"),
    ];
    for (orientation, corner) in expected_corner {
        let fixture = Fixture::new();
        let imported = fixture
            .import(
                &format!("o{orientation}.jpg"),
                &jpeg_with_orientation(&source, orientation),
            )
            .unwrap();
        let photo = &imported.photo;
        let swapped = orientation >= 5;
        assert_eq!(
            (photo.width, photo.height),
            if swapped { (2000, 3000) } else { (3000, 2000) },
            "orientation {orientation}"
        );
        for (rendition, long) in [(Rendition::Web, WEB_EDGE), (Rendition::Thumb, THUMB_EDGE)] {
            let path = file_path(&fixture.photos(), &photo.sha256, photo.format, rendition);
            let image = decode(&std::fs::read(path).unwrap());
            assert_eq!(image.width().max(image.height()), long);
            assert_eq!(
                image.height() > image.width(),
                swapped,
                "orientation {orientation}"
            );
            let (w, h) = (image.width(), image.height());
            let probe = |x: u32, y: u32| is_red(image.get_pixel(x, y));
            let found = [
                ("top-left", probe(w / 8, h / 8)),
                ("top-right", probe(w - w / 8, h / 8)),
                ("bottom-right", probe(w - w / 8, h - h / 8)),
                ("bottom-left", probe(w / 8, h - h / 8)),
            ];
            let red: Vec<&str> = found.iter().filter(|(_, red)| *red).map(|(c, _)| *c).collect();
            assert_eq!(red, vec![corner], "orientation {orientation}, {rendition:?}");
        }
    }
}

#[test]
fn importing_the_same_file_twice_reuses_it() {
    let fixture = Fixture::new();
    let bytes = jpeg(&marked_image(800, 600));
    let first = fixture.import("a.jpg", &bytes).unwrap();
    let files = fixture.stored_files();
    let second = fixture.import("copy of a.jpg", &bytes).unwrap();
    assert!(first.created);
    assert!(!second.created);
    assert_eq!(first.photo.id, second.photo.id);
    assert_eq!(fixture.stored_files(), files);
    assert_eq!(count(&fixture.conn, &PhotoQuery::default()).unwrap(), 1);
}

fn exiftool(path: &Path) -> serde_json::Value {
    let output = Command::new("exiftool")
        .args(["-j", "-G1", "-struct", "-charset", "iptc=UTF8"])
        .arg(path)
        .output()
        .expect("exiftool is installed by scripts/install-deps");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut all: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    all.remove(0)
}

/// The JPEG bytes from the first start-of-scan marker to the end: the compressed pixels.
fn scan_data(jpeg: &[u8]) -> &[u8] {
    let start = jpeg.windows(2).position(|w| w == [0xff, 0xda]).unwrap();
    &jpeg[start..]
}

#[test]
fn exported_files_carry_every_field_exactly_as_exiftool_reads_them() {
    let fixture = Fixture::new();
    let original = jpeg_with_orientation(&marked_image(1200, 800), 6);
    let imported = fixture.import("cong-doan.jpg", &original).unwrap();
    let long_caption = "Đoàn viên Công đoàn cơ sở nhận quà hỗ trợ trong đợt dịch. ".repeat(50);
    let change = PhotoEdit {
        description: Some(long_caption.clone()),
        credit: Some("Ảnh: Mai Quý".into()),
        // 35 bytes in UTF-8, longer than IIM's 32-byte By-line; byte 32 is inside "ễ".
        creator: Some("Đỗ Thị Thanh Hường Nguyễn".into()),
        copyright: Some("© Báo Lao động Thủ đô".into()),
        alt_text: Some("Hai cán bộ công đoàn trao túi quà cho một nữ công nhân".into()),
        headline: Some("Trao quà cho đoàn viên".into()),
        keywords: Some(vec!["công đoàn".into(), "Hà Nội".into()]),
        date_created: Some("2021-05-17T11:16:00+07:00".into()),
        people: Some(vec!["Nguyễn Phi Thường".into(), "Phạm Văn Đức".into()]),
    };
    let photo = edit(&fixture.conn, &imported.photo.id, &change, now()).unwrap();
    assert_eq!(photo.people.len(), 2);
    for rendition in [Rendition::Original, Rendition::Web] {
        let out = fixture.root.join(format!("export-{rendition:?}.jpg"));
        export(&fixture.conn, &fixture.photos(), &photo.id, rendition, None, &out).unwrap();
        let tags = exiftool(&out);
        let tag = |name: &str| {
            tags[name]
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| tags[name].to_string())
        };
        assert_eq!(tag("IPTC:CodedCharacterSet"), "UTF8");
        assert_eq!(tag("XMP-dc:Description"), long_caption.trim());
        let iim_caption = tag("IPTC:Caption-Abstract");
        assert!(iim_caption.len() <= 2000 && long_caption.starts_with(&iim_caption));
        assert!(
            iim_caption.len() > 1990,
            "cut at the limit, not before: {}",
            iim_caption.len()
        );
        assert_eq!(
            tags["XMP-dc:Creator"],
            serde_json::json!(["Đỗ Thị Thanh Hường Nguyễn"])
        );
        assert_eq!(tag("IPTC:By-line"), "Đỗ Thị Thanh Hường Nguy");
        assert_eq!(tag("XMP-photoshop:Credit"), "Ảnh: Mai Quý");
        assert_eq!(tag("IPTC:Credit"), "Ảnh: Mai Quý");
        assert_eq!(tag("XMP-dc:Rights"), "© Báo Lao động Thủ đô");
        assert_eq!(tag("IPTC:CopyrightNotice"), "© Báo Lao động Thủ đô");
        assert_eq!(tag("XMP-photoshop:Headline"), "Trao quà cho đoàn viên");
        assert_eq!(tag("IPTC:Headline"), "Trao quà cho đoàn viên");
        assert_eq!(
            tag("XMP-iptcCore:AltTextAccessibility"),
            change.alt_text.clone().unwrap()
        );
        assert_eq!(tags["XMP-dc:Subject"], serde_json::json!(["công đoàn", "Hà Nội"]));
        assert_eq!(tags["IPTC:Keywords"], serde_json::json!(["công đoàn", "Hà Nội"]));
        assert_eq!(
            tags["XMP-iptcExt:PersonInImage"],
            serde_json::json!(["Nguyễn Phi Thường", "Phạm Văn Đức"])
        );
        assert_eq!(tag("XMP-photoshop:DateCreated"), "2021:05:17 11:16:00+07:00");
        assert_eq!(tag("IPTC:DateCreated"), "2021:05:17");
        let exported = std::fs::read(&out).unwrap();
        if rendition == Rendition::Original {
            // Metadata was inserted; the compressed image data is the original's, byte for byte.
            assert_eq!(scan_data(&exported), scan_data(&original));
            assert_eq!(tag("IFD0:Orientation"), "Rotate 90 CW");
        } else {
            let web = std::fs::read(file_path(
                &fixture.photos(),
                &photo.sha256,
                photo.format,
                rendition,
            ))
            .unwrap();
            assert_eq!(scan_data(&exported), scan_data(&web));
        }
        // What the export says, our own reader reads back the same way.
        let read = read_metadata(&exported, PhotoFormat::Jpeg);
        assert_eq!(read.fields.caption, long_caption.trim());
        assert_eq!(
            read.fields.people_shown,
            vec!["Nguyễn Phi Thường", "Phạm Văn Đức"]
        );
    }
}

#[test]
fn metadata_in_an_imported_file_prefills_the_photo() {
    let fixture = Fixture::new();
    let source = fixture
        .import("source.jpg", &jpeg(&marked_image(640, 480)))
        .unwrap();
    let change = PhotoEdit {
        description: Some("Chủ tịch LĐLĐ thành phố Hà Nội thăm công nhân".into()),
        creator: Some("Hà An".into()),
        alt_text: Some("Một người đàn ông bắt tay công nhân trong xưởng".into()),
        people: Some(vec!["Nguyễn Phi Thường".into()]),
        ..Default::default()
    };
    edit(&fixture.conn, &source.photo.id, &change, now()).unwrap();
    let bytes = export_bytes(
        &fixture.conn,
        &fixture.photos(),
        &source.photo.id,
        Rendition::Web,
        None,
    )
    .unwrap();

    let other = Fixture::new();
    let imported = other.import("tagged.jpg", &bytes).unwrap();
    let photo = imported.photo;
    assert_eq!(photo.description, "Chủ tịch LĐLĐ thành phố Hà Nội thăm công nhân");
    assert_eq!(photo.creator, "Hà An");
    // The newsroom's credit form is derived from the creator when the file has no credit.
    assert_eq!(photo.credit, "Ảnh: Hà An");
    assert_eq!(photo.alt_text, change.alt_text.unwrap());
    assert_eq!(photo.people.len(), 1);
    assert_eq!(photo.people[0].name, "Nguyễn Phi Thường");
    assert!(photo.missing.is_empty());
}

#[test]
fn an_article_orders_its_photos_has_one_lead_and_its_own_captions() {
    let fixture = Fixture::new();
    let article = fixture.article();
    let other_article = fixture.article();
    let a = fixture
        .import("a.jpg", &jpeg(&marked_image(400, 300)))
        .unwrap()
        .photo;
    let b = fixture
        .import("b.jpg", &jpeg(&marked_image(300, 400)))
        .unwrap()
        .photo;
    edit(
        &fixture.conn,
        &a.id,
        &PhotoEdit {
            description: Some("Mô tả lưu trữ".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    for id in [&a.id, &b.id] {
        attach(&fixture.conn, &article, id).unwrap();
    }
    attach(&fixture.conn, &other_article, &a.id).unwrap();
    set_article_caption(
        &fixture.conn,
        &article,
        &a.id,
        Some("Chú thích riêng của bài này"),
    )
    .unwrap();

    let photos = article_photos(&fixture.conn, &article).unwrap();
    assert_eq!(
        photos.iter().map(|p| p.photo.id.as_str()).collect::<Vec<_>>(),
        [&a.id, &b.id]
    );
    assert!(photos[0].is_lead && !photos[1].is_lead, "the first photo leads");
    assert_eq!(photos[0].caption, "Chú thích riêng của bài này");
    assert_eq!(
        article_photos(&fixture.conn, &other_article).unwrap()[0].caption,
        "Mô tả lưu trữ"
    );

    reorder(&fixture.conn, &article, std::slice::from_ref(&b.id)).unwrap();
    set_lead(&fixture.conn, &article, Some(&b.id)).unwrap();
    let photos = article_photos(&fixture.conn, &article).unwrap();
    assert_eq!(photos[0].photo.id, b.id);
    assert!(photos[0].is_lead && !photos[1].is_lead);

    let missing_alt = list(
        &fixture.conn,
        &PhotoQuery {
            missing: Some(RequiredField::Alt),
            article_id: Some(article.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(missing_alt.len(), 2);
    let missing_caption = list(
        &fixture.conn,
        &PhotoQuery {
            missing: Some(RequiredField::Caption),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(missing_caption.iter().map(|p| &p.id).collect::<Vec<_>>(), [&b.id]);
}

fn png(width: u32, height: u32, sixteen_bit: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    if sixteen_bit {
        let image = image::ImageBuffer::<image::Rgb<u16>, Vec<u16>>::from_pixel(
            width,
            height,
            image::Rgb([40000, 1000, 1000]),
        );
        let bytes: Vec<u8> = image.as_raw().iter().flat_map(|v| v.to_be_bytes()).collect();
        image::ImageEncoder::write_image(encoder, &bytes, width, height, image::ExtendedColorType::Rgb16)
            .unwrap();
    } else {
        let image = marked_image(width, height);
        image::ImageEncoder::write_image(
            encoder,
            image.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    }
    out
}

/// A PNG that declares a huge size but holds almost no data: a decompression bomb.
fn png_bomb(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    };
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn cmyk_jpeg(width: u16, height: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|_| [0u8, 200, 200, 0])
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    out
}

#[test]
fn bad_files_are_refused_by_name_and_leave_nothing_behind() {
    let good = jpeg(&marked_image(1600, 1200));
    let mut corrupt_png = png(200, 200, false);
    let middle = corrupt_png.len() / 2;
    for byte in &mut corrupt_png[middle..middle + 16] {
        *byte ^= 0x5a;
    }
    type Expected = fn(&PhotoError) -> bool;
    let cases: Vec<(&str, Vec<u8>, Expected)> = vec![
        ("empty.jpg", Vec::new(), |e| matches!(e, PhotoError::Corrupt(_))),
        ("notes.jpg", "Biên bản cuộc họp".as_bytes().to_vec(), |e| {
            matches!(e, PhotoError::NotAnImage)
        }),
        ("truncated.jpg", good[..good.len() / 2].to_vec(), |e| {
            matches!(e, PhotoError::Corrupt(_))
        }),
        ("corrupt.png", corrupt_png, |e| {
            matches!(e, PhotoError::Corrupt(_))
        }),
        ("bomb.png", png_bomb(30_000, 30_000), |e| {
            matches!(e, PhotoError::TooManyPixels { .. })
        }),
        (
            "iphone.heic",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            |e| matches!(e, PhotoError::Unsupported(_)),
        ),
    ];
    let fixture = Fixture::new();
    for (name, bytes, expected) in cases {
        let err = fixture.import(name, &bytes).unwrap_err();
        assert!(expected(&err.source), "{name}: {err}");
        assert!(err.to_string().contains(name), "the error names the file: {err}");
    }
    let err = import_file(
        &fixture.conn,
        &fixture.photos(),
        &fixture.root.join("gone.jpg"),
        None,
        now(),
    )
    .unwrap_err();
    assert!(matches!(err.source, PhotoError::FileMissing(_)), "{err}");
    assert_eq!(count(&fixture.conn, &PhotoQuery::default()).unwrap(), 0);
    assert_eq!(fixture.stored_files(), 0);
}

#[test]
fn unusual_but_valid_images_import() {
    let fixture = Fixture::new();
    let cmyk = fixture.import("print.jpg", &cmyk_jpeg(300, 200)).unwrap().photo;
    assert_eq!((cmyk.width, cmyk.height), (300, 200));
    let web = decode(
        &std::fs::read(file_path(
            &fixture.photos(),
            &cmyk.sha256,
            cmyk.format,
            Rendition::Web,
        ))
        .unwrap(),
    );
    let px = web.get_pixel(150, 100);
    assert!(
        px[0] > 200 && px[1] < 120 && px[2] < 120,
        "CMYK 0/200/200/0 is red, got {px:?}"
    );

    // WebP from the web, and a PNG whose transparency lands on white, not black.
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .encode(
            marked_image(300, 200).as_raw(),
            300,
            200,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    let web = fixture.import("tu-mang.webp", &webp).unwrap().photo;
    assert_eq!((web.width, web.height, web.format), (300, 200, PhotoFormat::Webp));
    let mut transparent = Vec::new();
    let clear = image::RgbaImage::from_pixel(120, 80, image::Rgba([0, 0, 0, 0]));
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut transparent),
        clear.as_raw(),
        120,
        80,
        image::ExtendedColorType::Rgba8,
    )
    .unwrap();
    let logo = fixture.import("logo.png", &transparent).unwrap().photo;
    let thumb = decode(
        &std::fs::read(file_path(
            &fixture.photos(),
            &logo.sha256,
            logo.format,
            Rendition::Thumb,
        ))
        .unwrap(),
    );
    assert!(
        thumb.get_pixel(60, 40)[0] > 240,
        "transparent pixels become white"
    );

    let deep = fixture.import("scan.png", &png(500, 300, true)).unwrap().photo;
    assert_eq!(
        (deep.width, deep.height, deep.format),
        (500, 300, PhotoFormat::Png)
    );

    // A huge, malformed XMP block and a broken EXIF block: the pixels still import.
    let plain = jpeg(&marked_image(320, 240));
    let mut odd = vec![0xff, 0xd8];
    let mut xmp_body = crate::xmp::JPEG_SIGNATURE.to_vec();
    xmp_body.extend(std::iter::repeat_n(b'<', 65_000));
    odd.extend_from_slice(&[0xff, 0xe1]);
    odd.extend_from_slice(&((xmp_body.len() + 2) as u16).to_be_bytes());
    odd.extend_from_slice(&xmp_body);
    odd.extend_from_slice(&[0xff, 0xe1, 0x00, 0x12]);
    odd.extend_from_slice(b"Exif\0\0MM\0*\xff\xff\xff\xff\0\x09");
    odd.extend_from_slice(&plain[2..]);
    let imported = fixture.import("odd.jpg", &odd).unwrap();
    assert_eq!((imported.photo.width, imported.photo.height), (320, 240));
    assert_eq!(imported.metadata.camera.orientation, 1);
}

#[test]
fn the_checklist_refuses_a_piece_whose_photos_lack_caption_credit_or_alt_text() {
    use newsroom_articles::{ArticleError, ChecklistRule, Status};
    let fixture = Fixture::new();
    let fields = newsroom_articles::ArticleFields {
        headline: "Công nhân nhận quà".into(),
        sapo: "Sáng nay, Công đoàn cơ sở trao quà.".into(),
        byline: "Mai Quý".into(),
        ..Default::default()
    };
    let article = newsroom_articles::create(&fixture.conn, &fields, now())
        .unwrap()
        .id;
    let photo = fixture
        .import("a.jpg", &jpeg(&marked_image(400, 300)))
        .unwrap()
        .photo;
    attach(&fixture.conn, &article, &photo.id).unwrap();
    let submit =
        || newsroom_articles::set_status(&fixture.conn, &article, Status::Submitted, "tester", "", now());
    match submit() {
        Err(ArticleError::ChecklistFailed(rules)) => assert_eq!(
            rules,
            vec![
                ChecklistRule::PhotoCaptionMissing,
                ChecklistRule::PhotoCreditMissing,
                ChecklistRule::PhotoAltMissing
            ]
        ),
        other => panic!("expected the photo rules to fail, got {other:?}"),
    }
    // The article's own caption counts; the archive description may stay empty.
    set_article_caption(&fixture.conn, &article, &photo.id, Some("Công nhân nhận quà")).unwrap();
    let change = PhotoEdit {
        credit: Some("Ảnh: Mai Quý".into()),
        alt_text: Some("Một nữ công nhân cầm túi quà".into()),
        ..Default::default()
    };
    edit(&fixture.conn, &photo.id, &change, now()).unwrap();
    assert_eq!(submit().unwrap().status, Status::Submitted);
}
