use crate::models::{ChecklistRule, Status};

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
    #[error("returning a piece, or taking a published one off the site, needs a note saying why")]
    NoteRequired,
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
