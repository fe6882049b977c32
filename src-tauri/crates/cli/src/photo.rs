//! `newsroom photo …`: import, caption, export and list photos.

use crate::io::outln;
use newsroom_api::{
    Api, ApiError, ColourLabel, Crop, CropRequest, ErrorCode, Focal, Photo, PhotoEdit, PhotoSort, Pick,
};
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
        PhotoCommand::Import {
            files,
            article,
            template,
            json,
        } => {
            let files = api.photo_files(&files)?;
            let outcomes =
                api.photo_import_batch(&files, article.as_deref(), template.as_deref(), &mut |_| {});
            let mut lines = Vec::new();
            for (file, outcome) in files.iter().zip(outcomes) {
                let line = match outcome {
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
                        (Some(id), _) => outln!(
                            "{id}  {}×{}  {}{}",
                            line.width.unwrap_or(0),
                            line.height.unwrap_or(0),
                            line.file,
                            if line.created == Some(false) {
                                "  (already in the library)"
                            } else {
                                ""
                            }
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
            ids,
            fields,
            people,
            json,
        } => {
            // The newsroom's codes expand here as they do in the app's fields (`=hn=` → Hà Nội).
            let expand = |field: Option<String>| field.map(|text| api.shortcut_expand(&text)).transpose();
            let change = PhotoEdit {
                description: expand(fields.caption)?,
                headline: expand(fields.headline)?,
                credit: expand(fields.credit)?,
                creator: expand(fields.creator)?,
                copyright: expand(fields.copyright)?,
                alt_text: expand(fields.alt)?,
                city: expand(fields.city)?,
                province: expand(fields.province)?,
                country: expand(fields.country)?,
                event: expand(fields.event)?,
                instructions: expand(fields.instructions)?,
                job_id: expand(fields.job_id)?,
                people: (!people.is_empty()).then_some(people),
                ..Default::default()
            };
            changed(&api, &ids, &change, json)?;
        }
        PhotoCommand::Template(command) => crate::photo_template::run(&api, command)?,
        PhotoCommand::ExportDir { dir, ids, rendition } => {
            let rendition =
                newsroom_api::Rendition::parse(&rendition).unwrap_or(newsroom_api::Rendition::Original);
            let outcomes = api.photo_export_dir(&ids, rendition, &dir);
            let failed = outcomes.iter().filter(|o| o.is_err()).count();
            for (id, outcome) in ids.iter().zip(&outcomes) {
                match outcome {
                    Ok(path) => outln!("{id}  {}", path.display()),
                    Err(err) => eprintln!("error: {id}: {}", err.message),
                }
            }
            if failed > 0 {
                return Err(ApiError::new(
                    outcomes
                        .iter()
                        .find_map(|o| o.as_ref().err())
                        .map(|e| e.code)
                        .unwrap_or(ErrorCode::Internal),
                    format!("{failed} of {} photos could not be written", ids.len()),
                ));
            }
        }
        PhotoCommand::Crop {
            id,
            rect,
            aspect,
            focal,
            none,
            json,
        } => {
            if rect.is_none() && aspect.is_none() && focal.is_none() && !none {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    "say how to crop: --rect X,Y,W,H, --aspect W:H, --focal X,Y or --none",
                ));
            }
            let photo = api.photo_get(&id)?;
            let request = CropRequest {
                rect: rect.as_deref().map(parse_rect).transpose()?,
                aspect: match (aspect.as_deref(), none) {
                    (Some(aspect), _) => Some(parse_pair(aspect, ':')?),
                    // A focal point alone moves the crop already there (same size) onto it.
                    (None, false) if rect.is_none() => photo.framing.crop.map(|c| (c.width, c.height)),
                    _ => None,
                },
                focal: focal.as_deref().map(parse_focal).transpose()?,
            };
            print_photos(&[api.photo_crop(&id, &request)?], json);
        }
        PhotoCommand::Rotate { id, degrees, json } => {
            let degrees: i32 = degrees.parse().unwrap_or(90);
            print_photos(&[api.photo_rotate(&id, degrees)?], json);
        }
        PhotoCommand::Straighten { id, degrees, json } => {
            print_photos(&[api.photo_straighten(&id, degrees)?], json);
        }
        PhotoCommand::Rate { ids, stars, json } => {
            let change = PhotoEdit {
                rating: Some(stars),
                ..Default::default()
            };
            changed(&api, &ids, &change, json)?;
        }
        PhotoCommand::Pick { ids, json } => marked(&api, &ids, Pick::Picked, json)?,
        PhotoCommand::Reject { ids, json } => marked(&api, &ids, Pick::Rejected, json)?,
        PhotoCommand::Unmark { ids, json } => marked(&api, &ids, Pick::Unmarked, json)?,
        PhotoCommand::Label { ids, colour, json } => {
            let change = PhotoEdit {
                label: ColourLabel::parse(&colour),
                ..Default::default()
            };
            changed(&api, &ids, &change, json)?;
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
            min_stars,
            pick,
            hide_rejected,
            label,
            sort,
            json,
        } => {
            let query = newsroom_api::PhotoQuery {
                missing: missing.as_deref().and_then(newsroom_api::RequiredField::parse),
                article_id: article,
                min_stars,
                pick: pick.as_deref().map(|p| match p {
                    "picked" => Pick::Picked,
                    "rejected" => Pick::Rejected,
                    _ => Pick::Unmarked,
                }),
                hide_rejected,
                label: label.as_deref().and_then(ColourLabel::parse),
                sort: PhotoSort::parse(&sort).unwrap_or_default(),
                ..Default::default()
            };
            let page = api.photo_list(&query)?;
            print_photos(&page.photos, json);
        }
    }
    Ok(())
}

/// Applies one change to every photo named and prints them as changed.
fn changed(api: &Api, ids: &[String], change: &PhotoEdit, json: bool) -> Result<(), ApiError> {
    let photos = api.photo_edit_many(ids, change)?;
    print_photos(&photos, json);
    Ok(())
}

fn marked(api: &Api, ids: &[String], pick: Pick, json: bool) -> Result<(), ApiError> {
    let change = PhotoEdit {
        pick: Some(pick),
        ..Default::default()
    };
    changed(api, ids, &change, json)
}

/// One line a photo: id, framed size, stars, mark, label, file name and caption.
fn print_photos(photos: &[Photo], json: bool) {
    if json {
        print_json(&photos);
        return;
    }
    for photo in photos {
        let stars = "★".repeat(photo.rating as usize) + &"☆".repeat(5 - photo.rating.min(5) as usize);
        let mark = match photo.pick {
            Pick::Picked => "picked",
            Pick::Rejected => "rejected",
            Pick::Unmarked => "-",
        };
        let label = match photo.label.as_str() {
            "" => "-",
            colour => colour,
        };
        // The size the site receives: the framed picture's.
        let (width, height) = photo.framing.framed_size(photo.width, photo.height);
        outln!(
            "{}  {width}×{height}  {stars}  {mark}  {label}  {}  {}",
            photo.id,
            photo.original_name,
            photo.description
        );
    }
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// `16:9` → (16, 9).
fn parse_pair(text: &str, separator: char) -> Result<(u32, u32), ApiError> {
    let (a, b) = text
        .split_once(separator)
        .ok_or_else(|| invalid(format!("“{text}”: write two numbers joined by {separator}")))?;
    match (a.trim().parse(), b.trim().parse()) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        _ => Err(invalid(format!(
            "“{text}”: write two whole numbers joined by {separator}"
        ))),
    }
}

/// `X,Y,W,H` in pixels.
fn parse_rect(text: &str) -> Result<Crop, ApiError> {
    let numbers: Vec<u32> = text
        .split(',')
        .map(|n| n.trim().parse())
        .collect::<Result<_, _>>()
        .map_err(|_| invalid(format!("“{text}”: write X,Y,WIDTH,HEIGHT in whole pixels")))?;
    match numbers[..] {
        [x, y, width, height] => Ok(Crop { x, y, width, height }),
        _ => Err(invalid(format!(
            "“{text}”: write X,Y,WIDTH,HEIGHT in whole pixels"
        ))),
    }
}

/// `X,Y` from 0 to 1.
fn parse_focal(text: &str) -> Result<Focal, ApiError> {
    let (x, y) = text
        .split_once(',')
        .and_then(|(x, y)| Some((x.trim().parse().ok()?, y.trim().parse().ok()?)))
        .ok_or_else(|| invalid(format!("“{text}”: write X,Y from 0 to 1, such as 0.5,0.4")))?;
    Ok(Focal { x, y })
}
