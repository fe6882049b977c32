//! `newsroom backup …`: make, list, look into and restore backups of the store.

use crate::io::outln;
use newsroom_api::{Api, ApiError, Backup, BackupPreview, BackupSettings, ErrorCode, Reason};

use crate::args::BackupCommand;
use crate::io::print_json;

fn reason(reason: Reason) -> &'static str {
    match reason {
        Reason::Start => "at start",
        Reason::Scheduled => "scheduled",
        Reason::Manual => "by hand",
        Reason::BeforeRestore => "before a restore",
    }
}

fn line(backup: &Backup) -> String {
    format!(
        "{}  {}  {:<16}  {} pieces, {} photos, {} unsent  {:.1} MB",
        backup.id,
        backup.created_at,
        reason(backup.reason),
        backup.articles,
        backup.photos,
        backup.unsent,
        backup.bytes as f64 / 1_048_576.0
    )
}

fn print_preview(preview: &BackupPreview) {
    outln!("{}", line(&preview.backup));
    let states: Vec<String> = preview
        .by_status
        .iter()
        .map(|(status, n)| format!("{n} {status}"))
        .collect();
    outln!("holds: {}", states.join(", "));
    outln!(
        "{} pieces not in the store now (they come back); {} pieces only in the store now (kept in the backup made before restoring)",
        preview.missing_here, preview.only_here
    );
    for piece in preview.pieces.iter().filter(|p| p.here != "same") {
        outln!(
            "  {:<8} {}  {}  {}",
            piece.here,
            piece.id,
            piece.status,
            piece.headline
        );
    }
}

pub fn run(api: Api, command: BackupCommand) -> Result<(), ApiError> {
    match command {
        BackupCommand::Create { json } => {
            let made = api.backup_create()?;
            if json {
                print_json(&made);
            } else {
                outln!("{}", line(&made));
            }
        }
        BackupCommand::List { json } => {
            let all = api.backup_list()?;
            if json {
                print_json(&all);
            } else if all.is_empty() {
                outln!("no backups yet (newsroom backup create)");
            } else {
                for backup in &all {
                    outln!("{}", line(backup));
                }
            }
        }
        BackupCommand::Show { id, json } => {
            let preview = api.backup_preview(&id)?;
            if json {
                print_json(&preview);
            } else {
                print_preview(&preview);
            }
        }
        BackupCommand::Restore { id, yes, json } => {
            let preview = api.backup_preview(&id)?;
            if !yes {
                print_preview(&preview);
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "nothing was changed: to replace the store with backup {id}, run again with --yes"
                    ),
                ));
            }
            let done = api.backup_restore(&id)?;
            if json {
                print_json(&done);
            } else {
                outln!("restored {}", line(&done.restored));
                outln!("the store as it was is backup {}", done.kept.id);
                if done.photos_put_back > 0 {
                    outln!("{} photo files put back into the library", done.photos_put_back);
                }
            }
        }
        BackupCommand::Settings { folder, keep } => {
            let mut settings: BackupSettings = api.backup_settings()?;
            if folder.is_some() || keep.is_some() {
                if let Some(folder) = folder {
                    settings.folder = folder;
                }
                if let Some(keep) = keep {
                    settings.keep = keep;
                }
                settings = api.backup_save_settings(&settings)?;
            }
            print_json(&settings);
        }
    }
    Ok(())
}
