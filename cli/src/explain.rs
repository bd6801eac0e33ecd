//! `errcat explain`: one error (or one status) of a catalog, for a terminal, like
//! `rustc --explain`.

use crate::args::ExplainArgs;
use crate::output::{self, BOLD, CYAN, Exit, Result, Term, YELLOW};
use errcat_catalog::diag::terminal_text as t;
use errcat_catalog::{Catalog, ErrorDef, Status};
use std::fmt::Write as _;

pub(crate) fn explain(term: &Term, args: &ExplainArgs) -> Result<Exit> {
    let catalog = match output::load(term, &args.catalog) {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let wanted = args.code.trim();
    if let Ok(code) = wanted.parse::<u16>() {
        return Ok(explain_status(term, &catalog, code));
    }
    let matches = find(&catalog, wanted);
    match matches.as_slice() {
        [error] => {
            term.out(&render_error(term, &catalog, error));
            Ok(Exit::Ok)
        }
        [] => {
            unknown(term, &catalog, wanted);
            Ok(Exit::Findings)
        }
        several => {
            let codes: Vec<String> = several.iter().map(|e| format!("`{}`", *e.code)).collect();
            term.error(&format!(
                "`{wanted}` matches several errors: {}; give the exact code",
                codes.join(", ")
            ));
            Ok(Exit::Findings)
        }
    }
}

/// `InVaLiD-Api_key` -> `invalid_api_key`.
fn fold(s: &str) -> String {
    s.to_lowercase().replace('-', "_")
}

/// `InvalidApiKey` / `invalid.api-key` -> `invalidapikey`.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The errors `wanted` names: the exact code, else any case with `-`/`_` alike, else the
/// code or Rust variant name without separators.
fn find<'c>(catalog: &'c Catalog, wanted: &str) -> Vec<&'c ErrorDef> {
    if let Some(e) = catalog.error(wanted) {
        return vec![e];
    }
    let folded: Vec<&ErrorDef> = catalog
        .errors
        .iter()
        .filter(|e| fold(&e.code) == fold(wanted))
        .collect();
    if !folded.is_empty() {
        return folded;
    }
    catalog
        .errors
        .iter()
        .filter(|e| squash(&e.code) == squash(wanted) || squash(&e.variant) == squash(wanted))
        .collect()
}

/// Up to three candidates close to `name` (Jaro-Winkler on the folded forms), best first.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let name = fold(name);
    let mut scored: Vec<(f64, &str)> = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&name, &fold(c)), *c))
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

fn unknown(term: &Term, catalog: &Catalog, wanted: &str) {
    if let Some(r) = catalog.retired.iter().find(|r| fold(r) == fold(wanted)) {
        term.error(&format!(
            "`{}` was retired from {}: it is no longer returned and may never be reused",
            r.as_str(),
            *catalog.name
        ));
        return;
    }
    term.error(&format!("no error `{wanted}` in {}", *catalog.name));
    let codes: Vec<&str> = catalog.errors.iter().map(|e| e.code.as_str()).collect();
    let close = closest(wanted, &codes);
    let (label, text) = if !close.is_empty() {
        let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        ("help", format!("did you mean {}?", list.join(" or ")))
    } else if codes.is_empty() {
        ("note", "the catalog declares no errors".to_owned())
    } else {
        let list: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        (
            "note",
            format!("the catalog's errors are {}", list.join(", ")),
        )
    };
    term.err(&format!("{}: {}\n", term.paint_err(CYAN, label), t(&text)));
}

fn heading(term: &Term, text: &str) -> String {
    term.paint_out(BOLD, text)
}

fn status_line(status: &Status) -> String {
    format!("{} {}", status.code, t(status.reason.as_str()))
}

/// Indents every line of a markdown block by two spaces.
fn block(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("  {l}\n")
            }
        })
        .collect()
}

fn render_error(term: &Term, catalog: &Catalog, e: &ErrorDef) -> String {
    let mut out = String::new();
    let status = catalog.status_of(e);
    let _ = writeln!(
        out,
        "{}: {}",
        heading(term, e.code.as_str()),
        t(e.display_title())
    );
    out.push('\n');
    let _ = writeln!(out, "  Status:     {}", status_line(status));
    let _ = writeln!(out, "  Message:    {}", t(e.message.text.as_str()));
    if let Some(field) = &e.field {
        let _ = writeln!(out, "  Field:      {}", t(field.as_str()));
    }
    let retry = match (e.retryable, e.retry_after) {
        (true, Some(s)) => format!("yes, after {s} s"),
        (true, None) => "yes".to_owned(),
        (false, _) => "no".to_owned(),
    };
    let _ = writeln!(out, "  Retryable:  {retry}");
    let _ = writeln!(
        out,
        "  Rust:       {}::{}",
        catalog.rust.error_enum, e.variant
    );
    for (name, value) in &e.attributes {
        let _ = writeln!(
            out,
            "  {:11} {}",
            t(&format!("{name}:")),
            t(&value.to_string())
        );
    }
    if let Some(d) = &e.deprecated {
        let mut text = String::from("deprecated");
        if let Some(since) = &d.since {
            let _ = write!(text, " since {since}");
        }
        if let Some(r) = &d.replaced_by {
            let _ = write!(text, "; use `{r}` instead");
        }
        if let Some(note) = &d.note {
            let _ = write!(text, ". {note}");
        }
        out.push('\n');
        let _ = writeln!(out, "  {}", term.paint_out(YELLOW, &text));
    }
    if !e.fields.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", heading(term, "Fields"));
        for f in &e.fields {
            let desc = f.description.as_ref().map_or("", |d| d.as_str());
            let _ = writeln!(
                out,
                "  {} ({}) {}",
                t(f.name.as_str()),
                t(f.ty.as_str()),
                t(desc)
            );
        }
    }
    if let Some(d) = &e.description {
        out.push('\n');
        let _ = writeln!(out, "{}", heading(term, "Description"));
        out.push_str(&block(&t(d)));
    }
    if let Some(r) = &e.remediation {
        out.push('\n');
        let _ = writeln!(out, "{}", heading(term, "Remediation"));
        out.push_str(&block(&t(r)));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        heading(
            term,
            &format!("Example body ({})", catalog.body.content_type)
        )
    );
    let body = errcat_codegen::body::example_body(catalog, e);
    let pretty = serde_json::to_string_pretty(&body).unwrap_or_default();
    // JSON escapes C0 controls itself, but not DEL, C1 controls or bidi overrides.
    out.push_str(&block(&t(&pretty)));
    if let Some(url) = catalog.docs_url(e) {
        out.push('\n');
        let _ = writeln!(out, "{} {}", heading(term, "Docs:"), t(&url));
    }
    out
}

fn explain_status(term: &Term, catalog: &Catalog, code: u16) -> Exit {
    let Some(status) = catalog.status(code) else {
        term.error(&format!("{} does not return status {code}", *catalog.name));
        let codes: Vec<String> = catalog
            .statuses
            .iter()
            .map(|s| s.code.to_string())
            .collect();
        term.err(&format!(
            "{}: the statuses it returns are {}\n",
            term.paint_err(CYAN, "note"),
            codes.join(", ")
        ));
        return Exit::Findings;
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(term, &status_line(status)));
    if let Some(reference) = &status.reference {
        let _ = writeln!(out, "  {}", t(reference));
    }
    if let Some(d) = &status.description {
        out.push('\n');
        out.push_str(&block(&t(d)));
    }
    out.push('\n');
    let errors: Vec<&ErrorDef> = catalog.errors_with_status(code).collect();
    if errors.is_empty() {
        let _ = writeln!(out, "No error of the catalog is returned with {code}.");
    } else {
        let _ = writeln!(out, "{}", heading(term, "Errors returned with it"));
        let width = errors.iter().map(|e| e.code.len()).max().unwrap_or(0);
        for e in errors {
            let _ = writeln!(
                out,
                "  {:width$}  {}",
                t(e.code.as_str()),
                t(e.message.text.as_str())
            );
        }
        out.push('\n');
        let _ = writeln!(out, "`errcat explain CATALOG CODE` explains one of them.");
    }
    term.out(&out);
    Exit::Ok
}
