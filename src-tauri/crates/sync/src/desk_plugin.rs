//! The companion WordPress plugin's REST routes (`wordpress/newsroom-desk` in this repository,
//! under `/wp-json/newsroom/v1`): whether a site has it, a post's review document (stored
//! over the revision its writer read, compare-and-set), the feed of reviews changed since a
//! cursor, and the post's edit lock as wp-admin keeps it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use crate::wordpress::WordPress;
use crate::SyncError;

/// What a site offers the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeskSupport {
    /// Not asked yet (or not a WordPress site).
    Unknown,
    /// The site has no companion plugin: pieces are pushed and pulled, but review data,
    /// comments, proposals and edit locks stay on each machine.
    Missing,
    /// Review data and edit locks travel through the site.
    Active,
}

impl DeskSupport {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DeskSupport::Unknown => "",
            DeskSupport::Missing => "none",
            DeskSupport::Active => "review,locks",
        }
    }

    pub(crate) fn parse(text: &str) -> DeskSupport {
        match text {
            "" => DeskSupport::Unknown,
            "none" => DeskSupport::Missing,
            _ => DeskSupport::Active,
        }
    }
}

/// A post's review as the site holds it: the document's text (read by
/// `newsroom_review::shared::parse`) and its revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteReview {
    pub revision: i64,
    pub text: String,
    pub takeovers: Vec<TakeOver>,
}

/// Someone took a piece over from the person editing it (recorded by the plugin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TakeOver {
    pub by: String,
    pub from: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// A post's edit lock, as wp-admin and every app see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteLock {
    /// Someone holds it (a lock not renewed for the site's window, 150 s, has lapsed).
    pub held: bool,
    /// The one holding it is this machine's site user.
    pub mine: bool,
    /// The holder's name on the site.
    pub holder: String,
    /// The holder's user id on the site (0 when nobody holds it).
    #[serde(skip)]
    #[ts(skip)]
    pub holder_id: i64,
    #[ts(type = "string | null")]
    pub since: Option<DateTime<Utc>>,
    #[ts(type = "string | null")]
    pub expires: Option<DateTime<Utc>>,
}

/// One post in the feed of changed reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedReview {
    pub post_id: i64,
    /// Where this change stands in the site's feed.
    pub seq: i64,
    /// The review's revision now.
    pub revision: i64,
    pub status: String,
}

/// A page of the feed: the posts, the cursor to ask from next, and whether more wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedReviews {
    pub items: Vec<ChangedReview>,
    pub next: i64,
    pub more: bool,
}

/// The answer to storing a review.
pub enum Stored {
    Stored(SiteReview),
    /// Someone stored another revision since it was read: here is the current one.
    Changed(SiteReview),
}

fn time(value: &Value) -> Option<DateTime<Utc>> {
    value
        .as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

fn review_from(value: &Value) -> Result<SiteReview, SyncError> {
    let revision = value["revision"]
        .as_i64()
        .ok_or_else(|| SyncError::Garbage("the site's review has no revision".into()))?;
    let text = value["review"]
        .as_str()
        .ok_or_else(|| SyncError::Garbage("the site's review is not text".into()))?
        .to_owned();
    let takeovers = value["takeovers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| {
            Some(TakeOver {
                by: t["by"].as_str()?.to_owned(),
                from: t["from"].as_str().unwrap_or_default().to_owned(),
                at: time(&t["at"])?,
            })
        })
        .collect();
    Ok(SiteReview {
        revision,
        text,
        takeovers,
    })
}

fn lock_from(value: &Value) -> SiteLock {
    SiteLock {
        held: value["held"].as_bool().unwrap_or(false),
        mine: value["mine"].as_bool().unwrap_or(false),
        holder: value["user"]["name"].as_str().unwrap_or_default().to_owned(),
        holder_id: value["user"]["id"].as_i64().unwrap_or_default(),
        since: time(&value["since"]),
        expires: time(&value["expires"]),
    }
}

/// The `data` of a WordPress REST error with this `code`, if the error is that.
fn error_data(err: &SyncError, code: &str) -> Option<Value> {
    match err {
        SyncError::Remote { body, .. } => {
            let value: Value = serde_json::from_str(body).ok()?;
            (value["code"].as_str() == Some(code)).then(|| value["data"].clone())
        }
        _ => None,
    }
}

impl WordPress {
    fn desk_request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, SyncError> {
        let url = format!("{}{path}", self.desk);
        self.call(self.agent.request(method, &url), body)
    }

    /// Whether the site has the companion plugin active (asked of the plugin itself: a site
    /// without it has no such route), and where its feed of changed reviews stands now.
    /// Whether the site has the companion plugin, where its feed of changed reviews stands, and
    /// this user's id on the site.
    pub fn desk_support(&self) -> Result<(DeskSupport, i64, Option<i64>), SyncError> {
        match self.desk_request("GET", "/about", None) {
            Ok(about) if about["plugin"].as_str() == Some("newsroom-desk") => Ok((
                DeskSupport::Active,
                about["seq"].as_i64().unwrap_or(0),
                about["user"]["id"].as_i64(),
            )),
            Ok(_) => Ok((DeskSupport::Missing, 0, None)),
            Err(err) if error_data(&err, "rest_no_route").is_some() => Ok((DeskSupport::Missing, 0, None)),
            Err(err) => Err(err),
        }
    }

    pub fn review(&self, post_id: i64) -> Result<SiteReview, SyncError> {
        review_from(&self.desk_request("GET", &format!("/posts/{post_id}/review"), None)?)
    }

    /// Stores a review over the revision it was merged with.
    pub fn store_review(
        &self,
        post_id: i64,
        base_revision: i64,
        review: &Value,
    ) -> Result<Stored, SyncError> {
        let body = json!({ "base_revision": base_revision, "review": review });
        match self.desk_request("PUT", &format!("/posts/{post_id}/review"), Some(body)) {
            Ok(stored) => Ok(Stored::Stored(review_from(&stored)?)),
            Err(err) => match error_data(&err, "newsroom_review_changed") {
                Some(data) => Ok(Stored::Changed(review_from(&data["current"])?)),
                None => Err(err),
            },
        }
    }

    /// The posts whose review changed after `cursor`, oldest change first.
    pub fn changed_reviews(&self, cursor: i64) -> Result<ChangedReviews, SyncError> {
        let page = self.desk_request("GET", &format!("/reviews?after={cursor}&per_page=100"), None)?;
        let items = page["items"]
            .as_array()
            .ok_or_else(|| SyncError::Garbage("the site's list of changed reviews is not a list".into()))?
            .iter()
            .filter_map(|item| {
                Some(ChangedReview {
                    post_id: item["post_id"].as_i64()?,
                    seq: item["seq"].as_i64()?,
                    revision: item["revision"].as_i64().unwrap_or(0),
                    status: item["status"].as_str().unwrap_or_default().to_owned(),
                })
            })
            .collect();
        Ok(ChangedReviews {
            items,
            next: page["next"].as_i64().unwrap_or(cursor).max(cursor),
            more: page["more"].as_bool().unwrap_or(false),
        })
    }

    pub fn lock(&self, post_id: i64) -> Result<SiteLock, SyncError> {
        Ok(lock_from(&self.desk_request(
            "GET",
            &format!("/posts/{post_id}/lock"),
            None,
        )?))
    }

    /// Takes (or renews) the post's edit lock. Held by someone else, the answer is their lock
    /// unless `take_over` is set.
    pub fn take_lock(&self, post_id: i64, take_over: bool) -> Result<SiteLock, SyncError> {
        let body = json!({ "take_over": take_over });
        match self.desk_request("POST", &format!("/posts/{post_id}/lock"), Some(body)) {
            Ok(lock) => Ok(lock_from(&lock)),
            Err(err) => match error_data(&err, "newsroom_locked") {
                Some(data) => Ok(lock_from(&data["lock"])),
                None => Err(err),
            },
        }
    }

    /// Releases the lock this user holds (someone else's stays).
    pub fn release_lock(&self, post_id: i64) -> Result<SiteLock, SyncError> {
        match self.desk_request("DELETE", &format!("/posts/{post_id}/lock"), None) {
            Ok(lock) => Ok(lock_from(&lock)),
            Err(err) => match error_data(&err, "newsroom_locked") {
                Some(data) => Ok(lock_from(&data["lock"])),
                None => Err(err),
            },
        }
    }
}
