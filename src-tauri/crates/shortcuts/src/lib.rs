//! Code replacements: the newsroom's short codes, written between equals signs (`=hn=`) and
//! expanded to their text ("Hà Nội") in photo captions and every text field, as photo editors
//! do in Photo Mechanic. The list lives in the store and travels between machines as JSON,
//! like the spelling dictionary.
//!
//! Invariants:
//! - A code is 1–32 ASCII letters, digits, `-` or `_`, kept in lower case; `=HN=` and `=hn=`
//!   are the same code.
//! - Expansion changes only `=code=` spans whose code is known: an unknown code, a lone `=`
//!   or `a == b` stay as written, so text that never meant a code is never altered.
//! - Texts are stored in NFC, so an expansion is the same letters whatever keyboard typed it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsroom_store::{timestamp, write};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest code: long enough for `=lđlđ-hn=`-style names spelled in ASCII, short enough
/// that a scan for the closing `=` stays local.
pub const MAX_CODE: usize = 32;
/// The longest text a code stands for (a name, a title, a standard credit line).
pub const MAX_TEXT: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum ShortcutError {
    #[error("“{0}” cannot be a code: use 1 to 32 letters a–z, digits, - or _ (no spaces, no accents)")]
    BadCode(String),
    #[error("the text for a code cannot be empty")]
    EmptyText,
    #[error("the text for a code is at most {MAX_TEXT} characters")]
    TextTooLong,
    #[error("no code “{0}”")]
    NotFound(String),
    #[error("not a list of codes: {0}")]
    BadImport(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, ShortcutError>;

/// One code and the text it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Shortcut {
    pub code: String,
    pub text: String,
    /// A person's short alias in the directory rather than a code of the newsroom's list
    /// (kept in the directory, not here; never exported with the list).
    #[serde(default)]
    pub from_directory: bool,
}

/// The newsroom's codes, then the directory's people under their short aliases where no
/// code of the list has that name: what `=code=` expands with.
pub fn with_people(mut list: Vec<Shortcut>, people: Vec<(String, String)>) -> Vec<Shortcut> {
    let mut taken: std::collections::HashSet<String> = list.iter().map(|s| s.code.clone()).collect();
    for (alias, name) in people {
        let code = alias.to_ascii_lowercase();
        if taken.insert(code.clone()) {
            list.push(Shortcut {
                code,
                text: name,
                from_directory: true,
            });
        }
    }
    list
}

/// What merging a list from another machine did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ShortcutImport {
    pub added: u32,
    pub changed: u32,
    pub unchanged: u32,
}

/// The file `export` writes and `import` reads (a bare list of codes is read as well).
#[derive(Serialize, Deserialize)]
struct ShortcutFile {
    format: String,
    version: u32,
    shortcuts: Vec<Shortcut>,
}

const FORMAT: &str = "newsroom-shortcuts";

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The code as stored (lower case), or why it cannot be one.
pub fn normalise_code(code: &str) -> Result<String> {
    let code = code.trim().trim_matches('=');
    if code.is_empty() || code.len() > MAX_CODE || !code.chars().all(is_code_char) {
        return Err(ShortcutError::BadCode(code.to_owned()));
    }
    Ok(code.to_ascii_lowercase())
}

fn normalise_text(text: &str) -> Result<String> {
    let text = newsroom_text::nfc(text.trim());
    if text.is_empty() {
        return Err(ShortcutError::EmptyText);
    }
    if text.chars().count() > MAX_TEXT {
        return Err(ShortcutError::TextTooLong);
    }
    Ok(text)
}

/// Every code, in alphabetical order.
pub fn list(conn: &Connection) -> Result<Vec<Shortcut>> {
    let mut stmt = conn.prepare_cached("SELECT code, text FROM shortcuts ORDER BY code")?;
    let found = stmt
        .query_map([], |r| {
            Ok(Shortcut {
                code: r.get(0)?,
                text: r.get(1)?,
                from_directory: false,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// Adds a code, or gives an existing one a new text.
pub fn save(conn: &Connection, code: &str, text: &str, now: DateTime<Utc>) -> Result<Shortcut> {
    let shortcut = Shortcut {
        code: normalise_code(code)?,
        text: normalise_text(text)?,
        from_directory: false,
    };
    conn.execute(
        "INSERT INTO shortcuts (code, text, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (code) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
        params![shortcut.code, shortcut.text, timestamp(now)],
    )?;
    Ok(shortcut)
}

/// Removes a code.
pub fn remove(conn: &Connection, code: &str) -> Result<()> {
    let code = normalise_code(code)?;
    if conn.execute("DELETE FROM shortcuts WHERE code = ?1", [&code])? == 0 {
        return Err(ShortcutError::NotFound(code));
    }
    Ok(())
}

/// The list as JSON, for another machine.
pub fn export(conn: &Connection) -> Result<String> {
    let file = ShortcutFile {
        format: FORMAT.to_owned(),
        version: 1,
        shortcuts: list(conn)?,
    };
    serde_json::to_string_pretty(&file).map_err(|e| ShortcutError::BadImport(e.to_string()))
}

/// Merges a list exported on another machine: new codes are added, a code with another text
/// takes the imported one (the newsroom's list is the one being shared). All or none.
pub fn import(conn: &Connection, json: &str, now: DateTime<Utc>) -> Result<ShortcutImport> {
    let shortcuts = match serde_json::from_str::<ShortcutFile>(json) {
        Ok(file) if file.format == FORMAT => file.shortcuts,
        Ok(file) => {
            return Err(ShortcutError::BadImport(format!(
                "the file is a “{}” file, not a list of codes",
                file.format
            )))
        }
        Err(_) => serde_json::from_str::<Vec<Shortcut>>(json)
            .map_err(|e| ShortcutError::BadImport(e.to_string()))?,
    };
    write(conn, |tx| {
        let mut outcome = ShortcutImport::default();
        for shortcut in &shortcuts {
            let code = normalise_code(&shortcut.code)?;
            let text = normalise_text(&shortcut.text)?;
            let before: Option<String> = tx
                .query_row("SELECT text FROM shortcuts WHERE code = ?1", [&code], |r| {
                    r.get(0)
                })
                .optional()?;
            match before {
                Some(old) if old == text => outcome.unchanged += 1,
                Some(_) => outcome.changed += 1,
                None => outcome.added += 1,
            }
            save(tx, &code, &text, now)?;
        }
        Ok(outcome)
    })
}

/// Codes by name, for expanding many texts with one read of the list.
pub fn code_map(shortcuts: Vec<Shortcut>) -> HashMap<String, String> {
    shortcuts.into_iter().map(|s| (s.code, s.text)).collect()
}

/// The text with every known `=code=` replaced by its text.
pub fn expand(text: &str, codes: &HashMap<String, String>) -> String {
    if codes.is_empty() || !text.contains('=') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('=') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let code_len = after
            .char_indices()
            .find(|(_, c)| !is_code_char(*c))
            .map_or(after.len(), |(i, _)| i);
        let closed = after[code_len..].starts_with('=');
        let found = (closed && (1..=MAX_CODE).contains(&code_len))
            .then(|| codes.get(&after[..code_len].to_ascii_lowercase()))
            .flatten();
        match found {
            Some(expansion) => {
                out.push_str(expansion);
                rest = &after[code_len + 1..];
            }
            None => {
                out.push('=');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
