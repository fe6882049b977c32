//! What you see is what is published: a body mixing paragraphs typed with single Enters,
//! headings, quotes, lists, a hard break and photos placed right under a paragraph shows the
//! same blocks, captions and credits in the preview and in the HTML WordPress stores.

use super::*;

/// Each top-level block as its tag, with the figure's caption for figures; comments (the
/// push's marker) set aside.
fn shape(html: &str) -> Vec<String> {
    let mut text = html.to_owned();
    while let Some(start) = text.find("<!--") {
        let end = text[start..]
            .find("-->")
            .map(|e| start + e + 3)
            .unwrap_or(text.len());
        text.replace_range(start..end, "");
    }
    newsroom_markdown::blocks(&text)
        .into_iter()
        .map(|block| {
            let tag: String = block
                .trim_start_matches('<')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            match block.find("<figcaption>") {
                Some(at) => format!("{tag}: {}", &block[at + 12..block.find("</figcaption>").unwrap()]),
                None => tag,
            }
        })
        .collect()
}

#[test]
fn the_preview_and_the_site_show_the_same_blocks_captions_and_credits() {
    let Some(site) = site() else { return };
    let wp = WordPress::new(&site.url, &site.user, &site.password);
    let n = newsroom(&site);
    let id = story(&n, "Cùng một bài");
    let photos = newsroom_photos::article_photos(&n.conn, &id).unwrap();
    let (first, second) = (&photos[0].photo.id, &photos[1].photo.id);
    let body = format!(
        "## Tiêu đề phụ\nDòng một.\nDòng hai.\n![](photo:{first})\n> Trích dẫn một.\n> Trích dẫn hai.\n\n\
         - Mục một\n- Mục hai\n\n1. Bước một\n2. Bước hai\n\nĐoạn cuối,\\\nvẫn đoạn cuối.\n![](photo:{second})\n"
    );
    edit_body(&n, &id, |_| body.clone());

    let preview = newsroom_markdown::render_with_photos(&body, &|photo| {
        let item = photos.iter().find(|p| p.photo.id == photo)?;
        Some(newsroom_markdown::Figure {
            src: format!("photo:{photo}"),
            alt: item.photo.alt_text.clone(),
            caption: item.caption.clone(),
            credit: item.photo.credit.clone(),
            width: item.photo.width,
            height: item.photo.height,
        })
    });
    let expected = [
        "h2",
        "p",
        "p",
        "figure: Đoàn viên nhận quà, ảnh 1 <span class=\"credit\">(Ảnh: Mai Quý)</span>",
        "blockquote",
        "ul",
        "ol",
        "p",
        "figure: Đoàn viên nhận quà, ảnh 2 <span class=\"credit\">(Ảnh: Mai Quý)</span>",
    ];
    assert_eq!(shape(&preview), expected, "{preview}");
    assert!(
        preview.contains("<blockquote>\n<p>Trích dẫn một.</p>\n<p>Trích dẫn hai.</p>"),
        "{preview}"
    );
    assert!(preview.contains("Đoạn cuối,<br>"), "{preview}");

    let pushed = push(&n, &wp, &id, RemoteStatus::Pending).unwrap();
    let post = raw(&site, &format!("/posts/{}?context=edit", pushed.post_id));
    let content = post["content"]["raw"].as_str().unwrap().to_owned();
    let story_html = &content[..content.rfind("<p class=\"byline\">").unwrap()];
    assert_eq!(shape(story_html), expected, "{story_html}");
    assert!(story_html.contains("<p>Dòng một.</p>"), "{story_html}");
    assert!(
        !story_html.contains("<img src=\"photo:"),
        "no photo left as an inline image: {story_html}"
    );
    // The page readers get is the stored HTML through WordPress's content filters (wpautop
    // and the rest): the same blocks.
    let rendered = post["content"]["rendered"].as_str().unwrap();
    let rendered = &rendered[..rendered.rfind("<p class=\"byline\">").unwrap()];
    assert_eq!(shape(rendered.trim()), expected, "{rendered}");
}
