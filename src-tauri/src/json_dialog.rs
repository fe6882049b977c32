//! The system's dialogs for the JSON files newsroom machines share (the dictionary, the code
//! list, the photo templates): where to save one, and which one to read.

use std::path::PathBuf;

use newsroom_api::{ApiError, ApiResult, ErrorCode};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Where to save a JSON file, offered under `file_name`; none when the dialog was cancelled.
pub fn save_json(app: &AppHandle, file_name: &str) -> ApiResult<Option<PathBuf>> {
    let target = app
        .dialog()
        .file()
        .add_filter("JSON", &["json"])
        .set_file_name(file_name)
        .blocking_save_file();
    target
        .map(|t| {
            t.into_path()
                .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))
        })
        .transpose()
}

/// Which JSON file to read; none when the dialog was cancelled.
pub fn pick_json(app: &AppHandle) -> ApiResult<Option<PathBuf>> {
    let picked = app
        .dialog()
        .file()
        .add_filter("JSON", &["json"])
        .blocking_pick_file();
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))
        })
        .transpose()
}
