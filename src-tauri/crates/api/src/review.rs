//! The desk's review (`newsroom-review`): comparing versions, comments on passages, proposed
//! edits. Everything a person does here is recorded under the profile's name.

use chrono::Utc;
use newsroom_profile::actor;

use crate::{Anchor, Api, ApiResult, Article, ArticleDiff, Proposal, Thread, VersionRef};

impl Api {
    /// What changed between two versions of a piece, word by word and by whom.
    pub fn article_diff(&self, article_id: &str, from: VersionRef, to: VersionRef) -> ApiResult<ArticleDiff> {
        Ok(newsroom_review::compare(&*self.conn()?, article_id, from, to)?)
    }

    /// Every comment thread on a piece, each found again in the current body.
    pub fn comment_threads(&self, article_id: &str) -> ApiResult<Vec<Thread>> {
        Ok(newsroom_review::threads(&*self.conn()?, article_id)?)
    }

    /// Starts a thread on a passage.
    pub fn comment_add(&self, article_id: &str, anchor: &Anchor, text: &str) -> ApiResult<Thread> {
        let conn = self.conn()?;
        Ok(newsroom_review::add_thread(
            &conn,
            article_id,
            anchor,
            text,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Starts a thread on the first passage reading `quote` (the CLI names passages by their
    /// words).
    pub fn comment_add_on_quote(&self, article_id: &str, quote: &str, text: &str) -> ApiResult<Thread> {
        let anchor = newsroom_review::anchor_for_quote(&*self.conn()?, article_id, quote)?;
        self.comment_add(article_id, &anchor, text)
    }

    pub fn comment_reply(&self, thread_id: &str, text: &str) -> ApiResult<Thread> {
        let conn = self.conn()?;
        Ok(newsroom_review::reply(
            &conn,
            thread_id,
            text,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Resolves a thread, or opens it again.
    pub fn comment_resolve(&self, thread_id: &str, resolved: bool) -> ApiResult<Thread> {
        let conn = self.conn()?;
        Ok(newsroom_review::set_resolved(
            &conn,
            thread_id,
            resolved,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// The open proposals on a piece.
    pub fn proposal_list(&self, article_id: &str) -> ApiResult<Vec<Proposal>> {
        Ok(newsroom_review::proposals(&*self.conn()?, article_id)?)
    }

    /// Proposes replacing the passage `anchor` names by `replacement` (suggestion mode).
    pub fn proposal_add(&self, article_id: &str, anchor: &Anchor, replacement: &str) -> ApiResult<Proposal> {
        let conn = self.conn()?;
        Ok(newsroom_review::propose(
            &conn,
            article_id,
            anchor,
            replacement,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Turns what the desk typed in suggestion mode over `base` (the body shown) into
    /// proposals; the body is not changed.
    pub fn proposal_from_edit(&self, article_id: &str, base: &str, edited: &str) -> ApiResult<Vec<Proposal>> {
        let conn = self.conn()?;
        Ok(newsroom_review::propose_edit(
            &conn,
            article_id,
            base,
            edited,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Accepts (a save with a revision) or rejects one proposal; returns the piece as it now is.
    pub fn proposal_settle(&self, proposal_id: &str, accept: bool) -> ApiResult<Article> {
        let conn = self.conn()?;
        Ok(newsroom_review::settle(
            &conn,
            proposal_id,
            accept,
            &actor(&conn),
            Utc::now(),
        )?)
    }

    /// Accepts or rejects every open proposal on a piece that still applies.
    pub fn proposal_settle_all(&self, article_id: &str, accept: bool) -> ApiResult<Article> {
        let conn = self.conn()?;
        Ok(newsroom_review::settle_all(
            &conn,
            article_id,
            accept,
            &actor(&conn),
            Utc::now(),
        )?)
    }
}
