//! Pulling pieces from a WordPress site: the desk fetches the posts waiting for review
//! (`pending`, submitted by reporters on other machines) into its own store, with the body back
//! in Markdown, the photos with their captions, the tags and the section. On a site with the
//! companion plugin, every piece whose review changed there since the last pull comes too,
//! with its review: a returned piece reaches its reporter with the desk's note, comments and
//! proposals, and a resubmitted one reaches the desk.
//!
//! A pulled post is mapped to its local article in `remote_items` in the same transaction
//! that creates the article, so pulling again never makes a second copy, and the desk's
//! later pushes update the same post. A post pulled before and changed on the site since is
//! merged into the local article three ways, like a push.

use std::path::Path;

use chrono::Utc;
use newsroom_articles::Status;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

mod store;

use crate::shared_review::sync_review;
use crate::site_checks::{self, SiteChecks};
use crate::wordpress::{RemotePost, WordPress};
use crate::{Backend, Result};
use store::{create, known_article, local_article, update_known, Made};

/// The largest photo a pull downloads (the import's own limit).
const MAX_PHOTO_BYTES: u64 = 256 * 1024 * 1024;

/// What a pull did with one post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PullOutcome {
    /// New here: an article was created.
    Created,
    /// Pulled before and changed on the site: the changes were merged in.
    Updated,
    Unchanged,
    /// Changed on the site and here in the same passages: nothing was written; pushing the
    /// piece shows the passages to choose between.
    Conflict,
    /// It could not be pulled this time (the error says why); the next pull tries again.
    Failed,
}

/// One post a pull looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Pulled {
    pub article_id: String,
    pub headline: String,
    #[ts(type = "number")]
    pub post_id: i64,
    pub outcome: PullOutcome,
    #[ts(type = "number")]
    pub photos: usize,
    /// Media on the site that are not images this app can read (corrupt, or a format it does
    /// not take): left on the site, shown in the body as plain images pointing there.
    #[ts(type = "number")]
    pub photos_skipped: usize,
    /// The state a change made on another machine moved the piece to.
    pub moved_to: Option<Status>,
    /// Comments and proposals that arrived with the piece's review.
    #[ts(type = "number")]
    pub new_comments: usize,
    #[ts(type = "number")]
    pub new_proposals: usize,
    /// Why it failed, when it did.
    pub error: String,
}

impl Pulled {
    fn of(article_id: String, headline: String, post_id: i64, outcome: PullOutcome) -> Pulled {
        Pulled {
            article_id,
            headline,
            post_id,
            outcome,
            photos: 0,
            photos_skipped: 0,
            moved_to: None,
            new_comments: 0,
            new_proposals: 0,
            error: String::new(),
        }
    }

    fn failed(post_id: i64, title: &str, err: &crate::SyncError) -> Pulled {
        Pulled {
            error: err.to_string(),
            ..Pulled::of(String::new(), title.to_owned(), post_id, PullOutcome::Failed)
        }
    }

    fn with_review(mut self, absorbed: Option<newsroom_review::shared::Absorbed>) -> Pulled {
        if let Some(a) = absorbed {
            self.moved_to = a.moved_to;
            self.new_comments = a.new_comments;
            self.new_proposals = a.new_proposals;
        }
        self
    }

    /// Whether anything arrived.
    pub fn changed(&self) -> bool {
        !matches!(self.outcome, PullOutcome::Unchanged | PullOutcome::Failed)
            || self.moved_to.is_some()
            || self.new_comments > 0
            || self.new_proposals > 0
    }
}

/// Which pieces a pull brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullScope {
    /// The desk's queue: every post waiting for review, new ones made into pieces here, and
    /// what changed on the pieces this machine has.
    DeskQueue,
    /// The desk's queue with at most this many new pieces made; the rest come with the next
    /// pulls. The worker's scheduled pulls use it, so sending never waits long behind a big
    /// queue being copied in.
    DeskQueueAtMost(usize),
    /// Only what changed on the pieces this machine has (a reporter's: their pieces come back
    /// returned, approved or published; colleagues' submissions are not copied here).
    Known,
}

/// Pulls from every WordPress backend, with the passwords from the OS keychain; `checks` says
/// whether the site is asked again what rarely changes (see [`SiteChecks`]).
pub fn pull_everywhere(
    conn: &Connection,
    photos_dir: &Path,
    scope: PullScope,
    checks: SiteChecks,
) -> Result<Vec<Pulled>> {
    let mut pulled = Vec::new();
    for backend in crate::backends(conn)? {
        if backend.kind != "wordpress" {
            continue;
        }
        let secret = crate::password(&backend.id)?;
        let wp = WordPress::new(&backend.url, &backend.username, &secret);
        pulled.extend(pull_site_checking(
            conn, photos_dir, &backend, &wp, scope, checks,
        )?);
    }
    Ok(pulled)
}

/// Fetches every post waiting for review on the site into the local store and, on a site with
/// the companion plugin, every piece known here whose review changed there, each with its
/// review merged in. One post that cannot be pulled (a fault, an unreadable review) is
/// reported as failed and tried again at the next pull; the others still arrive.
pub fn pull_site(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    scope: PullScope,
) -> Result<Vec<Pulled>> {
    pull_site_checking(conn, photos_dir, backend, wp, scope, SiteChecks::Always)
}

pub(crate) fn pull_site_checking(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    scope: PullScope,
    checks: SiteChecks,
) -> Result<Vec<Pulled>> {
    let _one_at_a_time = crate::duplicates::pull_lock(conn)?;
    let desk = site_checks::desk_active(conn, backend, wp, checks, Utc::now())?;
    let pulled = pull_pieces(conn, photos_dir, backend, wp, scope, desk);
    if pulled.is_err() {
        site_checks::forget(conn, backend)?;
    }
    pulled
}

/// The pieces of one pull, the site's plugin known to be active (`desk`) or not.
fn pull_pieces(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    scope: PullScope,
    desk: bool,
) -> Result<Vec<Pulled>> {
    let mut pulled = Vec::new();
    // Without the plugin, the pending posts are the only way a piece's changes arrive. They
    // are taken in page by page, newest first: what a page brought is kept when a later page
    // fails, and the latest submissions arrive first on a poor network.
    if scope != PullScope::Known || !desk {
        let mut page = 1;
        // New pieces made, and tried (a post that keeps failing must not use up a limited
        // pull, nor make it endless).
        let (mut made, mut tried) = (0, 0);
        loop {
            let (listed, pages) = wp.posts_with_status("pending", page)?;
            for (post_id, modified_gmt) in listed {
                let known = known_article(conn, backend, post_id)?;
                if let Some(article_id) = known {
                    // Unchanged on the site since this machine last saw it: nothing to fetch.
                    let seen = crate::remote_item(conn, &backend.id, "article", &article_id)?;
                    // A piece made here whose review did not arrive with it (the pull was cut
                    // off in between) is taken again, review and all.
                    let review_missing = desk && seen.as_ref().is_some_and(|k| k.review_revision == 0);
                    if !review_missing && seen.is_some_and(|k| k.remote_modified_gmt == modified_gmt) {
                        let headline = newsroom_articles::get(conn, &article_id)?.headline;
                        pulled.push(Pulled::of(article_id, headline, post_id, PullOutcome::Unchanged));
                        continue;
                    }
                } else {
                    let room = match scope {
                        PullScope::Known => false,
                        PullScope::DeskQueueAtMost(most) => {
                            made < most
                                && tried < most * 3
                                && !refused(conn, backend, post_id, &modified_gmt)?
                        }
                        PullScope::DeskQueue => true,
                    };
                    if !room {
                        continue;
                    }
                    tried += 1;
                }
                let item = match wp
                    .get_post(post_id)
                    .and_then(|post| pull_pending_post(conn, photos_dir, backend, wp, &post, desk))
                {
                    Ok(item) => {
                        conn.execute(
                            "DELETE FROM pull_refusals WHERE backend_id = ?1 AND remote_id = ?2",
                            params![backend.id, post_id],
                        )?;
                        item
                    }
                    Err(err) => {
                        if !crate::sending::retried(&err) {
                            conn.execute(
                                "INSERT INTO pull_refusals (backend_id, remote_id, modified_gmt, error) VALUES (?1, ?2, ?3, ?4)
                                 ON CONFLICT (backend_id, remote_id) DO UPDATE SET modified_gmt = excluded.modified_gmt,
                                     error = excluded.error",
                                params![backend.id, post_id, modified_gmt, err.to_string()],
                            )?;
                        }
                        Pulled::failed(post_id, "", &err)
                    }
                };
                if item.outcome == PullOutcome::Created {
                    made += 1;
                }
                pulled.push(item);
            }
            if page >= pages {
                break;
            }
            page += 1;
        }
    }
    if desk {
        pull_changed_reviews(conn, backend, wp, &mut pulled)?;
    }
    for (article_id, post) in crate::schedule::settle_scheduled(conn, backend, wp)? {
        let headline = newsroom_articles::get(conn, &article_id)?.headline;
        pulled.push(Pulled::of(article_id, headline, post, PullOutcome::Updated));
    }
    Ok(pulled)
}

/// One pending post: merged into its piece when known here, else made into a new one (with
/// its review, which sets its state and history).
fn pull_pending_post(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    post: &RemotePost,
    desk: bool,
) -> Result<Pulled> {
    if let Some(article_id) = local_article(conn, backend, post)? {
        let outcome = update_known(conn, backend, &article_id, post)?;
        let headline = newsroom_articles::get(conn, &article_id)?.headline;
        let known = Pulled::of(article_id, headline, post.id, outcome);
        let seen = crate::remote_item(conn, &backend.id, "article", &known.article_id)?;
        if desk && seen.is_some_and(|k| k.review_revision == 0) {
            let absorbed = sync_review(conn, backend, wp, &known.article_id)?;
            return Ok(known.with_review(absorbed));
        }
        return Ok(known);
    }
    // The review is read before the piece is made, so a piece whose review is unreadable is
    // not half made.
    let history = desk
        && !newsroom_review::shared::parse(&wp.review(post.id)?.text)?
            .moves
            .is_empty();
    let (article_id, headline, photos, photos_skipped) =
        match create(conn, photos_dir, backend, wp, post, history)? {
            Made::Piece(id, headline, photos, skipped) => (id, headline, photos, skipped),
            Made::Already(id) => {
                let headline = newsroom_articles::get(conn, &id)?.headline;
                return Ok(Pulled::of(id, headline, post.id, PullOutcome::Unchanged));
            }
        };
    let created = Pulled {
        photos,
        photos_skipped,
        ..Pulled::of(article_id, headline, post.id, PullOutcome::Created)
    };
    if !desk {
        return Ok(created);
    }
    let absorbed = sync_review(conn, backend, wp, &created.article_id)?;
    Ok(created.with_review(absorbed))
}

/// Reads the site's feed of changed reviews from where this machine left off: each piece known
/// here whose review moved past the revision this machine last read or wrote gets the site's
/// edits of its text (merged three ways) and its review. Posts this machine does not have are
/// left alone: the desk's queue is the pending posts, pulled above.
///
/// A post that fails for a passing reason (the network, a failing site) does not hold back
/// the ones after it, but the cursor stays before it, so the next pull takes it again; one
/// that cannot be taken in as it is (its review unreadable, a user refused) is reported and
/// passed, or it would hold back every review after it for ever.
fn pull_changed_reviews(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
    pulled: &mut Vec<Pulled>,
) -> Result<()> {
    loop {
        let page = wp.changed_reviews(crate::shared_review::cursor(conn, backend)?)?;
        let mut held_back = false;
        for item in &page.items {
            let earlier = pulled.iter().position(|p| p.post_id == item.post_id);
            // A piece made from its post in this pull came with its review already.
            let made_now = earlier.is_some_and(|i| pulled[i].outcome == PullOutcome::Created);
            let known = match made_now {
                true => None,
                false => known_article(conn, backend, item.post_id)?,
            };
            let Some(article_id) = known else {
                if !held_back {
                    crate::shared_review::advance_cursor(conn, backend, item.seq)?;
                }
                continue;
            };
            crate::seen_status(conn, &backend.id, item.post_id, &item.status)?;
            // This machine read or wrote that revision itself: nothing new to fetch.
            let seen = crate::remote_item(conn, &backend.id, "article", &article_id)?;
            if seen.is_some_and(|k| k.review_revision >= item.revision) {
                if !held_back {
                    crate::shared_review::advance_cursor(conn, backend, item.seq)?;
                }
                continue;
            }
            let result = (|| -> Result<Pulled> {
                let post = wp.get_post(item.post_id)?;
                // The review first: it names the people, the edit merged next among them.
                let absorbed = sync_review(conn, backend, wp, &article_id)?;
                let outcome = update_known(conn, backend, &article_id, &post)?;
                let headline = newsroom_articles::get(conn, &article_id)?.headline;
                Ok(Pulled::of(article_id.clone(), headline, post.id, outcome).with_review(absorbed))
            })();
            let now = match result {
                Ok(now) => now,
                Err(err) => {
                    held_back |= crate::sending::retried(&err);
                    Pulled::failed(item.post_id, "", &err)
                }
            };
            match earlier {
                Some(i)
                    if pulled[i].outcome != PullOutcome::Unchanged
                        && now.outcome == PullOutcome::Unchanged =>
                {
                    pulled[i] = Pulled {
                        outcome: pulled[i].outcome,
                        ..now
                    };
                }
                Some(i) => pulled[i] = now,
                None => pulled.push(now),
            }
            if !held_back {
                crate::shared_review::advance_cursor(conn, backend, item.seq)?;
            }
        }
        if held_back {
            return Ok(());
        }
        crate::shared_review::advance_cursor(conn, backend, page.next)?;
        if !page.more {
            return Ok(());
        }
    }
}

/// Whether the post could not be made into a piece here, as it still is on the site, for a
/// reason that does not pass by itself.
fn refused(conn: &Connection, backend: &Backend, post_id: i64, modified_gmt: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM pull_refusals WHERE backend_id = ?1 AND remote_id = ?2 AND modified_gmt = ?3",
            params![backend.id, post_id, modified_gmt],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
