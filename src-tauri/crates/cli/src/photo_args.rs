//! The flags of `newsroom photo …`: the library, the photo desk's culling, templates and
//! framing.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum PhotoCommand {
    /// Import image files (JPEG, PNG, WebP), or folders of them (a memory card: its folders
    /// too, in shooting order); each file is reported on its own, and one bad file does not
    /// stop the rest. A file already in the library is said so. Exits non-zero when any failed.
    Import {
        #[arg(required = true, value_name = "FILE|DIR")]
        files: Vec<PathBuf>,
        /// Attach the photos to this article.
        #[arg(long)]
        article: Option<String>,
        /// Fill each new photo from this metadata template.
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set the caption fields of one photo or several (only the fields given change; every
    /// photo named gets the same values, all or none).
    Caption {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        fields: PhotoFieldArgs,
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
    /// Metadata templates: named caption fields with variables ({date} {time} {creator} {seq}
    /// {file}), applied on import or to photos.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Crop a photo (the original is kept; its renditions, and what the site receives, are the
    /// cropped picture): a rectangle of the upright picture, or a ratio around the focal point.
    Crop {
        id: String,
        /// X,Y,WIDTH,HEIGHT in pixels of the upright (and turned) picture.
        #[arg(long, value_name = "X,Y,W,H", conflicts_with_all = ["aspect", "none"])]
        rect: Option<String>,
        /// A ratio such as 16:9, 4:3, 1:1 or 3:2, as large as the picture allows.
        #[arg(long, value_name = "W:H", conflicts_with = "none")]
        aspect: Option<String>,
        /// The subject, from 0 to 1 across and down the picture (0.5,0.5 is the middle).
        #[arg(long, value_name = "X,Y")]
        focal: Option<String>,
        /// Take the crop off.
        #[arg(long)]
        none: bool,
        #[arg(long)]
        json: bool,
    },
    /// Turn a photo clockwise (its crop turns with it).
    Rotate {
        id: String,
        #[arg(long, value_parser = ["90", "180", "270", "-90"])]
        degrees: String,
        #[arg(long)]
        json: bool,
    },
    /// Straighten a photo: a fine turn in degrees, clockwise positive (-45 to 45; 0 takes it
    /// off), the picture enlarged so no corner is empty. Its crop is kept.
    Straighten {
        id: String,
        #[arg(long, allow_negative_numbers = true)]
        degrees: f64,
        #[arg(long)]
        json: bool,
    },
    /// Give photos 0 to 5 stars.
    Rate {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=5))]
        stars: u8,
        #[arg(long)]
        json: bool,
    },
    /// Mark photos as picks.
    Pick {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark photos as rejects (kept in the library, written as rating -1 on export).
    Reject {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Take the pick or reject mark off photos.
    Unmark {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Give photos a colour label (`none` takes it off).
    Label {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_parser = ["red", "yellow", "green", "blue", "purple", "none"])]
        colour: String,
        #[arg(long)]
        json: bool,
    },
    /// Write photos into a folder with their caption fields inside, each under its own file
    /// name (numbered when a name is taken), several at a time.
    ExportDir {
        dir: PathBuf,
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, default_value = "original", value_parser = ["original", "web"])]
        rendition: String,
    },
    /// List photos (newest import first unless sorted otherwise).
    List {
        /// Only photos missing this field.
        #[arg(long, value_parser = ["caption", "credit", "alt"])]
        missing: Option<String>,
        #[arg(long)]
        article: Option<String>,
        /// Only photos with at least this many stars.
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=5))]
        min_stars: Option<u8>,
        /// Only picks, only rejects, or only unmarked photos.
        #[arg(long, value_parser = ["picked", "rejected", "unmarked"])]
        pick: Option<String>,
        /// Leave rejects out.
        #[arg(long)]
        hide_rejected: bool,
        #[arg(long, value_parser = ["red", "yellow", "green", "blue", "purple"])]
        label: Option<String>,
        /// imported (newest first), taken (capture time, the event's order), name, rating.
        #[arg(long, default_value = "imported", value_parser = ["imported", "taken", "name", "rating"])]
        sort: String,
        #[arg(long)]
        json: bool,
    },
}

/// A photo's text fields, as `photo caption` sets them and `photo template save` keeps them.
#[derive(clap::Args)]
pub struct PhotoFieldArgs {
    #[arg(long)]
    pub caption: Option<String>,
    #[arg(long)]
    pub headline: Option<String>,
    #[arg(long)]
    pub credit: Option<String>,
    #[arg(long)]
    pub creator: Option<String>,
    #[arg(long)]
    pub copyright: Option<String>,
    #[arg(long)]
    pub alt: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    /// The province or centrally run city (IPTC Province/State).
    #[arg(long)]
    pub province: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub event: Option<String>,
    /// Instructions to the desk (IPTC Special Instructions).
    #[arg(long)]
    pub instructions: Option<String>,
    /// The job, as the assignment desk names it (IPTC Transmission Reference).
    #[arg(long)]
    pub job_id: Option<String>,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum TemplateCommand {
    /// Save a template (only the fields given are set by it; codes like =hn= expand when it
    /// is applied).
    Save {
        name: String,
        #[command(flatten)]
        fields: PhotoFieldArgs,
        /// A keyword added to each photo (repeatable).
        #[arg(long = "keyword", value_name = "WORD")]
        keywords: Vec<String>,
    },
    /// Every template.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Fill photos from a template, in the order given ({seq} counts from 1).
    Apply {
        name: String,
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    Remove {
        name: String,
    },
    /// Write every template as JSON (to a file or standard output), for the other machines.
    Export {
        file: Option<PathBuf>,
    },
    /// Merge templates exported on another machine (all or none).
    Import {
        file: PathBuf,
    },
}
