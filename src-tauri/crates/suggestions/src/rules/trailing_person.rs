//! A person's name at the end of an organisation's capitalised run (`Chủ tịch Liên đoàn Lao
//! động thành phố Hà Nội Nguyễn Phi Thường`), split off so the body and the person are both found.

use super::{is_surname, FoundOrg, Rules};
use crate::lexicon;

impl Rules<'_, '_> {
    /// `Chủ tịch Liên đoàn Lao động thành phố Hà Nội Nguyễn Phi Thường`: the capitalised run
    /// at the end of an organisation may end in a person's name.
    pub(super) fn split_trailing_name(&self, org: &mut FoundOrg, head_end: usize) {
        let end = org.end;
        if !self.doc.tokens[end].capitalised {
            return;
        }
        let mut run_start = end;
        while run_start > head_end + 1
            && self.doc.joined(run_start)
            && self.doc.tokens[run_start - 1].capitalised
        {
            run_start -= 1;
        }
        let titled = org.start > 0 && self.title_ends_at(org.start - 1);
        // `Chị Mỹ Hạnh – Bí thư Đoàn Thanh niên Khu công nghiệp Yên Phong cho biết`: a role
        // after a named person's dash ends in the body's name, not in another person's.
        if titled && (self.after_named_dash(org.start - 1) || self.after_named_comma(org.start - 1)) {
            return;
        }
        let has_proper_before = |s: usize| {
            (head_end + 1..s).any(|t| {
                let tok = &self.doc.tokens[t];
                tok.capitalised || tok.all_caps || tok.has_digit || self.name_tail_at(t).is_some()
            })
        };
        let complete_head = self.head_at(org.start).is_some_and(|(len, complete)| {
            org.start + len == head_end + 1
                && !self.doc.tokens[org.start].all_caps
                && (complete
                    || super::merge::LOCAL_COMPLETE_HEADS.contains(&self.doc.slice(org.start, head_end)))
        });
        let mut best: Option<(u32, usize)> = None;
        for s in run_start..=end {
            let len = end - s + 1;
            // `Tổng Giám đốc Tổ chức Lao động Quốc tế Gilbert Houngbo`: after a title, a run
            // of words no Vietnamese syllable spells is a foreign person's name.
            let foreign = titled
                && (s == run_start || self.place_prefix(run_start, s - 1) == s - run_start)
                && (s..=end).all(|t| !newsroom_text::syllable::is_syllable(self.doc.tokens[t].text));
            // `… xã Ea Tu Y Khoa Niê`, `… H'Hen Mlô`: an Ê Đê name opens with `Y` (men) or `H'`
            // (women) and ends with the clan's name.
            let first = self.doc.tokens[s].text;
            let ede = (first == "Y" || first.starts_with("H'") || first.starts_with("H’"))
                && is_surname(self.doc.tokens[end].text);
            if !(2..=4).contains(&len)
                || !(is_surname(self.doc.tokens[s].text) || foreign || ede)
                || self.is_place(s, end)
                || self.after_place_word(s)
                || self.after_school_level(s)
            {
                continue;
            }
            // What stays must still be an organisation with a proper part — unless a title
            // comes first: `Chủ tịch Công đoàn cơ sở Lê Thị Hồng Nhung` names a person with
            // a role in a generic body (which is then no organisation of its own).
            // `Tỉnh ủy Lê Văn Bình`: a head that names its body alone has no name after it
            // that opens with a surname and is no place.
            let after_complete_head = s == head_end + 1 && complete_head;
            if s <= head_end
                || (!has_proper_before(s)
                    && !titled
                    && !after_complete_head
                    && !self.person_after_province_word(s))
            {
                continue;
            }
            // `Giám đốc Công ty Xi măng Hoàng Thạch`: after a trade alone, two capitalised
            // words are the company's own name; a person would need the company's first.
            let trade_only = s > head_end + 1
                && lexicon::TRADES
                    .contains(&newsroom_text::lowercase(self.doc.slice(head_end + 1, s - 1)).as_str());
            if trade_only && len == 2 {
                continue;
            }
            // `Công ty TNHH Hoàng Long`: the words right after a legal form are the company's
            // own name, whatever they look like.
            let after_legal_form = (s.saturating_sub(4)..s).any(|f| {
                (f + 1..s).all(|t| self.doc.joined(t))
                    && lexicon::LEGAL_FORMS
                        .contains(&newsroom_text::lowercase(self.doc.slice(f, s - 1)).as_str())
                    && f > org.start
            });
            if after_legal_form {
                continue;
            }
            let place_before = s > run_start && self.place_prefix(run_start, s - 1) == s - run_start;
            if !(titled || place_before || len >= 3 || ede) {
                continue;
            }
            let middle = lexicon::index()
                .middle_names
                .contains(self.doc.tokens[s + 1].text);
            let score = 4 * u32::from(place_before) + 2 * u32::from(middle) + u32::from(len == 3);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        if let Some((_, s)) = best {
            org.person_from = Some(s);
            // `Phó Chủ tịch Quốc hội Nguyễn Khắc Định`: a head that names one body of the
            // nation is that body even with no name after it.
            let head = self.doc.slice(org.start, head_end);
            let national = lexicon::NATIONAL_BODIES.contains(&head)
                || lexicon::NATIONAL_NAMES.iter().any(|n| {
                    n.chars()
                        .map(newsroom_text::lower_char)
                        .eq(head.chars().map(newsroom_text::lower_char))
                })
                || lexicon::named_alone(head);
            // `UBND tỉnh Trần Phước Hiền`: a bare unit of place is the piece's own province's
            // body, not a generic one.
            org.generic = !has_proper_before(s) && !national && !self.person_after_province_word(s);
        }
    }

    /// Whether the title ending at `title_end` comes right after `Name –`.
    pub(super) fn after_named_dash(&self, title_end: usize) -> bool {
        let Some(start) = self.title_start_ending_at(title_end) else {
            return false;
        };
        start > 0 && self.doc.gap_before(start).contains(['–', '—']) && self.doc.tokens[start - 1].capitalised
    }

    /// Whether the title ending at `title_end` is an appositive after a person's name
    /// (`Bà Quách Thị Vân, Giám đốc HTX Rau sạch Văn Đức`): the person is named already, so
    /// the body's name does not end in another one (`Văn Đức` is the commune).
    pub(super) fn after_named_comma(&self, title_end: usize) -> bool {
        let Some(start) = self.title_start_ending_at(title_end) else {
            return false;
        };
        if start == 0 || self.doc.gap_before(start).trim() != "," {
            return false;
        }
        let end = start - 1;
        let mut first = end;
        while first > 0 && self.doc.joined(first) && self.doc.tokens[first - 1].capitalised {
            first -= 1;
        }
        // `Bà`, `Ông` at the start of a sentence are capitalised but are no part of the name.
        while first < end
            && lexicon::index()
                .honorific_words
                .contains(self.doc.tokens[first].lower)
        {
            first += 1;
        }
        let len = end + 1 - first;
        self.doc.tokens[end].capitalised
            && (2..=4).contains(&len)
            && is_surname(self.doc.tokens[first].text)
            && !self.is_place(first, end)
    }
}
