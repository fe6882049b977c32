//! Commands of the sync capability (`src-tauri/crates/sync`, UI in `ui/src/sync`). Calls that
//! wait on the network run on a blocking thread, off the webview's IPC thread.

use newsroom_api::{
    ApiResult, Backend, Choice, Passage, PieceLock, Pulled, SendState, SiteApproval, SiteApprovalPage,
    SyncOverview, TakeOver,
};
use tauri::{AppHandle, Emitter, Manager, State};

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn sync_overview(state: State<'_, AppState>) -> ApiResult<SyncOverview> {
    state.api()?.sync_overview()
}

#[tauri::command]
pub async fn sync_set_paused(state: State<'_, AppState>, paused: bool) -> ApiResult<()> {
    state.api()?.sync_set_paused(paused)
}

#[tauri::command]
pub async fn sync_retry(state: State<'_, AppState>, job_id: i64) -> ApiResult<()> {
    state.api()?.sync_retry(job_id)
}

#[tauri::command]
pub async fn sync_cancel(state: State<'_, AppState>, job_id: i64) -> ApiResult<()> {
    state.api()?.sync_cancel(job_id)
}

#[tauri::command]
pub async fn sync_conflict(state: State<'_, AppState>, job_id: i64) -> ApiResult<Vec<Passage>> {
    state.api()?.sync_conflict(job_id)
}

#[tauri::command]
pub async fn sync_resolve(state: State<'_, AppState>, job_id: i64, choices: Vec<Choice>) -> ApiResult<()> {
    state.api()?.sync_resolve(job_id, &choices)
}

#[tauri::command]
pub async fn sync_pull(app: AppHandle) -> ApiResult<Vec<Pulled>> {
    blocking(app, |api| api.sync_pull()).await
}

#[tauri::command]
pub async fn backend_list(state: State<'_, AppState>) -> ApiResult<Vec<Backend>> {
    state.api()?.backend_list()
}

#[tauri::command]
pub async fn backend_add_wordpress(
    app: AppHandle,
    name: String,
    url: String,
    user: String,
    password: String,
) -> ApiResult<Backend> {
    blocking(app, move |api| {
        api.backend_add_wordpress(&name, &url, &user, &password)
    })
    .await
}

/// Starts signing in with a site and opens its approval page in the browser; the UI shows
/// the page as a link as well, and says so when no browser could be started.
#[tauri::command]
pub async fn site_approval_start(app: AppHandle, name: String, url: String) -> ApiResult<SiteApprovalPage> {
    let mut page = blocking(app, move |api| api.site_approval_start(&name, &url)).await?;
    match tauri_plugin_opener::open_url(&page.page, None::<&str>) {
        Ok(()) => page.browser_opened = true,
        Err(err) => eprintln!("newsroom: the browser did not open the site's approval page: {err}"),
    }
    Ok(page)
}

/// The browser came back to the app's own address (handed over by the operating system):
/// the sign-in is finished and the UI told how it ended (`site-approval`). The address
/// carries the new password, so it goes straight to the API and never to the webview.
pub fn site_approval_returned(app: &AppHandle, address: String) {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let outcome = app
            .state::<AppState>()
            .api()
            .and_then(|api| api.site_approval_finish(&address));
        let told = match outcome {
            Ok(backend) => SiteApproval {
                backend: Some(backend),
                error: None,
            },
            Err(error) => SiteApproval {
                backend: None,
                error: Some(error),
            },
        };
        let _ = app.emit("site-approval", told);
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.set_focus();
        }
    });
}

#[tauri::command]
pub async fn backend_remove(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.api()?.backend_remove(&id)
}

#[tauri::command]
pub async fn sync_queue(state: State<'_, AppState>, article_id: String) -> ApiResult<()> {
    state.api()?.sync_queue(&article_id)
}

#[tauri::command]
pub async fn sync_send_states(
    state: State<'_, AppState>,
    article_ids: Vec<String>,
) -> ApiResult<Vec<SendState>> {
    state.api()?.sync_send_states(&article_ids)
}

#[tauri::command]
pub async fn sync_unsent_count(state: State<'_, AppState>) -> ApiResult<u32> {
    state.api()?.sync_unsent_count()
}

#[tauri::command]
pub async fn site_sections(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    state.api()?.site_sections()
}

#[tauri::command]
pub async fn sync_send_state(state: State<'_, AppState>, article_id: String) -> ApiResult<SendState> {
    state.api()?.sync_send_state(&article_id)
}

#[tauri::command]
pub async fn backend_add_ninjs(
    state: State<'_, AppState>,
    name: String,
    url: String,
    secret: String,
) -> ApiResult<Backend> {
    state.api()?.backend_add_ninjs(&name, &url, &secret)
}

#[tauri::command]
pub async fn piece_lock(app: AppHandle, article_id: String) -> ApiResult<PieceLock> {
    blocking(app, move |api| api.piece_lock(&article_id)).await
}

#[tauri::command]
pub async fn piece_lock_take(app: AppHandle, article_id: String) -> ApiResult<PieceLock> {
    blocking(app, move |api| api.piece_lock_take(&article_id)).await
}

#[tauri::command]
pub async fn piece_take_over(app: AppHandle, article_id: String) -> ApiResult<PieceLock> {
    blocking(app, move |api| api.piece_take_over(&article_id)).await
}

#[tauri::command]
pub async fn piece_release(app: AppHandle, article_id: String) -> ApiResult<PieceLock> {
    blocking(app, move |api| api.piece_release(&article_id)).await
}

#[tauri::command]
pub async fn piece_takeovers(state: State<'_, AppState>, article_id: String) -> ApiResult<Vec<TakeOver>> {
    state.api()?.piece_takeovers(&article_id)
}
