//! Reading what the user gives (files, standard input) and printing JSON.

use newsroom_api::ApiError;
use serde::Serialize;

/// Reads UTF-8 text from a file, or from standard input when no file is named.
pub fn read_text(file: Option<&std::path::Path>) -> Result<String, ApiError> {
    use std::io::Read;
    let (name, bytes) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read(path).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("{}: cannot read: {e}", path.display()),
                )
            })?,
        ),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("standard input: cannot read: {e}"),
                )
            })?;
            ("standard input".to_owned(), bytes)
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        ApiError::new(
            newsroom_api::ErrorCode::InvalidInput,
            format!(
                "{name}: not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

pub fn print_json<T: Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("API types always serialise")
    );
}
