//! TCVN3 (ABC), the single-byte code of TCVN 5712:1993 (its `VN3` table): ASCII below 0x80,
//! the seven shaped capitals and the 67 lowercase letters at 0xA1–0xFE. It has no toned
//! capitals: writers set capitals in the `H` fonts (`.VnTimeH`), which draw the lowercase
//! codes as capitals, so converted text carries the lowercase letters they stand for.

/// The code points of TCVN 5712:1993 VN3 above ASCII, grouped by vowel as the standard lists
/// them: the letter, then grave, hook, tilde, acute, dot.
const TABLE: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    // a
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    // ă
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    // â
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    // e
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    // ê
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    // i
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    // o
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    // ô
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    // ơ
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    // u
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    // ư
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    // y
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// The letter a TCVN3 byte stands for, when it stands for one.
pub fn decode_byte(byte: u8) -> Option<char> {
    if byte < 0x80 {
        return Some(byte as char);
    }
    TABLE.iter().find(|(b, _)| *b == byte).map(|(_, c)| *c)
}

/// The TCVN3 byte of a letter. Toned capitals, which TCVN3 does not have, are written as their
/// lowercase codes, the way the `H` fonts expect.
pub fn encode_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    let find = |c: char| TABLE.iter().find(|(_, t)| *t == c).map(|(b, _)| *b);
    find(c).or_else(|| c.to_lowercase().next().and_then(find))
}

/// Every letter TCVN3 encodes above ASCII, with its byte (for tests and tables).
pub fn letters() -> impl Iterator<Item = (u8, char)> {
    TABLE.iter().copied()
}
