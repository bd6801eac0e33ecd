//! The markdown emitter: one reference page (CommonMark with GFM tables) with the status
//! table, the error body format, the success envelope, a section per error under the
//! anchor its docs URL points to (`<a id="CODE"></a>`), and the catalog's docs prose.
//!
//! What the user wrote is written so that it cannot break the page: raw HTML in their
//! markdown is escaped and shows literally, unclosed code fences are closed, plain text
//! (titles, reasons, attribute values) has its markdown punctuation escaped, table cells
//! have their pipes escaped and their line breaks turned into spaces or `<br>`, and code
//! is fenced with more backticks than it contains.
//!
//! The page is written into one `String` as it goes (see [`Page`]); user markdown is only
//! parsed when it could hold raw HTML or a code fence (see `text`).

mod groups;
pub(crate) mod text;

use crate::body;
use crate::openapi::{deprecation_text, template_optional, var_description, var_type};
use errcat_catalog::{
    AttributeDef, Catalog, ErrorDef, Scalar, Status, StatusClass, Template, TextPiece,
};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt::Write as _;
use text::{
    make_cell, push_attribute_value, push_code_block, push_code_block_with, push_code_span,
    push_inline, push_plain, push_prose,
};

/// The reference page (no header: the I/O layer adds it).
pub fn generate(catalog: &Catalog) -> String {
    // About 900 bytes a synthetic error takes, so that the page rarely grows.
    let mut page = Page::with_capacity(4096 + 1024 * catalog.errors.len());
    let title = catalog
        .docs
        .title
        .clone()
        .unwrap_or_else(|| format!("{} errors", catalog.name.as_str()));
    page.block(|o| {
        o.push_str("# ");
        push_plain(o, &title);
    });
    let intro = catalog.docs.intro.as_ref().map(|i| i.trim());
    if let Some(intro) = intro {
        page.block(|o| push_prose(o, intro));
    }
    if let Some(d) = &catalog.description {
        // An intro that already says it (kapwork's does) is not repeated.
        if !intro.is_some_and(|i| i.contains(d.trim())) {
            page.block(|o| push_prose(o, d));
        }
    }

    statuses(&mut page, catalog);
    error_body(&mut page, catalog);
    success(&mut page, catalog);
    groups::groups(&mut page, catalog);
    errors(&mut page, catalog);
    retired(&mut page, catalog);
    for snippet in &catalog.docs.snippets {
        page.heading(&snippet.title);
        if let Some(d) = &snippet.description {
            page.block(|o| push_prose(o, d));
        }
        page.block(|o| push_code_block(o, &snippet.code, snippet.language.as_deref()));
    }
    if !catalog.docs.recommendations.is_empty() {
        page.text("## Recommendations");
        page.block(|o| {
            for (i, r) in catalog.docs.recommendations.iter().enumerate() {
                if i > 0 {
                    o.push('\n');
                }
                let _ = write!(o, "{}. ", i + 1);
                push_inline(o, r);
            }
        });
    }
    for section in &catalog.docs.sections {
        page.heading(&section.title);
        page.block(|o| push_prose(o, &section.body));
    }
    page.finish()
}

/// The page: blocks separated by blank lines, written into one `String`.
struct Page {
    out: String,
}

impl Page {
    fn with_capacity(n: usize) -> Page {
        Page {
            out: String::with_capacity(n),
        }
    }

    /// A block `write` appends; left out when it is blank.
    fn block(&mut self, write: impl FnOnce(&mut String)) {
        let mark = self.out.len();
        if mark > 0 {
            self.out.push_str("\n\n");
        }
        let start = self.out.len();
        write(&mut self.out);
        if self.out[start..].trim().is_empty() {
            self.out.truncate(mark);
        }
    }

    /// A block of fixed text.
    fn text(&mut self, s: &str) {
        self.block(|o| o.push_str(s));
    }

    /// A `##` heading of plain text.
    fn heading(&mut self, title: &str) {
        self.block(|o| {
            o.push_str("## ");
            push_plain(o, title);
        });
    }

    fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

/// A row of a GFM table being written.
struct Row<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Row<'a> {
    fn new(out: &'a mut String) -> Row<'a> {
        Row { out, first: true }
    }

    fn separator(&mut self) {
        self.out.push_str(if self.first { "| " } else { " | " });
        self.first = false;
    }

    /// A cell `write` appends, made a table cell (pipes escaped, on one line).
    fn cell(&mut self, write: impl FnOnce(&mut String)) {
        self.separator();
        let start = self.out.len();
        write(self.out);
        make_cell(self.out, start);
    }

    /// A cell written as is.
    fn raw(&mut self, s: &str) {
        self.separator();
        self.out.push_str(s);
    }

    fn end(self) {
        self.out.push_str(" |");
    }
}

/// The header line and delimiter row of a table.
fn table_header(out: &mut String, header: &[&str]) {
    let mut row = Row::new(out);
    for h in header {
        row.raw(h);
    }
    row.end();
    out.push('\n');
    let mut row = Row::new(out);
    for _ in header {
        row.raw("---");
    }
    row.end();
}

/// A table of text cells (written as they are).
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    table_header(out, header);
    for r in rows {
        out.push('\n');
        let mut row = Row::new(out);
        for c in r {
            row.raw(c);
        }
        row.end();
    }
}

fn push_scalar(out: &mut String, v: &Scalar) {
    match v {
        Scalar::Str(s) => push_plain(out, s),
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// `Severity` from `severity`, `Retry policy` from `retry_policy`.
fn attribute_title(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// [`attribute_title`] as plain text.
fn attribute_heading(a: &AttributeDef) -> String {
    let mut s = String::new();
    push_plain(&mut s, &attribute_title(&a.name));
    s
}

fn push_error_link(out: &mut String, e: &ErrorDef) {
    out.push('[');
    push_code_span(out, &e.code);
    out.push_str("](#");
    out.push_str(&e.code);
    out.push(')');
    if e.deprecated.is_some() {
        out.push_str(" (deprecated)");
    }
}

/// Links to `errors`, separated by commas.
fn push_error_links<'a>(out: &mut String, errors: impl Iterator<Item = &'a ErrorDef>) {
    for (i, e) in errors.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_error_link(out, e);
    }
}

fn statuses(page: &mut Page, catalog: &Catalog) {
    if catalog.statuses.is_empty() {
        return;
    }
    page.text("## Status codes");
    let attrs: Vec<&AttributeDef> = catalog
        .attributes
        .iter()
        .filter(|a| a.on_statuses)
        .collect();
    let attr_headings: Vec<String> = attrs.iter().map(|a| attribute_heading(a)).collect();
    let with_errors = !catalog.errors.is_empty();
    let mut header: Vec<&str> = vec!["Code", "Reason", "Description"];
    header.extend(attr_headings.iter().map(String::as_str));
    if with_errors {
        header.push("Errors");
    }
    let row = |out: &mut String, s: &Status| {
        out.push('\n');
        let mut r = Row::new(out);
        r.raw(&s.code.to_string());
        r.cell(|o| push_plain(o, &s.reason));
        r.cell(|o| {
            if let Some(d) = &s.description {
                push_inline(o, d);
            }
        });
        for a in &attrs {
            r.cell(|o| {
                if let Some(v) = s.attribute(&a.name) {
                    push_scalar(o, v);
                }
            });
        }
        if with_errors {
            r.cell(|o| push_error_links(o, catalog.errors_with_status(s.code)));
        }
        r.end();
    };
    let table = |page: &mut Page, class: Option<StatusClass>| {
        page.block(|o| {
            table_header(o, &header);
            for s in &catalog.statuses {
                if class.is_none_or(|c| s.class() == c) {
                    row(o, s);
                }
            }
        });
    };
    if catalog.docs.group_by_class {
        let mut classes: Vec<StatusClass> = catalog.statuses.iter().map(Status::class).collect();
        classes.dedup();
        for class in classes {
            page.block(|o| {
                let _ = write!(o, "### {}: {}", class.key(), class.title());
            });
            if let Some((_, text)) = catalog.docs.classes.iter().find(|(c, _)| *c == class) {
                page.block(|o| push_prose(o, text));
            }
            table(page, Some(class));
        }
    } else {
        for (class, text) in &catalog.docs.classes {
            if catalog.statuses.iter().any(|s| s.class() == *class) {
                page.block(|o| {
                    let _ = write!(o, "**{}: {}.** ", class.key(), class.title());
                    push_inline(o, text);
                });
            }
        }
        table(page, None);
    }
}

/// The text of a template string, placeholders as `{name}`.
fn template_text(pieces: &[TextPiece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            TextPiece::Lit(l) => l.replace('{', "{{").replace('}', "}}"),
            TextPiece::Var(v) => format!("{{{}}}", v.name()),
        })
        .collect()
}

fn type_name(catalog: &Catalog, t: &Template) -> String {
    match t {
        Template::Var(v) => var_type(catalog, v).unwrap_or("any").to_owned(),
        Template::Text(_) => "string".into(),
        Template::Int(_) => "integer".into(),
        Template::Float(_) => "number".into(),
        Template::Bool(_) => "boolean".into(),
        Template::Object(_) => "object".into(),
        Template::Array(items) => {
            let mut types: Vec<String> = items.iter().map(|i| type_name(catalog, i)).collect();
            types.dedup();
            match &types[..] {
                [one] => format!("array of {one}"),
                _ => "array".into(),
            }
        }
    }
}

/// `f` applied to a new `String`.
fn string(f: impl FnOnce(&mut String)) -> String {
    let mut s = String::new();
    f(&mut s);
    s
}

/// `Always `x`.` / `Text: `x`.`
fn always(prefix: &str, code: &str) -> String {
    string(|o| {
        o.push_str(prefix);
        push_code_span(o, code);
        o.push('.');
    })
}

/// What a member holds when the catalog does not describe it.
fn default_description(t: &Template) -> String {
    match t {
        Template::Var(v) => string(|o| push_inline(o, &var_description(v))),
        Template::Text(pieces) => {
            if pieces.iter().all(|p| matches!(p, TextPiece::Lit(_))) {
                always("Always ", &template_text(pieces))
            } else {
                always("Text: ", &template_text(pieces))
            }
        }
        Template::Int(i) => always("Always ", &i.to_string()),
        Template::Float(x) => always("Always ", &x.to_string()),
        Template::Bool(b) => always("Always ", &b.to_string()),
        Template::Object(_) | Template::Array(_) => String::new(),
    }
}

/// Rows of the member table of a body or envelope template.
fn member_rows(
    catalog: &Catalog,
    t: &Template,
    path: &str,
    fields: &[(String, String)],
    always: &dyn Fn(&Template) -> bool,
    rows: &mut Vec<Vec<String>>,
) {
    match t {
        Template::Object(members) => {
            for (k, v) in members {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let description = fields.iter().find(|(fp, _)| *fp == p).map_or_else(
                    || default_description(v),
                    |(_, d)| string(|o| push_inline(o, d)),
                );
                let cell = |write: &dyn Fn(&mut String)| {
                    string(|o| {
                        write(o);
                        make_cell(o, 0);
                    })
                };
                rows.push(vec![
                    cell(&|o| push_code_span(o, &p)),
                    type_name(catalog, v),
                    if always(v) { "yes" } else { "no" }.into(),
                    cell(&|o| o.push_str(&description)),
                ]);
                member_rows(catalog, v, &p, fields, always, rows);
            }
        }
        Template::Array(items) => {
            let p = format!("{path}[]");
            for item in items {
                member_rows(catalog, item, &p, fields, always, rows);
            }
        }
        _ => {}
    }
}

fn member_table(page: &mut Page, catalog: &Catalog, t: &Template, fields: &[(String, String)]) {
    member_table_with(page, catalog, t, fields, &|v| {
        !template_optional(catalog, v)
    });
}

/// [`member_table`], whether a member is always present told by `always` (a model query).
fn member_table_with(
    page: &mut Page,
    catalog: &Catalog,
    t: &Template,
    fields: &[(String, String)],
    always: &dyn Fn(&Template) -> bool,
) {
    let mut rows = Vec::new();
    member_rows(catalog, t, "", fields, always, &mut rows);
    if rows.is_empty() {
        return;
    }
    page.block(|o| {
        table(
            o,
            &["Member", "Type", "Always present", "Description"],
            &rows,
        )
    });
}

fn json_block(page: &mut Page, write: impl FnOnce(&mut String)) {
    page.block(|o| push_code_block_with(o, Some("json"), write));
}

fn error_body(page: &mut Page, catalog: &Catalog) {
    page.text("## Error response body");
    if let Some(d) = &catalog.body.description {
        page.block(|o| push_prose(o, d));
    }
    let kind = match catalog.body.format {
        errcat_catalog::BodyFormat::Problem => {
            " ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem details)"
        }
        errcat_catalog::BodyFormat::Template => "",
    };
    page.block(|o| {
        o.push_str("Content type: ");
        push_code_span(o, &catalog.body.content_type);
        o.push_str(kind);
        o.push('.');
    });
    member_table(page, catalog, &catalog.body.template, &catalog.body.fields);
    if let Some(e) = catalog.errors.iter().find(|e| e.body.is_none()) {
        page.block(|o| {
            o.push_str("For example, ");
            push_error_link(o, e);
            o.push(':');
        });
        if let Some(ex) = e.examples.first() {
            json_block(page, |o| {
                body::push_error_body_json(o, catalog, e, ex, body::EXAMPLE_RUNTIME)
            });
        }
    }
    let mut own = catalog
        .errors
        .iter()
        .filter(|e| e.body.is_some())
        .peekable();
    if own.peek().is_some() {
        page.block(|o| {
            o.push_str("These errors have a body of their own, shown in their section: ");
            push_error_links(o, own);
            o.push('.');
        });
    }
}

fn success(page: &mut Page, catalog: &Catalog) {
    let Some(s) = &catalog.success else {
        return;
    };
    page.text("## Success envelope");
    if let Some(d) = &s.description {
        page.block(|o| push_prose(o, d));
    }
    member_table(page, catalog, &s.template, &s.fields);
    if let Some(example) = body::success_body(catalog, Value::Object(Default::default())) {
        page.text("For example, with an empty object as the content:");
        json_block(page, |o| body::json::push_value(o, &example, 0));
    }
    // Run-time values may be left out: the envelope without them too.
    let supplied = errcat_catalog::template_uses(&s.template, &errcat_catalog::Var::TraceId)
        || errcat_catalog::template_uses(&s.template, &errcat_catalog::Var::Instance)
        || catalog.context.iter().any(|c| {
            errcat_catalog::template_uses(
                &s.template,
                &errcat_catalog::Var::Context(c.name.value.clone()),
            )
        });
    if supplied {
        if let Some(example) = body::success_body_with(
            catalog,
            Value::Object(Default::default()),
            body::Runtime::default(),
        ) {
            page.text("Without the values supplied at run time (their members are left out):");
            json_block(page, |o| body::json::push_value(o, &example, 0));
        }
    }
}

fn errors(page: &mut Page, catalog: &Catalog) {
    if catalog.errors.is_empty() {
        return;
    }
    page.text("## Errors");
    let mut cx = ErrorsCx {
        catalog,
        attrs: catalog
            .attributes
            .iter()
            .filter(|a| a.on_errors)
            .map(|a| (a, attribute_heading(a)))
            .collect(),
        codes: None,
    };
    for e in &catalog.errors {
        error(page, &mut cx, e);
    }
}

/// What every error's section uses.
struct ErrorsCx<'a> {
    catalog: &'a Catalog,
    /// The attributes errors have, with their headings.
    attrs: Vec<(&'a AttributeDef, String)>,
    /// The codes of the catalog's errors, made when a deprecation first links one.
    codes: Option<HashSet<&'a str>>,
}

impl ErrorsCx<'_> {
    fn is_error(&mut self, code: &str) -> bool {
        let catalog = self.catalog;
        self.codes
            .get_or_insert_with(|| catalog.errors.iter().map(|e| e.code.as_str()).collect())
            .contains(code)
    }
}

fn error(page: &mut Page, cx: &mut ErrorsCx<'_>, e: &ErrorDef) {
    let catalog = cx.catalog;
    page.block(|o| {
        o.push_str("### <a id=\"");
        push_attribute_value(o, &e.code);
        o.push_str("\"></a>");
        match &e.title {
            Some(t) => push_plain(o, t),
            None => push_code_span(o, &e.code),
        }
    });
    let status = catalog.status_of(e);
    page.block(|o| {
        o.push_str("- **Code:** ");
        push_code_span(o, &e.code);
        let _ = write!(o, "\n- **Status:** {} ", status.code);
        push_plain(o, &status.reason);
        o.push_str("\n- **Message:** ");
        push_code_span(o, &e.message.text);
        if let Some(f) = &e.field {
            o.push_str("\n- **Field:** ");
            push_code_span(o, f);
            if e.field_pieces.is_some() {
                o.push_str(" (made of the error's fields when it is sent)");
            }
        }
        let mut groups = catalog.groups_of(e).peekable();
        if groups.peek().is_some() {
            o.push_str("\n- **In responses with several errors:** ");
            for (i, g) in groups.enumerate() {
                if i > 0 {
                    o.push_str(", ");
                }
                push_code_span(o, g.name.as_str());
            }
        }
        match (e.retryable, e.retry_after) {
            (_, Some(s)) => {
                let _ = write!(o, "\n- **Retryable:** yes, after {s} seconds");
            }
            (true, None) => o.push_str("\n- **Retryable:** yes"),
            (false, None) => {}
        }
        let headers = catalog.headers_of(e);
        if !headers.is_empty() {
            o.push_str("\n- **Response headers:** ");
            for (i, (name, value)) in headers.iter().enumerate() {
                if i > 0 {
                    o.push_str(", ");
                }
                push_code_span(o, &format!("{name}: {value}"));
            }
        }
        for (a, heading) in &cx.attrs {
            if let Some(v) = e.attribute(&a.name).or_else(|| status.attribute(&a.name)) {
                let _ = write!(o, "\n- **{heading}:** ");
                push_scalar(o, v);
            }
        }
    });
    if let Some(dep) = &e.deprecated {
        let text = deprecation_text(dep, |code| {
            let mut s = String::new();
            if cx.is_error(code) {
                s.push('[');
                push_code_span(&mut s, code);
                let _ = write!(s, "](#{code})");
            } else {
                push_code_span(&mut s, code);
            }
            s
        });
        // The note is the user's: escape it like any inline markdown.
        let note = string(|o| push_inline(o, &text));
        page.block(|o| {
            o.push_str("> **");
            o.push_str(&note.replacen("Deprecated", "Deprecated**", 1));
        });
    }
    if let Some(d) = &e.description {
        page.block(|o| push_prose(o, d));
    }
    if let Some(r) = &e.remediation {
        page.text("**What to do**");
        page.block(|o| push_prose(o, r));
    }
    if !e.fields.is_empty() {
        page.block(|o| {
            table_header(o, &["Placeholder", "Type", "Description", "Example"]);
            for f in &e.fields {
                o.push('\n');
                let mut r = Row::new(o);
                r.cell(|o| push_code_span(o, &format!("{{{}}}", f.name.as_str())));
                r.raw(f.ty.as_str());
                r.cell(|o| {
                    if let Some(d) = &f.description {
                        push_inline(o, d);
                    }
                });
                r.cell(|o| match &f.example {
                    Scalar::Str(s) => push_code_span(o, s),
                    other => push_code_span(o, &other.to_string()),
                });
                r.end();
            }
        });
    }
    for ex in &e.examples {
        page.block(|o| {
            o.push_str("Example:");
            if let Some(s) = &ex.summary {
                o.push(' ');
                push_inline(o, s);
            }
        });
        json_block(page, |o| {
            body::push_error_body_json(o, catalog, e, ex, body::EXAMPLE_RUNTIME)
        });
    }
}

fn retired(page: &mut Page, catalog: &Catalog) {
    if catalog.retired.is_empty() {
        return;
    }
    page.text("## Retired codes");
    page.text("These codes were removed and are never used again:");
    page.block(|o| {
        for (i, c) in catalog.retired.iter().enumerate() {
            if i > 0 {
                o.push('\n');
            }
            o.push_str("- ");
            push_code_span(o, c);
        }
    });
}
