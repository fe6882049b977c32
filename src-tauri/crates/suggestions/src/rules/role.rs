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
        }
        lengths.first().map(|len| k + len - 1)
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
    pub(super) fn role_after(&self, name_end: usize, orgs: &[FoundOrg]) -> Option<String> {
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
}
