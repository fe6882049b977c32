//! A piece as a Word document (`newsroom-docx`), with the photos placed in its body.

use std::path::Path;

use crate::{Api, ApiError, ApiResult, ErrorCode, Rendition};

impl Api {
    /// The Word document of a piece as it is stored: each photo placed in its body (and the
    /// lead photo, if the body does not place it) from its web rendition, with its caption for
    /// this piece and its credit.
    pub fn article_docx(&self, id: &str) -> ApiResult<Vec<u8>> {
        let article = self.article_get(id)?;
        let photos = newsroom_photos::article_photos(&*self.conn()?, id)?;
        let placed = newsroom_markdown::structure(&article.body)
            .into_iter()
            .filter_map(|block| match block {
                newsroom_markdown::Block::Photo { id, .. } => Some(id),
                _ => None,
            })
            .collect::<Vec<_>>();
        let lead = photos
            .iter()
            .find(|p| p.is_lead && !placed.contains(&p.photo.id))
            .map(|p| p.photo.id.clone());
        let mut ready = Vec::new();
        for item in photos
            .iter()
            .filter(|p| placed.contains(&p.photo.id) || lead.as_ref() == Some(&p.photo.id))
        {
            let path = self.photo_file(&item.photo.id, Rendition::Web)?;
            let unreadable = |detail: String| {
                ApiError::new(
                    ErrorCode::CorruptImage,
                    format!("photo {}: {detail}", item.photo.original_name),
                )
            };
            let bytes = std::fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
            let photo = newsroom_docx::Photo::from_image(&bytes, &item.caption, &item.photo.credit)
                .map_err(|e| unreadable(e.to_string()))?;
            ready.push((item.photo.id.clone(), photo));
        }
        let piece = newsroom_docx::Piece {
            headline: &article.headline,
            sapo: &article.sapo,
            byline: &article.byline,
            dateline: &article.dateline,
            body: &article.body,
            lead: lead.as_deref(),
        };
        let find = |id: &str| {
            ready
                .iter()
                .find(|(p, _)| p == id)
                .map(|(_, photo)| photo.clone())
        };
        newsroom_docx::write(&piece, &find).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
    }

    /// The name a piece's document is offered under: its headline, as files may be named.
    pub fn article_docx_file_name(&self, id: &str) -> ApiResult<String> {
        Ok(newsroom_docx::file_name(&self.article_get(id)?.headline))
    }

    /// Writes the piece's Word document to `path`; a file already there is replaced only once
    /// the whole document is written.
    pub fn article_docx_file(&self, id: &str, path: &Path) -> ApiResult<()> {
        let bytes = self.article_docx(id)?;
        let cannot = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::Storage,
                format!("{}: cannot write: {e}", path.display()),
            )
        };
        let partial = path.with_extension("docx.partial");
        std::fs::write(&partial, bytes).map_err(cannot)?;
        std::fs::rename(&partial, path).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            cannot(e)
        })
    }
}
