//! Request and response shapes that exist only at the API boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{DateTime, Utc};
use newsroom_articles::{Action, ArticleFields, SaveKind, Status};

/// A save of the working copy from the editor.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SaveRequest {
    pub id: String,
    /// The version the editor last loaded or saved; see `Article::version`.
    #[ts(type = "number")]
    pub base_version: i64,
    pub fields: ArticleFields,
    pub kind: SaveKind,
}

/// A change of workflow state.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StatusRequest {
    pub id: String,
    pub to: Status,
    /// The state the user saw the piece in: when someone else moved it since, nothing happens
    /// (`state_changed`). Omitted by front ends that act without showing the state (the CLI).
    #[serde(default)]
    pub from: Option<Status>,
    /// Why: required when returning a piece to its reporter.
    pub note: String,
}

/// A move around a piece's publication that keeps its state: an update or a correction of a
/// published piece, a schedule, an embargo.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActRequest {
    pub id: String,
    /// `update`, `correct`, `schedule` or `embargo` (`move` is a change of state: see
    /// [`StatusRequest`]).
    pub action: Action,
    /// The state the user saw the piece in, as for a change of state.
    #[serde(default)]
    pub from: Option<Status>,
    /// What changed (an update, optional) or what was wrong (a correction, required).
    #[serde(default)]
    pub note: String,
    /// The schedule's publication time or the embargo's end (UTC); `null` lifts it.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub at: Option<DateTime<Utc>>,
}

/// New text for some fields of a piece, the others kept (the CLI's `article edit`).
#[derive(Debug, Clone, Default)]
pub struct FieldEdit {
    pub headline: Option<String>,
    pub sapo: Option<String>,
    pub body: Option<String>,
    pub byline: Option<String>,
}

/// The article list as the store filtered it, with how many pieces each state holds.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Queue {
    pub articles: Vec<newsroom_articles::ArticleSummary>,
    pub counts: Vec<newsroom_articles::StatusCount>,
    /// How many pieces the trash holds (they are in no queue).
    pub trashed: u32,
}

/// Rendered Markdown with the counts shown beside the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RenderedMarkdown {
    /// Sanitised HTML, exactly what would be published, cut into its top-level blocks
    /// (`newsroom_markdown::blocks`), so the preview replaces only the blocks that changed.
    pub blocks: Vec<String>,
    pub words: u32,
    pub characters: u32,
}

/// One page of the photo desk: the photos and how many match in all.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PhotoPage {
    pub photos: Vec<newsroom_photos::Photo>,
    #[ts(type = "number")]
    pub total: u64,
}

/// Where one file of a batch import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    Queued,
    Processing,
    Done,
    Failed,
}

/// A progress report for one file of a batch import; the batch goes on after a failure.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProgress {
    /// The file's place in the batch (0-based) and the batch size.
    pub index: u32,
    pub total: u32,
    pub file: String,
    pub stage: ImportStage,
    pub photo: Option<newsroom_photos::Photo>,
    /// Once done: false when the same file was already in the library (it is not copied or
    /// templated again, and the photo desk says so).
    pub created: Option<bool>,
    pub error: Option<crate::ApiError>,
}

/// How long a headline may be (the checklist refuses longer) and how long the newsroom advises
/// a sapo to be, in characters, for the counters beside the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldLimits {
    pub headline: u32,
    pub sapo: u32,
}

/// What importing a directory file the user picked did: imported, or refused as a whole
/// with the reason, which the UI words in its own language beside the import button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DirectoryImport {
    Imported {
        summary: newsroom_entities::ImportSummary,
    },
    Refused {
        file: String,
        problem: newsroom_entities::ImportProblem,
    },
}

/// The page where a person approves the app on their site, to open in the browser.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SiteApprovalPage {
    /// The site's approval page, with the app's name and the address to come back to.
    pub page: String,
    /// The site as it will be connected.
    pub site: String,
    /// Whether a browser was started on the page (set by the front end that opens it).
    pub browser_opened: bool,
}

/// How a sign-in with a site ended, as the shell tells the UI when the browser came back.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SiteApproval {
    /// The site connected, when it was.
    pub backend: Option<newsroom_sync::Backend>,
    /// Why it was not.
    pub error: Option<crate::ApiError>,
}

/// What removing the example pieces did.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DemoRemoved {
    pub removed: u32,
    /// Examples kept because they went further than a draft (submitted, or on a site).
    pub kept: u32,
}
