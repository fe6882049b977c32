//! Whether the site has a piece: the one answer the editor, the list and the queue show, made
//! from what the store knows the sites confirmed (the outbox's jobs and the posts mapped to
//! pieces), never from the piece's workflow state alone. A submitted piece whose send failed
//! is "refused, because…", not "with the desk".

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::Result;

/// Where a piece stands with the sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SendStage {
    /// No site is connected: nothing can leave this machine.
    NoSite,
    /// Nothing was sent, or the last send was cancelled.
    NotSent,
    /// Queued or being sent.
    Sending,
    /// Every site that was sent the piece confirmed it.
    OnSite,
    /// A site refused it or the send failed for good, or it waits for a choice in a conflict;
    /// `error` says why.
    Refused,
}

/// A piece's send state, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SendState {
    pub article_id: String,
    pub stage: SendStage,
    /// The post status the sites confirmed last (`pending`, `publish`, `draft`); empty when
    /// none did, or the piece came from a site without being sent from here.
    pub site_status: String,
    /// The piece's text (headline, sapo, body) differs from what the sites confirmed: the
    /// edits are not on the site.
    pub changed_since: bool,
    /// The job to retry when refused, the newest otherwise.
    #[ts(type = "number | null")]
    pub job_id: Option<i64>,
    /// The job's error code (the closed set of [`crate::SyncJob::error_code`]) and its words.
    pub error_code: String,
    pub error: String,
    pub remote_url: String,
}

/// The send state of one piece across every connected site: sending while any job waits,
/// refused while any site's newest job failed, on the site when every site's newest job
/// synced (or the piece came from that site).
pub fn send_state(conn: &Connection, article_id: &str) -> Result<SendState> {
    let mut state = SendState {
        article_id: article_id.to_owned(),
        stage: SendStage::NoSite,
        site_status: String::new(),
        changed_since: false,
        job_id: None,
        error_code: String::new(),
        error: String::new(),
        remote_url: String::new(),
    };
    let sites = crate::backends(conn)?;
    if sites.is_empty() {
        return Ok(state);
    }
    let article = newsroom_articles::get(conn, article_id)?;
    let text = crate::ArticleText::of(&article);
    // Each site's newest job for the piece.
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.state, o.target_status, o.last_error_code, o.last_error, o.remote_url,
                coalesce(r.remote_status, '')
         FROM outbox o LEFT JOIN remote_items r
             ON r.backend_id = o.backend_id AND r.local_kind = 'article' AND r.local_id = o.article_id
         WHERE o.article_id = ?1 AND o.id = (SELECT max(id) FROM outbox WHERE article_id = ?1 AND backend_id = o.backend_id)",
    )?;
    let newest = stmt
        .query_map(params![article_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Mapped to posts (sent from here, or pulled): the status each site last showed, and the
    // text each was last sent or gave. Against the text now: a change of state received from
    // another machine, or the site's own edits pulled in, are no edits of this machine's.
    let mapped: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT remote_status, synced_source FROM remote_items
             WHERE local_kind = 'article' AND local_id = ?1 AND remote_id IS NOT NULL",
        )?
        .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    state.stage = if mapped.is_empty() {
        SendStage::NotSent
    } else {
        SendStage::OnSite
    };
    state.site_status = mapped.iter().map(|(s, _)| s.clone()).max().unwrap_or_default();
    state.changed_since = mapped.iter().any(|(_, synced)| {
        // A receiver that keeps no text of its own (ninjs) says nothing about edits.
        !synced.is_empty() && serde_json::from_str::<crate::ArticleText>(synced).ok().as_ref() != Some(&text)
    });
    let rank = |stage: SendStage| match stage {
        SendStage::Refused => 4,
        SendStage::Sending => 3,
        SendStage::NotSent => 2,
        SendStage::OnSite => 1,
        SendStage::NoSite => 0,
    };
    for (id, job_state, target, code, error, url, seen) in newest {
        let stage = match job_state.as_str() {
            "queued" | "sending" => SendStage::Sending,
            "failed" | "conflict" => SendStage::Refused,
            "synced" => SendStage::OnSite,
            _ => SendStage::NotSent,
        };
        if stage == SendStage::OnSite {
            // What the site showed last, which another machine's move may have changed since
            // this machine's send; the send's own target before anything was seen.
            state.site_status = if seen.is_empty() { target } else { seen };
            if !url.is_empty() {
                state.remote_url = url;
            }
        }
        if state.job_id.is_none() || rank(stage) > rank(state.stage) {
            state.job_id = Some(id);
        }
        if rank(stage) > rank(state.stage)
            || (stage == SendStage::OnSite && state.stage == SendStage::NotSent)
        {
            state.stage = stage;
            if stage == SendStage::Refused {
                state.error_code = if job_state == "conflict" {
                    "conflict".into()
                } else {
                    code
                };
                state.error = error;
            }
        }
    }
    Ok(state)
}

/// The send states of several pieces (a page of the list), in the order asked; a piece that
/// is gone meanwhile is left out.
pub fn send_states(conn: &Connection, article_ids: &[String]) -> Result<Vec<SendState>> {
    let mut out = Vec::with_capacity(article_ids.len());
    for id in article_ids {
        match send_state(conn, id) {
            Ok(state) => out.push(state),
            Err(crate::SyncError::Article(newsroom_articles::ArticleError::NotFound(_))) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(out)
}

/// How many pieces need someone to look at their sending: pieces with the desk (submitted, in
/// review, approved) that no site has and nothing is sending, and pieces whose newest send a
/// site refused. The queues show it beside their counts.
pub fn unsent_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM (
             SELECT a.id FROM articles a
             WHERE a.trashed_at IS NULL AND a.status IN ('submitted', 'in_review', 'approved')
               AND NOT EXISTS (
                   SELECT 1 FROM backends b JOIN remote_items r
                       ON r.backend_id = b.id AND r.local_kind = 'article' AND r.local_id = a.id
                   WHERE r.remote_id IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.article_id = a.id AND o.state IN ('queued', 'sending'))
             UNION
             SELECT o.article_id FROM outbox o
             WHERE o.state IN ('failed', 'conflict')
               AND o.id = (SELECT max(id) FROM outbox WHERE article_id = o.article_id AND backend_id = o.backend_id)
         )",
        [],
        |r| r.get(0),
    )?)
}
