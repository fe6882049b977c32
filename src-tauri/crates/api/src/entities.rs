//! The directory of people and organisations and article tags (`newsroom-entities`).

use std::path::Path;

use chrono::Utc;
use newsroom_entities::EntityError;

use crate::{
    Api, ApiResult, ArticleSummary, ArticleTag, DirectoryImport, Entity, EntityInput, EntityKind,
    ImportSummary, Photo,
};

impl Api {
    pub fn entity_list(&self, kind: Option<EntityKind>, query: &str) -> ApiResult<Vec<Entity>> {
        Ok(newsroom_entities::list(&*self.conn()?, kind, query, 500)?)
    }

    /// Every entity, for exports and the CLI.
    pub fn entity_list_all(&self) -> ApiResult<Vec<Entity>> {
        Ok(newsroom_entities::list(
            &*self.conn()?,
            None,
            "",
            usize::MAX >> 1,
        )?)
    }

    pub fn entity_get(&self, id: &str) -> ApiResult<Entity> {
        Ok(newsroom_entities::get(&*self.conn()?, id)?)
    }

    /// Creates an entity, or adds the aliases and roles to the one with the same name.
    pub fn entity_save(&self, input: &EntityInput) -> ApiResult<Entity> {
        let conn = self.conn()?;
        let (id, _) = newsroom_entities::upsert(&conn, input, Utc::now())?;
        self.directory_changed();
        Ok(newsroom_entities::get(&conn, &id)?)
    }

    pub fn entity_update(&self, id: &str, input: &EntityInput) -> ApiResult<Entity> {
        let updated = newsroom_entities::update(&*self.conn()?, id, input, Utc::now())?;
        self.directory_changed();
        Ok(updated)
    }

    pub fn entity_delete(&self, id: &str) -> ApiResult<()> {
        newsroom_entities::delete(&*self.conn()?, id)?;
        self.directory_changed();
        Ok(())
    }

    pub fn entity_merge(&self, from: &str, into: &str) -> ApiResult<Entity> {
        let merged = newsroom_entities::merge(&*self.conn()?, from, into, Utc::now())?;
        self.directory_changed();
        Ok(merged)
    }

    pub fn entity_import(&self, path: &Path) -> ApiResult<ImportSummary> {
        let summary = newsroom_entities::import(&*self.conn()?, path, Utc::now())?;
        self.directory_changed();
        Ok(summary)
    }

    /// Imports a directory file the user picked in the UI: its name decides the format. A file
    /// refused as a whole is an answer, not a failure: the UI says why in its own language.
    pub fn entity_import_text(&self, file_name: &str, contents: &str) -> ApiResult<DirectoryImport> {
        let name = Path::new(file_name)
            .file_name()
            .map_or_else(|| "import".into(), |n| n.to_string_lossy().into_owned());
        match newsroom_entities::import_bytes(&*self.conn()?, &name, contents.as_bytes(), Utc::now()) {
            Ok(summary) => {
                self.directory_changed();
                Ok(DirectoryImport::Imported { summary })
            }
            Err(EntityError::Import { file, problem }) => Ok(DirectoryImport::Refused { file, problem }),
            Err(other) => Err(other.into()),
        }
    }

    pub fn entity_export_json(&self) -> ApiResult<String> {
        Ok(newsroom_entities::export_json(&*self.conn()?)?)
    }

    /// The directory as CSV (one row per role), in the columns the import reads.
    pub fn entity_export_csv(&self) -> ApiResult<String> {
        Ok(newsroom_entities::export_csv(&*self.conn()?)?)
    }

    /// Writes the directory to a file, as CSV when its name ends in `.csv`, else JSON.
    pub fn entity_export_file(&self, path: &Path) -> ApiResult<()> {
        Ok(newsroom_entities::export_file(&*self.conn()?, path)?)
    }

    /// The articles tagged with an entity: its entity page.
    pub fn entity_articles(&self, id: &str) -> ApiResult<Vec<ArticleSummary>> {
        let conn = self.conn()?;
        newsroom_entities::get(&conn, id)?;
        Ok(newsroom_articles::tagged_with(&conn, id)?)
    }

    /// The photos showing a person: the photo half of the entity page.
    pub fn entity_photos(&self, entity_id: &str) -> ApiResult<Vec<Photo>> {
        let conn = self.conn()?;
        newsroom_entities::get(&conn, entity_id)?;
        Ok(newsroom_photos::photos_showing(&conn, entity_id)?)
    }

    pub fn article_tags(&self, article_id: &str) -> ApiResult<Vec<ArticleTag>> {
        Ok(newsroom_entities::article_tags(&*self.conn()?, article_id)?)
    }

    /// Tags an article with a person or organisation by name, adding it to the directory
    /// when it is not there yet.
    pub fn article_tag_by_name(
        &self,
        article_id: &str,
        kind: EntityKind,
        name: &str,
        role: &str,
    ) -> ApiResult<ArticleTag> {
        let (tag, created) =
            newsroom_entities::tag_by_name(&*self.conn()?, article_id, kind, name, role, Utc::now())?;
        if created {
            self.directory_changed();
        }
        Ok(tag)
    }

    pub fn article_untag(&self, article_id: &str, entity_id: &str) -> ApiResult<()> {
        Ok(newsroom_entities::untag(&*self.conn()?, article_id, entity_id)?)
    }
}
