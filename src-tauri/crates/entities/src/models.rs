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
    /// Names the file says are never to be suggested that this store did not have yet.
    pub never_suggested: u32,
}

/// A name the newsroom has said is not a person or organisation: never suggested again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NeverSuggested {
    pub kind: EntityKind,
    pub name: String,
    /// Who said so and when (empty and absent in a file from elsewhere).
    #[serde(default)]
    pub added_by: String,
    #[serde(default)]
    pub added_at: String,
}

/// Why a directory file was not imported (nothing of it was), said so that each front end
/// can word it in its own language: the row is the CSV file's line, or the JSON entry's
/// number, counting from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ImportProblem {
    /// The bytes are not UTF-8 (a spreadsheet saved in a legacy code page).
    NotUtf8 { offset: u32 },
    /// The name ends in neither `.csv` nor `.json`.
    NotCsvOrJson,
    /// The JSON does not parse as a list of entries.
    BadJson { line: u32, column: u32 },
    /// A CSV row cannot be read (an unclosed quote, a broken header).
    BadCsvRow { row: u32 },
    /// The CSV header lacks the `kind` or `name` column.
    MissingColumns,
    /// A row's kind is neither `person` nor `organisation`.
    BadKind { row: u32, value: String },
    /// A row has no name.
    NoName { row: u32 },
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportProblem::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
            ImportProblem::NotCsvOrJson => f.write_str("expected a .csv or .json file"),
            ImportProblem::BadJson { line, column } => {
                write!(
                    f,
                    "bad JSON at line {line}, column {column}: expected a list of entries"
                )
            }
            ImportProblem::BadCsvRow { row } => write!(f, "row {row}: not readable as CSV"),
            ImportProblem::MissingColumns => {
                f.write_str("the CSV header must name the columns kind and name")
            }
            ImportProblem::BadKind { row, value } => {
                write!(f, "row {row}: kind must be person or organisation, not {value:?}")
            }
            ImportProblem::NoName { row } => write!(f, "row {row}: an entity needs a name"),
        }
    }
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
