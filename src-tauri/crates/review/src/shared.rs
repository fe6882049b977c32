//! A piece's review as the machines of a newsroom share it through the publishing site: the
//! changes of state (with the return notes), the comment threads and the proposals, in one
//! document. This module owns the rule for meeting another machine's copy: [`merge`] is
//! commutative and idempotent, so it does not matter which machine merges first, or how often
//! a retried request merges the same copy again.
//!
//! - Changes of state, comments, threads and proposals are kept by id: one added on each side
//!   are both kept, and the same one seen twice is one.
//! - A thread is resolved or open by whichever of "resolved" and "reopened" happened last; a
//!   resolution whose resolver had not seen every comment the merge holds (a reply written on
//!   another machine meanwhile) does not stand: the thread stays open with the reply.
//! - A proposal settled on one side is settled; settled on both, the first decision stands.
//! - The piece is in the state its latest change of state put it in.
//! - Each person is named by the name they gave their app (their profile), keyed by their user
//!   id on the site; the name given last stands.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use newsroom_articles::{Action, Status};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::anchor::{self, Anchor};
use crate::{Comment, Result, ReviewError, MAX_COMMENT_BYTES};
use newsroom_store::{parse_timestamp, timestamp};

/// The version of the document's shape; a newer one is refused rather than half read.
pub const SHARED_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedReview {
    pub format: u32,
    #[serde(default)]
    pub moves: Vec<SharedMove>,
    #[serde(default)]
    pub threads: Vec<SharedThread>,
    #[serde(default)]
    pub proposals: Vec<SharedProposal>,
    /// The people who worked on the piece, by their user id on the site, with the name their
    /// profile gives: every machine names them so, whatever the site calls them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<SharedPerson>,
}

impl Default for SharedReview {
    fn default() -> Self {
        SharedReview {
            format: SHARED_FORMAT,
            moves: Vec::new(),
            threads: Vec::new(),
            proposals: Vec::new(),
            people: Vec::new(),
        }
    }
}

/// A person as their own machine names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPerson {
    /// Their user id on the site.
    pub user: i64,
    /// Their profile's name.
    pub name: String,
    /// When they gave that name (the later one stands).
    pub at: DateTime<Utc>,
}

/// A change of state, with its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedMove {
    pub id: String,
    pub from: Status,
    pub to: Status,
    pub by: String,
    #[serde(default)]
    pub note: String,
    pub at: DateTime<Utc>,
    /// What the move did besides changing the state (an update, a correction, a schedule, an
    /// embargo); absent for a plain change of state, so older apps read the document as before.
    #[serde(default, skip_serializing_if = "Action::is_move")]
    pub action: Action,
    /// The time a schedule or an embargo names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_time: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedThread {
    pub id: String,
    /// The passage, as the comments' own anchors keep it.
    #[serde(flatten)]
    pub anchor: Anchor,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub resolved_by: String,
    #[serde(default)]
    pub resolved_at: Option<DateTime<Utc>>,
    /// The comments the resolver had seen.
    #[serde(default)]
    pub resolved_seen: Vec<String>,
    #[serde(default)]
    pub reopened_at: Option<DateTime<Utc>>,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedProposal {
    pub id: String,
    #[serde(flatten)]
    pub anchor: Anchor,
    pub replacement: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub state: crate::ProposalState,
    #[serde(default)]
    pub settled_by: String,
    #[serde(default)]
    pub settled_at: Option<DateTime<Utc>>,
}

/// Reads a document as the site holds it. Anything that is not a review of this shape (a
/// field edited by hand on the site, a newer app's format) is refused with what is wrong;
/// an empty text is a piece nobody has reviewed yet.
pub fn parse(text: &str) -> Result<SharedReview> {
    if text.trim().is_empty() {
        return Ok(SharedReview::default());
    }
    let review: SharedReview = serde_json::from_str(text)
        .map_err(|e| ReviewError::Unreadable(format!("the review data on the site cannot be read: {e}")))?;
    if review.format > SHARED_FORMAT {
        return Err(ReviewError::Unreadable(format!(
            "the review data on the site is in format {}, newer than this app reads ({SHARED_FORMAT}); update the app",
            review.format
        )));
    }
    let too_long = |text: &str| text.len() > MAX_COMMENT_BYTES * 5;
    let ids = review
        .moves
        .iter()
        .map(|m| &m.id)
        .chain(review.threads.iter().map(|t| &t.id))
        .chain(
            review
                .threads
                .iter()
                .flat_map(|t| t.comments.iter().map(|c| &c.id)),
        )
        .chain(review.proposals.iter().map(|p| &p.id));
    for id in ids {
        if id.is_empty() || id.len() > 64 {
            return Err(ReviewError::Unreadable(format!(
                "the review data on the site has an item with an unusable id ({:?})",
                id.chars().take(80).collect::<String>()
            )));
        }
    }
    let texts = review
        .threads
        .iter()
        .flat_map(|t| {
            t.comments
                .iter()
                .map(|c| c.text.as_str())
                .chain([t.anchor.quote.as_str()])
        })
        .chain(
            review
                .proposals
                .iter()
                .flat_map(|p| [p.anchor.quote.as_str(), p.replacement.as_str()]),
        )
        .chain(review.moves.iter().map(|m| m.note.as_str()));
    for text in texts {
        if too_long(text) {
            return Err(ReviewError::Unreadable(
                "the review data on the site has a text far longer than any comment".into(),
            ));
        }
    }
    Ok(review)
}

/// Whether the later of a thread's resolution and reopening is the resolution. At the same
/// instant (a reply and a resolution in one millisecond) the resolution stands: whether its
/// resolver saw every comment is checked on its own.
fn resolution_stands(thread: &SharedThread) -> bool {
    match (thread.resolved_at, thread.reopened_at) {
        (Some(resolved), Some(reopened)) => resolved >= reopened,
        (Some(_), None) => true,
        _ => false,
    }
}

fn merge_thread(a: &SharedThread, b: &SharedThread) -> SharedThread {
    let mut comments: BTreeMap<&str, &Comment> = BTreeMap::new();
    for comment in a.comments.iter().chain(&b.comments) {
        comments.entry(&comment.id).or_insert(comment);
    }
    let mut comments: Vec<Comment> = comments.into_values().cloned().collect();
    comments.sort_by(|x, y| (x.created_at, &x.id).cmp(&(y.created_at, &y.id)));
    // The side whose last word on the state is later speaks for the thread.
    let stamp = |t: &SharedThread| t.resolved_at.max(t.reopened_at);
    let state = match stamp(a).cmp(&stamp(b)) {
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Greater => a,
        // Equal stamps: the open side (or either, when both agree) wins, deterministically.
        std::cmp::Ordering::Equal if resolution_stands(a) && !resolution_stands(b) => b,
        std::cmp::Ordering::Equal => a,
    };
    let mut merged = SharedThread {
        comments,
        reopened_at: a.reopened_at.max(b.reopened_at),
        ..state.clone()
    };
    if resolution_stands(&merged) {
        let seen: BTreeSet<&str> = merged.resolved_seen.iter().map(String::as_str).collect();
        if merged.comments.iter().any(|c| !seen.contains(c.id.as_str())) {
            // Someone replied without the resolver seeing it: open, and stamped so, so every
            // machine agrees whichever merges next.
            merged.reopened_at = merged.reopened_at.max(merged.resolved_at);
            merged.resolved_at = None;
            merged.resolved_by = String::new();
            merged.resolved_seen = Vec::new();
        }
    } else {
        merged.resolved_at = None;
        merged.resolved_by = String::new();
        merged.resolved_seen = Vec::new();
    }
    merged
}

fn merge_proposal(a: &SharedProposal, b: &SharedProposal) -> SharedProposal {
    use crate::ProposalState::Open;
    match (a.state, b.state) {
        (Open, Open) => a.clone(),
        (_, Open) => a.clone(),
        (Open, _) => b.clone(),
        // Both settled: the first decision stands (ties by who settled, so both sides agree).
        _ => {
            if (a.settled_at, &a.settled_by) <= (b.settled_at, &b.settled_by) {
                a.clone()
            } else {
                b.clone()
            }
        }
    }
}

/// One document holding everything either side holds; see the module's rules.
pub fn merge(a: &SharedReview, b: &SharedReview) -> SharedReview {
    let mut moves: BTreeMap<&str, &SharedMove> = BTreeMap::new();
    for change in a.moves.iter().chain(&b.moves) {
        moves.entry(&change.id).or_insert(change);
    }
    let mut moves: Vec<SharedMove> = moves.into_values().cloned().collect();
    moves.sort_by(|x, y| (x.at, &x.id).cmp(&(y.at, &y.id)));

    let mut threads: BTreeMap<&str, SharedThread> = BTreeMap::new();
    for thread in a.threads.iter().chain(&b.threads) {
        let merged = match threads.get(thread.id.as_str()) {
            Some(known) => merge_thread(known, thread),
            None => merge_thread(thread, thread),
        };
        threads.insert(&thread.id, merged);
    }
    let mut threads: Vec<SharedThread> = threads.into_values().collect();
    threads.sort_by(|x, y| (x.created_at, &x.id).cmp(&(y.created_at, &y.id)));

    let mut proposals: BTreeMap<&str, SharedProposal> = BTreeMap::new();
    for proposal in a.proposals.iter().chain(&b.proposals) {
        let merged = match proposals.get(proposal.id.as_str()) {
            Some(known) => merge_proposal(known, proposal),
            None => proposal.clone(),
        };
        proposals.insert(&proposal.id, merged);
    }
    let mut proposals: Vec<SharedProposal> = proposals.into_values().collect();
    proposals.sort_by(|x, y| (x.created_at, &x.id).cmp(&(y.created_at, &y.id)));

    let mut people: BTreeMap<i64, &SharedPerson> = BTreeMap::new();
    for person in a.people.iter().chain(&b.people) {
        let known = people.entry(person.user).or_insert(person);
        if (person.at, &person.name) > (known.at, &known.name) {
            *known = person;
        }
    }
    let people = people.into_values().cloned().collect();

    SharedReview {
        format: SHARED_FORMAT,
        moves,
        threads,
        proposals,
        people,
    }
}

fn time(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    parse_timestamp(text)
}

fn optional_time(text: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    text.as_deref().map(time).transpose()
}

fn status(text: &str) -> rusqlite::Result<Status> {
    Status::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("no state {text}").into(),
        )
    })
}

/// The piece's review as this machine holds it.
pub fn export(conn: &Connection, article_id: &str) -> Result<SharedReview> {
    let moves = conn
        .prepare_cached(
            "SELECT uid, from_status, to_status, changed_by, note, changed_at, action, at_time FROM status_changes
             WHERE article_id = ?1 ORDER BY changed_at, uid",
        )?
        .query_map([article_id], |r| {
            Ok(SharedMove {
                id: r.get(0)?,
                from: status(&r.get::<_, String>(1)?)?,
                to: status(&r.get::<_, String>(2)?)?,
                by: r.get(3)?,
                note: r.get(4)?,
                at: time(&r.get::<_, String>(5)?)?,
                action: Action::parse(&r.get::<_, String>(6)?).unwrap_or_default(),
                at_time: optional_time(r.get(7)?)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut threads = conn
        .prepare_cached(
            "SELECT id, quote, prefix, suffix, position, created_by, created_at, resolved_by, resolved_at,
                    resolved_seen, reopened_at
             FROM comment_threads WHERE article_id = ?1 ORDER BY created_at, id",
        )?
        .query_map([article_id], |r| {
            let seen: String = r.get(9)?;
            Ok(SharedThread {
                id: r.get(0)?,
                anchor: anchor::from_row(r, 1)?,
                created_by: r.get(5)?,
                created_at: time(&r.get::<_, String>(6)?)?,
                resolved_by: r.get(7)?,
                resolved_at: optional_time(r.get(8)?)?,
                resolved_seen: serde_json::from_str(&seen).unwrap_or_default(),
                reopened_at: optional_time(r.get(10)?)?,
                comments: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for thread in &mut threads {
        thread.comments = crate::comments::comments_of(conn, &thread.id)?;
    }
    let proposals = conn
        .prepare_cached(
            "SELECT id, replacement, quote, prefix, suffix, position, created_by, created_at, state, settled_by,
                    settled_at
             FROM proposals WHERE article_id = ?1 ORDER BY created_at, id",
        )?
        .query_map([article_id], |r| {
            Ok(SharedProposal {
                id: r.get(0)?,
                replacement: r.get(1)?,
                anchor: anchor::from_row(r, 2)?,
                created_by: r.get(6)?,
                created_at: time(&r.get::<_, String>(7)?)?,
                state: crate::ProposalState::parse(&r.get::<_, String>(8)?),
                settled_by: r.get(9)?,
                settled_at: optional_time(r.get(10)?)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SharedReview {
        format: SHARED_FORMAT,
        moves,
        threads,
        proposals,
        // People are named per site, by the crate that knows the sites (`newsroom-sync`).
        people: Vec::new(),
    })
}

/// What meeting the site's copy changed here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Absorbed {
    /// The two copies merged: what the site should hold next.
    pub merged: SharedReview,
    /// The state the piece was moved to by a change made elsewhere.
    pub moved_to: Option<Status>,
    pub new_comments: usize,
    pub new_proposals: usize,
}

/// Merges the site's copy of a piece's review into this machine's, in one transaction: what
/// came from elsewhere is written into the local threads, comments, proposals and history,
/// and the piece takes the state its latest change of state says. Nothing local is dropped.
pub fn absorb(conn: &Connection, article_id: &str, site: &SharedReview) -> Result<Absorbed> {
    newsroom_store::write(conn, |tx| {
        let local = export(tx, article_id)?;
        let merged = merge(&local, site);
        let mut absorbed = Absorbed::default();
        for change in &merged.moves {
            tx.execute(
                "INSERT INTO status_changes (article_id, from_status, to_status, changed_by, note, changed_at, uid,
                                             action, at_time)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uid) DO NOTHING",
                params![
                    article_id,
                    change.from.as_str(),
                    change.to.as_str(),
                    newsroom_text::nfc(&change.by),
                    newsroom_text::nfc(&change.note),
                    timestamp(change.at),
                    change.id,
                    change.action.as_str(),
                    change.at_time.map(timestamp)
                ],
            )?;
        }
        for thread in &merged.threads {
            tx.execute(
                "INSERT INTO comment_threads (id, article_id, quote, prefix, suffix, position, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
                params![
                    thread.id,
                    article_id,
                    newsroom_text::nfc(&thread.anchor.quote),
                    newsroom_text::nfc(&thread.anchor.prefix),
                    newsroom_text::nfc(&thread.anchor.suffix),
                    thread.anchor.position,
                    newsroom_text::nfc(&thread.created_by),
                    timestamp(thread.created_at)
                ],
            )?;
            tx.execute(
                "UPDATE comment_threads SET resolved_by = ?2, resolved_at = ?3, resolved_seen = ?4, reopened_at = ?5
                 WHERE id = ?1",
                params![
                    thread.id,
                    thread.resolved_by,
                    thread.resolved_at.map(timestamp),
                    serde_json::to_string(&thread.resolved_seen).expect("strings serialise"),
                    thread.reopened_at.map(timestamp)
                ],
            )?;
            for comment in &thread.comments {
                absorbed.new_comments += tx.execute(
                    "INSERT INTO comments (id, thread_id, author, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (id) DO NOTHING",
                    params![
                        comment.id,
                        thread.id,
                        newsroom_text::nfc(&comment.author),
                        newsroom_text::nfc(&comment.text),
                        timestamp(comment.created_at)
                    ],
                )?;
            }
        }
        for proposal in &merged.proposals {
            absorbed.new_proposals += tx.execute(
                "INSERT INTO proposals (id, article_id, quote, replacement, prefix, suffix, position, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
                params![
                    proposal.id,
                    article_id,
                    newsroom_text::nfc(&proposal.anchor.quote),
                    newsroom_text::nfc(&proposal.replacement),
                    newsroom_text::nfc(&proposal.anchor.prefix),
                    newsroom_text::nfc(&proposal.anchor.suffix),
                    proposal.anchor.position,
                    newsroom_text::nfc(&proposal.created_by),
                    timestamp(proposal.created_at)
                ],
            )?;
            tx.execute(
                "UPDATE proposals SET state = ?2, settled_by = ?3, settled_at = ?4 WHERE id = ?1",
                params![
                    proposal.id,
                    proposal.state.as_str(),
                    proposal.settled_by,
                    proposal.settled_at.map(timestamp)
                ],
            )?;
        }
        if let Some(latest) = merged.moves.last() {
            let reviewer = merged
                .moves
                .iter()
                .rev()
                .find(|m| m.to == Status::InReview)
                .map(|m| m.by.as_str());
            if newsroom_articles::take_shared_state(tx, article_id, latest.to, reviewer, latest.at)? {
                absorbed.moved_to = Some(latest.to);
            }
        }
        absorbed.merged = merged;
        Ok(absorbed)
    })
}
