//! Vietnamese text rules shared by every capability.
//!
//! Invariant: every text field is stored in Unicode NFC. Text arrives decomposed (NFD) from
//! Word and macOS pastes, so every write path calls [`nfc`] at the boundary. Search uses
//! [`fold`], which erases the differences a reader does not care about: case, tone marks,
//! `đ`/`d`, NFC/NFD and old/new tone placement (`hoà` = `hòa`).

pub mod legacy;
pub mod syllable;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Normalises text to Unicode NFC, the only form the store holds.
pub fn nfc(text: &str) -> String {
    // Checking first avoids an allocation-heavy pass for the common, already-normal case.
    if unicode_normalization::is_nfc(text) {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

/// The lower case of `c` as one character. The letters Vietnamese is written in are mapped
/// here directly: the standard library finds every letter by a search of its tables, and the
/// suggester lowers every word of every story. Elsewhere the standard mapping is used; the one
/// letter whose lower case is two characters (`İ`) gives its first, so a lowered text keeps
/// its character offsets.
pub fn lower_char(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        0..=0xff => u,
        // Ă, Đ, Ĩ, Ũ, Ơ, Ư and their lower cases.
        0x102 | 0x110 | 0x128 | 0x168 | 0x1a0 | 0x1af => u + 1,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1a1 | 0x1b0 => u,
        // Latin Extended Additional from Ạ on: capital and small letters alternate.
        0x1ea0..=0x1eff => u | 1,
        // Combining marks (decomposed tones) have no case.
        0x300..=0x36f => u,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` in lower case, one character for one (see [`lower_char`]).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// Folds text for search and slugs: lowercase, no tone marks or other diacritics, `đ` → `d`.
///
/// Because folding removes every combining mark after decomposition, the old (`hoà`) and new
/// (`hòa`) tone placements fold to the same string, as do NFC and NFD input.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A key under which two spellings of the same words are equal: case, NFC/NFD and the tone's
/// placement (`hoá`/`hóa`, `thuý`/`thúy`) set aside, every letter and tone kept, so `Văn hoá`
/// and `văn hóa` share a key and `Văn hoa` does not. For names the newsroom and a site each
/// typed (a section, a tag), where [`fold`] would join different words.
pub fn same_words_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        match syllable::parse(word) {
            Some(s) => {
                key.push_str(s.onset);
                key.push_str(&s.rhyme);
                if s.tone != syllable::Tone::Level {
                    key.push_str(&format!("{:?}", s.tone));
                }
            }
            None => key.extend(nfc(word).chars().flat_map(char::to_lowercase)),
        }
    }
    key
}

/// Folds one character the way [`fold`] folds text, always to exactly one character, so a
/// folded string keeps the character offsets of the original (for highlighting matches).
/// Expects NFC input, where each letter with its tone marks is one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == 'đ' || c == 'Đ' {
        return 'd';
    }
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c && !is_combining_mark(d) {
            base = d;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// The Vietnamese alphabet in order; `ă`, `â`, `đ`, `ê`, `ô`, `ơ`, `ư` are letters of their own.
const ALPHABET: [&str; 29] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q",
    "r", "s", "t", "u", "ư", "v", "x", "y",
];

/// A key whose byte order is Vietnamese dictionary order: letters first by the Vietnamese
/// alphabet (`Đ` after `D`, `Ơ` after `Ô`), then tone marks as a secondary difference
/// (none, huyền, hỏi, ngã, sắc, nặng), then case. Letters outside the alphabet (f, j, w, z)
/// sort after `y`, digits before letters.
pub fn collation_key(text: &str) -> String {
    let mut primary = String::new();
    let mut secondary = String::new();
    let mut tertiary = String::new();
    for c in nfc(text).chars() {
        let mut base = String::new();
        let mut tone = 0u8;
        for d in std::iter::once(c)
            .flat_map(|c| c.to_lowercase())
            .collect::<String>()
            .nfd()
        {
            match d {
                '\u{300}' => tone = 1,
                '\u{309}' => tone = 2,
                '\u{303}' => tone = 3,
                '\u{301}' => tone = 4,
                '\u{323}' => tone = 5,
                other => base.push(other),
            }
        }
        let letter: String = base.nfc().collect();
        let rank = if let Some(i) = ALPHABET.iter().position(|l| *l == letter) {
            b'A' + 10 + i as u8
        } else if let Some(d) = c.to_digit(10) {
            b'0' + d as u8
        } else if c.is_alphanumeric() {
            b'z'
        } else {
            b' '
        };
        primary.push(rank as char);
        if rank != b' ' {
            secondary.push((b'0' + tone) as char);
            tertiary.push(if c.is_uppercase() { '1' } else { '0' });
        }
    }
    format!("{primary}\u{1}{secondary}\u{1}{tertiary}")
}

/// The sort key of a person's name the way Vietnamese lists sort people: by given name (the
/// last word), then by the rest of the name (`Nguyễn Phi Thường` sorts under T).
pub fn person_collation_key(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((given, rest)) if !rest.is_empty() => collation_key(&format!("{given} {}", rest.join(" "))),
        _ => collation_key(name),
    }
}

/// Makes a URL slug: `Hà Nội: Giao nhiệm vụ` → `ha-noi-giao-nhiem-vu`.
///
/// Only ASCII letters and digits survive; every other run of characters becomes one hyphen.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// Counts words the way word processors and Vietnamese newsrooms count them: each
/// whitespace-separated token holding a letter or digit is one word, so a syllable is one
/// word (`Hà Nội` is two) and so is a date (`17/05/2021`); lone punctuation is not.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// Counts user-perceived characters (grapheme clusters), so `ộ` counts once in NFC and NFD.
pub fn char_count(text: &str) -> usize {
    text.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_matches_the_standard_library_letter_for_letter() {
        // Every character of the planes news text is written in, with the one the mapping
        // knowingly differs on: `İ`, two characters in the standard library.
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let std_lower: String = c.to_lowercase().collect();
            if c == 'İ' {
                assert_eq!(lower_char(c), 'i');
                continue;
            }
            assert_eq!(lower_char(c).to_string(), std_lower, "{c:?}");
        }
        assert_eq!(lowercase("ĐẮK LẮK, Ủy ban NHÂN DÂN"), "đắk lắk, ủy ban nhân dân");
        assert_eq!(lowercase("HOÀ BÌNH").chars().count(), "HOÀ BÌNH".chars().count());
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Hà Nội".nfd().collect();
        assert_ne!(nfd, "Hà Nội");
        assert_eq!(nfc(&nfd), "Hà Nội");
    }

    #[test]
    fn same_words_key_sets_aside_case_and_tone_placement_only() {
        assert_eq!(same_words_key("Văn hoá"), same_words_key("văn hóa"));
        assert_eq!(same_words_key("Thể thao  "), same_words_key("THỂ THAO"));
        let nfd: String = "Kinh tế".nfd().collect();
        assert_eq!(same_words_key(&nfd), same_words_key("kinh tế"));
        assert_ne!(same_words_key("Văn hoá"), same_words_key("Văn hoa"));
        assert_ne!(same_words_key("Thời sự"), same_words_key("Thời sư"));
        assert_eq!(same_words_key("COVID-19"), same_words_key("covid-19"));
    }

    #[test]
    fn fold_erases_tones_case_and_d_stroke() {
        assert_eq!(fold("Hà Nội"), "ha noi");
        assert_eq!(fold("Đường Lao Động"), "duong lao dong");
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("thuý"), fold("thúy"));
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(fold(&nfd), "nguyen");
    }

    #[test]
    fn fold_char_agrees_with_fold_and_keeps_length() {
        for text in ["Hà Nội", "ĐƯỜNG Lao Động", "hoà thuý Ủy ban", "Nguyễn Phi Thường"] {
            let folded: String = text.chars().map(fold_char).collect();
            assert_eq!(folded, fold(text));
            assert_eq!(folded.chars().count(), text.chars().count());
        }
    }

    #[test]
    fn slug_matches_the_brief() {
        assert_eq!(
            slug("Hà Nội: Giao nhiệm vụ cho Tổ cán bộ biệt phái"),
            "ha-noi-giao-nhiem-vu-cho-to-can-bo-biet-phai"
        );
        assert_eq!(slug("  Đà Nẵng — 2026!  "), "da-nang-2026");
        assert_eq!(slug("???"), "");
    }

    #[test]
    fn collation_follows_the_vietnamese_alphabet_and_tones() {
        let mut words = vec![
            "Đào", "Dung", "ơn", "ôm", "an", "ăn", "ấn", "ba", "bà", "bá", "bạ", "bả", "bã", "Ân", "uy", "ưa",
        ];
        words.sort_by_key(|w| collation_key(w));
        assert_eq!(
            words,
            [
                "an", "ăn", "Ân", "ấn", "ba", "bà", "bả", "bã", "bá", "bạ", "Dung", "Đào", "ôm", "ơn", "uy",
                "ưa"
            ]
        );
        let mut people = vec![
            "Nguyễn Phi Thường",
            "Lê Đình Hùng",
            "Trần Văn An",
            "Đinh Quốc Toản",
        ];
        people.sort_by_key(|p| person_collation_key(p));
        assert_eq!(
            people,
            [
                "Trần Văn An",
                "Lê Đình Hùng",
                "Nguyễn Phi Thường",
                "Đinh Quốc Toản"
            ]
        );
    }

    #[test]
    fn counts_syllables_and_graphemes() {
        assert_eq!(word_count("Công đoàn các Khu công nghiệp"), 6);
        assert_eq!(word_count("Ngày 17/05/2021, 2.000 người – hết"), 5);
        let nfd: String = "ộ".nfd().collect();
        assert_eq!(char_count(&nfd), 1);
    }
}
