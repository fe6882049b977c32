//! Commands of the markdown capability (`src-tauri/crates/markdown`, UI in `ui/src/markdown`).

use newsroom_api::{ApiResult, RenderedMarkdown};

#[tauri::command]
pub async fn markdown_render(markdown: String) -> ApiResult<RenderedMarkdown> {
    newsroom_api::render_markdown(&markdown)
}
