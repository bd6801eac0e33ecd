//! `errcat generate` and `errcat check`: the same outputs, written or compared.

use crate::args::{GenerateArgs, OpenApiVersion};
use crate::output::{self, BOLD, CYAN, Exit, Fail, GREEN, RED, Result, Term};
use errcat_catalog::Catalog;
use errcat_codegen::build::{self, OutputKind};
use errcat_codegen::rust::RustOptions;
use errcat_codegen::{markdown, openapi, rust};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One file the command produces.
struct Output {
    /// Where it goes (`-`: stdout).
    path: PathBuf,
    /// Its full content, header included.
    content: String,
}

fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// JSON or YAML, from a file name.
#[derive(Clone, Copy)]
enum DocFormat {
    Json,
    Yaml,
}

fn doc_format(path: &Path, option: &str) -> Result<DocFormat> {
    if is_stdout(path) {
        return Ok(DocFormat::Json);
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => Ok(DocFormat::Json),
        Some(e) if e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml") => {
            Ok(DocFormat::Yaml)
        }
        _ => Err(Fail(format!(
            "{option} `{}`: the file name must end in .json, .yaml or .yml",
            path.display()
        ))),
    }
}

fn serialize(doc: &Value, format: DocFormat) -> String {
    match format {
        DocFormat::Json => openapi::to_json(doc),
        DocFormat::Yaml => openapi::to_yaml(doc),
    }
}

fn header_kind(format: DocFormat) -> OutputKind {
    match format {
        DocFormat::Json => OutputKind::OpenApiJson,
        DocFormat::Yaml => OutputKind::OpenApiYaml,
    }
}

/// Reads an existing OpenAPI document for `--merge-into`.
fn read_document(path: &Path) -> Result<Value> {
    let format = doc_format(path, "--merge-into")?;
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fail(format!("cannot read `{}`: {e}", path.display())))?;
    let parsed = match format {
        DocFormat::Json => serde_json::from_str(&text).map_err(|e| e.to_string()),
        DocFormat::Yaml => serde_yaml_ng::from_str(&text).map_err(|e| e.to_string()),
    };
    parsed.map_err(|e| Fail(format!("`{}` is not a valid document: {e}", path.display())))
}

/// Checks the arguments before the catalog is loaded.
fn validate(args: &GenerateArgs) -> Result<()> {
    let stdout = [&args.rust, &args.markdown, &args.openapi, &args.merge_into]
        .into_iter()
        .flatten()
        .filter(|p| is_stdout(p))
        .count();
    if stdout > 1 {
        return Err(Fail("only one output can be `-` (stdout)".to_owned()));
    }
    if args.merge_into.as_deref().is_some_and(is_stdout) {
        return Err(Fail(
            "--merge-into needs a file: the document to merge into".to_owned(),
        ));
    }
    if (args.serde || args.http || args.axum) && args.rust.is_none() {
        return Err(Fail(
            "--serde, --http and --axum configure --rust, which is not given".to_owned(),
        ));
    }
    if args.openapi_version != OpenApiVersion::V3_1
        && args.openapi.is_none()
        && args.merge_into.is_none()
    {
        return Err(Fail(
            "--openapi-version configures --openapi and --merge-into, neither of which is given"
                .to_owned(),
        ));
    }
    if let Some(p) = &args.openapi {
        doc_format(p, "--openapi")?;
    }
    if let Some(p) = &args.merge_into {
        doc_format(p, "--merge-into")?;
    }
    Ok(())
}

/// What `outputs` gives: the outputs, or findings that stop the command with exit 1 (the
/// catalog's operations and the merged document's differ).
type Planned = std::result::Result<Vec<Output>, String>;

/// Everything the arguments ask for, in a fixed order (rust, markdown, openapi).
fn outputs(catalog: &Catalog, args: &GenerateArgs) -> Result<Planned> {
    let mut out = Vec::new();
    if let Some(path) = &args.rust {
        let opts = RustOptions {
            serde: args.serde,
            http: args.http,
            axum: args.axum,
        };
        out.push(Output {
            path: path.clone(),
            content: build::with_header(OutputKind::Rust, &rust::generate(catalog, &opts)),
        });
    }
    if let Some(path) = &args.markdown {
        out.push(Output {
            path: path.clone(),
            content: build::with_header(OutputKind::Markdown, &markdown::generate(catalog)),
        });
    }
    let version = match args.openapi_version {
        OpenApiVersion::V3_1 => openapi::Version::V3_1,
        OpenApiVersion::V3_0 => openapi::Version::V3_0,
    };
    let generated = openapi::document(catalog);
    match (&args.openapi, &args.merge_into) {
        (Some(path), None) => {
            let format = doc_format(path, "--openapi")?;
            out.push(Output {
                path: path.clone(),
                content: build::with_header(
                    header_kind(format),
                    &serialize(&in_version(generated, version), format),
                ),
            });
        }
        (target, Some(existing)) => {
            let options = openapi::MergeOptions {
                replace_components: args.replace_components,
            };
            let merged = match openapi::merge(read_document(existing)?, catalog, &options) {
                Ok(merged) => merged,
                Err(e @ openapi::MergeError::Operations(_)) => {
                    return Ok(Err(format!("`{}`: {e}", existing.display())));
                }
                Err(e @ openapi::MergeError::NotGenerated(_)) => {
                    return Err(Fail(format!(
                        "`{}`: {e}; nothing was written (--replace-components replaces them)",
                        existing.display()
                    )));
                }
                Err(e) => {
                    return Err(Fail(format!(
                        "cannot merge into `{}`: {e}; nothing was written",
                        existing.display()
                    )));
                }
            };
            // The whole merged document is written in the version asked for.
            let merged = in_version(merged, version);
            match target {
                // A separate output: generated from its inputs, so it gets the header.
                Some(path) => {
                    let format = doc_format(path, "--openapi")?;
                    out.push(Output {
                        path: path.clone(),
                        content: build::with_header(
                            header_kind(format),
                            &serialize(&merged, format),
                        ),
                    });
                }
                // Written back in place: the file stays the user's, no header.
                None => {
                    let format = doc_format(existing, "--merge-into")?;
                    out.push(Output {
                        path: existing.clone(),
                        content: serialize(&merged, format),
                    });
                }
            }
        }
        (None, None) => {}
    }
    Ok(Ok(out))
}

/// The outputs, or the exit status after printing the findings that stop the command.
fn planned(
    term: &Term,
    catalog: &Catalog,
    args: &GenerateArgs,
) -> Result<std::result::Result<Vec<Output>, Exit>> {
    Ok(outputs(catalog, args)?.map_err(|findings| {
        term.error(&findings);
        Exit::Findings
    }))
}

/// A 3.1 document in `version`.
fn in_version(doc: Value, version: openapi::Version) -> Value {
    match version {
        openapi::Version::V3_1 => doc,
        openapi::Version::V3_0 => openapi::to_3_0(&doc),
    }
}

/// `errcat generate`.
pub(crate) fn generate(term: &Term, args: &GenerateArgs) -> Result<Exit> {
    validate(args)?;
    let catalog = match output::load(term, &args.catalog) {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let outputs = match planned(term, &catalog, args)? {
        Ok(outputs) => outputs,
        Err(exit) => return Ok(exit),
    };
    for o in &outputs {
        if is_stdout(&o.path) {
            term.out(&o.content);
            continue;
        }
        if let Some(dir) = o.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Fail(format!("cannot create `{}`: {e}", dir.display())))?;
        }
        let written = build::write_if_changed(&o.path, &o.content)
            .map_err(|e| Fail(format!("cannot write `{}`: {e}", o.path.display())))?;
        if written {
            term.info(&format!("wrote {}", o.path.display()));
        } else {
            term.info(&format!("{} is up to date", o.path.display()));
        }
    }
    Ok(Exit::Ok)
}

/// `errcat check`.
pub(crate) fn check(term: &Term, args: &GenerateArgs) -> Result<Exit> {
    validate(args)?;
    let stdout = [&args.rust, &args.markdown, &args.openapi, &args.merge_into]
        .into_iter()
        .flatten()
        .any(|p| is_stdout(p));
    if stdout {
        return Err(Fail(
            "check compares files on disk: `-` (stdout) has nothing to compare".to_owned(),
        ));
    }
    let catalog = match output::load(term, &args.catalog) {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let outputs = match planned(term, &catalog, args)? {
        Ok(outputs) => outputs,
        Err(exit) => return Ok(exit),
    };
    let mut stale = Vec::new();
    for o in outputs {
        let current = match std::fs::read(&o.path) {
            // Not UTF-8 cannot be what errcat writes: shown lossily, it differs.
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Fail(format!("cannot read `{}`: {e}", o.path.display()))),
        };
        if current.as_deref() == Some(o.content.as_str()) {
            term.info(&format!("{} is up to date", o.path.display()));
            continue;
        }
        let shown = o.path.display().to_string();
        match &current {
            None => term.out(&format!(
                "{}: {shown} does not exist\n",
                term.paint_out(RED, "missing")
            )),
            Some(text) => {
                term.out(&format!(
                    "{}: {shown} differs from what `errcat generate` writes\n",
                    term.paint_out(RED, "stale")
                ));
                term.out(&unified_diff(term, text, &o.content, &shown));
            }
        }
        stale.push(shown);
    }
    if stale.is_empty() {
        return Ok(Exit::Ok);
    }
    term.out(&format!(
        "\n{} {} out of date; to fix, run:\n\n    {}\n",
        stale.len(),
        if stale.len() == 1 {
            "file is"
        } else {
            "files are"
        },
        term.paint_out(BOLD, &fix_command(args))
    ));
    Ok(Exit::Findings)
}

/// A unified diff (on disk -> generated), coloured like `git diff` when colours are on.
fn unified_diff(term: &Term, old: &str, new: &str, path: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("{path} (on disk)"), &format!("{path} (generated)"))
        .missing_newline_hint(true)
        .to_string();
    if !term.color_out {
        return text;
    }
    text.lines()
        .map(|line| {
            let style = if line.starts_with("+++") || line.starts_with("---") {
                BOLD
            } else if line.starts_with('+') {
                GREEN
            } else if line.starts_with('-') {
                RED
            } else if line.starts_with("@@") {
                CYAN
            } else {
                return format!("{line}\n");
            };
            format!("{}\n", output::paint(true, style, line))
        })
        .collect()
}

/// The `errcat generate` command line that rewrites the files `check` was given.
pub(crate) fn fix_command(args: &GenerateArgs) -> String {
    let mut words = vec![
        "errcat".to_owned(),
        "generate".to_owned(),
        quote(&args.catalog),
    ];
    let options = [
        ("--rust", &args.rust),
        ("--markdown", &args.markdown),
        ("--openapi", &args.openapi),
        ("--merge-into", &args.merge_into),
    ];
    for (flag, value) in options {
        if let Some(path) = value {
            words.push(flag.to_owned());
            words.push(quote(path));
        }
    }
    if args.openapi_version == OpenApiVersion::V3_0 {
        words.push("--openapi-version".to_owned());
        words.push("3.0".to_owned());
    }
    for (flag, on) in [
        ("--replace-components", args.replace_components),
        ("--serde", args.serde),
        ("--http", args.http),
        ("--axum", args.axum),
    ] {
        if on {
            words.push(flag.to_owned());
        }
    }
    words.join(" ")
}

/// A path as a POSIX shell word.
fn quote(path: &Path) -> String {
    let s = path.to_string_lossy();
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@+,%".contains(c));
    if safe {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote(Path::new("docs/errors.md")), "docs/errors.md");
        assert_eq!(quote(Path::new("my docs/e.md")), "'my docs/e.md'");
        assert_eq!(quote(Path::new("it's.md")), r"'it'\''s.md'");
    }
}
