//! Importing an article from a Markdown file with YAML front matter.

use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_text::legacy::{self, Conversion};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// A parsed file: the article's fields, and what was converted when the file (or text pasted
/// into it) was in an old Vietnamese code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub fields: ArticleFields,
    pub conversion: Option<Conversion>,
}

/// A stored import: the new draft, and the conversion the reporter is told about.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportedArticle {
    pub article: Article,
    pub conversion: Option<Conversion>,
}

/// Parses a Markdown file's bytes into article fields. Every problem names the file.
///
/// The file is UTF-8 (a byte-order mark is allowed) or UTF-16 with its mark, or Vietnamese in
/// an old code (TCVN3, VNI, Windows-1258), which is converted, as is old fonts' text inside a
/// UTF-8 file. It starts with a `---` front matter block holding at least a non-empty
/// `headline`.
pub fn parse_markdown_file(name: &str, bytes: &[u8]) -> Result<ParsedFile> {
    let fail = |problem: String| ArticleError::Import(format!("{name}: {problem}"));
    let decoded =
        legacy::decode_bytes(bytes).map_err(|e| fail(format!("{e}; save it as UTF-8 and try again")))?;
    let text = decoded.text.replace("\r\n", "\n");
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
    let fields = ArticleFields {
        headline: headline.trim().to_owned(),
        sapo: front.sapo.trim().to_owned(),
        body: body.trim_start_matches('\n').to_owned(),
        byline: front.byline.trim().to_owned(),
        dateline: front.dateline.trim().to_owned(),
        section: front.section.trim().to_owned(),
    };
    Ok(ParsedFile {
        fields,
        conversion: decoded.conversion,
    })
}

/// Reads, parses and stores a Markdown file as a new draft. Nothing is stored on any error.
pub fn import_markdown(
    conn: &Connection,
    path: &Path,
    by: &str,
    now: DateTime<Utc>,
) -> Result<ImportedArticle> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ArticleError::Import(format!("{name}: cannot read: {e}")))?;
    let parsed = parse_markdown_file(&name, &bytes)?;
    Ok(ImportedArticle {
        article: create_with_reason(conn, &parsed.fields, by, now, RevisionReason::Import)?,
        conversion: parsed.conversion,
    })
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
        .unwrap()
        .fields;
        assert_eq!(f.headline, "Hà Nội họp");
        assert_eq!(f.sapo, "Tóm tắt: ngắn");
        assert_eq!(f.byline, "Minh An");
        assert_eq!(f.body, "Thân bài.\n");
    }

    #[test]
    fn every_problem_names_the_file() {
        let cases: [(&[u8], &str); 5] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x80\x81\x82", "not valid UTF-8"),
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

    #[test]
    fn a_file_in_tcvn3_is_converted_and_says_so() {
        let text = "---\nheadline: Hà Nội họp bàn việc làm\nsapo: Người lao động được hỗ trợ\n---\n\nCông đoàn các cấp chăm lo đời sống.\n";
        let bytes = legacy::encode_bytes(text, legacy::Legacy::Tcvn3);
        let parsed = parse_markdown_file("cu.md", &bytes).unwrap();
        // Its capitals are ASCII letters, which TCVN3 keeps, so nothing is lost.
        assert_eq!(parsed.fields.headline, "Hà Nội họp bàn việc làm");
        assert_eq!(parsed.fields.sapo, "Người lao động được hỗ trợ");
        assert_eq!(parsed.fields.body, "Công đoàn các cấp chăm lo đời sống.\n");
        let conversion = parsed.conversion.unwrap();
        assert_eq!(conversion.from, legacy::Legacy::Tcvn3);
        assert!(conversion.words >= 10, "{}", conversion.words);
    }

    #[test]
    fn a_utf8_file_is_not_converted() {
        let parsed = parse_markdown_file("a.md", "---\nheadline: Hà Nội\n---\nCó tôi.\n".as_bytes()).unwrap();
        assert_eq!(parsed.conversion, None);
        assert_eq!(parsed.fields.body, "Có tôi.\n");
    }
}
