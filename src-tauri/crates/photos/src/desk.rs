//! The photo desk: changing a photo's archive fields and its rating, one photo or a selection,
//! and finding photos by what they lack, their rating, pick and label, in the desk's order.

use chrono::{DateTime, Utc};
use newsroom_store::{timestamp, write};
use rusqlite::{params, Connection};

use crate::library::*;
use crate::models::*;
use crate::Result;

/// Changes a photo's archive fields.
pub fn edit(conn: &Connection, id: &str, change: &PhotoEdit, now: DateTime<Utc>) -> Result<Photo> {
    write(conn, |tx| edit_one(tx, id, change, now))
}

/// Applies one change to every photo of a selection, all or none (an unknown id changes
/// nothing); returns the photos as changed, in the order given.
pub fn edit_many(
    conn: &Connection,
    ids: &[String],
    change: &PhotoEdit,
    now: DateTime<Utc>,
) -> Result<Vec<Photo>> {
    write(conn, |tx| {
        ids.iter()
            .map(|id| edit_one(tx, id, change, now))
            .collect::<Result<Vec<_>>>()
    })
}

fn edit_one(tx: &Connection, id: &str, change: &PhotoEdit, now: DateTime<Utc>) -> Result<Photo> {
    if change.rating.is_some_and(|stars| stars > 5) {
        return Err(crate::PhotoError::Invalid("a rating is 0 to 5 stars".to_owned()));
    }
    get(tx, id)?;
    let text_fields = [
        ("description", &change.description),
        ("credit", &change.credit),
        ("creator", &change.creator),
        ("copyright", &change.copyright),
        ("alt_text", &change.alt_text),
        ("headline", &change.headline),
        ("date_created", &change.date_created),
        ("city", &change.city),
        ("province", &change.province),
        ("country", &change.country),
        ("event", &change.event),
        ("instructions", &change.instructions),
        ("job_id", &change.job_id),
    ];
    for (column, value) in text_fields {
        if let Some(value) = value {
            tx.execute(
                &format!("UPDATE photos SET {column} = ?2 WHERE id = ?1"),
                params![id, clean(value)],
            )?;
        }
    }
    if let Some(keywords) = &change.keywords {
        let keywords: Vec<String> = keywords
            .iter()
            .map(|k| clean(k))
            .filter(|k| !k.is_empty())
            .collect();
        tx.execute(
            "UPDATE photos SET keywords = ?2 WHERE id = ?1",
            params![
                id,
                serde_json::to_string(&keywords).unwrap_or_else(|_| "[]".into())
            ],
        )?;
    }
    if let Some(names) = &change.people {
        set_people(tx, id, names, now)?;
    }
    if let Some(stars) = change.rating {
        tx.execute("UPDATE photos SET rating = ?2 WHERE id = ?1", params![id, stars])?;
    }
    if let Some(pick) = change.pick {
        tx.execute(
            "UPDATE photos SET pick = ?2 WHERE id = ?1",
            params![id, pick.as_number()],
        )?;
    }
    if let Some(label) = change.label {
        tx.execute(
            "UPDATE photos SET label = ?2 WHERE id = ?1",
            params![id, label.as_str()],
        )?;
    }
    tx.execute(
        "UPDATE photos SET updated_at = ?2 WHERE id = ?1",
        params![id, timestamp(now)],
    )?;
    get(tx, id)
}

fn where_clause(query: &PhotoQuery) -> (String, Vec<String>) {
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    let missing = |field: RequiredField| match field {
        // One caption truth: a piece's own caption for the photo counts (see `settle_caption`).
        RequiredField::Caption => {
            "(trim(p.description) = '' AND NOT EXISTS (SELECT 1 FROM article_photos ap \
             WHERE ap.photo_id = p.id AND trim(coalesce(ap.caption, '')) <> ''))"
        }
        RequiredField::Credit => "trim(p.credit) = ''",
        RequiredField::Alt => "trim(p.alt_text) = ''",
    };
    if let Some(field) = query.missing {
        conditions.push(missing(field).to_owned());
    } else if query.any_missing {
        conditions.push(format!(
            "({} OR {} OR {})",
            missing(RequiredField::Caption),
            missing(RequiredField::Credit),
            missing(RequiredField::Alt)
        ));
    }
    if let Some(article_id) = &query.article_id {
        values.push(article_id.clone());
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM article_photos ap WHERE ap.photo_id = p.id AND ap.article_id = ?{})",
            values.len()
        ));
    }
    // The day a photo belongs to: when it was taken if known, else when it was imported.
    let day = "substr(CASE WHEN p.date_created <> '' THEN p.date_created ELSE p.imported_at END, 1, 10)";
    if let Some(from) = query.from.as_ref().filter(|f| !f.is_empty()) {
        values.push(from.clone());
        conditions.push(format!("{day} >= ?{}", values.len()));
    }
    if let Some(to) = query.to.as_ref().filter(|t| !t.is_empty()) {
        values.push(to.clone());
        conditions.push(format!("{day} <= ?{}", values.len()));
    }
    if let Some(stars) = query.min_stars.filter(|s| *s > 0) {
        conditions.push(format!("p.rating >= {}", stars.min(5)));
    }
    if let Some(pick) = query.pick {
        conditions.push(format!("p.pick = {}", pick.as_number()));
    } else if query.hide_rejected {
        conditions.push("p.pick <> -1".to_owned());
    }
    if let Some(label) = query.label {
        values.push(label.as_str().to_owned());
        conditions.push(format!("p.label = ?{}", values.len()));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    (clause, values)
}

/// Photos matching the query, in the order it asks for (newest import first by default).
pub fn list(conn: &Connection, query: &PhotoQuery) -> Result<Vec<Photo>> {
    let (clause, values) = where_clause(query);
    let limit = query.limit.unwrap_or(u32::MAX);
    let offset = query.offset.unwrap_or(0);
    // Capture time as recorded (ISO 8601 sorts as text); a photo without one goes last.
    let order = match query.sort {
        PhotoSort::Imported => "p.seq DESC",
        PhotoSort::Taken => "p.date_created = '', p.date_created, p.original_name COLLATE NOCASE, p.seq",
        PhotoSort::Name => "p.original_name COLLATE NOCASE, p.seq",
        PhotoSort::Rating => "p.rating DESC, p.seq DESC",
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos p {clause} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    ))?;
    let mut photos = stmt
        .query_map(rusqlite::params_from_iter(values.iter()), photo_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for photo in &mut photos {
        photo.people = people(conn, &photo.id)?;
        crate::library::settle_caption(conn, photo)?;
    }
    Ok(photos)
}

/// How many photos match the query (for the photo desk's count and scroll height).
pub fn count(conn: &Connection, query: &PhotoQuery) -> Result<u64> {
    let (clause, values) = where_clause(query);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM photos p {clause}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    Ok(total as u64)
}
