//! What the directory does with the suggester's findings: leaves out those the newsroom has
//! said are not names and those the reporter has settled for an article (rejected, or already
//! tagged), and turns an accepted one into a tag
//! and, for a person with a role, a role in their entry.

use chrono::{DateTime, Utc};
use newsroom_suggestions::Suggestions;
use rusqlite::Connection;

use crate::never::never_set;
use crate::tags::tag_and_read;
use crate::{
    article_tags, fold_name, get, tag_by_name, update, upsert, AcceptSuggestion, ArticleTag, EntityInput,
    EntityKind, EntityRole, Result,
};

/// Removes from `found` every name the newsroom has stopped and, for an article, every
/// suggestion rejected for it or already tagged on it (an organisation also by its expanded
/// name).
pub fn leave_out_settled(conn: &Connection, article_id: Option<&str>, found: &mut Suggestions) -> Result<()> {
    let mut rejected = never_set(conn)?;
    let mut tagged: Vec<String> = Vec::new();
    if let Some(article_id) = article_id {
        rejected.extend(crate::rejected(conn, article_id)?);
        tagged = article_tags(conn, article_id)?
            .into_iter()
            .map(|t| fold_name(&t.name))
            .collect();
    }
    let keep = |kind: EntityKind, name: &str, expanded: Option<&str>| {
        let names = [Some(name), expanded];
        !names.iter().flatten().any(|n| {
            let f = fold_name(n);
            rejected.contains(&(kind, f.clone())) || tagged.contains(&f)
        })
    };
    found.people.retain(|p| keep(EntityKind::Person, &p.name, None));
    found
        .organisations
        .retain(|o| keep(EntityKind::Organisation, &o.name, o.expanded.as_deref()));
    Ok(())
}

/// Accepts a suggestion: the entity (added to the directory when new) is tagged on the
/// article, and the role the story gives a person also goes into their entry, so the desk sees
/// it next time (roles are kept over time, not replaced). All in one transaction: a failure
/// anywhere leaves neither the directory change nor the tag. Returns the tag and whether the
/// directory changed.
pub fn accept_suggestion(
    conn: &Connection,
    accept: &AcceptSuggestion,
    now: DateTime<Utc>,
) -> Result<(ArticleTag, bool)> {
    let role = accept.role.clone().unwrap_or_default();
    newsroom_store::write(conn, |tx| {
        let mut changed = false;
        if accept.kind == EntityKind::Person && !role.trim().is_empty() {
            // The directory keeps the title and the body apart (`Chủ tịch` of `UBND thành phố
            // Đà Nẵng`), as a person's roles are listed and searched by both.
            let parts = newsroom_suggestions::split_role(&role);
            let new_role = EntityRole {
                title: parts.title,
                organisation: parts.organisation,
                ..Default::default()
            };
            match &accept.entity_id {
                Some(id) => {
                    let mut entity = get(tx, id)?;
                    let held = entity
                        .roles
                        .iter()
                        .any(|r| r.title == new_role.title && r.organisation == new_role.organisation);
                    if !held {
                        entity.roles.push(new_role);
                        let input = EntityInput {
                            kind: EntityKind::Person,
                            name: entity.name,
                            aliases: entity.aliases,
                            roles: entity.roles,
                            parent: None,
                            uri: None,
                        };
                        update(tx, id, &input, now)?;
                    }
                }
                None => {
                    let input = EntityInput {
                        kind: EntityKind::Person,
                        name: accept.name.clone(),
                        aliases: vec![],
                        roles: vec![new_role],
                        parent: None,
                        uri: None,
                    };
                    upsert(tx, &input, now)?;
                }
            }
            changed = true;
        }
        match &accept.entity_id {
            Some(id) => Ok((tag_and_read(tx, &accept.article_id, id, &role)?, changed)),
            None => {
                let (tag, created) =
                    tag_by_name(tx, &accept.article_id, accept.kind, &accept.name, &role, now)?;
                Ok((tag, changed || created))
            }
        }
    })
}
