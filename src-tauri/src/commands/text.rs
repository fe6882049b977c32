//! Commands of the text capability (`src-tauri/crates/text`, UI in `ui/src/text`).

use newsroom_api::{ApiResult, Conversion};

/// Checks pasted text for Vietnamese from an old font and converts it.
#[tauri::command]
pub async fn text_rescue(text: String) -> ApiResult<Option<Conversion>> {
    newsroom_api::text_rescue(&text)
}
