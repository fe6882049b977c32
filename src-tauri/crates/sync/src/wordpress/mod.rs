//! The WordPress REST API as this app uses it: Application Passwords over HTTP Basic, posts,
//! media, tags and categories. Every call has a time limit; every failure says which.

use base64::Engine;
use serde_json::{json, Value};

use crate::SyncError;

mod transport;

pub(crate) use transport::{agent, cut_off, site_index, transport_error, upload_agent, Counted};
use transport::{passing, read, REPEATS, REPEAT_WAIT};
pub use transport::{reachable, CONNECT_TIMEOUT, STALL_TIMEOUT, UPLOAD_STALL_TIMEOUT};

/// A signed-in connection to one WordPress site.
pub struct WordPress {
    base: String,
    /// The companion plugin's routes (`wordpress/newsroom-desk`), see `desk_plugin.rs`.
    pub(crate) desk: String,
    authorization: String,
    pub(crate) agent: ureq::Agent,
    /// Photo uploads wait longer for the answer (see [`UPLOAD_STALL_TIMEOUT`]).
    uploads: ureq::Agent,
    /// How many requests the site answered whole (with JSON): a send that failed after some
    /// were answered met a flaky link, not a site that is down.
    answered: std::sync::atomic::AtomicUsize,
}

/// A post as read back from the site (edit context: raw fields).
#[derive(Debug, Clone)]
pub struct RemotePost {
    pub id: i64,
    pub status: String,
    /// The user id of the post's author on the site.
    pub author: i64,
    /// When the post is (or was) published, as the site keeps it in UTC.
    pub date_gmt: String,
    pub modified_gmt: String,
    pub title: String,
    pub excerpt: String,
    pub content: String,
    pub link: String,
    pub featured_media: i64,
    pub tags: Vec<i64>,
    pub categories: Vec<i64>,
    /// Who last changed the post's text: their user id and the site's name for them (from the
    /// companion plugin; `None` without it).
    pub edited_by: Option<(i64, String)>,
}

/// What this machine's user may do on a site, from their capabilities there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteRights {
    /// Add a section (`manage_categories`: an Author may not).
    pub may_add_sections: bool,
    /// Publish or schedule a post (`publish_posts`: a Contributor may not).
    pub may_publish: bool,
    /// Edit, and so publish, other people's posts (`edit_others_posts`: an Author may not).
    pub may_edit_others: bool,
}

/// A media item as the site stores it.
#[derive(Debug, Clone, Default)]
pub struct RemoteMedia {
    pub id: i64,
    pub source_url: String,
    pub width: u32,
    pub height: u32,
    pub slug: String,
    pub caption: String,
    pub alt_text: String,
    pub description: String,
}

fn post_from(value: &Value) -> RemotePost {
    let text = |v: &Value| {
        v.get("raw")
            .or_else(|| v.get("rendered"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    RemotePost {
        id: value["id"].as_i64().unwrap_or_default(),
        status: value["status"].as_str().unwrap_or_default().to_owned(),
        author: value["author"].as_i64().unwrap_or_default(),
        date_gmt: value["date_gmt"].as_str().unwrap_or_default().to_owned(),
        modified_gmt: value["modified_gmt"].as_str().unwrap_or_default().to_owned(),
        title: text(&value["title"]),
        excerpt: text(&value["excerpt"]),
        content: text(&value["content"]),
        link: value["link"].as_str().unwrap_or_default().to_owned(),
        featured_media: value["featured_media"].as_i64().unwrap_or_default(),
        tags: ids(&value["tags"]),
        categories: ids(&value["categories"]),
        edited_by: value["newsroom_edited_by"]["id"].as_i64().map(|id| {
            let name = value["newsroom_edited_by"]["name"].as_str().unwrap_or_default();
            (id, name.to_owned())
        }),
    }
}

fn ids(value: &Value) -> Vec<i64> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

/// A field of the edit context: its raw form when the site gives one.
fn raw_text(value: &Value) -> String {
    value
        .get("raw")
        .or_else(|| value.get("rendered"))
        .or(Some(value))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn media_from(value: &Value) -> RemoteMedia {
    RemoteMedia {
        id: value["id"].as_i64().unwrap_or_default(),
        source_url: value["source_url"].as_str().unwrap_or_default().to_owned(),
        width: value["media_details"]["width"].as_u64().unwrap_or_default() as u32,
        height: value["media_details"]["height"].as_u64().unwrap_or_default() as u32,
        slug: value["slug"].as_str().unwrap_or_default().to_owned(),
        caption: raw_text(&value["caption"]),
        alt_text: raw_text(&value["alt_text"]),
        description: raw_text(&value["description"]),
    }
}

/// Bytes a query value keeps as they are: RFC 3986 unreserved characters.
const QUERY: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query value.
fn query(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY).to_string()
}

impl WordPress {
    pub fn new(url: &str, user: &str, password: &str) -> WordPress {
        WordPress {
            base: format!("{}/wp-json/wp/v2", url.trim_end_matches('/')),
            desk: format!("{}/wp-json/newsroom/v1", url.trim_end_matches('/')),
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
            ),
            agent: agent(),
            uploads: upload_agent(),
            answered: Default::default(),
        }
    }

    /// A request signed in as the site's user, asking for JSON.
    pub(crate) fn signed(&self, request: ureq::Request) -> ureq::Request {
        request
            .set("Authorization", &self.authorization)
            .set("Accept", "application/json")
    }

    /// Sends a request and reads its JSON answer. A request that changes nothing when sent
    /// twice (a read, a PUT, a DELETE) is asked again at once when it meets a passing fault;
    /// see [`WordPress::call_repeating`].
    pub(crate) fn call(&self, request: ureq::Request, body: Option<Value>) -> Result<Value, SyncError> {
        let repeatable = matches!(request.method(), "GET" | "PUT" | "DELETE");
        self.call_repeating(request, body, repeatable)
    }

    /// Sends a request and reads its JSON answer. When `repeatable` (sending it twice has the
    /// effect of sending it once) and it meets a passing fault (a reset, a cut or garbled
    /// answer, a 5xx), it is sent again at once, twice at most, after a short jittered wait: a
    /// job that would otherwise wait out a backoff for one lost answer gets on. A request that
    /// creates something is never repeated here; the outbox retries it, finding by marker what
    /// an interrupted attempt created.
    fn call_repeating(
        &self,
        request: ureq::Request,
        body: Option<Value>,
        repeatable: bool,
    ) -> Result<Value, SyncError> {
        let request = self.signed(request);
        let mut again = 0;
        loop {
            let answer = self.heard(read(match &body {
                Some(body) => request.clone().send_json(body),
                None => request.clone().call(),
            }));
            match answer {
                Err(err) if repeatable && again < REPEATS && passing(&err) => {
                    again += 1;
                    std::thread::sleep(REPEAT_WAIT.mul_f64(0.5 + fastrand::f64()));
                }
                answer => return answer,
            }
        }
    }

    /// Sets fields of an item that exists (a post, a media item) by its id: the same fields
    /// set twice are set once, so the request is repeatable.
    fn update(&self, path: &str, body: Value) -> Result<Value, SyncError> {
        self.call_repeating(self.agent.post(&format!("{}{path}", self.base)), Some(body), true)
    }

    fn get(&self, path: &str) -> Result<Value, SyncError> {
        self.call(self.agent.get(&format!("{}{path}", self.base)), None)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, SyncError> {
        self.call(self.agent.post(&format!("{}{path}", self.base)), Some(body))
    }

    /// Checks the address and the credentials.
    pub fn me(&self) -> Result<String, SyncError> {
        Ok(self.get("/users/me?context=edit")?["name"]
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    pub fn get_post(&self, id: i64) -> Result<RemotePost, SyncError> {
        Ok(post_from(&self.get(&format!("/posts/{id}?context=edit"))?))
    }

    /// The post carrying this marker in its content, whatever its status.
    pub fn find_post(&self, marker: &str) -> Result<Option<RemotePost>, SyncError> {
        Ok(self.posts_with_marker(marker)?.into_iter().next())
    }

    /// Every post carrying this marker in its content, whatever its status (one, when
    /// exactly-once holds).
    pub fn posts_with_marker(&self, marker: &str) -> Result<Vec<RemotePost>, SyncError> {
        let found = self.get(&format!(
            "/posts?context=edit&status=any&per_page=20&search={}",
            query(marker)
        ))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .map(post_from)
            .filter(|post| post.content.contains(marker))
            .collect())
    }

    pub fn create_post(&self, fields: Value) -> Result<RemotePost, SyncError> {
        Ok(post_from(&self.post("/posts?context=edit", fields)?))
    }

    pub fn update_post(&self, id: i64, fields: Value) -> Result<RemotePost, SyncError> {
        Ok(post_from(
            &self.update(&format!("/posts/{id}?context=edit"), fields)?,
        ))
    }

    /// One page (from 1) of the posts in a workflow state (`pending`: submitted for review),
    /// newest first, as ids and last-modified times only (a page of whole posts is heavy for
    /// the site), with how many pages there are.
    pub fn posts_with_status(&self, status: &str, page: u32) -> Result<(Vec<(i64, String)>, u32), SyncError> {
        let (found, pages) = self.page(
            &format!(
                "/posts?context=edit&status={}&per_page=100&orderby=date&order=desc&_fields=id,modified_gmt",
                query(status)
            ),
            page,
        )?;
        let items = found
            .as_array()
            .ok_or_else(|| SyncError::Garbage("a list of posts was expected".into()))?;
        let listed = items
            .iter()
            .filter_map(|item| {
                Some((
                    item["id"].as_i64()?,
                    item["modified_gmt"].as_str().unwrap_or_default().to_owned(),
                ))
            })
            .collect();
        Ok((listed, pages))
    }

    /// The status of each of these posts that the site still has, as `(id, status)`.
    pub fn post_statuses(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, SyncError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let found = self.get(&format!(
            "/posts?context=edit&status=any&per_page=100&include={list}&_fields=id,status"
        ))?;
        let items = found
            .as_array()
            .ok_or_else(|| SyncError::Garbage("a list of posts was expected".into()))?;
        Ok(items
            .iter()
            .filter_map(|item| Some((item["id"].as_i64()?, item["status"].as_str()?.to_owned())))
            .collect())
    }

    /// One page of a list, with how many pages there are (WordPress says so in a header;
    /// asking past the last page is an error).
    fn page(&self, path: &str, page: u32) -> Result<(Value, u32), SyncError> {
        let url = format!("{}{path}&page={page}", self.base);
        let response = self.signed(self.agent.get(&url)).call();
        let pages: u32 = response
            .as_ref()
            .ok()
            .and_then(|r| r.header("X-WP-TotalPages"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1);
        Ok((self.heard(read(response))?, pages))
    }

    /// Counts an answer the site gave whole.
    fn heard(&self, answer: Result<Value, SyncError>) -> Result<Value, SyncError> {
        if answer.is_ok() {
            self.answered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        answer
    }

    /// How many requests the site has answered whole through this client.
    pub fn answered(&self) -> usize {
        self.answered.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every section (category) of the site, as `(id, name)`, and what this user may do there.
    pub fn sections(&self) -> Result<(Vec<(i64, String)>, SiteRights), SyncError> {
        let mut sections = Vec::new();
        let mut page = 1;
        loop {
            let (found, pages) = self.page("/categories?per_page=100&_fields=id,name", page)?;
            let items = found
                .as_array()
                .ok_or_else(|| SyncError::Garbage("a list of sections was expected".into()))?;
            sections.extend(
                items
                    .iter()
                    .filter_map(|c| Some((c["id"].as_i64()?, decode_entities(c["name"].as_str()?)))),
            );
            if page >= pages {
                break;
            }
            page += 1;
        }
        let me = self.get("/users/me?context=edit")?;
        let may = |capability: &str| me["capabilities"][capability].as_bool().unwrap_or(false);
        let rights = SiteRights {
            may_add_sections: may("manage_categories"),
            may_publish: may("publish_posts"),
            may_edit_others: may("edit_others_posts"),
        };
        Ok((sections, rights))
    }

    /// The media attached to a post.
    pub fn attached_media(&self, post: i64) -> Result<Vec<RemoteMedia>, SyncError> {
        let found = self.get(&format!("/media?context=edit&per_page=100&parent={post}"))?;
        Ok(found.as_array().into_iter().flatten().map(media_from).collect())
    }

    pub fn media(&self, id: i64) -> Result<RemoteMedia, SyncError> {
        Ok(media_from(&self.get(&format!("/media/{id}?context=edit"))?))
    }

    /// Names of the terms (tags, or categories) with these ids.
    pub fn term_names(&self, taxonomy: &str, ids: &[i64]) -> Result<Vec<String>, SyncError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let found = self.get(&format!("/{taxonomy}?per_page=100&include={list}"))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|term| term["name"].as_str().map(decode_entities))
            .collect())
    }

    /// Downloads a file the site serves (an uploaded photo), at most `limit` bytes.
    pub fn download(&self, url: &str, limit: u64) -> Result<Vec<u8>, SyncError> {
        let response = self.agent.get(url).call().map_err(|e| match e {
            ureq::Error::Status(status, _) => SyncError::Remote {
                status,
                body: format!("downloading {url}"),
            },
            ureq::Error::Transport(t) => transport_error(t),
        })?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(response.into_reader(), limit + 1),
            &mut bytes,
        )
        .map_err(|e| cut_off("the download", e))?;
        if bytes.len() as u64 > limit {
            return Err(SyncError::Invalid(format!("{url} is larger than {limit} bytes")));
        }
        Ok(bytes)
    }

    /// The media item whose slug is `slug` (the app names uploads after their marker).
    pub fn find_media(&self, slug: &str) -> Result<Option<RemoteMedia>, SyncError> {
        let found = self.get(&format!("/media?context=edit&per_page=5&slug={}", query(slug)))?;
        Ok(found.as_array().and_then(|items| items.first()).map(media_from))
    }

    /// Uploads a JPEG, the raw body with a Content-Disposition header. The slug goes in the
    /// same request, so the item can never exist without it (WordPress would otherwise name
    /// it after the caption it reads from the file).
    /// `sent` hears how many bytes of the file have gone out so far.
    pub fn upload_media(
        &self,
        slug: &str,
        bytes: &[u8],
        sent: &dyn Fn(u64),
    ) -> Result<RemoteMedia, SyncError> {
        let file_name = format!("{slug}.jpg");
        let request = self
            .signed(
                self.uploads
                    .post(&format!("{}/media?context=edit&slug={}", self.base, query(slug))),
            )
            .set("Content-Type", "image/jpeg")
            .set(
                "Content-Disposition",
                &format!("attachment; filename=\"{file_name}\""),
            )
            // With the length given, ureq sends the body as it is instead of in chunks
            // (which PHP's server does not read).
            .set("Content-Length", &bytes.len().to_string());
        Ok(media_from(
            &self.heard(read(request.send(Counted::new(bytes, sent))))?,
        ))
    }

    pub fn update_media(&self, id: i64, fields: Value) -> Result<RemoteMedia, SyncError> {
        Ok(media_from(
            &self.update(&format!("/media/{id}?context=edit"), fields)?,
        ))
    }

    /// The id of the tag (or category, with `taxonomy` = "categories") with exactly this
    /// name, created when the site has none.
    pub fn term(&self, taxonomy: &str, name: &str) -> Result<i64, SyncError> {
        let found = self.get(&format!("/{taxonomy}?per_page=100&search={}", query(name)))?;
        // The site's own spelling wins over the reporter's: `Văn hoá` typed here is the site's
        // `Văn hóa` (the same words, the tone placed elsewhere), never a second section an
        // Author may not create. An exact match is taken first.
        let terms: Vec<(String, i64)> = found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|term| Some((decode_entities(term["name"].as_str()?), term["id"].as_i64()?)))
            .collect();
        let key = newsroom_text::same_words_key(name);
        let existing = terms
            .iter()
            .find(|(found, _)| found == name)
            .or_else(|| {
                terms
                    .iter()
                    .find(|(found, _)| newsroom_text::same_words_key(found) == key)
            })
            .map(|(_, id)| *id);
        if let Some(id) = existing {
            return Ok(id);
        }
        match self.post(&format!("/{taxonomy}"), json!({ "name": name })) {
            Ok(created) => Ok(created["id"].as_i64().unwrap_or_default()),
            // Another client created it in between: WordPress names the existing term.
            Err(SyncError::Remote { body, .. }) if body.contains("term_exists") => {
                let value: Value = serde_json::from_str(&body).unwrap_or_default();
                value["data"]["term_id"]
                    .as_i64()
                    .ok_or_else(|| SyncError::Garbage(format!("term_exists without an id: {body}")))
            }
            // An Author may use the site's sections and tags but not add new ones.
            Err(SyncError::Forbidden(why)) => Err(SyncError::Forbidden(format!(
                "the site does not let this user add the {} “{name}”; ask the site's editors to add it, or choose an existing one ({why})",
                if taxonomy == "categories" { "section" } else { "tag" }
            ))),
            Err(other) => Err(other),
        }
    }
}

/// WordPress returns term names HTML-escaped (`&amp;`).
fn decode_entities(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&#039;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
