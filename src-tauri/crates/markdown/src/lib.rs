//! The one Markdown renderer.
//!
//! Invariant: [`render`] is the only way article Markdown becomes HTML. The live preview and
//! the published HTML call it, so what the reporter sees is what readers get. Its output is
//! always sanitised: raw HTML in the source is shown as text (never passed through), and
//! ammonia removes anything executable that could still appear (event handlers, `javascript:`
//! URLs, `<script>`, `<iframe>`, `style`).

use std::collections::HashSet;
use std::sync::OnceLock;

mod blocks;
mod from_html;
mod structure;

pub use blocks::blocks;
pub use from_html::{html_to_markdown, same_html, Converted, FoundFigure};
pub use structure::{structure, Block, Run};

use comrak::nodes::NodeValue;
use comrak::{Arena, Options};

fn options() -> &'static Options<'static> {
    static OPTIONS: OnceLock<Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = Options::default();
        options.extension.table = true;
        options.extension.strikethrough = true;
        options.extension.autolink = true;
        options.extension.footnotes = true;
        options.extension.tasklist = true;
        // Escaping (rather than omitting) raw HTML keeps the reporter's text visible: they
        // see the `<script>` they pasted as text instead of silently losing it.
        options.render.escape = true;
        options.render.r#unsafe = false;
        options
    })
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            // `photo:` is the app's own scheme for photos in the preview (see `render_with_photos`).
            .url_schemes(HashSet::from(["http", "https", "mailto", "photo"]))
            .link_rel(Some("noopener noreferrer"))
            // Footnotes and task lists need these attributes to link and to render.
            .add_generic_attributes(["id", "class"])
            .add_tag_attributes("a", ["data-footnote-ref", "data-footnote-backref"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tags(["section", "input", "figure", "figcaption"])
            .add_tag_attributes("img", ["width", "height", "loading"])
            .id_prefix(None);
        builder
    })
}

/// Renders article Markdown (GFM: tables, strikethrough, autolinks, footnotes, task lists) to
/// sanitised HTML.
pub fn render(markdown: &str) -> String {
    render_with_photos(markdown, &|_| None)
}

/// A photo placed in the body, as the renderer shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figure {
    /// Where the image is loaded from: the app's `photo:` URL in the preview, the uploaded
    /// media URL when published.
    pub src: String,
    pub alt: String,
    pub caption: String,
    /// As the newsroom writes it (`Ảnh: Mai Quý`); shown in parentheses after the caption.
    pub credit: String,
    pub width: u32,
    pub height: u32,
}

/// The scheme that places a library photo in the body: `![](photo:ID)`.
pub const PHOTO_SCHEME: &str = "photo:";

/// How a correction notice opens in a published story: the pull knows the story ends there.
pub const CORRECTION_OPEN: &str = "<p class=\"correction\">";

/// The notices told to readers at the end of a corrected story, one paragraph per correction,
/// oldest first: `(date, what was wrong)`, the date as readers read it (dd/mm/yyyy).
pub fn correction_notices(notices: &[(String, String)]) -> String {
    notices
        .iter()
        .map(|(date, note)| {
            format!(
                "\n{CORRECTION_OPEN}<em><strong>Đính chính</strong> ({}): {}</em></p>",
                escape_html(date),
                escape_html(note.trim())
            )
        })
        .collect()
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn figure_html(figure: &Figure, alt_in_text: &str) -> String {
    let alt = if figure.alt.trim().is_empty() {
        alt_in_text
    } else {
        figure.alt.as_str()
    };
    let mut out = format!(
        "<figure class=\"photo\"><img src=\"{}\" alt=\"{}\"",
        escape_html(&figure.src),
        escape_html(alt)
    );
    if figure.width > 0 && figure.height > 0 {
        out.push_str(&format!(
            " width=\"{}\" height=\"{}\"",
            figure.width, figure.height
        ));
    }
    out.push_str(" loading=\"lazy\" />");
    let caption = figure.caption.trim();
    let credit = figure.credit.trim();
    if !caption.is_empty() || !credit.is_empty() {
        out.push_str("<figcaption>");
        out.push_str(&escape_html(caption));
        if !credit.is_empty() {
            let credit = if credit.starts_with('(') {
                credit.to_owned()
            } else {
                format!("({credit})")
            };
            if !caption.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("<span class=\"credit\">{}</span>", escape_html(&credit)));
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
    out
}

/// Renders article Markdown like [`render`], placing library photos: an image whose URL is
/// `photo:ID` on a line of its own becomes a `<figure>` with its caption and credit, using
/// what `resolve` says about photo `ID`. Photos `resolve` does not know stay plain images.
pub fn render_with_photos(markdown: &str, resolve: &dyn Fn(&str) -> Option<Figure>) -> String {
    let html = to_html(markdown);
    let html = place_figures(&html, resolve);
    sanitizer().clean(&html).to_string()
}

/// comrak's HTML of article Markdown, where one Enter makes a paragraph: each line of a
/// Markdown paragraph is a paragraph of its own, as in Word or Docs, which is how reporters
/// type. In a list item, whose paragraphs a tight list prints without tags, each line is a
/// line of its own instead (a `<br>`). A hard break (a line ending in `\`, Shift+Enter in the
/// editor) stays a break inside the paragraph. A photo on the line under a paragraph is so a
/// paragraph of its own, and a figure.
fn to_html(markdown: &str) -> String {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, options());
    paragraph_per_line(&arena, root);
    let mut html = String::with_capacity(markdown.len() * 5 / 4 + 64);
    comrak::format_html(root, options(), &mut html).expect("formatting into a String cannot fail");
    html
}

fn paragraph_per_line<'a>(arena: &'a Arena<'a>, root: comrak::Node<'a>) {
    let is = |node: comrak::Node<'a>, pick: fn(&NodeValue) -> bool| pick(&node.data.borrow().value);
    let broken: Vec<_> = root
        .descendants()
        .filter(|n| is(n, |v| matches!(v, NodeValue::Paragraph)))
        .filter(|n| n.children().any(|c| is(c, |v| matches!(v, NodeValue::SoftBreak))))
        .collect();
    for paragraph in broken {
        let in_item = paragraph
            .parent()
            .is_some_and(|p| is(p, |v| matches!(v, NodeValue::Item(_) | NodeValue::TaskItem(_))));
        let mut current = paragraph;
        for child in paragraph.children().collect::<Vec<_>>() {
            if is(child, |v| matches!(v, NodeValue::SoftBreak)) {
                if in_item {
                    child.data.borrow_mut().value = NodeValue::LineBreak;
                    continue;
                }
                child.detach();
                let next = arena.alloc(NodeValue::Paragraph.into());
                current.insert_after(next);
                current = next;
            } else if !std::ptr::eq(current, paragraph) {
                child.detach();
                current.append(child);
            }
        }
    }
}

/// Replaces comrak's `<p><img src="photo:ID" alt="…" /></p>` with figures. comrak escapes
/// the URL and alt text it writes, so the attribute values end at the next quote.
fn place_figures(html: &str, resolve: &dyn Fn(&str) -> Option<Figure>) -> String {
    const IMG: &str = "<img src=\"photo:";
    if !html.contains(IMG) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find(IMG) {
        let after = &rest[at + IMG.len()..];
        let Some(id_end) = after.find('"') else { break };
        let id = &after[..id_end];
        let tail = &after[id_end + 1..];
        let alt = tail
            .strip_prefix(" alt=\"")
            .and_then(|t| t.find('"').map(|end| &t[..end]))
            .unwrap_or("");
        let Some(close) = tail.find("/>") else { break };
        let after_img = &tail[close + 2..];
        let Some(figure) = resolve(id) else {
            out.push_str(&rest[..at + IMG.len()]);
            rest = after;
            continue;
        };
        // The alt text comrak wrote is already escaped; unescape the quote forms it uses so
        // it is escaped once, not twice.
        let alt = alt
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let before = &rest[..at];
        let standalone = before.ends_with("<p>") && after_img.starts_with("</p>");
        if standalone {
            out.push_str(&before[..before.len() - 3]);
            out.push_str(&figure_html(&figure, &alt));
            rest = &after_img[4..];
        } else {
            out.push_str(before);
            out.push_str(&format!(
                "<img src=\"{}\" alt=\"{}\" />",
                escape_html(&figure.src),
                escape_html(if figure.alt.is_empty() { &alt } else { &figure.alt })
            ));
            rest = after_img;
        }
    }
    out.push_str(rest);
    out
}

/// The passages of a body as readers see them: each paragraph (each line of a Markdown
/// paragraph, one Enter making a paragraph; lines joined by a hard break stay together) and
/// each other top-level block (a heading, a list, a quote, a table, code) whole, as the source
/// lines that write it, in order. Merges and comparisons work on these, so a body typed with
/// single Enters and the same body back from a site (blank lines between paragraphs) have the
/// same passages.
pub fn passages(markdown: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, options());
    let lines: Vec<&str> = markdown.lines().collect();
    let source = |first: usize, last: usize| -> String {
        let last = last.min(lines.len());
        lines[first.saturating_sub(1)..last]
            .iter()
            .map(|l| l.trim_end())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut out = Vec::new();
    for block in root.children() {
        let (value_is_paragraph, start, end) = {
            let data = block.data.borrow();
            (
                matches!(data.value, NodeValue::Paragraph),
                data.sourcepos.start.line,
                data.sourcepos.end.line,
            )
        };
        if !value_is_paragraph {
            if start > 0 {
                out.push(source(start, end));
            }
            continue;
        }
        // A paragraph breaks into passages at its soft breaks, not at its hard ones.
        let mut first = start;
        let mut line = start;
        for child in block.children() {
            match child.data.borrow().value {
                NodeValue::SoftBreak => {
                    out.push(source(first, line));
                    line += 1;
                    first = line;
                }
                NodeValue::LineBreak => line += 1,
                _ => {}
            }
        }
        out.push(source(first, end));
    }
    out.retain(|p| !p.trim().is_empty());
    out
}

/// comrak's HTML before sanitising. Only the benchmark (the `bench` feature) has it, to show
/// what sanitising costs; nothing may display or publish it.
#[cfg(feature = "bench")]
pub fn render_unsanitised(markdown: &str) -> String {
    to_html(markdown)
}

/// The text a reader reads, without Markdown syntax or URLs: the basis of word counts.
pub fn plain_text(markdown: &str) -> String {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, options());
    let mut out = String::with_capacity(markdown.len());
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::CodeBlock(block) => out.push_str(&block.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Counts shown beside the editor and stored with the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub characters: usize,
}

/// Word and character counts of the text a reader reads.
/// The counts of a piece as the newsroom counts it everywhere (editor, list, desk queue,
/// revisions): the words and characters a reader reads under the headline, the sapo and the
/// body's text (Markdown syntax, image references and HTML left out).
pub fn piece_counts(sapo: &str, body: &str) -> Counts {
    let body = counts(body);
    let sapo = sapo.split_whitespace().collect::<Vec<_>>().join(" ");
    Counts {
        words: newsroom_text::word_count(&sapo) + body.words,
        characters: newsroom_text::char_count(&sapo) + body.characters,
    }
}

pub fn counts(markdown: &str) -> Counts {
    let text = plain_text(markdown);
    let trimmed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Counts {
        words: newsroom_text::word_count(&trimmed),
        characters: newsroom_text::char_count(&trimmed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gfm_features_render() {
        let html = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ https://laodong.example\n\nCâu[^1]\n\n[^1]: Chú thích",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>cũ</del>"), "{html}");
        assert!(html.contains("href=\"https://laodong.example\""), "{html}");
        assert!(html.contains("footnotes"), "{html}");
        assert!(html.contains("Chú thích"), "{html}");
    }

    #[test]
    fn script_and_handlers_are_inert() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        // The reporter's text stays visible as text.
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn a_photo_on_its_own_line_becomes_a_figure_with_caption_and_credit() {
        let resolve = |id: &str| {
            (id == "p1").then(|| Figure {
                src: "https://cdn.example/p1.jpg".into(),
                alt: "Hai người bắt tay".into(),
                caption: "Chủ tịch <LĐLĐ> trao quà".into(),
                credit: "Ảnh: Mai Quý".into(),
                width: 2048,
                height: 1365,
            })
        };
        let html = render_with_photos(
            "Đoạn đầu.\n\n![](photo:p1)\n\nĐoạn sau ![x](photo:nope)",
            &resolve,
        );
        assert!(
            html.contains(
                "<figure class=\"photo\"><img src=\"https://cdn.example/p1.jpg\" alt=\"Hai người bắt tay\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<figcaption>Chủ tịch &lt;LĐLĐ&gt; trao quà <span class=\"credit\">(Ảnh: Mai Quý)</span></figcaption></figure>"),
            "{html}"
        );
        assert!(!html.contains("<p><figure"), "{html}");
        assert!(html.contains("Đoạn sau"), "{html}");
    }

    #[test]
    fn one_enter_makes_a_paragraph_and_a_hard_break_stays_a_break() {
        let html = render("Dòng một.\nDòng hai.\nDòng ba.\\\nvẫn đoạn ba.");
        assert_eq!(
            html.matches("<p>").count(),
            3,
            "three lines typed with single Enters are three paragraphs: {html}"
        );
        assert!(html.contains("<p>Dòng ba.<br>\nvẫn đoạn ba.</p>"), "{html}");
        let quoted = render("> Câu một.\n> Câu hai.");
        assert_eq!(quoted.matches("<p>").count(), 2, "{quoted}");
        let list = render("- Mục một\ntiếp dòng\n- Mục hai");
        assert!(
            list.contains("Mục một<br>"),
            "a list item's lines stay apart: {list}"
        );
        assert_eq!(list.matches("<li>").count(), 2, "{list}");
    }

    #[test]
    fn passages_are_what_readers_see_as_paragraphs_and_blocks() {
        let typed = "## Tiêu đề\nDòng một.\nDòng hai,\\\nvẫn dòng hai.\n- Mục một\n- Mục hai\n\n> Trích.\n> Trích tiếp.\n![](photo:a)";
        let from_site = "## Tiêu đề\n\nDòng một.\n\nDòng hai,\\\nvẫn dòng hai.\n\n- Mục một\n- Mục hai\n\n> Trích.\n> Trích tiếp.\n\n![](photo:a)";
        let expected = [
            "## Tiêu đề",
            "Dòng một.",
            "Dòng hai,\\\nvẫn dòng hai.",
            "- Mục một\n- Mục hai",
            "> Trích.\n> Trích tiếp.\n![](photo:a)",
        ];
        assert_eq!(passages(typed), expected);
        let mut site = expected.to_vec();
        site[4] = "> Trích.\n> Trích tiếp.";
        site.push("![](photo:a)");
        assert_eq!(passages(from_site), site);
    }

    #[test]
    fn a_photo_on_the_line_under_a_paragraph_is_a_figure_too() {
        let resolve = |_: &str| {
            Some(Figure {
                src: "https://cdn.example/p1.jpg".into(),
                caption: "Đoàn viên nhận quà".into(),
                credit: "Ảnh: Mai Quý".into(),
                ..Default::default()
            })
        };
        let html = render_with_photos("Đoạn đầu.\n![](photo:p1)\nĐoạn sau.", &resolve);
        assert!(
            html.contains("<p>Đoạn đầu.</p>\n<figure class=\"photo\">"),
            "{html}"
        );
        assert!(
            html.contains("(Ảnh: Mai Quý)</span></figcaption></figure>"),
            "{html}"
        );
        assert!(html.contains("<p>Đoạn sau.</p>"), "{html}");
    }

    #[test]
    fn a_photo_caption_cannot_inject_markup() {
        let resolve = |_: &str| {
            Some(Figure {
                src: "javascript:alert(1)".into(),
                caption: "<script>alert(1)</script><img src=x onerror=alert(1)>".into(),
                credit: "\"><b>x</b>".into(),
                ..Default::default()
            })
        };
        let html = render_with_photos("![](photo:a)", &resolve);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(
            html.contains("&lt;script&gt;"),
            "the caption shows as text: {html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn links_cannot_reach_the_opener() {
        let html = render("[báo](https://example.org)");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn counts_ignore_markup_and_urls() {
        let c = counts("# Hà Nội\n\n**Công đoàn** [cơ sở](https://example.org/rat-dai)");
        assert_eq!(c.words, 6);
        assert_eq!(c.characters, "Hà Nội Công đoàn cơ sở".chars().count());
    }
}
