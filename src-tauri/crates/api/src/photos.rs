//! The photo library and an article's photos (`newsroom-photos`).

use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::{
    Api, ApiError, ApiResult, ArticlePhoto, CropRequest, Framing, Imported, Photo, PhotoEdit, PhotoPage,
    PhotoQuery, PhotoTemplate, Rendition, TemplateFields,
};

impl Api {
    /// Imports image bytes (a file's, or a pasted image's). The slow work (decoding, resizing,
    /// hashing, writing files) runs without holding the store, so the editor keeps saving
    /// while a card of photos imports; the same bytes imported again reuse the stored photo.
    pub fn photo_import_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        article_id: Option<&str>,
    ) -> ApiResult<Imported> {
        let staged = self.photo_stage_bytes(name, bytes, article_id)?;
        self.photo_record(staged, article_id)
    }

    pub fn photo_get(&self, id: &str) -> ApiResult<Photo> {
        Ok(newsroom_photos::get(&*self.conn()?, id)?)
    }

    /// The pieces a photo is in, for the photo desk to show and open.
    pub fn photo_articles(&self, id: &str) -> ApiResult<Vec<crate::ArticleSummary>> {
        let conn = self.conn()?;
        newsroom_photos::get(&conn, id)?;
        Ok(newsroom_articles::with_photo(&conn, id)?)
    }

    /// Changes a photo's archive fields (caption, credit, people shown…).
    pub fn photo_edit(&self, id: &str, change: &PhotoEdit) -> ApiResult<Photo> {
        let photo = newsroom_photos::edit(&*self.conn()?, id, change, Utc::now())?;
        if change.people.is_some() {
            self.directory_changed();
        }
        Ok(photo)
    }

    /// Applies one change (fields, stars, pick, label) to a selection of photos, all or none.
    pub fn photo_edit_many(&self, ids: &[String], change: &PhotoEdit) -> ApiResult<Vec<Photo>> {
        let photos = newsroom_photos::edit_many(&*self.conn()?, ids, change, Utc::now())?;
        if change.people.is_some() {
            self.directory_changed();
        }
        Ok(photos)
    }

    /// The photo desk: photos matching the query, and how many match in all.
    pub fn photo_list(&self, query: &PhotoQuery) -> ApiResult<PhotoPage> {
        let conn = self.conn()?;
        Ok(PhotoPage {
            photos: newsroom_photos::list(&conn, query)?,
            total: newsroom_photos::count(&conn, query)?,
        })
    }

    /// The path of a stored image, for the app's photo scheme.
    pub fn photo_file(&self, id: &str, rendition: Rendition) -> ApiResult<PathBuf> {
        let photo = self.photo_get(id)?;
        Ok(newsroom_photos::file_path(
            &self.photos_dir(),
            &photo.sha256,
            photo.format,
            rendition,
        ))
    }

    /// Writes a photo with its caption fields inside (XMP and IIM); with an article, that
    /// article's caption is the one written.
    pub fn photo_export(
        &self,
        id: &str,
        rendition: Rendition,
        article_id: Option<&str>,
        out: &Path,
    ) -> ApiResult<()> {
        let conn = self.conn()?;
        let caption = match article_id {
            Some(article_id) => newsroom_photos::article_photos(&conn, article_id)?
                .into_iter()
                .find(|p| p.photo.id == id)
                .map(|p| p.caption),
            None => None,
        };
        newsroom_photos::export(&conn, &self.photos_dir(), id, rendition, caption.as_deref(), out).map_err(
            |err| {
                let err = ApiError::from(err);
                ApiError::new(err.code, format!("{}: {}", out.display(), err.message))
            },
        )
    }

    pub fn article_photos(&self, article_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        Ok(newsroom_photos::article_photos(&*self.conn()?, article_id)?)
    }

    pub fn article_photo_attach(&self, article_id: &str, photo_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::attach(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_detach(&self, article_id: &str, photo_id: &str) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::detach(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_reorder(
        &self,
        article_id: &str,
        photo_ids: &[String],
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::reorder(&conn, article_id, photo_ids)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    pub fn article_photo_set_lead(
        &self,
        article_id: &str,
        photo_id: Option<&str>,
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::set_lead(&conn, article_id, photo_id)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }

    /// Gives a photo its own caption in one article (`None`: use the archive description).
    pub fn article_photo_caption(
        &self,
        article_id: &str,
        photo_id: &str,
        caption: Option<&str>,
    ) -> ApiResult<Vec<ArticlePhoto>> {
        let conn = self.conn()?;
        newsroom_photos::set_article_caption(&conn, article_id, photo_id, caption)?;
        Ok(newsroom_photos::article_photos(&conn, article_id)?)
    }
}

/// Metadata templates (`newsroom_photos::template`): saved, shared, applied.
impl Api {
    pub fn photo_templates(&self) -> ApiResult<Vec<PhotoTemplate>> {
        Ok(newsroom_photos::templates(&*self.conn()?)?)
    }

    pub fn photo_template_save(&self, template: &PhotoTemplate) -> ApiResult<PhotoTemplate> {
        Ok(newsroom_photos::save_template(
            &*self.conn()?,
            template,
            Utc::now(),
        )?)
    }

    pub fn photo_template_remove(&self, name: &str) -> ApiResult<()> {
        Ok(newsroom_photos::remove_template(&*self.conn()?, name)?)
    }

    /// A template's fields with the newsroom's codes expanded (`=hn=` → Hà Nội).
    pub(crate) fn photo_template_expanded(&self, name: &str) -> ApiResult<TemplateFields> {
        let fields = newsroom_photos::template(&*self.conn()?, name)?.fields;
        let codes = self.shortcut_codes()?;
        Ok(fields.map_text(|text| newsroom_shortcuts::expand(text, &codes)))
    }

    /// Fills one photo from a template as the `seq`-th of its batch.
    pub(crate) fn photo_template_fill(
        &self,
        fields: &TemplateFields,
        id: &str,
        seq: usize,
    ) -> ApiResult<Photo> {
        let photos =
            newsroom_photos::apply_template_from(&*self.conn()?, fields, &[id.to_owned()], seq, Utc::now())?;
        photos
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::new(crate::ErrorCode::Internal, "the template changed no photo"))
    }

    /// Applies a saved template to a selection of photos, in the order given; all or none.
    pub fn photo_template_apply(&self, name: &str, ids: &[String]) -> ApiResult<Vec<Photo>> {
        let fields = self.photo_template_expanded(name)?;
        Ok(newsroom_photos::apply_template(
            &*self.conn()?,
            &fields,
            ids,
            Utc::now(),
        )?)
    }

    pub fn photo_templates_export(&self) -> ApiResult<String> {
        Ok(newsroom_photos::export_templates(&*self.conn()?)?)
    }

    pub fn photo_templates_export_file(&self, path: &Path) -> ApiResult<()> {
        let json = self.photo_templates_export()?;
        std::fs::write(path, json).map_err(|e| {
            ApiError::new(
                crate::ErrorCode::Storage,
                format!("{}: cannot write: {e}", path.display()),
            )
        })
    }

    /// Merges templates exported on another machine; how many were read.
    pub fn photo_templates_import_file(&self, path: &Path) -> ApiResult<u32> {
        let bytes = std::fs::read(path).map_err(|e| {
            ApiError::new(
                crate::ErrorCode::InvalidInput,
                format!("{}: cannot read: {e}", path.display()),
            )
        })?;
        let (json, _) = crate::text_decode(&path.display().to_string(), &bytes, None)?;
        newsroom_photos::import_templates(&*self.conn()?, &json, Utc::now()).map_err(|e| {
            let e = ApiError::from(e);
            ApiError::new(e.code, format!("{}: {}", path.display(), e.message))
        })
    }
}

/// Framing (`newsroom_photos::frame`): the renditions are made again from the original without
/// holding the store, which is only taken to read the photo and to record the result.
impl Api {
    /// The photo and the EXIF orientation its renditions are made upright with, read under
    /// one short hold of the store (renditions are made after it is let go).
    fn photo_with_orientation(&self, id: &str) -> ApiResult<(Photo, u8)> {
        let conn = self.conn()?;
        Ok((
            newsroom_photos::get(&conn, id)?,
            newsroom_photos::orientation(&conn, id)?,
        ))
    }

    pub fn photo_frame(&self, id: &str, framing: &Framing) -> ApiResult<Photo> {
        let (photo, orientation) = self.photo_with_orientation(id)?;
        let renditions = newsroom_photos::render_framing(&self.photos_dir(), &photo, framing, orientation)?;
        Ok(newsroom_photos::store_framing(
            &*self.conn()?,
            &self.photos_dir(),
            id,
            framing,
            &renditions,
            Utc::now(),
        )?)
    }

    /// Turns a photo clockwise by a multiple of 90 degrees (its crop turns with it).
    pub fn photo_rotate(&self, id: &str, degrees: i32) -> ApiResult<Photo> {
        let photo = self.photo_get(id)?;
        let framing = newsroom_photos::turned(&photo, &photo.framing, degrees)?;
        self.photo_frame(id, &framing)
    }

    /// Readies a photo for framing (its edit master made if it wants one), as the photo desk
    /// asks when a photo is opened; whether framing will read the master.
    pub fn photo_prepare_framing(&self, id: &str) -> ApiResult<bool> {
        let (photo, orientation) = self.photo_with_orientation(id)?;
        Ok(newsroom_photos::prepare_framing(
            &self.photos_dir(),
            &photo,
            orientation,
        )?)
    }

    /// The photo turned and straightened but not cropped, as a web-sized JPEG made now: the
    /// picture the crop tool draws a rectangle on.
    pub fn photo_whole(&self, id: &str) -> ApiResult<Vec<u8>> {
        let (photo, orientation) = self.photo_with_orientation(id)?;
        let whole = Framing {
            crop: None,
            ..photo.framing
        };
        Ok(newsroom_photos::render_framing(&self.photos_dir(), &photo, &whole, orientation)?.web)
    }

    /// Straightens a photo by `degrees` (clockwise, -45 to 45; 0 takes it off).
    pub fn photo_straighten(&self, id: &str, degrees: f64) -> ApiResult<Photo> {
        let photo = self.photo_get(id)?;
        let framing = newsroom_photos::straightened(&photo, degrees)?;
        self.photo_frame(id, &framing)
    }

    /// Crops a photo to a rectangle or a ratio around its focal point, or takes the crop off.
    pub fn photo_crop(&self, id: &str, request: &CropRequest) -> ApiResult<Photo> {
        let photo = self.photo_get(id)?;
        let framing = newsroom_photos::cropped(&photo, request)?;
        self.photo_frame(id, &framing)
    }
}
