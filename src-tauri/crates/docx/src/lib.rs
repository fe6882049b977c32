//! A piece as a Word document (.docx), for a page editor or a source to read and mark up:
//! headline, sapo, byline and dateline, then the body as the one renderer reads it (one
//! Enter a paragraph, headings, bold and italic, lists, quotes, links) with its photos placed
//! where the reporter placed them, each with its caption and credit under it.
//!
//! Invariant: the body's structure comes from `newsroom_markdown::structure`, so the document
//! says what the preview and the site say; nothing in the text is interpreted as Word markup.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Hyperlink, HyperlinkType, Paragraph, Pic, Run as DocxRun, RunFonts,
    SpecialIndentType, Style, StyleType,
};
use newsroom_markdown::{Block, Run};

/// The fields of a piece a document shows.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    pub headline: &'a str,
    pub sapo: &'a str,
    pub byline: &'a str,
    pub dateline: &'a str,
    /// The body's Markdown.
    pub body: &'a str,
    /// The lead photo: shown after the sapo when the body does not place it, as the site shows
    /// its featured image at the head of the piece.
    pub lead: Option<&'a str>,
}

/// A photo ready to be placed: PNG bytes (what the format's pictures are here) and their
/// size, with what is printed under it.
#[derive(Debug, Clone)]
pub struct Photo {
    png: Vec<u8>,
    width: u32,
    height: u32,
    pub caption: String,
    pub credit: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("the photo cannot be read: {0}")]
    Photo(String),
    #[error("the document cannot be written: {0}")]
    Write(String),
}

/// Pictures are placed at most this wide, in pixels: sharp on the page, small in the file.
const PICTURE_EDGE: u32 = 1200;
/// The text column of an A4 page with 2.5 cm margins, in EMU (914,400 to the inch).
const COLUMN_EMU: u64 = 5_760_720;
const EMU_PER_PIXEL: u64 = 9_525;

impl Photo {
    /// A photo from an image file's bytes (a rendition), scaled down to the picture size.
    pub fn from_image(bytes: &[u8], caption: &str, credit: &str) -> Result<Photo, DocxError> {
        let image = image::load_from_memory(bytes).map_err(|e| DocxError::Photo(e.to_string()))?;
        let image = if image.width() > PICTURE_EDGE {
            image.resize(PICTURE_EDGE, u32::MAX, image::imageops::FilterType::Triangle)
        } else {
            image
        };
        let mut png = Cursor::new(Vec::new());
        image
            .to_rgb8()
            .write_to(&mut png, image::ImageFormat::Png)
            .map_err(|e| DocxError::Photo(e.to_string()))?;
        Ok(Photo {
            png: png.into_inner(),
            width: image.width(),
            height: image.height(),
            caption: caption.trim().to_owned(),
            credit: credit.trim().to_owned(),
        })
    }

    /// The picture's size on the page, in EMU: its pixels at 96 dpi, narrowed to the column.
    fn size_emu(&self) -> (u32, u32) {
        let width = (u64::from(self.width) * EMU_PER_PIXEL).min(COLUMN_EMU);
        let height = width * u64::from(self.height) / u64::from(self.width.max(1));
        (width as u32, height as u32)
    }
}

/// A file name for a piece's document: its headline (Vietnamese letters kept, as every
/// system's files allow), without the characters Windows refuses, at most 80 characters.
pub fn file_name(headline: &str) -> String {
    let name: String = headline
        .chars()
        .map(|c| {
            if c.is_control() || r#"<>:"/\|?*"#.contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name: String = name.chars().take(80).collect();
    let name = name.trim_end_matches(['.', ' ']);
    format!("{}.docx", if name.is_empty() { "bai-viet" } else { name })
}

/// The document of `piece`; `photo` gives the photo of a `photo:ID` in the body, asked only
/// for the photos the document shows (one it does not know is left out, as the site leaves it
/// out; one it cannot read fails the document).
pub fn write(
    piece: &Piece<'_>,
    photo: &dyn Fn(&str) -> Result<Option<Photo>, DocxError>,
) -> Result<Vec<u8>, DocxError> {
    let blocks = newsroom_markdown::structure(piece.body);
    let placed = |id: &str| {
        blocks
            .iter()
            .any(|b| matches!(b, Block::Photo { id: p, .. } if p == id))
    };
    let mut doc = styled(Docx::new());
    doc = doc.add_paragraph(text_paragraph("Title", piece.headline));
    let credit_line = [piece.byline.trim(), piece.dateline.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    if !credit_line.is_empty() {
        doc = doc.add_paragraph(text_paragraph("Byline", &credit_line));
    }
    if !piece.sapo.trim().is_empty() {
        doc = doc.add_paragraph(text_paragraph("Sapo", piece.sapo.trim()));
    }
    if let Some(lead) = piece.lead.filter(|id| !placed(id)) {
        if let Some(found) = photo(lead)? {
            doc = place_photo(doc, &found, "");
        }
    }
    for block in blocks {
        doc = match block {
            Block::Heading { level, runs } => {
                doc.add_paragraph(runs_paragraph(&format!("Heading{}", level.clamp(1, 3)), &runs))
            }
            Block::Paragraph(runs) => doc.add_paragraph(runs_paragraph("Normal", &runs)),
            Block::Quote(runs) => doc.add_paragraph(runs_paragraph("Quote", &runs)),
            Block::Item { number, depth, runs } => {
                let marker = number.map_or("•".to_owned(), |n| format!("{n}."));
                let mut marked = vec![Run {
                    text: format!("{marker}\t"),
                    ..Run::default()
                }];
                marked.extend(runs);
                let left = 720 * (depth as i32 + 1);
                doc.add_paragraph(runs_paragraph("Normal", &marked).indent(
                    Some(left),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ))
            }
            Block::Photo { id, alt } => match photo(&id)? {
                Some(found) => place_photo(doc, &found, &alt),
                None => doc,
            },
            Block::Code(code) => {
                let mut paragraph = Paragraph::new().style("Code");
                for (i, line) in code.lines().enumerate() {
                    let mut run = DocxRun::new();
                    if i > 0 {
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    paragraph = paragraph.add_run(run.add_text(line));
                }
                doc.add_paragraph(paragraph)
            }
            Block::Rule => doc.add_paragraph(
                Paragraph::new()
                    .style("Normal")
                    .align(AlignmentType::Center)
                    .add_run(DocxRun::new().add_text("* * *")),
            ),
        };
    }
    let mut out = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| DocxError::Write(e.to_string()))?;
    Ok(out.into_inner())
}

fn place_photo(doc: Docx, photo: &Photo, alt: &str) -> Docx {
    let (width, height) = photo.size_emu();
    let picture = Pic::new_with_dimensions(photo.png.clone(), photo.width, photo.height).size(width, height);
    let doc = doc.add_paragraph(
        Paragraph::new()
            .style("Normal")
            .align(AlignmentType::Center)
            .keep_next(true)
            .add_run(DocxRun::new().add_image(picture)),
    );
    let caption = if photo.caption.is_empty() {
        alt.trim()
    } else {
        &photo.caption
    };
    let credit = match photo.credit.as_str() {
        "" => String::new(),
        c if c.starts_with('(') => c.to_owned(),
        c => format!("({c})"),
    };
    let line = [caption, credit.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if line.is_empty() {
        return doc;
    }
    doc.add_paragraph(text_paragraph("Caption", &line))
}

fn text_paragraph(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(DocxRun::new().add_text(text))
}

fn runs_paragraph(style: &str, runs: &[Run]) -> Paragraph {
    let mut paragraph = Paragraph::new().style(style);
    for run in runs {
        let mut out = DocxRun::new();
        if run.line_break {
            out = out.add_break(BreakType::TextWrapping);
        }
        if !run.text.is_empty() {
            out = match run.text.split_once('\t') {
                Some((before, "")) => out.add_text(before).add_tab(),
                _ => out.add_text(run.text.as_str()),
            };
        }
        if run.bold {
            out = out.bold();
        }
        if run.italic {
            out = out.italic();
        }
        if run.strike {
            out = out.strike();
        }
        if run.code {
            out = out.fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New"));
        }
        paragraph = match &run.link {
            Some(url) => paragraph.add_hyperlink(
                Hyperlink::new(url.as_str(), HyperlinkType::External).add_run(out.style("Hyperlink")),
            ),
            None => paragraph.add_run(out),
        };
    }
    paragraph
}

/// The document's styles: Times New Roman (on every Windows and Mac, with every Vietnamese
/// letter), the headline large, the sapo bold, captions small and italic. Sizes are in half
/// points.
fn styled(doc: Docx) -> Docx {
    let font = RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman");
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
    };
    doc.default_fonts(font)
        .default_size(26)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(paragraph("Title", "Title").size(44).bold())
        .add_style(paragraph("Byline", "Byline").italic().color("555555"))
        .add_style(paragraph("Sapo", "Sapo").bold())
        .add_style(paragraph("Heading1", "heading 1").size(34).bold().outline_lvl(0))
        .add_style(paragraph("Heading2", "heading 2").size(30).bold().outline_lvl(1))
        .add_style(paragraph("Heading3", "heading 3").size(28).bold().outline_lvl(2))
        .add_style(
            paragraph("Quote", "Quote")
                .italic()
                .indent(Some(720), None, Some(720), None),
        )
        .add_style(
            paragraph("Caption", "caption")
                .italic()
                .size(22)
                .align(AlignmentType::Center),
        )
        .add_style(
            paragraph("Code", "Code").fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New")),
        )
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
}
