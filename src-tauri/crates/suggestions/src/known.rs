//! Mentions of entities the directory already knows.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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

/// One way of writing an entry, folded for matching.
struct Spelling {
    entry: usize,
    exact: Vec<char>,
}

/// The directory compiled for matching: one automaton over every folded name and alias.
/// Building it is linear in the directory's size; matching is linear in the text's.
pub struct KnownEntities {
    entries: Vec<DirectoryEntry>,
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, every spelling that folds to it.
    spellings: Vec<Vec<Spelling>>,
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
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut slots: Vec<Vec<Spelling>> = Vec::new();
        for (entry, spelling, folded) in spellings {
            if folded.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                continue;
            }
            let slot = match index.get(&folded) {
                Some(&slot) => slot,
                None => {
                    index.insert(folded.clone(), patterns.len());
                    patterns.push(folded);
                    slots.push(Vec::new());
                    patterns.len() - 1
                }
            };
            slots[slot].push(Spelling {
                entry,
                exact: spelling.chars().collect(),
            });
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                // A non-contiguous NFA is the quickest to build for a 100,000-name directory,
                // and still scans an article in microseconds.
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .expect("directory patterns always compile"),
            )
        };
        KnownEntities {
            entries,
            automaton,
            spellings: slots,
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
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let chars = doc.chars;
        let folded: String = chars.iter().map(|c| newsroom_text::fold_char(*c)).collect();
        // Byte offset in `folded` → character offset (folding keeps one char per char).
        let mut char_at_byte = vec![0usize; folded.len() + 1];
        for (ci, (bi, ch)) in folded.char_indices().enumerate() {
            char_at_byte[bi..bi + ch.len_utf8()].fill(ci);
        }
        char_at_byte[folded.len()] = chars.len();
        let mut out = Vec::new();
        for m in automaton.find_iter(&folded) {
            let (start, end) = (char_at_byte[m.start()], char_at_byte[m.end()]);
            let inside_word = (start > 0 && chars[start - 1].is_alphanumeric())
                || (end < chars.len() && chars[end].is_alphanumeric());
            if inside_word {
                continue;
            }
            let written = &chars[start..end];
            let one_word = !written.contains(&' ');
            if one_word {
                // One syllable carries too little to match loosely: it must be capitalised,
                // spelled with the same tone marks, and not be part of a longer name
                // (`Tuấn` is not a mention inside `Đỗ Minh Tuấn`).
                let candidates = &self.spellings[m.pattern().as_usize()];
                let same = candidates.iter().any(|s| {
                    s.exact
                        .iter()
                        .flat_map(|c| c.to_lowercase())
                        .eq(written.iter().flat_map(|c| c.to_lowercase()))
                });
                let capital_word = |at: usize| chars.get(at).is_some_and(|c| c.is_uppercase());
                let joined_before =
                    start >= 2 && chars[start - 1] == ' ' && chars[start - 2].is_alphanumeric() && {
                        let mut w = start - 1;
                        while w > 0 && chars[w - 1].is_alphanumeric() {
                            w -= 1;
                        }
                        capital_word(w)
                    };
                let joined_after = chars.get(end) == Some(&' ') && capital_word(end + 1);
                if !written[0].is_uppercase() || !same || joined_before || joined_after {
                    continue;
                }
            }
            let candidates = &self.spellings[m.pattern().as_usize()];
            let chosen = candidates
                .iter()
                .find(|s| s.exact == written)
                .or_else(|| {
                    candidates.iter().find(|s| {
                        s.exact
                            .iter()
                            .zip(written)
                            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
                    })
                })
                .unwrap_or(&candidates[0]);
            out.push(KnownMention {
                entry: chosen.entry,
                kind: self.entries[chosen.entry].kind,
                start,
                end,
            });
        }
        out
    }
}
