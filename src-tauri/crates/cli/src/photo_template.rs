//! `newsroom photo template …`: the photo desk's metadata templates.

use crate::io::outln;
use newsroom_api::{Api, ApiError, PhotoTemplate, TemplateFields};

use crate::args::TemplateCommand;
use crate::io::print_json;

pub fn run(api: &Api, command: TemplateCommand) -> Result<(), ApiError> {
    match command {
        TemplateCommand::Save {
            name,
            fields,
            keywords,
        } => {
            let text = |field: Option<String>| field.unwrap_or_default();
            let template = PhotoTemplate {
                name,
                fields: TemplateFields {
                    description: text(fields.caption),
                    headline: text(fields.headline),
                    credit: text(fields.credit),
                    creator: text(fields.creator),
                    copyright: text(fields.copyright),
                    alt_text: text(fields.alt),
                    keywords,
                    city: text(fields.city),
                    province: text(fields.province),
                    country: text(fields.country),
                    event: text(fields.event),
                    instructions: text(fields.instructions),
                    job_id: text(fields.job_id),
                },
            };
            outln!("{}", api.photo_template_save(&template)?.name);
        }
        TemplateCommand::List { json } => {
            let all = api.photo_templates()?;
            if json {
                print_json(&all);
            } else {
                for template in all {
                    outln!("{}  {}", template.name, template.fields.description);
                }
            }
        }
        TemplateCommand::Apply { name, ids, json } => {
            let photos = api.photo_template_apply(&name, &ids)?;
            if json {
                print_json(&photos);
            } else {
                for photo in photos {
                    outln!("{}  {}", photo.id, photo.description);
                }
            }
        }
        TemplateCommand::Remove { name } => api.photo_template_remove(&name)?,
        TemplateCommand::Export { file } => match file {
            Some(path) => api.photo_templates_export_file(&path)?,
            None => outln!("{}", api.photo_templates_export()?),
        },
        TemplateCommand::Import { file } => {
            outln!("{} templates", api.photo_templates_import_file(&file)?);
        }
    }
    Ok(())
}
