//! Real-word errors: a syllable that is a word on its own but not the one its neighbours make a
//! phrase with (`sảy ra` for `xảy ra`, `dải phóng` for `giải phóng`, `sữa chữa` for `sửa
//! chữa`). Each syllable alone passes the dictionary; only the pair shows the slip.
//!
//! The evidence is a list of the compounds and collocations Vietnamese uses (`compounds.txt`,
//! written for this project). A syllable is marked when it makes no listed pair with either
//! neighbour while a syllable that sounds like it — the confusions of Vietnamese writers: s/x,
//! tr/ch, d/gi/r, l/n, hỏi/ngã, final n/ng and c/t — does. A pair that is right but rarer than
//! its look-alike (`chính xác` beside `chính sách`, `sữa chua` beside `sửa chữa`) is listed
//! itself, so it is never marked; an unlisted pair is left alone unless a look-alike is listed.
//!
//! For a word the dictionary lacks, the same evidence with a looser likeness (any tone, final
//! `n`/`ng`/`nh` and `c`/`t`/`ch` alike) picks the suggestion its neighbours want (`chách
//! nhiệm` → `trách`, not `chạch`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use newsroom_text::syllable::{self, Syllable, Tone};

use crate::models::TonePlacement;
use crate::style::{compose, in_case_of};

/// How alike two syllables must sound to be taken for one another.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Likeness {
    /// The confusions that leave a real word: one of the classes above.
    Sound,
    /// Looser, for a word that is not a word at all: any tone, and the finals alike.
    Shape,
}

/// Syllable → syllable → what goes with the pair; nested so a lookup borrows its keys.
type Nested<T> = HashMap<String, HashMap<String, T>>;

/// The listed pairs, and for each neighbour and likeness the syllables that pair with it.
struct Compounds {
    /// first → the seconds listed after it.
    pairs: HashMap<String, HashSet<String>>,
    /// first → likeness key of second → the seconds listed after `first`.
    after: [Nested<Vec<String>>; 2],
    /// second → likeness key of first → the firsts listed before `second`.
    before: [Nested<Vec<String>>; 2],
}

static COMPOUNDS: LazyLock<Compounds> = LazyLock::new(|| Compounds::read(include_str!("compounds.txt")));

impl Compounds {
    fn read(text: &str) -> Compounds {
        let mut out = Compounds {
            pairs: HashMap::new(),
            after: [HashMap::new(), HashMap::new()],
            before: [HashMap::new(), HashMap::new()],
        };
        let entries = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split(','));
        for entry in entries {
            let syllables: Vec<String> = entry.split_whitespace().filter_map(key).collect();
            for pair in syllables.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if !out.pairs.entry(a.clone()).or_default().insert(b.clone()) {
                    continue;
                }
                for (n, likeness) in [Likeness::Sound, Likeness::Shape].into_iter().enumerate() {
                    if let Some(kb) = likeness_key(b, likeness) {
                        let seconds = out.after[n].entry(a.clone()).or_default();
                        seconds.entry(kb).or_default().push(b.clone());
                    }
                    if let Some(ka) = likeness_key(a, likeness) {
                        let firsts = out.before[n].entry(b.clone()).or_default();
                        firsts.entry(ka).or_default().push(a.clone());
                    }
                }
            }
        }
        out
    }

    fn knows(&self, a: &str, b: &str) -> bool {
        self.pairs.get(a).is_some_and(|seconds| seconds.contains(b))
    }
}

/// A syllable as the list keeps it: lowercase, the tone where the dictionary puts it; the
/// checker keys each word of a text once and passes the keys in.
pub(crate) fn key(word: &str) -> Option<String> {
    let Syllable { onset, rhyme, tone } = syllable::parse(word)?;
    Some(compose(onset, &rhyme, tone, TonePlacement::New))
}

/// What two syllables taken for one another share: the onset's class, the rhyme with its final
/// in its class, and (for `Sound`) the tone with hỏi and ngã as one.
fn likeness_key(word: &str, likeness: Likeness) -> Option<String> {
    let Syllable { onset, rhyme, tone } = syllable::parse(word)?;
    // `gìn` parses as `g` + `in`: the same onset as `dìn` or `rìn`.
    let onset = match onset {
        "s" | "x" => "S",
        "tr" | "ch" => "C",
        "d" | "gi" | "r" => "D",
        "g" if rhyme.starts_with('i') => "D",
        "l" | "n" => "L",
        other => other,
    };
    let mut rhyme = rhyme;
    let stem = |r: &str, n: usize| r[..r.len() - n].to_owned();
    rhyme = match likeness {
        Likeness::Sound if rhyme.ends_with("ng") => stem(&rhyme, 1),
        Likeness::Sound if rhyme.ends_with('c') => format!("{}t", stem(&rhyme, 1)),
        Likeness::Shape if rhyme.ends_with("ng") || rhyme.ends_with("nh") => stem(&rhyme, 1),
        Likeness::Shape if rhyme.ends_with("ch") => format!("{}t", stem(&rhyme, 2)),
        Likeness::Shape if rhyme.ends_with('c') => format!("{}t", stem(&rhyme, 1)),
        _ => rhyme,
    };
    let tone = match (likeness, tone) {
        (Likeness::Shape, _) => "",
        (Likeness::Sound, Tone::Hook | Tone::Tilde) => "?",
        (Likeness::Sound, Tone::Level) => "",
        (Likeness::Sound, Tone::Grave) => "`",
        (Likeness::Sound, Tone::Acute) => "'",
        (Likeness::Sound, Tone::Dot) => ".",
    };
    Some(format!("{onset}{rhyme}{tone}"))
}

/// Words that stand beside any word (grammar words, the commonest verbs and nouns): that one
/// makes no listed pair says nothing, and a rarer look-alike that does (`đả thông` beside `đã
/// thông xe`) is no reason to mark them.
const FREE_WORDS: &[&str] = &[
    "đã", "sẽ", "đang", "vừa", "mới", "có", "là", "và", "của", "được", "bị", "cho", "với", "những", "các",
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "không", "chưa", "này", "đó",
    "ấy", "kia", "thì", "mà", "rồi", "cũng", "vẫn", "đều", "từ", "ở", "tại", "trên", "dưới", "vào", "ra",
    "lên", "xuống", "nên", "để", "khi", "nếu", "vì", "do", "như", "theo", "về", "sau", "trước", "trong",
    "ngoài", "hay", "hoặc", "nhưng", "còn", "chỉ", "rất", "quá", "lại", "đi", "đến", "tới", "qua", "người",
    "ngày", "tháng", "giờ", "nhà", "hơn", "nhất", "nhiều", "ít", "mỗi", "cả", "gì", "ai", "sao", "nào",
    "đây", "ông", "bà", "anh", "chị", "em", "tôi", "họ", "mình", "chúng", "ta", "nó", "phải", "cần", "muốn",
    "làm", "nói", "biết", "thấy", "lúc", "nay", "bằng", "tuy", "dù", "vậy", "thế",
];

/// Whether the syllable keyed `w` makes a listed pair with a neighbour (keys as [`key`] gives).
fn fits(w: &str, left: Option<&str>, right: Option<&str>) -> bool {
    let compounds = &*COMPOUNDS;
    left.is_some_and(|l| compounds.knows(l, w)) || right.is_some_and(|r| compounds.knows(w, r))
}

/// The word its neighbours want instead of `word` (keyed `w`; neighbours by their keys), in
/// `word`'s case: one alike by `likeness` that makes a listed pair with a neighbour, when
/// `word` itself makes none. A word that pairs on both sides is taken before one that pairs
/// on one; two that pair equally well leave the context undecided.
pub(crate) fn wanted(
    word: &str,
    w: &str,
    left: Option<&str>,
    right: Option<&str>,
    likeness: Likeness,
) -> Option<String> {
    if fits(w, left, right) || (likeness == Likeness::Sound && FREE_WORDS.contains(&w)) {
        return None;
    }
    let like = likeness_key(w, likeness)?;
    let n = likeness as usize;
    let compounds = &*COMPOUNDS;
    let from_left = left
        .and_then(|l| compounds.after[n].get(l))
        .and_then(|m| m.get(&like));
    let from_right = right
        .and_then(|r| compounds.before[n].get(r))
        .and_then(|m| m.get(&like));
    let mut found: Vec<(&str, u8)> = Vec::new();
    for candidate in [from_left, from_right].into_iter().flatten().flatten() {
        if candidate == w {
            continue;
        }
        match found.iter_mut().find(|(c, _)| *c == candidate) {
            Some((_, sides)) => *sides += 1,
            None => found.push((candidate, 1)),
        }
    }
    let best = found.iter().max_by_key(|(_, sides)| *sides)?;
    if found.iter().filter(|(_, s)| *s == best.1).count() > 1 {
        return None;
    }
    Some(in_case_of(best.0, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `wanted` for words as written.
    fn wanted_for(word: &str, left: Option<&str>, right: Option<&str>, likeness: Likeness) -> Option<String> {
        let w = key(word)?;
        wanted(
            word,
            &w,
            left.and_then(key).as_deref(),
            right.and_then(key).as_deref(),
            likeness,
        )
    }

    #[test]
    fn the_look_alike_that_makes_a_compound_is_wanted() {
        assert_eq!(
            wanted_for("sảy", None, Some("ra"), Likeness::Sound).as_deref(),
            Some("xảy")
        );
        assert_eq!(
            wanted_for("dải", Some("ngày"), Some("phóng"), Likeness::Sound).as_deref(),
            Some("giải")
        );
        assert_eq!(
            wanted_for("Chong", None, Some("thời"), Likeness::Sound).as_deref(),
            Some("Trong")
        );
        assert_eq!(
            wanted_for("lươn", Some("tăng"), Some("7"), Likeness::Sound).as_deref(),
            Some("lương")
        );
    }

    #[test]
    fn a_right_pair_rarer_than_its_look_alike_is_left_alone() {
        assert_eq!(wanted_for("xác", Some("chính"), None, Likeness::Sound), None);
        assert_eq!(wanted_for("sữa", None, Some("chua"), Likeness::Sound), None);
        assert_eq!(wanted_for("dành", None, Some("dụm"), Likeness::Sound), None);
    }

    #[test]
    fn a_non_word_gets_the_word_its_neighbour_makes_a_compound_with() {
        assert_eq!(
            wanted_for("chách", Some("chịu"), Some("nhiệm"), Likeness::Shape).as_deref(),
            Some("trách")
        );
        assert_eq!(
            wanted_for("Thàng", None, Some("phố"), Likeness::Shape).as_deref(),
            Some("Thành")
        );
    }
}
