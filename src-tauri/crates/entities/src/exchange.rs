//! The directory in and out of files: JSON (the entries and the names never to be suggested;
//! a bare array of entries is read too) and CSV (one row per role; a row marked `never` in the
//! `suggest` column is a name never to be suggested).

use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_store::write;
use rusqlite::Connection;

use crate::{
    kind_str, list, never_suggest, never_suggested, parse_kind, upsert, EntityError, EntityInput, EntityRole,
    ImportProblem, ImportSummary, NeverSuggested, Result,
};

/// Imports entities from a `.json` file (`{"entities": [EntityInput…], "never_suggest":
/// [NeverSuggested…]}`, or an array of `EntityInput`) or a `.csv` file with the header
/// `kind,name,aliases,parent,title,organisation,uri[,suggest]` (aliases separated by `|`;
/// `suggest` = `never` for a name never to be suggested). All or nothing: a bad row stops the
/// import and names the file and the row.
pub fn import(conn: &Connection, path: &Path, now: DateTime<Utc>) -> Result<ImportSummary> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| EntityError::Invalid(format!("{name}: cannot read: {e}")))?;
    import_bytes(conn, &name, &bytes, now)
}

/// Imports a directory file's contents; `name` (the file's name) decides the format and
/// names the file in errors.
pub fn import_bytes(
    conn: &Connection,
    name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    let fail = |problem: ImportProblem| EntityError::Import {
        file: name.to_owned(),
        problem,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(ImportProblem::NotUtf8 {
            offset: e.valid_up_to() as u32,
        })
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    // Each entry with the row it came from: the CSV line, or the JSON entry's number.
    let (inputs, never): (Vec<(u32, EntityInput)>, Vec<NeverSuggested>) = match extension.as_str() {
        "json" => {
            let bad = |e: serde_json::Error| {
                fail(ImportProblem::BadJson {
                    line: e.line() as u32,
                    column: e.column() as u32,
                })
            };
            let file: DirectoryFile = if text.trim_start().starts_with('{') {
                serde_json::from_str(text).map_err(bad)?
            } else {
                DirectoryFile {
                    entities: serde_json::from_str(text).map_err(bad)?,
                    never_suggest: Vec::new(),
                }
            };
            let numbered = file.entities.into_iter().enumerate();
            (
                numbered.map(|(i, input)| (i as u32 + 1, input)).collect(),
                file.never_suggest,
            )
        }
        "csv" => parse_csv(text).map_err(fail)?,
        _ => return Err(fail(ImportProblem::NotCsvOrJson)),
    };
    if let Some((row, _)) = inputs.iter().find(|(_, input)| input.name.trim().is_empty()) {
        return Err(fail(ImportProblem::NoName { row: *row }));
    }
    write(conn, |tx| {
        let mut summary = ImportSummary::default();
        for (row, input) in &inputs {
            let (_, created) = upsert(tx, input, now).map_err(|e| match e {
                EntityError::Invalid(why) => EntityError::Invalid(format!("{name}: row {row}: {why}")),
                other => other,
            })?;
            if created {
                summary.created += 1;
            } else {
                summary.updated += 1;
            }
        }
        for stopped in never.iter().filter(|n| !n.name.trim().is_empty()) {
            // Who stopped a name travels with it; a file from elsewhere is its own source.
            let by = Some(stopped.added_by.as_str())
                .filter(|b| !b.is_empty())
                .unwrap_or(name);
            if never_suggest(tx, stopped.kind, &stopped.name, by, now)? {
                summary.never_suggested += 1;
            }
        }
        Ok(summary)
    })
}

/// A CSV file's entries with their rows, and its names never to be suggested.
type CsvRows = (Vec<(u32, EntityInput)>, Vec<NeverSuggested>);

fn parse_csv(text: &str) -> std::result::Result<CsvRows, ImportProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| ImportProblem::BadCsvRow { row: 1 })?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(kind_col), Some(name_col)) = (column("kind"), column("name")) else {
        return Err(ImportProblem::MissingColumns);
    };
    let optional = |record: &csv::StringRecord, name: &str| {
        column(name)
            .and_then(|c| record.get(c))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut never = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // The line the row starts on (a quoted field may span lines); the header is line 1.
        let row = i as u32 + 2;
        let record = record.map_err(|e| ImportProblem::BadCsvRow {
            row: e.position().map_or(row, |p| p.line() as u32),
        })?;
        let row = record.position().map_or(row, |p| p.line() as u32);
        let kind_text = record.get(kind_col).unwrap_or_default();
        let kind = parse_kind(kind_text).ok_or_else(|| ImportProblem::BadKind {
            row,
            value: kind_text.to_owned(),
        })?;
        if optional(&record, "suggest").eq_ignore_ascii_case("never") {
            never.push(NeverSuggested {
                kind,
                name: record.get(name_col).unwrap_or_default().to_owned(),
                added_by: String::new(),
                added_at: String::new(),
            });
            continue;
        }
        let title = optional(&record, "title");
        out.push((
            row,
            EntityInput {
                kind,
                name: record.get(name_col).unwrap_or_default().to_owned(),
                aliases: optional(&record, "aliases")
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect(),
                roles: if title.is_empty() {
                    vec![]
                } else {
                    vec![EntityRole {
                        title,
                        organisation: optional(&record, "organisation"),
                        since: optional(&record, "since"),
                        until: optional(&record, "until"),
                    }]
                },
                parent: Some(optional(&record, "parent")).filter(|p| !p.is_empty()),
                uri: Some(optional(&record, "uri")).filter(|u| !u.is_empty()),
            },
        ));
    }
    Ok((out, never))
}

/// The whole directory as CSV, in the columns `import` reads: one row per role (a person with
/// three roles has three rows; importing them gives back one person with three roles).
pub fn export_csv(conn: &Connection) -> Result<String> {
    let entities = list(conn, None, "", usize::MAX >> 1)?;
    let names: std::collections::HashMap<String, String> =
        entities.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| EntityError::Invalid(format!("cannot write CSV: {e}"));
    writer
        .write_record([
            "kind",
            "name",
            "aliases",
            "title",
            "organisation",
            "since",
            "until",
            "parent",
            "uri",
            "suggest",
        ])
        .map_err(csv_error)?;
    for entity in &entities {
        let parent = entity
            .parent_id
            .as_ref()
            .and_then(|p| names.get(p))
            .cloned()
            .unwrap_or_default();
        let aliases = entity.aliases.join("|");
        let no_role = [EntityRole::default()];
        let roles: &[EntityRole] = if entity.roles.is_empty() {
            &no_role
        } else {
            &entity.roles
        };
        for role in roles {
            writer
                .write_record([
                    kind_str(entity.kind),
                    &entity.name,
                    &aliases,
                    &role.title,
                    &role.organisation,
                    &role.since,
                    &role.until,
                    &parent,
                    &entity.uri,
                    "",
                ])
                .map_err(csv_error)?;
        }
    }
    for name in never_suggested(conn)? {
        let blank = "";
        writer
            .write_record([
                kind_str(name.kind),
                &name.name,
                blank,
                blank,
                blank,
                blank,
                blank,
                blank,
                blank,
                "never",
            ])
            .map_err(csv_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| EntityError::Invalid(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

/// A directory file in JSON: the entries, and the names never to be suggested.
#[derive(serde::Serialize, serde::Deserialize)]
struct DirectoryFile {
    entities: Vec<EntityInput>,
    #[serde(default)]
    never_suggest: Vec<NeverSuggested>,
}

/// The whole directory as JSON (the import format), in Vietnamese order, with the names the
/// newsroom never wants suggested.
pub fn export_json(conn: &Connection) -> Result<String> {
    let entities = list(conn, None, "", usize::MAX >> 1)?;
    let names: std::collections::HashMap<String, String> =
        entities.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
    let inputs: Vec<EntityInput> = entities
        .into_iter()
        .map(|e| EntityInput {
            kind: e.kind,
            parent: e.parent_id.and_then(|p| names.get(&p).cloned()),
            name: e.name,
            aliases: e.aliases,
            roles: e.roles,
            uri: Some(e.uri),
        })
        .collect();
    let file = DirectoryFile {
        entities: inputs,
        never_suggest: never_suggested(conn)?,
    };
    Ok(serde_json::to_string_pretty(&file).expect("entities always serialise"))
}

/// What a CSV file starts with so that Excel reads it as UTF-8: without it, Excel on Windows
/// takes the bytes for the machine's code page and garbles every Vietnamese letter. `import`
/// skips it.
pub const CSV_FILE_START: &str = "\u{feff}";

/// Writes the directory to a file, as CSV when its name ends in `.csv`, else JSON.
pub fn export_file(conn: &Connection, path: &Path) -> Result<()> {
    let csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let text = if csv {
        format!("{CSV_FILE_START}{}", export_csv(conn)?)
    } else {
        export_json(conn)?
    };
    std::fs::write(path, text).map_err(|e| EntityError::Io(format!("{}: cannot write: {e}", path.display())))
}
