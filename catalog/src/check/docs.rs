//! `[docs]`, `[openapi]` and docs URLs.

use super::*;

// A docs URL pattern uses only `{code}` and `{status}`, and should use `{code}` (a lint).
pub(super) fn docs_url_placeholders(cx: &mut Cx<'_>, url: &Sp<String>) {
    let pieces = match template::parse(url) {
        Ok(p) => p,
        Err(err) => {
            cx.push(
                Diagnostic::new("template-syntax", err.message)
                    .at(inner_span(cx.sources, url.span, url, err.range), "here")
                    .help("placeholders are `{code}` and `{status}`; write `{{` and `}}` for literal braces"),
            );
            return;
        }
    };
    let mut has_code = false;
    for p in pieces {
        if let RawPiece::Name(name, range) = p {
            match name.as_str() {
                "code" => has_code = true,
                "status" => {}
                _ => {
                    let mut d = Diagnostic::new(
                        "unknown-placeholder",
                        format!("unknown placeholder `{{{name}}}` in the docs URL"),
                    )
                    .at(
                        inner_span(cx.sources, url.span, url, range),
                        "unknown placeholder",
                    );
                    d = match did_you_mean(&name, &["code", "status"]) {
                        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
                        None => d.help("docs URLs may use `{code}` and `{status}`"),
                    };
                    cx.push(d);
                }
            }
        }
    }
    if !has_code {
        cx.push(
            Diagnostic::new(
                "docs-url-without-code",
                "the docs URL pattern has no `{code}`",
            )
            .at(url.span, "every error links here")
            .help("add `{code}`, such as \"https://docs.example.com/errors#{code}\""),
        );
    }
}

// `[openapi]` texts are not empty.
pub(super) fn openapi_info(cx: &mut Cx<'_>, root: &Parsed) -> OpenApiInfo {
    let Some(o) = &root.raw.openapi else {
        return OpenApiInfo::default();
    };
    let file = root.file;
    let o = o.get();
    let mut text = |t: &S<String>, what: &str| {
        empty_text(cx, file, t, what);
        t.get().clone()
    };
    let servers = o
        .servers
        .iter()
        .map(|s| {
            let s = s.get();
            Server {
                url: text(&s.url, "server URL"),
                description: s
                    .description
                    .as_ref()
                    .map(|d| text(d, "server description")),
            }
        })
        .collect();
    let license = o.license.as_ref().map(|l| {
        let l = l.get();
        License {
            name: text(&l.name, "license name"),
            url: l.url.as_ref().map(|u| text(u, "license URL")),
        }
    });
    let contact = o.contact.as_ref().map(|c| {
        let c = c.get();
        Contact {
            name: c.name.as_ref().map(|n| text(n, "contact name")),
            url: c.url.as_ref().map(|u| text(u, "contact URL")),
            email: c.email.as_ref().map(|e| text(e, "contact email")),
        }
    });
    OpenApiInfo {
        servers,
        license,
        contact,
    }
}

// Docs class sections and class titles are keyed 1xx to 5xx.
pub(super) fn docs_classes(
    cx: &mut Cx<'_>,
    file: FileId,
    table: &OrderedMap<S<String>, S<String>>,
    what: &str,
) -> Vec<(StatusClass, String)> {
    let mut classes = Vec::new();
    for (key, text) in &table.0 {
        match StatusClass::from_key(key.get()) {
            Some(c) => classes.push((c, text.get().clone())),
            None => cx.push(
                Diagnostic::new("invalid-status-class", format!("`{}` is not a status class", key.get()))
                    .at(span(file, key), "expected 1xx, 2xx, 3xx, 4xx or 5xx")
                    .help(format!("`[docs.{what}]` is keyed by the status classes of RFC 9110: keys `1xx` to `5xx`")),
            ),
        }
    }
    classes.sort_by_key(|(c, _)| *c);
    classes
}

// A `[docs]` option is one of its listed values.
pub(super) fn docs_option<T: Copy>(
    cx: &mut Cx<'_>,
    file: FileId,
    key: &str,
    value: Option<&S<String>>,
    choices: &[(&str, T)],
    default: T,
) -> T {
    let Some(value) = value else {
        return default;
    };
    if let Some((_, v)) = choices
        .iter()
        .find(|(name, _)| *name == value.get().as_str())
    {
        return *v;
    }
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    let listed = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(" or ");
    let d = Diagnostic::new(
        "invalid-docs-option",
        format!("`{}` is not a `[docs] {key}` value", value.get()),
    )
    .at(span(file, value), format!("expected {listed}"));
    cx.push(match did_you_mean(value.get(), &names) {
        Some(best) => d.help(format!("did you mean \"{best}\"?")),
        None => d.help(format!("`{key}` is {listed}")),
    });
    default
}

/// A wording key: the catalog's words, else the default (left in `word`).
pub(super) fn word(
    cx: &mut Cx<'_>,
    file: FileId,
    value: &Option<S<String>>,
    word: &mut String,
    what: &str,
) {
    if let Some(v) = value {
        empty_text(cx, file, v, what);
        *word = v.get().clone();
    }
}

// `[docs] example` names an error of the catalog; attribute titles name declared attributes.
pub(super) fn docs(
    cx: &mut Cx<'_>,
    root: &Parsed,
    errors: &[ErrorDef],
    attrs: &[AttributeDef],
) -> Docs {
    let Some(d) = &root.raw.docs else {
        return Docs::default();
    };
    let file = root.file;
    let d = d.get();
    let classes = docs_classes(cx, file, &d.classes, "classes");
    let class_titles = docs_classes(cx, file, &d.class_titles, "class_titles");
    for (_, title) in &d.class_titles.0 {
        empty_text(cx, file, title, "class title");
    }
    let layout = docs_option(
        cx,
        file,
        "layout",
        d.layout.as_ref(),
        &[
            ("table", DocsLayout::Table),
            ("details", DocsLayout::Details),
        ],
        DocsLayout::Table,
    );
    let error_order = docs_option(
        cx,
        file,
        "error_order",
        d.error_order.as_ref(),
        &[
            ("status", ErrorOrder::Status),
            ("catalog", ErrorOrder::Catalog),
        ],
        ErrorOrder::Status,
    );
    let example = d.example.as_ref().and_then(|code| {
        if let Some(e) = errors
            .iter()
            .find(|e| e.code.as_str() == code.get().as_str())
        {
            if e.body.is_some() {
                cx.push(
                    Diagnostic::new(
                        "unknown-docs-example",
                        format!("`{}` has a body of its own, not the catalog's", code.get()),
                    )
                    .at(span(file, code), "cannot illustrate `[body]`")
                    .also(e.code.span, "this error has a `body` of its own")
                    .help("name an error that uses the catalog's `[body]`"),
                );
                return None;
            }
            return Some(code.get().clone());
        }
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        let diag = Diagnostic::new(
            "unknown-docs-example",
            format!("`{}` is not an error of the catalog", code.get()),
        )
        .at(span(file, code), "no error has this code");
        cx.push(match did_you_mean(code.get(), &codes) {
            Some(best) => diag.help(format!("did you mean `{best}`?")),
            None => diag.help("`example` names the error whose example illustrates the error body"),
        });
        None
    });
    let mut attribute_titles = Vec::new();
    for (name, title) in &d.attribute_titles.0 {
        if attribute_declared(cx, span(file, name), name.get(), attrs).is_some() {
            empty_text(cx, file, title, "attribute title");
            attribute_titles.push((name.get().clone(), title.get().clone()));
        }
    }
    let mut headings = DocsHeadings::default();
    if let Some(h) = &d.headings {
        let h = h.get();
        word(cx, file, &h.contents, &mut headings.contents, "heading");
        word(cx, file, &h.statuses, &mut headings.statuses, "heading");
        word(cx, file, &h.body, &mut headings.body, "heading");
        word(cx, file, &h.success, &mut headings.success, "heading");
        word(cx, file, &h.errors, &mut headings.errors, "heading");
        word(cx, file, &h.retired, &mut headings.retired, "heading");
        word(
            cx,
            file,
            &h.recommendations,
            &mut headings.recommendations,
            "heading",
        );
    }
    let mut columns = DocsColumns::default();
    if let Some(c) = &d.columns {
        let c = c.get();
        word(cx, file, &c.code, &mut columns.code, "column header");
        word(cx, file, &c.reason, &mut columns.reason, "column header");
        word(
            cx,
            file,
            &c.description,
            &mut columns.description,
            "column header",
        );
        word(cx, file, &c.errors, &mut columns.errors, "column header");
        word(cx, file, &c.member, &mut columns.member, "column header");
        word(cx, file, &c.ty, &mut columns.ty, "column header");
        word(
            cx,
            file,
            &c.always_present,
            &mut columns.always_present,
            "column header",
        );
        word(
            cx,
            file,
            &c.placeholder,
            &mut columns.placeholder,
            "column header",
        );
        word(cx, file, &c.example, &mut columns.example, "column header");
    }
    let mut labels = DocsLabels::default();
    if let Some(l) = &d.labels {
        let l = l.get();
        word(cx, file, &l.code, &mut labels.code, "label");
        word(cx, file, &l.status, &mut labels.status, "label");
        word(cx, file, &l.message, &mut labels.message, "label");
        word(cx, file, &l.field, &mut labels.field, "label");
        word(cx, file, &l.retryable, &mut labels.retryable, "label");
        word(cx, file, &l.headers, &mut labels.headers, "label");
        word(cx, file, &l.remediation, &mut labels.remediation, "label");
        word(cx, file, &l.example, &mut labels.example, "label");
        word(cx, file, &l.errors, &mut labels.errors, "label");
    }
    Docs {
        title: d.title.as_ref().map(|t| t.get().clone()),
        intro: d.intro.as_ref().map(|t| sp(file, t)),
        group_by_class: d.group_by_class.as_ref().is_some_and(|g| *g.get()),
        classes,
        recommendations: d.recommendations.iter().map(|r| r.get().clone()).collect(),
        snippets: d
            .snippets
            .iter()
            .map(|s| {
                let s = s.get();
                Snippet {
                    title: s.title.get().clone(),
                    language: s.language.as_ref().map(|l| l.get().clone()),
                    code: s.code.get().clone(),
                    description: s.description.as_ref().map(|l| l.get().clone()),
                }
            })
            .collect(),
        sections: d
            .sections
            .iter()
            .map(|s| Section {
                title: s.get().title.get().clone(),
                body: s.get().body.get().clone(),
            })
            .collect(),
        layout,
        example,
        error_order,
        contents: d.contents.as_ref().is_none_or(|c| *c.get()),
        headings,
        columns,
        labels,
        class_titles,
        attribute_titles,
    }
}

// A docs URL whose fragment is `{code}` points at the heading id the reference page gives
// an error's section: GitHub, pandoc and mdBook lower-case ids and drop `.`, so a code
// with either cannot be reached (a lint).
pub(super) fn fragment_anchors(cx: &mut Cx<'_>, url: &Sp<String>, errors: &[ErrorDef]) {
    let Some((_, fragment)) = url.split_once('#') else {
        return;
    };
    if !fragment.contains("{code}") {
        return;
    }
    for e in errors {
        let code = e.code.as_str();
        if code.chars().any(|c| c.is_ascii_uppercase() || c == '.') {
            let id: String = code
                .chars()
                .filter(|c| *c != '.')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            cx.push(
                Diagnostic::new(
                    "docs-url-fragment-mismatch",
                    format!("the docs URL of `{code}` ends in `#{code}`, which no heading id matches"),
                )
                .at(e.code.span, format!("its section's id is `{id}`"))
                .also(url.span, "the fragment is the code")
                .help("use a docs URL with `{code}` in its path (a page per error, `--site`), or a code in lower case without `.`"),
            );
        }
    }
}

// `catalog.retired_replaced_by` maps retired codes to errors of the catalog.
pub(super) fn retired_replacements(
    cx: &mut Cx<'_>,
    files: &[&Parsed],
    retired: &[Sp<String>],
    errors: &[ErrorDef],
) -> Vec<(String, String)> {
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    let retired_codes: Vec<&str> = retired.iter().map(|r| r.as_str()).collect();
    let mut out = Vec::new();
    for f in files {
        let Some(meta) = &f.raw.catalog else {
            continue;
        };
        for (old, new) in &meta.retired_replaced_by.0 {
            if !retired_codes.contains(&old.get().as_str()) {
                let d = Diagnostic::new(
                    "unknown-retired-code",
                    format!("`{}` is not a retired code", old.get()),
                )
                .at(span(f.file, old), "not listed in `retired`");
                cx.push(match did_you_mean(old.get(), &retired_codes) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => d.help(format!(
                        "add `{}` to `catalog.retired`, or remove this entry",
                        old.get()
                    )),
                });
                continue;
            }
            if !codes.contains(&new.get().as_str()) {
                let d = Diagnostic::new(
                    "unknown-replacement",
                    format!(
                        "retired `{}` is replaced by `{}`, which is not an error of the catalog",
                        old.get(),
                        new.get()
                    ),
                )
                .at(span(f.file, new), "no error has this code");
                cx.push(match did_you_mean(new.get(), &codes) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => {
                        d.help("`retired_replaced_by` names the code of an error of this catalog")
                    }
                });
                continue;
            }
            out.push((old.get().clone(), new.get().clone()));
        }
    }
    out
}
