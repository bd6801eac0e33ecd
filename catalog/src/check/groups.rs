//! Groups: responses that carry many errors.

use super::*;

// A group: a snake_case name that is no method of the generated list, a declared status,
// errors of the catalog, a template with `{items}` once as an array member's whole value.
#[allow(clippy::too_many_arguments)]
pub(super) fn groups(
    cx: &mut Cx<'_>,
    root: &Parsed,
    statuses: &[Status],
    errors: &[ErrorDef],
    attrs: &[AttributeDef],
    known: &Known,
    body: Option<&Body>,
) -> Vec<Group> {
    let file = root.file;
    let mut out: Vec<Group> = Vec::new();
    for (name, g) in &root.raw.groups.0 {
        let n = name.get().as_str();
        let g = g.get();
        let reserved = GROUP_RESERVED.contains(&n);
        if !names::is_snake_case(n) || names::is_keyword(n) || reserved {
            cx.push(
                Diagnostic::new("invalid-group", format!("`{n}` cannot be a group name"))
                    .at(span(file, name), if reserved { "a method of the generated error list" } else { "not a snake_case identifier" })
                    .help(format!(
                        "a group name is a snake_case identifier, the name of its constructor in the generated Rust, and none of {}",
                        GROUP_RESERVED.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                    )),
            );
            continue;
        }
        let status = error_status(cx, file, &g.status, statuses);
        let mut members = Vec::with_capacity(g.errors.len());
        let mut ok = true;
        for code in &g.errors {
            match errors.iter().position(|e| e.code.as_str() == code.get()) {
                Some(i) if !members.contains(&i) => members.push(i),
                Some(_) => {}
                None => {
                    ok = false;
                    let declared = root_and_included_codes(errors);
                    let d = Diagnostic::new(
                        "unknown-group-error",
                        format!(
                            "group `{n}` lists `{}`, which is not an error of the catalog",
                            code.get()
                        ),
                    )
                    .at(span(file, code), "no error has this code");
                    cx.push(match did_you_mean(code.get(), &declared) {
                        Some(best) => d.help(format!("did you mean `{best}`?")),
                        None => d.help("`errors` lists the codes of the errors that may appear in the group's response"),
                    });
                }
            }
        }
        let vars = VarSet {
            attrs: Vec::new(),
            context: known.context.clone(),
            fields: &[],
            refused: known.refused.clone(),
            content: false,
            builtins: false,
            group: true,
            own: false,
        };
        let template = template(cx, file, &g.template, &vars, TemplateKind::Group);
        let item = template_fn(cx, file, &g.item, &body_vars(attrs, known, &[]));
        let (Some(template), Some(item), Some(status)) = (template, item, status) else {
            continue;
        };
        let items = template
            .members()
            .iter()
            .filter(|(_, v)| matches!(v, Template::Var(Var::Items)))
            .count();
        if items != 1 || count_var(&template, &Var::Items) != 1 {
            cx.push(
                Diagnostic::new("invalid-group", format!("the template of group `{n}` needs `\"{{items}}\"` once, as a member's whole value"))
                    .at(span(file, &g.template), "where do the errors go?")
                    .help("add the member that holds the list of errors, such as `errors = \"{items}\"`: it repeats the item template once per error"),
            );
            continue;
        }
        if !ok {
            continue;
        }
        let mut item_templates = vec![&item];
        item_templates.extend(members.iter().filter_map(|i| errors[*i].item.as_ref()));
        field_keys(
            cx,
            file,
            &g.fields,
            &[&template],
            Some(&item_templates),
            &format!("[groups.{n}.fields]"),
        );
        out.push(Group {
            name: sp(file, name),
            status,
            title: g.title.as_ref().map(|t| sp(file, t)),
            description: g.description.as_ref().map(|t| sp(file, t)),
            type_uri: g.type_uri.as_ref().map(|t| sp(file, t)),
            template,
            item,
            errors: members,
            content_type: g.content_type.as_ref().map_or_else(
                || {
                    body.map_or_else(
                        || "application/problem+json".to_owned(),
                        |b| b.content_type.clone(),
                    )
                },
                |c| c.get().clone(),
            ),
            closed: g.closed.as_ref().is_some_and(|c| *c.get()),
            fields: g
                .fields
                .0
                .iter()
                .map(|(k, v)| (k.get().clone(), v.get().clone()))
                .collect(),
        });
    }
    out
}

/// Names a group may not have: the methods of the generated error list.
pub(super) const GROUP_RESERVED: &[&str] = &[
    "new",
    "push",
    "len",
    "is_empty",
    "iter",
    "errors",
    "status",
    "group",
    "content_type",
    "write_body_json",
    "body_json",
    "body_json_with",
    "into_inner",
    "inner",
    "from",
];

pub(super) fn root_and_included_codes(errors: &[ErrorDef]) -> Vec<&str> {
    errors.iter().map(|e| e.code.as_str()).collect()
}

/// [`template`] for an item template (body placeholders).
pub(super) fn template_fn(
    cx: &mut Cx<'_>,
    file: FileId,
    t: &S<raw::Template>,
    vars: &VarSet<'_>,
) -> Option<Template> {
    template(cx, file, t, vars, TemplateKind::Body)
}

/// How many times `var` stands in `t`.
pub(super) fn count_var(t: &Template, var: &Var) -> usize {
    match t {
        Template::Var(v) => usize::from(v == var),
        Template::Text(pieces) => pieces
            .iter()
            .filter(|p| matches!(p, TextPiece::Var(v) if v == var))
            .count(),
        Template::Array(items) => items.iter().map(|i| count_var(i, var)).sum(),
        Template::Object(members) => members.iter().map(|(_, v)| count_var(v, var)).sum(),
        _ => 0,
    }
}
