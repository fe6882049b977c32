//! Documents written from Vietnamese pieces and read back by python-docx (Debian's
//! `python3-docx`), the reference reader here: the text arrives whole and in Unicode NFC, the
//! styles say what each paragraph is, and each photo is a picture with its caption under it.

use std::process::Command;

use image::{Rgb, RgbImage};
use newsroom_docx::{file_name, write, Photo, Piece};

/// What python-docx reads: each paragraph's style, its text (links included) and its bold and
/// italic runs, and each picture's size in EMU.
const READER: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = {"paragraphs": [], "pictures": []}
for p in d.paragraphs:
    text = "".join(t.text or "" for t in p._p.iter(qn("w:t")))
    tabs = len(list(p._p.iter(qn("w:tab"))))
    out["paragraphs"].append({
        "style": p.style.name, "text": text, "tabs": tabs,
        "bold": [r.text for r in p.runs if r.bold], "italic": [r.text for r in p.runs if r.italic],
        "links": ["".join(t.text for t in h.iter(qn("w:t"))) for h in p._p.iter(qn("w:hyperlink"))],
    })
for s in d.inline_shapes:
    out["pictures"].append([s.width, s.height])
json.dump(out, sys.stdout, ensure_ascii=False)
"#;

fn read_back(bytes: &[u8]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bài viết.docx");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("/usr/bin/python3")
        .args(["-c", READER])
        .arg(&path)
        .output()
        .expect("python3-docx is installed by scripts/install-deps");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the document back with python-docx, which these Windows tests run without"
)]
fn a_piece_reads_back_whole_with_its_styles_links_and_photos() {
    let body = "Sáng 3/12, Công đoàn quận **hỗ trợ** *ngay* 500.000 đồng.\n\
                Theo [Báo Lao động](https://example.vn/bai), đây là đợt đầu.\n\
                \n\
                ![Lễ trao quà](photo:p1)\n\
                \n\
                ## Hỗ trợ những ai\n\
                - Công nhân thuê trọ\n\
                - Lao động nữ nuôi con nhỏ\n\
                \n\
                > Chúng tôi mừng lắm, chị Hường nói.\n\
                \n\
                ![](photo:unknown)\n\
                <script>alert(1)</script>";
    let piece = Piece {
        headline: "Công nhân được hỗ trợ tiền thuê nhà",
        sapo: "Mỗi người nhận 500.000 đồng một tháng trong ba tháng.",
        byline: "Mai Quý",
        dateline: "Hà Nội",
        body,
        lead: None,
    };
    let photo = Photo::from_image(
        &photo_jpeg(1600, 900),
        "Cán bộ công đoàn trao quà",
        "Ảnh: Mai Quý",
    )
    .unwrap();
    let bytes = write(&piece, &|id| Ok((id == "p1").then(|| photo.clone()))).unwrap();
    let doc = read_back(&bytes);

    let paragraphs = doc["paragraphs"].as_array().unwrap();
    let lines: Vec<(&str, &str)> = paragraphs
        .iter()
        .map(|p| (p["style"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        lines,
        [
            ("Title", "Công nhân được hỗ trợ tiền thuê nhà"),
            ("Byline", "Mai Quý — Hà Nội"),
            ("Sapo", "Mỗi người nhận 500.000 đồng một tháng trong ba tháng."),
            ("Normal", "Sáng 3/12, Công đoàn quận hỗ trợ ngay 500.000 đồng."),
            ("Normal", "Theo Báo Lao động, đây là đợt đầu."),
            ("Normal", ""),
            ("Caption", "Cán bộ công đoàn trao quà (Ảnh: Mai Quý)"),
            ("Heading 2", "Hỗ trợ những ai"),
            ("Normal", "•Công nhân thuê trọ"),
            ("Normal", "•Lao động nữ nuôi con nhỏ"),
            ("Quote", "Chúng tôi mừng lắm, chị Hường nói."),
            ("Normal", "<script>alert(1)</script>"),
        ],
        "every paragraph in order, the unknown photo left out as the site leaves it out"
    );
    assert_eq!(paragraphs[3]["bold"], serde_json::json!(["hỗ trợ"]));
    assert_eq!(paragraphs[3]["italic"], serde_json::json!(["ngay"]));
    assert_eq!(paragraphs[4]["links"], serde_json::json!(["Báo Lao động"]));
    assert_eq!(
        paragraphs[8]["tabs"], 1,
        "a list item's marker is apart from its text"
    );

    // One picture, scaled to the text column (6.3 in) with its proportions kept.
    let pictures = doc["pictures"].as_array().unwrap();
    assert_eq!(pictures.len(), 1);
    let (width, height) = (pictures[0][0].as_u64().unwrap(), pictures[0][1].as_u64().unwrap());
    assert_eq!(width, 5_760_720);
    assert_eq!(height, 5_760_720 * 900 / 1600);
    for text in lines.iter().map(|(_, t)| *t) {
        assert_eq!(newsroom_text::nfc(text), text, "NFC as stored");
    }
}

#[test]
fn a_photo_that_is_not_an_image_is_an_error_not_a_crash() {
    let err = Photo::from_image(b"not a jpeg at all", "", "").unwrap_err();
    assert!(err.to_string().starts_with("the photo cannot be read"), "{err}");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the document back with python-docx, which these Windows tests run without"
)]
fn a_lead_photo_the_body_does_not_place_heads_the_piece() {
    let piece = Piece {
        headline: "Trao quà cho đoàn viên",
        sapo: "Sáng nay.",
        byline: "",
        dateline: "",
        body: "Thân bài.",
        lead: Some("lead"),
    };
    let photo = Photo::from_image(&photo_jpeg(400, 300), "Đoàn viên nhận quà", "").unwrap();
    let doc = read_back(&write(&piece, &|id| Ok((id == "lead").then(|| photo.clone()))).unwrap());
    let texts: Vec<&str> = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Trao quà cho đoàn viên",
            "Sáng nay.",
            "",
            "Đoàn viên nhận quà",
            "Thân bài."
        ]
    );
    assert_eq!(
        doc["pictures"][0],
        serde_json::json!([400 * 9525, 300 * 9525]),
        "narrower than the column: its own size at 96 dpi"
    );
}

#[test]
fn the_file_is_named_after_the_headline_as_every_system_allows() {
    assert_eq!(
        file_name("Hà Nội: trao quà / hỗ trợ?"),
        "Hà Nội trao quà hỗ trợ.docx"
    );
    assert_eq!(file_name("  \t "), "bai-viet.docx");
    assert_eq!(file_name(&"ạ".repeat(200)).chars().count(), 85);
}
