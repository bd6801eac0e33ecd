//! Breaking changes between two versions of a catalog (`errcat diff`), in the manner of
//! `buf breaking` and `oasdiff`: every rule has a stable id and is either breaking or
//! compatible. docs/diff-rules.md documents each with an example.
//!
//! The point of view is a client reading the API's errors (a program branching on codes
//! and statuses, parsing bodies, or using the generated Rust types): whatever it may read
//! and rely on must not be removed or changed; adding is fine.

use crate::args::{DiffArgs, Format};
use crate::output::{self, BOLD, Exit, Fail, GREEN, RED, Result, Term};
use crate::source::Spec;
use errcat_catalog::diag::terminal_text;
use errcat_catalog::{Catalog, ErrorDef, FieldDef, Piece, Template, TextPiece, Var};
use serde_json::json;
use std::collections::BTreeSet;

/// A diff rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Its stable id.
    pub id: &'static str,
    /// Whether a change it reports breaks clients.
    pub breaking: bool,
    /// What it reports.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($id:literal $breaking:literal $summary:literal,)*) => {
        /// Every rule, breaking ones first.
        pub const RULES: &[Rule] = &[$(Rule { id: $id, breaking: $breaking, summary: $summary },)*];
    };
}

rules! {
    "error-removed" true "an error code was removed",
    "error-renamed" true "an error code was renamed (same status and message under a new code)",
    "status-changed" true "an error is returned with a different status",
    "field-removed" true "a field (message placeholder) of an error was removed",
    "field-renamed" true "a field of an error was renamed",
    "field-type-changed" true "a field of an error changed type",
    "request-field-changed" true "the request field an error concerns (`field`) changed or was removed",
    "retryable-removed" true "an error that was retryable is no longer",
    "header-removed" true "an error no longer sends a response header it sent",
    "header-changed" true "a response header an error sends has another value",
    "status-removed" true "a status the API returned is no longer declared",
    "body-format-changed" true "the body format changed (problem <-> template)",
    "content-type-changed" true "the error body's content type changed",
    "body-shape-changed" true "a body member was removed, changed type, may now be absent, or holds another value",
    "docs-url-changed" true "the docs URL pattern changed while bodies carry it (`{type}`, `{docs_url}`)",
    "success-envelope-changed" true "the success envelope was added, removed or changed shape",
    "retired-code-reused" true "a retired error code is used again",
    "retired-code-unretired" true "a code was taken off the retired list",
    "rust-type-renamed" true "a generated Rust type was renamed",
    "member-added-closed" true "a member was added to a closed body or envelope (`closed = true`): clients that reject unknown members break",
    "group-removed" true "a grouped response (`[groups.NAME]`) was removed",
    "group-changed" true "a grouped response changed status, content type or shape, or no longer carries an error it carried",
    "error-added" false "an error code was added",
    "status-added" false "a status was added",
    "field-added" false "a field was added to an error",
    "member-added" false "a member was added to an open body or success envelope (clients ignore members they do not know)",
    "group-added" false "a grouped response was added, or may carry another error",
    "retryable-added" false "an error became retryable",
    "header-added" false "an error sends a new response header",
    "error-deprecated" false "an error was deprecated",
    "prose-changed" false "a title, message text, description, remediation or reason phrase was edited",
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// One change between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule's id.
    pub rule: &'static str,
    /// Whether it breaks clients (the rule's).
    pub breaking: bool,
    /// What changed.
    pub message: String,
    /// The error concerned, if any.
    pub error: Option<String>,
    /// The status concerned, if any.
    pub status: Option<u16>,
}

struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, id: &'static str, message: String) -> &mut Change {
        debug_assert!(rule(id).is_some(), "unregistered diff rule {id}");
        let breaking = rule(id).is_none_or(|r| r.breaking);
        self.0.push(Change {
            rule: id,
            breaking,
            message,
            error: None,
            status: None,
        });
        self.0.last_mut().expect("just pushed")
    }

    fn error(&mut self, id: &'static str, code: &str, message: String) {
        self.push(id, message).error = Some(code.to_owned());
    }

    fn status(&mut self, id: &'static str, code: u16, message: String) {
        self.push(id, message).status = Some(code);
    }
}

/// Every change from `old` to `new`: the catalog-wide ones, then statuses by code, then
/// errors in `old`'s order, then added errors in `new`'s order, then retired codes.
pub fn diff(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut c = Changes(Vec::new());
    rust_names(&mut c, old, new);
    body(&mut c, old, new);
    docs_url(&mut c, old, new);
    success(&mut c, old, new);
    statuses(&mut c, old, new);
    errors(&mut c, old, new);
    groups(&mut c, old, new);
    retired(&mut c, old, new);
    c.0
}

/// Grouped responses: removed, added, or changed (status, content type, the outer and item
/// shapes, the errors they carry).
fn groups(c: &mut Changes, old: &Catalog, new: &Catalog) {
    for a in &old.groups {
        let name = a.name.as_str();
        let Some(b) = new.group(name) else {
            c.push(
                "group-removed",
                format!("grouped response `{name}` was removed"),
            );
            continue;
        };
        if a.status != b.status {
            c.push(
                "group-changed",
                format!(
                    "grouped response `{name}` is sent with status {} instead of {}",
                    *b.status, *a.status
                ),
            );
        }
        if a.content_type != b.content_type {
            c.push(
                "group-changed",
                format!(
                    "grouped response `{name}`'s content type changed from `{}` to `{}`",
                    a.content_type, b.content_type
                ),
            );
        }
        for e in old.group_errors(a) {
            let code = e.code.as_str();
            if !new.group_errors(b).any(|x| x.code.as_str() == code) {
                c.push(
                    "group-changed",
                    format!("grouped response `{name}` no longer carries error `{code}`"),
                );
            }
        }
        for e in new.group_errors(b) {
            let code = e.code.as_str();
            if !old.group_errors(a).any(|x| x.code.as_str() == code) {
                c.push(
                    "group-added",
                    format!("grouped response `{name}` may now carry error `{code}`"),
                );
            }
        }
        let what = format!("group `{name}`");
        compare_shapes(
            c,
            (old, &a.template),
            (new, &b.template),
            "group-changed",
            &what,
            None,
            a.closed,
        );
        compare_shapes(
            c,
            (old, &a.item),
            (new, &b.item),
            "group-changed",
            &format!("{what} item"),
            None,
            a.closed,
        );
    }
    for b in &new.groups {
        if old.group(b.name.as_str()).is_none() {
            c.push(
                "group-added",
                format!("grouped response `{}` was added", b.name.as_str()),
            );
        }
    }
}

fn rust_names(c: &mut Changes, old: &Catalog, new: &Catalog) {
    let pairs = [
        ("error enum", &old.rust.error_enum, &new.rust.error_enum),
        ("status enum", &old.rust.status_enum, &new.rust.status_enum),
    ];
    for (what, a, b) in pairs {
        if a != b {
            c.push(
                "rust-type-renamed",
                format!("the Rust {what} `{a}` was renamed to `{b}`"),
            );
        }
    }
}

fn body(c: &mut Changes, old: &Catalog, new: &Catalog) {
    if old.body.content_type != new.body.content_type {
        c.push(
            "content-type-changed",
            format!(
                "the error body's content type changed from `{}` to `{}`",
                old.body.content_type, new.body.content_type
            ),
        );
    }
    if old.body.format != new.body.format {
        let name = |f| match f {
            errcat_catalog::BodyFormat::Problem => "problem (RFC 9457)",
            errcat_catalog::BodyFormat::Template => "template",
        };
        c.push(
            "body-format-changed",
            format!(
                "the body format changed from {} to {}",
                name(old.body.format),
                name(new.body.format)
            ),
        );
        return;
    }
    compare_shapes(
        c,
        (old, &old.body.template),
        (new, &new.body.template),
        "body-shape-changed",
        "body",
        None,
        old.body.closed,
    );
}

/// The docs URL is also the RFC 9457 `type`, the identifier problem clients match on.
fn docs_url(c: &mut Changes, old: &Catalog, new: &Catalog) {
    let pattern = |c: &Catalog| c.docs_url.as_ref().map(|u| u.as_str().to_owned());
    let (a, b) = (pattern(old), pattern(new));
    if a == b {
        return;
    }
    let carried = |c: &Catalog| {
        std::iter::once(&c.body.template)
            .chain(c.errors.iter().filter_map(|e| e.body.as_ref()))
            .find_map(|t| uses_url(t))
    };
    let Some(var) = carried(old).or_else(|| carried(new)) else {
        return;
    };
    let shown = |p: &Option<String>| p.as_ref().map_or("none".to_owned(), |p| format!("`{p}`"));
    c.push(
        "docs-url-changed",
        format!(
            "the docs URL pattern changed from {} to {}: the `{{{var}}}` of every error body changes",
            shown(&a),
            shown(&b)
        ),
    );
}

/// The first placeholder of a template that renders the docs URL.
fn uses_url(t: &Template) -> Option<&'static str> {
    let url = |v: &Var| match v {
        Var::Type => Some("type"),
        Var::DocsUrl => Some("docs_url"),
        _ => None,
    };
    match t {
        Template::Var(v) => url(v),
        Template::Text(pieces) => pieces.iter().find_map(|p| match p {
            TextPiece::Var(v) => url(v),
            TextPiece::Lit(_) => None,
        }),
        Template::Array(items) => items.iter().find_map(uses_url),
        Template::Object(members) => members.iter().find_map(|(_, v)| uses_url(v)),
        Template::Int(_) | Template::Float(_) | Template::Bool(_) => None,
    }
}

fn success(c: &mut Changes, old: &Catalog, new: &Catalog) {
    match (&old.success, &new.success) {
        (None, None) => {}
        (Some(_), None) => {
            c.push(
                "success-envelope-changed",
                "the success envelope was removed: successful responses are no longer wrapped"
                    .to_owned(),
            );
        }
        (None, Some(_)) => {
            c.push(
                "success-envelope-changed",
                "a success envelope was added: successful responses are now wrapped".to_owned(),
            );
        }
        (Some(a), Some(b)) => compare_shapes(
            c,
            (old, &a.template),
            (new, &b.template),
            "success-envelope-changed",
            "success envelope",
            None,
            a.closed,
        ),
    }
}

fn statuses(c: &mut Changes, old: &Catalog, new: &Catalog) {
    let codes: BTreeSet<u16> = old
        .statuses
        .iter()
        .chain(&new.statuses)
        .map(|s| s.code)
        .collect();
    for code in codes {
        match (old.status(code), new.status(code)) {
            (Some(a), None) => c.status(
                "status-removed",
                code,
                format!("status {code} {} was removed", a.reason.as_str()),
            ),
            (None, Some(b)) => c.status(
                "status-added",
                code,
                format!("status {code} {} was added", b.reason.as_str()),
            ),
            (Some(a), Some(b)) => {
                let mut edited = Vec::new();
                if a.reason.as_str() != b.reason.as_str() {
                    edited.push("reason phrase");
                }
                if text(&a.description) != text(&b.description) {
                    edited.push("description");
                }
                if !edited.is_empty() {
                    c.status(
                        "prose-changed",
                        code,
                        format!("status {code}: {} edited", edited.join(", ")),
                    );
                }
            }
            (None, None) => {}
        }
    }
}

fn text(s: &Option<errcat_catalog::Sp<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.as_str())
}

fn errors(c: &mut Changes, old: &Catalog, new: &Catalog) {
    let mut added: Vec<&ErrorDef> = new
        .errors
        .iter()
        .filter(|e| old.error(&e.code).is_none())
        .collect();
    for e in &old.errors {
        if let Some(n) = new.error(&e.code) {
            error_changes(c, old, new, e, n);
            continue;
        }
        // A rename: an added error with the same status and message.
        let renamed = added.iter().position(|a| {
            *a.status == *e.status && a.message.text.as_str() == e.message.text.as_str()
        });
        if let Some(i) = renamed {
            let to = added.remove(i);
            c.error(
                "error-renamed",
                &e.code,
                format!(
                    "error `{}` was renamed to `{}`: clients matching on `{}` no longer see it",
                    *e.code, *to.code, *e.code
                ),
            );
            continue;
        }
        let retired = if new.retired.iter().any(|r| r.as_str() == e.code.as_str()) {
            " (and retired)"
        } else {
            ""
        };
        c.error(
            "error-removed",
            &e.code,
            format!(
                "error `{}` ({} {}) was removed{retired}",
                *e.code,
                *e.status,
                old.status_of(e).reason.as_str()
            ),
        );
    }
    for a in added {
        if old.retired.iter().any(|r| r.as_str() == a.code.as_str()) {
            // Reported by `retired-code-reused`.
            continue;
        }
        c.error(
            "error-added",
            &a.code,
            format!(
                "error `{}` ({} {}) was added",
                *a.code,
                *a.status,
                new.status_of(a).reason.as_str()
            ),
        );
    }
}

fn error_changes(c: &mut Changes, old: &Catalog, new: &Catalog, a: &ErrorDef, b: &ErrorDef) {
    let code = a.code.as_str();
    if *a.status != *b.status {
        c.error(
            "status-changed",
            code,
            format!(
                "error `{code}` is now returned with {} {} instead of {} {}",
                *b.status,
                new.status_of(b).reason.as_str(),
                *a.status,
                old.status_of(a).reason.as_str()
            ),
        );
    }
    fields(c, a, b);
    match (&a.field, &b.field) {
        (Some(x), Some(y)) if x.as_str() != y.as_str() => c.error(
            "request-field-changed",
            code,
            format!(
                "error `{code}` now concerns request field `{}` instead of `{}`",
                y.as_str(),
                x.as_str()
            ),
        ),
        (Some(x), None) => c.error(
            "request-field-changed",
            code,
            format!(
                "error `{code}` no longer names request field `{}`",
                x.as_str()
            ),
        ),
        _ => {}
    }
    match (a.retryable, b.retryable) {
        (true, false) => c.error(
            "retryable-removed",
            code,
            format!("error `{code}` is no longer retryable"),
        ),
        (false, true) => c.error(
            "retryable-added",
            code,
            format!("error `{code}` is now retryable"),
        ),
        _ => {}
    }
    headers(c, code, &old.headers_of(a), &new.headers_of(b));
    if a.deprecated.is_none() {
        if let Some(d) = &b.deprecated {
            let instead = d
                .replaced_by
                .as_ref()
                .map_or_else(String::new, |r| format!(" in favour of `{r}`"));
            c.error(
                "error-deprecated",
                code,
                format!("error `{code}` was deprecated{instead}"),
            );
        }
    }
    if a.body.is_some() || b.body.is_some() {
        compare_shapes(
            c,
            (old, old.body_of(a)),
            (new, new.body_of(b)),
            "body-shape-changed",
            "body",
            Some(code),
            old.body.closed,
        );
    }
    let mut edited = Vec::new();
    if a.title.as_ref().map(|t| t.as_str()) != b.title.as_ref().map(|t| t.as_str()) {
        edited.push("title");
    }
    if a.message.text.as_str() != b.message.text.as_str() {
        edited.push("message");
    }
    if text(&a.description) != text(&b.description) {
        edited.push("description");
    }
    if text(&a.remediation) != text(&b.remediation) {
        edited.push("remediation");
    }
    if !edited.is_empty() {
        c.error(
            "prose-changed",
            code,
            format!("error `{code}`: {} edited", edited.join(", ")),
        );
    }
}

/// The response headers of one error, old and new (names compared case-insensitively).
fn headers(c: &mut Changes, code: &str, old: &[(&str, &str)], new: &[(&str, &str)]) {
    let find = |list: &[(&str, &str)], name: &str| {
        list.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_string())
    };
    for (name, value) in old {
        match find(new, name) {
            None => c.error(
                "header-removed",
                code,
                format!("error `{code}` no longer sends header `{name}`"),
            ),
            Some(v) if v != *value => c.error(
                "header-changed",
                code,
                format!("error `{code}` sends header `{name}: {v}` instead of `{name}: {value}`"),
            ),
            Some(_) => {}
        }
    }
    for (name, value) in new {
        if find(old, name).is_none() {
            c.error(
                "header-added",
                code,
                format!("error `{code}` now sends header `{name}: {value}`"),
            );
        }
    }
}

/// The field at each placeholder position of a message.
fn placeholder_order(e: &ErrorDef) -> Vec<&FieldDef> {
    e.message
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Field(i) => e.fields.get(*i),
            Piece::Lit(_) => None,
        })
        .collect()
}

fn fields(c: &mut Changes, a: &ErrorDef, b: &ErrorDef) {
    let code = a.code.as_str();
    let find = |e: &'_ ErrorDef, name: &str| -> Option<FieldDef> {
        e.fields.iter().find(|f| f.name.as_str() == name).cloned()
    };
    // Renames: the same placeholder position holds a removed field in `a` and an added
    // field of the same type in `b`.
    let mut renamed: Vec<(String, String)> = Vec::new();
    let (pa, pb) = (placeholder_order(a), placeholder_order(b));
    if pa.len() == pb.len() {
        for (x, y) in pa.iter().zip(&pb) {
            if x.ty == y.ty
                && find(b, &x.name).is_none()
                && find(a, &y.name).is_none()
                && !renamed.iter().any(|(o, _)| o == x.name.as_str())
            {
                renamed.push((x.name.to_string(), y.name.to_string()));
            }
        }
    }
    for f in &a.fields {
        let name = f.name.as_str();
        if let Some((_, to)) = renamed.iter().find(|(from, _)| from == name) {
            c.error(
                "field-renamed",
                code,
                format!("field `{name}` of error `{code}` was renamed to `{to}`"),
            );
            continue;
        }
        match find(b, name) {
            None => c.error(
                "field-removed",
                code,
                format!("field `{name}` of error `{code}` was removed"),
            ),
            Some(g) if g.ty != f.ty => c.error(
                "field-type-changed",
                code,
                format!(
                    "field `{name}` of error `{code}` changed type from {} to {}",
                    f.ty.as_str(),
                    g.ty.as_str()
                ),
            ),
            Some(_) => {}
        }
    }
    for f in &b.fields {
        let name = f.name.as_str();
        if find(a, name).is_none() && !renamed.iter().any(|(_, to)| to == name) {
            c.error(
                "field-added",
                code,
                format!(
                    "field `{name}` ({}) was added to error `{code}`",
                    f.ty.as_str()
                ),
            );
        }
    }
}

/// One value of a template, flattened: its JSON type, whether it may be absent, and the
/// placeholders it is made of.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    ty: &'static str,
    optional: bool,
    vars: Vec<String>,
}

/// `(path, parent path, slot)` for every value of a template; the root's path is empty.
fn flatten(catalog: &Catalog, t: &Template, path: String, out: &mut Vec<(String, String, Slot)>) {
    let parent = parent_of(&path);
    let slot = |ty, optional, vars| Slot { ty, optional, vars };
    match t {
        Template::Var(v) => {
            let (ty, optional) = var_type(catalog, v);
            out.push((path, parent, slot(ty, optional, vec![v.name().to_owned()])));
        }
        Template::Text(pieces) => {
            let vars = pieces
                .iter()
                .filter_map(|p| match p {
                    TextPiece::Var(v) => Some(v.name().to_owned()),
                    TextPiece::Lit(_) => None,
                })
                .collect();
            out.push((path, parent, slot("string", false, vars)));
        }
        Template::Int(_) | Template::Float(_) => {
            out.push((path, parent, slot("number", false, Vec::new())));
        }
        Template::Bool(_) => out.push((path, parent, slot("boolean", false, Vec::new()))),
        Template::Array(items) => {
            out.push((path.clone(), parent, slot("array", false, Vec::new())));
            for (i, item) in items.iter().enumerate() {
                flatten(catalog, item, format!("{path}[{i}]"), out);
            }
        }
        Template::Object(members) => {
            out.push((path.clone(), parent, slot("object", false, Vec::new())));
            for (key, value) in members {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(catalog, value, child, out);
            }
        }
    }
}

fn parent_of(path: &str) -> String {
    match path.rfind(['.', '[']) {
        Some(i) => path[..i].to_owned(),
        None if path.is_empty() => "\u{0}".to_owned(),
        None => String::new(),
    }
}

/// The JSON type of a whole-value placeholder and whether it may be absent.
fn var_type(catalog: &Catalog, v: &Var) -> (&'static str, bool) {
    match v {
        Var::Status => ("number", false),
        Var::RetryAfter => ("number", true),
        Var::Reason | Var::Code | Var::Message | Var::Title | Var::Type => ("string", false),
        Var::DocsUrl => ("string", catalog.docs_url.is_none()),
        Var::Field | Var::TraceId | Var::Instance => ("string", true),
        Var::Content | Var::Items => ("any", false),
        Var::ErrorField(_) => ("any", false),
        Var::Context(_) => ("string", true),
        Var::Fields => ("object", true),
        Var::Attribute(name) => match catalog.attribute(name) {
            Some(a) => {
                let ty = match a.ty {
                    errcat_catalog::AttrType::String => "string",
                    errcat_catalog::AttrType::Integer => "number",
                    errcat_catalog::AttrType::Boolean => "boolean",
                };
                (ty, !a.required)
            }
            None => ("any", true),
        },
    }
}

fn shown(path: &str) -> String {
    if path.is_empty() {
        "(root)".to_owned()
    } else {
        format!("`{path}`")
    }
}

fn braces(vars: &[String]) -> String {
    if vars.is_empty() {
        "a constant".to_owned()
    } else {
        vars.iter()
            .map(|v| format!("{{{v}}}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Compares two templates member by member.
fn compare_shapes(
    c: &mut Changes,
    (old_catalog, old): (&Catalog, &Template),
    (new_catalog, new): (&Catalog, &Template),
    breaking_rule: &'static str,
    what: &str,
    error: Option<&str>,
    // Whether the old schema is closed: its clients reject members it does not list.
    closed: bool,
) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten(old_catalog, old, String::new(), &mut a);
    flatten(new_catalog, new, String::new(), &mut b);
    let prefix = error.map_or_else(
        || format!("{what} member"),
        |e| format!("error `{e}`: {what} member"),
    );
    let report = |c: &mut Changes, id: &'static str, message: String| match error {
        Some(code) => c.error(id, code, message),
        None => {
            c.push(id, message);
        }
    };
    let find = |list: &[(String, String, Slot)], path: &str| {
        list.iter()
            .find(|(p, _, _)| p == path)
            .map(|(_, _, s)| s.clone())
    };
    for (path, parent, slot) in &a {
        match find(&b, path) {
            None => {
                // Only the topmost removed member, and not under a member whose type changed.
                let parent_kept = find(&b, parent)
                    .is_some_and(|p| find(&a, parent).is_some_and(|q| q.ty == p.ty));
                if parent_kept {
                    report(
                        c,
                        breaking_rule,
                        format!("{prefix} {} was removed", shown(path)),
                    );
                }
            }
            Some(new_slot) => {
                if slot.ty != new_slot.ty && slot.ty != "any" && new_slot.ty != "any" {
                    report(
                        c,
                        breaking_rule,
                        format!(
                            "{prefix} {} changed type from {} to {}",
                            shown(path),
                            slot.ty,
                            new_slot.ty
                        ),
                    );
                    continue;
                }
                if slot.vars != new_slot.vars {
                    report(
                        c,
                        breaking_rule,
                        format!(
                            "{prefix} {} now holds {} instead of {}",
                            shown(path),
                            braces(&new_slot.vars),
                            braces(&slot.vars)
                        ),
                    );
                } else if !slot.optional && new_slot.optional {
                    report(
                        c,
                        breaking_rule,
                        format!("{prefix} {} may now be absent", shown(path)),
                    );
                }
            }
        }
    }
    for (path, parent, _) in &b {
        let parent_kept =
            find(&a, parent).is_some_and(|p| find(&b, parent).is_some_and(|q| q.ty == p.ty));
        if find(&a, path).is_none() && parent_kept {
            if closed {
                report(
                    c,
                    "member-added-closed",
                    format!(
                        "{prefix} {} was added to a closed {what} (`closed = true`)",
                        shown(path)
                    ),
                );
            } else {
                report(
                    c,
                    "member-added",
                    format!("{prefix} {} was added", shown(path)),
                );
            }
        }
    }
}

/// Retired codes: never reused, never taken off the list.
fn retired(c: &mut Changes, old: &Catalog, new: &Catalog) {
    for r in &old.retired {
        let code = r.as_str();
        if new.error(code).is_some() {
            c.error(
                "retired-code-reused",
                code,
                format!("retired error code `{code}` is used again"),
            );
        } else if !new.retired.iter().any(|n| n.as_str() == code) {
            c.error(
                "retired-code-unretired",
                code,
                format!("`{code}` was taken off the retired list: it could be reused"),
            );
        }
    }
}

/// `errcat diff`.
pub(crate) fn command(term: &Term, args: &DiffArgs) -> Result<Exit> {
    let mut catalogs = Vec::new();
    for (side, arg) in [("old", &args.old), ("new", &args.new)] {
        let spec = Spec::parse(arg).map_err(Fail)?;
        let loaded = spec.load();
        output::print_diagnostics(term, &loaded);
        match loaded.catalog {
            Some(c) => catalogs.push(c),
            None => {
                let (errors, _) = loaded.diagnostics.counts();
                term.error(&format!(
                    "cannot compare: the {side} catalog `{spec}` has {errors} error{}",
                    if errors == 1 { "" } else { "s" }
                ));
                return Ok(Exit::Usage);
            }
        }
    }
    let changes = diff(&catalogs[0], &catalogs[1]);
    let breaking = changes.iter().filter(|c| c.breaking).count();
    match args.format {
        Format::Json => {
            let list: Vec<_> = changes
                .iter()
                .map(|c| {
                    json!({
                        "rule": c.rule,
                        "breaking": c.breaking,
                        "message": c.message,
                        "error": c.error,
                        "status": c.status,
                    })
                })
                .collect();
            let doc = json!({
                "old": args.old,
                "new": args.new,
                "breaking": breaking,
                "compatible": changes.len() - breaking,
                "changes": list,
            });
            term.out(&format!("{doc:#}\n"));
        }
        Format::Human => term.out(&human(term, &changes)),
    }
    Ok(if breaking > 0 {
        Exit::Findings
    } else {
        Exit::Ok
    })
}

fn human(term: &Term, changes: &[Change]) -> String {
    let breaking: Vec<&Change> = changes.iter().filter(|c| c.breaking).collect();
    let compatible: Vec<&Change> = changes.iter().filter(|c| !c.breaking).collect();
    let mut out = String::new();
    let mut section = |title: &str, style, list: &[&Change]| {
        if list.is_empty() {
            return;
        }
        out.push_str(&format!("{}\n", term.paint_out(style, title)));
        for c in list {
            out.push_str(&format!(
                "  {} {}\n",
                term.paint_out(BOLD, &format!("[{}]", c.rule)),
                terminal_text(&c.message)
            ));
        }
        out.push('\n');
    };
    section("Breaking changes:", RED, &breaking);
    if !term.quiet {
        section("Compatible changes:", GREEN, &compatible);
    }
    if !term.quiet {
        let count =
            |n: usize, what: &str| format!("{n} {what} change{}", if n == 1 { "" } else { "s" });
        if changes.is_empty() {
            out.push_str("No changes.\n");
        } else {
            out.push_str(&format!(
                "{}, {}.\n",
                count(breaking.len(), "breaking"),
                count(compatible.len(), "compatible")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(body: &str, errors: &str) -> Catalog {
        let text = format!(
            "[catalog]\nname = \"T\"\nextends = \"http\"\n{body}\n[statuses.404]\n\n\
             [errors.missing]\nstatus = 404\nmessage = \"Missing\"\n{errors}"
        );
        let loaded = errcat_catalog::load_str("t.toml", &text);
        let rendered = loaded.render_diagnostics(false);
        loaded.catalog.expect(&rendered)
    }

    fn template(t: &str) -> String {
        format!("[body]\nformat = \"template\"\ntemplate = {t}\n")
    }

    fn messages(old: &Catalog, new: &Catalog) -> Vec<(&'static str, String)> {
        diff(old, new)
            .into_iter()
            .map(|c| (c.rule, c.message))
            .collect()
    }

    #[test]
    fn a_member_holding_another_placeholder_breaks() {
        let old = catalog(&template(r#"{ code = "{code}", text = "{message}" }"#), "");
        let new = catalog(&template(r#"{ code = "{title}", text = "{message}" }"#), "");
        assert_eq!(
            messages(&old, &new),
            [(
                "body-shape-changed",
                "body member `code` now holds {title} instead of {code}".to_owned()
            )]
        );
    }

    #[test]
    fn a_member_that_may_be_absent_breaks() {
        // `{docs_url}` is always there when the catalog has a docs URL pattern, and absent
        // from every body once the pattern is gone.
        let link = template(r#"{ code = "{code}", link = "{docs_url}" }"#);
        let old = catalog(
            &format!("docs_url = \"https://x.example/{{code}}\"\n{link}"),
            "",
        );
        let new = catalog(&link, "");
        assert_eq!(
            messages(&old, &new),
            [
                (
                    "body-shape-changed",
                    "body member `link` may now be absent".to_owned()
                ),
                (
                    "docs-url-changed",
                    "the docs URL pattern changed from `https://x.example/{code}` to none: \
                     the `{docs_url}` of every error body changes"
                        .to_owned()
                )
            ]
        );
        // The other way round, a member is only more reliably there; the URL still changes.
        let back = messages(&new, &old);
        assert_eq!(back.len(), 1, "{back:?}");
        assert_eq!(back[0].0, "docs-url-changed");
    }

    #[test]
    fn literal_text_edits_are_not_reported() {
        let old = catalog(&template(r#"{ type = "https://a.example/{code}" }"#), "");
        let new = catalog(&template(r#"{ type = "https://b.example/e/{code}" }"#), "");
        assert_eq!(messages(&old, &new), []);
    }

    #[test]
    fn only_the_topmost_removed_member_is_reported() {
        let old = catalog(
            &template(r#"{ error = { code = "{code}", detail = { text = "{message}" } } }"#),
            "",
        );
        let new = catalog(&template(r#"{ error = { code = "{code}" } }"#), "");
        assert_eq!(
            messages(&old, &new),
            [(
                "body-shape-changed",
                "body member `error.detail` was removed".to_owned()
            )]
        );
    }

    #[test]
    fn an_error_of_its_own_body_is_compared_too() {
        let own = "body = { problem = \"{code}\" }\n";
        let other = "body = { problem = \"{code}\", status = \"{status}\" }\n";
        let old = catalog("", other);
        let new = catalog("", own);
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].rule, "body-shape-changed");
        assert_eq!(changes[0].error.as_deref(), Some("missing"));
        assert_eq!(
            changes[0].message,
            "error `missing`: body member `status` was removed"
        );
    }

    #[test]
    fn a_docs_url_no_body_carries_is_only_a_link() {
        let body = template(r#"{ code = "{code}" }"#);
        let old = catalog(
            &format!("docs_url = \"https://a.example/{{code}}\"\n{body}"),
            "",
        );
        let new = catalog(
            &format!("docs_url = \"https://b.example/{{code}}\"\n{body}"),
            "",
        );
        assert_eq!(messages(&old, &new), []);
        // Carried by one error's own body, it is part of the contract.
        let own = "body = { code = \"{code}\", see = \"{docs_url}\" }\n";
        let old = catalog(
            &format!("docs_url = \"https://a.example/{{code}}\"\n{body}"),
            own,
        );
        let new = catalog(
            &format!("docs_url = \"https://b.example/{{code}}\"\n{body}"),
            own,
        );
        assert_eq!(
            messages(&old, &new),
            [(
                "docs-url-changed",
                "the docs URL pattern changed from `https://a.example/{code}` to \
                 `https://b.example/{code}`: the `{docs_url}` of every error body changes"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn identical_catalogs_have_no_changes() {
        let c = catalog("", "retryable = true\n");
        assert!(diff(&c, &c).is_empty());
    }

    #[test]
    fn rules_are_unique_and_breaking_first() {
        let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len());
        let first_compatible = RULES.iter().position(|r| !r.breaking).unwrap();
        assert!(RULES[first_compatible..].iter().all(|r| !r.breaking));
    }
}
