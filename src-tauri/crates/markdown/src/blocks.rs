//! The rendered HTML cut into its top-level blocks (paragraphs, headings, lists, tables,
//! figures, the footnotes), so the live preview replaces only the blocks a keystroke changed
//! instead of parsing the whole piece again.
//!
//! It reads only the sanitiser's own output, which is well formed: every element is closed or
//! void, text has its `<` escaped, and attribute values are double-quoted (they may hold `>`).

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

/// The top-level blocks of `html`, in order; their concatenation is `html` without the
/// whitespace between blocks. Text outside any element (the sanitiser writes none) is a
/// block of its own, so nothing is ever dropped.
pub fn blocks(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            if depth == 0 && start.is_none() && !bytes[i].is_ascii_whitespace() {
                // Loose text: up to the next tag.
                let end = html[i..].find('<').map_or(html.len(), |n| i + n);
                out.push(html[i..end].trim_end());
                i = end;
                continue;
            }
            i += 1;
            continue;
        }
        let end = tag_end(bytes, i);
        let tag = &html[i..end];
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if depth == 0 && start.is_none() {
            start = Some(i);
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !(tag.ends_with("/>") || VOID.contains(&name.as_str())) {
            depth += 1;
        }
        i = end;
        if depth == 0 {
            if let Some(s) = start.take() {
                out.push(&html[s..i]);
            }
        }
    }
    if let Some(s) = start {
        out.push(&html[s..]);
    }
    out
}

/// Where the tag starting at `from` ends (just past its `>`), stepping over quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (n, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + n + 1,
            None => {}
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render;

    #[test]
    fn every_kind_of_block_is_one_piece_and_together_they_are_the_whole() {
        let markdown = "# Tiêu đề\n\nĐoạn một có **đậm** và [liên kết](https://a.vn?x=1&y=2).\n\n\
                        - một\n- hai\n  - lồng\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> trích\n> dẫn\n\n\
                        ---\n\n![Ảnh \"a > b\"](https://a.vn/a.jpg)\n\n```\n<p>không phải thẻ</p>\n```\n\n\
                        Chú thích[^1].\n\n[^1]: Ghi chú.\n";
        let html = render(markdown);
        let found = blocks(&html);
        let starts: Vec<&str> = found.iter().map(|b| &b[..b.find([' ', '>']).unwrap()]).collect();
        assert_eq!(
            starts,
            [
                "<h1",
                "<p",
                "<ul",
                "<table",
                "<blockquote",
                "<hr",
                "<p",
                "<pre",
                "<p",
                "<section"
            ],
            "{html}"
        );
        let joined: String = found.concat();
        let without_gaps: String = html.split('\n').collect();
        assert_eq!(joined.replace('\n', ""), without_gaps);
    }

    #[test]
    fn loose_text_and_a_cut_off_tag_are_kept() {
        assert_eq!(
            blocks("chữ <b>đậm</b>\n<p>x</p>"),
            ["chữ", "<b>đậm</b>", "<p>x</p>"]
        );
        assert_eq!(blocks("<p>mở"), ["<p>mở"]);
        assert!(blocks("").is_empty());
    }
}
