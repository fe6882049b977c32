//! What can go wrong with a backup.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("no backup {0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// Made by a newer version of the app: this one cannot read its store.
    #[error("backup {id} was made by a newer version of the app (store version {found}, this app knows {known}); update the app to restore it")]
    NewerSchema { id: String, found: usize, known: usize },
    #[error("cannot write or read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Store(#[from] newsroom_store::StoreError),
}

pub type Result<T, E = BackupError> = std::result::Result<T, E>;

/// Names the path an I/O error happened on.
pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.into();
    move |source| BackupError::Io { path, source }
}
