//! `newsroom article …`: import, list, show, render, submit, publish, export and tag pieces.

use crate::io::{out, outln};
use newsroom_api::{
    Action, Api, ApiError, ArticleDiff, ArticleSummary, Change, ErrorCode, ListQuery, Status, StatusRequest,
    VersionRef,
};
use serde::Serialize;

use crate::args::ArticleCommand;
use crate::io::print_json;

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    headline: &'a str,
    status: newsroom_api::Status,
    updated_at: String,
    word_count: u32,
}

pub fn run(api: Api, command: ArticleCommand) -> Result<(), ApiError> {
    match command {
        ArticleCommand::Import { file } => {
            let imported = api.article_import(&file)?;
            if let Some(conversion) = &imported.conversion {
                crate::io::report_conversion(&file.display().to_string(), conversion);
            }
            outln!("{}", imported.article.id);
        }
        ArticleCommand::List {
            status,
            limit,
            after,
            json,
        } => {
            let query = ListQuery {
                status: status.as_deref().and_then(Status::parse),
                mine: None,
                section: None,
                days: None,
                limit,
                after,
            };
            print_rows(&api.article_queue(&query)?.articles, json);
        }
        ArticleCommand::Search {
            query,
            status,
            limit,
            json,
        } => {
            let status = status.as_deref().and_then(Status::parse);
            print_rows(&api.article_search_in(&query, status, limit)?, json);
        }
        ArticleCommand::Show { id, json } => {
            let article = api.article_get(&id)?;
            if json {
                print_json(&article);
            } else {
                outln!(
                    "# {}\n\n**{}**\n\n{}\n\n{}",
                    article.headline,
                    article.sapo,
                    article.body,
                    article.byline
                );
            }
        }
        ArticleCommand::Render { id } => out!("{}", api.article_render(&id, "photo:")?),
        ArticleCommand::Submit { id } => {
            let article = api.article_submit_or_publish(&id, false)?;
            outln!("{} {}", article.id, article.status.as_str());
        }
        ArticleCommand::Review { id } => moved(&api, &id, Status::InReview, "")?,
        ArticleCommand::Approve { id } => moved(&api, &id, Status::Approved, "")?,
        ArticleCommand::Return { id, note } => moved(&api, &id, Status::Returned, &note)?,
        ArticleCommand::Spike { id, note } => moved(&api, &id, Status::Spiked, &note)?,
        ArticleCommand::Unpublish { id, note } => {
            let article = api.article_set_status(&StatusRequest {
                id,
                to: Status::Spiked,
                from: Some(Status::Published),
                note,
            })?;
            outln!("{} {}", article.id, article.status.as_str());
        }
        ArticleCommand::Unspike { id } => moved(&api, &id, Status::Draft, "")?,
        command @ (ArticleCommand::Edit { .. }
        | ArticleCommand::Correct { .. }
        | ArticleCommand::Schedule { .. }
        | ArticleCommand::Embargo { .. }) => crate::publication::run(&api, command)?,
        ArticleCommand::Delete { id } => {
            api.article_trash(&id)?;
            outln!("{id} trashed");
        }
        ArticleCommand::Trash {
            restore,
            purge,
            empty,
            json,
        } => {
            if let Some(id) = restore {
                api.article_restore_from_trash(&id)?;
                outln!("{id} restored");
            } else if let Some(id) = purge {
                api.article_delete_from_trash(&id)?;
                outln!("{id} deleted");
            } else if empty {
                outln!("{} deleted", api.article_empty_trash()?);
            } else {
                let trashed = api.article_trash_list()?;
                if json {
                    print_json(&trashed);
                } else {
                    for t in trashed {
                        let when = t.trashed_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                        outln!("{}  {when}  {}", t.article.id, t.article.headline);
                    }
                }
            }
        }
        ArticleCommand::Withdraw { id } => {
            // Only before review starts: the piece must still be as it was handed in.
            let article = api.article_set_status(&StatusRequest {
                id,
                to: Status::Draft,
                from: Some(Status::Submitted),
                note: String::new(),
            })?;
            outln!("{} {}", article.id, article.status.as_str());
        }
        ArticleCommand::History { id, json } => {
            let history = api.article_status_history(&id)?;
            if json {
                print_json(&history);
            } else {
                for c in history {
                    let when = c.changed_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                    let note = if c.note.is_empty() {
                        String::new()
                    } else {
                        format!("  “{}”", c.note)
                    };
                    let what = match (c.action, c.at_time) {
                        (Action::Move, _) => format!("{} → {}", c.from.as_str(), c.to.as_str()),
                        (action, Some(at)) => format!(
                            "{} {}",
                            action.as_str(),
                            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                        ),
                        (Action::Schedule | Action::Embargo, None) => format!("{} lifted", c.action.as_str()),
                        (action, None) => action.as_str().to_owned(),
                    };
                    outln!("{when}  {what}  {}{note}", c.changed_by);
                }
            }
        }
        ArticleCommand::Lock {
            id,
            take,
            take_over,
            release,
        } => {
            let lock = if take_over {
                api.piece_take_over(&id)?
            } else if take {
                api.piece_lock_take(&id)?
            } else if release {
                api.piece_release(&id)?
            } else {
                api.piece_lock(&id)?
            };
            print_json(&lock);
        }
        ArticleCommand::Diff { id, from, to, json } => {
            let diff = api.article_diff(&id, version(&from)?, version(&to)?)?;
            if json {
                print_json(&diff);
            } else {
                print_diff(&diff);
            }
        }
        ArticleCommand::Publish { id } => {
            let article = api.article_submit_or_publish(&id, true)?;
            outln!("{} {}", article.id, article.status.as_str());
        }
        ArticleCommand::Export { id, format, out } if format == "docx" => {
            let Some(path) = out else {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    "a Word document is written to a file: add --out FILE.docx",
                ));
            };
            api.article_docx_file(&id, &path)?;
            outln!("{}", path.display());
        }
        ArticleCommand::Export { id, format: _, out } => {
            let document = api.article_export_ninjs(&id)?;
            let text = serde_json::to_string_pretty(&document).expect("JSON values serialise");
            match out {
                Some(path) => std::fs::write(&path, text + "\n").map_err(|e| {
                    ApiError::new(
                        ErrorCode::Storage,
                        format!("{}: cannot write: {e}", path.display()),
                    )
                })?,
                None => outln!("{text}"),
            }
        }
        ArticleCommand::Tag {
            id,
            people,
            roles,
            orgs,
            json,
        } => {
            // Roles pair with people in the order given; a person without one has none.
            for (i, person) in people.iter().enumerate() {
                let role = roles.get(i).map(String::as_str).unwrap_or_default();
                api.article_tag_by_name(&id, newsroom_api::EntityKind::Person, person, role)?;
            }
            for org in &orgs {
                api.article_tag_by_name(&id, newsroom_api::EntityKind::Organisation, org, "")?;
            }
            let tags = api.article_tags(&id)?;
            if json {
                print_json(&tags);
            } else {
                for t in tags {
                    outln!(
                        "{}{}",
                        t.name,
                        if t.role.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", t.role)
                        }
                    );
                }
            }
        }
    }
    Ok(())
}

/// Article rows, as JSON (id, headline, status, time, words) or one line each.
fn print_rows(rows: &[ArticleSummary], json: bool) {
    if json {
        let rows: Vec<ListRow<'_>> = rows
            .iter()
            .map(|a| ListRow {
                id: &a.id,
                headline: &a.headline,
                status: a.status,
                updated_at: a.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                word_count: a.word_count,
            })
            .collect();
        print_json(&rows);
    } else {
        for a in rows {
            outln!(
                "{}  {:<10} {:>6}  {}",
                a.id,
                a.status.as_str(),
                a.word_count,
                a.headline
            );
        }
    }
}

/// Moves a piece to `to` and prints where it is now.
fn moved(api: &Api, id: &str, to: Status, note: &str) -> Result<(), ApiError> {
    let article = api.article_set_status(&StatusRequest {
        id: id.to_owned(),
        to,
        from: None,
        note: note.to_owned(),
    })?;
    outln!("{} {}", article.id, article.status.as_str());
    Ok(())
}

/// `submitted`, `returned`, `working` or a revision number.
fn version(text: &str) -> Result<VersionRef, ApiError> {
    match text {
        "submitted" => Ok(VersionRef::Submitted),
        "returned" => Ok(VersionRef::Returned),
        "working" | "now" => Ok(VersionRef::Working),
        number => number.parse().map(VersionRef::Revision).map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("a version is submitted, returned, working or a revision number, not {number}"),
            )
        }),
    }
}

/// The diff as a terminal shows it: deletions in [-…-], insertions in {+…+} (as
/// `git diff --word-diff` writes them), each field under its name.
fn print_diff(diff: &ArticleDiff) {
    let show = |segments: &[newsroom_api::Segment]| -> String {
        segments
            .iter()
            .map(|s| match s.change {
                Change::Equal => s.text.clone(),
                Change::Delete => format!("[-{}-]", s.text),
                Change::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    };
    for field in &diff.fields {
        outln!("== {:?}\n{}\n", field.field, show(&field.segments));
    }
    for caption in &diff.captions {
        outln!("== caption {}\n{}\n", caption.photo_id, show(&caption.segments));
    }
    outln!(
        "{} words changed by {}",
        diff.changed_words,
        if diff.authors.is_empty() {
            "nobody".to_owned()
        } else {
            diff.authors.join(", ")
        }
    );
}
