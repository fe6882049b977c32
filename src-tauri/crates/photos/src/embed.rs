//! Writing the caption fields into a JPEG as XMP (APP1) and IPTC IIM (APP13) without touching
//! its pixels: marker segments before the first scan are rewritten, and every byte from the
//! start of scan to the end of the file is copied as it is.

use crate::models::EmbeddedFields;
use crate::{iim, xmp, PhotoError};

/// The largest payload one JPEG marker segment can hold.
const MAX_SEGMENT: usize = 65_533;

fn segment(out: &mut Vec<u8>, marker: u8, parts: &[&[u8]]) {
    let length: usize = parts.iter().map(|p| p.len()).sum::<usize>() + 2;
    out.extend_from_slice(&[0xff, marker]);
    out.extend_from_slice(&(length as u16).to_be_bytes());
    for part in parts {
        out.extend_from_slice(part);
    }
}

/// The JPEG with its XMP and IIM replaced by `fields`. Other segments (EXIF, ICC profile,
/// other Photoshop resources) are kept.
pub fn embed(jpeg: &[u8], fields: &EmbeddedFields) -> Result<Vec<u8>, PhotoError> {
    let (mut out, scan_start) = embedded_header(jpeg, fields)?;
    out.extend_from_slice(&jpeg[scan_start..]);
    Ok(out)
}

/// The new file's bytes up to its image data, and where the image data starts in `jpeg`
/// (which needs to hold only the segments before it): the rest is copied unchanged, so a
/// caller may copy it from the file without reading it.
pub fn embedded_header(jpeg: &[u8], fields: &EmbeddedFields) -> Result<(Vec<u8>, usize), PhotoError> {
    if jpeg.len() < 4 || jpeg[0] != 0xff || jpeg[1] != 0xd8 {
        return Err(PhotoError::NotAnImage);
    }
    let mut packet = xmp::packet(fields);
    if xmp::JPEG_SIGNATURE.len() + packet.len() > MAX_SEGMENT {
        // Without its padding first; a packet still too large cannot go in one segment.
        packet = packet
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if xmp::JPEG_SIGNATURE.len() + packet.len() > MAX_SEGMENT {
            return Err(PhotoError::MetadataTooLarge);
        }
    }
    let mut kept: Vec<(u8, &[u8])> = Vec::new();
    let mut old_photoshop: Vec<u8> = Vec::new();
    let mut at = 2usize;
    let scan_start = loop {
        if at + 4 > jpeg.len() || jpeg[at] != 0xff {
            return Err(PhotoError::Corrupt("the JPEG ends before its image data".into()));
        }
        let marker = jpeg[at + 1];
        if marker == 0xff {
            at += 1;
            continue;
        }
        if marker == 0xda {
            break at;
        }
        let length = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        if length < 2 || at + 2 + length > jpeg.len() {
            return Err(PhotoError::Corrupt(
                "a JPEG segment runs past the end of the file".into(),
            ));
        }
        let body = &jpeg[at + 4..at + 2 + length];
        let is_xmp = marker == 0xe1 && body.starts_with(xmp::JPEG_SIGNATURE);
        let is_photoshop = marker == 0xed && body.starts_with(iim::PHOTOSHOP_SIGNATURE);
        if is_photoshop {
            old_photoshop.extend_from_slice(&body[iim::PHOTOSHOP_SIGNATURE.len()..]);
        } else if !is_xmp {
            kept.push((marker, body));
        }
        at += 2 + length;
    };
    let mut block = iim::resource_block(
        (!old_photoshop.is_empty()).then_some(old_photoshop.as_slice()),
        &iim::encode(fields),
    );
    if block.len() > MAX_SEGMENT {
        // Other Photoshop resources that no longer fit are dropped; the caption matters more.
        block = iim::resource_block(None, &iim::encode(fields));
    }
    let mut out = Vec::with_capacity(scan_start + packet.len() + block.len() + 64);
    out.extend_from_slice(&[0xff, 0xd8]);
    // JFIF (APP0) and EXIF (APP1) stay first, as readers expect; the new blocks follow them.
    let leading = kept
        .iter()
        .take_while(|(marker, body)| *marker == 0xe0 || (*marker == 0xe1 && body.starts_with(b"Exif\0\0")))
        .count();
    for (marker, body) in &kept[..leading] {
        segment(&mut out, *marker, &[body]);
    }
    segment(&mut out, 0xe1, &[xmp::JPEG_SIGNATURE, packet.as_bytes()]);
    segment(&mut out, 0xed, &[&block]);
    for (marker, body) in &kept[leading..] {
        segment(&mut out, *marker, &[body]);
    }
    Ok((out, scan_start))
}
