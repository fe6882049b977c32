//! Names the newsroom has said are not people or organisations ("không gợi ý nữa"): the
//! suggester's finding is left out in every article from then on, and the list travels with
//! the directory's export. Dismissing a suggestion for one article (`reject_suggestion`) stays
//! a matter of that article; this is the newsroom's word on the name itself.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::{folded, kind_str, parse_kind, EntityError, EntityKind, NeverSuggested, Result};

/// Records that `name` is never to be suggested as a `kind` again; whether it is new. Saying
/// it twice keeps the first record.
pub fn never_suggest(
    conn: &Connection,
    kind: EntityKind,
    name: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let name = newsroom_text::nfc(name.trim());
    if name.is_empty() {
        return Err(EntityError::Invalid("a name to stop suggesting is needed".into()));
    }
    let added = conn.execute(
        "INSERT OR IGNORE INTO never_suggested (kind, folded_name, name, added_by, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kind_str(kind), folded(&name), name, by, now.to_rfc3339()],
    )?;
    Ok(added > 0)
}

/// Lets the suggester offer `name` again; whether it had been stopped.
pub fn suggest_again(conn: &Connection, kind: EntityKind, name: &str) -> Result<bool> {
    let removed = conn.execute(
        "DELETE FROM never_suggested WHERE kind = ?1 AND folded_name = ?2",
        params![kind_str(kind), folded(name)],
    )?;
    Ok(removed > 0)
}

/// Every name stopped, in Vietnamese order of its folded form.
pub fn never_suggested(conn: &Connection) -> Result<Vec<NeverSuggested>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name, added_by, added_at FROM never_suggested ORDER BY folded_name, kind",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                NeverSuggested {
                    kind: EntityKind::Person,
                    name: r.get(1)?,
                    added_by: r.get(2)?,
                    added_at: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, entry)| parse_kind(&kind).map(|kind| NeverSuggested { kind, ..entry }))
        .collect())
}

/// The stopped names by kind and folded name, for leaving them out of suggestions.
pub(crate) fn never_set(conn: &Connection) -> Result<HashSet<(EntityKind, String)>> {
    let mut stmt = conn.prepare_cached("SELECT kind, folded_name FROM never_suggested")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(k, n)| parse_kind(&k).map(|k| (k, n)))
        .collect())
}
