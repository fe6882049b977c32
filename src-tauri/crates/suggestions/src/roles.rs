//! A role as the text gives it (`Chủ tịch UBND thành phố Đà Nẵng`) split into the title and
//! the organisation, for the directory's role fields.

use crate::lexicon;

/// A role's title (`Phó Chủ tịch Thường trực`) and organisation (`Liên đoàn Lao động tỉnh Bắc
/// Ninh`); the organisation is empty when the role names none (`Bộ trưởng`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleParts {
    pub title: String,
    pub organisation: String,
}

/// The number of words of the longest title (with its prefixes and suffixes) at the start of
/// `text`, read by the same reader the suggester's rules use.
fn title_len(text: &str) -> usize {
    let source = crate::tokens::Source::new(text.to_owned());
    let doc = crate::tokens::Document::new(&source);
    if doc.tokens.is_empty() {
        return 0;
    }
    crate::rules::Rules::compute_titles_at(&doc, 0)
        .first()
        .copied()
        .unwrap_or(0)
}

/// Splits a role. For a list of offices (`Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức …`) the
/// organisation is the one the last office names, and the title is everything before it. A
/// title that ends with the first word of the body (`Trưởng ban` + `Ban Tổ chức…`, `Giám đốc
/// Sở` + `Sở Y tế…`) gives that word to the organisation's name as well.
pub fn split_role(role: &str) -> RoleParts {
    let role = role.trim();
    let (before, last) = match role.rfind(", ") {
        Some(i) if title_len(&role[i + 2..]) > 0 => (&role[..i + 2], &role[i + 2..]),
        _ => ("", role),
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    let lower = lower_words(last);
    let len = title_len(last);
    if len == 0 || len >= words.len() {
        return RoleParts {
            title: role.to_owned(),
            organisation: String::new(),
        };
    }
    // The longest run of the title's last words that starts a body's head (`công đoàn`,
    // `ban`, `sở`) begins the organisation too.
    let head_words: Vec<Vec<String>> = lexicon::ORG_HEADS.iter().map(|h| lower_words(h)).collect();
    let overlap = (1..len.min(4))
        .rev()
        .find(|&k| {
            head_words
                .iter()
                .any(|h| h.len() >= k && h[..k] == lower[len - k..len])
        })
        .unwrap_or(0);
    let org_start = len - overlap;
    let mut organisation = words[org_start..].join(" ");
    if org_start < len {
        // The body's name is capitalised even where the title wrote it in lower case.
        let mut chars = organisation.chars();
        organisation = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    RoleParts {
        title: format!("{before}{}", words[..len].join(" ")),
        organisation,
    }
}

fn lower_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(role: &str) -> (String, String) {
        let p = split_role(role);
        (p.title, p.organisation)
    }

    #[test]
    fn title_and_organisation_come_apart() {
        assert_eq!(
            parts("Chủ tịch UBND thành phố Đà Nẵng"),
            ("Chủ tịch".into(), "UBND thành phố Đà Nẵng".into())
        );
        assert_eq!(
            parts("Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh Bắc Ninh"),
            (
                "Phó Chủ tịch Thường trực".into(),
                "Liên đoàn Lao động tỉnh Bắc Ninh".into()
            )
        );
        assert_eq!(parts("Bộ trưởng"), ("Bộ trưởng".into(), "".into()));
        assert_eq!(
            parts("Trưởng ban Tổ chức Liên đoàn Lao động thành phố Hà Nội"),
            (
                "Trưởng ban".into(),
                "Ban Tổ chức Liên đoàn Lao động thành phố Hà Nội".into()
            )
        );
        assert_eq!(
            parts("Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Liên đoàn Lao động thành phố Hà Nội"),
            (
                "Ủy viên Ban Thường vụ, Trưởng Ban".into(),
                "Ban Tổ chức Liên đoàn Lao động thành phố Hà Nội".into()
            )
        );
        assert_eq!(parts("công nhân"), ("công nhân".into(), "".into()));
        assert_eq!(
            parts("Chủ tịch Công đoàn cơ sở"),
            ("Chủ tịch Công đoàn".into(), "Công đoàn cơ sở".into())
        );
    }
}
