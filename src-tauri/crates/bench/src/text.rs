//! Text: rendering beside cmark-gfm, the autosave path, suggestions against a large directory,
//! and seeding a store.

use std::time::Instant;

use newsroom_api::{Api, ApiError, ArticleFields, ErrorCode, OpenOptions, SaveKind, SaveRequest};

use crate::content::*;
use crate::measure::*;

/// Renders a Vietnamese article: our renderer (comrak + sanitiser) beside the cmark-gfm binary.
pub(crate) fn bench_render(words: usize, runs: usize) -> Result<(), ApiError> {
    let text = vietnamese_article(words);
    let counted = newsroom_markdown::counts(&text).words;
    println!(
        "render: {counted} words, {} bytes, {runs} runs each, interleaved",
        text.len()
    );
    let (mut ours, mut comrak_only, mut cmark, mut spawn) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let t = Instant::now();
        let html = newsroom_markdown::render(&text);
        ours.push(t.elapsed());
        assert!(html.len() > text.len() / 2);
        let t = Instant::now();
        let raw = newsroom_markdown::render_unsanitised(&text);
        comrak_only.push(t.elapsed());
        assert!(!raw.is_empty());
        cmark.push(cmark_gfm(&text)?);
        spawn.push(cmark_gfm("x")?);
    }
    println!(
        "  newsroom render (comrak + ammonia)   median {}",
        ms(median(ours))
    );
    println!(
        "  comrak alone (in process)            median {}",
        ms(median(comrak_only))
    );
    println!(
        "  cmark-gfm binary (process, pipes)    median {}",
        ms(median(cmark))
    );
    println!(
        "  cmark-gfm on 1 byte (spawn cost)     median {}",
        ms(median(spawn))
    );
    Ok(())
}

/// The autosave path of a long piece.
pub(crate) fn bench_save(words: usize, runs: usize) -> Result<(), ApiError> {
    let dir = tempfile::tempdir().map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        index_in_background: false,
    })?;
    let mut fields = ArticleFields {
        headline: "Công đoàn các Khu công nghiệp và chế xuất Hà Nội".into(),
        sapo: "Sapo thử nghiệm.".into(),
        body: vietnamese_article(words),
        byline: "Minh An".into(),
        ..Default::default()
    };
    let mut article = api.article_create(&fields)?;
    let mut samples = vec![];
    for i in 0..runs {
        fields.body.push_str(if i % 2 == 0 { " ă" } else { " ơ" });
        let t = Instant::now();
        article = api.article_save(&SaveRequest {
            id: article.id.clone(),
            base_version: article.version,
            fields: fields.clone(),
            kind: SaveKind::Autosave,
        })?;
        samples.push(t.elapsed());
    }
    println!(
        "save: {} words, {} bytes, {runs} autosaves (WAL, synchronous=FULL, search index update)",
        article.word_count,
        fields.body.len()
    );
    println!("  autosave median {}", ms(median(samples)));
    Ok(())
}

/// Suggestions for a story against an empty and a full directory, and the directory's load.
pub(crate) fn bench_suggest(words: usize, entities: usize, runs: usize) -> Result<(), ApiError> {
    use newsroom_suggestions::{suggest, DirectoryEntry, EntityKind, KnownEntities};
    let text = news_story(words);
    let make_entries = || -> Vec<DirectoryEntry> {
        (0..entities)
            .map(|i| {
                if i % 2 == 0 {
                    DirectoryEntry {
                        id: format!("p{i}"),
                        kind: EntityKind::Person,
                        name: person_name(i / 2),
                        aliases: vec![],
                    }
                } else {
                    let name = org_name(i / 2);
                    DirectoryEntry {
                        id: format!("o{i}"),
                        kind: EntityKind::Organisation,
                        aliases: vec![name.replace("Liên đoàn Lao động", "LĐLĐ")],
                        name,
                    }
                }
            })
            .collect()
    };
    // The directory load as the app does it: from a real store, spellings pre-folded.
    let dir = tempfile::tempdir().map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let file = dir.path().join("directory.json");
    let inputs: Vec<newsroom_api::EntityInput> = make_entries()
        .into_iter()
        .map(|e| newsroom_api::EntityInput {
            kind: e.kind,
            name: e.name,
            aliases: e.aliases,
            roles: vec![],
            parent: None,
            uri: None,
        })
        .collect();
    std::fs::write(&file, serde_json::to_string(&inputs).expect("serialises"))
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().join("store")),
        index_in_background: false,
    })?;
    let t = Instant::now();
    let imported = api.entity_import(&file)?;
    let import_time = t.elapsed();
    drop(api);
    let conn = newsroom_store::open_dir(&dir.path().join("store"))
        .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
    let (mut loads, mut builds, mut empty_runs, mut full_runs) = (vec![], vec![], vec![], vec![]);
    let mut directory = KnownEntities::empty();
    for _ in 0..5 {
        drop(std::mem::replace(&mut directory, KnownEntities::empty()));
        let t = Instant::now();
        let loaded = newsroom_entities::load_known(&conn)
            .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
        loads.push(t.elapsed());
        directory = loaded;
        let entries = make_entries();
        let t = Instant::now();
        let built = KnownEntities::build(entries);
        builds.push(t.elapsed());
        drop(built);
    }
    println!(
        "  directory import of {} entities (one transaction)  {:.1} s",
        imported.created,
        import_time.as_secs_f64()
    );
    let empty = KnownEntities::empty();
    let mut found = (0, 0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let s = suggest(&text, &empty);
        empty_runs.push(t.elapsed());
        let t = Instant::now();
        let k = suggest(&text, &directory);
        full_runs.push(t.elapsed());
        found = (
            s.people.len(),
            k.people.iter().filter(|p| p.known).count(),
            k.organisations.len(),
        );
    }
    println!(
        "suggest: {} words, directory of {} entities; {} people found, {} of them known; {} organisations",
        newsroom_text::word_count(&text),
        directory.len(),
        found.0,
        found.1,
        found.2
    );
    println!(
        "  directory load from the store (5 runs)      median {}",
        ms(median(loads))
    );
    println!(
        "  matcher build from names, folding (5 runs) median {}",
        ms(median(builds))
    );
    println!(
        "  suggest, empty directory ({runs} runs)   median {}",
        ms(median(empty_runs))
    );
    println!(
        "  suggest, full directory ({runs} runs)    median {}",
        ms(median(full_runs))
    );
    Ok(())
}

/// Two versions of a `words`-word piece as a desk leaves it: a word changed in every
/// paragraph or so, a tone mark corrected, a sentence added and one paragraph moved.
fn edited_version(text: &str) -> String {
    let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
    for (i, p) in paragraphs.iter_mut().enumerate() {
        if i % 2 == 0 {
            *p = p.replacen("công đoàn", "Công đoàn cơ sở", 1);
        }
        if i % 5 == 0 {
            p.push_str(" Ban biên tập đã kiểm tra số liệu.");
        }
    }
    if paragraphs.len() > 4 {
        let moved = paragraphs.remove(1);
        paragraphs.insert(3, moved);
    }
    paragraphs.join("\n\n").replacen("hòa", "hoà", 3)
}

pub(crate) fn bench_diff(words: usize, runs: usize) -> Result<(), ApiError> {
    let old = vietnamese_article(words);
    let new = edited_version(&old);
    let dir = tempfile::tempdir().map_err(internal)?;
    let (old_file, new_file) = (dir.path().join("submitted.md"), dir.path().join("working.md"));
    std::fs::write(&old_file, &old).map_err(internal)?;
    std::fs::write(&new_file, &new).map_err(internal)?;
    let (tiny_old, tiny_new) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&tiny_old, "a").map_err(internal)?;
    std::fs::write(&tiny_new, "b").map_err(internal)?;
    let (mut ours, mut git, mut spawn) = (vec![], vec![], vec![]);
    let mut changed = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let segments = newsroom_review::diff(&old, &new, "bench");
        ours.push(t.elapsed());
        changed = newsroom_review::changed_words(&segments);
        git.push(git_word_diff(&old_file, &new_file)?);
        spawn.push(git_word_diff(&tiny_old, &tiny_new)?);
    }
    println!(
        "diff: two versions of {} words ({} bytes), {changed} words changed, {runs} runs each, interleaved",
        newsroom_text::word_count(&old),
        old.len()
    );
    println!(
        "  newsroom word diff (in process)        median {}",
        ms(median(ours))
    );
    println!(
        "  git diff --word-diff (process, files)  median {}",
        ms(median(git))
    );
    println!(
        "  git diff on 1-byte files (spawn cost)  median {}",
        ms(median(spawn))
    );
    Ok(())
}
