//! The app's log when it has no console. A Windows GUI program starts without a standard
//! error stream, so what the app and its crates write there (a store that would not open, a
//! failed backup, a panic) would be lost. There it goes to `newsroom.log` in the data folder,
//! the previous run's log kept once as `newsroom.log.1` when it grew past a megabyte. Where a
//! stream exists (Linux, macOS, a terminal), it is left alone.

use std::path::Path;

/// A log past this size is set aside at the next start, so it never grows without end.
#[cfg(windows)]
const SET_ASIDE_AFTER: u64 = 1024 * 1024;

#[cfg(windows)]
pub fn to_file_without_console(data_dir: &Path) {
    use std::os::windows::io::IntoRawHandle;
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{GetStdHandle, SetStdHandle, STD_ERROR_HANDLE};

    // SAFETY: GetStdHandle only reads the process's standard handle table.
    let current = unsafe { GetStdHandle(STD_ERROR_HANDLE) };
    if !current.is_null() && current != INVALID_HANDLE_VALUE {
        return;
    }
    let Some(file) = open_log(data_dir) else { return };
    // Rust's standard error asks Windows for this handle at every write, so every later
    // `eprintln!` and the panic message land in the file. The handle stays open for the
    // life of the process.
    // SAFETY: the handle is a valid, owned file handle whose ownership passes to the table.
    unsafe { SetStdHandle(STD_ERROR_HANDLE, file.into_raw_handle() as _) };
}

#[cfg(not(windows))]
pub fn to_file_without_console(_data_dir: &Path) {}

#[cfg(windows)]
fn open_log(data_dir: &Path) -> Option<std::fs::File> {
    std::fs::create_dir_all(data_dir).ok()?;
    let path = data_dir.join("newsroom.log");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > SET_ASIDE_AFTER) {
        let _ = std::fs::rename(&path, data_dir.join("newsroom.log.1"));
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .ok()
}
