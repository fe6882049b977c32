//! Code replacements (`newsroom-shortcuts`): the newsroom's `=code=` list, and expanding it.

use std::path::Path;

use chrono::Utc;
use newsroom_shortcuts::{Shortcut, ShortcutImport};

use crate::{Api, ApiError, ApiResult, ErrorCode};

impl Api {
    /// Every code of the newsroom's list (alphabetical), then the directory's people under
    /// their short aliases (`=npt=` for a person whose alias is "npt").
    pub fn shortcut_list(&self) -> ApiResult<Vec<Shortcut>> {
        let conn = self.conn()?;
        Ok(newsroom_shortcuts::with_people(
            newsroom_shortcuts::list(&conn)?,
            newsroom_entities::person_codes(&conn)?,
        ))
    }

    /// What `=code=` expands with: the list's codes and the directory's people.
    pub(crate) fn shortcut_codes(&self) -> ApiResult<std::collections::HashMap<String, String>> {
        Ok(newsroom_shortcuts::code_map(self.shortcut_list()?))
    }

    /// Adds a code, or gives an existing one a new text.
    pub fn shortcut_save(&self, code: &str, text: &str) -> ApiResult<Shortcut> {
        Ok(newsroom_shortcuts::save(&*self.conn()?, code, text, Utc::now())?)
    }

    pub fn shortcut_remove(&self, code: &str) -> ApiResult<()> {
        Ok(newsroom_shortcuts::remove(&*self.conn()?, code)?)
    }

    /// The text with every known `=code=` replaced (what the CLI does to the fields it sets).
    pub fn shortcut_expand(&self, text: &str) -> ApiResult<String> {
        Ok(newsroom_shortcuts::expand(text, &self.shortcut_codes()?))
    }

    /// The list as JSON, for another machine.
    pub fn shortcut_export(&self) -> ApiResult<String> {
        Ok(newsroom_shortcuts::export(&*self.conn()?)?)
    }

    pub fn shortcut_export_file(&self, path: &Path) -> ApiResult<()> {
        let json = self.shortcut_export()?;
        std::fs::write(path, json).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("{}: cannot write: {e}", path.display()),
            )
        })
    }

    /// Merges a list exported on another machine (all or none).
    pub fn shortcut_import(&self, json: &str) -> ApiResult<ShortcutImport> {
        Ok(newsroom_shortcuts::import(&*self.conn()?, json, Utc::now())?)
    }

    pub fn shortcut_import_file(&self, path: &Path) -> ApiResult<ShortcutImport> {
        let bytes = std::fs::read(path).map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("{}: cannot read: {e}", path.display()),
            )
        })?;
        let (json, _) = crate::text_decode(&path.display().to_string(), &bytes, None)?;
        self.shortcut_import(&json)
            .map_err(|e| ApiError::new(e.code, format!("{}: {}", path.display(), e.message)))
    }
}
