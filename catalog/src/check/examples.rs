//! Examples and deprecation replacements.

use super::*;

// Examples set declared fields only, with values of the field's type.
pub(super) fn examples(
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
pub(super) fn example_omits_runtime_value(
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
pub(super) fn replacements_exist(cx: &mut Cx<'_>, entries: &ErrorEntries, errors: &[ErrorDef]) {
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
