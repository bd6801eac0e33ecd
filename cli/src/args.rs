//! The command line, as clap derive types.

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// One TOML catalog of an HTTP API's errors: Rust types, markdown docs and OpenAPI 3.1
/// generated from it.
#[derive(Debug, Parser)]
// `term_width = 0`: help is never re-wrapped, whether or not a crate elsewhere in the
// build enables clap's `wrap_help` feature (divan's default does).
#[command(name = "errcat", version, propagate_version = true, term_width = 0)]
#[command(
    after_help = "Exit status: 0 success, 1 findings (errors in the catalog, stale files, \
breaking changes), 2 usage errors or unreadable input."
)]
pub struct Cli {
    /// When to use colours: auto (when the output is a terminal and NO_COLOR is not set),
    /// always or never.
    #[arg(
        long,
        value_enum,
        global = true,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN",
        hide_possible_values = true,
        display_order = 100
    )]
    pub color: ColorChoice,
    /// Print findings and errors only: no warnings, progress or summary lines.
    #[arg(short, long, global = true, display_order = 101)]
    pub quiet: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When the output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate Rust types, markdown docs and OpenAPI from a catalog.
    ///
    /// Each output gets an `@generated` header and is written atomically, only when its
    /// content changed; `-` writes to stdout. A catalog with errors writes nothing.
    Generate(GenerateArgs),
    /// Exit 1 when a file `generate` writes is not up to date, printing the diff and the
    /// command that fixes it.
    ///
    /// Takes the same arguments as `generate` (`-` is not allowed). This is the drift
    /// gate for CI: generated docs and code never silently fall behind the catalog.
    Check(GenerateArgs),
    /// Report every diagnostic of a catalog, warnings included.
    Lint(LintArgs),
    /// Explain one error of a catalog (or list the errors returned with a status).
    Explain(ExplainArgs),
    /// Report the breaking changes between two versions of a catalog.
    ///
    /// OLD and NEW are paths, or `REV:path` to read a catalog (and the files it
    /// includes) from git, e.g. `origin/main:errors.toml`. The path after `REV:` is
    /// relative to the current directory, like a plain path. Exits 1 when a change breaks
    /// clients; docs/diff-rules.md lists every rule.
    Diff(DiffArgs),
    /// Report catalog errors that a crate's code never constructs, and constructions of
    /// errors the catalog retired or deprecated.
    ///
    /// Parses every `.rs` file under each SRC (Rust syntax, not text patterns) and finds
    /// the paths, struct expressions and calls that name a variant of the catalog's error
    /// enum (`ApiError::InvoiceNotFound { .. }`, `Self::RateLimited`, imported aliases and
    /// variants). Test code (`#[cfg(test)]`, `#[test]`) and `@generated` files are not
    /// counted. Exits 1 when it reports anything.
    Scan(ScanArgs),
    /// Write a commented starter catalog that extends the standard HTTP catalog.
    Init(InitArgs),
    /// Print the JSON Schema of the catalog format (for Taplo / Even Better TOML).
    ///
    /// Save it and point a `#:schema` comment at it on the first line of the catalog:
    /// `errcat schema > errcat.schema.json`, then `#:schema ./errcat.schema.json`.
    Schema,
    /// Print a shell completion script.
    ///
    /// For example `errcat completions bash > ~/.local/share/bash-completion/completions/errcat`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Arguments of `generate` and `check`.
#[derive(Debug, Clone, Args)]
#[command(group(
    ArgGroup::new("outputs")
        .required(true)
        .multiple(true)
        .args(["rust", "markdown", "openapi", "merge_into", "typescript", "registry"])
))]
pub struct GenerateArgs {
    /// The catalog file.
    pub catalog: PathBuf,
    /// Write the Rust types to FILE.
    #[arg(long, value_name = "FILE")]
    pub rust: Option<PathBuf>,
    /// Write the markdown reference page to FILE.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Write the OpenAPI document to FILE (`.json`, `.yaml` or `.yml`; `-` is JSON).
    ///
    /// With --merge-into, FILE receives the merged document instead of the merged file
    /// itself.
    #[arg(long, value_name = "FILE")]
    pub openapi: Option<PathBuf>,
    /// Merge the generated components into this existing OpenAPI document (JSON or YAML
    /// by extension).
    ///
    /// Only the components errcat generates are replaced (and, when the catalog has
    /// `[operations]`, each operation's error responses, which must match the document's
    /// operations); the rest of the document is kept. A document that is not an OpenAPI
    /// object is refused. The result is written back to this file, or to --openapi when it is given
    /// (this file is then only read). YAML comments of the merged file are not kept.
    #[arg(long, value_name = "FILE")]
    pub merge_into: Option<PathBuf>,
    /// With --merge-into: replace components (and operation responses) that errcat did
    /// not generate but that have the name of one it generates.
    ///
    /// Without it such a document is refused: errcat marks what it generates with
    /// `x-errcat-generated`, and replaces only that.
    #[arg(long, requires = "merge_into")]
    pub replace_components: bool,
    /// The OpenAPI version of --openapi / --merge-into: 3.1 (OpenAPI 3.1.0), or 3.0
    /// (OpenAPI 3.0.3, for tools that read only 3.0, such as progenitor).
    #[arg(long, value_enum, value_name = "VERSION", default_value_t = OpenApiVersion::V3_1)]
    pub openapi_version: OpenApiVersion,
    /// Write the TypeScript client module to FILE: the errors as a discriminated union,
    /// `decode(status, body)` and the tables, with no dependency.
    #[arg(long, value_name = "FILE")]
    pub typescript: Option<PathBuf>,
    /// Write the registry to FILE: every error code as language-neutral JSON.
    #[arg(long, value_name = "FILE")]
    pub registry: Option<PathBuf>,
    /// Rust: implement `serde::Serialize` (the error serializes as its body).
    #[arg(long)]
    pub serde: bool,
    /// Rust: conversions to `http::StatusCode`.
    #[arg(long)]
    pub http: bool,
    /// Rust: implement `axum::response::IntoResponse`.
    #[arg(long)]
    pub axum: bool,
    /// Rust: `log()` through `tracing` (server errors with their cause chain), called by
    /// `into_response` with --axum.
    #[arg(long)]
    pub tracing: bool,
}

/// `--openapi-version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OpenApiVersion {
    /// OpenAPI 3.1.0.
    #[value(name = "3.1")]
    V3_1,
    /// OpenAPI 3.0.3.
    #[value(name = "3.0")]
    V3_0,
}

/// Output formats of `lint` and `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    Human,
    /// JSON for machines.
    Json,
}

/// What `--deny` turns into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Every warning.
    Warnings,
}

/// Arguments of `lint`.
#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// The catalog file.
    #[arg(required_unless_present = "explain")]
    pub catalog: Option<PathBuf>,
    /// Treat warnings as errors (exit 1 when there is any).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
    /// The output format (`json`: an array of objects with path, line, column,
    /// severity, rule, message, help).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Explain a rule, or list every rule when no name is given.
    #[arg(long, value_name = "RULE", num_args = 0..=1, default_missing_value = "")]
    pub explain: Option<String>,
}

/// Arguments of `explain`.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The catalog file.
    pub catalog: PathBuf,
    /// An error code in any case, `-` and `_` alike (`invalid-api-key`, `INVALID_API_KEY`),
    /// or a status (`404`).
    pub code: String,
}

/// Arguments of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old catalog: a path or `REV:path`.
    pub old: String,
    /// The new catalog: a path or `REV:path`.
    pub new: String,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Arguments of `scan`.
#[derive(Debug, Clone, Args)]
pub struct ScanArgs {
    /// The catalog file.
    pub catalog: PathBuf,
    /// Rust source files or directories (searched recursively for `.rs` files).
    #[arg(required = true, value_name = "SRC")]
    pub src: Vec<PathBuf>,
    /// The name of the error enum in the code (default: the catalog's `[rust] error_enum`,
    /// e.g. for an enum with `#[derive(ErrorCatalog)]` of another name).
    #[arg(long = "enum", value_name = "NAME")]
    pub enum_name: Option<String>,
}

/// Arguments of `init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Where to write the catalog (never overwritten).
    #[arg(default_value = "errors.toml")]
    pub path: PathBuf,
}
