//! People by their own names on every machine. A site names its users by their display name
//! ("Biên tập viên Minh", or the site's own name for a shared account); each person's app names
//! them by their profile ("Trần Minh"). Every machine puts its person, keyed by their user id on
//! the site, into the reviews it shares, and keeps the people it reads there: a merged edit,
//! and the lock banner, then name the person as they named themselves, wherever it is seen.

use chrono::Utc;
use newsroom_review::shared::SharedPerson;
use rusqlite::{params, Connection, OptionalExtension};

use crate::{timestamp, Result};

/// Keeps the people a review names, the later name of each standing.
pub(crate) fn keep(conn: &Connection, backend_id: &str, people: &[SharedPerson]) -> Result<()> {
    for person in people {
        conn.execute(
            "INSERT INTO site_people (backend_id, user_id, name, named_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (backend_id, user_id) DO UPDATE SET name = excluded.name, named_at = excluded.named_at
             WHERE excluded.named_at > site_people.named_at",
            params![
                backend_id,
                person.user,
                newsroom_text::nfc(person.name.trim()),
                timestamp(person.at)
            ],
        )?;
    }
    Ok(())
}

/// This machine's person on the site: their user id there and their profile's name, named
/// now if the name is new (so the newest name travels), else when they last named themselves.
pub(crate) fn me(conn: &Connection, backend_id: &str) -> Result<Option<SharedPerson>> {
    let user: Option<i64> = conn.query_row(
        "SELECT site_user_id FROM backends WHERE id = ?1",
        [backend_id],
        |r| r.get(0),
    )?;
    let (Some(user), Some(profile)) = (user, newsroom_profile::get(conn)?) else {
        return Ok(None);
    };
    let name = newsroom_text::nfc(profile.name.trim());
    if name.is_empty() {
        return Ok(None);
    }
    let known: Option<(String, String)> = conn
        .query_row(
            "SELECT name, named_at FROM site_people WHERE backend_id = ?1 AND user_id = ?2",
            params![backend_id, user],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let at = match known {
        Some((known, at)) if known == name => newsroom_store::parse_timestamp(&at)?,
        _ => {
            let now = Utc::now();
            keep(
                conn,
                backend_id,
                &[SharedPerson {
                    user,
                    name: name.clone(),
                    at: now,
                }],
            )?;
            now
        }
    };
    Ok(Some(SharedPerson { user, name, at }))
}

/// Who made the site's version of a post, to name them on the edit merged from it: its last
/// editor as they name themselves, or the site when the site does not say (no plugin).
pub(crate) fn editor_of(
    conn: &Connection,
    backend: &crate::Backend,
    post: &crate::RemotePost,
) -> Result<String> {
    match &post.edited_by {
        Some((user, site_name)) if *user > 0 => name_of(conn, &backend.id, *user, site_name),
        _ => Ok(backend.name.clone()),
    }
}

/// How a site's user is named here: by their own profile's name when a review said it, else by
/// the site's name for them.
pub(crate) fn name_of(conn: &Connection, backend_id: &str, user: i64, site_name: &str) -> Result<String> {
    let own: Option<String> = conn
        .query_row(
            "SELECT name FROM site_people WHERE backend_id = ?1 AND user_id = ?2",
            params![backend_id, user],
            |r| r.get(0),
        )
        .optional()?;
    Ok(own.unwrap_or_else(|| site_name.to_owned()))
}
