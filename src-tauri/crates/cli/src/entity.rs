//! `newsroom entity …`: the directory of people and organisations.

use crate::io::{out, outln};
use newsroom_api::{Api, ApiError, ErrorCode};

use crate::args::EntityCommand;
use crate::io::{parse, print_json};

pub fn run(api: Api, command: EntityCommand) -> Result<(), ApiError> {
    match command {
        EntityCommand::Import { file } => print_json(&api.entity_import(&file)?),
        EntityCommand::Export { out, format } => {
            let csv = format == "csv";
            let text = if csv {
                api.entity_export_csv()?
            } else {
                api.entity_export_json()?
            };
            match out {
                Some(path) => {
                    // A CSV file is for a spreadsheet, which must be told it is UTF-8; what is
                    // printed goes to other programs, which would take the mark for a letter.
                    let start = if csv { newsroom_api::CSV_FILE_START } else { "" };
                    std::fs::write(&path, format!("{start}{text}")).map_err(|e| {
                        ApiError::new(
                            ErrorCode::Storage,
                            format!("{}: cannot write: {e}", path.display()),
                        )
                    })?
                }
                None => out!("{text}"),
            }
        }
        EntityCommand::NeverSuggest { name, kind } => api.suggestion_never(parse(&kind)?, &name)?,
        EntityCommand::SuggestAgain { name, kind } => {
            if !api.suggestion_allow(parse(&kind)?, &name)? {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("{name} was not stopped as a {kind}"),
                ));
            }
        }
        EntityCommand::NeverSuggested { json } => {
            let names = api.suggestions_never()?;
            if json {
                print_json(&names);
            } else {
                for n in names {
                    let kind = format!("{:?}", n.kind).to_lowercase();
                    outln!("{kind:<12} {}  ({}, {})", n.name, n.added_by, n.added_at);
                }
            }
        }
        EntityCommand::List { json } => {
            let entities = api.entity_list_all()?;
            if json {
                print_json(&entities);
            } else {
                for e in entities {
                    outln!("{:<12} {}", format!("{:?}", e.kind).to_lowercase(), e.name);
                }
            }
        }
    }
    Ok(())
}
