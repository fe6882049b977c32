//! The photo library in the store: where files live, importing them, and reading photos back.
//! Editing and listing for the photo desk are in `desk.rs`, arranging photos in articles in
//! `arrange.rs`, exporting with metadata in `export.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use newsroom_entities::{EntityInput, EntityKind};
use newsroom_store::write;
use rusqlite::{params, Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use crate::arrange::attach;
use crate::models::*;
use crate::{metadata, render, FileError, PhotoError, Result};

/// The largest file accepted (a 100-megapixel camera's JPEG is about 60 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The folder inside the data directory that holds originals and renditions.
pub const PHOTOS_FOLDER: &str = "photos";

use newsroom_store::timestamp;

pub(crate) fn clean(text: &str) -> String {
    newsroom_text::nfc(text.trim())
}

/// Where the library keeps its files, given the data directory.
pub fn photos_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(PHOTOS_FOLDER)
}

/// The SHA-256 of the bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The path of one stored image. Files are spread over 256 folders by the hash's first byte.
pub fn file_path(dir: &Path, sha256: &str, format: PhotoFormat, rendition: Rendition) -> PathBuf {
    let folder = dir.join(&sha256[..2.min(sha256.len())]);
    match rendition {
        Rendition::Original => folder.join(format!("{sha256}.{}", format.extension())),
        Rendition::Web => folder.join(format!("{sha256}.web.jpg")),
        Rendition::Thumb => folder.join(format!("{sha256}.thumb.jpg")),
    }
}

/// The path of a photo's edit master (see `render::edit_master`), beside its renditions. It
/// is not a rendition anyone is shown: framing reads it instead of the original when it is
/// large enough.
pub fn edit_path(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(&sha256[..2.min(sha256.len())])
        .join(format!("{sha256}.edit.jpg"))
}

/// Reads a whole file, refusing ones too large to be a photo.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let missing = |err: std::io::Error| {
        if err.kind() == std::io::ErrorKind::NotFound {
            PhotoError::FileMissing(path.display().to_string())
        } else {
            PhotoError::Io(err)
        }
    };
    let size = std::fs::metadata(path).map_err(missing)?.len();
    if size > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    std::fs::read(path).map_err(missing)
}

/// Writes a file under a temporary name and renames it into place, so a crash never leaves
/// a partial image where the library expects a whole one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    replace_atomically(path, bytes)
}

/// As [`write_atomically`], replacing a file already there (a rendition made again).
pub(crate) fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path.parent().expect("library paths have a folder");
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| PhotoError::Io(err.error))?;
    Ok(())
}

/// How old a temporary file in the library must be to be taken for one a killed import left
/// behind: an import running in another process right now (the app and the CLI share the
/// library) writes its own for seconds at most.
pub const LEFT_BEHIND_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files a killed import left in the library's folders (a write is
/// renamed into place only when whole, so these are never a photo anyone has); returns how
/// many. A library that is not there yet has none.
pub fn sweep_left_behind(photos_dir: &Path, now: std::time::SystemTime) -> std::io::Result<usize> {
    let Ok(folders) = std::fs::read_dir(photos_dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for folder in folders.flatten() {
        if !folder.file_type()?.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(folder.path())?.flatten() {
            // tempfile's own prefix: the library writes nothing else under it.
            if !entry.file_name().to_string_lossy().starts_with(".tmp") {
                continue;
            }
            let meta = entry.metadata()?;
            let age = meta
                .modified()
                .ok()
                .and_then(|at| now.duration_since(at).ok())
                .unwrap_or_default();
            if meta.is_file() && age >= LEFT_BEHIND_AFTER {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// A decoded, hashed file whose renditions are on disk, ready to be recorded.
pub struct Prepared {
    pub sha256: String,
    pub format: PhotoFormat,
    pub original_name: String,
    pub byte_size: u64,
    pub width: u32,
    pub height: u32,
    pub metadata: ReadMetadata,
}

/// The slow part of an import, which needs no database: recognise, read metadata, decode,
/// make renditions and store the files under `sha256` (the caller hashed the bytes to look
/// for them in the library first).
pub fn prepare(dir: &Path, original_name: &str, bytes: &[u8], sha256: String) -> Result<Prepared> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let format = metadata::sniff(bytes)?;
    let read = metadata::read(bytes, format);
    let renditions = render::renditions(bytes, format, read.camera.orientation)?;
    write_atomically(
        &file_path(dir, &sha256, format, Rendition::Thumb),
        &renditions.thumb,
    )?;
    write_atomically(&file_path(dir, &sha256, format, Rendition::Web), &renditions.web)?;
    write_atomically(&file_path(dir, &sha256, format, Rendition::Original), bytes)?;
    Ok(Prepared {
        sha256,
        format,
        original_name: original_name.to_owned(),
        byte_size: bytes.len() as u64,
        width: renditions.width,
        height: renditions.height,
        metadata: read,
    })
}

pub(crate) const PHOTO_COLUMNS: &str =
    "p.id, p.sha256, p.original_name, p.format, p.byte_size, p.width, p.height,
    p.description, p.credit, p.creator, p.copyright, p.alt_text, p.headline, p.keywords, p.date_created,
    p.camera, p.gps_latitude, p.gps_longitude, p.imported_at, p.updated_at, p.rating, p.pick, p.label,
    p.rotation, p.crop_x, p.crop_y, p.crop_width, p.crop_height, p.focal_x, p.focal_y,
    p.city, p.province, p.country, p.event, p.instructions, p.job_id, p.straighten";

/// How many columns `PHOTO_COLUMNS` selects: a query that selects more reads them after these.
pub(crate) const PHOTO_COLUMN_COUNT: usize = 37;

pub(crate) fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
    let keywords: String = row.get(13)?;
    let mut photo = Photo {
        id: row.get(0)?,
        sha256: row.get(1)?,
        original_name: row.get(2)?,
        format: PhotoFormat::parse(&row.get::<_, String>(3)?).unwrap_or(PhotoFormat::Jpeg),
        byte_size: row.get::<_, i64>(4)? as u64,
        width: row.get(5)?,
        height: row.get(6)?,
        description: row.get(7)?,
        credit: row.get(8)?,
        creator: row.get(9)?,
        copyright: row.get(10)?,
        alt_text: row.get(11)?,
        headline: row.get(12)?,
        keywords: serde_json::from_str(&keywords).unwrap_or_default(),
        date_created: row.get(14)?,
        city: row.get(30)?,
        province: row.get(31)?,
        country: row.get(32)?,
        event: row.get(33)?,
        instructions: row.get(34)?,
        job_id: row.get(35)?,
        camera: row.get(15)?,
        gps_latitude: row.get(16)?,
        gps_longitude: row.get(17)?,
        people: Vec::new(),
        missing: Vec::new(),
        imported_at: row.get(18)?,
        updated_at: row.get(19)?,
        rating: row.get(20)?,
        pick: Pick::from_number(row.get(21)?),
        label: ColourLabel::parse(&row.get::<_, String>(22)?).unwrap_or_default(),
        framing: Framing {
            rotation: row.get(23)?,
            straighten: row.get(36)?,
            crop: match (row.get(24)?, row.get(25)?, row.get(26)?, row.get(27)?) {
                (Some(x), Some(y), Some(width), Some(height)) => Some(Crop { x, y, width, height }),
                _ => None,
            },
            focal: match (row.get(28)?, row.get(29)?) {
                (Some(x), Some(y)) => Some(Focal { x, y }),
                _ => None,
            },
        },
    };
    photo.missing = missing_fields(&photo.description, &photo.credit, &photo.alt_text);
    Ok(photo)
}

pub(crate) fn missing_fields(caption: &str, credit: &str, alt: &str) -> Vec<RequiredField> {
    let mut missing = Vec::new();
    if caption.trim().is_empty() {
        missing.push(RequiredField::Caption);
    }
    if credit.trim().is_empty() {
        missing.push(RequiredField::Credit);
    }
    if alt.trim().is_empty() {
        missing.push(RequiredField::Alt);
    }
    missing
}

pub(crate) fn people(conn: &Connection, photo_id: &str) -> Result<Vec<PersonShown>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.name FROM photo_people pp JOIN entities e ON e.id = pp.entity_id
         WHERE pp.photo_id = ?1 ORDER BY pp.position",
    )?;
    let found = stmt
        .query_map([photo_id], |r| {
            Ok(PersonShown {
                entity_id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// One photo with the people shown in it.
pub fn get(conn: &Connection, id: &str) -> Result<Photo> {
    let mut photo = conn
        .query_row(
            &format!("SELECT {PHOTO_COLUMNS} FROM photos p WHERE p.id = ?1"),
            [id],
            photo_from_row,
        )
        .optional()?
        .ok_or_else(|| PhotoError::NotFound(id.to_owned()))?;
    photo.people = people(conn, id)?;
    settle_caption(conn, &mut photo)?;
    Ok(photo)
}

/// One caption truth: a photo has a caption when its archive description is written or when
/// a piece it is in gives it a caption of its own (which is what that piece publishes).
pub(crate) fn settle_caption(conn: &Connection, photo: &mut Photo) -> Result<()> {
    if photo.missing.contains(&RequiredField::Caption) {
        let captioned: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM article_photos WHERE photo_id = ?1 AND trim(coalesce(caption, '')) <> '')",
            [&photo.id],
            |r| r.get(0),
        )?;
        if captioned {
            photo.missing.retain(|m| *m != RequiredField::Caption);
        }
    }
    Ok(())
}

/// The photo already stored with these bytes, if any.
pub fn find_by_sha(conn: &Connection, sha256: &str) -> Result<Option<Photo>> {
    let id: Option<String> = conn
        .query_row("SELECT id FROM photos WHERE sha256 = ?1", [sha256], |r| r.get(0))
        .optional()?;
    id.map(|id| get(conn, &id)).transpose()
}

pub(crate) fn require_article(conn: &Connection, article_id: &str) -> Result<()> {
    if newsroom_store::article_exists(conn, article_id)? {
        Ok(())
    } else {
        Err(PhotoError::ArticleNotFound(article_id.to_owned()))
    }
}

pub(crate) fn set_people(
    conn: &Connection,
    photo_id: &str,
    names: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute("DELETE FROM photo_people WHERE photo_id = ?1", [photo_id])?;
    let mut position = 0;
    for name in names {
        let name = clean(name);
        if name.is_empty() {
            continue;
        }
        let entity_id = match newsroom_entities::find_by_name(conn, EntityKind::Person, &name)? {
            Some(id) => id,
            None => {
                let input = EntityInput {
                    kind: EntityKind::Person,
                    name,
                    aliases: vec![],
                    roles: vec![],
                    parent: None,
                    uri: None,
                };
                newsroom_entities::upsert(conn, &input, now)?.0
            }
        };
        position += 1;
        conn.execute(
            "INSERT OR IGNORE INTO photo_people (photo_id, entity_id, position) VALUES (?1, ?2, ?3)",
            params![photo_id, entity_id, position],
        )?;
    }
    Ok(())
}

/// Records a prepared file (or finds it already recorded) and, when asked, attaches it to an
/// article. Returns the photo and whether it is new to the library.
pub fn commit(
    conn: &Connection,
    prepared: &Prepared,
    article_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Imported> {
    write(conn, |tx| {
        if let Some(article_id) = article_id {
            require_article(tx, article_id)?;
        }
        let existing = find_by_sha(tx, &prepared.sha256)?;
        let created = existing.is_none();
        let id = match existing {
            Some(photo) => photo.id,
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                let fields = &prepared.metadata.fields;
                let camera = &prepared.metadata.camera;
                tx.execute(
                    "INSERT INTO photos (id, sha256, original_name, format, byte_size, width, height,
                        orientation, description, credit, creator, copyright, alt_text, headline, keywords,
                        date_created, camera, gps_latitude, gps_longitude, imported_at, updated_at,
                        rating, pick, label, city, province, country, event, instructions, job_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                        ?18, ?19, ?20, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
                    params![
                        id,
                        prepared.sha256,
                        clean(&prepared.original_name),
                        prepared.format.as_str(),
                        prepared.byte_size as i64,
                        prepared.width,
                        prepared.height,
                        camera.orientation,
                        fields.caption,
                        fields.credit,
                        fields.creator,
                        fields.copyright,
                        fields.alt_text,
                        fields.headline,
                        serde_json::to_string(&fields.keywords).unwrap_or_else(|_| "[]".into()),
                        fields.date_created,
                        camera.camera,
                        camera.gps_latitude,
                        camera.gps_longitude,
                        timestamp(now),
                        fields.rating.clamp(0, 5),
                        if fields.rating < 0 {
                            Pick::Rejected
                        } else {
                            Pick::Unmarked
                        }
                        .as_number(),
                        ColourLabel::parse(&fields.label).unwrap_or_default().as_str(),
                        fields.city,
                        fields.province,
                        fields.country,
                        fields.event,
                        fields.instructions,
                        fields.job_id,
                    ],
                )?;
                set_people(tx, &id, &fields.people_shown, now)?;
                id
            }
        };
        if let Some(article_id) = article_id {
            attach(tx, article_id, &id)?;
        }
        Ok(Imported {
            photo: get(tx, &id)?,
            created,
            metadata: prepared.metadata.clone(),
        })
    })
}

/// The photo already stored with these bytes (by their SHA-256), attached to the article
/// when one is named, with the metadata the bytes carry; `None` when they are new.
pub fn reuse(
    conn: &Connection,
    sha256: &str,
    bytes: &[u8],
    article_id: Option<&str>,
) -> Result<Option<Imported>> {
    if let Some(article_id) = article_id {
        require_article(conn, article_id)?;
    }
    let Some(photo) = find_by_sha(conn, sha256)? else {
        return Ok(None);
    };
    if let Some(article_id) = article_id {
        attach(conn, article_id, &photo.id)?;
    }
    Ok(Some(Imported {
        metadata: metadata::read(bytes, photo.format),
        photo: get(conn, &photo.id)?,
        created: false,
    }))
}

/// Imports bytes (a pasted image, or a file already read): reuses the stored photo when the
/// same bytes were imported before, and otherwise prepares and records it.
pub fn import_bytes(
    conn: &Connection,
    dir: &Path,
    name: &str,
    bytes: &[u8],
    article_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Imported> {
    let sha256 = sha256_hex(bytes);
    if let Some(reused) = reuse(conn, &sha256, bytes, article_id)? {
        return Ok(reused);
    }
    let prepared = prepare(dir, name, bytes, sha256)?;
    commit(conn, &prepared, article_id, now)
}

/// Imports one file, naming it in any error.
pub fn import_file(
    conn: &Connection,
    dir: &Path,
    path: &Path,
    article_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Imported, FileError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let outcome = read_file(path).and_then(|bytes| import_bytes(conn, dir, &name, &bytes, article_id, now));
    outcome.map_err(|source| FileError {
        file: path.display().to_string(),
        source,
    })
}
