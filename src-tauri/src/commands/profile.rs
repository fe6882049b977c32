//! Commands of the profile capability (`src-tauri/crates/profile`, UI in `ui/src/profile`).

use newsroom_api::{ApiResult, Profile};
use tauri::State;

use crate::AppState;

/// The person using the app, or none before the first-run question is answered.
#[tauri::command]
pub async fn profile_get(state: State<'_, AppState>) -> ApiResult<Option<Profile>> {
    state.api()?.profile_get()
}

#[tauri::command]
pub async fn profile_save(state: State<'_, AppState>, profile: Profile) -> ApiResult<Profile> {
    state.api()?.profile_save(&profile)
}
