//! Old Vietnamese codes: every letter both ways, glibc's TCVN 5712 table as the reference,
//! detection of files and pasted mojibake, and good Unicode left alone.

use std::path::PathBuf;
use std::process::Command;

use newsroom_text::legacy::{self, Legacy};
use unicode_normalization::UnicodeNormalization;

/// Every Vietnamese letter beyond ASCII, lowercase and capital: 12 vowels × 6 tones less the 12
/// bare ASCII vowels, and `đ`, in both cases.
fn vietnamese_letters() -> Vec<char> {
    let mut letters = Vec::new();
    for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for tone in ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"] {
            let lower: String = format!("{base}{tone}").nfc().collect();
            let c = lower.chars().next().unwrap();
            if !c.is_ascii() {
                letters.push(c);
                letters.push(c.to_uppercase().next().unwrap());
            }
        }
    }
    letters.push('đ');
    letters.push('Đ');
    letters
}

#[test]
fn the_alphabet_has_every_letter() {
    assert_eq!(vietnamese_letters().len(), 2 * (12 * 6 - 6 + 1));
}

#[test]
#[cfg_attr(windows, ignore = "compares with glibc's iconv, which Windows has not")]
fn tcvn3_agrees_with_glibc_tcvn5712_for_every_byte_it_defines() {
    // glibc's TCVN5712-1 is the VN1 table; VN3 (ABC) shares its bytes for every letter VN3 has.
    let letters: Vec<(u8, char)> = legacy::tcvn3_letters().collect();
    assert_eq!(letters.len(), 74);
    let bytes: Vec<u8> = letters.iter().map(|(b, _)| *b).collect();
    let output = Command::new("iconv")
        .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&bytes)?;
            child.wait_with_output()
        })
        .expect("iconv (libc-bin) is on every Debian machine");
    let reference: Vec<char> = String::from_utf8(output.stdout).unwrap().nfc().collect();
    let ours: Vec<char> = letters.iter().map(|(_, c)| *c).collect();
    assert_eq!(ours, reference);
}

#[test]
fn tcvn3_every_letter_both_ways() {
    for c in vietnamese_letters() {
        let bytes = legacy::encode_bytes(&c.to_string(), Legacy::Tcvn3);
        assert_eq!(bytes.len(), 1, "{c}");
        let back = legacy::decode_bytes_from(&bytes, Legacy::Tcvn3).text;
        // TCVN3 has only the seven shaped capitals; other capitals come back lowercase.
        let expected = if c.is_uppercase() && !"ĂÂÊÔƠƯĐ".contains(c) {
            c.to_lowercase().next().unwrap()
        } else {
            c
        };
        assert_eq!(back, expected.to_string(), "{c}");
    }
}

#[test]
fn vni_every_letter_both_ways() {
    for c in vietnamese_letters() {
        let shown = legacy::encode(&c.to_string(), Legacy::Vni);
        assert!(shown.chars().all(|s| u32::from(s) < 0x100), "{c} → {shown}");
        assert_eq!(
            legacy::convert(&shown, Legacy::Vni),
            c.to_string(),
            "{c} → {shown}"
        );
        let bytes = legacy::encode_bytes(&format!("b{c}"), Legacy::Vni);
        assert_eq!(
            legacy::decode_bytes_from(&bytes, Legacy::Vni).text,
            format!("b{c}")
        );
    }
    assert_eq!(legacy::encode("Việt Nam", Legacy::Vni), "Vieät Nam");
    assert_eq!(legacy::encode("được", Legacy::Vni), "ñöôïc");
}

#[test]
fn viqr_every_letter_both_ways() {
    for c in vietnamese_letters() {
        let shown = legacy::encode(&format!("t{c}n"), Legacy::Viqr);
        assert!(shown.is_ascii(), "{shown}");
        assert_eq!(legacy::convert(&shown, Legacy::Viqr), format!("t{c}n"), "{shown}");
    }
    let sentence = "Đà Nẵng đón khách. Ông nói: “Thế à?” Vậy thì “address”.";
    let viqr = legacy::encode(sentence, Legacy::Viqr);
    assert_eq!(legacy::convert(&viqr, Legacy::Viqr), sentence, "{viqr}");
    assert_eq!(
        legacy::convert("Xin cha`o ca'c ba.n. Ho^m nay tro+`i dde.p.", Legacy::Viqr),
        "Xin chào các bạn. Hôm nay trời đẹp."
    );
}

#[test]
fn windows_1258_both_ways() {
    let text = "Công đoàn Việt Nam hỗ trợ người lao động";
    let bytes = legacy::encode_bytes(text, Legacy::Windows1258);
    let decoded = legacy::decode_bytes(&bytes).unwrap();
    assert_eq!(decoded.text, text);
    assert_eq!(decoded.conversion.unwrap().from, Legacy::Windows1258);
}

const PIECE: &str = "Hà Nội: Liên đoàn Lao động thành phố tổ chức hội nghị tổng kết công tác \
năm. Phó Chủ tịch Nguyễn Thị Thủy nhấn mạnh, người lao động được bảo đảm việc làm ổn định, \
thu nhập tăng; các cấp công đoàn tiếp tục chăm lo đời sống đoàn viên.";

#[test]
fn pasted_mojibake_is_found_and_converted() {
    for from in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viqr] {
        let pasted = legacy::encode(PIECE, from);
        let conversion = legacy::rescue(&pasted).unwrap_or_else(|| panic!("{from:?}: {pasted}"));
        assert_eq!(conversion.from, from, "{pasted}");
        // TCVN3 has no toned capitals: `Hà Nội` comes back `Hà Nội`, `Phó` as `phó`… only the
        // capitals the code lacks differ.
        if from == Legacy::Tcvn3 {
            assert_eq!(conversion.text.to_lowercase(), PIECE.to_lowercase());
        } else {
            assert_eq!(conversion.text, PIECE, "{from:?}");
        }
        assert!(conversion.words > 20, "{from:?} {}", conversion.words);
        assert!(!conversion.examples.is_empty());
    }
    assert_eq!(legacy::rescue("Xin chµo").unwrap().text, "Xin chào");
    assert_eq!(legacy::rescue("Xin chaøo").unwrap().text, "Xin chào");
    assert_eq!(legacy::rescue("Xin chaøo").unwrap().from, Legacy::Vni);
}

#[test]
fn files_in_old_codes_are_read() {
    for from in [Legacy::Tcvn3, Legacy::Vni, Legacy::Windows1258] {
        let bytes = legacy::encode_bytes(PIECE, from);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = legacy::decode_bytes(&bytes).unwrap();
        let conversion = decoded.conversion.unwrap();
        assert_eq!(conversion.from, from);
        assert_eq!(decoded.text.to_lowercase(), PIECE.to_lowercase(), "{from:?}");
    }
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(PIECE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let decoded = legacy::decode_bytes(&utf16).unwrap();
    assert_eq!(decoded.text, PIECE);
    assert!(decoded.conversion.is_none());
}

#[test]
fn bytes_that_are_no_vietnamese_are_refused_with_the_offset() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(2000).map(|b| b.wrapping_mul(37)));
    let err = legacy::decode_bytes(&png).unwrap_err();
    assert_eq!(err.offset, 0);
    assert!(err.to_string().contains("not valid UTF-8"));
    // Western text in Windows-1252 is not Vietnamese either.
    assert!(legacy::decode_bytes("Größe café naïve façade".as_bytes())
        .unwrap()
        .conversion
        .is_none());
    let latin = encoding_rs::WINDOWS_1252
        .encode("Größe der Straße, café à la française")
        .0;
    assert!(legacy::decode_bytes(&latin).is_err());
    // A Vietnamese file with a broken byte pair in its headline (`C3 28`): reading it in an old
    // code converts no word, so it is damage, refused where it is, not "Ã(".
    let mut damaged = b"---\nheadline: Ha Noi ".to_vec();
    let at = damaged.len();
    damaged.extend_from_slice(b"\xC3\x28 trao qua\n---\n\nDoan mo dau cua bai viet.\n");
    let err = legacy::decode_bytes(&damaged).unwrap_err();
    assert_eq!(err.offset, at);
}

fn good_unicode_texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in [
        root.join("../../../../shared/samples"),
        root.join("../suggestions/tests/eval"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{} not found; skipped", dir.display());
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path.display().to_string(), text));
            }
        }
    }
    texts
}

#[test]
fn good_unicode_is_never_touched() {
    let texts = good_unicode_texts();
    assert!(texts.len() >= 2);
    for (name, text) in texts {
        assert_eq!(legacy::rescue(&text), None, "{name}");
        let nfd: String = text.nfd().collect();
        assert_eq!(legacy::rescue(&nfd), None, "{name} in NFD");
        let decoded = legacy::decode_bytes(text.as_bytes()).unwrap();
        assert!(decoded.conversion.is_none(), "{name}");
    }
    for text in [
        "Hà Nội",
        "à",
        "Có",
        "tôi",
        "Ông Lê Đình Hùng",
        "café São Paulo",
        "It's 5 p.m. Really?",
        "(a) và (b)",
        "ba.",
        "Ba? Ông ấy đi rồi.",
    ] {
        assert_eq!(legacy::rescue(text), None, "{text}");
    }
}

#[test]
fn sound_words_in_converted_text_stay_as_they_were() {
    // A Unicode word pasted beside TCVN3 mojibake keeps its letters.
    let mixed = format!("{} Người lao động", legacy::encode(PIECE, Legacy::Tcvn3));
    let conversion = legacy::rescue(&mixed).unwrap();
    assert!(conversion.text.ends_with("Người lao động"), "{}", conversion.text);
}
