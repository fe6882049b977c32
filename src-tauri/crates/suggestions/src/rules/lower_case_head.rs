//! Heads a paper writes in lower case (`công ty TNHH Hoàng Long`, `trường THPT Chu Văn An`,
//! `bệnh viện Bạch Mai`, `công an xã Yên Thường`, `sở Y tế Hà Nội`): read as the capitalised
//! head when a name of the body's own follows, never for such bodies in general.

use crate::lexicon;
use crate::tokens::Document;

/// Words after `công ty` for a kind of company, not one: a people or a country (`công ty
/// Nhật`, `công ty Hàn Quốc`), foreign-invested ones (`công ty FDI`).
const COMPANY_KINDS: &[&str] = &[
    "Nhật",
    "Hàn",
    "Trung",
    "Mỹ",
    "Đài",
    "Việt",
    "Nga",
    "Pháp",
    "Đức",
    "Anh",
    "Thái",
    "Singapore",
    "FDI",
];

/// What a lower-case head needs after it to name one body.
enum Needs {
    /// A company's legal form, or a capitalised name that is no country or kind of company.
    Company,
    /// A school's level (`THPT`, `Tiểu học`).
    Level,
    /// A capitalised name or an abbreviation.
    Name,
    /// A unit of place and its name (`xã Yên Thường`).
    Place,
}

/// The capitalised head word to look the lower-case head at token `i` up by, when it names
/// one body.
pub(super) fn key(doc: &Document<'_>, i: usize) -> Option<&'static str> {
    let t = &doc.tokens[i];
    if t.capitalised || t.all_caps {
        return None;
    }
    let (words, key, needs): (&[&str], &str, Needs) = match t.text {
        "tổng" => (&["tổng", "công", "ty"], "Tổng", Needs::Company),
        "công" if doc.words_at(i, &["công", "an"]) => (&["công", "an"], "Công", Needs::Place),
        "công" => (&["công", "ty"], "Công", Needs::Company),
        "trường" => (&["trường"], "Trường", Needs::Level),
        "bệnh" => (&["bệnh", "viện"], "Bệnh", Needs::Name),
        "ngân" => (&["ngân", "hàng"], "Ngân", Needs::Name),
        "ủy" => (&["ủy", "ban", "nhân", "dân"], "Ủy", Needs::Place),
        "uỷ" => (&["uỷ", "ban", "nhân", "dân"], "Uỷ", Needs::Place),
        "sở" => (&["sở"], "Sở", Needs::Name),
        _ => return None,
    };
    let after = i + words.len();
    if !doc.words_at(i, words) || after >= doc.tokens.len() || !doc.joined(after) {
        return None;
    }
    let before = (i > 0 && doc.joined(i) && !doc.sentence_start(i)).then(|| doc.tokens[i - 1].lower);
    // `các công ty`, `nhiều bệnh viện`: such bodies in general.
    if before.is_some_and(|b| ["các", "những", "nhiều", "mọi", "vài", "mấy"].contains(&b)) {
        return None;
    }
    // `Quảng trường Ba Đình`, `điểm trường Sín Chải`, `trụ sở Bộ Công an`, `cơ sở Hà Nội`: the
    // head's word is the second syllable of another word.
    const ENDS_OF: &[&str] = &[
        "quảng", "điểm", "nhà", "thị", "chiến", "môi", "hiện", "công", "ngư", "phi", "lập", "sân", "trụ",
        "cơ",
    ];
    if ["Trường", "Sở"].contains(&key) && before.is_some_and(|b| ENDS_OF.contains(&b)) {
        return None;
    }
    let next = &doc.tokens[after];
    let run_end = {
        let mut end = after;
        while end + 1 < doc.tokens.len() && doc.joined(end + 1) && doc.tokens[end + 1].capitalised {
            end += 1;
        }
        end
    };
    let named = match needs {
        Needs::Company => {
            ["TNHH", "CP", "CTCP"].contains(&next.text)
                || doc.words_at(after, &["cổ", "phần"])
                || (next.capitalised || next.all_caps)
                    && !lexicon::COUNTRIES.contains(&doc.slice(after, run_end))
                    && !COMPANY_KINDS.contains(&next.text)
        }
        Needs::Level => next.all_caps || doc.longest_at(after, &lexicon::index().school_levels).is_some(),
        Needs::Name => next.capitalised || next.all_caps,
        Needs::Place => {
            let unit = if [["thành", "phố"], ["thị", "xã"], ["thị", "trấn"]]
                .iter()
                .any(|w| doc.words_at(after, w))
            {
                2
            } else {
                usize::from(lexicon::index().admin_words.contains(next.lower))
            };
            let place = after + unit;
            unit > 0
                && doc
                    .tokens
                    .get(place)
                    .is_some_and(|n| n.capitalised && doc.joined(place))
        }
    };
    named.then_some(key)
}
