//! Publishing to backends. This crate holds the WordPress adapter and the exactly-once push of
//! an article with its photos, tags and section; the durable outbox that schedules pushes,
//! the keychain and the ninjs push build on it.
//!
//! Invariants:
//! - **Exactly once.** Before any request that creates something remotely, a `remote_items`
//!   row with a unique marker is stored; the marker travels with the item (an HTML comment at
//!   the top of a post, the slug of a media item). A retry finds by marker what an
//!   interrupted attempt created instead of creating it again.
//! - **Never overwrite.** Before updating a post, it is read again; a `modified_gmt` other than
//!   the one recorded at the last push is a conflict, and nothing is written.
//! - Passwords never reach this crate's tables; callers pass them in.

mod authorize;
mod backends;
mod credentials;
mod desk_plugin;
mod duplicates;
mod locks;
mod merge;
mod ninjs_http;
mod outbox;
mod people;
mod pull;
mod push;
mod schedule;
mod sections;
mod send_state;
mod sending;
mod shared_review;
mod site_checks;
mod wordpress;
mod worker;

pub use authorize::{read_approval, request_approval, ApprovalRequest, Approved, APPROVAL_RETURN, APP_ID};
pub use backends::{add_backend, backend, backends, connect_backend, remove_backend, Backend, BACKEND_KINDS};
pub use credentials::{delete_password, password, store_password};
pub use desk_plugin::{ChangedReview, ChangedReviews, DeskSupport, SiteLock, SiteReview, Stored, TakeOver};
pub use duplicates::{merged_duplicates, MergedDuplicate};
pub use locks::{lock_piece, piece_lock, release_piece, take_over_piece, LockState, PieceLock};
pub use merge::{has_conflicts, merge, resolve, ArticleText, Choice, Field, Passage};
pub use ninjs_http::{push_ninjs, signature, NinjsHttp, SIGNATURE_HEADER};
pub use outbox::{
    backoff, cancel, conflict_passages, enqueue, enqueue_everywhere, enqueue_on_entry, jobs, next_due,
    recover, resolve_conflict, retry, JobState, SyncJob,
};
pub use pull::{pull_everywhere, pull_site, PullOutcome, PullScope, Pulled};
pub use push::{post_marker, push_article, PushOutcome, RemoteStatus};
pub use schedule::{check_may_publish, enqueue_after_act};
pub use sections::{check_section, refresh_sections, site_sections};
pub use send_state::{send_state, send_states, unsent_count, SendStage, SendState};
pub use sending::{drain, drain_in_lanes, send_all, JobProgress, Passwords, PARALLEL_SENDS};
pub use shared_review::{desk_support, known_support, sync_review, takeovers};
pub use site_checks::{SiteChecks, SITE_CHECK_EVERY};
pub use wordpress::{
    reachable, RemoteMedia, RemotePost, SiteRights, WordPress, CONNECT_TIMEOUT, STALL_TIMEOUT,
    UPLOAD_STALL_TIMEOUT,
};
pub use worker::{overview, Connectivity, SendProgress, SyncOverview, SyncWorker};

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the site refused the user name or application password: {0}")]
    Unauthorized(String),
    /// Signed in, but the site does not let this user edit the post (its review and lock are
    /// closed to them).
    #[error("the site does not let this user edit the post: {0}")]
    Forbidden(String),
    #[error("the site answered {status}: {body}")]
    Remote { status: u16, body: String },
    /// The connection failed: refused, reset, cut off, or `stalled` (no byte within the
    /// limit), which the system says in its own words (the user's language on Windows), so
    /// it is told by the system error's kind instead.
    #[error("cannot reach the site: {message}")]
    Network { message: String, stalled: bool },
    #[error("the site's answer makes no sense: {0}")]
    Garbage(String),
    #[error("the post was changed on the site since the last push (modified {remote}, last pushed {base}) where the article was changed too; nothing was overwritten")]
    Conflict {
        remote: String,
        base: String,
        /// The site's version, kept so the user can choose passage by passage.
        site: Box<ArticleText>,
    },
    #[error("the keychain cannot be used: {0}")]
    Keychain(String),
    /// The site offers no sign-in for apps (Application Passwords off, or plain HTTP on a
    /// site that is not a local one).
    #[error("{0}")]
    ApprovalUnavailable(String),
    /// The person declined the app on the site's approval page.
    #[error("the app was not approved on the site")]
    ApprovalRefused,
    /// The browser brought back an approval this app did not ask for, or from another site.
    #[error("{0}")]
    ApprovalUnexpected(String),
    #[error("no backend named {0}")]
    NoBackend(String),
    #[error("{0}")]
    Invalid(String),
    #[error("cannot start the sync worker: {0}")]
    Worker(std::io::Error),
    /// The piece's section is not one of the site's, and this user may not add one there.
    #[error("{site} has no section “{section}” and your account there may not add one; choose one of the site's sections: {}", known.join(", "))]
    UnknownSection {
        section: String,
        site: String,
        known: Vec<String>,
    },
    /// This user's account on a site may not publish the piece there (an Author publishing a
    /// colleague's post, a Contributor publishing at all); said before anything is sent.
    #[error("your account on {site} may not {what} there; ask an editor of the site, or the site's administrator for the right")]
    NotAllowedOnSite { site: String, what: &'static str },
    /// The file that keeps pulls on one store from running side by side could not be locked.
    #[error("cannot take the store's pull lock: {0}")]
    PullLock(std::io::Error),
    #[error("store: {0}")]
    Store(#[from] newsroom_store::StoreError),
    #[error("article: {0}")]
    Article(#[from] newsroom_articles::ArticleError),
    #[error("photo: {0}")]
    Photo(#[from] newsroom_photos::PhotoError),
    #[error("directory: {0}")]
    Entity(#[from] newsroom_entities::EntityError),
    #[error("review: {0}")]
    Review(#[from] newsroom_review::ReviewError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;

impl From<newsroom_profile::ProfileError> for SyncError {
    fn from(err: newsroom_profile::ProfileError) -> Self {
        match err {
            newsroom_profile::ProfileError::Sqlite(e) => SyncError::Sqlite(e),
            newsroom_profile::ProfileError::Invalid(why) => SyncError::Invalid(why),
        }
    }
}

impl From<newsroom_ninjs::NinjsError> for SyncError {
    fn from(err: newsroom_ninjs::NinjsError) -> Self {
        match err {
            newsroom_ninjs::NinjsError::Article(e) => SyncError::Article(e),
            newsroom_ninjs::NinjsError::Photo(e) => SyncError::Photo(e),
            newsroom_ninjs::NinjsError::Entity(e) => SyncError::Entity(e),
        }
    }
}

use newsroom_store::timestamp;

/// What is known about one local thing on a backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteItem {
    pub marker: String,
    pub remote_id: Option<i64>,
    pub remote_url: String,
    pub remote_modified_gmt: String,
    pub synced_content: String,
    /// JSON of the [`ArticleText`] last pushed or pulled: the base of a merge.
    pub synced_source: String,
    /// The revision of the piece's review on the site this machine last read or wrote.
    pub review_revision: i64,
}

pub(crate) fn remote_item(
    conn: &Connection,
    backend: &str,
    kind: &str,
    local: &str,
) -> Result<Option<RemoteItem>> {
    Ok(conn
        .query_row(
            "SELECT marker, remote_id, remote_url, remote_modified_gmt, synced_content, synced_source, review_revision
             FROM remote_items
             WHERE backend_id = ?1 AND local_kind = ?2 AND local_id = ?3",
            params![backend, kind, local],
            |r| {
                Ok(RemoteItem {
                    marker: r.get(0)?,
                    remote_id: r.get(1)?,
                    remote_url: r.get(2)?,
                    remote_modified_gmt: r.get(3)?,
                    synced_content: r.get(4)?,
                    synced_source: r.get(5)?,
                    review_revision: r.get(6)?,
                })
            },
        )
        .optional()?)
}

/// Stores the marker of something about to be created, before the request goes out.
pub(crate) fn intend(conn: &Connection, backend: &str, kind: &str, local: &str, marker: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        params![backend, kind, local, marker, timestamp(Utc::now())],
    )?;
    Ok(())
}

/// What the site answered about one item.
pub(crate) struct Answer<'a> {
    pub remote_id: i64,
    pub url: &'a str,
    pub modified_gmt: &'a str,
    pub content: &'a str,
}

/// Records what the site answered.
pub(crate) fn record(
    conn: &Connection,
    backend: &str,
    kind: &str,
    local: &str,
    answer: Answer<'_>,
) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET remote_id = ?4, remote_url = ?5, remote_modified_gmt = ?6, synced_content = ?7,
         updated_at = ?8 WHERE backend_id = ?1 AND local_kind = ?2 AND local_id = ?3",
        params![
            backend,
            kind,
            local,
            answer.remote_id,
            answer.url,
            answer.modified_gmt,
            answer.content,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// Keeps what a site showed of a post mapped to a piece here: its status and its author.
/// What the answer left out (an empty status, no author) keeps what was seen before.
pub(crate) fn seen_post(conn: &Connection, backend: &str, post: &wordpress::RemotePost) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET remote_status = coalesce(nullif(?3, ''), remote_status),
                                 remote_author = coalesce(nullif(?4, 0), remote_author)
         WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
        params![backend, post.id, post.status, post.author],
    )?;
    Ok(())
}

/// Keeps the status a site showed for a post mapped to a piece here.
pub(crate) fn seen_status(conn: &Connection, backend: &str, post_id: i64, status: &str) -> Result<()> {
    if status.is_empty() {
        return Ok(());
    }
    conn.execute(
        "UPDATE remote_items SET remote_status = ?3
         WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
        params![backend, post_id, status],
    )?;
    Ok(())
}

/// Stores the article text the site now has, the base of the next merge.
pub(crate) fn remember_source(
    conn: &Connection,
    backend: &str,
    article: &str,
    text: &ArticleText,
) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET synced_source = ?3 WHERE backend_id = ?1 AND local_kind = 'article' AND local_id = ?2",
        params![backend, article, serde_json::to_string(text).expect("strings serialise")],
    )?;
    Ok(())
}

/// Stores what an update is about to write, before it is sent.
pub(crate) fn attempt(
    conn: &Connection,
    backend: &str,
    kind: &str,
    local: &str,
    fingerprint: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET attempted = ?4 WHERE backend_id = ?1 AND local_kind = ?2 AND local_id = ?3",
        params![backend, kind, local, fingerprint],
    )?;
    Ok(())
}

/// What the last update of an item tried to write.
pub(crate) fn attempted(conn: &Connection, backend: &str, kind: &str, local: &str) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT attempted FROM remote_items WHERE backend_id = ?1 AND local_kind = ?2 AND local_id = ?3",
            params![backend, kind, local],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default())
}

/// Forgets the remote id of an item while keeping its marker: what a crash between sending a
/// request and recording its answer leaves behind. Tests use it to stage that crash.
#[doc(hidden)]
pub fn forget_remote_id(conn: &Connection, backend: &str, kind: &str, local: &str) -> Result<()> {
    conn.execute(
        "UPDATE remote_items SET remote_id = NULL, remote_url = '', remote_modified_gmt = '', synced_content = ''
         WHERE backend_id = ?1 AND local_kind = ?2 AND local_id = ?3",
        params![backend, kind, local],
    )?;
    Ok(())
}

#[cfg(any(test, feature = "bench"))]
pub mod fault_proxy;
#[cfg(test)]
mod tests;
