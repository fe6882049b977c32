//! Where a comment or a proposal sits in a body that keeps changing. An anchor keeps the quoted
//! passage, the text just before and after it, and where it last was (a character offset). To
//! find it again: the quote itself (the occurrence whose surroundings match best, then the
//! nearest), else the passage between its surroundings (edited inside), else the most similar
//! passage near where it was (edited a little). When none of that holds, the passage is gone
//! and the anchor is orphaned: the caller keeps it and says so.

use serde::{Deserialize, Serialize};
use similar::TextDiff;
use ts_rs::TS;

/// How much text before and after a passage an anchor keeps, in characters.
pub const CONTEXT_CHARS: usize = 32;
/// The least similarity (0–1) at which a changed passage still counts as the same one.
const FUZZY_ENOUGH: f32 = 0.75;

/// A passage of a body as it was when someone pinned something to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Anchor {
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Where the quote started, in characters (code points) from the start of the body.
    #[serde(default)]
    pub position: u32,
}

/// How an anchor was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    Exact,
    Context,
    Fuzzy,
}

/// Where an anchor is now: characters `start..end` of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub found: Found,
}

/// Byte offset ↔ character offset for one text.
struct Offsets<'a> {
    text: &'a str,
}

impl Offsets<'_> {
    fn char_of(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    fn byte_of(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }
}

/// The anchor of characters `start..end` of `text`.
pub fn anchor_at(text: &str, start: usize, end: usize) -> Anchor {
    let offsets = Offsets { text };
    let (from, to) = (offsets.byte_of(start), offsets.byte_of(end.max(start)));
    let before = &text[..from];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(b, _)| b);
    let after = &text[to..];
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(b, _)| b);
    Anchor {
        quote: text[from..to].to_owned(),
        prefix: before[prefix_start..].to_owned(),
        suffix: after[..suffix_end].to_owned(),
        position: start as u32,
    }
}

/// How much of the anchor's surroundings the text has around bytes `from..to`.
fn context_score(text: &str, from: usize, to: usize, anchor: &Anchor) -> usize {
    let before = text[..from].chars().rev();
    let prefix = anchor.prefix.chars().rev();
    let after = text[to..].chars();
    let suffix = anchor.suffix.chars();
    before.zip(prefix).take_while(|(a, b)| a == b).count()
        + after.zip(suffix).take_while(|(a, b)| a == b).count()
}

/// The anchor stored in four columns of a row, starting at `quote`: quote, prefix, suffix,
/// position (the layout of `comment_threads` and `proposals`).
pub(crate) fn from_row(row: &rusqlite::Row<'_>, quote: usize) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        quote: row.get(quote)?,
        prefix: row.get(quote + 1)?,
        suffix: row.get(quote + 2)?,
        position: row.get(quote + 3)?,
    })
}

/// Finds the anchor in `text`, with the anchor as it now reads there when that differs from
/// the stored one (moved, or edited inside), so the caller can keep following it.
pub(crate) fn follow(text: &str, anchor: &Anchor) -> Option<(Located, Option<Anchor>)> {
    let at = locate(text, anchor)?;
    let now = anchor_at(text, at.start, at.end);
    let changed = (now != *anchor).then_some(now);
    Some((at, changed))
}

/// Finds the anchor in `text`.
pub fn locate(text: &str, anchor: &Anchor) -> Option<Located> {
    let offsets = Offsets { text };
    let near = offsets.byte_of(anchor.position as usize);
    let distance = |at: usize| at.abs_diff(near);
    let located = |from: usize, to: usize, found| Located {
        start: offsets.char_of(from),
        end: offsets.char_of(to),
        found,
    };

    if !anchor.quote.is_empty() {
        let best = text
            .match_indices(anchor.quote.as_str())
            .map(|(at, q)| (at, at + q.len()))
            .max_by(|a, b| {
                let score = |r: &(usize, usize)| context_score(text, r.0, r.1, anchor);
                score(a).cmp(&score(b)).then(distance(b.0).cmp(&distance(a.0)))
            });
        if let Some((from, to)) = best {
            return Some(located(from, to, Found::Exact));
        }
    }

    // The surroundings are still there with something else between them: the passage was
    // edited inside. (An insertion point, with no quote, is found this way too.)
    if let Some((from, to)) = between_context(text, anchor, near) {
        let found = if anchor.quote.is_empty() {
            Found::Exact
        } else {
            Found::Context
        };
        return Some(located(from, to, found));
    }

    if anchor.quote.is_empty() {
        return None;
    }
    fuzzy(text, anchor, near).map(|(from, to)| located(from, to, Found::Fuzzy))
}

/// The text between the anchor's prefix and suffix, when both are found close together.
fn between_context(text: &str, anchor: &Anchor, near: usize) -> Option<(usize, usize)> {
    if anchor.prefix.is_empty() && anchor.suffix.is_empty() {
        return None;
    }
    let longest_gap = anchor.quote.len() * 3 + 400;
    let ends_of_prefix: Vec<usize> = if anchor.prefix.is_empty() {
        vec![0]
    } else {
        text.match_indices(anchor.prefix.as_str())
            .map(|(at, p)| at + p.len())
            .collect()
    };
    let mut best: Option<(usize, usize)> = None;
    for from in ends_of_prefix {
        let rest = &text[from..];
        let to = if anchor.suffix.is_empty() {
            Some(text.len())
        } else {
            rest.find(anchor.suffix.as_str()).map(|at| from + at)
        };
        let Some(to) = to.filter(|to| to - from <= longest_gap) else {
            continue;
        };
        // With a quote, an empty gap means the passage itself was deleted; without one (an
        // insertion point), text between the two means the point itself was written over.
        if (to == from) != anchor.quote.is_empty() {
            continue;
        }
        if best.is_none_or(|(b, _)| from.abs_diff(near) < b.abs_diff(near)) {
            best = Some((from, to));
        }
    }
    best
}

/// The passage near `near` most like the quote, when it is like enough.
fn fuzzy(text: &str, anchor: &Anchor, near: usize) -> Option<(usize, usize)> {
    let len = anchor.quote.len();
    let mut lo = near.saturating_sub(2 * len + 400);
    let mut hi = (near + 3 * len + 400).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    // Candidate passages start and end at word boundaries within the region.
    let region = &text[lo..hi];
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            region
                .char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8()),
        )
        .chain(std::iter::once(region.len()))
        .collect();
    // For each start, the passages ending at the word boundaries either side of the quote's
    // length: a few comparisons per word, whatever the quote's length.
    let mut best: Option<(f32, usize, usize)> = None;
    for (i, &s) in starts.iter().enumerate() {
        let after = starts[i + 1..].partition_point(|&e| e < s + len) + i + 1;
        for &e in starts[after.saturating_sub(1).max(i + 1)..].iter().take(2) {
            let candidate = region[s..e].trim_end();
            let ratio = TextDiff::from_chars(anchor.quote.as_str(), candidate).ratio();
            if best.is_none_or(|(r, _, _)| ratio > r) {
                best = Some((ratio, lo + s, lo + s + candidate.len()));
            }
        }
    }
    best.filter(|(r, _, _)| *r >= FUZZY_ENOUGH)
        .map(|(_, s, e)| (s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Sáng nay, Công đoàn ký kết chương trình phối hợp. Người lao động được hỗ trợ nhà ở. \
                        Hội nghị kết thúc lúc 11 giờ.";

    fn pinned(quote: &str) -> Anchor {
        let start = BODY.find(quote).unwrap();
        let start = BODY[..start].chars().count();
        anchor_at(BODY, start, start + quote.chars().count())
    }

    fn quoted(text: &str, at: Located) -> String {
        text.chars().skip(at.start).take(at.end - at.start).collect()
    }

    #[test]
    fn an_insertion_before_the_passage_moves_the_anchor_with_it() {
        let anchor = pinned("Người lao động được hỗ trợ nhà ở.");
        let edited = format!("Tin mới. {BODY}");
        let at = locate(&edited, &anchor).unwrap();
        assert_eq!(at.found, Found::Exact);
        assert_eq!(quoted(&edited, at), "Người lao động được hỗ trợ nhà ở.");
    }

    #[test]
    fn an_edit_inside_the_passage_is_found_by_its_surroundings() {
        let anchor = pinned("Người lao động được hỗ trợ nhà ở.");
        let edited = BODY.replace("được hỗ trợ nhà ở", "được hỗ trợ tiền thuê nhà và đi lại");
        let at = locate(&edited, &anchor).unwrap();
        assert_eq!(at.found, Found::Context);
        assert_eq!(
            quoted(&edited, at),
            "Người lao động được hỗ trợ tiền thuê nhà và đi lại."
        );
    }

    #[test]
    fn a_small_change_with_its_surroundings_gone_is_found_by_likeness() {
        let anchor = pinned("Người lao động được hỗ trợ nhà ở.");
        let edited = "Mở đầu khác hẳn. Người lao động được hỗ trợ nhà ở tốt. Kết thúc khác hẳn.";
        let at = locate(edited, &anchor).unwrap();
        assert_eq!(at.found, Found::Fuzzy);
        assert!(quoted(edited, at).starts_with("Người lao động được hỗ trợ nhà ở"));
    }

    #[test]
    fn a_deleted_passage_is_orphaned() {
        let anchor = pinned("Người lao động được hỗ trợ nhà ở.");
        let edited = BODY.replace("Người lao động được hỗ trợ nhà ở. ", "");
        assert_eq!(locate(&edited, &anchor), None);
    }

    #[test]
    fn of_two_identical_passages_the_one_with_matching_surroundings_wins() {
        let text = "A: Công đoàn. B: Công đoàn. C.";
        let second = text.rfind("Công đoàn").unwrap();
        let start = text[..second].chars().count();
        let anchor = anchor_at(text, start, start + "Công đoàn".chars().count());
        let at = locate(text, &anchor).unwrap();
        assert_eq!(at.start, start);
    }
}
