//! Reading what the user gives (files, standard input) and printing to standard output.

/// `println!` that ends the program quietly when the reader has gone (`newsroom … | head`),
/// as command-line tools do, instead of panicking on the broken pipe.
macro_rules! outln {
    () => {
        $crate::io::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::io::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` with the same care as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::io::write_out(format_args!($($arg)*))
    };
}

pub(crate) use {out, outln};

use newsroom_api::ApiError;
use serde::Serialize;

/// Reads the bytes of a file, or of standard input when no file is named, with the name to
/// report them by.
pub fn read_input(file: Option<&std::path::Path>) -> Result<(String, Vec<u8>), ApiError> {
    use std::io::Read;
    match file {
        Some(path) => Ok((
            path.display().to_string(),
            std::fs::read(path).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("{}: cannot read: {e}", path.display()),
                )
            })?,
        )),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ApiError::new(
                    newsroom_api::ErrorCode::InvalidInput,
                    format!("standard input: cannot read: {e}"),
                )
            })?;
            Ok(("standard input".to_owned(), bytes))
        }
    }
}

/// Reads text from a file or standard input: Unicode as it is, Vietnamese in an old code
/// converted (and said so on standard error).
pub fn read_text(file: Option<&std::path::Path>) -> Result<String, ApiError> {
    let (name, bytes) = read_input(file)?;
    let (text, conversion) = newsroom_api::text_decode(&name, &bytes, None)?;
    if let Some(conversion) = conversion {
        report_conversion(&name, &conversion);
    }
    Ok(text)
}

/// Tells the user on standard error what was converted, and from which code.
pub fn report_conversion(name: &str, conversion: &newsroom_api::Conversion) {
    let examples: Vec<String> = conversion
        .examples
        .iter()
        .map(|w| format!("“{}” → “{}”", w.before.trim(), w.after.trim()))
        .collect();
    eprintln!(
        "{name}: converted {} word{} from {} to Unicode{}{}",
        conversion.words,
        if conversion.words == 1 { "" } else { "s" },
        conversion.from.label(),
        if examples.is_empty() { "" } else { ": " },
        examples.join(", ")
    );
}

/// Writes to standard output. When the reader has closed the pipe there is no one left to
/// tell, so the program ends with success; any other failure to write is reported.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| stdout.flush());
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("error [internal]: cannot write to standard output: {e}");
            std::process::exit(1);
        }
    }
}

pub fn print_json<T: Serialize>(value: &T) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).expect("API types always serialise")
    );
}

/// A value named on the command line as the API spells it in JSON (`person`, `old`, `either`).
pub fn parse<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| ApiError::new(newsroom_api::ErrorCode::InvalidInput, e.to_string()))
}
