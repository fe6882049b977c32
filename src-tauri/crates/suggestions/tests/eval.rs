//! Accuracy of the suggestions on the evaluation set in `tests/eval/` (see its README for the
//! gold conventions). Prints precision, recall and F1 for people and organisations and the
//! role accuracy, with an empty directory and with a seeded one, and guards against
//! regressions. Run with `--nocapture` to see the table.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use newsroom_suggestions::{suggest, DirectoryEntry, EntityKind, KnownEntities};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct GoldPerson {
    name: String,
    role: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(default)]
    source: Option<String>,
    people: Vec<GoldPerson>,
    organisations: Vec<String>,
}

struct Piece {
    name: String,
    text: String,
    gold: Gold,
}

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

/// The repository's `../shared/samples`, present on developer machines and in CI.
fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/samples")
}

/// The pieces the rules are tuned on: `tests/eval/` and the two samples.
fn pieces() -> Vec<Piece> {
    pieces_in(&eval_dir())
}

/// The frozen split, `tests/eval/frozen/`: written and committed before any tuning against
/// it, and never tuned on; the targets are asserted here.
fn frozen() -> Vec<Piece> {
    pieces_in(&eval_dir().join("frozen"))
}

/// The second frozen split, `tests/eval/frozen2/` (issue 26): shapes the first splits do not
/// cover, written before the rules were changed for them; only its totals are printed.
fn frozen_second() -> Vec<Piece> {
    pieces_in(&eval_dir().join("frozen2"))
}

fn pieces_in(dir: &Path) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            continue;
        }
        if name.ends_with(".md") && name != "README.md" {
            let raw = std::fs::read_to_string(&path).unwrap();
            let rest = raw.strip_prefix("---\n").unwrap();
            let end = rest.find("\n---\n").unwrap();
            let gold: Gold = serde_norway::from_str(&rest[..end]).unwrap();
            out.push(Piece {
                name,
                text: rest[end + 5..].to_owned(),
                gold,
            });
        } else if name.ends_with(".gold.yaml") {
            let gold: Gold = serde_norway::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let source = samples_dir().join(gold.source.as_deref().unwrap());
            match std::fs::read_to_string(&source) {
                Ok(text) => out.push(Piece { name, text, gold }),
                Err(_) => eprintln!("note: {} not found, {name} skipped", source.display()),
            }
        }
    }
    out
}

fn key(text: &str) -> String {
    newsroom_text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, predicted: &BTreeSet<String>, gold: &BTreeSet<String>) -> Vec<String> {
        self.tp += predicted.intersection(gold).count();
        self.fp += predicted.difference(gold).count();
        self.fn_ += gold.difference(predicted).count();
        predicted
            .difference(gold)
            .map(|p| format!("+{p}"))
            .chain(gold.difference(predicted).map(|g| format!("-{g}")))
            .collect()
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

struct Report {
    people: Score,
    orgs: Score,
    roles_right: usize,
    roles_total: usize,
}

fn evaluate(pieces: &[Piece], directory: &KnownEntities, verbose: bool) -> Report {
    let mut report = Report {
        people: Score::default(),
        orgs: Score::default(),
        roles_right: 0,
        roles_total: 0,
    };
    for piece in pieces {
        let s = suggest(&piece.text, directory);
        let predicted_people: BTreeSet<String> = s.people.iter().map(|p| key(&p.name)).collect();
        let gold_people: BTreeSet<String> = piece.gold.people.iter().map(|p| key(&p.name)).collect();
        let predicted_orgs: BTreeSet<String> = s
            .organisations
            .iter()
            .map(|o| key(o.expanded.as_deref().unwrap_or(&o.name)))
            .collect();
        let gold_orgs: BTreeSet<String> = piece.gold.organisations.iter().map(|o| key(o)).collect();
        let mut misses = report.people.add(&predicted_people, &gold_people);
        misses.extend(report.orgs.add(&predicted_orgs, &gold_orgs));
        let roles: HashMap<String, Option<String>> =
            s.people.iter().map(|p| (key(&p.name), p.role.clone())).collect();
        for gp in &piece.gold.people {
            let (Some(gold_role), Some(predicted)) = (&gp.role, roles.get(&key(&gp.name))) else {
                continue;
            };
            report.roles_total += 1;
            if predicted.as_deref().map(key) == Some(key(gold_role)) {
                report.roles_right += 1;
            } else {
                misses.push(format!("role {}: {:?} ≠ {gold_role}", gp.name, predicted));
            }
        }
        if verbose && !misses.is_empty() {
            println!("  {}: {}", piece.name, misses.join("; "));
        }
    }
    report
}

/// A directory seeded the way a newsroom would start one: every other gold person and
/// organisation of the set, each organisation also under its common abbreviation.
fn seeded_directory(pieces: &[Piece]) -> KnownEntities {
    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
    let mut n = 0;
    for piece in pieces {
        for p in &piece.gold.people {
            n += 1;
            if n % 2 == 0 && seen.insert(key(&p.name)) {
                entries.push(DirectoryEntry {
                    id: format!("p{n}"),
                    kind: EntityKind::Person,
                    name: p.name.clone(),
                    aliases: vec![],
                });
            }
        }
        for o in &piece.gold.organisations {
            n += 1;
            if n % 2 == 0 && seen.insert(key(o)) {
                let alias = o
                    .replace("Liên đoàn Lao động", "LĐLĐ")
                    .replace("Ủy ban nhân dân", "UBND");
                entries.push(DirectoryEntry {
                    id: format!("o{n}"),
                    kind: EntityKind::Organisation,
                    name: o.clone(),
                    aliases: if alias != *o { vec![alias] } else { vec![] },
                });
            }
        }
    }
    KnownEntities::build(entries)
}

fn print(label: &str, r: &Report) {
    println!(
        "{label:<18} people P {:.3} R {:.3} F1 {:.3} | organisations P {:.3} R {:.3} F1 {:.3} | roles {}/{} = {:.3}",
        r.people.precision(),
        r.people.recall(),
        r.people.f1(),
        r.orgs.precision(),
        r.orgs.recall(),
        r.orgs.f1(),
        r.roles_right,
        r.roles_total,
        r.roles_right as f64 / r.roles_total.max(1) as f64
    );
}

#[test]
fn accuracy_on_the_evaluation_set() {
    let pieces = pieces();
    assert!(pieces.len() >= 12, "the evaluation set has at least 12 pieces");
    println!("evaluation set: {} pieces", pieces.len());
    let empty = evaluate(&pieces, &KnownEntities::empty(), true);
    print("empty directory", &empty);
    let seeded = evaluate(
        &pieces,
        &seeded_directory(&pieces),
        std::env::var_os("EVAL_VERBOSE").is_some(),
    );
    print("seeded directory", &seeded);
    // The tuned split keeps the first targets: people F1 ≥ 0.95, organisations F1 ≥ 0.90.
    for (label, r) in [("empty", &empty), ("seeded", &seeded)] {
        assert!(r.people.f1() >= 0.95, "{label}: people F1 {:.3}", r.people.f1());
        assert!(
            r.orgs.f1() >= 0.90,
            "{label}: organisations F1 {:.3}",
            r.orgs.f1()
        );
    }

    let frozen = frozen();
    println!("frozen split: {} pieces (never tuned on)", frozen.len());
    // Its misses are not printed: the split stays unseen while the rules are tuned.
    let held = evaluate(&frozen, &KnownEntities::empty(), false);
    print("frozen, empty dir", &held);
    assert!(frozen.len() >= 26, "the frozen split has its 26 pieces");
    assert!(pieces.len() + frozen.len() >= 60, "at least 60 pieces in all");
    let report_only = std::env::var_os("EVAL_REPORT_ONLY").is_some();
    // Text nobody tuned the rules on: people F1 ≥ 0.97, organisations ≥ 0.95, roles ≥ 0.95.
    let roles = held.roles_right as f64 / held.roles_total.max(1) as f64;
    if !report_only {
        assert!(
            held.people.f1() >= 0.97,
            "frozen: people F1 {:.3}",
            held.people.f1()
        );
        assert!(
            held.orgs.f1() >= 0.95,
            "frozen: organisations F1 {:.3}",
            held.orgs.f1()
        );
        assert!(roles >= 0.95, "frozen: roles {roles:.3}");
    }

    let second = frozen_second();
    println!("second frozen split: {} pieces (never tuned on)", second.len());
    assert!(second.len() >= 30, "the second frozen split has its 31 pieces");
    print(
        "frozen2, empty dir",
        &evaluate(&second, &KnownEntities::empty(), false),
    );
}

#[test]
fn decomposed_text_gives_the_same_suggestions() {
    use unicode_normalization::UnicodeNormalization;
    for piece in pieces() {
        let nfd: String = piece.text.nfd().collect();
        assert_eq!(
            suggest(&nfd, &KnownEntities::empty()),
            suggest(&piece.text, &KnownEntities::empty()),
            "{}",
            piece.name
        );
    }
}

#[test]
fn odd_input_gives_sensible_output_without_panicking() {
    let empty = KnownEntities::empty();
    assert!(suggest("", &empty).people.is_empty());
    assert!(suggest("The quick brown fox met John Smith in London.", &empty)
        .people
        .is_empty());
    let shouting = suggest("CHỦ TỊCH NGUYỄN VĂN AN THĂM CÔNG NHÂN", &empty);
    assert!(
        shouting.people.is_empty(),
        "all-caps headlines do not invent people"
    );
    let mixed = suggest(
        "Ông Nguyễn Văn An gặp 田中太郎 và ông Иван Петров tại Hà Nội.",
        &empty,
    );
    assert_eq!(
        mixed.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Nguyễn Văn An"]
    );
    let big = "Chủ tịch Công đoàn cơ sở Nguyễn Văn An phát biểu tại hội nghị. ".repeat(80_000);
    assert!(big.len() > 5_000_000);
    let s = suggest(&big, &empty);
    assert_eq!(s.people.len(), 1);
    assert_eq!(s.people[0].spans.len(), 80_000);
}

#[test]
fn spans_point_at_the_name_in_nfc_characters() {
    let text =
        "Sáng nay, ông Hà Lê Hoàn – Phó Chủ nhiệm Ủy ban Kiểm tra Liên đoàn Lao động Thành phố – phát biểu.";
    let s = suggest(text, &KnownEntities::empty());
    let chars: Vec<char> = text.chars().collect();
    let p = &s.people[0];
    let [a, b] = p.spans[0];
    assert_eq!(chars[a..b].iter().collect::<String>(), "Hà Lê Hoàn");
    assert_eq!(
        p.role.as_deref(),
        Some("Phó Chủ nhiệm Ủy ban Kiểm tra Liên đoàn Lao động Thành phố")
    );
}

#[test]
fn known_entities_match_any_spelling_and_win_over_rules() {
    let directory = KnownEntities::build(vec![
        DirectoryEntry {
            id: "ldld-hn".into(),
            kind: EntityKind::Organisation,
            name: "Liên đoàn Lao động thành phố Hà Nội".into(),
            aliases: vec!["LĐLĐ thành phố Hà Nội".into(), "LĐLĐ Hà Nội".into()],
        },
        DirectoryEntry {
            id: "npt".into(),
            kind: EntityKind::Person,
            name: "Nguyễn Phi Thường".into(),
            aliases: vec![],
        },
    ]);
    let text = "LĐLĐ Hà Nội và lien doan lao dong thanh pho ha noi; NGUYỄN PHI THƯỜNG phát biểu. Hà Nội";
    let s = suggest(text, &directory);
    let org = s
        .organisations
        .iter()
        .find(|o| o.entity_id.as_deref() == Some("ldld-hn"))
        .unwrap();
    assert_eq!(org.spans.len(), 2);
    assert!(org.known);
    let person = s.people.iter().find(|p| p.known).unwrap();
    assert_eq!(person.entity_id.as_deref(), Some("npt"));
    let _ = Path::new("");
}

#[test]
fn a_title_in_a_generic_body_gives_the_person_a_role_and_no_organisation() {
    let s = suggest(
        "Phát biểu tại buổi lễ, Chủ tịch Công đoàn cơ sở Lê Thị Hồng Nhung cho biết.",
        &KnownEntities::empty(),
    );
    assert_eq!(s.people.len(), 1);
    assert_eq!(s.people[0].name, "Lê Thị Hồng Nhung");
    assert_eq!(s.people[0].role.as_deref(), Some("Chủ tịch Công đoàn cơ sở"));
    assert!(s.organisations.is_empty(), "{:?}", s.organisations);
}
