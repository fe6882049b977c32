//! Commands of the profile capability (`src-tauri/crates/profile`, UI in `ui/src/profile`).

use newsroom_api::{ApiResult, Language, Profile};
use tauri::State;

use crate::AppState;

/// The person using the app, or none before the first-run question is answered.
#[tauri::command]
pub async fn profile_get(state: State<'_, AppState>) -> ApiResult<Option<Profile>> {
    state.api()?.profile_get()
}

/// The name a connected site knows the user by, offered when they fill in their profile.
#[tauri::command]
pub async fn profile_offered_name(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    state.api()?.profile_offered_name()
}

#[tauri::command]
pub async fn profile_save(state: State<'_, AppState>, profile: Profile) -> ApiResult<Profile> {
    state.api()?.profile_save(&profile)
}

/// Keeps the interface's language where the shell reads it at start: the system's own dialogs
/// (open a file, save a file) follow it from then on.
#[tauri::command]
pub async fn language_save(state: State<'_, AppState>, language: Language) -> ApiResult<()> {
    state.api()?.language_save(language)
}
