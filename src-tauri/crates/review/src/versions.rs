//! Comparing two versions of a piece: the version it was submitted (or returned) in, any
//! revision, or the working copy. Headline, sapo, body and the other fields, and each photo's
//! caption, word by word; every change attributed to the person whose save made it, from the
//! revisions in between.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use newsroom_articles::{ArticleFields, PhotoCaption, RevisionReason, Status};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::diff::{changed_words, diff_steps, Change, Segment};
use crate::{Result, ReviewError};

/// The most revisions walked to attribute changes; a longer range is sampled evenly, which
/// lumps some saves together but keeps every change attributed to someone who made it.
const MAX_STEPS: usize = 100;

/// A version of a piece to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VersionRef {
    /// What the piece holds now.
    Working,
    /// As it was last handed to the desk.
    Submitted,
    /// As it was last returned to its reporter.
    Returned,
    Revision(#[ts(type = "number")] i64),
}

/// What a compared version is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VersionInfo {
    pub version: VersionRef,
    /// The revision it is (none for the working copy).
    #[ts(type = "number | null")]
    pub revision_id: Option<i64>,
    pub author: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffField {
    Headline,
    Sapo,
    Body,
    Byline,
    Dateline,
    Section,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldDiff {
    pub field: DiffField,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaptionDiff {
    pub photo_id: String,
    pub segments: Vec<Segment>,
}

/// Two versions compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArticleDiff {
    pub from: VersionInfo,
    pub to: VersionInfo,
    /// Every field that differs, in the order the editor shows them.
    pub fields: Vec<FieldDiff>,
    /// Every photo whose caption differs (a photo only in one version counts).
    pub captions: Vec<CaptionDiff>,
    /// Who made the changes.
    pub authors: Vec<String>,
    /// Words inserted plus words deleted.
    pub changed_words: u32,
}

struct Version {
    info: VersionInfo,
    fields: ArticleFields,
    captions: Vec<PhotoCaption>,
}

fn from_revision(version: VersionRef, revision: newsroom_articles::Revision) -> Version {
    Version {
        info: VersionInfo {
            version,
            revision_id: Some(revision.id),
            author: revision.author,
            at: revision.created_at,
        },
        fields: revision.fields,
        captions: revision.captions,
    }
}

fn working(conn: &Connection, article_id: &str) -> Result<Version> {
    let article = newsroom_articles::get(conn, article_id)?;
    Ok(Version {
        info: VersionInfo {
            version: VersionRef::Working,
            revision_id: None,
            author: article.updated_by.clone(),
            at: article.updated_at,
        },
        fields: article.fields(),
        captions: newsroom_articles::photo_captions(conn, article_id)?,
    })
}

fn resolve(conn: &Connection, article_id: &str, version: VersionRef) -> Result<Version> {
    let entered = |status: Status| -> Result<Version> {
        let summary = newsroom_articles::list_revisions(conn, article_id)?
            .into_iter()
            .find(|r| r.reason == RevisionReason::Status && r.status == status)
            .ok_or_else(|| {
                ReviewError::NotFound("version", format!("{article_id} as {}", status.as_str()))
            })?;
        Ok(from_revision(
            version,
            newsroom_articles::get_revision(conn, summary.id)?,
        ))
    };
    match version {
        VersionRef::Working => working(conn, article_id),
        VersionRef::Submitted => entered(Status::Submitted),
        VersionRef::Returned => entered(Status::Returned),
        VersionRef::Revision(id) => {
            let revision = newsroom_articles::get_revision(conn, id)?;
            if revision.article_id != article_id {
                return Err(ReviewError::NotFound("revision of this piece", id.to_string()));
            }
            Ok(from_revision(version, revision))
        }
    }
}

/// The versions between `from` (exclusive) and `to` (inclusive), oldest first, when `to` is
/// the later one; otherwise only `to`.
fn steps(conn: &Connection, article_id: &str, from: &Version, to: Version) -> Result<Vec<Version>> {
    let Some(from_id) = from.info.revision_id else {
        return Ok(vec![to]);
    };
    let to_id = to.info.revision_id.unwrap_or(i64::MAX);
    if to_id <= from_id {
        return Ok(vec![to]);
    }
    let mut ids: Vec<i64> = newsroom_articles::list_revisions(conn, article_id)?
        .into_iter()
        .map(|r| r.id)
        .filter(|&id| id > from_id && id < to_id)
        .collect();
    ids.reverse();
    if ids.len() > MAX_STEPS {
        let every = ids.len().div_ceil(MAX_STEPS);
        ids = ids
            .into_iter()
            .rev()
            .step_by(every)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
    }
    let mut out = Vec::with_capacity(ids.len() + 1);
    for id in ids {
        out.push(from_revision(
            VersionRef::Revision(id),
            newsroom_articles::get_revision(conn, id)?,
        ));
    }
    out.push(to);
    Ok(out)
}

/// A field's text as versions are compared. The body is taken as its passages, one blank line
/// apart: a body typed with single Enters and its copy back from the site (blank lines
/// between paragraphs, from the site's HTML) read the same, so a comparison shows only what a
/// person changed, not the round trip.
fn field_text(fields: &ArticleFields, field: DiffField) -> Cow<'_, str> {
    match field {
        DiffField::Headline => Cow::Borrowed(&fields.headline),
        DiffField::Sapo => Cow::Borrowed(&fields.sapo),
        DiffField::Body => Cow::Owned(newsroom_markdown::passages(&fields.body).join("\n\n")),
        DiffField::Byline => Cow::Borrowed(&fields.byline),
        DiffField::Dateline => Cow::Borrowed(&fields.dateline),
        DiffField::Section => Cow::Borrowed(&fields.section),
    }
}

fn caption_of<'a>(captions: &'a [PhotoCaption], photo_id: &str) -> &'a str {
    captions
        .iter()
        .find(|c| c.photo_id == photo_id)
        .map_or("", |c| c.caption.as_str())
}

fn changed(segments: &[Segment]) -> bool {
    segments.iter().any(|s| s.change != Change::Equal)
}

/// Compares two versions of a piece.
pub fn compare(conn: &Connection, article_id: &str, from: VersionRef, to: VersionRef) -> Result<ArticleDiff> {
    let old = resolve(conn, article_id, from)?;
    let new = resolve(conn, article_id, to)?;
    let to_info = new.info.clone();
    let steps = steps(conn, article_id, &old, new)?;
    let author_of = |v: &Version| -> String {
        if v.info.author.is_empty() {
            // Pieces saved before profiles existed name no one.
            "?".to_owned()
        } else {
            v.info.author.clone()
        }
    };

    let mut fields = Vec::new();
    for field in [
        DiffField::Headline,
        DiffField::Sapo,
        DiffField::Body,
        DiffField::Byline,
        DiffField::Dateline,
        DiffField::Section,
    ] {
        let texts: Vec<(String, String)> = steps
            .iter()
            .map(|v| (field_text(&v.fields, field).into_owned(), author_of(v)))
            .collect();
        let borrowed: Vec<(&str, &str)> = texts.iter().map(|(t, a)| (t.as_str(), a.as_str())).collect();
        let segments = diff_steps(&field_text(&old.fields, field), &borrowed);
        if changed(&segments) {
            fields.push(FieldDiff { field, segments });
        }
    }

    let last = steps.last().expect("steps end with the newer version");
    let photos: BTreeSet<&str> = old
        .captions
        .iter()
        .chain(&last.captions)
        .map(|c| c.photo_id.as_str())
        .collect();
    let mut captions = Vec::new();
    for photo in photos {
        let texts: Vec<(&str, String)> = steps
            .iter()
            .map(|v| (caption_of(&v.captions, photo), author_of(v)))
            .collect();
        let borrowed: Vec<(&str, &str)> = texts.iter().map(|(t, a)| (*t, a.as_str())).collect();
        let segments = diff_steps(caption_of(&old.captions, photo), &borrowed);
        if changed(&segments) {
            captions.push(CaptionDiff {
                photo_id: photo.to_owned(),
                segments,
            });
        }
    }

    let all = fields
        .iter()
        .map(|f| &f.segments)
        .chain(captions.iter().map(|c| &c.segments));
    let mut authors: Vec<String> = Vec::new();
    let mut words = 0;
    for segments in all {
        words += changed_words(segments);
        for by in segments.iter().filter_map(|s| s.by.as_ref()) {
            if !authors.contains(by) {
                authors.push(by.clone());
            }
        }
    }
    Ok(ArticleDiff {
        from: old.info,
        to: to_info,
        fields,
        captions,
        authors,
        changed_words: words,
    })
}
