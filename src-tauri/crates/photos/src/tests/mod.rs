//! The library on real SQLite files and real image files: imports, renditions for every EXIF
//! orientation, bad input, and exports read back by exiftool (the reference reader).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use image::{Rgb, RgbImage};
use rusqlite::Connection;

use crate::*;

mod arranging;
mod bad_input;
mod exporting;
mod framing;
mod importing;
mod rating;
mod templating;

pub(super) struct Fixture {
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
        newsroom_articles::create(&self.conn, &fields, "tester", now())
            .unwrap()
            .id
    }
}

pub(super) fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 4, 0, 0).unwrap()
}

/// A picture whose top-left quarter is red and the rest blue, so orientation can be checked.
pub(super) fn marked_image(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        if x < width / 2 && y < height / 2 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    })
}

pub(super) fn jpeg(image: &RgbImage) -> Vec<u8> {
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
pub(super) fn jpeg_with_orientation(image: &RgbImage, orientation: u16) -> Vec<u8> {
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

pub(super) fn decode(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).unwrap().to_rgb8()
}

pub(super) fn is_red(px: &Rgb<u8>) -> bool {
    px[0] > 150 && px[2] < 100
}
