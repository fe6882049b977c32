//! Every command declared in `src-tauri/src/commands/` has a permission, and the main window
//! may call each of them and nothing else of the app's: read from the access-control
//! files tauri-build wrote for this very build (`gen/schemas/`), so the build script's wiring
//! is what is checked, not a copy of it.

use std::collections::BTreeSet;
use std::path::Path;

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_main_window_may_call_every_declared_command_and_no_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let declared: BTreeSet<String> =
        newsroom_ipc_contract::read_commands(&root.join("src-tauri/src/commands"))
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();

    // What tauri-build made an app permission for (allow-NAME for every command it was given).
    let manifests = json(&root.join("gen/schemas/acl-manifests.json"));
    let app = &manifests["__app-acl__"]["permissions"];
    let known: BTreeSet<String> = app
        .as_object()
        .expect("the app has permissions")
        .keys()
        .filter_map(|k| k.strip_prefix("allow-"))
        .map(|k| k.replace('-', "_"))
        .collect();
    // Every declared command has its permission. (tauri-build may leave a removed command's
    // permission in this file until its manifests are rewritten; what the window may call is
    // checked exactly below.)
    let missing: Vec<&String> = declared.difference(&known).collect();
    assert!(missing.is_empty(), "commands without a permission: {missing:?}");

    // What the main window is granted across its capabilities.
    let capabilities = json(&root.join("gen/schemas/capabilities.json"));
    let mut granted = BTreeSet::new();
    for capability in capabilities.as_object().unwrap().values() {
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
        for permission in capability["permissions"].as_array().unwrap() {
            let name = permission.as_str().unwrap();
            if let Some(command) = name.strip_prefix("allow-") {
                granted.insert(command.replace('-', "_"));
            } else {
                assert!(name.starts_with("core:"), "unexpected permission {name}");
            }
        }
    }
    assert_eq!(granted, declared, "the main window may call every command");
}
