//! Responses: one per status, with its headers and a named example per error example.

use super::schema_text::Obj;
use super::{GENERATED_MARKER, Names, Texts, attributes_json, object1, schema_ref};
use crate::body;
use crate::body::json::{push_line, push_value};
use errcat_catalog::{Catalog, ErrorDef, Example, Status, StatusClass};
use serde_json::{Map, Value, json};

/// Whether a status's responses carry content when no error is returned with it.
fn has_error_content(status: &Status) -> bool {
    matches!(
        status.class(),
        StatusClass::ClientError | StatusClass::ServerError
    )
}

/// The response of `status` when `errors` are the errors it may carry (all the status's
/// errors, or those one operation may return), whose body schema is `schema`.
pub(super) fn response<'c>(
    catalog: &'c Catalog,
    status: &Status,
    errors: &[&'c ErrorDef],
    schema: &str,
    names: &Names,
    shapes: &mut body::Shapes<'c>,
    mut texts: Option<&mut Texts>,
) -> Value {
    let mut r = Map::new();
    let mut description = status.reason.to_string();
    // Unless it only says the reason again ("Success\n\nSuccess").
    if let Some(d) = status
        .description
        .as_ref()
        .filter(|d| d.trim() != status.reason.as_str())
    {
        description.push_str("\n\n");
        description.push_str(d.trim_end());
    }
    r.insert("description".into(), description.into());

    let mut content = Map::new();
    if !errors.is_empty() {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(schema));
        let mut examples = Map::with_capacity(errors.iter().map(|e| e.examples.len()).sum());
        for e in errors {
            for (i, ex) in e.examples.iter().enumerate() {
                let name = if i == 0 {
                    e.code.to_string()
                } else {
                    format!("{}.{}", e.code.as_str(), i + 1)
                };
                let value = match texts.as_deref_mut() {
                    Some(texts) => {
                        push_example(texts, catalog, e, ex);
                        texts.end()
                    }
                    None => example(catalog, e, ex, shapes),
                };
                examples.insert(name, value);
            }
        }
        media.insert("examples".into(), Value::Object(examples));
        content.insert(catalog.body.content_type.clone(), Value::Object(media));
    } else if has_error_content(status) {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&names.body));
        content.insert(catalog.body.content_type.clone(), Value::Object(media));
    } else if catalog.success.is_some()
        && status.class() == StatusClass::Success
        && !matches!(status.code, 204 | 205)
    {
        let mut media = Map::new();
        media.insert("schema".into(), schema_ref(&names.success));
        content.insert("application/json".into(), Value::Object(media));
    }
    let headers = response_headers(catalog, status, errors);
    if !headers.is_empty() {
        r.insert("headers".into(), Value::Object(headers));
    }
    if !content.is_empty() {
        r.insert("content".into(), Value::Object(content));
    }
    if !status.attributes.is_empty() {
        r.insert(
            "x-errcat-attributes".into(),
            attributes_json(&status.attributes),
        );
    }
    r.insert(
        GENERATED_MARKER.into(),
        Value::String(catalog.name.to_string()),
    );
    Value::Object(r)
}

/// The headers of a status's responses: every header one of its errors sends (the
/// status's own when no error is returned with it), then `Retry-After` when an error gives
/// a delay. Names are grouped case-insensitively and spelled as first written; a header is
/// `required` when every error sends it; one value is its `example`, several values are its
/// `examples`, by error code.
fn response_headers(
    catalog: &Catalog,
    status: &Status,
    errors: &[&ErrorDef],
) -> Map<String, Value> {
    // (name, [(error code, value)]) in order of first appearance.
    type Sent<'a> = Vec<(&'a str, Vec<(&'a str, Value)>)>;
    fn add<'a>(sent: &mut Sent<'a>, name: &'a str, code: &'a str, value: Value) {
        match sent.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some((_, values)) => values.push((code, value)),
            None => sent.push((name, vec![(code, value)])),
        }
    }
    let mut sent: Sent<'_> = Vec::new();
    for e in errors {
        for (name, value) in catalog.headers_of(e) {
            add(&mut sent, name, e.code.as_str(), value.into());
        }
    }
    if errors.is_empty() {
        for (name, value) in &status.headers {
            add(&mut sent, name, "", value.as_str().into());
        }
    }
    for e in errors {
        if let Some(secs) = e.retry_after {
            add(&mut sent, "Retry-After", e.code.as_str(), secs.into());
        }
    }
    let mut out = Map::new();
    for (name, values) in sent {
        let retry = name == "Retry-After";
        let mut h = Map::new();
        let every = values.len() == errors.len();
        let codes: Vec<String> = values.iter().map(|(c, _)| format!("`{c}`")).collect();
        let description = match (retry, every || errors.is_empty()) {
            (true, true) => "Seconds to wait before retrying.".to_owned(),
            (true, false) => format!(
                "Seconds to wait before retrying: sent with {}.",
                codes.join(", ")
            ),
            (false, true) => "Sent with every error of this status.".to_owned(),
            (false, false) => format!("Sent with {}.", codes.join(", ")),
        };
        h.insert("description".into(), description.into());
        if every && !errors.is_empty() {
            h.insert("required".into(), true.into());
        }
        let schema = if retry {
            json!({ "type": "integer", "minimum": 0 })
        } else {
            json!({ "type": "string" })
        };
        h.insert("schema".into(), schema);
        let first = &values[0].1;
        if values.iter().all(|(_, v)| v == first) {
            h.insert("example".into(), first.clone());
        } else {
            let examples: Map<String, Value> = values
                .into_iter()
                .map(|(code, v)| (code.to_owned(), object1("value", v)))
                .collect();
            h.insert("examples".into(), Value::Object(examples));
        }
        out.insert(name.to_owned(), Value::Object(h));
    }
    out
}

/// The members of a named example, in order.
const EXAMPLE_KEYS: [&str; 9] = [
    "summary",
    "description",
    "value",
    "x-errcat-code",
    "x-errcat-retryable",
    "x-errcat-retry-after",
    "x-errcat-deprecated",
    "x-errcat-attributes",
    "x-errcat-docs-url",
];

/// The named example of one of `error`'s examples.
fn example<'c>(
    catalog: &'c Catalog,
    error: &'c ErrorDef,
    ex: &'c Example,
    shapes: &mut body::Shapes<'c>,
) -> Value {
    let base = shapes.start();
    let (summary, description) = example_texts(error, ex);
    shapes.member(0, summary.into());
    if !description.is_empty() {
        shapes.member(1, description.into());
    }
    let values = body::ExampleValues::new(catalog, error, ex, body::EXAMPLE_RUNTIME);
    let (value, docs_url) = values.into_body(shapes);
    shapes.member(2, value);
    shapes.member(3, error.code.as_str().into());
    if error.retryable {
        shapes.member(4, true.into());
    }
    if let Some(s) = error.retry_after {
        shapes.member(5, s.into());
    }
    if let Some(d) = &error.deprecated {
        shapes.member(6, deprecation_json(d));
    }
    if !error.attributes.is_empty() {
        shapes.member(7, attributes_json(&error.attributes));
    }
    if let Some(url) = docs_url {
        shapes.member(8, url.into());
    }
    Value::Object(shapes.finish(&EXAMPLE_KEYS, |i| EXAMPLE_KEYS[i], base))
}

/// An example's `x-errcat-deprecated`.
fn deprecation_json(d: &errcat_catalog::Deprecation) -> Value {
    let mut dep = Map::new();
    if let Some(s) = &d.since {
        dep.insert("since".into(), s.as_str().into());
    }
    if let Some(r) = &d.replaced_by {
        dep.insert("replaced_by".into(), r.as_str().into());
    }
    if let Some(n) = &d.note {
        dep.insert("note".into(), n.as_str().into());
    }
    Value::Object(dep)
}

/// The summary and the description (empty when none) of one of `error`'s examples.
fn example_texts(error: &ErrorDef, ex: &Example) -> (String, String) {
    let title = error.display_title();
    let mut summary = String::with_capacity(
        title.len() + ex.summary.as_ref().map_or(0, |s| s.len() + 2) + " (deprecated)".len(),
    );
    summary.push_str(title);
    if let Some(s) = &ex.summary {
        summary.push_str(": ");
        summary.push_str(s);
    }
    if error.deprecated.is_some() {
        summary.push_str(" (deprecated)");
    }
    let mut description = String::with_capacity(
        error.description.as_ref().map_or(0, |d| d.len())
            + error.remediation.as_ref().map_or(0, |r| r.len() + 2),
    );
    if let Some(dep) = &error.deprecated {
        description.push_str(&deprecation_text(dep, |code| format!("`{code}`")));
        description.push_str("\n\n");
    }
    if let Some(d) = &error.description {
        description.push_str(d.trim_end());
    }
    if let Some(r) = &error.remediation {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(r.trim_end());
    }
    (summary, description)
}

/// [`example`] written as pretty JSON text at the depth of a named example
/// (`components.responses.*.content.*.examples.*`), the members at level 8.
fn push_example(texts: &mut Texts, catalog: &Catalog, error: &ErrorDef, ex: &Example) {
    const LEVEL: usize = 8;
    let out = &mut texts.text;
    let mut o = Obj::open(out, LEVEL);
    let (summary, description) = example_texts(error, ex);
    o.str(out, "summary", &summary);
    if !description.is_empty() {
        o.str(out, "description", &description);
    }
    let values = body::ExampleValues::new(catalog, error, ex, body::EXAMPLE_RUNTIME);
    let docs_url = values.docs_url().map(str::to_owned);
    texts.scratch.clear();
    values.push_body_json(&mut texts.scratch);
    o.key(out, "value");
    // Written at level 0: each line indented to the member's level.
    let mut lines = texts.scratch.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        push_line(out, LEVEL);
        // `push_line` indented it; the line's own indent follows.
        out.push_str(line);
    }
    o.str(out, "x-errcat-code", error.code.as_str());
    if error.retryable {
        o.key(out, "x-errcat-retryable");
        out.push_str("true");
    }
    if let Some(s) = error.retry_after {
        o.key(out, "x-errcat-retry-after");
        push_value(out, &Value::from(s), LEVEL);
    }
    if let Some(d) = &error.deprecated {
        o.key(out, "x-errcat-deprecated");
        push_value(out, &deprecation_json(d), LEVEL);
    }
    if !error.attributes.is_empty() {
        o.key(out, "x-errcat-attributes");
        push_value(out, &attributes_json(&error.attributes), LEVEL);
    }
    if let Some(url) = docs_url {
        o.str(out, "x-errcat-docs-url", &url);
    }
    o.close(out);
}

/// "Deprecated since 2.2.0: use `x` instead. Note." (`link` renders the replacement's code).
pub(crate) fn deprecation_text(
    dep: &errcat_catalog::Deprecation,
    link: impl FnOnce(&str) -> String,
) -> String {
    let mut s = String::from("Deprecated");
    if let Some(since) = &dep.since {
        s.push_str(" since ");
        s.push_str(since);
    }
    match &dep.replaced_by {
        Some(r) => {
            s.push_str(": use ");
            s.push_str(&link(r));
            s.push_str(" instead.");
        }
        None => s.push('.'),
    }
    if let Some(note) = &dep.note {
        s.push(' ');
        s.push_str(note.trim());
    }
    s
}
