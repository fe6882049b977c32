//! `newsroom text convert`: Vietnamese in old codes to Unicode, and back for old systems.

use std::io::Write;

use newsroom_api::{ApiError, ErrorCode, Legacy};

use crate::args::TextCommand;
use crate::io::{read_input, report_conversion};

pub fn run(command: TextCommand) -> Result<(), ApiError> {
    let TextCommand::Convert { from, to, file } = command;
    let (name, bytes) = read_input(file.as_deref())?;
    let from = match from.as_str() {
        "auto" => None,
        name => Some(code(name)?),
    };
    let (text, conversion) = newsroom_api::text_decode(&name, &bytes, from)?;
    match &conversion {
        Some(conversion) => report_conversion(&name, conversion),
        None if to.is_none() => eprintln!("{name}: already Unicode; nothing converted"),
        None => {}
    }
    let out = match to {
        Some(to) => newsroom_api::text_encode(&text, code(&to)?),
        None => text.into_bytes(),
    };
    std::io::stdout()
        .write_all(&out)
        .map_err(|e| ApiError::new(ErrorCode::Storage, format!("standard output: {e}")))
}

fn code(name: &str) -> Result<Legacy, ApiError> {
    Legacy::from_name(name)
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidInput, format!("unknown code {name:?}")))
}
