//! Spell checking (`newsroom-spelling`): the dictionary loaded once, the directory's name words
//! cached until the directory changes, the newsroom's words and house style from the store.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Utc;
use newsroom_profile::actor;
use newsroom_spelling::{house, Dictionary, HouseStyle, HouseWord, Issue, Normalised, Speller, WordKind};

use crate::{Api, ApiResult};

/// The dictionary, loaded on first use; a missing one is remembered as its error.
pub(crate) type DictionarySlot = std::sync::OnceLock<Result<Arc<Dictionary>, String>>;

/// The directory's name words with the fingerprint they were read at.
pub(crate) type NameWords = std::sync::Mutex<Option<((i64, i64), Arc<HashSet<String>>)>>;

impl Api {
    fn dictionary(&self) -> ApiResult<Arc<Dictionary>> {
        self.dictionary
            .get_or_init(|| Dictionary::installed().map(Arc::new).map_err(|e| e.to_string()))
            .clone()
            .map_err(|message| crate::ApiError::new(crate::ErrorCode::SpellingUnavailable, message))
    }

    fn name_words(&self, conn: &rusqlite::Connection) -> ApiResult<Arc<HashSet<String>>> {
        let fingerprint = newsroom_entities::spellings_fingerprint(conn)?;
        let mut slot = self.name_words.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((seen, words)) = slot.as_ref() {
            if *seen == fingerprint {
                return Ok(words.clone());
            }
        }
        let words = Arc::new(newsroom_entities::name_words(conn)?);
        *slot = Some((fingerprint, words.clone()));
        Ok(words)
    }

    fn with_speller<T>(&self, run: impl FnOnce(&Speller) -> T) -> ApiResult<T> {
        let dictionary = self.dictionary()?;
        let conn = self.conn()?;
        let names = self.name_words(&conn)?;
        let house_words: HashSet<String> = house::words(&conn)?.into_iter().map(|w| w.word).collect();
        let style = house::style(&conn)?;
        drop(conn);
        Ok(run(&Speller {
            dictionary: &dictionary,
            house_words: &house_words,
            name_words: &names,
            style,
        }))
    }

    /// The marked words of a text (code-point offsets): misspellings and words off house style.
    pub fn spelling_check(&self, text: &str) -> ApiResult<Vec<Issue>> {
        self.with_speller(|s| s.check(text))
    }

    /// Suggestions for one word, most likely first.
    pub fn spelling_suggest(&self, word: &str) -> ApiResult<Vec<String>> {
        self.with_speller(|s| s.suggest(word))
    }

    /// A text put into the house style.
    pub fn spelling_normalise(&self, text: &str) -> ApiResult<Normalised> {
        self.with_speller(|s| s.normalise(text))
    }

    /// Adds a word to the newsroom's dictionary ("add word") or lets it pass ("ignore").
    pub fn spelling_add_word(&self, word: &str, kind: WordKind) -> ApiResult<HouseWord> {
        let conn = self.conn()?;
        Ok(house::add_word(&conn, word, kind, &actor(&conn), Utc::now())?)
    }

    /// Takes a word out of the newsroom's dictionary.
    pub fn spelling_remove_word(&self, word: &str) -> ApiResult<bool> {
        Ok(house::remove_word(&*self.conn()?, word)?)
    }

    /// The newsroom's dictionary.
    pub fn spelling_words(&self) -> ApiResult<Vec<HouseWord>> {
        Ok(house::words(&*self.conn()?)?)
    }

    pub fn spelling_style(&self) -> ApiResult<HouseStyle> {
        Ok(house::style(&*self.conn()?)?)
    }

    pub fn spelling_set_style(&self, style: &HouseStyle) -> ApiResult<HouseStyle> {
        house::set_style(&*self.conn()?, style)?;
        Ok(*style)
    }

    /// The newsroom's dictionary and house style as JSON, for another machine.
    pub fn spelling_export(&self) -> ApiResult<String> {
        Ok(house::export(&*self.conn()?)?)
    }

    /// Writes the newsroom's dictionary and house style to a file.
    pub fn spelling_export_file(&self, path: &std::path::Path) -> ApiResult<()> {
        let json = self.spelling_export()?;
        std::fs::write(path, json).map_err(|e| {
            crate::ApiError::new(
                crate::ErrorCode::Storage,
                format!("{}: cannot write: {e}", path.display()),
            )
        })
    }

    /// Merges a dictionary file exported on another machine; returns how many words were new.
    pub fn spelling_import_file(&self, path: &std::path::Path) -> ApiResult<u32> {
        let bytes = std::fs::read(path).map_err(|e| {
            crate::ApiError::new(
                crate::ErrorCode::InvalidInput,
                format!("{}: cannot read: {e}", path.display()),
            )
        })?;
        let (json, _) = crate::text_decode(&path.display().to_string(), &bytes, None)?;
        self.spelling_import(&json)
            .map_err(|e| crate::ApiError::new(e.code, format!("{}: {}", path.display(), e.message)))
    }

    /// Merges an exported dictionary; returns how many words were new.
    pub fn spelling_import(&self, json: &str) -> ApiResult<u32> {
        let conn = self.conn()?;
        Ok(house::import(&conn, json, &actor(&conn), Utc::now())?)
    }
}
