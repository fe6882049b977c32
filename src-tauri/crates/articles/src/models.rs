//! The article types that cross into the UI (TypeScript bindings are generated from them).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The workflow states from the product brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Submitted,
    InReview,
    Approved,
    Published,
    Returned,
    Spiked,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::InReview,
        Status::Approved,
        Status::Published,
        Status::Returned,
        Status::Spiked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::InReview => "in_review",
            Status::Approved => "approved",
            Status::Published => "published",
            Status::Returned => "returned",
            Status::Spiked => "spiked",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The states a piece may move to from this one. Spiking is always possible and always
    /// recoverable (spiked → draft), so nothing is ever lost through the workflow.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Draft => &[Submitted, Spiked],
            Submitted => &[InReview, Returned, Draft, Spiked],
            InReview => &[Approved, Returned, Spiked],
            Approved => &[Published, Returned, Spiked],
            Published => &[Spiked],
            Returned => &[Submitted, Draft, Spiked],
            Spiked => &[Draft],
        }
    }

    /// Whether entering this state requires the article checklist to pass: handing a piece
    /// to the desk, approving it and publishing it.
    pub fn requires_checklist(self) -> bool {
        matches!(self, Status::Submitted | Status::Approved | Status::Published)
    }

    /// Whether moving from `from` into this state needs a note saying why: returning a piece
    /// to its reporter, and taking a published piece off the site (readers saw it; the
    /// newsroom must know why it went).
    pub fn requires_note(self, from: Status) -> bool {
        matches!(self, Status::Returned) || (self == Status::Spiked && from == Status::Published)
    }
}

/// The fields a reporter edits. Every save sends all of them, so a save is self-contained.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ArticleFields {
    pub headline: String,
    /// The bold lede paragraph under the headline.
    pub sapo: String,
    /// Markdown.
    pub body: String,
    pub byline: String,
    /// The place the story is filed from.
    pub dateline: String,
    pub section: String,
}

/// One article's working copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Article {
    pub id: String,
    pub headline: String,
    pub sapo: String,
    pub body: String,
    pub byline: String,
    pub dateline: String,
    pub section: String,
    pub slug: String,
    pub status: Status,
    pub word_count: u32,
    /// Grows by one on every save; a save names the version it edited, so an edit made
    /// elsewhere in between is reported as a conflict instead of being overwritten.
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// Who created the piece (the profile's name at the time; empty for demo content).
    pub created_by: String,
    /// Who saved it last.
    pub updated_by: String,
    /// The desk editor who took it for review, once someone has.
    pub reviewer: String,
    /// When an approved piece is to be published: set while it is scheduled (or released at
    /// the end of its embargo), cleared by any later change of state.
    #[ts(type = "string | null")]
    pub publish_at: Option<DateTime<Utc>>,
    /// The time before which the piece must not be public, when it has an embargo.
    #[ts(type = "string | null")]
    pub embargo_until: Option<DateTime<Utc>>,
}

impl Article {
    pub fn fields(&self) -> ArticleFields {
        ArticleFields {
            headline: self.headline.clone(),
            sapo: self.sapo.clone(),
            body: self.body.clone(),
            byline: self.byline.clone(),
            dateline: self.dateline.clone(),
            section: self.section.clone(),
        }
    }
}

/// A row of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    pub id: String,
    pub headline: String,
    pub status: Status,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    pub word_count: u32,
    pub byline: String,
    pub section: String,
    pub created_by: String,
    pub reviewer: String,
    /// When the approved piece is scheduled to be published.
    #[ts(type = "string | null")]
    pub publish_at: Option<DateTime<Utc>>,
}

/// The filters of the article list, applied by the store: the queues the desk lives in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListQuery {
    /// Only pieces in this state.
    #[serde(default)]
    pub status: Option<Status>,
    /// Only pieces this person created or took for review.
    #[serde(default)]
    pub mine: Option<String>,
    /// Only pieces of this section.
    #[serde(default)]
    pub section: Option<String>,
    /// Only pieces changed in the last so many days.
    #[serde(default)]
    pub days: Option<u32>,
    /// At most this many rows (default 100: one page).
    #[serde(default)]
    pub limit: Option<u32>,
    /// The next page: the rows after this piece (the last one shown), in the list's order.
    #[serde(default)]
    pub after: Option<String>,
}

/// How many pieces a queue holds in one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    pub status: Status,
    pub count: u32,
}

/// A piece in the trash, with when it went in (it is deleted for good `TRASH_DAYS` later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrashedArticle {
    pub article: ArticleSummary,
    #[ts(type = "string")]
    pub trashed_at: DateTime<Utc>,
}

/// A photo's caption in a piece at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoCaption {
    pub photo_id: String,
    pub caption: String,
}

/// How a save came about, which decides whether it keeps a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    /// Typing paused, focus left, the article or window changed: keeps a revision only when
    /// the last one is older than the revision interval.
    Autosave,
    /// The reporter asked (Ctrl+S): always keeps a revision when the text changed.
    Manual,
}

/// Why a revision was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RevisionReason {
    Created,
    Interval,
    Manual,
    Status,
    Restore,
    Import,
}

impl RevisionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::Created => "created",
            RevisionReason::Interval => "interval",
            RevisionReason::Manual => "manual",
            RevisionReason::Status => "status",
            RevisionReason::Restore => "restore",
            RevisionReason::Import => "import",
        }
    }

    pub fn parse(text: &str) -> Option<RevisionReason> {
        use RevisionReason::*;
        [Created, Interval, Manual, Status, Restore, Import]
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

/// A row of the revision list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub reason: RevisionReason,
    pub headline: String,
    pub status: Status,
    pub word_count: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// Who saved the text this revision keeps.
    pub author: String,
}

/// A full revision snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Revision {
    #[ts(type = "number")]
    pub id: i64,
    pub article_id: String,
    pub reason: RevisionReason,
    pub fields: ArticleFields,
    pub status: Status,
    pub word_count: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    pub author: String,
    /// The captions the piece's photos had then, in the piece's order.
    pub captions: Vec<PhotoCaption>,
}

/// What a move in a piece's history did besides (or instead of) changing its state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A change of workflow state, nothing more.
    #[default]
    Move,
    /// A published piece's new text sent to the site (new facts; the site's "updated" time
    /// moves).
    Update,
    /// A published piece corrected: the note says what was wrong, and the story carries it as
    /// a visible notice with the date.
    Correct,
    /// An approved piece scheduled for a time (or its schedule lifted).
    Schedule,
    /// An embargo set (or lifted): the piece must not be public before the time.
    Embargo,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Move,
        Action::Update,
        Action::Correct,
        Action::Schedule,
        Action::Embargo,
    ];

    /// As the store keeps it: empty for a plain change of state.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Move => "",
            Action::Update => "update",
            Action::Correct => "correct",
            Action::Schedule => "schedule",
            Action::Embargo => "embargo",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == text)
    }

    pub fn is_move(&self) -> bool {
        *self == Action::Move
    }
}

/// One recorded move of a piece: a change of workflow state, or an action on it (update,
/// correction, schedule, embargo) with the time it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub from: Status,
    pub to: Status,
    pub changed_by: String,
    pub note: String,
    #[ts(type = "string")]
    pub changed_at: DateTime<Utc>,
    pub action: Action,
    /// The schedule's publication time or the embargo's end; `null` when the move lifted one.
    #[ts(type = "string | null")]
    pub at_time: Option<DateTime<Utc>>,
    /// The change records a piece received from a site in the state it has there (no person
    /// made it, and its note is not a person's words).
    pub received: bool,
}

/// A correction of a published piece, as its readers see it: what was wrong, and when it was
/// corrected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Correction {
    pub note: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

impl Correction {
    /// The day of the correction as readers in Vietnam read it (dd/mm/yyyy, UTC+7).
    pub fn vietnam_date(&self) -> String {
        self.at
            .with_timezone(&crate::newsroom_clock())
            .format("%d/%m/%Y")
            .to_string()
    }
}

/// A checklist rule that blocks submitting or publishing. The UI words each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistRule {
    HeadlineMissing,
    HeadlineTooLong,
    SapoMissing,
    BylineMissing,
    /// A photo in the article has no caption (its own or the archive description).
    PhotoCaptionMissing,
    /// A photo in the article has no credit.
    PhotoCreditMissing,
    /// A photo in the article has no alt text.
    PhotoAltMissing,
}
