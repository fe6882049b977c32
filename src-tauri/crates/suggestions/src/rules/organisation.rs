//! Organisations by rule: a head word (`Công đoàn`, `Ủy ban nhân dân`, `UBND`), then its extent
//! over the capitalised run and the places after it, a person's name split off the end, and
//! bare heads that share the next organisation's tail.

use super::{abbreviation, is_surname, FoundOrg, Rules, NEVER_INSIDE};
use crate::lexicon;

impl Rules<'_, '_> {
    pub(super) fn organisations(&self) -> Vec<FoundOrg> {
        let mut orgs: Vec<FoundOrg> = Vec::new();
        let mut i = 0;
        while i < self.n() {
            if !self.usable(i) {
                i += 1;
                continue;
            }
            let Some((head_len, complete)) = self.head_at(i) else {
                i += 1;
                continue;
            };
            let head_end = i + head_len - 1;
            // `Thành ủy viên` is a member's title, not the committee.
            if head_end + 1 < self.n()
                && self.doc.tokens[head_end + 1].lower == "viên"
                && self.doc.joined(head_end + 1)
            {
                i = head_end + 1;
                continue;
            }
            let mut last_proper: Option<usize> = None;
            let mut k = head_end + 1;
            while k < self.n() && self.usable(k) && self.doc.tokens[k].latin {
                if !(self.doc.joined(k) || self.dash_joins(k) && last_proper.is_some()) {
                    break;
                }
                let t = &self.doc.tokens[k];
                if t.lower == "và" && k + 1 < self.n() && self.head_at(k + 1).is_some() {
                    break;
                }
                // A body named inside this one (`Công đoàn Tổng công ty Vận tải…`) is part of
                // the name, head and all.
                if let Some((inner, _)) = self.head_at(k).filter(|_| t.capitalised) {
                    last_proper = Some(k + inner - 1);
                    k += inner;
                    continue;
                }
                let after_capital = self.doc.tokens[k - 1].capitalised && self.doc.joined(k);
                let lower_word = !t.capitalised && !t.all_caps && !t.has_digit;
                if t.capitalised || t.all_caps || (t.has_digit && t.text.chars().any(char::is_alphabetic)) {
                    last_proper = Some(k);
                } else if t.has_digit {
                    break;
                } else if after_capital && !NEVER_INSIDE.contains(&t.lower.as_str()) {
                    // The lower-case second syllable of a capitalised compound (`Gạch men`,
                    // `Điện lực`): part of the name if the name goes on after it.
                } else if lexicon::index().connectors.contains(t.lower.as_str())
                    || lexicon::index().admin_words.contains(t.lower.as_str())
                {
                } else if lower_word && self.bridges_to_place(k) {
                    // `Trung tâm Dịch vụ việc làm Hà Nội`: a short lower-case stretch that
                    // leads straight into a place belongs to the name.
                } else {
                    break;
                }
                k += 1;
            }
            let end: usize = match (last_proper, complete) {
                (Some(end), _) => end,
                (None, true) => head_end,
                (None, false) => {
                    // A bare head shares the next organisation's tail:
                    // `Ban Quản lý và Công đoàn các KCN…` names two bodies.
                    orgs.push(FoundOrg {
                        start: i,
                        end: head_end,
                        name: String::new(),
                        expanded: None,
                        person_from: None,
                        known: false,
                        generic: false,
                        bare: true,
                    });
                    i = head_end + 1;
                    continue;
                }
            };
            let mut org = FoundOrg {
                start: i,
                end,
                name: String::new(),
                expanded: None,
                person_from: None,
                known: false,
                generic: false,
                bare: false,
            };
            self.split_trailing_name(&mut org, head_end);
            // Vietnamese capitalises only the first syllable of a compound in a name
            // (`Thành phố`, `Chế xuất`): keep the lower-case syllable after the last capital.
            if org.person_from.is_none() && self.doc.tokens[org.end].capitalised {
                for extra in [3, 2, 1] {
                    let last = org.end + extra;
                    let fits = last < k
                        && (org.end + 1..=last).all(|t| {
                            let lower = self.doc.tokens[t].lower.as_str();
                            !NEVER_INSIDE.contains(&lower)
                                && (t == org.end + 1
                                    || lexicon::index().connectors.contains(lower)
                                    || lexicon::index().compound_tails.contains(lower))
                        })
                        && lexicon::index()
                            .compound_tails
                            .contains(self.doc.tokens[last].lower.as_str());
                    if fits {
                        org.end = last;
                        break;
                    }
                }
            }
            orgs.push(org);
            // Continue inside the extent, so a nested body (`Ủy ban Kiểm tra Liên đoàn Lao
            // động Thành phố`) is found too, but never inside the head itself.
            i = head_end + 1;
        }
        self.resolve_shared_tails(&mut orgs);
        orgs.retain(|o| !o.bare || !o.name.is_empty());
        for &(start, end) in &self.known_orgs {
            orgs.push(FoundOrg {
                start,
                end,
                name: self.doc.slice(start, end),
                expanded: None,
                person_from: None,
                known: true,
                generic: false,
                bare: false,
            });
        }
        orgs.sort_by_key(|o| o.start);
        for org in &mut orgs {
            let end = org.person_from.map_or(org.end, |p| p - 1);
            org.end = end;
            if org.name.is_empty() {
                org.name = self.doc.slice(org.start, end);
            }
            let expanded: Vec<String> = org
                .name
                .split(' ')
                .map(|w| abbreviation(w).map_or_else(|| w.to_owned(), str::to_owned))
                .collect();
            let expanded = expanded.join(" ");
            if expanded != org.name {
                org.expanded = Some(expanded);
            }
        }
        orgs
    }

    /// `Chủ tịch Liên đoàn Lao động thành phố Hà Nội Nguyễn Phi Thường`: the capitalised run
    /// at the end of an organisation may end in a person's name.
    fn split_trailing_name(&self, org: &mut FoundOrg, head_end: usize) {
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
        let has_proper_before = |s: usize| {
            (head_end + 1..s).any(|t| {
                let tok = &self.doc.tokens[t];
                tok.capitalised || tok.all_caps || tok.has_digit
            })
        };
        let mut best: Option<(u32, usize)> = None;
        for s in run_start..=end {
            let len = end - s + 1;
            if !(2..=4).contains(&len) || !is_surname(&self.doc.tokens[s].text) || self.is_place(s, end) {
                continue;
            }
            // What stays must still be an organisation with a proper part — unless a title
            // comes first: `Chủ tịch Công đoàn cơ sở Lê Thị Hồng Nhung` names a person with
            // a role in a generic body (which is then no organisation of its own).
            if s <= head_end || (!has_proper_before(s) && !titled) {
                continue;
            }
            let place_before = s > run_start && self.place_prefix(run_start, s - 1) == s - run_start;
            if !(titled || place_before || len >= 3) {
                continue;
            }
            let middle = lexicon::index()
                .middle_names
                .contains(self.doc.tokens[s + 1].text.as_str());
            let score = 4 * u32::from(place_before) + 2 * u32::from(middle) + u32::from(len == 3);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        if let Some((_, s)) = best {
            org.person_from = Some(s);
            org.generic = !has_proper_before(s);
        }
    }

    fn resolve_shared_tails(&self, orgs: &mut [FoundOrg]) {
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
