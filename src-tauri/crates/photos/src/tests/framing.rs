//! Framing on real files: rotation and crops change the renditions (checked by their pixels),
//! never the original; exports carry the framed size as exiftool reads it.

use super::*;

fn original_bytes(fixture: &Fixture, photo: &Photo) -> Vec<u8> {
    std::fs::read(file_path(
        &fixture.photos(),
        &photo.sha256,
        photo.format,
        Rendition::Original,
    ))
    .unwrap()
}

fn web(fixture: &Fixture, photo: &Photo) -> RgbImage {
    decode(
        &std::fs::read(file_path(
            &fixture.photos(),
            &photo.sha256,
            photo.format,
            Rendition::Web,
        ))
        .unwrap(),
    )
}

#[test]
fn a_crop_to_16_9_and_a_quarter_turn_remake_the_renditions_from_the_untouched_original() {
    let fixture = Fixture::new();
    // 1200×800, top-left quarter red.
    let photo = fixture
        .import("hoi-thao.jpg", &jpeg(&marked_image(1200, 800)))
        .unwrap()
        .photo;
    let before = original_bytes(&fixture, &photo);

    let crop = aspect_crop(1200, 800, (16, 9), Some(Focal { x: 0.25, y: 0.25 })).unwrap();
    assert_eq!((crop.width, crop.height), (1200, 675));
    assert_eq!(
        (crop.x, crop.y),
        (0, 0),
        "the crop stays inside the picture near its focal point"
    );
    let framing = Framing {
        crop: Some(crop),
        focal: Some(Focal { x: 0.25, y: 0.25 }),
        ..Default::default()
    };
    let framed = frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    assert_eq!(framed.size_of(Rendition::Web), (1200, 675));
    assert_eq!(framed.size_of(Rendition::Original), (1200, 800));
    let image = web(&fixture, &framed);
    assert_eq!((image.width(), image.height()), (1200, 675));
    assert!(is_red(image.get_pixel(10, 10)));

    // A quarter turn clockwise: the red corner goes to the top right, the crop turns with it.
    let turned_framing = turned(&framed, &framed.framing, 90).unwrap();
    assert_eq!(turned_framing.rotation, 90);
    let crop = turned_framing.crop.unwrap();
    assert_eq!((crop.x, crop.y, crop.width, crop.height), (125, 0, 675, 1200));
    let turned_photo = frame(
        &fixture.conn,
        &fixture.photos(),
        &photo.id,
        &turned_framing,
        now(),
    )
    .unwrap();
    let image = web(&fixture, &turned_photo);
    assert_eq!((image.width(), image.height()), (675, 1200));
    assert!(is_red(image.get_pixel(image.width() - 10, 10)));
    assert!(!is_red(image.get_pixel(10, image.height() - 10)));

    // Taking the crop off gives the whole (turned) picture back.
    let whole = Framing {
        rotation: 90,
        ..Default::default()
    };
    let whole = frame(&fixture.conn, &fixture.photos(), &photo.id, &whole, now()).unwrap();
    assert_eq!(whole.size_of(Rendition::Web), (800, 1200));
    assert_eq!(
        original_bytes(&fixture, &whole),
        before,
        "the original's bytes never change"
    );
}

#[test]
fn a_framing_that_does_not_fit_is_refused_and_changes_nothing() {
    let fixture = Fixture::new();
    let photo = fixture
        .import("a.jpg", &jpeg(&marked_image(600, 400)))
        .unwrap()
        .photo;
    let outside = Framing {
        crop: Some(Crop {
            x: 500,
            y: 0,
            width: 200,
            height: 100,
        }),
        ..Default::default()
    };
    assert!(matches!(
        frame(&fixture.conn, &fixture.photos(), &photo.id, &outside, now()),
        Err(PhotoError::Invalid(_))
    ));
    let askew = Framing {
        rotation: 45,
        ..Default::default()
    };
    assert!(frame(&fixture.conn, &fixture.photos(), &photo.id, &askew, now()).is_err());
    assert!(aspect_crop(600, 400, (0, 9), None).is_err());
    assert_eq!(get(&fixture.conn, &photo.id).unwrap().framing, Framing::default());
    assert_eq!(web(&fixture, &photo).dimensions(), (600, 400));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the export back with exiftool, a Perl program these Windows tests run without"
)]
fn the_exported_web_rendition_has_the_cropped_size_as_exiftool_reads_it() {
    let fixture = Fixture::new();
    let photo = fixture
        .import("b.jpg", &jpeg(&marked_image(3000, 2000)))
        .unwrap()
        .photo;
    let crop = aspect_crop(3000, 2000, (1, 1), None).unwrap();
    let framing = Framing {
        crop: Some(crop),
        ..Default::default()
    };
    frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    let out = fixture.root.join("vuong.jpg");
    export(
        &fixture.conn,
        &fixture.photos(),
        &photo.id,
        Rendition::Web,
        None,
        &out,
    )
    .unwrap();
    let output = Command::new("exiftool")
        .args(["-j", "-n", "-File:ImageWidth", "-File:ImageHeight"])
        .arg(&out)
        .output()
        .expect("exiftool is installed by scripts/install-deps");
    let tags: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (tags[0]["ImageWidth"].as_u64(), tags[0]["ImageHeight"].as_u64()),
        (Some(2000), Some(2000))
    );
}

#[test]
fn a_large_photo_is_framed_from_its_edit_master_and_from_the_original_when_the_master_is_damaged() {
    let fixture = Fixture::new();
    // 4800×3200 decodes at half size for its renditions: readying it for framing (as opening
    // it on the desk does) keeps that as the master; the import itself makes none.
    let photo = fixture
        .import("khan-dai.jpg", &jpeg(&marked_image(4800, 3200)))
        .unwrap()
        .photo;
    let master = edit_path(&fixture.photos(), &photo.sha256);
    assert!(!master.exists());
    assert!(prepare_framing(&fixture.photos(), &photo, 1).unwrap());
    let master_image = decode(&std::fs::read(&master).unwrap());
    assert_eq!((master_image.width(), master_image.height()), (2400, 1600));
    let before = original_bytes(&fixture, &photo);

    // A 16:9 crop of the whole width: the master has the 2048 px the web rendition needs.
    let framing = Framing {
        crop: Some(aspect_crop(4800, 3200, (16, 9), Some(Focal { x: 0.0, y: 0.0 })).unwrap()),
        ..Default::default()
    };
    let framed = frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    let image = web(&fixture, &framed);
    assert_eq!((image.width(), image.height()), (2048, 1152));
    assert!(is_red(image.get_pixel(20, 20)));
    assert!(!is_red(image.get_pixel(2030, 1140)));

    // A tight crop needs more pixels than the master has: made from the original, full size.
    let tight = Framing {
        crop: Some(Crop {
            x: 1400,
            y: 800,
            width: 2000,
            height: 1000,
        }),
        ..Default::default()
    };
    let framed = frame(&fixture.conn, &fixture.photos(), &photo.id, &tight, now()).unwrap();
    let image = web(&fixture, &framed);
    assert_eq!((image.width(), image.height()), (2000, 1000));
    assert!(
        is_red(image.get_pixel(10, 10)),
        "the crop's top left is in the red quarter"
    );

    // A damaged master costs time, never the picture, and is made again the next time.
    std::fs::write(&master, b"not a jpeg").unwrap();
    let framed = frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    assert_eq!(web(&fixture, &framed).dimensions(), (2048, 1152));
    frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    assert_eq!(
        decode(&std::fs::read(&master).unwrap()).dimensions(),
        (2400, 1600)
    );
    // A photo too small to want one gets none.
    let small = fixture
        .import("nho.jpg", &jpeg(&marked_image(1200, 800)))
        .unwrap()
        .photo;
    assert!(!prepare_framing(&fixture.photos(), &small, 1).unwrap());
    assert_eq!(
        original_bytes(&fixture, &photo),
        before,
        "the original never changes"
    );
}

/// A white picture with a dark horizon tilted `degrees` clockwise through its middle.
fn tilted_horizon(width: u32, height: u32, degrees: f64) -> RgbImage {
    let slope = degrees.to_radians().tan();
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    RgbImage::from_fn(width, height, |x, y| {
        let line = cy + (f64::from(x) - cx) * slope;
        if (f64::from(y) - line).abs() < 6.0 {
            Rgb([10, 10, 10])
        } else {
            Rgb([240, 240, 240])
        }
    })
}

/// The middle row of the dark line in column `x`.
fn horizon_at(image: &RgbImage, x: u32) -> u32 {
    let dark: Vec<u32> = (0..image.height())
        .filter(|&y| image.get_pixel(x, y)[0] < 128)
        .collect();
    dark.iter().sum::<u32>() / dark.len().max(1) as u32
}

#[test]
fn a_tilted_horizon_is_level_after_straightening_and_the_crop_and_original_are_kept() {
    let fixture = Fixture::new();
    let photo = fixture
        .import("chan-troi.jpg", &jpeg(&tilted_horizon(1200, 800, 4.0)))
        .unwrap()
        .photo;
    let before = original_bytes(&fixture, &photo);
    let image = web(&fixture, &photo);
    let tilt = horizon_at(&image, 1100) as i64 - horizon_at(&image, 100) as i64;
    assert!(tilt > 50, "the horizon falls to the right before: {tilt} px");

    let framing = straightened(&photo, -4.0).unwrap();
    let framed = frame(&fixture.conn, &fixture.photos(), &photo.id, &framing, now()).unwrap();
    assert_eq!(framed.framing.straighten, -4.0);
    assert_eq!(
        framed.size_of(Rendition::Web),
        (1200, 800),
        "straightening keeps the size"
    );
    let image = web(&fixture, &framed);
    let tilt = horizon_at(&image, 1100) as i64 - horizon_at(&image, 100) as i64;
    assert!(tilt.abs() <= 2, "the horizon is level after: {tilt} px");
    // No corner is left empty: the corners are the picture's white, not black fill.
    for (x, y) in [(0, 0), (1199, 0), (0, 799), (1199, 799)] {
        assert!(image.get_pixel(x, y)[0] > 200, "corner {x},{y}");
    }

    // A crop made afterwards keeps the straightening, and straightening again keeps the crop.
    let cropped = newsroom_crop(&fixture, &framed.id, (16, 9));
    assert_eq!(cropped.framing.straighten, -4.0);
    let again = straightened(&cropped, -3.5).unwrap();
    assert_eq!(again.crop, cropped.framing.crop);
    assert!(straightened(&cropped, 46.0).is_err());
    assert!(straightened(&cropped, f64::NAN).is_err());
    assert_eq!(original_bytes(&fixture, &photo), before);
}

fn newsroom_crop(fixture: &Fixture, id: &str, aspect: (u32, u32)) -> Photo {
    let photo = get(&fixture.conn, id).unwrap();
    let framing = cropped(
        &photo,
        &CropRequest {
            aspect: Some(aspect),
            ..Default::default()
        },
    )
    .unwrap();
    frame(&fixture.conn, &fixture.photos(), id, &framing, now()).unwrap()
}
