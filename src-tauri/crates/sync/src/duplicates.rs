//! One local piece per post on a site. A pull makes a piece of a post it does not find mapped;
//! two pulls side by side would each make one. Three things keep it to one: pulls on a store
//! run one at a time ([`pull_lock`]); a pull asks again, inside the write that makes the piece,
//! whether the post is mapped meanwhile; and the store's unique key on (site, post) refuses a
//! second piece whatever code tries. Migration 0012 merged the duplicates stores made before;
//! [`merged_duplicates`] lists what it merged.

use rusqlite::Connection;
use serde::Serialize;

use crate::{Result, SyncError};

/// A duplicate piece migration 0012 merged into the piece kept for its post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MergedDuplicate {
    pub kept_id: String,
    pub merged_id: String,
    /// The site's name (empty when the site has been removed since).
    pub backend: String,
    #[ts(type = "number")]
    pub post_id: i64,
    /// The merged copy's headline.
    pub headline: String,
    pub merged_at: String,
}

/// What the store's upgrade merged, oldest first.
pub fn merged_duplicates(conn: &Connection) -> Result<Vec<MergedDuplicate>> {
    let mut stmt = conn.prepare(
        "SELECT m.kept_id, m.merged_id, coalesce(b.name, ''), m.remote_id, m.headline, m.merged_at
         FROM merged_duplicates m LEFT JOIN backends b ON b.id = m.backend_id
         ORDER BY m.merged_at, m.merged_id",
    )?;
    let found = stmt
        .query_map([], |r| {
            Ok(MergedDuplicate {
                kept_id: r.get(0)?,
                merged_id: r.get(1)?,
                backend: r.get(2)?,
                post_id: r.get(3)?,
                headline: r.get(4)?,
                merged_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Waits for, then holds until dropped, the lock that makes pulls on one store run one after
/// another: the worker's scheduled pull, one asked for by hand, and any number of CLI
/// processes. A pull decides what is new by what the store holds when it looks, so two side by
/// side would both find a post new and fetch it twice; the store's unique key on the post would
/// refuse the second piece, but only after both downloaded its photos. The lock is a file
/// beside the database (an OS lock, released when the process ends however it ends); a store
/// in memory has no neighbours to wait for.
pub(crate) fn pull_lock(conn: &Connection) -> Result<Option<std::fs::File>> {
    let Some(database) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(format!("{database}.pull-lock"))
        .map_err(SyncError::PullLock)?;
    file.lock().map_err(SyncError::PullLock)?;
    Ok(Some(file))
}
