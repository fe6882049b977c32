//! Non-destructive framing: quarter-turn rotation, crops free or to the site's ratios around a
//! focal point, and the renditions made again from the untouched original.

use std::path::Path;

use chrono::{DateTime, Utc};
use newsroom_store::{timestamp, write};
use rusqlite::{params, Connection};

use crate::library::{edit_path, file_path, get, read_file, replace_atomically};
use crate::models::{Crop, CropRequest, Focal, Framing, Photo, PhotoFormat, Rendition};
use crate::render::{edit_master, framed_from_edit, framed_renditions, Renditions, WEB_EDGE};
use crate::{PhotoError, Result};

/// The ratios the newsroom's site lays pictures out in, as the crop tools offer them.
pub const SITE_RATIOS: &[(u32, u32)] = &[(16, 9), (4, 3), (1, 1), (3, 2)];

/// Refuses a framing that does not fit the photo: a rotation other than a quarter turn, a
/// crop outside the rotated picture or without pixels, a focal point off the picture.
pub fn check_framing(photo: &Photo, framing: &Framing) -> Result<()> {
    if !matches!(framing.rotation, 0 | 90 | 180 | 270) {
        return Err(PhotoError::Invalid(
            "a photo turns by 90, 180 or 270 degrees".to_owned(),
        ));
    }
    if !framing.straighten.is_finite() || framing.straighten.abs() > 45.0 {
        return Err(PhotoError::Invalid(
            "a photo is straightened by at most 45 degrees either way".to_owned(),
        ));
    }
    let (width, height) = framing.rotated_size(photo.width, photo.height);
    if let Some(crop) = framing.crop {
        let inside = crop.width > 0
            && crop.height > 0
            && u64::from(crop.x) + u64::from(crop.width) <= u64::from(width)
            && u64::from(crop.y) + u64::from(crop.height) <= u64::from(height);
        if !inside {
            return Err(PhotoError::Invalid(format!(
                "the crop {}×{} at {},{} is not inside the {width}×{height} picture",
                crop.width, crop.height, crop.x, crop.y
            )));
        }
    }
    if let Some(focal) = framing.focal {
        if !(0.0..=1.0).contains(&focal.x) || !(0.0..=1.0).contains(&focal.y) {
            return Err(PhotoError::Invalid(
                "the focal point is given from 0 to 1 across and down the picture".to_owned(),
            ));
        }
    }
    Ok(())
}

/// The largest crop of a `width`×`height` picture with this ratio, centred on the focal point
/// as far as the picture allows (on the middle without one).
pub fn aspect_crop(width: u32, height: u32, aspect: (u32, u32), focal: Option<Focal>) -> Result<Crop> {
    let (aw, ah) = aspect;
    if aw == 0 || ah == 0 || aw > 100 || ah > 100 {
        return Err(PhotoError::Invalid(format!(
            "{aw}:{ah} is not a ratio a picture can have"
        )));
    }
    let (aw, ah) = (u64::from(aw), u64::from(ah));
    let (w, h) = (u64::from(width), u64::from(height));
    let (crop_w, crop_h) = if w * ah > h * aw {
        ((h * aw / ah).max(1), h)
    } else {
        (w, (w * ah / aw).max(1))
    };
    let focal = focal.unwrap_or(Focal { x: 0.5, y: 0.5 });
    let place = |full: u64, size: u64, at: f64| -> u32 {
        let centre = (full as f64 * at).round() as i64;
        (centre - size as i64 / 2).clamp(0, (full - size) as i64) as u32
    };
    Ok(Crop {
        x: place(w, crop_w, focal.x),
        y: place(h, crop_h, focal.y),
        width: crop_w as u32,
        height: crop_h as u32,
    })
}

/// The framing after turning the picture `degrees` more clockwise (a multiple of 90): the crop
/// and focal point turn with it, so they stay on the same part of the picture.
pub fn turned(photo: &Photo, framing: &Framing, degrees: i32) -> Result<Framing> {
    if degrees % 90 != 0 {
        return Err(PhotoError::Invalid(
            "a photo turns by 90, 180 or 270 degrees".to_owned(),
        ));
    }
    let mut out = *framing;
    for _ in 0..degrees.rem_euclid(360) / 90 {
        // A point at (x, y) of a picture `height` tall is at (height - y, x) after a quarter
        // turn clockwise.
        let (_, height) = out.rotated_size(photo.width, photo.height);
        out.crop = out.crop.map(|c| Crop {
            x: height - c.y - c.height,
            y: c.x,
            width: c.height,
            height: c.width,
        });
        out.focal = out.focal.map(|f| Focal { x: 1.0 - f.y, y: f.x });
        out.rotation = (out.rotation + 90) % 360;
    }
    Ok(out)
}

/// The framing a crop request gives a photo (its rotation kept).
pub fn cropped(photo: &Photo, request: &CropRequest) -> Result<Framing> {
    let focal = request.focal.or(photo.framing.focal);
    let (width, height) = photo.framing.rotated_size(photo.width, photo.height);
    let crop = match (request.rect, request.aspect) {
        (Some(rect), _) => Some(rect),
        (None, Some(aspect)) => Some(aspect_crop(width, height, aspect, focal)?),
        (None, None) => None,
    };
    Ok(Framing {
        crop,
        focal,
        ..photo.framing
    })
}

/// The photo's framing straightened by `degrees` (clockwise, -45 to 45, replacing what it
/// had); its turn, crop and focal point are kept, the crop being in pixels of a picture whose
/// size straightening does not change.
pub fn straightened(photo: &Photo, degrees: f64) -> Result<Framing> {
    let framing = Framing {
        // A tenth of a degree is finer than anyone sees; rounding keeps stored values tidy.
        straighten: (degrees * 10.0).round() / 10.0,
        ..photo.framing
    };
    check_framing(photo, &framing)?;
    Ok(framing)
}

/// Makes the photo's renditions with a framing, from the edit master when it has the pixels
/// the crop needs and from the original file otherwise; needs no database.
pub fn render_framing(dir: &Path, photo: &Photo, framing: &Framing, orientation: u8) -> Result<Renditions> {
    check_framing(photo, framing)?;
    // A master that cannot be made or read only costs time: the original is always there to
    // frame from.
    if let Ok(true) = prepare_framing(dir, photo, orientation) {
        let path = edit_path(dir, &photo.sha256);
        match std::fs::read(&path).map(|edit| framed_from_edit(&edit, photo.width, photo.height, framing)) {
            Ok(Ok(Some(made))) => return Ok(made),
            // A damaged master is dropped, to be made again next time.
            Ok(Err(_)) => {
                let _ = std::fs::remove_file(&path);
            }
            _ => {}
        }
    }
    let original = read_file(&file_path(dir, &photo.sha256, photo.format, Rendition::Original))?;
    framed_renditions(&original, photo.format, orientation, framing)
}

/// Makes the photo's edit master if it has none and is large enough to want one (a JPEG
/// whose DCT scaling halves it and still covers a web rendition): the photo desk asks for it
/// when a photo is opened, so its first crop is as quick as the next. Made here rather than
/// on import, which stays quick for the many photos nobody frames. Whether there is one.
pub fn prepare_framing(dir: &Path, photo: &Photo, orientation: u8) -> Result<bool> {
    if photo.format != PhotoFormat::Jpeg || photo.width.max(photo.height) < 2 * WEB_EDGE {
        return Ok(false);
    }
    let path = edit_path(dir, &photo.sha256);
    if path.exists() {
        return Ok(true);
    }
    let original = read_file(&file_path(dir, &photo.sha256, photo.format, Rendition::Original))?;
    match edit_master(&original, photo.format, orientation)? {
        Some(master) => {
            replace_atomically(&path, &master)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The EXIF orientation the photo's renditions are made upright with.
pub fn orientation(conn: &Connection, id: &str) -> Result<u8> {
    Ok(conn.query_row("SELECT orientation FROM photos WHERE id = ?1", [id], |r| r.get(0))?)
}

/// Records a framing and puts its renditions in place, in one transaction: when a file cannot
/// be written the framing is not recorded.
pub fn store_framing(
    conn: &Connection,
    dir: &Path,
    id: &str,
    framing: &Framing,
    renditions: &Renditions,
    now: DateTime<Utc>,
) -> Result<Photo> {
    write(conn, |tx| {
        let photo = get(tx, id)?;
        check_framing(&photo, framing)?;
        tx.execute(
            "UPDATE photos SET rotation = ?2, crop_x = ?3, crop_y = ?4, crop_width = ?5, crop_height = ?6,
                focal_x = ?7, focal_y = ?8, updated_at = ?9, straighten = ?10 WHERE id = ?1",
            params![
                id,
                framing.rotation,
                framing.crop.map(|c| c.x),
                framing.crop.map(|c| c.y),
                framing.crop.map(|c| c.width),
                framing.crop.map(|c| c.height),
                framing.focal.map(|f| f.x),
                framing.focal.map(|f| f.y),
                timestamp(now),
                framing.straighten,
            ],
        )?;
        replace_atomically(
            &file_path(dir, &photo.sha256, photo.format, Rendition::Web),
            &renditions.web,
        )?;
        replace_atomically(
            &file_path(dir, &photo.sha256, photo.format, Rendition::Thumb),
            &renditions.thumb,
        )?;
        get(tx, id)
    })
}

/// Frames a photo: checks, renders from the original and records, in one call.
pub fn frame(
    conn: &Connection,
    dir: &Path,
    id: &str,
    framing: &Framing,
    now: DateTime<Utc>,
) -> Result<Photo> {
    let photo = get(conn, id)?;
    let renditions = render_framing(dir, &photo, framing, orientation(conn, id)?)?;
    store_framing(conn, dir, id, framing, &renditions, now)
}
