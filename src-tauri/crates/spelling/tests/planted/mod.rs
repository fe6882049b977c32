//! The planted-error sets (`sentences.tsv`, and `held_out.tsv` whose misses are not printed): per class, how many planted errors are marked and
//! how many have the right word among the first three offered, and how many marks fall on
//! words that are right (false alarms per 1,000 words). The speller has the dictionary alone,
//! as on a newsroom's first day: no newsroom words, no directory.

use std::collections::{BTreeMap, HashSet};

use newsroom_spelling::{Issue, IssueKind, Speller};

struct Line<'a> {
    class: &'a str,
    wrong: &'a str,
    right: &'a str,
    sentence: &'a str,
}

fn lines(set: &'static str) -> Vec<Line<'static>> {
    set.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "four fields: {l}");
            Line {
                class: f[0],
                wrong: f[1],
                right: f[2],
                sentence: f[3],
            }
        })
        .collect()
}

/// What the editor offers for a marked word, in order: the word the context wants or the
/// house form first, then the dictionary's suggestions.
fn offered(speller: &Speller, issue: &Issue) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !issue.replacement.is_empty() {
        out.push(issue.replacement.clone());
    }
    for s in speller.suggest(&issue.word) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    planted: u32,
    caught: u32,
    corrected: u32,
}

/// The scores, printed; returned as (recall of the real-word classes, recall of the
/// non-words, top-3 correction over all planted, false alarms per 1,000 words, correct
/// sentences with a mark).
pub fn score(speller: &Speller, set: &'static str, details: bool) -> (f64, f64, f64, f64, u32) {
    let mut classes: BTreeMap<&str, Tally> = BTreeMap::new();
    let (mut words, mut false_alarms, mut marked_correct) = (0u32, 0u32, 0u32);
    let mut alarms_seen: HashSet<String> = HashSet::new();
    for line in lines(set) {
        words += line.sentence.split_whitespace().count() as u32;
        let issues: Vec<Issue> = speller
            .check(line.sentence)
            .into_iter()
            .filter(|i| i.kind != IssueKind::Style)
            .collect();
        let planted = (line.class != "correct").then(|| issues.iter().find(|i| i.word == line.wrong));
        if let Some(found) = planted {
            let tally = classes.entry(line.class).or_default();
            tally.planted += 1;
            if let Some(issue) = found {
                tally.caught += 1;
                if offered(speller, issue).iter().take(3).any(|s| s == line.right) {
                    tally.corrected += 1;
                }
            }
        }
        let alarms: Vec<&Issue> = issues
            .iter()
            .filter(|i| line.class == "correct" || i.word != line.wrong)
            .collect();
        false_alarms += alarms.len() as u32;
        if line.class == "correct" && !alarms.is_empty() {
            marked_correct += 1;
        }
        alarms_seen.extend(alarms.iter().map(|i| i.word.clone()));
    }
    let (mut real, mut real_caught, mut all, mut all_corrected) = (0u32, 0u32, 0u32, 0u32);
    for (class, t) in &classes {
        if details {
            println!(
                "  {class:<11} caught {}/{}  right word in top 3 {}/{}",
                t.caught, t.planted, t.corrected, t.planted
            );
        }
        all += t.planted;
        all_corrected += t.corrected;
        if *class != "non_word" {
            real += t.planted;
            real_caught += t.caught;
        }
    }
    let non_word = &classes["non_word"];
    let correct = lines(set).iter().filter(|l| l.class == "correct").count();
    let per_thousand = f64::from(false_alarms) * 1000.0 / f64::from(words);
    let caught: u32 = classes.values().map(|t| t.caught).sum();
    println!(
        "  all: caught {caught}/{all} ({:.0} %), corrected in top 3 {all_corrected}/{all} ({:.0} %); \
         {false_alarms} false alarms in {words} words = {per_thousand:.1} per 1,000; \
         {marked_correct}/{correct} correct sentences marked",
        f64::from(caught) * 100.0 / f64::from(all),
        f64::from(all_corrected) * 100.0 / f64::from(all),
    );
    let mut seen: Vec<String> = alarms_seen.into_iter().collect();
    seen.sort();
    if details {
        println!("  words marked that are right: {}", seen.join(", "));
    }
    (
        f64::from(real_caught) / f64::from(real),
        f64::from(non_word.caught) / f64::from(non_word.planted),
        f64::from(all_corrected) / f64::from(all),
        per_thousand,
        marked_correct,
    )
}
