//! `newsroom shortcut …`: the newsroom's code replacements.

use crate::io::outln;
use newsroom_api::{Api, ApiError};

use crate::args::ShortcutCommand;
use crate::io::print_json;

pub fn run(api: Api, command: ShortcutCommand) -> Result<(), ApiError> {
    match command {
        ShortcutCommand::Add { code, text } => {
            let saved = api.shortcut_save(&code, &text)?;
            outln!("={}=  {}", saved.code, saved.text);
        }
        ShortcutCommand::List { json } => {
            let all = api.shortcut_list()?;
            if json {
                print_json(&all);
            } else {
                for shortcut in all {
                    let from = if shortcut.from_directory {
                        "  (directory)"
                    } else {
                        ""
                    };
                    outln!("={}=  {}{from}", shortcut.code, shortcut.text);
                }
            }
        }
        ShortcutCommand::Remove { code } => api.shortcut_remove(&code)?,
        ShortcutCommand::Expand { text } => outln!("{}", api.shortcut_expand(&text)?),
        ShortcutCommand::Export { file } => match file {
            Some(path) => api.shortcut_export_file(&path)?,
            None => outln!("{}", api.shortcut_export()?),
        },
        ShortcutCommand::Import { file } => {
            let outcome = api.shortcut_import_file(&file)?;
            outln!(
                "{} added, {} changed, {} unchanged",
                outcome.added,
                outcome.changed,
                outcome.unchanged
            );
        }
    }
    Ok(())
}
