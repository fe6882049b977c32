//! The checked-in halves of the IPC contract agree with the shell's command declarations:
//! `ui/src/app/commands.ts` (the UI's typed wrappers) and `src-tauri/capabilities/commands.json`
//! (the main window's permissions). Run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p
//! newsroom-ipc-contract` to rewrite both after changing a command.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn check(path: &Path, expected: &str) {
    if std::env::var_os("NEWSROOM_UPDATE_BINDINGS").is_some() {
        std::fs::write(path, expected).unwrap();
        return;
    }
    let found = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is stale: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-ipc-contract`",
        path.display()
    );
}

#[test]
fn the_ui_wrappers_and_the_capability_match_the_commands() {
    let commands = newsroom_ipc_contract::read_commands(&root().join("src-tauri/src/commands")).unwrap();
    assert!(commands.len() > 50, "found only {} commands", commands.len());
    check(
        &root().join("ui/src/app/commands.ts"),
        &newsroom_ipc_contract::typescript(&commands),
    );
    check(
        &root().join("src-tauri/capabilities/commands.json"),
        &newsroom_ipc_contract::capability(&commands),
    );
}
