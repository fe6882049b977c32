//! Workflow states: moving a piece between them, the checklist that guards submit and publish,
//! and the recorded history of who moved it when.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::models::{Action, Article, ChecklistRule, RevisionReason, Status, StatusChange};
use crate::row::{get, optional_timestamp, parse_status, parse_timestamp};
use crate::{revisions, timestamp, write, ArticleError, Result};

/// The longest headline the checklist accepts, in characters.
pub const MAX_HEADLINE_CHARS: usize = 120;

/// The sapo the newsroom's style asks for at most (characters): two or three sentences. It is
/// advice shown while writing, not a rule that stops a submission.
pub const ADVISED_SAPO_CHARS: usize = 300;

/// The checklist rules this article fails (empty when it may be submitted or published):
/// its own fields, and every photo it holds.
pub fn checklist(conn: &Connection, article: &Article) -> Result<Vec<ChecklistRule>> {
    let mut failures = field_checklist(article);
    // A photo's caption in this article is its own caption or, failing that, the archive's.
    let (caption, credit, alt): (bool, bool, bool) = conn.query_row(
        "SELECT
            coalesce(max(trim(coalesce(ap.caption, p.description)) = ''), 0),
            coalesce(max(trim(p.credit) = ''), 0),
            coalesce(max(trim(p.alt_text) = ''), 0)
         FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ?1",
        [&article.id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (failed, rule) in [
        (caption, ChecklistRule::PhotoCaptionMissing),
        (credit, ChecklistRule::PhotoCreditMissing),
        (alt, ChecklistRule::PhotoAltMissing),
    ] {
        if failed {
            failures.push(rule);
        }
    }
    Ok(failures)
}

/// The rules about the article's own fields.
fn field_checklist(article: &Article) -> Vec<ChecklistRule> {
    let mut failures = Vec::new();
    let headline = article.headline.trim();
    if headline.is_empty() {
        failures.push(ChecklistRule::HeadlineMissing);
    } else if newsroom_text::char_count(headline) > MAX_HEADLINE_CHARS {
        failures.push(ChecklistRule::HeadlineTooLong);
    }
    if article.sapo.trim().is_empty() {
        failures.push(ChecklistRule::SapoMissing);
    }
    if article.byline.trim().is_empty() {
        failures.push(ChecklistRule::BylineMissing);
    }
    failures
}

/// A move of a piece to another workflow state, by someone, with a note.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub to: Status,
    /// The state the person saw the piece in; when it has moved since (someone else acted on
    /// it), nothing happens and [`ArticleError::StateChanged`] says so.
    pub from: Option<Status>,
    pub by: &'a str,
    /// Why: required when returning a piece to its reporter.
    pub note: &'a str,
}

/// Moves an article to another workflow state, records who did it, and keeps a revision.
/// Taking a piece for review records the reviewer; the checklist guards submitting, approving
/// and publishing; returning needs a note.
pub fn set_status(conn: &Connection, id: &str, change: Move<'_>, now: DateTime<Utc>) -> Result<Article> {
    let Move { to, from, by, note } = change;
    write(conn, |tx| {
        let current = get(tx, id)?;
        crate::trash::ensure_outside_trash(tx, id)?;
        if let Some(expected) = from {
            if expected != current.status {
                return Err(ArticleError::StateChanged {
                    expected,
                    found: current.status,
                });
            }
        }
        if to.requires_note(current.status) && note.trim().is_empty() {
            return Err(ArticleError::NoteRequired);
        }
        if !current.status.next().contains(&to) {
            return Err(ArticleError::InvalidTransition {
                from: current.status,
                to,
            });
        }
        if to.requires_checklist() {
            let failures = checklist(tx, &current)?;
            if !failures.is_empty() {
                return Err(ArticleError::ChecklistFailed(failures));
            }
        }
        // An embargoed piece is not published before its time: it is scheduled for then.
        if to == Status::Published {
            if let Some(until) = current.embargo_until.filter(|until| *until > now) {
                return Err(ArticleError::Embargoed { until });
            }
        }
        if to == Status::InReview {
            tx.execute(
                "UPDATE articles SET reviewer = ?2 WHERE id = ?1",
                params![current.id, newsroom_text::nfc(by.trim())],
            )?;
        }
        let change = Recorded {
            to,
            action: Action::Move,
            at_time: None,
            by,
            note: note.trim(),
            uid: None,
        };
        record_change(tx, &current, change, now)
    })
}

/// A move about to be recorded.
pub(crate) struct Recorded<'a> {
    pub to: Status,
    pub action: Action,
    pub at_time: Option<DateTime<Utc>>,
    pub by: &'a str,
    pub note: &'a str,
    /// The move's id across machines, when it is one every machine would make the same (the
    /// site publishing a scheduled piece); a new one otherwise.
    pub uid: Option<&'a str>,
}

/// Records a move of the article (to `to`, with its action), who made it and why, and keeps
/// a revision.
pub(crate) fn record_change(
    tx: &Connection,
    current: &Article,
    change: Recorded<'_>,
    now: DateTime<Utc>,
) -> Result<Article> {
    let Recorded {
        to,
        action,
        at_time,
        by: changed_by,
        note,
        uid,
    } = change;
    tx.execute(
        "UPDATE articles SET status = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![current.id, to.as_str(), timestamp(now)],
    )?;
    // Each change is later than the one before it, even within one millisecond, so the
    // history reads in the same order on every machine the piece's review reaches.
    let previous: Option<String> = tx.query_row(
        "SELECT max(changed_at) FROM status_changes WHERE article_id = ?1",
        [&current.id],
        |r| r.get(0),
    )?;
    let previous = previous.as_deref().map(parse_timestamp).transpose()?;
    let at = match previous {
        Some(previous) if previous >= now => previous + chrono::Duration::milliseconds(1),
        _ => now,
    };
    tx.execute(
        "INSERT INTO status_changes (article_id, from_status, to_status, changed_by, note, changed_at, action, at_time, uid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uid) DO NOTHING",
        params![
            current.id,
            current.status.as_str(),
            to.as_str(),
            newsroom_text::nfc(changed_by),
            newsroom_text::nfc(note),
            timestamp(at),
            action.as_str(),
            at_time.map(timestamp),
            uid
        ],
    )?;
    settle_times(tx, &current.id)?;
    let article = get(tx, &current.id)?;
    revisions::snapshot(tx, &article, RevisionReason::Status, now)?;
    Ok(article)
}

/// The note a receipt carries (see `set_received_status`): it marks the change as no person's.
const RECEIPT_NOTE: &str = "received";

/// Whether a change of state with this note is a receipt (no person's move, so no note of
/// anyone's either).
pub fn is_receipt(note: &str) -> bool {
    note == RECEIPT_NOTE
}

/// Gives a piece received from elsewhere (pulled from a publishing backend) the state it has
/// there. The checklist ran where it was written, so it is not run again; the change is
/// recorded like any other, naming where it came from. `uid` names the receipt the same on
/// every machine that receives the same post in the same state, so when receipts travel with
/// the piece's review the histories hold it once.
pub fn set_received_status(
    conn: &Connection,
    id: &str,
    to: Status,
    received_from: &str,
    uid: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    write(conn, |tx| {
        let current = get(tx, id)?;
        if current.status == to {
            return Ok(current);
        }
        let change = Recorded {
            to,
            action: Action::Move,
            at_time: None,
            by: received_from,
            note: RECEIPT_NOTE,
            uid: Some(uid),
        };
        record_change(tx, &current, change, now)
    })
}

/// Puts a piece in the state the changes of state shared by the newsroom's machines say it is
/// in (the latest of them, received with its review), with the reviewer who last took it.
/// The change itself is already in the history (it came with the review), so none is added;
/// the piece keeps a revision as for any change of state. Returns whether anything changed.
pub fn take_shared_state(
    conn: &Connection,
    id: &str,
    to: Status,
    reviewer: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    let current = get(conn, id)?;
    // The received moves may have scheduled the piece or set its embargo.
    let times_changed = settle_times(conn, id)? != (current.publish_at, current.embargo_until);
    let reviewer = reviewer.map(|r| newsroom_text::nfc(r.trim()));
    let reviewer_changed = reviewer.as_ref().is_some_and(|r| *r != current.reviewer);
    if current.status == to && !reviewer_changed && !times_changed {
        return Ok(false);
    }
    conn.execute(
        "UPDATE articles SET status = ?2, reviewer = coalesce(?3, reviewer), version = version + 1,
             updated_at = max(updated_at, ?4) WHERE id = ?1",
        params![id, to.as_str(), reviewer, timestamp(at)],
    )?;
    if current.status != to {
        let article = get(conn, id)?;
        revisions::snapshot(conn, &article, RevisionReason::Status, at)?;
    }
    Ok(true)
}

/// A piece's publication time and embargo's end, when it has them.
pub type PieceTimes = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// Works out from the piece's history when it is to be published and until when it is
/// embargoed, and keeps both on the piece. The history is what every machine shares, so each
/// one arrives at the same times whatever order the moves reached it in.
///
/// - An embargo move sets (or, without a time, lifts) the embargo. Set on an approved piece,
///   it also schedules the piece for the embargo's end, unless it was scheduled later.
/// - A schedule move sets (or lifts) the publication time.
/// - Any other change of state ends a schedule: the piece was published, or left the desk's
///   hands for another state.
///
/// Returns them: `(publish_at, embargo_until)`.
pub fn settle_times(conn: &Connection, id: &str) -> Result<PieceTimes> {
    let moves: Vec<(String, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT to_status, action, at_time FROM status_changes WHERE article_id = ?1 ORDER BY changed_at, id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let (mut publish_at, mut embargo) = (None, None);
    for (to, action, at_time) in moves {
        let at_time = optional_timestamp(at_time)?;
        match Action::parse(&action).unwrap_or_default() {
            Action::Embargo => {
                embargo = at_time;
                if let (Some(until), Some(Status::Approved)) = (at_time, Status::parse(&to)) {
                    publish_at = Some(publish_at.map_or(until, |at: DateTime<Utc>| at.max(until)));
                }
            }
            Action::Schedule => publish_at = at_time,
            Action::Move => publish_at = None,
            Action::Update | Action::Correct => {}
        }
    }
    conn.execute(
        "UPDATE articles SET publish_at = ?2, embargo_until = ?3 WHERE id = ?1",
        params![id, publish_at.map(timestamp), embargo.map(timestamp)],
    )?;
    Ok((publish_at, embargo))
}

/// Every change of state of an article, oldest first.
pub fn status_history(conn: &Connection, id: &str) -> Result<Vec<StatusChange>> {
    get(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT from_status, to_status, changed_by, note, changed_at, action, at_time FROM status_changes
         WHERE article_id = ?1 ORDER BY changed_at, id",
    )?;
    let rows = stmt.query_map([id], |row| {
        let note: String = row.get(3)?;
        let action = Action::parse(&row.get::<_, String>(5)?).unwrap_or_default();
        Ok(StatusChange {
            from: parse_status(&row.get::<_, String>(0)?)?,
            to: parse_status(&row.get::<_, String>(1)?)?,
            changed_by: row.get(2)?,
            received: action == Action::Move && note == RECEIPT_NOTE,
            note,
            changed_at: parse_timestamp(&row.get::<_, String>(4)?)?,
            action,
            at_time: optional_timestamp(row.get(6)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
