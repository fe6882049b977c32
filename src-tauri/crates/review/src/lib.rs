//! The desk's review of a piece: what changed between two versions, word by word and by whom
//! (`diff.rs`, `versions.rs`); comments pinned to passages (`comments.rs`); proposed edits
//! the reporter accepts or rejects (`proposals.rs`). Comments and proposals are anchored to
//! passages that keep moving as the body is edited (`anchor.rs`).
//!
//! Invariants:
//! - Comments and proposals live in their own tables: nothing here ever reaches the rendered
//!   HTML, the ninjs export or a publishing site.
//! - Nothing is dropped because its passage changed: an anchor that cannot be found again is
//!   kept and reported as orphaned.
//! - Accepting a proposal is an ordinary save of the working copy (version-checked, with a
//!   revision), by the person who accepted it.

mod anchor;
mod comments;
mod diff;
mod proposals;
pub mod shared;
mod versions;
mod words;

pub use anchor::{anchor_at, locate, Anchor, Found, Located};
pub use comments::{add_thread, anchor_for_quote, reply, set_resolved, threads, Comment, Thread};
pub use diff::{changed_words, diff, diff_steps, Change, Segment};
pub use proposals::{proposals, propose, propose_edit, settle, settle_all, Proposal, ProposalState};
pub use versions::{compare, ArticleDiff, CaptionDiff, DiffField, FieldDiff, VersionInfo, VersionRef};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no {0} with id {1}")]
    NotFound(&'static str, String),
    #[error("{0}")]
    Invalid(String),
    /// The review data received from elsewhere (the publishing site) is not a review this app
    /// reads; nothing local was changed.
    #[error("{0}")]
    Unreadable(String),
    #[error("the passage this {0} was on is no longer in the piece")]
    Orphaned(&'static str),
    #[error("article: {0}")]
    Article(#[from] newsroom_articles::ArticleError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = ReviewError> = std::result::Result<T, E>;

/// The longest comment or reply accepted, in bytes.
pub const MAX_COMMENT_BYTES: usize = 20_000;
