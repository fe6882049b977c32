//! The one API every front end calls. The desktop shell's commands and the `newsroom` CLI are
//! thin wiring over [`Api`]; the rules live in the capability crates underneath.
//!
//! This file holds the state and the module index; each capability's methods are one
//! `impl Api` block in a file of its own name (`articles.rs`, `entities.rs`, `suggestions.rs`,
//! `photos.rs`, `markdown.rs`, `profile.rs`, `review.rs`, `sync.rs`), each method a delegation to
//! the crate that owns the rule; `text.rs` holds the calls that need no store.
//!
//! Invariants:
//! - Every fallible call returns [`ApiError`] (`{code, message}`), never a panic or a string.
//! - One connection, behind a mutex: saves are applied one at a time, in the order they came.
//!   Work that waits on the network uses a second connection ([`Api::network_conn`]).
//! - The directory compiled for suggestions is a cache: every call that changes the directory
//!   drops it, and the next suggestion builds it again.

mod after_publication;
mod articles;
mod backup;
mod bindings;
mod docx;
mod entities;
mod error;
mod ingest;
mod locks;
mod markdown;
mod models;
mod notifications;
mod photos;
mod profile;
mod review;
mod shortcuts;
mod spelling;
mod suggestions;
mod sync;
mod text;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::Utc;
use rusqlite::Connection;

pub use bindings::typescript_bindings;
pub use error::{ApiError, ApiResult, ErrorCode};
pub use markdown::render_markdown;
pub use models::{
    ActRequest, DemoRemoved, DirectoryImport, FieldEdit, FieldLimits, ImportProgress, ImportStage, PhotoPage,
    Queue, RenderedMarkdown, SaveRequest, SiteApproval, SiteApprovalPage, StatusRequest,
};
pub use newsroom_articles::parse_newsroom_time;
pub use newsroom_articles::{
    Action, Article, ArticleFields, ArticleSummary, ChecklistRule, Correction, ImportedArticle, ListQuery,
    PhotoCaption, Revision, RevisionReason, RevisionSummary, SaveKind, Status, StatusChange, StatusCount,
    TrashedArticle,
};
pub use newsroom_backup::{Backup, BackupPreview, BackupSettings, PiecePreview, Reason, Restored};
pub use newsroom_entities::{
    AcceptSuggestion, ArticleTag, Entity, EntityInput, EntityKind, EntityRole, ImportProblem, ImportSummary,
    NeverSuggested, CSV_FILE_START,
};
pub use newsroom_notifications::{Inbox, Notification, NotificationKind, NotificationSettings};
pub use newsroom_photos::{
    ArticlePhoto, CameraFacts, ColourLabel, Crop, CropRequest, EmbeddedFields, Focal, Framing, Imported,
    PersonShown, Photo, PhotoEdit, PhotoFormat, PhotoQuery, PhotoSort, PhotoTemplate, Pick, ReadMetadata,
    Rendition, RequiredField, TemplateFields,
};
pub use newsroom_profile::{Language, Profile, Role};
pub use newsroom_review::{
    Anchor, ArticleDiff, CaptionDiff, Change, Comment, DiffField, FieldDiff, Found, Proposal, ProposalState,
    Segment, Thread, VersionInfo, VersionRef,
};
pub use newsroom_shortcuts::{Shortcut, ShortcutImport};
pub use newsroom_spelling::{
    HouseStyle, HouseWord, Issue, IssueKind, Normalised, TonePlacement, VowelIY, WordKind,
};
pub use newsroom_store::{data_dir, DATA_DIR_ENV};
pub use newsroom_suggestions::{OrganisationSuggestion, PersonSuggestion, Suggestions};
pub use newsroom_sync::{
    ArticleText, Backend, Choice, Connectivity, DeskSupport, Field, JobState, LockState, MergedDuplicate,
    Passage, PieceLock, PullOutcome, Pulled, SendProgress, SendStage, SendState, SyncJob, SyncOverview,
    TakeOver,
};
pub use newsroom_text::legacy::{Conversion, ConvertedWord, Legacy};
pub use text::{text_decode, text_encode, text_rescue};

/// The application's state: the open store.
pub struct Api {
    conn: Mutex<Connection>,
    data_dir: PathBuf,
    /// The directory compiled for suggestions; rebuilt after the directory changes.
    /// Shared with the sync worker's callback: a pull can add people and organisations.
    known: Arc<RwLock<Option<Arc<newsroom_entities::KnownEntities>>>>,
    /// The Vietnamese dictionary, loaded on the first check.
    dictionary: spelling::DictionarySlot,
    /// The directory's name words for the spell checker, kept while the directory is unchanged.
    name_words: spelling::NameWords,
    /// The background sync worker, once a front end that stays open (the app) starts it.
    worker: Mutex<Option<newsroom_sync::SyncWorker>>,
    /// Building the search index in the background: how far it has come, while it runs.
    indexing: Mutex<Option<IndexProgress>>,
    /// The sign-in with a site asked for and not yet answered (one at a time; kept in memory
    /// only, as its token must not outlive the app that opened the page).
    approval: Mutex<Option<newsroom_sync::ApprovalRequest>>,
}

/// How to open the store.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// The data directory; `None` uses `NEWSROOM_DATA_DIR`, then the OS app-data directory.
    pub data_dir: Option<PathBuf>,
    /// Leave building a missing search index to [`Api::search_index_build`], so a front end
    /// that shows progress (the app) can open at once; otherwise it is built before `open`
    /// returns.
    pub index_in_background: bool,
}

/// How far building the search index has come (after an upgrade to a new index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct IndexProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

impl Api {
    /// Opens the store, upgrading its schema, and prepares it for use.
    pub fn open(options: &OpenOptions) -> ApiResult<Api> {
        let data_dir = newsroom_store::data_dir(options.data_dir.as_deref())?;
        let conn = newsroom_store::open_dir(&data_dir)?;
        if !options.index_in_background {
            newsroom_articles::ensure_search_index(&conn)?;
        }
        newsroom_articles::empty_expired_trash(&conn, Utc::now())?;
        Ok(Api {
            conn: Mutex::new(conn),
            data_dir,
            known: Arc::new(RwLock::new(None)),
            dictionary: Default::default(),
            name_words: Default::default(),
            worker: Mutex::new(None),
            indexing: Mutex::new(None),
            approval: Mutex::new(None),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Removes the temporary files a killed import left in the photo library, saying how many
    /// on stderr. It reads every folder of the library, so the app runs it in the background
    /// after opening, off its start-up; failing costs disk space, not work, so it only says so.
    pub fn sweep_photo_library(&self) {
        let photos = self.photos_dir();
        match newsroom_photos::sweep_left_behind(&photos, std::time::SystemTime::now()) {
            Ok(0) => {}
            Ok(n) => eprintln!(
                "newsroom: removed {n} temporary files an interrupted import left in the photo library"
            ),
            Err(err) => eprintln!(
                "newsroom: could not clear temporary files from {}: {err}",
                photos.display()
            ),
        }
    }

    /// Where the photo library keeps its files.
    pub fn photos_dir(&self) -> PathBuf {
        newsroom_photos::photos_dir(&self.data_dir)
    }

    fn conn(&self) -> ApiResult<MutexGuard<'_, Connection>> {
        self.conn.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "the store lock was poisoned by an earlier failure",
            )
        })
    }

    /// A second connection to the store, for work that waits on the network: the editor's
    /// saves go on through the first meanwhile.
    fn network_conn(&self) -> ApiResult<Connection> {
        Ok(newsroom_store::open_dir(&self.data_dir)?)
    }

    /// Drops the compiled directory after a change to it.
    fn directory_changed(&self) {
        if let Ok(mut known) = self.known.write() {
            *known = None;
        }
    }

    fn known_entities(&self) -> ApiResult<Arc<newsroom_entities::KnownEntities>> {
        if let Some(known) = self.known.read().ok().and_then(|k| k.clone()) {
            return Ok(known);
        }
        let built = Arc::new(newsroom_entities::load_known(&*self.conn()?)?);
        if let Ok(mut slot) = self.known.write() {
            *slot = Some(built.clone());
        }
        Ok(built)
    }
}
