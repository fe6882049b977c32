//! Commands about the app's own lifecycle.

/// The UI calls this once the article list has been painted. When the start-up benchmark
/// (`scripts/bench-startup`) sets `NEWSROOM_STARTUP_PROBE`, the shell prints the wall-clock
/// time in milliseconds since the Unix epoch (of the paint, and of each stage of start-up the
/// shell passed: `main`, `store_open`, `setup`, `window_built`) and the core process's resident memory, and
/// exits, so the script can measure process start → list painted from outside. Otherwise it
/// does nothing.
#[tauri::command]
pub fn app_painted(app: tauri::AppHandle) {
    if std::env::var_os("NEWSROOM_STARTUP_PROBE").is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        for (stage, at) in crate::startup_stages() {
            println!("{stage}_at_ms={at}");
        }
        println!("painted_at_ms={}", now.as_millis());
        // Linux names the resident set in /proc; elsewhere the line is left out.
        let rss = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(kb) = rss.lines().find_map(|l| l.strip_prefix("VmRSS:")) {
            println!("rss_kb={}", kb.trim().trim_end_matches(" kB"));
        }
        // The resident set counts every page of the shared libraries the process touched
        // (WebKit, JavaScriptCore, Mesa), which the web process and other GTK apps share. The
        // memory this process alone holds is its private pages.
        let rollup = std::fs::read_to_string("/proc/self/smaps_rollup").unwrap_or_default();
        let field = |name: &str| -> u64 {
            rollup
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
                .unwrap_or(0)
        };
        if !rollup.is_empty() {
            println!("private_kb={}", field("Private_Clean:") + field("Private_Dirty:"));
        }
        app.exit(0);
    }
}

/// Puts the window's title (title bar, task switcher) in the UI's language.
#[tauri::command]
pub fn app_set_title(window: tauri::WebviewWindow, title: String) -> newsroom_api::ApiResult<()> {
    window
        .set_title(&title)
        .map_err(|e| newsroom_api::ApiError::new(newsroom_api::ErrorCode::Internal, e.to_string()))
}
