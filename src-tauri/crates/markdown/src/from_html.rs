//! HTML back to article Markdown, for posts pulled from a backend and for the remote side of a
//! three-way merge. htmd (a turndown port on html5ever) does the conversion; this module only
//! teaches it the newsroom's own figure markup, so a photo placed in the body comes back as
//! `![](photo:ID)` with its caption and credit kept beside the text.
//!
//! Invariant: for HTML made by [`crate::render_with_photos`], rendering the returned Markdown
//! with the same photos gives the same HTML (the round-trip tests hold this against the
//! sample articles and every Markdown feature the renderer supports).

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BulletListMarker, Options};
use htmd::{Element, HtmlToMarkdown};
use markup5ever_rcdom::{Node, NodeData};

/// A `<figure>` found in the HTML: what the site shows for a photo placed in the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundFigure {
    pub src: String,
    pub alt: String,
    pub caption: String,
    /// Without the parentheses the renderer adds (`Ảnh: Mai Quý`).
    pub credit: String,
}

/// The Markdown of some HTML and the figures in it, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    pub markdown: String,
    pub figures: Vec<FoundFigure>,
}

fn attribute(node: &Node, wanted: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == wanted)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

fn tag(node: &Node) -> Option<String> {
    match &node.data {
        NodeData::Element { name, .. } => Some(name.local.to_string()),
        _ => None,
    }
}

/// The text inside a node, in document order.
fn text(node: &Rc<Node>, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        _ => {
            for child in node.children.borrow().iter() {
                text(child, out);
            }
        }
    }
}

/// Reads the renderer's figure markup: `<img>`, and a `<figcaption>` holding the caption and a
/// `<span class="credit">(credit)</span>`.
fn read_figure(node: &Rc<Node>, figure: &mut FoundFigure) {
    for child in node.children.borrow().iter() {
        match tag(child).as_deref() {
            Some("img") if figure.src.is_empty() => {
                figure.src = attribute(child, "src").unwrap_or_default();
                figure.alt = attribute(child, "alt").unwrap_or_default();
            }
            Some("figcaption") => {
                for part in child.children.borrow().iter() {
                    let is_credit = tag(part).as_deref() == Some("span")
                        && attribute(part, "class").is_some_and(|c| c.split(' ').any(|c| c == "credit"));
                    if is_credit {
                        text(part, &mut figure.credit);
                    } else {
                        text(part, &mut figure.caption);
                    }
                }
            }
            _ => read_figure(child, figure),
        }
    }
    figure.caption = figure.caption.trim().to_owned();
    let credit = figure.credit.trim();
    figure.credit = credit
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .unwrap_or(credit)
        .trim()
        .to_owned();
}

/// Converts HTML to article Markdown. A figure whose image URL is a key of `photos` becomes
/// `![](photo:ID)` on its own line (its caption and credit belong to the photo, not the text);
/// any other figure becomes a plain image. Comments, scripts and styles are dropped.
pub fn html_to_markdown(html: &str, photos: &HashMap<String, String>) -> Converted {
    let found = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&found);
    let photos = photos.clone();
    let figure = move |_: &dyn Handlers, element: Element| -> Option<HandlerResult> {
        let mut figure = FoundFigure::default();
        read_figure(element.node, &mut figure);
        let markdown = match photos.get(&figure.src) {
            Some(id) => format!("\n\n![](photo:{id})\n\n"),
            None if figure.src.is_empty() => String::new(),
            None => format!("\n\n![{}]({})\n\n", escape_alt(&figure.alt), figure.src),
        };
        seen.lock().expect("figure list").push(figure);
        Some(markdown.into())
    };
    // htmd leaves strikethrough (a GFM extension the renderer supports) as plain text.
    let struck = |handlers: &dyn Handlers, element: Element| -> Option<HandlerResult> {
        let inner = handlers.walk_children(element.node).content;
        Some(format!("~~{inner}~~").into())
    };
    let converter = HtmlToMarkdown::builder()
        .options(Options {
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            ..Options::default()
        })
        .skip_tags(vec!["script", "style", "iframe", "object", "embed", "noscript"])
        .add_handler(vec!["figure"], figure)
        .add_handler(vec!["del", "s", "strike"], struck)
        .build();
    // htmd only fails when html5ever cannot read from a string, which cannot happen.
    let markdown = converter.convert(html).unwrap_or_default();
    let figures = std::mem::take(&mut *found.lock().expect("figure list"));
    Converted {
        markdown: markdown.trim().to_owned(),
        figures,
    }
}

/// Whether two HTML fragments show the same thing: equal once runs of white space outside
/// `<pre>` are one space and white space between tags is dropped. (A soft line break in
/// Markdown and a space render alike, and HTML→Markdown does not keep which one it was.)
pub fn same_html(a: &str, b: &str) -> bool {
    fn normal(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while !rest.is_empty() {
            let (outside, pre) = match rest.find("<pre") {
                Some(at) => {
                    let end = rest[at..]
                        .find("</pre>")
                        .map(|e| at + e + 6)
                        .unwrap_or(rest.len());
                    (&rest[..at], &rest[at..end])
                }
                None => (rest, ""),
            };
            let collapsed = outside.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(
                &collapsed
                    .replace("> <", "><")
                    .replace("> ", ">")
                    .replace(" <", "<"),
            );
            out.push_str(pre);
            rest = &rest[outside.len() + pre.len()..];
        }
        out
    }
    normal(a) == normal(b)
}

fn escape_alt(alt: &str) -> String {
    alt.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{render, render_with_photos, Figure};

    fn round_trip(markdown: &str) {
        let html = render(markdown);
        let back = html_to_markdown(&html, &HashMap::new()).markdown;
        let again = render(&back);
        assert!(
            same_html(&again, &html),
            "{again}\n\n{html}\n\nMarkdown:\n{markdown}\n\nback:\n{back}"
        );
    }

    #[test]
    fn every_feature_the_renderer_supports_comes_back_the_same() {
        round_trip("# Tiêu đề\n\nĐoạn **đậm**, *nghiêng*, ~~gạch~~, `mã` và [liên kết](https://laodong.vn/a?b=1&c=2).");
        round_trip("## Phụ đề\n\n- một\n- hai\n  - hai rưỡi\n\n1. thứ nhất\n2. thứ hai");
        round_trip("> Trích dẫn của ông Nguyễn Văn A:\n> “Công nhân cần nhà ở.”");
        round_trip("Dòng một  \ndòng hai\n\n---\n\nSau đường kẻ.");
        round_trip(
            "```\nfn main() {}\n```\n\nKý tự đặc biệt: 5 * 3 = 15, _gạch_dưới_, <b>thẻ</b> & [ngoặc].",
        );
        round_trip("| Năm | Số |\n| --- | --- |\n| 2025 | 1.200 |\n| 2026 | 1.500 |");
    }

    #[test]
    fn the_sample_articles_come_back_the_same() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/samples");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("samples not found at {}; skipped", dir.display());
            return;
        };
        let mut checked = 0;
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("sample is UTF-8");
            round_trip(&text);
            checked += 1;
        }
        assert!(checked >= 2);
    }

    #[test]
    fn a_figure_comes_back_as_the_photo_with_its_caption_and_credit() {
        let figure = Figure {
            src: "https://site.example/wp-content/uploads/anh.jpg".into(),
            alt: "Công nhân ở khu trọ".into(),
            caption: "Khu trọ của công nhân ở Bắc Ninh <đêm>".into(),
            credit: "Ảnh: Mai Quý".into(),
            width: 2048,
            height: 1365,
        };
        let markdown = "Đoạn đầu.\n\n![](photo:p1)\n\nĐoạn sau.";
        let html = render_with_photos(markdown, &|id| (id == "p1").then(|| figure.clone()));
        let photos = HashMap::from([(figure.src.clone(), "p1".to_owned())]);
        let back = html_to_markdown(&html, &photos);
        assert_eq!(back.markdown, markdown);
        assert_eq!(
            back.figures,
            vec![FoundFigure {
                src: figure.src.clone(),
                alt: figure.alt.clone(),
                caption: figure.caption.clone(),
                credit: figure.credit.clone(),
            }]
        );
        let again = render_with_photos(&back.markdown, &|id| (id == "p1").then(|| figure.clone()));
        assert_eq!(again, html);
    }

    #[test]
    fn scripts_and_comments_do_not_come_through() {
        let back = html_to_markdown(
            "<!-- newsroom:abc --><p>Chữ</p><script>alert(1)</script><style>p{}</style>",
            &HashMap::new(),
        );
        assert_eq!(back.markdown, "Chữ");
    }
}
