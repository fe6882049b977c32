//! Gives tauri-build the app's own commands, so each one needs an explicit permission in
//! `src-tauri/capabilities/`, and writes the shell's handler list; both come from the
//! `#[tauri::command]` functions in `src-tauri/src/commands/` (read by newsroom-ipc-contract),
//! so a command is declared once. Points tauri-build at the capabilities folder (the config
//! sits at the repository root, not beside this file).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands");
    let commands = newsroom_ipc_contract::read_commands(std::path::Path::new("src-tauri/src/commands"))
        .expect("the shell's commands must parse");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("invoke_handler.rs"),
        newsroom_ipc_contract::invoke_handler(&commands),
    )
    .expect("OUT_DIR is writable");
    // tauri-build keeps the names for the whole build; a build script ends right after.
    let names: Vec<&'static str> = commands
        .into_iter()
        .map(|c| &*Box::leak(c.name.into_boxed_str()))
        .collect();
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice())));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
