//! `newsroom photo …`: import, caption, list, export.

use std::process::Command;

use crate::*;

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the export back with exiftool, a Perl program these Windows tests run without"
)]
fn photo_import_caption_list_export_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let good = write(files.path(), "hoi-nghi.jpg", &jpeg(640, 480));
    let text = write(files.path(), "ghi-chu.jpg", "không phải ảnh".as_bytes());
    let out = newsroom(data.path(), &["photo", "import", &good, &text, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit non-zero"
    );
    let lines: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 2, "the good file imports although the other fails");
    assert_eq!(
        (lines[0]["width"].as_u64(), lines[0]["height"].as_u64()),
        (Some(640), Some(480))
    );
    assert!(lines[0]["metadata"]["fields"].is_object());
    assert_eq!(lines[1]["error"]["code"], "not_an_image");
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("ghi-chu.jpg"));
    let id = lines[0]["id"].as_str().unwrap().to_owned();

    let missing: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--missing", "caption", "--json"],
    )))
    .unwrap();
    assert_eq!(missing.as_array().unwrap().len(), 1);

    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "caption",
            &id,
            "--caption",
            "Đại biểu biểu quyết tại Hội nghị công nhân, viên chức, lao động",
            "--credit",
            "Ảnh: Mai Quý",
            "--alt",
            "Hội trường đông người giơ thẻ biểu quyết",
            "--person",
            "Nguyễn Phi Thường",
        ],
    ));
    let missing: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--missing", "caption", "--json"],
    )))
    .unwrap();
    assert_eq!(missing.as_array().unwrap().len(), 0);

    let exported = files.path().join("xuat.jpg");
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "export",
            &id,
            exported.to_str().unwrap(),
            "--rendition",
            "web",
        ],
    ));
    let read = Command::new("exiftool")
        .args([
            "-j",
            "-IPTC:Caption-Abstract",
            "-XMP-photoshop:Credit",
            "-XMP-iptcExt:PersonInImage",
        ])
        .arg(&exported)
        .output()
        .expect("exiftool is installed by scripts/install-deps");
    let tags: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(
        tags[0]["Caption-Abstract"],
        "Đại biểu biểu quyết tại Hội nghị công nhân, viên chức, lao động"
    );
    assert_eq!(tags[0]["Credit"], "Ảnh: Mai Quý");
    assert_eq!(tags[0]["PersonInImage"], "Nguyễn Phi Thường");

    let entities = stdout(&newsroom(data.path(), &["entity", "list", "--json"]));
    assert!(
        entities.contains("Nguyễn Phi Thường"),
        "people shown join the directory"
    );
}

/// An import killed mid-write leaves a temporary file in the library; the next time the store
/// opens it is removed and the count said on standard error. A temporary file being written
/// right now by another process (fresh) and the photos themselves are left alone.
#[test]
fn temporary_files_a_killed_import_left_are_swept_when_the_store_opens() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let photo = write(files.path(), "anh.jpg", &jpeg(640, 480));
    stdout(&newsroom(data.path(), &["photo", "import", &photo]));
    let library = data.path().join("photos");
    let folder = std::fs::read_dir(&library)
        .unwrap()
        .flatten()
        .find(|e| e.path().is_dir())
        .unwrap()
        .path();
    let kept: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let left = folder.join(".tmpA1b2C3");
    std::fs::write(&left, b"half a JPEG").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let writing = folder.join(".tmpD4e5F6");
    std::fs::write(&writing, b"being written").unwrap();

    let out = newsroom(data.path(), &["photo", "list", "--json"]);
    stdout(&out);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("removed 1 temporary files"), "{said}");
    assert!(!left.exists());
    assert!(writing.exists(), "a file being written now is not taken");
    for name in kept {
        assert!(folder.join(&name).exists(), "{name:?} kept");
    }
}

#[test]
fn a_card_is_culled_from_the_command_line_several_photos_at_a_time() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let paths: Vec<String> = (1..=4)
        .map(|n| write(files.path(), &format!("IMG_000{n}.jpg"), &jpeg(64 + n * 8, 48)))
        .collect();
    let mut args = vec!["photo", "import", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let imported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(data.path(), &args))).unwrap();
    let ids: Vec<String> = imported
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["id"].as_str().unwrap().to_owned())
        .collect();

    stdout(&newsroom(
        data.path(),
        &["photo", "rate", &ids[0], &ids[2], "--stars", "4"],
    ));
    stdout(&newsroom(data.path(), &["photo", "pick", &ids[2]]));
    stdout(&newsroom(data.path(), &["photo", "reject", &ids[3]]));
    stdout(&newsroom(
        data.path(),
        &["photo", "label", &ids[0], "--colour", "red"],
    ));
    stdout(&newsroom(
        data.path(),
        &["photo", "caption", &ids[0], &ids[1], "--credit", "Ảnh: Mai Quý"],
    ));

    let list = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec!["photo", "list", "--json"];
        args.extend_from_slice(extra);
        serde_json::from_str::<serde_json::Value>(&stdout(&newsroom(data.path(), &args)))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let names = |photos: &[serde_json::Value]| -> Vec<String> {
        photos
            .iter()
            .map(|p| p["original_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let four_up = list(&["--min-stars", "4", "--sort", "name"]);
    assert_eq!(names(&four_up), ["IMG_0001.jpg", "IMG_0003.jpg"]);
    assert_eq!(four_up[0]["label"], "red");
    assert_eq!(four_up[1]["pick"], "picked");
    assert_eq!(names(&list(&["--pick", "picked"])), ["IMG_0003.jpg"]);
    assert_eq!(list(&["--hide-rejected"]).len(), 3);
    let by_rating = list(&["--sort", "rating"]);
    assert_eq!(by_rating[0]["rating"], 4);
    let credited: Vec<_> = list(&["--sort", "name"])
        .into_iter()
        .map(|p| p["credit"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(credited[..2], ["Ảnh: Mai Quý", "Ảnh: Mai Quý"]);

    let refused = newsroom(data.path(), &["photo", "rate", &ids[0], "--stars", "6"]);
    assert_eq!(refused.status.code(), Some(2), "clap refuses six stars");
    let unknown = newsroom(
        data.path(),
        &["photo", "rate", &ids[1], "no-such-photo", "--stars", "5"],
    );
    assert_ne!(unknown.status.code(), Some(0));
    assert_eq!(
        list(&["--min-stars", "5"]).len(),
        0,
        "all or none: nothing was rated"
    );

    // The picks delivered into a folder under their own names; again, numbered beside them.
    let out = files.path().join("giao-anh");
    let target = out.to_str().unwrap();
    stdout(&newsroom(
        data.path(),
        &["photo", "export-dir", target, &ids[0], &ids[2]],
    ));
    stdout(&newsroom(data.path(), &["photo", "export-dir", target, &ids[0]]));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["IMG_0001-2.jpg", "IMG_0001.jpg", "IMG_0003.jpg"]);
    let exported = std::fs::read(out.join("IMG_0001.jpg")).unwrap();
    let credit = "Ảnh: Mai Quý".as_bytes();
    assert!(
        exported.windows(credit.len()).any(|w| w == credit),
        "the credit is inside"
    );
}

#[test]
fn codes_expand_in_captions_set_from_the_command_line_and_travel_as_json() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    stdout(&newsroom(data.path(), &["shortcut", "add", "hn", "Hà Nội"]));
    stdout(&newsroom(data.path(), &["shortcut", "add", "MQ", "Ảnh: Mai Quý"]));
    let bad = newsroom(data.path(), &["shortcut", "add", "hà nội", "x"]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot be a code"));

    let good = write(files.path(), "le-hoi.jpg", &jpeg(64, 48));
    let imported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "import", &good, "--json"],
    )))
    .unwrap();
    let id = imported[0]["id"].as_str().unwrap().to_owned();
    let photo: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "caption",
            &id,
            "--caption",
            "Người dân =hn= xem bắn pháo hoa; a == b",
            "--credit",
            "=mq=",
            "--json",
        ],
    )))
    .unwrap();
    assert_eq!(
        photo[0]["description"],
        "Người dân Hà Nội xem bắn pháo hoa; a == b"
    );
    assert_eq!(photo[0]["credit"], "Ảnh: Mai Quý");

    let exported = files.path().join("ma-viet-tat.json");
    stdout(&newsroom(
        data.path(),
        &["shortcut", "export", exported.to_str().unwrap()],
    ));
    let other = tempfile::tempdir().unwrap();
    let merged = stdout(&newsroom(
        other.path(),
        &["shortcut", "import", exported.to_str().unwrap()],
    ));
    assert!(merged.starts_with("2 added"), "{merged}");
    assert_eq!(
        stdout(&newsroom(other.path(), &["shortcut", "expand", "=HN= và =mq="])).trim(),
        "Hà Nội và Ảnh: Mai Quý"
    );
    stdout(&newsroom(other.path(), &["shortcut", "remove", "hn"]));
    let left: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(other.path(), &["shortcut", "list", "--json"]))).unwrap();
    assert_eq!(left.as_array().unwrap().len(), 1);
}

#[test]
fn a_card_is_ingested_with_a_template_and_photos_already_there_are_said_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let card = tempfile::tempdir().unwrap();
    let dcim = card.path().join("DCIM").join("100CANON");
    std::fs::create_dir_all(&dcim).unwrap();
    for n in 1..=3u16 {
        write(&dcim, &format!("IMG_000{n}.JPG"), &jpeg(64 + n * 8, 48));
    }
    stdout(&newsroom(data.path(), &["shortcut", "add", "hn", "Hà Nội"]));
    stdout(&newsroom(
        data.path(),
        &[
            "photo",
            "template",
            "save",
            "Lễ hội",
            "--caption",
            "Lễ hội đường phố tại =hn=, ảnh {seq}",
            "--credit",
            "Ảnh: Thu Quỳnh",
            "--keyword",
            "lễ hội",
        ],
    ));
    // One photo of the card is already in the library, captioned by hand.
    let first = dcim.join("IMG_0001.JPG");
    let before: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "import", first.to_str().unwrap(), "--json"],
    )))
    .unwrap();
    let first_id = before[0]["id"].as_str().unwrap().to_owned();
    stdout(&newsroom(
        data.path(),
        &["photo", "caption", &first_id, "--caption", "Chú thích riêng"],
    ));

    let out = newsroom(
        data.path(),
        &[
            "photo",
            "import",
            card.path().to_str().unwrap(),
            "--template",
            "Lễ hội",
        ],
    );
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.lines().next().unwrap().ends_with("(already in the library)"),
        "{text}"
    );
    let photos: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "list", "--sort", "name", "--json"],
    )))
    .unwrap();
    let captions: Vec<&str> = photos
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["description"].as_str().unwrap())
        .collect();
    assert_eq!(
        captions,
        [
            "Chú thích riêng",
            "Lễ hội đường phố tại Hà Nội, ảnh 1",
            "Lễ hội đường phố tại Hà Nội, ảnh 2"
        ]
    );
    assert_eq!(photos[1]["keywords"][0], "lễ hội");

    // An unknown template imports nothing and says why.
    let other = tempfile::tempdir().unwrap();
    let refused = newsroom(
        other.path(),
        &[
            "photo",
            "import",
            card.path().to_str().unwrap(),
            "--template",
            "Không có",
        ],
    );
    assert_ne!(refused.status.code(), Some(0));
    let none: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(other.path(), &["photo", "list", "--json"]))).unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);
}

#[test]
fn a_photo_is_cropped_to_a_ratio_turned_and_uncropped_from_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = write(files.path(), "san-khau.jpg", &jpeg(1600, 1200));
    let imported: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["photo", "import", &file, "--json"],
    )))
    .unwrap();
    let id = imported[0]["id"].as_str().unwrap().to_owned();
    let framing = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["photo"];
        all.extend_from_slice(args);
        all.push("--json");
        let photos: serde_json::Value = serde_json::from_str(&stdout(&newsroom(data.path(), &all))).unwrap();
        photos[0]["framing"].clone()
    };
    let cropped = framing(&["crop", &id, "--aspect", "16:9", "--focal", "0.5,0.2"]);
    assert_eq!(cropped["crop"]["width"], 1600);
    assert_eq!(cropped["crop"]["height"], 900);
    assert_eq!(
        cropped["crop"]["y"], 0,
        "moved up towards the focal point, inside the picture"
    );
    let turned = framing(&["rotate", &id, "--degrees", "90"]);
    assert_eq!(turned["rotation"], 90);
    assert_eq!(
        (
            turned["crop"]["width"].as_u64(),
            turned["crop"]["height"].as_u64()
        ),
        (Some(900), Some(1600))
    );
    let whole = framing(&["crop", &id, "--none"]);
    assert!(whole["crop"].is_null());
    assert_eq!(whole["rotation"], 90);
    let bad = newsroom(data.path(), &["photo", "crop", &id, "--rect", "0,0,5000,10"]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not inside"));
}

#[test]
fn a_person_with_a_short_alias_in_the_directory_is_a_code() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let csv = write(
        files.path(),
        "danh-ba.csv",
        "kind,name,aliases,parent,title,organisation,uri\nperson,Nguyễn Phi Thường,npt|anh Thường,,,,\n"
            .as_bytes(),
    );
    stdout(&newsroom(data.path(), &["entity", "import", &csv]));
    stdout(&newsroom(data.path(), &["shortcut", "add", "hn", "Hà Nội"]));
    assert_eq!(
        stdout(&newsroom(
            data.path(),
            &["shortcut", "expand", "Ông =NPT= tại =hn="]
        ))
        .trim(),
        "Ông Nguyễn Phi Thường tại Hà Nội"
    );
    let listed = stdout(&newsroom(data.path(), &["shortcut", "list"]));
    assert!(
        listed.contains("=npt=  Nguyễn Phi Thường  (directory)"),
        "{listed}"
    );
    assert!(!listed.contains("anh Thường"), "only ASCII aliases are codes");
    // The list shared with other machines is the newsroom's own.
    let json = stdout(&newsroom(data.path(), &["shortcut", "export"]));
    assert!(!json.contains("npt"));
}
