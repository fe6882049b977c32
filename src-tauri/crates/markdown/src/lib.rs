//! The one Markdown renderer.
//!
//! Invariant: [`render`] is the only way article Markdown becomes HTML. The live preview and
//! the published HTML call it, so what the reporter sees is what readers get. Its output is
//! always sanitised: raw HTML in the source is shown as text (never passed through), and
//! ammonia removes anything executable that could still appear (event handlers, `javascript:`
//! URLs, `<script>`, `<iframe>`, `style`).

use std::collections::HashSet;
use std::sync::OnceLock;

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
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer"))
            // Footnotes and task lists need these attributes to link and to render.
            .add_generic_attributes(["id", "class"])
            .add_tag_attributes("a", ["data-footnote-ref", "data-footnote-backref"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tags(["section", "input", "figure", "figcaption"])
            .id_prefix(None);
        builder
    })
}

/// Renders article Markdown (GFM: tables, strikethrough, autolinks, footnotes, task lists) to
/// sanitised HTML.
pub fn render(markdown: &str) -> String {
    let html = comrak::markdown_to_html(markdown, options());
    sanitizer().clean(&html).to_string()
}

/// comrak's HTML before sanitising. Only the benchmark uses it, to show what sanitising costs;
/// nothing may display or publish it.
#[doc(hidden)]
pub fn render_unsanitised_for_bench(markdown: &str) -> String {
    comrak::markdown_to_html(markdown, options())
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
