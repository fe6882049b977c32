//! A body's Markdown as a sequence of blocks and styled runs, for writers of other formats
//! (a Word document) that must show the piece as the renderer does: one Enter makes a
//! paragraph, a `photo:ID` image on a line of its own is a photo, and raw HTML is text.

use comrak::nodes::{ListType, NodeValue};
use comrak::{Arena, Node};

/// A top-level block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        runs: Vec<Run>,
    },
    Paragraph(Vec<Run>),
    /// A paragraph of a quotation.
    Quote(Vec<Run>),
    /// A paragraph of a list item: its number in an ordered list (`None` for a bullet) and how
    /// deep the list is nested (0 for a list in the body).
    Item {
        number: Option<usize>,
        depth: usize,
        runs: Vec<Run>,
    },
    /// A library photo placed on a line of its own (`![alt](photo:ID)`).
    Photo {
        id: String,
        alt: String,
    },
    /// Preformatted text, line for line.
    Code(String),
    Rule,
}

/// Text with one style throughout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    /// Where the text links to.
    pub link: Option<String>,
    /// The run starts on a new line of the same paragraph (a hard break before it).
    pub line_break: bool,
}

/// The blocks of `markdown`, parsed as the renderer parses it.
pub fn structure(markdown: &str) -> Vec<Block> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, crate::options());
    crate::paragraph_per_line(&arena, root);
    let mut out = Vec::new();
    for node in root.children() {
        block(node, 0, &mut out);
    }
    out
}

fn block<'a>(node: Node<'a>, depth: usize, out: &mut Vec<Block>) {
    let value = node.data.borrow().value.clone();
    match value {
        NodeValue::Paragraph => match photo(node) {
            Some((id, alt)) => out.push(Block::Photo { id, alt }),
            None => out.push(Block::Paragraph(runs(node))),
        },
        NodeValue::Heading(h) => out.push(Block::Heading {
            level: h.level,
            runs: runs(node),
        }),
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
            for child in node.children() {
                let mut inner = Vec::new();
                block(child, depth, &mut inner);
                out.extend(inner.into_iter().map(|b| match b {
                    Block::Paragraph(runs) => Block::Quote(runs),
                    other => other,
                }));
            }
        }
        NodeValue::List(list) => {
            let mut number = list.start;
            for item in node.children() {
                for child in item.children() {
                    let is_list = matches!(child.data.borrow().value, NodeValue::List(_));
                    if is_list {
                        block(child, depth + 1, out);
                        continue;
                    }
                    let mut inner = Vec::new();
                    block(child, depth, &mut inner);
                    for b in inner {
                        out.push(match b {
                            Block::Paragraph(runs) => Block::Item {
                                number: (list.list_type == ListType::Ordered).then_some(number),
                                depth,
                                runs,
                            },
                            other => other,
                        });
                    }
                }
                number += 1;
            }
        }
        NodeValue::CodeBlock(code) => out.push(Block::Code(code.literal.trim_end_matches('\n').to_owned())),
        NodeValue::HtmlBlock(html) => out.push(Block::Paragraph(vec![Run {
            text: html.literal.trim_end().to_owned(),
            ..Run::default()
        }])),
        NodeValue::ThematicBreak => out.push(Block::Rule),
        // A table reads as one paragraph per row, its cells apart by tabs.
        NodeValue::Table(_) => {
            for row in node.children() {
                let mut line = Vec::new();
                for (i, cell) in row.children().enumerate() {
                    if i > 0 {
                        line.push(Run {
                            text: "\t".into(),
                            ..Run::default()
                        });
                    }
                    line.extend(runs(cell));
                }
                out.push(Block::Paragraph(line));
            }
        }
        _ => {
            for child in node.children() {
                block(child, depth, out);
            }
        }
    }
}

/// The photo a paragraph consists of, if it is only a `photo:` image.
fn photo(paragraph: Node<'_>) -> Option<(String, String)> {
    let mut children = paragraph.children();
    let image = children.next()?;
    if children.next().is_some() {
        return None;
    }
    let NodeValue::Image(link) = &image.data.borrow().value else {
        return None;
    };
    let id = link.url.strip_prefix("photo:")?.to_owned();
    Some((id, plain(image)))
}

fn plain(node: Node<'_>) -> String {
    runs(node).into_iter().map(|r| r.text).collect()
}

fn runs(node: Node<'_>) -> Vec<Run> {
    let mut out = Vec::new();
    inline(node, &Run::default(), &mut out);
    out
}

fn inline(node: Node<'_>, style: &Run, out: &mut Vec<Run>) {
    for child in node.children() {
        let value = child.data.borrow().value.clone();
        let text = |text: String, out: &mut Vec<Run>| {
            out.push(Run {
                text,
                ..style.clone()
            })
        };
        match value {
            NodeValue::Text(t) => text(t.to_string(), out),
            NodeValue::Code(c) => out.push(Run {
                text: c.literal,
                code: true,
                ..style.clone()
            }),
            NodeValue::HtmlInline(html) => text(html, out),
            NodeValue::SoftBreak => text(" ".into(), out),
            NodeValue::LineBreak => out.push(Run {
                line_break: true,
                ..style.clone()
            }),
            NodeValue::Emph => inline(
                child,
                &Run {
                    italic: true,
                    ..style.clone()
                },
                out,
            ),
            NodeValue::Strong => inline(
                child,
                &Run {
                    bold: true,
                    ..style.clone()
                },
                out,
            ),
            NodeValue::Strikethrough => inline(
                child,
                &Run {
                    strike: true,
                    ..style.clone()
                },
                out,
            ),
            NodeValue::Link(link) => inline(
                child,
                &Run {
                    link: Some(link.url.clone()),
                    ..style.clone()
                },
                out,
            ),
            NodeValue::FootnoteReference(f) => text(format!("[{}]", f.ix), out),
            _ => inline(child, style, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    #[test]
    fn one_enter_is_a_paragraph_and_styles_are_runs() {
        let blocks = structure("## Bối cảnh\nCông đoàn **hỗ trợ** *ngay*.\nDòng hai.");
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 2,
                runs: vec![run("Bối cảnh")]
            }
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                run("Công đoàn "),
                Run {
                    bold: true,
                    ..run("hỗ trợ")
                },
                run(" "),
                Run {
                    italic: true,
                    ..run("ngay")
                },
                run("."),
            ])
        );
        assert_eq!(blocks[2], Block::Paragraph(vec![run("Dòng hai.")]));
    }

    #[test]
    fn photos_lists_quotes_and_raw_html() {
        let blocks =
            structure("![Lễ ký](photo:abc)\n\n1. Một\n2. Hai\n   - Con\n\n> Trích\n\n<script>x</script>\n");
        assert_eq!(
            blocks[0],
            Block::Photo {
                id: "abc".into(),
                alt: "Lễ ký".into()
            }
        );
        assert_eq!(
            blocks[1],
            Block::Item {
                number: Some(1),
                depth: 0,
                runs: vec![run("Một")]
            }
        );
        assert_eq!(
            blocks[2],
            Block::Item {
                number: Some(2),
                depth: 0,
                runs: vec![run("Hai")]
            }
        );
        assert_eq!(
            blocks[3],
            Block::Item {
                number: None,
                depth: 1,
                runs: vec![run("Con")]
            }
        );
        assert_eq!(blocks[4], Block::Quote(vec![run("Trích")]));
        assert_eq!(blocks[5], Block::Paragraph(vec![run("<script>x</script>")]));
    }
}
