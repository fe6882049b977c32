//! The shape of a Vietnamese syllable: onset, rhyme and tone.
//!
//! Vietnamese writes one syllable per word, and the syllables a writer can spell are a closed,
//! small set: an optional onset from a fixed list, a rhyme from a fixed list and one of six
//! tones, with the stop rhymes (ending in `c`, `ch`, `p`, `t`) taking only the acute or the
//! dot. Telling a real syllable from mojibake (`chµo`, `chaøo`) or a typo needs nothing more,
//! so this is the judge the legacy-encoding detector and the spell checker share.

use unicode_normalization::UnicodeNormalization;

/// The six tones, in the order dictionaries list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Level,
    Grave,
    Hook,
    Tilde,
    Acute,
    Dot,
}

impl Tone {
    /// The combining mark that writes this tone (none for the level tone).
    pub fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    /// The tone a combining mark writes, if it writes one (`\u{301}` is the acute).
    pub fn from_mark(mark: char) -> Option<Tone> {
        Some(match mark {
            '\u{300}' => Tone::Grave,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{301}' => Tone::Acute,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }
}

/// A syllable taken apart: lowercase letters with their shape marks (`ă`, `â`, `ê`, `ô`, `ơ`,
/// `ư`, `đ`) but without the tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    pub onset: &'static str,
    pub rhyme: String,
    pub tone: Tone,
}

/// Onsets, longest first so that the first match is the longest.
const ONSETS: [&str; 27] = [
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Every rhyme the language spells, without tone. `qu` takes the rhymes spelled after it
/// without their `u` (`quốc` is `qu` + `ôc`, `quyết` is `qu` + `yêt`).
const RHYMES: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia",
    "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "oa", "oe", "uê", "uy", "uơ", "oai", "oay", "oao",
    "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "iêu", "yêu", "ac", "ach", "am", "an", "ang", "anh",
    "ap", "at", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "âc", "âm", "ân", "âng", "âp", "ât", "ec", "em", "en",
    "eng", "ep", "et", "êch", "êm", "ên", "ênh", "êp", "êt", "ich", "im", "in", "inh", "ip", "it", "oc",
    "om", "on", "ong", "op", "ot", "ooc", "oong", "ôc", "ôm", "ôn", "ông", "ôp", "ôt", "ơm", "ơn", "ơp",
    "ơt", "uc", "um", "un", "ung", "up", "ut", "ưc", "ưm", "ưn", "ưng", "ưt", "iêc", "iêm", "iên", "iêng",
    "iêp", "iêt", "yêm", "yên", "yêt", "uôc", "uôm", "uôn", "uông", "uôt", "ươc", "ươm", "ươn", "ương",
    "ươp", "ươt", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat", "oăc", "oăm", "oăn", "oăng",
    "oăt", "oen", "oet", "uân", "uâng", "uât", "uêch", "uênh", "uych", "uyn", "uynh", "uyp", "uyt", "uyên",
    "uyêt", "ych", "yn", "ynh", "yp", "yt",
];

/// Whether a lowercase letter (with its shape, without tone) is a vowel.
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Applies a shape mark (circumflex, breve, horn) to the letter it sits on, or refuses.
fn shaped(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '\u{302}') => 'â',
        ('e', '\u{302}') => 'ê',
        ('o', '\u{302}') => 'ô',
        ('a', '\u{306}') => 'ă',
        ('o', '\u{31b}') => 'ơ',
        ('u', '\u{31b}') => 'ư',
        _ => return None,
    })
}

/// Takes a word apart as one Vietnamese syllable, in any case and any normalisation form, with
/// the tone on any of its vowels (old and new placement alike). `None` when it is not one.
pub fn parse(word: &str) -> Option<Syllable> {
    let mut letters = String::with_capacity(word.len());
    let mut tone = Tone::Level;
    let mut capitals = 0;
    let mut count = 0;
    let mut capital_first = false;
    for c in word.nfd() {
        if c.is_alphabetic() {
            count += 1;
            if c.is_uppercase() {
                capitals += 1;
                capital_first |= count == 1;
            }
        }
        if let Some(t) = Tone::from_mark(c) {
            // One tone, on a vowel.
            if tone != Tone::Level || !letters.chars().last().is_some_and(is_vowel) {
                return None;
            }
            tone = t;
        } else if matches!(c, '\u{302}' | '\u{306}' | '\u{31b}') {
            let base = letters.pop()?;
            letters.push(shaped(base, c)?);
        } else if c.is_ascii_alphabetic() || c == 'đ' || c == 'Đ' {
            letters.push(if c == 'Đ' { 'đ' } else { c.to_ascii_lowercase() });
        } else {
            return None;
        }
    }
    // Written as `nội`, `Nội` or `NỘI`; `nỘi` is not a word but a font's code.
    let cased = capitals == 0 || capitals == count || (capitals == 1 && capital_first);
    if !cased {
        return None;
    }
    for onset in ONSETS.iter().copied().chain(std::iter::once("")) {
        let Some(rest) = letters.strip_prefix(onset) else {
            continue;
        };
        if rhyme_fits(onset, rest, tone) {
            return Some(Syllable {
                onset,
                rhyme: rest.to_owned(),
                tone,
            });
        }
        // `gi` before a rhyme that starts with a consonant or is empty is `g` + `i…`
        // (`gìn`, `gì`); trying `g` next covers it, as the loop goes on to shorter onsets.
    }
    None
}

fn rhyme_fits(onset: &str, rhyme: &str, tone: Tone) -> bool {
    if rhyme.is_empty() {
        // Only `gi` stands without a written rhyme (`gì`, `gỉ`).
        return false;
    }
    if onset == "qu" && rhyme.starts_with('u') {
        return false;
    }
    if !RHYMES.contains(&rhyme) {
        return false;
    }
    // The rhymes spelled with `y` and no `u` stand only after `qu` (`quýnh`, `quyết`), or
    // alone for `yên`, `yêu`…
    if rhyme.starts_with('y') && rhyme.len() > 1 && !(onset == "qu" || onset.is_empty()) {
        return false;
    }
    let stop = rhyme.ends_with('c') || rhyme.ends_with("ch") || rhyme.ends_with('p') || rhyme.ends_with('t');
    !stop || matches!(tone, Tone::Acute | Tone::Dot)
}

/// Whether a word is one Vietnamese syllable (`nghiêng`, `Quốc`, `hoà`, `hòa`).
pub fn is_syllable(word: &str) -> bool {
    parse(word).is_some() || is_gi_alone(word)
}

/// `gi` with no written rhyme (`gì`, `gỉ`): the one syllable the onset-rhyme split misses.
fn is_gi_alone(word: &str) -> bool {
    let mut chars = word.nfd().map(|c| c.to_ascii_lowercase());
    matches!((chars.next(), chars.next()), (Some('g'), Some('i')))
        && chars.clone().count() <= 1
        && chars.all(|c| Tone::from_mark(c).is_some())
}

/// Whether a token (a whitespace-separated run, perhaps with punctuation round it or a hyphen
/// inside) is made of Vietnamese syllables: `(Hà`, `Nội,`, `Ba-na`.
pub fn is_vietnamese_token(token: &str) -> bool {
    let core = core_of(token);
    !core.is_empty() && core.split('-').all(is_syllable)
}

/// A token without the punctuation that may surround a word.
pub fn core_of(token: &str) -> &str {
    token.trim_matches(|c: char| {
        c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '…' | '«' | '»' | '–' | '—')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables_pass_in_every_form() {
        let nfd: String = "Nguyễn".nfd().collect();
        for word in [
            "nghiêng", "Quốc", "hoà", "hòa", "thuý", "thúy", "gì", "gìn", "giếng", "già", "được", "người",
            "khuỷu", "quyết", "yêu", "Đà", "Nẵng", "xoong", "ĐOÀN", &nfd, "oản", "uống", "ngoằn", "huynh",
        ] {
            assert!(is_syllable(word), "{word}");
        }
    }

    #[test]
    fn mojibake_and_foreign_words_fail() {
        for word in [
            "chµo",
            "chaøo",
            "toâi",
            "Néi",
            "ng\u{ad}êi",
            "vieät",
            "café",
            "strong",
            "tác\u{301}",
            "bàc",
            "tÈn",
            "nỘi",
            "ăn\u{309}x",
            "ñaø",
            "",
            "ba1",
        ] {
            assert!(!is_syllable(word), "{word:?}");
        }
    }

    #[test]
    fn stop_rhymes_take_only_acute_or_dot() {
        assert!(is_syllable("các"));
        assert!(is_syllable("việt"));
        assert!(!is_syllable("càc"));
        assert!(!is_syllable("việt\u{300}"));
        assert!(!is_syllable("vieẽt"));
    }

    #[test]
    fn tokens_keep_their_punctuation_outside() {
        assert!(is_vietnamese_token("(Hà"));
        assert!(is_vietnamese_token("Nội,"));
        assert!(is_vietnamese_token("“Ba-na”"));
        assert!(!is_vietnamese_token("Néi,"));
        assert!(!is_vietnamese_token("..."));
    }
}
