//! What changed between two texts, word by word, and who changed it.
//!
//! The texts are compared as tokens ([`crate::words`]): each Vietnamese syllable is a word, so
//! a changed tone mark is one changed word. When the versions in between are known, each
//! change is attributed: an insertion to the person whose save first had it, a deletion to the
//! person whose save removed it. The diff itself is `similar`'s Myers, with a deadline so that
//! a pathological pair (two unrelated 5 MB bodies) gives a coarser answer instead of a hang.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use ts_rs::TS;

use crate::words::{is_word, line_ranges, tokens};

/// How long one comparison may take before `similar` settles for a coarser diff.
const DEADLINE: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Equal,
    Insert,
    Delete,
}

/// A run of text that is the same in both versions, or only in the newer (insert) or only in
/// the older (delete).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub change: Change,
    pub text: String,
    /// A deleted passage that reappears, unchanged, as an insertion elsewhere (and that
    /// insertion): the passage was moved, not rewritten.
    pub moved: bool,
    /// Who made the change, when the versions in between say so.
    pub by: Option<String>,
}

/// One token of the newer text with where it came from: its place in the older text (kept)
/// or the step that inserted it.
#[derive(Clone, Copy)]
struct Traced<'a> {
    token: &'a str,
    origin: Option<usize>,
    author: Option<usize>,
}

/// Compares `old` with `new`; `steps` are the versions from `old` to `new` in order, each
/// with its author (the last one is `new` itself). With one step, nothing in between is
/// known and every change is that step's author's.
pub fn diff_steps(old: &str, steps: &[(&str, &str)]) -> Vec<Segment> {
    let old = newsroom_text::nfc(old);
    let steps: Vec<(String, &str)> = steps.iter().map(|(t, a)| (newsroom_text::nfc(t), *a)).collect();
    let steps: Vec<(&str, &str)> = steps.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    traced_diff(&old, &steps)
}

fn traced_diff(old: &str, steps: &[(&str, &str)]) -> Vec<Segment> {
    let deadline = Some(Instant::now() + DEADLINE);
    let base = tokens(old);
    let mut current: Vec<Traced<'_>> = base
        .iter()
        .enumerate()
        .map(|(i, token)| Traced {
            token,
            origin: Some(i),
            author: None,
        })
        .collect();
    let mut deleted_by: Vec<Option<usize>> = vec![None; base.len()];
    for (step, (text, _)) in steps.iter().enumerate() {
        let next = tokens(text);
        let before: Vec<&str> = current.iter().map(|t| t.token).collect();
        let mut traced = Vec::with_capacity(next.len());
        for (tag, old_range, new_range) in paragraph_first(&before, &next, deadline) {
            if tag == DiffTag::Equal {
                traced.extend(old_range.zip(new_range).map(|(o, n)| Traced {
                    token: next[n],
                    ..current[o]
                }));
                continue;
            }
            for gone in &current[old_range] {
                if let Some(origin) = gone.origin {
                    deleted_by[origin] = Some(step);
                }
            }
            traced.extend(new_range.map(|n| Traced {
                token: next[n],
                origin: None,
                author: Some(step),
            }));
        }
        current = traced;
    }
    let author = |step: Option<usize>| step.map(|s| steps[s].1.to_owned());

    // Walk the newer text; before each token kept from the older text, the older tokens
    // skipped since the last kept one were deleted.
    let mut raw: Vec<(Change, &str, Option<usize>)> = Vec::with_capacity(current.len());
    let mut next_base = 0;
    for t in &current {
        match t.origin {
            Some(origin) => {
                raw.extend((next_base..origin).map(|i| (Change::Delete, base[i], deleted_by[i])));
                raw.push((Change::Equal, t.token, None));
                next_base = origin + 1;
            }
            None => raw.push((Change::Insert, t.token, t.author)),
        }
    }
    raw.extend((next_base..base.len()).map(|i| (Change::Delete, base[i], deleted_by[i])));
    let mut segments = tidy(&raw, &author);
    mark_moves(&mut segments);
    segments
}

/// The edit from `old` to `new` tokens: whole lines first (so a moved or rewritten paragraph
/// is one change, not a scatter of common words), then word by word within the lines that
/// changed.
fn paragraph_first(
    old: &[&str],
    new: &[&str],
    deadline: Option<Instant>,
) -> Vec<(DiffTag, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let old_lines = line_ranges(old);
    let new_lines = line_ranges(new);
    let text = |tokens: &[&str], r: &std::ops::Range<usize>| tokens[r.clone()].concat();
    let old_text: Vec<String> = old_lines.iter().map(|r| text(old, r)).collect();
    let new_text: Vec<String> = new_lines.iter().map(|r| text(new, r)).collect();
    let span = |lines: &[std::ops::Range<usize>], r: std::ops::Range<usize>, total: usize| {
        if r.is_empty() {
            let at = lines.get(r.start).map_or(total, |l| l.start);
            at..at
        } else {
            lines[r.start].start..lines[r.end - 1].end
        }
    };
    let mut out = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &old_text, &new_text, deadline) {
        let (tag, o, n) = op.as_tag_tuple();
        let (o, n) = (span(&old_lines, o, old.len()), span(&new_lines, n, new.len()));
        match tag {
            DiffTag::Equal => out.push((tag, o, n)),
            DiffTag::Delete | DiffTag::Insert => out.push((tag, o, n)),
            DiffTag::Replace => {
                for op in
                    capture_diff_slices_deadline(Algorithm::Myers, &old[o.clone()], &new[n.clone()], deadline)
                {
                    let (tag, a, b) = op.as_tag_tuple();
                    out.push((
                        tag,
                        o.start + a.start..o.start + a.end,
                        n.start + b.start..n.start + b.end,
                    ));
                }
            }
        }
    }
    out
}

/// Compares two texts with nothing known in between.
pub fn diff(old: &str, new: &str, author: &str) -> Vec<Segment> {
    diff_steps(old, &[(new, author)])
}

/// Groups tokens into segments a reader can follow: within a run of changes, the deleted text
/// comes first and then the inserted text, per author, and a single space between two changed
/// words belongs to the change rather than splitting it in two.
fn tidy(
    raw: &[(Change, &str, Option<usize>)],
    author: &dyn Fn(Option<usize>) -> Option<String>,
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut run: Vec<(Change, String, Option<usize>)> = Vec::new();
    let flush = |run: &mut Vec<(Change, String, Option<usize>)>, out: &mut Vec<Segment>| {
        for change in [Change::Delete, Change::Insert] {
            let mut by_author: Vec<(Option<usize>, String)> = Vec::new();
            for (c, text, who) in run.iter() {
                if *c != change {
                    continue;
                }
                match by_author.iter_mut().find(|(w, _)| w == who) {
                    Some((_, all)) => all.push_str(text),
                    None => by_author.push((*who, text.clone())),
                }
            }
            for (who, text) in by_author {
                out.push(Segment {
                    change,
                    text,
                    moved: false,
                    by: author(who),
                });
            }
        }
        run.clear();
    };
    let mut i = 0;
    while i < raw.len() {
        let (change, token, who) = raw[i];
        if change == Change::Equal {
            // A lone space between changes joins both sides of the change.
            let between = !run.is_empty()
                && token.chars().all(char::is_whitespace)
                && raw.get(i + 1).is_some_and(|n| n.0 != Change::Equal);
            if between {
                let who = run.last().map(|r| r.2).unwrap_or(None);
                run.push((Change::Delete, token.to_owned(), who));
                run.push((Change::Insert, token.to_owned(), who));
                i += 1;
                continue;
            }
            flush(&mut run, &mut out);
            match out.last_mut() {
                Some(last) if last.change == Change::Equal => last.text.push_str(token),
                _ => out.push(Segment {
                    change: Change::Equal,
                    text: token.to_owned(),
                    moved: false,
                    by: None,
                }),
            }
        } else {
            match run.last_mut() {
                Some(last) if last.0 == change && last.2 == who => last.1.push_str(token),
                _ => run.push((change, token.to_owned(), who)),
            }
        }
        i += 1;
    }
    flush(&mut run, &mut out);
    out
}

/// Marks a deleted passage of three words or more that is inserted elsewhere unchanged.
fn mark_moves(segments: &mut [Segment]) {
    let words = |text: &str| tokens(text).into_iter().filter(|t| is_word(t)).count();
    for d in 0..segments.len() {
        if segments[d].change != Change::Delete || words(&segments[d].text) < 3 {
            continue;
        }
        let wanted = segments[d].text.trim().to_owned();
        let found = segments
            .iter()
            .position(|s| s.change == Change::Insert && !s.moved && s.text.trim() == wanted);
        if let Some(i) = found {
            segments[d].moved = true;
            segments[i].moved = true;
        }
    }
}

/// How many words the segments insert and delete.
pub fn changed_words(segments: &[Segment]) -> u32 {
    segments
        .iter()
        .filter(|s| s.change != Change::Equal)
        .map(|s| tokens(&s.text).into_iter().filter(|t| is_word(t)).count() as u32)
        .sum()
}
