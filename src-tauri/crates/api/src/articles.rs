//! Articles: the working copy, revisions, the workflow (`newsroom-articles`), and the ninjs
//! export of a piece (`newsroom-ninjs`).

use std::path::Path;

use chrono::Utc;

use newsroom_profile::actor;

use crate::{
    Api, ApiResult, Article, ArticleFields, ArticlePhoto, ArticleSummary, ChecklistRule, DemoRemoved,
    FieldLimits, ImportedArticle, IndexProgress, ListQuery, Queue, Rendition, Revision, RevisionSummary,
    SaveRequest, Status, StatusChange, StatusRequest, TrashedArticle,
};

impl Api {
    pub fn article_list(&self) -> ApiResult<Vec<ArticleSummary>> {
        Ok(newsroom_articles::list(&*self.conn()?)?)
    }

    /// Builds a missing search index on a connection of its own (the editor saves meanwhile),
    /// reporting progress to `progress` and to [`Api::search_index_progress`].
    pub fn search_index_build(&self, progress: &mut dyn FnMut(IndexProgress)) -> ApiResult<()> {
        let conn = self.network_conn()?;
        if !newsroom_articles::search_index_needs_build(&conn)? {
            return Ok(());
        }
        let mut report = |done, total| {
            let now = IndexProgress { done, total };
            if let Ok(mut slot) = self.indexing.lock() {
                *slot = Some(now);
            }
            progress(now);
        };
        let built = newsroom_articles::build_search_index(&conn, &mut report);
        if let Ok(mut slot) = self.indexing.lock() {
            *slot = None;
        }
        Ok(built?)
    }

    /// How far a background build of the search index has come; none when none runs.
    pub fn search_index_progress(&self) -> Option<IndexProgress> {
        self.indexing.lock().ok().and_then(|p| *p)
    }

    /// The article list the desk's queues show: filtered and counted by the store.
    pub fn article_queue(&self, query: &ListQuery) -> ApiResult<Queue> {
        let conn = self.conn()?;
        let now = Utc::now();
        Ok(Queue {
            articles: newsroom_articles::queue(&conn, query, now)?,
            counts: newsroom_articles::status_counts(&conn, query, now)?,
            trashed: newsroom_articles::trash_count(&conn)?,
        })
    }

    /// Search among the pieces in one state (when given), at most `limit` of them.
    pub fn article_search_in(
        &self,
        query: &str,
        status: Option<Status>,
        limit: u32,
    ) -> ApiResult<Vec<ArticleSummary>> {
        Ok(newsroom_articles::search_in(
            &*self.conn()?,
            query,
            status,
            limit as usize,
        )?)
    }

    pub fn article_search(&self, query: &str) -> ApiResult<Vec<ArticleSummary>> {
        Ok(newsroom_articles::search(&*self.conn()?, query)?)
    }

    pub fn article_get(&self, id: &str) -> ApiResult<Article> {
        Ok(newsroom_articles::get(&*self.conn()?, id)?)
    }

    pub fn article_create(&self, fields: &ArticleFields) -> ApiResult<Article> {
        let conn = self.conn()?;
        Ok(newsroom_articles::create(
            &conn,
            fields,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    pub fn article_save(&self, request: &SaveRequest) -> ApiResult<Article> {
        let conn = self.conn()?;
        Ok(newsroom_articles::save(
            &conn,
            &request.id,
            request.base_version,
            &request.fields,
            request.kind,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// How many example pieces the store holds as they were added (the UI offers to remove them).
    pub fn demo_count(&self) -> ApiResult<u32> {
        Ok(newsroom_articles::demo_pieces(&*self.conn()?)?.len() as u32)
    }

    /// Adds the example pieces ("try with examples"), unless they are there already; returns
    /// how many were added.
    pub fn demo_add(&self) -> ApiResult<u32> {
        let added = newsroom_articles::add_demo_content(&*self.conn()?, Utc::now())?;
        Ok(added as u32)
    }

    /// Removes the example pieces for good, keeping any that went further than a draft.
    pub fn demo_remove(&self) -> ApiResult<DemoRemoved> {
        let (removed, kept) = newsroom_articles::remove_demo_content(&*self.conn()?, Utc::now())?;
        Ok(DemoRemoved { removed, kept })
    }

    /// Moves a draft no site has to the trash; any other piece is spiked instead.
    pub fn article_trash(&self, id: &str) -> ApiResult<()> {
        Ok(newsroom_articles::trash(&*self.conn()?, id, Utc::now())?)
    }

    /// Takes a piece out of the trash, back into the drafts.
    pub fn article_restore_from_trash(&self, id: &str) -> ApiResult<()> {
        Ok(newsroom_articles::restore_from_trash(&*self.conn()?, id)?)
    }

    /// What the trash holds, most recently deleted first.
    pub fn article_trash_list(&self) -> ApiResult<Vec<TrashedArticle>> {
        Ok(newsroom_articles::trash_list(&*self.conn()?)?)
    }

    /// Deletes one piece in the trash for good; nothing outside the trash is deleted.
    pub fn article_delete_from_trash(&self, id: &str) -> ApiResult<()> {
        Ok(newsroom_articles::delete_from_trash(&*self.conn()?, id)?)
    }

    /// Deletes everything in the trash for good; returns how many pieces went.
    pub fn article_empty_trash(&self) -> ApiResult<u32> {
        Ok(newsroom_articles::empty_trash(&*self.conn()?, None)?)
    }

    /// The headline's limit and the sapo's advised length, for the counters beside the fields.
    pub fn article_limits() -> FieldLimits {
        FieldLimits {
            headline: newsroom_articles::MAX_HEADLINE_CHARS as u32,
            sapo: newsroom_articles::ADVISED_SAPO_CHARS as u32,
        }
    }

    /// Forgets a piece made and left without anything written in it; says whether it did.
    pub fn article_discard_if_blank(&self, id: &str) -> ApiResult<bool> {
        Ok(newsroom_articles::discard_if_blank(&*self.conn()?, id)?)
    }

    /// Imports a Markdown file as a new draft; a file in an old Vietnamese code is converted,
    /// and the answer says what was converted.
    pub fn article_import(&self, path: &Path) -> ApiResult<ImportedArticle> {
        let conn = self.conn()?;
        Ok(newsroom_articles::import_markdown(
            &conn,
            path,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Moves a piece to another workflow state. Entering a state that sends the piece
    /// (submitting, publishing) queues its push to every backend in the same transaction, so a
    /// piece is never marked sent without being on its way.
    pub fn article_set_status(&self, request: &StatusRequest) -> ApiResult<Article> {
        self.move_and_send(|tx, now| {
            let change = newsroom_articles::Move {
                to: request.to,
                from: request.from,
                by: &actor(tx),
                note: &request.note,
            };
            // A piece handed to the desk or published goes to a section the site has (or may
            // be given), said here before anything is sent rather than failing on the way.
            let current = newsroom_articles::get(tx, &request.id)?;
            if matches!(request.to, Status::Submitted | Status::Published) {
                newsroom_sync::check_section(tx, &current.section)?;
            }
            // A site that would refuse to publish the piece, or to take it down, for this
            // user is named before anything moves.
            if request.to == Status::Published {
                newsroom_sync::check_may_publish(tx, &request.id, "publish this piece")?;
            } else if request.to == Status::Spiked && current.status == Status::Published {
                newsroom_sync::check_may_publish(tx, &request.id, "take this piece off the site")?;
            }
            let article = newsroom_articles::set_status(tx, &request.id, change, now)?;
            let queued = newsroom_sync::enqueue_on_entry(tx, &request.id, request.to, now)?;
            Ok((article, queued))
        })
    }

    /// Moves a piece in one transaction with queueing what the move sends (`moved` returns the
    /// piece and whether anything was queued), so a move is never recorded without being on its
    /// way; then wakes the worker, with the store released, when something was queued.
    pub(crate) fn move_and_send(
        &self,
        moved: impl FnOnce(&rusqlite::Connection, chrono::DateTime<Utc>) -> ApiResult<(Article, bool)>,
    ) -> ApiResult<Article> {
        let conn = self.conn()?;
        let (article, queued) = newsroom_store::write(&conn, |tx| moved(tx, Utc::now()))?;
        drop(conn);
        if queued {
            self.poke_worker();
        }
        Ok(article)
    }

    /// Submits (or publishes) a piece: [`Api::article_set_status`] to that state.
    pub fn article_submit_or_publish(&self, id: &str, publish: bool) -> ApiResult<Article> {
        let to = if publish {
            Status::Published
        } else {
            Status::Submitted
        };
        self.article_set_status(&StatusRequest {
            id: id.to_owned(),
            to,
            from: None,
            note: String::new(),
        })
    }

    pub fn article_checklist(&self, id: &str) -> ApiResult<Vec<ChecklistRule>> {
        let conn = self.conn()?;
        let article = newsroom_articles::get(&conn, id)?;
        Ok(newsroom_articles::checklist(&conn, &article)?)
    }

    pub fn article_status_history(&self, id: &str) -> ApiResult<Vec<StatusChange>> {
        Ok(newsroom_articles::status_history(&*self.conn()?, id)?)
    }

    /// The article as an IPTC ninjs 2.1 document, its pictures' renditions as `file:` URLs of
    /// the stored files (the push adapter gives uploaded URLs instead).
    pub fn article_export_ninjs(&self, id: &str) -> ApiResult<serde_json::Value> {
        let dir = self.photos_dir();
        let rendition =
            |item: &ArticlePhoto, which: Rendition| newsroom_ninjs::stored_rendition(&dir, item, which);
        Ok(newsroom_ninjs::article_document(&*self.conn()?, id, &rendition)?)
    }

    pub fn revision_list(&self, article_id: &str) -> ApiResult<Vec<RevisionSummary>> {
        Ok(newsroom_articles::list_revisions(&*self.conn()?, article_id)?)
    }

    pub fn revision_get(&self, revision_id: i64) -> ApiResult<Revision> {
        Ok(newsroom_articles::get_revision(&*self.conn()?, revision_id)?)
    }

    pub fn revision_restore(&self, revision_id: i64) -> ApiResult<Article> {
        let conn = self.conn()?;
        Ok(newsroom_articles::restore_revision(
            &conn,
            revision_id,
            &actor(&conn),
            Utc::now(),
        )?)
    }
}
