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

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_articles::{ArticleFields, Status};
use newsroom_entities::{EntityInput, EntityKind};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::merge::{merge, resolve, save_merged, ArticleText};
use crate::push::{site_byline, site_version};
use crate::shared_review::sync_review;
use crate::site_checks::{self, SiteChecks};
use crate::wordpress::{RemoteMedia, RemotePost, WordPress};
use crate::{timestamp, Backend, Result};

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

/// The local article a post belongs to: mapped by an earlier push or pull, or named by the
/// marker a push from this store put in its content.
fn local_article(conn: &Connection, backend: &Backend, post: &RemotePost) -> Result<Option<String>> {
    let mapped: Option<String> = conn
        .query_row(
            "SELECT local_id FROM remote_items WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
            params![backend.id, post.id],
            |r| r.get(0),
        )
        .optional()?;
    if mapped.is_some() {
        return Ok(mapped);
    }
    match crate::push::marked_article(&post.content) {
        Some(id) if newsroom_store::article_exists(conn, id)? => Ok(Some(id.to_owned())),
        _ => Ok(None),
    }
}

/// Records the site's version as the base of later merges.
fn remember(
    conn: &Connection,
    backend: &Backend,
    article_id: &str,
    post: &RemotePost,
    text: &ArticleText,
) -> Result<()> {
    conn.execute(
        "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, remote_url,
             remote_modified_gmt, synced_content, synced_source, updated_at)
         VALUES (?1, 'article', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (backend_id, local_kind, local_id) DO UPDATE SET remote_id = excluded.remote_id,
             remote_url = excluded.remote_url, remote_modified_gmt = excluded.remote_modified_gmt,
             synced_content = excluded.synced_content, synced_source = excluded.synced_source,
             updated_at = excluded.updated_at",
        params![
            backend.id,
            article_id,
            crate::push::post_marker(article_id),
            post.id,
            post.link,
            post.modified_gmt,
            post.content,
            serde_json::to_string(text).expect("strings serialise"),
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// A post pulled before: merged into the article when the site changed it.
fn update_known(
    conn: &Connection,
    backend: &Backend,
    article_id: &str,
    post: &RemotePost,
) -> Result<PullOutcome> {
    crate::seen_post(conn, &backend.id, post)?;
    let known = crate::remote_item(conn, &backend.id, "article", article_id)?;
    if known
        .as_ref()
        .is_some_and(|k| k.remote_modified_gmt == post.modified_gmt)
    {
        return Ok(PullOutcome::Unchanged);
    }
    // A piece on its way to this site (queued, being sent, or waiting for the user to settle
    // a conflict) has the site's edits merged by that push, with the user choosing where both
    // changed; a pull merging underneath it would change the ground the push stands on.
    if crate::outbox::has_open_job(conn, article_id, &backend.id)? {
        return Ok(PullOutcome::Unchanged);
    }
    let base: ArticleText = known
        .map(|k| serde_json::from_str(&k.synced_source).unwrap_or_default())
        .unwrap_or_default();
    let (site, _) = site_version(conn, backend, post)?;
    newsroom_store::write(conn, |tx| {
        let article = newsroom_articles::get(tx, article_id)?;
        let Some(merged) = resolve(&merge(&base, &ArticleText::of(&article), &site), &[]) else {
            return Ok(PullOutcome::Conflict);
        };
        save_merged(
            tx,
            article,
            merged,
            &crate::people::editor_of(tx, backend, post)?,
            Utc::now(),
        )?;
        remember(tx, backend, article_id, post, &site)?;
        Ok(PullOutcome::Updated)
    })
}

/// The directory entry a tag names: found by name among people, then organisations, or added
/// as whichever the suggestion rules read it as.
fn entity_for_tag(conn: &Connection, name: &str, now: DateTime<Utc>) -> Result<String> {
    for kind in [EntityKind::Person, EntityKind::Organisation] {
        if let Some(id) = newsroom_entities::find_by_name(conn, kind, name)? {
            return Ok(id);
        }
    }
    let read = newsroom_suggestions::suggest(name, &newsroom_suggestions::KnownEntities::empty());
    let kind = if read.organisations.is_empty() {
        EntityKind::Person
    } else {
        EntityKind::Organisation
    };
    let input = EntityInput {
        kind,
        name: name.to_owned(),
        aliases: Vec::new(),
        roles: Vec::new(),
        parent: None,
        uri: None,
    };
    Ok(newsroom_entities::upsert(conn, &input, now)?.0)
}

/// A photo downloaded from the site and imported into the library.
struct PulledPhoto {
    photo_id: String,
    media: RemoteMedia,
}

fn pull_photos(
    conn: &Connection,
    photos_dir: &Path,
    wp: &WordPress,
    post: &RemotePost,
    now: DateTime<Utc>,
    skipped: &mut usize,
) -> Result<Vec<PulledPhoto>> {
    let mut media = wp.attached_media(post.id)?;
    if post.featured_media > 0 && !media.iter().any(|m| m.id == post.featured_media) {
        media.push(wp.media(post.featured_media)?);
    }
    // The article keeps the photos in the order the story places them; attached media the
    // body does not show follow, oldest first.
    media.sort_by_key(|m| (post.content.find(&m.source_url).unwrap_or(usize::MAX), m.id));
    let mut pulled = Vec::with_capacity(media.len());
    for item in media {
        let bytes = wp.download(&item.source_url, MAX_PHOTO_BYTES)?;
        let name = item
            .source_url
            .rsplit('/')
            .next()
            .unwrap_or("photo.jpg")
            .to_owned();
        // The same bytes pulled twice (or pushed from here) are one photo. One the library
        // cannot read does not stop the piece from arriving.
        match newsroom_photos::import_bytes(conn, photos_dir, &name, &bytes, None, now) {
            Ok(imported) => pulled.push(PulledPhoto {
                photo_id: imported.photo.id,
                media: item,
            }),
            Err(_) => *skipped += 1,
        }
    }
    Ok(pulled)
}

/// What [`create`] made of a post.
enum Made {
    /// A new piece: its id, headline, photos and photos left on the site.
    Piece(String, String, usize, usize),
    /// Another pull on this store made the post's piece while this one fetched its photos.
    Already(String),
}

/// A post new to this store becomes an article in the state it has on the site. With
/// `shared_history` the site holds the piece's changes of state (its review), which arrive
/// next and set the state; otherwise the post's status is taken, recorded as received.
fn create(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    post: &RemotePost,
    shared_history: bool,
) -> Result<Made> {
    let now = Utc::now();
    let mut skipped = 0;
    let photos = pull_photos(conn, photos_dir, wp, post, now, &mut skipped)?;
    let tags = wp.term_names("tags", &post.tags)?;
    let section = wp.term_names("categories", &post.categories)?.into_iter().next();
    newsroom_store::write(conn, |tx| {
        // Asked again inside the write: the network calls above left time for another pull
        // to make this post's piece. The store's unique key on the post refuses a second
        // one in any case; this turns that refusal into the piece that is already there.
        if let Some(existing) = known_article(tx, backend, post.id)? {
            return Ok(Made::Already(existing));
        }
        // The photos are known on this backend from now on: a later push re-uses them.
        for photo in &photos {
            tx.execute(
                "INSERT INTO remote_items (backend_id, local_kind, local_id, marker, remote_id, remote_url, updated_at)
                 VALUES (?1, 'photo', ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (backend_id, local_kind, local_id) DO NOTHING",
                params![
                    backend.id,
                    photo.photo_id,
                    photo.media.slug,
                    photo.media.id,
                    photo.media.source_url,
                    timestamp(now)
                ],
            )?;
        }
        // The photos are mapped above, so the body places them as `photo:` images.
        let (text, found) = site_version(tx, backend, post)?;
        let fields = ArticleFields {
            headline: text.headline.clone(),
            sapo: text.sapo.clone(),
            body: text.body.clone(),
            byline: site_byline(post),
            dateline: String::new(),
            section: section.clone().unwrap_or_default(),
        };
        let article = newsroom_articles::create(tx, &fields, &backend.name, now)?;
        for photo in &photos {
            newsroom_photos::attach(tx, &article.id, &photo.photo_id)?;
            let figure = found.iter().find(|f| f.src == photo.media.source_url);
            let caption = figure
                .map(|f| f.caption.clone())
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| plain(&photo.media.caption));
            if !caption.is_empty() {
                newsroom_photos::set_article_caption(tx, &article.id, &photo.photo_id, Some(&caption))?;
            }
            // The site's fields fill what the library does not know yet; nothing it knows is
            // replaced.
            let known = newsroom_photos::get(tx, &photo.photo_id)?;
            let credit = figure.map(|f| f.credit.clone()).unwrap_or_default();
            let description = plain(&photo.media.description);
            let change = newsroom_photos::PhotoEdit {
                alt_text: (known.alt_text.is_empty() && !photo.media.alt_text.is_empty())
                    .then(|| photo.media.alt_text.clone()),
                credit: (known.credit.is_empty() && !credit.is_empty()).then_some(credit),
                description: (known.description.is_empty() && !description.is_empty()).then_some(description),
                ..Default::default()
            };
            newsroom_photos::edit(tx, &photo.photo_id, &change, now)?;
        }
        if let Some(lead) = photos.iter().find(|p| p.media.id == post.featured_media) {
            newsroom_photos::set_lead(tx, &article.id, Some(&lead.photo_id))?;
        }
        for name in &tags {
            let entity = entity_for_tag(tx, name, now)?;
            newsroom_entities::tag(tx, &article.id, &entity, "")?;
        }
        let status = match post.status.as_str() {
            "publish" => Status::Published,
            "pending" | "future" => Status::Submitted,
            _ => Status::Draft,
        };
        if !shared_history {
            let receipt =
                crate::schedule::move_uid(backend, post.id, &format!("received-{}", status.as_str()));
            newsroom_articles::set_received_status(tx, &article.id, status, &backend.name, &receipt, now)?;
        }
        remember(tx, backend, &article.id, post, &text)?;
        crate::seen_post(tx, &backend.id, post)?;
        Ok(Made::Piece(article.id, article.headline, photos.len(), skipped))
    })
}

/// Text of a field WordPress stores as HTML (a media caption or description).
fn plain(html: &str) -> String {
    newsroom_markdown::html_to_markdown(html, &HashMap::new())
        .markdown
        .trim()
        .to_owned()
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

/// The local article mapped to a post on this site.
fn known_article(conn: &Connection, backend: &Backend, post_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT local_id FROM remote_items WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
            params![backend.id, post_id],
            |r| r.get(0),
        )
        .optional()?)
}
