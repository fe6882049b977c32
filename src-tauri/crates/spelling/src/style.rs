//! Placing a syllable's tone, and the house style's two choices: old or new placement in `oa`,
//! `oe`, `uy`, and `i` or `y` after a consonant.

use newsroom_text::syllable::{self, is_vowel, Syllable, Tone};
use unicode_normalization::UnicodeNormalization;

use crate::models::{HouseStyle, TonePlacement, VowelIY};

/// The index in the rhyme of the vowel that carries the tone.
fn tone_vowel(rhyme: &[char], placement: TonePlacement) -> Option<usize> {
    let vowels: Vec<usize> = (0..rhyme.len()).filter(|&i| is_vowel(rhyme[i])).collect();
    let first = *vowels.first()?;
    let last = *vowels.last()?;
    // A shaped vowel always carries it (the last one in `ươ`).
    if let Some(&i) = vowels
        .iter()
        .rev()
        .find(|&&i| matches!(rhyme[i], 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
    {
        return Some(i);
    }
    if last + 1 < rhyme.len() {
        return Some(last);
    }
    match vowels.len() {
        1 => Some(first),
        2 => {
            let pair: String = [rhyme[first], rhyme[last]].iter().collect();
            if matches!(pair.as_str(), "oa" | "oe" | "uy") && placement == TonePlacement::New {
                Some(last)
            } else {
                Some(first)
            }
        }
        _ => Some(vowels[1]),
    }
}

/// Writes a syllable from its parts, lowercase, the tone where `placement` puts it (`Either`
/// writes the new placement, the dictionary's).
pub fn compose(onset: &str, rhyme: &str, tone: Tone, placement: TonePlacement) -> String {
    let placement = if placement == TonePlacement::Either {
        TonePlacement::New
    } else {
        placement
    };
    let letters: Vec<char> = rhyme.chars().collect();
    let mut out = String::from(onset);
    let at = tone_vowel(&letters, placement);
    for (i, c) in letters.iter().enumerate() {
        out.push(*c);
        if Some(i) == at {
            out.extend(tone.mark());
        }
    }
    out.nfc().collect()
}

/// Writes `word` in the case of `like`: lowercase, Capitalised or UPPER.
pub fn in_case_of(word: &str, like: &str) -> String {
    let mut letters = like.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = letters.collect();
    let all_upper = first_upper && !rest.is_empty() && rest.iter().all(|c| c.is_uppercase());
    if all_upper {
        word.to_uppercase()
    } else if first_upper {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

/// The word with its tone placed the way `placement` says, in its own case; the word itself
/// when it is not a syllable or has nothing to place.
pub fn with_placement(word: &str, placement: TonePlacement) -> String {
    match syllable::parse(word) {
        Some(Syllable { onset, rhyme, tone }) if tone != Tone::Level => {
            in_case_of(&compose(onset, &rhyme, tone, placement), word)
        }
        _ => word.to_owned(),
    }
}

/// The onsets after which a lone `i`/`y` may be written either way.
const I_Y_ONSETS: [&str; 5] = ["h", "k", "l", "m", "t"];

/// The word with a lone `i`/`y` after a consonant written the house way, or `None` when the
/// style says nothing about it. Capitalised words are names (`Lý`, `Mỹ`) and keep their letter.
pub fn with_vowel(word: &str, style: VowelIY) -> Option<String> {
    if style == VowelIY::Either || word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let Syllable { onset, rhyme, tone } = syllable::parse(word)?;
    if !(rhyme == "i" || rhyme == "y") || !I_Y_ONSETS.contains(&onset) {
        return None;
    }
    let letter = if style == VowelIY::I { "i" } else { "y" };
    Some(compose(onset, letter, tone, TonePlacement::New))
}

/// The word in house style, when that differs from how it is written.
pub fn house_form(word: &str, style: &HouseStyle, known: impl Fn(&str) -> bool) -> Option<String> {
    let mut form = word.to_owned();
    if style.tone_placement != TonePlacement::Either {
        form = with_placement(&form, style.tone_placement);
    }
    if let Some(vowel) = with_vowel(&form, style.vowel_i_y) {
        // Tradition writes `y` only in some words; take it only where the dictionary does.
        if style.vowel_i_y == VowelIY::I || known(&vowel) {
            form = vowel;
        }
    }
    (form != word).then_some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_moves_only_in_open_oa_oe_uy() {
        assert_eq!(with_placement("hoà", TonePlacement::Old), "hòa");
        assert_eq!(with_placement("hòa", TonePlacement::New), "hoà");
        assert_eq!(with_placement("Thủy", TonePlacement::New), "Thuỷ");
        assert_eq!(with_placement("KHOẺ", TonePlacement::Old), "KHỎE");
        assert_eq!(with_placement("hoàn", TonePlacement::Old), "hoàn");
        assert_eq!(with_placement("quý", TonePlacement::Old), "quý");
        assert_eq!(with_placement("người", TonePlacement::Old), "người");
        assert_eq!(with_placement("ngoài", TonePlacement::New), "ngoài");
        assert_eq!(with_placement("mía", TonePlacement::New), "mía");
    }

    #[test]
    fn i_and_y_follow_the_house() {
        assert_eq!(with_vowel("kỹ", VowelIY::I).as_deref(), Some("kĩ"));
        assert_eq!(with_vowel("lí", VowelIY::Y).as_deref(), Some("lý"));
        assert_eq!(with_vowel("Lý", VowelIY::I), None);
        assert_eq!(with_vowel("tuy", VowelIY::I), None);
        assert_eq!(with_vowel("kỹ", VowelIY::Either), None);
    }
}
