//! Commands of the suggestions capability (`src-tauri/crates/suggestions`, UI in `ui/src/suggestions`).

use newsroom_api::{AcceptSuggestion, ApiResult, ArticleTag, EntityKind, NeverSuggested, Suggestions};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn suggestions_for_article(
    state: State<'_, AppState>,
    article_id: String,
    text: String,
) -> ApiResult<Suggestions> {
    state.api()?.suggestions(Some(&article_id), &text)
}

#[tauri::command]
pub async fn suggestion_accept(
    state: State<'_, AppState>,
    accept: AcceptSuggestion,
) -> ApiResult<ArticleTag> {
    state.api()?.suggestion_accept(&accept)
}

#[tauri::command]
pub async fn suggestion_reject(
    state: State<'_, AppState>,
    article_id: String,
    kind: EntityKind,
    name: String,
) -> ApiResult<()> {
    state.api()?.suggestion_reject(&article_id, kind, &name)
}

#[tauri::command]
pub async fn suggestion_never(state: State<'_, AppState>, kind: EntityKind, name: String) -> ApiResult<()> {
    state.api()?.suggestion_never(kind, &name)
}

#[tauri::command]
pub async fn suggestion_allow(state: State<'_, AppState>, kind: EntityKind, name: String) -> ApiResult<bool> {
    state.api()?.suggestion_allow(kind, &name)
}

#[tauri::command]
pub async fn suggestions_never(state: State<'_, AppState>) -> ApiResult<Vec<NeverSuggested>> {
    state.api()?.suggestions_never()
}
