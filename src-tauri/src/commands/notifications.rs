//! Commands of the notifications capability (`src-tauri/crates/notifications`, UI in
//! `ui/src/notifications`).

use newsroom_api::{ApiError, ApiResult, ErrorCode, Inbox, Notification, NotificationSettings};
use tauri::State;
use tauri_plugin_notification::NotificationExt;

use crate::AppState;

/// What the history gained since the last look that the person should hear of.
#[tauri::command]
pub async fn notifications_collect(state: State<'_, AppState>) -> ApiResult<Vec<Notification>> {
    state.api()?.notifications_collect()
}

#[tauri::command]
pub async fn notifications_inbox(state: State<'_, AppState>, limit: u32) -> ApiResult<Inbox> {
    state.api()?.notifications_inbox(limit)
}

#[tauri::command]
pub async fn notification_read(state: State<'_, AppState>, id: i64) -> ApiResult<u32> {
    state.api()?.notification_read(id)
}

#[tauri::command]
pub async fn notifications_read_piece(state: State<'_, AppState>, article_id: String) -> ApiResult<u32> {
    state.api()?.notifications_read_piece(&article_id)
}

#[tauri::command]
pub async fn notifications_read_all(state: State<'_, AppState>) -> ApiResult<u32> {
    state.api()?.notifications_read_all()
}

#[tauri::command]
pub async fn notification_settings(state: State<'_, AppState>) -> ApiResult<NotificationSettings> {
    state.api()?.notification_settings()
}

#[tauri::command]
pub async fn notification_settings_save(
    state: State<'_, AppState>,
    settings: NotificationSettings,
) -> ApiResult<NotificationSettings> {
    state.api()?.notification_settings_save(&settings)
}

/// Shows a notification from the operating system, worded by the UI in its language. Sent
/// from here rather than by the plugin's script API, so the webview needs no permission of
/// the plugin's; a system without a notification service is an error the UI can say.
#[tauri::command]
pub async fn notification_show_system(app: tauri::AppHandle, title: String, body: String) -> ApiResult<()> {
    app.notification()
        .builder()
        .title(title)
        .body(body)
        .show()
        .map_err(|err| {
            ApiError::new(
                ErrorCode::SystemNotificationsUnavailable,
                format!("the system did not show the notification: {err}"),
            )
        })
}
