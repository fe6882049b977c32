//! Three-way merge of an article's text when both the reporter and someone on the site changed
//! it since the last sync. The base is what was last synced; the local side is the working
//! copy; the remote side is the post converted back to Markdown. The headline and the sapo are
//! one passage each; the body is merged passage by passage (paragraphs and blocks), with
//! merge3 finding what each side changed. Edits to different passages combine by themselves,
//! and so do edits to different sentences of one passage; passages where both sides changed
//! the same sentence differently are left for the user to choose.

use serde::{Deserialize, Serialize};

/// The text a merge works on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ArticleText {
    pub headline: String,
    pub sapo: String,
    /// Markdown.
    pub body: String,
}

impl ArticleText {
    /// The text fields of an article, trimmed as the merge compares them.
    pub fn of(article: &newsroom_articles::Article) -> ArticleText {
        ArticleText {
            headline: article.headline.trim().to_owned(),
            sapo: article.sapo.trim().to_owned(),
            body: article.body.trim().to_owned(),
        }
    }
}

/// Saves merged text as a new version of the article (with a revision, so the text before the
/// merge can be restored), saved as `by`; nothing is written when it is what the article says
/// already.
pub(crate) fn save_merged(
    conn: &rusqlite::Connection,
    article: newsroom_articles::Article,
    merged: ArticleText,
    by: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::Result<newsroom_articles::Article> {
    if merged == ArticleText::of(&article) {
        return Ok(article);
    }
    let mut fields = article.fields();
    fields.headline = merged.headline;
    fields.sapo = merged.sapo;
    fields.body = merged.body;
    Ok(newsroom_articles::save(
        conn,
        &article.id,
        article.version,
        &fields,
        newsroom_articles::SaveKind::Manual,
        by,
        now,
    )?)
}

/// Which field a passage belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Headline,
    Sapo,
    Body,
}

/// One passage of the merged text: settled (`text`), or in conflict with both versions and
/// what they were before (`text` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Passage {
    pub field: Field,
    pub text: Option<String>,
    pub base: String,
    pub local: String,
    pub remote: String,
}

/// How the user settles one conflicting passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "text")]
pub enum Choice {
    Local,
    Remote,
    /// The local passage followed by the remote one.
    Both,
    /// Text the user wrote for it.
    Edited(String),
}

/// Passages of a body: its paragraphs and blocks as readers see them
/// ([`newsroom_markdown::passages`]), so a body typed with single Enters and the same body
/// back from the site, with blank lines between its paragraphs, have the same passages.
fn passages(body: &str) -> Vec<String> {
    newsroom_markdown::passages(body)
}

fn join(parts: &[&String]) -> String {
    parts.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// The settled version of one unit (a passage or a sentence) both sides may have changed:
/// the side that changed it, or either when both made the same change; `None` when they
/// changed it differently.
fn settle<'a>(base: &'a str, local: &'a str, remote: &'a str) -> Option<&'a str> {
    if local == remote || remote == base {
        Some(local)
    } else if local == base {
        Some(remote)
    } else {
        None
    }
}

/// The sentences of a passage: each ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets) followed by white space. Line breaks inside a passage stay with their sentence.
fn sentences(passage: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = passage.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if matches!(next, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if chars.peek().is_some_and(|&(_, next)| next == ' ') {
            out.push(&passage[start..end]);
            while chars.peek().is_some_and(|&(_, next)| next == ' ') {
                chars.next();
            }
            start = chars.peek().map_or(passage.len(), |&(j, _)| j);
        }
    }
    if start < passage.len() {
        out.push(&passage[start..]);
    }
    out
}

/// Both sides changed one passage: their edits still combine when they touch different
/// sentences of it (an editor fixes the first sentence, the reporter adds to the last).
fn merge_sentences(base: &str, local: &str, remote: &str) -> Option<String> {
    let (b, l, r) = (sentences(base), sentences(local), sentences(remote));
    let merger = merge3::Merge3::new(&b, &l, &r);
    let mut out: Vec<&str> = Vec::new();
    for group in merger.merge_groups() {
        use merge3::MergeGroup::*;
        match group {
            Unchanged(text) | Same(text) | A(text) | B(text) => out.extend(text.iter().copied()),
            Conflict(Some(base), local, remote)
                if base.len() == local.len() && base.len() == remote.len() =>
            {
                for i in 0..base.len() {
                    out.push(settle(base[i], local[i], remote[i])?);
                }
            }
            Conflict(..) => return None,
        }
    }
    Some(out.join(" "))
}

fn single(field: Field, base: &str, local: &str, remote: &str) -> Passage {
    let (base, local, remote) = (base.trim(), local.trim(), remote.trim());
    let text = match settle(base, local, remote) {
        Some(text) => Some(text.to_owned()),
        None if field == Field::Body && !base.is_empty() => merge_sentences(base, local, remote),
        None => None,
    };
    Passage {
        field,
        text,
        base: base.to_owned(),
        local: local.to_owned(),
        remote: remote.to_owned(),
    }
}

/// Merges the three versions. Every passage with `text: None` needs the user's choice.
pub fn merge(base: &ArticleText, local: &ArticleText, remote: &ArticleText) -> Vec<Passage> {
    let mut out = vec![
        single(Field::Headline, &base.headline, &local.headline, &remote.headline),
        single(Field::Sapo, &base.sapo, &local.sapo, &remote.sapo),
    ];
    let (b, l, r) = (
        passages(&base.body),
        passages(&local.body),
        passages(&remote.body),
    );
    let (b, l, r): (Vec<&String>, Vec<&String>, Vec<&String>) =
        (b.iter().collect(), l.iter().collect(), r.iter().collect());
    let merger = merge3::Merge3::new(&b, &l, &r);
    for group in merger.merge_groups() {
        use merge3::MergeGroup::*;
        let settled = |text: &[&String]| Passage {
            field: Field::Body,
            text: Some(join(text)),
            base: String::new(),
            local: String::new(),
            remote: String::new(),
        };
        match group {
            Unchanged(text) | Same(text) | A(text) | B(text) => {
                if !text.is_empty() {
                    out.push(settled(text));
                }
            }
            // diff3 treats changes to neighbouring passages as one overlapping change; when
            // both sides kept the passage count, each passage is settled on its own, so a
            // reporter's edit to one paragraph and an editor's to the next combine.
            Conflict(Some(base), local, remote)
                if base.len() == local.len() && base.len() == remote.len() =>
            {
                for i in 0..base.len() {
                    out.push(single(Field::Body, base[i], local[i], remote[i]));
                }
            }
            Conflict(base, local, remote) => out.push(Passage {
                field: Field::Body,
                text: None,
                base: base.map(join).unwrap_or_default(),
                local: join(local),
                remote: join(remote),
            }),
        }
    }
    out
}

/// Whether a merge needs the user.
pub fn has_conflicts(passages: &[Passage]) -> bool {
    passages.iter().any(|p| p.text.is_none())
}

/// The text once every conflicting passage is settled: `choices` has one entry per conflicting
/// passage, in order. `None` if a choice is missing.
pub fn resolve(passages: &[Passage], choices: &[Choice]) -> Option<ArticleText> {
    let mut choices = choices.iter();
    let mut text = ArticleText::default();
    let mut body = Vec::new();
    for passage in passages {
        let settled = match &passage.text {
            Some(text) => text.clone(),
            None => match choices.next()? {
                Choice::Local => passage.local.clone(),
                Choice::Remote => passage.remote.clone(),
                Choice::Both => [passage.local.as_str(), passage.remote.as_str()]
                    .iter()
                    .filter(|t| !t.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n\n"),
                Choice::Edited(text) => text.trim().to_owned(),
            },
        };
        match passage.field {
            Field::Headline => text.headline = settled,
            Field::Sapo => text.sapo = settled,
            Field::Body if !settled.is_empty() => body.push(settled),
            Field::Body => {}
        }
    }
    if choices.next().is_some() {
        return None;
    }
    text.body = body.join("\n\n");
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(headline: &str, body: &str) -> ArticleText {
        ArticleText {
            headline: headline.into(),
            sapo: "Sapo.".into(),
            body: body.into(),
        }
    }

    #[test]
    fn edits_to_different_passages_combine() {
        let base = text("Tiêu đề", "Một.\n\nHai.\n\nBa.");
        let local = text("Tiêu đề", "Một, sửa ở máy.\n\nHai.\n\nBa.");
        let remote = text("Tiêu đề mới", "Một.\n\nHai.\n\nBa, sửa trên trang.\n\nBốn.");
        let merged = merge(&base, &local, &remote);
        assert!(!has_conflicts(&merged));
        let out = resolve(&merged, &[]).unwrap();
        assert_eq!(out.headline, "Tiêu đề mới");
        assert_eq!(out.body, "Một, sửa ở máy.\n\nHai.\n\nBa, sửa trên trang.\n\nBốn.");
    }

    #[test]
    fn a_body_typed_with_single_enters_merges_with_its_copy_back_from_the_site() {
        // The reporter pressed Enter once between paragraphs; the site's copy (converted back
        // from its HTML) has blank lines, and the desk changed the second paragraph there.
        let base = text("Tiêu đề", "Một.\nHai.\nBa.");
        let local = text("Tiêu đề", "Một.\nHai.\nBa, phóng viên thêm.");
        let remote = text("Tiêu đề", "Một.\n\nHai, biên tập sửa.\n\nBa.");
        let merged = merge(&base, &local, &remote);
        assert!(!has_conflicts(&merged), "{merged:#?}");
        let out = resolve(&merged, &[]).unwrap();
        assert_eq!(out.body, "Một.\n\nHai, biên tập sửa.\n\nBa, phóng viên thêm.");
    }

    #[test]
    fn edits_to_neighbouring_passages_combine() {
        let base = text("Tiêu đề", "Một.\n\nHai.\n\nBa.");
        let local = text("Tiêu đề", "Một, ở máy.\n\nHai.\n\nBa.");
        let remote = text("Tiêu đề", "Một.\n\nHai, trên trang.\n\nBa.");
        let out = resolve(&merge(&base, &local, &remote), &[]).unwrap();
        assert_eq!(out.body, "Một, ở máy.\n\nHai, trên trang.\n\nBa.");
    }

    #[test]
    fn edits_to_different_sentences_of_one_passage_combine() {
        let base = text(
            "Tiêu đề",
            "Câu một. Câu hai có số 1.200 người. Câu ba?\n\nĐoạn sau.",
        );
        let local = text(
            "Tiêu đề",
            "Câu một. Câu hai có số 1.200 người. Câu ba, phóng viên thêm?\n\nĐoạn sau.",
        );
        let remote = text(
            "Tiêu đề",
            "Câu một đã sửa. Câu hai có số 1.200 người. Câu ba?\n\nĐoạn sau.",
        );
        let out = resolve(&merge(&base, &local, &remote), &[]).unwrap();
        assert_eq!(
            out.body,
            "Câu một đã sửa. Câu hai có số 1.200 người. Câu ba, phóng viên thêm?\n\nĐoạn sau."
        );
        // The same sentence changed on both sides is still the user's choice.
        let remote = text(
            "Tiêu đề",
            "Câu một. Câu hai có số 1.200 người. Câu ba, biên tập sửa?\n\nĐoạn sau.",
        );
        assert!(has_conflicts(&merge(&base, &local, &remote)));
    }

    #[test]
    fn sentences_end_at_stops_and_closing_quotes_but_not_inside_numbers() {
        assert_eq!(
            sentences("Ông nói: “Tốt lắm.” Có 1.200 người… Thật sao? Vâng!"),
            ["Ông nói: “Tốt lắm.”", "Có 1.200 người…", "Thật sao?", "Vâng!"]
        );
    }

    #[test]
    fn the_same_passage_changed_twice_waits_for_a_choice() {
        let base = text("Tiêu đề", "Một.\n\nHai.\n\nBa.");
        let local = text("Tiêu đề ở máy", "Một.\n\nHai, bản phóng viên.\n\nBa.");
        let remote = text("Tiêu đề trên trang", "Một.\n\nHai, bản biên tập.\n\nBa.");
        let merged = merge(&base, &local, &remote);
        let open: Vec<_> = merged.iter().filter(|p| p.text.is_none()).collect();
        assert_eq!(open.len(), 2);
        assert_eq!(open[1].base, "Hai.");
        assert_eq!(open[1].local, "Hai, bản phóng viên.");
        assert_eq!(open[1].remote, "Hai, bản biên tập.");
        assert_eq!(resolve(&merged, &[Choice::Local]), None, "a choice is missing");
        let out = resolve(&merged, &[Choice::Remote, Choice::Both]).unwrap();
        assert_eq!(out.headline, "Tiêu đề trên trang");
        assert_eq!(
            out.body,
            "Một.\n\nHai, bản phóng viên.\n\nHai, bản biên tập.\n\nBa."
        );
        let out = resolve(
            &merged,
            &[Choice::Local, Choice::Edited("Hai, bản chung.".into())],
        )
        .unwrap();
        assert_eq!(out.headline, "Tiêu đề ở máy");
        assert_eq!(out.body, "Một.\n\nHai, bản chung.\n\nBa.");
    }
}
