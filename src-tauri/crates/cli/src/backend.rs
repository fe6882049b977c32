//! `newsroom backend …`: the publishing sites (passwords go to the OS keychain).

use crate::io::outln;
use newsroom_api::{Api, ApiError, ErrorCode};

use crate::args::BackendCommand;
use crate::io::print_json;

pub fn run(api: Api, command: BackendCommand) -> Result<(), ApiError> {
    match command {
        BackendCommand::Add {
            kind,
            name,
            url,
            user,
        } => {
            let password = match std::env::var("NEWSROOM_BACKEND_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line).map_err(|e| {
                        ApiError::new(
                            ErrorCode::InvalidInput,
                            format!("standard input: cannot read: {e}"),
                        )
                    })?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let backend = if kind == "ninjs" {
                api.backend_add_ninjs(&name, &url, &password)?
            } else {
                api.backend_add_wordpress(&name, &url, &user, &password)?
            };
            outln!("{}", backend.id);
        }
        BackendCommand::List { json } => {
            let backends = api.backend_list()?;
            if json {
                print_json(&backends);
            } else {
                for b in backends {
                    outln!("{}  {}  {}  {}", b.name, b.kind, b.url, b.username);
                }
            }
        }
    }
    Ok(())
}
