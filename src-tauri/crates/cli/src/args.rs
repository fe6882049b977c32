//! The command line: every command and its flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use crate::photo_args::{PhotoCommand, TemplateCommand};

#[derive(Parser)]
#[command(name = "newsroom", version, about = "Newsroom editor, headless")]
pub struct Cli {
    /// Where the store lives (default: $NEWSROOM_DATA_DIR, then the OS app-data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
// The arguments are parsed once a run: the size of the largest command does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Work with articles.
    #[command(subcommand)]
    Article(ArticleCommand),
    /// People and organisations.
    #[command(subcommand)]
    Tag(TagCommand),
    /// The directory of people and organisations.
    #[command(subcommand)]
    Entity(EntityCommand),
    /// Publishing backends (WordPress sites).
    #[command(subcommand)]
    Backend(BackendCommand),
    /// The outbox of pushes to the backends.
    #[command(subcommand)]
    Sync(SyncCommand),
    /// The photo library: import, caption, export, list.
    #[command(subcommand)]
    Photo(PhotoCommand),
    /// Comments pinned to passages of a piece.
    #[command(subcommand)]
    Comment(CommentCommand),
    /// Who is acting on this machine (recorded with every change).
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// The example pieces: add them to try the editor, remove them in one step.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Code replacements: short codes written =code= that expand to their text (=hn= → Hà Nội).
    #[command(subcommand)]
    Shortcut(ShortcutCommand),
    /// The inbox: what other people did to one's pieces (the first look starts it).
    #[command(subcommand)]
    Notifications(NotificationsCommand),
    /// Spell checking: check a text, the newsroom's dictionary, the house style.
    #[command(subcommand)]
    Spelling(SpellingCommand),
    /// Vietnamese text in old codes (TCVN3, VNI, VIQR, Windows-1258).
    #[command(subcommand)]
    Text(TextCommand),
    /// Backups of the store: make one, list them, look into one, restore one.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Measure the hot paths (medians over repeated runs).
    #[cfg(feature = "bench")]
    Bench(newsroom_bench::BenchArgs),
    /// The benchmarks, in a build made with `--features bench`.
    #[cfg(not(feature = "bench"))]
    #[command(hide = true)]
    Bench {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// The workflow states, as the store names them.
const STATUSES: [&str; 7] = [
    "draft",
    "submitted",
    "in_review",
    "approved",
    "published",
    "returned",
    "spiked",
];

#[derive(Subcommand)]
pub enum ArticleCommand {
    /// Import a Markdown file with YAML front matter (headline, sapo, byline, dateline,
    /// section); prints the new article's id.
    Import { file: PathBuf },
    /// List articles, most recently updated first.
    List {
        /// Only pieces in this state.
        #[arg(long, value_parser = STATUSES)]
        status: Option<String>,
        /// At most this many (the newest first).
        #[arg(long)]
        limit: Option<u32>,
        /// The next page: the pieces after this one.
        #[arg(long, value_name = "ID")]
        after: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Search headlines, sapos and bodies (tones, case and đ/d ignored; words may be the start
    /// of longer ones): headline matches first, then the rest, newest first.
    Search {
        query: String,
        #[arg(long, value_parser = STATUSES)]
        status: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Show every field of one article.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the published HTML of an article's body.
    Render { id: String },
    /// Submit a piece for review: it is queued for every backend (WordPress `pending`).
    Submit { id: String },
    /// Publish a piece (from approved): queued for every backend (WordPress `publish`).
    Publish { id: String },
    /// Take a submitted piece for review (recorded as its reviewer).
    Review { id: String },
    /// Approve a piece under review (the checklist must pass).
    Approve { id: String },
    /// Return a piece to its reporter, saying why.
    Return {
        id: String,
        #[arg(long)]
        note: String,
    },
    /// Spike (kill) a piece; it can be brought back with unspike.
    Spike {
        id: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take a published piece off the site (spiking it): gone for readers, kept for editors.
    /// The reason is required and recorded in the piece's history.
    Unpublish {
        id: String,
        #[arg(long)]
        note: String,
    },
    /// Bring a spiked piece back as a draft.
    Unspike { id: String },
    /// Replace some fields of a piece (the others are kept). A published piece's new text is
    /// queued for the sites as an update (`sync run` sends it).
    Edit {
        id: String,
        #[arg(long)]
        headline: Option<String>,
        #[arg(long)]
        sapo: Option<String>,
        #[arg(long)]
        byline: Option<String>,
        /// The new body, a Markdown file (old font codes are converted, with a notice).
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
    },
    /// Correct a published piece: the note says what was wrong, and readers see it at the end
    /// of the story ("Đính chính (date): …"); queued for the sites.
    Correct {
        id: String,
        #[arg(long)]
        note: String,
    },
    /// Schedule an approved piece: the site publishes it at TIME (Vietnam time unless the
    /// time names its zone: "2026-12-05 08:00"); --clear lifts the schedule.
    Schedule {
        id: String,
        #[arg(long, value_name = "TIME", required_unless_present = "clear")]
        at: Option<String>,
        #[arg(long, conflicts_with = "at")]
        clear: bool,
    },
    /// Embargo a piece: it must not be public before TIME (Vietnam time unless the time names
    /// its zone); an approved piece is then scheduled for TIME. --clear lifts the embargo.
    Embargo {
        id: String,
        #[arg(long, value_name = "TIME", required_unless_present = "clear")]
        until: Option<String>,
        #[arg(long, conflicts_with = "until")]
        clear: bool,
    },
    /// Delete a draft that no site has: it goes to the trash (kept 30 days, then deleted).
    Delete { id: String },
    /// What the trash holds, or (with an id) take that piece back out of it.
    Trash {
        /// Restore this piece from the trash.
        #[arg(long, value_name = "ID", conflicts_with = "empty")]
        restore: Option<String>,
        /// Delete this piece in the trash for good.
        #[arg(long, value_name = "ID", conflicts_with_all = ["restore", "empty"])]
        purge: Option<String>,
        /// Delete everything in the trash for good.
        #[arg(long)]
        empty: bool,
        #[arg(long)]
        json: bool,
    },
    /// Withdraw a submitted piece before review starts (back to draft).
    Withdraw { id: String },
    /// Every change of state: who, when, from, to, and the note.
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Who is editing the piece on the site (its edit lock, as wp-admin sees it); with
    /// --take, take or renew it; --take-over takes it from whoever holds it (recorded);
    /// --release gives it back.
    Lock {
        id: String,
        #[arg(long, conflicts_with_all = ["take_over", "release"])]
        take: bool,
        #[arg(long, conflicts_with = "release")]
        take_over: bool,
        #[arg(long)]
        release: bool,
    },
    /// What changed between two versions, word by word: `submitted`, `returned`, `working`
    /// or a revision number.
    Diff {
        id: String,
        #[arg(long, default_value = "submitted")]
        from: String,
        #[arg(long, default_value = "working")]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Export an article as IPTC ninjs 2.1 JSON (to standard output without --out), or as a
    /// Word document with its photos (`--format docx`, which needs --out).
    Export {
        id: String,
        #[arg(long, value_parser = ["ninjs", "docx"], default_value = "ninjs")]
        format: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Tag an article with people and organisations (added to the directory when new).
    Tag {
        id: String,
        /// A person in the story (repeatable).
        #[arg(long = "person", value_name = "NAME")]
        people: Vec<String>,
        /// The role of the person tagged just before (`--person A --role "Chủ tịch…"`).
        #[arg(long = "role", value_name = "T")]
        roles: Vec<String>,
        /// An organisation in the story (repeatable).
        #[arg(long = "org", value_name = "NAME")]
        orgs: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum EntityCommand {
    /// Import people and organisations from a .csv or .json file.
    Import { file: PathBuf },
    /// List the directory in Vietnamese order.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Export the directory (to standard output without OUT) as JSON or CSV.
    Export {
        out: Option<PathBuf>,
        #[arg(long, default_value = "json", value_parser = ["json", "csv"])]
        format: String,
    },
    /// Never suggest NAME again in any piece: the newsroom's word that it is no person or
    /// organisation. Exported with the directory.
    NeverSuggest {
        name: String,
        #[arg(long, value_parser = ["person", "organisation"])]
        kind: String,
    },
    /// Let the suggester offer a stopped NAME again.
    SuggestAgain {
        name: String,
        #[arg(long, value_parser = ["person", "organisation"])]
        kind: String,
    },
    /// The names never suggested, who stopped each and when.
    NeverSuggested {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum BackendCommand {
    /// Add a backend: `wordpress` (a site; the password is a WordPress Application Password,
    /// checked against the site) or `ninjs` (a system that takes ninjs documents over HTTP;
    /// the password is the secret both sides sign with). The password is read from
    /// NEWSROOM_BACKEND_PASSWORD or the first line of standard input and kept in the OS
    /// keychain.
    Add {
        #[arg(value_parser = ["wordpress", "ninjs"])]
        kind: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        url: String,
        /// The WordPress user (not used by ninjs).
        #[arg(long, default_value = "")]
        user: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Send everything queued once; exits non-zero unless every piece sent is synced.
    Run {
        #[arg(long)]
        json: bool,
    },
    /// Every piece's push and where it is.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Fetch the posts waiting for review on every WordPress site into the store (new ones
    /// become articles; ones pulled before are merged with the local edits).
    Pull {
        #[arg(long)]
        json: bool,
    },
    /// Queue a piece again after editing it (to the status its workflow state maps to).
    Queue { article: String },
    /// The duplicate pieces the store's upgrade merged (two pieces of one post, left by pulls
    /// that overlapped in older versions): which piece each joined.
    Merged {
        #[arg(long)]
        json: bool,
    },
    /// The passages of a job in conflict (JSON): settled ones have `text`, the others need a
    /// choice.
    Conflict { job: i64 },
    /// Settle a conflict: one choice per conflicting passage, in order: `local`, `remote` or
    /// `both`.
    Resolve {
        job: i64,
        #[arg(required = true)]
        choices: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum ShortcutCommand {
    /// Add a code, or give an existing one a new text: `shortcut add hn "Hà Nội"`.
    Add { code: String, text: String },
    /// Every code and its text.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take a code out of the list.
    Remove { code: String },
    /// Print a text with its codes expanded.
    Expand { text: String },
    /// Write the list as JSON (to a file or standard output), for the other machines.
    Export { file: Option<PathBuf> },
    /// Merge a list exported on another machine (all or none).
    Import { file: PathBuf },
}

/// What a person can hear of, as the inbox names it.
fn notification_kinds() -> clap::builder::PossibleValuesParser {
    newsroom_api::NotificationKind::ALL.map(|k| k.as_str()).into()
}

#[derive(Subcommand)]
pub enum NotificationsCommand {
    /// Looks at the history for what is new, then lists the newest notifications.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Marks notifications read: one by its id, a piece's, or all.
    Read {
        #[arg(required_unless_present_any = ["piece", "all"])]
        id: Option<i64>,
        #[arg(long, conflicts_with = "id")]
        piece: Option<String>,
        #[arg(long, conflicts_with_all = ["id", "piece"])]
        all: bool,
    },
    /// Shows or changes what this person hears of.
    Settings {
        /// Whether the operating system shows notifications too.
        #[arg(long, value_parser = ["on", "off"])]
        system: Option<String>,
        #[arg(long, value_parser = notification_kinds())]
        mute: Vec<String>,
        #[arg(long, value_parser = notification_kinds())]
        unmute: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum DemoCommand {
    /// Adds the three example pieces (none when they are there already).
    Add,
    /// Removes them for good, keeping any that went further than a draft.
    Remove,
    /// How many are in the store.
    Count,
}

#[derive(Subcommand)]
pub enum ProfileCommand {
    /// The profile as JSON (null before one is set).
    Show,
    /// Sets the name, initials and role.
    Set {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        initials: String,
        #[arg(long, value_parser = ["reporter", "photo_editor", "desk_editor"], default_value = "reporter")]
        role: String,
    },
    /// The interface's language (what the app's system dialogs follow), or sets it.
    Language {
        #[arg(value_parser = ["vi", "en"])]
        language: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum CommentCommand {
    /// Comment on the first passage of the piece's body reading QUOTE.
    Add {
        id: String,
        #[arg(long)]
        quote: String,
        #[arg(long)]
        text: String,
    },
    /// Reply to a comment thread.
    Reply {
        thread: String,
        #[arg(long)]
        text: String,
    },
    /// The piece's comment threads, each with where its passage now is.
    List {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Resolve a thread (or, with --reopen, open it again).
    Resolve {
        thread: String,
        #[arg(long)]
        reopen: bool,
    },
}

#[derive(Subcommand)]
pub enum TagCommand {
    /// Suggest the people and organisations in an article's text (plain or Markdown),
    /// read from FILE or standard input.
    Suggest {
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

/// The old codes, as the command line names them.
const CODES: [&str; 4] = ["tcvn3", "vni", "viqr", "cp1258"];

#[derive(Subcommand)]
pub enum TextCommand {
    /// Convert a file (or standard input) to Unicode NFC on standard output; what was converted,
    /// and from which code, goes to standard error. Good Unicode passes through unchanged.
    Convert {
        /// The code the text is in; by default it is recognised.
        #[arg(long, default_value = "auto", value_parser = ["auto", "tcvn3", "vni", "viqr", "cp1258"])]
        from: String,
        /// Write the Unicode text in this old code instead (for systems that still want one).
        #[arg(long, value_parser = CODES)]
        to: Option<String>,
        file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum SpellingCommand {
    /// Check a text (a file or standard input): one marked word per line, `line:column word`,
    /// with suggestions; `--json` also gives each word's `start` and `end` in code points;
    /// exits 1 when something is marked.
    Check {
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Add a word to the newsroom's dictionary (`--ignore`: let it pass, kept apart;
    /// `--phrase`: two to four words that are right together, never marked for their
    /// neighbours, given in quotes).
    Add {
        word: String,
        #[arg(long, conflicts_with = "phrase")]
        ignore: bool,
        #[arg(long)]
        phrase: bool,
    },
    /// Take a word out of the newsroom's dictionary.
    Remove { word: String },
    /// The newsroom's dictionary.
    Words {
        #[arg(long)]
        json: bool,
    },
    /// Write the newsroom's dictionary and house style as JSON (to a file or standard output).
    Export { file: Option<PathBuf> },
    /// Merge a dictionary exported on another machine.
    Import { file: PathBuf },
    /// Show the house style, or set it.
    Style {
        #[arg(long, value_parser = ["either", "old", "new"])]
        placement: Option<String>,
        #[arg(long, value_parser = ["either", "i", "y"])]
        vowel: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Make a backup now (the database as one moment saw it, with the photos it needs).
    Create {
        #[arg(long)]
        json: bool,
    },
    /// Every backup, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// What a backup holds, beside the store as it is now; changes nothing.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Replace the store with a backup. The store as it is now is backed up first.
    Restore {
        id: String,
        /// Restore without asking (the preview is printed either way).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Where backups go and how many are kept; prints the settings after any change.
    Settings {
        /// A full path (another disk, a synced folder); "" for the data directory's `backups`.
        #[arg(long)]
        folder: Option<String>,
        #[arg(long)]
        keep: Option<u32>,
    },
}
