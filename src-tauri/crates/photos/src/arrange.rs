//! An article's photos: order, the lead photo, and the caption each has in that article.

use newsroom_store::write;
use rusqlite::{params, Connection};

use crate::library::*;
use crate::models::*;
use crate::{PhotoError, Result};

/// Adds a photo to the end of an article's photos (no change when it is there already).
/// The first photo an article gets becomes its lead photo.
pub fn attach(conn: &Connection, article_id: &str, photo_id: &str) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        get(tx, photo_id)?;
        let has_lead: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM article_photos WHERE article_id = ?1 AND is_lead = 1)",
            [article_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_photos (article_id, photo_id, position, is_lead)
             VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM article_photos WHERE article_id = ?1), ?3)",
            params![article_id, photo_id, !has_lead],
        )?;
        Ok(())
    })
}

/// Removes a photo from an article; the library keeps it.
pub fn detach(conn: &Connection, article_id: &str, photo_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM article_photos WHERE article_id = ?1 AND photo_id = ?2",
        params![article_id, photo_id],
    )?;
    Ok(())
}

/// Puts an article's photos in the given order (photos not named keep their relative order
/// after the named ones).
pub fn reorder(conn: &Connection, article_id: &str, photo_ids: &[String]) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        let mut current: Vec<String> = tx
            .prepare("SELECT photo_id FROM article_photos WHERE article_id = ?1 ORDER BY position")?
            .query_map([article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        current.retain(|id| !photo_ids.contains(id));
        let order = photo_ids.iter().chain(current.iter());
        for (position, photo_id) in order.enumerate() {
            tx.execute(
                "UPDATE article_photos SET position = ?3 WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id, position as i64 + 1],
            )?;
        }
        Ok(())
    })
}

/// Makes one photo the article's lead (featured) photo, or none.
pub fn set_lead(conn: &Connection, article_id: &str, photo_id: Option<&str>) -> Result<()> {
    write(conn, |tx| {
        require_article(tx, article_id)?;
        tx.execute(
            "UPDATE article_photos SET is_lead = 0 WHERE article_id = ?1",
            [article_id],
        )?;
        if let Some(photo_id) = photo_id {
            let changed = tx.execute(
                "UPDATE article_photos SET is_lead = 1 WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id],
            )?;
            if changed == 0 {
                return Err(PhotoError::Invalid(format!(
                    "photo {photo_id} is not in article {article_id}"
                )));
            }
        }
        Ok(())
    })
}

/// Gives a photo its own caption in one article; `None` goes back to the archive description.
pub fn set_article_caption(
    conn: &Connection,
    article_id: &str,
    photo_id: &str,
    caption: Option<&str>,
) -> Result<()> {
    let changed = conn.execute(
        "UPDATE article_photos SET caption = ?3 WHERE article_id = ?1 AND photo_id = ?2",
        params![article_id, photo_id, caption.map(clean)],
    )?;
    if changed == 0 {
        return Err(PhotoError::Invalid(format!(
            "photo {photo_id} is not in article {article_id}"
        )));
    }
    Ok(())
}

/// An article's photos in order, each with the caption the article shows.
pub fn article_photos(conn: &Connection, article_id: &str) -> Result<Vec<ArticlePhoto>> {
    require_article(conn, article_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS}, ap.caption, ap.is_lead, ap.position
         FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ?1 ORDER BY ap.position"
    ))?;
    let mut found = stmt
        .query_map([article_id], |row| {
            let photo = photo_from_row(row)?;
            let own: Option<String> = row.get(PHOTO_COLUMN_COUNT)?;
            let caption = own.clone().unwrap_or_else(|| photo.description.clone());
            Ok(ArticlePhoto {
                missing: missing_fields(&caption, &photo.credit, &photo.alt_text),
                photo,
                caption,
                own_caption: own.is_some(),
                is_lead: row.get(PHOTO_COLUMN_COUNT + 1)?,
                position: row.get(PHOTO_COLUMN_COUNT + 2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for item in &mut found {
        item.photo.people = people(conn, &item.photo.id)?;
    }
    Ok(found)
}

/// Photos showing a person (for the entity page).
pub fn photos_showing(conn: &Connection, entity_id: &str) -> Result<Vec<Photo>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT pp.photo_id FROM photo_people pp JOIN photos p ON p.id = pp.photo_id
             WHERE pp.entity_id = ?1 ORDER BY p.seq DESC",
        )?
        .query_map([entity_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}
