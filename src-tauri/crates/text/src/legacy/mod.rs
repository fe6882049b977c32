//! Vietnamese written in the codes that came before Unicode: recognised and converted.
//!
//! Old documents arrive two ways: as files in those codes (bytes that are not UTF-8), and as
//! pasted Unicode text from documents set in the old fonts, which shows the code's bytes as
//! Western letters (`Xin chµo` in TCVN3, `Xin chaøo` in VNI). Both are judged the same way: a
//! code is taken only when converting turns words that are not Vietnamese syllables into
//! words that are, many times more often than it changes words that already were. Text that
//! is already good Unicode changes no word from broken to sound, so it is never touched; and
//! even in converted text a sound word is never made unsound.

mod tcvn3;
mod viqr;
mod vni;

use serde::Serialize;
use ts_rs::TS;

use crate::syllable::is_vietnamese_token;

/// The codes text is rescued from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the ABC fonts (`.VnTime`).
    Tcvn3,
    /// VNI-Windows, the VNI fonts (`VNI-Times`).
    Vni,
    /// VIQR (RFC 1456), Vietnamese in plain ASCII.
    Viqr,
    /// Windows-1258, Microsoft's Vietnamese code page (files only).
    Windows1258,
}

impl Legacy {
    /// The name a user knows the code by.
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI-Windows",
            Legacy::Viqr => "VIQR",
            Legacy::Windows1258 => "Windows-1258",
        }
    }

    /// Parses a command-line name: `tcvn3`, `vni`, `viqr`, `cp1258`.
    pub fn from_name(name: &str) -> Option<Legacy> {
        Some(match name.to_ascii_lowercase().as_str() {
            "tcvn3" | "abc" | "tcvn" => Legacy::Tcvn3,
            "vni" | "vni-windows" => Legacy::Vni,
            "viqr" => Legacy::Viqr,
            "cp1258" | "windows-1258" | "1258" => Legacy::Windows1258,
            _ => return None,
        })
    }
}

/// One word as it was and as it became, for showing the reporter what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConvertedWord {
    pub before: String,
    pub after: String,
}

/// What a conversion did: the new text, the code it came from, how many words changed and the
/// first few of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Conversion {
    pub text: String,
    pub from: Legacy,
    pub words: u32,
    pub examples: Vec<ConvertedWord>,
}

/// Bytes read as text: the text (NFC), and the conversion when it came from an old code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub conversion: Option<Conversion>,
}

/// Bytes that are neither UTF-8 (or UTF-16 with its mark) nor Vietnamese in an old code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecodable {
    /// Where the first byte that is not UTF-8 is.
    pub offset: usize,
}

impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not valid UTF-8 (first bad byte at offset {}), and not Vietnamese in TCVN3, VNI or Windows-1258",
            self.offset
        )
    }
}

const EXAMPLES: usize = 3;

/// A letter and its marks composed into one NFC letter, or `None` when they do not make one.
fn one_letter(parts: Vec<char>) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    let composed: String = parts.into_iter().collect::<String>().nfc().collect();
    let mut chars = composed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Converts a run of text written in a code's characters to Unicode; VIQR reads what follows
/// to tell a sentence's full stop from a dot tone.
fn decode_run(preceding: &str, run: &str, following: &str, from: Legacy) -> String {
    match from {
        Legacy::Viqr => viqr::decode_within(preceding, run, following),
        _ => decode_str(run, from),
    }
}

/// Converts text written in a code's characters to Unicode.
fn decode_str(text: &str, from: Legacy) -> String {
    match from {
        Legacy::Tcvn3 => text
            .chars()
            .map(|c| match u8::try_from(u32::from(c)) {
                Ok(byte) if byte >= 0xA1 => tcvn3::decode_byte(byte).unwrap_or(c),
                _ => c,
            })
            .collect(),
        Legacy::Vni => vni::decode(text),
        Legacy::Viqr => viqr::decode(text),
        Legacy::Windows1258 => text.to_owned(),
    }
}

/// Splits text into runs of whitespace and runs of the rest, keeping every character; each run
/// comes with the text before and after it.
fn runs(text: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != space)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        let before = &text[..text.len() - rest.len()];
        rest = tail;
        Some((before, run, tail))
    })
}

/// How converting a text from one code would change its words.
#[derive(Debug, Default)]
struct Assessment {
    /// Words that were not Vietnamese and become Vietnamese.
    gained: u32,
    /// Words that were Vietnamese already and would change.
    sound_before: u32,
    /// Words that change and are not Vietnamese either way.
    neither: u32,
}

impl Assessment {
    /// Whether the evidence for the code is overwhelming: at least one rescued word, and three
    /// rescued for every doubtful change.
    fn convincing(&self) -> bool {
        self.gained >= 1 && self.gained >= 3 * (self.sound_before + self.neither)
    }
}

fn assess(text: &str, from: Legacy) -> Assessment {
    let mut assessment = Assessment::default();
    for (preceding, run, following) in runs(text) {
        let converted = decode_run(preceding, run, following, from);
        if converted == run {
            continue;
        }
        match (is_vietnamese_token(run), is_vietnamese_token(&converted)) {
            (false, true) => assessment.gained += 1,
            (true, _) => assessment.sound_before += 1,
            (false, false) => assessment.neither += 1,
        }
    }
    assessment
}

/// Converts word by word. With `guard`, for Unicode text that may mix old and new, a sound
/// word is never made unsound.
fn convert_words(text: &str, from: Legacy, guard: bool) -> Conversion {
    let mut out = String::with_capacity(text.len());
    let mut words = 0;
    let mut examples = Vec::new();
    for (preceding, run, following) in runs(text) {
        let converted = decode_run(preceding, run, following, from);
        let wanted = !guard || is_vietnamese_token(&converted) || !is_vietnamese_token(run);
        if converted != run && wanted {
            let converted = crate::nfc(&converted);
            words += 1;
            if examples.len() < EXAMPLES {
                examples.push(ConvertedWord {
                    before: run.to_owned(),
                    after: converted.clone(),
                });
            }
            out.push_str(&converted);
        } else {
            out.push_str(run);
        }
    }
    Conversion {
        text: crate::nfc(&out),
        from,
        words,
        examples,
    }
}

/// Finds text from an old font in pasted or stored Unicode and converts it. `None` when the
/// text shows no old code, which is the answer for every good Unicode text.
pub fn rescue(text: &str) -> Option<Conversion> {
    let mut best: Option<(Legacy, Assessment)> = None;
    for from in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viqr] {
        let assessment = assess(text, from);
        if assessment.convincing() && best.as_ref().is_none_or(|(_, b)| assessment.gained > b.gained) {
            best = Some((from, assessment));
        }
    }
    best.map(|(from, _)| convert_words(text, from, true))
}

/// Converts text the user says is in a code, every character of it.
pub fn convert(text: &str, from: Legacy) -> String {
    crate::nfc(&decode_str(text, from))
}

/// Writes Unicode text in an old code, for the systems that still want one. Windows-1258 and
/// TCVN3 come back as their bytes read as Windows-1252 characters, the way a font would show.
pub fn encode(text: &str, to: Legacy) -> String {
    match to {
        Legacy::Tcvn3 => crate::nfc(text)
            .chars()
            .map(|c| match tcvn3::encode_char(c) {
                Some(byte) if byte >= 0x80 => char::from(byte),
                _ => c,
            })
            .collect(),
        Legacy::Vni => vni::encode(text),
        Legacy::Viqr => viqr::encode(text),
        Legacy::Windows1258 => {
            let form = windows_1258_form(text);
            let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&form);
            let (shown, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            shown.into_owned()
        }
    }
}

/// Windows-1258 holds the shaped letters (`â`, `ơ`, `đ`…) whole and the tones as combining
/// marks after them.
fn windows_1258_form(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        let mut tone = None;
        let bare: String = c
            .to_string()
            .nfd()
            .filter(|m| {
                let is_tone = crate::syllable::Tone::from_mark(*m).is_some();
                if is_tone {
                    tone = Some(*m);
                }
                !is_tone
            })
            .collect();
        out.extend(bare.nfc());
        out.extend(tone);
    }
    out
}

/// Encodes Unicode text as the bytes of an old code (TCVN3 and VNI bytes are their Windows-1252
/// characters; VIQR is ASCII).
pub fn encode_bytes(text: &str, to: Legacy) -> Vec<u8> {
    let shown = encode(text, to);
    match to {
        Legacy::Viqr => shown.into_bytes(),
        _ => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&shown);
            bytes.into_owned()
        }
    }
}

/// The letters TCVN3 encodes above ASCII with their bytes (for tables and tests).
pub fn tcvn3_letters() -> impl Iterator<Item = (u8, char)> {
    tcvn3::letters()
}

/// Reads bytes as text: UTF-8 (with or without its mark) or UTF-16 with its mark as they are,
/// old fonts' text inside them rescued; otherwise the old code that reads as Vietnamese.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_with_bom_removal(bytes);
            return Ok(unicode_text(&text));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(unicode_text(text)),
        Err(e) => {
            let offset = e.valid_up_to();
            let best = [Legacy::Tcvn3, Legacy::Vni, Legacy::Windows1258]
                .into_iter()
                .map(|from| {
                    let conversion = decode_bytes_from(bytes, from);
                    let (sound, unsound) = vietnamese_words(&conversion.text);
                    (conversion, sound, unsound)
                })
                // A reading that converts no word is no evidence of an old code: the bytes
                // that are not UTF-8 are damage, not Vietnamese.
                .filter(|(conversion, sound, unsound)| {
                    conversion.words > 0 && *sound >= 1 && *sound >= 2 * *unsound
                })
                .max_by_key(|(_, sound, unsound)| *sound as i64 - *unsound as i64);
            match best {
                Some((conversion, _, _)) => Ok(Decoded {
                    text: conversion.text.clone(),
                    conversion: Some(conversion),
                }),
                None => Err(Undecodable { offset }),
            }
        }
    }
}

/// Reads bytes the user says are in a code.
pub fn decode_bytes_from(bytes: &[u8], from: Legacy) -> Conversion {
    let shown = match from {
        Legacy::Viqr => String::from_utf8_lossy(bytes),
        _ => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    };
    if from != Legacy::Windows1258 {
        return convert_words(&shown, from, false);
    }
    // Windows-1258 is a code page of its own, read by its table; the words are counted against
    // how the same bytes look when read as Western text, which is what a reader would have
    // seen. Both are one character a byte, so their whitespace lines up.
    let (decoded, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let mut words = 0;
    let mut examples = Vec::new();
    for ((_, before, _), (_, after, _)) in runs(&shown).zip(runs(&decoded)) {
        if before != after {
            words += 1;
            if examples.len() < EXAMPLES {
                examples.push(ConvertedWord {
                    before: before.to_owned(),
                    after: crate::nfc(after),
                });
            }
        }
    }
    Conversion {
        text: crate::nfc(&decoded),
        from,
        words,
        examples,
    }
}

fn unicode_text(text: &str) -> Decoded {
    match rescue(text) {
        Some(conversion) => Decoded {
            text: conversion.text.clone(),
            conversion: Some(conversion),
        },
        None => Decoded {
            text: crate::nfc(text),
            conversion: None,
        },
    }
}

/// Counts words with letters beyond ASCII that are, and are not, Vietnamese syllables.
fn vietnamese_words(text: &str) -> (u32, u32) {
    let mut sound = 0;
    let mut unsound = 0;
    for word in text.split_whitespace().filter(|w| !w.is_ascii()) {
        if is_vietnamese_token(word) {
            sound += 1;
        } else {
            unsound += 1;
        }
    }
    (sound, unsound)
}
