//! Creating, reading, changing, merging and deleting directory entries.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use newsroom_store::{timestamp, write};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{
    clean, folded, kind_str, parse_kind, sort_key, Entity, EntityError, EntityInput, EntityKind, EntityRole,
    Result,
};

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

/// Replaces an entity's name, aliases and roles (and parent, for organisations), and its
/// kind: an entry made as a person that is an organisation (or the other way) is corrected in
/// place, keeping its tags. An organisation has no roles, a person no parent body; the
/// entry's own URN follows its kind, an outside URI is kept.
pub fn update(conn: &Connection, id: &str, input: &EntityInput, now: DateTime<Utc>) -> Result<Entity> {
    let name = clean(&input.name);
    if name.is_empty() {
        return Err(EntityError::Invalid("an entity needs a name".into()));
    }
    write(conn, |tx| {
        let current = get(tx, id)?;
        let kind = input.kind;
        if let Some(other) = find_by_name(tx, kind, &name)?.filter(|other| other != id) {
            return Err(EntityError::Invalid(format!(
                "another entry is already called {name} ({other}); merge the two instead"
            )));
        }
        tx.execute(
            "UPDATE entities SET name = ?2, sort_key = ?3, updated_at = ?4, kind = ?5 WHERE id = ?1",
            params![id, name, sort_key(kind, &name), timestamp(now), kind_str(kind)],
        )?;
        if kind != current.kind {
            tx.execute(
                "UPDATE entities SET uri = ?2 WHERE id = ?1 AND uri LIKE 'urn:newsroom:%'",
                params![id, format!("urn:newsroom:{}:{id}", kind_str(kind))],
            )?;
            if kind == EntityKind::Person {
                tx.execute("UPDATE entities SET parent_id = NULL WHERE id = ?1", [id])?;
            }
        }
        tx.execute("DELETE FROM entity_spellings WHERE entity_id = ?1", [id])?;
        add_spelling(tx, id, &name, true)?;
        for alias in &input.aliases {
            add_spelling(tx, id, alias, false)?;
        }
        tx.execute("DELETE FROM entity_roles WHERE person_id = ?1", [id])?;
        let roles = input
            .roles
            .iter()
            .filter(|r| kind == EntityKind::Person && !r.title.trim().is_empty());
        for role in roles {
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
