//! Body templates: `[body]`, `[success]`, `[context]` and the placeholders they use.

use super::*;

/// The placeholders a template may use.
pub(super) struct VarSet<'f> {
    /// Attributes, with whether each may be absent.
    pub(super) attrs: Vec<(String, bool)>,
    /// Declared run-time context values.
    pub(super) context: Vec<String>,
    /// The error's own fields (its own `body` and `item` templates only).
    pub(super) fields: &'f [FieldDef],
    /// Names refused earlier (attribute, context or field declarations that were
    /// reported): a placeholder naming one is not reported again.
    pub(super) refused: Vec<String>,
    /// `{content}` (the success envelope).
    pub(super) content: bool,
    /// The error's built-ins (`{code}`, `{message}`, `{field}`...).
    pub(super) builtins: bool,
    /// The grouped response's own values (`{items}`, and `{status}`, `{reason}`,
    /// `{title}`, `{type}`, `{docs_url}`, `{code}` for the group).
    pub(super) group: bool,
    /// Whether the template is an error's own (`body`, `item`), not shared.
    pub(super) own: bool,
}

/// What the checks know about run-time context values and refused declarations, shared by
/// every template.
#[derive(Default)]
pub(super) struct Known {
    pub(super) context: Vec<String>,
    pub(super) refused: Vec<String>,
}

pub(super) fn body_vars<'f>(
    attrs: &[AttributeDef],
    known: &Known,
    fields: &'f [FieldDef],
) -> VarSet<'f> {
    VarSet {
        attrs: attrs
            .iter()
            .map(|a| (a.name.value.clone(), !(a.required && a.on_errors)))
            .collect(),
        context: known.context.clone(),
        fields,
        refused: known.refused.clone(),
        content: false,
        builtins: true,
        group: false,
        own: !fields.is_empty(),
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum TemplateKind {
    Body,
    Success,
    Group,
}

pub(super) fn resolve_var(name: &str, vars: &VarSet<'_>) -> Option<(Var, bool)> {
    if vars.builtins {
        if let Some((a, optional)) = vars.attrs.iter().find(|(a, _)| a == name) {
            return Some((Var::Attribute(a.clone()), *optional));
        }
        if let Some(i) = vars.fields.iter().position(|f| f.name.as_str() == name) {
            return Some((Var::ErrorField(i), false));
        }
    }
    if let Some(c) = vars.context.iter().find(|c| *c == name) {
        return Some((Var::Context(c.clone()), true));
    }
    let var = Var::builtin(name)?;
    let allowed = match var {
        Var::Content => vars.content,
        Var::TraceId | Var::Instance => true,
        Var::Items => vars.group,
        Var::Status | Var::Reason | Var::Title | Var::Type | Var::DocsUrl | Var::Code => {
            vars.builtins || vars.group
        }
        _ => vars.builtins,
    };
    let optional = matches!(
        var,
        Var::Field | Var::DocsUrl | Var::RetryAfter | Var::TraceId | Var::Instance | Var::Fields
    );
    allowed.then_some((var, optional))
}

/// The placeholder names a template may use, for did-you-mean and help.
pub(super) fn known_names<'v>(vars: &'v VarSet<'_>) -> Vec<&'v str> {
    let mut known: Vec<&str> = Var::BUILTIN
        .iter()
        .copied()
        .filter(|b| Var::builtin(b).is_some_and(|v| resolve_var(v.name(), vars).is_some()))
        .collect();
    if vars.builtins {
        known.extend(vars.attrs.iter().map(|(a, _)| a.as_str()));
        known.extend(vars.fields.iter().map(|f| f.name.as_str()));
    }
    known.extend(vars.context.iter().map(String::as_str));
    known
}

/// How deeply a body or success template may nest arrays and tables. Every stage after
/// this one (rendering, the emitters, syn and prettyplease on the generated Rust) recurses
/// once per level; at the toml crate's own limit (80), generating the Rust overflowed a
/// 2 MiB test-thread stack in a debug build (docs/robustness.md). Real bodies nest a few
/// levels.
pub(crate) const MAX_TEMPLATE_DEPTH: usize = 32;

/// Levels of arrays and tables in a template (`"x"` is 0, `["x"]` 1).
pub(super) fn template_depth(t: &raw::Template) -> usize {
    match t {
        raw::Template::Array(items) => {
            1 + items
                .iter()
                .map(|i| template_depth(i.get()))
                .max()
                .unwrap_or(0)
        }
        raw::Template::Table(members) => {
            1 + members
                .0
                .iter()
                .map(|(_, v)| template_depth(v.get()))
                .max()
                .unwrap_or(0)
        }
        _ => 0,
    }
}

/// A whole template: its depth is checked before it is walked.
pub(super) fn template(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) -> Option<Template> {
    let depth = template_depth(t.get());
    if depth > MAX_TEMPLATE_DEPTH {
        cx.push(
            Diagnostic::new(
                "invalid-type",
                format!(
                    "this template nests arrays and tables {depth} levels deep, more than the {MAX_TEMPLATE_DEPTH} allowed"
                ),
            )
            .at(span(file, t), "nested too deeply")
            .help("flatten the body: response bodies rarely need more than a few levels"),
        );
        return None;
    }
    template_value(cx, file, t, vars, kind)
}

// Template placeholders are known, and optional ones stand alone as a member's whole value.
pub(super) fn template_value(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) -> Option<Template> {
    let at = span(file, t);
    Some(match t.get() {
        raw::Template::Int(i) => Template::Int(*i),
        raw::Template::Float(x) if x.is_finite() => Template::Float(*x),
        raw::Template::Float(x) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("{x} has no JSON representation"))
                    .at(at, "not a finite number")
                    .help("JSON numbers are finite: use a string such as \"inf\" instead"),
            );
            return None;
        }
        raw::Template::Bool(b) => Template::Bool(*b),
        raw::Template::Array(items) => {
            let mut out = Vec::new();
            let mut ok = true;
            for item in items {
                match template_value(cx, file, item, vars, kind) {
                    Some(v) => out.push(v),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Template::Array(out)
        }
        raw::Template::Table(members) => {
            let mut out = Vec::new();
            let mut ok = true;
            for (k, v) in &members.0 {
                match template_value(cx, file, v, vars, kind) {
                    Some(v) => out.push((k.get().clone(), v)),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Template::Object(out)
        }
        raw::Template::Str(s) => {
            let pieces = match template::parse(s) {
                Ok(p) => p,
                Err(err) => {
                    cx.push(
                        Diagnostic::new("template-syntax", err.message)
                            .at(inner_span(cx.sources, at, s, err.range), "here")
                            .help(
                                "placeholders are `{name}`; write `{{` and `}}` for literal braces",
                            ),
                    );
                    return None;
                }
            };
            let whole = pieces.len() == 1 && matches!(pieces[0], RawPiece::Name(..));
            let mut out = Vec::new();
            let mut ok = true;
            for p in pieces {
                match p {
                    RawPiece::Lit(l) => out.push(TextPiece::Lit(l)),
                    RawPiece::Name(name, range) => {
                        let pspan = inner_span(cx.sources, at, s, range);
                        match resolve_var(&name, vars) {
                            Some((var, optional)) => {
                                if optional && !whole {
                                    ok = false;
                                    cx.push(
                                        Diagnostic::new("optional-placeholder-in-text", format!("`{{{name}}}` may be absent, so it cannot be part of a longer string"))
                                            .at(pspan, "optional value inside text")
                                            .help(format!("make it the member's whole value, `\"{{{name}}}\"`: the member is left out when the value is absent")),
                                    );
                                }
                                out.push(TextPiece::Var(var));
                            }
                            None => {
                                ok = false;
                                if vars.refused.contains(&name) {
                                    // Its declaration was refused, and reported.
                                    continue;
                                }
                                unknown_placeholder(cx, pspan, &name, vars, kind);
                            }
                        }
                    }
                }
            }
            if !ok {
                return None;
            }
            if whole {
                match out.pop() {
                    Some(TextPiece::Var(v)) => Template::Var(v),
                    _ => return None,
                }
            } else {
                Template::Text(out)
            }
        }
    })
}

// Every placeholder of a body, item, group or success template is one it may use.
pub(super) fn unknown_placeholder(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    vars: &VarSet<'_>,
    kind: TemplateKind,
) {
    let known = known_names(vars);
    let d = Diagnostic::new(
        "unknown-placeholder",
        format!("unknown placeholder `{{{name}}}`"),
    )
    .at(at, "unknown placeholder");
    let what = match kind {
        TemplateKind::Body => "body and item",
        TemplateKind::Success => "success",
        TemplateKind::Group => "group",
    };
    let list = known
        .iter()
        .map(|k| format!("`{{{k}}}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let d = match did_you_mean(name, &known) {
        Some(best) => d.help(format!("did you mean `{{{best}}}`?")),
        None if Var::builtin(name).is_some() || kind != TemplateKind::Body => {
            d.help(format!("{what} templates may use {list}"))
        }
        None if vars.own => d.help(format!(
            "declare `fields.{name}` on this error to use its value in its own body and item, or `[context.{name}]` for a value supplied at run time"
        )),
        None => d.help(format!(
            "this template is shared by every error: to name the request's offending input, declare the field on the error and set `field = \"{{{name}}}\"` there, then use `{{field}}` here (or use `{{{name}}}` in the error's own `body` or `item`); `[context.{name}]` declares a value supplied at run time"
        )),
    };
    cx.push(d);
}

/// RFC 9457 problem details, with errcat's extension members.
pub(super) fn problem_template() -> Template {
    let v = |name: &str, var: Var| (name.to_owned(), Template::Var(var));
    Template::Object(vec![
        v("type", Var::Type),
        v("title", Var::Reason),
        v("status", Var::Status),
        v("detail", Var::Message),
        v("instance", Var::Instance),
        v("code", Var::Code),
        v("field", Var::Field),
        v("fields", Var::Fields),
        v("trace_id", Var::TraceId),
    ])
}

// `[body]` has format problem or template, and a template exactly when format is template.
pub(super) fn body(
    cx: &mut Cx<'_>,
    root: &Parsed,
    attrs: &[AttributeDef],
    known: &Known,
) -> Option<Body> {
    let Some(b) = &root.raw.body else {
        return Some(Body {
            format: BodyFormat::Problem,
            template: problem_template(),
            content_type: "application/problem+json".into(),
            description: None,
            fields: Vec::new(),
            closed: false,
        });
    };
    let file = root.file;
    let raw = b.get();
    let format = match raw.format.as_ref().map(|f| f.get().as_str()) {
        None if raw.template.is_some() => BodyFormat::Template,
        None | Some("problem") => BodyFormat::Problem,
        Some("template") => BodyFormat::Template,
        Some(other) => {
            cx.push(
                Diagnostic::new("invalid-type", format!("unknown body format `{other}`"))
                    .at(span(file, raw.format.as_ref()?), "expected \"problem\" or \"template\"")
                    .help("\"problem\" is RFC 9457 application/problem+json; \"template\" is your own shape in `[body.template]`"),
            );
            return None;
        }
    };
    let template = match (format, &raw.template) {
        (BodyFormat::Problem, None) => problem_template(),
        (BodyFormat::Problem, Some(t)) => {
            cx.push(
                Diagnostic::new(
                    "invalid-type",
                    "`[body.template]` is given but the body format is \"problem\"",
                )
                .at(span(file, t), "ignored with format = \"problem\"")
                .help("set `format = \"template\"`, or remove the template"),
            );
            return None;
        }
        (BodyFormat::Template, Some(t)) => template(
            cx,
            file,
            t,
            &body_vars(attrs, known, &[]),
            TemplateKind::Body,
        )?,
        (BodyFormat::Template, None) => {
            cx.push(
                Diagnostic::new("invalid-type", "body format \"template\" needs a `[body.template]`")
                    .at(span(file, b), "no template")
                    .help("add `[body.template]` with the body's members, such as `message = \"{message}\"`"),
            );
            return None;
        }
    };
    let content_type = raw.content_type.as_ref().map_or_else(
        || match format {
            BodyFormat::Problem => "application/problem+json".to_owned(),
            BodyFormat::Template => "application/json".to_owned(),
        },
        |c| c.get().clone(),
    );
    Some(Body {
        format,
        template,
        content_type,
        description: raw.description.as_ref().map(|d| sp(file, d)),
        fields: raw
            .fields
            .0
            .iter()
            .map(|(k, v)| (k.get().clone(), v.get().clone()))
            .collect(),
        closed: raw.closed.as_ref().is_some_and(|c| *c.get()),
    })
}

// The success envelope holds `{content}`, and run-time values (`{trace_id}`, `{instance}`,
// context values) but no error placeholders.
pub(super) fn success(cx: &mut Cx<'_>, root: &Parsed, known: &Known) -> Option<Success> {
    let s = root.raw.success.as_ref()?;
    let file = root.file;
    let raw = s.get();
    let vars = VarSet {
        attrs: Vec::new(),
        context: known.context.clone(),
        fields: &[],
        refused: known.refused.clone(),
        content: true,
        builtins: false,
        group: false,
        own: false,
    };
    let template = template(cx, file, &raw.template, &vars, TemplateKind::Success)?;
    field_keys(
        cx,
        file,
        &raw.fields,
        &[&template],
        None,
        "[success.fields]",
    );
    if !template_uses(&template, &Var::Content) {
        cx.push(
            Diagnostic::new(
                "missing-content-placeholder",
                "the success envelope has no `{content}`",
            )
            .at(span(file, &raw.template), "where does the payload go?")
            .help("add a member whose value is \"{content}\", such as `content = \"{content}\"`"),
        );
        return None;
    }
    Some(Success {
        template,
        description: raw.description.as_ref().map(|d| sp(file, d)),
        fields: raw
            .fields
            .0
            .iter()
            .map(|(k, v)| (k.get().clone(), v.get().clone()))
            .collect(),
        closed: raw.closed.as_ref().is_some_and(|c| *c.get()),
    })
}

// Context values are snake_case names distinct from the built-in placeholders and the
// attributes.
pub(super) fn context(
    cx: &mut Cx<'_>,
    root: &Parsed,
    attrs: &[AttributeDef],
) -> (Vec<ContextDef>, Known) {
    let mut out: Vec<ContextDef> = Vec::new();
    let mut known = Known {
        context: Vec::new(),
        refused: cx.refused.attrs.clone(),
    };
    let file = root.file;
    for (name, decl) in &root.raw.context.0 {
        let n = name.get().as_str();
        let clash = if Var::builtin(n).is_some() {
            Some("a built-in placeholder")
        } else if attrs.iter().any(|a| a.name.as_str() == n) {
            Some("an attribute")
        } else if out.iter().any(|c| c.name.as_str() == n) {
            Some("declared twice")
        } else {
            None
        };
        if !names::is_snake_case(n) || clash.is_some() {
            let why = clash.unwrap_or("not a snake_case identifier");
            cx.push(
                Diagnostic::new(
                    "invalid-context-name",
                    format!("`{n}` cannot be a context value name: {why}"),
                )
                .at(span(file, name), "invalid context value name")
                .help(format!(
                    "context values are snake_case names other than the built-in placeholders ({}) and the attributes; `{{trace_id}}` and `{{instance}}` need no declaration",
                    Var::BUILTIN.join(", ")
                )),
            );
            if clash != Some("declared twice") && Var::builtin(n).is_none() {
                known.refused.push(n.to_owned());
            }
            continue;
        }
        let d = decl.get();
        out.push(ContextDef {
            name: sp(file, name),
            description: d.description.as_ref().map(|x| sp(file, x)),
            example: d
                .example
                .as_ref()
                .map_or_else(|| format!("<{n}>"), |x| x.get().clone()),
        });
        known.context.push(n.to_owned());
    }
    (out, known)
}

/// Every member path of a template, for `fields` keys: `a`, `a.b`, `list[]`,
/// `list[].member` (the items of `{items}` from `items`).
pub(super) fn member_paths(
    t: &Template,
    items: Option<&Template>,
    prefix: &str,
    out: &mut Vec<String>,
) {
    for (k, v) in t.members() {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        out.push(path.clone());
        match v {
            Template::Object(_) => member_paths(v, items, &path, out),
            Template::Array(list) => {
                for item in list {
                    if let Template::Object(_) = item {
                        member_paths(item, items, &format!("{path}[]"), out);
                    }
                }
            }
            Template::Var(Var::Items) => {
                if let Some(item) = items {
                    member_paths(item, None, &format!("{path}[]"), out);
                }
            }
            _ => {}
        }
    }
}

// Every key of a `fields` table names a member of its template (`a.b` for a nested
// member, `list[].member` for a member of an array's items).
pub(super) fn field_keys(
    cx: &mut Cx<'_>,
    file: FileId,
    fields: &OrderedMap<S<String>, S<String>>,
    templates: &[&Template],
    items: Option<&[&Template]>,
    table: &str,
) {
    if fields.0.is_empty() {
        return;
    }
    let mut paths = Vec::new();
    for t in templates {
        match items {
            Some(items) => {
                for i in items {
                    member_paths(t, Some(i), "", &mut paths);
                }
            }
            None => member_paths(t, None, "", &mut paths),
        }
    }
    paths.sort();
    paths.dedup();
    for (key, _) in &fields.0 {
        let k = key.get().as_str();
        if paths.iter().any(|p| p == k) {
            continue;
        }
        let candidates: Vec<&str> = paths.iter().map(String::as_str).collect();
        let d = Diagnostic::new(
            "unknown-body-field",
            format!("`{k}` names no member of the template"),
        )
        .at(span(file, key), "no such member");
        let spelling =
            "nested members are `outer.inner`, members of an array's items `list[].member`";
        cx.push(match did_you_mean(k, &candidates) {
            Some(best) => d.help(format!("did you mean `{best}`? ({spelling})")),
            None => d.help(format!(
                "{table} describes members of the template: {}; {spelling}",
                candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
    }
}

// `[body.fields]` describes members of the body: of `[body]`'s template or of an error's own.
pub(super) fn body_field_keys(cx: &mut Cx<'_>, root: &Parsed, body: &Body, errors: &[ErrorDef]) {
    let Some(b) = &root.raw.body else {
        return;
    };
    let mut templates = vec![&body.template];
    templates.extend(errors.iter().filter_map(|e| e.body.as_ref()));
    field_keys(
        cx,
        root.file,
        &b.get().fields,
        &templates,
        None,
        "[body.fields]",
    );
}
