//! What the inbox holds and how the person wants to hear of it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What happened, from the point of view of the person told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// Someone submitted a piece to the desk (told to desk editors).
    Submitted,
    /// The desk took one's piece for review.
    Taken,
    /// The desk returned one's piece, with its note.
    Returned,
    Approved,
    Published,
    /// A publication time was set for one's approved piece.
    Scheduled,
    /// One's published piece was updated on the site.
    Updated,
    /// A correction notice was added to one's published piece.
    Corrected,
    /// One's piece was taken off the site or spiked.
    TakenDown,
    /// A new comment thread on one's piece.
    Comment,
    /// A reply in a thread on one's piece or in a thread one took part in.
    Reply,
    /// Someone took over the edit lock one held.
    LockTaken,
}

impl NotificationKind {
    /// Every kind, in the order the settings list them.
    pub const ALL: [NotificationKind; 12] = [
        NotificationKind::Returned,
        NotificationKind::Comment,
        NotificationKind::Reply,
        NotificationKind::Taken,
        NotificationKind::Approved,
        NotificationKind::Published,
        NotificationKind::Scheduled,
        NotificationKind::Updated,
        NotificationKind::Corrected,
        NotificationKind::TakenDown,
        NotificationKind::LockTaken,
        NotificationKind::Submitted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Submitted => "submitted",
            NotificationKind::Taken => "taken",
            NotificationKind::Returned => "returned",
            NotificationKind::Approved => "approved",
            NotificationKind::Published => "published",
            NotificationKind::Scheduled => "scheduled",
            NotificationKind::Updated => "updated",
            NotificationKind::Corrected => "corrected",
            NotificationKind::TakenDown => "taken_down",
            NotificationKind::Comment => "comment",
            NotificationKind::Reply => "reply",
            NotificationKind::LockTaken => "lock_taken",
        }
    }

    pub fn parse(text: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// One thing to tell the person, with what the inbox shows of its piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Notification {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: NotificationKind,
    pub article_id: String,
    /// The piece's headline as it is now (empty when it has none yet).
    pub headline: String,
    /// Who did it, by the name the history records.
    pub actor: String,
    /// The note of a move (a return's reason), or the comment's text.
    pub note: String,
    /// When it happened (RFC 3339, UTC).
    pub happened_at: String,
    pub read: bool,
}

/// The inbox's newest entries and how many are unread in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Inbox {
    pub items: Vec<Notification>,
    pub unread: u32,
}

/// What a person wants to hear of, kept in the store under their profile's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotificationSettings {
    /// Whether the operating system shows a notification as well as the inbox.
    pub system: bool,
    /// Kinds the person does not want to hear of: neither in the inbox nor from the system.
    pub muted: Vec<NotificationKind>,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        NotificationSettings {
            system: true,
            muted: Vec::new(),
        }
    }
}
