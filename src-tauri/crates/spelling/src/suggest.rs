//! Suggestions for a misspelled syllable, most likely first: the confusions Vietnamese writers
//! actually make (hỏi/ngã, other tones, s/x, tr/ch, l/n, d/gi/r, final n/ng and c/t), then the
//! words with the same letters (typed without marks), then Hunspell's own.

use newsroom_text::syllable::{self, Tone};

use crate::dictionary::Dictionary;
use crate::style::{compose, in_case_of};
use crate::TonePlacement;

const MAX: usize = 8;

const TONES: [Tone; 6] = [
    Tone::Level,
    Tone::Grave,
    Tone::Hook,
    Tone::Tilde,
    Tone::Acute,
    Tone::Dot,
];

/// Onsets written for one another, each group read either way.
const ONSET_CONFUSIONS: [&[&str]; 6] = [
    &["s", "x"],
    &["tr", "ch"],
    &["l", "n"],
    &["d", "gi", "r", "v"],
    &["g", "gh"],
    &["ng", "ngh"],
];

/// Final consonants written for one another.
const CODA_CONFUSIONS: [(&str, &str); 4] = [("n", "ng"), ("t", "c"), ("nh", "n"), ("ch", "t")];

/// Candidate spellings in order of likelihood, before they are checked against the dictionary.
fn confusions(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let parsed = syllable::parse(&lower).map(|s| (s.onset.to_owned(), s.rhyme, s.tone));
    let Some((onset, rhyme, tone)) = parsed.or_else(|| loose_parse(&lower)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let swapped_tone = match tone {
        Tone::Hook => Some(Tone::Tilde),
        Tone::Tilde => Some(Tone::Hook),
        _ => None,
    };
    let mut tones: Vec<Tone> = swapped_tone.into_iter().collect();
    tones.extend(
        TONES
            .iter()
            .copied()
            .filter(|t| *t != tone && Some(*t) != swapped_tone),
    );
    for t in &tones {
        out.push(compose(&onset, &rhyme, *t, TonePlacement::New));
    }
    let onsets: Vec<&str> = ONSET_CONFUSIONS
        .iter()
        .filter(|group| group.contains(&onset.as_str()))
        .flat_map(|group| group.iter().copied().filter(|o| *o != onset))
        .collect();
    let codas: Vec<String> = CODA_CONFUSIONS
        .iter()
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .filter_map(|(from, to)| rhyme.strip_suffix(*from).map(|stem| format!("{stem}{to}")))
        .collect();
    for t in std::iter::once(tone).chain(swapped_tone) {
        for o in &onsets {
            out.push(compose(o, &rhyme, t, TonePlacement::New));
        }
        for r in &codas {
            out.push(compose(&onset, r, t, TonePlacement::New));
        }
    }
    out
}

/// Takes a word apart even when its rhyme is not one the language spells, so a wrong tone on
/// a stop rhyme (`càc`) still gets its tone swapped.
fn loose_parse(word: &str) -> Option<(String, String, Tone)> {
    let mut tone = Tone::Level;
    let mut bare = String::new();
    for c in unicode_normalization::UnicodeNormalization::nfd(word) {
        match Tone::from_mark(c) {
            Some(t) => tone = t,
            None => bare.push(c),
        }
    }
    let bare: String = unicode_normalization::UnicodeNormalization::nfc(bare.as_str()).collect();
    let split = bare.find(|c: char| "aăâeêioôơuưy".contains(c))?;
    Some((bare[..split].to_owned(), bare[split..].to_owned(), tone))
}

/// Suggestions for a misspelled word, in its case, most likely first.
pub fn suggestions(dictionary: &Dictionary, word: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |candidate: String, out: &mut Vec<String>| {
        let candidate = in_case_of(&candidate, word);
        if candidate != word && !out.contains(&candidate) && out.len() < MAX {
            out.push(candidate);
        }
    };
    for candidate in confusions(word) {
        if dictionary.knows(&candidate) || known(&candidate) {
            push(candidate, &mut out);
        }
    }
    for candidate in dictionary.same_letters(word) {
        push(candidate.clone(), &mut out);
    }
    if out.len() < 3 {
        for candidate in dictionary.hunspell_suggestions(word) {
            push(candidate, &mut out);
        }
    }
    out
}
