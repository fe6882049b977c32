//! The errors that cross to every front end: a closed set of codes the UI switches on (and
//! words in its own language), with an English message for logs and the CLI.

use serde::Serialize;
use ts_rs::TS;

use newsroom_articles::ArticleError;
use newsroom_entities::EntityError;
use newsroom_photos::{FileError, PhotoError};
use newsroom_store::StoreError;

/// Every error code a front end can receive. Adding one means adding its Vietnamese and
/// English words to the UI catalogue; the UI's type-check fails until that is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The article or revision does not exist (deleted elsewhere, or a stale link).
    NotFound,
    /// Someone else saved the article since it was opened; nothing was overwritten.
    Conflict,
    /// A field exceeds its size limit; nothing was saved.
    TooLarge,
    /// The input cannot be used as it is (bad file, bad front matter, bad encoding).
    InvalidInput,
    /// The workflow does not allow this change of state.
    InvalidTransition,
    /// Only a draft that no publishing site has can be deleted (to the trash); spike the piece.
    NotDeletable,
    /// The piece is in the trash: it is restored before it can be changed.
    InTrash,
    /// The article checklist fails, so it cannot be submitted, approved or published.
    ChecklistFailed,
    /// The piece's section is not one the site has, and this user may not add one there; the
    /// message names the site's sections.
    UnknownSection,
    /// Someone else moved the piece to another state since it was shown; nothing was done.
    StateChanged,
    /// Returning a piece to its reporter needs a note saying why.
    NoteRequired,
    /// The piece is embargoed: it cannot be published, or scheduled, before the embargo ends
    /// (the message gives the time, in Vietnam time).
    Embargoed,
    /// A schedule's or an embargo's time has passed, or is more than a year ahead.
    BadTime,
    /// This user's account on a site may not publish (or take down) the piece there; said
    /// before anything is sent.
    NotAllowedOnSite,
    /// The passage a proposal was made on is no longer in the piece, so it cannot be applied.
    Orphaned,
    /// A file named for import is not there (moved, deleted, or on a card that was removed).
    FileMissing,
    /// The file is not an image, whatever its name says.
    NotAnImage,
    /// An image format the app does not read (HEIC from phones: the message says how to convert).
    UnsupportedFormat,
    /// The image is damaged or incomplete (a truncated copy from a card, a corrupt file).
    CorruptImage,
    /// The publishing site refused the user name or application password.
    Unauthorized,
    /// Signed in, but the site does not let this user edit the piece there (its review and
    /// lock are closed to them); nothing here was changed.
    Forbidden,
    /// The piece's review data on the site is not something this app reads (edited by hand, or
    /// by a newer app); the review kept here is unchanged.
    ReviewUnreadable,
    /// The Vietnamese dictionary is not installed or cannot be read (the editor works unchecked).
    SpellingUnavailable,
    /// The publishing site cannot be reached (offline, DNS, refused, timed out).
    Network,
    /// The publishing site answered with an error or with something that is not its API.
    Remote,
    /// The site offers no sign-in for apps: Application Passwords are off there, or the site
    /// is on plain HTTP (WordPress allows them only over HTTPS, or on a local test site).
    SiteApprovalUnavailable,
    /// The person declined the app on the site's approval page.
    SiteApprovalRefused,
    /// The browser brought back an approval this app did not ask for (an old link, a restart
    /// since), or one from another site; nothing was connected.
    SiteApprovalUnexpected,
    /// The OS keychain (Secret Service) is not available, or has no password for a backend.
    Keychain,
    /// The operating system did not show a notification (no notification service, or the
    /// user turned them off for the app); the in-app inbox still has it.
    SystemNotificationsUnavailable,
    /// The store was written by a newer version of the app.
    StoreTooNew,
    /// The store could not be read or written (disk full, permissions, corruption).
    Storage,
    /// A bug: the message says what happened.
    Internal,
}

/// An error as every front end receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<ArticleError> for ApiError {
    fn from(err: ArticleError) -> Self {
        let code = match &err {
            ArticleError::NotFound(_) | ArticleError::RevisionNotFound(_) => ErrorCode::NotFound,
            ArticleError::Conflict { .. } => ErrorCode::Conflict,
            ArticleError::TooLarge { .. } => ErrorCode::TooLarge,
            ArticleError::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            ArticleError::ChecklistFailed(_) => ErrorCode::ChecklistFailed,
            ArticleError::StateChanged { .. } => ErrorCode::StateChanged,
            ArticleError::NoteRequired => ErrorCode::NoteRequired,
            ArticleError::Embargoed { .. } => ErrorCode::Embargoed,
            ArticleError::TimePassed { .. } | ArticleError::TooFarAhead { .. } => ErrorCode::BadTime,
            ArticleError::NotAllowedNow { .. } => ErrorCode::InvalidTransition,
            ArticleError::NotDeletable { .. } => ErrorCode::NotDeletable,
            ArticleError::InTrash(_) => ErrorCode::InTrash,
            ArticleError::NotInTrash(_) => ErrorCode::NotFound,
            ArticleError::Import(_) => ErrorCode::InvalidInput,
            ArticleError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<EntityError> for ApiError {
    fn from(err: EntityError) -> Self {
        let code = match &err {
            EntityError::NotFound(_) | EntityError::ArticleNotFound(_) => ErrorCode::NotFound,
            EntityError::Invalid(_) | EntityError::Import { .. } => ErrorCode::InvalidInput,
            EntityError::Io(_) | EntityError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<PhotoError> for ApiError {
    fn from(err: PhotoError) -> Self {
        let code = match &err {
            PhotoError::FileMissing(_) => ErrorCode::FileMissing,
            PhotoError::NotAnImage => ErrorCode::NotAnImage,
            PhotoError::Unsupported(_) => ErrorCode::UnsupportedFormat,
            PhotoError::Corrupt(_) => ErrorCode::CorruptImage,
            PhotoError::TooManyPixels { .. }
            | PhotoError::FileTooLarge { .. }
            | PhotoError::MetadataTooLarge => ErrorCode::TooLarge,
            PhotoError::NotFound(_) | PhotoError::ArticleNotFound(_) => ErrorCode::NotFound,
            PhotoError::Invalid(_) => ErrorCode::InvalidInput,
            PhotoError::Io(_) | PhotoError::Sqlite(_) => ErrorCode::Storage,
            PhotoError::Entity(inner) => return ApiError::from(EntityError::Invalid(inner.to_string())),
            PhotoError::Internal(_) => ErrorCode::Internal,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<FileError> for ApiError {
    fn from(err: FileError) -> Self {
        let inner = ApiError::from(err.source);
        ApiError::new(inner.code, format!("{}: {}", err.file, inner.message))
    }
}

impl From<newsroom_sync::SyncError> for ApiError {
    fn from(err: newsroom_sync::SyncError) -> Self {
        use newsroom_sync::SyncError;
        let code = match err {
            // A failure of a crate underneath keeps the code that crate's own error has.
            SyncError::Article(inner) => return inner.into(),
            SyncError::Photo(inner) => return inner.into(),
            SyncError::Entity(inner) => return inner.into(),
            SyncError::Store(inner) => return inner.into(),
            SyncError::Unauthorized(_) => ErrorCode::Unauthorized,
            SyncError::Forbidden(_) => ErrorCode::Forbidden,
            SyncError::Review(inner) => return inner.into(),
            SyncError::Network { .. } => ErrorCode::Network,
            SyncError::Remote { .. } | SyncError::Garbage(_) => ErrorCode::Remote,
            SyncError::Conflict { .. } => ErrorCode::Conflict,
            SyncError::Keychain(_) => ErrorCode::Keychain,
            SyncError::NoBackend(_) => ErrorCode::NotFound,
            SyncError::ApprovalUnavailable(_) => ErrorCode::SiteApprovalUnavailable,
            SyncError::ApprovalRefused => ErrorCode::SiteApprovalRefused,
            SyncError::ApprovalUnexpected(_) => ErrorCode::SiteApprovalUnexpected,
            SyncError::Invalid(_) => ErrorCode::InvalidInput,
            SyncError::UnknownSection { .. } => ErrorCode::UnknownSection,
            SyncError::NotAllowedOnSite { .. } => ErrorCode::NotAllowedOnSite,
            SyncError::Worker(_) | SyncError::PullLock(_) => ErrorCode::Internal,
            SyncError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<newsroom_ninjs::NinjsError> for ApiError {
    fn from(err: newsroom_ninjs::NinjsError) -> Self {
        match err {
            newsroom_ninjs::NinjsError::Article(e) => e.into(),
            newsroom_ninjs::NinjsError::Photo(e) => e.into(),
            newsroom_ninjs::NinjsError::Entity(e) => e.into(),
        }
    }
}

impl From<newsroom_profile::ProfileError> for ApiError {
    fn from(err: newsroom_profile::ProfileError) -> Self {
        let code = match &err {
            newsroom_profile::ProfileError::Invalid(_) => ErrorCode::InvalidInput,
            newsroom_profile::ProfileError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<newsroom_notifications::NotificationError> for ApiError {
    fn from(err: newsroom_notifications::NotificationError) -> Self {
        ApiError::new(ErrorCode::Storage, err.to_string())
    }
}

impl From<newsroom_shortcuts::ShortcutError> for ApiError {
    fn from(err: newsroom_shortcuts::ShortcutError) -> Self {
        use newsroom_shortcuts::ShortcutError;
        let code = match err {
            ShortcutError::BadCode(_)
            | ShortcutError::EmptyText
            | ShortcutError::TextTooLong
            | ShortcutError::BadImport(_) => ErrorCode::InvalidInput,
            ShortcutError::NotFound(_) => ErrorCode::NotFound,
            ShortcutError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<newsroom_spelling::SpellingError> for ApiError {
    fn from(err: newsroom_spelling::SpellingError) -> Self {
        use newsroom_spelling::SpellingError;
        let code = match err {
            SpellingError::DictionaryMissing(_) | SpellingError::Dictionary(_) => {
                ErrorCode::SpellingUnavailable
            }
            SpellingError::BadWord(_) | SpellingError::BadImport(_) => ErrorCode::InvalidInput,
            SpellingError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<newsroom_review::ReviewError> for ApiError {
    fn from(err: newsroom_review::ReviewError) -> Self {
        use newsroom_review::ReviewError;
        let code = match err {
            ReviewError::Article(inner) => return inner.into(),
            ReviewError::NotFound(..) => ErrorCode::NotFound,
            ReviewError::Invalid(_) => ErrorCode::InvalidInput,
            ReviewError::Orphaned(_) => ErrorCode::Orphaned,
            ReviewError::Unreadable(_) => ErrorCode::ReviewUnreadable,
            ReviewError::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<newsroom_backup::BackupError> for ApiError {
    fn from(err: newsroom_backup::BackupError) -> Self {
        use newsroom_backup::BackupError;
        let code = match &err {
            BackupError::NotFound(_) => ErrorCode::NotFound,
            BackupError::Invalid(_) => ErrorCode::InvalidInput,
            BackupError::NewerSchema { .. } => ErrorCode::StoreTooNew,
            BackupError::Store(StoreError::TooNew { .. }) => ErrorCode::StoreTooNew,
            BackupError::Io { .. } | BackupError::Sqlite(_) | BackupError::Store(_) => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        let code = match &err {
            StoreError::TooNew { .. } => ErrorCode::StoreTooNew,
            _ => ErrorCode::Storage,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        ApiError::new(ErrorCode::Storage, format!("database error: {err}"))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
