//! `newsroom entity …`: the directory of people and organisations.

use newsroom_api::{Api, ApiError, ErrorCode};

use crate::args::EntityCommand;
use crate::io::print_json;

pub fn run(api: Api, command: EntityCommand) -> Result<(), ApiError> {
    match command {
        EntityCommand::Import { file } => print_json(&api.entity_import(&file)?),
        EntityCommand::Export { out, format } => {
            let text = if format == "csv" {
                api.entity_export_csv()?
            } else {
                api.entity_export_json()?
            };
            match out {
                Some(path) => std::fs::write(&path, text).map_err(|e| {
                    ApiError::new(
                        ErrorCode::Storage,
                        format!("{}: cannot write: {e}", path.display()),
                    )
                })?,
                None => print!("{text}"),
            }
        }
        EntityCommand::List { json } => {
            let entities = api.entity_list_all()?;
            if json {
                print_json(&entities);
            } else {
                for e in entities {
                    println!("{:<12} {}", format!("{:?}", e.kind).to_lowercase(), e.name);
                }
            }
        }
    }
    Ok(())
}
