//! Exporting a photo with its caption fields inside the file (XMP and IIM, pixels untouched).

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use rusqlite::Connection;

use crate::embed;
use crate::library::*;
use crate::models::*;
use crate::{PhotoError, Result};

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
        city: photo.city.clone(),
        province: photo.province.clone(),
        country: photo.country.clone(),
        event: photo.event.clone(),
        instructions: photo.instructions.clone(),
        job_id: photo.job_id.clone(),
        rating: if photo.pick == Pick::Rejected {
            -1
        } else {
            photo.rating as i8
        },
        label: photo.label.xmp().to_owned(),
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

/// How much of a file is read to find where its image data starts; a header larger than this
/// (huge embedded previews) is read whole instead.
const HEADER_READ: usize = 1024 * 1024;

/// Exports a photo to a file (written atomically). Only the segments before the image data
/// are read and rewritten; the image data is copied from the stored file by the operating
/// system (`copy_file_range` on Linux), never passing through memory here.
pub fn export(
    conn: &Connection,
    dir: &Path,
    id: &str,
    rendition: Rendition,
    caption: Option<&str>,
    out: &Path,
) -> Result<()> {
    let photo = get(conn, id)?;
    if rendition == Rendition::Original && photo.format != PhotoFormat::Jpeg {
        return export_whole(conn, dir, id, rendition, caption, out);
    }
    let path = file_path(dir, &photo.sha256, photo.format, rendition);
    let mut source = std::fs::File::open(&path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => PhotoError::FileMissing(path.display().to_string()),
        _ => PhotoError::Io(err),
    })?;
    let mut head = Vec::with_capacity(HEADER_READ);
    (&mut source).take(HEADER_READ as u64).read_to_end(&mut head)?;
    let fields = embedded_fields(&photo, caption);
    let Ok((header, scan_start)) = crate::embed::embedded_header(&head, &fields) else {
        return export_whole(conn, dir, id, rendition, caption, out);
    };
    let mut temp = temp_beside(out)?;
    temp.write_all(&header)?;
    source.seek(SeekFrom::Start(scan_start as u64))?;
    std::io::copy(&mut source, temp.as_file_mut())?;
    temp.persist(out).map_err(|err| PhotoError::Io(err.error))?;
    Ok(())
}

/// Exports by reading the whole stored file (formats and headers the fast way cannot take,
/// and the errors they have worded).
fn export_whole(
    conn: &Connection,
    dir: &Path,
    id: &str,
    rendition: Rendition,
    caption: Option<&str>,
    out: &Path,
) -> Result<()> {
    let bytes = export_bytes(conn, dir, id, rendition, caption)?;
    let mut temp = temp_beside(out)?;
    temp.write_all(&bytes)?;
    temp.persist(out).map_err(|err| PhotoError::Io(err.error))?;
    Ok(())
}

/// A temporary file in the folder of `out`, renamed onto it once whole.
fn temp_beside(out: &Path) -> Result<tempfile::NamedTempFile> {
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(tempfile::NamedTempFile::new_in(folder)?)
}
