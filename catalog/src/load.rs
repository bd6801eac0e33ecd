//! Reading catalog files: TOML parsing with every syntax error and every unknown key
//! collected, then composition (`include`, `extends`) with cycle detection.

use crate::diag::{Diagnostic, Diagnostics};
use crate::raw::{self, CatalogFile};
use crate::source::{FileId, Sources, Span};
use serde::de::{Deserialize, Deserializer};
use std::path::{Component, Path, PathBuf};
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
}

/// Reads a file's text; the default reads from disk, `errcat diff` reads from git.
pub type Reader<'a> = dyn FnMut(&Path) -> std::io::Result<String> + 'a;

/// The bundled catalogs `extends` may name.
pub(crate) fn bundled(name: &str) -> Option<&'static str> {
    match name {
        "http" => Some(include_str!("../std/http.toml")),
        _ => None,
    }
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
                format!("`{}` includes itself", path.display()),
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
        self.seen.push(key.clone());
        let text = match (self.reader)(path) {
            Ok(text) => text,
            Err(e) => {
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
        let file = self.sources.add(path, text, false);
        self.stack.push(key);
        self.parse_and_follow(file, role, path.parent().unwrap_or(Path::new("")));
        self.stack.pop();
    }

    /// Loads a catalog given as text (its includes are read relative to `path`).
    pub fn load_text(&mut self, path: &Path, text: String, role: Role) {
        let key = normalize(path);
        self.seen.push(key.clone());
        let file = self.sources.add(path, text, false);
        self.stack.push(key);
        self.parse_and_follow(file, role, path.parent().unwrap_or(Path::new("")));
        self.stack.pop();
    }

    fn parse_and_follow(&mut self, file: FileId, role: Role, dir: &Path) {
        let Some(raw) = parse(&self.sources, file, &mut self.diags) else {
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
                    if let Some(raw) = parse(&self.sources, id, &mut self.diags) {
                        self.files.push(Parsed {
                            file: id,
                            role: Role::Base,
                            raw,
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
        self.files.push(Parsed { file, role, raw });
    }
}

/// Parses one file into its raw form, reporting every syntax error and unknown key.
fn parse(sources: &Sources, file: FileId, diags: &mut Diagnostics) -> Option<CatalogFile> {
    let text = sources.get(file).text.as_str();
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            let span = Span::new(file, e.span().unwrap_or(0..0));
            diags.push(
                Diagnostic::new("toml-syntax", format!("invalid TOML: {}", first_line(e.message())))
                    .at(span, "here"),
            );
        }
        return None;
    }
    unknown_keys(table.get_ref(), &mut Vec::new(), file, diags);
    let result = CatalogFile::deserialize(toml::de::Deserializer::from(table));
    match result {
        Ok(raw) => Some(raw),
        Err(e) => {
            let span = Span::new(file, e.span().unwrap_or(0..0));
            let message = first_line(e.message());
            let d = Diagnostic::new("invalid-type", message.to_owned())
                .at(span, type_label(message))
                .help("docs/catalog-format.md lists every key with its type");
            diags.push(d);
            None
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

fn type_label(message: &str) -> String {
    message
        .split_once(", expected ")
        .map_or_else(|| "here".to_owned(), |(_, exp)| format!("expected {exp}"))
}

/// Reports every key the format does not have, walking the parsed document against the
/// raw types' field lists (serde would stop at the first one).
fn unknown_keys<'t>(table: &'t DeTable<'_>, path: &mut Vec<&'t str>, file: FileId, diags: &mut Diagnostics) {
    let expected = expected_keys(path);
    let is_struct = !expected.is_empty();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref().as_ref();
        if is_struct && !expected.contains(&name) {
            let location = table_name(path);
            let mut d = Diagnostic::new("unknown-key", format!("unknown key `{name}` in {location}"))
                .at(Span::new(file, key.span()), "unknown key");
            if let Some(best) = did_you_mean(name, expected) {
                d = d.help(format!("did you mean `{best}`?"));
            } else {
                let list: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                d = d.help(format!("expected one of {}", list.join(", ")));
            }
            diags.push(d);
            continue;
        }
        path.push(name);
        match value.get_ref() {
            DeValue::Table(t) => unknown_keys(t, path, file, diags),
            DeValue::Array(items) => {
                path.push("[]");
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        unknown_keys(t, path, file, diags);
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
        if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            name.push_str(k);
        } else {
            name.push_str(&format!("{k:?}"));
        }
    }
    format!("`[{name}]`")
}

/// The keys the table at `parents` accepts, read from the raw types themselves.
fn expected_keys(path: &[&str]) -> &'static [&'static str] {
    match path {
        [] => fields_of::<CatalogFile>(),
        ["catalog"] => fields_of::<raw::Meta>(),
        ["rust"] => fields_of::<raw::RustNames>(),
        ["attributes", _] => fields_of::<raw::AttributeDecl>(),
        ["statuses", _] => fields_of::<raw::Status>(),
        ["errors", _] => fields_of::<raw::Error>(),
        ["errors", _, "fields", _] => fields_of::<raw::Field>(),
        ["errors", _, "deprecated"] => fields_of::<raw::Deprecated>(),
        ["errors", _, "examples", _] => fields_of::<raw::Example>(),
        ["body"] => fields_of::<raw::Body>(),
        ["success"] => fields_of::<raw::Success>(),
        ["docs"] => fields_of::<raw::Docs>(),
        ["docs", "snippets", _] => fields_of::<raw::Snippet>(),
        ["docs", "sections", _] => fields_of::<raw::Section>(),
        _ => &[],
    }
}

/// The field names serde's derive gives a struct: a deserializer that only records the
/// `fields` argument of `deserialize_struct`, so the list cannot drift from the types.
fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut &'static [&'static str]);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("probe")
        }
    }
    impl std::error::Error for Stop {}
    impl serde::de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = Stop;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = fields;
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// Lexical normalization (`a/./b/../c` -> `a/c`), enough to see that two include paths
/// name the same file without touching the file system (the reader may be git).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}
