//! Raw files -> validated [`Catalog`]: every rule is one function with a one-line comment
//! saying what it enforces. All diagnostics are collected; the catalog is returned only
//! when there is no error.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Parsed, Role, did_you_mean};
use crate::model::*;
use crate::names;
use crate::raw::{self, OrderedMap, S};
use crate::rules::{self, Level};
use crate::source::{FileId, Sources, Sp, Span};
use crate::template::{self, RawPiece};
use std::collections::{BTreeMap, HashMap};

// The rules, by area of the format.
mod attributes;
mod causes;
mod docs;
mod errors;
mod examples;
mod fields;
mod groups;
mod headers;
mod operations;
mod rust_names;
mod statuses;
mod templates;

use attributes::*;
use causes::*;
use docs::*;
use errors::*;
use examples::*;
use fields::*;
use groups::*;
use headers::*;
use operations::*;
use rust_names::*;
use statuses::*;
use templates::*;

/// Everything the checks share.
struct Cx<'a> {
    sources: &'a Sources,
    diags: &'a mut Diagnostics,
    /// Declarations that were refused (and reported): their uses are not reported again.
    refused: Refused,
}

/// Names and codes whose declaration was refused.
#[derive(Default)]
struct Refused {
    /// Attribute names.
    attrs: Vec<String>,
    /// Status codes (keys that are numbers).
    statuses: Vec<u16>,
}

impl Cx<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}

fn sp<T: Clone>(file: FileId, s: &S<T>) -> Sp<T> {
    Sp::new(s.get().clone(), Span::new(file, s.range()))
}

/// `sp` for a value read for the last time: moved out of the raw file, not copied.
fn take<T: Default>(file: FileId, s: &mut S<T>) -> Sp<T> {
    Sp::new(std::mem::take(s.0.get_mut()), Span::new(file, s.range()))
}

/// The `[errors]` entries of the root catalog and its includes, with their file.
type ErrorEntries = Vec<(FileId, OrderedMap<S<String>, S<raw::Error>>)>;

fn span(file: FileId, s: &S<impl Sized>) -> Span {
    Span::new(file, s.range())
}

/// Builds the catalog from the parsed files, or `None` when any error was reported.
pub(crate) fn build(
    mut files: Vec<Parsed>,
    sources: &Sources,
    diags: &mut Diagnostics,
) -> Option<Catalog> {
    let mut cx = Cx {
        sources,
        diags,
        refused: Refused::default(),
    };
    // The errors are taken out of the files, so that their texts move into the model.
    let mut entries: ErrorEntries = files
        .iter_mut()
        .filter(|f| f.role != Role::Base)
        .map(|f| (f.file, std::mem::take(&mut f.raw.errors)))
        .collect();
    let root = files.iter().rfind(|f| f.role == Role::Root)?;
    let levels = lint_levels(&mut cx, root);
    let merged: Vec<&Parsed> = files.iter().filter(|f| f.role != Role::Base).collect();
    for f in merged.iter().filter(|f| f.role == Role::Include) {
        fragment_sections(&mut cx, f);
    }
    let extends = root
        .raw
        .catalog
        .as_ref()
        .and_then(|m| m.extends.as_ref())
        .is_some();
    let library = status_library(&mut cx, &files);
    let attributes = attributes(&mut cx, &merged);
    let statuses = statuses(&mut cx, &merged, &library, &attributes, extends);
    let retired: Vec<Sp<String>> = merged
        .iter()
        .flat_map(|f| {
            f.raw
                .catalog
                .iter()
                .flat_map(move |m| m.retired.iter().map(move |r| sp(f.file, r)))
        })
        .collect();
    let docs_url = root
        .raw
        .catalog
        .as_ref()
        .and_then(|m| m.docs_url.as_ref())
        .map(|u| sp(root.file, u));
    if let Some(url) = &docs_url {
        docs_url_placeholders(&mut cx, url);
    }
    let (context, known) = context(&mut cx, root, &attributes);
    let body = body(&mut cx, root, &attributes, &known);
    let errors = errors(
        &mut cx,
        &mut entries,
        &statuses,
        &attributes,
        &retired,
        &known,
    );
    replacements_exist(&mut cx, &entries, &errors);
    let retired_replaced_by = retired_replacements(&mut cx, &merged, &retired, &errors);
    if let Some(url) = &docs_url {
        fragment_anchors(&mut cx, url, &errors);
    }
    let operations = operations(&mut cx, root, &entries, &errors, &retired);
    let groups = groups(
        &mut cx,
        root,
        &statuses,
        &errors,
        &attributes,
        &known,
        body.as_ref(),
    );
    if let Some(b) = &body {
        body_field_keys(&mut cx, root, b, &errors);
    }
    let success = success(&mut cx, root, &known);
    let docs = docs(&mut cx, root, &errors, &attributes);
    let openapi = openapi_info(&mut cx, root);
    let rust = rust_names(&mut cx, root);
    let name = catalog_name(&mut cx, root);

    cx.diags.apply_levels(|rule| levels.get(rule).copied());
    cx.diags.sort();
    if cx.diags.has_errors() {
        return None;
    }
    let meta = root.raw.catalog.clone().unwrap_or_default();
    Some(Catalog {
        name: name?,
        version: meta.version.as_ref().map(|v| sp(root.file, v)),
        description: meta.description.as_ref().map(|v| sp(root.file, v)),
        docs_url,
        rust,
        attributes,
        statuses,
        errors,
        retired,
        retired_replaced_by,
        body: body?,
        success,
        docs,
        context,
        groups,
        operations,
        openapi,
    })
}

// The root catalog names the API.
fn catalog_name(cx: &mut Cx<'_>, root: &Parsed) -> Option<Sp<String>> {
    match root.raw.catalog.as_ref().and_then(|m| m.name.as_ref()) {
        Some(name) => {
            empty_text(cx, root.file, name, "catalog name");
            Some(sp(root.file, name))
        }
        None => {
            let (at, label) = match root.catalog_span.clone() {
                Some(at) => (at, "no `name` in this table"),
                None => (0..0, "no `[catalog]` table in this file"),
            };
            cx.push(
                Diagnostic::new("missing-name", "the catalog has no name")
                    .at(Span::new(root.file, at), label)
                    .help(if root.catalog_span.is_some() {
                        "add `name = \"My API\"` to `[catalog]`"
                    } else {
                        "add `[catalog]` with `name = \"My API\"` at the top of the file"
                    }),
            );
            None
        }
    }
}

// `[lints]` names registered warning rules with a level of allow, warn or deny.
fn lint_levels(cx: &mut Cx<'_>, root: &Parsed) -> BTreeMap<&'static str, Level> {
    let mut out = BTreeMap::new();
    let names: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
    for (name, level) in &root.raw.lints.0 {
        let Some(rule) = rules::rule(name.get()) else {
            let mut d =
                Diagnostic::new("unknown-lint", format!("no lint is named `{}`", name.get()))
                    .at(span(root.file, name), "unknown lint");
            d = match did_you_mean(name.get(), &names) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help("`errcat lint --explain` lists the rules; docs/catalog-format.md lists the lints"),
            };
            cx.push(d);
            continue;
        };
        if rule.default != Level::Warn {
            cx.push(
                Diagnostic::new(
                    "unknown-lint",
                    format!("`{}` is an error and cannot be configured", rule.name),
                )
                .at(span(root.file, name), "not a lint")
                .help("only warnings can be allowed or denied; fix the catalog instead"),
            );
            continue;
        }
        let lvl = match level.get().as_str() {
            "allow" => Level::Allow,
            "warn" => Level::Warn,
            "deny" => Level::Deny,
            other => {
                cx.push(
                    Diagnostic::new("unknown-lint", format!("`{other}` is not a lint level"))
                        .at(span(root.file, level), "expected \"allow\", \"warn\" or \"deny\"")
                        .help("\"allow\" silences the lint, \"warn\" reports it, \"deny\" makes it an error"),
                );
                continue;
            }
        };
        out.insert(rule.name, lvl);
    }
    out
}

// Included files hold statuses, errors, attributes and retired codes only.
fn fragment_sections(cx: &mut Cx<'_>, f: &Parsed) {
    let raw = &f.raw;
    let mut found: Vec<(&str, Option<Span>)> = Vec::new();
    if let Some(m) = &raw.catalog {
        for (key, present) in [
            ("catalog.name", m.name.as_ref().map(|s| span(f.file, s))),
            (
                "catalog.version",
                m.version.as_ref().map(|s| span(f.file, s)),
            ),
            (
                "catalog.description",
                m.description.as_ref().map(|s| span(f.file, s)),
            ),
            (
                "catalog.docs_url",
                m.docs_url.as_ref().map(|s| span(f.file, s)),
            ),
            (
                "catalog.extends",
                m.extends.as_ref().map(|s| span(f.file, s)),
            ),
        ] {
            if present.is_some() {
                found.push((key, present));
            }
        }
    }
    if let Some(s) = &raw.rust {
        found.push(("rust", Some(span(f.file, s))));
    }
    if let Some(s) = &raw.body {
        found.push(("body", Some(span(f.file, s))));
    }
    if let Some(s) = &raw.success {
        found.push(("success", Some(span(f.file, s))));
    }
    if let Some(s) = &raw.docs {
        found.push(("docs", Some(span(f.file, s))));
    }
    if let Some(s) = &raw.openapi {
        found.push(("openapi", Some(span(f.file, s))));
    }
    if let Some((name, _)) = raw.context.0.first() {
        found.push(("context", Some(span(f.file, name))));
    }
    if let Some((name, _)) = raw.groups.0.first() {
        found.push(("groups", Some(span(f.file, name))));
    }
    if let Some((name, _)) = raw.lints.0.first() {
        found.push(("lints", Some(span(f.file, name))));
    }
    if let Some(s) = &raw.operations {
        found.push(("operations", Some(span(f.file, s))));
    }
    for (key, at) in found {
        let at = at.unwrap_or(Span::new(f.file, 0..0));
        cx.push(
            Diagnostic::new("fragment-section", format!("`{key}` is only allowed in the root catalog"))
                .at(at, "in an included file")
                .help("included files may hold `[statuses]`, `[errors]`, `[attributes]`, `catalog.include` and `catalog.retired`; move this to the root catalog"),
        );
    }
}

// Descriptions, reasons, titles and remediations are not empty (a lint).
fn empty_text(cx: &mut Cx<'_>, file: FileId, text: &S<String>, what: &str) {
    if text.get().trim().is_empty() {
        cx.push(
            Diagnostic::new("empty-text", format!("empty {what}"))
                .at(span(file, text), "empty")
                .help(format!(
                    "write the {what}, or remove the key to use the default"
                )),
        );
    }
}

/// Narrows a span of a TOML string to a byte range of its value, mapping the value's
/// offsets back through the string's escapes; the whole string when that is not possible.
fn inner_span(sources: &Sources, outer: Span, value: &str, range: std::ops::Range<usize>) -> Span {
    let src = sources.text(outer);
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        let Some(body) = src.strip_prefix(quote).and_then(|s| s.strip_suffix(quote)) else {
            continue;
        };
        // Multi-line strings drop a newline right after the opening quotes.
        let multiline = quote.len() == 3;
        let skip = match body {
            _ if !multiline => 0,
            b if b.starts_with("\r\n") => 2,
            b if b.starts_with('\n') => 1,
            _ => 0,
        };
        let body = &body[skip..];
        let start = outer.start as usize + quote.len() + skip;
        let map = if quote.starts_with('\'') {
            (body == value).then(|| (0..=body.len()).collect::<Vec<_>>())
        } else {
            unescape(body, multiline).and_then(|(text, map)| (text == value).then_some(map))
        };
        if let Some(map) = map {
            if let (Some(a), Some(b)) = (map.get(range.start), map.get(range.end)) {
                return Span::new(outer.file, start + a..start + b);
            }
        }
        break;
    }
    outer
}

/// Decodes a TOML basic string's escapes: the value, and for each byte of it (and its
/// end) the offset in `body` it was written at. `None` for an escape TOML does not have.
fn unescape(body: &str, multiline: bool) -> Option<(String, Vec<usize>)> {
    let mut out = String::with_capacity(body.len());
    let mut map = Vec::with_capacity(body.len() + 1);
    let mut i = 0;
    while let Some(c) = body[i..].chars().next() {
        if c != '\\' {
            map.extend(i..i + c.len_utf8());
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let next = body[i + 1..].chars().next()?;
        let hex = |len: usize| -> Option<char> {
            char::from_u32(u32::from_str_radix(body.get(i + 2..i + 2 + len)?, 16).ok()?)
        };
        let (ch, len) = match next {
            'b' => ('\u{8}', 2),
            't' => ('\t', 2),
            'n' => ('\n', 2),
            'f' => ('\u{c}', 2),
            'r' => ('\r', 2),
            'e' => ('\u{1b}', 2),
            '"' => ('"', 2),
            '\\' => ('\\', 2),
            'x' => (hex(2)?, 4),
            'u' => (hex(4)?, 6),
            'U' => (hex(8)?, 10),
            w if multiline && w.is_whitespace() => {
                // A line-ending backslash: the whitespace and newlines after it are dropped.
                let rest = &body[i + 1..];
                i += 1 + rest.len() - rest.trim_start().len();
                continue;
            }
            _ => return None,
        };
        map.extend(std::iter::repeat_n(i, ch.len_utf8()));
        out.push(ch);
        i += len;
    }
    map.push(i);
    Some((out, map))
}
