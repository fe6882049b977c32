//! `newsroom tag suggest`: the people and organisations in a text.

use crate::io::outln;
use newsroom_api::{Api, ApiError};

use crate::io::print_json;

/// Suggestions for `text` (read before the store is opened, so bad input is reported first).
pub fn suggest(api: Api, text: &str, json: bool) -> Result<(), ApiError> {
    let suggestions = api.suggestions(None, text)?;
    if json {
        print_json(&suggestions);
    } else {
        for p in &suggestions.people {
            outln!(
                "person  {}{}",
                p.name,
                p.role.as_ref().map(|r| format!(" — {r}")).unwrap_or_default()
            );
        }
        for o in &suggestions.organisations {
            outln!("org     {}", o.expanded.as_ref().unwrap_or(&o.name));
        }
    }
    Ok(())
}
