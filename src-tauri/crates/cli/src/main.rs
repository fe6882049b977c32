//! `newsroom`: the headless command line over the same API as the desktop app. This file
//! only dispatches: the flags are in `args.rs`, each command group in a file of its name.

mod args;
mod article;
mod backend;
mod backup;
mod comment;
mod entity;
mod io;
mod notifications;
mod photo;
mod photo_args;
mod photo_template;
mod publication;
mod shortcut;
mod spelling;
mod sync;
mod tag;
mod text;

use crate::io::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsroom_api::{Api, ApiError, OpenOptions};

use args::{Cli, Command, DemoCommand, ProfileCommand, TagCommand};

fn open(data_dir: Option<PathBuf>) -> Result<Api, ApiError> {
    let api = Api::open(&OpenOptions {
        data_dir,
        index_in_background: false,
    })?;
    api.sweep_photo_library();
    Ok(api)
}

fn run(cli: Cli) -> Result<(), ApiError> {
    match cli.command {
        Command::Article(command) => article::run(open(cli.data_dir)?, command),
        Command::Entity(command) => entity::run(open(cli.data_dir)?, command),
        Command::Tag(TagCommand::Suggest { file, json }) => {
            let text = io::read_text(file.as_deref())?;
            tag::suggest(open(cli.data_dir)?, &text, json)
        }
        Command::Photo(command) => photo::run(open(cli.data_dir)?, command),
        Command::Comment(command) => comment::run(open(cli.data_dir)?, command),
        Command::Profile(ProfileCommand::Show) => {
            io::print_json(&open(cli.data_dir)?.profile_get()?);
            Ok(())
        }
        Command::Profile(ProfileCommand::Set { name, initials, role }) => {
            let role = serde_json::from_value(serde_json::Value::String(role))
                .map_err(|e| ApiError::new(newsroom_api::ErrorCode::InvalidInput, e.to_string()))?;
            let profile = newsroom_api::Profile { name, initials, role };
            io::print_json(&open(cli.data_dir)?.profile_save(&profile)?);
            Ok(())
        }
        Command::Profile(ProfileCommand::Language { language }) => {
            let api = open(cli.data_dir)?;
            if let Some(language) = language {
                let language = serde_json::from_value(serde_json::Value::String(language))
                    .map_err(|e| ApiError::new(newsroom_api::ErrorCode::InvalidInput, e.to_string()))?;
                api.language_save(language)?;
            }
            io::print_json(&api.language_get()?);
            Ok(())
        }
        Command::Demo(command) => {
            let api = open(cli.data_dir)?;
            match command {
                DemoCommand::Add => outln!("{} example pieces added", api.demo_add()?),
                DemoCommand::Remove => {
                    let done = api.demo_remove()?;
                    outln!("{} example pieces removed, {} kept", done.removed, done.kept);
                }
                DemoCommand::Count => outln!("{}", api.demo_count()?),
            }
            Ok(())
        }
        Command::Notifications(command) => notifications::run(open(cli.data_dir)?, command),
        Command::Shortcut(command) => shortcut::run(open(cli.data_dir)?, command),
        Command::Text(command) => text::run(command),
        Command::Backup(command) => backup::run(open(cli.data_dir)?, command),
        Command::Spelling(command) => spelling::run(open(cli.data_dir)?, command),
        Command::Backend(command) => backend::run(open(cli.data_dir)?, command),
        Command::Sync(command) => sync::run(open(cli.data_dir)?, command),
        #[cfg(feature = "bench")]
        Command::Bench(args) => newsroom_bench::run(args),
        #[cfg(not(feature = "bench"))]
        Command::Bench { .. } => Err(ApiError::new(
            newsroom_api::ErrorCode::InvalidInput,
            "this newsroom was built without the benchmarks: \
             cargo run --release -p newsroom-cli --features bench -- bench …",
        )),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "error [{}]: {}",
                serde_json::to_value(err.code)
                    .unwrap_or_default()
                    .as_str()
                    .unwrap_or("internal"),
                err.message
            );
            ExitCode::FAILURE
        }
    }
}
