//! The benchmark harness behind `newsroom bench` (a CLI built with `--features bench`).
//! Timings are medians of repeated runs, and rivals run interleaved with ours in the same loop
//! so machine noise hits both alike. Nothing here is a test; it prints numbers for the closing
//! notes. One file per subject: `text.rs` (render, save, suggest, seed), `photos.rs` (import
//! and the photo desk), `push.rs` (publishing), `faults.rs` (sending through a bad network),
//! `site_load.rs` (a newsroom's machines on one site), over the generated content
//! (`content.rs`) and the measuring helpers (`measure.rs`).

mod archive;
mod content;
mod faults;
mod ingest;
mod measure;
mod photos;
mod prose;
mod push;
mod site_load;
mod spelling;
mod text;

use clap::{Args, Subcommand};
use newsroom_api::ApiError;

pub use content::vietnamese_article;

#[derive(Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    what: BenchWhat,
}

#[derive(Subcommand)]
enum BenchWhat {
    /// Render a Vietnamese article: our renderer (comrak + sanitiser) beside the cmark-gfm binary.
    Render {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// Compare two versions of a long piece word by word: ours beside `git diff --word-diff`.
    Diff {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// Spell-check a long piece (hunspell-vi) beside the bare dictionary lookup, and detect old
    /// codes in the same piece pasted as good Unicode and as TCVN3 mojibake.
    Spelling {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// The autosave path: save a changed article into a real store on disk.
    Save {
        #[arg(long, default_value_t = 5000)]
        words: usize,
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
    /// People and organisation suggestions for an article against a large directory.
    Suggest {
        #[arg(long, default_value_t = 1000)]
        words: usize,
        #[arg(long, default_value_t = 100_000)]
        entities: usize,
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
    /// A 24-megapixel JPEG to a thumbnail and a web rendition: ours beside libvips'
    /// `vipsthumbnail` making the same two files; then a batch import of distinct photos.
    Photos {
        #[arg(long, default_value_t = 6000)]
        width: u32,
        #[arg(long, default_value_t = 4000)]
        height: u32,
        #[arg(long, default_value_t = 15)]
        runs: usize,
        /// Photos in the batch import (0 skips it).
        #[arg(long, default_value_t = 30)]
        batch: usize,
    },
    /// A card ingested on the photo desk with a template, beside vipsthumbnail + exiftool -j on
    /// the same files; a template applied to all; exports beside exiftool writing the same
    /// fields; one 24-megapixel crop re-rendered.
    Ingest {
        #[arg(long, default_value_t = 300)]
        photos: usize,
        #[arg(long, default_value_t = 6000)]
        width: u32,
        #[arg(long, default_value_t = 4000)]
        height: u32,
        #[arg(long, default_value_t = 15)]
        crops: usize,
    },
    /// The photo desk's queries over a library of distinct photos: one page of 120 thumbnails
    /// (what the windowed grid asks for while scrolling) and the count, at the top, middle
    /// and end of the list.
    Desk {
        #[arg(long, default_value_t = 5000)]
        photos: usize,
        #[arg(long, default_value_t = 31)]
        runs: usize,
    },
    /// Push articles with photos to a WordPress (WP_URL, WP_USER, WP_APP_PASSWORD, as
    /// `scripts/wordpress/run` writes them): wall time, and the share of it the client spends
    /// working (its CPU time) rather than waiting for the site.
    Push {
        #[arg(long, default_value_t = 100)]
        articles: usize,
        #[arg(long, default_value_t = 3)]
        photos: usize,
    },
    /// Drain an outbox of pieces with photos to the WordPress of `push`, as the app's worker
    /// does, four ways side by side: a clean network and a network that breaks `share` of the
    /// requests (resets, 500s, cut answers, garbage, silent connections), each sent one job at
    /// a time (as before) and in parallel lanes. Checks each piece is on the site exactly once.
    Faults {
        #[arg(long, default_value_t = 12)]
        articles: usize,
        #[arg(long, default_value_t = 2)]
        photos: usize,
        #[arg(long, default_value_t = 0.3)]
        share: f64,
        /// Rounds of the four ways (medians are quoted when more than one).
        #[arg(long, default_value_t = 1)]
        runs: usize,
    },
    /// A newsroom of many machines on one WordPress (the environment of
    /// `scripts/wordpress/run`, filled by `scripts/wordpress/seed`): every machine pulls on
    /// the app's schedule, some editors push review changes under the edit lock; prints each
    /// route's p50/p99 and, with --site-dir, MariaDB's work. Bounded and on loopback only.
    SiteLoad(site_load::Load),
    /// Fill the store named by NEWSROOM_DATA_DIR with an archive of generated pieces:
    /// realistic Vietnamese prose, five years of dates, every workflow state and section.
    Seed {
        #[arg(long, default_value_t = 10000)]
        articles: usize,
        #[arg(long, default_value_t = 600)]
        words: usize,
    },
    /// Search as you type on a seeded store (NEWSROOM_DATA_DIR): 1-, 2-, 4- and 8-letter
    /// prefixes and multi-word queries, beside the same FTS5 query without ranking.
    Search {
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
    /// The article list on a seeded store (NEWSROOM_DATA_DIR): its first page, a filtered
    /// queue, the counts, and what crosses to the UI.
    List {
        #[arg(long, default_value_t = 51)]
        runs: usize,
    },
}

pub fn run(args: BenchArgs) -> Result<(), ApiError> {
    match args.what {
        BenchWhat::Push { articles, photos } => push::bench_push(articles, photos),
        BenchWhat::Spelling { words, runs } => spelling::bench_spelling(words, runs),
        BenchWhat::Desk { photos, runs } => photos::bench_desk(photos, runs),
        BenchWhat::Ingest {
            photos,
            width,
            height,
            crops,
        } => ingest::bench_ingest(photos, width, height, crops),
        BenchWhat::Photos {
            width,
            height,
            runs,
            batch,
        } => photos::bench_photos(width, height, runs, batch),
        BenchWhat::Render { words, runs } => text::bench_render(words, runs),
        BenchWhat::Save { words, runs } => text::bench_save(words, runs),
        BenchWhat::Diff { words, runs } => text::bench_diff(words, runs),
        BenchWhat::Suggest {
            words,
            entities,
            runs,
        } => text::bench_suggest(words, entities, runs),
        BenchWhat::Faults {
            articles,
            photos,
            share,
            runs,
        } => faults::bench_faults(articles, photos, share, runs),
        BenchWhat::SiteLoad(load) => site_load::bench_site_load(load),
        BenchWhat::Seed { articles, words } => archive::bench_seed(articles, words),
        BenchWhat::Search { runs } => archive::bench_search(runs),
        BenchWhat::List { runs } => archive::bench_list(runs),
    }
}
