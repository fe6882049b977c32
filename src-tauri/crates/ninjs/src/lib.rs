//! IPTC ninjs 2.1: an article as news-in-JSON, with its people, organisations and pictures,
//! for the HTTP push adapter and `newsroom article export --format ninjs`.
//!
//! Invariants:
//! - Every document validates against the official `ninjs-schema_2.1.json` (the tests check
//!   with a JSON Schema validator, formats included).
//! - The body is the same HTML the preview shows: the one renderer, with each placed photo a
//!   `<figure>` whose image points at the picture's web rendition as given by the caller.

use chrono::{DateTime, SecondsFormat, Utc};
use newsroom_articles::{Article, Correction, Status};
use newsroom_entities::EntityKind;
use newsroom_photos::{ArticlePhoto, Rendition};
use serde::Serialize;

/// The schema version this crate writes.
pub const NINJS_VERSION: &str = "2.1";

#[derive(Serialize)]
struct Standard {
    name: &'static str,
    version: &'static str,
    schema: &'static str,
}

#[derive(Serialize)]
struct Text {
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    contenttype: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Body {
    role: &'static str,
    contenttype: &'static str,
    charcount: u64,
    wordcount: u64,
    value: String,
}

#[derive(Serialize)]
struct Subject {
    name: String,
    rel: &'static str,
    uri: String,
    /// The directory's id for the entry: a stable key when the URI is the newsroom's own.
    literal: String,
}

#[derive(Serialize)]
struct RenditionOut {
    name: &'static str,
    href: String,
    contenttype: &'static str,
    width: u32,
    height: u32,
    sizeinbytes: u64,
}

#[derive(Serialize)]
struct Picture {
    name: String,
    uri: String,
    #[serde(rename = "type")]
    kind: &'static str,
    version: String,
    versioncreated: String,
    language: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    headlines: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    descriptions: Vec<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copyrightnotice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contentcreated: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<Subject>,
    renditions: Vec<RenditionOut>,
}

#[derive(Serialize)]
struct Document {
    uri: String,
    #[serde(rename = "type")]
    kind: &'static str,
    representationtype: &'static str,
    standard: Standard,
    version: String,
    firstcreated: String,
    versioncreated: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    embargoed: Option<String>,
    pubstatus: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ednote: Option<String>,
    language: &'static str,
    headlines: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    descriptions: Vec<Text>,
    bodies: Vec<Body>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    located: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slugline: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subjects: Vec<Subject>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<Subject>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organisations: Vec<Subject>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    associations: Vec<Picture>,
}

/// A tag on the article with the directory URI of its entity.
pub struct Tag {
    pub entity_id: String,
    pub kind: EntityKind,
    pub name: String,
    pub uri: String,
}

/// Where a rendition of a picture can be fetched, and what it is.
pub struct RenditionRef {
    pub href: String,
    pub width: u32,
    pub height: u32,
    pub size: u64,
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Why an article's document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum NinjsError {
    #[error("article: {0}")]
    Article(#[from] newsroom_articles::ArticleError),
    #[error("photo: {0}")]
    Photo(#[from] newsroom_photos::PhotoError),
    #[error("directory: {0}")]
    Entity(#[from] newsroom_entities::EntityError),
}

/// An article from the store as a ninjs document: [`document`] with its tags (and their
/// directory URIs) and its photos loaded.
pub fn article_document(
    conn: &rusqlite::Connection,
    article_id: &str,
    rendition: &dyn Fn(&ArticlePhoto, Rendition) -> Option<RenditionRef>,
) -> Result<serde_json::Value, NinjsError> {
    let article = newsroom_articles::get(conn, article_id)?;
    let tags = newsroom_entities::article_tags(conn, article_id)?
        .into_iter()
        .map(|tag| {
            let uri = newsroom_entities::get(conn, &tag.entity_id)?.uri;
            Ok(Tag {
                entity_id: tag.entity_id,
                kind: tag.kind,
                name: tag.name,
                uri,
            })
        })
        .collect::<Result<Vec<_>, NinjsError>>()?;
    let photos = newsroom_photos::article_photos(conn, article_id)?;
    let history = newsroom_articles::status_history(conn, article_id)?;
    let life = Life {
        corrections: newsroom_articles::corrections(conn, article_id)?,
        // The reason a published piece was taken down, while it stays down.
        taken_down: history
            .last()
            .filter(|m| m.to == Status::Spiked && m.from == Status::Published)
            .map(|m| m.note.clone()),
    };
    Ok(document(&article, &tags, &photos, &life, rendition))
}

/// What happened to a piece after its publication, as its document tells it.
#[derive(Debug, Clone, Default)]
pub struct Life {
    /// Its corrections, oldest first: notices at the end of the body and `descriptions` of
    /// role `correction`.
    pub corrections: Vec<Correction>,
    /// Why it was taken down, when it was (the `ednote` of a `canceled` piece).
    pub taken_down: Option<String>,
}

/// The URI of a local article or photo, for documents made on this machine.
pub fn local_uri(kind: &str, id: &str) -> String {
    format!("urn:newsroom:{kind}:{id}")
}

/// `pubstatus` from the workflow: published pieces, and approved ones scheduled for a time
/// (given as `embargoed`), are usable; a spiked piece is cancelled; anything still in the
/// workflow is withheld.
fn pubstatus(article: &Article) -> &'static str {
    match article.status {
        Status::Published => "usable",
        Status::Approved if article.publish_at.is_some() => "usable",
        Status::Spiked => "canceled",
        _ => "withheld",
    }
}

/// The time before which the piece must not be used: its embargo, or the time it is
/// scheduled for, whichever is later.
fn embargoed(article: &Article) -> Option<String> {
    let scheduled = article.publish_at.filter(|_| article.status == Status::Approved);
    article.embargo_until.max(scheduled).map(time)
}

/// An article as a ninjs 2.1 document. `rendition` says where each picture's renditions live
/// (uploaded media URLs for a backend, file URLs for a local export); a rendition it does not
/// know is left out.
pub fn document(
    article: &Article,
    tags: &[Tag],
    photos: &[ArticlePhoto],
    life: &Life,
    rendition: &dyn Fn(&ArticlePhoto, Rendition) -> Option<RenditionRef>,
) -> serde_json::Value {
    let figures = |id: &str| {
        let photo = photos.iter().find(|p| p.photo.id == id)?;
        let web = rendition(photo, Rendition::Web)?;
        Some(newsroom_markdown::Figure {
            src: web.href,
            alt: photo.photo.alt_text.clone(),
            caption: photo.caption.clone(),
            credit: photo.photo.credit.clone(),
            width: web.width,
            height: web.height,
        })
    };
    // The corrections are part of the story readers get, as on the site.
    let html = newsroom_markdown::render_with_photos(&article.body, &figures)
        + &newsroom_articles::correction_notices(&life.corrections);
    let counts = newsroom_markdown::counts(&article.body);
    let subject = |tag: &Tag| Subject {
        name: tag.name.clone(),
        rel: "mentioned",
        uri: tag.uri.clone(),
        literal: tag.entity_id.clone(),
    };
    let pictures = photos
        .iter()
        .map(|item| {
            let photo = &item.photo;
            let mut descriptions = Vec::new();
            if let Some(caption) = non_empty(&item.caption) {
                descriptions.push(Text {
                    role: Some("caption"),
                    contenttype: "text/plain",
                    value: caption,
                });
            }
            if let Some(alt) = non_empty(&photo.alt_text) {
                descriptions.push(Text {
                    role: Some("alt"),
                    contenttype: "text/plain",
                    value: alt,
                });
            }
            let renditions = [
                (Rendition::Original, "original"),
                (Rendition::Web, "web"),
                (Rendition::Thumb, "thumbnail"),
            ]
            .into_iter()
            .filter_map(|(which, name)| {
                rendition(item, which).map(|r| RenditionOut {
                    name,
                    href: r.href,
                    contenttype: match (which, photo.format) {
                        (Rendition::Original, newsroom_photos::PhotoFormat::Png) => "image/png",
                        (Rendition::Original, newsroom_photos::PhotoFormat::Webp) => "image/webp",
                        _ => "image/jpeg",
                    },
                    width: r.width,
                    height: r.height,
                    sizeinbytes: r.size,
                })
            })
            .collect();
            Picture {
                name: if item.is_lead {
                    "featuremedia".to_owned()
                } else {
                    format!("picture-{}", item.position)
                },
                uri: local_uri("photo", &photo.id),
                kind: "picture",
                version: "1".to_owned(),
                versioncreated: photo.updated_at.clone(),
                language: "vi",
                headlines: non_empty(&photo.headline)
                    .map(|value| Text {
                        role: Some("main"),
                        contenttype: "text/plain",
                        value,
                    })
                    .into_iter()
                    .collect(),
                descriptions,
                by: non_empty(&photo.credit),
                copyrightnotice: non_empty(&photo.copyright),
                contentcreated: chrono::DateTime::parse_from_rfc3339(&photo.date_created)
                    .ok()
                    .map(|d| time(d.with_timezone(&Utc))),
                people: photo
                    .people
                    .iter()
                    .map(|p| Subject {
                        name: p.name.clone(),
                        rel: "depicted",
                        uri: local_uri("person", &p.entity_id),
                        literal: p.entity_id.clone(),
                    })
                    .collect(),
                renditions,
            }
        })
        .collect();
    let doc = Document {
        uri: local_uri("article", &article.id),
        kind: "text",
        representationtype: "full",
        standard: Standard {
            name: "ninjs",
            version: NINJS_VERSION,
            schema: "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
        },
        version: article.version.to_string(),
        firstcreated: time(article.created_at),
        versioncreated: time(article.updated_at),
        embargoed: embargoed(article),
        pubstatus: pubstatus(article),
        ednote: life
            .taken_down
            .as_deref()
            .map(|reason| format!("Gỡ khỏi trang: {}", reason.trim())),
        language: "vi",
        headlines: vec![Text {
            role: Some("main"),
            contenttype: "text/plain",
            value: article.headline.clone(),
        }],
        descriptions: non_empty(&article.sapo)
            .map(|value| Text {
                role: Some("summary"),
                contenttype: "text/plain",
                value,
            })
            .into_iter()
            .chain(life.corrections.iter().map(|c| Text {
                role: Some("correction"),
                contenttype: "text/plain",
                value: format!("{}: {}", c.vietnam_date(), c.note.trim()),
            }))
            .collect(),
        bodies: vec![Body {
            role: "main",
            contenttype: "text/html",
            charcount: counts.characters as u64,
            wordcount: counts.words as u64,
            value: html,
        }],
        by: non_empty(&article.byline),
        located: non_empty(&article.dateline),
        slugline: non_empty(&article.slug),
        subjects: non_empty(&article.section)
            .map(|section| Subject {
                uri: local_uri("section", &newsroom_text::slug(&section)),
                literal: section.clone(),
                name: section,
                rel: "section",
            })
            .into_iter()
            .collect(),
        people: tags
            .iter()
            .filter(|t| t.kind == EntityKind::Person)
            .map(subject)
            .collect(),
        organisations: tags
            .iter()
            .filter(|t| t.kind == EntityKind::Organisation)
            .map(subject)
            .collect(),
        associations: pictures,
    };
    serde_json::to_value(doc).expect("ninjs documents always serialise")
}

/// Turns a local path into a `file:` URL, percent-encoding what a URL cannot hold, in the
/// platform's own form: `file:///home/…` on Linux and macOS, `file:///C:/Users/…` on Windows
/// (a drive and backslashes pasted after `file://` make a URL no reader opens).
pub fn file_url(path: &std::path::Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match url::Url::from_file_path(&absolute) {
        Ok(url) => url.into(),
        // Only a path with no root at all gets here; name it relative to the document.
        Err(()) => percent_encoding::utf8_percent_encode(&path.to_string_lossy(), PATH).to_string(),
    }
}

/// Bytes a relative URL path keeps as they are: RFC 3986 unreserved characters and `/`.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// A picture's rendition as the stored file in the photo library, by `file:` URL: what an
/// export names when no backend has the picture.
pub fn stored_rendition(
    photos_dir: &std::path::Path,
    item: &ArticlePhoto,
    which: Rendition,
) -> Option<RenditionRef> {
    let photo = &item.photo;
    let path = newsroom_photos::file_path(photos_dir, &photo.sha256, photo.format, which);
    let size = std::fs::metadata(&path).ok()?.len();
    let (width, height) = photo.size_of(which);
    Some(RenditionRef {
        href: file_url(&path),
        width,
        height,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::file_url;

    /// A photo's path in a Vietnamese folder becomes a URL a reader opens: three slashes, the
    /// letters and spaces percent-encoded as UTF-8, and on Windows the drive as `C:` with
    /// forward slashes.
    #[test]
    fn file_urls_open_on_every_platform() {
        if cfg!(windows) {
            assert_eq!(
                file_url(std::path::Path::new(r"C:\Users\Thu\Ảnh mới\a.jpg")),
                "file:///C:/Users/Thu/%E1%BA%A2nh%20m%E1%BB%9Bi/a.jpg"
            );
        } else {
            assert_eq!(
                file_url(std::path::Path::new("/home/thu/Ảnh mới/a.jpg")),
                "file:///home/thu/%E1%BA%A2nh%20m%E1%BB%9Bi/a.jpg"
            );
        }
    }
}
