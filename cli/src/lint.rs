//! `errcat lint`: every diagnostic of a catalog, for people or machines.

use crate::args::{Deny, Format, LintArgs};
use crate::output::{self, BOLD, Exit, Fail, Result, Term};
use errcat_catalog::rules::{self, Level};
use errcat_catalog::{Diagnostic, Loaded};
use serde_json::{Value, json};
use std::path::Path;

pub(crate) fn lint(term: &Term, args: &LintArgs) -> Result<Exit> {
    if let Some(rule) = &args.explain {
        return explain_rule(term, rule);
    }
    let Some(path) = &args.catalog else {
        return Err(Fail("a catalog is required".to_owned()));
    };
    let loaded = errcat_catalog::load(path);
    let deny_warnings = args.deny.contains(&Deny::Warnings);
    let (errors, warnings) = loaded.diagnostics.counts();
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    match args.format {
        Format::Json => term.out(&format!("{:#}\n", to_json(&loaded, path))),
        Format::Human => {
            for d in loaded.diagnostics.iter() {
                if d.is_error() || deny_warnings || !term.quiet {
                    term.err(&d.render(&loaded.sources, term.color_err));
                    term.err("\n\n");
                }
            }
            if errors + warnings == 0 {
                term.info(&format!("{}: no problems found", path.display()));
            } else {
                term.info(&format!(
                    "{}: {}, {}",
                    path.display(),
                    plural(errors, "error"),
                    plural(warnings, "warning")
                ));
            }
            if deny_warnings && errors == 0 && warnings > 0 {
                term.error("warnings are denied (--deny warnings)");
            }
        }
    }
    Ok(if output::unreadable(&loaded) {
        Exit::Usage
    } else if failed {
        Exit::Findings
    } else {
        Exit::Ok
    })
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The diagnostics as a JSON array, one object per diagnostic.
fn to_json(loaded: &Loaded, root: &Path) -> Value {
    Value::Array(
        loaded
            .diagnostics
            .iter()
            .map(|d| diagnostic_json(d, loaded, root))
            .collect(),
    )
}

fn diagnostic_json(d: &Diagnostic, loaded: &Loaded, root: &Path) -> Value {
    let location = d.location(&loaded.sources);
    let end = d.primary.as_ref().map(|p| {
        let file = loaded.sources.get(p.span.file);
        file.line_col(p.span.end as usize)
    });
    json!({
        "path": location.as_ref().map_or_else(|| root.display().to_string(), |l| l.0.clone()),
        "line": location.as_ref().map(|l| l.1),
        "column": location.as_ref().map(|l| l.2),
        "end_line": end.map(|e| e.0),
        "end_column": end.map(|e| e.1),
        "severity": d.severity.as_str(),
        "rule": d.rule,
        "message": d.message,
        "label": d.primary.as_ref().map(|p| p.message.as_str()).filter(|m| !m.is_empty()),
        "help": d.help,
        "notes": d.notes,
    })
}

/// `errcat lint --explain [RULE]`.
fn explain_rule(term: &Term, name: &str) -> Result<Exit> {
    let level = |l: Level| match l {
        Level::Allow => "allow",
        Level::Warn => "warn",
        Level::Deny => "deny",
    };
    if name.is_empty() {
        let width = rules::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
        let mut text = String::new();
        for r in rules::RULES {
            text.push_str(&format!(
                "{:width$}  {:5}  {}\n",
                r.name,
                level(r.default),
                r.summary
            ));
        }
        term.out(&text);
        return Ok(Exit::Ok);
    }
    let Some(rule) = rules::rule(name) else {
        let names: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
        let mut message = format!("no rule is named `{name}`");
        if let Some(best) = crate::explain::closest(name, &names).first() {
            message.push_str(&format!("; did you mean `{best}`?"));
        }
        term.error(&message);
        return Ok(Exit::Findings);
    };
    let configurable = if rule.default == Level::Warn {
        format!(
            "Configure it in the catalog's [lints] table: {} = \"allow\" | \"warn\" | \"deny\".",
            rule.name
        )
    } else {
        "It is an error and cannot be turned off.".to_owned()
    };
    term.out(&format!(
        "{}\n\n{}.\n\nDefault level: {}. {configurable}\n",
        term.paint_out(BOLD, rule.name),
        capitalize(rule.summary),
        level(rule.default)
    ));
    Ok(Exit::Ok)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
