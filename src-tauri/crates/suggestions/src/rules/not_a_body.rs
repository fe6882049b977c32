//! What looks like the start of a body's name and is none: a street or a prize named like one,
//! a code of law or an event, a union's sector, a department's field, a board inside some body;
//! and the local bodies whose head names them with only a unit of place after it.

use super::Rules;
use crate::lexicon;

impl Rules<'_, '_> {
    /// Whether the head of `head_len` tokens at `i` only looks like a body's: a street or a
    /// prize named after it, an event's committee, a code of law or an event.
    pub(super) fn no_body_at(&self, i: usize, head_len: usize) -> bool {
        // `đường Trường Sơn` is a street; `Giải Báo chí quốc gia` is a prize.
        let street = i > 0
            && self.doc.joined(i)
            && (lexicon::STREET_WORDS.contains(&self.doc.tokens[i - 1].lower)
                || self.doc.tokens[i - 1].lower == "giải")
            && !self.request_before(i);
        if street || i + 1 >= self.n() || !self.doc.joined(i + 1) {
            return street;
        }
        let next = &self.doc.tokens[i + 1];
        // `Công đoàn Ngân hàng Việt Nam`: the union of a sector, whose word is no body of the
        // country's.
        let sector = i >= 2 && self.doc.words_at(i - 2, &["công", "đoàn"]) && self.doc.joined(i) && {
            let rest = i + head_len;
            let run = self.run_from(rest.min(self.n() - 1));
            rest < self.n()
                && self.doc.joined(rest)
                && lexicon::COUNTRIES.contains(&self.doc.slice(rest, run))
        };
        if sector {
            return true;
        }
        match self.doc.tokens[i].text {
            // `Ban tổ chức V.League 1`, `Ban giám khảo cuộc thi …`, `Ban Lễ tang`: an event's
            // committee is no standing body.
            "Ban" => {
                [["tổ", "chức"], ["giám", "khảo"]]
                    .iter()
                    .any(|w| self.doc.words_at(i + 1, w))
                    && !next.capitalised
                    || self.doc.words_at(i + 1, &["lễ", "tang"])
                    // `Phó Trưởng Ban Thường trực Ban Tuyên giáo`: the standing deputy's title
                    // before the board.
                    || self.doc.words_at(i + 1, &["thường", "trực"])
                        && self.doc.tokens.get(i + 3).is_some_and(|b| b.text == "Ban")
                        && i > 0
                        && self.doc.tokens[i - 1].lower == "trưởng"
            }
            // `Bộ luật Lao động`, `Hội nghị Trung ương 10`, `Hội thảo …`: a code of law or an
            // event, whose first syllable only looks like a ministry's or an association's head.
            "Bộ" => head_len == 1 && !next.capitalised && !next.all_caps,
            // `Ban Chỉ huy Phòng thủ dân sự`, `Phòng chống thiên tai`: a verb of defence,
            // not a department.
            "Phòng" => {
                head_len == 1 && ["thủ", "chống", "cháy", "ngừa", "tránh", "vệ", "dịch"].contains(&next.lower)
            }
            "Hội" => head_len == 1 && !next.capitalised && lexicon::EVENT_SYLLABLES.contains(&next.lower),
            // `Công ty Việt Nam nào cũng vậy`: a company of a country is no company's name.
            "Công" | "công" => {
                let after = i + head_len;
                head_len == 2
                    && self.doc.words_at(i, &["công", "ty"])
                    && after < self.n()
                    && self.doc.joined(after)
                    && {
                        let run = self.run_from(after);
                        lexicon::COUNTRIES.contains(&self.doc.slice(after, run))
                    }
            }
            // `Vụ Tổ chức cán bộ`, `Phòng Tổ chức hành chính`: a department's field.
            "Tổ" => {
                next.lower == "chức"
                    && i > 0
                    && self.doc.joined(i)
                    && ["vụ", "ban", "phòng", "cục"].contains(&self.doc.tokens[i - 1].lower)
            }
            // `Chứng khoán Mỹ`, `Chứng khoán châu Á`: a market, not a securities company.
            "Chứng" => {
                let after = i + head_len;
                after >= self.n()
                    || !self.doc.joined(after)
                    || !self.doc.tokens[after].capitalised && !self.doc.tokens[after].all_caps
                    || {
                        let run = self.run_from(after);
                        self.place_prefix(after, run) == run + 1 - after
                    }
            }
            _ => false,
        }
    }
}

/// Heads of a province's or district's own bodies, which name one when only the unit follows
/// (`Công an tỉnh`, `LĐLĐ huyện`) in a piece about one place.
pub(super) const LOCAL_UNIT_HEADS: &[&str] = &[
    "Trạm Khuyến nông",
    "Trạm Y tế",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "UBND",
    "Hội đồng nhân dân",
    "HĐND",
    "Liên đoàn Lao động",
    "LĐLĐ",
    "Công an",
    "Tòa án nhân dân",
    "TAND",
    "Viện Kiểm sát nhân dân",
    "VKSND",
    "Bảo hiểm xã hội",
    "BHXH",
    "MTTQ",
    "Bưu điện",
    "UBMTTQ",
    "Đoàn ĐBQH",
    "Đoàn đại biểu Quốc hội",
    "Văn phòng Đoàn ĐBQH và HĐND",
    "Văn phòng HĐND và UBND",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
    "Liên minh Hợp tác xã",
    "Liên minh HTX",
    "Hội Liên hiệp Phụ nữ",
    "Hội LHPN",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Tỉnh đoàn",
    "Đoàn Thanh niên",
    "Bộ Chỉ huy Quân sự",
    "Bộ đội Biên phòng",
    "Kho bạc Nhà nước",
    "Cục Thuế",
    "Cục Hải quan",
];

/// Whether a name is only a board or unit inside some body (`Ban Giám đốc`, `Ban Chấp hành
/// Công đoàn cơ sở`, `Nhà máy số 2`): an internal body, then nothing but generic words and
/// numbers.
pub(super) fn internal_only(name: &str) -> bool {
    let lower = newsroom_text::lowercase(name);
    lexicon::INTERNAL_BODIES.iter().any(|internal| {
        lower.strip_prefix(internal).is_some_and(|mut rest| loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                return true;
            }
            if let Some(tail) = lexicon::GENERIC_TAILS.iter().find(|t| {
                rest.strip_prefix(**t)
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            }) {
                rest = &rest[tail.len()..];
            } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
                rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            } else {
                return false;
            }
        })
    })
}
