//! Roles: a title (`Phó Chủ tịch Thường trực`), then the organisation it belongs to.

use super::{FoundOrg, Rules};
use crate::lexicon;

impl Rules<'_, '_> {
    /// Where a role that starts at token `k` ends: a title, then the organisation after it.
    pub(super) fn role_extent(&self, k: usize, orgs: &[FoundOrg]) -> Option<usize> {
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
            if let Some(end) = self.team_after(title_end + 1) {
                return Some(end);
            }
            // `… được bầu làm Phó Bí thư Thường trực Tỉnh ủy.`: a local committee named bare
            // is found as no organisation of its own, yet it is the title's.
            let head = title_end + 1;
            if let Some((len, _)) = (head < self.n() && self.doc.joined(head))
                .then(|| self.head_at(head))
                .flatten()
            {
                if super::merge::LOCAL_COMPLETE_HEADS.contains(&self.doc.slice(head, head + len - 1)) {
                    return Some(head + len - 1);
                }
            }
        }
        lengths.first().map(|len| k + len - 1)
    }

    /// Where a national or provincial team named after a title ends (`đội tuyển bóng chuyền nữ
    /// Việt Nam`): `đội tuyển`, a few lower-case words of its sport, then its place.
    pub(super) fn team_after(&self, k: usize) -> Option<usize> {
        if k >= self.n() || !self.doc.joined(k) || !self.doc.words_at(k, &["đội", "tuyển"]) {
            return None;
        }
        let mut t = k + 2;
        while t < self.n() && t < k + 8 && self.doc.joined(t) {
            let tok = &self.doc.tokens[t];
            if tok.capitalised {
                let place = (t..self.n().min(t + 4)).rev().find(|&e| self.is_place(t, e))?;
                return Some(place);
            }
            if tok.all_caps || tok.has_digit || self.predicate_at(t) {
                return None;
            }
            t += 1;
        }
        None
    }

    /// The role after a dash: a comma-separated list of titles up to `;` or the sentence's
    /// end, kept whole; otherwise the first title with its organisation.
    pub(super) fn role_after_dash(&self, first: usize, orgs: &[FoundOrg]) -> Option<String> {
        let chars = self.doc.chars;
        let start = self.doc.tokens[first].start;
        let mut end = start;
        while end < chars.len() {
            let c = chars[end];
            if matches!(c, ';' | '\n' | '(' | ')') {
                break;
            }
            if matches!(c, '.' | ':') && chars.get(end + 1).is_none_or(|n| n.is_whitespace()) {
                break;
            }
            // A closing dash (`– Title – phát biểu`, ` - ` typed as a hyphen): the role ends
            // where lower case resumes.
            let spaced_hyphen = c == '-' && chars[end - 1] == ' ' && chars.get(end + 1) == Some(&' ');
            if (matches!(c, '–' | '—') || spaced_hyphen) && end > start {
                let rest = chars[end + 1..].iter().find(|c| !c.is_whitespace());
                if rest.is_some_and(|c| c.is_lowercase()) {
                    break;
                }
            }
            end += 1;
        }
        // An unclosed dash role ends where the sentence's predicate begins (`– Phó Chủ tịch
        // Liên đoàn Điền kinh Việt Nam đánh giá cao…`).
        let end = self.before_predicate(first, end, orgs);
        let segment: String = chars[start..end].iter().collect();
        let segment = segment.trim().trim_end_matches([',', ':']).trim().to_owned();
        let is_title = |part: &str| {
            let lower = newsroom_text::lowercase(part);
            // Prefixes may stack (`nguyên Phó Chủ tịch`).
            let mut stripped = lower.as_str();
            while let Some(rest) = lexicon::TITLE_PREFIXES
                .iter()
                .find_map(|p| stripped.strip_prefix(p).and_then(|r| r.strip_prefix(' ')))
            {
                stripped = rest;
            }
            lexicon::TITLES.iter().any(|t| stripped.starts_with(t))
        };
        // `– Phó trưởng khoa Nhi, BVĐK tỉnh Quảng Ngãi –`: after the first title, a part may
        // be the body the department belongs to.
        let is_body = |part: &str| {
            let first = part.split(' ').next().unwrap_or_default();
            let lower = newsroom_text::lowercase(part);
            super::ABBREVIATION_HEADS.contains(&first)
                || lexicon::index()
                    .org_heads
                    .get(first)
                    .is_some_and(|heads| heads.iter().any(|(words, _)| lower.starts_with(&words.join(" "))))
        };
        let all_titles = segment
            .split(", ")
            .enumerate()
            .all(|(k, part)| is_title(part) || k > 0 && is_body(part));
        if all_titles && !segment.is_empty() && segment.chars().count() <= 300 {
            return Some(segment);
        }
        // `– Kỹ sư Công ty TNHH Pouyuen Việt Nam;`: in a list, a trade of one or two words
        // followed by the body it works for, and nothing more, is the role.
        if self.titles_at(first).is_empty() && self.doc.tokens[first].capitalised {
            let job = orgs
                .iter()
                .filter(|o| (first + 1..=first + 2).contains(&o.start) && self.doc.joined(o.start))
                .map(|o| self.doc.slice(first, o.end).to_owned())
                .find(|job| *job == segment);
            if job.is_some() {
                return job;
            }
        }
        let end = self.role_extent(first, orgs)?;
        Some(self.doc.slice(first, end).to_owned())
    }

    /// Where an apposition's role that starts at character `start` ends: at a comma, `;`, a
    /// line's end, a sentence's full stop or a closing bracket, but not inside a bracket it
    /// opens (`Quỹ Nhi đồng Liên hợp quốc (UNICEF) tại Việt Nam`).
    fn apposition_stop(&self, start: usize) -> usize {
        let chars = self.doc.chars;
        let mut depth = 0usize;
        (start..chars.len())
            .find(|&c| match chars[c] {
                '(' => {
                    depth += 1;
                    false
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    false
                }
                ',' | ';' if depth > 0 => false,
                ',' | ';' | ')' | '\n' => true,
                // `…, Chủ tịch Công đoàn Công ty May 10: Bằng khen`: a list's entry ends at
                // its colon.
                '.' | ':' => chars.get(c + 1).is_none_or(|n| n.is_whitespace()),
                _ => false,
            })
            .unwrap_or(chars.len())
    }

    /// The end (a character offset, at most `end`) of a role that starts at token `first`:
    /// the start of the first predicate word after the title, if one comes before `end`.
    fn before_predicate(&self, first: usize, end: usize, orgs: &[FoundOrg]) -> usize {
        let tokens = &self.doc.tokens;
        // A word inside a body's name (`Cục Quản lý khám, chữa bệnh`) is no predicate.
        let in_body = |t: usize| orgs.iter().any(|o| o.start > first && o.start < t && t <= o.end);
        (first + 1..self.n())
            .take_while(|&t| tokens[t].start < end)
            .find(|&t| self.predicate_at(t) && !in_body(t))
            .map_or(end, |t| tokens[t - 1].end.min(end))
    }

    /// A role given right after a name: ` – Title…`, `, Title…,`, or an office the person
    /// takes (`tái đắc cử Chủ tịch…`).
    pub(super) fn role_after(&self, name_end: usize, orgs: &[FoundOrg]) -> Option<String> {
        let mut next = name_end + 1;
        // `Bà Lê Thị Mai, 50 tuổi, Phó Giám đốc Sở Y tế …`: the age stands between the name
        // and the role.
        let aged = next + 2 < self.n()
            && self.doc.gap_before(next).trim() == ","
            && self.doc.tokens[next].has_digit
            && self.doc.tokens[next + 1].lower == "tuổi"
            && self.doc.joined(next + 1)
            && self.doc.gap_before(next + 2).trim() == ",";
        if aged {
            next += 2;
        }
        if next >= self.n() {
            return None;
        }
        let gap = self.doc.gap_before(next);
        if gap.contains('\n') && gap.chars().all(char::is_whitespace) {
            return self.posts_below(next, orgs);
        }
        if !self.usable(next) {
            return None;
        }
        if let Some(role) = self.role_after_la(next, orgs) {
            return Some(role);
        }
        if self.doc.joined(next) {
            let phrases = lexicon::index()
                .office_phrases
                .starting_with(self.doc.tokens[next].lower);
            let title = self.doc.longest_at(next, phrases).map(|len| next + len);
            if let Some(title) = title.filter(|&t| t < self.n() && self.doc.joined(t)) {
                if let Some(end) = self
                    .role_extent(title, orgs)
                    .filter(|_| !self.titles_at(title).is_empty())
                {
                    return Some(self.doc.slice(title, end).to_owned());
                }
            }
        }
        let gap = self.doc.gap_before(next);
        // `bị cáo Đỗ Văn Khải (SN 1978, trú phường Cầu Giấy), nguyên giám đốc Công ty…`: the
        // birth year and address in brackets stand between the name and its role.
        if gap.trim() == "(" && self.titles_at(next).is_empty() {
            let close = (next + 1..self.n().min(next + 12)).find(|&c| self.doc.gap(c).contains(&')'));
            if let Some(after) = close.filter(|&c| self.doc.gap_before(c).trim() == "),") {
                return self.apposition_role(after, orgs);
            }
        }
        if gap.contains(['–', '—']) || gap.contains(" - ") {
            return self.role_after_dash(next, orgs);
        }
        if gap.trim() == "," || gap.trim() == "(" {
            // `Lê Công Vinh, nay là Giám đốc điều hành CLB Hà Tĩnh,`: the office held now.
            let now = [&["nay", "là"][..], &["hiện", "là"], &["hiện", "nay", "là"]]
                .iter()
                .find(|w| self.doc.words_at(next, w))
                .map(|w| next + w.len())
                .filter(|&t| t < self.n() && self.doc.joined(t));
            return self.apposition_role(now.unwrap_or(next), orgs);
        }
        None
    }

    /// An obituary's heading: the name alone on its line (`Đồng chí PHẠM VĂN THỊNH`), then
    /// lines of birth and home, then the posts held (`Nguyên Phó Chủ tịch …, nguyên Vụ
    /// trưởng …`), which are the role.
    fn posts_below(&self, mut line: usize, orgs: &[FoundOrg]) -> Option<String> {
        const ABOUT_LINES: &[&str] = &["sinh", "quê", "nguyên quán", "trú", "thường trú", "hộ khẩu"];
        for _ in 0..3 {
            let t = &self.doc.tokens[line];
            let prefixed = lexicon::TITLE_PREFIXES.contains(&t.lower)
                && line + 1 < self.n()
                && !self.titles_at(line + 1).is_empty();
            if t.capitalised && (prefixed || !self.titles_at(line).is_empty()) {
                return self.role_after_dash(line, orgs);
            }
            let about = ABOUT_LINES.iter().any(|w| {
                let words: Vec<&str> = w.split(' ').collect();
                self.doc.words_at(line, &words)
            });
            if !about {
                return None;
            }
            line = (line + 1..self.n()).find(|&k| self.doc.gap_before(k).contains('\n'))?;
        }
        None
    }

    /// `ông X là Chủ tịch Công đoàn …`: the post a name is said to hold. In a correction
    /// (`… ghi nhầm chức vụ của ông X là Phó Chủ tịch LĐLĐ tỉnh; đúng là Trưởng Ban Tổ chức
    /// …`), the post it says is right.
    fn role_after_la(&self, next: usize, orgs: &[FoundOrg]) -> Option<String> {
        // `… của ông X bị ghi nhầm là Bí thư Chi bộ; đúng là …`: the wrong post is named only
        // to be corrected.
        let mistaken = [
            &["bị", "ghi", "nhầm"][..],
            &["ghi", "nhầm"],
            &["bị", "ghi", "sai"],
            &["ghi", "sai"],
        ]
        .iter()
        .find(|w| self.doc.words_at(next, w))
        .map_or(0, |w| w.len());
        let next = next + mistaken;
        let title = next + 1;
        if title >= self.n()
            || self.doc.tokens[next].lower != "là"
            || !self.doc.joined(next)
            || !self.doc.joined(title)
            || self.titles_at(title).is_empty()
        {
            return None;
        }
        let end = self.role_extent(title, orgs)?;
        let corrected = (end + 1..self.n().min(end + 4)).find_map(|k| {
            let right = k + 2;
            (right < self.n()
                && self.doc.words_at(k, &["đúng", "là"])
                && self.doc.joined(right)
                && !self.titles_at(right).is_empty())
            .then(|| self.role_extent(right, orgs).map(|e| (right, e)))
            .flatten()
        });
        if mistaken > 0 && corrected.is_none() {
            return None;
        }
        let (from, to) = corrected.unwrap_or((title, end));
        Some(self.doc.slice(from, to).to_owned())
    }

    /// The role in an apposition that starts at token `next`: `ông X, Giám đốc Công ty Y, cho
    /// biết`.
    fn apposition_role(&self, next: usize, orgs: &[FoundOrg]) -> Option<String> {
        // An apposition: `ông X, Giám đốc Công ty Y, cho biết` — the role runs to the
        // next comma when it starts with a title and is short; otherwise the title and
        // its organisation.
        self.role_extent(next, orgs)?;
        let chars = self.doc.chars;
        let start = self.doc.tokens[next].start;
        let mut stop = self.apposition_stop(start);
        // A body whose name holds a comma (`Cục Quản lý khám, chữa bệnh`) is passed whole.
        let org_end = orgs
            .iter()
            .filter(|o| o.start >= next && self.doc.tokens[o.start].start < stop)
            .map(|o| self.doc.tokens[o.end].end)
            .max();
        if let Some(org_end) = org_end.filter(|&e| e > stop) {
            stop = self.apposition_stop(org_end);
        }
        // `ông X, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, cho biết`: a second title after
        // the comma is the same person's, unless a name follows it (a second person).
        // The first token of the part of the role the loop has reached.
        let mut part = next;
        while chars.get(stop) == Some(&',') {
            let after = self.doc.tokens.partition_point(|t| t.start <= stop);
            // `nguyên Ủy viên …, nguyên Chủ tịch …`: a lower-case prefix may open it.
            let prefixed = after + 1 < self.n()
                && lexicon::TITLE_PREFIXES.contains(&self.doc.tokens[after].lower)
                && self.doc.tokens[after + 1].capitalised;
            let second = after < self.n()
                && (self.doc.tokens[after].capitalised || prefixed)
                && !self.titles_at(after).is_empty()
                && self.role_extent(after, orgs).is_some_and(|end| {
                    // `Bí thư Tỉnh ủy;`: a head no name follows is the title's body, not a
                    // second person.
                    !self.doc.tokens.get(end + 1).is_some_and(|t| {
                        t.capitalised && self.doc.joined(end + 1) && self.head_at(end + 1).is_none()
                    })
                });
            if second {
                stop = self.apposition_stop(self.doc.tokens[after].start);
                part = after;
                continue;
            }
            // `Trưởng khoa Cấp cứu, Bệnh viện Bạch Mai`, `Trưởng phòng Tổ chức, Sở Y tế`: after a
            // unit inside a body, the body it belongs to.
            let in_unit = (part..after).any(|t| lexicon::SUB_UNITS.contains(&self.doc.tokens[t].lower));
            let body = orgs.iter().find(|o| {
                o.start == after
                    && in_unit
                    && self.doc.tokens[after].capitalised
                    && !lexicon::SUB_UNITS.contains(&self.doc.tokens[after].lower)
            });
            let Some(body) = body else {
                break;
            };
            stop = self.apposition_stop(self.doc.tokens[body.end].start);
            part = after;
        }
        let stop = self.before_predicate(next, stop, orgs);
        let segment: String = chars[start..stop].iter().collect();
        let segment = without_brackets(&segment);
        // Two posts in full run past twenty words (`nguyên Chủ tịch Công đoàn Giáo dục Việt Nam,
        // nguyên Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam`).
        if segment.split_whitespace().count() <= 32 {
            return Some(segment.trim().to_owned());
        }
        let end = self.role_extent(next, orgs)?;
        Some(self.doc.slice(next, end).to_owned())
    }

    /// `Giám đốc Sở Y tế Hà Nội, ông Trần Văn Chung, cho biết`, `Theo Chủ tịch UBND phường,
    /// ông …`: a title and its body opening the sentence (or after `theo`), then a comma and
    /// the honorific at `honorific`, are the person's role.
    pub(super) fn role_before_comma(&self, honorific: usize) -> Option<String> {
        if honorific < 2 || self.doc.gap(honorific) != [',', ' '] {
            return None;
        }
        let last = honorific - 1;
        let opens = |s: usize| {
            self.doc.sentence_start(s)
                || s > 0 && self.doc.joined(s) && self.doc.tokens[s - 1].lower == "theo" && {
                    let theo = s - 1;
                    theo == 0 || self.doc.sentence_start(theo)
                }
        };
        let start = (last.saturating_sub(10)..=last).find(|&s| {
            opens(s)
                && self.titles_at(s).iter().any(|&len| s + len - 1 <= last)
                && (s + 1..=last).all(|t| self.doc.joined(t) && self.usable(t))
        })?;
        Some(self.doc.slice(start, last).to_owned())
    }
}

/// A role without the short names given in brackets inside it (`Quỹ Nhi đồng Liên hợp quốc
/// (UNICEF) tại Việt Nam` → `… Liên hợp quốc tại Việt Nam`).
fn without_brackets(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut depth = 0usize;
    for c in segment.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
