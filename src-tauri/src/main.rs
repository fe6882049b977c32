// Keeps a Windows release build from opening a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    newsroom_desktop::run();
}
