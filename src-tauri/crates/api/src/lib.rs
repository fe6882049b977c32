//! The one API every front end calls. The desktop shell's commands and the `newsroom` CLI are
//! thin wiring over [`Api`]; no front end talks to SQLite or the core crates directly.
//!
//! Invariants:
//! - Every fallible call returns [`ApiError`] (`{code, message}`), never a panic or a string.
//! - One connection, behind a mutex: saves are applied one at a time, in the order they came.

mod bindings;
mod error;
mod models;
mod sync_worker;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::Utc;
use rusqlite::Connection;

pub use bindings::typescript_bindings;
pub use error::{ApiError, ApiResult, ErrorCode};
pub use models::{
    AcceptSuggestion, ImportProgress, ImportStage, PhotoPage, RenderedMarkdown, SaveRequest, StatusRequest,
};
pub use newsroom_articles::{
    Article, ArticleFields, ArticleSummary, ChecklistRule, Revision, RevisionReason, RevisionSummary,
    SaveKind, Status, StatusChange,
};
pub use newsroom_entities::{ArticleTag, Entity, EntityInput, EntityKind, EntityRole, ImportSummary};
pub use newsroom_photos::{
    ArticlePhoto, CameraFacts, EmbeddedFields, Imported, PersonShown, Photo, PhotoEdit, PhotoFormat,
    PhotoQuery, ReadMetadata, Rendition, RequiredField,
};
pub use newsroom_store::DATA_DIR_ENV;
pub use newsroom_suggestions::{OrganisationSuggestion, PersonSuggestion, Suggestions};
pub use newsroom_sync::{
    ArticleText, Backend, Choice, Field, JobState, Passage, PullOutcome, Pulled, SyncJob,
};
pub use sync_worker::{Connectivity, SendProgress, SyncOverview, SyncWorker};

/// The application's state: the open store.
pub struct Api {
    conn: Mutex<Connection>,
    data_dir: PathBuf,
    /// The directory compiled for suggestions; rebuilt after the directory changes.
    known: RwLock<Option<Arc<newsroom_entities::KnownEntities>>>,
    /// The background sync worker, once a front end that stays open (the app) starts it.
    worker: Mutex<Option<SyncWorker>>,
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
            worker: Mutex::new(None),
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

    /// Moves a piece to another workflow state. Submitting or publishing also queues its push
    /// to every backend, in the same transaction (submitted → WordPress `pending`, published →
    /// `publish`), so a piece is never marked sent without being on its way.
    pub fn article_set_status(&self, request: &StatusRequest) -> ApiResult<Article> {
        let remote = match request.to {
            Status::Submitted => Some(newsroom_sync::RemoteStatus::Pending),
            Status::Published => Some(newsroom_sync::RemoteStatus::Publish),
            _ => None,
        };
        let article = newsroom_store::write(&*self.conn()?, |tx| -> ApiResult<Article> {
            let article = newsroom_articles::set_status(
                tx,
                &request.id,
                request.to,
                &Self::actor(),
                &request.note,
                Utc::now(),
            )?;
            if let Some(remote) = remote {
                for backend in newsroom_sync::backends(tx)? {
                    newsroom_sync::enqueue(tx, &request.id, &backend.id, remote, Utc::now())?;
                }
            }
            Ok(article)
        })?;
        if remote.is_some() {
            self.poke_worker();
        }
        Ok(article)
    }

    pub fn article_checklist(&self, id: &str) -> ApiResult<Vec<ChecklistRule>> {
        let conn = self.conn()?;
        let article = newsroom_articles::get(&conn, id)?;
        Ok(newsroom_articles::checklist(&conn, &article)?)
    }

    pub fn article_status_history(&self, id: &str) -> ApiResult<Vec<StatusChange>> {
        Ok(newsroom_articles::status_history(&*self.conn()?, id)?)
    }

    /// The HTML of an article's body with its photos placed as figures; each image is
    /// loaded from `photo_base` + `ID/web` (the app's photo scheme, or a publishing
    /// backend's media URLs).
    pub fn article_render(&self, id: &str, photo_base: &str) -> ApiResult<String> {
        let body = self.article_get(id)?.body;
        Ok(self.article_preview(id, &body, photo_base)?.html)
    }

    /// The article as an IPTC ninjs 2.1 document, its pictures' renditions as `file:` URLs of
    /// the stored files (the push adapter gives uploaded URLs instead).
    pub fn article_export_ninjs(&self, id: &str) -> ApiResult<serde_json::Value> {
        let conn = self.conn()?;
        let dir = self.photos_dir();
        let rendition = |item: &ArticlePhoto, which: Rendition| {
            let photo = &item.photo;
            let path = newsroom_photos::file_path(&dir, &photo.sha256, photo.format, which);
            let size = std::fs::metadata(&path).ok()?.len();
            let (width, height) = photo.size_of(which);
            Some(newsroom_ninjs::RenditionRef {
                href: newsroom_ninjs::file_url(&path),
                width,
                height,
                size,
            })
        };
        Ok(newsroom_ninjs::article_document(&conn, id, &rendition)?)
    }

    /// Renders an article's unsaved Markdown for the live preview, with its photos.
    pub fn article_preview(
        &self,
        article_id: &str,
        markdown: &str,
        photo_base: &str,
    ) -> ApiResult<RenderedMarkdown> {
        check_body_size(markdown)?;
        let photos = newsroom_photos::article_photos(&*self.conn()?, article_id)?;
        let resolve = |id: &str| {
            photos.iter().find(|p| p.photo.id == id).map(|p| {
                let (width, height) = p.photo.size_of(Rendition::Web);
                newsroom_markdown::Figure {
                    src: format!("{photo_base}{}/web", p.photo.id),
                    alt: p.photo.alt_text.clone(),
                    caption: p.caption.clone(),
                    credit: p.photo.credit.clone(),
                    width,
                    height,
                }
            })
        };
        let counts = newsroom_markdown::counts(markdown);
        Ok(RenderedMarkdown {
            html: newsroom_markdown::render_with_photos(markdown, &resolve),
            words: counts.words as u32,
            characters: counts.characters as u32,
        })
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

    /// The directory as CSV (one row per role), in the columns the import reads.
    pub fn entity_export_csv(&self) -> ApiResult<String> {
        Ok(newsroom_entities::export_csv(&*self.conn()?)?)
    }

    /// Writes the directory to a file, as CSV when its name ends in `.csv`, else JSON.
    pub fn entity_export_file(&self, path: &Path) -> ApiResult<()> {
        let csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let text = if csv {
            self.entity_export_csv()?
        } else {
            self.entity_export_json()?
        };
        std::fs::write(path, text).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("{}: cannot write: {e}", path.display()),
            )
        })
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

    /// Where the photo library keeps its files.
    pub fn photos_dir(&self) -> PathBuf {
        newsroom_photos::photos_dir(&self.data_dir)
    }

    /// Imports image bytes (a file's, or a pasted image's). The slow work (decoding, resizing,
    /// hashing, writing files) runs without holding the store, so the editor keeps saving
    /// while a card of photos imports; the same bytes imported again reuse the stored photo.
    pub fn photo_import_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        article_id: Option<&str>,
    ) -> ApiResult<Imported> {
        let sha256 = newsroom_photos::sha256_hex(bytes);
        if let Some(reused) = newsroom_photos::reuse(&*self.conn()?, &sha256, bytes, article_id)? {
            return Ok(reused);
        }
        let prepared = newsroom_photos::prepare(&self.photos_dir(), name, bytes, sha256)?;
        let imported = newsroom_photos::commit(&*self.conn()?, &prepared, article_id, Utc::now())?;
        if !imported.photo.people.is_empty() {
            self.directory_changed();
        }
        Ok(imported)
    }

    /// Imports files one after another, reporting each step of each file to `progress`; a
    /// file that fails is reported and the rest still import.
    pub fn photo_import_batch(
        &self,
        paths: &[PathBuf],
        article_id: Option<&str>,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Vec<ApiResult<Imported>> {
        let total = paths.len() as u32;
        let report = |index: usize, stage: ImportStage, photo: Option<Photo>, error: Option<ApiError>| {
            ImportProgress {
                index: index as u32,
                total,
                file: paths[index].display().to_string(),
                stage,
                photo,
                error,
            }
        };
        for index in 0..paths.len() {
            progress(report(index, ImportStage::Queued, None, None));
        }
        let mut outcomes = Vec::with_capacity(paths.len());
        for (index, path) in paths.iter().enumerate() {
            progress(report(index, ImportStage::Processing, None, None));
            let outcome = self.photo_import_file(path, article_id);
            match &outcome {
                Ok(imported) => progress(report(
                    index,
                    ImportStage::Done,
                    Some(imported.photo.clone()),
                    None,
                )),
                Err(err) => progress(report(index, ImportStage::Failed, None, Some(err.clone()))),
            }
            outcomes.push(outcome);
        }
        outcomes
    }

    /// Imports one file; errors name it.
    pub fn photo_import_file(&self, path: &Path, article_id: Option<&str>) -> ApiResult<Imported> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let named = |err: ApiError| ApiError::new(err.code, format!("{}: {}", path.display(), err.message));
        let bytes = newsroom_photos::read_file(path).map_err(|e| named(e.into()))?;
        self.photo_import_bytes(&name, &bytes, article_id).map_err(named)
    }

    pub fn photo_get(&self, id: &str) -> ApiResult<Photo> {
        Ok(newsroom_photos::get(&*self.conn()?, id)?)
    }

    /// Changes a photo's archive fields (caption, credit, people shown…).
    pub fn photo_edit(&self, id: &str, change: &PhotoEdit) -> ApiResult<Photo> {
        let photo = newsroom_photos::edit(&*self.conn()?, id, change, Utc::now())?;
        if change.people.is_some() {
            self.directory_changed();
        }
        Ok(photo)
    }

    /// The photo desk: photos matching the query, and how many match in all.
    pub fn photo_list(&self, query: &PhotoQuery) -> ApiResult<PhotoPage> {
        let conn = self.conn()?;
        Ok(PhotoPage {
            photos: newsroom_photos::list(&conn, query)?,
            total: newsroom_photos::count(&conn, query)?,
        })
    }

    /// The path of a stored image, for the app's photo scheme.
    pub fn photo_file(&self, id: &str, rendition: Rendition) -> ApiResult<PathBuf> {
        let photo = self.photo_get(id)?;
        Ok(newsroom_photos::file_path(
            &self.photos_dir(),
            &photo.sha256,
            photo.format,
            rendition,
        ))
    }

    /// Writes a photo with its caption fields inside (XMP and IIM); with an article, that
    /// article's caption is the one written.
    pub fn photo_export(
        &self,
        id: &str,
        rendition: Rendition,
        article_id: Option<&str>,
        out: &Path,
    ) -> ApiResult<()> {
        let conn = self.conn()?;
        let caption = match article_id {
            Some(article_id) => newsroom_photos::article_photos(&conn, article_id)?
                .into_iter()
                .find(|p| p.photo.id == id)
                .map(|p| p.caption),
            None => None,
        };
        newsroom_photos::export(&conn, &self.photos_dir(), id, rendition, caption.as_deref(), out).map_err(
            |err| {
                let err = ApiError::from(err);
                ApiError::new(err.code, format!("{}: {}", out.display(), err.message))
            },
        )
    }

    pub fn article_photos(&self, article_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        Ok(newsroom_photos::article_photos(&*self.conn()?, article_id)?)
    }

    pub fn article_photo_attach(&self, article_id: &str, photo_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::attach(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_detach(&self, article_id: &str, photo_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::detach(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_reorder(
        &self,
        article_id: &str,
        photo_ids: &[String],
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::reorder(&conn, article_id, photo_ids)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_set_lead(
        &self,
        article_id: &str,
        photo_id: Option<&str>,
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::set_lead(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    /// Gives a photo its own caption in one article (`None`: use the archive description).
    pub fn article_photo_caption(
        &self,
        article_id: &str,
        photo_id: &str,
        caption: Option<&str>,
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::set_article_caption(&conn, article_id, photo_id, caption)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    /// The photos showing a person: the photo half of the entity page.
    pub fn entity_photos(&self, entity_id: &str) -> ApiResult<Vec<Photo>> {
        let conn = self.conn()?;
        newsroom_entities::get(&conn, entity_id)?;
        Ok(newsroom_photos::photos_showing(&conn, entity_id)?)
    }

    /// Adds a WordPress site after checking the address and the Application Password; the
    /// password goes to the OS keychain, never the store. Nothing is kept when either fails.
    pub fn backend_add_wordpress(
        &self,
        name: &str,
        url: &str,
        user: &str,
        password: &str,
    ) -> ApiResult<Backend> {
        newsroom_sync::WordPress::new(url, user, password).me()?;
        self.add_backend("wordpress", name, url, user, password)
    }

    /// Adds a system that takes ninjs documents over HTTP; `secret` signs every request
    /// (HMAC-SHA256) and is kept in the OS keychain.
    pub fn backend_add_ninjs(&self, name: &str, url: &str, secret: &str) -> ApiResult<Backend> {
        if secret.len() < 16 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "the shared secret needs at least 16 characters",
            ));
        }
        self.add_backend("ninjs_http", name, url, "", secret)
    }

    /// Records a backend with its secret in the keychain; without the keychain, nothing is kept.
    fn add_backend(&self, kind: &str, name: &str, url: &str, user: &str, secret: &str) -> ApiResult<Backend> {
        let conn = self.conn()?;
        let backend = newsroom_sync::add_backend(&conn, kind, name, url, user, Utc::now())?;
        if let Err(err) = newsroom_sync::store_password(&backend.id, secret) {
            conn.execute("DELETE FROM backends WHERE id = ?1", [&backend.id])?;
            return Err(err.into());
        }
        drop(conn);
        self.poke_worker();
        Ok(backend)
    }

    pub fn backend_list(&self) -> ApiResult<Vec<Backend>> {
        Ok(newsroom_sync::backends(&*self.conn()?)?)
    }

    /// Submits (or publishes) a piece: [`Api::article_set_status`] to that state.
    pub fn article_submit_or_publish(&self, id: &str, publish: bool) -> ApiResult<Article> {
        self.article_set_status(&StatusRequest {
            id: id.to_owned(),
            to: if publish {
                Status::Published
            } else {
                Status::Submitted
            },
            note: String::new(),
        })
    }

    /// A second connection to the store, for work that waits on the network: the editor's
    /// saves go on through the first meanwhile.
    fn network_conn(&self) -> ApiResult<Connection> {
        Ok(newsroom_store::open_dir(&self.data_dir)?)
    }

    fn poke_worker(&self) {
        if let Ok(worker) = self.worker.lock() {
            if let Some(worker) = worker.as_ref() {
                worker.poke();
            }
        }
    }

    /// Starts the background worker that drains the outbox (the desktop app calls this once);
    /// `changed` hears whenever [`Api::sync_overview`] would show something new (with the
    /// progress alone when only that moved).
    pub fn sync_start_worker(&self, changed: Box<dyn Fn(Option<SendProgress>) + Send>) -> ApiResult<()> {
        let mut worker = self
            .worker
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sync worker lock was poisoned"))?;
        if worker.is_none() {
            *worker = Some(SyncWorker::start(self.data_dir.clone(), changed)?);
        }
        Ok(())
    }

    /// Every job with the worker's view: online or not, paused or not, bytes sent.
    pub fn sync_overview(&self) -> ApiResult<SyncOverview> {
        let jobs = newsroom_sync::jobs(&*self.conn()?)?;
        let worker = self
            .worker
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sync worker lock was poisoned"))?;
        Ok(sync_worker::overview(jobs, worker.as_ref()))
    }

    /// Pauses or resumes sending (the worker keeps the queue either way).
    pub fn sync_set_paused(&self, paused: bool) -> ApiResult<()> {
        if let Some(worker) = self.worker.lock().ok().as_ref().and_then(|w| w.as_ref()) {
            worker.set_paused(paused);
        }
        Ok(())
    }

    /// Queues a piece again (after editing it) to every backend, to the status its workflow
    /// state maps to: submitted, in review or approved → `pending`, published → `publish`,
    /// draft or returned → `draft`.
    pub fn sync_queue(&self, article_id: &str) -> ApiResult<()> {
        let conn = self.conn()?;
        let article = newsroom_articles::get(&conn, article_id)?;
        let remote = match article.status {
            Status::Submitted | Status::InReview | Status::Approved => newsroom_sync::RemoteStatus::Pending,
            Status::Published => newsroom_sync::RemoteStatus::Publish,
            Status::Draft | Status::Returned => newsroom_sync::RemoteStatus::Draft,
            Status::Spiked => {
                return Err(ApiError::new(
                    ErrorCode::InvalidTransition,
                    "a spiked piece is not sent anywhere",
                ))
            }
        };
        newsroom_store::write(&conn, |tx| -> ApiResult<()> {
            for backend in newsroom_sync::backends(tx)? {
                newsroom_sync::enqueue(tx, article_id, &backend.id, remote, Utc::now())?;
            }
            Ok(())
        })?;
        drop(conn);
        self.poke_worker();
        Ok(())
    }

    pub fn sync_retry(&self, job_id: i64) -> ApiResult<()> {
        newsroom_sync::retry(&*self.conn()?, job_id, Utc::now())?;
        self.poke_worker();
        Ok(())
    }

    pub fn sync_cancel(&self, job_id: i64) -> ApiResult<()> {
        newsroom_sync::cancel(&*self.conn()?, job_id, Utc::now())?;
        Ok(())
    }

    /// The passages of a job in conflict, the ones to choose between without `text`.
    pub fn sync_conflict(&self, job_id: i64) -> ApiResult<Vec<Passage>> {
        Ok(newsroom_sync::conflict_passages(&*self.conn()?, job_id)?)
    }

    /// Settles a conflict, one choice per conflicting passage, and sends the piece again.
    pub fn sync_resolve(&self, job_id: i64, choices: &[Choice]) -> ApiResult<()> {
        newsroom_sync::resolve_conflict(&*self.conn()?, job_id, choices, Utc::now())?;
        self.poke_worker();
        Ok(())
    }

    /// Fetches the posts waiting for review on every WordPress backend into the store.
    pub fn sync_pull(&self) -> ApiResult<Vec<Pulled>> {
        let conn = self.network_conn()?;
        let mut pulled = Vec::new();
        for backend in newsroom_sync::backends(&conn)? {
            if backend.kind != "wordpress" {
                continue;
            }
            let secret = newsroom_sync::password(&backend.id)?;
            let wp = newsroom_sync::WordPress::new(&backend.url, &backend.username, &secret);
            pulled.extend(newsroom_sync::pull_pending(
                &conn,
                &self.photos_dir(),
                &backend,
                &wp,
            )?);
        }
        self.directory_changed();
        Ok(pulled)
    }

    /// Removes a backend and its password; its queued jobs go with it.
    pub fn backend_remove(&self, id: &str) -> ApiResult<()> {
        let conn = self.conn()?;
        let backend = newsroom_sync::backend(&conn, id)?;
        conn.execute("DELETE FROM backends WHERE id = ?1", [&backend.id])?;
        // A password already gone is not an error: the backend is removed either way.
        let _ = newsroom_sync::delete_password(&backend.id);
        Ok(())
    }

    /// Sends every queued push once (`force`: even those still waiting out a backoff), after
    /// putting back any a crash left half-sent; returns the jobs it sent.
    pub fn sync_run(&self, force: bool) -> ApiResult<Vec<SyncJob>> {
        let conn = self.network_conn()?;
        newsroom_sync::recover(&conn, Utc::now())?;
        let password = |backend: &newsroom_sync::Backend| newsroom_sync::password(&backend.id);
        Ok(newsroom_sync::drain(
            &conn,
            &self.photos_dir(),
            &password,
            &|_, _, _| {},
            Utc::now(),
            force,
        )?)
    }

    pub fn sync_status(&self) -> ApiResult<Vec<SyncJob>> {
        Ok(newsroom_sync::jobs(&*self.conn()?)?)
    }

    /// Renders Markdown for the live preview: the same function as publishing uses.
    pub fn markdown_render(&self, markdown: &str) -> ApiResult<RenderedMarkdown> {
        render_markdown(markdown)
    }
}

fn check_body_size(markdown: &str) -> ApiResult<()> {
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
    Ok(())
}

/// Renders Markdown with counts; needs no store, so front ends may call it before opening one.
pub fn render_markdown(markdown: &str) -> ApiResult<RenderedMarkdown> {
    check_body_size(markdown)?;
    let counts = newsroom_markdown::counts(markdown);
    Ok(RenderedMarkdown {
        html: newsroom_markdown::render(markdown),
        words: counts.words as u32,
        characters: counts.characters as u32,
    })
}
