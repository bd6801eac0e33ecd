//! The markdown emitter: one reference page (CommonMark with GFM tables) with the status
//! table, the error body format, the success envelope, a section per error under the
//! anchor its docs URL points to (`<a id="CODE"></a>`), and the catalog's docs prose.
//!
//! What the user wrote is written so that it cannot break the page: raw HTML in their
//! markdown is escaped and shows literally, unclosed code fences are closed, plain text
//! (titles, reasons, attribute values) has its markdown punctuation escaped, table cells
//! have their pipes escaped and their line breaks turned into spaces or `<br>`, and code
//! is fenced with more backticks than it contains.

mod text;

use crate::body;
use crate::openapi::{deprecation_text, template_optional, var_description, var_type};
use errcat_catalog::{Catalog, ErrorDef, Scalar, Status, StatusClass, Template, TextPiece};
use serde_json::Value;
use text::{cell, code_block, code_span, inline, plain, prose};

/// The reference page (no header: the I/O layer adds it).
pub fn generate(catalog: &Catalog) -> String {
    let mut page = Page::default();
    let title = catalog
        .docs
        .title
        .clone()
        .unwrap_or_else(|| format!("{} errors", catalog.name.as_str()));
    page.block(format!("# {}", plain(&title)));
    let intro = catalog.docs.intro.as_ref().map(|i| i.trim());
    if let Some(intro) = intro {
        page.block(prose(intro));
    }
    if let Some(d) = &catalog.description {
        // An intro that already says it (kapwork's does) is not repeated.
        if !intro.is_some_and(|i| i.contains(d.trim())) {
            page.block(prose(d));
        }
    }

    statuses(&mut page, catalog);
    error_body(&mut page, catalog);
    success(&mut page, catalog);
    errors(&mut page, catalog);
    retired(&mut page, catalog);
    for snippet in &catalog.docs.snippets {
        page.block(format!("## {}", plain(&snippet.title)));
        if let Some(d) = &snippet.description {
            page.block(prose(d));
        }
        page.block(code_block(&snippet.code, snippet.language.as_deref()));
    }
    if !catalog.docs.recommendations.is_empty() {
        page.block("## Recommendations".into());
        let items: Vec<String> = catalog
            .docs
            .recommendations
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}. {}", i + 1, inline(r)))
            .collect();
        page.block(items.join("\n"));
    }
    for section in &catalog.docs.sections {
        page.block(format!("## {}", plain(&section.title)));
        page.block(prose(&section.body));
    }
    page.finish()
}

/// Blocks separated by blank lines.
#[derive(Default)]
struct Page {
    blocks: Vec<String>,
}

impl Page {
    fn block(&mut self, b: String) {
        if !b.trim().is_empty() {
            self.blocks.push(b);
        }
    }

    fn finish(self) -> String {
        let mut s = self.blocks.join("\n\n");
        s.push('\n');
        s
    }
}

/// A GFM table.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut s = String::new();
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    s.push_str(&line(header));
    s.push('\n');
    s.push_str(&line(&vec!["---".to_owned(); header.len()]));
    for r in rows {
        s.push('\n');
        s.push_str(&line(r));
    }
    s
}

fn scalar_text(v: &Scalar) -> String {
    match v {
        Scalar::Str(s) => plain(s),
        other => other.to_string(),
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

fn error_link(e: &ErrorDef) -> String {
    let mut s = format!("[{}](#{})", code_span(&e.code), e.code.as_str());
    if e.deprecated.is_some() {
        s.push_str(" (deprecated)");
    }
    s
}

fn statuses(page: &mut Page, catalog: &Catalog) {
    if catalog.statuses.is_empty() {
        return;
    }
    page.block("## Status codes".into());
    let attrs: Vec<_> = catalog
        .attributes
        .iter()
        .filter(|a| a.on_statuses)
        .collect();
    let with_errors = !catalog.errors.is_empty();
    let mut header: Vec<String> = ["Code", "Reason", "Description"].map(String::from).to_vec();
    header.extend(attrs.iter().map(|a| plain(&attribute_title(&a.name))));
    if with_errors {
        header.push("Errors".into());
    }
    let row = |s: &Status| -> Vec<String> {
        let mut r = vec![
            s.code.to_string(),
            cell(&plain(&s.reason)),
            s.description
                .as_ref()
                .map_or_else(String::new, |d| cell(&inline(d))),
        ];
        for a in &attrs {
            r.push(
                s.attribute(&a.name)
                    .map_or_else(String::new, |v| cell(&scalar_text(v))),
            );
        }
        if with_errors {
            let links: Vec<String> = catalog.errors_with_status(s.code).map(error_link).collect();
            r.push(cell(&links.join(", ")));
        }
        r
    };
    if catalog.docs.group_by_class {
        let mut classes: Vec<StatusClass> = catalog.statuses.iter().map(Status::class).collect();
        classes.dedup();
        for class in classes {
            page.block(format!("### {}: {}", class.key(), class.title()));
            if let Some((_, text)) = catalog.docs.classes.iter().find(|(c, _)| *c == class) {
                page.block(prose(text));
            }
            let rows: Vec<Vec<String>> = catalog
                .statuses
                .iter()
                .filter(|s| s.class() == class)
                .map(row)
                .collect();
            page.block(table(&header, &rows));
        }
    } else {
        for (class, text) in &catalog.docs.classes {
            if catalog.statuses.iter().any(|s| s.class() == *class) {
                page.block(format!(
                    "**{}: {}.** {}",
                    class.key(),
                    class.title(),
                    inline(text)
                ));
            }
        }
        let rows: Vec<Vec<String>> = catalog.statuses.iter().map(row).collect();
        page.block(table(&header, &rows));
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

/// What a member holds when the catalog does not describe it.
fn default_description(t: &Template) -> String {
    match t {
        Template::Var(v) => inline(&var_description(v)),
        Template::Text(pieces) => {
            if pieces.iter().all(|p| matches!(p, TextPiece::Lit(_))) {
                format!("Always {}.", code_span(&template_text(pieces)))
            } else {
                format!("Text: {}.", code_span(&template_text(pieces)))
            }
        }
        Template::Int(i) => format!("Always {}.", code_span(&i.to_string())),
        Template::Float(x) => format!("Always {}.", code_span(&x.to_string())),
        Template::Bool(b) => format!("Always {}.", code_span(&b.to_string())),
        Template::Object(_) | Template::Array(_) => String::new(),
    }
}

/// Rows of the member table of a body or envelope template.
fn member_rows(
    catalog: &Catalog,
    t: &Template,
    path: &str,
    fields: &[(String, String)],
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
                let description = fields
                    .iter()
                    .find(|(fp, _)| *fp == p)
                    .map_or_else(|| default_description(v), |(_, d)| inline(d));
                rows.push(vec![
                    cell(&code_span(&p)),
                    type_name(catalog, v),
                    if template_optional(catalog, v) {
                        "no"
                    } else {
                        "yes"
                    }
                    .into(),
                    cell(&description),
                ]);
                member_rows(catalog, v, &p, fields, rows);
            }
        }
        Template::Array(items) => {
            let p = format!("{path}[]");
            for item in items {
                member_rows(catalog, item, &p, fields, rows);
            }
        }
        _ => {}
    }
}

fn member_table(catalog: &Catalog, t: &Template, fields: &[(String, String)]) -> Option<String> {
    let mut rows = Vec::new();
    member_rows(catalog, t, "", fields, &mut rows);
    if rows.is_empty() {
        return None;
    }
    let header = ["Member", "Type", "Always present", "Description"].map(String::from);
    Some(table(&header, &rows))
}

fn json_block(v: &Value) -> String {
    let text = serde_json::to_string_pretty(v).unwrap_or_default();
    code_block(&text, Some("json"))
}

fn error_body(page: &mut Page, catalog: &Catalog) {
    page.block("## Error response body".into());
    if let Some(d) = &catalog.body.description {
        page.block(prose(d));
    }
    let kind = match catalog.body.format {
        errcat_catalog::BodyFormat::Problem => {
            " ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem details)"
        }
        errcat_catalog::BodyFormat::Template => "",
    };
    page.block(format!(
        "Content type: {}{kind}.",
        code_span(&catalog.body.content_type)
    ));
    if let Some(t) = member_table(catalog, &catalog.body.template, &catalog.body.fields) {
        page.block(t);
    }
    if let Some(e) = catalog.errors.iter().find(|e| e.body.is_none()) {
        page.block(format!("For example, {}:", error_link(e)));
        page.block(json_block(&body::example_body(catalog, e)));
    }
    let own: Vec<String> = catalog
        .errors
        .iter()
        .filter(|e| e.body.is_some())
        .map(error_link)
        .collect();
    if !own.is_empty() {
        page.block(format!(
            "These errors have a body of their own, shown in their section: {}.",
            own.join(", ")
        ));
    }
}

fn success(page: &mut Page, catalog: &Catalog) {
    let Some(s) = &catalog.success else {
        return;
    };
    page.block("## Success envelope".into());
    if let Some(d) = &s.description {
        page.block(prose(d));
    }
    if let Some(t) = member_table(catalog, &s.template, &s.fields) {
        page.block(t);
    }
    if let Some(example) = body::success_body(catalog, Value::Object(Default::default())) {
        page.block("For example, with an empty object as the content:".into());
        page.block(json_block(&example));
    }
}

fn errors(page: &mut Page, catalog: &Catalog) {
    if catalog.errors.is_empty() {
        return;
    }
    page.block("## Errors".into());
    for e in &catalog.errors {
        error(page, catalog, e);
    }
}

fn error(page: &mut Page, catalog: &Catalog, e: &ErrorDef) {
    let heading = match &e.title {
        Some(t) => plain(t),
        None => code_span(&e.code),
    };
    page.block(format!(
        "### <a id=\"{}\"></a>{heading}",
        text::attribute_value(&e.code)
    ));
    let status = catalog.status_of(e);
    let mut facts = vec![
        format!("- **Code:** {}", code_span(&e.code)),
        format!("- **Status:** {} {}", status.code, plain(&status.reason)),
        format!("- **Message:** {}", code_span(&e.message.text)),
    ];
    if let Some(f) = &e.field {
        facts.push(format!("- **Field:** {}", code_span(f)));
    }
    match (e.retryable, e.retry_after) {
        (_, Some(s)) => facts.push(format!("- **Retryable:** yes, after {s} seconds")),
        (true, None) => facts.push("- **Retryable:** yes".into()),
        (false, None) => {}
    }
    let headers = catalog.headers_of(e);
    if !headers.is_empty() {
        let list: Vec<String> = headers
            .iter()
            .map(|(name, value)| code_span(&format!("{name}: {value}")))
            .collect();
        facts.push(format!("- **Response headers:** {}", list.join(", ")));
    }
    for a in catalog.attributes.iter().filter(|a| a.on_errors) {
        if let Some(v) = e.attribute(&a.name).or_else(|| status.attribute(&a.name)) {
            facts.push(format!(
                "- **{}:** {}",
                plain(&attribute_title(&a.name)),
                scalar_text(v)
            ));
        }
    }
    page.block(facts.join("\n"));
    if let Some(dep) = &e.deprecated {
        let text = deprecation_text(dep, |code| match catalog.error(code) {
            Some(r) => format!("[{}](#{})", code_span(code), r.code.as_str()),
            None => code_span(code),
        });
        // The note is the user's: escape it like any inline markdown.
        page.block(format!(
            "> **{}",
            inline(&text).replacen("Deprecated", "Deprecated**", 1)
        ));
    }
    if let Some(d) = &e.description {
        page.block(prose(d));
    }
    if let Some(r) = &e.remediation {
        page.block("**What to do**".into());
        page.block(prose(r));
    }
    if !e.fields.is_empty() {
        let header = ["Placeholder", "Type", "Description", "Example"].map(String::from);
        let rows: Vec<Vec<String>> = e
            .fields
            .iter()
            .map(|f| {
                vec![
                    cell(&code_span(&format!("{{{}}}", f.name.as_str()))),
                    f.ty.as_str().into(),
                    f.description
                        .as_ref()
                        .map_or_else(String::new, |d| cell(&inline(d))),
                    cell(&code_span(&match &f.example {
                        Scalar::Str(s) => s.clone(),
                        other => other.to_string(),
                    })),
                ]
            })
            .collect();
        page.block(table(&header, &rows));
    }
    for ex in &e.examples {
        let label = match &ex.summary {
            Some(s) => format!("Example: {}", inline(s)),
            None => "Example:".into(),
        };
        page.block(label);
        page.block(json_block(&body::error_body(
            catalog,
            e,
            ex,
            body::EXAMPLE_RUNTIME,
        )));
    }
}

fn retired(page: &mut Page, catalog: &Catalog) {
    if catalog.retired.is_empty() {
        return;
    }
    page.block("## Retired codes".into());
    page.block("These codes were removed and are never used again:".into());
    let items: Vec<String> = catalog
        .retired
        .iter()
        .map(|c| format!("- {}", code_span(c)))
        .collect();
    page.block(items.join("\n"));
}
