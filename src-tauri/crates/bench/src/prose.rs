//! Vietnamese-looking prose with a realistic vocabulary, for stores at archive scale: syllables
//! made from the language's onsets, rhymes and tones (about 1,350 distinct once tones are
//! folded away, as the search index sees them), drawn with a skewed frequency so that common
//! words are common and rare ones rare, in sentences and paragraphs of varied length, with
//! people and organisations among them. A search index over it is neither artificially small
//! (one repeated text) nor artificially large (random letters).

use crate::content::{org_name, person_name};

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r",
    "s", "t", "th", "tr", "v", "x",
];
const RHYMES: &[&str] = &[
    "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăm", "ăn", "ăng", "ăt", "âm", "ân", "âng", "ât",
    "âu", "ây", "e", "em", "en", "eo", "et", "ê", "êm", "ên", "ênh", "êt", "êu", "i", "ia", "im", "in",
    "inh", "it", "iu", "iên", "iêt", "iêu", "o", "oa", "oai", "oan", "oang", "oanh", "oat", "oi", "om", "on",
    "ong", "ot", "ô", "ôi", "ôm", "ôn", "ông", "ôt", "ơ", "ơi", "ơm", "ơn", "ơt", "u", "ua", "ui", "um",
    "un", "ung", "ut", "uy", "uyên", "uô", "uôi", "uôn", "uông", "ư", "ưa", "ưi", "ưng", "ươi", "ươn",
    "ương", "ươt", "ưu",
];
/// No mark, acute, grave, hook above, tilde, dot below (as combining marks).
const TONES: &[char] = &['\0', '\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

/// Where the tone mark goes in a rhyme (new style): on the vowel that already carries a mark,
/// else on the last vowel when a consonant ends the rhyme (or in `oa`, `oe`, `uy`), else on
/// the first vowel.
fn tone_position(rhyme: &[char]) -> usize {
    let vowel = |c: char| "aăâeêioôơuưy".contains(c);
    if let Some(i) = rhyme.iter().rposition(|c| "ăâêôơư".contains(*c)) {
        return i;
    }
    let vowels: Vec<usize> = (0..rhyme.len()).filter(|&i| vowel(rhyme[i])).collect();
    let ends_in_consonant = rhyme.last().is_some_and(|c| !vowel(*c));
    let text: String = rhyme.iter().collect();
    if ends_in_consonant || ["oa", "oe", "uy"].contains(&text.as_str()) {
        *vowels.last().unwrap_or(&0)
    } else {
        vowels[0]
    }
}

/// A deterministic source of prose.
pub struct Prose {
    state: u64,
    vocabulary: Vec<String>,
}

impl Prose {
    pub fn new(seed: u64) -> Prose {
        let mut vocabulary = Vec::with_capacity(ONSETS.len() * RHYMES.len() * 2);
        for (r, rhyme) in RHYMES.iter().enumerate() {
            for (o, onset) in ONSETS.iter().enumerate() {
                // Each onset and rhyme pair in one or two tones: some 3,500 written
                // syllables, 1,350 after folding.
                let chars: Vec<char> = rhyme.chars().collect();
                let at = tone_position(&chars);
                for tone in [TONES[(o + r) % TONES.len()], TONES[(o * 7 + r * 3) % TONES.len()]] {
                    let mut syllable = String::from(*onset);
                    for (i, c) in chars.iter().enumerate() {
                        syllable.push(*c);
                        if i == at && tone != '\0' {
                            syllable.push(tone);
                        }
                    }
                    let syllable = newsroom_text::nfc(&syllable);
                    if !vocabulary.contains(&syllable) {
                        vocabulary.push(syllable);
                    }
                }
            }
        }
        // A fixed shuffle, so that the frequent words are spread over all onsets and rhymes.
        let mut prose = Prose {
            state: seed | 1,
            vocabulary,
        };
        for i in (1..prose.vocabulary.len()).rev() {
            let j = (prose.next() % (i as u64 + 1)) as usize;
            prose.vocabulary.swap(i, j);
        }
        prose
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A syllable, the first ones of the vocabulary far more often than the last (about
    /// Zipf's law, as in real text).
    fn syllable(&mut self) -> &str {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let index = ((self.vocabulary.len() as f64) * u.powi(4)) as usize;
        &self.vocabulary[index.min(self.vocabulary.len() - 1)]
    }

    /// A sentence of 8 to 25 words, now and then naming a person or an organisation.
    pub fn sentence(&mut self) -> String {
        let words = 8 + self.below(18);
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            match self.below(40) {
                0 => out.push_str(&person_name(self.below(70_000))),
                1 => out.push_str(&org_name(self.below(20_000))),
                _ => {
                    let word = self.syllable().to_owned();
                    if i == 0 {
                        let mut chars = word.chars();
                        out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                        out.push_str(chars.as_str());
                    } else {
                        out.push_str(&word);
                    }
                }
            }
        }
        out.push('.');
        out
    }

    /// A headline of 6 to 14 words, without the final stop.
    pub fn headline(&mut self) -> String {
        let mut s = self.sentence();
        s.pop();
        s.split(' ').take(6 + self.below(9)).collect::<Vec<_>>().join(" ")
    }

    /// Paragraphs of 2 to 6 sentences until about `words` words.
    pub fn body(&mut self, words: usize) -> String {
        let mut out = String::new();
        let mut written = 0;
        while written < words {
            let sentences = 2 + self.below(5);
            for s in 0..sentences {
                let sentence = self.sentence();
                written += sentence.split(' ').count();
                if s > 0 {
                    out.push(' ');
                }
                out.push_str(&sentence);
            }
            out.push_str("\n\n");
        }
        out
    }

    /// A number in `0..n`, for picking among sections, bylines and states.
    pub fn pick(&mut self, n: usize) -> usize {
        self.below(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_varied_and_folds_to_well_over_a_thousand_words() {
        let prose = Prose::new(1);
        let folded: std::collections::HashSet<String> =
            prose.vocabulary.iter().map(|s| newsroom_text::fold(s)).collect();
        assert!(prose.vocabulary.len() > 3000, "{}", prose.vocabulary.len());
        assert!((1200..3000).contains(&folded.len()), "{}", folded.len());
        assert!(prose.vocabulary.iter().all(|s| newsroom_text::nfc(s) == *s));
    }
}
