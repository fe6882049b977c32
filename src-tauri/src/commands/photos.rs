//! Commands of the photos capability (`src-tauri/crates/photos`, UI in `ui/src/photos`), and
//! the `photo:` scheme the webview loads stored images from.

use std::path::PathBuf;

use newsroom_api::{
    ApiError, ApiResult, ArticlePhoto, CropRequest, ErrorCode, ImportProgress, Imported, Photo, PhotoEdit,
    PhotoPage, PhotoQuery, PhotoTemplate, Rendition,
};
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::AppState;

/// The image files a reporter may pick (HEIC is offered so the app can say how to convert it).
const PICKABLE: &[&str] = &[
    "jpg", "jpeg", "JPG", "JPEG", "png", "PNG", "webp", "WEBP", "heic", "HEIC", "heif",
];

/// Where a file dialog opens: the folder asked for when it is there (the UI passes the one
/// the last import came from, where the next card will be too), else the user's pictures,
/// else home. Without one the system's dialog opens on its recent files, where a folder
/// cannot be chosen and photos are listed from everywhere.
fn starting_folder(app: &AppHandle, start: Option<String>) -> Option<PathBuf> {
    start
        .map(PathBuf::from)
        .filter(|dir| dir.is_dir())
        .or_else(|| app.path().picture_dir().ok().filter(|dir| dir.is_dir()))
        .or_else(|| app.path().home_dir().ok())
}

/// Asks for photos with the system's file dialog, titled and filtered in the interface's
/// words, opening in `start` when it is a folder; an empty list when the reporter cancels.
#[tauri::command]
pub async fn photo_pick(
    app: AppHandle,
    title: String,
    filter: String,
    start: Option<String>,
) -> ApiResult<Vec<String>> {
    let mut dialog = app.dialog().file().set_title(title).add_filter(filter, PICKABLE);
    if let Some(folder) = starting_folder(&app, start) {
        dialog = dialog.set_directory(folder);
    }
    let picked = dialog.blocking_pick_files();
    Ok(picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

/// Asks for a folder (a memory card, or a folder of an event's photos) with the system's
/// dialog, opening in `start` when it is a folder; none when cancelled.
#[tauri::command]
pub async fn photo_pick_folder(
    app: AppHandle,
    title: String,
    start: Option<String>,
) -> ApiResult<Option<String>> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(folder) = starting_folder(&app, start) {
        dialog = dialog.set_directory(folder);
    }
    let picked = dialog.blocking_pick_folder();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// Imports files (a folder stands for the images in it) off the UI thread, reporting every
/// step of every file on `progress`; with a template, each new photo gets it.
#[tauri::command]
pub async fn photo_import_paths(
    app: AppHandle,
    paths: Vec<String>,
    article_id: Option<String>,
    template: Option<String>,
    progress: Channel<ImportProgress>,
) -> ApiResult<u32> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let api = state.api()?;
        let picked: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let paths = api.photo_files(&picked)?;
        let outcomes = api.photo_import_batch(&paths, article_id.as_deref(), template.as_deref(), &mut |p| {
            let _ = progress.send(p);
        });
        Ok(outcomes.iter().filter(|o| o.is_ok()).count() as u32)
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

/// Imports a pasted image, sent as the raw request body (no JSON), named by the
/// `x-file-name` header and attached to the article named by `x-article-id`.
#[tauri::command]
pub async fn photo_import_bytes(app: AppHandle, request: Request<'_>) -> ApiResult<Imported> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "the image must be sent as raw bytes",
        ));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(percent_decode)
            .filter(|v| !v.is_empty())
    };
    let name = header("x-file-name").unwrap_or_else(|| "pasted.png".to_owned());
    let article_id = header("x-article-id");
    let bytes = bytes.clone();
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>()
            .api()?
            .photo_import_bytes(&name, &bytes, article_id.as_deref())
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

/// Header values are ASCII; the UI percent-encodes Vietnamese file names.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&value[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tauri::command]
pub async fn photo_get(state: State<'_, AppState>, id: String) -> ApiResult<Photo> {
    state.api()?.photo_get(&id)
}

/// The pieces a photo is in.
#[tauri::command]
pub async fn photo_articles(
    state: State<'_, AppState>,
    id: String,
) -> ApiResult<Vec<newsroom_api::ArticleSummary>> {
    state.api()?.photo_articles(&id)
}

#[tauri::command]
pub async fn photo_edit(state: State<'_, AppState>, id: String, change: PhotoEdit) -> ApiResult<Photo> {
    state.api()?.photo_edit(&id, &change)
}

/// One change (fields, stars, pick, label) applied to a selection of photos, all or none.
#[tauri::command]
pub async fn photo_edit_many(
    state: State<'_, AppState>,
    ids: Vec<String>,
    change: PhotoEdit,
) -> ApiResult<Vec<Photo>> {
    state.api()?.photo_edit_many(&ids, &change)
}

#[tauri::command]
pub async fn photo_list(state: State<'_, AppState>, query: PhotoQuery) -> ApiResult<PhotoPage> {
    state.api()?.photo_list(&query)
}

/// Asks where to save, then writes the photo with its caption fields inside. Returns the
/// path written, or nothing when the reporter cancels.
#[tauri::command]
pub async fn photo_export(
    app: AppHandle,
    id: String,
    rendition: Rendition,
    article_id: Option<String>,
) -> ApiResult<Option<String>> {
    let state = app.state::<AppState>();
    let photo = state.api()?.photo_get(&id)?;
    let stem = photo
        .original_name
        .rsplit_once('.')
        .map_or(photo.original_name.as_str(), |(stem, _)| stem);
    let suggested = match rendition {
        Rendition::Web => format!("{stem}-web.jpg"),
        _ => format!("{stem}.jpg"),
    };
    let Some(target) = app.dialog().file().set_file_name(&suggested).blocking_save_file() else {
        return Ok(None);
    };
    let path = target
        .into_path()
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))?;
    state
        .api()?
        .photo_export(&id, rendition, article_id.as_deref(), &path)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn article_photos(state: State<'_, AppState>, article_id: String) -> ApiResult<Vec<ArticlePhoto>> {
    state.api()?.article_photos(&article_id)
}

#[tauri::command]
pub async fn article_photo_attach(
    state: State<'_, AppState>,
    article_id: String,
    photo_id: String,
) -> ApiResult<Vec<ArticlePhoto>> {
    state.api()?.article_photo_attach(&article_id, &photo_id)
}

#[tauri::command]
pub async fn article_photo_detach(
    state: State<'_, AppState>,
    article_id: String,
    photo_id: String,
) -> ApiResult<Vec<ArticlePhoto>> {
    state.api()?.article_photo_detach(&article_id, &photo_id)
}

#[tauri::command]
pub async fn article_photo_reorder(
    state: State<'_, AppState>,
    article_id: String,
    photo_ids: Vec<String>,
) -> ApiResult<Vec<ArticlePhoto>> {
    state.api()?.article_photo_reorder(&article_id, &photo_ids)
}

#[tauri::command]
pub async fn article_photo_set_lead(
    state: State<'_, AppState>,
    article_id: String,
    photo_id: Option<String>,
) -> ApiResult<Vec<ArticlePhoto>> {
    state
        .api()?
        .article_photo_set_lead(&article_id, photo_id.as_deref())
}

#[tauri::command]
pub async fn article_photo_caption(
    state: State<'_, AppState>,
    article_id: String,
    photo_id: String,
    caption: Option<String>,
) -> ApiResult<Vec<ArticlePhoto>> {
    state
        .api()?
        .article_photo_caption(&article_id, &photo_id, caption.as_deref())
}

#[tauri::command]
pub async fn entity_photos(state: State<'_, AppState>, entity_id: String) -> ApiResult<Vec<Photo>> {
    state.api()?.entity_photos(&entity_id)
}

/// Serves `photo://localhost/ID/thumb|web|original` from the library. Stored images never
/// change under an id, so the webview may cache them for good.
pub fn serve_photo<R: tauri::Runtime>(
    ctx: tauri::UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: tauri::UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn_blocking(move || {
        let mut parts = path.trim_matches('/').split('/');
        let (id, rendition) = (parts.next().unwrap_or(""), parts.next().unwrap_or("thumb"));
        let state = app.state::<AppState>();
        let api = state.api().ok();
        // "whole" is the picture the crop tool draws on, made on request; the rest are files.
        let found = if rendition == "whole" {
            api.and_then(|api| api.photo_whole(id).ok())
                .map(|bytes| ("image/jpeg", bytes))
        } else {
            Rendition::parse(rendition)
                .and_then(|rendition| api?.photo_file(id, rendition).ok())
                .and_then(|file| {
                    let kind = match file.extension().and_then(|e| e.to_str()) {
                        Some("png") => "image/png",
                        Some("webp") => "image/webp",
                        _ => "image/jpeg",
                    };
                    std::fs::read(&file).ok().map(|bytes| (kind, bytes))
                })
        };
        let response = match found {
            Some((kind, bytes)) => tauri::http::Response::builder()
                .header("Content-Type", kind)
                .header("Cache-Control", "max-age=31536000, immutable")
                .body(bytes),
            None => tauri::http::Response::builder().status(404).body(Vec::new()),
        };
        responder.respond(response.expect("static headers are valid"));
    });
}

/// The photo desk's metadata templates.
#[tauri::command]
pub async fn photo_templates(state: State<'_, AppState>) -> ApiResult<Vec<PhotoTemplate>> {
    state.api()?.photo_templates()
}

#[tauri::command]
pub async fn photo_template_save(
    state: State<'_, AppState>,
    template: PhotoTemplate,
) -> ApiResult<PhotoTemplate> {
    state.api()?.photo_template_save(&template)
}

#[tauri::command]
pub async fn photo_template_remove(state: State<'_, AppState>, name: String) -> ApiResult<()> {
    state.api()?.photo_template_remove(&name)
}

/// Applies a template to a selection of photos, in the order given; all or none.
#[tauri::command]
pub async fn photo_template_apply(
    state: State<'_, AppState>,
    name: String,
    ids: Vec<String>,
) -> ApiResult<Vec<Photo>> {
    state.api()?.photo_template_apply(&name, &ids)
}

/// Saves every template to a file the user picks; the path, or none when cancelled.
#[tauri::command]
pub async fn photo_templates_export_file(app: AppHandle) -> ApiResult<Option<String>> {
    let Some(path) = crate::json_dialog::save_json(&app, "mau-thong-tin-anh.json")? else {
        return Ok(None);
    };
    app.state::<AppState>()
        .api()?
        .photo_templates_export_file(&path)?;
    Ok(Some(path.display().to_string()))
}

/// Merges templates from a file exported on another machine; how many, or none when cancelled.
#[tauri::command]
pub async fn photo_templates_import_file(app: AppHandle) -> ApiResult<Option<u32>> {
    let Some(path) = crate::json_dialog::pick_json(&app)? else {
        return Ok(None);
    };
    app.state::<AppState>()
        .api()?
        .photo_templates_import_file(&path)
        .map(Some)
}

/// Turns a photo clockwise by 90, 180 or 270 degrees; the renditions are made again.
#[tauri::command]
pub async fn photo_rotate(app: AppHandle, id: String, degrees: i32) -> ApiResult<Photo> {
    blocking(app, move |api| api.photo_rotate(&id, degrees)).await
}

/// Readies an opened photo for framing off the UI thread (its edit master made), so its
/// first crop is quick; whether framing will read the master.
#[tauri::command]
pub async fn photo_prepare_framing(app: AppHandle, id: String) -> ApiResult<bool> {
    blocking(app, move |api| api.photo_prepare_framing(&id)).await
}

/// Straightens a photo by `degrees` (clockwise, -45 to 45; 0 takes it off), its renditions
/// made again off the UI thread.
#[tauri::command]
pub async fn photo_straighten(app: AppHandle, id: String, degrees: f64) -> ApiResult<Photo> {
    blocking(app, move |api| api.photo_straighten(&id, degrees)).await
}

/// Crops a photo (a rectangle, or a ratio around its focal point), or takes the crop off.
#[tauri::command]
pub async fn photo_crop(app: AppHandle, id: String, request: CropRequest) -> ApiResult<Photo> {
    blocking(app, move |api| api.photo_crop(&id, &request)).await
}
