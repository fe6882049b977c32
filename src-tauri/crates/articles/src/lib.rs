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
//! - A piece in the trash is in no queue, count, search or list, and cannot be edited or moved
//!   until it is restored; only the trash deletes a reporter's piece for good.

mod after_publication;
mod demo;
mod edit;
mod error;
mod import;
pub mod models;
mod queues;
mod revisions;
mod row;
mod search;
mod trash;
mod workflow;

pub use after_publication::{
    act, correction_notices, corrections, newsroom_clock, parse_newsroom_time, published_on_schedule, Act,
    MAX_DAYS_AHEAD,
};
pub use demo::{add_demo_content, demo_pieces, remove_demo_content};
pub use edit::{create, delete, discard_if_blank, list, save, tagged_with, with_photo};
pub use error::{ArticleError, Result};
pub use import::{import_markdown, parse_markdown_file, ImportedArticle, ParsedFile};
pub use models::*;
pub use queues::{queue, status_counts, DEFAULT_QUEUE_LIMIT};
pub use revisions::photo_captions;
pub use revisions::{get_revision, list_revisions, restore_revision, REVISION_INTERVAL};
pub use row::{get, MAX_BODY_BYTES, MAX_FIELD_BYTES};
pub use search::{
    build_search_index, ensure_search_index, search, search_in, search_index_needs_build, SEARCH_LIMIT,
};
pub use trash::{
    delete_from_trash, empty_expired_trash, empty_trash, restore_from_trash, trash, trash_count, trash_list,
    TRASH_DAYS,
};
pub use workflow::{
    checklist, is_receipt, set_received_status, set_status, settle_times, status_history, take_shared_state,
    Move, ADVISED_SAPO_CHARS, MAX_HEADLINE_CHARS,
};

pub(crate) use newsroom_store::write;

/// Timestamps are stored as RFC 3339 UTC with milliseconds, so text order is time order.
pub(crate) use newsroom_store::timestamp;
