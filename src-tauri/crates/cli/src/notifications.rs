//! `newsroom notifications …`: the inbox.

use crate::io::outln;
use newsroom_api::{Api, ApiError, ErrorCode, NotificationKind};

use crate::args::NotificationsCommand;
use crate::io::print_json;

fn kind(name: &str) -> Result<NotificationKind, ApiError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))
}

pub fn run(api: Api, command: NotificationsCommand) -> Result<(), ApiError> {
    match command {
        NotificationsCommand::List { limit, json } => {
            api.notifications_collect()?;
            let inbox = api.notifications_inbox(limit)?;
            if json {
                print_json(&inbox);
            } else {
                outln!("{} unread", inbox.unread);
                for n in inbox.items {
                    let mark = if n.read { ' ' } else { '•' };
                    let kind = serde_json::to_value(n.kind).unwrap_or_default();
                    outln!(
                        "{mark} {:>5}  {}  {}  {}  “{}”",
                        n.id,
                        n.happened_at,
                        kind.as_str().unwrap_or(""),
                        n.actor,
                        n.headline
                    );
                    if !n.note.is_empty() {
                        outln!("         {}", n.note);
                    }
                }
            }
        }
        NotificationsCommand::Read { id, piece, all } => {
            let unread = match (all, piece, id) {
                (true, _, _) => api.notifications_read_all()?,
                (false, Some(piece), _) => api.notifications_read_piece(&piece)?,
                (false, None, Some(id)) => api.notification_read(id)?,
                (false, None, None) => {
                    return Err(ApiError::new(
                        ErrorCode::InvalidInput,
                        "name a notification, or give --piece ID or --all",
                    ))
                }
            };
            outln!("{unread} unread");
        }
        NotificationsCommand::Settings { system, mute, unmute } => {
            let mut settings = api.notification_settings()?;
            if let Some(system) = &system {
                settings.system = system == "on";
            }
            for name in &mute {
                settings.muted.push(kind(name)?);
            }
            for name in &unmute {
                let kind = kind(name)?;
                settings.muted.retain(|k| *k != kind);
            }
            if system.is_some() || !mute.is_empty() || !unmute.is_empty() {
                settings = api.notification_settings_save(&settings)?;
            }
            print_json(&settings);
        }
    }
    Ok(())
}
