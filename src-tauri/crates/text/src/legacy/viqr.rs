//! VIQR (RFC 1456), Vietnamese in plain ASCII: a vowel followed by its shape (`(` breve, `^`
//! circumflex, `+` horn) and tone (`'` acute, `` ` `` grave, `?` hook, `~` tilde, `.` dot),
//! `dd` for `đ`, and `\` before a mark meant literally.

use unicode_normalization::UnicodeNormalization;

use crate::syllable::Tone;

fn shape_of(c: char) -> Option<char> {
    Some(match c {
        '(' => '\u{306}',
        '^' => '\u{302}',
        '+' => '\u{31b}',
        _ => return None,
    })
}

fn tone_of(c: char) -> Option<char> {
    Some(match c {
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '?' => '\u{309}',
        '~' => '\u{303}',
        '.' => '\u{323}',
        _ => return None,
    })
}

fn is_tone(mark: &char) -> bool {
    Tone::from_mark(*mark).is_some()
}

/// Adds a mark to the letter before it when the letter can carry it.
fn combine(letter: char, mark: char) -> Option<char> {
    let mut parts: Vec<char> = letter.to_string().nfd().collect();
    let base = parts[0].to_ascii_lowercase();
    if !matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
        return None;
    }
    let shaped = parts[1..].iter().any(|m| !is_tone(m));
    let toned = parts[1..].iter().any(is_tone);
    let fits = match mark {
        '\u{306}' => base == 'a' && !shaped,
        '\u{302}' => matches!(base, 'a' | 'e' | 'o') && !shaped,
        '\u{31b}' => matches!(base, 'o' | 'u') && !shaped,
        _ => !toned,
    };
    if !fits {
        return None;
    }
    // The shape goes next to the letter, before any tone, so NFC composes both.
    if is_tone(&mark) {
        parts.push(mark);
    } else {
        parts.insert(1, mark);
    }
    super::one_letter(parts)
}

/// Whether a `.` or `?` after a vowel ends a sentence rather than marks a tone: it does when
/// what follows is the end, a line break, more punctuation, or a space before a capital, except
/// for a `.` inside a run of capitalised words, which is a name (`Nguye^~n Thi. Thu?y`).
fn ends_sentence(chars: &[char], at: usize) -> bool {
    let rest = &chars[at + 1..];
    let next_word = || rest.iter().skip_while(|c| c.is_whitespace()).copied().next();
    match rest.first() {
        None => true,
        Some(c) if c.is_alphanumeric() || tone_of(*c).is_some() || shape_of(*c).is_some() => false,
        Some('\n') | Some('\r') => true,
        Some(c) if c.is_whitespace() => match next_word() {
            Some(n) if n.is_uppercase() => !(chars[at] == '.' && inside_name(chars, at)),
            Some(n) => !n.is_lowercase(),
            None => true,
        },
        Some(_) => true,
    }
}

/// Whether the word ending at `at` and the word before it both start with a capital.
fn inside_name(chars: &[char], at: usize) -> bool {
    let before = &chars[..at];
    let start = before
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let word_capital = before.get(start).is_some_and(|c| c.is_uppercase());
    let gap = before[..start].iter().rposition(|c| !c.is_whitespace());
    let previous_capital = gap.is_some_and(|end| {
        let from = before[..end]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |i| i + 1);
        before[from].is_uppercase()
    });
    word_capital && previous_capital
}

/// Converts VIQR to Unicode.
pub fn decode(text: &str) -> String {
    decode_within("", text, "")
}

/// Converts a piece of VIQR to Unicode, reading the text round it only to tell whether a final
/// `.` or `?` ends a sentence.
pub fn decode_within(preceding: &str, text: &str, following: &str) -> String {
    let mut chars: Vec<char> = preceding.chars().rev().take(64).collect();
    chars.reverse();
    let begin = chars.len();
    chars.extend(text.chars());
    let len = chars.len();
    chars.extend(following.chars().take(64));
    let mut out = String::with_capacity(text.len());
    let mut i = begin;
    while i < len {
        let c = chars[i];
        let escaped = |n: &char| tone_of(*n).is_some() || shape_of(*n).is_some() || matches!(n, 'd' | 'D');
        if c == '\\' && i + 1 < len && escaped(&chars[i + 1]) {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if (c == 'd' || c == 'D') && i + 1 < len && matches!(chars[i + 1], 'd' | 'D') {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        let mark = shape_of(c).or_else(|| tone_of(c));
        if let (Some(mark), Some(last)) = (mark, out.chars().last()) {
            let punctuation = matches!(c, '.' | '?') && ends_sentence(&chars, i);
            if !punctuation {
                if let Some(combined) = combine(last, mark) {
                    out.pop();
                    out.push(combined);
                    i += 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Writes Unicode text in VIQR, escaping marks that would otherwise join the vowel before them.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut after_vowel = false;
    let mut after_plain_d = false;
    for c in text.nfc() {
        if (tone_of(c).is_some() || shape_of(c).is_some()) && after_vowel {
            out.push('\\');
            out.push(c);
            after_vowel = false;
            after_plain_d = false;
            continue;
        }
        if c == 'đ' || c == 'Đ' {
            out.push_str(if c == 'Đ' { "DD" } else { "dd" });
            after_vowel = false;
            after_plain_d = false;
            continue;
        }
        let mut parts: Vec<char> = c.to_string().nfd().collect();
        // VIQR writes the shape before the tone; NFD puts the dot below first.
        parts[1..].sort_by_key(is_tone);
        let base = parts[0];
        // A literal `d` after a literal `d` would read as `đ`.
        let plain_d = base.eq_ignore_ascii_case(&'d') && parts.len() == 1;
        if plain_d && after_plain_d {
            out.push('\\');
        }
        out.push(base);
        for m in &parts[1..] {
            out.push(match *m {
                '\u{306}' => '(',
                '\u{302}' => '^',
                '\u{31b}' => '+',
                '\u{301}' => '\'',
                '\u{300}' => '`',
                '\u{309}' => '?',
                '\u{303}' => '~',
                '\u{323}' => '.',
                other => other,
            });
        }
        after_vowel = matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        after_plain_d = plain_d;
    }
    out
}
