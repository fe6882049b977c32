//! Proposed edits (suggestion mode): the desk proposes replacing a passage, inserting text or
//! deleting it, and the reporter (or the desk) accepts or rejects each one, or all. Nothing a
//! reporter typed changes until a proposal is accepted, and accepting is an ordinary save with
//! a revision, by whoever accepted it.

use chrono::{DateTime, Utc};
use newsroom_articles::{Article, SaveKind};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchor::{self, anchor_at, Anchor, Found};
use crate::{Result, ReviewError, MAX_COMMENT_BYTES};
use newsroom_store::{parse_timestamp, timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProposalState {
    Open,
    Accepted,
    Rejected,
}

impl ProposalState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ProposalState::Open => "open",
            ProposalState::Accepted => "accepted",
            ProposalState::Rejected => "rejected",
        }
    }

    pub(crate) fn parse(text: &str) -> ProposalState {
        match text {
            "accepted" => ProposalState::Accepted,
            "rejected" => ProposalState::Rejected,
            _ => ProposalState::Open,
        }
    }
}

/// A proposed edit: `quote` (empty for an insertion) becomes `replacement` (empty for a
/// deletion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Proposal {
    pub id: String,
    pub article_id: String,
    pub quote: String,
    pub replacement: String,
    pub created_by: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    pub state: ProposalState,
    pub settled_by: String,
    /// Where the proposal applies in the current body, in characters; none when the passage
    /// it was made on is gone (orphaned).
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub found: Option<Found>,
}

/// Records a proposal on the passage `anchor` names.
pub fn propose(
    conn: &Connection,
    article_id: &str,
    anchor: &Anchor,
    replacement: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Proposal> {
    let quote = newsroom_text::nfc(&anchor.quote);
    let replacement = newsroom_text::nfc(replacement);
    if quote == replacement {
        return Err(ReviewError::Invalid("a proposal must change something".into()));
    }
    if replacement.len() > MAX_COMMENT_BYTES * 10 {
        return Err(ReviewError::Invalid(
            "a proposal this large belongs in the text itself".into(),
        ));
    }
    newsroom_articles::get(conn, article_id)?;
    let id = uuid::Uuid::now_v7().to_string();
    conn.execute(
        "INSERT INTO proposals (id, article_id, quote, replacement, prefix, suffix, position, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            article_id,
            quote,
            replacement,
            newsroom_text::nfc(&anchor.prefix),
            newsroom_text::nfc(&anchor.suffix),
            anchor.position,
            newsroom_text::nfc(by),
            timestamp(now)
        ],
    )?;
    let body = newsroom_articles::get(conn, article_id)?.body;
    one(conn, &body, &id)
}

struct Stored {
    proposal: Proposal,
    anchor: Anchor,
}

fn stored(conn: &Connection, article_id: &str, open_only: bool) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, article_id, replacement, created_by, created_at, state, settled_by, quote, prefix, suffix, position
         FROM proposals WHERE article_id = ?1 AND (NOT ?2 OR state = 'open') ORDER BY position, created_at",
    )?;
    let rows = stmt.query_map(params![article_id, open_only], |r| {
        Ok(Stored {
            proposal: Proposal {
                id: r.get(0)?,
                article_id: r.get(1)?,
                quote: r.get(7)?,
                replacement: r.get(2)?,
                created_by: r.get(3)?,
                created_at: parse_timestamp(&r.get::<_, String>(4)?)?,
                state: ProposalState::parse(&r.get::<_, String>(5)?),
                settled_by: r.get(6)?,
                start: None,
                end: None,
                found: None,
            },
            anchor: anchor::from_row(r, 7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Finds each proposal's passage in the body, keeping where it now is. A proposal whose
/// passage was itself edited no longer applies as it was made: it is shown as orphaned rather
/// than applied to text its author never saw.
fn anchored(conn: &Connection, body: &str, stored: Vec<Stored>) -> Result<Vec<Proposal>> {
    let mut out = Vec::with_capacity(stored.len());
    for Stored { mut proposal, anchor } in stored {
        let at = anchor::follow(body, &anchor).filter(|(at, _)| at.found == Found::Exact);
        if let (Some((at, moved)), ProposalState::Open) = (at, proposal.state) {
            if let Some(now) = moved {
                conn.execute(
                    "UPDATE proposals SET prefix = ?2, suffix = ?3, position = ?4 WHERE id = ?1",
                    params![proposal.id, now.prefix, now.suffix, now.position],
                )?;
            }
            proposal.start = Some(at.start as u32);
            proposal.end = Some(at.end as u32);
            proposal.found = Some(at.found);
        }
        out.push(proposal);
    }
    Ok(out)
}

fn one(conn: &Connection, body: &str, id: &str) -> Result<Proposal> {
    let article_id: Option<String> = conn
        .query_row("SELECT article_id FROM proposals WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let article_id = article_id.ok_or_else(|| ReviewError::NotFound("proposal", id.to_owned()))?;
    anchored(conn, body, stored(conn, &article_id, false)?)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ReviewError::NotFound("proposal", id.to_owned()))
}

/// The open proposals on a piece, in the order they apply to the body.
pub fn proposals(conn: &Connection, article_id: &str) -> Result<Vec<Proposal>> {
    let body = newsroom_articles::get(conn, article_id)?.body;
    anchored(conn, &body, stored(conn, article_id, true)?)
}

/// Applies the accepted proposals to the body (from the end, so earlier offsets hold) and
/// saves it as `by` with a revision; marks every settled proposal.
fn apply(
    conn: &Connection,
    article_id: &str,
    chosen: &[Proposal],
    accept: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    newsroom_store::write(conn, |tx| {
        let article = newsroom_articles::get(tx, article_id)?;
        let mut article_after = article.clone();
        if accept {
            let mut body: Vec<char> = article.body.chars().collect();
            let mut ranges: Vec<(usize, usize, &str)> = chosen
                .iter()
                .map(|p| match (p.start, p.end) {
                    (Some(s), Some(e)) => Ok((s as usize, e as usize, p.replacement.as_str())),
                    _ => Err(ReviewError::Orphaned("proposal")),
                })
                .collect::<Result<_>>()?;
            ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
            let mut limit = usize::MAX;
            for (start, end, replacement) in ranges {
                if end > limit || end > body.len() {
                    return Err(ReviewError::Invalid(
                        "two proposals overlap: settle them one at a time".into(),
                    ));
                }
                body.splice(start..end, replacement.chars());
                limit = start;
            }
            let mut fields = article.fields();
            fields.body = body.into_iter().collect();
            article_after = newsroom_articles::save(
                tx,
                article_id,
                article.version,
                &fields,
                SaveKind::Manual,
                by,
                now,
            )?;
        }
        let state = if accept {
            ProposalState::Accepted
        } else {
            ProposalState::Rejected
        };
        for p in chosen {
            tx.execute(
                "UPDATE proposals SET state = ?2, settled_by = ?3, settled_at = ?4 WHERE id = ?1",
                params![p.id, state.as_str(), newsroom_text::nfc(by), timestamp(now)],
            )?;
        }
        Ok(article_after)
    })
}

/// Accepts or rejects one proposal; returns the piece as it now is.
pub fn settle(conn: &Connection, id: &str, accept: bool, by: &str, now: DateTime<Utc>) -> Result<Article> {
    let article_id: Option<String> = conn
        .query_row(
            "SELECT article_id FROM proposals WHERE id = ?1 AND state = 'open'",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let article_id = article_id.ok_or_else(|| ReviewError::NotFound("open proposal", id.to_owned()))?;
    let chosen: Vec<Proposal> = proposals(conn, &article_id)?
        .into_iter()
        .filter(|p| p.id == id)
        .collect();
    apply(conn, &article_id, &chosen, accept, by, now)
}

/// Accepts or rejects every open proposal on a piece that still applies (orphaned ones are
/// left for the user to read and reject).
pub fn settle_all(
    conn: &Connection,
    article_id: &str,
    accept: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    let chosen: Vec<Proposal> = proposals(conn, article_id)?
        .into_iter()
        .filter(|p| p.start.is_some() || !accept)
        .collect();
    apply(conn, article_id, &chosen, accept, by, now)
}

/// Turns an edit made in suggestion mode into proposals: `base` is the body the editor
/// showed (it must still be the stored body), `edited` what the desk typed over it. Each run
/// of changes (with the words around it unchanged) becomes one proposal; the body itself is
/// not touched.
pub fn propose_edit(
    conn: &Connection,
    article_id: &str,
    base: &str,
    edited: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Proposal>> {
    let stored = newsroom_articles::get(conn, article_id)?.body;
    let base = newsroom_text::nfc(base);
    if base != stored {
        return Err(ReviewError::Invalid(
            "the piece was saved elsewhere since the suggestions began; reload it and suggest again".into(),
        ));
    }
    let segments = crate::diff::diff(&base, edited, by);
    // Character offsets in the base text of each change run: [start, end) deleted, and what
    // replaces it.
    let mut runs: Vec<(usize, usize, String)> = Vec::new();
    let mut at = 0;
    let mut open: Option<(usize, usize, String)> = None;
    for s in &segments {
        let len = s.text.chars().count();
        match s.change {
            crate::Change::Equal => {
                runs.extend(open.take());
                at += len;
            }
            crate::Change::Delete => {
                let run = open.get_or_insert((at, at, String::new()));
                run.1 += len;
                at += len;
            }
            crate::Change::Insert => open.get_or_insert((at, at, String::new())).2.push_str(&s.text),
        }
    }
    runs.extend(open);
    let mut made = Vec::with_capacity(runs.len());
    newsroom_store::write(conn, |tx| -> Result<()> {
        for (start, end, replacement) in &runs {
            let anchor = anchor_at(&base, *start, *end);
            made.push(propose(tx, article_id, &anchor, replacement, by, now)?);
        }
        Ok(())
    })?;
    Ok(made)
}
