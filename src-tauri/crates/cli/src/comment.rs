//! `newsroom comment …`: comments pinned to passages of a piece.

use crate::io::outln;
use newsroom_api::{Api, ApiError};

use crate::args::CommentCommand;
use crate::io::print_json;

pub fn run(api: Api, command: CommentCommand) -> Result<(), ApiError> {
    match command {
        CommentCommand::Add { id, quote, text } => print_json(&api.comment_add_on_quote(&id, &quote, &text)?),
        CommentCommand::Reply { thread, text } => print_json(&api.comment_reply(&thread, &text)?),
        CommentCommand::Resolve { thread, reopen } => print_json(&api.comment_resolve(&thread, !reopen)?),
        CommentCommand::List { id, json } => {
            let threads = api.comment_threads(&id)?;
            if json {
                print_json(&threads);
            } else {
                for t in threads {
                    let state = match (t.start, &t.resolved_at) {
                        (None, _) => "orphaned",
                        (_, Some(_)) => "resolved",
                        _ => "open",
                    };
                    outln!("{}  {state}  “{}”", t.id, t.quote);
                    for c in &t.comments {
                        outln!("    {}: {}", c.author, c.text);
                    }
                }
            }
        }
    }
    Ok(())
}
