//! How a body's name goes on past its capitalised words: a dash or a comma between its parts
//! (`Sở Lao động – Thương binh và Xã hội`), the lower-case words official names carry
//! (`quốc gia`), compounds written with one capital (`Thống kê`), and short lower-case stretches
//! that lead to a place, a capital or a bare unit inside it; and the words that never belong to
//! one (`Công ty may mặc lớn nhất Hưng Yên`).

use super::{is_surname, Rules, NEVER_INSIDE};
use crate::lexicon;

impl Rules<'_, '_> {
    /// `Sở Lao động – Thương binh và Xã hội`: a spaced dash inside a name, followed by a
    /// capitalised word that starts neither a title nor a person's name.
    pub(super) fn dash_joins(&self, k: usize) -> bool {
        let gap = self.doc.gap_before(k);
        let dash = matches!(gap, " – " | " - " | " — " | "–" | "-");
        let t = &self.doc.tokens[k];
        // A run after the dash that starts with a surname is a person's name, unless it is a
        // place (`Việt Nam – Hàn Quốc`).
        let person_like =
            is_surname(t.text) && self.run_from(k) > k && self.place_prefix(k, self.run_from(k)) == 0;
        dash && t.capitalised && self.titles_at(k).is_empty() && !person_like && k + 1 < self.n()
    }

    /// Whether one to three lower-case words from `k` lead inside a name to a capitalised
    /// word that goes on with it (`Quần thể danh thắng Tràng An`, `Dân tộc bán trú Tiểu học`),
    /// none of them a predicate or a word that joins separate things.
    pub(super) fn bridges_to_capital(&self, k: usize) -> bool {
        let word = |t: usize| {
            self.plain_word(t)
                && !lexicon::index()
                    .honorific_words
                    .contains(self.doc.tokens[t].lower)
        };
        let capital = |next: usize| {
            // `Sở Y tế cấp phép Bệnh viện Hồng Ngọc`, `… tiêm vắc xin Covid-19`: another body's
            // head, or a word with a number, is what the sentence is about; but a unit goes on
            // to its ministry (`Vụ Giáo dục thường xuyên Bộ …`).
            let cap = &self.doc.tokens[next];
            let ministry = ["Bộ", "Tổng"].contains(&cap.text)
                && self.head_at(next).is_some_and(|(len, _)| {
                    ["bộ", "tổng cục"]
                        .contains(&newsroom_text::lowercase(self.doc.slice(next, next + len - 1)).as_str())
                });
            cap.capitalised
                && !cap.has_digit
                && (self.head_at(next).is_none() || ministry)
                && self.titles_at(next).is_empty()
                && (self.place_prefix(next, self.run_from(next)) > 0
                    || !(is_surname(cap.text) && self.run_from(next) > next))
        };
        self.stretch_leads_to(k, 3, word, capital)
    }

    /// Whether one to `most` words from `k`, each passing `word`, lead in the same phrase to
    /// a token that passes `target`.
    fn stretch_leads_to(
        &self,
        k: usize,
        most: usize,
        word: impl Fn(usize) -> bool,
        target: impl Fn(usize) -> bool,
    ) -> bool {
        (1..=most).any(|m| {
            let next = k + m;
            next < self.n()
                && (k + 1..=next).all(|t| self.doc.joined(t))
                && (k..next).all(&word)
                && target(next)
        })
    }

    /// `Bộ Văn hóa, Thể thao và Du lịch`: a comma inside a name that lists the fields of one
    /// body, capitalised parts up to a `và` and a last capitalised part.
    pub(super) fn comma_joins(&self, k: usize) -> bool {
        if self.doc.gap_before(k) != ", " || !self.doc.tokens[k].capitalised {
            return false;
        }
        let mut t = k;
        for _ in 0..6 {
            // One part: a capitalised word and maybe its lower-case partner.
            if t >= self.n() || !self.doc.tokens[t].capitalised || !self.titles_at(t).is_empty() {
                return false;
            }
            t += 1;
            if t < self.n()
                && self.doc.joined(t)
                && !self.doc.tokens[t].capitalised
                && self.compound_at(t - 1)
            {
                t += 1;
            }
            if t >= self.n() {
                return false;
            }
            let gap = self.doc.gap_before(t);
            if gap == ", " {
                continue;
            }
            return self.doc.joined(t)
                && self.doc.tokens[t].lower == "và"
                && t + 1 < self.n()
                && self.doc.joined(t + 1)
                && self.doc.tokens[t + 1].capitalised;
        }
        false
    }

    /// The length of a lower-case phrase official names end with (`quốc gia`, `tối cao`)
    /// starting at token `k`.
    pub(super) fn name_tail_at(&self, k: usize) -> Option<usize> {
        let t = &self.doc.tokens[k];
        if t.capitalised || t.all_caps || !self.doc.joined(k) {
            return None;
        }
        self.doc
            .longest_at(k, lexicon::index().name_tails.starting_with(t.lower))
    }

    /// Whether tokens `k` and `k + 1` make one word of an official name (`Thống kê`).
    pub(super) fn compound_at(&self, k: usize) -> bool {
        k + 1 < self.n()
            && self.doc.joined(k + 1)
            && lexicon::index()
                .compounds
                .contains(&(self.doc.tokens[k].lower, self.doc.tokens[k + 1].lower))
    }

    /// Whether one or two lower-case words from `k` lead straight into a known place.
    pub(super) fn bridges_to_place(&self, k: usize) -> bool {
        let word = |t: usize| {
            let tok = &self.doc.tokens[t];
            !tok.capitalised && !tok.all_caps && !NEVER_INSIDE.contains(&tok.lower) && !self.describes_many(t)
        };
        let place = |next: usize| {
            self.doc.tokens[next].capitalised && self.place_prefix(next, self.run_from(next)) > 0
        };
        self.stretch_leads_to(k, 2, word, place)
    }

    /// Whether token `t` is a plain lower-case word that may sit inside a body's name: no
    /// capital, abbreviation or number, no joining word and no predicate.
    pub(super) fn plain_word(&self, t: usize) -> bool {
        let tok = &self.doc.tokens[t];
        !tok.capitalised
            && !tok.all_caps
            && !tok.has_digit
            && !NEVER_INSIDE.contains(&tok.lower)
            && !self.predicate_at(t)
            && !self.describes_many(t)
    }

    /// `Công ty may mặc lớn nhất Hưng Yên`, `Bệnh viện tuyến tỉnh`, `Công an các tỉnh Tây
    /// Nguyên`: a word that describes a kind of body, or many of them, rather than naming one.
    pub(super) fn describes_many(&self, t: usize) -> bool {
        let lower = self.doc.tokens[t].lower;
        ["nhất", "lớn", "tuyến"].contains(&lower)
            || lower == "các"
                && self
                    .doc
                    .tokens
                    .get(t + 1)
                    .is_some_and(|n| lexicon::index().admin_words.contains(n.lower))
    }

    /// Whether the lower-case word at `k`, alone or with the next one or two, leads on to a
    /// unit of place with no name after it that the piece names one place of (`việc làm tỉnh`,
    /// `hành chính công tỉnh`).
    pub(super) fn bridges_to_bare_unit(&self, k: usize) -> bool {
        (0..=2).any(|m| {
            let last = k + m;
            last + 1 < self.n()
                && (k + 1..=last).all(|t| self.doc.joined(t))
                && (k..=last).all(|t| {
                    self.plain_word(t) && !lexicon::index().admin_words.contains(self.doc.tokens[t].lower)
                })
                && self.bare_unit_after(last).is_some()
                // A branch (`Ngân hàng Nhà nước chi nhánh tỉnh`) is the national body's office.
                && !self.doc.words_at(k, &["chi", "nhánh"])
                && !(k > 0 && self.doc.words_at(k - 1, &["chi", "nhánh"]))
        })
    }
}
