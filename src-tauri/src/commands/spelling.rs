//! Commands of the spelling capability (`src-tauri/crates/spelling`, UI in `ui/src/spelling`).

use newsroom_api::{ApiResult, HouseStyle, HouseWord, Issue, Normalised, WordKind};
use tauri::State;

use crate::AppState;

/// The marked words of a headline, sapo or body (code-point offsets).
#[tauri::command]
pub async fn spelling_check(state: State<'_, AppState>, text: String) -> ApiResult<Vec<Issue>> {
    state.api()?.spelling_check(&text)
}

/// Suggestions for one marked word, most likely first.
#[tauri::command]
pub async fn spelling_suggest(state: State<'_, AppState>, word: String) -> ApiResult<Vec<String>> {
    state.api()?.spelling_suggest(&word)
}

/// "Add word" and "ignore": the newsroom's dictionary.
#[tauri::command]
pub async fn spelling_add_word(
    state: State<'_, AppState>,
    word: String,
    kind: WordKind,
) -> ApiResult<HouseWord> {
    state.api()?.spelling_add_word(&word, kind)
}

/// A text put into the house style (tone placement, i/y).
#[tauri::command]
pub async fn spelling_normalise(state: State<'_, AppState>, text: String) -> ApiResult<Normalised> {
    state.api()?.spelling_normalise(&text)
}

#[tauri::command]
pub async fn spelling_style(state: State<'_, AppState>) -> ApiResult<HouseStyle> {
    state.api()?.spelling_style()
}

#[tauri::command]
pub async fn spelling_set_style(state: State<'_, AppState>, style: HouseStyle) -> ApiResult<HouseStyle> {
    state.api()?.spelling_set_style(&style)
}

/// Saves the newsroom's dictionary and house style to a file the user picks, for the other
/// machines; the path, or none when the dialog was cancelled.
#[tauri::command]
pub async fn spelling_export_file(app: tauri::AppHandle) -> ApiResult<Option<String>> {
    use tauri::Manager;
    let Some(path) = crate::json_dialog::save_json(&app, "tu-dien-toa-soan.json")? else {
        return Ok(None);
    };
    app.state::<AppState>().api()?.spelling_export_file(&path)?;
    Ok(Some(path.display().to_string()))
}

/// Merges a dictionary file exported on another machine; how many words were new, or none
/// when the dialog was cancelled.
#[tauri::command]
pub async fn spelling_import_file(app: tauri::AppHandle) -> ApiResult<Option<u32>> {
    use tauri::Manager;
    let Some(path) = crate::json_dialog::pick_json(&app)? else {
        return Ok(None);
    };
    app.state::<AppState>()
        .api()?
        .spelling_import_file(&path)
        .map(Some)
}
