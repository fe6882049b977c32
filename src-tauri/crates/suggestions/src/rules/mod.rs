//! New entities by rule, and the merge with known ones. The rules share one view of the
//! document ([`Rules`]: heads, titles and known organisations per token, computed once); each
//! kind of rule is a file of its own: `organisation.rs` (heads, extents, names split off the
//! end), `role.rs` (titles and the organisation after them) and `person.rs` (names, with their
//! roles).

use std::collections::HashMap;

use crate::known::{EntityKind, KnownMention};
use crate::lexicon;
use crate::tokens::Document;

mod organisation;
mod person;
mod role;
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
