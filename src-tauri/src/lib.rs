//! The desktop shell: wiring only. Commands delegate in one line to `newsroom_api::Api`; all
//! behaviour lives in the Tauri-free crates under `src-tauri/crates/`.

mod commands;
#[cfg(target_os = "linux")]
mod dialog_language;
mod json_dialog;
mod log_file;

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

/// When the start-up benchmark runs (`NEWSROOM_STARTUP_PROBE`), the wall-clock time each stage
/// of start-up was reached, printed with the first paint so the script can say where the time
/// goes.
static STARTUP_STAGES: std::sync::Mutex<Vec<(&'static str, u128)>> = std::sync::Mutex::new(Vec::new());

fn startup_stage(stage: &'static str) {
    if std::env::var_os("NEWSROOM_STARTUP_PROBE").is_none() {
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    if let Ok(mut stages) = STARTUP_STAGES.lock() {
        stages.push((stage, now));
    }
}

/// The stages reached so far, in order (empty unless the start-up benchmark runs).
pub(crate) fn startup_stages() -> Vec<(&'static str, u128)> {
    STARTUP_STAGES.lock().map(|s| s.clone()).unwrap_or_default()
}

/// Where the GPU offers nothing (no DRM render node: a VM, a remote desktop, Xvfb), WebKit's
/// composited mode draws every frame through Mesa's software GL, which measured slower than
/// its own software painting: keystroke to preview painted took a median of 49 ms against
/// 21 ms (`scripts/bench-preview`). There the app paints without compositing. A machine with
/// a GPU keeps WebKit's default, and a `WEBKIT_DISABLE_COMPOSITING_MODE` the user set wins.
#[cfg(target_os = "linux")]
fn paint_without_compositing_where_there_is_no_gpu() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_some() {
        return;
    }
    let render_node = std::fs::read_dir("/dev/dri")
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    if !render_node {
        // Set before GTK and WebKit start, while the process has one thread.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// How often the app looks whether a scheduled backup is due.
const BACKUP_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The automatic backups, for as long as the app runs: one at start when the store changed
/// since the last, then one every few hours while it changes. A failure is told to the UI
/// (`backup-failed`, shown on the backups screen and as a warning) and tried again later.
fn backups(handle: &tauri::AppHandle) {
    let mut at_start = true;
    loop {
        let outcome = handle
            .state::<AppState>()
            .api()
            .and_then(|api| api.backup_if_due(at_start));
        match outcome {
            Ok(Some(made)) => {
                let _ = handle.emit("backup-made", made);
            }
            Ok(None) => {}
            Err(err) => {
                eprintln!("newsroom: the automatic backup failed: {err}");
                let _ = handle.emit("backup-failed", err);
            }
        }
        at_start = false;
        std::thread::sleep(BACKUP_CHECK_EVERY);
    }
}

/// The browser comes back from a site's approval page to `newsroom://connected`: the
/// operating system hands the address to the app (on macOS as an event, on Linux and Windows
/// as the argument of a second launch, which the single-instance plugin passes here).
fn listen_for_site_approvals(app: &tauri::App) {
    use tauri_plugin_deep_link::DeepLinkExt;
    let handle = app.handle().clone();
    app.deep_link().on_open_url(move |event| {
        for address in event.urls() {
            commands::sync::site_approval_returned(&handle, address.to_string());
        }
    });
    // The .deb, the Windows installer and the macOS bundle declare the scheme; a build run
    // from anywhere else on Linux declares it for this user (a desktop entry of its own).
    #[cfg(target_os = "linux")]
    if !app.deep_link().is_registered("newsroom").unwrap_or(false) {
        if let Err(err) = app.deep_link().register_all() {
            eprintln!("newsroom: the newsroom:// address could not be declared to the desktop: {err}");
        }
    }
}

pub fn run() {
    startup_stage("main");
    if let Ok(dir) = newsroom_api::data_dir(None) {
        log_file::to_file_without_console(&dir);
    }
    #[cfg(target_os = "linux")]
    paint_without_compositing_where_there_is_no_gpu();
    // A search index to build (after an upgrade) is built in the background with progress
    // shown, so the window opens at once. The example pieces are added only when asked (the
    // first run offers them): a newsroom's store never gets drafts nobody wrote.
    let api = Api::open(&OpenOptions {
        data_dir: None,
        index_in_background: true,
    });
    match &api {
        Err(err) => eprintln!("newsroom: cannot open the store: {err}"),
        // Before GTK starts: its dialogs take their words from the process's locale.
        #[cfg(target_os = "linux")]
        Ok(api) => dialog_language::speak(api.language_get().unwrap_or_default()),
        #[cfg(not(target_os = "linux"))]
        Ok(_) => {}
    }
    startup_stage("store_open");
    tauri::Builder::default()
        // Must come first: a second launch focuses the running window instead of opening a
        // second writer on the same store.
        // With its deep-link feature, a second launch given a `newsroom://` address (the
        // browser coming back from a site's approval page, on Linux and Windows) hands it to
        // this instance's deep-link listener.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(navigation_guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .register_asynchronous_uri_scheme_protocol("photo", commands::photos::serve_photo)
        .manage(AppState { api })
        .setup(|app| {
            startup_stage("setup");
            open_main_window(app)?;
            startup_stage("window_built");
            listen_for_site_approvals(app);
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
                let handle = app.handle().clone();
                std::thread::spawn(move || {
                    let state = handle.state::<AppState>();
                    let Ok(api) = state.api() else { return };
                    let mut progress = |p: newsroom_api::IndexProgress| {
                        let _ = handle.emit("search-index", p);
                    };
                    if let Err(err) = api.search_index_build(&mut progress) {
                        eprintln!("newsroom: the search index could not be built: {err}");
                    }
                    // Off the start-up path too: it reads every folder of the photo library.
                    api.sweep_photo_library();
                    backups(&handle);
                });
            }
            Ok(())
        })
        // Every `#[tauri::command]` in `commands/`, listed by the build script (see build.rs).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/invoke_handler.rs")))
        .run(tauri::generate_context!())
        .expect("the desktop shell failed to start");
}
