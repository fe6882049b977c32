//! Commands of the articles capability (`src-tauri/crates/articles`, UI in `ui/src/articles`).

use newsroom_api::{
    ActRequest, ApiResult, Article, ArticleFields, ArticleSummary, ChecklistRule, Correction, DemoRemoved,
    IndexProgress, ListQuery, Queue, Revision, RevisionSummary, SaveRequest, StatusChange, StatusRequest,
    TrashedArticle,
};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn search_index_progress(state: State<'_, AppState>) -> ApiResult<Option<IndexProgress>> {
    Ok(state.api()?.search_index_progress())
}

/// The desk's queues: the list filtered and counted by the store.
#[tauri::command]
pub async fn article_queue(state: State<'_, AppState>, query: ListQuery) -> ApiResult<Queue> {
    state.api()?.article_queue(&query)
}

#[tauri::command]
pub async fn article_search(state: State<'_, AppState>, query: String) -> ApiResult<Vec<ArticleSummary>> {
    state.api()?.article_search(&query)
}

#[tauri::command]
pub async fn article_get(state: State<'_, AppState>, id: String) -> ApiResult<Article> {
    state.api()?.article_get(&id)
}

#[tauri::command]
pub async fn article_create(state: State<'_, AppState>, fields: ArticleFields) -> ApiResult<Article> {
    state.api()?.article_create(&fields)
}

#[tauri::command]
pub async fn article_save(state: State<'_, AppState>, request: SaveRequest) -> ApiResult<Article> {
    state.api()?.article_save(&request)
}

/// A draft no site has goes to the trash; the trash restores, deletes for good, empties.
#[tauri::command]
pub async fn article_trash(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.api()?.article_trash(&id)
}

#[tauri::command]
pub async fn article_restore_from_trash(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.api()?.article_restore_from_trash(&id)
}

#[tauri::command]
pub async fn article_trash_list(state: State<'_, AppState>) -> ApiResult<Vec<TrashedArticle>> {
    state.api()?.article_trash_list()
}

#[tauri::command]
pub async fn article_delete_from_trash(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.api()?.article_delete_from_trash(&id)
}

#[tauri::command]
pub async fn article_empty_trash(state: State<'_, AppState>) -> ApiResult<u32> {
    state.api()?.article_empty_trash()
}

/// The headline's limit and the sapo's advised length (characters).
#[tauri::command]
pub fn article_limits() -> newsroom_api::FieldLimits {
    newsroom_api::Api::article_limits()
}

/// A piece made with Ctrl+N and left with nothing in it is not kept.
#[tauri::command]
pub async fn article_discard_if_blank(state: State<'_, AppState>, id: String) -> ApiResult<bool> {
    state.api()?.article_discard_if_blank(&id)
}

#[tauri::command]
pub async fn article_set_status(state: State<'_, AppState>, request: StatusRequest) -> ApiResult<Article> {
    state.api()?.article_set_status(&request)
}

/// Updates, corrects, schedules or embargoes a piece; network-free (the worker sends it).
#[tauri::command]
pub async fn article_act(state: State<'_, AppState>, request: ActRequest) -> ApiResult<Article> {
    state.api()?.article_act(&request)
}

#[tauri::command]
pub async fn article_corrections(state: State<'_, AppState>, id: String) -> ApiResult<Vec<Correction>> {
    state.api()?.article_corrections(&id)
}

#[tauri::command]
pub async fn article_checklist(state: State<'_, AppState>, id: String) -> ApiResult<Vec<ChecklistRule>> {
    state.api()?.article_checklist(&id)
}

#[tauri::command]
pub async fn article_status_history(state: State<'_, AppState>, id: String) -> ApiResult<Vec<StatusChange>> {
    state.api()?.article_status_history(&id)
}

#[tauri::command]
pub async fn revision_list(
    state: State<'_, AppState>,
    article_id: String,
) -> ApiResult<Vec<RevisionSummary>> {
    state.api()?.revision_list(&article_id)
}

#[tauri::command]
pub async fn revision_get(state: State<'_, AppState>, revision_id: i64) -> ApiResult<Revision> {
    state.api()?.revision_get(revision_id)
}

#[tauri::command]
pub async fn revision_restore(state: State<'_, AppState>, revision_id: i64) -> ApiResult<Article> {
    state.api()?.revision_restore(revision_id)
}

/// How many example pieces the store holds as they were added.
#[tauri::command]
pub async fn demo_count(state: State<'_, AppState>) -> ApiResult<u32> {
    state.api()?.demo_count()
}

/// Adds the example pieces (the first run's "try with examples").
#[tauri::command]
pub async fn demo_add(state: State<'_, AppState>) -> ApiResult<u32> {
    state.api()?.demo_add()
}

/// Removes the example pieces for good, keeping any that went further than a draft.
#[tauri::command]
pub async fn demo_remove(state: State<'_, AppState>) -> ApiResult<DemoRemoved> {
    state.api()?.demo_remove()
}
