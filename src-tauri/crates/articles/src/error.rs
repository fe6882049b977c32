use chrono::{DateTime, Utc};

use crate::models::{Action, ChecklistRule, Status};

/// A time as the newsroom reads it: Vietnam time (UTC+7), whatever the machine's zone.
fn vietnam_time(at: &DateTime<Utc>) -> String {
    at.with_timezone(&crate::newsroom_clock())
        .format("%H:%M %d/%m/%Y (UTC+7)")
        .to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("no article with id {0}")]
    NotFound(String),
    #[error("no revision with id {0}")]
    RevisionNotFound(i64),
    #[error("the article changed since you opened it (yours: version {yours}, stored: version {stored})")]
    Conflict { yours: i64, stored: i64 },
    #[error("{field} is too large: {bytes} bytes, the limit is {limit} bytes")]
    TooLarge {
        field: &'static str,
        bytes: usize,
        limit: usize,
    },
    #[error("an article cannot go from {} to {}", from.as_str(), to.as_str())]
    InvalidTransition { from: Status, to: Status },
    #[error("the checklist fails: {}", .0.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>().join(", "))]
    ChecklistFailed(Vec<ChecklistRule>),
    /// The piece moved to another state since the user looked (someone else acted on it).
    #[error("the piece is now {}, not {}: someone else acted on it meanwhile", found.as_str(), expected.as_str())]
    StateChanged { expected: Status, found: Status },
    #[error(
        "this move needs a note: why a piece is returned or taken off the site, what a correction corrects"
    )]
    NoteRequired,
    /// The piece is embargoed: it cannot be public, or be scheduled, before the embargo ends.
    #[error(
        "the piece is embargoed until {}: it can be scheduled for then, not published before",
        vietnam_time(until)
    )]
    Embargoed { until: DateTime<Utc> },
    #[error(
        "{} has passed: a schedule or an embargo needs a time to come",
        vietnam_time(at)
    )]
    TimePassed { at: DateTime<Utc> },
    #[error("{} is more than a year ahead: check the year", vietnam_time(at))]
    TooFarAhead { at: DateTime<Utc> },
    /// An update, a correction, a schedule or an embargo the piece's state does not allow.
    #[error("{}", not_allowed_now(*action, *status))]
    NotAllowedNow { action: Action, status: Status },
    /// Only drafts are deleted (to the trash); a piece a publishing site has is spiked instead.
    #[error("{}", if *on_a_site { "this draft is on a publishing site: spike it instead of deleting it".to_owned() } else { format!("only drafts can be deleted; this piece is {}: spike it instead", status.as_str()) })]
    NotDeletable { status: Status, on_a_site: bool },
    #[error("the article {0} is in the trash: restore it first")]
    InTrash(String),
    #[error("the article {0} is not in the trash")]
    NotInTrash(String),
    #[error("{0}")]
    Import(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = ArticleError> = std::result::Result<T, E>;

fn not_allowed_now(action: Action, status: Status) -> String {
    let what = match action {
        Action::Update => "only a published piece is updated on the site",
        Action::Correct => "only a published piece is corrected",
        Action::Schedule => "only an approved piece is scheduled (or its schedule lifted)",
        Action::Embargo => "an embargo binds a piece that is not public yet",
        Action::Move => "the workflow does not allow this move",
    };
    format!("{what}; this piece is {}", status.as_str())
}
