//! Commands of the markdown capability (`src-tauri/crates/markdown`, UI in `ui/src/markdown`).

use newsroom_api::{ApiResult, RenderedMarkdown};
use tauri::State;

use crate::AppState;

/// Where the webview loads library photos from (Tauri serves custom schemes as
/// `scheme://localhost` on Linux and macOS and as `http://scheme.localhost` on Windows).
pub const PHOTO_BASE: &str = if cfg!(windows) {
    "http://photo.localhost/"
} else {
    "photo://localhost/"
};

/// The live preview: with an article, its photos are placed as figures and the counts are
/// the piece's (its sapo and body).
#[tauri::command]
pub async fn markdown_render(
    state: State<'_, AppState>,
    markdown: String,
    article_id: Option<String>,
    sapo: Option<String>,
) -> ApiResult<RenderedMarkdown> {
    match article_id {
        Some(id) => state
            .api()?
            .article_preview(&id, sapo.as_deref().unwrap_or(""), &markdown, PHOTO_BASE),
        None => newsroom_api::render_markdown(&markdown),
    }
}
