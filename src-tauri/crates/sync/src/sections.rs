//! The sites' sections (WordPress categories). A reporter types the section; the site has its
//! own list, and an Author may not add to it. The list is kept here, fresh from every pull and
//! from connecting the site, so the editor offers the site's spelling, a section typed with
//! the tone placed elsewhere or in other case is the site's own (`Văn hoá` is `Văn hóa`), and
//! submitting to a section the site lacks is refused here, in words, before anything is sent,
//! unless this user may add sections there.

use rusqlite::{params, Connection};

use crate::{Backend, Result, SyncError, WordPress};

/// Reads the site's sections and what this user may do there, and keeps them.
pub fn refresh_sections(conn: &Connection, backend: &Backend, wp: &WordPress) -> Result<()> {
    let (sections, rights) = wp.sections()?;
    newsroom_store::write(conn, |tx| {
        tx.execute("DELETE FROM site_sections WHERE backend_id = ?1", [&backend.id])?;
        for (id, name) in &sections {
            tx.execute(
                "INSERT OR REPLACE INTO site_sections (backend_id, remote_id, name) VALUES (?1, ?2, ?3)",
                params![backend.id, id, newsroom_text::nfc(name.trim())],
            )?;
        }
        tx.execute(
            "UPDATE backends SET may_add_sections = ?2, may_publish = ?3, may_edit_others = ?4 WHERE id = ?1",
            params![
                backend.id,
                rights.may_add_sections,
                rights.may_publish,
                rights.may_edit_others
            ],
        )?;
        Ok(())
    })
}

/// Every section the connected sites have, once each, in Vietnamese order.
pub fn site_sections(conn: &Connection) -> Result<Vec<String>> {
    let mut names: Vec<String> = conn
        .prepare("SELECT DISTINCT name FROM site_sections")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.sort_by_cached_key(|n| newsroom_text::collation_key(n));
    names.dedup_by(|a, b| newsroom_text::same_words_key(a) == newsroom_text::same_words_key(b));
    Ok(names)
}

/// Refuses a section a site lacks where this user may not add one; an empty section, a site
/// whose sections are not known yet, and a user who may add sections pass.
pub fn check_section(conn: &Connection, section: &str) -> Result<()> {
    let section = section.trim();
    if section.is_empty() {
        return Ok(());
    }
    let key = newsroom_text::same_words_key(section);
    let sites: Vec<(String, String)> = conn
        .prepare("SELECT id, name FROM backends WHERE kind = 'wordpress' AND may_add_sections = 0")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, site) in sites {
        let names: Vec<String> = conn
            .prepare_cached("SELECT name FROM site_sections WHERE backend_id = ?1")?
            .query_map([&id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if names.is_empty() || names.iter().any(|n| newsroom_text::same_words_key(n) == key) {
            continue;
        }
        let mut known = names;
        known.sort_by_cached_key(|n| newsroom_text::collation_key(n));
        return Err(SyncError::UnknownSection {
            section: section.to_owned(),
            site,
            known,
        });
    }
    Ok(())
}
