//! New entities by rule, and the merge with known ones.

use std::collections::HashMap;

use crate::known::{EntityKind, KnownMention};
use crate::lexicon;
use crate::tokens::Document;
use crate::{OrganisationSuggestion, PersonSuggestion, Suggestions};

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
    "BHXH",
    "BQL",
    "BCH",
];
const COMPLETE_ABBREVIATIONS: &[&str] = &["TLĐLĐVN", "TLĐ"];

/// Lower-case words that never sit inside an organisation's name, even right after a
/// capital: they join or relate separate things.
const NEVER_INSIDE: &[&str] = &[
    "và", "các", "của", "tại", "thuộc", "trên", "với", "là", "cho", "đã", "đang", "sẽ",
];

struct Rules<'d, 'a> {
    doc: &'d Document<'a>,
    /// `head_at` and `titles_at` for every token, computed once: the rules ask about the
    /// same tokens many times.
    heads: Vec<Option<(usize, bool)>>,
    titles: Vec<Vec<usize>>,
    /// Tokens covered by known organisations; the organisation rules leave them alone.
    known: Vec<bool>,
    /// Known organisations as token ranges.
    known_orgs: Vec<(usize, usize)>,
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
    fn compute_head_at(doc: &Document<'_>, i: usize) -> Option<(usize, bool)> {
        let t = &doc.tokens[i];
        if t.all_caps && ABBREVIATION_HEADS.contains(&t.text.as_str()) {
            return Some((1, COMPLETE_ABBREVIATIONS.contains(&t.text.as_str())));
        }
        if !t.capitalised {
            return None;
        }
        let mut best: Option<(usize, bool)> = None;
        for (words, complete) in lexicon::index()
            .org_heads
            .get(t.text.as_str())
            .into_iter()
            .flatten()
        {
            if doc.words_at(i, words) && best.is_none_or(|(l, _)| words.len() > l) {
                best = Some((words.len(), *complete));
            }
        }
        best
    }

    /// The title at token `i` (with `Phó`, `Nguyên`… prefixes), longest first: every length
    /// in tokens that reads as a title.
    fn compute_titles_at(doc: &Document<'_>, i: usize) -> Vec<usize> {
        let n = doc.tokens.len();
        let mut prefix = 0;
        let lex = lexicon::index();
        while i + prefix < n
            && lex.title_prefixes.contains(doc.tokens[i + prefix].lower.as_str())
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
            .starting_with(&doc.tokens[at].lower)
            .iter()
            .filter(|title| doc.words_at(at, title))
            .map(|title| title.len() + prefix)
            .collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        lengths
    }

    fn title_ends_at(&self, end: usize) -> bool {
        (end.saturating_sub(5)..=end).any(|s| self.titles_at(s).iter().any(|len| s + len == end + 1))
    }

    /// `Sở Lao động – Thương binh và Xã hội`: a spaced dash inside a name, followed by a
    /// capitalised word that starts neither a title nor a person's name.
    fn dash_joins(&self, k: usize) -> bool {
        let gap = self.doc.gap_before(k);
        let dash = matches!(gap.as_str(), " – " | " - " | " — " | "–" | "-");
        let t = &self.doc.tokens[k];
        dash && t.capitalised
            && self.titles_at(k).is_empty()
            && !(is_surname(&t.text) && self.run_from(k) > k)
            && k + 1 < self.n()
    }

    /// Whether one or two lower-case words from `k` lead straight into a known place.
    fn bridges_to_place(&self, k: usize) -> bool {
        (1..=2).any(|m| {
            let next = k + m;
            next < self.n()
                && (k + 1..=next).all(|t| self.doc.joined(t))
                && (k..next).all(|t| {
                    let tok = &self.doc.tokens[t];
                    !tok.capitalised && !tok.all_caps && !NEVER_INSIDE.contains(&tok.lower.as_str())
                })
                && self.doc.tokens[next].capitalised
                && self.place_prefix(next, self.run_from(next)) > 0
        })
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

    fn is_place(&self, start: usize, end: usize) -> bool {
        // Places are at most four words and start with a known first word; only then is the
        // phrase built and looked up.
        let lex = lexicon::index();
        end - start < 4
            && lex
                .place_first_words
                .contains(self.doc.tokens[start].text.as_str())
            && lex.places.contains(self.doc.slice(start, end).as_str())
    }

    /// The number of tokens of a known place at the start of `start..=end`.
    fn place_prefix(&self, start: usize, end: usize) -> usize {
        (start..=end)
            .rev()
            .find(|&e| self.is_place(start, e))
            .map_or(0, |e| e - start + 1)
    }

    fn organisations(&self) -> Vec<FoundOrg> {
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

    /// Where a role that starts at token `k` ends: a title, then the organisation after it.
    fn role_extent(&self, k: usize, orgs: &[FoundOrg]) -> Option<usize> {
        let lengths = self.titles_at(k);
        for len in lengths {
            let title_end = k + len - 1;
            // Organisations are sorted by their first token.
            let at = orgs.partition_point(|o| o.start < title_end + 1);
            if let Some(org) = orgs
                .get(at)
                .filter(|o| o.start == title_end + 1 && self.doc.joined(o.start))
            {
                return Some(org.end);
            }
        }
        lengths.first().map(|len| k + len - 1)
    }

    /// The role after a dash: a comma-separated list of titles up to `;` or the sentence's
    /// end, kept whole; otherwise the first title with its organisation.
    fn role_after_dash(&self, first: usize, orgs: &[FoundOrg]) -> Option<String> {
        let chars = self.doc.chars;
        let start = self.doc.tokens[first].start;
        let mut end = start;
        while end < chars.len() {
            let c = chars[end];
            if matches!(c, ';' | '\n' | '(' | ')') {
                break;
            }
            if c == '.' && chars.get(end + 1).is_none_or(|n| n.is_whitespace()) {
                break;
            }
            // A closing dash (`– Title – phát biểu`): the role ends where lower case resumes.
            if matches!(c, '–' | '—') && end > start {
                let rest = chars[end + 1..].iter().find(|c| !c.is_whitespace());
                if rest.is_some_and(|c| c.is_lowercase()) {
                    break;
                }
            }
            end += 1;
        }
        let segment: String = chars[start..end].iter().collect();
        let segment = segment.trim().trim_end_matches([',', ':']).trim().to_owned();
        let all_titles = segment.split(", ").all(|part| {
            let lower = part.to_lowercase();
            let stripped = lexicon::TITLE_PREFIXES.iter().fold(lower.as_str(), |s, p| {
                s.strip_prefix(&format!("{p} ")).unwrap_or(s)
            });
            lexicon::TITLES.iter().any(|t| stripped.starts_with(t))
        });
        if all_titles && !segment.is_empty() && segment.chars().count() <= 300 {
            return Some(segment);
        }
        let end = self.role_extent(first, orgs)?;
        Some(self.doc.slice(first, end))
    }

    /// A role given right after a name: ` – Title…`, `, Title…,`.
    fn role_after(&self, name_end: usize, orgs: &[FoundOrg]) -> Option<String> {
        let next = name_end + 1;
        if next >= self.n() || !self.usable(next) {
            return None;
        }
        let gap = self.doc.gap_before(next);
        if gap.contains(['–', '—']) || gap.contains(" - ") {
            return self.role_after_dash(next, orgs);
        }
        if gap.trim() == "," || gap.trim() == "(" {
            // An apposition: `ông X, Giám đốc Công ty Y, cho biết` — the role runs to the
            // next comma when it starts with a title and is short; otherwise the title and
            // its organisation.
            self.role_extent(next, orgs)?;
            let chars = self.doc.chars;
            let start = self.doc.tokens[next].start;
            let stop = (start..chars.len())
                .find(|&c| {
                    matches!(chars[c], ',' | ';' | ')' | '\n')
                        || (chars[c] == '.' && chars.get(c + 1).is_none_or(|n| n.is_whitespace()))
                })
                .unwrap_or(chars.len());
            let segment: String = chars[start..stop].iter().collect();
            if segment.split_whitespace().count() <= 15 {
                return Some(segment.trim().to_owned());
            }
            let end = self.role_extent(next, orgs)?;
            return Some(self.doc.slice(next, end));
        }
        None
    }

    fn people(&self, orgs: &[FoundOrg]) -> Vec<FoundPerson> {
        let mut org_at: Vec<Option<usize>> = vec![None; self.n()];
        for (index, o) in orgs.iter().enumerate() {
            org_at[o.start].get_or_insert(index);
        }
        let mut in_org = vec![false; self.n()];
        for o in orgs {
            in_org[o.start..=o.end].fill(true);
        }
        let mut people: Vec<FoundPerson> = Vec::new();
        let mut taken = vec![false; self.n()];
        let push = |people: &mut Vec<FoundPerson>, taken: &mut Vec<bool>, p: FoundPerson| {
            if (p.start..=p.end).any(|t| taken[t]) {
                return;
            }
            taken[p.start..=p.end].fill(true);
            people.push(p);
        };

        // A title, maybe an organisation, then the name.
        for org in orgs.iter().filter(|o| o.person_from.is_some()) {
            let from = org.person_from.expect("filtered");
            let mut name_end = from;
            while name_end + 1 < self.n()
                && self.doc.joined(name_end + 1)
                && self.doc.tokens[name_end + 1].capitalised
                && name_end - from < 4
            {
                name_end += 1;
            }
            let role_start = (org.start.saturating_sub(6)..org.start)
                .find(|&s| self.titles_at(s).iter().any(|len| s + len == org.start));
            let role = role_start.map(|s| self.doc.slice(s, org.end));
            push(
                &mut people,
                &mut taken,
                FoundPerson {
                    start: from,
                    end: name_end,
                    role,
                },
            );
        }
        for i in 0..self.n() {
            if !self.usable(i) || self.known[i] || in_org[i] {
                continue;
            }
            for len in self.titles_at(i) {
                let after = i + len;
                if after >= self.n() || !self.doc.joined(after) {
                    continue;
                }
                let (role_end, name_start) = match org_at[after].map(|x| &orgs[x]) {
                    Some(org) if org.person_from.is_none() => (
                        org.end,
                        (org.end + 1 < self.n() && self.doc.joined(org.end + 1)).then_some(org.end + 1),
                    ),
                    Some(_) => break,
                    None => (after - 1, Some(after)),
                };
                let Some(p) = name_start else { continue };
                if !self.doc.tokens[p].capitalised || !is_surname(&self.doc.tokens[p].text) || in_org[p] {
                    continue;
                }
                let end = self.run_from(p).min(p + 4);
                if end == p || self.is_place(p, end) {
                    continue;
                }
                let role = Some(self.doc.slice(i, role_end));
                push(&mut people, &mut taken, FoundPerson { start: p, end, role });
                break;
            }
        }

        // Honorifics: `ông Hà Lê Hoàn`, `chị Lan`.
        for i in 0..self.n() {
            if !self.usable(i) || self.known[i] {
                continue;
            }
            let t = &self.doc.tokens[i];
            if t.capitalised && !self.doc.sentence_start(i) {
                continue;
            }
            let lex = lexicon::index();
            let strong = self.doc.longest_at(i, lex.honorifics.starting_with(&t.lower));
            let weak = self
                .doc
                .longest_at(i, lex.weak_honorifics.starting_with(&t.lower));
            let (len, is_weak) = match (strong, weak) {
                (Some(s), Some(w)) if w > s => (w, true),
                (Some(s), _) => (s, false),
                (None, Some(w)) => (w, true),
                (None, None) => continue,
            };
            let p = i + len;
            if p >= self.n() || !self.doc.joined(p) || !self.doc.tokens[p].capitalised || !self.usable(p) {
                continue;
            }
            if !self.doc.tokens[p].latin
                || in_org[p]
                || self.head_at(p).is_some()
                || !self.titles_at(p).is_empty()
            {
                continue;
            }
            let end = self.run_from(p).min(p + 4);
            if is_weak && (end == p || !is_surname(&self.doc.tokens[p].text)) {
                continue;
            }
            if self.is_place(p, end) {
                continue;
            }
            let role = self.role_after(end, orgs);
            push(&mut people, &mut taken, FoundPerson { start: p, end, role });
        }

        // Bare names: a capitalised run beginning with a Vietnamese surname.
        let mut i = 0;
        while i < self.n() {
            if !self.usable(i) || self.known[i] || in_org[i] || !self.doc.tokens[i].capitalised {
                i += 1;
                continue;
            }
            let run_end = self.run_from(i);
            let mut s = i + self.place_prefix(i, run_end);
            // `Ông Nguyễn Văn A` at a sentence start: the honorific is not part of the name.
            while s <= run_end
                && lexicon::index()
                    .honorific_words
                    .contains(self.doc.tokens[s].lower.as_str())
            {
                s += 1;
            }
            while s <= run_end && !is_surname(&self.doc.tokens[s].text) {
                s += 1;
            }
            let end = run_end.min(s + 4);
            let len = end.saturating_sub(s) + 1;
            let clear = s <= run_end && (s..=end).all(|t| !in_org[t] && !self.known[t] && self.usable(t));
            if clear && len >= 2 && !self.is_place(s, end) && self.head_at(s).is_none() {
                let role = self.role_after(end, orgs);
                push(&mut people, &mut taken, FoundPerson { start: s, end, role });
            }
            i = run_end + 1;
        }
        people.sort_by_key(|p| p.start);
        people
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
    let rules = Rules {
        doc,
        heads: (0..doc.tokens.len())
            .map(|i| Rules::compute_head_at(doc, i))
            .collect(),
        titles: (0..doc.tokens.len())
            .map(|i| Rules::compute_titles_at(doc, i))
            .collect(),
        known: covered,
        known_orgs,
    };
    let orgs = rules.organisations();
    let people = rules.people(&orgs);
    Found { orgs, people }
}

/// One entity per folded name: names here are already NFC, so per-character folding suffices.
fn key(text: &str) -> String {
    let folded: String = text.chars().map(newsroom_text::fold_char).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Groups mentions into one suggestion per entity, known entities first by position.
pub(crate) fn merge(
    doc: &Document<'_>,
    known: Vec<KnownMention>,
    found: Found,
    directory: &crate::KnownEntities,
) -> Suggestions {
    let mut people: Vec<PersonSuggestion> = Vec::new();
    let mut orgs: Vec<OrganisationSuggestion> = Vec::new();
    let mut person_index: HashMap<String, usize> = HashMap::new();
    let mut org_index: HashMap<String, usize> = HashMap::new();
    let text = |start: usize, end: usize| doc.chars[start..end].iter().collect::<String>();

    for m in &known {
        let entry = directory.entry(m.entry);
        let written = text(m.start, m.end);
        match entry.kind {
            EntityKind::Person => {
                let slot = *person_index.entry(format!("id:{}", entry.id)).or_insert_with(|| {
                    people.push(PersonSuggestion {
                        name: written.clone(),
                        role: None,
                        known: true,
                        entity_id: Some(entry.id.to_owned()),
                        spans: Vec::new(),
                    });
                    people.len() - 1
                });
                people[slot].spans.push([m.start, m.end]);
            }
            EntityKind::Organisation => {
                let slot = *org_index.entry(format!("id:{}", entry.id)).or_insert_with(|| {
                    orgs.push(OrganisationSuggestion {
                        name: written.clone(),
                        expanded: (entry.name != written).then(|| entry.name.to_owned()),
                        known: true,
                        entity_id: Some(entry.id.to_owned()),
                        spans: Vec::new(),
                    });
                    orgs.len() - 1
                });
                orgs[slot].spans.push([m.start, m.end]);
            }
        }
    }

    for p in found.people {
        let span = [doc.tokens[p.start].start, doc.tokens[p.end].end];
        // A known person found again by rule lends the rule's role to the directory entry.
        if let Some(m) = known
            .iter()
            .find(|m| m.kind == EntityKind::Person && m.start < span[1] && m.end > span[0])
        {
            let id = directory.entry(m.entry).id;
            if let Some(&slot) = person_index.get(&format!("id:{id}")) {
                if people[slot].role.is_none() {
                    people[slot].role = p.role;
                }
            }
            continue;
        }
        let name = text(span[0], span[1]);
        let slot = *person_index.entry(key(&name)).or_insert_with(|| {
            people.push(PersonSuggestion {
                name: name.clone(),
                role: None,
                known: false,
                entity_id: None,
                spans: Vec::new(),
            });
            people.len() - 1
        });
        let person = &mut people[slot];
        person.spans.push(span);
        if person.role.is_none() {
            person.role = p.role;
        }
    }

    let known_org_spans: Vec<[usize; 2]> = known
        .iter()
        .filter(|m| m.kind == EntityKind::Organisation)
        .map(|m| [m.start, m.end])
        .collect();
    for o in found.orgs.into_iter().filter(|o| !o.known && !o.generic) {
        let span = [doc.tokens[o.start].start, doc.tokens[o.end].end];
        // The directory's own mention wins; a body named inside it, or one whose name holds
        // it, is still a different body.
        let same_as_known = known_org_spans.iter().any(|k| {
            let overlaps = k[0] < span[1] && span[0] < k[1];
            let inside = k[0] <= span[0] && span[1] <= k[1];
            let holds = span[0] <= k[0] && k[1] <= span[1];
            overlaps && (span == *k || !(inside || holds))
        });
        if same_as_known {
            continue;
        }
        let k = key(o.expanded.as_deref().unwrap_or(&o.name));
        let slot = *org_index.entry(k).or_insert_with(|| {
            orgs.push(OrganisationSuggestion {
                name: o.name.clone(),
                expanded: o.expanded.clone(),
                known: false,
                entity_id: None,
                spans: Vec::new(),
            });
            orgs.len() - 1
        });
        orgs[slot].spans.push(span);
    }
    for p in &mut people {
        p.spans.sort();
    }
    for o in &mut orgs {
        o.spans.sort();
    }
    Suggestions {
        people,
        organisations: orgs,
    }
}
