//! Publication on the sites after the desk's word: what this user may publish on each site
//! (said before anything is sent), what an update, a correction, a schedule or an embargo sends,
//! and the scheduled pieces a site has published since (WordPress publishes a `future` post
//! itself when its time comes; the piece here is published only once the site says so).

use newsroom_articles::{Action, Article, Status};
use rusqlite::Connection;

use crate::push::RemoteStatus;
use crate::{Backend, Result, SyncError, WordPress};

/// Refuses, in words, a publication (publishing, scheduling, updating or correcting the piece
/// on the site) that a site would refuse this user: an account that may not publish there, or
/// may not publish other people's posts when the piece's post is someone else's. A site
/// whose rights are not known yet is let through (the site itself has the last word).
pub fn check_may_publish(conn: &Connection, article_id: &str, what: &'static str) -> Result<()> {
    // Per site: its name, what this user may do there, who they are there and who wrote the
    // piece's post there (when the site has it).
    struct Site {
        name: String,
        may_publish: Option<bool>,
        may_edit_others: Option<bool>,
        me: Option<i64>,
        author: Option<i64>,
    }
    let sites: Vec<Site> = conn
        .prepare_cached(
            "SELECT b.name, b.may_publish, b.may_edit_others, b.site_user_id, r.remote_author
             FROM backends b LEFT JOIN remote_items r
                 ON r.backend_id = b.id AND r.local_kind = 'article' AND r.local_id = ?1 AND r.remote_id IS NOT NULL
             WHERE b.kind = 'wordpress'",
        )?
        .query_map([article_id], |r| {
            Ok(Site {
                name: r.get(0)?,
                may_publish: r.get(1)?,
                may_edit_others: r.get(2)?,
                me: r.get(3)?,
                author: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for site in sites {
        let someone_elses = matches!((site.me, site.author), (Some(me), Some(author)) if me != author);
        if site.may_publish == Some(false) || (someone_elses && site.may_edit_others == Some(false)) {
            return Err(SyncError::NotAllowedOnSite {
                site: site.name,
                what,
            });
        }
    }
    Ok(())
}

/// Queues what a move of this kind sends: an update, a correction or a schedule (or its
/// lifting) goes to every site at once; an embargo goes where the piece is with the desk,
/// carrying the move to the other machines (a draft's embargo waits for its submission).
/// Returns whether anything was queued.
/// `moved` is the piece as the move left it.
pub fn enqueue_after_act(
    conn: &Connection,
    moved: &Article,
    action: Action,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool> {
    let send = match action {
        Action::Update | Action::Correct | Action::Schedule => true,
        Action::Embargo => matches!(
            moved.status,
            Status::Submitted | Status::InReview | Status::Approved
        ),
        Action::Move => false,
    };
    if send {
        crate::outbox::enqueue_everywhere(conn, &moved.id, now)?;
    }
    Ok(send)
}

/// Asks the site about the pieces scheduled here that it holds, and records the ones it has
/// published since, by the site's name at their scheduled time. Returns those pieces, each with
/// its post.
pub(crate) fn settle_scheduled(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
) -> Result<Vec<(String, i64)>> {
    let scheduled: Vec<(String, i64)> = conn
        .prepare_cached(
            "SELECT a.id, r.remote_id FROM articles a JOIN remote_items r
                 ON r.local_kind = 'article' AND r.local_id = a.id AND r.backend_id = ?1
             WHERE a.status = 'approved' AND a.publish_at IS NOT NULL AND r.remote_id IS NOT NULL",
        )?
        .query_map([&backend.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut published = Vec::new();
    for chunk in scheduled.chunks(50) {
        let ids: Vec<i64> = chunk.iter().map(|(_, post)| *post).collect();
        for (post, status) in wp.post_statuses(&ids)? {
            crate::seen_status(conn, &backend.id, post, &status)?;
            if status != RemoteStatus::Publish.as_str() {
                continue;
            }
            let Some((article, _)) = chunk.iter().find(|(_, p)| *p == post) else {
                continue;
            };
            if published_on_schedule(conn, backend, post, article)? {
                published.push((article.clone(), post));
            }
        }
    }
    Ok(published)
}

/// Records that the site published the scheduled piece: one move, with the same id on every
/// machine (from the site's address, the post and the time; the pieces' own ids differ from
/// machine to machine). Returns whether it was recorded here now.
pub(crate) fn published_on_schedule(
    conn: &Connection,
    backend: &Backend,
    post: i64,
    article_id: &str,
) -> Result<bool> {
    let uid = |at: chrono::DateTime<chrono::Utc>| {
        move_uid(backend, post, &format!("published-at-{}", at.timestamp()))
    };
    Ok(newsroom_articles::published_on_schedule(conn, article_id, &backend.name, &uid)?.is_some())
}

/// The id of a move every machine makes the same about a post (the site published it, or a
/// pull received it in a state): from the site's address, the post and what happened, the
/// same wherever it is worked out.
pub(crate) fn move_uid(backend: &Backend, post: i64, what: &str) -> String {
    let name = format!("{}/?p={post}#{what}", backend.url.trim_end_matches('/'));
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
        .simple()
        .to_string()
}
