//! Importing an article from a Markdown file with YAML front matter.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Deserialize;

use crate::edit::create_with_reason;
use crate::models::{Article, ArticleFields, RevisionReason};
use crate::{ArticleError, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    headline: Option<String>,
    #[serde(default)]
    sapo: String,
    #[serde(default)]
    byline: String,
    #[serde(default)]
    dateline: String,
    #[serde(default)]
    section: String,
}

/// Parses a Markdown file's bytes into article fields. Every problem names the file.
///
/// The file must be UTF-8 (a byte-order mark is allowed) and start with a `---` front matter
/// block holding at least a non-empty `headline`.
pub fn parse_markdown_file(name: &str, bytes: &[u8]) -> Result<ArticleFields> {
    let fail = |problem: String| ArticleError::Import(format!("{name}: {problem}"));
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (first bad byte at offset {}); save it as UTF-8 and try again",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| fail("no front matter: the file must start with a line `---`".into()))?;
    let (yaml, body) = match rest.find("\n---") {
        Some(end) => {
            let after = &rest[end + 4..];
            let body = after.strip_prefix('\n').unwrap_or(after);
            (&rest[..end], body)
        }
        None => return Err(fail("the front matter is not closed by a line `---`".into())),
    };
    let front: FrontMatter = if yaml.trim().is_empty() {
        return Err(fail("missing headline in the front matter".into()));
    } else {
        serde_norway::from_str(yaml).map_err(|e| fail(format!("bad front matter: {e}")))?
    };
    let headline = front
        .headline
        .filter(|h| !h.trim().is_empty())
        .ok_or_else(|| fail("missing headline in the front matter".into()))?;
    Ok(ArticleFields {
        headline: headline.trim().to_owned(),
        sapo: front.sapo.trim().to_owned(),
        body: body.trim_start_matches('\n').to_owned(),
        byline: front.byline.trim().to_owned(),
        dateline: front.dateline.trim().to_owned(),
        section: front.section.trim().to_owned(),
    })
}

/// Reads, parses and stores a Markdown file as a new draft. Nothing is stored on any error.
pub fn import_markdown(conn: &Connection, path: &Path, by: &str, now: DateTime<Utc>) -> Result<Article> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ArticleError::Import(format!("{name}: cannot read: {e}")))?;
    let fields = parse_markdown_file(&name, &bytes)?;
    create_with_reason(conn, &fields, by, now, RevisionReason::Import)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_body() {
        let f = parse_markdown_file(
            "a.md",
            "---\nheadline: Hà Nội họp\nsapo: \"Tóm tắt: ngắn\"\nbyline: Minh An\n---\n\nThân bài.\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(f.headline, "Hà Nội họp");
        assert_eq!(f.sapo, "Tóm tắt: ngắn");
        assert_eq!(f.byline, "Minh An");
        assert_eq!(f.body, "Thân bài.\n");
    }

    #[test]
    fn every_problem_names_the_file() {
        let cases: [(&[u8], &str); 5] = [
            (b"\xff\xfe---", "not valid UTF-8"),
            (b"# no front matter", "no front matter"),
            (b"---\nsapo: x\n---\nbody", "missing headline"),
            (b"---\nheadline: [unclosed\n---\n", "bad front matter"),
            (b"---\nheadlin: typo\n---\n", "unknown field"),
        ];
        for (bytes, expected) in cases {
            let err = parse_markdown_file("bai.md", bytes).unwrap_err().to_string();
            assert!(err.starts_with("bai.md: "), "{err}");
            assert!(err.contains(expected), "{err}");
        }
    }
}
