//! Where backups are kept, listing them, and keeping only as many as the user asked for.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::io;
use crate::{Backup, BackupError, BackupSettings, Result};

/// The settings key the backup settings are kept under (as JSON).
pub const SETTINGS_KEY: &str = "backup.settings";
/// The database copy inside a backup's folder.
pub(crate) const DATABASE: &str = "newsroom.sqlite3";
/// The manifest inside a backup's folder, written last.
pub(crate) const MANIFEST: &str = "backup.json";
/// The shared folder of photo files, by hash.
pub(crate) const PHOTOS: &str = "photos";
/// The most backups one may ask to keep.
const MOST_KEPT: u32 = 200;

/// Where backups go and how many are kept (the defaults until the user changes them).
pub fn settings(conn: &Connection) -> Result<BackupSettings> {
    Ok(newsroom_store::setting(conn, SETTINGS_KEY)?.unwrap_or_default())
}

/// Saves the settings: the folder, when given, must be a full path the app can write to
/// (it is created); at least one backup is kept.
pub fn save_settings(conn: &Connection, chosen: &BackupSettings) -> Result<BackupSettings> {
    let folder = chosen.folder.trim().to_owned();
    if !folder.is_empty() {
        let path = Path::new(&folder);
        if !path.is_absolute() {
            return Err(BackupError::Invalid(format!(
                "the backup folder must be a full path, not {folder}"
            )));
        }
        std::fs::create_dir_all(path).map_err(io(path))?;
        let probe = path.join(".newsroom-write-test");
        std::fs::write(&probe, b"").map_err(io(&probe))?;
        let _ = std::fs::remove_file(&probe);
    }
    if chosen.keep == 0 || chosen.keep > MOST_KEPT {
        return Err(BackupError::Invalid(format!(
            "keep between 1 and {MOST_KEPT} backups, not {}",
            chosen.keep
        )));
    }
    let saved = BackupSettings {
        folder,
        keep: chosen.keep,
    };
    newsroom_store::set_setting(conn, SETTINGS_KEY, &saved)?;
    Ok(saved)
}

/// The folder backups go to.
pub fn backups_folder(conn: &Connection, data_dir: &Path) -> Result<PathBuf> {
    let chosen = settings(conn)?.folder;
    Ok(if chosen.is_empty() {
        data_dir.join("backups")
    } else {
        PathBuf::from(chosen)
    })
}

/// Every complete backup, newest first.
pub fn list(conn: &Connection, data_dir: &Path) -> Result<Vec<Backup>> {
    list_in(&backups_folder(conn, data_dir)?)
}

pub(crate) fn list_in(folder: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(io(folder)(err)),
    };
    let mut found: Vec<Backup> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| read_manifest(&e.path()))
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(found)
}

fn read_manifest(dir: &Path) -> Option<Backup> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let backup: Backup = serde_json::from_str(&text).ok()?;
    (dir.file_name()?.to_str()? == backup.id && dir.join(DATABASE).is_file()).then_some(backup)
}

/// The backup with this id and its database copy.
pub(crate) fn find(folder: &Path, id: &str) -> Result<(Backup, PathBuf)> {
    // An id is a folder name: nothing that could lead out of the backups folder.
    if id.is_empty() || id.starts_with('.') || id.contains(['/', '\\']) {
        return Err(BackupError::NotFound(id.to_owned()));
    }
    let dir = folder.join(id);
    let backup = read_manifest(&dir).ok_or_else(|| BackupError::NotFound(id.to_owned()))?;
    Ok((backup, dir.join(DATABASE)))
}

/// Opens a backup's database copy without any chance of writing to it.
pub(crate) fn open_copy(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// Removes the oldest backups beyond `keep` (never `spare`), then the shared photo files no
/// kept backup refers to.
pub(crate) fn prune(folder: &Path, keep: u32, spare: Option<&str>) -> Result<()> {
    let all = list_in(folder)?;
    let mut kept = 0;
    let mut removed = false;
    for backup in &all {
        if kept < keep || spare == Some(backup.id.as_str()) {
            kept += 1;
            continue;
        }
        let dir = folder.join(&backup.id);
        std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        removed = true;
    }
    if removed {
        sweep_photos(folder)?;
    }
    Ok(())
}

/// Removes shared photo files that no listed backup's database names.
fn sweep_photos(folder: &Path) -> Result<()> {
    let mut wanted = HashSet::new();
    for backup in list_in(folder)? {
        let copy = open_copy(&folder.join(&backup.id).join(DATABASE))?;
        let mut stmt = copy.prepare("SELECT sha256 FROM photos")?;
        for sha in stmt.query_map([], |r| r.get::<_, String>(0))? {
            wanted.insert(sha?);
        }
    }
    let photos = folder.join(PHOTOS);
    let Ok(shards) = std::fs::read_dir(&photos) else {
        return Ok(());
    };
    for shard in shards.flatten() {
        for file in std::fs::read_dir(shard.path())
            .map_err(io(shard.path()))?
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            let sha = name.split('.').next().unwrap_or_default();
            if !wanted.contains(sha) {
                std::fs::remove_file(file.path()).map_err(io(file.path()))?;
            }
        }
    }
    Ok(())
}
