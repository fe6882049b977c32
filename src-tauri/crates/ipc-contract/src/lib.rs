//! The desktop shell's IPC contract, derived from one place: the `#[tauri::command]` functions
//! in `src-tauri/src/commands/*.rs`. Adding a command means writing its `Api` method and that
//! one function; everything else that must agree with it is made from the declarations:
//!
//! - the handler list the shell registers and the command names `build.rs` gives tauri-build
//!   (so each command needs a permission), both made at build time;
//! - `src-tauri/capabilities/commands.json`, the main window's permission for every command;
//! - `ui/src/app/commands.ts`, the UI's typed wrapper for every command, with its argument
//!   keys as Tauri expects them (camelCase) and its types named from `ui/src/bindings.ts`.
//!
//! The two files are checked in and drift-checked by this crate's test, like the bindings.
//!
//! The crate reads Rust source with `syn` and knows nothing of Tauri, so the build script can
//! use it and its test runs without a webview.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Type};

/// One command as the shell declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The function's name: the command's name over IPC.
    pub name: String,
    /// The commands file it is declared in (`articles` for `commands/articles.rs`).
    pub module: String,
    pub params: Vec<Param>,
    /// What the UI receives, as a TypeScript type.
    pub returns: String,
    /// The doc comment, line by line.
    pub doc: Vec<String>,
}

/// One parameter of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The Rust name (snake_case); the UI sends it as [`Param::key`].
    pub name: String,
    pub kind: ParamKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamKind {
    /// A value the UI sends, of this TypeScript type.
    Value(String),
    /// A channel the command reports on; the UI passes a callback for its messages.
    Channel(String),
    /// The raw request: the UI sends bytes as the body and strings as headers.
    RawRequest,
    /// Given by Tauri (state, the app handle, the window): the UI sends nothing.
    Injected,
}

impl Param {
    /// The argument's key in the invoke payload: Tauri expects camelCase.
    pub fn key(&self) -> String {
        camel_case(&self.name)
    }
}

/// Types Tauri hands a command itself; the UI never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// Reads every command declared in the `.rs` files of `dir`, ordered by file name and then as
/// declared.
pub fn read_commands(dir: &Path) -> Result<Vec<Command>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for file in files {
        let module = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        for item in parsed.items {
            let Item::Fn(function) = item else { continue };
            if !function.attrs.iter().any(is_command_attribute) {
                continue;
            }
            commands.push(command(&module, &function).map_err(|e| format!("{}: {e}", file.display()))?);
        }
    }
    let mut seen = BTreeSet::new();
    for command in &commands {
        if !seen.insert(command.name.as_str()) {
            return Err(format!("the command {} is declared twice", command.name));
        }
    }
    Ok(commands)
}

fn is_command_attribute(attr: &syn::Attribute) -> bool {
    let segments: Vec<String> = attr.path().segments.iter().map(|s| s.ident.to_string()).collect();
    segments == ["tauri", "command"] || segments == ["command"]
}

fn command(module: &str, function: &syn::ItemFn) -> Result<Command, String> {
    let name = function.sig.ident.to_string();
    let mut params = Vec::new();
    for input in &function.sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err(format!("{name}: a command takes no self"));
        };
        let Pat::Ident(ident) = &*typed.pat else {
            return Err(format!("{name}: name every parameter"));
        };
        params.push(Param {
            name: ident.ident.to_string(),
            kind: param_kind(&typed.ty).map_err(|e| format!("{name}: {e}"))?,
        });
    }
    let returns = match &function.sig.output {
        ReturnType::Default => "null".to_owned(),
        ReturnType::Type(_, ty) => ts_type(unwrap_result(ty)).map_err(|e| format!("{name}: {e}"))?,
    };
    let doc = function
        .attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    Ok(Command {
        name,
        module: module.to_owned(),
        params,
        returns,
        doc,
    })
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) => path.path.segments.last(),
        _ => None,
    }
}

/// The type arguments of `Name<A, B>`.
fn type_arguments(segment: &syn::PathSegment) -> Vec<&Type> {
    match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn param_kind(ty: &Type) -> Result<ParamKind, String> {
    let Some(segment) = last_segment(ty) else {
        return Ok(ParamKind::Value(ts_type(ty)?));
    };
    let ident = segment.ident.to_string();
    if INJECTED.contains(&ident.as_str()) {
        return Ok(ParamKind::Injected);
    }
    match ident.as_str() {
        "Request" => Ok(ParamKind::RawRequest),
        "Channel" => {
            let message = type_arguments(segment)
                .first()
                .copied()
                .ok_or("a channel names its message type")?;
            Ok(ParamKind::Channel(ts_type(message)?))
        }
        _ => Ok(ParamKind::Value(ts_type(ty)?)),
    }
}

/// `ApiResult<T>` and `Result<T, E>` reach the UI as `T` (the error is thrown).
fn unwrap_result(ty: &Type) -> &Type {
    match last_segment(ty) {
        Some(segment) if segment.ident == "ApiResult" || segment.ident == "Result" => {
            type_arguments(segment).first().copied().unwrap_or(ty)
        }
        _ => ty,
    }
}

/// The TypeScript type of a Rust type as serde sends it.
fn ts_type(ty: &Type) -> Result<String, String> {
    match ty {
        Type::Reference(reference) => ts_type(&reference.elem),
        Type::Tuple(tuple) if tuple.elems.is_empty() => Ok("null".to_owned()),
        Type::Path(_) => {
            let segment = last_segment(ty).expect("a path has a segment");
            let args = type_arguments(segment);
            let ident = segment.ident.to_string();
            Ok(match ident.as_str() {
                "String" | "str" | "PathBuf" | "Path" => "string".to_owned(),
                "bool" => "boolean".to_owned(),
                "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "f32"
                | "f64" => "number".to_owned(),
                "Value" => "unknown".to_owned(),
                "Option" => format!("{} | null", ts_type(args.first().ok_or("Option<T> names T")?)?),
                "Vec" => {
                    let inner = ts_type(args.first().ok_or("Vec<T> names T")?)?;
                    if inner.contains(' ') {
                        format!("({inner})[]")
                    } else {
                        format!("{inner}[]")
                    }
                }
                _ if args.is_empty() => ident,
                _ => return Err(format!("no TypeScript type for {ident}<…>")),
            })
        }
        _ => Err("no TypeScript type for this parameter".to_owned()),
    }
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The shell's handler list, as an expression for `Builder::invoke_handler`.
pub fn invoke_handler(commands: &[Command]) -> String {
    let mut out = String::from("tauri::generate_handler![\n");
    for command in commands {
        let _ = writeln!(out, "    crate::commands::{}::{},", command.module, command.name);
    }
    out.push(']');
    out
}

/// The main window's permission for every command, as tauri-build names them.
pub fn capability(commands: &[Command]) -> String {
    let mut out = String::from(
        "{\n  \"$schema\": \"../../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"commands\",\n  \
         \"description\": \"Generated from src-tauri/src/commands/*.rs by newsroom-ipc-contract: the main window may \
         call each of the app's own commands. Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p \
         newsroom-ipc-contract`.\",\n  \"windows\": [\"main\"],\n  \"permissions\": [\n",
    );
    let lines: Vec<String> = commands
        .iter()
        .map(|c| format!("    \"allow-{}\"", c.name.replace('_', "-")))
        .collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}

/// The UI's typed wrapper for every command (`ui/src/app/commands.ts`).
pub fn typescript(commands: &[Command]) -> String {
    let builtin = ["string", "boolean", "number", "null", "unknown"];
    let mut named = BTreeSet::new();
    let mut note = |ts: &str| {
        for word in ts.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if !word.is_empty() && !builtin.contains(&word) {
                named.insert(word.to_owned());
            }
        }
    };
    for command in commands {
        note(&command.returns);
        for param in &command.params {
            if let ParamKind::Value(ts) | ParamKind::Channel(ts) = &param.kind {
                note(ts);
            }
        }
    }
    let mut out = String::from(
        "// Generated from the shell's command declarations (src-tauri/src/commands/*.rs) by\n\
         // newsroom-ipc-contract. Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-ipc-contract`.\n",
    );
    if !named.is_empty() {
        let names: Vec<&str> = named.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "import type {{ {} }} from \"../bindings\";",
            names.join(", ")
        );
    }
    out.push_str("import { call, callRaw, channel } from \"./invoke\";\n\nexport const ipc = {\n");
    let mut module = "";
    for command in commands {
        if command.module != module {
            module = &command.module;
            let _ = writeln!(out, "  // {module}");
        }
        if !command.doc.is_empty() {
            let _ = writeln!(out, "  /** {} */", command.doc.join(" ").replace("*/", "* /"));
        }
        let mut params = Vec::new();
        let mut payload = Vec::new();
        let mut raw = false;
        for param in &command.params {
            let key = param.key();
            match &param.kind {
                ParamKind::Value(ts) => {
                    params.push(format!("{key}: {ts}"));
                    payload.push(key);
                }
                ParamKind::Channel(ts) => {
                    params.push(format!("{key}: (message: {ts}) => void"));
                    payload.push(format!("{key}: channel({key})"));
                }
                ParamKind::RawRequest => {
                    params.push("body: Uint8Array, headers: Record<string, string>".to_owned());
                    raw = true;
                }
                ParamKind::Injected => {}
            }
        }
        let key = camel_case(&command.name);
        let call = if raw {
            format!(
                "callRaw<{}>(\"{}\", body, headers)",
                command.returns, command.name
            )
        } else if payload.is_empty() {
            format!("call<{}>(\"{}\")", command.returns, command.name)
        } else {
            format!(
                "call<{}>(\"{}\", {{ {} }})",
                command.returns,
                command.name,
                payload.join(", ")
            )
        };
        let _ = writeln!(out, "  {key}: ({}) =>\n    {call},", params.join(", "));
    }
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Vec<Command> {
        // One folder per call: the tests run side by side in one process, and a shared folder
        // was removed by one while another wrote into it.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("ipc-contract-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("things.rs"), source).unwrap();
        let commands = read_commands(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        commands
    }

    #[test]
    fn arguments_become_camel_case_keys_and_injected_ones_are_not_sent() {
        let commands = parse(
            "/// Finds things.\n#[tauri::command]\npub async fn thing_find(state: State<'_, AppState>, \
             article_id: String, photo_ids: Vec<String>, lead: Option<String>) -> ApiResult<Vec<Thing>> { todo() }\n\
             fn not_a_command() {}\n",
        );
        assert_eq!(commands.len(), 1);
        let ts = typescript(&commands);
        assert!(ts.contains("import type { Thing } from \"../bindings\";"), "{ts}");
        assert!(
            ts.contains(
                "thingFind: (articleId: string, photoIds: string[], lead: string | null) =>\n    \
                 call<Thing[]>(\"thing_find\", { articleId, photoIds, lead }),"
            ),
            "{ts}"
        );
        assert!(ts.contains("/** Finds things. */"));
        assert!(invoke_handler(&commands).contains("crate::commands::things::thing_find,"));
        assert!(capability(&commands).contains("\"allow-thing-find\""));
    }

    #[test]
    fn channels_take_a_callback_and_raw_requests_take_bytes() {
        let commands = parse(
            "#[tauri::command]\npub async fn thing_import(app: AppHandle, progress: Channel<Progress>) -> ApiResult<u32> { x() }\n\
             #[tauri::command]\npub async fn thing_paste(app: tauri::AppHandle, request: Request<'_>) -> ApiResult<()> { x() }\n\
             #[tauri::command]\npub fn thing_painted(app: tauri::AppHandle) {}\n",
        );
        let ts = typescript(&commands);
        assert!(ts.contains(
            "thingImport: (progress: (message: Progress) => void) =>\n    call<number>(\"thing_import\", { progress: channel(progress) }),"
        ), "{ts}");
        assert!(ts.contains(
            "thingPaste: (body: Uint8Array, headers: Record<string, string>) =>\n    callRaw<null>(\"thing_paste\", body, headers),"
        ), "{ts}");
        assert!(
            ts.contains("thingPainted: () =>\n    call<null>(\"thing_painted\"),"),
            "{ts}"
        );
    }

    #[test]
    fn a_command_declared_twice_is_refused() {
        let dir = std::env::temp_dir().join(format!("ipc-contract-twice-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.rs"), "#[tauri::command]\nfn same() {}\n").unwrap();
        std::fs::write(dir.join("b.rs"), "#[tauri::command]\nfn same() {}\n").unwrap();
        let refused = read_commands(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(refused, Err("the command same is declared twice".to_owned()));
    }
}
