//! Rendering: the live preview and the published body (`newsroom-markdown`), with an article's
//! photos placed as figures.

use crate::{Api, ApiError, ApiResult, ErrorCode, RenderedMarkdown, Rendition};

impl Api {
    /// The HTML of an article's body with its photos placed as figures; each image is
    /// loaded from `photo_base` + `ID/web` (the app's photo scheme, or a publishing
    /// backend's media URLs).
    pub fn article_render(&self, id: &str, photo_base: &str) -> ApiResult<String> {
        let article = self.article_get(id)?;
        self.article_html(id, &article.body, photo_base)
    }

    /// Renders an article's unsaved Markdown for the live preview, with its photos; the counts
    /// are the piece's (sapo and body), as the list shows them.
    pub fn article_preview(
        &self,
        article_id: &str,
        sapo: &str,
        markdown: &str,
        photo_base: &str,
    ) -> ApiResult<RenderedMarkdown> {
        Ok(rendered(
            &self.article_html(article_id, markdown, photo_base)?,
            sapo,
            markdown,
        ))
    }

    /// An article body's sanitised HTML with its photos placed as figures.
    fn article_html(&self, article_id: &str, markdown: &str, photo_base: &str) -> ApiResult<String> {
        check_body_size(markdown)?;
        let photos = newsroom_photos::article_photos(&*self.conn()?, article_id)?;
        let resolve = |id: &str| {
            photos.iter().find(|p| p.photo.id == id).map(|p| {
                let (width, height) = p.photo.size_of(Rendition::Web);
                newsroom_markdown::Figure {
                    src: format!("{photo_base}{}/web", p.photo.id),
                    alt: p.photo.alt_text.clone(),
                    caption: p.caption.clone(),
                    credit: p.photo.credit.clone(),
                    width,
                    height,
                }
            })
        };
        Ok(newsroom_markdown::render_with_photos(markdown, &resolve))
    }

    /// Renders Markdown for the live preview: the same function as publishing uses.
    pub fn markdown_render(&self, markdown: &str) -> ApiResult<RenderedMarkdown> {
        render_markdown(markdown)
    }
}

fn check_body_size(markdown: &str) -> ApiResult<()> {
    if markdown.len() > newsroom_articles::MAX_BODY_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "the body is {} bytes; the limit is {} bytes",
                markdown.len(),
                newsroom_articles::MAX_BODY_BYTES
            ),
        ));
    }
    Ok(())
}

fn rendered(html: &str, sapo: &str, markdown: &str) -> RenderedMarkdown {
    let counts = newsroom_markdown::piece_counts(sapo, markdown);
    RenderedMarkdown {
        blocks: newsroom_markdown::blocks(html)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        words: counts.words as u32,
        characters: counts.characters as u32,
    }
}

/// Renders Markdown with counts; needs no store, so front ends may call it before opening one.
pub fn render_markdown(markdown: &str) -> ApiResult<RenderedMarkdown> {
    check_body_size(markdown)?;
    Ok(rendered(&newsroom_markdown::render(markdown), "", markdown))
}
