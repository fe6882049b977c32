//! Metadata templates: named caption fields applied to photos on ingest or to a selection,
//! with variables filled from each photo, and the image files of a folder (a card) to ingest.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use newsroom_store::{timestamp, write};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::edit_many;
use crate::library::get;
use crate::models::{Photo, PhotoEdit};
use crate::{PhotoError, Result};

/// The fields a template sets. An empty field leaves each photo's own value as it is; a
/// field with text replaces it, after its variables are filled from the photo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateFields {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub credit: String,
    #[serde(default)]
    pub creator: String,
    #[serde(default)]
    pub copyright: String,
    #[serde(default)]
    pub alt_text: String,
    /// Added to each photo's keywords (never removing one).
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub job_id: String,
}

impl TemplateFields {
    /// The same template with every text (keywords too) passed through `change`.
    pub fn map_text(&self, change: impl Fn(&str) -> String) -> TemplateFields {
        TemplateFields {
            description: change(&self.description),
            headline: change(&self.headline),
            credit: change(&self.credit),
            creator: change(&self.creator),
            copyright: change(&self.copyright),
            alt_text: change(&self.alt_text),
            keywords: self.keywords.iter().map(|k| change(k)).collect(),
            city: change(&self.city),
            province: change(&self.province),
            country: change(&self.country),
            event: change(&self.event),
            instructions: change(&self.instructions),
            job_id: change(&self.job_id),
        }
    }
}

/// A named template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoTemplate {
    pub name: String,
    pub fields: TemplateFields,
}

/// The variables a template's text may use, as the help and the form list them.
pub const TEMPLATE_VARIABLES: &[&str] = &["{date}", "{time}", "{creator}", "{city}", "{seq}", "{file}"];

const FORMAT: &str = "newsroom-photo-templates";

#[derive(Serialize, Deserialize)]
struct TemplateFile {
    format: String,
    version: u32,
    templates: Vec<PhotoTemplate>,
}

fn clean_name(name: &str) -> Result<String> {
    let name = newsroom_text::nfc(name.trim());
    if name.is_empty() || name.chars().count() > 80 {
        return Err(PhotoError::Invalid(
            "a template needs a name of 1 to 80 characters".to_owned(),
        ));
    }
    Ok(name)
}

fn clean_fields(fields: &TemplateFields) -> TemplateFields {
    let mut clean = fields.map_text(|text| newsroom_text::nfc(text.trim()));
    clean.keywords.retain(|k| !k.is_empty());
    clean
}

/// Saves a template under its name (replacing one of the same name).
pub fn save_template(
    conn: &Connection,
    template: &PhotoTemplate,
    now: DateTime<Utc>,
) -> Result<PhotoTemplate> {
    let saved = PhotoTemplate {
        name: clean_name(&template.name)?,
        fields: clean_fields(&template.fields),
    };
    let json = serde_json::to_string(&saved.fields).map_err(|e| PhotoError::Invalid(e.to_string()))?;
    conn.execute(
        "INSERT INTO photo_templates (name, fields, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at",
        params![saved.name, json, timestamp(now)],
    )?;
    Ok(saved)
}

/// Every template, by name.
pub fn templates(conn: &Connection) -> Result<Vec<PhotoTemplate>> {
    let mut stmt = conn.prepare_cached("SELECT name, fields FROM photo_templates ORDER BY name")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(name, fields)| PhotoTemplate {
            name,
            fields: serde_json::from_str(&fields).unwrap_or_default(),
        })
        .collect())
}

pub fn template(conn: &Connection, name: &str) -> Result<PhotoTemplate> {
    let name = newsroom_text::nfc(name.trim());
    let fields: Option<String> = conn
        .query_row(
            "SELECT fields FROM photo_templates WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    let fields = fields.ok_or_else(|| PhotoError::NotFound(format!("template “{name}”")))?;
    Ok(PhotoTemplate {
        name,
        fields: serde_json::from_str(&fields).unwrap_or_default(),
    })
}

pub fn remove_template(conn: &Connection, name: &str) -> Result<()> {
    let name = newsroom_text::nfc(name.trim());
    if conn.execute("DELETE FROM photo_templates WHERE name = ?1", [&name])? == 0 {
        return Err(PhotoError::NotFound(format!("template “{name}”")));
    }
    Ok(())
}

/// Every template as JSON, for another machine.
pub fn export_templates(conn: &Connection) -> Result<String> {
    let file = TemplateFile {
        format: FORMAT.to_owned(),
        version: 1,
        templates: templates(conn)?,
    };
    serde_json::to_string_pretty(&file).map_err(|e| PhotoError::Invalid(e.to_string()))
}

/// Merges templates exported on another machine (a template of the same name is replaced);
/// all or none. Returns how many were read.
pub fn import_templates(conn: &Connection, json: &str, now: DateTime<Utc>) -> Result<u32> {
    let file: TemplateFile = serde_json::from_str(json)
        .map_err(|e| PhotoError::Invalid(format!("not a file of photo templates: {e}")))?;
    if file.format != FORMAT {
        return Err(PhotoError::Invalid(format!(
            "the file is a “{}” file, not photo templates",
            file.format
        )));
    }
    write(conn, |tx| {
        for template in &file.templates {
            save_template(tx, template, now)?;
        }
        Ok(file.templates.len() as u32)
    })
}

/// The variables of one photo: its capture day and time as recorded (dd/MM/yyyy, HH:mm), its
/// creator and city (the template's when it sets them), its place in the batch and its file
/// name.
fn fill(text: &str, photo: &Photo, creator: &str, city: &str, seq: usize) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let taken = photo.date_created.as_str();
    let date = match (taken.get(0..4), taken.get(5..7), taken.get(8..10)) {
        (Some(y), Some(m), Some(d)) if taken.len() >= 10 => format!("{d}/{m}/{y}"),
        _ => String::new(),
    };
    let time = taken.get(11..16).unwrap_or("").to_owned();
    text.replace("{date}", &date)
        .replace("{time}", &time)
        .replace("{creator}", creator)
        .replace("{city}", city)
        .replace("{seq}", &seq.to_string())
        .replace("{file}", &photo.original_name)
}

/// Applies a template to photos, in the order given (`{seq}` counts from 1 in it); all or
/// none. Returns the photos as changed.
pub fn apply_template(
    conn: &Connection,
    fields: &TemplateFields,
    ids: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<Photo>> {
    apply_template_from(conn, fields, ids, 1, now)
}

/// As [`apply_template`], with `{seq}` counting from `first` (an ingest applies the template
/// one new photo at a time, as each arrives).
pub fn apply_template_from(
    conn: &Connection,
    fields: &TemplateFields,
    ids: &[String],
    first: usize,
    now: DateTime<Utc>,
) -> Result<Vec<Photo>> {
    write(conn, |tx| {
        let mut out = Vec::with_capacity(ids.len());
        for (index, id) in ids.iter().enumerate() {
            let photo = get(tx, id)?;
            let creator = if fields.creator.is_empty() {
                photo.creator.clone()
            } else {
                fields.creator.clone()
            };
            let city = if fields.city.is_empty() {
                photo.city.clone()
            } else {
                fields.city.clone()
            };
            let set =
                |text: &str| (!text.is_empty()).then(|| fill(text, &photo, &creator, &city, first + index));
            let keywords = (!fields.keywords.is_empty()).then(|| {
                let mut all = photo.keywords.clone();
                for keyword in &fields.keywords {
                    if !all.contains(keyword) {
                        all.push(keyword.clone());
                    }
                }
                all
            });
            let change = PhotoEdit {
                description: set(&fields.description),
                headline: set(&fields.headline),
                credit: set(&fields.credit),
                creator: set(&fields.creator),
                copyright: set(&fields.copyright),
                alt_text: set(&fields.alt_text),
                city: set(&fields.city),
                province: set(&fields.province),
                country: set(&fields.country),
                event: set(&fields.event),
                instructions: set(&fields.instructions),
                job_id: set(&fields.job_id),
                keywords,
                ..Default::default()
            };
            out.extend(edit_many(tx, std::slice::from_ref(id), &change, now)?);
        }
        Ok(out)
    })
}

/// The image files in a folder and the folders inside it (a memory card's `DCIM/100CANON`),
/// by path, so a card imports in the order it was shot. Hidden files (`._IMG_0001.JPG` that
/// macOS leaves) are skipped.
pub fn images_in_folder(dir: &Path) -> Result<Vec<PathBuf>> {
    const IMAGES: &[&str] = &["jpg", "jpeg", "png", "webp", "heic", "heif"];
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => PhotoError::FileMissing(folder.display().to_string()),
            _ => PhotoError::Io(err),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGES.contains(&e.to_ascii_lowercase().as_str()))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
