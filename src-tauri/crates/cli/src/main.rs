//! `newsroom`: the headless command line over the same API as the desktop app.

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use newsroom_api::{Api, ApiError, OpenOptions};
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
                ArticleCommand::Render { id } => print!("{}", api.article_render(&id)?),
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
        Command::Bench(args) => bench::run(args)?,
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
