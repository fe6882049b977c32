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

/// A string stored in the directory's arena: its byte range.
#[derive(Clone, Copy)]
struct Text {
    start: u32,
    end: u32,
}

/// An entry as stored: everything in the arena, so loading allocates per directory, not per
/// string (100,000 entities used to mean 400,000 small allocations).
struct Entry {
    id: Text,
    kind: EntityKind,
    name: Text,
}

/// One way of writing an entry, as written (NFC); spellings of one pattern form a chain.
struct Spelling {
    entry: u32,
    exact: Text,
    next: u32,
}

/// A folded pattern and the first of the spellings that fold to it.
struct Pattern {
    folded: Text,
    first: u32,
}

const NONE: u32 = u32::MAX;

/// A directory entry as the matcher reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryRef<'a> {
    pub id: &'a str,
    pub kind: EntityKind,
    pub name: &'a str,
}

/// The directory compiled for matching: a hash table of every folded spelling.
///
/// A mention starts and ends at word boundaries, so at each word of the text the matcher looks
/// up the folded phrases of N, N−1, … 1 words starting there (N being the most words of any
/// spelling that starts with that word): the first hit is the longest match. Common first
/// words (`Nguyễn`) cost a few lookups, not a scan of every Nguyễn in the directory, and
/// building is one hash insert per spelling, so a 100,000-name directory loads quickly (an
/// aho-corasick automaton over the same names took ~0.25 s to build here). Every string lives
/// in one arena and the table holds pattern numbers, hashed and compared through the arena.
pub struct KnownEntities {
    arena: String,
    entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    spellings: Vec<Spelling>,
    table: hashbrown::HashTable<u32>,
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

fn hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// Fills a [`KnownEntities`] entry by entry, spelling by spelling, straight from where the
/// directory is stored, without collecting it into owned strings first.
pub struct KnownEntitiesBuilder {
    known: KnownEntities,
}

impl KnownEntitiesBuilder {
    /// Room for about this many entries, spellings and bytes of text.
    pub fn with_capacity(entries: usize, spellings: usize, text_bytes: usize) -> Self {
        KnownEntitiesBuilder {
            known: KnownEntities {
                arena: String::with_capacity(text_bytes),
                entries: Vec::with_capacity(entries),
                patterns: Vec::with_capacity(spellings),
                spellings: Vec::with_capacity(spellings),
                table: hashbrown::HashTable::with_capacity(spellings),
                max_words: rustc_hash::FxHashMap::default(),
            },
        }
    }

    fn store(&mut self, text: &str) -> Text {
        let start = self.known.arena.len() as u32;
        self.known.arena.push_str(text);
        Text {
            start,
            end: self.known.arena.len() as u32,
        }
    }

    /// Adds an entry; returns its number for [`Self::add_spelling`].
    pub fn add_entry(&mut self, id: &str, kind: EntityKind, name: &str) -> usize {
        let id = self.store(id);
        let name = self.store(name);
        self.known.entries.push(Entry { id, kind, name });
        self.known.entries.len() - 1
    }

    /// Adds one way of writing an entry: as written (NFC) and folded with
    /// `newsroom_text::fold_char`.
    pub fn add_spelling(&mut self, entry: usize, exact: &str, folded: &str) {
        // Stored spellings are trimmed and start and end with a word (see the entities crate);
        // anything else cannot match a run of words in text.
        let (words, first_len) = crate::tokens::words_and_first_len(folded);
        let starts = folded
            .chars()
            .next()
            .is_some_and(crate::tokens::is_letter_or_digit);
        let ends = folded
            .chars()
            .next_back()
            .is_some_and(crate::tokens::is_letter_or_digit);
        if words == 0 || !starts || !ends || (words == 1 && folded.chars().count() < 2) {
            return;
        }
        let hashed = hash(folded);
        let known = &self.known;
        let found = known
            .table
            .find(hashed, |&p| {
                known.text(known.patterns[p as usize].folded) == folded
            })
            .copied();
        let pattern = match found {
            Some(pattern) => pattern,
            None => {
                let first = &folded[..first_len];
                match self.known.max_words.get_mut(first) {
                    Some(most) => *most = (*most).max(words),
                    None => {
                        self.known.max_words.insert(first.to_owned(), words);
                    }
                }
                let folded_text = self.store(folded);
                let pattern = self.known.patterns.len() as u32;
                self.known.patterns.push(Pattern {
                    folded: folded_text,
                    first: NONE,
                });
                let KnownEntities {
                    arena,
                    patterns,
                    table,
                    ..
                } = &mut self.known;
                table.insert_unique(hashed, pattern, |&p| {
                    let t = patterns[p as usize].folded;
                    hash(&arena[t.start as usize..t.end as usize])
                });
                pattern
            }
        };
        let exact = self.store(exact);
        let spelling = self.known.spellings.len() as u32;
        let head = &mut self.known.patterns[pattern as usize].first;
        self.known.spellings.push(Spelling {
            entry: entry as u32,
            exact,
            next: *head,
        });
        *head = spelling;
    }

    pub fn finish(self) -> KnownEntities {
        self.known
    }
}

impl KnownEntities {
    pub fn empty() -> Self {
        KnownEntitiesBuilder::with_capacity(0, 0, 0).finish()
    }

    /// Compiles a directory, folding every name and alias.
    pub fn build(entries: Vec<DirectoryEntry>) -> Self {
        let mut builder =
            KnownEntitiesBuilder::with_capacity(entries.len(), entries.len() * 2, entries.len() * 64);
        for entry in &entries {
            let index = builder.add_entry(&entry.id, entry.kind, &entry.name);
            for spelling in std::iter::once(&entry.name).chain(&entry.aliases) {
                let spelling = newsroom_text::nfc(spelling.trim());
                let folded: String = spelling.chars().map(newsroom_text::fold_char).collect();
                builder.add_spelling(index, &spelling, &folded);
            }
        }
        builder.finish()
    }

    fn text(&self, text: Text) -> &str {
        &self.arena[text.start as usize..text.end as usize]
    }

    fn pattern_of(&self, folded: &str) -> Option<u32> {
        self.table
            .find(hash(folded), |&p| {
                self.text(self.patterns[p as usize].folded) == folded
            })
            .copied()
    }

    /// The spellings that fold to one pattern, in the order they were added.
    fn spellings_of(&self, pattern: u32) -> Vec<&Spelling> {
        let mut out = Vec::new();
        let mut at = self.patterns[pattern as usize].first;
        while at != NONE {
            let spelling = &self.spellings[at as usize];
            out.push(spelling);
            at = spelling.next;
        }
        out.reverse();
        out
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, index: usize) -> EntryRef<'_> {
        let entry = &self.entries[index];
        EntryRef {
            id: self.text(entry.id),
            kind: entry.kind,
            name: self.text(entry.name),
        }
    }

    /// Every mention, left to right, never inside a longer word. A one-word spelling must be
    /// capitalised in the text, so an alias like `Hội` does not match the word `hội`.
    pub(crate) fn find(&self, doc: &Document<'_>) -> Vec<KnownMention> {
        if self.patterns.is_empty() {
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
                if let Some(slot) = self.pattern_of(&folded[byte_at[start]..byte_at[end]]) {
                    if self.accepts(slot, chars, start, end) {
                        found = Some((slot, end));
                        break;
                    }
                }
            }
            let Some((p, end)) = found else { continue };
            let written = &chars[start..end];
            let candidates = self.spellings_of(p);
            let chosen = candidates
                .iter()
                .find(|s| self.text(s.exact).chars().eq(written.iter().copied()))
                .or_else(|| {
                    candidates.iter().find(|s| {
                        self.text(s.exact)
                            .chars()
                            .map(newsroom_text::lower_char)
                            .eq(written.iter().copied().map(newsroom_text::lower_char))
                    })
                })
                .unwrap_or(&candidates[0]);
            out.push(KnownMention {
                entry: chosen.entry as usize,
                kind: self.entries[chosen.entry as usize].kind,
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
    fn accepts(&self, pattern: u32, chars: &[char], start: usize, end: usize) -> bool {
        let written = &chars[start..end];
        if written.contains(&' ') {
            return true;
        }
        let same = self.spellings_of(pattern).iter().any(|s| {
            self.text(s.exact)
                .chars()
                .map(newsroom_text::lower_char)
                .eq(written.iter().copied().map(newsroom_text::lower_char))
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
