//! `newsroom article edit|correct|schedule|embargo`: a piece's life around its publication.

use crate::io::outln;
use newsroom_api::{ActRequest, Action, Api, ApiError, ErrorCode, FieldEdit};

use crate::args::ArticleCommand;

pub fn run(api: &Api, command: ArticleCommand) -> Result<(), ApiError> {
    let article = match command {
        ArticleCommand::Edit {
            id,
            headline,
            sapo,
            byline,
            body_file,
        } => {
            let body = body_file
                .map(|file| crate::io::read_text(Some(&file)))
                .transpose()?;
            let edit = FieldEdit {
                headline,
                sapo,
                body,
                byline,
            };
            api.article_edit(&id, &edit)?
        }
        ArticleCommand::Correct { id, note } => act(api, id, Action::Correct, note, None)?,
        ArticleCommand::Schedule { id, at, clear: _ } => act(api, id, Action::Schedule, String::new(), at)?,
        ArticleCommand::Embargo { id, until, clear: _ } => {
            act(api, id, Action::Embargo, String::new(), until)?
        }
        _ => unreachable!("article.rs sends only these commands here"),
    };
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    };
    let mut line = format!("{} {}", article.id, article.status.as_str());
    if let Some(at) = when(article.publish_at) {
        line.push_str(&format!(" scheduled {at}"));
    }
    if let Some(until) = when(article.embargo_until) {
        line.push_str(&format!(" embargoed {until}"));
    }
    outln!("{line}");
    Ok(())
}

fn act(
    api: &Api,
    id: String,
    action: Action,
    note: String,
    at: Option<String>,
) -> Result<newsroom_api::Article, ApiError> {
    let at = at
        .map(|text| {
            newsroom_api::parse_newsroom_time(&text).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "{text:?} is not a time: write it as 2026-12-05 08:00 (Vietnam time) or in RFC 3339"
                    ),
                )
            })
        })
        .transpose()?;
    api.article_act(&ActRequest {
        id,
        action,
        from: None,
        note,
        at,
    })
}
