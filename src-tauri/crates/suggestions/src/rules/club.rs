//! Bodies named without a head word: clubs by their capitalised words and `FC`, or as the side
//! a player plays for; companies and funds by an English word that closes their name (`VNG
//! Corporation`, `Bain & Company`).

use super::Rules;
use crate::lexicon;

impl Rules<'_, '_> {
    pub(super) fn club_played_for(&self, i: usize) -> Option<usize> {
        const PLAYS_FOR: &[&[&str]] = &[
            &["chơi", "cho"],
            &["thi", "đấu", "cho"],
            &["khoác", "áo"],
            &["đầu", "quân", "cho"],
        ];
        let t = &self.doc.tokens[i];
        let after = PLAYS_FOR
            .iter()
            .any(|words| i >= words.len() && self.doc.joined(i) && self.doc.words_at(i - words.len(), words));
        if !after || !t.capitalised || self.head_at(i).is_some() || !self.titles_at(i).is_empty() {
            return None;
        }
        let mut end = i;
        while end + 1 < self.n() && self.doc.joined(end + 1) && {
            let next = &self.doc.tokens[end + 1];
            next.capitalised || next.all_caps
        } {
            end += 1;
        }
        // A country or a city after them is a national side or a place, not a club's name.
        let place = lexicon::index().places.contains(self.doc.slice(i, end));
        (!place).then_some(end)
    }

    pub(super) fn club_ending(&self, i: usize) -> Option<usize> {
        self.closed_by(i, false, |t| t == "FC")
    }

    /// `VNG Corporation`, `quỹ Ascend Vietnam Ventures`, `Bain & Company`: a capitalised run
    /// closed by an English word for a company or a fund is that body.
    /// The name goes on with the place of the company's office (`Samsung Electronics Việt
    /// Nam`); a word opening the sentence (`Tại Masan Group`) is not part of it.
    pub(super) fn english_body_ending(&self, i: usize) -> Option<usize> {
        let opener = |t: usize| super::NEVER_INSIDE.contains(&self.doc.tokens[t].lower);
        let t = &self.doc.tokens[i];
        if !(t.capitalised || t.all_caps) || opener(i) {
            return None;
        }
        let from_opener = i > 0 && opener(i - 1) && self.doc.sentence_start(i - 1);
        let end = self.closed_by(i, from_opener, |t| lexicon::ENGLISH_BODY_ENDINGS.contains(&t))?;
        let place = if end + 1 < self.n() && self.doc.joined(end + 1) {
            self.place_prefix(end + 1, (end + 3).min(self.n() - 1))
        } else {
            0
        };
        Some(end + place)
    }

    /// The last token of the capitalised run opening at `i` (where no capitalised word runs
    /// into it from before, unless `after_opener`) when a word `closes` accepts ends it, within
    /// seven words; the run may hold an ampersand (`Bain & Company`).
    fn closed_by(&self, i: usize, after_opener: bool, closes: impl Fn(&str) -> bool) -> Option<usize> {
        let t = &self.doc.tokens[i];
        if !(t.capitalised || t.all_caps)
            || (i > 0 && !after_opener && self.doc.joined(i) && {
                let before = &self.doc.tokens[i - 1];
                before.capitalised || before.all_caps
            })
        {
            return None;
        }
        let ampersand = |k: usize| self.doc.gap(k) == [' ', '&', ' '];
        let mut k = i;
        while k + 1 < self.n() && (self.doc.joined(k + 1) || ampersand(k + 1)) && k - i < 6 {
            let next = &self.doc.tokens[k + 1];
            if closes(next.text) {
                return Some(k + 1);
            }
            if !(next.capitalised || next.all_caps) {
                return None;
            }
            k += 1;
        }
        None
    }
}
