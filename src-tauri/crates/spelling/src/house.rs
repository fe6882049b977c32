//! The newsroom's own dictionary and house style, kept in the store: words added or ignored,
//! exported and imported as one JSON document so every machine of the newsroom shares them.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::models::{HouseStyle, HouseWord, WordKind};
use crate::{Result, SpellingError};

/// The settings key the house style is kept under (as JSON).
const STYLE_KEY: &str = "spelling.house_style";

/// The format of an exported dictionary.
const FORMAT: &str = "newsroom-dictionary/1";

fn kind_name(kind: WordKind) -> &'static str {
    match kind {
        WordKind::Added => "added",
        WordKind::Ignored => "ignored",
        WordKind::Phrase => "phrase",
    }
}

/// Adds a word to the newsroom's dictionary (or changes what it does with it).
pub fn add_word(
    conn: &Connection,
    word: &str,
    kind: WordKind,
    by: &str,
    now: DateTime<Utc>,
) -> Result<HouseWord> {
    let word = newsroom_text::nfc(word.trim());
    if kind == WordKind::Phrase {
        let parts: Vec<&str> = word.split_whitespace().collect();
        if !(2..=4).contains(&parts.len()) || word.chars().count() > 64 {
            return Err(SpellingError::BadWord(format!(
                "{word:?}: a phrase is two to four words of at most 64 letters in all"
            )));
        }
        return store(conn, &parts.join(" "), kind, by, now);
    }
    if word.is_empty() || word.chars().any(char::is_whitespace) || word.chars().count() > 64 {
        return Err(SpellingError::BadWord(format!(
            "{word:?}: a dictionary word is one word of at most 64 letters"
        )));
    }
    store(conn, &word, kind, by, now)
}

fn store(conn: &Connection, word: &str, kind: WordKind, by: &str, now: DateTime<Utc>) -> Result<HouseWord> {
    let at = newsroom_store::timestamp(now);
    conn.execute(
        "INSERT INTO spelling_words (word, kind, added_by, added_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (word) DO UPDATE SET kind = excluded.kind, added_by = excluded.added_by,
             added_at = excluded.added_at",
        params![word, kind_name(kind), by, at],
    )?;
    Ok(HouseWord {
        word: word.to_owned(),
        kind,
        added_by: by.to_owned(),
        added_at: at,
    })
}

/// Takes a word out of the newsroom's dictionary; says whether it was there.
pub fn remove_word(conn: &Connection, word: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM spelling_words WHERE word = ?1",
        [newsroom_text::nfc(word)],
    )? > 0)
}

/// Every word of the newsroom's dictionary, in Vietnamese order.
pub fn words(conn: &Connection) -> Result<Vec<HouseWord>> {
    let mut stmt = conn.prepare("SELECT word, kind, added_by, added_at FROM spelling_words")?;
    let mut out = stmt
        .query_map([], |r| {
            Ok(HouseWord {
                word: r.get(0)?,
                kind: match r.get::<_, String>(1)?.as_str() {
                    "ignored" => WordKind::Ignored,
                    "phrase" => WordKind::Phrase,
                    _ => WordKind::Added,
                },
                added_by: r.get(2)?,
                added_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    out.sort_by_cached_key(|w| newsroom_text::collation_key(&w.word));
    Ok(out)
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Exported {
    format: String,
    style: HouseStyle,
    words: Vec<ExportedWord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportedWord {
    word: String,
    kind: WordKind,
}

/// The newsroom's dictionary and house style as one JSON document.
pub fn export(conn: &Connection) -> Result<String> {
    let exported = Exported {
        format: FORMAT.to_owned(),
        style: style(conn)?,
        words: words(conn)?
            .into_iter()
            .map(|w| ExportedWord {
                word: w.word,
                kind: w.kind,
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&exported).expect("the export always serialises"))
}

/// Merges an exported dictionary into this one (its words added, its house style taken), in
/// one transaction: a bad document changes nothing. Returns how many words were new.
pub fn import(conn: &Connection, json: &str, by: &str, now: DateTime<Utc>) -> Result<u32> {
    let exported: Exported = serde_json::from_str(json)
        .map_err(|e| SpellingError::BadImport(format!("not a newsroom dictionary: {e}")))?;
    if exported.format != FORMAT {
        return Err(SpellingError::BadImport(format!(
            "format {:?}, expected {FORMAT:?}",
            exported.format
        )));
    }
    let tx = conn.unchecked_transaction()?;
    let before = words(&tx)?.len();
    for word in &exported.words {
        add_word(&tx, &word.word, word.kind, by, now)?;
    }
    set_style(&tx, &exported.style)?;
    let after = words(&tx)?.len();
    tx.commit()?;
    Ok((after - before) as u32)
}

/// The house style (both choices open until someone sets them).
pub fn style(conn: &Connection) -> Result<HouseStyle> {
    Ok(newsroom_store::setting(conn, STYLE_KEY)?.unwrap_or_default())
}

/// Sets the house style.
pub fn set_style(conn: &Connection, style: &HouseStyle) -> Result<()> {
    newsroom_store::set_setting(conn, STYLE_KEY, style)?;
    Ok(())
}
