//! Commands of the review capability (`src-tauri/crates/review`, UI in `ui/src/review`).

use newsroom_api::{Anchor, ApiResult, Article, ArticleDiff, Proposal, Thread, VersionRef};
use tauri::State;

use crate::AppState;

/// What changed between two versions of a piece, word by word and by whom.
#[tauri::command]
pub async fn article_diff(
    state: State<'_, AppState>,
    article_id: String,
    from: VersionRef,
    to: VersionRef,
) -> ApiResult<ArticleDiff> {
    state.api()?.article_diff(&article_id, from, to)
}

#[tauri::command]
pub async fn comment_threads(state: State<'_, AppState>, article_id: String) -> ApiResult<Vec<Thread>> {
    state.api()?.comment_threads(&article_id)
}

#[tauri::command]
pub async fn comment_add(
    state: State<'_, AppState>,
    article_id: String,
    anchor: Anchor,
    text: String,
) -> ApiResult<Thread> {
    state.api()?.comment_add(&article_id, &anchor, &text)
}

#[tauri::command]
pub async fn comment_reply(state: State<'_, AppState>, thread_id: String, text: String) -> ApiResult<Thread> {
    state.api()?.comment_reply(&thread_id, &text)
}

#[tauri::command]
pub async fn comment_resolve(
    state: State<'_, AppState>,
    thread_id: String,
    resolved: bool,
) -> ApiResult<Thread> {
    state.api()?.comment_resolve(&thread_id, resolved)
}

#[tauri::command]
pub async fn proposal_list(state: State<'_, AppState>, article_id: String) -> ApiResult<Vec<Proposal>> {
    state.api()?.proposal_list(&article_id)
}

#[tauri::command]
pub async fn proposal_add(
    state: State<'_, AppState>,
    article_id: String,
    anchor: Anchor,
    replacement: String,
) -> ApiResult<Proposal> {
    state.api()?.proposal_add(&article_id, &anchor, &replacement)
}

/// What the desk typed in suggestion mode, as proposals (the body is left as it was).
#[tauri::command]
pub async fn proposal_from_edit(
    state: State<'_, AppState>,
    article_id: String,
    base: String,
    edited: String,
) -> ApiResult<Vec<Proposal>> {
    state.api()?.proposal_from_edit(&article_id, &base, &edited)
}

#[tauri::command]
pub async fn proposal_settle(
    state: State<'_, AppState>,
    proposal_id: String,
    accept: bool,
) -> ApiResult<Article> {
    state.api()?.proposal_settle(&proposal_id, accept)
}

#[tauri::command]
pub async fn proposal_settle_all(
    state: State<'_, AppState>,
    article_id: String,
    accept: bool,
) -> ApiResult<Article> {
    state.api()?.proposal_settle_all(&article_id, accept)
}
