//! One suggestion per entity: known mentions first, then the rules' findings grouped by folded
//! name, a person's later short mentions joined to the full name (coreference), an
//! organisation's abbreviation joined to its full name.

use std::collections::HashMap;

use super::Found;
use crate::known::{EntityKind, KnownMention};
use crate::tokens::Document;
use crate::{OrganisationSuggestion, PersonSuggestion, Suggestions};

/// One entity per folded name: names here are already NFC, so per-character folding suffices.
fn key(text: &str) -> String {
    let folded: String = text.chars().map(newsroom_text::fold_char).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An organisation's key: its folded name without the unit of place before a place's name
/// (`Liên đoàn Lao động tỉnh Bắc Ninh` and `LĐLĐ Bắc Ninh` are one body).
fn org_key(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |i: usize| {
        words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let lower_is = |word: &str, lower: &str| word.chars().map(newsroom_text::lower_char).eq(lower.chars());
    let mut folded = String::with_capacity(text.len());
    let mut i = 0;
    while i < words.len() {
        let two = words.get(i + 1).map(|&next| (words[i], next));
        // `NHCSXH chi nhánh Thanh Hóa` and `NHCSXH tỉnh Thanh Hóa`: a national body's branch in
        // a province is its office there, however written.
        if two.is_some_and(|(a, b)| lower_is(a, "chi") && lower_is(b, "nhánh")) && capital(i + 2) {
            i += 2;
            continue;
        }
        // `Tòa án nhân dân thành phố Hồ Chí Minh` and `TAND TP.HCM` (spelled `Thành phố Hồ Chí
        // Minh`): the unit however capitalised.
        let unit = if two.is_some_and(|(a, b)| {
            ADMIN_PAIRS
                .iter()
                .filter_map(|pair| pair.split_once(' '))
                .any(|(first, second)| lower_is(a, first) && lower_is(b, second))
        }) {
            2
        } else {
            usize::from(ADMIN_WORDS_LOWER.iter().any(|w| lower_is(words[i], w)))
        };
        if unit > 0 && capital(i + unit) {
            i += unit;
            continue;
        }
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(words[i].chars().map(newsroom_text::fold_char));
        i += 1;
    }
    folded
}

/// Whether two words are a unit of place written in two (`thành phố`).
fn is_admin_pair((first, second): (&str, &str)) -> bool {
    ADMIN_PAIRS
        .iter()
        .any(|pair| pair.split_once(' ') == Some((first, second)))
}

/// The name without the unit of place it ends with (`Hội đồng nhân dân thành phố` →
/// `Hội đồng nhân dân`), when it ends with one.
fn without_trailing_unit(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    let unit = if n >= 3 && is_admin_pair((words[n - 2], words[n - 1])) {
        2
    } else if n >= 2 && ADMIN_WORDS.contains(&words[n - 1]) {
        1
    } else {
        return None;
    };
    Some(words[..n - unit].join(" "))
}

/// Complete heads that name a local body (unlike `Quốc hội` or `Chính phủ`).
pub(super) const LOCAL_COMPLETE_HEADS: &[&str] = &[
    "Thành ủy",
    "Thành uỷ",
    "Thành đoàn",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Tỉnh đoàn",
];

/// Units of place written before a place's name inside an organisation's name.
const ADMIN_WORDS: &[&str] = &["tỉnh", "quận", "huyện", "xã", "phường", "TP", "TP."];
/// The same in lower case, compared with a word however it is capitalised.
const ADMIN_WORDS_LOWER: &[&str] = &["tỉnh", "quận", "huyện", "xã", "phường", "tp", "tp."];
const ADMIN_PAIRS: &[&str] = &["thành phố", "thị xã", "thị trấn"];

/// A later short mention of a person already named (`anh Khoa` after `anh Lê Đăng Khoa`,
/// `Thanh Thúy` after `Trần Thị Thanh Thúy`) is the same person: its spans join the person
/// whose full name ends with it and was named first, the nearest such one before it. A short
/// name with no such person before it stays a person of its own.
fn corefer(people: Vec<PersonSuggestion>) -> Vec<PersonSuggestion> {
    let words = |p: &PersonSuggestion| key(&p.name).split(' ').map(str::to_owned).collect::<Vec<_>>();
    let first = |p: &PersonSuggestion| p.spans.iter().map(|s| s[0]).min().unwrap_or(usize::MAX);
    let mut out: Vec<PersonSuggestion> = Vec::with_capacity(people.len());
    let mut short: Vec<PersonSuggestion> = Vec::new();
    for p in people {
        if p.known || words(&p).len() > 2 {
            out.push(p);
        } else {
            short.push(p);
        }
    }
    // Two-word names may be short mentions too, and also full names of their own: they are
    // matched against longer names first.
    short.sort_by_key(|p| std::cmp::Reverse(words(p).len()));
    for p in short {
        let mine = words(&p);
        let at = first(&p);
        let host = out
            .iter_mut()
            .filter(|q| {
                let theirs = words(q);
                // `ông Kim` after `Kim Sang-sik`: a foreign name's family name may come first.
                let family_first = mine.len() == 1
                    && theirs.first() == mine.first()
                    && q.name
                        .split(' ')
                        .any(|w| !newsroom_text::syllable::is_syllable(w));
                theirs.len() > mine.len() && (theirs.ends_with(&mine) || family_first) && first(q) < at
            })
            .max_by_key(|q| first(q));
        match host {
            Some(q) => {
                q.spans.extend(p.spans);
                if q.role.is_none() {
                    q.role = p.role;
                }
            }
            None => out.push(p),
        }
    }
    out
}

/// Groups mentions into one suggestion per entity, known entities first by position.
/// Whether the name starting at token `start` is given as the right one in a correction
/// (`tên đúng là bà …`, `đúng là …`), within the few words before it.
fn corrected_at(doc: &Document<'_>, start: usize) -> bool {
    (start.saturating_sub(5)..start).any(|t| doc.words_at(t, &["đúng", "là"]))
}

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
        // `… ghi nhầm là bà Lê Thị Hoa; tên đúng là bà Lê Thị Hòa`: a correction's right
        // spelling names the person, whatever was written first.
        if person.name != name && corrected_at(doc, p.start) {
            person.name = name;
        } else if in_capitals(&person.name) && !in_capitals(&name) {
            // `ông NGUYỄN ĐÌNH KHANG` in the sapo, `Ông Nguyễn Đình Khang:` below: the name
            // as it is spelled in running text.
            person.name = name;
        }
    }
    // A name written only in capitals is offered as a name is written.
    for person in &mut people {
        if in_capitals(&person.name) {
            person.name = crate::tokens::title_case(&person.name);
        }
    }

    let mut people = corefer(people);

    let known_org_spans: Vec<[usize; 2]> = known
        .iter()
        .filter(|m| m.kind == EntityKind::Organisation)
        .map(|m| [m.start, m.end])
        .collect();
    // The short names given in brackets after full ones, each with its body's key, read before
    // the merge: an abbreviation may come first (`Phó Chủ tịch VCCI` … `Liên đoàn … (VCCI)`).
    let aliases: Vec<(String, String, [usize; 2], Vec<String>)> = found
        .orgs
        .iter()
        .filter(|o| !o.known && !o.generic)
        .filter_map(|o| {
            let (from, to) = o.alias?;
            let at = [doc.tokens[from].start, doc.tokens[to].end];
            let full = org_key(o.expanded.as_deref().unwrap_or(&o.name));
            let words = (from..=to).map(|t| doc.tokens[t].lower.to_owned()).collect();
            Some((key(doc.slice(from, to)), full, at, words))
        })
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
        // The short name in brackets after a body, wherever it is found again, is that body;
        // so is its office in a place (`ILO Việt Nam` after `Tổ chức Lao động Quốc tế (ILO)`).
        let named = key(&o.name);
        let office_of = |alias: &str| {
            named
                .strip_prefix(alias)
                .is_some_and(|rest| rest.starts_with(' '))
                && {
                    let rest: Vec<&str> = o.name.split(' ').skip(alias.split(' ').count()).collect();
                    rest.iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                }
        };
        let mut k = aliases
            .iter()
            .find(|(alias, _, at, _)| {
                // A body named inside the brackets (`LĐLĐ Việt Nam` in `(Tổng LĐLĐ Việt Nam)`)
                // is the short name itself.
                let within = at[0] <= span[0] && span[1] <= at[1];
                *at == span || within || *alias == named || office_of(alias)
            })
            .map_or_else(
                || org_key(o.expanded.as_deref().unwrap_or(&o.name)),
                |(_, full, _, _)| full.clone(),
            );
        // `HĐND TP` after `HĐND TP Hà Nội`: a body named with its unit of place but no place
        // is the one last named in full with a place.
        if let Some(stem) = without_trailing_unit(o.expanded.as_deref().unwrap_or(&o.name)) {
            let prefix = format!("{} ", key(&stem));
            let latest = org_index
                .iter()
                .filter(|(full, _)| full.starts_with(&prefix))
                .max_by_key(|(_, slot)| **slot);
            if let Some((full, _)) = latest {
                k = full.clone();
            }
        }
        let slot = match org_index.get(&k) {
            Some(&slot) => {
                // One body written in full and abbreviated, or with and without its unit of
                // place: the fullest writing names the suggestion.
                let shown = &mut orgs[slot];
                let fuller = |expanded: &Option<String>, name: &str| {
                    let words = expanded.as_deref().unwrap_or(name).split(' ').count();
                    (words, expanded.is_none(), name.chars().count())
                };
                if fuller(&o.expanded, &o.name) > fuller(&shown.expanded, &shown.name) {
                    shown.name = o.name.clone();
                    shown.expanded = o.expanded.clone();
                }
                slot
            }
            None => {
                orgs.push(OrganisationSuggestion {
                    name: o.name.clone(),
                    expanded: o.expanded.clone(),
                    known: false,
                    entity_id: None,
                    spans: Vec::new(),
                });
                org_index.insert(k, orgs.len() - 1);
                orgs.len() - 1
            }
        };
        orgs[slot].spans.push(span);
    }
    // The short names again where no rule found them (`Viettel cam kết…`).
    let taken = |s: [usize; 2], orgs: &[OrganisationSuggestion], people: &[PersonSuggestion]| {
        let spans = orgs
            .iter()
            .flat_map(|o| &o.spans)
            .chain(people.iter().flat_map(|p| &p.spans));
        spans.clone().any(|t| t[0] < s[1] && s[0] < t[1])
    };
    for (_, full, _, words) in &aliases {
        let Some(&slot) = org_index.get(full) else {
            continue;
        };
        for i in 0..doc.tokens.len().saturating_sub(words.len() - 1) {
            let same = doc.words_at(i, words);
            let whole = i + words.len() >= doc.tokens.len() || !doc.joined(i + words.len()) || {
                let next = &doc.tokens[i + words.len()];
                !(next.capitalised || next.all_caps)
            };
            let at = [doc.tokens[i].start, doc.tokens[i + words.len() - 1].end];
            if same && whole && !taken(at, &orgs, &people) {
                orgs[slot].spans.push(at);
            }
        }
    }
    // A local body named without its place — a city's Party committee or youth union (`Thành
    // ủy`), a department (`Sở Y tế`), a local head (`Công an`) — in a piece that names one in
    // full (`Thành ủy Hà Nội`, `Sở Y tế Hà Nội`) is that one; with two or none, it stays as
    // written.
    let mut keys: Vec<String> = orgs
        .iter()
        .map(|o| key(o.expanded.as_deref().unwrap_or(&o.name)))
        .collect();
    let bare: Vec<usize> = (0..orgs.len())
        .filter(|&i| {
            let name = orgs[i].expanded.as_deref().unwrap_or(&orgs[i].name);
            !orgs[i].known
                && (LOCAL_COMPLETE_HEADS.contains(&orgs[i].name.as_str())
                    || name.starts_with("Sở ")
                    || super::not_a_body::LOCAL_UNIT_HEADS.contains(&name)
                        && !crate::lexicon::NATIONAL_BODIES.contains(&name))
        })
        .collect();
    for &b in bare.iter().rev() {
        let head = format!("{} ", keys[b]);
        let full: Vec<usize> = (0..orgs.len())
            .filter(|&i| i != b && keys[i].starts_with(&head))
            .collect();
        if let [to] = full[..] {
            join_into(&mut orgs, b, to);
            keys.remove(b);
        }
    }
    // `công nhân Pouyuen` in a piece about `Công ty TNHH Pouyuen Việt Nam`: a brand named alone
    // is the one company of the piece whose name holds it.
    let brands: Vec<usize> = (0..orgs.len())
        .filter(|&i| !orgs[i].known && crate::lexicon::named_alone(&orgs[i].name))
        .collect();
    for &b in brands.iter().rev() {
        let brand = key(&orgs[b].name);
        let holders: Vec<usize> = (0..orgs.len())
            .filter(|&i| i != b && key(&orgs[i].name).split(' ').any(|w| w == brand))
            .filter(|&i| {
                let lower = newsroom_text::lowercase(&orgs[i].name);
                ["công ty ", "tập đoàn ", "tổng công ty "]
                    .iter()
                    .any(|h| lower.starts_with(h))
            })
            .collect();
        if let [to] = holders[..] {
            join_into(&mut orgs, b, to);
        }
    }
    // `Ngân hàng Thế giới` … `Giám đốc Quốc gia WB`: an international body's acronym in a
    // piece that also writes its name is that body.
    for (acronym, full) in crate::lexicon::ACRONYMS_SPELLED {
        let Some(a) = orgs.iter().position(|o| !o.known && o.name == *acronym) else {
            continue;
        };
        let full = key(full);
        if let Some(to) = (0..orgs.len())
            .find(|&i| i != a && key(orgs[i].expanded.as_deref().unwrap_or(&orgs[i].name)) == full)
        {
            join_into(&mut orgs, a, to);
        }
    }
    for p in &mut people {
        p.spans.sort();
    }
    for o in &mut orgs {
        o.spans.sort();
        // `Trưởng ban Tổ chức Tỉnh ủy`, `công ty TNHH Hoàng Long`, `bệnh viện Bạch Mai`: a body
        // whose head the paper wrote in lower case is offered as its name is written on its
        // own, with its capital.
        for name in std::iter::once(&mut o.name).chain(o.expanded.as_mut()) {
            let mut chars = name.chars();
            if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
                *name = first.to_uppercase().chain(chars).collect();
            }
        }
    }
    Suggestions {
        people,
        organisations: orgs,
    }
}

/// One organisation's mentions joined to another's, which names the same body; the first is
/// no suggestion of its own any more.
fn join_into(orgs: &mut Vec<OrganisationSuggestion>, from: usize, to: usize) {
    let spans = std::mem::take(&mut orgs[from].spans);
    orgs[to].spans.extend(spans);
    orgs.remove(from);
}

/// Whether a name is written in capitals only (`LÊ THỊ HOA`).
fn in_capitals(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}
