//! `newsroom`: the headless command line over the same API as the desktop app.

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use newsroom_api::{Api, ApiError, ErrorCode, OpenOptions};
use serde::Serialize;

#[derive(Parser)]
#[command(name = "newsroom", version, about = "Newsroom editor, headless")]
struct Cli {
    /// Where the store lives (default: $NEWSROOM_DATA_DIR, then the OS app-data directory).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    /// Measure the hot paths (medians over repeated runs).
    Bench(bench::BenchArgs),
}

#[derive(Subcommand)]
enum ArticleCommand {
    /// Import a Markdown file with YAML front matter (headline, sapo, byline, dateline,
    /// section); prints the new article's id.
    Import { file: PathBuf },
    /// List articles, most recently updated first.
    List {
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
    /// Export an article as IPTC ninjs 2.1 JSON (to standard output without --out).
    Export {
        id: String,
        #[arg(long, value_parser = ["ninjs"], default_value = "ninjs")]
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
enum EntityCommand {
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
}

#[derive(Subcommand)]
enum BackendCommand {
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
enum SyncCommand {
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
enum PhotoCommand {
    /// Import image files (JPEG, PNG, WebP); each is reported on its own, and one bad file
    /// does not stop the rest. Exits non-zero when any file failed.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Attach the photos to this article.
        #[arg(long)]
        article: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set a photo's caption fields (only the ones given change).
    Caption {
        id: String,
        #[arg(long)]
        caption: Option<String>,
        #[arg(long)]
        credit: Option<String>,
        #[arg(long)]
        creator: Option<String>,
        #[arg(long)]
        copyright: Option<String>,
        #[arg(long)]
        alt: Option<String>,
        /// A person shown (repeatable; replaces the list).
        #[arg(long = "person", value_name = "NAME")]
        people: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the photo with its caption fields inside (XMP and IPTC IIM).
    Export {
        id: String,
        out: PathBuf,
        #[arg(long, default_value = "original", value_parser = ["original", "web"])]
        rendition: String,
        /// Use this article's caption for the photo.
        #[arg(long)]
        article: Option<String>,
    },
    /// List photos, newest first.
    List {
        /// Only photos missing this field.
        #[arg(long, value_parser = ["caption", "credit", "alt"])]
        missing: Option<String>,
        #[arg(long)]
        article: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// One line of `photo import --json`: the photo, or the error for that file.
#[derive(Serialize)]
struct ImportLine {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<newsroom_api::ReadMetadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ApiError>,
}

#[derive(Subcommand)]
enum TagCommand {
    /// Suggest the people and organisations in an article's text (plain or Markdown),
    /// read from FILE or standard input.
    Suggest {
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    headline: &'a str,
    status: newsroom_api::Status,
    updated_at: String,
    word_count: u32,
}

fn open(data_dir: Option<PathBuf>) -> Result<Api, ApiError> {
    Api::open(&OpenOptions {
        data_dir,
        seed_demo_content: false,
    })
}

fn run(cli: Cli) -> Result<(), ApiError> {
    match cli.command {
        Command::Article(command) => {
            let api = open(cli.data_dir)?;
            match command {
                ArticleCommand::Import { file } => {
                    let article = api.article_import(&file)?;
                    println!("{}", article.id);
                }
                ArticleCommand::List { json } => {
                    let rows = api.article_list()?;
                    if json {
                        let rows: Vec<ListRow<'_>> = rows
                            .iter()
                            .map(|a| ListRow {
                                id: &a.id,
                                headline: &a.headline,
                                status: a.status,
                                updated_at: a.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                                word_count: a.word_count,
                            })
                            .collect();
                        print_json(&rows);
                    } else {
                        for a in rows {
                            println!(
                                "{}  {:<10} {:>6}  {}",
                                a.id,
                                a.status.as_str(),
                                a.word_count,
                                a.headline
                            );
                        }
                    }
                }
                ArticleCommand::Show { id, json } => {
                    let article = api.article_get(&id)?;
                    if json {
                        print_json(&article);
                    } else {
                        println!(
                            "# {}\n\n**{}**\n\n{}\n\n{}",
                            article.headline, article.sapo, article.body, article.byline
                        );
                    }
                }
                ArticleCommand::Render { id } => print!("{}", api.article_render(&id, "photo:")?),
                ArticleCommand::Submit { id } => {
                    let article = api.article_submit_or_publish(&id, false)?;
                    println!("{} {}", article.id, article.status.as_str());
                }
                ArticleCommand::Publish { id } => {
                    let article = api.article_submit_or_publish(&id, true)?;
                    println!("{} {}", article.id, article.status.as_str());
                }
                ArticleCommand::Export { id, format: _, out } => {
                    let document = api.article_export_ninjs(&id)?;
                    let text = serde_json::to_string_pretty(&document).expect("JSON values serialise");
                    match out {
                        Some(path) => std::fs::write(&path, text + "\n").map_err(|e| {
                            ApiError::new(
                                ErrorCode::Storage,
                                format!("{}: cannot write: {e}", path.display()),
                            )
                        })?,
                        None => println!("{text}"),
                    }
                }
                ArticleCommand::Tag {
                    id,
                    people,
                    roles,
                    orgs,
                    json,
                } => {
                    // Roles pair with people in the order given; a person without one has none.
                    for (i, person) in people.iter().enumerate() {
                        let role = roles.get(i).map(String::as_str).unwrap_or_default();
                        api.article_tag_by_name(&id, newsroom_api::EntityKind::Person, person, role)?;
                    }
                    for org in &orgs {
                        api.article_tag_by_name(&id, newsroom_api::EntityKind::Organisation, org, "")?;
                    }
                    let tags = api.article_tags(&id)?;
                    if json {
                        print_json(&tags);
                    } else {
                        for t in tags {
                            println!(
                                "{}{}",
                                t.name,
                                if t.role.is_empty() {
                                    String::new()
                                } else {
                                    format!(" — {}", t.role)
                                }
                            );
                        }
                    }
                }
            }
        }
        Command::Entity(command) => {
            let api = open(cli.data_dir)?;
            match command {
                EntityCommand::Import { file } => print_json(&api.entity_import(&file)?),
                EntityCommand::Export { out, format } => {
                    let text = if format == "csv" {
                        api.entity_export_csv()?
                    } else {
                        api.entity_export_json()?
                    };
                    match out {
                        Some(path) => std::fs::write(&path, text).map_err(|e| {
                            ApiError::new(
                                ErrorCode::Storage,
                                format!("{}: cannot write: {e}", path.display()),
                            )
                        })?,
                        None => print!("{text}"),
                    }
                }
                EntityCommand::List { json } => {
                    let entities = api.entity_list_all()?;
                    if json {
                        print_json(&entities);
                    } else {
                        for e in entities {
                            println!("{:<12} {}", format!("{:?}", e.kind).to_lowercase(), e.name);
                        }
                    }
                }
            }
        }
        Command::Tag(TagCommand::Suggest { file, json }) => {
            let text = read_text(file.as_deref())?;
            let api = open(cli.data_dir)?;
            let suggestions = api.suggestions(None, &text)?;
            if json {
                print_json(&suggestions);
            } else {
                for p in &suggestions.people {
                    println!(
                        "person  {}{}",
                        p.name,
                        p.role.as_ref().map(|r| format!(" — {r}")).unwrap_or_default()
                    );
                }
                for o in &suggestions.organisations {
                    println!("org     {}", o.expanded.as_ref().unwrap_or(&o.name));
                }
            }
        }
        Command::Photo(command) => photo(open(cli.data_dir)?, command)?,
        Command::Backend(command) => {
            let api = open(cli.data_dir)?;
            match command {
                BackendCommand::Add {
                    kind,
                    name,
                    url,
                    user,
                } => {
                    let password = match std::env::var("NEWSROOM_BACKEND_PASSWORD") {
                        Ok(password) => password,
                        Err(_) => {
                            let mut line = String::new();
                            std::io::stdin().read_line(&mut line).map_err(|e| {
                                ApiError::new(
                                    ErrorCode::InvalidInput,
                                    format!("standard input: cannot read: {e}"),
                                )
                            })?;
                            line.trim_end_matches(['\r', '\n']).to_owned()
                        }
                    };
                    let backend = if kind == "ninjs" {
                        api.backend_add_ninjs(&name, &url, &password)?
                    } else {
                        api.backend_add_wordpress(&name, &url, &user, &password)?
                    };
                    println!("{}", backend.id);
                }
                BackendCommand::List { json } => {
                    let backends = api.backend_list()?;
                    if json {
                        print_json(&backends);
                    } else {
                        for b in backends {
                            println!("{}  {}  {}  {}", b.name, b.kind, b.url, b.username);
                        }
                    }
                }
            }
        }
        Command::Sync(command) => {
            let api = open(cli.data_dir)?;
            let (jobs, json, run) = match command {
                SyncCommand::Run { json } => (api.sync_run(true)?, json, true),
                SyncCommand::Status { json } => (api.sync_status()?, json, false),
                SyncCommand::Pull { json } => {
                    let pulled = api.sync_pull()?;
                    if json {
                        print_json(&pulled);
                    } else {
                        for p in &pulled {
                            println!(
                                "{:?}  {}  {}  ({} photos)",
                                p.outcome, p.article_id, p.headline, p.photos
                            );
                        }
                    }
                    return Ok(());
                }
                SyncCommand::Queue { article } => {
                    api.sync_queue(&article)?;
                    (api.sync_status()?, false, false)
                }
                SyncCommand::Conflict { job } => {
                    print_json(&api.sync_conflict(job)?);
                    return Ok(());
                }
                SyncCommand::Resolve { job, choices } => {
                    let choices = choices
                        .iter()
                        .map(|c| match c.as_str() {
                            "local" => Ok(newsroom_api::Choice::Local),
                            "remote" => Ok(newsroom_api::Choice::Remote),
                            "both" => Ok(newsroom_api::Choice::Both),
                            other => Err(ApiError::new(
                                ErrorCode::InvalidInput,
                                format!("a choice is local, remote or both, not {other}"),
                            )),
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    api.sync_resolve(job, &choices)?;
                    (api.sync_status()?, false, false)
                }
            };
            if json {
                print_json(&jobs);
            } else {
                for job in &jobs {
                    println!(
                        "{:?}  {}  {}  {}{}",
                        job.state,
                        job.backend,
                        job.headline,
                        job.remote_url,
                        if job.error.is_empty() {
                            String::new()
                        } else {
                            format!("  ({})", job.error)
                        }
                    );
                }
            }
            let unfinished = jobs
                .iter()
                .filter(|j| j.state != newsroom_api::JobState::Synced)
                .count();
            if run && unfinished > 0 {
                return Err(ApiError::new(
                    ErrorCode::Remote,
                    format!("{unfinished} of {} pieces did not sync", jobs.len()),
                ));
            }
        }
        Command::Bench(args) => bench::run(args)?,
    }
    Ok(())
}

fn photo(api: Api, command: PhotoCommand) -> Result<(), ApiError> {
    match command {
        PhotoCommand::Import { files, article, json } => {
            let mut lines = Vec::new();
            for file in &files {
                let line = match api.photo_import_file(file, article.as_deref()) {
                    Ok(imported) => ImportLine {
                        file: file.display().to_string(),
                        id: Some(imported.photo.id.clone()),
                        width: Some(imported.photo.width),
                        height: Some(imported.photo.height),
                        created: Some(imported.created),
                        metadata: Some(imported.metadata),
                        error: None,
                    },
                    Err(error) => ImportLine {
                        file: file.display().to_string(),
                        id: None,
                        width: None,
                        height: None,
                        created: None,
                        metadata: None,
                        error: Some(error),
                    },
                };
                if !json {
                    match (&line.id, &line.error) {
                        (Some(id), _) => println!(
                            "{id}  {}×{}  {}",
                            line.width.unwrap_or(0),
                            line.height.unwrap_or(0),
                            line.file
                        ),
                        (_, Some(error)) => eprintln!("error: {}", error.message),
                        _ => {}
                    }
                }
                lines.push(line);
            }
            if json {
                print_json(&lines);
            }
            let failed = lines.iter().filter(|l| l.error.is_some()).count();
            if failed > 0 {
                return Err(ApiError::new(
                    lines
                        .iter()
                        .find_map(|l| l.error.as_ref())
                        .map(|e| e.code)
                        .unwrap_or(ErrorCode::Internal),
                    format!("{failed} of {} files could not be imported", lines.len()),
                ));
            }
        }
        PhotoCommand::Caption {
            id,
            caption,
            credit,
            creator,
            copyright,
            alt,
            people,
            json,
        } => {
            let change = newsroom_api::PhotoEdit {
                description: caption,
                credit,
                creator,
                copyright,
                alt_text: alt,
                people: (!people.is_empty()).then_some(people),
                ..Default::default()
            };
            let photo = api.photo_edit(&id, &change)?;
            if json {
                print_json(&photo);
            } else {
                println!("{}", photo.id);
            }
        }
        PhotoCommand::Export {
            id,
            out,
            rendition,
            article,
        } => {
            let rendition =
                newsroom_api::Rendition::parse(&rendition).unwrap_or(newsroom_api::Rendition::Original);
            api.photo_export(&id, rendition, article.as_deref(), &out)?;
        }
        PhotoCommand::List {
            missing,
            article,
            json,
        } => {
            let query = newsroom_api::PhotoQuery {
                missing: missing.as_deref().and_then(newsroom_api::RequiredField::parse),
                article_id: article,
                ..Default::default()
            };
            let page = api.photo_list(&query)?;
            if json {
                print_json(&page.photos);
            } else {
                for photo in &page.photos {
                    println!(
                        "{}  {}×{}  {}  {}",
                        photo.id, photo.width, photo.height, photo.original_name, photo.description
                    );
                }
            }
        }
    }
    Ok(())
}

/// Reads UTF-8 text from a file, or from standard input when no file is named.
fn read_text(file: Option<&std::path::Path>) -> Result<String, ApiError> {
    use std::io::Read;
    let (name, bytes) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read(path).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("{}: cannot read: {e}", path.display()),
                )
            })?,
        ),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("standard input: cannot read: {e}"),
                )
            })?;
            ("standard input".to_owned(), bytes)
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        ApiError::new(
            newsroom_api::ErrorCode::InvalidInput,
            format!(
                "{name}: not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn print_json<T: Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("API types always serialise")
    );
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "error [{}]: {}",
                serde_json::to_value(err.code)
                    .unwrap_or_default()
                    .as_str()
                    .unwrap_or("internal"),
                err.message
            );
            ExitCode::FAILURE
        }
    }
}
