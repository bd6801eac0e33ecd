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

struct LibraryStatus {
    reason: Option<Sp<String>>,
    description: Option<Sp<String>>,
    aliases: Vec<String>,
    reference: Option<String>,
}

// A status key is a three-digit number in 100..=599.
fn status_code(cx: &mut Cx<'_>, file: FileId, key: &S<String>) -> Option<u16> {
    let digits = key.get().len() == 3 && key.get().bytes().all(|b| b.is_ascii_digit());
    match key.get().parse::<u16>() {
        Ok(code) if digits && (100..=599).contains(&code) => Some(code),
        _ => {
            cx.push(
                Diagnostic::new(
                    "status-out-of-range",
                    format!("`{}` is not an HTTP status code", key.get()),
                )
                .at(span(file, key), "expected a number from 100 to 599")
                .help("HTTP status codes are three-digit numbers from 100 to 599 (RFC 9110, section 15)"),
            );
            None
        }
    }
}

/// The statuses of the extended catalogs (bundled `http`, or files), by code.
fn status_library(cx: &mut Cx<'_>, files: &[Parsed]) -> BTreeMap<u16, LibraryStatus> {
    let mut out: BTreeMap<u16, LibraryStatus> = BTreeMap::new();
    for f in files.iter().filter(|f| f.role == Role::Base) {
        for (key, st) in &f.raw.statuses.0 {
            let Some(code) = status_code(cx, f.file, key) else {
                continue;
            };
            let st = st.get();
            let entry = out.entry(code).or_insert(LibraryStatus {
                reason: None,
                description: None,
                aliases: Vec::new(),
                reference: None,
            });
            if let Some(r) = &st.reason {
                entry.reason = Some(sp(f.file, r));
            }
            if let Some(d) = &st.description {
                entry.description = Some(sp(f.file, d));
            }
            entry
                .aliases
                .extend(st.aliases.iter().map(|a| a.get().clone()));
            if let Some(r) = &st.reference {
                entry.reference = Some(r.get().clone());
            }
        }
    }
    out
}

// Attribute declarations: snake_case names, unique, not a built-in placeholder, a known
// type, allowed values of that type, `applies_to` within statuses/errors.
fn attributes(cx: &mut Cx<'_>, files: &[&Parsed]) -> Vec<AttributeDef> {
    let mut out: Vec<AttributeDef> = Vec::new();
    for f in files {
        for (name, decl) in &f.raw.attributes.0 {
            let at = span(f.file, name);
            if let Some(first) = out.iter().find(|a| a.name.as_str() == name.get()) {
                cx.push(
                    Diagnostic::new(
                        "invalid-attribute-schema",
                        format!("attribute `{}` is declared twice", name.get()),
                    )
                    .at(at, "declared again here")
                    .also(first.name.span, "first declared here")
                    .help("keep one declaration of the attribute"),
                );
                continue;
            }
            if !names::is_snake_case(name.get()) || Var::builtin(name.get()).is_some() {
                cx.push(
                    Diagnostic::new("invalid-attribute-schema", format!("`{}` cannot be an attribute name", name.get()))
                        .at(at, "invalid attribute name")
                        .help(format!(
                            "attribute names are snake_case identifiers and none of the built-in placeholders ({})",
                            Var::BUILTIN.join(", ")
                        )),
                );
                continue;
            }
            let d = decl.get();
            let ty = match d.ty.get().as_str() {
                "string" => AttrType::String,
                "integer" => AttrType::Integer,
                "boolean" => AttrType::Boolean,
                other => {
                    let mut diag = Diagnostic::new(
                        "invalid-attribute-schema",
                        format!("unknown attribute type `{other}`"),
                    )
                    .at(
                        span(f.file, &d.ty),
                        "expected \"string\", \"integer\" or \"boolean\"",
                    );
                    diag = match did_you_mean(other, &["string", "integer", "boolean"]) {
                        Some(best) => diag.help(format!("did you mean `{best}`?")),
                        None => diag.help("attributes are strings, integers or booleans; limit a string's values with `values = [...]`"),
                    };
                    cx.push(diag);
                    continue;
                }
            };
            let mut values = None;
            if let Some(vs) = &d.values {
                let mut ok = Vec::new();
                for v in vs {
                    if attr_type_accepts(ty, v.get()) {
                        ok.push(v.get().clone());
                    } else {
                        cx.push(
                            Diagnostic::new(
                                "invalid-attribute-schema",
                                format!("allowed value {} is not {}", v.get(), a(ty.as_str())),
                            )
                            .at(span(f.file, v), format!("expected {}", a(ty.as_str())))
                            .help(format!(
                                "every allowed value of a `type = \"{}\"` attribute is {}",
                                ty.as_str(),
                                a(ty.as_str())
                            )),
                        );
                    }
                }
                values = Some(ok);
            }
            let (mut on_statuses, mut on_errors) = (true, true);
            if let Some(targets) = &d.applies_to {
                on_statuses = false;
                on_errors = false;
                for t in targets {
                    match t.get().as_str() {
                        "statuses" => on_statuses = true,
                        "errors" => on_errors = true,
                        other => cx.push(
                            Diagnostic::new(
                                "invalid-attribute-schema",
                                format!("`{other}` is not something attributes apply to"),
                            )
                            .at(span(f.file, t), "expected \"statuses\" or \"errors\"")
                            .help("`applies_to` lists \"statuses\", \"errors\" or both"),
                        ),
                    }
                }
            }
            out.push(AttributeDef {
                name: sp(f.file, name),
                ty,
                values,
                description: d.description.as_ref().map(|s| sp(f.file, s)),
                on_statuses,
                on_errors,
                required: d.required.as_ref().is_some_and(|r| *r.get()),
            });
        }
    }
    // A refused declaration is reported once: its uses are not reported again.
    for f in files {
        for (name, _) in &f.raw.attributes.0 {
            if !out.iter().any(|a| a.name.as_str() == name.get()) {
                cx.refused.attrs.push(name.get().clone());
            }
        }
    }
    out
}

fn attr_type_accepts(ty: AttrType, v: &Scalar) -> bool {
    matches!(
        (ty, v),
        (AttrType::String, Scalar::Str(_))
            | (AttrType::Integer, Scalar::Int(_))
            | (AttrType::Boolean, Scalar::Bool(_))
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Owner {
    Status,
    Error,
}

impl Owner {
    /// Whether an attribute's `applies_to` allows this kind of owner.
    fn allows(self, decl: &AttributeDef) -> bool {
        match self {
            Owner::Status => decl.on_statuses,
            Owner::Error => decl.on_errors,
        }
    }

    /// `"statuses"` or `"errors"`.
    fn plural(self) -> &'static str {
        match self {
            Owner::Status => "statuses",
            Owner::Error => "errors",
        }
    }
}

// Attribute values pass the per-value rules below; required attributes are set.
fn attribute_values(
    cx: &mut Cx<'_>,
    file: FileId,
    owner: Owner,
    owner_span: Span,
    values: &OrderedMap<S<String>, S<Scalar>>,
    decls: &[AttributeDef],
) -> Vec<(String, Scalar)> {
    let mut out = Vec::with_capacity(values.0.len());
    for (name, value) in &values.0 {
        let at = span(file, name);
        let Some(decl) = attribute_declared(cx, at, name.get(), decls) else {
            continue;
        };
        if attribute_applies(cx, at, owner, decl)
            && attribute_value_allowed(cx, span(file, value), value.get(), decl)
        {
            out.push((name.get().clone(), value.get().clone()));
        }
    }
    required_attributes_set(cx, owner, owner_span, values, decls);
    // Declaration order, whatever order the entry wrote them in.
    out.sort_by_key(|(n, _)| decls.iter().position(|d| d.name.as_str() == n));
    out
}

// An attribute that a status or error sets is declared under `[attributes]`.
fn attribute_declared<'d>(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    decls: &'d [AttributeDef],
) -> Option<&'d AttributeDef> {
    if let Some(decl) = decls.iter().find(|a| a.name.as_str() == name) {
        return Some(decl);
    }
    if cx.refused.attrs.iter().any(|r| r == name) {
        // Its declaration was refused, and reported.
        return None;
    }
    let names: Vec<&str> = decls.iter().map(|a| a.name.as_str()).collect();
    let d = Diagnostic::new(
        "unknown-attribute",
        format!("attribute `{name}` is not declared"),
    )
    .at(at, "undeclared attribute");
    cx.push(match did_you_mean(name, &names) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => d.help(format!(
            "declare it first: `[attributes.{name}]` with a `type`"
        )),
    });
    None
}

// An attribute is set only on what its `applies_to` allows.
fn attribute_applies(cx: &mut Cx<'_>, at: Span, owner: Owner, decl: &AttributeDef) -> bool {
    if owner.allows(decl) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "attribute-not-applicable",
            format!(
                "attribute `{}` does not apply to {}",
                decl.name.as_str(),
                owner.plural()
            ),
        )
        .at(at, "not allowed here")
        .also(decl.name.span, "declared here with `applies_to`")
        .help(format!(
            "remove it here, or add \"{}\" to the attribute's `applies_to`",
            owner.plural()
        )),
    );
    false
}

// An attribute value has the declared type and is one of the declared `values`, if any.
fn attribute_value_allowed(cx: &mut Cx<'_>, at: Span, v: &Scalar, decl: &AttributeDef) -> bool {
    let name = decl.name.as_str();
    if !attr_type_accepts(decl.ty, v) {
        cx.push(
            Diagnostic::new(
                "invalid-attribute-value",
                format!(
                    "attribute `{name}` is {}, not {}",
                    a(decl.ty.as_str()),
                    a(v.type_name())
                ),
            )
            .at(at, format!("expected {}", a(decl.ty.as_str())))
            .also(decl.name.span, "declared here")
            .help(format!(
                "give it {} value, or change the attribute's `type`",
                a(decl.ty.as_str())
            )),
        );
        return false;
    }
    let Some(allowed) = decl.values.as_ref().filter(|allowed| !allowed.contains(v)) else {
        return true;
    };
    let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
    let strs: Vec<&str> = allowed
        .iter()
        .filter_map(|a| match a {
            Scalar::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let d = Diagnostic::new(
        "invalid-attribute-value",
        format!("{v} is not an allowed value of attribute `{name}`"),
    )
    .at(at, format!("expected one of {}", list.join(", ")))
    .also(decl.name.span, "declared here");
    let best = match v {
        Scalar::Str(s) => did_you_mean(s, &strs),
        _ => None,
    };
    cx.push(match best {
        Some(best) => d.help(format!("did you mean \"{best}\"?")),
        None => {
            d.help("use one of the allowed values, or add this one to the attribute's `values`")
        }
    });
    false
}

// Every status or error that a required attribute applies to sets it.
fn required_attributes_set(
    cx: &mut Cx<'_>,
    owner: Owner,
    at: Span,
    values: &OrderedMap<S<String>, S<Scalar>>,
    decls: &[AttributeDef],
) {
    for decl in decls.iter().filter(|d| d.required && owner.allows(d)) {
        let name = decl.name.as_str();
        if !values.0.iter().any(|(n, _)| n.get() == name) {
            cx.push(
                Diagnostic::new(
                    "missing-required-attribute",
                    format!("required attribute `{name}` is not set"),
                )
                .at(at, format!("missing `attributes.{name}`"))
                .also(decl.name.span, "declared required here")
                .help(format!("set it: `attributes = {{ {name} = ... }}`")),
            );
        }
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

// Each status passes the per-status rules below.
fn statuses(
    cx: &mut Cx<'_>,
    files: &[&Parsed],
    library: &BTreeMap<u16, LibraryStatus>,
    attrs: &[AttributeDef],
    extends: bool,
) -> Vec<Status> {
    let mut out: Vec<Status> = Vec::new();
    let mut seen: BTreeMap<u16, Span> = BTreeMap::new();
    for f in files {
        for (key, st) in &f.raw.statuses.0 {
            let Some(code) = status_code(cx, f.file, key) else {
                continue;
            };
            let at = span(f.file, key);
            if !status_declared_once(cx, at, code, &mut seen) {
                continue;
            }
            let raw = st.get();
            let lib = library.get(&code);
            for (t, what) in [(&raw.reason, "reason"), (&raw.description, "description")] {
                if let Some(t) = t {
                    empty_text(cx, f.file, t, what);
                }
            }
            let reason = match (&raw.reason, lib.and_then(|l| l.reason.clone())) {
                (Some(own), registered) => {
                    reason_override(
                        cx,
                        f.file,
                        code,
                        own,
                        registered.as_ref().map(|r| r.as_str()),
                        lib,
                    );
                    sp(f.file, own)
                }
                (None, Some(inherited)) => inherited,
                (None, None) => {
                    unknown_status_reason(cx, at, code, extends);
                    cx.refused.statuses.push(code);
                    continue;
                }
            };
            if extends && lib.is_none() {
                unregistered_status(cx, at, code);
            }
            let attributes =
                attribute_values(cx, f.file, Owner::Status, at, &raw.attributes, attrs);
            let headers = headers(cx, f.file, &raw.headers);
            let mut aliases: Vec<String> = lib.map(|l| l.aliases.clone()).unwrap_or_default();
            aliases.extend(raw.aliases.iter().map(|a| a.get().clone()));
            out.push(Status {
                code,
                span: at,
                variant: names::status_variant(code, &reason),
                reason,
                description: raw
                    .description
                    .as_ref()
                    .map(|d| sp(f.file, d))
                    .or_else(|| lib.and_then(|l| l.description.clone())),
                aliases,
                reference: raw
                    .reference
                    .as_ref()
                    .map(|r| r.get().clone())
                    .or_else(|| lib.and_then(|l| l.reference.clone())),
                registered_reason: lib.and_then(|l| l.reason.as_ref().map(|r| r.value.clone())),
                attributes,
                headers,
            });
        }
    }
    out.sort_by_key(|s| s.code);
    status_variants_unique(&mut out);
    out
}

// A status code is declared once, across the root catalog and its includes.
fn status_declared_once(
    cx: &mut Cx<'_>,
    at: Span,
    code: u16,
    seen: &mut BTreeMap<u16, Span>,
) -> bool {
    let Some(first) = seen.get(&code) else {
        seen.insert(code, at);
        return true;
    };
    cx.push(
        Diagnostic::new(
            "duplicate-status",
            format!("status {code} is declared twice"),
        )
        .at(at, "declared again here")
        .also(*first, "first declared here")
        .help("merge the two entries into one"),
    );
    false
}

// A status has a reason phrase: its own, or the extended catalog's.
fn unknown_status_reason(cx: &mut Cx<'_>, at: Span, code: u16, extends: bool) {
    let label = if extends {
        "not in the extended catalog"
    } else {
        "no reason given"
    };
    cx.push(
        Diagnostic::new(
            "unknown-status-reason",
            format!("status {code} has no reason phrase"),
        )
        .at(at, label)
        .help(format!(
            "give it one: `[statuses.{code}]` with `reason = \"...\"`"
        )),
    );
}

// A standard status keeps its registered reason or one of its aliases (a lint).
fn reason_override(
    cx: &mut Cx<'_>,
    file: FileId,
    code: u16,
    own: &S<String>,
    registered: Option<&str>,
    lib: Option<&LibraryStatus>,
) {
    // An empty reason is reported by `empty-text` alone.
    let Some(registered) = registered.filter(|_| !own.get().trim().is_empty()) else {
        return;
    };
    let known = registered == own.get().as_str()
        || lib.is_some_and(|l| l.aliases.iter().any(|a| a == own.get()));
    if !known {
        cx.push(
            Diagnostic::new(
                "reason-override",
                format!("status {code} is registered as \"{registered}\", not \"{}\"", own.get()),
            )
            .at(span(file, own), "overrides the standard reason phrase")
            .help(format!("clients may expect \"{registered}\"; if this is intended, add `reason-override = \"allow\"` under `[lints]`")),
        );
    }
}

// A status outside the extended catalog is worth a second look (a lint).
fn unregistered_status(cx: &mut Cx<'_>, at: Span, code: u16) {
    cx.push(
        Diagnostic::new("unregistered-status", format!("status {code} is not in the IANA HTTP status code registry"))
            .at(at, "not a registered status")
            .help("generic clients treat it as x00 of its class; if this is intended, add `unregistered-status = \"allow\"` under `[lints]`"),
    );
}

// Status variants are distinct and clash with no generated item: a reason whose name is
// taken gets `Status{code}` (`names::status_variants`; docs/catalog-format.md).
fn status_variants_unique(statuses: &mut [Status]) {
    let pairs: Vec<(u16, &str)> = statuses
        .iter()
        .map(|s| (s.code, s.reason.as_str()))
        .collect();
    let names = names::status_variants(&pairs);
    for (s, n) in statuses.iter_mut().zip(names) {
        s.variant = n;
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

// Each error code passes the per-code rules below before its entry is checked.
fn errors(
    cx: &mut Cx<'_>,
    entries: &mut ErrorEntries,
    statuses: &[Status],
    attrs: &[AttributeDef],
    retired: &[Sp<String>],
    known: &Known,
) -> Vec<ErrorDef> {
    let count = entries.iter().map(|(_, e)| e.0.len()).sum();
    let mut out: Vec<ErrorDef> = Vec::with_capacity(count);
    // Codes and variants seen so far, with where: the duplicate and collision checks stay
    // linear in the number of errors (a scan of `out` made 10,000 errors take seconds), and
    // see every entry, also those whose body has a mistake.
    let mut codes: HashMap<&str, Span> = HashMap::with_capacity(count);
    let mut variants: HashMap<String, (&str, Span)> = HashMap::with_capacity(count);
    for (file, file_entries) in entries.iter_mut() {
        let file = *file;
        for (code, e) in file_entries.0.iter_mut() {
            let code: &S<String> = code;
            let at = span(file, code);
            let name = code.get().as_str();
            if !error_code_well_formed(cx, at, name)
                || !error_declared_once(cx, at, name, &mut codes)
                || !error_code_not_retired(cx, at, name, retired)
            {
                continue;
            }
            let variant = names::variant_name(name);
            if !error_variant_unique(cx, at, name, &variant, &mut variants)
                || !error_variant_not_keyword(cx, at, name, &variant)
                || !error_variant_not_generated(cx, at, name, &variant)
            {
                continue;
            }
            if let Some(def) = error(
                cx,
                file,
                code,
                e.0.get_mut(),
                variant,
                statuses,
                attrs,
                known,
            ) {
                out.push(def);
            }
        }
    }
    from_types_unique(cx, &out);
    out
}

// An error code is an ASCII letter followed by ASCII letters, digits, `_`, `-` or `.`.
fn error_code_well_formed(cx: &mut Cx<'_>, at: Span, code: &str) -> bool {
    if names::is_error_code(code) {
        return true;
    }
    cx.push(
        Diagnostic::new("invalid-error-code", format!("`{code}` is not a valid error code"))
            .at(at, "invalid error code")
            .help("an error code starts with an ASCII letter, followed by ASCII letters, digits, `_`, `-` or `.`"),
    );
    false
}

// An error code is declared once, across the root catalog and its includes.
fn error_declared_once<'c>(
    cx: &mut Cx<'_>,
    at: Span,
    code: &'c str,
    seen: &mut HashMap<&'c str, Span>,
) -> bool {
    let Some(first) = seen.get(code) else {
        seen.insert(code, at);
        return true;
    };
    cx.push(
        Diagnostic::new(
            "duplicate-error",
            format!("error `{code}` is declared twice"),
        )
        .at(at, "declared again here")
        .also(*first, "first declared here")
        .help("error codes are unique: rename or remove one of the two"),
    );
    false
}

// A retired error code is never used again.
fn error_code_not_retired(cx: &mut Cx<'_>, at: Span, code: &str, retired: &[Sp<String>]) -> bool {
    let Some(r) = retired.iter().find(|r| r.as_str() == code) else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "retired-reuse",
            format!("error code `{code}` was retired and may not be used again"),
        )
        .at(at, "reuses a retired code")
        .also(r.span, "retired here")
        .help("clients may still handle the old meaning of this code; choose a new code"),
    );
    false
}

// Two error codes never give the same Rust variant (`invalid-api-key`, `invalid_api_key`).
fn error_variant_unique<'c>(
    cx: &mut Cx<'_>,
    at: Span,
    code: &'c str,
    variant: &str,
    seen: &mut HashMap<String, (&'c str, Span)>,
) -> bool {
    let Some((other, other_at)) = seen.get(variant) else {
        seen.insert(variant.to_owned(), (code, at));
        return true;
    };
    cx.push(
        Diagnostic::new(
            "rust-name-collision",
            format!("`{other}` and `{code}` both become the Rust variant `{variant}`"),
        )
        .at(at, format!("becomes `{variant}`"))
        .also(*other_at, format!("also becomes `{variant}`"))
        .help("rename one of the codes so that they differ in more than case or separators"),
    );
    false
}

// An error's Rust variant is not a keyword (`self` gives `Self`).
fn error_variant_not_keyword(cx: &mut Cx<'_>, at: Span, code: &str, variant: &str) -> bool {
    if !names::is_keyword(variant) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "rust-keyword",
            format!("`{code}` becomes `{variant}`, a Rust keyword"),
        )
        .at(at, "not a usable variant name")
        .help("rename the error code"),
    );
    false
}

// An error's Rust variant is not the name of an item the generated code defines on the
// error enum (`eRRORS` gives `ERRORS`, which is `ApiError::ERRORS`).
fn error_variant_not_generated(cx: &mut Cx<'_>, at: Span, code: &str, variant: &str) -> bool {
    if !names::is_generated_item(variant, false) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "reserved-rust-name",
            format!("`{code}` becomes `{variant}`, a name the generated error enum already uses"),
        )
        .at(at, format!("becomes the variant `{variant}`"))
        .help(format!(
            "`{variant}` is an associated item of the generated enum; rename the error code"
        )),
    );
    false
}

/// One error's entry checked and turned into its definition. Its texts (message, title,
/// description, remediation, field, field descriptions) are moved into the definition:
/// no check reads them from the entry afterwards (`replacements_exist` reads the code and
/// `deprecated`, which stay).
#[allow(clippy::too_many_arguments)]
fn error(
    cx: &mut Cx<'_>,
    file: FileId,
    code: &S<String>,
    e: &mut raw::Error,
    variant: String,
    statuses: &[Status],
    attrs: &[AttributeDef],
    known: &Known,
) -> Option<ErrorDef> {
    let at = span(file, code);
    let status = error_status(cx, file, &e.status, statuses)?;
    for (t, what) in [
        (&e.title, "title"),
        (&e.description, "description"),
        (&e.remediation, "remediation"),
    ] {
        if let Some(t) = t {
            empty_text(cx, file, t, what);
        }
    }
    let fields = fields(cx, file, e);
    let mut used = vec![false; fields.len()];
    let (message, message_ok) = message(cx, file, e, &fields, &mut used);
    let field_pieces = e
        .field
        .as_ref()
        .map(|f| field_template(cx, file, f, e, &fields, &mut used));
    let (retryable, retry_after) = retry(cx, file, e);
    let attributes = attribute_values(cx, file, Owner::Error, at, &e.attributes, attrs);
    let headers = headers(cx, file, &e.headers);
    let mut vars = body_vars(attrs, known, &fields);
    vars.own = true;
    vars.refused
        .extend(e.fields.0.iter().map(|(n, _)| n.get().clone()));
    let body = e
        .body
        .as_ref()
        .map(|b| template(cx, file, b, &vars, TemplateKind::Body));
    let item = e
        .item
        .as_ref()
        .map(|b| template(cx, file, b, &vars, TemplateKind::Body));
    for t in body.iter().chain(item.iter()).flatten() {
        for (i, u) in used.iter_mut().enumerate() {
            *u |= template_uses(t, &Var::ErrorField(i));
        }
    }
    // An unresolved placeholder is most likely a misspelt field: not also "unused".
    let resolved = message_ok
        && field_pieces.as_ref().is_none_or(Option::is_some)
        && body.as_ref().is_none_or(Option::is_some)
        && item.as_ref().is_none_or(Option::is_some);
    if resolved {
        unused_fields(cx, span(file, &e.message), &fields, &used);
    }
    let examples = examples(cx, file, e, &fields, known);
    let field_pieces = match field_pieces {
        None => None,
        Some(p) => Some(p?),
    };
    let body = match body {
        None => None,
        Some(b) => Some(b?),
    };
    let item = match item {
        None => None,
        Some(b) => Some(b?),
    };
    let cause = cause(cx, file, e, &fields);
    let deprecated = e.deprecated.as_ref().map(|d| {
        let d = d.get();
        Deprecation {
            since: d.since.as_ref().map(|s| s.get().clone()),
            replaced_by: d.replaced_by.as_ref().map(|s| s.get().clone()),
            note: d.note.as_ref().map(|s| s.get().clone()),
        }
    });
    let message = message?;
    Some(ErrorDef {
        code: sp(file, code),
        variant,
        status,
        title: e.title.as_mut().map(|t| take(file, t)),
        message,
        description: e.description.as_mut().map(|t| take(file, t)),
        remediation: e.remediation.as_mut().map(|t| take(file, t)),
        // A literal field is kept unescaped (`{{` is `{`); one naming the error's fields as
        // written, with its pieces.
        field: e.field.as_mut().map(|t| {
            let mut f = take(file, t);
            if let Some(p) = field_pieces.as_ref().filter(|p| literal(p)) {
                f.value = p
                    .iter()
                    .map(|p| match p {
                        Piece::Lit(s) => s.as_str(),
                        Piece::Field(_) => "",
                    })
                    .collect();
            }
            f
        }),
        field_pieces: field_pieces.filter(|p| !literal(p)),
        fields,
        retryable,
        retry_after,
        deprecated,
        attributes,
        headers,
        body,
        item,
        examples,
        cause,
    })
}

// Response headers pass the per-header rules below; the valid ones are kept.
fn headers(
    cx: &mut Cx<'_>,
    file: FileId,
    raw: &OrderedMap<S<String>, S<String>>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<&S<String>> = Vec::new();
    for (name, value) in &raw.0 {
        let ok = header_name_token(cx, file, name)
            && header_not_reserved(cx, file, name)
            && header_set_once(cx, file, name, &seen);
        let ok = header_value_visible(cx, file, name, value) && ok;
        seen.push(name);
        if ok {
            out.push((name.get().clone(), value.get().clone()));
        }
    }
    out
}

/// The characters of an RFC 9110 token (section 5.6.2) besides letters and digits.
const TCHAR_SYMBOLS: &str = "!#$%&'*+-.^_`|~";

// A header name is an RFC 9110 token: letters, digits and ``!#$%&'*+-.^_`|~``.
fn header_name_token(cx: &mut Cx<'_>, file: FileId, name: &S<String>) -> bool {
    let n = name.get();
    if !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return true;
    }
    let label = if n.is_empty() {
        "an empty name".to_owned()
    } else {
        let bad: String = n
            .chars()
            .filter(|c| !c.is_ascii_alphanumeric() && !TCHAR_SYMBOLS.contains(*c))
            .take(1)
            .collect();
        format!("{bad:?} is not allowed in a header name")
    };
    cx.push(
        Diagnostic::new("invalid-header", format!("{n:?} is not a valid header name"))
            .at(span(file, name), label)
            .help("header names are HTTP tokens (RFC 9110, section 5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``, such as `WWW-Authenticate`"),
    );
    false
}

// A header value is visible ASCII, spaces and tabs: no line breaks, other control
// characters or non-ASCII text (RFC 9110, section 5.5).
fn header_value_visible(
    cx: &mut Cx<'_>,
    file: FileId,
    name: &S<String>,
    value: &S<String>,
) -> bool {
    let Some(bad) = value
        .get()
        .chars()
        .find(|c| !(matches!(c, ' ' | '\t') || c.is_ascii_graphic()))
    else {
        return true;
    };
    let what = if bad.is_ascii_control() {
        "a control character"
    } else {
        "a non-ASCII character"
    };
    cx.push(
        Diagnostic::new(
            "invalid-header",
            format!("the value of header `{}` holds {what} ({bad:?})", name.get().escape_debug()),
        )
        .at(span(file, value), format!("{bad:?} is not allowed in a header value"))
        .help("header values are visible ASCII characters, spaces and tabs (RFC 9110, section 5.5); percent-encode other text"),
    );
    false
}

// A header errcat sets itself (`Content-Type`, `Content-Length`, `Retry-After`) is not
// declared by hand.
fn header_not_reserved(cx: &mut Cx<'_>, file: FileId, name: &S<String>) -> bool {
    let n = name.get();
    let help = if n.eq_ignore_ascii_case("content-type") {
        "the content type comes from the body: set `[body] content_type`"
    } else if n.eq_ignore_ascii_case("content-length") {
        "the content length is set from the response body; remove this header"
    } else if n.eq_ignore_ascii_case("retry-after") {
        "`Retry-After` comes from the error's `retry_after = SECONDS`; set that instead"
    } else {
        return true;
    };
    cx.push(
        Diagnostic::new("reserved-header", format!("errcat sets `{n}` itself"))
            .at(span(file, name), "a header errcat sets")
            .help(help),
    );
    false
}

// A header is set once per table (names are case-insensitive).
fn header_set_once(cx: &mut Cx<'_>, file: FileId, name: &S<String>, seen: &[&S<String>]) -> bool {
    let Some(first) = seen
        .iter()
        .find(|s| s.get().eq_ignore_ascii_case(name.get()))
    else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "invalid-header",
            format!("header `{}` is set twice", name.get()),
        )
        .at(span(file, name), "set again here")
        .also(span(file, first), "first set here")
        .help("header names are case-insensitive; keep one of them"),
    );
    false
}

// An error's status is a code the catalog declares.
fn error_status(
    cx: &mut Cx<'_>,
    file: FileId,
    status: &S<i64>,
    statuses: &[Status],
) -> Option<Sp<u16>> {
    let at = span(file, status);
    let code = error_status_in_range(cx, at, *status.get())?;
    if cx.refused.statuses.contains(&code) {
        // Its declaration was refused, and reported.
        return None;
    }
    if !statuses.iter().any(|s| s.code == code) {
        cx.push(
            Diagnostic::new("undeclared-status", format!("status {code} is not declared by the catalog"))
                .at(at, "undeclared status")
                .help(format!("declare it: add `[statuses.{code}]` (it may stay empty when the catalog extends \"http\")")),
        );
        return None;
    }
    success_status_error(cx, at, code);
    Some(Sp::new(code, at))
}

// An error's status is an HTTP status code, 100 to 599.
fn error_status_in_range(cx: &mut Cx<'_>, at: Span, status: i64) -> Option<u16> {
    match u16::try_from(status) {
        Ok(c) if (100..=599).contains(&c) => Some(c),
        _ => {
            cx.push(
                Diagnostic::new("status-out-of-range", format!("{status} is not an HTTP status code"))
                    .at(at, "expected a number from 100 to 599")
                    .help("HTTP status codes are three-digit numbers from 100 to 599 (RFC 9110, section 15)"),
            );
            None
        }
    }
}

// Errors are returned with 4xx and 5xx statuses (a lint).
fn success_status_error(cx: &mut Cx<'_>, at: Span, code: u16) {
    if code < 400 {
        cx.push(
            Diagnostic::new(
                "success-status-error",
                format!("an error returned with status {code}, which is not an error status"),
            )
            .at(at, "not a 4xx or 5xx status")
            .help("clients treat 1xx, 2xx and 3xx responses as non-errors"),
        );
    }
}

// Each field declaration passes the per-field rules below.
fn fields(cx: &mut Cx<'_>, file: FileId, e: &mut raw::Error) -> Vec<FieldDef> {
    let mut out = Vec::with_capacity(e.fields.0.len());
    for (name, f) in &mut e.fields.0 {
        let at = span(file, name);
        if !field_name_snake_case(cx, at, name.get()) || !field_name_not_keyword(cx, at, name.get())
        {
            continue;
        }
        let f = f.0.get_mut();
        let Some(ty) = field_type(cx, file, &f.ty) else {
            continue;
        };
        let example = match &f.example {
            Some(v) if field_example_valid(cx, span(file, v), v.get(), ty) => ty.coerce(v.get()),
            _ => ty.default_example(name.get()),
        };
        out.push(FieldDef {
            name: sp(file, name),
            ty,
            description: f.description.as_mut().map(|d| take(file, d)),
            example,
        });
    }
    out
}

// A field name is a snake_case identifier (it becomes a Rust struct field), as rustc's
// `non_snake_case` lint defines it (no `__`).
fn field_name_snake_case(cx: &mut Cx<'_>, at: Span, name: &str) -> bool {
    if names::is_rust_snake_case(name) {
        return true;
    }
    if names::is_snake_case(name) {
        cx.push(
            Diagnostic::new(
                "invalid-field-name",
                format!("`{name}` is not a valid field name"),
            )
            .at(at, "has `__`, which rustc's `non_snake_case` lint rejects")
            .help(format!(
                "separate the words with one `_`: `{}`",
                collapse_underscores(name)
            )),
        );
        return false;
    }
    cx.push(
        Diagnostic::new("invalid-field-name", format!("`{name}` is not a valid field name"))
            .at(at, "not a snake_case identifier")
            .help("field names become Rust struct fields: ASCII lowercase letters, digits and `_`, starting with a letter"),
    );
    false
}

/// `name` with each run of `_` made one `_`.
fn collapse_underscores(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out
}

// A field name is not a Rust keyword.
fn field_name_not_keyword(cx: &mut Cx<'_>, at: Span, name: &str) -> bool {
    if !names::is_keyword(name) {
        return true;
    }
    cx.push(
        Diagnostic::new("rust-keyword", format!("field `{name}` is a Rust keyword"))
            .at(at, "cannot be a Rust field name")
            .help(format!("rename it, for example to `{name}_name`")),
    );
    false
}

// A field's type is string, integer, unsigned, float or boolean.
fn field_type(cx: &mut Cx<'_>, file: FileId, ty: &S<String>) -> Option<FieldType> {
    if let Some((_, t)) = FieldType::ALL.iter().find(|(n, _)| n == ty.get()) {
        return Some(*t);
    }
    let type_names: Vec<&str> = FieldType::ALL.iter().map(|(n, _)| *n).collect();
    let d = Diagnostic::new(
        "unknown-field-type",
        format!("unknown field type `{}`", ty.get()),
    )
    .at(
        span(file, ty),
        "expected string, integer, unsigned, float or boolean",
    );
    cx.push(match did_you_mean(ty.get(), &type_names) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => {
            d.help("a field is a string, integer (i64), unsigned (u64), float (f64) or boolean")
        }
    });
    None
}

// A field's example is a finite value of the field's type.
fn field_example_valid(cx: &mut Cx<'_>, at: Span, v: &Scalar, ty: FieldType) -> bool {
    if matches!(v, Scalar::Float(x) if !x.is_finite()) {
        cx.push(
            Diagnostic::new(
                "invalid-example",
                format!("example {v} has no JSON representation"),
            )
            .at(at, "not a finite number")
            .help("JSON numbers are finite: use a finite example"),
        );
        return false;
    }
    if ty.accepts(v) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "invalid-example",
            format!("example {v} is not {}", a(ty.as_str())),
        )
        .at(at, format!("expected {}", a(ty.as_str())))
        .help(format!(
            "give the field an example of its type, or change its `type` from \"{}\"",
            ty.as_str()
        )),
    );
    false
}

// A message is not empty, its braces match, and its placeholders name its fields.
fn message(
    cx: &mut Cx<'_>,
    file: FileId,
    e: &mut raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> (Option<Message>, bool) {
    let text = &e.message;
    let at = span(file, text);
    if text.get().trim().is_empty() {
        cx.push(
            Diagnostic::new("empty-message", "the error's message is empty")
                .at(at, "empty message")
                .help("write the message clients see, such as \"Invalid or revoked API key\""),
        );
        return (None, false);
    }
    let pieces = match template::parse(text.get()) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, at, text.get(), err.range), "here")
                    .help("placeholders are `{name}`; write `{{` and `}}` for literal braces"),
            );
            return (None, false);
        }
    };
    let (out, ok) = resolve_pieces(cx, at, text.get(), pieces, e, fields, used);
    let message = ok.then(|| Message {
        text: Sp::new(e.message.get().clone(), at),
        pieces: out,
    });
    (message, ok)
}

/// The pieces of a message or field text, each placeholder one of the error's fields
/// (marked used); false when one names no field (reported).
fn resolve_pieces(
    cx: &mut Cx<'_>,
    at: Span,
    text: &str,
    pieces: Vec<RawPiece>,
    e: &raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> (Vec<Piece>, bool) {
    let mut out = Vec::with_capacity(pieces.len());
    let mut ok = true;
    for p in pieces {
        match p {
            RawPiece::Lit(s) => out.push(Piece::Lit(s)),
            RawPiece::Name(name, range) => match fields.iter().position(|f| *f.name == name) {
                Some(i) => {
                    used[i] = true;
                    out.push(Piece::Field(i));
                }
                None => {
                    ok = false;
                    let pspan = inner_span(cx.sources, at, text, range);
                    undeclared_placeholder(cx, pspan, &name, e, fields);
                }
            },
        }
    }
    (out, ok)
}

/// Whether message pieces are all literal text.
fn literal(pieces: &[Piece]) -> bool {
    pieces.iter().all(|p| matches!(p, Piece::Lit(_)))
}

// The request field is literal, or names the error's own fields (`field = "{param}"`).
fn field_template(
    cx: &mut Cx<'_>,
    file: FileId,
    field: &S<String>,
    e: &raw::Error,
    fields: &[FieldDef],
    used: &mut [bool],
) -> Option<Vec<Piece>> {
    let at = span(file, field);
    let pieces = match template::parse(field.get()) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, at, field.get(), err.range), "here")
                    .help("`field` is the request field's name, or `{name}` to take it from the error's field `name`; write `{{` and `}}` for literal braces"),
            );
            return None;
        }
    };
    let (out, ok) = resolve_pieces(cx, at, field.get(), pieces, e, fields, used);
    ok.then_some(out)
}

// Every placeholder of a message is a field the error declares.
fn undeclared_placeholder(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    e: &raw::Error,
    fields: &[FieldDef],
) {
    // A field whose declaration was rejected (bad name or type) was already reported.
    if e.fields.0.iter().any(|(n, _)| n.get() == name) {
        return;
    }
    let declared: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let d = Diagnostic::new(
        "undeclared-placeholder",
        format!("placeholder `{{{name}}}` has no field"),
    )
    .at(at, "undeclared placeholder");
    cx.push(match did_you_mean(name, &declared) {
        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
        None => d.help(format!(
            "declare it: `fields.{name} = {{ type = \"string\" }}` in this error's table"
        )),
    });
}

// Every field an error declares is used by its message (a lint).
fn unused_fields(cx: &mut Cx<'_>, message: Span, fields: &[FieldDef], used: &[bool]) {
    for (f, used) in fields.iter().zip(used) {
        if !used {
            cx.push(
                Diagnostic::new(
                    "unused-field",
                    format!("field `{}` is not used in the message", f.name.as_str()),
                )
                .at(f.name.span, "unused field")
                .also(message, "the message")
                .help(format!(
                    "use it as `{{{}}}` in the message, or remove it",
                    f.name.as_str()
                )),
            );
        }
    }
}

// `retry_after` fits in u32 and does not contradict `retryable = false`.
fn retry(cx: &mut Cx<'_>, file: FileId, e: &raw::Error) -> (bool, Option<u32>) {
    let after = e.retry_after.as_ref().and_then(|r| match u32::try_from(*r.get()) {
        Ok(v) => Some((v, r)),
        Err(_) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("retry_after {} is not a number of seconds", r.get()))
                    .at(span(file, r), "expected a whole number of seconds from 0 to 4294967295")
                    .help("`retry_after` is the `Retry-After` delay in seconds, such as `retry_after = 30`"),
            );
            None
        }
    });
    match (&e.retryable, after) {
        (Some(flag), Some((_, r))) if !*flag.get() => {
            cx.push(
                Diagnostic::new("conflicting-retry", "`retry_after` is set on an error that is not retryable")
                    .at(span(file, r), "a retry hint")
                    .also(span(file, flag), "but the error is not retryable")
                    .help("remove `retryable = false` (a `retry_after` implies it is retryable) or remove `retry_after`"),
            );
            (false, None)
        }
        (flag, after) => (
            flag.as_ref().is_some_and(|f| *f.get()) || after.is_some(),
            after.map(|(v, _)| v),
        ),
    }
}

/// The cause an error carries on the server (`cause`, `from`), checked by the rules below.
fn cause(cx: &mut Cx<'_>, file: FileId, e: &raw::Error, fields: &[FieldDef]) -> Option<CauseDef> {
    let asked = e.cause.as_ref().filter(|c| *c.get());
    let first_from = e.from.first();
    if let (Some(flag), Some(first)) = (e.cause.as_ref().filter(|c| !*c.get()), first_from) {
        cx.push(
            Diagnostic::new(
                "conflicting-cause",
                "`from` is set on an error declared without a cause",
            )
            .at(
                span(file, first),
                "converts a library error into this error's cause",
            )
            .also(span(file, flag), "but the error carries no cause")
            .help("remove `cause = false` (`from` implies a cause) or remove `from`"),
        );
        return None;
    }
    let at = match (asked, first_from) {
        (Some(flag), _) => span(file, flag),
        (None, Some(first)) => span(file, first),
        (None, None) => return None,
    };
    let mut ok = cause_field_free(cx, fields, at);
    let mut from = Vec::with_capacity(e.from.len());
    for ty in &e.from {
        if from_type_is_path(cx, file, ty) {
            from.push(sp(file, ty));
        } else {
            ok = false;
        }
    }
    if let Some(first) = first_from {
        ok = from_without_fields(cx, file, fields, first) && ok;
    }
    ok.then_some(CauseDef { span: at, from })
}

// An error with a cause has no field named `cause`: that is the name of the generated
// variant's cause field.
fn cause_field_free(cx: &mut Cx<'_>, fields: &[FieldDef], at: Span) -> bool {
    let Some(f) = fields.iter().find(|f| f.name.as_str() == "cause") else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "cause-field-collision",
            "an error with a cause declares a field named `cause`",
        )
        .at(f.name.span, "a field named `cause`")
        .also(
            at,
            "the error carries a cause, held in the generated field `cause`",
        )
        .help("rename the field (its placeholder in the message too)"),
    );
    false
}

// `from` converts into errors without fields only: a conversion has no values for them.
fn from_without_fields(
    cx: &mut Cx<'_>,
    file: FileId,
    fields: &[FieldDef],
    first: &S<String>,
) -> bool {
    let Some(f) = fields.first() else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "from-with-fields",
            "`from` is set on an error with fields",
        )
        .at(span(file, first), "a conversion gives no value for the fields")
        .also(f.name.span, "a field of the error")
        .help("move `from` to an error without fields, or set `cause = true` and build the error with its fields and cause in code"),
    );
    false
}

/// Whether `s` is a Rust path to a type without generic arguments: identifiers separated
/// by `::`, optionally after a leading `::`; keywords only as a first `crate`, `self`,
/// `super` or `Self`, and not alone.
pub(crate) fn is_type_path(s: &str) -> bool {
    let rest = s.strip_prefix("::").unwrap_or(s);
    let segments: Vec<&str> = rest.split("::").collect();
    let leading = rest.len() != s.len();
    segments.iter().enumerate().all(|(i, seg)| {
        names::is_ident(seg)
            && (!names::is_keyword(seg)
                || (i == 0
                    && !leading
                    && segments.len() > 1
                    && matches!(*seg, "crate" | "self" | "super" | "Self")))
    })
}

// Each `from` entry is a Rust path to a type, without generic arguments.
fn from_type_is_path(cx: &mut Cx<'_>, file: FileId, ty: &S<String>) -> bool {
    let t = ty.get();
    if is_type_path(t) {
        return true;
    }
    let label = if t.trim().is_empty() {
        "an empty path".to_owned()
    } else if t.contains(['<', '>']) {
        "generic arguments are not supported".to_owned()
    } else if t.contains(char::is_whitespace) {
        "whitespace in a path".to_owned()
    } else if let Some(k) = t
        .split("::")
        .find(|seg| names::is_keyword(seg) && !matches!(*seg, "crate" | "self" | "super" | "Self"))
    {
        format!("`{k}` is a Rust keyword")
    } else {
        "not a path such as `std::io::Error`".to_owned()
    };
    cx.push(
        Diagnostic::new(
            "invalid-from-type",
            format!("{t:?} is not a Rust path to an error type"),
        )
        .at(span(file, ty), label)
        .help("write the type's path as Rust code names it, such as `std::io::Error` or `crate::store::StoreError` (for a generic type, name a type alias)"),
    );
    false
}

// A library error type converts into one error only: `?` cannot choose between two.
fn from_types_unique(cx: &mut Cx<'_>, errors: &[ErrorDef]) {
    let mut seen: HashMap<&str, (&Sp<String>, &str)> = HashMap::new();
    for e in errors {
        for ty in e.cause.iter().flat_map(|c| &c.from) {
            let key = ty.as_str().strip_prefix("::").unwrap_or(ty.as_str());
            match seen.get(key) {
                None => {
                    seen.insert(key, (ty, e.code.as_str()));
                }
                Some((first, code)) => {
                    let other = if *code == e.code.as_str() {
                        "listed again".to_owned()
                    } else {
                        format!("also converted into `{}`", e.code.as_str())
                    };
                    cx.push(
                        Diagnostic::new(
                            "duplicate-from",
                            format!("`{}` is converted into two errors", ty.as_str()),
                        )
                        .at(ty.span, other)
                        .also(first.span, format!("first converted into `{code}`"))
                        .help("list each library error type in the `from` of one error"),
                    );
                }
            }
        }
    }
}

// Examples set declared fields only, with values of the field's type.
fn examples(
    cx: &mut Cx<'_>,
    file: FileId,
    e: &raw::Error,
    fields: &[FieldDef],
    known: &Known,
) -> Vec<Example> {
    let defaults: Vec<Scalar> = fields.iter().map(|f| f.example.clone()).collect();
    if e.examples.is_empty() {
        return vec![Example {
            summary: None,
            values: defaults,
            omit: Vec::new(),
        }];
    }
    let declared: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let mut out = Vec::with_capacity(e.examples.len());
    for ex in &e.examples {
        let ex = ex.get();
        let mut values = defaults.clone();
        for (name, value) in &ex.values.0 {
            let finite = !matches!(value.get(), Scalar::Float(x) if !x.is_finite());
            match fields.iter().position(|f| f.name.as_str() == name.get()) {
                Some(i) if finite && fields[i].ty.accepts(value.get()) => {
                    values[i] = fields[i].ty.coerce(value.get())
                }
                Some(i) => cx.push(
                    Diagnostic::new(
                        "invalid-example",
                        format!(
                            "example value {} is not {}",
                            value.get(),
                            a(fields[i].ty.as_str())
                        ),
                    )
                    .at(
                        span(file, value),
                        format!("field `{}` is {}", name.get(), a(fields[i].ty.as_str())),
                    )
                    .help(format!(
                        "give `{}` {} value",
                        name.get(),
                        a(fields[i].ty.as_str())
                    )),
                ),
                // A field whose declaration was refused was already reported.
                None if e.fields.0.iter().any(|(n, _)| n.get() == name.get()) => {}
                None => {
                    let mut d = Diagnostic::new(
                        "invalid-example",
                        format!(
                            "example sets `{}`, which is not a field of this error",
                            name.get()
                        ),
                    )
                    .at(span(file, name), "not a field");
                    d = match did_you_mean(name.get(), &declared) {
                        Some(best) => d.help(format!("did you mean `{best}`?")),
                        None => d.help("examples set the error's fields, declared under `fields`"),
                    };
                    cx.push(d);
                }
            }
        }
        let mut omit = Vec::with_capacity(ex.omit.len());
        for name in &ex.omit {
            if example_omits_runtime_value(cx, file, name, known) {
                omit.push(name.get().clone());
            }
        }
        out.push(Example {
            summary: ex.summary.as_ref().map(|s| s.get().clone()),
            values,
            omit,
        });
    }
    out
}

// An example leaves out only values supplied at run time: `trace_id`, `instance` or a
// declared context value.
fn example_omits_runtime_value(
    cx: &mut Cx<'_>,
    file: FileId,
    name: &S<String>,
    known: &Known,
) -> bool {
    let n = name.get().as_str();
    if n == "trace_id" || n == "instance" || known.context.iter().any(|c| c == n) {
        return true;
    }
    if known.refused.iter().any(|r| r == n) {
        return false;
    }
    let mut names = vec!["trace_id", "instance"];
    names.extend(known.context.iter().map(String::as_str));
    let d = Diagnostic::new(
        "invalid-example",
        format!("example leaves out `{n}`, which is not a value supplied at run time"),
    )
    .at(span(file, name), "not a run-time value");
    cx.push(match did_you_mean(n, &names) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => d.help(format!(
            "`omit` lists run-time values the example's body goes without: {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    });
    false
}

// `deprecated.replaced_by` names another error of the catalog.
fn replacements_exist(cx: &mut Cx<'_>, entries: &ErrorEntries, errors: &[ErrorDef]) {
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    let known: std::collections::HashSet<&str> = codes.iter().copied().collect();
    for (file, file_entries) in entries {
        for (code, e) in &file_entries.0 {
            let Some(target) = e
                .get()
                .deprecated
                .as_ref()
                .and_then(|d| d.get().replaced_by.as_ref())
            else {
                continue;
            };
            let target_code = target.get().as_str();
            if target_code == code.get().as_str() || !known.contains(target_code) {
                let mut d = Diagnostic::new("unknown-replacement", format!("`{}` is deprecated in favour of `{target_code}`, which is not an error of the catalog", code.get()))
                    .at(span(*file, target), "no error has this code")
                    .also(span(*file, code), "deprecated here");
                d = match did_you_mean(target_code, &codes).filter(|b| *b != code.get().as_str()) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => d.help("`replaced_by` names the code of another error of this catalog"),
                };
                cx.push(d);
            }
        }
    }
}

// `[operations]`: the checks of each list of codes and each operation, then the lint of
// the errors no operation returns.
fn operations(
    cx: &mut Cx<'_>,
    root: &Parsed,
    entries: &ErrorEntries,
    errors: &[ErrorDef],
    retired: &[Sp<String>],
) -> Option<Operations> {
    let raw = root.raw.operations.as_ref()?;
    let file = root.file;
    let before = cx.diags.len();
    // Every code declared, also of errors whose entry has a mistake (reported already).
    let declared: Vec<&str> = entries
        .iter()
        .flat_map(|(_, e)| e.0.iter().map(|(code, _)| code.get().as_str()))
        .collect();
    let codes = |cx: &mut Cx<'_>, list: &[S<String>], owner: &str| -> Vec<Sp<String>> {
        list.iter()
            .filter(|c| {
                operation_error_exists(cx, span(file, c), c.get(), owner, &declared, retired)
            })
            .map(|c| sp(file, c))
            .collect()
    };
    let common = codes(cx, &raw.get().common, "`common`");
    let unrouted = codes(cx, &raw.get().unrouted, "`unrouted`");
    let mut list: Vec<Operation> = Vec::with_capacity(raw.get().entries.0.len());
    for (id, op) in &raw.get().entries.0 {
        let owner = format!("operation `{}`", id.get());
        let errors = codes(cx, &op.get().errors, &owner);
        let route = operation_route(cx, file, id, op);
        if let Some((method, path)) = &route {
            if !operation_route_unique(cx, *method, path, &list) {
                continue;
            }
        }
        list.push(Operation {
            id: sp(file, id),
            route,
            errors,
        });
    }
    let operations = Operations {
        span: span(file, raw),
        common,
        unrouted,
        list,
    };
    // A mistake in the lists (a misspelt code) would also make an error look unreturned:
    // one mistake, one diagnostic.
    if cx.diags.len() == before {
        for e in errors {
            unreturned_error(cx, e, &operations);
        }
    }
    Some(operations)
}

// An operation's errors are errors of the catalog.
fn operation_error_exists(
    cx: &mut Cx<'_>,
    at: Span,
    code: &str,
    owner: &str,
    declared: &[&str],
    retired: &[Sp<String>],
) -> bool {
    if declared.contains(&code) {
        return true;
    }
    let mut d = Diagnostic::new(
        "unknown-operation-error",
        format!("{owner} lists `{code}`, which is not an error of the catalog"),
    )
    .at(at, "no error has this code");
    if let Some(r) = retired.iter().find(|r| r.as_str() == code) {
        d = d
            .also(r.span, "retired here")
            .help("a retired code is never returned again: remove it from the list");
    } else {
        d = match did_you_mean(code, declared) {
            Some(best) => d.help(format!("did you mean `{best}`?")),
            None => d.help("list the codes of `[errors.CODE]` tables of this catalog"),
        };
    }
    cx.push(d);
    false
}

// An operation gives both a method and a path, or neither; the method is one OpenAPI
// operations have, and the path a template that starts with `/`.
fn operation_route(
    cx: &mut Cx<'_>,
    file: FileId,
    id: &S<String>,
    op: &S<raw::Operation>,
) -> Option<(Method, Sp<String>)> {
    let op = op.get();
    let (method, path) = match (&op.method, &op.path) {
        (None, None) => return None,
        (Some(m), Some(p)) => (m, p),
        (given, _) => {
            let (key, missing, at) = match given {
                Some(m) => ("method", "path", span(file, m)),
                None => (
                    "path",
                    "method",
                    op.path.as_ref().map_or(span(file, id), |p| span(file, p)),
                ),
            };
            cx.push(
                Diagnostic::new(
                    "invalid-operation-path",
                    format!("operation `{}` has a {key} but no {missing}", id.get()),
                )
                .at(at, format!("needs a {missing} too"))
                .help("give both `method` and `path` (they find the operation in the OpenAPI document), or neither"),
            );
            return None;
        }
    };
    let parsed = Method::parse(method.get());
    if parsed.is_none() {
        let names: Vec<&str> = Method::ALL.iter().map(|m| m.as_str()).collect();
        let upper = method.get().to_ascii_uppercase();
        let d = Diagnostic::new(
            "invalid-method",
            format!("`{}` is not a method of an OpenAPI operation", method.get()),
        )
        .at(span(file, method), "unknown method");
        cx.push(match did_you_mean(&upper, &names) {
            Some(best) => d.help(format!("did you mean `{best}`?")),
            None => d.help(format!("the methods are {}", names.join(", "))),
        });
    }
    let path_ok = path.get().starts_with('/');
    if !path_ok {
        cx.push(
            Diagnostic::new(
                "invalid-operation-path",
                format!(
                    "the path of operation `{}` does not start with `/`",
                    id.get()
                ),
            )
            .at(span(file, path), "not a path template")
            .help(format!(
                "write the path as the OpenAPI document's `paths` key, such as `/{}`",
                path.get()
            )),
        );
    }
    Some((parsed?, sp(file, path))).filter(|_| path_ok)
}

// No two operations have the same method and path.
fn operation_route_unique(
    cx: &mut Cx<'_>,
    method: Method,
    path: &Sp<String>,
    seen: &[Operation],
) -> bool {
    let Some(first) = seen.iter().find(|o| {
        o.route
            .as_ref()
            .is_some_and(|(m, p)| *m == method && p.as_str() == path.as_str())
    }) else {
        return true;
    };
    cx.push(
        Diagnostic::new(
            "duplicate-operation",
            format!(
                "`{} {}` is listed twice, also as operation `{}`",
                method.as_str(),
                path.as_str(),
                first.id.as_str()
            ),
        )
        .at(path.span, "listed again here")
        .also(first.id.span, "first listed here")
        .help("an operation is one method on one path: merge the two entries into one"),
    );
    false
}

// Every error is returned by some operation (or to requests that match none), once the
// catalog lists its operations.
fn unreturned_error(cx: &mut Cx<'_>, e: &ErrorDef, ops: &Operations) {
    if ops.is_returned(&e.code) {
        return;
    }
    cx.push(
        Diagnostic::new(
            "unreturned-error",
            format!("no operation returns `{}`", e.code.as_str()),
        )
        .at(e.code.span, "returned by no operation")
        .also(ops.span, "the operations")
        .help("list it in the `errors` of the operations that return it, in `common`, or in `unrouted` for requests that match no operation; or retire it"),
    );
}

/// The placeholders a template may use.
struct VarSet<'f> {
    /// Attributes, with whether each may be absent.
    attrs: Vec<(String, bool)>,
    /// Declared run-time context values.
    context: Vec<String>,
    /// The error's own fields (its own `body` and `item` templates only).
    fields: &'f [FieldDef],
    /// Names refused earlier (attribute, context or field declarations that were
    /// reported): a placeholder naming one is not reported again.
    refused: Vec<String>,
    /// `{content}` (the success envelope).
    content: bool,
    /// The error's built-ins (`{code}`, `{message}`, `{field}`...).
    builtins: bool,
    /// The grouped response's own values (`{items}`, and `{status}`, `{reason}`,
    /// `{title}`, `{type}`, `{docs_url}`, `{code}` for the group).
    group: bool,
    /// Whether the template is an error's own (`body`, `item`), not shared.
    own: bool,
}

/// What the checks know about run-time context values and refused declarations, shared by
/// every template.
#[derive(Default)]
struct Known {
    context: Vec<String>,
    refused: Vec<String>,
}

fn body_vars<'f>(attrs: &[AttributeDef], known: &Known, fields: &'f [FieldDef]) -> VarSet<'f> {
    VarSet {
        attrs: attrs
            .iter()
            .map(|a| (a.name.value.clone(), !(a.required && a.on_errors)))
            .collect(),
        context: known.context.clone(),
        fields,
        refused: known.refused.clone(),
        content: false,
        builtins: true,
        group: false,
        own: !fields.is_empty(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum TemplateKind {
    Body,
    Success,
    Group,
}

fn resolve_var(name: &str, vars: &VarSet<'_>) -> Option<(Var, bool)> {
    if vars.builtins {
        if let Some((a, optional)) = vars.attrs.iter().find(|(a, _)| a == name) {
            return Some((Var::Attribute(a.clone()), *optional));
        }
        if let Some(i) = vars.fields.iter().position(|f| f.name.as_str() == name) {
            return Some((Var::ErrorField(i), false));
        }
    }
    if let Some(c) = vars.context.iter().find(|c| *c == name) {
        return Some((Var::Context(c.clone()), true));
    }
    let var = Var::builtin(name)?;
    let allowed = match var {
        Var::Content => vars.content,
        Var::TraceId | Var::Instance => true,
        Var::Items => vars.group,
        Var::Status | Var::Reason | Var::Title | Var::Type | Var::DocsUrl | Var::Code => {
            vars.builtins || vars.group
        }
        _ => vars.builtins,
    };
    let optional = matches!(
        var,
        Var::Field | Var::DocsUrl | Var::RetryAfter | Var::TraceId | Var::Instance | Var::Fields
    );
    allowed.then_some((var, optional))
}

/// The placeholder names a template may use, for did-you-mean and help.
fn known_names<'v>(vars: &'v VarSet<'_>) -> Vec<&'v str> {
    let mut known: Vec<&str> = Var::BUILTIN
        .iter()
        .copied()
        .filter(|b| Var::builtin(b).is_some_and(|v| resolve_var(v.name(), vars).is_some()))
        .collect();
    if vars.builtins {
        known.extend(vars.attrs.iter().map(|(a, _)| a.as_str()));
        known.extend(vars.fields.iter().map(|f| f.name.as_str()));
    }
    known.extend(vars.context.iter().map(String::as_str));
    known
}

/// How deeply a body or success template may nest arrays and tables. Every stage after
/// this one (rendering, the emitters, syn and prettyplease on the generated Rust) recurses
/// once per level; at the toml crate's own limit (80), generating the Rust overflowed a
/// 2 MiB test-thread stack in a debug build (docs/robustness.md). Real bodies nest a few
/// levels.
pub(crate) const MAX_TEMPLATE_DEPTH: usize = 32;

/// Levels of arrays and tables in a template (`"x"` is 0, `["x"]` 1).
fn template_depth(t: &raw::Template) -> usize {
    match t {
        raw::Template::Array(items) => {
            1 + items
                .iter()
                .map(|i| template_depth(i.get()))
                .max()
                .unwrap_or(0)
        }
        raw::Template::Table(members) => {
            1 + members
                .0
                .iter()
                .map(|(_, v)| template_depth(v.get()))
                .max()
                .unwrap_or(0)
        }
        _ => 0,
    }
}

/// A whole template: its depth is checked before it is walked.
fn template(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) -> Option<Template> {
    let depth = template_depth(t.get());
    if depth > MAX_TEMPLATE_DEPTH {
        cx.push(
            Diagnostic::new(
                "invalid-type",
                format!(
                    "this template nests arrays and tables {depth} levels deep, more than the {MAX_TEMPLATE_DEPTH} allowed"
                ),
            )
            .at(span(file, t), "nested too deeply")
            .help("flatten the body: response bodies rarely need more than a few levels"),
        );
        return None;
    }
    template_value(cx, file, t, vars, kind)
}

// Template placeholders are known, and optional ones stand alone as a member's whole value.
fn template_value(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) -> Option<Template> {
    let at = span(file, t);
    Some(match t.get() {
        raw::Template::Int(i) => Template::Int(*i),
        raw::Template::Float(x) if x.is_finite() => Template::Float(*x),
        raw::Template::Float(x) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("{x} has no JSON representation"))
                    .at(at, "not a finite number")
                    .help("JSON numbers are finite: use a string such as \"inf\" instead"),
            );
            return None;
        }
        raw::Template::Bool(b) => Template::Bool(*b),
        raw::Template::Array(items) => {
            let mut out = Vec::new();
            let mut ok = true;
            for item in items {
                match template_value(cx, file, item, vars, kind) {
                    Some(v) => out.push(v),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Template::Array(out)
        }
        raw::Template::Table(members) => {
            let mut out = Vec::new();
            let mut ok = true;
            for (k, v) in &members.0 {
                match template_value(cx, file, v, vars, kind) {
                    Some(v) => out.push((k.get().clone(), v)),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Template::Object(out)
        }
        raw::Template::Str(s) => {
            let pieces = match template::parse(s) {
                Ok(p) => p,
                Err(err) => {
                    cx.push(
                        Diagnostic::new("template-syntax", err.message)
                            .at(inner_span(cx.sources, at, s, err.range), "here")
                            .help(
                                "placeholders are `{name}`; write `{{` and `}}` for literal braces",
                            ),
                    );
                    return None;
                }
            };
            let whole = pieces.len() == 1 && matches!(pieces[0], RawPiece::Name(..));
            let mut out = Vec::new();
            let mut ok = true;
            for p in pieces {
                match p {
                    RawPiece::Lit(l) => out.push(TextPiece::Lit(l)),
                    RawPiece::Name(name, range) => {
                        let pspan = inner_span(cx.sources, at, s, range);
                        match resolve_var(&name, vars) {
                            Some((var, optional)) => {
                                if optional && !whole {
                                    ok = false;
                                    cx.push(
                                        Diagnostic::new("optional-placeholder-in-text", format!("`{{{name}}}` may be absent, so it cannot be part of a longer string"))
                                            .at(pspan, "optional value inside text")
                                            .help(format!("make it the member's whole value, `\"{{{name}}}\"`: the member is left out when the value is absent")),
                                    );
                                }
                                out.push(TextPiece::Var(var));
                            }
                            None => {
                                ok = false;
                                if vars.refused.contains(&name) {
                                    // Its declaration was refused, and reported.
                                    continue;
                                }
                                unknown_placeholder(cx, pspan, &name, vars, kind);
                            }
                        }
                    }
                }
            }
            if !ok {
                return None;
            }
            if whole {
                match out.pop() {
                    Some(TextPiece::Var(v)) => Template::Var(v),
                    _ => return None,
                }
            } else {
                Template::Text(out)
            }
        }
    })
}

// Every placeholder of a body, item, group or success template is one it may use.
fn unknown_placeholder(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) {
    let known = known_names(vars);
    let d = Diagnostic::new(
        "unknown-placeholder",
        format!("unknown placeholder `{{{name}}}`"),
    )
    .at(at, "unknown placeholder");
    let what = match kind {
        TemplateKind::Body => "body and item",
        TemplateKind::Success => "success",
        TemplateKind::Group => "group",
    };
    let list = known
        .iter()
        .map(|k| format!("`{{{k}}}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let d = match did_you_mean(name, &known) {
        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
        None if Var::builtin(name).is_some() || kind != TemplateKind::Body => {
            d.help(format!("{what} templates may use {list}"))
        }
        None if vars.own => d.help(format!(
            "declare `fields.{name}` on this error to use its value in its own body and item, or `[context.{name}]` for a value supplied at run time"
        )),
        None => d.help(format!(
            "this template is shared by every error: to name the request's offending input, declare the field on the error and set `field = \"{{{name}}}\"` there, then use `{{field}}` here (or use `{{{name}}}` in the error's own `body` or `item`); `[context.{name}]` declares a value supplied at run time"
        )),
    };
    cx.push(d);
}

/// RFC 9457 problem details, with errcat's extension members.
fn problem_template() -> Template {
    let v = |name: &str, var: Var| (name.to_owned(), Template::Var(var));
    Template::Object(vec![
        v("type", Var::Type),
        v("title", Var::Reason),
        v("status", Var::Status),
        v("detail", Var::Message),
        v("instance", Var::Instance),
        v("code", Var::Code),
        v("field", Var::Field),
        v("fields", Var::Fields),
        v("trace_id", Var::TraceId),
    ])
}

// `[body]` has format problem or template, and a template exactly when format is template.
fn body(cx: &mut Cx<'_>, root: &Parsed, attrs: &[AttributeDef], known: &Known) -> Option<Body> {
    let Some(b) = &root.raw.body else {
        return Some(Body {
            format: BodyFormat::Problem,
            template: problem_template(),
            content_type: "application/problem+json".into(),
            description: None,
            fields: Vec::new(),
            closed: false,
        });
    };
    let file = root.file;
    let raw = b.get();
    let format = match raw.format.as_ref().map(|f| f.get().as_str()) {
        None if raw.template.is_some() => BodyFormat::Template,
        None | Some("problem") => BodyFormat::Problem,
        Some("template") => BodyFormat::Template,
        Some(other) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("unknown body format `{other}`"))
                    .at(span(file, raw.format.as_ref()?), "expected \"problem\" or \"template\"")
                    .help("\"problem\" is RFC 9457 application/problem+json; \"template\" is your own shape in `[body.template]`"),
            );
            return None;
        }
    };
    let template = match (format, &raw.template) {
        (BodyFormat::Problem, None) => problem_template(),
        (BodyFormat::Problem, Some(t)) => {
            cx.push(
                Diagnostic::new(
                    "invalid-type",
                    "`[body.template]` is given but the body format is \"problem\"",
                )
                .at(span(file, t), "ignored with format = \"problem\"")
                .help("set `format = \"template\"`, or remove the template"),
            );
            return None;
        }
        (BodyFormat::Template, Some(t)) => template(
            cx,
            file,
            t,
            &body_vars(attrs, known, &[]),
            TemplateKind::Body,
        )?,
        (BodyFormat::Template, None) => {
            cx.push(
                Diagnostic::new("invalid-type", "body format \"template\" needs a `[body.template]`")
                    .at(span(file, b), "no template")
                    .help("add `[body.template]` with the body's members, such as `message = \"{message}\"`"),
            );
            return None;
        }
    };
    let content_type = raw.content_type.as_ref().map_or_else(
        || match format {
            BodyFormat::Problem => "application/problem+json".to_owned(),
            BodyFormat::Template => "application/json".to_owned(),
        },
        |c| c.get().clone(),
    );
    Some(Body {
        format,
        template,
        content_type,
        description: raw.description.as_ref().map(|d| sp(file, d)),
        fields: raw
            .fields
            .0
            .iter()
            .map(|(k, v)| (k.get().clone(), v.get().clone()))
            .collect(),
        closed: raw.closed.as_ref().is_some_and(|c| *c.get()),
    })
}

// The success envelope holds `{content}`, and run-time values (`{trace_id}`, `{instance}`,
// context values) but no error placeholders.
fn success(cx: &mut Cx<'_>, root: &Parsed, known: &Known) -> Option<Success> {
    let s = root.raw.success.as_ref()?;
    let file = root.file;
    let raw = s.get();
    let vars = VarSet {
        attrs: Vec::new(),
        context: known.context.clone(),
        fields: &[],
        refused: known.refused.clone(),
        content: true,
        builtins: false,
        group: false,
        own: false,
    };
    let template = template(cx, file, &raw.template, &vars, TemplateKind::Success)?;
    field_keys(
        cx,
        file,
        &raw.fields,
        &[&template],
        None,
        "[success.fields]",
    );
    if !template_uses(&template, &Var::Content) {
        cx.push(
            Diagnostic::new(
                "missing-content-placeholder",
                "the success envelope has no `{content}`",
            )
            .at(span(file, &raw.template), "where does the payload go?")
            .help("add a member whose value is \"{content}\", such as `content = \"{content}\"`"),
        );
        return None;
    }
    Some(Success {
        template,
        description: raw.description.as_ref().map(|d| sp(file, d)),
        fields: raw
            .fields
            .0
            .iter()
            .map(|(k, v)| (k.get().clone(), v.get().clone()))
            .collect(),
        closed: raw.closed.as_ref().is_some_and(|c| *c.get()),
    })
}

// Context values are snake_case names distinct from the built-in placeholders and the
// attributes.
fn context(cx: &mut Cx<'_>, root: &Parsed, attrs: &[AttributeDef]) -> (Vec<ContextDef>, Known) {
    let mut out: Vec<ContextDef> = Vec::new();
    let mut known = Known {
        context: Vec::new(),
        refused: cx.refused.attrs.clone(),
    };
    let file = root.file;
    for (name, decl) in &root.raw.context.0 {
        let n = name.get().as_str();
        let clash = if Var::builtin(n).is_some() {
            Some("a built-in placeholder")
        } else if attrs.iter().any(|a| a.name.as_str() == n) {
            Some("an attribute")
        } else if out.iter().any(|c| c.name.as_str() == n) {
            Some("declared twice")
        } else {
            None
        };
        if !names::is_snake_case(n) || clash.is_some() {
            let why = clash.unwrap_or("not a snake_case identifier");
            cx.push(
                Diagnostic::new(
                    "invalid-context-name",
                    format!("`{n}` cannot be a context value name: {why}"),
                )
                .at(span(file, name), "invalid context value name")
                .help(format!(
                    "context values are snake_case names other than the built-in placeholders ({}) and the attributes; `{{trace_id}}` and `{{instance}}` need no declaration",
                    Var::BUILTIN.join(", ")
                )),
            );
            if clash != Some("declared twice") && Var::builtin(n).is_none() {
                known.refused.push(n.to_owned());
            }
            continue;
        }
        let d = decl.get();
        out.push(ContextDef {
            name: sp(file, name),
            description: d.description.as_ref().map(|x| sp(file, x)),
            example: d
                .example
                .as_ref()
                .map_or_else(|| format!("<{n}>"), |x| x.get().clone()),
        });
        known.context.push(n.to_owned());
    }
    (out, known)
}

/// Every member path of a template, for `fields` keys: `a`, `a.b`, `list[]`,
/// `list[].member` (the items of `{items}` from `items`).
fn member_paths(t: &Template, items: Option<&Template>, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in t.members() {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        out.push(path.clone());
        match v {
            Template::Object(_) => member_paths(v, items, &path, out),
            Template::Array(list) => {
                for item in list {
                    if let Template::Object(_) = item {
                        member_paths(item, items, &format!("{path}[]"), out);
                    }
                }
            }
            Template::Var(Var::Items) => {
                if let Some(item) = items {
                    member_paths(item, None, &format!("{path}[]"), out);
                }
            }
            _ => {}
        }
    }
}

// Every key of a `fields` table names a member of its template (`a.b` for a nested
// member, `list[].member` for a member of an array's items).
fn field_keys(
    cx: &mut Cx<'_>,
    file: FileId,
    fields: &OrderedMap<S<String>, S<String>>,
    templates: &[&Template],
    items: Option<&[&Template]>,
    table: &str,
) {
    if fields.0.is_empty() {
        return;
    }
    let mut paths = Vec::new();
    for t in templates {
        match items {
            Some(items) => {
                for i in items {
                    member_paths(t, Some(i), "", &mut paths);
                }
            }
            None => member_paths(t, None, "", &mut paths),
        }
    }
    paths.sort();
    paths.dedup();
    for (key, _) in &fields.0 {
        let k = key.get().as_str();
        if paths.iter().any(|p| p == k) {
            continue;
        }
        let candidates: Vec<&str> = paths.iter().map(String::as_str).collect();
        let d = Diagnostic::new(
            "unknown-body-field",
            format!("`{k}` names no member of the template"),
        )
        .at(span(file, key), "no such member");
        let spelling =
            "nested members are `outer.inner`, members of an array's items `list[].member`";
        cx.push(match did_you_mean(k, &candidates) {
            Some(best) => d.help(format!("did you mean `{best}`? ({spelling})")),
            None => d.help(format!(
                "{table} describes members of the template: {}; {spelling}",
                candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
    }
}

// `[body.fields]` describes members of the body: of `[body]`'s template or of an error's own.
fn body_field_keys(cx: &mut Cx<'_>, root: &Parsed, body: &Body, errors: &[ErrorDef]) {
    let Some(b) = &root.raw.body else {
        return;
    };
    let mut templates = vec![&body.template];
    templates.extend(errors.iter().filter_map(|e| e.body.as_ref()));
    field_keys(
        cx,
        root.file,
        &b.get().fields,
        &templates,
        None,
        "[body.fields]",
    );
}

// A group: a snake_case name that is no method of the generated list, a declared status,
// errors of the catalog, a template with `{items}` once as an array member's whole value.
#[allow(clippy::too_many_arguments)]
fn groups(
    cx: &mut Cx<'_>,
    root: &Parsed,
    statuses: &[Status],
    errors: &[ErrorDef],
    attrs: &[AttributeDef],
    known: &Known,
    body: Option<&Body>,
) -> Vec<Group> {
    let file = root.file;
    let mut out: Vec<Group> = Vec::new();
    for (name, g) in &root.raw.groups.0 {
        let n = name.get().as_str();
        let g = g.get();
        let reserved = GROUP_RESERVED.contains(&n);
        if !names::is_snake_case(n) || names::is_keyword(n) || reserved {
            cx.push(
                Diagnostic::new("invalid-group", format!("`{n}` cannot be a group name"))
                    .at(span(file, name), if reserved { "a method of the generated error list" } else { "not a snake_case identifier" })
                    .help(format!(
                        "a group name is a snake_case identifier, the name of its constructor in the generated Rust, and none of {}",
                        GROUP_RESERVED.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                    )),
            );
            continue;
        }
        let status = error_status(cx, file, &g.status, statuses);
        let mut members = Vec::with_capacity(g.errors.len());
        let mut ok = true;
        for code in &g.errors {
            match errors.iter().position(|e| e.code.as_str() == code.get()) {
                Some(i) if !members.contains(&i) => members.push(i),
                Some(_) => {}
                None => {
                    ok = false;
                    let declared = root_and_included_codes(errors);
                    let d = Diagnostic::new(
                        "unknown-group-error",
                        format!(
                            "group `{n}` lists `{}`, which is not an error of the catalog",
                            code.get()
                        ),
                    )
                    .at(span(file, code), "no error has this code");
                    cx.push(match did_you_mean(code.get(), &declared) {
                        Some(best) => d.help(format!("did you mean `{best}`?")),
                        None => d.help("`errors` lists the codes of the errors that may appear in the group's response"),
                    });
                }
            }
        }
        let vars = VarSet {
            attrs: Vec::new(),
            context: known.context.clone(),
            fields: &[],
            refused: known.refused.clone(),
            content: false,
            builtins: false,
            group: true,
            own: false,
        };
        let template = template(cx, file, &g.template, &vars, TemplateKind::Group);
        let item = template_fn(cx, file, &g.item, &body_vars(attrs, known, &[]));
        let (Some(template), Some(item), Some(status)) = (template, item, status) else {
            continue;
        };
        let items = template
            .members()
            .iter()
            .filter(|(_, v)| matches!(v, Template::Var(Var::Items)))
            .count();
        if items != 1 || count_var(&template, &Var::Items) != 1 {
            cx.push(
                Diagnostic::new("invalid-group", format!("the template of group `{n}` needs `\"{{items}}\"` once, as a member's whole value"))
                    .at(span(file, &g.template), "where do the errors go?")
                    .help("add the member that holds the list of errors, such as `errors = \"{items}\"`: it repeats the item template once per error"),
            );
            continue;
        }
        if !ok {
            continue;
        }
        let mut item_templates = vec![&item];
        item_templates.extend(members.iter().filter_map(|i| errors[*i].item.as_ref()));
        field_keys(
            cx,
            file,
            &g.fields,
            &[&template],
            Some(&item_templates),
            &format!("[groups.{n}.fields]"),
        );
        out.push(Group {
            name: sp(file, name),
            status,
            title: g.title.as_ref().map(|t| sp(file, t)),
            description: g.description.as_ref().map(|t| sp(file, t)),
            type_uri: g.type_uri.as_ref().map(|t| sp(file, t)),
            template,
            item,
            errors: members,
            content_type: g.content_type.as_ref().map_or_else(
                || {
                    body.map_or_else(
                        || "application/problem+json".to_owned(),
                        |b| b.content_type.clone(),
                    )
                },
                |c| c.get().clone(),
            ),
            closed: g.closed.as_ref().is_some_and(|c| *c.get()),
            fields: g
                .fields
                .0
                .iter()
                .map(|(k, v)| (k.get().clone(), v.get().clone()))
                .collect(),
        });
    }
    out
}

/// Names a group may not have: the methods of the generated error list.
const GROUP_RESERVED: &[&str] = &[
    "new",
    "push",
    "len",
    "is_empty",
    "iter",
    "errors",
    "status",
    "group",
    "content_type",
    "write_body_json",
    "body_json",
    "body_json_with",
    "into_inner",
    "inner",
    "from",
];

fn root_and_included_codes(errors: &[ErrorDef]) -> Vec<&str> {
    errors.iter().map(|e| e.code.as_str()).collect()
}

/// [`template`] for an item template (body placeholders).
fn template_fn(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
) -> Option<Template> {
    template(cx, file, t, vars, TemplateKind::Body)
}

/// How many times `var` stands in `t`.
fn count_var(t: &Template, var: &Var) -> usize {
    match t {
        Template::Var(v) => usize::from(v == var),
        Template::Text(pieces) => pieces
            .iter()
            .filter(|p| matches!(p, TextPiece::Var(v) if v == var))
            .count(),
        Template::Array(items) => items.iter().map(|i| count_var(i, var)).sum(),
        Template::Object(members) => members.iter().map(|(_, v)| count_var(v, var)).sum(),
        _ => 0,
    }
}

// A docs URL pattern uses only `{code}` and `{status}`, and should use `{code}` (a lint).
fn docs_url_placeholders(cx: &mut Cx<'_>, url: &Sp<String>) {
    let pieces = match template::parse(url) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, url.span, url, err.range), "here")
                    .help("placeholders are `{code}` and `{status}`; write `{{` and `}}` for literal braces"),
            );
            return;
        }
    };
    let mut has_code = false;
    for p in pieces {
        if let RawPiece::Name(name, range) = p {
            match name.as_str() {
                "code" => has_code = true,
                "status" => {}
                _ => {
                    let mut d = Diagnostic::new(
                        "unknown-placeholder",
                        format!("unknown placeholder `{{{name}}}` in the docs URL"),
                    )
                    .at(
                        inner_span(cx.sources, url.span, url, range),
                        "unknown placeholder",
                    );
                    d = match did_you_mean(&name, &["code", "status"]) {
                        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
                        None => d.help("docs URLs may use `{code}` and `{status}`"),
                    };
                    cx.push(d);
                }
            }
        }
    }
    if !has_code {
        cx.push(
            Diagnostic::new(
                "docs-url-without-code",
                "the docs URL pattern has no `{code}`",
            )
            .at(url.span, "every error links here")
            .help("add `{code}`, such as \"https://docs.example.com/errors#{code}\""),
        );
    }
}

// `[openapi]` texts are not empty.
fn openapi_info(cx: &mut Cx<'_>, root: &Parsed) -> OpenApiInfo {
    let Some(o) = &root.raw.openapi else {
        return OpenApiInfo::default();
    };
    let file = root.file;
    let o = o.get();
    let mut text = |t: &S<String>, what: &str| {
        empty_text(cx, file, t, what);
        t.get().clone()
    };
    let servers = o
        .servers
        .iter()
        .map(|s| {
            let s = s.get();
            Server {
                url: text(&s.url, "server URL"),
                description: s
                    .description
                    .as_ref()
                    .map(|d| text(d, "server description")),
            }
        })
        .collect();
    let license = o.license.as_ref().map(|l| {
        let l = l.get();
        License {
            name: text(&l.name, "license name"),
            url: l.url.as_ref().map(|u| text(u, "license URL")),
        }
    });
    let contact = o.contact.as_ref().map(|c| {
        let c = c.get();
        Contact {
            name: c.name.as_ref().map(|n| text(n, "contact name")),
            url: c.url.as_ref().map(|u| text(u, "contact URL")),
            email: c.email.as_ref().map(|e| text(e, "contact email")),
        }
    });
    OpenApiInfo {
        servers,
        license,
        contact,
    }
}

// Docs class sections and class titles are keyed 1xx to 5xx.
fn docs_classes(
    cx: &mut Cx<'_>,
    file: FileId,
    table: &OrderedMap<S<String>, S<String>>,
    what: &str,
) -> Vec<(StatusClass, String)> {
    let mut classes = Vec::new();
    for (key, text) in &table.0 {
        match StatusClass::from_key(key.get()) {
            Some(c) => classes.push((c, text.get().clone())),
            None => cx.push(
                Diagnostic::new("invalid-status-class", format!("`{}` is not a status class", key.get()))
                    .at(span(file, key), "expected 1xx, 2xx, 3xx, 4xx or 5xx")
                    .help(format!("`[docs.{what}]` is keyed by the status classes of RFC 9110: keys `1xx` to `5xx`")),
            ),
        }
    }
    classes.sort_by_key(|(c, _)| *c);
    classes
}

// A `[docs]` option is one of its listed values.
fn docs_option<T: Copy>(
    cx: &mut Cx<'_>,
    file: FileId,
    key: &str,
    value: Option<&S<String>>,
    choices: &[(&str, T)],
    default: T,
) -> T {
    let Some(value) = value else {
        return default;
    };
    if let Some((_, v)) = choices
        .iter()
        .find(|(name, _)| *name == value.get().as_str())
    {
        return *v;
    }
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    let listed = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(" or ");
    let d = Diagnostic::new(
        "invalid-docs-option",
        format!("`{}` is not a `[docs] {key}` value", value.get()),
    )
    .at(span(file, value), format!("expected {listed}"));
    cx.push(match did_you_mean(value.get(), &names) {
        Some(best) => d.help(format!("did you mean \"{best}\"?")),
        None => d.help(format!("`{key}` is {listed}")),
    });
    default
}

/// A wording key: the catalog's words, else the default (left in `word`).
fn word(cx: &mut Cx<'_>, file: FileId, value: &Option<S<String>>, word: &mut String, what: &str) {
    if let Some(v) = value {
        empty_text(cx, file, v, what);
        *word = v.get().clone();
    }
}

// `[docs] example` names an error of the catalog; attribute titles name declared attributes.
fn docs(cx: &mut Cx<'_>, root: &Parsed, errors: &[ErrorDef], attrs: &[AttributeDef]) -> Docs {
    let Some(d) = &root.raw.docs else {
        return Docs::default();
    };
    let file = root.file;
    let d = d.get();
    let classes = docs_classes(cx, file, &d.classes, "classes");
    let class_titles = docs_classes(cx, file, &d.class_titles, "class_titles");
    for (_, title) in &d.class_titles.0 {
        empty_text(cx, file, title, "class title");
    }
    let layout = docs_option(
        cx,
        file,
        "layout",
        d.layout.as_ref(),
        &[
            ("table", DocsLayout::Table),
            ("details", DocsLayout::Details),
        ],
        DocsLayout::Table,
    );
    let error_order = docs_option(
        cx,
        file,
        "error_order",
        d.error_order.as_ref(),
        &[
            ("status", ErrorOrder::Status),
            ("catalog", ErrorOrder::Catalog),
        ],
        ErrorOrder::Status,
    );
    let example = d.example.as_ref().and_then(|code| {
        if let Some(e) = errors
            .iter()
            .find(|e| e.code.as_str() == code.get().as_str())
        {
            if e.body.is_some() {
                cx.push(
                    Diagnostic::new(
                        "unknown-docs-example",
                        format!("`{}` has a body of its own, not the catalog's", code.get()),
                    )
                    .at(span(file, code), "cannot illustrate `[body]`")
                    .also(e.code.span, "this error has a `body` of its own")
                    .help("name an error that uses the catalog's `[body]`"),
                );
                return None;
            }
            return Some(code.get().clone());
        }
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        let diag = Diagnostic::new(
            "unknown-docs-example",
            format!("`{}` is not an error of the catalog", code.get()),
        )
        .at(span(file, code), "no error has this code");
        cx.push(match did_you_mean(code.get(), &codes) {
            Some(best) => diag.help(format!("did you mean `{best}`?")),
            None => diag.help("`example` names the error whose example illustrates the error body"),
        });
        None
    });
    let mut attribute_titles = Vec::new();
    for (name, title) in &d.attribute_titles.0 {
        if attribute_declared(cx, span(file, name), name.get(), attrs).is_some() {
            empty_text(cx, file, title, "attribute title");
            attribute_titles.push((name.get().clone(), title.get().clone()));
        }
    }
    let mut headings = DocsHeadings::default();
    if let Some(h) = &d.headings {
        let h = h.get();
        word(cx, file, &h.contents, &mut headings.contents, "heading");
        word(cx, file, &h.statuses, &mut headings.statuses, "heading");
        word(cx, file, &h.body, &mut headings.body, "heading");
        word(cx, file, &h.success, &mut headings.success, "heading");
        word(cx, file, &h.errors, &mut headings.errors, "heading");
        word(cx, file, &h.retired, &mut headings.retired, "heading");
        word(
            cx,
            file,
            &h.recommendations,
            &mut headings.recommendations,
            "heading",
        );
    }
    let mut columns = DocsColumns::default();
    if let Some(c) = &d.columns {
        let c = c.get();
        word(cx, file, &c.code, &mut columns.code, "column header");
        word(cx, file, &c.reason, &mut columns.reason, "column header");
        word(
            cx,
            file,
            &c.description,
            &mut columns.description,
            "column header",
        );
        word(cx, file, &c.errors, &mut columns.errors, "column header");
        word(cx, file, &c.member, &mut columns.member, "column header");
        word(cx, file, &c.ty, &mut columns.ty, "column header");
        word(
            cx,
            file,
            &c.always_present,
            &mut columns.always_present,
            "column header",
        );
        word(
            cx,
            file,
            &c.placeholder,
            &mut columns.placeholder,
            "column header",
        );
        word(cx, file, &c.example, &mut columns.example, "column header");
    }
    let mut labels = DocsLabels::default();
    if let Some(l) = &d.labels {
        let l = l.get();
        word(cx, file, &l.code, &mut labels.code, "label");
        word(cx, file, &l.status, &mut labels.status, "label");
        word(cx, file, &l.message, &mut labels.message, "label");
        word(cx, file, &l.field, &mut labels.field, "label");
        word(cx, file, &l.retryable, &mut labels.retryable, "label");
        word(cx, file, &l.headers, &mut labels.headers, "label");
        word(cx, file, &l.remediation, &mut labels.remediation, "label");
        word(cx, file, &l.example, &mut labels.example, "label");
        word(cx, file, &l.errors, &mut labels.errors, "label");
    }
    Docs {
        title: d.title.as_ref().map(|t| t.get().clone()),
        intro: d.intro.as_ref().map(|t| sp(file, t)),
        group_by_class: d.group_by_class.as_ref().is_some_and(|g| *g.get()),
        classes,
        recommendations: d.recommendations.iter().map(|r| r.get().clone()).collect(),
        snippets: d
            .snippets
            .iter()
            .map(|s| {
                let s = s.get();
                Snippet {
                    title: s.title.get().clone(),
                    language: s.language.as_ref().map(|l| l.get().clone()),
                    code: s.code.get().clone(),
                    description: s.description.as_ref().map(|l| l.get().clone()),
                }
            })
            .collect(),
        sections: d
            .sections
            .iter()
            .map(|s| Section {
                title: s.get().title.get().clone(),
                body: s.get().body.get().clone(),
            })
            .collect(),
        layout,
        example,
        error_order,
        contents: d.contents.as_ref().is_none_or(|c| *c.get()),
        headings,
        columns,
        labels,
        class_titles,
        attribute_titles,
    }
}

// A docs URL whose fragment is `{code}` points at the heading id the reference page gives
// an error's section: GitHub, pandoc and mdBook lower-case ids and drop `.`, so a code
// with either cannot be reached (a lint).
fn fragment_anchors(cx: &mut Cx<'_>, url: &Sp<String>, errors: &[ErrorDef]) {
    let Some((_, fragment)) = url.split_once('#') else {
        return;
    };
    if !fragment.contains("{code}") {
        return;
    }
    for e in errors {
        let code = e.code.as_str();
        if code.chars().any(|c| c.is_ascii_uppercase() || c == '.') {
            let id: String = code
                .chars()
                .filter(|c| *c != '.')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            cx.push(
                Diagnostic::new(
                    "docs-url-fragment-mismatch",
                    format!("the docs URL of `{code}` ends in `#{code}`, which no heading id matches"),
                )
                .at(e.code.span, format!("its section's id is `{id}`"))
                .also(url.span, "the fragment is the code")
                .help("use a docs URL with `{code}` in its path (a page per error, `--site`), or a code in lower case without `.`"),
            );
        }
    }
}

// `catalog.retired_replaced_by` maps retired codes to errors of the catalog.
fn retired_replacements(
    cx: &mut Cx<'_>,
    files: &[&Parsed],
    retired: &[Sp<String>],
    errors: &[ErrorDef],
) -> Vec<(String, String)> {
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    let retired_codes: Vec<&str> = retired.iter().map(|r| r.as_str()).collect();
    let mut out = Vec::new();
    for f in files {
        let Some(meta) = &f.raw.catalog else {
            continue;
        };
        for (old, new) in &meta.retired_replaced_by.0 {
            if !retired_codes.contains(&old.get().as_str()) {
                let d = Diagnostic::new(
                    "unknown-retired-code",
                    format!("`{}` is not a retired code", old.get()),
                )
                .at(span(f.file, old), "not listed in `retired`");
                cx.push(match did_you_mean(old.get(), &retired_codes) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => d.help(format!(
                        "add `{}` to `catalog.retired`, or remove this entry",
                        old.get()
                    )),
                });
                continue;
            }
            if !codes.contains(&new.get().as_str()) {
                let d = Diagnostic::new(
                    "unknown-replacement",
                    format!(
                        "retired `{}` is replaced by `{}`, which is not an error of the catalog",
                        old.get(),
                        new.get()
                    ),
                )
                .at(span(f.file, new), "no error has this code");
                cx.push(match did_you_mean(new.get(), &codes) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => {
                        d.help("`retired_replaced_by` names the code of an error of this catalog")
                    }
                });
                continue;
            }
            out.push((old.get().clone(), new.get().clone()));
        }
    }
    out
}

// Configured Rust type names are identifiers, not keywords, UpperCamelCase (rustc's
// `non_camel_case_types`), no primitive type or generated helper, and distinct.
fn rust_names(cx: &mut Cx<'_>, root: &Parsed) -> RustNames {
    let file = root.file;
    let raw = root
        .raw
        .rust
        .as_ref()
        .map(|r| r.get().clone())
        .unwrap_or_default();
    let mut check = |value: &Option<S<String>>, default: &str| -> String {
        let Some(v) = value else {
            return default.to_owned();
        };
        let name = v.get();
        let at = span(file, v);
        if !names::is_ident(name) || names::is_keyword(name) {
            cx.push(
                Diagnostic::new(
                    if names::is_keyword(name) {
                        "rust-keyword"
                    } else {
                        "invalid-rust-name"
                    },
                    format!("`{name}` cannot be a Rust type name"),
                )
                .at(at, "not a usable Rust identifier")
                .help("use an UpperCamelCase identifier such as `ApiError`"),
            );
            return default.to_owned();
        }
        if let Some(why) = names::reserved_type_name(name) {
            cx.push(
                Diagnostic::new(
                    "reserved-rust-name",
                    format!("`{name}` cannot be a generated enum's name"),
                )
                .at(at, format!("`{name}` is {why}"))
                .help(format!(
                    "use another UpperCamelCase identifier, such as `{default}`"
                )),
            );
            return default.to_owned();
        }
        if !names::is_upper_camel_case(name) {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("`{name}` is not an UpperCamelCase type name"),
                )
                .at(at, "rustc's `non_camel_case_types` lint rejects it")
                .help(format!("start with an uppercase letter and join the words without `_`, such as `{default}`")),
            );
            return default.to_owned();
        }
        name.clone()
    };
    let error_enum = check(&raw.error_enum, "ApiError");
    let status_enum = check(&raw.status_enum, "ApiStatus");
    if error_enum == status_enum {
        // At the key that made them equal: `status_enum`, or `error_enum` named like the
        // default status enum.
        let at = match (&raw.status_enum, &raw.error_enum) {
            (Some(v), _) => Some((v, "same name as the error enum")),
            (None, Some(v)) => Some((v, "the name of the status enum (`status_enum`'s default)")),
            (None, None) => None,
        };
        if let Some((v, label)) = at {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("the error and status enums are both named `{error_enum}`"),
                )
                .at(span(file, v), label)
                .help("give the two enums different names"),
            );
        }
    }
    // A catalog with groups gets `{error_enum}List` beside the two enums (rust/group.rs).
    let list = format!("{error_enum}List");
    if status_enum == list {
        if let Some(v) = &raw.status_enum {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("`{list}` is the name of the error enum's list type"),
                )
                .at(span(file, v), "the type of responses with several errors")
                .help("give the status enum another name"),
            );
        }
    }
    RustNames {
        error_enum,
        status_enum,
    }
}

/// `ty` with its indefinite article: "an integer", "a string".
fn a(ty: &str) -> String {
    let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {ty}")
}
