//! Where an organisation's name ends: the lower-case words official names carry, a purpose
//! and its object, a description up to its place, a unit's code in brackets, an office in a
//! country, a bare unit of place the piece names once, and bare heads sharing a tail.

use super::{FoundOrg, Rules, NEVER_INSIDE};
use crate::lexicon;

impl Rules<'_, '_> {
    /// Where a name that is a head and a purpose (`Quỹ Hỗ trợ`) ends once the purpose's object
    /// is read (`bệnh nhân ung thư`): up to four lower-case words, stopping at the predicate,
    /// a joining word or punctuation; `end` when the name is not of that shape.
    pub(super) fn purpose_object(&self, head_end: usize, end: usize) -> usize {
        let verb = head_end + 1;
        // The name may have stopped at the verb's capitalised first syllable (`Quỹ Hỗ`).
        let purpose = (end == verb || end == verb + 1)
            && verb + 1 < self.n()
            && self.doc.tokens[verb].capitalised
            && lexicon::PURPOSE_VERBS.iter().any(|v| {
                let words: Vec<&str> = v.split(' ').collect();
                self.doc.words_at(verb, &words)
            });
        if !purpose {
            return end;
        }
        let end = verb + 1;
        let mut last = end;
        while last + 1 < self.n() && last + 1 - end <= 4 && self.doc.joined(last + 1) {
            let t = &self.doc.tokens[last + 1];
            let plain = !t.capitalised && !t.all_caps && !t.has_digit;
            if !plain || self.predicate_at(last + 1) || NEVER_INSIDE.contains(&t.lower) {
                break;
            }
            last += 1;
        }
        last
    }

    /// The short name a body is given in brackets right after its full name, tokens
    /// `from..=to`: an abbreviation (`(LĐLĐ Bắc Ninh)`, `(EVNNPC)`) or one capitalised word that
    /// is no place (`(Viettel)`; `(Huế)` says where, not what). An abbreviation whose words
    /// the name does not hold names another body, the one it belongs to (`Trường Đại học
    /// Khoa học Tự nhiên (ĐHQG Hà Nội)`).
    pub(super) fn bracketed_alias(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let from = end + 1;
        if from >= self.n() || self.doc.gap_before(from).trim() != "(" {
            return None;
        }
        let to = (from..self.n().min(from + 4)).find(|&t| t + 1 >= self.n() || !self.doc.joined(t + 1))?;
        let closes = if to + 1 < self.n() {
            // `(Vinamilk, mã VNM)`: the short name, then the listed company's ticker.
            let ticker = [",", ";"].contains(&self.doc.gap_before(to + 1).trim())
                && ["mã", "MCK"].contains(&self.doc.tokens[to + 1].text);
            self.doc.gap_before(to + 1).trim_start().starts_with(')') || ticker
        } else {
            self.doc.chars[self.doc.tokens[to].end..]
                .iter()
                .find(|c| !c.is_whitespace())
                == Some(&')')
        };
        // `(Tổng LĐLĐ Việt Nam)`: `Tổng` before the abbreviation of the body's own head.
        let first = match &self.doc.tokens[from] {
            t if t.text == "Tổng" && from < to && self.doc.tokens[from + 1].all_caps => {
                &self.doc.tokens[from + 1]
            }
            t => t,
        };
        let other_body = super::abbreviation(first.text).is_some_and(|full| {
            !newsroom_text::lowercase(self.doc.slice(start, end)).contains(&newsroom_text::lowercase(full))
        });
        let abbreviation =
            first.all_caps && first.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !other_body;
        let one_name = to == from && first.capitalised && !self.is_place(from, from);
        // `Tổng công ty Bưu điện Việt Nam (Vietnam Post)`: the body's English name.
        let english_name = to > from
            && (from..=to).all(|t| {
                let tok = &self.doc.tokens[t];
                (tok.capitalised || tok.all_caps) && !newsroom_text::syllable::is_syllable(tok.text)
            });
        (closes && (abbreviation || one_name || english_name)).then_some((from, to))
    }

    pub(super) fn extend_lower_tail(&self, org: &mut FoundOrg) {
        let lowercase = |t: usize| {
            let tok = &self.doc.tokens[t];
            !tok.capitalised && !tok.all_caps && !tok.has_digit && self.doc.joined(t)
        };
        let mut end = org.end;
        while end + 1 < self.n() && lowercase(end + 1) && self.compound_at(end) && !self.predicate_at(end + 1)
        {
            end += 1;
        }
        let next = end + 1;
        if next < self.n() && lowercase(next) {
            let tails = lexicon::index()
                .name_tails
                .starting_with(self.doc.tokens[next].lower);
            if let Some(len) = self.doc.longest_at(next, tails) {
                end += len;
            }
        }
        org.end = end;
    }

    /// The `FC` that ends a run of capitalised words starting at `i` (the run's first word,
    /// not a word inside it), if there is one.
    /// `Sở LĐ-TB&XH tỉnh cần …`: a unit word right after a body's name with no name of its
    /// own, in a piece that names exactly one place of that unit (`tỉnh Thanh Hóa`), is that
    /// place. The unit's last token and the place's name.
    pub(super) fn bare_unit_after(&self, end: usize) -> Option<(usize, String)> {
        let at = BARE_UNITS.iter().position(|words| {
            end + words.len() < self.n() && self.doc.joined(end + 1) && self.doc.words_at(end + 1, words)
        })?;
        let unit_end = end + BARE_UNITS[at].len();
        // `Trung tâm Công tác xã hội`: `xã` opening a word is no commune.
        if self
            .doc
            .tokens
            .get(unit_end + 1)
            .is_some_and(|t| ["hội", "viên"].contains(&t.lower))
            && self.doc.joined(unit_end + 1)
        {
            return None;
        }
        if self.named_after(unit_end) && !self.person_after(unit_end) {
            return None;
        }
        // The sentence is read back to its start only for a bare `tỉnh`.
        let province = (BARE_UNITS[at] == ["tỉnh"])
            .then(|| self.province_opening_sentence(end))
            .flatten();
        if let Some(place) = province {
            return Some((unit_end, format!("tỉnh {place}")));
        }
        // The piece's place of a unit is the same wherever the question is asked: found once.
        let place = self.unit_places[at].get_or_init(|| self.place_of_unit(BARE_UNITS[at]));
        place.clone().map(|place| (unit_end, place))
    }

    /// `Tại Sơn La, UBND tỉnh đã hỗ trợ …`: the province a sentence opens with is the one its
    /// bare `tỉnh` means, whichever the piece names most.
    fn province_opening_sentence(&self, k: usize) -> Option<&'static str> {
        let mut first = k;
        while first > 0 && !self.doc.sentence_start(first) {
            first -= 1;
        }
        if !["Tại", "Ở"].contains(&self.doc.tokens[first].text) {
            return None;
        }
        let from = first + 1;
        let comma = (from + 1..=k.min(from + 4)).find(|&c| self.doc.gap_before(c).trim() == ",")?;
        let name = self.doc.slice(from, comma - 1);
        lexicon::PROVINCES
            .iter()
            .find(|(province, _)| *province == name)
            .map(|(province, _)| *province)
    }

    /// Whether a capitalised word, an abbreviation or a number follows token `k` in its phrase.
    fn named_after(&self, k: usize) -> bool {
        k + 1 < self.n() && self.doc.joined(k + 1) && {
            let next = &self.doc.tokens[k + 1];
            next.capitalised || next.all_caps || next.has_digit
        }
    }

    /// `HĐND TP Nguyễn Ngọc Tuấn`: a person's name after the unit is not the place's.
    pub(super) fn person_after(&self, k: usize) -> bool {
        self.named_after(k) && {
            let next = k + 1;
            let run = self.run_from(next);
            // `huyện Văn Chấn`, `huyện Văn Lâm`: `Văn` opens far more districts' names than
            // family names.
            let first = self.doc.tokens[next].text;
            super::is_surname(first)
                && (first != "Văn" || run > next + 1)
                && run > next
                && self.place_prefix(next, run) == 0
        }
    }

    /// The place of a unit (`tỉnh Thanh Hóa`) the piece means when it names the unit alone:
    /// the one it names more often than all the others together.
    fn place_of_unit(&self, unit: &[&str]) -> Option<String> {
        // Each place's name, how it was written with its unit, and how often it is named.
        let mut places: Vec<(&str, &str, usize)> = Vec::new();
        for k in 0..self.n().saturating_sub(unit.len()) {
            let stop = k + unit.len() - 1;
            // A unit's capital is only the sentence's (`Tỉnh Gia Lai có …`).
            let capital =
                self.doc.tokens[k].capitalised && !self.doc.tokens[k].all_caps && !self.doc.sentence_start(k);
            if !self.doc.words_at(k, unit) || !self.named_after(stop) || capital || self.person_after(stop) {
                continue;
            }
            let mut last = stop + 1;
            while self.named_after(last) && self.doc.tokens[last + 1].capitalised {
                last += 1;
            }
            // `tỉnh Thanh Hóa Mai Xuân Liêm`: the run may go on into a person's name; a known
            // place inside it ends there.
            if let Some(known) = (stop + 1..=last)
                .rev()
                .find(|&e| lexicon::index().places.contains(self.doc.slice(stop + 1, e)))
            {
                last = known;
            }
            // `Tỉnh Tuyên Quang có …` and `UBND tỉnh Tuyên Quang` name one place: counted by its
            // name, written as inside a sentence.
            let (name, written) = (self.doc.slice(stop + 1, last), self.doc.slice(k, last));
            match places.iter_mut().find(|(p, _, _)| *p == name) {
                Some((_, first, count)) => {
                    *count += 1;
                    if first.starts_with(char::is_uppercase) && !written.starts_with(char::is_uppercase) {
                        *first = written;
                    }
                }
                None => places.push((name, written, 1)),
            }
        }
        // A piece about a province that names another once (the old province merged into
        // it) still means its own.
        let total: usize = places.iter().map(|(_, _, count)| count).sum();
        places
            .into_iter()
            .find(|(_, _, count)| 2 * count > total)
            .map(|(_, written, _)| written.to_owned())
    }

    /// `Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Hà Tĩnh`, `Hội Bảo trợ
    /// người khuyết tật và trẻ mồ côi Việt Nam`, `Tổng công ty Đầu tư phát triển nhà và đô thị
    /// (HUD)`: a name that describes what the body does goes on in lower case after its head,
    /// or after the head and one capitalised word of two syllables, for up to twelve words, when
    /// it ends in a unit of place and its name, a known place, or its abbreviation in brackets.
    /// The last lower-case word, and whether the bracket ends the name.
    pub(super) fn descriptive_stretch(
        &self,
        head_end: usize,
        head_len: usize,
        last_proper: Option<usize>,
        k: usize,
    ) -> Option<(usize, bool)> {
        let after_head = last_proper.is_none() && k == head_end + 1 && head_len >= 2;
        // A ministry's or department's name is its field (`Sở Y tế`), never described on.
        let field_head = ["sở", "bộ", "cục", "tổng cục", "vụ", "chi cục"]
            .contains(&newsroom_text::lowercase(self.doc.slice(head_end + 1 - head_len, head_end)).as_str());
        let after_word = !field_head
            && last_proper == Some(head_end + 1)
            && k == head_end + 3
            && self.doc.tokens[head_end + 1].capitalised
            && self.doc.joined(head_end + 2)
            && !self.doc.tokens[head_end + 2].capitalised;
        if !(after_head || after_word) {
            return None;
        }
        let mut e = k;
        while e < self.n() && e < k + 12 && self.doc.joined(e) {
            let t = &self.doc.tokens[e];
            if t.capitalised || t.all_caps || t.has_digit || !t.latin {
                break;
            }
            if lexicon::index().admin_words.contains(t.lower)
                && e + 1 < self.n()
                && self.doc.joined(e + 1)
                && self.doc.tokens[e + 1].capitalised
            {
                return (e > k).then_some((e - 1, false));
            }
            let stop = NEVER_INSIDE.contains(&t.lower) && !["và", "cho", "các"].contains(&t.lower)
                || self.describes_many(e);
            if stop || self.predicate_at(e) || lexicon::index().honorific_words.contains(t.lower) {
                return None;
            }
            e += 1;
        }
        if e == k || e >= self.n() {
            return None;
        }
        let gap = self.doc.gap_before(e);
        let t = &self.doc.tokens[e];
        if gap.trim() == "(" && t.all_caps && self.doc.chars.get(t.end) == Some(&')') {
            return Some((e - 1, true));
        }
        (self.doc.joined(e) && t.capitalised && self.place_prefix(e, self.run_from(e)) > 0)
            .then_some((e - 1, false))
    }

    /// Whether token `k` is a police or army unit's code in brackets with a name going on
    /// after it (`(PC02) Công an`, `(C08) Bộ Công an`).
    pub(super) fn unit_code_at(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        let letters = t.text.chars().take_while(char::is_ascii_uppercase).count();
        let digits = t
            .text
            .chars()
            .skip(letters)
            .take_while(char::is_ascii_digit)
            .count();
        (1..=3).contains(&letters)
            && (2..=3).contains(&digits)
            && letters + digits == t.text.chars().count()
            && self.doc.gap_before(k) == " ("
            && k + 1 < self.n()
            && self.doc.gap_before(k + 1) == ") "
            && self.doc.tokens[k + 1].capitalised
    }

    /// Whether the name from `start` up to `before` is an international body's, a mission
    /// abroad or a court of appeal, which is named with the country or city it works in.
    pub(super) fn office_abroad(&self, start: usize, before: usize) -> bool {
        const MISSIONS: &[&str] = &[
            "đại sứ quán",
            "tổng lãnh sự quán",
            "lãnh sự quán",
            "phái đoàn",
            "văn phòng đại diện",
            // Courts and prosecutors of appeal, named for the city they sit in.
            "tòa phúc thẩm",
            "tòa án nhân dân cấp cao",
            "tand cấp cao",
            "viện kiểm sát nhân dân cấp cao",
            "vksnd cấp cao",
        ];
        let name = self.doc.slice(start, before - 1);
        let lower = newsroom_text::lowercase(name);
        MISSIONS.iter().any(|m| lower.starts_with(m))
            || lower.contains("liên hợp quốc")
            || lower.contains("quốc tế")
            || lower.contains("thế giới")
            || (start..before).any(|t| lexicon::ACRONYM_BODIES.contains(&self.doc.tokens[t].text))
    }

    /// Whether the head at `k` goes on with a name of its own (a capital, a number or a
    /// lower-case name word after it).
    pub(super) fn named_head(&self, k: usize) -> bool {
        let Some((len, complete)) = self.head_at(k) else {
            return false;
        };
        let next = k + len;
        complete
            || next < self.n() && self.doc.joined(next) && {
                let t = &self.doc.tokens[next];
                t.capitalised
                    || t.all_caps
                    || lexicon::index().connectors.contains(t.lower)
                    || lexicon::index().admin_words.contains(t.lower)
            }
    }

    pub(super) fn resolve_shared_tails(&self, orgs: &mut [FoundOrg]) {
        for a in 0..orgs.len() {
            if !orgs[a].bare || a + 1 >= orgs.len() {
                continue;
            }
            let and = orgs[a].end + 1;
            let b = &orgs[a + 1];
            let linked = and < self.n() && self.doc.tokens[and].lower == "và" && b.start == and + 1;
            // The bare head is marked by an empty name and no proper part; `b` must have one.
            if linked && !b.bare {
                let (b_head, _) = self.head_at(b.start).unwrap_or((1, false));
                let b_end = b.person_from.map_or(b.end, |p| p - 1);
                if b.start + b_head <= b_end {
                    let head = self.doc.slice(orgs[a].start, orgs[a].end);
                    let tail = self.doc.slice(b.start + b_head, b_end);
                    orgs[a].name = format!("{head} {tail}");
                }
            }
        }
    }
}

/// Units of place that may stand alone after a body's name (`Sở Nội vụ tỉnh`), in lower case.
pub(super) const BARE_UNITS: &[&[&str]] = &[
    &["tỉnh"],
    &["thành", "phố"],
    &["huyện"],
    &["quận"],
    &["thị", "xã"],
    &["tp"],
    &["tp."],
    &["phường"],
    &["xã"],
];
