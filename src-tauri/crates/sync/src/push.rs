//! Pushing one article to a WordPress site: its photos (uploaded with the caption fields inside
//! the file, then captioned through the API), its people and organisations as tags, its
//! section as a category, then the post itself, each step exactly once.

use std::collections::HashMap;
use std::path::Path;

use newsroom_articles::{Article, Status};
use newsroom_photos::{ArticlePhoto, Rendition};
use rusqlite::Connection;
use serde_json::json;

use crate::merge::{self, ArticleText};
use crate::wordpress::RemotePost;
use crate::wordpress::{RemoteMedia, WordPress};
use crate::{
    attempt, attempted, intend, record, remember_source, remote_item, Answer, Backend, Result, SyncError,
};

/// What identifies a version of a post's text: title, excerpt and content, trimmed (WordPress
/// may drop trailing white space).
fn fingerprint(title: &str, excerpt: &str, content: &str) -> String {
    serde_json::to_string(&[title.trim(), excerpt.trim(), content.trim()]).expect("strings serialise")
}

fn remote_fingerprint(post: &RemotePost) -> String {
    fingerprint(&post.title, &post.excerpt, &post.content)
}

/// The WordPress status a push sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteStatus {
    Draft,
    /// Submitted for review.
    Pending,
    /// Scheduled: WordPress publishes it at the piece's publication time.
    Future,
    Publish,
}

impl RemoteStatus {
    /// The post status a piece in this workflow state is sent as: submitted, in review or
    /// approved → `pending`, approved and scheduled → `future`, published → `publish`, draft,
    /// returned or spiked → `draft` (a spiked piece leaves the desk's queue on the site, and a
    /// published one is taken off it: gone for readers, its URL and feeds included, kept for
    /// the site's editors).
    pub fn of(article: &Article) -> RemoteStatus {
        match article.status {
            Status::Approved if article.publish_at.is_some() => RemoteStatus::Future,
            Status::Submitted | Status::InReview | Status::Approved => RemoteStatus::Pending,
            Status::Published => RemoteStatus::Publish,
            Status::Draft | Status::Returned | Status::Spiked => RemoteStatus::Draft,
        }
    }

    /// The status an outbox job names.
    pub fn parse(text: &str) -> RemoteStatus {
        match text {
            "draft" => RemoteStatus::Draft,
            "future" => RemoteStatus::Future,
            "publish" => RemoteStatus::Publish,
            _ => RemoteStatus::Pending,
        }
    }

    /// Whether moving a piece into this state sends it by itself: submitting hands it to the
    /// desk on the site, taking and approving tell the other machines (and carry the review
    /// with the piece), returning hands it back to its reporter with the desk's note,
    /// publishing publishes it, and spiking takes it off the sites that have it. A draft is
    /// sent when the user asks.
    pub fn sent_on_entry(status: Status) -> bool {
        matches!(
            status,
            Status::Submitted
                | Status::InReview
                | Status::Approved
                | Status::Returned
                | Status::Published
                | Status::Spiked
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RemoteStatus::Draft => "draft",
            RemoteStatus::Pending => "pending",
            RemoteStatus::Future => "future",
            RemoteStatus::Publish => "publish",
        }
    }
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushOutcome {
    pub post_id: i64,
    pub link: String,
    /// False when the post existed already (updated, or found by its marker after an
    /// interrupted attempt).
    pub created: bool,
    pub media_uploaded: usize,
}

/// The marker in a post's content that ties it to the local article.
pub fn post_marker(article_id: &str) -> String {
    format!("newsroom:{article_id}")
}

/// The story's HTML with the marker inside its first element, right after the opening tag.
/// WordPress wraps a comment standing alone between blocks in a paragraph of its own
/// (wpautop), which readers would get as an empty paragraph above every story; inside an
/// element it is left alone. Posts written before carry the marker alone on the first line,
/// and are still found by it.
fn with_marker(story: &str, marker: &str) -> String {
    let comment = format!("<!-- {marker} -->");
    match story.find('>').filter(|_| story.starts_with('<')) {
        Some(end) => format!("{}{comment}{}", &story[..=end], &story[end + 1..]),
        None => format!("{comment}\n{story}"),
    }
}

/// The article a post's marker names, wherever in the content the marker stands.
pub(crate) fn marked_article(content: &str) -> Option<&str> {
    let start = content.find("<!-- newsroom:")? + "<!-- newsroom:".len();
    let rest = &content[start..];
    Some(&rest[..rest.find(" -->")?])
}

/// The slug given to an uploaded photo: the same bytes always get the same one.
pub fn media_marker(sha256: &str) -> String {
    format!("newsroom-photo-{}", &sha256[..24.min(sha256.len())])
}

fn media_answer(media: &RemoteMedia) -> Answer<'_> {
    Answer {
        remote_id: media.id,
        url: &media.source_url,
        modified_gmt: "",
        content: "",
    }
}

/// How much of a push's photo bytes has been sent: `(sent, total)`.
pub type Progress<'a> = &'a dyn Fn(u64, u64);

/// The photos of a push still to upload, made ready before anything is sent so the progress
/// has a fixed total.
pub(crate) struct Uploads {
    /// Photo id → the file to upload (the web rendition with its caption inside).
    pub(crate) files: HashMap<String, Vec<u8>>,
    pub(crate) total: u64,
    done: std::cell::Cell<u64>,
}

/// The files of an article's photos that this backend does not have yet.
pub(crate) fn prepare_uploads(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    photos: &[ArticlePhoto],
) -> Result<Uploads> {
    let mut files = HashMap::new();
    for item in photos {
        let known = remote_item(conn, &backend.id, "photo", &item.photo.id)?;
        if known.and_then(|k| k.remote_id).is_none() {
            // WordPress reads only IIM on upload, so the file carries the caption and credit
            // inside as well as in the fields set after the upload.
            let bytes = newsroom_photos::export_bytes(
                conn,
                photos_dir,
                &item.photo.id,
                Rendition::Web,
                Some(&item.caption),
            )?;
            files.insert(item.photo.id.clone(), bytes);
        }
    }
    let total = files.values().map(|f| f.len() as u64).sum();
    Ok(Uploads {
        files,
        total,
        done: std::cell::Cell::new(0),
    })
}

#[allow(clippy::too_many_arguments)]
fn push_photo(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
    item: &ArticlePhoto,
    post: Option<i64>,
    uploads: &Uploads,
    progress: Progress<'_>,
    uploaded: &mut usize,
) -> Result<RemoteMedia> {
    let photo = &item.photo;
    let known = remote_item(conn, &backend.id, "photo", &photo.id)?;
    let marker = known
        .as_ref()
        .map(|k| k.marker.clone())
        .unwrap_or_else(|| media_marker(&photo.sha256));
    let media = match known.and_then(|k| k.remote_id) {
        Some(id) => RemoteMedia {
            id,
            ..RemoteMedia::default()
        },
        None => {
            intend(conn, &backend.id, "photo", &photo.id, &marker)?;
            let media = match wp.find_media(&marker)? {
                Some(found) => found,
                None => {
                    let bytes = uploads.files.get(&photo.id).ok_or_else(|| {
                        SyncError::Invalid(format!("photo {} was not made ready to upload", photo.id))
                    })?;
                    *uploaded += 1;
                    let before = uploads.done.get();
                    let media =
                        wp.upload_media(&marker, bytes, &|sent| progress(before + sent, uploads.total))?;
                    uploads.done.set(before + bytes.len() as u64);
                    media
                }
            };
            record(conn, &backend.id, "photo", &photo.id, media_answer(&media))?;
            media
        }
    };
    // The fields are set on every push, so a caption changed here reaches the site; once the
    // post exists, the same request attaches the media to it.
    let mut fields = json!({
        "caption": item.caption,
        "alt_text": photo.alt_text,
        "description": photo.description,
    });
    if let Some(post) = post {
        fields["post"] = json!(post);
    }
    let media = wp.update_media(media.id, fields)?;
    record(conn, &backend.id, "photo", &photo.id, media_answer(&media))?;
    Ok(media)
}

fn term(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
    taxonomy: &str,
    local: &str,
    name: &str,
) -> Result<i64> {
    let kind = if taxonomy == "tags" { "tag" } else { "category" };
    if let Some(id) = remote_item(conn, &backend.id, kind, local)?.and_then(|k| k.remote_id) {
        return Ok(id);
    }
    intend(conn, &backend.id, kind, local, name)?;
    let id = wp.term(taxonomy, name)?;
    let answer = Answer {
        remote_id: id,
        url: "",
        modified_gmt: "",
        content: "",
    };
    record(conn, &backend.id, kind, local, answer)?;
    Ok(id)
}

/// The byline paragraph a push prints under the story (WordPress has no byline field).
const BYLINE_OPEN: &str = "<p class=\"byline\">";

/// Where the story ends in a post's content: before the corrections and the byline the push
/// adds (the body's own HTML is escaped when rendered, so it cannot hold either).
fn story_end(content: &str) -> usize {
    let byline = content.rfind(BYLINE_OPEN).unwrap_or(content.len());
    content
        .find(newsroom_markdown::CORRECTION_OPEN)
        .map_or(byline, |at| at.min(byline))
}

/// A time as WordPress's `date_gmt` takes it.
fn wordpress_date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A post's text as the article's fields: the title, the excerpt, and the content back in
/// Markdown with the photos known on this backend placed as `photo:` images again; with the
/// figures the content shows (their captions and credits). The marker comment and the byline
/// paragraph the push adds are left out.
pub(crate) fn site_version(
    conn: &Connection,
    backend: &Backend,
    post: &RemotePost,
) -> Result<(ArticleText, Vec<newsroom_markdown::FoundFigure>)> {
    let content = &post.content[..story_end(&post.content)];
    let photos = uploaded_photos(conn, &backend.id)?;
    let converted = newsroom_markdown::html_to_markdown(content, &photos);
    let text = ArticleText {
        headline: post.title.trim().to_owned(),
        sapo: post.excerpt.trim().to_owned(),
        body: converted.markdown,
    };
    Ok((text, converted.figures))
}

/// The byline printed under a post, if it has one.
pub(crate) fn site_byline(post: &RemotePost) -> String {
    let Some(at) = post.content.rfind(BYLINE_OPEN) else {
        return String::new();
    };
    let paragraph = &post.content[at..];
    let end = paragraph.find("</p>").map(|e| e + 4).unwrap_or(paragraph.len());
    newsroom_markdown::html_to_markdown(&paragraph[..end], &HashMap::new())
        .markdown
        .trim_matches('*')
        .trim()
        .to_owned()
}

/// Media URL → local photo id, for every photo uploaded to this backend.
pub(crate) fn uploaded_photos(conn: &Connection, backend: &str) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT remote_url, local_id FROM remote_items
         WHERE backend_id = ?1 AND local_kind = 'photo' AND remote_url != ''",
    )?;
    let found = stmt
        .query_map([backend], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Pushes an article: photos, tags, section, then the post, each created at most once. When
/// the post was changed on the site since the last sync, the changes are merged into the
/// article first (saved as a revision); passages both sides changed make it a conflict and
/// nothing is written anywhere.
pub fn push_article(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    wp: &WordPress,
    article_id: &str,
    status: RemoteStatus,
    progress: Progress<'_>,
) -> Result<PushOutcome> {
    let mut article = newsroom_articles::get(conn, article_id)?;
    let photos = newsroom_photos::article_photos(conn, article_id)?;
    let tags = newsroom_entities::article_tags(conn, article_id)?;

    let known = remote_item(conn, &backend.id, "article", article_id)?;
    let known_post = known.as_ref().and_then(|k| k.remote_id);
    // Re-read before every update: someone may have edited the post on the site.
    let mut seen_remote = None;
    if let (Some(id), Some(known)) = (known_post, known.as_ref()) {
        let remote = wp.get_post(id)?;
        // A changed post is someone else's edit, unless it is exactly what our last update
        // tried to write (its answer was lost on the way back).
        let ours = remote_fingerprint(&remote) == attempted(conn, &backend.id, "article", article_id)?;
        if remote.modified_gmt != known.remote_modified_gmt && !ours {
            let base: ArticleText = serde_json::from_str(&known.synced_source).unwrap_or_default();
            let (site, _) = site_version(conn, backend, &remote)?;
            let passages = merge::merge(&base, &ArticleText::of(&article), &site);
            let Some(merged) = merge::resolve(&passages, &[]) else {
                return Err(SyncError::Conflict {
                    remote: remote.modified_gmt,
                    base: known.remote_modified_gmt.clone(),
                    site: Box::new(site),
                });
            };
            let editor = crate::people::editor_of(conn, backend, &remote)?;
            article = merge::save_merged(conn, article, merged, &editor, chrono::Utc::now())?;
        }
        seen_remote = Some(remote);
    }
    let uploads = prepare_uploads(conn, photos_dir, backend, &photos)?;
    progress(0, uploads.total);
    let mut uploaded = 0;
    let mut media = Vec::with_capacity(photos.len());
    for item in &photos {
        media.push(push_photo(
            conn,
            backend,
            wp,
            item,
            known_post,
            &uploads,
            progress,
            &mut uploaded,
        )?);
    }
    let mut tag_ids = Vec::with_capacity(tags.len());
    for tag in &tags {
        tag_ids.push(term(conn, backend, wp, "tags", &tag.entity_id, &tag.name)?);
    }
    let mut categories = Vec::new();
    if !article.section.trim().is_empty() {
        let slug = newsroom_text::slug(&article.section);
        categories.push(term(
            conn,
            backend,
            wp,
            "categories",
            &slug,
            article.section.trim(),
        )?);
    }

    let figure = |id: &str| {
        let index = photos.iter().position(|p| p.photo.id == id)?;
        let (item, remote) = (&photos[index], &media[index]);
        Some(newsroom_markdown::Figure {
            src: remote.source_url.clone(),
            alt: item.photo.alt_text.clone(),
            caption: item.caption.clone(),
            credit: item.photo.credit.clone(),
            width: remote.width,
            height: remote.height,
        })
    };
    let marker = post_marker(article_id);
    let mut content = with_marker(
        &newsroom_markdown::render_with_photos(&article.body, &figure),
        &marker,
    );
    // Corrections are told to readers at the end of the story, never made silently.
    content.push_str(&newsroom_articles::correction_notices(
        &newsroom_articles::corrections(conn, article_id)?,
    ));
    if !article.byline.trim().is_empty() {
        // WordPress has no byline field; the newsroom prints it under the story.
        content.push_str(&format!(
            "\n<p class=\"byline\"><strong>{}</strong></p>",
            newsroom_markdown::escape_html(article.byline.trim())
        ));
    }
    let lead = photos
        .iter()
        .position(|p| p.is_lead)
        .map(|i| media[i].id)
        .unwrap_or(0);
    let mut fields = json!({
        "title": article.headline,
        "excerpt": article.sapo,
        "content": content,
        "status": status.as_str(),
        "slug": article.slug,
        "tags": tag_ids,
        "categories": categories,
        "featured_media": lead,
    });
    let site_status = seen_remote
        .as_ref()
        .map(|r| r.status.as_str())
        .unwrap_or_default();
    // A post once scheduled may keep a date ahead on the site (WordPress keeps it through
    // other statuses).
    let dated_ahead = site_status == "future"
        || seen_remote
            .as_ref()
            .and_then(|r| chrono::NaiveDateTime::parse_from_str(&r.date_gmt, "%Y-%m-%dT%H:%M:%S").ok())
            .is_some_and(|date| date.and_utc() > chrono::Utc::now());
    match (status, article.publish_at) {
        // WordPress publishes a `future` post itself when its date comes.
        (RemoteStatus::Future, Some(at)) => fields["date_gmt"] = json!(wordpress_date(at)),
        // The schedule was lifted while the job waited: the piece is with the desk again.
        (RemoteStatus::Future, None) => fields["status"] = json!(RemoteStatus::Pending.as_str()),
        // A post scheduled before and published now is dated now: WordPress would keep a
        // date in the future scheduled.
        (RemoteStatus::Publish, _) if dated_ahead => {
            fields["date_gmt"] = json!(wordpress_date(chrono::Utc::now()))
        }
        // A post taken back from its schedule is undated again, so the site dates it when it
        // is published.
        (RemoteStatus::Pending | RemoteStatus::Draft, _) if dated_ahead => {
            fields["date_gmt"] = serde_json::Value::Null
        }
        _ => {}
    }

    let sending = fingerprint(&article.headline, &article.sapo, &content);
    let (post, created) = match seen_remote {
        Some(remote) => {
            attempt(conn, &backend.id, "article", article_id, &sending)?;
            (wp.update_post(remote.id, fields)?, false)
        }
        None => {
            intend(conn, &backend.id, "article", article_id, &marker)?;
            attempt(conn, &backend.id, "article", article_id, &sending)?;
            match wp.find_post(&marker)? {
                // An earlier attempt created it but never heard back: this is our post.
                Some(found) => (wp.update_post(found.id, fields)?, false),
                None => (wp.create_post(fields)?, true),
            }
        }
    };
    let answer = Answer {
        remote_id: post.id,
        url: &post.link,
        modified_gmt: &post.modified_gmt,
        content: &post.content,
    };
    record(conn, &backend.id, "article", article_id, answer)?;
    crate::seen_post(conn, &backend.id, &post)?;
    remember_source(conn, &backend.id, article_id, &ArticleText::of(&article))?;
    // The piece's time came while it waited to be sent: the site published it at once.
    if status == RemoteStatus::Future && post.status == RemoteStatus::Publish.as_str() {
        crate::schedule::published_on_schedule(conn, backend, post.id, article_id)?;
    }
    // Media pushed before the post existed are attached to it now, so the site lists them
    // together (later pushes attach them while setting their captions).
    if known_post.is_none() {
        for remote in &media {
            wp.update_media(remote.id, json!({ "post": post.id }))?;
        }
    }
    Ok(PushOutcome {
        post_id: post.id,
        link: post.link,
        created,
        media_uploaded: uploaded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_sits_inside_the_first_element_and_is_found_in_old_and_new_posts() {
        let content = with_marker("<h2>Tiêu đề</h2>\n<p>Đoạn.</p>", "newsroom:abc");
        assert_eq!(content, "<h2><!-- newsroom:abc -->Tiêu đề</h2>\n<p>Đoạn.</p>");
        assert_eq!(marked_article(&content), Some("abc"));
        assert_eq!(
            marked_article("<!-- newsroom:old -->\n<p>Trước đây.</p>"),
            Some("old")
        );
        assert_eq!(with_marker("", "newsroom:empty"), "<!-- newsroom:empty -->\n");
        assert_eq!(marked_article("<p>Không có dấu.</p>"), None);
    }
}
