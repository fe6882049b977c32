//! The inbox: what other people did that this machine's user should hear of.
//!
//! A reporter hears that the desk took, returned (with its note), approved, published,
//! scheduled, updated, corrected or took down one of their pieces; anyone hears of a comment
//! on their piece or a reply in a thread they took part in, and of their edit lock taken over;
//! desk editors hear of pieces submitted to the desk. Nobody hears of their own acts. The
//! events are found in the history (`collect`), whichever way they arrived, and kept in the
//! `notifications` table; the person chooses which kinds they hear of and whether the
//! operating system shows them too (`inbox::settings`).

mod collect;
mod inbox;
mod models;

pub use collect::collect;
pub use inbox::{inbox, mark_all_read, mark_piece_read, mark_read, save_settings, settings, unread};
pub use models::{Inbox, Notification, NotificationKind, NotificationSettings};

#[derive(Debug, thiserror::Error)]
pub enum NotificationError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = NotificationError> = std::result::Result<T, E>;
