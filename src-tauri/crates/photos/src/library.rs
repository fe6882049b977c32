//! The photo library in the store: importing files, editing fields, listing for the photo
//! desk, arranging photos in articles, and exporting with metadata.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use newsroom_entities::{EntityInput, EntityKind};
use newsroom_store::write;
use rusqlite::{params, Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use crate::models::*;
use crate::{embed, metadata, render, FileError, PhotoError, Result};

/// The largest file accepted (a 100-megapixel camera's JPEG is about 60 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The folder inside the data directory that holds originals and renditions.
pub const PHOTOS_FOLDER: &str = "photos";

use newsroom_store::timestamp;

fn clean(text: &str) -> String {
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
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let folder = path.parent().expect("library paths have a folder");
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| PhotoError::Io(err.error))?;
    Ok(())
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

const PHOTO_COLUMNS: &str = "p.id, p.sha256, p.original_name, p.format, p.byte_size, p.width, p.height,
    p.description, p.credit, p.creator, p.copyright, p.alt_text, p.headline, p.keywords, p.date_created,
    p.camera, p.gps_latitude, p.gps_longitude, p.imported_at, p.updated_at";

fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
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
        camera: row.get(15)?,
        gps_latitude: row.get(16)?,
        gps_longitude: row.get(17)?,
        people: Vec::new(),
        missing: Vec::new(),
        imported_at: row.get(18)?,
        updated_at: row.get(19)?,
    };
    photo.missing = missing_fields(&photo.description, &photo.credit, &photo.alt_text);
    Ok(photo)
}

fn missing_fields(caption: &str, credit: &str, alt: &str) -> Vec<RequiredField> {
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

fn people(conn: &Connection, photo_id: &str) -> Result<Vec<PersonShown>> {
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
    Ok(photo)
}

/// The photo already stored with these bytes, if any.
pub fn find_by_sha(conn: &Connection, sha256: &str) -> Result<Option<Photo>> {
    let id: Option<String> = conn
        .query_row("SELECT id FROM photos WHERE sha256 = ?1", [sha256], |r| r.get(0))
        .optional()?;
    id.map(|id| get(conn, &id)).transpose()
}

fn require_article(conn: &Connection, article_id: &str) -> Result<()> {
    if newsroom_store::article_exists(conn, article_id)? {
        Ok(())
    } else {
        Err(PhotoError::ArticleNotFound(article_id.to_owned()))
    }
}

fn set_people(conn: &Connection, photo_id: &str, names: &[String], now: DateTime<Utc>) -> Result<()> {
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
                        date_created, camera, gps_latitude, gps_longitude, imported_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                        ?18, ?19, ?20, ?20)",
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

/// Changes a photo's archive fields.
pub fn edit(conn: &Connection, id: &str, change: &PhotoEdit, now: DateTime<Utc>) -> Result<Photo> {
    write(conn, |tx| {
        get(tx, id)?;
        let text_fields = [
            ("description", &change.description),
            ("credit", &change.credit),
            ("creator", &change.creator),
            ("copyright", &change.copyright),
            ("alt_text", &change.alt_text),
            ("headline", &change.headline),
            ("date_created", &change.date_created),
        ];
        for (column, value) in text_fields {
            if let Some(value) = value {
                tx.execute(
                    &format!("UPDATE photos SET {column} = ?2 WHERE id = ?1"),
                    params![id, clean(value)],
                )?;
            }
        }
        if let Some(keywords) = &change.keywords {
            let keywords: Vec<String> = keywords
                .iter()
                .map(|k| clean(k))
                .filter(|k| !k.is_empty())
                .collect();
            tx.execute(
                "UPDATE photos SET keywords = ?2 WHERE id = ?1",
                params![
                    id,
                    serde_json::to_string(&keywords).unwrap_or_else(|_| "[]".into())
                ],
            )?;
        }
        if let Some(names) = &change.people {
            set_people(tx, id, names, now)?;
        }
        tx.execute(
            "UPDATE photos SET updated_at = ?2 WHERE id = ?1",
            params![id, timestamp(now)],
        )?;
        get(tx, id)
    })
}

fn where_clause(query: &PhotoQuery) -> (String, Vec<String>) {
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    let missing = |field: RequiredField| match field {
        RequiredField::Caption => "trim(p.description) = ''",
        RequiredField::Credit => "trim(p.credit) = ''",
        RequiredField::Alt => "trim(p.alt_text) = ''",
    };
    if let Some(field) = query.missing {
        conditions.push(missing(field).to_owned());
    } else if query.any_missing {
        conditions.push(format!(
            "({} OR {} OR {})",
            missing(RequiredField::Caption),
            missing(RequiredField::Credit),
            missing(RequiredField::Alt)
        ));
    }
    if let Some(article_id) = &query.article_id {
        values.push(article_id.clone());
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM article_photos ap WHERE ap.photo_id = p.id AND ap.article_id = ?{})",
            values.len()
        ));
    }
    // The day a photo belongs to: when it was taken if known, else when it was imported.
    let day = "substr(CASE WHEN p.date_created <> '' THEN p.date_created ELSE p.imported_at END, 1, 10)";
    if let Some(from) = query.from.as_ref().filter(|f| !f.is_empty()) {
        values.push(from.clone());
        conditions.push(format!("{day} >= ?{}", values.len()));
    }
    if let Some(to) = query.to.as_ref().filter(|t| !t.is_empty()) {
        values.push(to.clone());
        conditions.push(format!("{day} <= ?{}", values.len()));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    (clause, values)
}

/// Photos matching the query, newest import first.
pub fn list(conn: &Connection, query: &PhotoQuery) -> Result<Vec<Photo>> {
    let (clause, values) = where_clause(query);
    let limit = query.limit.unwrap_or(u32::MAX);
    let offset = query.offset.unwrap_or(0);
    let mut stmt = conn.prepare(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos p {clause} ORDER BY p.seq DESC LIMIT {limit} OFFSET {offset}"
    ))?;
    let mut photos = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), photo_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for photo in &mut photos {
        photo.people = people(conn, &photo.id)?;
    }
    Ok(photos)
}

/// How many photos match the query (for the photo desk's count and scroll height).
pub fn count(conn: &Connection, query: &PhotoQuery) -> Result<u64> {
    let (clause, values) = where_clause(query);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM photos p {clause}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    Ok(total as u64)
}

/// Adds a photo to the end of an article's photos (no change when it is there already).
/// The first photo an article gets becomes its lead photo.
pub fn attach(conn: &Connection, article_id: &str, photo_id: &str) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        get(tx, photo_id)?;
        let has_lead: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM article_photos WHERE article_id = ?1 AND is_lead = 1)",
            [article_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_photos (article_id, photo_id, position, is_lead)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM article_photos WHERE article_id = ?1), ?3)",
            params![article_id, photo_id, !has_lead],
        )?;
        Ok(())
    })
}

/// Removes a photo from an article; the library keeps it.
pub fn detach(conn: &Connection, article_id: &str, photo_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM article_photos WHERE article_id = ?1 AND photo_id = ?2",
        params![article_id, photo_id],
    )?;
    Ok(())
}

/// Puts an article's photos in the given order (photos not named keep their relative order
/// after the named ones).
pub fn reorder(conn: &Connection, article_id: &str, photo_ids: &[String]) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        let mut current: Vec<String> = tx
            .prepare("SELECT photo_id FROM article_photos WHERE article_id = ?1 ORDER BY position")?
            .query_map([article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        current.retain(|id| !photo_ids.contains(id));
        let order = photo_ids.iter().chain(current.iter());
        for (position, photo_id) in order.enumerate() {
            tx.execute(
                "UPDATE article_photos SET position = ?3 WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id, position as i64 + 1],
            )?;
        }
        Ok(())
    })
}

/// Makes one photo the article's lead (featured) photo, or none.
pub fn set_lead(conn: &Connection, article_id: &str, photo_id: Option<&str>) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        tx.execute(
            "UPDATE article_photos SET is_lead = 0 WHERE article_id = ?1",
            [article_id],
        )?;
        if let Some(photo_id) = photo_id {
            let changed = tx.execute(
                "UPDATE article_photos SET is_lead = 1 WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id],
            )?;
            if changed == 0 {
                return Err(PhotoError::Invalid(format!(
                    "photo {photo_id} is not in article {article_id}"
                )));
            }
        }
        Ok(())
    })
}

/// Gives a photo its own caption in one article; `None` goes back to the archive description.
pub fn set_article_caption(
    conn: &Connection,
    article_id: &str,
    photo_id: &str,
    caption: Option<&str>,
) -> Result<()> {
    let changed = conn.execute(
        "UPDATE article_photos SET caption = ?3 WHERE article_id = ?1 AND photo_id = ?2",
        params![article_id, photo_id, caption.map(clean)],
    )?;
    if changed == 0 {
        return Err(PhotoError::Invalid(format!(
            "photo {photo_id} is not in article {article_id}"
        )));
    }
    Ok(())
}

/// An article's photos in order, each with the caption the article shows.
pub fn article_photos(conn: &Connection, article_id: &str) -> Result<Vec<ArticlePhoto>> {
    require_article(conn, article_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS}, ap.caption, ap.is_lead, ap.position
         FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ?1 ORDER BY ap.position"
    ))?;
    let mut found = stmt
        .query_map([article_id], |row| {
            let photo = photo_from_row(row)?;
            let own: Option<String> = row.get(20)?;
            let caption = own.clone().unwrap_or_else(|| photo.description.clone());
            Ok(ArticlePhoto {
                missing: missing_fields(&caption, &photo.credit, &photo.alt_text),
                photo,
                caption,
                own_caption: own.is_some(),
                is_lead: row.get(21)?,
                position: row.get(22)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for item in &mut found {
        item.photo.people = people(conn, &item.photo.id)?;
    }
    Ok(found)
}

/// Photos showing a person (for the entity page).
pub fn photos_showing(conn: &Connection, entity_id: &str) -> Result<Vec<Photo>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT pp.photo_id FROM photo_people pp JOIN photos p ON p.id = pp.photo_id
             WHERE pp.entity_id = ?1 ORDER BY p.seq DESC",
        )?
        .query_map([entity_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}

/// The fields a photo carries into an exported file; an article's own caption replaces the
/// archive description when given.
pub fn embedded_fields(photo: &Photo, caption: Option<&str>) -> EmbeddedFields {
    EmbeddedFields {
        caption: caption
            .map(str::to_owned)
            .unwrap_or_else(|| photo.description.clone()),
        creator: photo.creator.clone(),
        credit: photo.credit.clone(),
        copyright: photo.copyright.clone(),
        headline: photo.headline.clone(),
        keywords: photo.keywords.clone(),
        date_created: photo.date_created.clone(),
        alt_text: photo.alt_text.clone(),
        people_shown: photo.people.iter().map(|p| p.name.clone()).collect(),
        organisations_shown: Vec::new(),
    }
}

/// The bytes of a photo as exported: the original JPEG or the web rendition with the caption
/// fields inserted as XMP and IIM (pixels untouched).
pub fn export_bytes(
    conn: &Connection,
    dir: &Path,
    id: &str,
    rendition: Rendition,
    caption: Option<&str>,
) -> Result<Vec<u8>> {
    let photo = get(conn, id)?;
    if rendition == Rendition::Original && photo.format != PhotoFormat::Jpeg {
        return Err(PhotoError::Invalid(format!(
            "the original of {} is {}, and metadata is exported into JPEG files: export the web rendition",
            photo.original_name,
            photo.format.as_str().to_uppercase()
        )));
    }
    let path = file_path(dir, &photo.sha256, photo.format, rendition);
    let bytes = std::fs::read(&path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PhotoError::FileMissing(path.display().to_string()),
        _ => PhotoError::Io(err),
    })?;
    embed(&bytes, &embedded_fields(&photo, caption))
}

/// Exports a photo to a file (written atomically).
pub fn export(
    conn: &Connection,
    dir: &Path,
    id: &str,
    rendition: Rendition,
    caption: Option<&str>,
    out: &Path,
) -> Result<()> {
    let bytes = export_bytes(conn, dir, id, rendition, caption)?;
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(&bytes)?;
    temp.persist(out).map_err(|err| PhotoError::Io(err.error))?;
    Ok(())
}
