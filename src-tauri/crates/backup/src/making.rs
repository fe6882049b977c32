//! Making a backup: the database copied as one moment saw it, the photos by hash, the
//! manifest last, then the oldest backups beyond what is kept removed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::error::io;
use crate::folder::{backups_folder, list_in, open_copy, prune, settings, DATABASE, MANIFEST, PHOTOS};
use crate::{Backup, Reason, Result};

/// How often the app makes a backup while the store changes.
pub const SCHEDULE_EVERY: Duration = Duration::from_secs(4 * 3600);

/// Makes a backup of the store `conn` is open on (in `data_dir`), then keeps only as many as
/// the settings say.
pub fn create(conn: &Connection, data_dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<Backup> {
    create_sparing(conn, data_dir, reason, now, None)
}

/// As [`create`], never pruning the backup `spare` (the one about to be restored).
pub(crate) fn create_sparing(
    conn: &Connection,
    data_dir: &Path,
    reason: Reason,
    now: DateTime<Utc>,
    spare: Option<&str>,
) -> Result<Backup> {
    let folder = backups_folder(conn, data_dir)?;
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let id = free_id(&folder, now);
    let making = folder.join(format!(".making-{id}"));
    // A folder left by an interrupted attempt with the same id holds nothing worth keeping.
    if making.exists() {
        std::fs::remove_dir_all(&making).map_err(io(&making))?;
    }
    std::fs::create_dir_all(&making).map_err(io(&making))?;
    let made: Result<Backup> = (|| {
        let copy_path = making.join(DATABASE);
        conn.execute("VACUUM INTO ?1", [copy_path.to_string_lossy()])?;
        let copy = open_copy(&copy_path)?;
        let shas = photo_hashes(&copy)?;
        keep_photos(
            &newsroom_photos::photos_dir(data_dir),
            &folder.join(PHOTOS),
            &shas,
        )?;
        let count = |sql: &str| copy.query_row(sql, [], |r| r.get::<_, u32>(0));
        let backup = Backup {
            id: id.clone(),
            created_at: newsroom_store::timestamp(now),
            reason,
            schema: newsroom_store::schema_version(&copy)? as u32,
            articles: count("SELECT count(*) FROM articles")?,
            photos: count("SELECT count(*) FROM photos")?,
            unsent: count("SELECT count(DISTINCT article_id) FROM outbox WHERE state IN ('queued', 'sending', 'failed', 'conflict')")?,
            bytes: std::fs::metadata(&copy_path).map_err(io(&copy_path))?.len(),
        };
        drop(copy);
        let manifest = making.join(MANIFEST);
        std::fs::write(
            &manifest,
            serde_json::to_vec_pretty(&backup).expect("a backup serialises"),
        )
        .map_err(io(&manifest))?;
        let dir = folder.join(&id);
        std::fs::rename(&making, &dir).map_err(io(&dir))?;
        Ok(backup)
    })();
    if made.is_err() {
        let _ = std::fs::remove_dir_all(&making);
    }
    let backup = made?;
    prune(&folder, settings(conn)?.keep, spare)?;
    Ok(backup)
}

/// The folder name for a backup made at `now`: its UTC time, with a number after it when a
/// backup was already made in the same second.
fn free_id(folder: &Path, now: DateTime<Utc>) -> String {
    let base = now.format("%Y%m%d-%H%M%S").to_string();
    let mut id = base.clone();
    let mut n = 1;
    while folder.join(&id).exists() {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

pub(crate) fn photo_hashes(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT sha256 FROM photos")?;
    let found = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Puts into `to` every file of `from` (a photo library's layout: a folder per first byte of
/// the hash, files named `<hash>.<kind>`) whose hash is in `shas` and which `to` lacks.
/// Returns how many files were put.
pub(crate) fn keep_photos(from: &Path, to: &Path, shas: &HashSet<String>) -> Result<u32> {
    let mut put = 0;
    let shards = match std::fs::read_dir(from) {
        Ok(shards) => shards,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(err) => return Err(io(from)(err)),
    };
    for shard in shards.flatten() {
        if !shard.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(shard.path())
            .map_err(io(shard.path()))?
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            // Temporary files of an import in progress start with a dot.
            if name.starts_with('.') || !shas.contains(name.split('.').next().unwrap_or_default()) {
                continue;
            }
            let target = to.join(shard.file_name()).join(&name);
            if target.exists() {
                continue;
            }
            link_or_copy(&file.path(), &target)?;
            put += 1;
        }
    }
    Ok(put)
}

/// A hard link when both are on one disk (no space used, and the bytes outlive the library's
/// file); a copy otherwise, written beside the target and renamed so no half file is left.
fn link_or_copy(from: &Path, to: &Path) -> Result<()> {
    let dir = to.parent().expect("a photo file has a folder");
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    if std::fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    let partial: PathBuf = dir.join(format!(
        ".partial-{}",
        to.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::copy(from, &partial).map_err(io(&partial))?;
    std::fs::rename(&partial, to).map_err(io(to))?;
    Ok(())
}

/// Whether a backup is due: there is none yet and the store holds something, or the store
/// changed since the newest one and that one is at least `every` old (zero at the app's start).
pub fn due(conn: &Connection, data_dir: &Path, now: DateTime<Utc>, every: Duration) -> Result<bool> {
    let folder = backups_folder(conn, data_dir)?;
    let Some(last) = list_in(&folder)?.into_iter().next() else {
        let articles: u32 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        return Ok(articles > 0);
    };
    let made = newsroom_store::parse_timestamp(&last.created_at)?;
    let old_enough = (now - made).to_std().unwrap_or(Duration::ZERO) >= every;
    Ok(old_enough && changed_since(data_dir, made.into()))
}

/// Whether the database (or its write-ahead log, where writes land first) was written after
/// `at`.
fn changed_since(data_dir: &Path, at: SystemTime) -> bool {
    let file = data_dir.join(newsroom_store::DATABASE_FILE);
    let wal = data_dir.join(format!("{}-wal", newsroom_store::DATABASE_FILE));
    [file, wal]
        .iter()
        .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .any(|modified| modified > at)
}
