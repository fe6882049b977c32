//! The one API every front end calls. The desktop shell's commands and the `newsroom` CLI are
//! thin wiring over [`Api`]; no front end talks to SQLite or the core crates directly.
//!
//! Invariants:
//! - Every fallible call returns [`ApiError`] (`{code, message}`), never a panic or a string.
//! - One connection, behind a mutex: saves are applied one at a time, in the order they came.

mod bindings;
mod error;
mod models;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::Utc;
use rusqlite::Connection;

pub use bindings::typescript_bindings;
pub use error::{ApiError, ApiResult, ErrorCode};
pub use models::{AcceptSuggestion, RenderedMarkdown, SaveRequest, StatusRequest};
pub use newsroom_articles::{
    Article, ArticleFields, ArticleSummary, ChecklistRule, Revision, RevisionReason, RevisionSummary,
    SaveKind, Status, StatusChange,
};
pub use newsroom_entities::{ArticleTag, Entity, EntityInput, EntityKind, EntityRole, ImportSummary};
pub use newsroom_store::DATA_DIR_ENV;
pub use newsroom_suggestions::{OrganisationSuggestion, PersonSuggestion, Suggestions};

/// The application's state: the open store.
pub struct Api {
    conn: Mutex<Connection>,
    data_dir: PathBuf,
    /// The directory compiled for suggestions; rebuilt after the directory changes.
    known: RwLock<Option<Arc<newsroom_entities::KnownEntities>>>,
}

/// How to open the store.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// The data directory; `None` uses `NEWSROOM_DATA_DIR`, then the OS app-data directory.
    pub data_dir: Option<PathBuf>,
    /// Add the demo articles to a store that has never held any (the desktop app's first run).
    pub seed_demo_content: bool,
}

impl Api {
    /// Opens the store, upgrading its schema, and prepares it for use.
    pub fn open(options: &OpenOptions) -> ApiResult<Api> {
        let data_dir = newsroom_store::data_dir(options.data_dir.as_deref())?;
        let conn = newsroom_store::open_dir(&data_dir)?;
        newsroom_articles::ensure_search_index(&conn)?;
        if options.seed_demo_content {
            newsroom_articles::seed_demo_content(&conn, Utc::now())?;
        }
        Ok(Api {
            conn: Mutex::new(conn),
            data_dir,
            known: RwLock::new(None),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn conn(&self) -> ApiResult<MutexGuard<'_, Connection>> {
        self.conn.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "the store lock was poisoned by an earlier failure",
            )
        })
    }

    /// Who is acting, recorded with every change of state. Sign-in arrives with the
    /// publishing backends; until then the operating-system account names the person.
    fn actor() -> String {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "unknown".to_owned())
    }

    pub fn article_list(&self) -> ApiResult<Vec<ArticleSummary>> {
        Ok(newsroom_articles::list(&*self.conn()?)?)
    }

    pub fn article_search(&self, query: &str) -> ApiResult<Vec<ArticleSummary>> {
        Ok(newsroom_articles::search(&*self.conn()?, query)?)
    }

    pub fn article_get(&self, id: &str) -> ApiResult<Article> {
        Ok(newsroom_articles::get(&*self.conn()?, id)?)
    }

    pub fn article_create(&self, fields: &ArticleFields) -> ApiResult<Article> {
        Ok(newsroom_articles::create(&*self.conn()?, fields, Utc::now())?)
    }

    pub fn article_save(&self, request: &SaveRequest) -> ApiResult<Article> {
        Ok(newsroom_articles::save(
            &*self.conn()?,
            &request.id,
            request.base_version,
            &request.fields,
            request.kind,
            Utc::now(),
        )?)
    }

    pub fn article_delete(&self, id: &str) -> ApiResult<()> {
        Ok(newsroom_articles::delete(&*self.conn()?, id)?)
    }

    pub fn article_import(&self, path: &Path) -> ApiResult<Article> {
        Ok(newsroom_articles::import_markdown(
            &*self.conn()?,
            path,
            Utc::now(),
        )?)
    }

    pub fn article_set_status(&self, request: &StatusRequest) -> ApiResult<Article> {
        Ok(newsroom_articles::set_status(
            &*self.conn()?,
            &request.id,
            request.to,
            &Self::actor(),
            &request.note,
            Utc::now(),
        )?)
    }

    pub fn article_checklist(&self, id: &str) -> ApiResult<Vec<ChecklistRule>> {
        let article = self.article_get(id)?;
        Ok(newsroom_articles::checklist(&article))
    }

    pub fn article_status_history(&self, id: &str) -> ApiResult<Vec<StatusChange>> {
        Ok(newsroom_articles::status_history(&*self.conn()?, id)?)
    }

    /// The published HTML of an article's body.
    pub fn article_render(&self, id: &str) -> ApiResult<String> {
        Ok(newsroom_markdown::render(&self.article_get(id)?.body))
    }

    pub fn revision_list(&self, article_id: &str) -> ApiResult<Vec<RevisionSummary>> {
        Ok(newsroom_articles::list_revisions(&*self.conn()?, article_id)?)
    }

    pub fn revision_get(&self, revision_id: i64) -> ApiResult<Revision> {
        Ok(newsroom_articles::get_revision(&*self.conn()?, revision_id)?)
    }

    pub fn revision_restore(&self, revision_id: i64) -> ApiResult<Article> {
        Ok(newsroom_articles::restore_revision(
            &*self.conn()?,
            revision_id,
            Utc::now(),
        )?)
    }

    fn directory_changed(&self) {
        if let Ok(mut known) = self.known.write() {
            *known = None;
        }
    }

    fn known_entities(&self) -> ApiResult<Arc<newsroom_entities::KnownEntities>> {
        if let Some(known) = self.known.read().ok().and_then(|k| k.clone()) {
            return Ok(known);
        }
        let built = Arc::new(newsroom_entities::load_known(&*self.conn()?)?);
        if let Ok(mut slot) = self.known.write() {
            *slot = Some(built.clone());
        }
        Ok(built)
    }

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

    /// Imports a directory file the user picked in the UI: its name decides the format.
    pub fn entity_import_text(&self, file_name: &str, contents: &str) -> ApiResult<ImportSummary> {
        let dir = std::env::temp_dir().join(format!("newsroom-import-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
        let safe_name: String = Path::new(file_name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "import".into());
        let path = dir.join(&safe_name);
        std::fs::write(&path, contents).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
        let result = self.entity_import(&path);
        let _ = std::fs::remove_file(&path);
        result.map_err(|e| ApiError::new(e.code, e.message.replace(&path.display().to_string(), &safe_name)))
    }

    pub fn entity_export_json(&self) -> ApiResult<String> {
        Ok(newsroom_entities::export_json(&*self.conn()?)?)
    }

    /// The articles tagged with an entity: its entity page.
    pub fn entity_articles(&self, id: &str) -> ApiResult<Vec<ArticleSummary>> {
        let conn = self.conn()?;
        newsroom_entities::get(&conn, id)?;
        Ok(newsroom_articles::tagged_with(&conn, id)?)
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
        let conn = self.conn()?;
        newsroom_articles::get(&conn, article_id)?;
        let input = EntityInput {
            kind,
            name: name.to_owned(),
            aliases: vec![],
            roles: vec![],
            parent: None,
            uri: None,
        };
        let (id, created) = newsroom_entities::upsert(&conn, &input, Utc::now())?;
        if created {
            self.directory_changed();
        }
        newsroom_entities::tag(&conn, article_id, &id, role)?;
        let tags = newsroom_entities::article_tags(&conn, article_id)?;
        Ok(tags
            .into_iter()
            .find(|t| t.entity_id == id)
            .expect("the tag was just written"))
    }

    pub fn article_untag(&self, article_id: &str, entity_id: &str) -> ApiResult<()> {
        Ok(newsroom_entities::untag(&*self.conn()?, article_id, entity_id)?)
    }

    /// Suggestions for a text against the directory, without the ones rejected for this
    /// article or already tagged on it (when an article is named).
    pub fn suggestions(&self, article_id: Option<&str>, text: &str) -> ApiResult<Suggestions> {
        let known = self.known_entities()?;
        let mut found = newsroom_suggestions::suggest(text, &known);
        if let Some(article_id) = article_id {
            let conn = self.conn()?;
            let rejected = newsroom_entities::rejected(&conn, article_id)?;
            let tagged: Vec<String> = newsroom_entities::article_tags(&conn, article_id)?
                .into_iter()
                .map(|t| newsroom_entities::fold_name(&t.name))
                .collect();
            let keep = |kind: EntityKind, name: &str, expanded: Option<&str>| {
                let names = [Some(name), expanded];
                !names.iter().flatten().any(|n| {
                    let f = newsroom_entities::fold_name(n);
                    rejected.contains(&(kind, f.clone())) || tagged.contains(&f)
                })
            };
            found.people.retain(|p| keep(EntityKind::Person, &p.name, None));
            found
                .organisations
                .retain(|o| keep(EntityKind::Organisation, &o.name, o.expanded.as_deref()));
        }
        Ok(found)
    }

    pub fn suggestion_accept(&self, accept: &AcceptSuggestion) -> ApiResult<ArticleTag> {
        let role = accept.role.clone().unwrap_or_default();
        // The role the story gives a person also goes into their directory entry, so the
        // desk sees it next time (roles are kept over time, not replaced).
        if accept.kind == EntityKind::Person && !role.trim().is_empty() {
            let conn = self.conn()?;
            let input = EntityInput {
                kind: EntityKind::Person,
                name: accept.name.clone(),
                aliases: vec![],
                roles: vec![newsroom_entities::EntityRole {
                    title: role.clone(),
                    ..Default::default()
                }],
                parent: None,
                uri: None,
            };
            match &accept.entity_id {
                Some(id) => {
                    let mut entity = newsroom_entities::get(&conn, id)?;
                    if !entity.roles.iter().any(|r| r.title == role) {
                        entity.roles.push(input.roles[0].clone());
                        let update = EntityInput {
                            name: entity.name.clone(),
                            aliases: entity.aliases.clone(),
                            roles: entity.roles.clone(),
                            ..input
                        };
                        newsroom_entities::update(&conn, id, &update, Utc::now())?;
                    }
                }
                None => {
                    newsroom_entities::upsert(&conn, &input, Utc::now())?;
                }
            }
            self.directory_changed();
        }
        if let Some(id) = &accept.entity_id {
            let conn = self.conn()?;
            newsroom_entities::tag(&conn, &accept.article_id, id, &role)?;
            let tags = newsroom_entities::article_tags(&conn, &accept.article_id)?;
            return Ok(tags
                .into_iter()
                .find(|t| &t.entity_id == id)
                .expect("the tag was just written"));
        }
        self.article_tag_by_name(&accept.article_id, accept.kind, &accept.name, &role)
    }

    pub fn suggestion_reject(&self, article_id: &str, kind: EntityKind, name: &str) -> ApiResult<()> {
        Ok(newsroom_entities::reject_suggestion(
            &*self.conn()?,
            article_id,
            kind,
            name,
        )?)
    }

    /// Renders Markdown for the live preview: the same function as publishing uses.
    pub fn markdown_render(&self, markdown: &str) -> ApiResult<RenderedMarkdown> {
        render_markdown(markdown)
    }
}

/// Renders Markdown with counts; needs no store, so front ends may call it before opening one.
pub fn render_markdown(markdown: &str) -> ApiResult<RenderedMarkdown> {
    if markdown.len() > newsroom_articles::MAX_BODY_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "the body is {} bytes; the limit is {} bytes",
                markdown.len(),
                newsroom_articles::MAX_BODY_BYTES
            ),
        ));
    }
    let counts = newsroom_markdown::counts(markdown);
    Ok(RenderedMarkdown {
        html: newsroom_markdown::render(markdown),
        words: counts.words as u32,
        characters: counts.characters as u32,
    })
}
