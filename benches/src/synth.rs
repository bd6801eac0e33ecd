//! Synthetic catalogs for the benchmarks: `catalog(n)` is a valid catalog with `n` errors
//! that uses every feature a real one does (fields of each type, titles, descriptions,
//! remediations, retry hints, request fields, deprecations, user attributes, examples,
//! a docs URL) in a fixed mix, so that the cost per error is the same at every size.
//!
//! Dependency-free on purpose: the build script includes this file with `#[path]`.

use std::fmt::Write as _;

/// The statuses the synthetic API declares; errors cycle through them.
pub const STATUSES: [u16; 9] = [400, 401, 403, 404, 409, 422, 429, 500, 503];

/// The error code of error `i` (unique; its Rust variant name is unique too).
pub fn code(i: usize) -> String {
    const NOUNS: [&str; 8] = [
        "invoice", "account", "payment", "webhook", "session", "project", "api_key", "report",
    ];
    const WHAT: [&str; 6] = [
        "not_found",
        "invalid",
        "conflict",
        "limit_exceeded",
        "expired",
        "unavailable",
    ];
    format!(
        "{}_{}_{i}",
        NOUNS[i % NOUNS.len()],
        WHAT[(i / NOUNS.len()) % WHAT.len()]
    )
}

/// The text of a catalog with `n` errors.
pub fn catalog(n: usize) -> String {
    catalog_of(n, false)
}

/// [`catalog`] where a third of the errors carry a cause (every sixth with no field and
/// every sixth with one, `cause = true`), and the first one converts three library error
/// types (`from`): the compile-time figure with causes (docs/performance.md, section 2).
pub fn catalog_with_causes(n: usize) -> String {
    catalog_of(n, true)
}

/// Whether error `i` of a catalog with causes carries one.
pub fn has_cause(i: usize) -> bool {
    i % 6 < 2
}

/// The `from` types of error 0 of a catalog with causes.
pub const FROM: [&str; 3] = [
    "std::io::Error",
    "std::fmt::Error",
    "std::num::ParseIntError",
];

fn catalog_of(n: usize, causes: bool) -> String {
    let mut s = String::with_capacity(n * 420 + 2048);
    s.push_str(
        r#"# Synthetic catalog generated for errcat's benchmarks (errcat-benches, synth.rs).
[catalog]
name = "Synthetic API"
version = "1.0.0"
extends = "http"
description = "A synthetic catalog used to measure errcat."
docs_url = "https://docs.example.com/errors#{code}"

[rust]
error_enum = "SynthError"
status_enum = "SynthStatus"

[attributes.severity]
type = "string"
values = ["low", "medium", "high"]
description = "How bad it is."
applies_to = ["errors"]

[attributes.billable]
type = "boolean"
description = "Whether the failed request still counts against the quota."

"#,
    );
    for code in STATUSES {
        let _ = writeln!(s, "[statuses.{code}]");
        if code == 422 {
            s.push_str(
                "description = \"The request is well-formed but its content is invalid.\"\n",
            );
        }
        if code == 429 {
            s.push_str("attributes.billable = false\n");
        }
        s.push('\n');
    }
    for i in 0..n {
        error(&mut s, i, causes);
    }
    s
}

fn error(s: &mut String, i: usize, causes: bool) {
    let code = code(i);
    let status = STATUSES[i % STATUSES.len()];
    let _ = writeln!(s, "[errors.{code}]");
    let _ = writeln!(s, "status = {status}");
    // Messages: a third static, a third with one string field, a third with three fields
    // of different types.
    match i % 3 {
        0 => {
            let _ = writeln!(
                s,
                "message = \"The {} request failed (case {i})\"",
                code.replace('_', " ")
            );
        }
        1 => {
            let _ = writeln!(
                s,
                "message = \"Resource '{{id}}' is not usable for {}\"",
                code.replace('_', " ")
            );
            s.push_str("fields.id = { type = \"string\", description = \"The resource id.\", example = \"res_8f3a\" }\n");
        }
        _ => {
            let _ = writeln!(
                s,
                "message = \"Limit of {{limit}} reached after {{used}} calls ({{ratio}} used, strict: {{strict}})\""
            );
            s.push_str("fields.limit = { type = \"unsigned\", description = \"The limit.\", example = 100 }\n");
            s.push_str("fields.used = { type = \"integer\", description = \"Calls made.\" }\n");
            s.push_str("fields.ratio = { type = \"float\", description = \"Share used.\", example = 1.5 }\n");
            s.push_str("fields.strict = { type = \"boolean\", description = \"Strict mode.\" }\n");
        }
    }
    if i.is_multiple_of(2) {
        let _ = writeln!(s, "title = \"Synthetic error {i}\"");
    }
    let _ = writeln!(
        s,
        "description = \"\"\"\nThe request could not be completed: **{code}**.\n\nThis happens when the `{code}` condition holds for the resource.\"\"\""
    );
    if i % 2 == 1 {
        s.push_str("remediation = \"Check the request and try again.\"\n");
    }
    if status == 400 || status == 422 {
        s.push_str("field = \"body.items\"\n");
    }
    if status == 429 || status == 503 {
        if i.is_multiple_of(4) {
            s.push_str("retry_after = 30\n");
        } else {
            s.push_str("retryable = true\n");
        }
    }
    if i.is_multiple_of(4) {
        let sev = ["low", "medium", "high"][i % 3];
        let _ = writeln!(s, "attributes.severity = \"{sev}\"");
    }
    if i % 50 == 49 {
        let _ = writeln!(
            s,
            "deprecated = {{ since = \"0.9.0\", replaced_by = \"{}\", note = \"Merged.\" }}",
            self::code(i - 1)
        );
    }
    if causes && i == 0 {
        let _ = writeln!(s, "from = {FROM:?}");
    } else if causes && has_cause(i) {
        s.push_str("cause = true\n");
    }
    if i % 3 == 1 && i % 5 == 1 {
        s.push_str("\n[[errors.");
        s.push_str(&code);
        s.push_str(
            ".examples]]\nsummary = \"An archived resource\"\nvalues.id = \"res_archived\"\n",
        );
    }
    s.push('\n');
}
