//! Spelling and old codes on a long piece: the spell checker (hunspell-vi through spellbook,
//! the newsroom's words, a large directory's name words) beside spellbook's bare lookup of the
//! same words (the floor), through the API as the editor calls it, and the old-code detector on
//! a paste of good Unicode and of TCVN3 mojibake.

use std::collections::HashSet;
use std::time::Instant;

use newsroom_api::{Api, ApiError, ErrorCode, OpenOptions};
use newsroom_spelling::{Dictionary, HouseStyle, Speller};
use newsroom_text::legacy;

use crate::content::vietnamese_article;
use crate::measure::{median, ms};

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, e.to_string())
}

pub(crate) fn bench_spelling(words: usize, runs: usize) -> Result<(), ApiError> {
    let dictionary = Dictionary::installed()?;
    // About one word in a hundred misspelled, as a draft has them.
    let text: String = vietnamese_article(words)
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i % 100 == 50 {
                format!("giử {w}")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // A directory of 100,000 entries gives some 60,000 distinct name words.
    let names: HashSet<String> = (0..60_000).map(|i| format!("tên{i}")).collect();
    let house: HashSet<String> = ["Covid", "online", "email"]
        .into_iter()
        .map(String::from)
        .collect();
    let speller = Speller {
        dictionary: &dictionary,
        house_words: &house,
        name_words: &names,
        style: HouseStyle::default(),
    };
    let counted = newsroom_text::word_count(&text);
    println!(
        "spelling: {counted} words, {} bytes, {runs} runs each, interleaved",
        text.len()
    );

    let dir = tempfile::tempdir().map_err(internal)?;
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        index_in_background: false,
    })?;
    api.spelling_check("khởi động")?;
    let (mut ours, mut floor, mut through_api, mut suggest) = (vec![], vec![], vec![], vec![]);
    let mut marked = 0;
    for _ in 0..runs {
        let t = Instant::now();
        marked = speller.check(&text).len();
        ours.push(t.elapsed());
        let t = Instant::now();
        let known = text.split_whitespace().filter(|w| dictionary.knows(w)).count();
        floor.push(t.elapsed());
        assert!(known > 0);
        let t = Instant::now();
        api.spelling_check(&text)?;
        through_api.push(t.elapsed());
        let t = Instant::now();
        speller.suggest("giử");
        suggest.push(t.elapsed());
    }
    println!("  marked {marked} words");
    println!(
        "  check (tokenise, dictionary, names, style)   median {}",
        ms(median(ours))
    );
    println!(
        "  spellbook lookup of every token (the floor)   median {}",
        ms(median(floor))
    );
    println!(
        "  through the API (store, caches)                median {}",
        ms(median(through_api))
    );
    println!(
        "  suggestions for one misspelled word            median {}",
        ms(median(suggest))
    );

    let mojibake = legacy::encode(&text, legacy::Legacy::Tcvn3);
    let (mut good, mut old) = (vec![], vec![]);
    for _ in 0..runs {
        let t = Instant::now();
        assert!(legacy::rescue(&text).is_none());
        good.push(t.elapsed());
        let t = Instant::now();
        assert!(legacy::rescue(&mojibake).is_some());
        old.push(t.elapsed());
    }
    println!("old codes: the same piece pasted");
    println!(
        "  good Unicode (nothing to convert)             median {}",
        ms(median(good))
    );
    println!(
        "  TCVN3 mojibake (found and converted)           median {}",
        ms(median(old))
    );
    Ok(())
}
