//! The directory types that cross into the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use newsroom_suggestions::EntityKind;

/// A person's title and organisation over a period (dates as the newsroom writes them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EntityRole {
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub since: String,
    #[serde(default)]
    pub until: String,
}

/// A person or organisation in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// The canonical name (`Liên đoàn Lao động thành phố Hà Nội`).
    pub name: String,
    /// Other ways the text writes it (`LĐLĐ thành phố Hà Nội`, `LĐLĐ Hà Nội`).
    pub aliases: Vec<String>,
    /// People only: roles over time.
    pub roles: Vec<EntityRole>,
    /// Organisations only: the body this one belongs to.
    pub parent_id: Option<String>,
    /// A stable identifier for exports and the publishing backends.
    pub uri: String,
}

/// What a user or an import provides to create or change an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EntityInput {
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<EntityRole>,
    /// The parent organisation's name (imports) — resolved to an id when known.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
}

/// A tag on an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ArticleTag {
    pub entity_id: String,
    pub kind: EntityKind,
    pub name: String,
    /// The role in which a person appears in this story.
    pub role: String,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub created: u32,
    pub updated: u32,
}

/// Accepting a suggestion: the entity (created in the directory if new) is tagged on the
/// article, a person with the role the text gave.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AcceptSuggestion {
    pub article_id: String,
    pub kind: EntityKind,
    pub name: String,
    /// The directory entry, when the suggestion was a known entity.
    pub entity_id: Option<String>,
    pub role: Option<String>,
}
