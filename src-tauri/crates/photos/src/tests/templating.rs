//! Metadata templates on a real store: variables filled from each photo, empty fields left
//! alone, templates shared as JSON; and a card's folder listed in shooting order.

use super::*;

fn card(fixture: &Fixture, count: u32) -> Vec<String> {
    (0..count)
        .map(|i| {
            let image = marked_image(40 + i * 8, 30);
            fixture
                .import(&format!("IMG_{:04}.jpg", i + 1), &jpeg(&image))
                .unwrap()
                .photo
                .id
        })
        .collect()
}

#[test]
fn a_template_fills_each_photo_with_its_own_date_number_and_creator() {
    let fixture = Fixture::new();
    let ids = card(&fixture, 3);
    for (id, taken) in ids
        .iter()
        .zip(["2026-12-01T09:30:00+07:00", "2026-12-01T10:05:00+07:00", ""])
    {
        let change = PhotoEdit {
            date_created: Some(taken.into()),
            creator: Some("Mai Quý".into()),
            alt_text: Some("Đã có alt".into()),
            keywords: Some(vec!["công đoàn".into()]),
            ..Default::default()
        };
        edit(&fixture.conn, id, &change, now()).unwrap();
    }
    let template = PhotoTemplate {
        name: " Hội nghị công nhân ".into(),
        fields: TemplateFields {
            description: "Hội nghị công nhân, viên chức ngày {date} lúc {time} (ảnh {seq}, {file})".into(),
            credit: "Ảnh: {creator}".into(),
            copyright: "© Báo Lao động Thủ đô".into(),
            keywords: vec!["hội nghị".into(), "công đoàn".into()],
            ..Default::default()
        },
    };
    let saved = save_template(&fixture.conn, &template, now()).unwrap();
    assert_eq!(saved.name, "Hội nghị công nhân");
    let fields = template_by_name(&fixture);
    let photos = apply_template(&fixture.conn, &fields, &ids, now()).unwrap();
    assert_eq!(
        photos[0].description,
        "Hội nghị công nhân, viên chức ngày 01/12/2026 lúc 09:30 (ảnh 1, IMG_0001.jpg)"
    );
    assert_eq!(
        photos[1].description.split(" (").next().unwrap(),
        "Hội nghị công nhân, viên chức ngày 01/12/2026 lúc 10:05"
    );
    // No capture time: the date and time are left empty rather than invented.
    assert!(photos[2]
        .description
        .starts_with("Hội nghị công nhân, viên chức ngày  lúc  (ảnh 3"));
    assert!(photos.iter().all(|p| p.credit == "Ảnh: Mai Quý"));
    assert!(
        photos.iter().all(|p| p.alt_text == "Đã có alt"),
        "an empty template field changes nothing"
    );
    assert!(
        photos.iter().all(|p| p.keywords == ["công đoàn", "hội nghị"]),
        "keywords are added once"
    );
}

fn template_by_name(fixture: &Fixture) -> TemplateFields {
    template(&fixture.conn, "Hội nghị công nhân").unwrap().fields
}

#[test]
fn templates_travel_as_json_and_a_bad_selection_changes_nothing() {
    let fixture = Fixture::new();
    let ids = card(&fixture, 2);
    let template = PhotoTemplate {
        name: "Thể thao".into(),
        fields: TemplateFields {
            credit: "Ảnh: {creator}".into(),
            ..Default::default()
        },
    };
    save_template(&fixture.conn, &template, now()).unwrap();
    let json = export_templates(&fixture.conn).unwrap();
    let other = Fixture::new();
    assert_eq!(import_templates(&other.conn, &json, now()).unwrap(), 1);
    assert_eq!(templates(&other.conn).unwrap(), std::slice::from_ref(&template));
    assert!(import_templates(
        &other.conn,
        "{\"format\":\"newsroom-shortcuts\",\"version\":1,\"templates\":[]}",
        now()
    )
    .is_err());

    let mut with_unknown = ids.clone();
    with_unknown.push("no-such-photo".into());
    assert!(apply_template(&fixture.conn, &template.fields, &with_unknown, now()).is_err());
    let photos = list(&fixture.conn, &PhotoQuery::default()).unwrap();
    assert!(photos.iter().all(|p| p.credit.is_empty()), "all or none");
    remove_template(&fixture.conn, "Thể thao").unwrap();
    assert!(templates(&fixture.conn).unwrap().is_empty());
    assert!(save_template(
        &fixture.conn,
        &PhotoTemplate {
            name: "  ".into(),
            fields: TemplateFields::default()
        },
        now()
    )
    .is_err());
}

#[test]
fn a_cards_folders_are_listed_in_shooting_order_without_hidden_files() {
    let fixture = Fixture::new();
    let card = fixture.root.join("card");
    let dcim = card.join("DCIM").join("100CANON");
    std::fs::create_dir_all(&dcim).unwrap();
    let bytes = jpeg(&marked_image(20, 20));
    for name in [
        "IMG_0002.JPG",
        "IMG_0001.JPG",
        "._IMG_0001.JPG",
        "notes.txt",
        "IMG_0003.png",
    ] {
        std::fs::write(dcim.join(name), &bytes).unwrap();
    }
    std::fs::write(card.join("cover.webp"), &bytes).unwrap();
    let found: Vec<String> = images_in_folder(&card)
        .unwrap()
        .iter()
        .map(|p| {
            p.strip_prefix(&card)
                .unwrap()
                .display()
                .to_string()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        found,
        [
            "DCIM/100CANON/IMG_0001.JPG",
            "DCIM/100CANON/IMG_0002.JPG",
            "DCIM/100CANON/IMG_0003.png",
            "cover.webp"
        ]
    );
    assert!(matches!(
        images_in_folder(&card.join("missing")),
        Err(PhotoError::FileMissing(_))
    ));
}
