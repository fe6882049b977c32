//! The directory of people and organisations: create, edit, merge, import and export it,
//! sorted in Vietnamese order, and tag articles with its entries.
//!
//! Invariants:
//! - Names and aliases are NFC; each is also stored folded (`entity_spellings.folded`) so the
//!   suggestion matcher loads without re-folding.
//! - Within a kind, a folded name is one entity: importing a name twice updates, never
//!   duplicates.
//! - Merging moves every alias, role, tag and child to the entity kept, and keeps the merged
//!   entity's name as an alias, so no mention is lost.

mod models;

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_store::write;
use rusqlite::{params, Connection, OptionalExtension};

pub use models::*;
pub use newsroom_suggestions::{DirectoryEntry, KnownEntities, KnownEntitiesBuilder};

#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    #[error("no entity with id {0}")]
    NotFound(String),
    #[error("no article with id {0}")]
    ArticleNotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = EntityError> = std::result::Result<T, E>;

fn kind_str(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
    }
}

fn parse_kind(text: &str) -> Option<EntityKind> {
    match text.trim().to_lowercase().as_str() {
        "person" | "người" | "nguoi" | "p" => Some(EntityKind::Person),
        "organisation" | "organization" | "tổ chức" | "to chuc" | "org" | "o" => {
            Some(EntityKind::Organisation)
        }
        _ => None,
    }
}

fn folded(text: &str) -> String {
    newsroom_text::nfc(text.trim())
        .chars()
        .map(newsroom_text::fold_char)
        .collect()
}

fn sort_key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => newsroom_text::person_collation_key(name),
        EntityKind::Organisation => newsroom_text::collation_key(name),
    }
}

use newsroom_store::timestamp;

fn clean(text: &str) -> String {
    newsroom_text::nfc(text.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}

/// The entity of this kind whose name or alias folds like `name`.
pub fn find_by_name(conn: &Connection, kind: EntityKind, name: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT e.id FROM entity_spellings s JOIN entities e ON e.id = s.entity_id
             WHERE s.folded = ?1 AND e.kind = ?2 ORDER BY s.is_name DESC LIMIT 1",
            params![folded(name), kind_str(kind)],
            |r| r.get(0),
        )
        .optional()?)
}

fn add_spelling(conn: &Connection, id: &str, spelling: &str, is_name: bool) -> Result<()> {
    let spelling = clean(spelling);
    if spelling.is_empty() {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO entity_spellings (entity_id, spelling, folded, is_name) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (entity_id, spelling) DO UPDATE SET is_name = max(is_name, excluded.is_name)",
        params![id, spelling, folded(&spelling), is_name],
    )?;
    Ok(())
}

/// Creates an entity, or adds to the one of the same kind and (folded) name.
/// Returns its id and whether it was new.
pub fn upsert(conn: &Connection, input: &EntityInput, now: DateTime<Utc>) -> Result<(String, bool)> {
    let name = clean(&input.name);
    if name.is_empty() {
        return Err(EntityError::Invalid("an entity needs a name".into()));
    }
    write(conn, |tx| {
        let existing = find_by_name(tx, input.kind, &name)?;
        let created = existing.is_none();
        let id = match existing {
            Some(id) => {
                tx.execute(
                    "UPDATE entities SET updated_at = ?2 WHERE id = ?1",
                    params![id, timestamp(now)],
                )?;
                // An entity first created as someone's parent has a made-up URI; the URI an
                // import brings for it replaces that, so URIs survive export and import.
                if let Some(uri) = input.uri.as_deref().filter(|u| !u.trim().is_empty()) {
                    tx.execute(
                        "UPDATE entities SET uri = ?2 WHERE id = ?1 AND uri LIKE 'urn:newsroom:%'
                         AND NOT EXISTS (SELECT 1 FROM entities WHERE uri = ?2)",
                        params![id, uri.trim()],
                    )?;
                }
                id
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                let uri = input
                    .uri
                    .clone()
                    .filter(|u| !u.trim().is_empty())
                    .unwrap_or_else(|| format!("urn:newsroom:{}:{id}", kind_str(input.kind)));
                tx.execute(
                    "INSERT INTO entities (id, kind, name, sort_key, uri, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![
                        id,
                        kind_str(input.kind),
                        name,
                        sort_key(input.kind, &name),
                        uri,
                        timestamp(now)
                    ],
                )?;
                add_spelling(tx, &id, &name, true)?;
                id
            }
        };
        for alias in &input.aliases {
            add_spelling(tx, &id, alias, false)?;
        }
        let known_roles: HashSet<(String, String)> = get(tx, &id)?
            .roles
            .into_iter()
            .map(|r| (folded(&r.title), folded(&r.organisation)))
            .collect();
        for role in &input.roles {
            if role.title.trim().is_empty()
                || known_roles.contains(&(folded(&role.title), folded(&role.organisation)))
            {
                continue;
            }
            tx.execute(
                "INSERT INTO entity_roles (person_id, title, organisation, since, until) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, clean(&role.title), clean(&role.organisation), role.since.trim(), role.until.trim()],
            )?;
        }
        if let Some(parent) = input.parent.as_deref().filter(|p| !p.trim().is_empty()) {
            let parent_id = match find_by_name(tx, EntityKind::Organisation, parent)? {
                Some(pid) => pid,
                None => {
                    let parent_input = EntityInput {
                        kind: EntityKind::Organisation,
                        name: parent.to_owned(),
                        aliases: vec![],
                        roles: vec![],
                        parent: None,
                        uri: None,
                    };
                    upsert(tx, &parent_input, now)?.0
                }
            };
            if parent_id != id {
                tx.execute(
                    "UPDATE entities SET parent_id = ?2 WHERE id = ?1",
                    params![id, parent_id],
                )?;
            }
        }
        Ok((id, created))
    })
}

/// Replaces an entity's name, aliases and roles (and parent, for organisations).
pub fn update(conn: &Connection, id: &str, input: &EntityInput, now: DateTime<Utc>) -> Result<Entity> {
    let name = clean(&input.name);
    if name.is_empty() {
        return Err(EntityError::Invalid("an entity needs a name".into()));
    }
    write(conn, |tx| {
        let current = get(tx, id)?;
        if let Some(other) = find_by_name(tx, current.kind, &name)?.filter(|other| other != id) {
            return Err(EntityError::Invalid(format!(
                "another entry is already called {name} ({other}); merge the two instead"
            )));
        }
        tx.execute(
            "UPDATE entities SET name = ?2, sort_key = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, name, sort_key(current.kind, &name), timestamp(now)],
        )?;
        tx.execute("DELETE FROM entity_spellings WHERE entity_id = ?1", [id])?;
        add_spelling(tx, id, &name, true)?;
        for alias in &input.aliases {
            add_spelling(tx, id, alias, false)?;
        }
        tx.execute("DELETE FROM entity_roles WHERE person_id = ?1", [id])?;
        for role in input.roles.iter().filter(|r| !r.title.trim().is_empty()) {
            tx.execute(
                "INSERT INTO entity_roles (person_id, title, organisation, since, until) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, clean(&role.title), clean(&role.organisation), role.since.trim(), role.until.trim()],
            )?;
        }
        get(tx, id)
    })
}

/// One entity with its aliases and roles.
pub fn get(conn: &Connection, id: &str) -> Result<Entity> {
    let row = conn
        .query_row(
            "SELECT id, kind, name, uri, parent_id FROM entities WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| EntityError::NotFound(id.to_owned()))?;
    let mut stmt = conn.prepare_cached(
        "SELECT spelling FROM entity_spellings WHERE entity_id = ?1 AND is_name = 0 ORDER BY spelling",
    )?;
    let aliases = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT title, organisation, since, until FROM entity_roles WHERE person_id = ?1 ORDER BY id",
    )?;
    let roles = stmt
        .query_map([id], |r| {
            Ok(EntityRole {
                title: r.get(0)?,
                organisation: r.get(1)?,
                since: r.get(2)?,
                until: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Entity {
        id: row.0,
        kind: parse_kind(&row.1).unwrap_or(EntityKind::Organisation),
        name: row.2,
        aliases,
        roles,
        parent_id: row.4,
        uri: row.3,
    })
}

/// Entities in Vietnamese order (people by given name), optionally of one kind and matching
/// a query (any name or alias containing it, ignoring tones and case).
pub fn list(conn: &Connection, kind: Option<EntityKind>, query: &str, limit: usize) -> Result<Vec<Entity>> {
    let pattern = format!("%{}%", folded(query).replace(['%', '_'], ""));
    let mut stmt = conn.prepare_cached(
        "SELECT e.id FROM entities e
         WHERE (?1 IS NULL OR e.kind = ?1)
           AND (?2 = '%%' OR EXISTS (SELECT 1 FROM entity_spellings s WHERE s.entity_id = e.id AND s.folded LIKE ?2))
         ORDER BY e.sort_key, e.seq LIMIT ?3",
    )?;
    let ids = stmt
        .query_map(params![kind.map(kind_str), pattern, limit as i64], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}

/// Deletes an entity; its tags go with it.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    if conn.execute("DELETE FROM entities WHERE id = ?1", [id])? == 0 {
        return Err(EntityError::NotFound(id.to_owned()));
    }
    Ok(())
}

/// Merges `from` into `into`: aliases (with `from`'s name), roles, tags and children move;
/// `from` is deleted.
pub fn merge(conn: &Connection, from: &str, into: &str, now: DateTime<Utc>) -> Result<Entity> {
    if from == into {
        return Err(EntityError::Invalid(
            "an entity cannot be merged into itself".into(),
        ));
    }
    write(conn, |tx| {
        let source = get(tx, from)?;
        let target = get(tx, into)?;
        if source.kind != target.kind {
            return Err(EntityError::Invalid(
                "a person and an organisation cannot be merged".into(),
            ));
        }
        for spelling in std::iter::once(&source.name).chain(&source.aliases) {
            add_spelling(tx, into, spelling, false)?;
        }
        tx.execute(
            "UPDATE entity_roles SET person_id = ?2 WHERE person_id = ?1",
            params![from, into],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, entity_id, role, position)
             SELECT article_id, ?2, role, position FROM article_tags WHERE entity_id = ?1",
            params![from, into],
        )?;
        tx.execute(
            "UPDATE entities SET parent_id = ?2 WHERE parent_id = ?1",
            params![from, into],
        )?;
        tx.execute("DELETE FROM entities WHERE id = ?1", [from])?;
        tx.execute(
            "UPDATE entities SET updated_at = ?2 WHERE id = ?1",
            params![into, timestamp(now)],
        )?;
        get(tx, into)
    })
}

/// Imports entities from a `.json` file (an array of `EntityInput`) or a `.csv` file with the
/// header `kind,name,aliases,parent,title,organisation,uri` (aliases separated by `|`).
/// All or nothing: a bad row stops the import and names the file and the row.
pub fn import(conn: &Connection, path: &Path, now: DateTime<Utc>) -> Result<ImportSummary> {
    let name = path.display().to_string();
    let fail = |problem: String| EntityError::Invalid(format!("{name}: {problem}"));
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    let inputs: Vec<EntityInput> = match extension.as_str() {
        "json" => serde_json::from_str(text).map_err(|e| fail(format!("bad JSON: {e}")))?,
        "csv" => parse_csv(text).map_err(fail)?,
        _ => return Err(fail("expected a .csv or .json file".into())),
    };
    write(conn, |tx| {
        let mut summary = ImportSummary::default();
        for (row, input) in inputs.iter().enumerate() {
            let (_, created) = upsert(tx, input, now).map_err(|e| fail(format!("entry {}: {e}", row + 1)))?;
            if created {
                summary.created += 1;
            } else {
                summary.updated += 1;
            }
        }
        Ok(summary)
    })
}

fn parse_csv(text: &str) -> std::result::Result<Vec<EntityInput>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("bad CSV header: {e}"))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(kind_col), Some(name_col)) = (column("kind"), column("name")) else {
        return Err("the CSV header must name the columns kind and name".into());
    };
    let optional = |record: &csv::StringRecord, name: &str| {
        column(name)
            .and_then(|c| record.get(c))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", row + 2))?;
        let kind_text = record.get(kind_col).unwrap_or_default();
        let kind = parse_kind(kind_text).ok_or_else(|| {
            format!(
                "row {}: kind must be person or organisation, not {kind_text:?}",
                row + 2
            )
        })?;
        let title = optional(&record, "title");
        out.push(EntityInput {
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
        });
    }
    Ok(out)
}

/// The whole directory as JSON (the import format), in Vietnamese order.
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
                ])
                .map_err(csv_error)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| EntityError::Invalid(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

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
    Ok(serde_json::to_string_pretty(&inputs).expect("entities always serialise"))
}

/// Loads the directory compiled for suggestions, from the stored folded spellings.
pub fn load_known(conn: &Connection) -> Result<KnownEntities> {
    let (entities, spellings): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM entity_spellings)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // Names average well under 64 bytes; the arena grows if they do not.
    let mut builder = KnownEntitiesBuilder::with_capacity(
        entities as usize,
        spellings as usize,
        (entities as usize) * 64 + (spellings as usize) * 96,
    );
    // One pass over the spellings joined to their entities, in entity order, so no map from
    // id to entry is needed. Reading rows and building the matcher take about as long as each
    // other, so they run side by side: this thread copies rows into chunks, and a second one
    // builds from them (SQLite connections cannot be shared between threads; chunks can).
    let mut stmt = conn.prepare(
        "SELECT e.seq, e.id, e.kind, e.name, s.spelling, s.folded
         FROM entities e JOIN entity_spellings s ON s.entity_id = e.id ORDER BY e.seq",
    )?;
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<RowChunk>(8);
        let building = scope.spawn(move || {
            let mut entry = 0;
            for chunk in receiver {
                for item in &chunk.items {
                    match *item {
                        RowItem::Entry { kind, id, name } => {
                            entry = builder.add_entry(chunk.text(id), kind, chunk.text(name));
                        }
                        RowItem::Spelling { exact, folded } => {
                            builder.add_spelling(entry, chunk.text(exact), chunk.text(folded));
                        }
                    }
                }
            }
            builder.finish()
        });
        let scanned = (|| -> Result<()> {
            let mut rows = stmt.query([])?;
            let mut last_seq = i64::MIN;
            let mut chunk = RowChunk::default();
            while let Some(row) = rows.next()? {
                let seq: i64 = row.get(0)?;
                if seq != last_seq {
                    last_seq = seq;
                    let kind = match row.get_ref(2)? {
                        rusqlite::types::ValueRef::Text(b"person") => EntityKind::Person,
                        _ => EntityKind::Organisation,
                    };
                    let id = chunk.push(text(row.get_ref(1)?)?);
                    let name = chunk.push(text(row.get_ref(3)?)?);
                    chunk.items.push(RowItem::Entry { kind, id, name });
                }
                let exact = chunk.push(text(row.get_ref(4)?)?);
                let folded = chunk.push(text(row.get_ref(5)?)?);
                chunk.items.push(RowItem::Spelling { exact, folded });
                if chunk.items.len() >= 8192 {
                    // The builder only stops early by panicking, which join reports below.
                    let _ = sender.send(std::mem::take(&mut chunk));
                }
            }
            let _ = sender.send(chunk);
            Ok(())
        })();
        drop(sender);
        let built = building
            .join()
            .map_err(|_| EntityError::Invalid("building the directory matcher failed".into()))?;
        scanned.map(|()| built)
    })
}

/// Rows of the directory copied out of SQLite for the thread that builds the matcher.
#[derive(Default)]
struct RowChunk {
    text: String,
    items: Vec<RowItem>,
}

#[derive(Clone, Copy)]
enum RowItem {
    Entry {
        kind: EntityKind,
        id: (u32, u32),
        name: (u32, u32),
    },
    Spelling {
        exact: (u32, u32),
        folded: (u32, u32),
    },
}

impl RowChunk {
    fn push(&mut self, value: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(value);
        (start, self.text.len() as u32)
    }

    fn text(&self, (start, end): (u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }
}

/// Borrows a text column; the directory's columns are always text.
fn text(value: rusqlite::types::ValueRef<'_>) -> Result<&str> {
    value.as_str().map_err(|e| {
        EntityError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    })
}

fn require_article(conn: &Connection, article_id: &str) -> Result<()> {
    if newsroom_store::article_exists(conn, article_id)? {
        Ok(())
    } else {
        Err(EntityError::ArticleNotFound(article_id.to_owned()))
    }
}

/// Tags an article with an entity (or updates the role it appears in).
pub fn tag(conn: &Connection, article_id: &str, entity_id: &str, role: &str) -> Result<()> {
    require_article(conn, article_id)?;
    get(conn, entity_id)?;
    conn.execute(
        "INSERT INTO article_tags (article_id, entity_id, role, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM article_tags WHERE article_id = ?1))
         ON CONFLICT (article_id, entity_id) DO UPDATE SET role = excluded.role",
        params![article_id, entity_id, clean(role)],
    )?;
    Ok(())
}

pub fn untag(conn: &Connection, article_id: &str, entity_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM article_tags WHERE article_id = ?1 AND entity_id = ?2",
        params![article_id, entity_id],
    )?;
    Ok(())
}

/// An article's tags, in the order they were added.
pub fn article_tags(conn: &Connection, article_id: &str) -> Result<Vec<ArticleTag>> {
    require_article(conn, article_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT t.entity_id, e.kind, e.name, t.role FROM article_tags t JOIN entities e ON e.id = t.entity_id
         WHERE t.article_id = ?1 ORDER BY t.position",
    )?;
    let tags = stmt
        .query_map([article_id], |r| {
            Ok(ArticleTag {
                entity_id: r.get(0)?,
                kind: parse_kind(&r.get::<_, String>(1)?).unwrap_or(EntityKind::Organisation),
                name: r.get(2)?,
                role: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(tags)
}

/// Remembers that a suggestion was rejected for an article.
pub fn reject_suggestion(conn: &Connection, article_id: &str, kind: EntityKind, name: &str) -> Result<()> {
    require_article(conn, article_id)?;
    conn.execute(
        "INSERT OR IGNORE INTO rejected_suggestions (article_id, kind, folded_name) VALUES (?1, ?2, ?3)",
        params![article_id, kind_str(kind), folded(name)],
    )?;
    Ok(())
}

/// The folded names rejected for an article, by kind.
pub fn rejected(conn: &Connection, article_id: &str) -> Result<HashSet<(EntityKind, String)>> {
    let mut stmt =
        conn.prepare_cached("SELECT kind, folded_name FROM rejected_suggestions WHERE article_id = ?1")?;
    let rows = stmt
        .query_map([article_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(k, n)| parse_kind(&k).map(|k| (k, n)))
        .collect())
}

/// Folds a name the way the directory stores it, for comparing with `rejected`.
pub fn fold_name(name: &str) -> String {
    folded(name)
}
