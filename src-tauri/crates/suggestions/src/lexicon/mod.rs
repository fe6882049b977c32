//! The closed word classes of Vietnamese news writing that the rules lean on: surnames,
//! honorifics, titles, organisation head words, administrative units and abbreviations.
//! These are features of the language and of officialdom, not lists of particular people, so
//! the rules generalise to names never seen before.

mod boards;
mod brands;
mod compounds;
mod national;
mod organisations;
mod page;
mod people;
mod places;
mod predicates;
mod provinces;

pub use boards::*;
pub use brands::*;
pub use compounds::*;
pub use national::*;
pub use organisations::*;
pub use page::*;
pub use people::*;
pub use places::*;
pub use predicates::*;
pub use provinces::*;

/// The word lists above, indexed for lookups by a token's text: the rules ask about every
/// token, so each question is one hash lookup instead of a scan of a list.
pub struct Index {
    pub surnames: rustc_hash::FxHashSet<&'static str>,
    pub places: rustc_hash::FxHashSet<&'static str>,
    pub place_first_words: rustc_hash::FxHashSet<&'static str>,
    pub middle_names: rustc_hash::FxHashSet<&'static str>,
    pub connectors: rustc_hash::FxHashSet<&'static str>,
    pub admin_words: rustc_hash::FxHashSet<&'static str>,
    pub title_prefixes: rustc_hash::FxHashSet<&'static str>,
    /// Lower-case first word → the whole phrases (as word lists) starting with it.
    pub titles: PhraseIndex,
    pub honorifics: PhraseIndex,
    pub weak_honorifics: PhraseIndex,
    /// First word as written (capitalised) → (lower-case words of the head, complete?).
    pub org_heads: rustc_hash::FxHashMap<&'static str, Vec<(Vec<String>, bool)>>,
    pub honorific_words: rustc_hash::FxHashSet<&'static str>,
    /// Words of place and school levels split into words, matched as phrases ending right
    /// before a name.
    pub place_words: Vec<Vec<&'static str>>,
    pub namesake_words: Vec<Vec<&'static str>>,
    pub school_levels: Vec<Vec<&'static str>>,
    pub ministries: PhraseIndex,
    /// Brands and acronym bodies, each a body by itself (see [`named_alone`]).
    pub named_alone: rustc_hash::FxHashSet<&'static str>,
    pub clubs: rustc_hash::FxHashSet<&'static str>,
    /// Two-syllable words of official names, as `("first", "second")`: a pair of words is
    /// looked up without building a string.
    pub compounds: rustc_hash::FxHashSet<(&'static str, &'static str)>,
    pub name_tails: PhraseIndex,
    pub predicate_words: PhraseIndex,
    pub title_suffixes: PhraseIndex,
    pub office_phrases: PhraseIndex,
}

#[derive(Default)]
pub struct PhraseIndex {
    by_first: rustc_hash::FxHashMap<&'static str, Vec<Vec<&'static str>>>,
}

impl PhraseIndex {
    fn new(phrases: &[&'static str]) -> Self {
        let mut index = PhraseIndex::default();
        for phrase in phrases {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            index.by_first.entry(words[0]).or_default().push(words);
        }
        index
    }

    /// The phrases that start with `first` (lower case).
    pub fn starting_with(&self, first: &str) -> &[Vec<&'static str>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

pub fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut org_heads: rustc_hash::FxHashMap<&'static str, Vec<(Vec<String>, bool)>> =
            rustc_hash::FxHashMap::default();
        for head in ORG_HEADS
            .iter()
            .chain(BRANDS)
            .chain(ACRONYM_BODIES)
            .chain(CLUBS)
            .chain(NATIONAL_NAMES)
        {
            let first = head.split(' ').next().unwrap_or_default();
            let words = head.to_lowercase().split(' ').map(str::to_owned).collect();
            org_heads.entry(first).or_default().push((
                words,
                COMPLETE_ORG_HEADS.contains(head)
                    || BRANDS.contains(head)
                    || ACRONYM_BODIES.contains(head)
                    || CLUBS.contains(head)
                    || NATIONAL_NAMES.contains(head),
            ));
        }
        let split = |phrases: &[&'static str]| phrases.iter().map(|p| p.split(' ').collect()).collect();
        Index {
            place_words: split(PLACE_WORDS),
            namesake_words: split(NAMESAKE_WORDS),
            school_levels: split(SCHOOL_LEVELS),
            ministries: PhraseIndex::new(MINISTRY_SHORT_NAMES),
            surnames: SURNAMES.iter().copied().collect(),
            places: PLACES
                .iter()
                .chain(COUNTRIES)
                .copied()
                .chain(PROVINCES.iter().map(|(name, _)| *name))
                .collect(),
            place_first_words: PLACES
                .iter()
                .chain(COUNTRIES)
                .copied()
                .chain(PROVINCES.iter().map(|(name, _)| *name))
                .filter_map(|p| p.split(' ').next())
                .collect(),
            middle_names: MIDDLE_NAMES.iter().copied().collect(),
            connectors: ORG_CONNECTORS.iter().copied().collect(),
            admin_words: ADMIN_UNITS.iter().flat_map(|u| u.split(' ')).collect(),
            title_prefixes: TITLE_PREFIXES.iter().copied().collect(),
            titles: PhraseIndex::new(TITLES),
            honorifics: PhraseIndex::new(HONORIFICS),
            weak_honorifics: PhraseIndex::new(WEAK_HONORIFICS),
            org_heads,
            honorific_words: HONORIFICS.iter().copied().filter(|h| !h.contains(' ')).collect(),
            named_alone: BRANDS.iter().chain(ACRONYM_BODIES).copied().collect(),
            clubs: CLUBS.iter().copied().collect(),
            compounds: COMPOUNDS.iter().filter_map(|c| c.split_once(' ')).collect(),
            name_tails: PhraseIndex::new(NAME_TAILS),
            predicate_words: PhraseIndex::new(PREDICATE_WORDS),
            title_suffixes: PhraseIndex::new(TITLE_SUFFIXES),
            office_phrases: PhraseIndex::new(OFFICE_PHRASES),
        }
    })
}
