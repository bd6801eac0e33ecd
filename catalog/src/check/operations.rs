//! `[operations]`: lists of codes, operations, routes.

use super::*;

// `[operations]`: the checks of each list of codes and each operation, then the lint of
// the errors no operation returns.
pub(super) fn operations(
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
pub(super) fn operation_error_exists(
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
pub(super) fn operation_route(
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
pub(super) fn operation_route_unique(
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
pub(super) fn unreturned_error(cx: &mut Cx<'_>, e: &ErrorDef, ops: &Operations) {
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
