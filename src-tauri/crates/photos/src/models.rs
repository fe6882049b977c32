//! The photo types that cross into the UI, the CLI and the publishing adapters.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The metadata fields a photo carries inside its file (IPTC IIM and XMP), as read on import
/// and as written on export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmbeddedFields {
    pub caption: String,
    pub creator: String,
    pub credit: String,
    pub copyright: String,
    pub headline: String,
    pub keywords: Vec<String>,
    /// ISO 8601 as the file gives it (`2021-05-17T11:16:00+07:00`, or a date alone).
    pub date_created: String,
    pub alt_text: String,
    pub people_shown: Vec<String>,
    pub organisations_shown: Vec<String>,
    /// `xmp:Rating`: 1–5 stars, 0 unrated, -1 rejected (as the XMP specification defines it).
    #[serde(default)]
    pub rating: i8,
    /// Where: IIM City, Province/State and Country, XMP photoshop:City, State, Country.
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub country: String,
    /// Iptc4xmpExt:Event (XMP only: IIM has no event).
    #[serde(default)]
    pub event: String,
    /// Special instructions to the desk (IIM 2:40, photoshop:Instructions).
    #[serde(default)]
    pub instructions: String,
    /// The job, as the assignment desk names it (IIM 2:103, photoshop:TransmissionReference).
    #[serde(default)]
    pub job_id: String,
    /// `xmp:Label` as culling tools write it (`Red`, `Yellow`, `Green`, `Blue`, `Purple`).
    #[serde(default)]
    pub label: String,
}

/// A photo editor's verdict on a frame, besides its stars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    #[default]
    Unmarked,
    Picked,
    Rejected,
}

impl Pick {
    pub fn as_number(self) -> i64 {
        match self {
            Pick::Unmarked => 0,
            Pick::Picked => 1,
            Pick::Rejected => -1,
        }
    }

    pub fn from_number(number: i64) -> Pick {
        match number {
            1 => Pick::Picked,
            -1 => Pick::Rejected,
            _ => Pick::Unmarked,
        }
    }
}

/// The colour labels culling tools share (Adobe Bridge's and Photo Mechanic's default five).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColourLabel {
    #[default]
    None,
    Red,
    Yellow,
    Green,
    Blue,
    Purple,
}

impl ColourLabel {
    /// The stored form (empty for none).
    pub fn as_str(self) -> &'static str {
        match self {
            ColourLabel::None => "",
            ColourLabel::Red => "red",
            ColourLabel::Yellow => "yellow",
            ColourLabel::Green => "green",
            ColourLabel::Blue => "blue",
            ColourLabel::Purple => "purple",
        }
    }

    /// Reads the stored form, an `xmp:Label` value in any case, or a Vietnamese colour name.
    pub fn parse(text: &str) -> Option<ColourLabel> {
        match newsroom_text::nfc(text.trim()).to_lowercase().as_str() {
            "" | "none" | "không" => Some(ColourLabel::None),
            "red" | "đỏ" => Some(ColourLabel::Red),
            "yellow" | "vàng" => Some(ColourLabel::Yellow),
            "green" | "xanh lá" => Some(ColourLabel::Green),
            "blue" | "xanh" | "xanh dương" => Some(ColourLabel::Blue),
            "purple" | "tím" => Some(ColourLabel::Purple),
            _ => None,
        }
    }

    /// The value written to `xmp:Label`.
    pub fn xmp(self) -> &'static str {
        match self {
            ColourLabel::None => "",
            ColourLabel::Red => "Red",
            ColourLabel::Yellow => "Yellow",
            ColourLabel::Green => "Green",
            ColourLabel::Blue => "Blue",
            ColourLabel::Purple => "Purple",
        }
    }
}

/// What the camera recorded (EXIF).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CameraFacts {
    /// `DateTimeOriginal` as ISO 8601 (local camera time, with the offset when recorded).
    pub taken_at: String,
    /// Make and model (`Canon EOS 5D Mark IV`).
    pub camera: String,
    /// EXIF orientation 1–8 (1 = as stored).
    pub orientation: u8,
    pub gps_latitude: Option<f64>,
    pub gps_longitude: Option<f64>,
}

/// Everything read from a file on import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ReadMetadata {
    pub fields: EmbeddedFields,
    pub camera: CameraFacts,
}

/// The image formats the library stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PhotoFormat {
    Jpeg,
    Png,
    Webp,
}

impl PhotoFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
        }
    }

    pub fn parse(text: &str) -> Option<PhotoFormat> {
        match text {
            "jpeg" => Some(PhotoFormat::Jpeg),
            "png" => Some(PhotoFormat::Png),
            "webp" => Some(PhotoFormat::Webp),
            _ => None,
        }
    }
}

impl Photo {
    /// The display size of one of the photo's stored images: the original as it is, the
    /// renditions as framed (rotated and cropped).
    pub fn size_of(&self, rendition: Rendition) -> (u32, u32) {
        let (width, height) = self.framing.framed_size(self.width, self.height);
        match rendition {
            Rendition::Original => (self.width, self.height),
            Rendition::Web => crate::scaled_size(width, height, crate::WEB_EDGE),
            Rendition::Thumb => crate::scaled_size(width, height, crate::THUMB_EDGE),
        }
    }
}

/// A rectangle of the upright, rotated original, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Crop {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// Where the picture's subject is, from 0 to 1 across and down the rotated picture (not the
/// crop, so it stays on the subject whatever the crop).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Focal {
    pub x: f64,
    pub y: f64,
}

/// How a photo is framed: the original is never changed, its renditions are made with this.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Framing {
    /// Quarter turns clockwise on top of the camera's orientation: 0, 90, 180 or 270.
    pub rotation: u16,
    /// A fine rotation in degrees, clockwise, from -45 to 45, after the quarter turns; the
    /// picture keeps its size, enlarged so no corner is empty (see [`Framing::straighten_scale`]).
    #[serde(default)]
    pub straighten: f64,
    pub crop: Option<Crop>,
    pub focal: Option<Focal>,
}

/// A crop as the photo editor asks for it: a rectangle, or a ratio placed around the focal
/// point; neither takes the crop off. A focal point given here is kept with the photo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CropRequest {
    #[serde(default)]
    pub rect: Option<Crop>,
    /// Width and height of the ratio (16:9 is `[16, 9]`).
    #[serde(default)]
    pub aspect: Option<(u32, u32)>,
    #[serde(default)]
    pub focal: Option<Focal>,
}

impl Framing {
    /// The size of the upright original after the rotation.
    pub fn rotated_size(&self, width: u32, height: u32) -> (u32, u32) {
        if self.rotation % 180 == 90 {
            (height, width)
        } else {
            (width, height)
        }
    }

    /// How much a straightened `width`×`height` picture is enlarged so that, turned by
    /// `straighten` degrees about its centre, it still covers its own frame: the turned
    /// frame's bounding box over the frame, on the tighter side.
    pub fn straighten_scale(&self, width: u32, height: u32) -> f64 {
        let angle = self.straighten.abs().to_radians();
        let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
        angle.cos() + (w / h).max(h / w) * angle.sin()
    }

    /// The size of the framed picture, before any scaling.
    pub fn framed_size(&self, width: u32, height: u32) -> (u32, u32) {
        match self.crop {
            Some(crop) => (crop.width, crop.height),
            None => self.rotated_size(width, height),
        }
    }
}

/// A field the photo desk and the article checklist require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequiredField {
    Caption,
    Credit,
    Alt,
}

impl RequiredField {
    pub fn parse(text: &str) -> Option<RequiredField> {
        match text {
            "caption" => Some(RequiredField::Caption),
            "credit" => Some(RequiredField::Credit),
            "alt" | "alt_text" => Some(RequiredField::Alt),
            _ => None,
        }
    }
}

/// A person shown in a photo: an entry of the people directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonShown {
    pub entity_id: String,
    pub name: String,
}

/// A photo in the library (the archive record; articles add their own captions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Photo {
    pub id: String,
    pub sha256: String,
    pub original_name: String,
    pub format: PhotoFormat,
    #[ts(type = "number")]
    pub byte_size: u64,
    /// Display size, after the EXIF orientation.
    pub width: u32,
    pub height: u32,
    /// The archive description (IPTC caption).
    pub description: String,
    /// As the newsroom writes it: `Ảnh: Mai Quý`.
    pub credit: String,
    pub creator: String,
    pub copyright: String,
    pub alt_text: String,
    pub headline: String,
    pub keywords: Vec<String>,
    pub date_created: String,
    pub city: String,
    pub province: String,
    pub country: String,
    pub event: String,
    pub instructions: String,
    pub job_id: String,
    pub camera: String,
    pub gps_latitude: Option<f64>,
    pub gps_longitude: Option<f64>,
    pub people: Vec<PersonShown>,
    /// Required fields that are empty.
    pub missing: Vec<RequiredField>,
    /// 0 (unrated) to 5 stars.
    pub rating: u8,
    pub framing: Framing,
    pub pick: Pick,
    pub label: ColourLabel,
    pub imported_at: String,
    pub updated_at: String,
}

/// A change to a photo's archive fields; fields left out are unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoEdit {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub creator: Option<String>,
    #[serde(default)]
    pub copyright: Option<String>,
    #[serde(default)]
    pub alt_text: Option<String>,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub keywords: Option<Vec<String>>,
    #[serde(default)]
    pub date_created: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub job_id: Option<String>,
    /// The people shown, by name: each is found in the directory or added to it.
    #[serde(default)]
    pub people: Option<Vec<String>>,
    /// 0 to 5 stars.
    #[serde(default)]
    pub rating: Option<u8>,
    #[serde(default)]
    pub pick: Option<Pick>,
    #[serde(default)]
    pub label: Option<ColourLabel>,
}

/// A photo as one article uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticlePhoto {
    pub photo: Photo,
    /// The caption this article shows: its own, or the archive description.
    pub caption: String,
    /// True when the article has its own caption rather than the archive description.
    pub own_caption: bool,
    pub is_lead: bool,
    pub position: u32,
    /// Required fields this article's use of the photo lacks (its caption may be its own).
    pub missing: Vec<RequiredField>,
}

/// The outcome of importing one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Imported {
    pub photo: Photo,
    /// False when the same file was already in the library (it is reused, not copied again).
    pub created: bool,
    pub metadata: ReadMetadata,
}

/// Which stored image an export or a view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Rendition {
    Original,
    Web,
    Thumb,
}

impl Rendition {
    pub fn parse(text: &str) -> Option<Rendition> {
        match text {
            "original" => Some(Rendition::Original),
            "web" => Some(Rendition::Web),
            "thumb" | "thumbnail" => Some(Rendition::Thumb),
            _ => None,
        }
    }
}

/// The order of the photo desk and `photo list`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PhotoSort {
    /// Newest import first.
    #[default]
    Imported,
    /// By capture time, earliest first (the order of the event), then by file name.
    Taken,
    /// By file name, as a card's numbering runs.
    Name,
    /// Most stars first, then newest import.
    Rating,
}

impl PhotoSort {
    pub fn parse(text: &str) -> Option<PhotoSort> {
        match text {
            "imported" | "import" => Some(PhotoSort::Imported),
            "taken" | "time" | "capture" => Some(PhotoSort::Taken),
            "name" | "file" => Some(PhotoSort::Name),
            "rating" | "stars" => Some(PhotoSort::Rating),
            _ => None,
        }
    }
}

/// Filters for the photo desk and `photo list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoQuery {
    /// Only photos missing this field (any required field when `any_missing`).
    #[serde(default)]
    pub missing: Option<RequiredField>,
    #[serde(default)]
    pub any_missing: bool,
    #[serde(default)]
    pub article_id: Option<String>,
    /// Imported on or after this day (`yyyy-mm-dd`, UTC).
    #[serde(default)]
    pub from: Option<String>,
    /// Imported on or before this day.
    #[serde(default)]
    pub to: Option<String>,
    /// Only photos with at least this many stars.
    #[serde(default)]
    pub min_stars: Option<u8>,
    /// Only picked (or only rejected, or only unmarked) photos.
    #[serde(default)]
    pub pick: Option<Pick>,
    /// Leave rejected photos out (the desk's default view hides them once culled).
    #[serde(default)]
    pub hide_rejected: bool,
    #[serde(default)]
    pub label: Option<ColourLabel>,
    #[serde(default)]
    pub sort: PhotoSort,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: Option<u32>,
}
