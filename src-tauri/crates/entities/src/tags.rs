//! Article tags (the people and organisations a story is about) and rejected suggestions.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::{
    clean, folded, get, kind_str, parse_kind, upsert, ArticleTag, EntityError, EntityInput, EntityKind,
    Result,
};

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

/// Tags an article with a person or organisation by name, adding it to the directory when it
/// is not there yet, in one transaction. Returns the tag and whether the directory gained an
/// entry.
pub fn tag_by_name(
    conn: &Connection,
    article_id: &str,
    kind: EntityKind,
    name: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(ArticleTag, bool)> {
    newsroom_store::write(conn, |tx| {
        require_article(tx, article_id)?;
        let input = EntityInput {
            kind,
            name: name.to_owned(),
            aliases: vec![],
            roles: vec![],
            parent: None,
            uri: None,
        };
        let (id, created) = upsert(tx, &input, now)?;
        Ok((tag_and_read(tx, article_id, &id, role)?, created))
    })
}

/// Tags an article and reads the tag back as the article's tag list shows it.
pub(crate) fn tag_and_read(
    conn: &Connection,
    article_id: &str,
    entity_id: &str,
    role: &str,
) -> Result<ArticleTag> {
    tag(conn, article_id, entity_id, role)?;
    article_tags(conn, article_id)?
        .into_iter()
        .find(|t| t.entity_id == entity_id)
        .ok_or_else(|| EntityError::NotFound(entity_id.to_owned()))
}
