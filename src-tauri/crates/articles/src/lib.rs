//! Articles: the working copy a reporter edits, its revisions, its workflow state, search over
//! all articles, import from Markdown files and the first-run demo content.
//!
//! Invariants:
//! - Every text field is NFC before it reaches SQLite ([`newsroom_text::nfc`] at the boundary).
//! - A save names the version it edited; a mismatch is a [`ArticleError::Conflict`], never an
//!   overwrite.
//! - Nothing is destroyed: restoring a revision first snapshots the working copy, then records
//!   the restore as a revision of its own.
//! - Every change of state is recorded with who and when, with a revision snapshot.

mod demo;
mod edit;
mod error;
mod import;
pub mod models;
mod revisions;
mod search;
mod workflow;

pub use demo::seed_demo_content;
pub use edit::{create, delete, get, list, save, tagged_with, MAX_BODY_BYTES, MAX_FIELD_BYTES};
pub use error::{ArticleError, Result};
pub use import::{import_markdown, parse_markdown_file};
pub use models::*;
pub use revisions::{get_revision, list_revisions, restore_revision, REVISION_INTERVAL};
pub use search::{ensure_search_index, search};
pub use workflow::{checklist, set_received_status, set_status, status_history};

use chrono::{DateTime, Utc};

pub(crate) use newsroom_store::write;

/// Timestamps are stored as RFC 3339 UTC with milliseconds, so text order is time order.
pub(crate) use newsroom_store::timestamp;

pub(crate) fn parse_timestamp(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

pub(crate) fn parse_status(text: &str) -> rusqlite::Result<Status> {
    Status::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown status {text}").into(),
        )
    })
}
