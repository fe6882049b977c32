//! Compiling the directory for the suggester straight from the stored folded spellings.

use rusqlite::Connection;

use crate::{EntityError, EntityKind, KnownEntities, KnownEntitiesBuilder, Result};

/// A cheap fingerprint of the directory's spellings: it changes whenever a spelling is added,
/// removed or replaced (edits replace an entry's spellings), so caches of them can be kept.
pub fn spellings_fingerprint(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(max(rowid), 0) FROM entity_spellings",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Every word of every name and spelling in the directory, lowercase, for the spell checker:
/// people and organisations in the directory are never marked as misspelled.
pub fn name_words(conn: &Connection) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare("SELECT spelling FROM entity_spellings")?;
    let mut words = std::collections::HashSet::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let spelling: String = row.get(0)?;
        for word in spelling.split(|c: char| c.is_whitespace() || c == '-') {
            let core = newsroom_text::syllable::core_of(word);
            if !core.is_empty() {
                words.insert(core.to_lowercase());
            }
        }
    }
    Ok(words)
}

/// People's short aliases, with the names they stand for: an alias written only in ASCII
/// letters, digits, `-` or `_` (like "npt") is one a photo editor can type as a code (`=npt=`).
pub fn person_codes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT s.spelling, e.name FROM entity_spellings s JOIN entities e ON e.id = s.entity_id
         WHERE e.kind = 'person' AND s.is_name = 0 ORDER BY e.seq",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(alias, _)| {
            (1..=32).contains(&alias.len())
                && alias
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect())
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
