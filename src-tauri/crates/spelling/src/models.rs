//! The spelling types that cross into the UI (TypeScript bindings are generated from them).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a word is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// Not a Vietnamese word, nor one of the newsroom's or the directory's.
    Misspelled,
    /// Right, but not in the house style (tone placement, i/y); the one suggestion is the house form.
    Style,
    /// A word, but not the one its neighbours make a phrase with (`sảy ra` for `xảy ra`); the
    /// suggestion is the word they do.
    Context,
}

/// A marked word: where it is (code points into the checked text), the word, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Issue {
    pub start: u32,
    pub end: u32,
    pub word: String,
    pub kind: IssueKind,
    /// What to write instead, first among the suggestions: the house form of a style issue,
    /// the word the neighbours want for a context issue or a misspelling whose neighbours say
    /// which word was meant; empty when only the dictionary's suggestions can tell (ask for them).
    pub replacement: String,
    /// For a context issue, the word with the neighbours it was read with, as written
    /// (`sảy ra`): what "this phrase is right" teaches the newsroom's dictionary. Empty
    /// otherwise.
    pub phrase: String,
}

/// Where the tone mark goes in `oa`, `oe`, `uy` without a final consonant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TonePlacement {
    /// Both are accepted; nothing is marked.
    Either,
    /// On the first vowel: `hòa`, `thủy`, `khỏe`.
    Old,
    /// On the second vowel: `hoà`, `thuỷ`, `khoẻ`.
    New,
}

/// How a lone `i`/`y` after a consonant is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VowelIY {
    /// Both are accepted; nothing is marked.
    Either,
    /// `i`: `kĩ`, `lí`, `mĩ`, `tỉ`.
    I,
    /// `y` where tradition writes it: `kỹ`, `lý`, `mỹ`, `tỷ`.
    Y,
}

/// The newsroom's house style for spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HouseStyle {
    pub tone_placement: TonePlacement,
    pub vowel_i_y: VowelIY,
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            tone_placement: TonePlacement::Either,
            vowel_i_y: VowelIY::Either,
        }
    }
}

/// What the newsroom's dictionary does with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WordKind {
    Added,
    Ignored,
    /// Two to four words the newsroom says are right together (`chả lương thiện`): none of
    /// them is marked for its context where it stands between the neighbours it has there.
    Phrase,
}

/// A word of the newsroom's own dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HouseWord {
    pub word: String,
    pub kind: WordKind,
    pub added_by: String,
    pub added_at: String,
}

/// A text put into house style, and how many words changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Normalised {
    pub text: String,
    pub changed: u32,
}
