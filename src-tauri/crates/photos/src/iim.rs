//! IPTC IIM (the "IPTC" block older tools and WordPress read) inside a Photoshop image
//! resource block (JPEG APP13): parsing on import and writing on export.
//!
//! IIM limits are in bytes and Vietnamese letters take two or three bytes in UTF-8, so every
//! value written is cut at a character boundary, never inside one. Text is marked UTF-8 with
//! dataset 1:90 (`ESC % G`); unmarked text from other tools is read as UTF-8 when it is valid
//! and as Windows-1252 (what those tools wrote) otherwise.

use crate::models::EmbeddedFields;

/// The signature of the APP13 segment that carries Photoshop image resources.
pub const PHOTOSHOP_SIGNATURE: &[u8] = b"Photoshop 3.0\0";
const RESOURCE_SIGNATURE: &[u8] = b"8BIM";
const RESOURCE_IPTC: u16 = 0x0404;
/// The MD5 digest of the IPTC block: stale once the block changes, so it is dropped.
const RESOURCE_IPTC_DIGEST: u16 = 0x0425;
const UTF8_MARK: &[u8] = b"\x1b%G";

/// IIM dataset numbers in record 2 and their byte limits from the IIM specification.
pub mod dataset {
    pub const KEYWORDS: (u8, usize) = (25, 64);
    pub const DATE_CREATED: (u8, usize) = (55, 8);
    pub const TIME_CREATED: (u8, usize) = (60, 11);
    pub const BY_LINE: (u8, usize) = (80, 32);
    pub const HEADLINE: (u8, usize) = (105, 256);
    pub const CREDIT: (u8, usize) = (110, 32);
    pub const COPYRIGHT: (u8, usize) = (116, 128);
    pub const CAPTION: (u8, usize) = (120, 2000);
    pub const INSTRUCTIONS: (u8, usize) = (40, 256);
    pub const CITY: (u8, usize) = (90, 32);
    pub const PROVINCE: (u8, usize) = (95, 32);
    pub const COUNTRY: (u8, usize) = (101, 64);
    pub const JOB_ID: (u8, usize) = (103, 32);
}

/// One resource of a Photoshop image resource block, kept as raw bytes so resources this
/// program does not understand survive an export unchanged.
struct Resource<'a> {
    id: u16,
    raw: &'a [u8],
    data: &'a [u8],
}

fn resources(block: &[u8]) -> Vec<Resource<'_>> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while block.len() >= at + 12 && &block[at..at + 4] == RESOURCE_SIGNATURE {
        let start = at;
        let id = u16::from_be_bytes([block[at + 4], block[at + 5]]);
        let name_len = block[at + 6] as usize;
        // The Pascal name (length byte plus text) is padded to an even size.
        let mut cursor = at + 6 + ((name_len + 2) & !1);
        if block.len() < cursor + 4 {
            break;
        }
        let size = u32::from_be_bytes([
            block[cursor],
            block[cursor + 1],
            block[cursor + 2],
            block[cursor + 3],
        ]) as usize;
        cursor += 4;
        let Some(end) = cursor.checked_add(size).filter(|end| *end <= block.len()) else {
            break;
        };
        let padded_end = (end + (size & 1)).min(block.len());
        out.push(Resource {
            id,
            raw: &block[start..padded_end],
            data: &block[cursor..end],
        });
        at = padded_end;
    }
    out
}

/// The IIM datasets inside a Photoshop resource block, if it has an IPTC resource.
pub fn iim_in_resources(block: &[u8]) -> Option<&[u8]> {
    let block = block.strip_prefix(PHOTOSHOP_SIGNATURE).unwrap_or(block);
    resources(block)
        .into_iter()
        .find(|resource| resource.id == RESOURCE_IPTC)
        .map(|resource| resource.data)
}

/// Reads the fields this program uses from IIM datasets. Unknown or malformed datasets are
/// skipped; reading stops at the first byte that is not a dataset marker.
pub fn parse(iim: &[u8]) -> EmbeddedFields {
    let mut raw: Vec<(u8, u8, &[u8])> = Vec::new();
    let mut at = 0usize;
    while at + 5 <= iim.len() && iim[at] == 0x1c {
        let record = iim[at + 1];
        let number = iim[at + 2];
        let length = u16::from_be_bytes([iim[at + 3], iim[at + 4]]) as usize;
        at += 5;
        if length & 0x8000 != 0 {
            // An extended dataset: the low bits give the size of the length field. None of
            // the fields read here use it, so it is skipped when its length is readable.
            let size_len = length & 0x7fff;
            if size_len > 8 || at + size_len > iim.len() {
                break;
            }
            let size = iim[at..at + size_len].iter().fold(0usize, |acc, byte| {
                acc.saturating_mul(256).saturating_add(*byte as usize)
            });
            at = match at.checked_add(size_len).and_then(|a| a.checked_add(size)) {
                Some(next) if next <= iim.len() => next,
                _ => break,
            };
            continue;
        }
        if at + length > iim.len() {
            break;
        }
        raw.push((record, number, &iim[at..at + length]));
        at += length;
    }
    let utf8 = raw
        .iter()
        .any(|(record, number, value)| *record == 1 && *number == 90 && *value == UTF8_MARK);
    let text = |value: &[u8]| -> String {
        let decoded = match std::str::from_utf8(value) {
            Ok(text) => text.to_owned(),
            Err(_) if utf8 => String::from_utf8_lossy(value).into_owned(),
            Err(_) => value.iter().map(|byte| windows_1252(*byte)).collect(),
        };
        newsroom_text::nfc(decoded.trim_matches(char::from(0)).trim())
    };
    let mut fields = EmbeddedFields::default();
    let mut date = String::new();
    let mut time = String::new();
    for (record, number, value) in raw {
        if record != 2 {
            continue;
        }
        match number {
            n if n == dataset::CAPTION.0 => fields.caption = text(value),
            n if n == dataset::BY_LINE.0 && fields.creator.is_empty() => fields.creator = text(value),
            n if n == dataset::CREDIT.0 => fields.credit = text(value),
            n if n == dataset::COPYRIGHT.0 => fields.copyright = text(value),
            n if n == dataset::HEADLINE.0 => fields.headline = text(value),
            n if n == dataset::INSTRUCTIONS.0 => fields.instructions = text(value),
            n if n == dataset::CITY.0 => fields.city = text(value),
            n if n == dataset::PROVINCE.0 => fields.province = text(value),
            n if n == dataset::COUNTRY.0 => fields.country = text(value),
            n if n == dataset::JOB_ID.0 => fields.job_id = text(value),
            n if n == dataset::KEYWORDS.0 => {
                let keyword = text(value);
                if !keyword.is_empty() {
                    fields.keywords.push(keyword);
                }
            }
            n if n == dataset::DATE_CREATED.0 => date = text(value),
            n if n == dataset::TIME_CREATED.0 => time = text(value),
            _ => {}
        }
    }
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        let mut created = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..8]);
        if time.len() >= 6 && time.as_bytes()[..6].iter().all(u8::is_ascii_digit) {
            created.push_str(&format!("T{}:{}:{}", &time[..2], &time[2..4], &time[4..6]));
            if time.len() == 11 {
                created.push_str(&format!("{}:{}", &time[6..9], &time[9..11]));
            }
        }
        fields.date_created = created;
    }
    fields
}

/// The code points Windows-1252 gives bytes 0x80–0x9F; the rest map as Latin-1.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => char::from(byte),
    }
}

/// The longest prefix of `text` that fits in `max` bytes without cutting a character.
pub fn cut_to_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn push_dataset(out: &mut Vec<u8>, record: u8, number: u8, value: &[u8]) {
    out.extend_from_slice(&[0x1c, record, number]);
    out.extend_from_slice(&(value.len() as u16).to_be_bytes());
    out.extend_from_slice(value);
}

/// IIM datasets for these fields, marked UTF-8, each cut to its byte limit at a character
/// boundary. Empty fields are left out.
pub fn encode(fields: &EmbeddedFields) -> Vec<u8> {
    let mut out = Vec::new();
    push_dataset(&mut out, 1, 90, UTF8_MARK);
    // Record version 4, the last IIM version.
    push_dataset(&mut out, 2, 0, &[0, 4]);
    let mut text = |(number, max): (u8, usize), value: &str| {
        let value = value.trim();
        if !value.is_empty() {
            push_dataset(&mut out, 2, number, cut_to_bytes(value, max).as_bytes());
        }
    };
    // Datasets in ascending order, as the IIM specification asks.
    for keyword in &fields.keywords {
        text(dataset::KEYWORDS, keyword);
    }
    text(dataset::INSTRUCTIONS, &fields.instructions);
    if let Some((date, time)) = iim_date_time(&fields.date_created) {
        text(dataset::DATE_CREATED, &date);
        if let Some(time) = time {
            text(dataset::TIME_CREATED, &time);
        }
    }
    text(dataset::BY_LINE, &fields.creator);
    text(dataset::CITY, &fields.city);
    text(dataset::PROVINCE, &fields.province);
    text(dataset::COUNTRY, &fields.country);
    text(dataset::JOB_ID, &fields.job_id);
    text(dataset::HEADLINE, &fields.headline);
    text(dataset::CREDIT, &fields.credit);
    text(dataset::COPYRIGHT, &fields.copyright);
    text(dataset::CAPTION, &fields.caption);
    out
}

/// `2024-05-17T11:16:00+07:00` → (`20240517`, `111600+0700`); dates without a time give no time.
fn iim_date_time(created: &str) -> Option<(String, Option<String>)> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (date, rest) = created.split_once('T').unwrap_or((created, ""));
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    if !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let date = parts.concat();
    let time = rest.get(..8).and_then(|hms| {
        let t: Vec<&str> = hms.split(':').collect();
        if t.len() != 3 || !t.iter().all(|p| p.len() == 2 && digits(p)) {
            return None;
        }
        let zone = &rest[8..];
        let zone = zone.split_once(['+', '-']).map_or("", |_| zone);
        let offset = if zone.len() == 6 && zone.as_bytes()[3] == b':' {
            format!("{}{}", &zone[..3], &zone[4..])
        } else if rest.ends_with('Z') {
            "+0000".to_owned()
        } else {
            String::new()
        };
        Some(format!("{}{offset}", t.concat()))
    });
    Some((date, time))
}

/// A Photoshop resource block (with its APP13 signature) holding `iim`, keeping every other
/// resource of `existing` and dropping its stale IPTC block and digest.
pub fn resource_block(existing: Option<&[u8]>, iim: &[u8]) -> Vec<u8> {
    let mut out = PHOTOSHOP_SIGNATURE.to_vec();
    if let Some(existing) = existing {
        let existing = existing.strip_prefix(PHOTOSHOP_SIGNATURE).unwrap_or(existing);
        for resource in resources(existing) {
            if resource.id != RESOURCE_IPTC && resource.id != RESOURCE_IPTC_DIGEST {
                out.extend_from_slice(resource.raw);
            }
        }
    }
    out.extend_from_slice(RESOURCE_SIGNATURE);
    out.extend_from_slice(&RESOURCE_IPTC.to_be_bytes());
    // An empty Pascal name, padded to two bytes.
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    out.extend_from_slice(iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_to_a_byte_limit_never_splits_a_vietnamese_letter() {
        // "Nguyễn" is 8 bytes: ễ takes three.
        assert_eq!(cut_to_bytes("Nguyễn Văn A", 5), "Nguy");
        assert_eq!(cut_to_bytes("Nguyễn Văn A", 7), "Nguyễ");
        assert_eq!(cut_to_bytes("abc", 32), "abc");
    }

    #[test]
    fn written_fields_read_back_with_their_utf8_mark() {
        let fields = EmbeddedFields {
            caption: "Đoàn viên công đoàn nhận quà tại Hà Nội".into(),
            creator: "Mai Quý".into(),
            credit: "Ảnh: Mai Quý".into(),
            copyright: "© Báo Lao động Thủ đô".into(),
            headline: "Tặng quà".into(),
            keywords: vec!["công đoàn".into(), "Hà Nội".into()],
            date_created: "2021-05-17T11:16:00+07:00".into(),
            ..Default::default()
        };
        let block = resource_block(None, &encode(&fields));
        let read = parse(iim_in_resources(&block).unwrap());
        assert_eq!(read.caption, fields.caption);
        assert_eq!(read.creator, fields.creator);
        assert_eq!(read.credit, fields.credit);
        assert_eq!(read.copyright, fields.copyright);
        assert_eq!(read.headline, fields.headline);
        assert_eq!(read.keywords, fields.keywords);
        assert_eq!(read.date_created, fields.date_created);
    }

    #[test]
    fn unmarked_latin1_text_is_read_as_windows_1252() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, 2, 120, b"Caf\xe9 \x93quoted\x94");
        assert_eq!(parse(&iim).caption, "Café “quoted”");
    }

    #[test]
    fn other_photoshop_resources_survive_and_the_stale_digest_goes() {
        let mut existing = PHOTOSHOP_SIGNATURE.to_vec();
        for (id, data) in [
            (0x03ed_u16, &b"resolution"[..]),
            (RESOURCE_IPTC_DIGEST, &[7u8; 16][..]),
        ] {
            existing.extend_from_slice(RESOURCE_SIGNATURE);
            existing.extend_from_slice(&id.to_be_bytes());
            existing.extend_from_slice(&[0, 0]);
            existing.extend_from_slice(&(data.len() as u32).to_be_bytes());
            existing.extend_from_slice(data);
        }
        let block = resource_block(Some(&existing), b"\x1c\x02\x78\x00\x01x");
        let ids: Vec<u16> = resources(&block[PHOTOSHOP_SIGNATURE.len()..])
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, vec![0x03ed, RESOURCE_IPTC]);
    }

    #[test]
    fn malformed_blocks_read_as_empty_without_panicking() {
        for bytes in [
            &b""[..],
            b"\x1c",
            b"\x1c\x02\x78\xff\xff",
            b"\x1c\x02\x78\x80\x09",
            b"8BIM\x04\x04\xff",
            b"8BIM\x04\x04\x00\x00\xff\xff\xff\xff",
        ] {
            let _ = parse(bytes);
            let _ = iim_in_resources(bytes);
        }
    }
}
