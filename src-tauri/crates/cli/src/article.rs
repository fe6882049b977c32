//! `newsroom article …`: import, list, show, render, submit, publish, export and tag pieces.

use newsroom_api::{Api, ApiError, ErrorCode};
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
            let article = api.article_import(&file)?;
            println!("{}", article.id);
        }
        ArticleCommand::List { json } => {
            let rows = api.article_list()?;
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
                    println!(
                        "{}  {:<10} {:>6}  {}",
                        a.id,
                        a.status.as_str(),
                        a.word_count,
                        a.headline
                    );
                }
            }
        }
        ArticleCommand::Show { id, json } => {
            let article = api.article_get(&id)?;
            if json {
                print_json(&article);
            } else {
                println!(
                    "# {}\n\n**{}**\n\n{}\n\n{}",
                    article.headline, article.sapo, article.body, article.byline
                );
            }
        }
        ArticleCommand::Render { id } => print!("{}", api.article_render(&id, "photo:")?),
        ArticleCommand::Submit { id } => {
            let article = api.article_submit_or_publish(&id, false)?;
            println!("{} {}", article.id, article.status.as_str());
        }
        ArticleCommand::Publish { id } => {
            let article = api.article_submit_or_publish(&id, true)?;
            println!("{} {}", article.id, article.status.as_str());
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
                None => println!("{text}"),
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
                    println!(
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
