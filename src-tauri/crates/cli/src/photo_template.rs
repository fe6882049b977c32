//! `newsroom photo template …`: the photo desk's metadata templates.

use newsroom_api::{Api, ApiError, PhotoTemplate, TemplateFields};

use crate::args::TemplateCommand;
use crate::io::print_json;

pub fn run(api: &Api, command: TemplateCommand) -> Result<(), ApiError> {
    match command {
        TemplateCommand::Save {
            name,
            caption,
            city,
            province,
            country,
            event,
            instructions,
            job_id,
            headline,
            credit,
            creator,
            copyright,
            alt,
            keywords,
        } => {
            let template = PhotoTemplate {
                name,
                fields: TemplateFields {
                    description: caption.unwrap_or_default(),
                    headline: headline.unwrap_or_default(),
                    credit: credit.unwrap_or_default(),
                    creator: creator.unwrap_or_default(),
                    copyright: copyright.unwrap_or_default(),
                    alt_text: alt.unwrap_or_default(),
                    keywords,
                    city: city.unwrap_or_default(),
                    province: province.unwrap_or_default(),
                    country: country.unwrap_or_default(),
                    event: event.unwrap_or_default(),
                    instructions: instructions.unwrap_or_default(),
                    job_id: job_id.unwrap_or_default(),
                },
            };
            println!("{}", api.photo_template_save(&template)?.name);
        }
        TemplateCommand::List { json } => {
            let all = api.photo_templates()?;
            if json {
                print_json(&all);
            } else {
                for template in all {
                    println!("{}  {}", template.name, template.fields.description);
                }
            }
        }
        TemplateCommand::Apply { name, ids, json } => {
            let photos = api.photo_template_apply(&name, &ids)?;
            if json {
                print_json(&photos);
            } else {
                for photo in photos {
                    println!("{}  {}", photo.id, photo.description);
                }
            }
        }
        TemplateCommand::Remove { name } => api.photo_template_remove(&name)?,
        TemplateCommand::Export { file } => match file {
            Some(path) => api.photo_templates_export_file(&path)?,
            None => println!("{}", api.photo_templates_export()?),
        },
        TemplateCommand::Import { file } => {
            println!("{} templates", api.photo_templates_import_file(&file)?);
        }
    }
    Ok(())
}
