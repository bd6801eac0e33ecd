//! The TypeScript emitter: one self-contained `.ts` module, with no dependency, for
//! clients of the API. It has
//!
//! - one interface per error (its `code` and `status` as literal types, its typed fields,
//!   retry data and docs URL) and `KnownError`, their discriminated union (on `code`);
//! - `decode(status, bodyText)` / `decodeJson(status, value)`, giving a `KnownError` or an
//!   `UnknownError` (never throwing), and the type guards `isKnown` and `isError`;
//! - the tables: `STATUSES`, `ERRORS` (every fact of every error) and `BODIES` (the body
//!   templates the decoder matches bodies against, as the server renders them).
//!
//! The decoder (`runtime.ts`) is the same algorithm as the Rust run time's
//! (`errcat::__private::decode`). The code only uses what TypeScript's default library
//! (ES5) declares, so `tsc --strict` compiles it with default options.

use errcat_catalog::{Catalog, ErrorDef, FieldType, Piece, Scalar, Template, TextPiece, Var};
use std::fmt::Write as _;

const PRELUDE: &str = include_str!("prelude.ts");
const RUNTIME: &str = include_str!("runtime.ts");

/// Names the module declares or uses in type positions: an error interface of one of
/// these names gets a `_` appended.
const RESERVED: &[&str] = &[
    "FieldType",
    "FieldValue",
    "FieldInfo",
    "Deprecation",
    "TemplateVar",
    "TemplateNode",
    "ErrorInfo",
    "StatusInfo",
    "UnknownError",
    "Decoded",
    "KnownError",
    "ErrorCode",
    "Found",
    "Extract",
    "Array",
    "Object",
    "String",
    "Number",
    "Boolean",
    "Math",
    "JSON",
    "Infinity",
    "NaN",
];

/// A string as a TypeScript string literal (JSON's escapes are TypeScript's).
fn lit(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn opt_lit(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_owned(), lit)
}

/// A doc comment's text, safe inside `/** */`.
fn doc(s: &str) -> String {
    s.replace("*/", "*\\/")
}

fn scalar(s: &Scalar) -> String {
    match s {
        Scalar::Str(s) => lit(s),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(x) => {
            serde_json::Number::from_f64(*x).map_or("NaN".to_owned(), |n| n.to_string())
        }
        Scalar::Bool(b) => b.to_string(),
    }
}

fn ts_type(ty: FieldType) -> &'static str {
    match ty {
        FieldType::String => "string",
        FieldType::Boolean => "boolean",
        FieldType::Integer | FieldType::Unsigned | FieldType::Float => "number",
    }
}

/// The interface name of an error.
fn interface_name(e: &ErrorDef) -> String {
    let name = e.variant.strip_prefix("r#").unwrap_or(&e.variant);
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

fn var_ref(v: &Var) -> String {
    match v {
        Var::Attribute(a) => format!("[\"a\", {}]", lit(a)),
        // `{content}` only means something in `[success]`: absent in an error body.
        Var::Content => "[\"a\", \"\"]".to_owned(),
        other => format!("[\"v\", {}]", lit(other.name())),
    }
}

fn node(out: &mut String, t: &Template) {
    match t {
        Template::Var(v) => out.push_str(&var_ref(v)),
        Template::Text(pieces) => {
            out.push_str("[\"t\", [");
            for (i, p) in pieces.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match p {
                    TextPiece::Lit(s) => out.push_str(&lit(s)),
                    TextPiece::Var(v) => out.push_str(&var_ref(v)),
                }
            }
            out.push_str("]]");
        }
        Template::Int(i) => {
            let _ = write!(out, "[\"n\", {i}]");
        }
        Template::Float(x) => {
            let n = serde_json::Number::from_f64(*x).map_or("NaN".to_owned(), |n| n.to_string());
            let _ = write!(out, "[\"n\", {n}]");
        }
        Template::Bool(b) => {
            let _ = write!(out, "[\"b\", {b}]");
        }
        Template::Array(items) => {
            out.push_str("[\"arr\", [");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                node(out, item);
            }
            out.push_str("]]");
        }
        Template::Object(members) => {
            out.push_str("[\"obj\", [");
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "[{}, ", lit(k));
                node(out, v);
                out.push(']');
            }
            out.push_str("]]");
        }
    }
}

/// The TypeScript module of a catalog.
pub fn generate(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(16 * 1024 + 1024 * catalog.errors.len());
    let name = catalog.name.as_str();
    let _ = writeln!(
        out,
        "/**\n * The errors of the {} API: types, `decode` and tables, generated by errcat from its\n * error catalog. No dependency.\n */\n",
        doc(name)
    );
    let _ = writeln!(
        out,
        "/** The catalog's name and version. */\nexport const CATALOG = {{ name: {}, version: {} }} as const;\n",
        lit(name),
        opt_lit(catalog.version.as_ref().map(|v| v.as_str()))
    );
    out.push_str(PRELUDE);
    out.push('\n');

    // The union of codes and one interface per error.
    out.push_str("/** Every error code of the catalog. */\nexport type ErrorCode =");
    if catalog.errors.is_empty() {
        out.push_str(" never");
    }
    for e in &catalog.errors {
        let _ = write!(out, "\n  | {}", lit(&e.code));
    }
    out.push_str(";\n\n");
    for e in &catalog.errors {
        interface(&mut out, catalog, e);
    }
    out.push_str(
        "/** An error of the catalog, with its typed fields: a union discriminated by `code`. */\nexport type KnownError =",
    );
    if catalog.errors.is_empty() {
        out.push_str(" never");
    }
    for e in &catalog.errors {
        let _ = write!(out, "\n  | {}", interface_name(e));
    }
    out.push_str(";\n\n");

    // Tables.
    out.push_str("/** The statuses the API returns, by code. */\nexport const STATUSES: readonly StatusInfo[] = [\n");
    for s in &catalog.statuses {
        let _ = writeln!(
            out,
            "  {{ status: {}, reason: {}, class: {}, description: {}, attributes: {} }},",
            s.code,
            lit(&s.reason),
            lit(s.class().key()),
            opt_lit(s.description.as_ref().map(|d| d.as_str())),
            attributes(&s.attributes)
        );
    }
    out.push_str("];\n\n");

    let mut bodies: Vec<&Template> = Vec::new();
    let mut body_of = Vec::with_capacity(catalog.errors.len());
    for e in &catalog.errors {
        let t = catalog.body_of(e);
        let i = bodies.iter().position(|b| *b == t).unwrap_or_else(|| {
            bodies.push(t);
            bodies.len() - 1
        });
        body_of.push(i);
    }
    out.push_str("/** The body templates of the errors (`ErrorInfo.body` indexes it). */\nexport const BODIES: readonly TemplateNode[] = [\n");
    for b in &bodies {
        out.push_str("  ");
        node(&mut out, b);
        out.push_str(",\n");
    }
    out.push_str("];\n\n");

    out.push_str("/** Every error of the catalog, in declaration order. */\nexport const ERRORS: readonly ErrorInfo[] = [\n");
    for (e, body) in catalog.errors.iter().zip(body_of) {
        error_info(&mut out, catalog, e, body);
    }
    out.push_str("];\n\n");
    out.push_str(RUNTIME);
    out
}

fn attributes(values: &[(String, Scalar)]) -> String {
    if values.is_empty() {
        return "{}".to_owned();
    }
    let members: Vec<String> = values
        .iter()
        .map(|(n, v)| format!("{}: {}", lit(n), scalar(v)))
        .collect();
    format!("{{ {} }}", members.join(", "))
}

/// The error's attributes: its own, else its status's, in declaration order.
fn effective_attributes(catalog: &Catalog, e: &ErrorDef) -> Vec<(String, Scalar)> {
    let status = catalog.status_of(e);
    catalog
        .attributes
        .iter()
        .filter_map(|a| {
            let name = a.name.as_str();
            e.attribute(name)
                .or_else(|| status.attribute(name))
                .map(|v| (name.to_owned(), v.clone()))
        })
        .collect()
}

fn interface(out: &mut String, catalog: &Catalog, e: &ErrorDef) {
    let _ = writeln!(
        out,
        "/**\n * `{}` ({} {}): {}",
        doc(&e.code),
        *e.status,
        doc(&catalog.status_of(e).reason),
        doc(e.message.text.as_str())
    );
    if let Some(d) = &e.description {
        out.push_str(" *\n");
        for line in doc(d.as_str()).lines() {
            let _ = writeln!(out, " * {line}");
        }
    }
    if let Some(d) = &e.deprecated {
        let mut text = String::from(" * @deprecated");
        if let Some(r) = &d.replaced_by {
            let _ = write!(text, " Use `{}`.", doc(r));
        }
        if let Some(n) = &d.note {
            let _ = write!(text, " {}", doc(n));
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
    out.push_str(" */\n");
    let _ = writeln!(out, "export interface {} {{", interface_name(e));
    out.push_str("  readonly known: true;\n");
    let _ = writeln!(out, "  readonly code: {};", lit(&e.code));
    let _ = writeln!(out, "  readonly status: {};", *e.status);
    if e.fields.is_empty() {
        out.push_str("  readonly fields: { readonly [name: string]: never };\n");
    } else {
        out.push_str("  readonly fields: {\n");
        for f in &e.fields {
            if let Some(d) = &f.description {
                let _ = writeln!(out, "    /** {} */", doc(d.as_str()).replace('\n', " "));
            }
            let _ = writeln!(out, "    readonly {}: {};", lit(&f.name), ts_type(f.ty));
        }
        out.push_str("  };\n");
    }
    out.push_str("  /** The message, as the body carries it (`null` when it does not). */\n");
    out.push_str("  readonly message: string | null;\n");
    let _ = writeln!(out, "  readonly retryable: {};", e.retryable);
    let _ = writeln!(
        out,
        "  readonly retryAfter: {};",
        e.retry_after.map_or("null".to_owned(), |s| s.to_string())
    );
    let _ = writeln!(
        out,
        "  readonly docsUrl: {};",
        opt_lit(catalog.docs_url(e).as_deref())
    );
    out.push_str("  readonly info: ErrorInfo;\n}\n\n");
}

fn error_info(out: &mut String, catalog: &Catalog, e: &ErrorDef, body: usize) {
    let _ = writeln!(out, "  {{");
    let _ = writeln!(out, "    code: {},", lit(&e.code));
    let _ = writeln!(out, "    status: {},", *e.status);
    let _ = writeln!(out, "    reason: {},", lit(&catalog.status_of(e).reason));
    let _ = writeln!(out, "    title: {},", lit(e.display_title()));
    let _ = writeln!(out, "    message: {},", lit(e.message.text.as_str()));
    let pieces: Vec<String> = e
        .message
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Lit(s) => lit(s),
            Piece::Field(i) => i.to_string(),
        })
        .collect();
    let _ = writeln!(out, "    pieces: [{}],", pieces.join(", "));
    let fields: Vec<String> = e
        .fields
        .iter()
        .map(|f| {
            format!(
                "{{ name: {}, type: {}, description: {} }}",
                lit(&f.name),
                lit(f.ty.as_str()),
                opt_lit(f.description.as_ref().map(|d| d.as_str()))
            )
        })
        .collect();
    let _ = writeln!(out, "    fields: [{}],", fields.join(", "));
    let _ = writeln!(
        out,
        "    field: {},",
        opt_lit(e.field.as_ref().map(|f| f.as_str()))
    );
    let _ = writeln!(out, "    retryable: {},", e.retryable);
    let _ = writeln!(
        out,
        "    retryAfter: {},",
        e.retry_after.map_or("null".to_owned(), |s| s.to_string())
    );
    let _ = writeln!(
        out,
        "    docsUrl: {},",
        opt_lit(catalog.docs_url(e).as_deref())
    );
    match &e.deprecated {
        None => out.push_str("    deprecated: null,\n"),
        Some(d) => {
            let _ = writeln!(
                out,
                "    deprecated: {{ since: {}, replacedBy: {}, note: {} }},",
                opt_lit(d.since.as_deref()),
                opt_lit(d.replaced_by.as_deref()),
                opt_lit(d.note.as_deref())
            );
        }
    }
    let _ = writeln!(
        out,
        "    attributes: {},",
        attributes(&effective_attributes(catalog, e))
    );
    let _ = writeln!(out, "    body: {body},");
    out.push_str("  },\n");
}
