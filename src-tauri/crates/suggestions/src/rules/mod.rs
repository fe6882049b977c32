//! New entities by rule, and the merge with known ones. The rules share one view of the
//! document ([`Rules`]: heads, titles and known organisations per token, computed once); each
//! kind of rule is a file of its own: `organisation.rs` (heads, extents, names split off the
//! end), `role.rs` (titles and the organisation after them) and `person.rs` (names, with their
//! roles); `merge.rs` makes one suggestion per entity of the mentions found.

use crate::known::{EntityKind, KnownMention};
use crate::lexicon;
use crate::tokens::Document;

mod club;
mod inside_name;
mod lower_case_head;
mod merge;
mod name_end;
mod not_a_body;
mod organisation;
mod person;
mod role;
mod trailing_person;
pub(crate) use merge::merge;

/// An organisation found by rule, over tokens `start..=end`.
#[derive(Debug, Clone)]
pub struct FoundOrg {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub expanded: Option<String>,
    /// Where a person's name was split off the end of this organisation's capitalised run.
    pub person_from: Option<usize>,
    /// A directory entry's mention, listed so titles before it still find the name after.
    pub known: bool,
    /// A generic body named only to give a person's role (`Công đoàn cơ sở`): part of the
    /// role, not an organisation suggestion.
    pub generic: bool,
    /// A head with no proper part (`Ban Quản lý` in `Ban Quản lý và Công đoàn các KCN…`):
    /// an organisation only if it shares the next one's tail.
    pub bare: bool,
    /// The short name given in brackets right after the full one (`(Viettel)`, `(LĐLĐ Bắc
    /// Ninh)`), tokens `from..=to`: later mentions of it are this body.
    pub alias: Option<(usize, usize)>,
}

impl FoundOrg {
    /// An organisation found by rule over tokens `start..=end`, named from the text later.
    fn spanning(start: usize, end: usize) -> FoundOrg {
        FoundOrg {
            start,
            end,
            name: String::new(),
            expanded: None,
            person_from: None,
            known: false,
            generic: false,
            bare: false,
            alias: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct FoundPerson {
    pub start: usize,
    pub end: usize,
    pub role: Option<String>,
}

pub struct Found {
    pub orgs: Vec<FoundOrg>,
    pub people: Vec<FoundPerson>,
}

fn is_surname(word: &str) -> bool {
    lexicon::index().surnames.contains(word)
}

fn abbreviation(word: &str) -> Option<&'static str> {
    lexicon::ORG_ABBREVIATIONS
        .iter()
        .find(|(abbr, _)| *abbr == word)
        .map(|(_, full)| *full)
}

const ABBREVIATION_HEADS: &[&str] = &[
    "TLĐLĐVN",
    "TLĐ",
    "LĐLĐ",
    "CĐCS",
    "UBND",
    "HĐND",
    "MTTQ",
    "UBMTTQ",
    "BHXH",
    "BQL",
    "BCH",
    "TAND",
    "VKSND",
    "TTYT",
    "CDC",
    "BĐBP",
    "HTX",
    "CLB",
    "BV",
    "BVĐK",
    "ĐH",
    "ĐHQG",
    "NHCSXH",
    "NXB",
];
const COMPLETE_ABBREVIATIONS: &[&str] = &["TLĐLĐVN", "TLĐ"];

/// Lower-case words that never sit inside an organisation's name, even right after a
/// capital: they join or relate separate things.
pub(super) const NEVER_INSIDE: &[&str] = &[
    "và", "các", "của", "tại", "ở", "về", "đến", "tới", "thuộc", "trên", "với", "là", "cho", "đã", "đang",
    "sẽ", "lần", "nhiệm", "khóa", "khoá", "hay", "hoặc",
];

pub(crate) struct Rules<'d, 'a> {
    doc: &'d Document<'a>,
    /// `head_at` and `titles_at` for every token, computed once: the rules ask about the
    /// same tokens many times.
    heads: Vec<Option<(usize, bool)>>,
    titles: Vec<Vec<usize>>,
    /// Tokens covered by known organisations; the organisation rules leave them alone.
    known: Vec<bool>,
    /// Known organisations as token ranges.
    known_orgs: Vec<(usize, usize)>,
    /// The place the piece means by each bare unit (`tỉnh` alone), worked out on first use.
    unit_places: Vec<std::cell::OnceCell<Option<String>>>,
}

impl<'d, 'a> Rules<'d, 'a> {
    fn n(&self) -> usize {
        self.doc.tokens.len()
    }

    fn usable(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        !t.excluded && !t.shouting
    }

    fn head_at(&self, i: usize) -> Option<(usize, bool)> {
        self.heads[i]
    }

    fn titles_at(&self, i: usize) -> &[usize] {
        &self.titles[i]
    }

    /// The organisation head at token `i`: its length in tokens and whether it names one
    /// body by itself.
    fn compute_head_at(doc: &Document<'_>, i: usize, titles: &[usize]) -> Option<(usize, bool)> {
        let t = &doc.tokens[i];
        if t.all_caps && ABBREVIATION_HEADS.contains(&t.text) {
            return Some((1, COMPLETE_ABBREVIATIONS.contains(&t.text)));
        }
        // `Trưởng ban Tổ chức Tỉnh ủy`: the title is often written with the board's word in
        // lower case, but the board is named all the same.
        let board_after_title = t.text == "ban"
            && i > 0
            && doc.joined(i)
            && ["trưởng", "phó"].contains(&doc.tokens[i - 1].lower)
            && doc.tokens.get(i + 1).is_some_and(|n| n.capitalised)
            && doc.joined(i + 1);
        let lower_case_head = lower_case_head::key(doc, i);
        if !t.capitalised && !t.all_caps && !board_after_title && lower_case_head.is_none() {
            return None;
        }
        let key = if board_after_title {
            "Ban"
        } else {
            lower_case_head.unwrap_or(t.text)
        };
        let mut best: Option<(usize, bool)> = None;
        for (words, complete) in lexicon::index().org_heads.get(key).into_iter().flatten() {
            if doc.phrase_at(i, words) && best.is_none_or(|(l, _)| words.len() > l) {
                best = Some((words.len(), *complete));
            }
        }
        // A brand alone, unless a longer name starts with it (`SHB Đà Nẵng`, `VTV Bình Điền
        // Long An`, clubs named by their sponsors).
        if lexicon::named_alone(t.text) && best.is_none_or(|(len, _)| len == 1) {
            // `điện thoại Samsung`, `mạng Viettel`: the product, not the company.
            let product = i > 0
                && doc.joined(i)
                && lexicon::PRODUCT_WORDS.iter().any(|w| {
                    let words: Vec<&str> = w.split(' ').collect();
                    i >= words.len() && doc.words_at(i - words.len(), &words)
                });
            return (!product).then_some((1, true));
        }
        // `Hội An`, `Trường Sơn`: a place whose name opens with a head's word, and is longer
        // than the head, is the place.
        let lex = lexicon::index();
        let place = lex.place_first_words.contains(t.text)
            && (i + 1..doc.tokens.len().min(i + 4))
                .take_while(|&e| doc.joined(e))
                .any(|e| {
                    best.is_some_and(|(len, _)| e + 1 - i > len) && lex.places.contains(doc.slice(i, e))
                });
        if place {
            return None;
        }
        // `Bộ trưởng`, `Viện trưởng`, `Cục trưởng` are titles that start like a body's head.
        best.filter(|(len, _)| titles.iter().all(|t| t < len))
    }

    /// The title at token `i` (with `Phó`, `Nguyên`… prefixes), longest first: every length
    /// in tokens that reads as a title.
    pub(crate) fn compute_titles_at(doc: &Document<'_>, i: usize) -> Vec<usize> {
        let n = doc.tokens.len();
        let mut prefix = 0;
        let lex = lexicon::index();
        while i + prefix < n
            && lex.title_prefixes.contains(doc.tokens[i + prefix].lower)
            && (prefix == 0 || doc.joined(i + prefix))
        {
            prefix += 1;
        }
        let at = i + prefix;
        if at >= n || (prefix > 0 && !doc.joined(at)) {
            return Vec::new();
        }
        let mut lengths: Vec<usize> = lex
            .titles
            .starting_with(doc.tokens[at].lower)
            .iter()
            .filter(|title| doc.words_at(at, title))
            .map(|title| title.len() + prefix)
            .collect();
        // `Phó Chủ tịch Thường trực`, `Bí thư thứ nhất`: a suffix belongs to the title.
        let suffixed: Vec<usize> = lengths
            .iter()
            .filter_map(|&len| {
                let after = i + len;
                (after < n && doc.joined(after))
                    .then(|| doc.longest_at(after, lex.title_suffixes.starting_with(doc.tokens[after].lower)))
                    .flatten()
                    .map(|extra| len + extra)
            })
            .collect();
        lengths.extend(suffixed);
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        lengths
    }

    fn title_ends_at(&self, end: usize) -> bool {
        (end.saturating_sub(5)..=end).any(|s| self.titles_at(s).iter().any(|len| s + len == end + 1))
    }

    /// Where the longest title ending at token `end` starts (up to seven tokens back).
    fn title_start_ending_at(&self, end: usize) -> Option<usize> {
        (end.saturating_sub(6)..=end).find(|&s| self.titles_at(s).iter().any(|len| s + len == end + 1))
    }

    /// Whether a lower-case predicate (a verb of speech or action, or a word that opens one)
    /// starts at token `k`: names and roles end before it.
    fn predicate_at(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        // The second syllable of a word (`việc làm`, `danh thắng`) is no verb of its own.
        let second_syllable = k > 0 && self.compound_at(k - 1);
        if second_syllable || t.capitalised || t.all_caps {
            return false;
        }
        // A one-syllable verb opening a compound (`giao thông`, `phát triển`) is no predicate;
        // a verb of two (`kiểm tra`) is.
        self.doc
            .longest_at(k, lexicon::index().predicate_words.starting_with(t.lower))
            .is_some_and(|len| len > 1 || !self.compound_at(k))
    }

    /// The capitalised run starting at `i` (consecutive capitalised words joined by spaces).
    fn run_from(&self, i: usize) -> usize {
        let mut end = i;
        while end + 1 < self.n()
            && self.doc.joined(end + 1)
            && self.doc.tokens[end + 1].capitalised
            && self.doc.tokens[end + 1].latin
            && self.usable(end + 1)
        {
            end += 1;
        }
        end
    }

    /// Whether one of `phrases` (lower-case words) ends right before token `start`, in the
    /// same phrase.
    fn after_phrase(&self, start: usize, phrases: &[Vec<&str>]) -> bool {
        start > 0
            && self.doc.joined(start)
            && phrases.iter().any(|words| {
                words.len() <= start
                    && words.iter().rev().enumerate().all(|(back, word)| {
                        let t = start - 1 - back;
                        (back == 0 || self.doc.joined(t + 1)) && self.doc.tokens[t].lower == *word
                    })
            })
    }

    /// `đường Nguyễn Văn Linh`, `Giải thưởng Nguyễn Đức Cảnh`: a name right after a word of
    /// place or of a prize is the place's or the prize's.
    fn after_place_word(&self, start: usize) -> bool {
        // `LĐLĐ thành phố Nguyễn Thị Bích Thủy`: no city or province is named after a person
        // with a middle name; the name after the unit is the next person's.
        let unit = start >= 2 && self.doc.words_at(start - 2, &["thành", "phố"])
            || start >= 1 && self.doc.tokens[start - 1].lower == "tỉnh";
        let middle =
            self.doc.tokens.get(start + 1).is_some_and(|t| {
                lexicon::index().middle_names.contains(t.text) && self.doc.joined(start + 1)
            });
        if unit && middle && is_surname(self.doc.tokens[start].text) || self.person_after_province_word(start)
        {
            return false;
        }
        // `yêu cầu Nguyễn Văn Hùng`: a request, not a bridge named after him.
        self.after_phrase(start, &lexicon::index().place_words) && !self.request_before(start)
            // `Hãng phim Giải Phóng Nguyễn Thị Hồng Ngát`: `giải` opening a word is no prize.
            || (self.title_cased_start(start)..=start)
                .any(|s| self.after_phrase(s, &lexicon::index().namesake_words) && !(s > 0 && self.compound_at(s - 1)))
            || self.after_house_number(start)
    }

    /// `HĐND tỉnh Đỗ Văn Hùng`: a province is one of a closed list, so a surname after `tỉnh`
    /// that opens none of them begins a person's name, and the unit is the piece's province.
    pub(super) fn person_after_province_word(&self, start: usize) -> bool {
        start >= 1 && self.doc.tokens[start - 1].lower == "tỉnh" && self.person_after(start - 1)
    }

    /// Where the title-cased name that `start` is part of begins (`Cuộc thi Người đẹp Hoa Ban`:
    /// the capitalised words and the lower-case second syllables between them), at most three
    /// words back: a prize's or contest's word before any of them names the whole.
    fn title_cased_start(&self, start: usize) -> usize {
        let mut first = start;
        while first > 0 && start - first < 3 && self.doc.joined(first) {
            let before = &self.doc.tokens[first - 1];
            let second_syllable = !before.capitalised
                && first >= 2
                && self.doc.tokens[first - 2].capitalised
                && self.doc.joined(first - 1);
            if !(before.capitalised || second_syllable) {
                break;
            }
            first -= 1;
        }
        first
    }

    /// Whether the two words before `start` are a word that only ends like a street's
    /// (`yêu cầu`, `nhu cầu`): what follows is asked for, not a street or a bridge.
    fn request_before(&self, start: usize) -> bool {
        start >= 2
            && self.doc.joined(start - 1)
            && lexicon::NOT_STREETS
                .contains(&newsroom_text::lowercase(self.doc.slice(start - 2, start - 1)).as_str())
    }

    /// `số 5 Trần Thánh Tông`, `…, 6 Phạm Văn Bạch`: a name right after a house number (after
    /// `số`, a comma or `tại`/`ở`) is a street.
    fn after_house_number(&self, start: usize) -> bool {
        let number = |t: usize| {
            let tok = &self.doc.tokens[t];
            tok.has_digit
                && tok
                    .text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '/' | 'A' | 'B'))
        };
        if start < 2 || !self.doc.joined(start) || !number(start - 1) {
            return false;
        }
        let before = &self.doc.tokens[start - 2];
        // `Công ty Xây dựng số 1 Nguyễn Văn Tuấn`, `Đội CSGT số 6`: a number a body's name
        // ends in is no house's; a house's `số` follows a word of place or opens the phrase.
        let house_number = before.lower == "số"
            && (start < 3
                || !self.doc.joined(start - 2)
                || ["tại", "ở", "nhà", "chỉ", "đến", "tới", "về", "từ"]
                    .contains(&self.doc.tokens[start - 3].lower));
        house_number || matches!(before.lower, "tại" | "ở") || self.doc.gap_before(start - 1).trim() == ","
    }

    /// `Trường THPT Chu Văn An`: a name right after a school level is the school's namesake.
    fn after_school_level(&self, start: usize) -> bool {
        self.after_phrase(start, &lexicon::index().school_levels)
    }

    fn is_place(&self, start: usize, end: usize) -> bool {
        // Places are at most four words and start with a known first word; only then is the
        // phrase built and looked up.
        let lex = lexicon::index();
        end - start < 4
            && lex.place_first_words.contains(self.doc.tokens[start].text)
            && lex.places.contains(self.doc.slice(start, end))
    }

    /// The number of tokens of a known place at the start of `start..=end`.
    fn place_prefix(&self, start: usize, end: usize) -> usize {
        (start..=end)
            .rev()
            .find(|&e| self.is_place(start, e))
            .map_or(0, |e| e - start + 1)
    }
}

pub(crate) fn find(doc: &Document<'_>, known: &[KnownMention]) -> Found {
    let mut covered = vec![false; doc.tokens.len()];
    let mut known_orgs = Vec::new();
    for m in known.iter().filter(|m| m.kind == EntityKind::Organisation) {
        let first = doc.tokens.partition_point(|t| t.end <= m.start);
        let mut last = first;
        while last < doc.tokens.len() && doc.tokens[last].start < m.end {
            covered[last] = true;
            last += 1;
        }
        if last > first {
            known_orgs.push((first, last - 1));
        }
    }
    let titles: Vec<Vec<usize>> = (0..doc.tokens.len())
        .map(|i| Rules::compute_titles_at(doc, i))
        .collect();
    let mut heads: Vec<Option<(usize, bool)>> = (0..doc.tokens.len())
        .map(|i| Rules::compute_head_at(doc, i, &titles[i]))
        .collect();
    // `Khoa Bỏng Bệnh viện Chợ Rẫy`: a department is a body when the body it belongs to is
    // named right after its own name; alone, `Khoa` is more often a given name.
    // After `Trưởng`, `khoa` and `phòng` in lower case are the department too (`Trưởng khoa
    // Cấp cứu Bệnh viện Xanh Pôn`), their names' lower-case syllables included.
    for i in 0..doc.tokens.len() {
        let t = &doc.tokens[i];
        let after_head_title = i > 0
            && doc.joined(i)
            && doc.tokens[i - 1].lower == "trưởng"
            && matches!(t.lower, "khoa" | "phòng");
        if (after_head_title || t.capitalised && lexicon::SUBUNIT_HEADS.contains(&t.text))
            && heads[i].is_none()
        {
            let parent = (i + 2..(i + 6).min(doc.tokens.len()))
                .take_while(|&j| {
                    let w = &doc.tokens[j];
                    doc.joined(j)
                        && (w.capitalised
                            || w.lower == "và"
                            || after_head_title && !w.all_caps && doc.tokens[j - 1].capitalised)
                })
                .any(|j| heads[j].is_some());
            if parent && i + 1 < doc.tokens.len() && doc.joined(i + 1) && doc.tokens[i + 1].capitalised {
                heads[i] = Some((1, false));
            }
        }
    }
    let rules = Rules {
        doc,
        heads,
        titles,
        known: covered,
        known_orgs,
        unit_places: name_end::BARE_UNITS
            .iter()
            .map(|_| std::cell::OnceCell::new())
            .collect(),
    };
    let orgs = rules.organisations();
    let people = rules.people(&orgs);
    Found { orgs, people }
}
