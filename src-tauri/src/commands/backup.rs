//! Commands of the backup capability (`src-tauri/crates/backup`, UI in `ui/src/backup`).

use newsroom_api::{ApiResult, Backup, BackupPreview, BackupSettings, Restored};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::AppState;

/// Every backup, newest first.
#[tauri::command]
pub async fn backup_list(state: State<'_, AppState>) -> ApiResult<Vec<Backup>> {
    state.api()?.backup_list()
}

/// Makes a backup now, off the UI thread (it copies the whole store).
#[tauri::command]
pub async fn backup_create(app: AppHandle) -> ApiResult<Backup> {
    blocking(app, move |api| api.backup_create()).await
}

/// What restoring a backup would bring back, beside the store as it is.
#[tauri::command]
pub async fn backup_preview(state: State<'_, AppState>, id: String) -> ApiResult<BackupPreview> {
    state.api()?.backup_preview(&id)
}

/// Replaces the store with a backup, after backing the store up as it is.
#[tauri::command]
pub async fn backup_restore(app: AppHandle, id: String) -> ApiResult<Restored> {
    blocking(app, move |api| api.backup_restore(&id)).await
}

#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> ApiResult<BackupSettings> {
    state.api()?.backup_settings()
}

#[tauri::command]
pub async fn backup_save_settings(
    state: State<'_, AppState>,
    settings: BackupSettings,
) -> ApiResult<BackupSettings> {
    state.api()?.backup_save_settings(&settings)
}

/// Asks for a folder with the system's dialog; none when the user cancels.
#[tauri::command]
pub async fn backup_pick_folder(app: AppHandle) -> ApiResult<Option<String>> {
    Ok(app
        .dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
