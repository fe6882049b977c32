//! Looking into a backup and putting it back.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::folder::{backups_folder, find, open_copy, PHOTOS};
use crate::making::{create_sparing, keep_photos, photo_hashes};
use crate::{BackupError, BackupPreview, PiecePreview, Reason, Restored, Result};

/// The most pieces a preview lists.
const PREVIEW_PIECES: i64 = 200;

/// What restoring backup `id` would bring back, compared with the store `conn` is open on;
/// nothing is changed.
pub fn preview(conn: &Connection, data_dir: &Path, id: &str) -> Result<BackupPreview> {
    let (backup, copy_path) = find(&backups_folder(conn, data_dir)?, id)?;
    let here = conn
        .path()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| BackupError::Invalid("the store is not a file".into()))?
        .to_owned();
    // The backup's copy, with the current store attached read-only, answers both sides in SQL.
    let copy = Connection::open_with_flags(
        &copy_path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy.execute(
        "ATTACH DATABASE ?1 AS here",
        [format!("file:{}?mode=ro", uri_path(&here))],
    )?;
    let by_status = copy
        .prepare("SELECT status, count(*) FROM articles GROUP BY status ORDER BY count(*) DESC")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, u32)>>>()?;
    let pieces = copy
        .prepare(
            "SELECT b.id, b.headline, b.status, b.updated_at,
                    CASE WHEN h.id IS NULL THEN 'missing'
                         WHEN h.version = b.version AND h.updated_at = b.updated_at THEN 'same'
                         ELSE 'changed' END AS here
             FROM main.articles b LEFT JOIN here.articles h ON h.id = b.id
             ORDER BY here = 'same', b.updated_at DESC
             LIMIT ?1",
        )?
        .query_map([PREVIEW_PIECES], |r| {
            Ok(PiecePreview {
                id: r.get(0)?,
                headline: r.get(1)?,
                status: r.get(2)?,
                updated_at: r.get(3)?,
                here: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let missing_here = copy.query_row(
        "SELECT count(*) FROM main.articles b WHERE NOT EXISTS (SELECT 1 FROM here.articles h WHERE h.id = b.id)",
        [],
        |r| r.get(0),
    )?;
    let only_here = copy.query_row(
        "SELECT count(*) FROM here.articles h WHERE NOT EXISTS (SELECT 1 FROM main.articles b WHERE b.id = h.id)",
        [],
        |r| r.get(0),
    )?;
    Ok(BackupPreview {
        backup,
        by_status,
        pieces,
        missing_here,
        only_here,
    })
}

/// A path as the path part of a `file:` URI.
fn uri_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let escaped = path.replace('%', "%25").replace('?', "%3f").replace('#', "%23");
    if escaped.starts_with('/') {
        escaped
    } else {
        // A Windows drive path: `file:/C:/...`.
        format!("/{escaped}")
    }
}

/// Replaces the store `conn` is open on with backup `id`, after backing the store up as it is
/// now; then brings the restored store up to this app's version and puts back into the photo
/// library the files its photos need that the library lacks. Other connections to the store
/// see the restored content at their next read.
pub fn restore(conn: &mut Connection, data_dir: &Path, id: &str, now: DateTime<Utc>) -> Result<Restored> {
    let folder = backups_folder(conn, data_dir)?;
    let (restored, copy_path) = find(&folder, id)?;
    let known = newsroom_store::MIGRATIONS.len();
    if restored.schema as usize > known {
        return Err(BackupError::NewerSchema {
            id: id.to_owned(),
            found: restored.schema as usize,
            known,
        });
    }
    let kept = create_sparing(conn, data_dir, Reason::BeforeRestore, now, Some(id))?;
    {
        let copy = open_copy(&copy_path)?;
        let copying = rusqlite::backup::Backup::new(&copy, conn)?;
        copying.run_to_completion(1024, Duration::ZERO, None)?;
    }
    let path = data_dir.join(newsroom_store::DATABASE_FILE);
    newsroom_store::migrate(conn, known, &path)?;
    let photos_put_back = keep_photos(
        &folder.join(PHOTOS),
        &newsroom_photos::photos_dir(data_dir),
        &photo_hashes(conn)?,
    )?;
    Ok(Restored {
        restored,
        kept,
        photos_put_back,
    })
}
