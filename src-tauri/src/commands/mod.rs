//! One commands file per capability crate, each command a one-line delegation.

pub mod app;
pub mod articles;
pub mod backup;
pub mod docx;
pub mod entities;
pub mod markdown;
pub mod notifications;
pub mod photos;
pub mod profile;
pub mod review;
pub mod shortcuts;
pub mod spelling;
pub mod suggestions;
pub mod sync;
pub mod text;

use newsroom_api::{Api, ApiError, ApiResult, ErrorCode};
use tauri::{AppHandle, Manager};

use crate::AppState;

/// Runs `work` with the API on a blocking thread: for commands that wait on the network or
/// decode images, off the webview's IPC thread.
pub(crate) async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&Api) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tauri::async_runtime::spawn_blocking(move || work(app.state::<AppState>().api()?))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}
