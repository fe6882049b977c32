//! The system's own dialogs (GTK's file chooser on Linux: "Open File", "Cancel", "Open") are
//! worded by gettext from the process's locale, not by the page: a Vietnamese interface on a
//! machine set to English, or to no language at all, would open them in English. The
//! interface's language is kept in the store, so the shell can set the process's message
//! language from it before GTK starts.

use newsroom_api::Language;

/// The environment that makes gettext word messages in `language`, given how the process's
/// environment reads now. `LANGUAGE` chooses the catalogue; gettext ignores it while the
/// messages locale is plain `C`, so that category is moved to `C.UTF-8`, which every glibc
/// system has and which changes nothing else.
pub fn settings(language: Language, env: impl Fn(&str) -> Option<String>) -> Vec<(&'static str, String)> {
    let set = |key: &str| env(key).filter(|v| !v.is_empty());
    let mut settings = vec![("LANGUAGE", language.code().to_owned())];
    let plain = |locale: &str| locale == "C" || locale == "POSIX";
    match (set("LC_ALL"), set("LC_MESSAGES"), set("LANG")) {
        (Some(all), _, _) => {
            if plain(&all) {
                settings.push(("LC_ALL", "C.UTF-8".to_owned()));
            }
        }
        (None, Some(messages), _) | (None, None, Some(messages)) => {
            if plain(&messages) {
                settings.push(("LC_MESSAGES", "C.UTF-8".to_owned()));
            }
        }
        (None, None, None) => settings.push(("LC_MESSAGES", "C.UTF-8".to_owned())),
    }
    settings
}

/// Sets the process's message language; called at start, while the process has one thread.
pub fn speak(language: Language) {
    for (key, value) in settings(language, |key| std::env::var(key).ok()) {
        std::env::set_var(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_machine_without_a_language_gets_vietnamese_dialogs() {
        assert_eq!(
            settings(Language::Vi, env(&[])),
            vec![
                ("LANGUAGE", "vi".to_owned()),
                ("LC_MESSAGES", "C.UTF-8".to_owned())
            ]
        );
        assert_eq!(
            settings(Language::Vi, env(&[("LC_ALL", "C")])),
            vec![("LANGUAGE", "vi".to_owned()), ("LC_ALL", "C.UTF-8".to_owned())]
        );
    }

    #[test]
    fn a_machine_in_some_language_keeps_its_locale_and_follows_the_interface() {
        assert_eq!(
            settings(Language::En, env(&[("LANG", "vi_VN.UTF-8")])),
            vec![("LANGUAGE", "en".to_owned())]
        );
        assert_eq!(
            settings(
                Language::Vi,
                env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "POSIX")])
            ),
            vec![
                ("LANGUAGE", "vi".to_owned()),
                ("LC_MESSAGES", "C.UTF-8".to_owned())
            ]
        );
    }
}
