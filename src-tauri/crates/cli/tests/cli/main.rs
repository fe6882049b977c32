//! The `newsroom` command run as a process, as a script or a newsroom's tooling would run it.
//! One test binary (ripgrep's layout): shared helpers here, one module per command group.

mod after_publication;
mod articles;
mod backups;
mod desk;
mod entities;
mod notifications;
mod photos;
mod publishing;
mod spelling;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

/// The `newsroom` command on one store, not yet started.
pub fn command(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsroom"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("NEWSROOM_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Starts a command, starting it again when the operating system could not create the process.
///
/// Under Wine, which runs these tests for Windows, process creation now and then fails with
/// ERROR_INTERNAL_ERROR (1359) on a loaded machine before the program runs a single instruction
/// (a CI run lost one of ~280 tests to it). The program never started, so starting it again
/// repeats nothing; any other failure, and the same one five times over, fails the test.
pub fn start(command: &mut Command) -> Child {
    const WINE_CREATE_PROCESS_FAULT: i32 = 1359;
    let mut attempts = 0;
    loop {
        match command.spawn() {
            Ok(child) => return child,
            Err(error)
                if cfg!(windows)
                    && error.raw_os_error() == Some(WINE_CREATE_PROCESS_FAULT)
                    && attempts < 4 =>
            {
                attempts += 1;
                eprintln!("note: process creation failed ({error}); starting it again");
            }
            Err(error) => panic!("the newsroom binary runs: {error}"),
        }
    }
}

pub fn newsroom(data_dir: &Path, args: &[&str]) -> Output {
    start(command(data_dir).args(args))
        .wait_with_output()
        .expect("the newsroom binary runs")
}

pub fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Imports a Markdown article through the CLI; returns the id it prints.
pub fn import_article(data_dir: &Path, files: &Path, markdown: &str) -> String {
    let file = write(files, "bai.md", markdown.as_bytes());
    stdout(&newsroom(data_dir, &["article", "import", &file]))
        .trim()
        .to_owned()
}

/// A small real JPEG, made by the same encoder family cameras' software uses.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|i| [(i % 251) as u8, 120, 200])
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}
