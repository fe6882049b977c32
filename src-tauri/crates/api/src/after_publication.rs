//! After the desk's word: updating and correcting a published piece, scheduling, embargoes
//! (`newsroom-articles` records the move, `newsroom-sync` checks the site's rights and sends).

use newsroom_articles::{Act, Action};
use newsroom_profile::actor;

use crate::{ActRequest, Api, ApiError, ApiResult, Article, ErrorCode, FieldEdit, SaveKind, Status};

/// What a move asks of the site, in the words of the refusal when the account may not.
fn site_right(action: Action, at: bool) -> Option<&'static str> {
    match action {
        Action::Update => Some("update this published piece"),
        Action::Correct => Some("correct this published piece"),
        Action::Schedule if at => Some("schedule this piece for publication"),
        Action::Embargo | Action::Schedule | Action::Move => None,
    }
}

impl Api {
    /// Records an update, a correction, a schedule or an embargo on a piece and sends what it
    /// changes on the sites, in one transaction: the move is never recorded without being on
    /// its way. A site that would refuse this user is named before anything is recorded.
    pub fn article_act(&self, request: &ActRequest) -> ApiResult<Article> {
        let act = match request.action {
            Action::Update => Act::Update { note: &request.note },
            Action::Correct => Act::Correct { note: &request.note },
            Action::Schedule => Act::Schedule { at: request.at },
            Action::Embargo => Act::Embargo { until: request.at },
            Action::Move => {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    "a change of state is asked for with article_set_status",
                ))
            }
        };
        self.move_and_send(|tx, now| {
            if let Some(what) = site_right(request.action, request.at.is_some()) {
                newsroom_sync::check_may_publish(tx, &request.id, what)?;
            }
            let article = newsroom_articles::act(tx, &request.id, act, request.from, &actor(tx), now)?;
            let queued = newsroom_sync::enqueue_after_act(tx, &article, request.action, now)?;
            Ok((article, queued))
        })
    }

    /// Replaces some fields of a piece (the others kept) as a save of its own; a published
    /// piece's new text is then sent to the sites as an update.
    pub fn article_edit(&self, id: &str, edit: &FieldEdit) -> ApiResult<Article> {
        let current = self.article_get(id)?;
        let mut fields = current.fields();
        let replace = |field: &mut String, new: &Option<String>| {
            if let Some(new) = new {
                *field = new.clone();
            }
        };
        replace(&mut fields.headline, &edit.headline);
        replace(&mut fields.sapo, &edit.sapo);
        replace(&mut fields.body, &edit.body);
        replace(&mut fields.byline, &edit.byline);
        let saved = self.article_save(&crate::SaveRequest {
            id: id.to_owned(),
            base_version: current.version,
            fields,
            kind: SaveKind::Manual,
        })?;
        if saved.status != Status::Published || saved.version == current.version {
            return Ok(saved);
        }
        self.article_act(&ActRequest {
            id: id.to_owned(),
            action: Action::Update,
            from: Some(Status::Published),
            note: String::new(),
            at: None,
        })
    }

    /// The piece's corrections, oldest first, as its readers see them.
    pub fn article_corrections(&self, id: &str) -> ApiResult<Vec<newsroom_articles::Correction>> {
        Ok(newsroom_articles::corrections(&*self.conn()?, id)?)
    }
}
