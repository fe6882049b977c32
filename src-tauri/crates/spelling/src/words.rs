//! The words of a text or a Markdown body that a spell checker should read, with their places
//! in code points. Link targets, inline code, HTML and autolinks, URLs, e-mail addresses,
//! words joined to digits, acronyms and single letters are passed over.

use unicode_normalization::char::is_combining_mark;

/// A word to check: its first and past-the-end code-point offsets and its text.
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    /// Where the word is in bytes, to read what stands between it and its neighbours.
    pub bytes: std::ops::Range<usize>,
    pub text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// The checkable words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        // Markdown and web syntax whose text is not prose.
        let skip_to = match c {
            '`' => find(&chars, i + 1, |c| c == '`'),
            '<' => find(&chars, i + 1, |c| c == '>' || c == '\n'),
            ']' if chars.get(i + 1).is_some_and(|(_, n)| *n == '(') => find(&chars, i + 2, |c| c == ')'),
            _ if starts_with(
                text,
                chars[i].0,
                &["http://", "https://", "www.", "photo:", "mailto:"],
            ) =>
            {
                find(&chars, i, char::is_whitespace)
            }
            _ => None,
        };
        if let Some(end) = skip_to {
            i = end + 1;
            continue;
        }
        if !is_word_char(c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(chars[i].1) {
            i += 1;
        }
        // Words glued to digits or identifiers (`F0`, `mã_số`) are codes, not prose.
        let joined = |at: Option<&(usize, char)>| {
            at.is_some_and(|(_, c)| c.is_ascii_digit() || matches!(c, '_' | '@'))
        };
        let before = start.checked_sub(1).and_then(|b| chars.get(b));
        let after = chars.get(i);
        let byte_start = chars[start].0;
        let byte_end = chars.get(i).map_or(text.len(), |(b, _)| *b);
        let word = &text[byte_start..byte_end];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if after.is_some_and(|(_, c)| *c == '@') {
            // An e-mail address, passed over whole.
            i = find(&chars, i, char::is_whitespace).map_or(chars.len(), |e| e + 1);
            continue;
        }
        if joined(before) || joined(after) || acronym || letters < 2 {
            continue;
        }
        out.push(Word {
            start,
            end: i,
            bytes: byte_start..byte_end,
            text: word,
        });
    }
    out
}

fn find(chars: &[(usize, char)], from: usize, stop: impl Fn(char) -> bool) -> Option<usize> {
    (from..chars.len())
        .find(|&j| stop(chars[j].1))
        .or(Some(chars.len().saturating_sub(1)))
}

fn starts_with(text: &str, at: usize, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        text[at..]
            .get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn prose_words_with_their_offsets() {
        let found = words("Hà Nội, ngày mới");
        assert_eq!(
            found.iter().map(|w| w.text).collect::<Vec<_>>(),
            ["Hà", "Nội", "ngày", "mới"]
        );
        assert_eq!((found[1].start, found[1].end), (3, 6));
    }

    #[test]
    fn syntax_codes_and_acronyms_are_passed_over() {
        assert_eq!(
            texts("Xem [bài](https://vi.wikipedia.org/wiki/Hà_Nội) và ![ảnh](photo:1234-abcd) `mã` <b>đậm</b> UBND F0 COVID-19 a ban@tb.vn www.laodong.vn xong"),
            ["Xem", "bài", "và", "ảnh", "đậm", "xong"]
        );
    }
}
