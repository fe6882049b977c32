//! The Vietnamese dictionary: Debian's `hunspell-vi` (`vi_VN.aff`/`vi_VN.dic`, a list of the
//! language's syllables in the new tone placement), read at run time by spellbook, a Rust
//! implementation of Hunspell. Beside it: the same syllables by their folded form, for words
//! typed without marks.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::style::with_placement;
use crate::{Result, SpellingError, TonePlacement};

/// Where the dictionary is looked for on Linux, after `$NEWSROOM_HUNSPELL_DIR` and the
/// program's own folders.
const DIRS: [&str; 3] = [
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
];

/// The environment variable naming another folder holding `vi_VN.aff` and `vi_VN.dic`.
pub const DICTIONARY_DIR_ENV: &str = "NEWSROOM_HUNSPELL_DIR";

/// The loaded dictionary.
pub struct Dictionary {
    hunspell: spellbook::Dictionary,
    by_fold: HashMap<String, Vec<String>>,
}

/// The folders beside the program that a build for Windows (the portable zip, the installer)
/// or macOS (the `.app`'s resources) puts the dictionary in: those systems have no package
/// that installs one.
fn beside_the_program() -> Vec<PathBuf> {
    let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    else {
        return Vec::new();
    };
    vec![dir.join("dictionaries"), dir.join("../Resources/dictionaries")]
}

/// The folder the dictionary is in, if it is installed.
pub fn find_dictionary() -> Result<PathBuf> {
    let candidates: Vec<PathBuf> = std::env::var_os(DICTIONARY_DIR_ENV)
        .map(PathBuf::from)
        .into_iter()
        .chain(beside_the_program())
        .chain(DIRS.iter().map(PathBuf::from))
        .collect();
    candidates
        .iter()
        .find(|dir| dir.join("vi_VN.dic").is_file() && dir.join("vi_VN.aff").is_file())
        .cloned()
        .ok_or_else(|| {
            SpellingError::DictionaryMissing(format!(
                "vi_VN.aff and vi_VN.dic are not in {} (on Debian or Ubuntu, install hunspell-vi)",
                candidates
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

impl Dictionary {
    /// Loads `vi_VN` from a folder.
    pub fn load(dir: &Path) -> Result<Dictionary> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| SpellingError::Dictionary(format!("{}: {e}", dir.join(name).display())))
        };
        let (aff, dic) = (read("vi_VN.aff")?, read("vi_VN.dic")?);
        let hunspell = spellbook::Dictionary::new(&aff, &dic)
            .map_err(|e| SpellingError::Dictionary(format!("{}: {e}", dir.display())))?;
        let mut by_fold: HashMap<String, Vec<String>> = HashMap::new();
        for line in dic.lines().skip(1) {
            let word = line.split('/').next().unwrap_or(line).trim();
            if !word.is_empty() {
                by_fold
                    .entry(newsroom_text::fold(word))
                    .or_default()
                    .push(word.to_owned());
            }
        }
        Ok(Dictionary { hunspell, by_fold })
    }

    /// Loads the installed dictionary.
    pub fn installed() -> Result<Dictionary> {
        Dictionary::load(&find_dictionary()?)
    }

    /// Whether the dictionary has the word, in either tone placement and any case. Only the
    /// two placements Vietnamese accepts count (`hòa` and `hoà`): a tone on another vowel
    /// (`muá` for `múa`, `tíên` for `tiến`) is a misspelling, though it reads the same.
    pub fn knows(&self, word: &str) -> bool {
        self.hunspell.check(word) || self.hunspell.check(&word.to_lowercase()) || {
            let new = with_placement(word, TonePlacement::New);
            let placed = word == new || word == with_placement(word, TonePlacement::Old);
            placed && new != word && self.hunspell.check(&new.to_lowercase())
        }
    }

    /// The dictionary's words that fold to the same letters (`nguoi` → `người`, `nguôi`…).
    pub fn same_letters(&self, word: &str) -> &[String] {
        self.by_fold
            .get(&newsroom_text::fold(word))
            .map_or(&[], Vec::as_slice)
    }

    /// Hunspell's own suggestions, from the dictionary's replacement table (`ch`/`tr`, `d`/`gi`…).
    pub fn hunspell_suggestions(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.hunspell.suggest(word, &mut out);
        out
    }
}
