//! Vietnamese spell checking for the headline, sapo and body.
//!
//! A word is right when the Vietnamese dictionary has it (in either tone placement and any
//! case), when the newsroom has added or ignored it, or when it is part of a name in the
//! directory of people and organisations, so tagged names are never marked. A right word that
//! is not in the house style (tone placement, `i`/`y`) is marked as a style issue with its
//! house form. Suggestions are computed when asked for, one word at a time, so checking stays
//! a lookup per word. Phrases the newsroom has said are right teach the context check: a
//! word is never marked among the neighbours it has in such a phrase.
//!
//! The dictionary is read at run time from Debian's `hunspell-vi`; without it the checker says
//! so (`DictionaryMissing`) and the editor works unchecked.

mod context;
mod dictionary;
pub mod house;
mod models;
mod press;
mod style;
mod suggest;
mod words;

use std::collections::HashSet;

use context::Likeness;

pub use dictionary::{find_dictionary, Dictionary, DICTIONARY_DIR_ENV};
pub use models::{HouseStyle, HouseWord, Issue, IssueKind, Normalised, TonePlacement, VowelIY, WordKind};
pub use style::{with_placement, with_vowel};

#[derive(Debug, thiserror::Error)]
pub enum SpellingError {
    #[error("no Vietnamese dictionary: {0}")]
    DictionaryMissing(String),
    #[error("the Vietnamese dictionary cannot be read: {0}")]
    Dictionary(String),
    #[error("{0}")]
    BadWord(String),
    #[error("{0}")]
    BadImport(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, SpellingError>;

/// What a check knows beside the dictionary: the newsroom's words, the directory's name words
/// (lowercase) and the house style.
pub struct Speller<'a> {
    pub dictionary: &'a Dictionary,
    pub house_words: &'a HashSet<String>,
    pub name_words: &'a HashSet<String>,
    pub style: HouseStyle,
}

impl Speller<'_> {
    /// What newspapers print or the newsroom has added: right, and never second-guessed.
    fn newsroom_word(&self, word: &str) -> bool {
        press::printed(word)
            || self.house_words.contains(word)
            || self.house_words.contains(&word.to_lowercase())
    }

    fn own(&self, word: &str) -> bool {
        self.newsroom_word(word) || self.name_words.contains(&word.to_lowercase())
    }

    /// Whether a word is right as written (dictionary, newsroom, directory).
    pub fn is_right(&self, word: &str) -> bool {
        self.own(word) || self.dictionary.knows(word)
    }

    /// The marked words of a text (code-point offsets).
    pub fn check(&self, text: &str) -> Vec<Issue> {
        let words = words::words(text);
        // Neighbours are words with nothing but spaces between them; a comma, a line break or
        // a passed-over code ends the phrase.
        let gap = |a: &words::Word, b: &words::Word| &text[a.bytes.end..b.bytes.start];
        let joined = |g: &str| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}');
        // Each word keyed once, for itself and as its neighbours' neighbour.
        let keys: Vec<Option<String>> = words.iter().map(|w| context::key(w.text)).collect();
        // The phrases the newsroom has said are right, keyed word by word.
        let taught: Vec<Vec<String>> = self
            .house_words
            .iter()
            .filter(|w| w.contains(' '))
            .filter_map(|phrase| {
                phrase
                    .split(' ')
                    .map(|w| context::key(&w.to_lowercase()))
                    .collect()
            })
            .collect();
        // Whether a word stands in one of them here: its neighbours are the phrase's.
        let in_taught_phrase = |w: &str, left: Option<&str>, right: Option<&str>| {
            taught.iter().any(|phrase| {
                phrase.iter().enumerate().any(|(p, word)| {
                    word == w
                        && (p == 0 || left == Some(phrase[p - 1].as_str()))
                        && phrase.get(p + 1).is_none_or(|next| right == Some(next.as_str()))
                })
            })
        };
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let before = i.checked_sub(1).map(|p| (&words[p], gap(&words[p], word)));
            let left = before
                .filter(|(_, g)| joined(g))
                .and_then(|_| keys[i - 1].as_deref());
            let right = words
                .get(i + 1)
                .filter(|next| joined(gap(word, next)))
                .and_then(|_| keys[i + 1].as_deref());
            let wanted = |likeness| {
                let w = keys[i].as_deref()?;
                if in_taught_phrase(w, left, right) {
                    return None;
                }
                context::wanted(word.text, w, left, right, likeness)
            };
            // A directory name's syllables are right but still read in context: a name word
            // such as `sáng` is an everyday word too.
            let (kind, replacement) = if self.newsroom_word(word.text) {
                continue;
            } else if !self.dictionary.knows(word.text) {
                if self.name_words.contains(&word.text.to_lowercase()) {
                    continue;
                }
                (IssueKind::Misspelled, wanted(Likeness::Shape).unwrap_or_default())
            } else if let Some(wanted) = (!named(word.text, before.map(|(_, g)| g)))
                .then(|| wanted(Likeness::Sound))
                .flatten()
            {
                (IssueKind::Context, wanted)
            } else {
                match style::house_form(word.text, &self.style, |w| self.dictionary.knows(w)) {
                    Some(form) => (IssueKind::Style, form),
                    None => continue,
                }
            };
            // The word with the neighbours it was read with, as written.
            let phrase = if kind == IssueKind::Context {
                let from = if left.is_some() {
                    words[i - 1].bytes.start
                } else {
                    word.bytes.start
                };
                let to = if right.is_some() {
                    words[i + 1].bytes.end
                } else {
                    word.bytes.end
                };
                text[from..to].to_owned()
            } else {
                String::new()
            };
            out.push(Issue {
                start: word.start as u32,
                end: word.end as u32,
                word: word.text.to_owned(),
                kind,
                replacement,
                phrase,
            });
        }
        out
    }

    /// Suggestions for a word, most likely first, each in the house style.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // The same letters and tone with the mark where the spelling puts it (`tíên` →
        // `tiến`) is surely what was meant, so it comes first.
        let placed = with_placement(word, TonePlacement::New);
        let placed = [placed]
            .into_iter()
            .filter(|p| p != word && self.dictionary.knows(p));
        for s in placed.chain(suggest::suggestions(self.dictionary, word, |w| self.own(w))) {
            // One written word is one word: the dictionary's splits (`vi deo`, `Sam-sung`) are
            // not what a writer of one token meant.
            if s.contains([' ', '-']) && !word.contains([' ', '-']) {
                continue;
            }
            let s = style::house_form(&s, &self.style, |w| self.dictionary.knows(w)).unwrap_or(s);
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// The text with every word that is right but not in house style put into it; names from
    /// the directory and the newsroom's own words keep their spelling.
    pub fn normalise(&self, text: &str) -> Normalised {
        let mut out = String::with_capacity(text.len());
        let mut changed = 0;
        let mut last = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
        for issue in self.check(text) {
            if issue.kind != IssueKind::Style {
                continue;
            }
            let (from, to) = (byte(issue.start as usize), byte(issue.end as usize));
            out.push_str(&text[last..from]);
            out.push_str(&issue.replacement);
            last = to;
            changed += 1;
        }
        out.push_str(&text[last..]);
        Normalised { text: out, changed }
    }
}

/// Whether a word is written as a name: capitalised, and not the first of its sentence (`gap`
/// is what stands between it and the word before; none at the start of the text).
fn named(word: &str, gap: Option<&str>) -> bool {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let opens = gap.is_none_or(|g| g.contains(['.', '!', '?', '…', ':', '\n', '"', '“', '(', '-', '–', '—']));
    capital && !opens
}
