//! Words with character offsets, and the facts about them the rules ask for.

use crate::lexicon;

#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// `[start, end)` in characters, the offsets suggestions report.
    pub start: usize,
    pub end: usize,
    /// The same span in bytes of the document's text, to borrow slices of it.
    pub byte_start: usize,
    pub byte_end: usize,
    pub text: &'a str,
    /// The word in lower case, one character for each of `text`'s.
    pub lower: &'a str,
    /// First letter upper case and the rest not all upper case (`Hà`, `Nội`).
    pub capitalised: bool,
    /// Two or more letters, all upper case (`UBND`, `LĐLĐ`).
    pub all_caps: bool,
    pub has_digit: bool,
    /// Written in Latin letters (Vietnamese included); names in other scripts are not
    /// guessed at by these rules.
    pub latin: bool,
    /// Whether this token is in a credit, byline or past the article's end.
    pub excluded: bool,
    /// Whether this token sits on a line written in capitals (a headline), where capital
    /// letters say nothing about names.
    pub shouting: bool,
}

/// The number of words in `text` and the byte length of the first, split exactly as documents
/// are (a joiner such as `-` or `.` between two letters stays inside a word).
pub(crate) fn words_and_first_len(text: &str) -> (usize, usize) {
    let mut count = 0;
    let mut first_len = 0;
    let mut in_word = false;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let word_char = is_letter_or_digit(c)
            || (in_word
                && matches!(c, '-' | '.' | '&' | '\'' | '’')
                && prev.is_some_and(is_letter_or_digit)
                && next.is_some_and(is_letter_or_digit));
        if word_char && !in_word {
            count += 1;
        }
        if in_word && !word_char && count == 1 && first_len == 0 {
            first_len = at;
        }
        in_word = word_char;
        prev = Some(c);
    }
    if count == 1 && first_len == 0 {
        first_len = text.len();
    }
    (count, first_len)
}

/// The text with Markdown's emphasis marks (`**Ông X**`, `_Bộ Y tế_`) read as spaces: a name
/// in bold is the same name, and the comma after it still opens its role. Each mark becomes one
/// space, so every character keeps its offset. An underscore inside a word stays.
pub fn without_emphasis(text: String) -> String {
    if !text.contains(['*', '_']) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let inside_word = c == '_'
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if (c == '*' || c == '_') && !inside_word {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Each word with its first letter as written and the rest in lower case (`LÊ THỊ HOA` → `Lê
/// Thị Hoa`).
pub(crate) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        out.push(if word_start {
            c
        } else {
            newsroom_text::lower_char(c)
        });
        word_start = c == ' ';
    }
    out
}

/// A text in the three forms the rules read: as written, in lower case and as characters.
/// Made once per text, so that no word needs a string of its own.
pub struct Source {
    text: String,
    lower: String,
    chars: Vec<char>,
}

impl Source {
    pub fn new(text: String) -> Self {
        Source {
            lower: newsroom_text::lowercase(&text),
            chars: text.chars().collect(),
            text,
        }
    }
}

pub struct Document<'a> {
    /// The text, its lower case and its characters (`chars[i]` is the text's `i`-th
    /// character, and the lower case has one character for each).
    pub text: &'a str,
    lower: &'a str,
    pub chars: &'a [char],
    pub tokens: Vec<Token<'a>>,
}

/// `char::is_alphanumeric` with a fast path for the Latin letters Vietnamese is written in,
/// which the standard library looks up in its slow tables.
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

pub(crate) fn is_word_char(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if is_letter_or_digit(c) {
        return true;
    }
    // Joiners inside a word: `Covid-19`, `PGS.TS`, `KCN&CX`, `TP.HCM`, and the apostrophe of
    // Central Highlands names, straight or as word processors curl it (`H'Linh`, `H’Linh`).
    matches!(c, '-' | '.' | '&' | '\'' | '’')
        && i > 0
        && i + 1 < chars.len()
        && is_letter_or_digit(chars[i - 1])
        && is_letter_or_digit(chars[i + 1])
}

impl<'a> Document<'a> {
    /// Splits a text into words.
    pub fn new(source: &'a Source) -> Self {
        let (text, lower, chars) = (
            source.text.as_str(),
            source.lower.as_str(),
            source.chars.as_slice(),
        );
        let mut tokens = Vec::new();
        let mut i = 0;
        // The byte offsets of `chars[i]` in `text` and in `lower`.
        let (mut byte, mut lower_byte) = (0, 0);
        while i < chars.len() {
            if !is_letter_or_digit(chars[i]) {
                byte += chars[i].len_utf8();
                lower_byte += newsroom_text::lower_char(chars[i]).len_utf8();
                i += 1;
                continue;
            }
            let (start, byte_start, lower_start) = (i, byte, lower_byte);
            let (mut letters, mut upper, mut has_digit, mut latin) = (0usize, 0usize, false, true);
            while i < chars.len() && is_word_char(chars, i) {
                let c = chars[i];
                if c.is_ascii_digit() {
                    has_digit = true;
                } else if is_letter_or_digit(c) {
                    letters += 1;
                    upper += usize::from(c.is_uppercase());
                }
                latin &= c.is_ascii()
                    || ('\u{c0}'..='\u{24f}').contains(&c)
                    || ('\u{1e00}'..='\u{1eff}').contains(&c)
                    || !c.is_alphabetic();
                byte += c.len_utf8();
                lower_byte += newsroom_text::lower_char(c).len_utf8();
                i += 1;
            }
            let first_upper = chars[start].is_uppercase();
            let all_caps = letters >= 2 && upper == letters;
            tokens.push(Token {
                start,
                end: i,
                byte_start,
                byte_end: byte,
                text: &text[byte_start..byte],
                lower: &lower[lower_start..lower_byte],
                capitalised: first_upper && !all_caps,
                all_caps,
                has_digit,
                latin,
                excluded: false,
                shouting: false,
            });
        }
        let mut doc = Document {
            text,
            lower,
            chars,
            tokens,
        };
        doc.mark_shouting_lines();
        doc.mark_names_in_capitals();
        doc.mark_exclusions();
        doc
    }

    /// The characters between token `i - 1` and token `i`.
    pub fn gap(&self, i: usize) -> &[char] {
        let start = if i == 0 { 0 } else { self.tokens[i - 1].end };
        &self.chars[start..self.tokens[i].start]
    }

    /// The characters between token `i - 1` and token `i`, as a string.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.tokens[i - 1].byte_end };
        &self.text[start..self.tokens[i].byte_start]
    }

    /// Whether tokens `i - 1` and `i` are joined by plain spaces only (same phrase).
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && {
            let gap = &self.chars[self.tokens[i - 1].end..self.tokens[i].start];
            !gap.is_empty() && gap.iter().all(|c| *c == ' ' || *c == '\u{a0}')
        }
    }

    /// The text from the start of token `from_token` to the end of `to_token_inclusive`.
    pub fn slice(&self, from_token: usize, to_token_inclusive: usize) -> &'a str {
        &self.text[self.tokens[from_token].byte_start..self.tokens[to_token_inclusive].byte_end]
    }

    /// Whether token `i` begins a sentence (first token, or after `.`, `!`, `?`, `:` or a line break).
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.gap_before(i).chars().any(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '*' | '#' | '>' | '|'
                )
            })
    }

    /// Matches a multi-word lower-case phrase at token `i`; returns its length in tokens.
    /// The longest of `phrases` (lower-case word lists) at token `i`, in tokens.
    pub fn longest_at(&self, i: usize, phrases: &[Vec<&str>]) -> Option<usize> {
        phrases.iter().filter(|p| self.words_at(i, p)).map(Vec::len).max()
    }

    /// Whether the lower-case words `words` stand at token `i`, joined by spaces.
    pub fn words_at<W: AsRef<str>>(&self, i: usize, words: &[W]) -> bool {
        words.iter().enumerate().all(|(k, w)| {
            self.tokens
                .get(i + k)
                .is_some_and(|t| t.lower == w.as_ref() && (k == 0 || self.joined(i + k)))
        })
    }

    /// Like [`Self::words_at`], but a word written with a comma after it (`khám,`) matches
    /// that word with a comma after it in the text: official names that list two things
    /// (`Cục Quản lý Khám, chữa bệnh`).
    pub fn phrase_at<W: AsRef<str>>(&self, i: usize, words: &[W]) -> bool {
        let mut after_comma = false;
        words.iter().enumerate().all(|(k, w)| {
            let w = w.as_ref();
            let bare = w.strip_suffix(',').unwrap_or(w);
            let Some(token) = self.tokens.get(i + k) else {
                return false;
            };
            let linked = k == 0
                || if after_comma {
                    self.gap_before(i + k).trim() == ","
                } else {
                    self.joined(i + k)
                };
            after_comma = bare.len() != w.len();
            linked && token.lower == bare
        })
    }

    /// `ông NGUYỄN ĐÌNH KHANG - Chủ tịch …`: interviews and lists write a name in capitals in
    /// an ordinary line. Two to four capitalised syllables opening with a family name are read
    /// as the name they are (written as they are); abbreviations (`UBND`) are no syllables and
    /// stay abbreviations.
    fn mark_names_in_capitals(&mut self) {
        let caps_syllable = |t: &Token<'_>| {
            t.all_caps && !t.shouting && !t.has_digit && newsroom_text::syllable::is_syllable(t.text)
        };
        let mut i = 0;
        while i < self.tokens.len() {
            let mut end = i;
            while end < self.tokens.len()
                && caps_syllable(&self.tokens[end])
                && (end == i || self.joined(end))
            {
                end += 1;
            }
            let first = &self.tokens[i];
            let surname = end > i
                && lexicon::index()
                    .surnames
                    .contains(title_case(first.text).as_str());
            if (2..=4).contains(&(end - i)) && surname {
                for t in &mut self.tokens[i..end] {
                    t.all_caps = false;
                    t.capitalised = true;
                }
            }
            i = end.max(i + 1);
        }
    }

    fn mark_shouting_lines(&mut self) {
        let mut line_start = 0;
        while line_start < self.tokens.len() {
            let mut line_end = line_start + 1;
            while line_end < self.tokens.len() && !self.gap(line_end).contains(&'\n') {
                line_end += 1;
            }
            let line = &self.tokens[line_start..line_end];
            let letters = line.iter().filter(|t| !t.has_digit).count();
            let caps = line.iter().filter(|t| t.all_caps).count();
            // `Đồng chí PHẠM VĂN THỊNH` heading an obituary: a name in capitals after words in
            // ordinary case is the name, not a line in capitals.
            let name_line = {
                let first_caps = line.iter().position(|t| t.all_caps);
                first_caps.is_some_and(|f| {
                    f > 0
                        && line[f..].iter().all(|t| t.all_caps)
                        && (2..=4).contains(&(line.len() - f))
                        && lexicon::index()
                            .surnames
                            .contains(title_case(line[f].text).as_str())
                })
            };
            if letters >= 3 && caps * 10 >= letters * 6 && !name_line {
                for t in &mut self.tokens[line_start..line_end] {
                    t.shouting = true;
                }
            }
            line_start = line_end;
        }
    }

    /// Credits, the byline and site furniture are not the story.
    fn mark_exclusions(&mut self) {
        // One lower-case character for each character, so offsets in `lower` are offsets
        // in the document.
        let text = self.lower;
        let lower: Vec<char> = text.chars().collect();
        let mut excluded = vec![false; self.chars.len()];

        // Site furniture: everything from a heading line such as "Tin khác" on.
        let mut story_end = self.chars.len();
        let mut offset = 0;
        for line in text.split('\n') {
            let trimmed = line.trim().trim_end_matches(':').trim();
            if lexicon::FURNITURE_HEADINGS.contains(&trimmed) {
                story_end = offset;
                excluded[offset..].iter_mut().for_each(|e| *e = true);
                break;
            }
            offset += line.chars().count() + 1;
        }

        // Related-article headlines with no heading: three or more lines at the end that
        // do not end a sentence, after the last one that does.
        {
            let lines: Vec<(usize, &str)> = {
                let mut v = Vec::new();
                let mut off = 0;
                for line in text[..].split('\n') {
                    v.push((off, line));
                    off += line.chars().count() + 1;
                }
                v
            };
            let mut tail_start = None;
            let mut count = 0;
            for (off, line) in lines.iter().rev() {
                if *off >= story_end {
                    continue;
                }
                let t = line.trim();
                if t.is_empty() {
                    continue;
                }
                if t.ends_with(['.', '!', '?', '”', '"', ')', ':', ';', '…']) {
                    break;
                }
                // A row of a list the story gives (`- Công ty …: 150.000.000 đồng`) is the
                // story, not a headline linking elsewhere: headlines carry no amounts.
                let amount = ["đồng", "USD", "VNĐ", "VND"].iter().any(|unit| {
                    t.strip_suffix(unit)
                        .is_some_and(|rest| rest.trim_end().ends_with(|c: char| c.is_ascii_digit()))
                });
                if amount {
                    break;
                }
                count += 1;
                tail_start = Some(*off);
            }
            if let (true, Some(start)) = (count >= 3, tail_start) {
                // Keep the first of those lines: it may be the byline.
                let first_len = lines
                    .iter()
                    .find(|(o, _)| *o == start)
                    .map_or(0, |(_, l)| l.chars().count());
                let from = (start + first_len + 1).min(story_end);
                excluded[from..story_end].iter_mut().for_each(|e| *e = true);
                story_end = from;
            }
        }

        // Credits: from the marker to the closing parenthesis or the end of the line.
        for marker in lexicon::CREDIT_MARKERS {
            let m: Vec<char> = marker.chars().collect();
            let mut i = 0;
            while i + m.len() <= lower.len() {
                if lower[i] == m[0]
                    && lower[i..i + m.len()] == m[..]
                    && (i == 0 || !is_letter_or_digit(lower[i - 1]))
                {
                    let mut j = i + m.len();
                    while j < lower.len() && lower[j] != ')' && lower[j] != '\n' {
                        j += 1;
                    }
                    excluded[i..j].iter_mut().for_each(|e| *e = true);
                    i = j;
                } else {
                    i += 1;
                }
            }
        }

        // The byline: the last line of the article if it holds only a short name; credit lines
        // after it (`Ảnh: …`) are passed over to find it.
        let story_end_byte = self
            .text
            .char_indices()
            .nth(story_end)
            .map_or(self.text.len(), |(at, _)| at);
        let mut story: &str = &self.text[..story_end_byte];
        while let Some((before, last)) = story.trim_end().rsplit_once('\n') {
            let opening = newsroom_text::lowercase(last.trim().trim_start_matches(['(', '[']));
            let credit = lexicon::CREDIT_MARKERS.iter().any(|m| opening.starts_with(m));
            if !credit {
                break;
            }
            story = before;
        }
        if let Some(last) = story.trim_end().rsplit('\n').next() {
            let words: Vec<&str> = last.split_whitespace().collect();
            let looks_like_name = (1..=5).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !last.contains(['.', ',', ';', ':']);
            if looks_like_name {
                let trimmed_end = story.trim_end().chars().count();
                let start = trimmed_end - last.chars().count();
                excluded[start..trimmed_end].iter_mut().for_each(|e| *e = true);
            }
        }

        for t in &mut self.tokens {
            t.excluded = excluded[t.start];
        }
    }
}
