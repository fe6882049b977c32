//! VNI-Windows, the two-byte-per-letter code of the VNI fonts: a vowel, then a byte that adds
//! its shape and tone. Its bytes are read as Windows-1252, which is also what a paste from a
//! document set in a VNI font carries (`chaøo` for `chào`).

use unicode_normalization::UnicodeNormalization;

use crate::syllable::Tone;

const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// Letters VNI writes as one byte: `ơ`, `ư`, `đ`, `i` with its tones and `ỵ`.
const SINGLES: [(char, char); 18] = [
    ('ô', 'ơ'),
    ('ö', 'ư'),
    ('ñ', 'đ'),
    ('í', 'í'),
    ('ì', 'ì'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('î', 'ỵ'),
    ('Ô', 'Ơ'),
    ('Ö', 'Ư'),
    ('Ñ', 'Đ'),
    ('Í', 'Í'),
    ('Ì', 'Ì'),
    ('Æ', 'Ỉ'),
    ('Ó', 'Ĩ'),
    ('Ò', 'Ị'),
    ('Î', 'Ỵ'),
];

/// The bytes that follow a vowel: the shape they add and the tone, lowercase then capital.
const MARKS: [(char, char, Option<char>, Tone); 17] = [
    ('ù', 'Ù', None, Tone::Acute),
    ('ø', 'Ø', None, Tone::Grave),
    ('û', 'Û', None, Tone::Hook),
    ('õ', 'Õ', None, Tone::Tilde),
    ('ï', 'Ï', None, Tone::Dot),
    ('â', 'Â', Some(CIRCUMFLEX), Tone::Level),
    ('á', 'Á', Some(CIRCUMFLEX), Tone::Acute),
    ('à', 'À', Some(CIRCUMFLEX), Tone::Grave),
    ('å', 'Å', Some(CIRCUMFLEX), Tone::Hook),
    ('ã', 'Ã', Some(CIRCUMFLEX), Tone::Tilde),
    ('ä', 'Ä', Some(CIRCUMFLEX), Tone::Dot),
    ('ê', 'Ê', Some(BREVE), Tone::Level),
    ('é', 'É', Some(BREVE), Tone::Acute),
    ('è', 'È', Some(BREVE), Tone::Grave),
    ('ú', 'Ú', Some(BREVE), Tone::Hook),
    ('ü', 'Ü', Some(BREVE), Tone::Tilde),
    ('ë', 'Ë', Some(BREVE), Tone::Dot),
];

fn mark_of(c: char) -> Option<(Option<char>, Tone)> {
    MARKS
        .iter()
        .find(|(lower, upper, _, _)| *lower == c || *upper == c)
        .map(|(_, _, shape, tone)| (*shape, *tone))
}

/// Applies a VNI mark to the letter before it, when that letter can take it.
fn combine(letter: char, shape: Option<char>, tone: Tone) -> Option<char> {
    let mut parts = letter.to_string().nfd().collect::<Vec<char>>();
    let base = parts[0].to_ascii_lowercase();
    if !matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
        return None;
    }
    let has_tone = parts[1..].iter().any(|m| Tone::from_mark(*m).is_some());
    if tone != Tone::Level && has_tone {
        return None;
    }
    if let Some(shape) = shape {
        let fits = match shape {
            CIRCUMFLEX => matches!(base, 'a' | 'e' | 'o'),
            _ => base == 'a',
        };
        if !fits || parts.len() > 1 {
            return None;
        }
        parts.push(shape);
    }
    parts.extend(tone.mark());
    super::one_letter(parts)
}

/// Converts text in VNI (as Windows-1252 characters) to Unicode.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some((_, letter)) = SINGLES.iter().find(|(vni, _)| *vni == c) {
            out.push(*letter);
            continue;
        }
        if let Some((shape, tone)) = mark_of(c) {
            if let Some(last) = out.chars().last() {
                if let Some(combined) = combine(last, shape, tone) {
                    out.pop();
                    out.push(combined);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Writes Unicode text in VNI (as Windows-1252 characters). Characters VNI cannot write pass
/// through unchanged.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if let Some((vni, _)) = SINGLES.iter().find(|(_, letter)| *letter == c) {
            out.push(*vni);
            continue;
        }
        let parts: Vec<char> = c.to_string().nfd().collect();
        let upper = parts[0].is_uppercase();
        let mut shape = None;
        let mut tone = Tone::Level;
        let mut base = parts[0];
        for m in &parts[1..] {
            match *m {
                CIRCUMFLEX | BREVE => shape = Some(*m),
                '\u{31b}' => {
                    // The horn makes `ơ`/`ư`, written as their one-byte letter.
                    base = if base.eq_ignore_ascii_case(&'o') {
                        'ô'
                    } else {
                        'ö'
                    };
                    if upper {
                        base = base.to_uppercase().next().unwrap_or(base);
                    }
                }
                mark => tone = Tone::from_mark(mark).unwrap_or(tone),
            }
        }
        let vowel = matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y' | 'ô' | 'ö')
            || matches!(base, 'Ô' | 'Ö');
        if parts.len() == 1 || !vowel {
            out.push(c);
            continue;
        }
        out.push(base);
        if let Some((lower, capital, _, _)) = MARKS.iter().find(|(_, _, s, t)| *s == shape && *t == tone) {
            out.push(if upper { *capital } else { *lower });
        }
    }
    out
}
