//! Reading what the user gives (files, standard input) and printing JSON.

use newsroom_api::ApiError;
use serde::Serialize;

/// Reads the bytes of a file, or of standard input when no file is named, with the name to
/// report them by.
pub fn read_input(file: Option<&std::path::Path>) -> Result<(String, Vec<u8>), ApiError> {
    use std::io::Read;
    match file {
        Some(path) => Ok((
            path.display().to_string(),
            std::fs::read(path).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("{}: cannot read: {e}", path.display()),
                )
            })?,
        )),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("standard input: cannot read: {e}"),
                )
            })?;
            Ok(("standard input".to_owned(), bytes))
        }
    }
}

/// Reads text from a file or standard input: Unicode as it is, Vietnamese in an old code
/// converted (and said so on standard error).
pub fn read_text(file: Option<&std::path::Path>) -> Result<String, ApiError> {
    let (name, bytes) = read_input(file)?;
    let (text, conversion) = newsroom_api::text_decode(&name, &bytes, None)?;
    if let Some(conversion) = conversion {
        report_conversion(&name, &conversion);
    }
    Ok(text)
}

/// Tells the user on standard error what was converted, and from which code.
pub fn report_conversion(name: &str, conversion: &newsroom_api::Conversion) {
    let examples: Vec<String> = conversion
        .examples
        .iter()
        .map(|w| format!("“{}” → “{}”", w.before.trim(), w.after.trim()))
        .collect();
    eprintln!(
        "{name}: converted {} word{} from {} to Unicode{}{}",
        conversion.words,
        if conversion.words == 1 { "" } else { "s" },
        conversion.from.label(),
        if examples.is_empty() { "" } else { ": " },
        examples.join(", ")
    );
}

pub fn print_json<T: Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("API types always serialise")
    );
}

/// A value named on the command line as the API spells it in JSON (`person`, `old`, `either`).
pub fn parse<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| ApiError::new(newsroom_api::ErrorCode::InvalidInput, e.to_string()))
}
