//! Recognising a file's format and reading what it says about itself: EXIF (camera, date
//! taken, orientation, GPS), IPTC IIM and XMP. When IIM and XMP disagree, XMP wins: it is the
//! newer standard and the one editors keep current.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat};

use crate::models::{CameraFacts, EmbeddedFields, PhotoFormat, ReadMetadata};
use crate::{iim, xmp, PhotoError};

/// Recognises the format from the first bytes, whatever the file is called.
pub fn sniff(bytes: &[u8]) -> Result<PhotoFormat, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Corrupt("the file is empty".into()));
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [
            b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif",
        ]
        .iter()
        .any(|known| brand == &known[..])
        {
            return Err(PhotoError::Unsupported(
                "HEIC/HEIF (iPhone and other phones): convert it to JPEG first — on the phone set \
                 Camera → Formats → Most Compatible, or run `heif-convert photo.heic photo.jpg`"
                    .into(),
            ));
        }
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(PhotoFormat::Jpeg),
        Ok(ImageFormat::Png) => Ok(PhotoFormat::Png),
        Ok(ImageFormat::WebP) => Ok(PhotoFormat::Webp),
        Ok(other) => Err(PhotoError::Unsupported(format!(
            "{other:?} images: save it as JPEG, PNG or WebP"
        ))),
        Err(_) => Err(PhotoError::NotAnImage),
    }
}

/// The raw metadata blocks of a file.
#[derive(Default)]
struct Blocks {
    exif: Option<Vec<u8>>,
    xmp: Option<Vec<u8>>,
    photoshop: Option<Vec<u8>>,
}

fn jpeg_blocks(bytes: &[u8]) -> Blocks {
    let mut blocks = Blocks::default();
    let mut at = 2usize;
    // Walk the marker segments up to the start of scan; metadata never comes after it.
    while at + 4 <= bytes.len() && bytes[at] == 0xff {
        let marker = bytes[at + 1];
        if marker == 0xff {
            at += 1;
            continue;
        }
        if marker == 0xda || marker == 0xd9 {
            break;
        }
        if (0xd0..=0xd7).contains(&marker) || marker == 0x01 {
            at += 2;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        if length < 2 || at + 2 + length > bytes.len() {
            break;
        }
        let body = &bytes[at + 4..at + 2 + length];
        match marker {
            0xe1 if body.starts_with(b"Exif\0\0") && blocks.exif.is_none() => {
                blocks.exif = Some(body[6..].to_vec())
            }
            0xe1 if body.starts_with(xmp::JPEG_SIGNATURE) && blocks.xmp.is_none() => {
                blocks.xmp = Some(body[xmp::JPEG_SIGNATURE.len()..].to_vec())
            }
            0xed if body.starts_with(iim::PHOTOSHOP_SIGNATURE) => {
                blocks
                    .photoshop
                    .get_or_insert_with(Vec::new)
                    .extend_from_slice(&body[iim::PHOTOSHOP_SIGNATURE.len()..]);
            }
            _ => {}
        }
        at += 2 + length;
    }
    blocks
}

fn decoder_blocks(bytes: &[u8], format: PhotoFormat) -> Blocks {
    fn read(mut decoder: impl ImageDecoder) -> Blocks {
        Blocks {
            exif: decoder.exif_metadata().ok().flatten(),
            xmp: decoder.xmp_metadata().ok().flatten(),
            photoshop: None,
        }
    }
    match format {
        PhotoFormat::Png => image::codecs::png::PngDecoder::new(Cursor::new(bytes))
            .map(read)
            .unwrap_or_default(),
        PhotoFormat::Webp => image::codecs::webp::WebPDecoder::new(Cursor::new(bytes))
            .map(read)
            .unwrap_or_default(),
        PhotoFormat::Jpeg => jpeg_blocks(bytes),
    }
}

/// Reads every metadata block of the file. Damaged blocks are skipped, never fatal: the
/// pixels are what matter, and the photo editor can fill in what could not be read.
pub fn read(bytes: &[u8], format: PhotoFormat) -> ReadMetadata {
    let blocks = decoder_blocks(bytes, format);
    let mut fields = blocks
        .photoshop
        .as_deref()
        .and_then(iim::iim_in_resources)
        .map(iim::parse)
        .unwrap_or_default();
    if let Some(packet) = blocks.xmp.as_deref() {
        merge(&mut fields, xmp::parse(packet));
    }
    let camera = blocks.exif.map(exif_facts).unwrap_or_default();
    if fields.date_created.is_empty() && !camera.taken_at.is_empty() {
        fields.date_created = camera.taken_at.clone();
    }
    // The newsroom writes the credit as `Ảnh: Name`; a file with only a creator gets that.
    if fields.credit.is_empty() && !fields.creator.is_empty() {
        fields.credit = format!("Ảnh: {}", fields.creator);
    }
    ReadMetadata { fields, camera }
}

fn merge(into: &mut EmbeddedFields, from: EmbeddedFields) {
    let text = |target: &mut String, value: String| {
        if !value.is_empty() {
            *target = value;
        }
    };
    text(&mut into.caption, from.caption);
    text(&mut into.creator, from.creator);
    text(&mut into.credit, from.credit);
    text(&mut into.copyright, from.copyright);
    text(&mut into.headline, from.headline);
    text(&mut into.date_created, from.date_created);
    text(&mut into.alt_text, from.alt_text);
    text(&mut into.city, from.city);
    text(&mut into.province, from.province);
    text(&mut into.country, from.country);
    text(&mut into.event, from.event);
    text(&mut into.instructions, from.instructions);
    text(&mut into.job_id, from.job_id);
    if !from.keywords.is_empty() {
        into.keywords = from.keywords;
    }
    if !from.people_shown.is_empty() {
        into.people_shown = from.people_shown;
    }
    if !from.organisations_shown.is_empty() {
        into.organisations_shown = from.organisations_shown;
    }
    if from.rating != 0 {
        into.rating = from.rating;
    }
    text(&mut into.label, from.label);
}

fn exif_facts(raw: Vec<u8>) -> CameraFacts {
    let mut facts = CameraFacts {
        orientation: 1,
        ..Default::default()
    };
    let Ok(exif) = exif::Reader::new().read_raw(raw) else {
        return facts;
    };
    let text = |tag: exif::Tag| -> String {
        exif.get_field(tag, exif::In::PRIMARY)
            .and_then(|field| match &field.value {
                exif::Value::Ascii(parts) => parts
                    .first()
                    .map(|p| String::from_utf8_lossy(p).trim().to_owned()),
                _ => None,
            })
            .unwrap_or_default()
    };
    if let Some(value) = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|field| field.value.get_uint(0))
    {
        if (1..=8).contains(&value) {
            facts.orientation = value as u8;
        }
    }
    let make = text(exif::Tag::Make);
    let model = text(exif::Tag::Model);
    facts.camera = if model.starts_with(&make) || make.is_empty() {
        model
    } else {
        format!("{make} {model}").trim().to_owned()
    };
    // `2021:05:17 11:16:00` → `2021-05-17T11:16:00`, with the offset when the camera gave one.
    let taken = text(exif::Tag::DateTimeOriginal);
    if taken.len() == 19 && taken.as_bytes()[4] == b':' && taken.as_bytes()[10] == b' ' {
        let mut iso = format!(
            "{}-{}-{}T{}",
            &taken[..4],
            &taken[5..7],
            &taken[8..10],
            &taken[11..]
        );
        let offset = text(exif::Tag::OffsetTimeOriginal);
        if offset.len() == 6 {
            iso.push_str(&offset);
        }
        facts.taken_at = iso;
    }
    let coordinate = |value: exif::Tag, reference: exif::Tag| -> Option<f64> {
        let field = exif.get_field(value, exif::In::PRIMARY)?;
        let exif::Value::Rational(parts) = &field.value else {
            return None;
        };
        if parts.len() < 3 || parts.iter().any(|p| p.denom == 0) {
            return None;
        }
        let degrees = parts[0].to_f64() + parts[1].to_f64() / 60.0 + parts[2].to_f64() / 3600.0;
        let sign = match text(reference).as_str() {
            "S" | "W" => -1.0,
            _ => 1.0,
        };
        Some(sign * degrees).filter(|v| v.is_finite())
    };
    facts.gps_latitude = coordinate(exif::Tag::GPSLatitude, exif::Tag::GPSLatitudeRef);
    facts.gps_longitude = coordinate(exif::Tag::GPSLongitude, exif::Tag::GPSLongitudeRef);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content_not_name() {
        assert!(matches!(sniff(b""), Err(PhotoError::Corrupt(_))));
        assert!(matches!(
            sniff(b"Xin chao, day la van ban"),
            Err(PhotoError::NotAnImage)
        ));
        assert!(matches!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            Err(PhotoError::Unsupported(_))
        ));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0\0\x10JFIF").unwrap(), PhotoFormat::Jpeg);
    }

    #[test]
    fn a_jpeg_with_broken_segments_reads_as_no_metadata() {
        let _ = read(b"\xff\xd8\xff\xe1\xff\xff", PhotoFormat::Jpeg);
        let _ = read(b"\xff\xd8\xff\xed\x00\x01", PhotoFormat::Jpeg);
        let _ = read(b"\xff\xd8", PhotoFormat::Jpeg);
    }
}
