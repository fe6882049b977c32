//! Who is editing a piece, across machines: the post's edit lock on the site (wp-admin's own,
//! through the companion plugin), so two desk editors never edit the same piece unknowingly
//! and wp-admin users and app users see each other. The app takes the lock when a piece is
//! opened, renews it while it stays open (the site lets a lock lapse after 150 s without a
//! renewal), and releases it on close. Offline, or on a site without the plugin, nothing is
//! locked: the piece is edited here and the three-way merge settles it later.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::desk_plugin::{DeskSupport, SiteLock};
use crate::shared_review::{desk_support, keep_takeovers, known_support, post_of};
use crate::{Backend, Result, SyncError, WordPress};

/// Whether this machine may edit a piece now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    /// No site with the companion plugin has the piece yet: nobody else can be editing it.
    NotShared,
    /// This machine holds the lock.
    Mine,
    /// Someone else holds it: read-only until they release it, it lapses, or it is taken over.
    Held,
    /// The site cannot be reached: edit here; the merge settles it when it is back.
    Offline,
    /// The site does not let this machine's user edit the post; the copy here is still theirs.
    Refused,
}

/// A piece's lock as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PieceLock {
    pub state: LockState,
    /// Who holds it (their name on the site), when someone does.
    pub holder: String,
    #[ts(type = "string | null")]
    pub since: Option<DateTime<Utc>>,
    #[ts(type = "string | null")]
    pub expires: Option<DateTime<Utc>>,
    /// The site the lock is on.
    pub site: String,
}

impl PieceLock {
    fn without(state: LockState, site: &str) -> PieceLock {
        PieceLock {
            state,
            holder: String::new(),
            since: None,
            expires: None,
            site: site.to_owned(),
        }
    }

    fn from_site(lock: SiteLock, site: &str) -> PieceLock {
        let state = match (lock.held, lock.mine) {
            (true, false) => LockState::Held,
            (true, true) => LockState::Mine,
            // Released or lapsed: free to take (reading only never takes it).
            (false, _) => LockState::NotShared,
        };
        PieceLock {
            state,
            holder: if lock.held { lock.holder } else { String::new() },
            since: lock.since,
            expires: lock.expires,
            site: site.to_owned(),
        }
    }
}

/// The site with the companion plugin where the piece is a post, with its client and post id.
fn shared_site(conn: &Connection, article_id: &str) -> Result<Option<(Backend, WordPress, i64)>> {
    for backend in crate::backends(conn)? {
        if backend.kind != "wordpress" {
            continue;
        }
        let Some(post_id) = post_of(conn, &backend, article_id)? else {
            continue;
        };
        if known_support(conn, &backend.id)? == DeskSupport::Missing {
            continue;
        }
        let secret = crate::password(&backend.id)?;
        let wp = WordPress::new(&backend.url, &backend.username, &secret);
        return Ok(Some((backend, wp, post_id)));
    }
    Ok(None)
}

/// Runs one lock request, turning the failures that leave the piece editable here into states.
fn ask(
    conn: &Connection,
    article_id: &str,
    request: impl Fn(&WordPress, i64) -> Result<SiteLock>,
) -> Result<PieceLock> {
    let Some((backend, wp, post_id)) = shared_site(conn, article_id)? else {
        return Ok(PieceLock::without(LockState::NotShared, ""));
    };
    if known_support(conn, &backend.id)? == DeskSupport::Unknown {
        match desk_support(conn, &backend, &wp) {
            Ok(DeskSupport::Active) => {}
            Ok(_) => return Ok(PieceLock::without(LockState::NotShared, &backend.name)),
            Err(SyncError::Network { .. }) => {
                return Ok(PieceLock::without(LockState::Offline, &backend.name))
            }
            Err(other) => return Err(other),
        }
    }
    match request(&wp, post_id) {
        Ok(mut lock) => {
            // The holder as they name themselves, when a review told this machine.
            if lock.held && lock.holder_id > 0 {
                lock.holder = crate::people::name_of(conn, &backend.id, lock.holder_id, &lock.holder)?;
            }
            Ok(PieceLock::from_site(lock, &backend.name))
        }
        Err(SyncError::Network { .. }) => Ok(PieceLock::without(LockState::Offline, &backend.name)),
        Err(SyncError::Forbidden(_)) => Ok(PieceLock::without(LockState::Refused, &backend.name)),
        Err(other) => Err(other),
    }
}

/// Who holds the piece now, without taking it.
pub fn piece_lock(conn: &Connection, article_id: &str) -> Result<PieceLock> {
    ask(conn, article_id, |wp, post| wp.lock(post))
}

/// Takes (or renews) the piece's lock for this machine's site user; held by someone else, it
/// stays theirs and the answer says who and since when.
pub fn lock_piece(conn: &Connection, article_id: &str) -> Result<PieceLock> {
    ask(conn, article_id, |wp, post| wp.take_lock(post, false))
}

/// Takes the lock from whoever holds it, after the user confirmed. The site records the
/// take-over with the post; this machine reads the record back at once for the piece's history
/// (the same record every other machine gets with the review).
pub fn take_over_piece(conn: &Connection, article_id: &str) -> Result<PieceLock> {
    let lock = ask(conn, article_id, |wp, post| wp.take_lock(post, true))?;
    if lock.state == LockState::Mine {
        if let Some((_, wp, post)) = shared_site(conn, article_id)? {
            // The lock is taken either way; a history read that fails now arrives with the
            // next pull.
            if let Ok(site) = wp.review(post) {
                keep_takeovers(conn, article_id, &site.takeovers)?;
            }
        }
    }
    Ok(lock)
}

/// Releases this machine's lock when the piece is closed.
pub fn release_piece(conn: &Connection, article_id: &str) -> Result<PieceLock> {
    ask(conn, article_id, |wp, post| wp.release_lock(post))
}
