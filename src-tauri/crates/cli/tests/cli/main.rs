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
use std::process::{Command, Output};

pub fn newsroom(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("NEWSROOM_DATA_DIR")
        .output()
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
