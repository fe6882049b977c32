//! One commands file per capability crate, each command a one-line delegation.

pub mod app;
pub mod articles;
pub mod backup;
pub mod docx;
pub mod entities;
pub mod markdown;
pub mod notifications;
pub mod photos;
pub mod profile;
pub mod review;
pub mod shortcuts;
pub mod spelling;
pub mod suggestions;
pub mod sync;
pub mod text;
