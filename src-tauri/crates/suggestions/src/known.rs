//! Mentions of entities the directory already knows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::tokens::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
}

/// What the matcher needs of a directory entry: its id, kind, name and every other way the
/// text may write it (aliases, abbreviations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
}

/// One way of writing an entry, as written (NFC).
struct Spelling {
    entry: usize,
    exact: String,
}

/// The directory compiled for matching: a hash set of every folded spelling.
///
/// A mention starts and ends at word boundaries, so at each word of the text the matcher looks
/// up the folded phrases of N, N−1, … 1 words starting there (N being the most words of any
/// spelling that starts with that word): the first hit is the longest match. Common first
/// words (`Nguyễn`) cost a few lookups, not a scan of every Nguyễn in the directory, and
/// building is one hash insert per spelling, so a 100,000-name directory loads quickly (an
/// aho-corasick automaton over the same names took ~0.25 s to build here).
pub struct KnownEntities {
    entries: Vec<DirectoryEntry>,
    /// Folded pattern → slot; `spellings[slot]` holds every written form that folds to it.
    by_pattern: rustc_hash::FxHashMap<String, usize>,
    spellings: Vec<Vec<Spelling>>,
    /// First folded word → the most words any pattern starting with it has.
    max_words: rustc_hash::FxHashMap<String, usize>,
}

/// A directory entry found in the text.
#[derive(Debug, Clone)]
pub struct KnownMention {
    pub entry: usize,
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

impl KnownEntities {
    pub fn empty() -> Self {
        Self::build(Vec::new())
    }

    /// Compiles a directory, folding every name and alias.
    pub fn build(entries: Vec<DirectoryEntry>) -> Self {
        let spellings = entries
            .iter()
            .enumerate()
            .flat_map(|(e, entry)| {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .map(move |spelling| {
                        let spelling = newsroom_text::nfc(spelling.trim());
                        let folded: String = spelling.chars().map(newsroom_text::fold_char).collect();
                        (e, spelling, folded)
                    })
            })
            .collect();
        Self::build_prefolded(entries, spellings)
    }

    /// Compiles a directory whose spellings were folded when stored: `(entry index, spelling
    /// as written, folded with newsroom_text::fold_char)`.
    pub fn build_prefolded(entries: Vec<DirectoryEntry>, spellings: Vec<(usize, String, String)>) -> Self {
        let mut by_pattern: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        by_pattern.reserve(spellings.len());
        let mut slots: Vec<Vec<Spelling>> = Vec::with_capacity(spellings.len());
        let mut max_words: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        for (entry, spelling, folded) in spellings {
            // Stored spellings are trimmed and start and end with a word (see the entities crate);
            // anything else cannot match a run of words in text.
            let (words, first_len) = crate::tokens::words_and_first_len(&folded);
            let starts = folded
                .chars()
                .next()
                .is_some_and(crate::tokens::is_letter_or_digit);
            let ends = folded
                .chars()
                .next_back()
                .is_some_and(crate::tokens::is_letter_or_digit);
            if words == 0 || !starts || !ends || (words == 1 && folded.chars().count() < 2) {
                continue;
            }
            let slot = match by_pattern.get(&folded) {
                Some(&slot) => slot,
                None => {
                    let slot = slots.len();
                    let first = &folded[..first_len];
                    match max_words.get_mut(first) {
                        Some(most) => *most = (*most).max(words),
                        None => {
                            max_words.insert(first.to_owned(), words);
                        }
                    }
                    by_pattern.insert(folded, slot);
                    slots.push(Vec::new());
                    slot
                }
            };
            slots[slot].push(Spelling {
                entry,
                exact: spelling,
            });
        }
        KnownEntities {
            entries,
            by_pattern,
            spellings: slots,
            max_words,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, index: usize) -> &DirectoryEntry {
        &self.entries[index]
    }

    /// Every mention, left to right, never inside a longer word. A one-word spelling must be
    /// capitalised in the text, so an alias like `Hội` does not match the word `hội`.
    pub(crate) fn find(&self, doc: &Document<'_>) -> Vec<KnownMention> {
        if self.by_pattern.is_empty() {
            return Vec::new();
        }
        let chars = doc.chars;
        let folded: String = chars.iter().map(|c| newsroom_text::fold_char(*c)).collect();
        // Character offset → byte offset in `folded` (folding keeps one char per char).
        let mut byte_at: Vec<usize> = folded.char_indices().map(|(b, _)| b).collect();
        byte_at.push(folded.len());
        let tokens = &doc.tokens;
        let mut out = Vec::new();
        let mut next_free = 0;
        for (i, token) in tokens.iter().enumerate() {
            if token.start < next_free {
                continue;
            }
            let first = &folded[byte_at[token.start]..byte_at[token.end]];
            let Some(&most) = self.max_words.get(first) else {
                continue;
            };
            let start = token.start;
            let mut found = None;
            for n in (1..=most.min(tokens.len() - i)).rev() {
                let end = tokens[i + n - 1].end;
                if let Some(&slot) = self.by_pattern.get(&folded[byte_at[start]..byte_at[end]]) {
                    if self.accepts(slot, chars, start, end) {
                        found = Some((slot, end));
                        break;
                    }
                }
            }
            let Some((p, end)) = found else { continue };
            let written = &chars[start..end];
            let candidates = &self.spellings[p];
            let chosen = candidates
                .iter()
                .find(|s| s.exact.chars().eq(written.iter().copied()))
                .or_else(|| {
                    candidates.iter().find(|s| {
                        s.exact
                            .chars()
                            .flat_map(char::to_lowercase)
                            .eq(written.iter().flat_map(|c| c.to_lowercase()))
                    })
                })
                .unwrap_or(&candidates[0]);
            out.push(KnownMention {
                entry: chosen.entry,
                kind: self.entries[chosen.entry].kind,
                start,
                end,
            });
            next_free = end;
        }
        out
    }

    /// The rules a match must also pass: a one-word spelling must be capitalised, spelled
    /// with the same tone marks, and not sit inside a longer capitalised name (`Tuấn` is not a
    /// mention inside `Đỗ Minh Tuấn`). Longer spellings carry enough to match loosely.
    fn accepts(&self, pattern: usize, chars: &[char], start: usize, end: usize) -> bool {
        let written = &chars[start..end];
        if written.contains(&' ') {
            return true;
        }
        let same = self.spellings[pattern].iter().any(|s| {
            s.exact
                .chars()
                .flat_map(char::to_lowercase)
                .eq(written.iter().flat_map(|c| c.to_lowercase()))
        });
        let capital_word = |at: usize| chars.get(at).is_some_and(|c| c.is_uppercase());
        let joined_before = start >= 2 && chars[start - 1] == ' ' && chars[start - 2].is_alphanumeric() && {
            let mut w = start - 1;
            while w > 0 && chars[w - 1].is_alphanumeric() {
                w -= 1;
            }
            capital_word(w)
        };
        let joined_after = chars.get(end) == Some(&' ') && capital_word(end + 1);
        written[0].is_uppercase() && same && !joined_before && !joined_after
    }
}
