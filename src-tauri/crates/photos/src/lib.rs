//! Photos: importing image files into a content-addressed store with renditions, reading and
//! writing their IPTC/XMP/EXIF metadata, captioning them, and arranging them in articles.
//!
//! Invariants:
//! - A file is stored once, named by the SHA-256 of its bytes; importing it again reuses it.
//! - Files are written to a temporary name and renamed, and the database row is written after
//!   the files, in one transaction: a failed import leaves nothing a user can see.
//! - Originals are never modified. Exports insert metadata segments and copy the JPEG's
//!   compressed image data byte for byte.
//! - Decoding runs under explicit limits (pixels, allocation) checked from the header, before
//!   any pixel memory is allocated.
//! - Work that takes time (hashing, decoding, resizing) needs no database connection, so the
//!   app can run it without holding the store's lock.

mod arrange;
mod desk;
mod embed;
mod export;
mod frame;
mod iim;
mod library;
mod metadata;
mod models;
mod render;
mod template;
mod xmp;

pub use arrange::*;
pub use desk::*;
pub use embed::embed;
pub use export::*;
pub use frame::*;
pub use iim::cut_to_bytes;
pub use library::*;
pub use metadata::{read as read_metadata, sniff};
pub use models::*;
pub use render::{
    edit_master, framed_from_edit, framed_renditions, renditions, scaled_size, Renditions, MAX_PIXELS,
    THUMB_EDGE, WEB_EDGE,
};
pub use template::*;

/// The metadata readers, exposed for the fuzz targets.
pub mod fuzzing {
    pub fn iim(bytes: &[u8]) {
        let _ = crate::iim::parse(bytes);
        let _ = crate::iim::iim_in_resources(bytes);
    }
    pub fn xmp(bytes: &[u8]) {
        let _ = crate::xmp::parse(bytes);
    }
    pub fn jpeg_metadata(bytes: &[u8]) {
        let _ = crate::metadata::read(bytes, crate::PhotoFormat::Jpeg);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{0}: the file does not exist (moved or deleted?)")]
    FileMissing(String),
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("not an image (its content is not JPEG, PNG or WebP, whatever its name says)")]
    NotAnImage,
    #[error("unsupported image format: {0}")]
    Unsupported(String),
    #[error("the image is damaged or incomplete: {0}")]
    Corrupt(String),
    #[error(
        "the image is too large to open safely ({width} × {height} pixels; the limit is 200 megapixels)"
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("the file is too large ({bytes} bytes; the limit is {limit} bytes)")]
    FileTooLarge { bytes: u64, limit: u64 },
    #[error("the caption fields are too long to fit inside a JPEG")]
    MetadataTooLarge,
    #[error("no photo with id {0}")]
    NotFound(String),
    #[error("no article with id {0}")]
    ArticleNotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("directory error: {0}")]
    Entity(#[from] newsroom_entities::EntityError),
    #[error("internal error: {0}")]
    Internal(String),
}

/// A photo error about one file, naming it (batch imports report per file).
#[derive(Debug, thiserror::Error)]
#[error("{file}: {source}")]
pub struct FileError {
    pub file: String,
    #[source]
    pub source: PhotoError,
}

pub type Result<T, E = PhotoError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests;
