//! What a backup is, as the CLI prints it and the app shows it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// When the app started, the store having changed since the last backup.
    Start,
    /// Every few hours while the app runs and the store changes.
    Scheduled,
    /// Asked for by the user.
    Manual,
    /// The store as it was before a restore replaced it.
    BeforeRestore,
}

/// One backup: a consistent copy of the store, with counts read from it when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Backup {
    /// The folder's name: the time it was made, UTC (`20261203-203000`).
    pub id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub reason: Reason,
    /// The store version (migrations run) of the copy.
    #[ts(type = "number")]
    pub schema: u32,
    #[ts(type = "number")]
    pub articles: u32,
    #[ts(type = "number")]
    pub photos: u32,
    /// Pieces waiting to be sent when the copy was made.
    #[ts(type = "number")]
    pub unsent: u32,
    /// The size of the database copy (the photos are kept once for all backups).
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Where backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// A folder of the user's choosing (another disk, a synced folder); empty: `backups` in
    /// the data directory.
    pub folder: String,
    /// How many backups are kept; older ones are removed when a new one is made.
    #[ts(type = "number")]
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            folder: String::new(),
            keep: 10,
        }
    }
}

/// A piece as a backup holds it, for the preview before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PiecePreview {
    pub id: String,
    pub headline: String,
    pub status: String,
    pub updated_at: String,
    /// What the current store has of the piece: `same`, `changed` (a different version),
    /// `missing` (purged or never here).
    pub here: String,
}

/// What a restore would bring back, read from the backup without changing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupPreview {
    pub backup: Backup,
    /// How many pieces the backup holds in each workflow state, as `(status, count)`.
    #[ts(type = "Array<[string, number]>")]
    pub by_status: Vec<(String, u32)>,
    /// The pieces the backup holds that the current store lacks or holds differently, newest
    /// first, then the rest (at most 200 in all).
    pub pieces: Vec<PiecePreview>,
    /// Pieces in the backup that the current store lacks.
    #[ts(type = "number")]
    pub missing_here: u32,
    /// Pieces the current store holds that the backup lacks (they would be gone after the
    /// restore, kept in the backup made before it).
    #[ts(type = "number")]
    pub only_here: u32,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Restored {
    pub restored: Backup,
    /// The backup of the store as it was just before.
    pub kept: Backup,
    /// Photo files put back into the library from the backups' photos.
    #[ts(type = "number")]
    pub photos_put_back: u32,
}
