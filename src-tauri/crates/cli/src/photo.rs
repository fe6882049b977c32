//! `newsroom photo …`: import, caption, export and list photos.

use newsroom_api::{Api, ApiError, ErrorCode};
use serde::Serialize;

use crate::args::PhotoCommand;
use crate::io::print_json;

/// One line of `photo import --json`: the photo, or the error for that file.
#[derive(Serialize)]
struct ImportLine {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<newsroom_api::ReadMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ApiError>,
}

pub fn run(api: Api, command: PhotoCommand) -> Result<(), ApiError> {
    match command {
        PhotoCommand::Import { files, article, json } => {
            let mut lines = Vec::new();
            for file in &files {
                let line = match api.photo_import_file(file, article.as_deref()) {
                    Ok(imported) => ImportLine {
                        file: file.display().to_string(),
                        id: Some(imported.photo.id.clone()),
                        width: Some(imported.photo.width),
                        height: Some(imported.photo.height),
                        created: Some(imported.created),
                        metadata: Some(imported.metadata),
                        error: None,
                    },
                    Err(error) => ImportLine {
                        file: file.display().to_string(),
                        id: None,
                        width: None,
                        height: None,
                        created: None,
                        metadata: None,
                        error: Some(error),
                    },
                };
                if !json {
                    match (&line.id, &line.error) {
                        (Some(id), _) => println!(
                            "{id}  {}×{}  {}",
                            line.width.unwrap_or(0),
                            line.height.unwrap_or(0),
                            line.file
                        ),
                        (_, Some(error)) => eprintln!("error: {}", error.message),
                        _ => {}
                    }
                }
                lines.push(line);
            }
            if json {
                print_json(&lines);
            }
            let failed = lines.iter().filter(|l| l.error.is_some()).count();
            if failed > 0 {
                return Err(ApiError::new(
                    lines
                        .iter()
                        .find_map(|l| l.error.as_ref())
                        .map(|e| e.code)
                        .unwrap_or(ErrorCode::Internal),
                    format!("{failed} of {} files could not be imported", lines.len()),
                ));
            }
        }
        PhotoCommand::Caption {
            id,
            caption,
            credit,
            creator,
            copyright,
            alt,
            people,
            json,
        } => {
            let change = newsroom_api::PhotoEdit {
                description: caption,
                credit,
                creator,
                copyright,
                alt_text: alt,
                people: (!people.is_empty()).then_some(people),
                ..Default::default()
            };
            let photo = api.photo_edit(&id, &change)?;
            if json {
                print_json(&photo);
            } else {
                println!("{}", photo.id);
            }
        }
        PhotoCommand::Export {
            id,
            out,
            rendition,
            article,
        } => {
            let rendition =
                newsroom_api::Rendition::parse(&rendition).unwrap_or(newsroom_api::Rendition::Original);
            api.photo_export(&id, rendition, article.as_deref(), &out)?;
        }
        PhotoCommand::List {
            missing,
            article,
            json,
        } => {
            let query = newsroom_api::PhotoQuery {
                missing: missing.as_deref().and_then(newsroom_api::RequiredField::parse),
                article_id: article,
                ..Default::default()
            };
            let page = api.photo_list(&query)?;
            if json {
                print_json(&page.photos);
            } else {
                for photo in &page.photos {
                    println!(
                        "{}  {}×{}  {}  {}",
                        photo.id, photo.width, photo.height, photo.original_name, photo.description
                    );
                }
            }
        }
    }
    Ok(())
}
