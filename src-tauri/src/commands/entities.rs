//! Commands of the entities capability (`src-tauri/crates/entities`, UI in `ui/src/entities`).

use newsroom_api::{ApiResult, ArticleSummary, ArticleTag, DirectoryImport, Entity, EntityInput, EntityKind};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn entity_list(
    state: State<'_, AppState>,
    kind: Option<EntityKind>,
    query: String,
) -> ApiResult<Vec<Entity>> {
    state.api()?.entity_list(kind, &query)
}

#[tauri::command]
pub async fn entity_get(state: State<'_, AppState>, id: String) -> ApiResult<Entity> {
    state.api()?.entity_get(&id)
}

#[tauri::command]
pub async fn entity_save(state: State<'_, AppState>, input: EntityInput) -> ApiResult<Entity> {
    state.api()?.entity_save(&input)
}

#[tauri::command]
pub async fn entity_update(state: State<'_, AppState>, id: String, input: EntityInput) -> ApiResult<Entity> {
    state.api()?.entity_update(&id, &input)
}

#[tauri::command]
pub async fn entity_delete(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    state.api()?.entity_delete(&id)
}

#[tauri::command]
pub async fn entity_merge(state: State<'_, AppState>, from: String, into: String) -> ApiResult<Entity> {
    state.api()?.entity_merge(&from, &into)
}

#[tauri::command]
pub async fn entity_import_text(
    state: State<'_, AppState>,
    file_name: String,
    contents: String,
) -> ApiResult<DirectoryImport> {
    state.api()?.entity_import_text(&file_name, &contents)
}

#[tauri::command]
pub async fn entity_export_json(state: State<'_, AppState>) -> ApiResult<String> {
    state.api()?.entity_export_json()
}

#[tauri::command]
pub async fn entity_articles(state: State<'_, AppState>, id: String) -> ApiResult<Vec<ArticleSummary>> {
    state.api()?.entity_articles(&id)
}

#[tauri::command]
pub async fn article_tags(state: State<'_, AppState>, article_id: String) -> ApiResult<Vec<ArticleTag>> {
    state.api()?.article_tags(&article_id)
}

#[tauri::command]
pub async fn article_untag(
    state: State<'_, AppState>,
    article_id: String,
    entity_id: String,
) -> ApiResult<()> {
    state.api()?.article_untag(&article_id, &entity_id)
}

/// Asks where to save, then writes the directory (CSV when the name ends in .csv, else JSON).
/// Returns the path written, or nothing when cancelled.
#[tauri::command]
pub async fn entity_export_file(app: tauri::AppHandle) -> ApiResult<Option<String>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let target = app
        .dialog()
        .file()
        .add_filter("JSON", &["json"])
        .add_filter("CSV", &["csv"])
        .set_file_name("danh-ba.json")
        .blocking_save_file();
    let Some(target) = target else { return Ok(None) };
    let path = target
        .into_path()
        .map_err(|e| newsroom_api::ApiError::new(newsroom_api::ErrorCode::InvalidInput, e.to_string()))?;
    app.state::<crate::AppState>().api()?.entity_export_file(&path)?;
    Ok(Some(path.display().to_string()))
}
