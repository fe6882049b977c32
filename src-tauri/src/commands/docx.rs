//! A piece as a Word document, saved where the user picks (`newsroom-docx`).

use newsroom_api::{ApiError, ApiResult, ErrorCode};

use crate::AppState;

/// Asks where to save the piece's Word document (named after its headline, the dialog titled
/// in the interface's words) and writes it there; the path written, or none when the dialog
/// was cancelled.
#[tauri::command]
pub async fn article_export_docx(
    app: tauri::AppHandle,
    id: String,
    title: String,
) -> ApiResult<Option<String>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let file_name = app.state::<AppState>().api()?.article_docx_file_name(&id)?;
    let target = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter("Word", &["docx"])
        .set_file_name(file_name)
        .blocking_save_file();
    let Some(target) = target else { return Ok(None) };
    let path = target
        .into_path()
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))?;
    app.state::<AppState>().api()?.article_docx_file(&id, &path)?;
    Ok(Some(path.display().to_string()))
}
