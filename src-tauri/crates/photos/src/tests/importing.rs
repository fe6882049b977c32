//! Imports: renditions upright for every EXIF orientation, the same file reused.

use super::*;

#[test]
fn renditions_are_upright_and_sized_for_every_exif_orientation() {
    let source = marked_image(3000, 2000);
    // Where the stored top-left quarter must appear once the photo is upright.
    let expected_corner = [
        (1, "top-left"),
        (2, "top-right"),
        (3, "bottom-right"),
        (4, "bottom-left"),
        (5, "top-left"),
        (6, "top-right"),
        (7, "bottom-right"),
        (8, "bottom-left"),
    ];
    for (orientation, corner) in expected_corner {
        let fixture = Fixture::new();
        let imported = fixture
            .import(
                &format!("o{orientation}.jpg"),
                &jpeg_with_orientation(&source, orientation),
            )
            .unwrap();
        let photo = &imported.photo;
        let swapped = orientation >= 5;
        assert_eq!(
            (photo.width, photo.height),
            if swapped { (2000, 3000) } else { (3000, 2000) },
            "orientation {orientation}"
        );
        for (rendition, long) in [(Rendition::Web, WEB_EDGE), (Rendition::Thumb, THUMB_EDGE)] {
            let path = file_path(&fixture.photos(), &photo.sha256, photo.format, rendition);
            let image = decode(&std::fs::read(path).unwrap());
            assert_eq!(image.width().max(image.height()), long);
            assert_eq!(
                image.height() > image.width(),
                swapped,
                "orientation {orientation}"
            );
            let (w, h) = (image.width(), image.height());
            let probe = |x: u32, y: u32| is_red(image.get_pixel(x, y));
            let found = [
                ("top-left", probe(w / 8, h / 8)),
                ("top-right", probe(w - w / 8, h / 8)),
                ("bottom-right", probe(w - w / 8, h - h / 8)),
                ("bottom-left", probe(w / 8, h - h / 8)),
            ];
            let red: Vec<&str> = found.iter().filter(|(_, red)| *red).map(|(c, _)| *c).collect();
            assert_eq!(red, vec![corner], "orientation {orientation}, {rendition:?}");
        }
    }
}

#[test]
fn importing_the_same_file_twice_reuses_it() {
    let fixture = Fixture::new();
    let bytes = jpeg(&marked_image(800, 600));
    let first = fixture.import("a.jpg", &bytes).unwrap();
    let files = fixture.stored_files();
    let second = fixture.import("copy of a.jpg", &bytes).unwrap();
    assert!(first.created);
    assert!(!second.created);
    assert_eq!(first.photo.id, second.photo.id);
    assert_eq!(fixture.stored_files(), files);
    assert_eq!(count(&fixture.conn, &PhotoQuery::default()).unwrap(), 1);
}
