//! A pulled post made into a local article, or merged into the one it was pulled into
//! before: the mapping in `remote_items`, the photos with their captions, the tags as directory
//! entries, the body back in Markdown.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_articles::{ArticleFields, Status};
use newsroom_entities::{EntityInput, EntityKind};
use rusqlite::{params, Connection, OptionalExtension};

use super::{PullOutcome, MAX_PHOTO_BYTES};
use crate::merge::{merge, resolve, save_merged, ArticleText};
use crate::push::{site_byline, site_version};
use crate::wordpress::{RemoteMedia, RemotePost, WordPress};
use crate::{timestamp, Backend, Result};

/// The local article a post belongs to: mapped by an earlier push or pull, or named by the
/// marker a push from this store put in its content.
pub(super) fn local_article(
    conn: &Connection,
    backend: &Backend,
    post: &RemotePost,
) -> Result<Option<String>> {
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
pub(super) fn remember(
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
pub(super) fn update_known(
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
pub(super) struct PulledPhoto {
    photo_id: String,
    media: RemoteMedia,
}

pub(super) fn pull_photos(
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
pub(super) enum Made {
    /// A new piece: its id, headline, photos and photos left on the site.
    Piece(String, String, usize, usize),
    /// Another pull on this store made the post's piece while this one fetched its photos.
    Already(String),
}

/// A post new to this store becomes an article in the state it has on the site. With
/// `shared_history` the site holds the piece's changes of state (its review), which arrive
/// next and set the state; otherwise the post's status is taken, recorded as received.
pub(super) fn create(
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

/// The local article mapped to a post on this site.
pub(super) fn known_article(conn: &Connection, backend: &Backend, post_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT local_id FROM remote_items WHERE backend_id = ?1 AND local_kind = 'article' AND remote_id = ?2",
            params![backend.id, post_id],
            |r| r.get(0),
        )
        .optional()?)
}
