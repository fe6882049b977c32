//! The embedded SQLite store.
//!
//! Invariants:
//! - Migrations are numbered, append-only SQL files under `migrations/`; `PRAGMA user_version`
//!   records how many have run. A migration that has shipped is never edited.
//! - Every connection runs in WAL mode with foreign keys on and `synchronous = FULL`, because a
//!   reporter must not lose a keystroke to a power cut.
//! - The data directory is the OS app-data directory unless `NEWSROOM_DATA_DIR` (or the CLI's
//!   `--data-dir`) says otherwise.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The identifier shared with `tauri.conf.json`, so the CLI and the app find the same store.
pub const APP_IDENTIFIER: &str = "vn.newsroom.editor";
/// The environment variable that overrides the data directory for tests and power users.
pub const DATA_DIR_ENV: &str = "NEWSROOM_DATA_DIR";
/// The database file inside the data directory.
pub const DATABASE_FILE: &str = "newsroom.sqlite3";

/// Every migration, in order. The index plus one is the schema version it produces.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_articles.sql"),
    include_str!("../migrations/0002_article_search.sql"),
    include_str!("../migrations/0003_entities.sql"),
    include_str!("../migrations/0004_photos.sql"),
    include_str!("../migrations/0005_sync.sql"),
    include_str!("../migrations/0006_sync_merge.sql"),
    include_str!("../migrations/0007_desk_review.sql"),
    include_str!("../migrations/0008_search_index_without_copy.sql"),
    include_str!("../migrations/0009_desk_across_machines.sql"),
    include_str!("../migrations/0010_house_dictionary.sql"),
    include_str!("../migrations/0011_trash.sql"),
    include_str!("../migrations/0012_one_piece_per_post.sql"),
    include_str!("../migrations/0013_sections_and_people.sql"),
    include_str!("../migrations/0014_after_publication.sql"),
    include_str!("../migrations/0015_outbox_unanswered.sql"),
    include_str!("../migrations/0016_site_checked_at.sql"),
    include_str!("../migrations/0017_notifications.sql"),
    include_str!("../migrations/0018_photo_ratings.sql"),
    include_str!("../migrations/0019_shortcuts.sql"),
    include_str!("../migrations/0020_photo_templates.sql"),
    include_str!("../migrations/0021_photo_framing.sql"),
    include_str!("../migrations/0022_photo_place_fields.sql"),
    include_str!("../migrations/0023_photo_straighten.sql"),
    include_str!("../migrations/0024_never_suggested.sql"),
    include_str!("../migrations/0025_spelling_phrases.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("no data directory: set {DATA_DIR_ENV} or pass --data-dir")]
    NoDataDir,
    #[error("the store at {path} was written by a newer version (schema {found}, this build knows {known})")]
    TooNew {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Resolves the data directory: an explicit choice, then the environment, then the OS default.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or(StoreError::NoDataDir)
}

/// Opens (creating if needed) the store in `dir` and brings its schema up to date.
pub fn open_dir(dir: &Path) -> Result<Connection, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
        path: dir.to_path_buf(),
        source,
    })?;
    open_file(&dir.join(DATABASE_FILE))
}

/// Opens one database file with the store's settings and runs pending migrations.
pub fn open_file(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrate(&mut conn, MIGRATIONS.len(), path)?;
    Ok(conn)
}

/// Applies the connection settings every connection needs.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// How every table stores a time: RFC 3339 in UTC with milliseconds, which sorts as text.
pub fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Reads a time written by [`timestamp`], as a column value (a malformed one is a conversion
/// error of that column, not a panic).
pub fn parse_timestamp(text: &str) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// Whether an article with this id exists; capabilities that attach things to articles
/// (tags, photos) check it before writing, to report a missing article by name.
pub fn article_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )
}

/// Runs `work` in one IMMEDIATE write transaction, or inside the caller's transaction when
/// one is already open, so operations compose (demo seeding creates articles; an import
/// creates parents) and a failure anywhere leaves nothing half-written.
pub fn write<T, E: From<rusqlite::Error>>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> Result<T, E>,
) -> Result<T, E> {
    if !conn.is_autocommit() {
        return work(conn);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let out = work(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// A setting kept as JSON in the `settings` table, or `None` when it was never set. A value
/// that no longer reads as `T` (written by another version) counts as never set, so the caller
/// falls back to its default rather than failing.
pub fn setting<T: serde::de::DeserializeOwned>(conn: &Connection, key: &str) -> rusqlite::Result<Option<T>> {
    use rusqlite::OptionalExtension;
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Keeps a setting as JSON, replacing what was there.
pub fn set_setting<T: serde::Serialize>(conn: &Connection, key: &str, value: &T) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, serde_json::to_string(value).expect("a setting serialises")),
    )?;
    Ok(())
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))
        .map(|v| v as usize)
}

/// Runs migrations up to `target` (a schema version), each in its own transaction.
///
/// Exposed with a target so tests can build every earlier version and upgrade from it.
pub fn migrate(conn: &mut Connection, target: usize, path: &Path) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    if current > MIGRATIONS.len() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: current,
            known: MIGRATIONS.len(),
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().take(target).skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_reaches_the_latest_schema_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_dir(dir.path()).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len());
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn every_earlier_version_upgrades_to_the_latest() {
        for start in 0..MIGRATIONS.len() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(DATABASE_FILE);
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            migrate(&mut conn, start, &path).unwrap();
            assert_eq!(schema_version(&conn).unwrap(), start);
            drop(conn);
            let conn = open_file(&path).unwrap();
            assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len(), "from {start}");
        }
    }

    #[test]
    fn a_newer_store_is_refused_not_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        assert!(matches!(
            open_file(&path),
            Err(StoreError::TooNew { found: 999, .. })
        ));
    }

    #[test]
    fn explicit_dir_wins_over_the_environment() {
        let chosen = Path::new("/tmp/chosen");
        assert_eq!(data_dir(Some(chosen)).unwrap(), chosen);
    }
}
