//! Text as the diff sees it: NFC, then tokens that are either a syllable (a run of letters and
//! digits: Vietnamese writes one syllable per word), a run of white space, or one other
//! character. A tone mark changed is then one changed token, never a changed letter inside a
//! word the reader would not notice.

/// Splits NFC text into tokens (slices of `text`, in order, covering all of it).
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut start = 0;
    let mut kind = None;
    for (at, c) in text.char_indices() {
        // A line break is a token of its own, so that no token spans two lines and a diff can
        // first match whole paragraphs.
        let this = if c.is_alphanumeric() {
            Kind::Word
        } else if c.is_whitespace() && c != '\n' {
            Kind::Space
        } else {
            Kind::Other
        };
        let joins = kind == Some(this) && this != Kind::Other;
        if !joins && at > start {
            out.push(&text[start..at]);
            start = at;
        }
        kind = Some(this);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Other,
}

/// Whether a token is a word (not white space or punctuation).
pub fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

/// The token ranges of each line (a line ends with its `\n` token).
pub fn line_ranges(tokens: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if *t == "\n" {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_spaces_and_punctuation_are_tokens() {
        assert_eq!(
            tokens("Hà Nội, ngày 17/5."),
            vec!["Hà", " ", "Nội", ",", " ", "ngày", " ", "17", "/", "5", "."]
        );
        assert_eq!(tokens("").len(), 0);
        assert!(is_word("Nội") && !is_word(" ") && !is_word(","));
    }
}
