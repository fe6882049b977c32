//! Suggestions of the people and organisations in a Vietnamese news text, offline and fast.
//!
//! Two sources, merged:
//! - **Known entities** from the directory: every mention of a name or alias, matched on
//!   folded text (case, tone marks, `đ`, NFC/NFD do not matter), longest match first, never
//!   inside a longer word, preferring the entry whose exact spelling matches.
//! - **New entities** by rule, from how Vietnamese news names people and organisations:
//!   organisation head words with their full extent (`Liên đoàn Lao động thành phố Hà Nội`),
//!   abbreviations (`LĐLĐ`, `UBND`), titles before names (`Chủ tịch … Nguyễn Phi Thường`),
//!   `Name – Title; Name – Title` lists, honorifics (`ông`, `bà`, `đồng chí`…) and Vietnamese
//!   surnames. Credits (`Ảnh: Mai Quý`, the byline) and site furniture are not the story.
//!
//! Spans are character offsets (Unicode scalar values) into the NFC form of the input.

mod known;
mod lexicon;
mod roles;
mod rules;
mod tokens;

use serde::Serialize;
use ts_rs::TS;

pub use known::{DirectoryEntry, EntityKind, EntryRef, KnownEntities, KnownEntitiesBuilder};
pub use roles::{split_role, RoleParts};

/// A person found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonSuggestion {
    /// The name as written in the text (NFC); one the text writes only in capitals (`LÊ THỊ
    /// HOA`) is given as a name is written (`Lê Thị Hoa`).
    pub name: String,
    /// The role the text gives them here (`Chủ tịch Liên đoàn Lao động thành phố Hà Nội`).
    pub role: Option<String>,
    /// Whether the directory already holds this person.
    pub known: bool,
    /// The directory entry's id, for known people.
    pub entity_id: Option<String>,
    /// `[start, end)` character offsets of every mention.
    pub spans: Vec<[usize; 2]>,
}

/// An organisation found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrganisationSuggestion {
    /// The name as written in the text (NFC), or rebuilt where the text shares one tail
    /// between two names (`Ban Quản lý và Công đoàn các KCN…`).
    pub name: String,
    /// The name with abbreviations spelled out (`LĐLĐ huyện Chương Mỹ` →
    /// `Liên đoàn Lao động huyện Chương Mỹ`), when it differs.
    pub expanded: Option<String>,
    pub known: bool,
    pub entity_id: Option<String>,
    pub spans: Vec<[usize; 2]>,
}

/// Everything suggested for one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Suggestions {
    pub people: Vec<PersonSuggestion>,
    pub organisations: Vec<OrganisationSuggestion>,
}

/// Finds the people and organisations in `text` (plain text or Markdown).
pub fn suggest(text: &str, known: &KnownEntities) -> Suggestions {
    let source = tokens::Source::new(tokens::without_emphasis(newsroom_text::nfc(text)));
    let doc = tokens::Document::new(&source);
    let known_mentions = known.find(&doc);
    let found = rules::find(&doc, &known_mentions);
    rules::merge(&doc, known_mentions, found, known)
}
