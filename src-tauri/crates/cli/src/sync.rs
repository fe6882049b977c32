//! `newsroom sync …`: the outbox of pushes, pulls and conflicts.

use crate::io::outln;
use newsroom_api::{Api, ApiError, ErrorCode};

use crate::args::SyncCommand;
use crate::io::print_json;

pub fn run(api: Api, command: SyncCommand) -> Result<(), ApiError> {
    let (jobs, json, run) = match command {
        SyncCommand::Run { json } => (api.sync_run(true)?, json, true),
        SyncCommand::Status { json } => (api.sync_status()?, json, false),
        SyncCommand::Pull { json } => {
            let pulled = api.sync_pull()?;
            if json {
                print_json(&pulled);
            } else {
                for p in &pulled {
                    outln!(
                        "{:?}  {}  {}  ({} photos)",
                        p.outcome,
                        p.article_id,
                        p.headline,
                        p.photos
                    );
                }
            }
            return Ok(());
        }
        SyncCommand::Merged { json } => {
            let merged = api.sync_merged_duplicates()?;
            if json {
                print_json(&merged);
            } else {
                for m in &merged {
                    outln!(
                        "{}  “{}” ({}, post {}) merged into {}",
                        m.merged_at,
                        m.headline,
                        m.backend,
                        m.post_id,
                        m.kept_id
                    );
                }
            }
            return Ok(());
        }
        SyncCommand::Queue { article } => {
            api.sync_queue(&article)?;
            (api.sync_status()?, false, false)
        }
        SyncCommand::Conflict { job } => {
            print_json(&api.sync_conflict(job)?);
            return Ok(());
        }
        SyncCommand::Resolve { job, choices } => {
            let choices = choices
                .iter()
                .map(|c| match c.as_str() {
                    "local" => Ok(newsroom_api::Choice::Local),
                    "remote" => Ok(newsroom_api::Choice::Remote),
                    "both" => Ok(newsroom_api::Choice::Both),
                    other => Err(ApiError::new(
                        ErrorCode::InvalidInput,
                        format!("a choice is local, remote or both, not {other}"),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            api.sync_resolve(job, &choices)?;
            (api.sync_status()?, false, false)
        }
    };
    if json {
        print_json(&jobs);
    } else {
        for job in &jobs {
            outln!(
                "{:?}  {}  {}  {}{}",
                job.state,
                job.backend,
                job.headline,
                job.remote_url,
                if job.error.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", job.error)
                }
            );
        }
    }
    let unfinished = jobs
        .iter()
        .filter(|j| j.state != newsroom_api::JobState::Synced)
        .count();
    if run && unfinished > 0 {
        return Err(ApiError::new(
            ErrorCode::Remote,
            format!("{unfinished} of {} pieces did not sync", jobs.len()),
        ));
    }
    Ok(())
}
