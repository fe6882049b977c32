//! Who is acting on this machine: the profile asked for on first run (name, initials, role)
//! and kept in the store's settings. Every status change, comment, proposal and revision
//! records the profile's name; the operating-system account is only the fallback while no
//! profile exists.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The settings key the profile is kept under (as JSON).
const PROFILE_KEY: &str = "profile";
/// The settings key of a name the person is known by elsewhere (a connected site's user).
const OFFERED_KEY: &str = "profile.offered_name";
/// The interface's language, kept where the shell can read it before any window opens.
const LANGUAGE_KEY: &str = "ui.language";

/// What the person does in the newsroom; it decides what the app offers them first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Reporter,
    PhotoEditor,
    DeskEditor,
}

/// The person using the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    /// Their name as bylines and the history show it (`Mai Quý`).
    pub name: String,
    /// Short form for badges and the margin (`MQ`); made from the name when left empty.
    pub initials: String,
    pub role: Role,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = ProfileError> = std::result::Result<T, E>;

/// The language the person reads the interface in: Vietnamese unless they switched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Vi,
    En,
}

impl Language {
    /// The language's code as gettext and the system's own dialogs know it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }
}

/// The interface's language as last chosen (Vietnamese before any choice).
pub fn language(conn: &Connection) -> Result<Language> {
    Ok(newsroom_store::setting(conn, LANGUAGE_KEY)?.unwrap_or_default())
}

/// Keeps the interface's language, which the system's own dialogs follow from the next start.
pub fn save_language(conn: &Connection, language: Language) -> Result<()> {
    Ok(newsroom_store::set_setting(conn, LANGUAGE_KEY, &language)?)
}

/// The profile, once the person has given one.
pub fn get(conn: &Connection) -> Result<Option<Profile>> {
    // Anything unreadable counts as no profile yet, so the app asks again rather than failing.
    Ok(newsroom_store::setting(conn, PROFILE_KEY)?)
}

/// Saves the profile: the name is required (NFC, spaces folded), initials are made from it
/// when empty (the first letter of each word, at most three, upper case).
pub fn save(conn: &Connection, profile: &Profile) -> Result<Profile> {
    let name = newsroom_text::nfc(&profile.name.split_whitespace().collect::<Vec<_>>().join(" "));
    if name.is_empty() {
        return Err(ProfileError::Invalid("a profile needs a name".into()));
    }
    if name.chars().count() > 80 {
        return Err(ProfileError::Invalid("a name has at most 80 characters".into()));
    }
    let initials = match newsroom_text::nfc(profile.initials.trim()) {
        given if given.is_empty() => initials_of(&name),
        given => given.chars().take(4).collect::<String>().to_uppercase(),
    };
    let saved = Profile {
        name,
        initials,
        role: profile.role,
    };
    newsroom_store::set_setting(conn, PROFILE_KEY, &saved)?;
    Ok(saved)
}

/// Remembers a name the person is known by on a connected site, to offer when they fill in
/// their profile.
pub fn offer_name(conn: &Connection, name: &str) -> Result<()> {
    let name = newsroom_text::nfc(name.trim());
    if !name.is_empty() {
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [OFFERED_KEY, &name],
        )?;
    }
    Ok(())
}

/// The name a connected site knows the person by, if any.
pub fn offered_name(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [OFFERED_KEY], |r| {
            r.get(0)
        })
        .optional()?)
}

/// `Nguyễn Minh An` → `NMA`; `Mai Quý` → `MQ`.
pub fn initials_of(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(3)
        .collect::<String>()
        .to_uppercase()
}

/// The name to record for what this machine's user does: the profile's, else the
/// operating-system account's.
pub fn actor(conn: &Connection) -> String {
    match get(conn) {
        Ok(Some(profile)) => profile.name,
        _ => os_account(),
    }
}

/// The operating-system account name (the fallback before a profile exists).
pub fn os_account() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_kept_with_initials_made_from_the_name_and_names_the_actor() {
        let dir = tempfile::tempdir().unwrap();
        let conn = newsroom_store::open_dir(dir.path()).unwrap();
        assert_eq!(get(&conn).unwrap(), None);
        assert_eq!(actor(&conn), os_account());
        let decomposed = "Nguye\u{302}\u{303}n  Minh   An";
        let saved = save(
            &conn,
            &Profile {
                name: decomposed.into(),
                initials: String::new(),
                role: Role::DeskEditor,
            },
        )
        .unwrap();
        assert_eq!(saved.name, "Nguyễn Minh An");
        assert_eq!(saved.initials, "NMA");
        assert_eq!(get(&conn).unwrap(), Some(saved));
        assert_eq!(actor(&conn), "Nguyễn Minh An");
        let refused = save(
            &conn,
            &Profile {
                name: "   ".into(),
                initials: String::new(),
                role: Role::Reporter,
            },
        );
        assert!(matches!(refused, Err(ProfileError::Invalid(_))));
        assert_eq!(actor(&conn), "Nguyễn Minh An", "a refused save changes nothing");

        assert_eq!(offered_name(&conn).unwrap(), None);
        offer_name(&conn, " Mai Quý ").unwrap();
        assert_eq!(offered_name(&conn).unwrap().as_deref(), Some("Mai Quý"));
    }
}
