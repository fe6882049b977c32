//! The ninjs HTTP push: for newsrooms whose publishing system takes IPTC ninjs documents over
//! HTTP rather than WordPress. Photos go first, then the document that points at them.
//!
//! The wire protocol (what a receiving system implements):
//! - `PUT {url}/photos/{photo id}.jpg` with the web rendition (JPEG, caption fields inside as
//!   IPTC IIM and XMP), `Content-Type: image/jpeg`. PUT to a name is idempotent, so a retry
//!   after a lost answer replaces the file with the same bytes. The document's rendition
//!   `href` for the photo is that URL.
//! - `POST {url}` with the ninjs 2.1 document, `Content-Type: application/json`, and
//!   `Idempotency-Key: {uri}@{version}`. The receiver keeps one item per `uri` (a newer
//!   `version` replaces an older one), so sending the same piece again never makes two.
//! - Every request carries `X-Newsroom-Signature: sha256=<hex>`: HMAC-SHA256 of the exact
//!   body bytes under the secret shared with the receiver (kept in the OS keychain here).
//! - 2xx is success; 401/403 mean the secret is wrong; 5xx, 408 and 429 are retried.

use std::path::Path;

use hmac::{Hmac, Mac};
use newsroom_photos::{ArticlePhoto, Rendition};
use rusqlite::Connection;
use sha2::Sha256;

use crate::push::{prepare_uploads, Progress, PushOutcome};
use crate::{intend, record, remote_item, Answer, Backend, Result, SyncError};

/// The header that carries the body's signature.
pub const SIGNATURE_HEADER: &str = "X-Newsroom-Signature";

/// `sha256=<hex HMAC-SHA256 of body under secret>`, as the signature header carries it.
pub fn signature(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// A connection to one ninjs receiver.
pub struct NinjsHttp {
    url: String,
    secret: Vec<u8>,
    agent: ureq::Agent,
    uploads: ureq::Agent,
}

impl NinjsHttp {
    pub fn new(url: &str, secret: &str) -> NinjsHttp {
        NinjsHttp {
            url: url.trim_end_matches('/').to_owned(),
            secret: secret.as_bytes().to_vec(),
            agent: crate::wordpress::agent(),
            uploads: crate::wordpress::upload_agent(),
        }
    }

    /// Where a photo's web rendition is put (and read by the receiver's readers).
    pub fn photo_url(&self, photo_id: &str) -> String {
        format!("{}/photos/{photo_id}.jpg", self.url)
    }

    fn send(&self, request: ureq::Request, body: &[u8], sent: &dyn Fn(u64)) -> Result<()> {
        let request = request
            .set(SIGNATURE_HEADER, &signature(&self.secret, body))
            .set("Content-Length", &body.len().to_string());
        let counted = crate::wordpress::Counted::new(body, sent);
        match request.send(counted) {
            Ok(response) => {
                // Read the answer through, so a cut-off answer is a network failure (and
                // retried) rather than a success nobody saw.
                response
                    .into_string()
                    .map_err(|e| crate::wordpress::cut_off("the answer", e))?;
                Ok(())
            }
            Err(ureq::Error::Status(status, response)) => {
                let body: String = response
                    .into_string()
                    .unwrap_or_default()
                    .chars()
                    .take(300)
                    .collect();
                Err(match status {
                    401 | 403 => SyncError::Unauthorized(body),
                    _ => SyncError::Remote { status, body },
                })
            }
            Err(ureq::Error::Transport(t)) => Err(crate::wordpress::transport_error(t)),
        }
    }

    pub fn put_photo(&self, photo_id: &str, jpeg: &[u8], sent: &dyn Fn(u64)) -> Result<String> {
        let url = self.photo_url(photo_id);
        let request = self.uploads.put(&url).set("Content-Type", "image/jpeg");
        self.send(request, jpeg, sent)?;
        Ok(url)
    }

    pub fn post_document(&self, document: &serde_json::Value) -> Result<()> {
        let body = serde_json::to_vec(document).expect("JSON serialises");
        let key = format!(
            "{}@{}",
            document["uri"].as_str().unwrap_or_default(),
            document["version"].as_str().unwrap_or_default()
        );
        let request = self
            .agent
            .post(&self.url)
            .set("Content-Type", "application/json")
            .set("Idempotency-Key", &key);
        self.send(request, &body, &|_| {})
    }
}

/// Pushes an article as a ninjs document: its photos not yet on the receiver, then the
/// document with every picture's rendition pointing at the receiver's copy.
pub fn push_ninjs(
    conn: &Connection,
    photos_dir: &Path,
    backend: &Backend,
    http: &NinjsHttp,
    article_id: &str,
    progress: Progress<'_>,
) -> Result<PushOutcome> {
    let photos = newsroom_photos::article_photos(conn, article_id)?;
    let uploads = prepare_uploads(conn, photos_dir, backend, &photos)?;
    let total = uploads.total;
    progress(0, total);
    let mut done = 0;
    for (photo_id, bytes) in &uploads.files {
        intend(conn, &backend.id, "photo", photo_id, &http.photo_url(photo_id))?;
        let url = http.put_photo(photo_id, bytes, &|sent| progress(done + sent, total))?;
        done += bytes.len() as u64;
        let answer = Answer {
            // The receiver has no ids of its own; the URL is the identity.
            remote_id: 0,
            url: &url,
            modified_gmt: "",
            content: "",
        };
        record(conn, &backend.id, "photo", photo_id, answer)?;
    }

    let rendition = |item: &ArticlePhoto, which: Rendition| {
        (which == Rendition::Web).then(|| {
            let (width, height) = item.photo.size_of(Rendition::Web);
            let path =
                newsroom_photos::file_path(photos_dir, &item.photo.sha256, item.photo.format, Rendition::Web);
            newsroom_ninjs::RenditionRef {
                href: http.photo_url(&item.photo.id),
                width,
                height,
                size: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            }
        })
    };
    let document = newsroom_ninjs::article_document(conn, article_id, &rendition)?;
    let created = remote_item(conn, &backend.id, "article", article_id)?.is_none();
    intend(
        conn,
        &backend.id,
        "article",
        article_id,
        document["uri"].as_str().unwrap_or_default(),
    )?;
    http.post_document(&document)?;
    let answer = Answer {
        remote_id: 0,
        url: document["uri"].as_str().unwrap_or_default(),
        modified_gmt: "",
        content: "",
    };
    record(conn, &backend.id, "article", article_id, answer)?;
    Ok(PushOutcome {
        post_id: 0,
        link: document["uri"].as_str().unwrap_or_default().to_owned(),
        created,
        media_uploaded: uploads.files.len(),
    })
}
