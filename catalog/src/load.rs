//! Reading catalog files: TOML parsing with every syntax error and every unknown key
//! collected, then composition (`include`, `extends`) with cycle detection.

use crate::diag::{Diagnostic, Diagnostics};
use crate::raw::{self, CatalogFile, OrderedMap, S};
use crate::read::{self, Keys, Mistake, Read};
use crate::source::{FileId, Sources, Span};
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How a file takes part in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The catalog that was asked for.
    Root,
    /// Merged into the root (`include`).
    Include,
    /// A status library (`extends`), bundled or a file.
    Base,
}

/// A parsed file.
pub(crate) struct Parsed {
    pub file: FileId,
    pub role: Role,
    pub raw: CatalogFile,
    /// Where the `[catalog]` table is written, if it is.
    pub catalog_span: Option<std::ops::Range<usize>>,
}

/// Reads a file's text; the default reads from disk, `errcat diff` reads from git.
pub type Reader<'a> = dyn FnMut(&Path) -> std::io::Result<String> + 'a;

/// The largest catalog file read, in bytes. Real catalogs are a few hundred KB; loading
/// costs about 20 bytes of memory per byte of TOML, so this bounds a load at a few hundred
/// MB, and a mistaken include of a huge file ends in an error instead of eating memory
/// (devices and FIFOs such as `/dev/zero` are refused before reading).
/// (docs/robustness.md)
pub const MAX_FILE_BYTES: usize = 16 << 20;

/// How deeply `include`/`extends` may nest. Loading recurses once per level, so this
/// bounds the stack (a chain of 200 files overflowed a test thread's 2 MiB stack in debug
/// builds). (docs/robustness.md)
pub const MAX_INCLUDE_DEPTH: usize = 32;

/// Reads a catalog file from disk as [`load`](crate::load) does: at most
/// [`MAX_FILE_BYTES`] (+1, to tell that it is larger), never blocking on a FIFO or a
/// device (which are errors, see [`read_regular`](crate::source::read_regular)), and text
/// that is not UTF-8 is an error that locates its first invalid byte
/// ([`NotUtf8`](crate::source::NotUtf8)). For readers given to [`load_with`](crate::load_with).
pub fn read_file(path: &Path) -> std::io::Result<String> {
    let bytes = crate::source::read_regular(path, MAX_FILE_BYTES as u64 + 1)?;
    if bytes.len() > MAX_FILE_BYTES {
        // Too large: the loader says so from the length (the text itself is not used).
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    crate::source::not_utf8(bytes)
}

/// The [`NotUtf8`](crate::source::NotUtf8) an error carries, if it does.
fn not_utf8_payload(e: &std::io::Error) -> Option<&crate::source::NotUtf8> {
    e.get_ref()?.downcast_ref()
}

/// The bundled catalogs `extends` may name.
pub(crate) fn bundled(name: &str) -> Option<&'static str> {
    match name {
        "http" => Some(include_str!("../std/http.toml")),
        _ => None,
    }
}

/// A bundled catalog, parsed once per process: it is the same text every time, and parsing
/// it was most of the cost of loading a small catalog (docs/performance.md). `None` for a
/// name that is not bundled, or if the bundled text did not parse (a bug caught by the
/// tests; the loader then parses it again and reports why).
fn bundled_parsed(name: &str) -> Option<&'static (CatalogFile, Option<std::ops::Range<usize>>)> {
    static HTTP: std::sync::OnceLock<Option<(CatalogFile, Option<std::ops::Range<usize>>)>> =
        std::sync::OnceLock::new();
    let cell = match name {
        "http" => &HTTP,
        _ => return None,
    };
    cell.get_or_init(|| {
        let text = bundled(name)?;
        let mut sources = Sources::new();
        let id = sources.add(format!("<bundled>/{name}.toml"), text.to_owned(), true);
        let mut diags = Diagnostics::default();
        parse(&sources, id, &mut diags).filter(|_| !diags.has_errors())
    })
    .as_ref()
}

pub(crate) struct Loader<'r, 'a> {
    pub sources: Sources,
    pub diags: Diagnostics,
    pub files: Vec<Parsed>,
    reader: &'r mut Reader<'a>,
    /// Normalized paths being loaded, for cycle detection.
    stack: Vec<PathBuf>,
    /// Normalized paths already loaded (a file included twice is merged once).
    seen: Vec<PathBuf>,
}

impl<'r, 'a> Loader<'r, 'a> {
    pub fn new(reader: &'r mut Reader<'a>) -> Self {
        Loader {
            sources: Sources::new(),
            diags: Diagnostics::default(),
            files: Vec::new(),
            reader,
            stack: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Loads a file from disk (or the reader), and everything it includes or extends.
    /// `from` is the `include`/`extends` entry that named it.
    pub fn load_path(&mut self, path: &Path, role: Role, from: Option<Span>) {
        let key = normalize(path);
        if let Some(pos) = self.stack.iter().position(|p| *p == key) {
            let chain: Vec<String> = self.stack[pos..]
                .iter()
                .chain(std::iter::once(&key))
                .map(|p| p.display().to_string())
                .collect();
            let mut d = Diagnostic::new(
                "include-cycle",
                format!("`{}` includes or extends itself", key.display()),
            )
            .note(format!("the cycle is {}", chain.join(" -> ")))
            .help("remove one of the `include` or `extends` entries of the cycle");
            if let Some(span) = from {
                d = d.at(span, "this completes the cycle");
            }
            self.diags.push(d);
            return;
        }
        if self.seen.contains(&key) {
            return;
        }
        if self.stack.len() >= MAX_INCLUDE_DEPTH {
            let mut d = Diagnostic::new(
                "io",
                format!(
                    "cannot read catalog `{}`: includes nest more than {MAX_INCLUDE_DEPTH} files deep",
                    path.display()
                ),
            )
            .help("include the files from the root catalog instead of from each other");
            if let Some(span) = from {
                d = d.at(span, "named here");
            }
            self.diags.push(d);
            return;
        }
        self.seen.push(key.clone());
        let text = match (self.reader)(path) {
            Ok(text) => text,
            Err(e) => {
                if let Some(bad) = not_utf8_payload(&e) {
                    self.not_utf8(path, bad, from);
                    return;
                }
                let mut d = Diagnostic::new(
                    "io",
                    format!("cannot read catalog `{}`: {e}", path.display()),
                );
                if let Some(span) = from {
                    d = d
                        .at(span, "named here")
                        .help("paths are relative to the file that names them");
                }
                self.diags.push(d);
                return;
            }
        };
        if text.len() > MAX_FILE_BYTES {
            self.too_large(path, from);
            return;
        }
        let file = self.sources.add(path, text, false);
        self.stack.push(key);
        self.parse_and_follow(file, role, path.parent().unwrap_or(Path::new("")));
        self.stack.pop();
    }

    /// A file that is not UTF-8: located at its first invalid sequence, shown lossily.
    fn not_utf8(&mut self, path: &Path, bad: &crate::source::NotUtf8, from: Option<Span>) {
        let offset = bad.offset;
        let file = self.sources.add(path, bad.lossy.clone(), false);
        // The invalid sequence is one U+FFFD (3 bytes) in the lossy text.
        let span = Span::new(file, offset..offset + '\u{fffd}'.len_utf8());
        let mut d = Diagnostic::new(
            "io",
            format!("cannot read catalog `{}`: it is not UTF-8", path.display()),
        )
        .at(span, "this byte sequence is not UTF-8")
        .note(format!("the first invalid sequence is at byte {offset}"))
        .help("a catalog is TOML, which is UTF-8: convert the file (e.g. with `iconv -t UTF-8`)");
        if let Some(from) = from {
            d = d.also(from, "named here");
        }
        self.diags.push(d);
    }

    fn too_large(&mut self, path: &Path, from: Option<Span>) {
        let mut d = Diagnostic::new(
            "io",
            format!(
                "cannot read catalog `{}`: it is larger than {} MiB",
                path.display(),
                MAX_FILE_BYTES >> 20
            ),
        )
        .help("split the catalog into files merged with `[catalog] include`");
        if let Some(span) = from {
            d = d.at(span, "named here");
        }
        self.diags.push(d);
    }

    /// Loads a catalog given as text (its includes are read relative to `path`).
    pub fn load_text(&mut self, path: &Path, text: String, role: Role) {
        let key = normalize(path);
        self.seen.push(key.clone());
        if text.len() > MAX_FILE_BYTES {
            self.too_large(path, None);
            return;
        }
        let file = self.sources.add(path, text, false);
        self.stack.push(key);
        self.parse_and_follow(file, role, path.parent().unwrap_or(Path::new("")));
        self.stack.pop();
    }

    fn parse_and_follow(&mut self, file: FileId, role: Role, dir: &Path) {
        let Some((raw, catalog_span)) = parse(&self.sources, file, &mut self.diags) else {
            return;
        };
        let meta = raw.catalog.clone().unwrap_or_default();
        // Includes come first so that declaration order is "included, then own".
        for inc in &meta.include {
            let span = Span::new(file, inc.range());
            let target = dir.join(inc.get());
            let child_role = if role == Role::Base {
                Role::Base
            } else {
                Role::Include
            };
            self.load_path(&target, child_role, Some(span));
        }
        if let Some(ext) = &meta.extends {
            let span = Span::new(file, ext.range());
            if let Some(text) = bundled(ext.get()) {
                let name = format!("<bundled>/{}.toml", ext.get());
                if !self.seen.iter().any(|p| p.as_os_str() == name.as_str()) {
                    self.seen.push(PathBuf::from(&name));
                    let id = self.sources.add(&name, text.to_owned(), true);
                    let parsed = match bundled_parsed(ext.get()) {
                        Some(parsed) => Some(parsed.clone()),
                        None => parse(&self.sources, id, &mut self.diags),
                    };
                    if let Some((raw, catalog_span)) = parsed {
                        self.files.push(Parsed {
                            file: id,
                            role: Role::Base,
                            raw,
                            catalog_span,
                        });
                    }
                }
            } else if ext.get().ends_with(".toml") || ext.get().contains('/') {
                self.load_path(&dir.join(ext.get()), Role::Base, Some(span));
            } else {
                let d = Diagnostic::new(
                    "unknown-extends",
                    format!("no bundled catalog is named `{}`", ext.get()),
                )
                .at(span, "not a bundled catalog")
                .help("use `extends = \"http\"` for the standard HTTP statuses, or a relative path ending in `.toml`");
                self.diags.push(d);
            }
        }
        self.files.push(Parsed {
            file,
            role,
            raw,
            catalog_span,
        });
    }
}

/// Parses one file into its raw form, reporting every syntax error, every unknown key and
/// every value of the wrong type (one per entry: its first, as `read` reports it).
fn parse(
    sources: &Sources,
    file: FileId,
    diags: &mut Diagnostics,
) -> Option<(CatalogFile, Option<std::ops::Range<usize>>)> {
    let text = sources.get(file).text.as_str();
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        syntax_errors(text, file, errors, diags);
        return None;
    }
    let mut unknown = Vec::new();
    unknown_keys(
        table.get_ref(),
        &mut Vec::new(),
        ALL_TABLES,
        table.span(),
        file,
        &mut unknown,
    );
    // The first unknown-key diagnostic of each table, for `TypeCx::de`: a linear search
    // per missing key made a file with thousands of misspelt entries quadratic.
    let mut unknown_by_table = std::collections::HashMap::new();
    for (i, (_, table)) in unknown.iter().enumerate() {
        unknown_by_table.entry(table.clone()).or_insert(i);
    }
    let mut cx = TypeCx {
        file,
        ok: true,
        unknown,
        unknown_by_table,
        diags,
    };
    let mut raw = CatalogFile::default();
    let mut catalog_span = None;
    for (key, value) in read::in_file_order(table.get_ref()) {
        match key.get_ref().as_ref() {
            "catalog" => {
                catalog_span = Some(value.span());
                raw.catalog = cx.table(value, "[catalog]");
            }
            "rust" => raw.rust = cx.table(value, "[rust]"),
            "lints" => raw.lints = cx.table(value, "[lints]").unwrap_or_default(),
            "attributes" => raw.attributes = cx.entries(value, "attributes"),
            "statuses" => raw.statuses = cx.entries(value, "statuses"),
            "errors" => raw.errors = cx.entries(value, "errors"),
            "body" => raw.body = cx.table(value, "[body]"),
            "success" => raw.success = cx.table(value, "[success]"),
            "docs" => raw.docs = cx.table(value, "[docs]"),
            "context" => raw.context = cx.entries(value, "context"),
            "groups" => raw.groups = cx.entries(value, "groups"),
            "operations" => raw.operations = cx.operations(value),
            "openapi" => raw.openapi = cx.table(value, "[openapi]"),
            // Reported by `unknown_keys`.
            _ => {}
        }
    }
    let TypeCx {
        ok, unknown, diags, ..
    } = cx;
    let ok = ok && unknown.is_empty();
    for (d, _) in unknown {
        diags.push(d);
    }
    ok.then_some((raw, catalog_span))
}

/// Reads the values of one file, entry by entry, collecting every type error.
struct TypeCx<'d> {
    file: FileId,
    ok: bool,
    /// Unknown-key diagnostics with the span of the table holding the key.
    unknown: Vec<(Diagnostic, std::ops::Range<usize>)>,
    /// The index in `unknown` of the first diagnostic of each table span.
    unknown_by_table: std::collections::HashMap<std::ops::Range<usize>, usize>,
    diags: &'d mut Diagnostics,
}

impl TypeCx<'_> {
    /// Reads one value; a type error is reported and gives `None`.
    fn de<T: Read>(&mut self, value: &Spanned<DeValue<'_>>) -> Option<T> {
        match T::read(value) {
            Ok(v) => Some(v),
            Err(mistake) => {
                // One body for every `T` (compile time: the report was copied per type).
                self.report(mistake);
                None
            }
        }
    }

    /// Reports the mistake of a value that [`TypeCx::de`] could not read.
    fn report(&mut self, mistake: Box<Mistake>) {
        self.ok = false;
        let range = mistake.span();
        if let Mistake::Missing { key, .. } = *mistake {
            // A table with an unknown key and a missing required one: most likely the
            // same key misspelt, so one diagnostic, with a note.
            let first = self.unknown_by_table.get(&range).copied();
            if let Some((d, _)) = first.and_then(|i| self.unknown.get_mut(i)) {
                let suggested = d.help.as_deref() == Some(&format!("did you mean `{key}`?"));
                if !suggested {
                    d.notes
                        .push(format!("this table also lacks the required key `{key}`"));
                }
                return;
            }
        }
        let help = match *mistake {
            Mistake::Missing { key, .. } => {
                format!("add `{key} = ...`; docs/catalog-format.md lists every key with its type")
            }
            _ => "docs/catalog-format.md lists every key with its type".to_owned(),
        };
        self.diags.push(
            Diagnostic::new("invalid-type", mistake.to_string())
                .at(Span::new(self.file, range), mistake.label())
                .help(help),
        );
    }

    /// Reads a value that must be a table (`what` names it): anything else is reported as
    /// such, rather than as a mistake in a struct.
    fn table<T: Read>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        what: impl fmt::Display,
    ) -> Option<T> {
        if let DeValue::Table(_) = value.get_ref() {
            return self.de(value);
        }
        self.not_a_table(value, what);
        None
    }

    /// Reports a value that should be a table (`what` names it).
    fn not_a_table(&mut self, value: &Spanned<DeValue<'_>>, what: impl fmt::Display) {
        self.ok = false;
        let found = kind(value.get_ref());
        self.diags.push(
            Diagnostic::new("invalid-type", format!("`{what}` must be a table, not {found}"))
                .at(Span::new(self.file, value.span()), "expected a table")
                .help(format!(
                    "write it as a `{what}` header followed by its keys; docs/catalog-format.md lists them"
                )),
        );
    }

    /// Reads `[operations]`: its lists of codes (`common`, `unrouted`), then each
    /// `[operations.ID]` table, one at a time.
    fn operations(&mut self, value: &Spanned<DeValue<'_>>) -> Option<S<raw::Operations>> {
        let DeValue::Table(table) = value.get_ref() else {
            self.not_a_table(value, "[operations]");
            return None;
        };
        let mut out = raw::Operations::default();
        for (key, v) in read::in_file_order(table) {
            let name: &str = key.get_ref().as_ref();
            match name {
                "common" => out.common = self.de(v).unwrap_or_default(),
                "unrouted" => out.unrouted = self.de(v).unwrap_or_default(),
                _ => {
                    let what = format_args!("[operations.{}]", QuotedKey(name));
                    if let Some(op) = self.table(v, what) {
                        let key = S(toml::Spanned::new(key.span(), name.to_owned()));
                        out.entries.0.push((key, op));
                    }
                }
            }
        }
        Some(S(toml::Spanned::new(value.span(), out)))
    }

    /// Reads a table of named entries (`[errors.CODE]` ...) one entry at a time.
    fn entries<T: Read>(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        section: &str,
    ) -> OrderedMap<S<String>, S<T>> {
        let DeValue::Table(table) = value.get_ref() else {
            return self
                .table(value, format_args!("[{section}]"))
                .unwrap_or_default();
        };
        let mut out = Vec::with_capacity(table.len());
        for (key, v) in read::in_file_order(table) {
            let name: &str = key.get_ref().as_ref();
            let what = format_args!("[{section}.{}]", QuotedKey(name));
            if let Some(entry) = self.table(v, what) {
                out.push((S(toml::Spanned::new(key.span(), name.to_owned())), entry));
            }
        }
        OrderedMap(out)
    }
}

/// `a string`, `an array`...: the kind of a TOML value.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// A key as written in a table header: bare when it can be, else quoted.
struct QuotedKey<'k>(&'k str);

impl fmt::Display for QuotedKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.0;
        if !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            f.write_str(key)
        } else {
            write!(f, "{key:?}")
        }
    }
}

/// Reports TOML syntax errors, leaving out the "duplicate key" errors that follow from a
/// table defined twice (each of its keys is a duplicate too).
fn syntax_errors(text: &str, file: FileId, errors: Vec<toml::de::Error>, diags: &mut Diagnostics) {
    // The byte range from a duplicate table header to the next header.
    let mut duplicate_table: Option<std::ops::Range<usize>> = None;
    // toml reports a key of too many dotted parts without a span: found here instead.
    let mut deep = deep_keys(text, TOML_KEY_PARTS_LIMIT).into_iter();
    for e in errors {
        let message = first_line(e.message());
        if message == "recursion limit" && e.span().is_none() {
            let (range, parts) = deep.next().unwrap_or((0..0, TOML_KEY_PARTS_LIMIT));
            diags.push(
                Diagnostic::new(
                    "toml-syntax",
                    format!(
                        "invalid TOML: a key of {parts} dotted parts (the TOML parser reads at most {})",
                        TOML_KEY_PARTS_LIMIT - 1
                    ),
                )
                .at(Span::new(file, range), "nested too deeply")
                .help("use fewer dotted parts: the catalog format's deepest table has four"),
            );
            continue;
        }
        let range = e.span().unwrap_or(0..0);
        let duplicate = message == "duplicate key";
        if duplicate
            && duplicate_table
                .as_ref()
                .is_some_and(|t| t.contains(&range.start))
        {
            continue;
        }
        let line_start = at(text, 0, range.start).rfind('\n').map_or(0, |i| i + 1);
        let is_header = at(text, line_start, text.len())
            .trim_start()
            .starts_with('[');
        let mut d = Diagnostic::new("toml-syntax", format!("invalid TOML: {message}"));
        if duplicate && is_header {
            let end = at(text, range.end, text.len())
                .match_indices('\n')
                .map(|(i, _)| range.end + i + 1)
                .find(|&i| at(text, i, text.len()).trim_start().starts_with('['))
                .unwrap_or(text.len());
            duplicate_table = Some(range.start..end);
            d = d
                .at(Span::new(file, range), "this table is already defined")
                .help("a table can be defined only once: merge the two into one");
        } else if duplicate {
            d = d
                .at(Span::new(file, range), "this key is already set")
                .help("a key can be set only once in a table: remove one of the two");
        } else if at(text, range.start, text.len())
            .lines()
            .next()
            .is_none_or(|rest| rest.trim().is_empty())
            && at(text, line_start, range.start).trim_end().ends_with('=')
        {
            // `key =` and nothing after: toml's message speaks of quoting.
            d = Diagnostic::new("toml-syntax", "invalid TOML: missing value")
                .at(Span::new(file, range), "expected a value after `=`")
                .help("every key needs a value: `key = value`");
        } else {
            d = d.at(Span::new(file, range), "here").help(
                syntax_help(message)
                    .unwrap_or("a catalog is a TOML file: see https://toml.io for the syntax"),
            );
        }
        diags.push(d);
    }
}

/// The number of dotted parts from which the toml crate refuses a key (its `LIMIT` of 80
/// counts the parts before the last).
const TOML_KEY_PARTS_LIMIT: usize = 81;

/// The keys of `text` with `min` dotted parts or more, in order, with their part counts:
/// table headers (`[a.b]`, `[[a.b]]`) and dotted keys (`a.b = 1`) that start a line, outside
/// multi-line strings, quoted parts read as one.
fn deep_keys(text: &str, min: usize) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut multiline: Option<&str> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if let Some(delim) = multiline {
            if line.matches(delim).count() % 2 == 1 {
                multiline = None;
            }
            continue;
        }
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let (skip, body) = if let Some(rest) = trimmed.strip_prefix("[[") {
            (2, rest)
        } else if let Some(rest) = trimmed.strip_prefix('[') {
            (1, rest)
        } else {
            (0, trimmed)
        };
        let mut parts = 1;
        let mut quote = None;
        let mut escaped = false;
        let mut end = body.len();
        for (i, c) in body.char_indices() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '"' | '\'' => quote = Some(c),
                    '.' => parts += 1,
                    ']' | '=' | '#' | '\n' | '\r' => {
                        end = i;
                        break;
                    }
                    _ => {}
                },
            }
        }
        if parts >= min {
            let start = line_start + lead + skip;
            out.push((start..start + body[..end].trim_end().len(), parts));
        }
        for delim in ["\"\"\"", "'''"] {
            if line.matches(delim).count() % 2 == 1 {
                multiline = Some(delim);
            }
        }
    }
    out
}

/// `text[start..end]`, or `""` where that is not a valid range (never a panic).
fn at(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// A help line for the TOML syntax errors users most often make.
fn syntax_help(message: &str) -> Option<&'static str> {
    if message.contains("invalid basic string") || message.contains("invalid literal string") {
        Some("close the string on the same line, or use `\"\"\"` for text over several lines")
    } else if message.contains("string values must be quoted") || message.contains("expected `\"`")
    {
        Some("strings are written in quotes: `key = \"value\"`")
    } else if message.contains("missing value") || message.contains("expected value") {
        Some("every key needs a value: `key = value`")
    } else if message.contains("unclosed") || message.contains("expected `]`") {
        Some("table headers are written `[table.name]`")
    } else {
        None
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Reports every key the format does not have, walking the parsed document against the
/// raw types' key lists (reading stops at an entry's first mistake). `tables` are the `TABLES`
/// whose path starts with `path`; the walk does not enter values below which none is left
/// (templates, `[lints]`, headers...).
fn unknown_keys<'t>(
    table: &'t DeTable<'_>,
    path: &mut Vec<&'t str>,
    tables: TableSet,
    table_span: std::ops::Range<usize>,
    file: FileId,
    out: &mut Vec<(Diagnostic, std::ops::Range<usize>)>,
) {
    let expected = keys_at(tables, path.len());
    let is_struct = !expected.is_empty();
    for (key, value) in read::in_file_order(table) {
        let name: &str = key.get_ref().as_ref();
        if is_struct && !expected.contains(&name) {
            let location = table_name(path);
            let mut d =
                Diagnostic::new("unknown-key", format!("unknown key `{name}` in {location}"))
                    .at(Span::new(file, key.span()), "unknown key");
            if let Some(best) = did_you_mean(name, expected) {
                d = d.help(format!("did you mean `{best}`?"));
            } else {
                let list: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                d = d.help(format!("expected one of {}", list.join(", ")));
            }
            out.push((d, table_span.clone()));
            continue;
        }
        let below = match value.get_ref() {
            DeValue::Table(_) | DeValue::Array(_) => narrow(tables, path.len(), name),
            _ => 0,
        };
        if below == 0 {
            continue;
        }
        path.push(name);
        match value.get_ref() {
            DeValue::Table(t) => unknown_keys(t, path, below, value.span(), file, out),
            DeValue::Array(items) => {
                let items_below = narrow(below, path.len(), "[]");
                path.push("[]");
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        unknown_keys(t, path, items_below, item.span(), file, out);
                    }
                }
                path.pop();
            }
            _ => {}
        }
        path.pop();
    }
}

/// The closest candidate by Jaro-Winkler similarity, if close enough to be a typo.
pub(crate) fn did_you_mean<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(name, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn table_name(path: &[&str]) -> String {
    if path.is_empty() {
        return "the catalog's top level".to_owned();
    }
    let mut name = String::new();
    for k in path {
        if *k == "[]" {
            continue;
        }
        if !name.is_empty() {
            name.push('.');
        }
        if k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            name.push_str(k);
        } else {
            name.push_str(&format!("{k:?}"));
        }
    }
    format!("`[{name}]`")
}

/// A table of the format: how the reference names it, the path of keys that leads to it
/// (`*` for any key, `[]` for an item of an array of tables), and its keys.
type Table = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Every table of the format whose keys are fixed, with the keys its reader reads.
const TABLES: &[Table] = &[
    ("top level", &[], CatalogFile::KEYS),
    ("[catalog]", &["catalog"], raw::Meta::KEYS),
    ("[rust]", &["rust"], raw::RustNames::KEYS),
    (
        "[attributes.NAME]",
        &["attributes", "*"],
        raw::AttributeDecl::KEYS,
    ),
    ("[statuses.CODE]", &["statuses", "*"], raw::Status::KEYS),
    ("[errors.CODE]", &["errors", "*"], raw::Error::KEYS),
    (
        "[errors.CODE.fields.NAME]",
        &["errors", "*", "fields", "*"],
        raw::Field::KEYS,
    ),
    (
        "[errors.CODE.deprecated]",
        &["errors", "*", "deprecated"],
        raw::Deprecated::KEYS,
    ),
    (
        "[[errors.CODE.examples]]",
        &["errors", "*", "examples", "[]"],
        raw::Example::KEYS,
    ),
    ("[body]", &["body"], raw::Body::KEYS),
    ("[success]", &["success"], raw::Success::KEYS),
    ("[docs]", &["docs"], raw::Docs::KEYS),
    (
        "[docs.headings]",
        &["docs", "headings"],
        raw::Headings::KEYS,
    ),
    ("[docs.columns]", &["docs", "columns"], raw::Columns::KEYS),
    ("[docs.labels]", &["docs", "labels"], raw::Labels::KEYS),
    ("[context.NAME]", &["context", "*"], raw::ContextDecl::KEYS),
    ("[groups.NAME]", &["groups", "*"], raw::Group::KEYS),
    (
        "[[docs.snippets]]",
        &["docs", "snippets", "[]"],
        raw::Snippet::KEYS,
    ),
    (
        "[[docs.sections]]",
        &["docs", "sections", "[]"],
        raw::Section::KEYS,
    ),
    (
        "[operations.ID]",
        &["operations", "*"],
        raw::Operation::KEYS,
    ),
    ("[openapi]", &["openapi"], raw::OpenApi::KEYS),
    (
        "[[openapi.servers]]",
        &["openapi", "servers", "[]"],
        raw::Server::KEYS,
    ),
    (
        "[openapi.license]",
        &["openapi", "license"],
        raw::License::KEYS,
    ),
    (
        "[openapi.contact]",
        &["openapi", "contact"],
        raw::Contact::KEYS,
    ),
];

/// Every table of the format whose keys are fixed, with the keys it accepts.
pub(crate) fn tables() -> Vec<(&'static str, &'static [&'static str])> {
    TABLES
        .iter()
        .map(|(name, _, keys)| (*name, *keys))
        .collect()
}

/// A set of `TABLES`, by index.
type TableSet = u32;

const ALL_TABLES: TableSet = (1 << TABLES.len()) - 1;

/// The tables of `tables` whose path has `key` (or `*`) at `depth`.
fn narrow(tables: TableSet, depth: usize, key: &str) -> TableSet {
    let mut out = 0;
    let mut rest = tables;
    while rest != 0 {
        let i = rest.trailing_zeros();
        rest &= rest - 1;
        let (_, pattern, _) = TABLES[i as usize];
        if pattern.get(depth).is_some_and(|p| *p == "*" || *p == key) {
            out |= 1 << i;
        }
    }
    out
}

/// The keys of the table of `tables` whose path is `depth` keys long, if any.
fn keys_at(tables: TableSet, depth: usize) -> &'static [&'static str] {
    TABLES
        .iter()
        .enumerate()
        .find(|(i, (_, pattern, _))| tables & (1 << i) != 0 && pattern.len() == depth)
        .map_or(&[], |(_, (_, _, keys))| *keys)
}

/// The keys the table at `path` accepts (none listed: any key, as in `[lints]`).
#[cfg(test)]
fn expected_keys(path: &[&str]) -> &'static [&'static str] {
    let tables = path
        .iter()
        .enumerate()
        .fold(ALL_TABLES, |tables, (depth, key)| {
            narrow(tables, depth, key)
        });
    keys_at(tables, path.len())
}

/// Lexical normalization, enough to see that two include paths name the same file without
/// touching the file system (the reader may be git).
fn normalize(path: &Path) -> PathBuf {
    crate::source::normalize_lexically(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_list_the_raw_fields() {
        assert_eq!(
            expected_keys(&["errors", "any_code"]),
            [
                "status",
                "message",
                "title",
                "description",
                "remediation",
                "field",
                "fields",
                "retryable",
                "retry_after",
                "deprecated",
                "attributes",
                "headers",
                "body",
                "item",
                "examples",
                "cause",
                "from"
            ]
        );
        assert_eq!(
            expected_keys(&["docs", "snippets", "[]"]),
            ["title", "language", "code", "description"]
        );
        // Tables of user-chosen keys accept any key.
        assert!(expected_keys(&["lints"]).is_empty());
        assert!(expected_keys(&["errors", "x", "body"]).is_empty());
        assert!(expected_keys(&["errors", "x", "item"]).is_empty());
        assert!(expected_keys(&["groups", "g", "template"]).is_empty());
        assert!(expected_keys(&["groups", "g", "item"]).is_empty());
        assert!(expected_keys(&["statuses", "401", "headers"]).is_empty());
        for (name, keys) in tables() {
            assert!(!keys.is_empty(), "{name} has no keys");
        }
    }

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(
            normalize(Path::new("a/./b/../c.toml")),
            PathBuf::from("a/c.toml")
        );
        assert_eq!(
            normalize(Path::new("../x.toml")),
            PathBuf::from("../x.toml")
        );
    }

    #[test]
    fn deep_keys_are_found_outside_strings() {
        let deep = ["a"; 5].join(".");
        let text =
            format!("x = 1\ns = \"\"\"\n[{deep}]\n\"\"\"\n[{deep}]\n\"q.q\".{deep} = 1\n[b.c]\n");
        let found = deep_keys(&text, 5);
        let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(spans, [deep.clone(), format!("\"q.q\".{deep}")]);
        assert_eq!(found[1].1, 6);
    }

    #[test]
    fn did_you_mean_needs_a_close_candidate() {
        assert_eq!(
            did_you_mean("mesage", &["message", "status"]),
            Some("message")
        );
        assert_eq!(did_you_mean("zzz", &["message", "status"]), None);
    }
}
