//! Code replacements: the newsroom's `=code=` list (`newsroom-shortcuts`).

use newsroom_api::{ApiResult, Shortcut, ShortcutImport};
use tauri::State;

use crate::AppState;

/// Every code, for the fields that expand them as the user types.
#[tauri::command]
pub async fn shortcut_list(state: State<'_, AppState>) -> ApiResult<Vec<Shortcut>> {
    state.api()?.shortcut_list()
}

#[tauri::command]
pub async fn shortcut_save(state: State<'_, AppState>, code: String, text: String) -> ApiResult<Shortcut> {
    state.api()?.shortcut_save(&code, &text)
}

#[tauri::command]
pub async fn shortcut_remove(state: State<'_, AppState>, code: String) -> ApiResult<()> {
    state.api()?.shortcut_remove(&code)
}

/// Saves the list to a file the user picks, for the other machines; the path, or none when
/// the dialog was cancelled.
#[tauri::command]
pub async fn shortcut_export_file(app: tauri::AppHandle) -> ApiResult<Option<String>> {
    use tauri::Manager;
    let Some(path) = crate::json_dialog::save_json(&app, "ma-viet-tat.json")? else {
        return Ok(None);
    };
    app.state::<AppState>().api()?.shortcut_export_file(&path)?;
    Ok(Some(path.display().to_string()))
}

/// Merges a list exported on another machine; what it added and changed, or none when the
/// dialog was cancelled.
#[tauri::command]
pub async fn shortcut_import_file(app: tauri::AppHandle) -> ApiResult<Option<ShortcutImport>> {
    use tauri::Manager;
    let Some(path) = crate::json_dialog::pick_json(&app)? else {
        return Ok(None);
    };
    app.state::<AppState>()
        .api()?
        .shortcut_import_file(&path)
        .map(Some)
}
