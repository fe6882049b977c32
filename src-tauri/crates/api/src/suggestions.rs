//! People and organisations found in a text (`newsroom-suggestions`), settled against the
//! directory and the article's tags (`newsroom-entities`).

use chrono::Utc;

use crate::{AcceptSuggestion, Api, ApiResult, ArticleTag, EntityKind, Suggestions};

impl Api {
    /// Suggestions for a text against the directory, without the ones rejected for this
    /// article or already tagged on it (when an article is named).
    pub fn suggestions(&self, article_id: Option<&str>, text: &str) -> ApiResult<Suggestions> {
        let mut found = newsroom_suggestions::suggest(text, &*self.known_entities()?);
        if let Some(article_id) = article_id {
            newsroom_entities::leave_out_settled(&*self.conn()?, article_id, &mut found)?;
        }
        Ok(found)
    }

    /// Tags the article with the suggestion (and its role), in one transaction.
    pub fn suggestion_accept(&self, accept: &AcceptSuggestion) -> ApiResult<ArticleTag> {
        let (tag, changed) = newsroom_entities::accept_suggestion(&*self.conn()?, accept, Utc::now())?;
        if changed {
            self.directory_changed();
        }
        Ok(tag)
    }

    pub fn suggestion_reject(&self, article_id: &str, kind: EntityKind, name: &str) -> ApiResult<()> {
        Ok(newsroom_entities::reject_suggestion(
            &*self.conn()?,
            article_id,
            kind,
            name,
        )?)
    }
}
