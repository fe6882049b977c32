//! The directory of people and organisations: create, edit, merge, import and export it,
//! sorted in Vietnamese order, and tag articles with its entries.
//!
//! Invariants:
//! - Names and aliases are NFC; each is also stored folded (`entity_spellings.folded`) so the
//!   suggestion matcher loads without re-folding.
//! - Within a kind, a folded name is one entity: importing a name twice updates, never
//!   duplicates.
//! - A name the newsroom has said is not a person or organisation (`never_suggested`) is left
//!   out of every article's suggestions and travels with the directory's export.
//! - Merging moves every alias, role, tag and child to the entity kept, and keeps the merged
//!   entity's name as an alias, so no mention is lost.

mod directory;
mod exchange;
mod known;
mod models;
mod never;
mod suggestions;
mod tags;

pub use directory::{delete, find_by_name, get, list, merge, update, upsert};
pub use exchange::{export_csv, export_file, export_json, import, import_bytes, CSV_FILE_START};
pub use known::{load_known, name_words, person_codes, spellings_fingerprint};
pub use models::*;
pub use never::{never_suggest, never_suggested, suggest_again};
pub use newsroom_suggestions::{DirectoryEntry, KnownEntities, KnownEntitiesBuilder};
pub use suggestions::{accept_suggestion, leave_out_settled};
pub use tags::{article_tags, fold_name, reject_suggestion, rejected, tag, tag_by_name, untag};

#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    #[error("no entity with id {0}")]
    NotFound(String),
    #[error("no article with id {0}")]
    ArticleNotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// A directory file was refused as a whole; `file` is its name.
    #[error("{file}: {problem}")]
    Import { file: String, problem: ImportProblem },
    /// A file could not be written.
    #[error("{0}")]
    Io(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = EntityError> = std::result::Result<T, E>;

fn kind_str(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
    }
}

fn parse_kind(text: &str) -> Option<EntityKind> {
    match text.trim().to_lowercase().as_str() {
        "person" | "người" | "nguoi" | "p" => Some(EntityKind::Person),
        "organisation" | "organization" | "tổ chức" | "to chuc" | "org" | "o" => {
            Some(EntityKind::Organisation)
        }
        _ => None,
    }
}

fn folded(text: &str) -> String {
    newsroom_text::nfc(text.trim())
        .chars()
        .map(newsroom_text::fold_char)
        .collect()
}

fn sort_key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => newsroom_text::person_collation_key(name),
        EntityKind::Organisation => newsroom_text::collation_key(name),
    }
}

fn clean(text: &str) -> String {
    newsroom_text::nfc(text.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}
