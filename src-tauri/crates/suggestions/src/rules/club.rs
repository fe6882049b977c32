//! Clubs named without a head word: by their capitalised words and `FC`, or as the side a
//! player plays for.

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
        let place = lexicon::index().places.contains(self.doc.slice(i, end).as_str());
        (!place).then_some(end)
    }

    pub(super) fn club_ending(&self, i: usize) -> Option<usize> {
        let t = &self.doc.tokens[i];
        if !(t.capitalised || t.all_caps)
            || (i > 0 && self.doc.joined(i) && {
                let before = &self.doc.tokens[i - 1];
                before.capitalised || before.all_caps
            })
        {
            return None;
        }
        let mut k = i;
        while k + 1 < self.n() && self.doc.joined(k + 1) && k - i < 6 {
            let next = &self.doc.tokens[k + 1];
            if next.text == "FC" {
                return (k + 1 > i).then_some(k + 1);
            }
            if !(next.capitalised || next.all_caps) {
                return None;
            }
            k += 1;
        }
        None
    }
}
