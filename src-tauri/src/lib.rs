//! The desktop shell: wiring only. Commands delegate in one line to `newsroom_api::Api`; all
//! behaviour lives in the Tauri-free crates under `src-tauri/crates/`.

mod commands;

use newsroom_api::{Api, ApiError, ApiResult, OpenOptions};
use tauri::{Emitter, Manager};

/// The store, or why it could not be opened. The window still opens on failure so the UI can
/// say what went wrong (in the reporter's language) instead of the app vanishing.
pub struct AppState {
    api: Result<Api, ApiError>,
}

impl AppState {
    pub fn api(&self) -> ApiResult<&Api> {
        self.api.as_ref().map_err(Clone::clone)
    }
}

/// Keeps every webview on the app's own pages: a link in article content (or anything else)
/// can never navigate the editor window to another site or reload it away from its state.
fn navigation_guard<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let own = url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost");
            if !own {
                eprintln!("newsroom: blocked navigation to {url}");
            }
            own
        })
        .build()
}

/// Opens the main window from its configuration. When `NEWSROOM_DATA_DIR` chooses the store,
/// the webview's own data (local storage, caches) lives beside it instead of in the OS
/// app-data directory, so separate stores never share webview state — or WebKit's locks on it.
fn open_main_window(app: &tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .ok_or("tauri.conf.json has no main window")?;
    let mut builder = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?;
    if let Some(dir) = std::env::var_os(newsroom_api::DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        builder = builder.data_directory(std::path::PathBuf::from(dir).join("webview"));
    }
    builder.build()?;
    Ok(())
}

pub fn run() {
    let api = Api::open(&OpenOptions {
        data_dir: None,
        seed_demo_content: true,
    });
    if let Err(err) = &api {
        eprintln!("newsroom: cannot open the store: {err}");
    }
    tauri::Builder::default()
        // Must come first: a second launch focuses the running window instead of opening a
        // second writer on the same store.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(navigation_guard())
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol("photo", commands::photos::serve_photo)
        .manage(AppState { api })
        .setup(|app| {
            open_main_window(app)?;
            // The outbox drains in the background for as long as the app runs; the sync screen
            // hears of every change and asks for the overview, or is given the bytes sent.
            if let Ok(api) = app.state::<AppState>().api() {
                let handle = app.handle().clone();
                let changed = move |progress: Option<newsroom_api::SendProgress>| {
                    let _ = match progress {
                        Some(progress) => handle.emit("sync-progress", progress),
                        None => handle.emit("sync-changed", ()),
                    };
                };
                if let Err(err) = api.sync_start_worker(Box::new(changed)) {
                    eprintln!("newsroom: the sync worker did not start: {err}");
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::articles::article_list,
            commands::articles::article_search,
            commands::articles::article_get,
            commands::articles::article_create,
            commands::articles::article_save,
            commands::articles::article_delete,
            commands::articles::article_set_status,
            commands::articles::article_checklist,
            commands::articles::article_status_history,
            commands::articles::revision_list,
            commands::articles::revision_get,
            commands::articles::revision_restore,
            commands::markdown::markdown_render,
            commands::entities::entity_list,
            commands::entities::entity_get,
            commands::entities::entity_save,
            commands::entities::entity_update,
            commands::entities::entity_delete,
            commands::entities::entity_merge,
            commands::entities::entity_import_text,
            commands::entities::entity_export_json,
            commands::entities::entity_export_file,
            commands::entities::entity_articles,
            commands::entities::article_tags,
            commands::entities::article_untag,
            commands::suggestions::suggestions_for_article,
            commands::suggestions::suggestion_accept,
            commands::suggestions::suggestion_reject,
            commands::photos::photo_pick,
            commands::photos::photo_import_paths,
            commands::photos::photo_import_bytes,
            commands::photos::photo_get,
            commands::photos::photo_edit,
            commands::photos::photo_list,
            commands::photos::photo_export,
            commands::photos::article_photos,
            commands::photos::article_photo_attach,
            commands::photos::article_photo_detach,
            commands::photos::article_photo_reorder,
            commands::photos::article_photo_set_lead,
            commands::photos::article_photo_caption,
            commands::photos::entity_photos,
            commands::app::app_painted,
            commands::sync::sync_overview,
            commands::sync::sync_set_paused,
            commands::sync::sync_queue,
            commands::sync::sync_retry,
            commands::sync::sync_cancel,
            commands::sync::sync_conflict,
            commands::sync::sync_resolve,
            commands::sync::sync_pull,
            commands::sync::backend_list,
            commands::sync::backend_add_wordpress,
            commands::sync::backend_add_ninjs,
            commands::sync::backend_remove,
        ])
        .run(tauri::generate_context!())
        .expect("the desktop shell failed to start");
}
