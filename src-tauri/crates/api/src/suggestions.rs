//! People and organisations found in a text (`newsroom-suggestions`), settled against the
//! directory and the article's tags (`newsroom-entities`).

use chrono::Utc;
use newsroom_profile::actor;

use crate::{AcceptSuggestion, Api, ApiResult, ArticleTag, EntityKind, NeverSuggested, Suggestions};

impl Api {
    /// Suggestions for a text against the directory, without the names the newsroom has
    /// stopped, nor (when an article is named) the ones rejected for it or already tagged on it.
    pub fn suggestions(&self, article_id: Option<&str>, text: &str) -> ApiResult<Suggestions> {
        let mut found = newsroom_suggestions::suggest(text, &*self.known_entities()?);
        newsroom_entities::leave_out_settled(&*self.conn()?, article_id, &mut found)?;
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

    /// Never suggests `name` as a `kind` again, in any article (the newsroom's word that it is
    /// not one).
    pub fn suggestion_never(&self, kind: EntityKind, name: &str) -> ApiResult<()> {
        let conn = self.conn()?;
        newsroom_entities::never_suggest(&conn, kind, name, &actor(&conn), Utc::now())?;
        Ok(())
    }

    /// Lets the suggester offer a stopped name again; whether it had been stopped.
    pub fn suggestion_allow(&self, kind: EntityKind, name: &str) -> ApiResult<bool> {
        Ok(newsroom_entities::suggest_again(&*self.conn()?, kind, name)?)
    }

    /// The names the newsroom has stopped.
    pub fn suggestions_never(&self) -> ApiResult<Vec<NeverSuggested>> {
        Ok(newsroom_entities::never_suggested(&*self.conn()?)?)
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
