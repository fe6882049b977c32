//! Bad and unusual files: refused by name with nothing left behind, or imported right.

use super::*;

fn png(width: u32, height: u32, sixteen_bit: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    if sixteen_bit {
        let image = image::ImageBuffer::<image::Rgb<u16>, Vec<u16>>::from_pixel(
            width,
            height,
            image::Rgb([40000, 1000, 1000]),
        );
        let bytes: Vec<u8> = image.as_raw().iter().flat_map(|v| v.to_be_bytes()).collect();
        image::ImageEncoder::write_image(encoder, &bytes, width, height, image::ExtendedColorType::Rgb16)
            .unwrap();
    } else {
        let image = marked_image(width, height);
        image::ImageEncoder::write_image(
            encoder,
            image.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    }
    out
}

/// A PNG that declares a huge size but holds almost no data: a decompression bomb.
fn png_bomb(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    };
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn cmyk_jpeg(width: u16, height: u16) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|_| [0u8, 200, 200, 0])
        .collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    out
}

#[test]
fn bad_files_are_refused_by_name_and_leave_nothing_behind() {
    let good = jpeg(&marked_image(1600, 1200));
    let mut corrupt_png = png(200, 200, false);
    let middle = corrupt_png.len() / 2;
    for byte in &mut corrupt_png[middle..middle + 16] {
        *byte ^= 0x5a;
    }
    type Expected = fn(&PhotoError) -> bool;
    let cases: Vec<(&str, Vec<u8>, Expected)> = vec![
        ("empty.jpg", Vec::new(), |e| matches!(e, PhotoError::Corrupt(_))),
        ("notes.jpg", "Biên bản cuộc họp".as_bytes().to_vec(), |e| {
            matches!(e, PhotoError::NotAnImage)
        }),
        ("truncated.jpg", good[..good.len() / 2].to_vec(), |e| {
            matches!(e, PhotoError::Corrupt(_))
        }),
        ("corrupt.png", corrupt_png, |e| {
            matches!(e, PhotoError::Corrupt(_))
        }),
        ("bomb.png", png_bomb(30_000, 30_000), |e| {
            matches!(e, PhotoError::TooManyPixels { .. })
        }),
        (
            "iphone.heic",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            |e| matches!(e, PhotoError::Unsupported(_)),
        ),
    ];
    let fixture = Fixture::new();
    for (name, bytes, expected) in cases {
        let err = fixture.import(name, &bytes).unwrap_err();
        assert!(expected(&err.source), "{name}: {err}");
        assert!(err.to_string().contains(name), "the error names the file: {err}");
    }
    let err = import_file(
        &fixture.conn,
        &fixture.photos(),
        &fixture.root.join("gone.jpg"),
        None,
        now(),
    )
    .unwrap_err();
    assert!(matches!(err.source, PhotoError::FileMissing(_)), "{err}");
    assert_eq!(count(&fixture.conn, &PhotoQuery::default()).unwrap(), 0);
    assert_eq!(fixture.stored_files(), 0);
}

#[test]
fn unusual_but_valid_images_import() {
    let fixture = Fixture::new();
    let cmyk = fixture.import("print.jpg", &cmyk_jpeg(300, 200)).unwrap().photo;
    assert_eq!((cmyk.width, cmyk.height), (300, 200));
    let web = decode(
        &std::fs::read(file_path(
            &fixture.photos(),
            &cmyk.sha256,
            cmyk.format,
            Rendition::Web,
        ))
        .unwrap(),
    );
    let px = web.get_pixel(150, 100);
    assert!(
        px[0] > 200 && px[1] < 120 && px[2] < 120,
        "CMYK 0/200/200/0 is red, got {px:?}"
    );

    // WebP from the web, and a PNG whose transparency lands on white, not black.
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .encode(
            marked_image(300, 200).as_raw(),
            300,
            200,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    let web = fixture.import("tu-mang.webp", &webp).unwrap().photo;
    assert_eq!((web.width, web.height, web.format), (300, 200, PhotoFormat::Webp));
    let mut transparent = Vec::new();
    let clear = image::RgbaImage::from_pixel(120, 80, image::Rgba([0, 0, 0, 0]));
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut transparent),
        clear.as_raw(),
        120,
        80,
        image::ExtendedColorType::Rgba8,
    )
    .unwrap();
    let logo = fixture.import("logo.png", &transparent).unwrap().photo;
    let thumb = decode(
        &std::fs::read(file_path(
            &fixture.photos(),
            &logo.sha256,
            logo.format,
            Rendition::Thumb,
        ))
        .unwrap(),
    );
    assert!(
        thumb.get_pixel(60, 40)[0] > 240,
        "transparent pixels become white"
    );

    let deep = fixture.import("scan.png", &png(500, 300, true)).unwrap().photo;
    assert_eq!(
        (deep.width, deep.height, deep.format),
        (500, 300, PhotoFormat::Png)
    );

    // A huge, malformed XMP block and a broken EXIF block: the pixels still import.
    let plain = jpeg(&marked_image(320, 240));
    let mut odd = vec![0xff, 0xd8];
    let mut xmp_body = crate::xmp::JPEG_SIGNATURE.to_vec();
    xmp_body.extend(std::iter::repeat_n(b'<', 65_000));
    odd.extend_from_slice(&[0xff, 0xe1]);
    odd.extend_from_slice(&((xmp_body.len() + 2) as u16).to_be_bytes());
    odd.extend_from_slice(&xmp_body);
    odd.extend_from_slice(&[0xff, 0xe1, 0x00, 0x12]);
    odd.extend_from_slice(b"Exif\0\0MM\0*\xff\xff\xff\xff\0\x09");
    odd.extend_from_slice(&plain[2..]);
    let imported = fixture.import("odd.jpg", &odd).unwrap();
    assert_eq!((imported.photo.width, imported.photo.height), (320, 240));
    assert_eq!(imported.metadata.camera.orientation, 1);
}
