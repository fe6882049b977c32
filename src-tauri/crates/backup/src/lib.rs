//! Backups of the store: a laptop's store is often the only copy of unsent work.
//!
//! A backup is a folder `<backups>/<id>/` holding a copy of the database and a manifest
//! (`backup.json`); the photo library's files go once, by content hash, into the shared
//! `<backups>/photos/`. `<backups>` is `backups` in the data directory unless the user chose a
//! folder (another disk, a synced folder).
//!
//! Invariants:
//! - **Consistent.** The database is copied with `VACUUM INTO`, which reads it inside one
//!   transaction: the copy is the store as it was at one moment, while the app keeps writing.
//! - **Whole or absent.** A backup is made in a hidden `.making-<id>` folder and renamed into
//!   place when complete; a folder without a manifest is never listed.
//! - **Photos once.** Library files are named by their hash and never change, so a file
//!   already in the shared folder is the same file; new ones are hard-linked when on the same
//!   disk and copied otherwise. Pruning removes only files no kept backup refers to.
//! - **A restore never loses the current store.** It is backed up first (reason
//!   `before_restore`), and the backup being restored is never pruned by that.
//! - **Restores go forward.** A backup of an older store is migrated after the restore; one
//!   made by a newer app is refused.

mod error;
mod folder;
mod making;
mod models;
mod restoring;

pub use error::{BackupError, Result};
pub use folder::{backups_folder, list, save_settings, settings, SETTINGS_KEY};
pub use making::{create, due, SCHEDULE_EVERY};
pub use models::{Backup, BackupPreview, BackupSettings, PiecePreview, Reason, Restored};
pub use restoring::{preview, restore};

#[cfg(test)]
mod tests;
