//! Culling: stars, picks and colour labels on a selection, the desk's filters and orders, and
//! the rating travelling in and out of files as exiftool reads it.

use super::*;

fn three(fixture: &Fixture) -> Vec<String> {
    ["c.jpg", "a.jpg", "b.jpg"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let image = marked_image(40 + i as u32 * 8, 30);
            fixture.import(name, &jpeg(&image)).unwrap().photo.id
        })
        .collect()
}

fn ids(photos: &[Photo]) -> Vec<&str> {
    photos.iter().map(|p| p.original_name.as_str()).collect()
}

#[test]
fn a_selection_is_rated_picked_and_labelled_at_once_and_the_desk_filters_and_sorts_by_it() {
    let fixture = Fixture::new();
    let all = three(&fixture);
    let rated = edit_many(
        &fixture.conn,
        &all[..2],
        &PhotoEdit {
            rating: Some(4),
            label: Some(ColourLabel::Green),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert!(rated
        .iter()
        .all(|p| p.rating == 4 && p.label == ColourLabel::Green));
    edit(
        &fixture.conn,
        &all[1],
        &PhotoEdit {
            rating: Some(5),
            pick: Some(Pick::Picked),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    edit(
        &fixture.conn,
        &all[2],
        &PhotoEdit {
            pick: Some(Pick::Rejected),
            ..Default::default()
        },
        now(),
    )
    .unwrap();

    let query = |query: PhotoQuery| list(&fixture.conn, &query).unwrap();
    let by_rating = query(PhotoQuery {
        sort: PhotoSort::Rating,
        ..Default::default()
    });
    assert_eq!(ids(&by_rating), ["a.jpg", "c.jpg", "b.jpg"]);
    let by_name = query(PhotoQuery {
        sort: PhotoSort::Name,
        ..Default::default()
    });
    assert_eq!(ids(&by_name), ["a.jpg", "b.jpg", "c.jpg"]);
    let four_up = query(PhotoQuery {
        min_stars: Some(4),
        ..Default::default()
    });
    assert_eq!(four_up.len(), 2);
    let picked = query(PhotoQuery {
        pick: Some(Pick::Picked),
        ..Default::default()
    });
    assert_eq!(ids(&picked), ["a.jpg"]);
    let kept = query(PhotoQuery {
        hide_rejected: true,
        ..Default::default()
    });
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|p| p.pick != Pick::Rejected));
    let green = PhotoQuery {
        label: Some(ColourLabel::Green),
        ..Default::default()
    };
    assert_eq!(count(&fixture.conn, &green).unwrap(), 2);
}

#[test]
fn a_selection_with_an_unknown_photo_or_six_stars_changes_nothing() {
    let fixture = Fixture::new();
    let all = three(&fixture);
    let mut with_unknown = all.clone();
    with_unknown.push("no-such-photo".into());
    let stars = |n| PhotoEdit {
        rating: Some(n),
        ..Default::default()
    };
    assert!(matches!(
        edit_many(&fixture.conn, &with_unknown, &stars(3), now()),
        Err(PhotoError::NotFound(_))
    ));
    assert!(matches!(
        edit_many(&fixture.conn, &all, &stars(6), now()),
        Err(PhotoError::Invalid(_))
    ));
    let photos = list(&fixture.conn, &PhotoQuery::default()).unwrap();
    assert!(photos.iter().all(|p| p.rating == 0));
}

#[test]
fn the_order_of_the_event_is_the_capture_time_and_photos_without_one_come_last() {
    let fixture = Fixture::new();
    let all = three(&fixture);
    for (id, taken) in all
        .iter()
        .zip(["2026-12-01T09:30:00+07:00", "", "2026-12-01T08:05:00+07:00"])
    {
        let change = PhotoEdit {
            date_created: Some(taken.into()),
            ..Default::default()
        };
        edit(&fixture.conn, id, &change, now()).unwrap();
    }
    let taken = list(
        &fixture.conn,
        &PhotoQuery {
            sort: PhotoSort::Taken,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&taken), ["b.jpg", "c.jpg", "a.jpg"]);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the export back with exiftool, a Perl program these Windows tests run without"
)]
fn stars_and_labels_are_written_as_xmp_that_exiftool_reads_and_come_back_on_import() {
    let fixture = Fixture::new();
    let all = three(&fixture);
    let change = PhotoEdit {
        rating: Some(4),
        label: Some(ColourLabel::Purple),
        ..Default::default()
    };
    edit(&fixture.conn, &all[0], &change, now()).unwrap();
    let reject = PhotoEdit {
        rating: Some(2),
        pick: Some(Pick::Rejected),
        ..Default::default()
    };
    edit(&fixture.conn, &all[1], &reject, now()).unwrap();

    let rated = fixture.root.join("rated.jpg");
    export(
        &fixture.conn,
        &fixture.photos(),
        &all[0],
        Rendition::Original,
        None,
        &rated,
    )
    .unwrap();
    let rejected = fixture.root.join("rejected.jpg");
    export(
        &fixture.conn,
        &fixture.photos(),
        &all[1],
        Rendition::Original,
        None,
        &rejected,
    )
    .unwrap();
    let plain = fixture.root.join("plain.jpg");
    export(
        &fixture.conn,
        &fixture.photos(),
        &all[2],
        Rendition::Original,
        None,
        &plain,
    )
    .unwrap();

    let read = |path: &Path| {
        let output = Command::new("exiftool")
            .args(["-j", "-XMP-xmp:Rating", "-XMP-xmp:Label", "-n"])
            .arg(path)
            .output()
            .expect("exiftool is installed by scripts/install-deps");
        let all: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
        all[0].clone()
    };
    let tags = read(&rated);
    assert_eq!(tags["Rating"], 4);
    assert_eq!(tags["Label"], "Purple");
    assert_eq!(read(&rejected)["Rating"], -1);
    assert!(
        read(&plain).get("Rating").is_none(),
        "an unrated photo carries no rating"
    );

    // The exported files are new bytes: importing them reads the verdict back.
    let again = import_file(&fixture.conn, &fixture.photos(), &rated, None, now()).unwrap();
    assert_eq!(again.photo.rating, 4);
    assert_eq!(again.photo.label, ColourLabel::Purple);
    let again = import_file(&fixture.conn, &fixture.photos(), &rejected, None, now()).unwrap();
    assert_eq!(again.photo.pick, Pick::Rejected);
    assert_eq!(again.photo.rating, 0);
}
