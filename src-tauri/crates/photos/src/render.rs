//! Decoding under limits and making the renditions: a 320 px thumbnail and a 2048 px web
//! JPEG, both already turned upright by the EXIF orientation.
//!
//! JPEGs are decoded at a reduced scale when the decoder allows (its DCT scaling gives 1/2,
//! 1/4 or 1/8 of the size for the cost of a smaller image), then resized with a SIMD resizer.
//! The thumbnail is made from the web rendition, not from the original, for the same reason.

use std::io::Cursor;

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage};

use crate::models::{Framing, PhotoFormat};
use crate::PhotoError;

/// The long edge of the web rendition.
pub const WEB_EDGE: u32 = 2048;
/// The long edge of the thumbnail.
pub const THUMB_EDGE: u32 = 320;
/// The largest image accepted, in pixels (200 megapixels; a 30,000 × 30,000 bomb is 900).
pub const MAX_PIXELS: u64 = 200_000_000;
/// The most memory one decode may allocate.
pub const MAX_ALLOC: u64 = 1024 * 1024 * 1024;
const WEB_QUALITY: u8 = 85;
const THUMB_QUALITY: u8 = 80;
/// The edit master (see [`edit_master`]) is kept close to the original so renditions made
/// from it match.
const EDIT_QUALITY: u8 = 92;

/// Both renditions, encoded as JPEG, and the display size of the original.
pub struct Renditions {
    pub width: u32,
    pub height: u32,
    pub web: Vec<u8>,
    pub web_size: (u32, u32),
    pub thumb: Vec<u8>,
    pub thumb_size: (u32, u32),
}

fn check_size(width: u32, height: u32) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Corrupt("the image has no pixels".into()));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    Ok(())
}

/// The size of an image scaled down (never up) so its long edge is at most `edge`: the one
/// rule every rendition follows, also used to describe renditions without opening them.
pub fn scaled_size(width: u32, height: u32, edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= edge {
        return (width, height);
    }
    let scale = f64::from(edge) / f64::from(long);
    let w = ((f64::from(width) * scale).round() as u32).max(1);
    let h = ((f64::from(height) * scale).round() as u32).max(1);
    (w, h)
}

/// A JPEG decoder over bytes in memory.
type JpegDecoder<'a> = jpeg_decoder::Decoder<Cursor<&'a [u8]>>;

/// A JPEG decoder that has read the header, under the memory limit, and what it read.
fn jpeg_header(bytes: &[u8]) -> Result<(JpegDecoder<'_>, jpeg_decoder::ImageInfo), PhotoError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(MAX_ALLOC as usize);
    decoder
        .read_info()
        .map_err(|err| PhotoError::Corrupt(err.to_string()))?;
    let info = decoder
        .info()
        .ok_or_else(|| PhotoError::Corrupt("no image header".into()))?;
    Ok((decoder, info))
}

/// Decodes a JPEG at the smallest DCT scale that still covers `edge` on its long side.
/// Returns `None` for pixel formats the scaled decoder does not produce as RGB (CMYK, 16-bit),
/// which then go through the general decoder.
fn decode_jpeg_scaled(
    bytes: &[u8],
    edge_for: impl Fn(u32, u32) -> u32,
) -> Result<Option<(RgbImage, u32, u32)>, PhotoError> {
    let (mut decoder, info) = jpeg_header(bytes)?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(width, height)?;
    if !matches!(
        info.pixel_format,
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8
    ) {
        return Ok(None);
    }
    let (want_w, want_h) = scaled_size(width, height, edge_for(width, height));
    let (out_w, out_h) = decoder
        .scale(want_w as u16, want_h as u16)
        .map_err(|err| PhotoError::Corrupt(err.to_string()))?;
    let pixels = decoder
        .decode()
        .map_err(|err| PhotoError::Corrupt(err.to_string()))?;
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        _ => pixels,
    };
    let image = RgbImage::from_raw(u32::from(out_w), u32::from(out_h), rgb)
        .ok_or_else(|| PhotoError::Corrupt("the image data is shorter than its header says".into()))?;
    Ok(Some((image, width, height)))
}

/// Decodes any supported format fully, under explicit limits, flattening transparency onto
/// white (the page the photo will sit on).
fn decode_general(bytes: &[u8], format: PhotoFormat) -> Result<(RgbImage, u32, u32), PhotoError> {
    let image_format = match format {
        PhotoFormat::Jpeg => ImageFormat::Jpeg,
        PhotoFormat::Png => ImageFormat::Png,
        PhotoFormat::Webp => ImageFormat::WebP,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|err| PhotoError::Corrupt(err.to_string()))?;
    check_size(width, height)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|err| match err {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels { width, height },
        other => PhotoError::Corrupt(other.to_string()),
    })?;
    let rgb = if decoded.color().has_alpha() {
        let rgba = decoded.to_rgba8();
        let mut rgb = RgbImage::new(rgba.width(), rgba.height());
        for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
            let alpha = u16::from(px[3]);
            for c in 0..3 {
                out[c] = ((u16::from(px[c]) * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
            }
        }
        rgb
    } else {
        decoded.to_rgb8()
    };
    Ok((rgb, width, height))
}

/// The `window` (x, y, width, height) of `source` turned `degrees` clockwise about its centre
/// and enlarged by `enlarged`, sampled bilinearly: only the window's pixels are computed.
fn straightened(source: &RgbImage, degrees: f64, enlarged: f64, window: (u32, u32, u32, u32)) -> RgbImage {
    let (wx, wy, ww, wh) = window;
    let (cx, cy) = (f64::from(source.width()) / 2.0, f64::from(source.height()) / 2.0);
    let (sin, cos) = degrees.to_radians().sin_cos();
    // An output point q shows the source point c + R(-angle)(q - c) / enlarged.
    let (step_x, step_y) = (cos / enlarged, -sin / enlarged);
    let (max_x, max_y) = (f64::from(source.width() - 1), f64::from(source.height() - 1));
    let stride = source.width() as usize * 3;
    let raw = source.as_raw();
    let mut out = vec![0u8; ww as usize * wh as usize * 3];
    // Positions in 1/65536ths of a pixel, stepped along each row: integer arithmetic keeps
    // the per-pixel cost to a few additions (a row is at most 65,535 pixels, so the error
    // stays under a hundredth of a pixel).
    const ONE: f64 = 65536.0;
    let (step_x, step_y) = ((step_x * ONE) as i64, (step_y * ONE) as i64);
    let (max_x, max_y) = ((max_x * ONE) as i64, (max_y * ONE) as i64);
    for (row, line) in out.chunks_exact_mut(ww as usize * 3).enumerate() {
        let qy = f64::from(wy) + row as f64 + 0.5 - cy;
        let qx = f64::from(wx) + 0.5 - cx;
        let mut x = ((cx + (cos * qx + sin * qy) / enlarged - 0.5) * ONE) as i64;
        let mut y = ((cy + (-sin * qx + cos * qy) / enlarged - 0.5) * ONE) as i64;
        for px in line.chunks_exact_mut(3) {
            let (cx_, cy_) = (x.clamp(0, max_x), y.clamp(0, max_y));
            let (x0, y0) = ((cx_ >> 16) as usize, (cy_ >> 16) as usize);
            // Weights in 1/256ths.
            let fx = ((cx_ >> 8) & 0xff) as u32;
            let fy = ((cy_ >> 8) & 0xff) as u32;
            let right = if cx_ < max_x { 3 } else { 0 };
            let down = if cy_ < max_y { stride } else { 0 };
            let at = y0 * stride + x0 * 3;
            let (top_row, bottom_row) = (&raw[at..at + right + 3], &raw[at + down..at + down + right + 3]);
            for c in 0..3 {
                let top = u32::from(top_row[c]) * (256 - fx) + u32::from(top_row[right + c]) * fx;
                let bottom = u32::from(bottom_row[c]) * (256 - fx) + u32::from(bottom_row[right + c]) * fx;
                px[c] = ((top * (256 - fy) + bottom * fy + 32768) >> 16) as u8;
            }
            x += step_x;
            y += step_y;
        }
    }
    RgbImage::from_raw(ww, wh, out).expect("the window's pixels were all computed")
}

fn resize(source: &RgbImage, width: u32, height: u32) -> Result<RgbImage, PhotoError> {
    if source.width() == width && source.height() == height {
        return Ok(source.clone());
    }
    let src = fast_image_resize::images::ImageRef::new(
        source.width(),
        source.height(),
        source.as_raw(),
        PixelType::U8x3,
    )
    .map_err(|err| PhotoError::Internal(err.to_string()))?;
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let options =
        ResizeOptions::new().resize_alg(ResizeAlg::Convolution(fast_image_resize::FilterType::Lanczos3));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|err| PhotoError::Internal(err.to_string()))?;
    RgbImage::from_raw(width, height, dst.into_vec())
        .ok_or_else(|| PhotoError::Internal("resized buffer has the wrong size".into()))
}

fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::with_capacity(image.as_raw().len() / 8);
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    // Half-resolution colour, as cameras write it, at every quality: the encoder would keep
    // full-resolution colour from quality 90, doubling the edit master's encoding and decoding
    // for nothing the web rendition shows.
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    encoder
        .encode(
            image.as_raw(),
            image.width() as u16,
            image.height() as u16,
            jpeg_encoder::ColorType::Rgb,
        )
        .map_err(|err| PhotoError::Internal(err.to_string()))?;
    Ok(out)
}

/// Decodes the image and makes both renditions, upright.
pub fn renditions(bytes: &[u8], format: PhotoFormat, orientation: u8) -> Result<Renditions, PhotoError> {
    framed_renditions(bytes, format, orientation, &Framing::default())
}

/// The edit master of a photo: the upright picture as large as the renditions decode it
/// (half a 24-megapixel original), so framing decodes a quarter of the pixels; `None` when
/// that is no smaller than the original, which framing then reads instead.
pub fn edit_master(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u8,
) -> Result<Option<Vec<u8>>, PhotoError> {
    let (upright, width, height) = decode_upright(bytes, format, orientation, |_, _| WEB_EDGE)?;
    if upright.width().max(upright.height()) < width.max(height) {
        Ok(Some(encode_jpeg(&upright, EDIT_QUALITY)?))
    } else {
        Ok(None)
    }
}

/// Decodes the image and makes both renditions, upright and framed (rotated, then cropped).
/// A JPEG is decoded only as large as the crop needs for a full web rendition, so framing a
/// 24-megapixel photo does not decode every pixel unless the crop is small.
pub fn framed_renditions(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u8,
    framing: &Framing,
) -> Result<Renditions, PhotoError> {
    let (upright, width, height) = decode_upright(bytes, format, orientation, |stored_w, stored_h| {
        edge_for_crop(stored_w, stored_h, framing)
    })?;
    frame_upright(upright, width, height, framing)
}

/// Makes the framed renditions from the edit master of a `width`×`height` (upright) photo, or
/// `None` when the master has too few pixels for this crop's full web rendition and the
/// original must be decoded instead.
pub fn framed_from_edit(
    edit: &[u8],
    width: u32,
    height: u32,
    framing: &Framing,
) -> Result<Option<Renditions>, PhotoError> {
    let (_, info) = jpeg_header(edit)?;
    let master_long = u32::from(info.width.max(info.height));
    let needed = edge_for_crop(width, height, framing);
    // A master a few pixels short still serves (a square crop of a 3:2 master half the
    // original's size gives a 2000 px web rendition, not 2048); one much shorter would blur.
    if u64::from(master_long) * 16 < u64::from(needed) * 15 {
        return Ok(None);
    }
    let (upright, _, _) = decode_upright(edit, PhotoFormat::Jpeg, 1, |_, _| needed)?;
    frame_upright(upright, width, height, framing).map(Some)
}

/// How long the long edge of the whole `width`×`height` picture must be decoded for this
/// framing's crop to fill a web rendition (never more than the picture has). Straightening
/// enlarges the picture, so it needs that much more.
fn edge_for_crop(width: u32, height: u32, framing: &Framing) -> u32 {
    let long = width.max(height);
    let enlarged = framing.straighten_scale(width, height);
    let wanted = match framing.crop {
        Some(crop) => {
            let crop_long = f64::from(crop.width.max(crop.height).max(1));
            f64::from(WEB_EDGE) * f64::from(long) / crop_long
        }
        None => f64::from(WEB_EDGE),
    };
    ((wanted / enlarged).ceil() as u32)
        .min(long)
        .max(WEB_EDGE.min(long))
}

/// Decodes the picture at least `edge_for(stored width, stored height)` on its long side where
/// the decoder can scale, turned upright. Returns it with the original's upright size.
fn decode_upright(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u8,
    edge_for: impl Fn(u32, u32) -> u32,
) -> Result<(RgbImage, u32, u32), PhotoError> {
    let scaled = if format == PhotoFormat::Jpeg {
        decode_jpeg_scaled(bytes, edge_for)?
    } else {
        None
    };
    let (decoded, stored_w, stored_h) = match scaled {
        Some(found) => found,
        None => decode_general(bytes, format)?,
    };
    let mut upright = DynamicImage::ImageRgb8(decoded);
    if let Some(orientation) = Orientation::from_exif(orientation) {
        upright.apply_orientation(orientation);
    }
    let upright = match upright {
        DynamicImage::ImageRgb8(rgb) => rgb,
        other => other.to_rgb8(),
    };
    // Orientations 5–8 swap the axes.
    if (5..=8).contains(&orientation) {
        Ok((upright, stored_h, stored_w))
    } else {
        Ok((upright, stored_w, stored_h))
    }
}

/// Frames an upright picture (possibly scaled down from the `width`×`height` original) and
/// makes both renditions from it.
fn frame_upright(
    upright: RgbImage,
    width: u32,
    height: u32,
    framing: &Framing,
) -> Result<Renditions, PhotoError> {
    let rotated = match framing.rotation {
        90 => image::imageops::rotate90(&upright),
        180 => image::imageops::rotate180(&upright),
        270 => image::imageops::rotate270(&upright),
        _ => upright,
    };
    let (full_w, full_h) = framing.rotated_size(width, height);
    // The decoded picture may be scaled down from the original: crop at its scale.
    let scale = f64::from(rotated.width()) / f64::from(full_w);
    let (framed_w, framed_h) = framing.framed_size(width, height);
    let window = match framing.crop {
        Some(crop) => {
            let at = |v: u32| (f64::from(v) * scale).round() as u32;
            let x = at(crop.x).min(rotated.width() - 1);
            let y = at(crop.y).min(rotated.height() - 1);
            (
                x,
                y,
                at(crop.width).clamp(1, rotated.width() - x),
                at(crop.height).clamp(1, rotated.height() - y),
            )
        }
        None => (0, 0, rotated.width(), rotated.height()),
    };
    let framed = if framing.straighten == 0.0 {
        if framing.crop.is_some() {
            let (x, y, w, h) = window;
            image::imageops::crop_imm(&rotated, x, y, w, h).to_image()
        } else {
            rotated
        }
    } else {
        straightened(
            &rotated,
            framing.straighten,
            framing.straighten_scale(full_w, full_h),
            window,
        )
    };
    let web_size = scaled_size(framed_w, framed_h, WEB_EDGE);
    // Never enlarge what was decoded: a small crop of a small photo stays its own size.
    let web_size = (web_size.0.min(framed.width()), web_size.1.min(framed.height()));
    let web_image = resize(&framed, web_size.0, web_size.1)?;
    let thumb_size = scaled_size(framed_w, framed_h, THUMB_EDGE);
    let thumb_image = resize(&web_image, thumb_size.0, thumb_size.1)?;
    Ok(Renditions {
        width,
        height,
        web: encode_jpeg(&web_image, WEB_QUALITY)?,
        web_size,
        thumb: encode_jpeg(&thumb_image, THUMB_QUALITY)?,
        thumb_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_keep_the_aspect_ratio_and_never_enlarge() {
        assert_eq!(scaled_size(6000, 4000, 2048), (2048, 1365));
        assert_eq!(scaled_size(4000, 6000, 320), (213, 320));
        assert_eq!(scaled_size(300, 200, 2048), (300, 200));
    }
}
