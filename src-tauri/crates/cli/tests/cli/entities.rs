//! `newsroom entity …` and `tag suggest` with the directory.

use crate::*;

#[test]
fn entity_import_list_tag_and_suggest_with_the_directory() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let csv = write(
        files.path(),
        "danh-ba.csv",
        "kind,name,aliases\norganisation,Liên đoàn Lao động thành phố Hà Nội,LĐLĐ Hà Nội\nperson,Nguyễn Phi Thường,\nperson,Đỗ Thị An,\n"
            .as_bytes(),
    );
    let summary: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "import", &csv]))).unwrap();
    assert_eq!(summary["created"], 3);
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "list", "--json"]))).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    // Vietnamese order, people by given name: An (Đỗ Thị An) before Liên… before Thường.
    assert_eq!(
        names,
        [
            "Đỗ Thị An",
            "Liên đoàn Lao động thành phố Hà Nội",
            "Nguyễn Phi Thường"
        ]
    );

    let md = write(
        files.path(),
        "a.md",
        "---\nheadline: Hội nghị\n---\nThân bài.\n".as_bytes(),
    );
    let id = stdout(&newsroom(data.path(), &["article", "import", &md]))
        .trim()
        .to_owned();
    let tags: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &[
            "article",
            "tag",
            &id,
            "--person",
            "Nguyễn Phi Thường",
            "--role",
            "Chủ tịch",
            "--person",
            "Lê Văn Mới",
            "--org",
            "LĐLĐ Hà Nội",
            "--json",
        ],
    )))
    .unwrap();
    let tags = tags.as_array().unwrap();
    assert_eq!(tags.len(), 3);
    assert_eq!(tags[0]["role"], "Chủ tịch");
    assert_eq!(
        tags[2]["name"], "Liên đoàn Lao động thành phố Hà Nội",
        "an alias tags the known organisation"
    );
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "list", "--json"]))).unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        4,
        "the new person joined the directory"
    );

    let text = "Chủ tịch LĐLĐ Hà Nội Nguyễn Phi Thường gặp ông Trần Văn Bình.";
    let story = write(files.path(), "story.txt", text.as_bytes());
    let s: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["tag", "suggest", &story, "--json"],
    )))
    .unwrap();
    let people = s["people"].as_array().unwrap();
    let thuong = people.iter().find(|p| p["name"] == "Nguyễn Phi Thường").unwrap();
    assert_eq!(thuong["known"], true);
    assert_eq!(thuong["role"], "Chủ tịch LĐLĐ Hà Nội");
    let [a, b] = [
        thuong["spans"][0][0].as_u64().unwrap() as usize,
        thuong["spans"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(
        text.chars().skip(a).take(b - a).collect::<String>(),
        "Nguyễn Phi Thường"
    );
    let binh = people.iter().find(|p| p["name"] == "Trần Văn Bình").unwrap();
    assert_eq!(binh["known"], false);
    let org = &s["organisations"][0];
    assert_eq!(org["known"], true);
    assert_eq!(org["name"], "LĐLĐ Hà Nội");

    // The newsroom stops a name: it is offered in no piece, and travels with the export.
    stdout(&newsroom(
        data.path(),
        &["entity", "never-suggest", "Trần Văn Bình", "--kind", "person"],
    ));
    let s: serde_json::Value = serde_json::from_str(&stdout(&newsroom(
        data.path(),
        &["tag", "suggest", &story, "--json"],
    )))
    .unwrap();
    let people: Vec<&str> = s["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Nguyễn Phi Thường"]);
    let exported: serde_json::Value =
        serde_json::from_str(&stdout(&newsroom(data.path(), &["entity", "export"]))).unwrap();
    assert_eq!(exported["never_suggest"][0]["name"], "Trần Văn Bình");
    assert_eq!(exported["entities"].as_array().unwrap().len(), 4);
    stdout(&newsroom(
        data.path(),
        &["entity", "suggest-again", "Trần Văn Bình", "--kind", "person"],
    ));
    let left = stdout(&newsroom(data.path(), &["entity", "never-suggested", "--json"]));
    assert_eq!(left.trim(), "[]");
}

/// `newsroom tag suggest … | head`: when the reader stops early, the command ends quietly and
/// with success instead of panicking on the broken pipe.
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;

    let dir = tempfile::tempdir().unwrap();
    // Enough people that the JSON outgrows the pipe's buffer.
    let text: String = (0..3000)
        .map(|i| {
            format!(
                "Ông Nguyễn Văn {} {} dự họp.\n",
                ["An", "Bình", "Cường"][i % 3],
                i
            )
        })
        .collect();
    let file = crate::write(dir.path(), "dai.txt", format!("Tin dài\n\n{text}").as_bytes());
    let mut child = start(command(&dir.path().join("store")).args(["tag", "suggest", &file, "--json"]));
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's reading end is closed here, as `head` closes it.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {stderr}",
        out.status.code()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
