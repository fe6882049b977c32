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
        let piece = newsroom_docx::Piece {
            headline: &article.headline,
            sapo: &article.sapo,
            byline: &article.byline,
            dateline: &article.dateline,
            body: &article.body,
            lead: photos.iter().find(|p| p.is_lead).map(|p| p.photo.id.as_str()),
        };
        // Read only for the photos the document shows; a damaged one is named in the error.
        let photo = |photo_id: &str| {
            let Some(item) = photos.iter().find(|p| p.photo.id == photo_id) else {
                return Ok(None);
            };
            let path = newsroom_photos::file_path(
                &self.photos_dir(),
                &item.photo.sha256,
                item.photo.format,
                Rendition::Web,
            );
            let bytes = std::fs::read(&path).map_err(|e| newsroom_docx::DocxError::Photo(e.to_string()))?;
            newsroom_docx::Photo::from_image(&bytes, &item.caption, &item.photo.credit)
                .map(Some)
                .map_err(|e| newsroom_docx::DocxError::Photo(format!("{}: {e}", item.photo.original_name)))
        };
        newsroom_docx::write(&piece, &photo).map_err(|e| match e {
            newsroom_docx::DocxError::Photo(_) => ApiError::new(ErrorCode::CorruptImage, e.to_string()),
            newsroom_docx::DocxError::Write(_) => ApiError::new(ErrorCode::Internal, e.to_string()),
        })
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
