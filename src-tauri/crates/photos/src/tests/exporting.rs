//! Exports read back by exiftool (the reference reader), and metadata read on import.

use super::*;

fn exiftool(path: &Path) -> serde_json::Value {
    let output = Command::new("exiftool")
        .args(["-j", "-G1", "-struct", "-charset", "iptc=UTF8"])
        .arg(path)
        .output()
        .expect("exiftool is installed by scripts/install-deps");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut all: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    all.remove(0)
}

/// The JPEG bytes from the first start-of-scan marker to the end: the compressed pixels.
fn scan_data(jpeg: &[u8]) -> &[u8] {
    let start = jpeg.windows(2).position(|w| w == [0xff, 0xda]).unwrap();
    &jpeg[start..]
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the export back with exiftool, a Perl program these Windows tests run without"
)]
fn exported_files_carry_every_field_exactly_as_exiftool_reads_them() {
    let fixture = Fixture::new();
    let original = jpeg_with_orientation(&marked_image(1200, 800), 6);
    let imported = fixture.import("cong-doan.jpg", &original).unwrap();
    let long_caption = "Đoàn viên Công đoàn cơ sở nhận quà hỗ trợ trong đợt dịch. ".repeat(50);
    let change = PhotoEdit {
        description: Some(long_caption.clone()),
        credit: Some("Ảnh: Mai Quý".into()),
        // 35 bytes in UTF-8, longer than IIM's 32-byte By-line; byte 32 is inside "ễ".
        creator: Some("Đỗ Thị Thanh Hường Nguyễn".into()),
        copyright: Some("© Báo Lao động Thủ đô".into()),
        alt_text: Some("Hai cán bộ công đoàn trao túi quà cho một nữ công nhân".into()),
        headline: Some("Trao quà cho đoàn viên".into()),
        keywords: Some(vec!["công đoàn".into(), "Hà Nội".into()]),
        date_created: Some("2021-05-17T11:16:00+07:00".into()),
        people: Some(vec!["Nguyễn Phi Thường".into(), "Phạm Văn Đức".into()]),
        city: Some("Đông Anh".into()),
        province: Some("Hà Nội".into()),
        country: Some("Việt Nam".into()),
        event: Some("Tháng Công nhân 2021".into()),
        instructions: Some("Chỉ dùng cho bài về Tháng Công nhân".into()),
        job_id: Some("LĐTĐ-0517".into()),
        ..Default::default()
    };
    let photo = edit(&fixture.conn, &imported.photo.id, &change, now()).unwrap();
    assert_eq!(photo.people.len(), 2);
    for rendition in [Rendition::Original, Rendition::Web] {
        let out = fixture.root.join(format!("export-{rendition:?}.jpg"));
        export(&fixture.conn, &fixture.photos(), &photo.id, rendition, None, &out).unwrap();
        let tags = exiftool(&out);
        let tag = |name: &str| {
            tags[name]
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| tags[name].to_string())
        };
        assert_eq!(tag("IPTC:CodedCharacterSet"), "UTF8");
        assert_eq!(tag("XMP-dc:Description"), long_caption.trim());
        let iim_caption = tag("IPTC:Caption-Abstract");
        assert!(iim_caption.len() <= 2000 && long_caption.starts_with(&iim_caption));
        assert!(
            iim_caption.len() > 1990,
            "cut at the limit, not before: {}",
            iim_caption.len()
        );
        assert_eq!(
            tags["XMP-dc:Creator"],
            serde_json::json!(["Đỗ Thị Thanh Hường Nguyễn"])
        );
        assert_eq!(tag("IPTC:By-line"), "Đỗ Thị Thanh Hường Nguy");
        assert_eq!(tag("XMP-photoshop:Credit"), "Ảnh: Mai Quý");
        assert_eq!(tag("IPTC:Credit"), "Ảnh: Mai Quý");
        assert_eq!(tag("XMP-dc:Rights"), "© Báo Lao động Thủ đô");
        assert_eq!(tag("IPTC:CopyrightNotice"), "© Báo Lao động Thủ đô");
        assert_eq!(tag("XMP-photoshop:Headline"), "Trao quà cho đoàn viên");
        assert_eq!(tag("IPTC:Headline"), "Trao quà cho đoàn viên");
        assert_eq!(
            tag("XMP-iptcCore:AltTextAccessibility"),
            change.alt_text.clone().unwrap()
        );
        assert_eq!(tags["XMP-dc:Subject"], serde_json::json!(["công đoàn", "Hà Nội"]));
        assert_eq!(tags["IPTC:Keywords"], serde_json::json!(["công đoàn", "Hà Nội"]));
        assert_eq!(
            tags["XMP-iptcExt:PersonInImage"],
            serde_json::json!(["Nguyễn Phi Thường", "Phạm Văn Đức"])
        );
        assert_eq!(tag("XMP-photoshop:DateCreated"), "2021:05:17 11:16:00+07:00");
        assert_eq!(tag("IPTC:DateCreated"), "2021:05:17");
        for (xmp, iim, value) in [
            ("XMP-photoshop:City", "IPTC:City", "Đông Anh"),
            ("XMP-photoshop:State", "IPTC:Province-State", "Hà Nội"),
            (
                "XMP-photoshop:Country",
                "IPTC:Country-PrimaryLocationName",
                "Việt Nam",
            ),
            (
                "XMP-photoshop:Instructions",
                "IPTC:SpecialInstructions",
                "Chỉ dùng cho bài về Tháng Công nhân",
            ),
            (
                "XMP-photoshop:TransmissionReference",
                "IPTC:OriginalTransmissionReference",
                "LĐTĐ-0517",
            ),
        ] {
            assert_eq!(tag(xmp), value, "{xmp}");
            assert_eq!(tag(iim), value, "{iim}");
        }
        assert_eq!(tag("XMP-iptcExt:Event"), "Tháng Công nhân 2021");
        let exported = std::fs::read(&out).unwrap();
        if rendition == Rendition::Original {
            // Metadata was inserted; the compressed image data is the original's, byte for byte.
            assert_eq!(scan_data(&exported), scan_data(&original));
            assert_eq!(tag("IFD0:Orientation"), "Rotate 90 CW");
        } else {
            let web = std::fs::read(file_path(
                &fixture.photos(),
                &photo.sha256,
                photo.format,
                rendition,
            ))
            .unwrap();
            assert_eq!(scan_data(&exported), scan_data(&web));
        }
        // What the export says, our own reader reads back the same way.
        let read = read_metadata(&exported, PhotoFormat::Jpeg);
        assert_eq!(read.fields.caption, long_caption.trim());
        assert_eq!(read.fields.city, "Đông Anh");
        assert_eq!(read.fields.event, "Tháng Công nhân 2021");
        assert_eq!(read.fields.job_id, "LĐTĐ-0517");
        assert_eq!(
            read.fields.people_shown,
            vec!["Nguyễn Phi Thường", "Phạm Văn Đức"]
        );
    }
}

#[test]
fn metadata_in_an_imported_file_prefills_the_photo() {
    let fixture = Fixture::new();
    let source = fixture
        .import("source.jpg", &jpeg(&marked_image(640, 480)))
        .unwrap();
    let change = PhotoEdit {
        description: Some("Chủ tịch LĐLĐ thành phố Hà Nội thăm công nhân".into()),
        creator: Some("Hà An".into()),
        alt_text: Some("Một người đàn ông bắt tay công nhân trong xưởng".into()),
        people: Some(vec!["Nguyễn Phi Thường".into()]),
        ..Default::default()
    };
    edit(&fixture.conn, &source.photo.id, &change, now()).unwrap();
    let bytes = export_bytes(
        &fixture.conn,
        &fixture.photos(),
        &source.photo.id,
        Rendition::Web,
        None,
    )
    .unwrap();

    let other = Fixture::new();
    let imported = other.import("tagged.jpg", &bytes).unwrap();
    let photo = imported.photo;
    assert_eq!(photo.description, "Chủ tịch LĐLĐ thành phố Hà Nội thăm công nhân");
    assert_eq!(photo.creator, "Hà An");
    // The newsroom's credit form is derived from the creator when the file has no credit.
    assert_eq!(photo.credit, "Ảnh: Hà An");
    assert_eq!(photo.alt_text, change.alt_text.unwrap());
    assert_eq!(photo.people.len(), 1);
    assert_eq!(photo.people[0].name, "Nguyễn Phi Thường");
    assert!(photo.missing.is_empty());
}
