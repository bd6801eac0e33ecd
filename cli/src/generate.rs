//! `errcat generate` and `errcat check`: the same outputs, written or compared.

use crate::args::{GenerateArgs, OpenApiVersion};
use crate::output::{self, BOLD, CYAN, Exit, Fail, GREEN, RED, Result, Term};
use errcat_catalog::Catalog;
use errcat_catalog::diag::terminal_text;
use errcat_codegen::build::{self, OutputKind};
use errcat_codegen::outputs::OutputSet;
use errcat_codegen::rust::RustOptions;
use errcat_codegen::{markdown, openapi, registry, rust, typescript};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What one output holds.
enum Content {
    /// One file: its full content, header included.
    File(String),
    /// A directory of files (by path relative to it), for outputs of many files.
    Dir(Vec<(PathBuf, String)>),
}

/// One output the command produces: adding an output is adding one of these in
/// [`outputs`]; writing, refusals and `check` then apply to it.
struct Output {
    /// The option that names it (`--rust`), for messages.
    flag: &'static str,
    /// Where it goes (`-`: stdout, for a file).
    path: PathBuf,
    content: Content,
}

impl Output {
    fn file(flag: &'static str, path: &Path, content: String) -> Output {
        Output {
            flag,
            path: path.to_path_buf(),
            content: Content::File(content),
        }
    }
}

/// The outputs that go to disk as one [`OutputSet`] (the `-` one is printed instead),
/// none of which may be an input: the catalog's files and the document merged from.
fn output_set(outputs: &[Output], inputs: &[PathBuf]) -> OutputSet {
    let mut set = OutputSet::new();
    set.inputs(inputs.iter().cloned());
    for o in outputs.iter().filter(|o| !is_stdout(&o.path)) {
        match &o.content {
            Content::File(text) => set.file(o.flag, &o.path, text.as_str()),
            Content::Dir(files) => set.dir(o.flag, &o.path, files.iter().cloned()),
        };
    }
    set
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

/// Reads an existing OpenAPI document for `--merge-into` (never blocking on a FIFO).
fn read_document(path: &Path) -> Result<Value> {
    let format = doc_format(path, "--merge-into")?;
    let text = errcat_catalog::read_file(path)
        .map_err(|e| Fail(format!("cannot read `{}`: {e}", path.display())))?;
    let parsed = match format {
        DocFormat::Json => serde_json::from_str(&text).map_err(|e| e.to_string()),
        DocFormat::Yaml => serde_yaml_ng::from_str(&text).map_err(|e| e.to_string()),
    };
    parsed.map_err(|e| Fail(format!("`{}` is not a valid document: {e}", path.display())))
}

/// Every path option of the arguments.
fn output_paths(args: &GenerateArgs) -> [&Option<PathBuf>; 6] {
    [
        &args.rust,
        &args.markdown,
        &args.openapi,
        &args.merge_into,
        &args.typescript,
        &args.registry,
    ]
}

/// Checks the arguments before the catalog is loaded.
fn validate(args: &GenerateArgs) -> Result<()> {
    let stdout = output_paths(args)
        .into_iter()
        .flatten()
        .filter(|p| is_stdout(p))
        .count();
    if stdout > 1 {
        return Err(Fail("only one output can be `-` (stdout)".to_owned()));
    }
    if args.site.as_deref().is_some_and(is_stdout) {
        return Err(Fail(
            "--site needs a directory: the site is many files".to_owned(),
        ));
    }
    if args.merge_into.as_deref().is_some_and(is_stdout) {
        return Err(Fail(
            "--merge-into needs a file: the document to merge into".to_owned(),
        ));
    }
    if (args.serde || args.http || args.axum || args.tracing) && args.rust.is_none() {
        return Err(Fail(
            "--serde, --http, --axum and --tracing configure --rust, which is not given".to_owned(),
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

/// Everything the arguments ask for, in a fixed order (rust, markdown, site, openapi,
/// typescript, registry).
fn outputs(catalog: &Catalog, args: &GenerateArgs) -> Result<Planned> {
    let mut out = Vec::new();
    if let Some(path) = &args.rust {
        let opts = RustOptions {
            serde: args.serde,
            http: args.http,
            axum: args.axum,
            tracing: args.tracing,
        };
        out.push(Output::file(
            "--rust",
            path,
            build::with_header(OutputKind::Rust, &rust::generate(catalog, &opts)),
        ));
    }
    if let Some(path) = &args.markdown {
        out.push(Output::file(
            "--markdown",
            path,
            build::with_header(OutputKind::Markdown, &markdown::generate(catalog)),
        ));
    }
    if let Some(dir) = &args.site {
        out.push(Output {
            flag: "--site",
            path: dir.clone(),
            content: Content::Dir(build::site_entries(catalog)),
        });
    }
    let version = match args.openapi_version {
        OpenApiVersion::V3_1 => openapi::Version::V3_1,
        OpenApiVersion::V3_0 => openapi::Version::V3_0,
    };
    match (&args.openapi, &args.merge_into) {
        (Some(path), None) => {
            let format = doc_format(path, "--openapi")?;
            let text = match format {
                DocFormat::Json => openapi::to_json_for(catalog, version),
                DocFormat::Yaml => {
                    serialize(&in_version(openapi::document(catalog), version), format)
                }
            };
            out.push(Output::file(
                "--openapi",
                path,
                build::with_header(header_kind(format), &text),
            ));
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
                    out.push(Output::file(
                        "--openapi",
                        path,
                        build::with_header(header_kind(format), &serialize(&merged, format)),
                    ));
                }
                // Written back in place: the file stays the user's, no header.
                None => {
                    let format = doc_format(existing, "--merge-into")?;
                    out.push(Output::file(
                        "--merge-into",
                        existing,
                        serialize(&merged, format),
                    ));
                }
            }
        }
        (None, None) => {}
    }
    if let Some(path) = &args.typescript {
        out.push(Output::file(
            "--typescript",
            path,
            build::with_header(OutputKind::TypeScript, &typescript::generate(catalog)),
        ));
    }
    if let Some(path) = &args.registry {
        out.push(Output::file(
            "--registry",
            path,
            build::with_header(OutputKind::Registry, &registry::generate(catalog)),
        ));
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

/// The inputs no output may be: the catalog's files, and the document `--merge-into`
/// reads when the merged result goes to `--openapi` (written back in place, it is the
/// output).
fn inputs(sources: Vec<PathBuf>, args: &GenerateArgs) -> Vec<PathBuf> {
    let mut inputs = sources;
    inputs.push(args.catalog.clone());
    if let (Some(target), Some(merged)) = (&args.openapi, &args.merge_into) {
        // `--openapi` naming the merged file itself is writing it back in place.
        let same = std::fs::canonicalize(target)
            .ok()
            .is_some_and(|t| std::fs::canonicalize(merged).is_ok_and(|m| m == t));
        if !same {
            inputs.push(merged.clone());
        }
    }
    inputs
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
    let (catalog, sources) = match output::load_with_sources(term, &args.catalog) {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let outputs = match planned(term, &catalog, args)? {
        Ok(outputs) => outputs,
        Err(exit) => return Ok(exit),
    };
    let set = output_set(&outputs, &inputs(sources, args));
    let stale = stale_site_files(&outputs)?;
    let written = set.write().map_err(|e| Fail(e.to_string()))?;
    for w in &written {
        if w.changed {
            term.info(&format!("wrote {}", w.path.display()));
        } else {
            term.info(&format!("{} is up to date", w.path.display()));
        }
    }
    // stdout last: only once every file is in place.
    for o in outputs.iter().filter(|o| is_stdout(&o.path)) {
        match &o.content {
            Content::File(text) => term.out(text),
            Content::Dir(_) => {
                return Err(Fail(format!(
                    "{} writes a directory: `-` (stdout) cannot hold it",
                    o.flag
                )));
            }
        }
    }
    for path in stale {
        std::fs::remove_file(&path)
            .map_err(|e| Fail(format!("cannot remove `{}`: {e}", path.display())))?;
        term.info(&format!("removed {}", path.display()));
    }
    Ok(Exit::Ok)
}

/// The pages in a site directory that errcat wrote but no longer writes.
fn stale_site_files(outputs: &[Output]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for o in outputs.iter().filter(|o| !is_stdout(&o.path)) {
        if let Content::Dir(files) = &o.content {
            let expected: Vec<PathBuf> = files.iter().map(|(p, _)| o.path.join(p)).collect();
            out.extend(
                build::stale_site_files(&o.path, &expected)
                    .map_err(|e| Fail(format!("cannot read `{}`: {e}", o.path.display())))?,
            );
        }
    }
    Ok(out)
}

/// `errcat check`.
pub(crate) fn check(term: &Term, args: &GenerateArgs) -> Result<Exit> {
    validate(args)?;
    let stdout = output_paths(args)
        .into_iter()
        .flatten()
        .any(|p| is_stdout(p));
    if stdout {
        return Err(Fail(
            "check compares files on disk: `-` (stdout) has nothing to compare".to_owned(),
        ));
    }
    let (catalog, sources) = match output::load_with_sources(term, &args.catalog) {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let outputs = match planned(term, &catalog, args)? {
        Ok(outputs) => outputs,
        Err(exit) => return Ok(exit),
    };
    let set = output_set(&outputs, &inputs(sources, args));
    let mut stale = Vec::new();
    for path in stale_site_files(&outputs)? {
        let shown = path.display().to_string();
        term.out(&format!(
            "{}: {shown} is a page errcat wrote that `errcat generate` now removes\n",
            term.paint_out(RED, "extra")
        ));
        stale.push(shown);
    }
    for c in set.compare().map_err(|e| Fail(e.to_string()))? {
        if c.is_up_to_date() {
            term.info(&format!("{} is up to date", c.path.display()));
            continue;
        }
        let shown = c.path.display().to_string();
        match &c.current {
            None => term.out(&format!(
                "{}: {shown} does not exist\n",
                term.paint_out(RED, "missing")
            )),
            Some(text) => {
                term.out(&format!(
                    "{}: {shown} differs from what `errcat generate` writes\n",
                    term.paint_out(RED, "stale")
                ));
                term.out(&unified_diff(term, text, &c.expected, &shown));
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
        // Either side may hold control characters (the file on disk is anyone's).
        return terminal_text(&text).into_owned();
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
                return format!("{}\n", terminal_text(line));
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
        ("--site", &args.site),
        ("--typescript", &args.typescript),
        ("--registry", &args.registry),
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
        ("--tracing", args.tracing),
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
