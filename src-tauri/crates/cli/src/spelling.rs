//! `newsroom spelling …`: check a text, the newsroom's dictionary and house style.

use crate::io::outln;
use newsroom_api::{Api, ApiError, ErrorCode, HouseStyle, IssueKind, WordKind};
use serde::Serialize;

use crate::args::SpellingCommand;
use crate::io::{parse, print_json, read_text};

#[derive(Serialize)]
struct Marked {
    line: usize,
    column: usize,
    /// Where the word is in the whole text, in code points (Unicode scalar values) from its
    /// start, end exclusive: what editors and other programs index by.
    start: u32,
    end: u32,
    word: String,
    kind: IssueKind,
    suggestions: Vec<String>,
    /// For a word marked for its context, the word with the neighbours it was read with.
    #[serde(skip_serializing_if = "String::is_empty")]
    phrase: String,
}

pub fn run(api: Api, command: SpellingCommand) -> Result<(), ApiError> {
    match command {
        SpellingCommand::Check { file, json } => {
            let text = read_text(file.as_deref())?;
            let chars: Vec<char> = text.chars().collect();
            let mut marked = Vec::new();
            for issue in api.spelling_check(&text)? {
                let before = &chars[..issue.start as usize];
                let line = before.iter().filter(|c| **c == '\n').count() + 1;
                let column = before.iter().rev().take_while(|c| **c != '\n').count() + 1;
                let mut suggestions: Vec<String> =
                    Vec::from_iter(Some(issue.replacement.clone()).filter(|r| !r.is_empty()));
                if issue.kind == IssueKind::Misspelled {
                    for s in api.spelling_suggest(&issue.word)? {
                        if !suggestions.contains(&s) {
                            suggestions.push(s);
                        }
                    }
                }
                marked.push(Marked {
                    line,
                    column,
                    start: issue.start,
                    end: issue.end,
                    word: issue.word,
                    kind: issue.kind,
                    suggestions,
                    phrase: issue.phrase,
                });
            }
            if json {
                print_json(&marked);
            } else {
                for m in &marked {
                    let note = match m.kind {
                        IssueKind::Style => " (house style)",
                        IssueKind::Context => " (wrong word here)",
                        IssueKind::Misspelled => "",
                    };
                    outln!(
                        "{}:{} {}{note} → {}",
                        m.line,
                        m.column,
                        m.word,
                        m.suggestions.join(", ")
                    );
                }
            }
            if !marked.is_empty() {
                std::process::exit(1);
            }
        }
        SpellingCommand::Add { word, ignore, phrase } => {
            let kind = match (ignore, phrase) {
                (true, _) => WordKind::Ignored,
                (_, true) => WordKind::Phrase,
                _ => WordKind::Added,
            };
            print_json(&api.spelling_add_word(&word, kind)?);
        }
        SpellingCommand::Remove { word } => {
            if !api.spelling_remove_word(&word)? {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("{word:?} is not in the newsroom's dictionary"),
                ));
            }
        }
        SpellingCommand::Words { json } => {
            let words = api.spelling_words()?;
            if json {
                print_json(&words);
            } else {
                for w in words {
                    outln!(
                        "{}{}",
                        w.word,
                        match w.kind {
                            WordKind::Ignored => " (ignored)",
                            WordKind::Phrase => " (phrase)",
                            WordKind::Added => "",
                        }
                    );
                }
            }
        }
        SpellingCommand::Export { file } => {
            let json = api.spelling_export()?;
            match file {
                Some(path) => std::fs::write(&path, json).map_err(|e| {
                    ApiError::new(
                        ErrorCode::Storage,
                        format!("{}: cannot write: {e}", path.display()),
                    )
                })?,
                None => outln!("{json}"),
            }
        }
        SpellingCommand::Import { file } => {
            let json = read_text(Some(&file))?;
            let added = api.spelling_import(&json)?;
            eprintln!("{}: {added} new words", file.display());
        }
        SpellingCommand::Style { placement, vowel } => {
            let mut style: HouseStyle = api.spelling_style()?;
            if let Some(p) = placement {
                style.tone_placement = parse(&p)?;
            }
            if let Some(v) = vowel {
                style.vowel_i_y = parse(&v)?;
            }
            print_json(&api.spelling_set_style(&style)?);
        }
    }
    Ok(())
}
