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
use std::sync::{Mutex, MutexGuard};

use chrono::Utc;
use rusqlite::Connection;

pub use bindings::typescript_bindings;
pub use error::{ApiError, ApiResult, ErrorCode};
pub use models::{RenderedMarkdown, SaveRequest, StatusRequest};
pub use newsroom_articles::{
    Article, ArticleFields, ArticleSummary, ChecklistRule, Revision, RevisionReason, RevisionSummary,
    SaveKind, Status, StatusChange,
};

/// The application's state: the open store.
pub struct Api {
    conn: Mutex<Connection>,
    data_dir: PathBuf,
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
