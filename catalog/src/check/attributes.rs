//! Attribute declarations (`[attributes]`) and the values statuses and errors set.

use super::*;

// Attribute declarations: snake_case names, unique, not a built-in placeholder, a known
// type, allowed values of that type, `applies_to` within statuses/errors.
pub(super) fn attributes(cx: &mut Cx<'_>, files: &[&Parsed]) -> Vec<AttributeDef> {
    let mut out: Vec<AttributeDef> = Vec::new();
    for f in files {
        for (name, decl) in &f.raw.attributes.0 {
            let at = span(f.file, name);
            if let Some(first) = out.iter().find(|a| a.name.as_str() == name.get()) {
                cx.push(
                    Diagnostic::new(
                        "invalid-attribute-schema",
                        format!("attribute `{}` is declared twice", name.get()),
                    )
                    .at(at, "declared again here")
                    .also(first.name.span, "first declared here")
                    .help("keep one declaration of the attribute"),
                );
                continue;
            }
            if !names::is_snake_case(name.get()) || Var::builtin(name.get()).is_some() {
                cx.push(
                    Diagnostic::new("invalid-attribute-schema", format!("`{}` cannot be an attribute name", name.get()))
                        .at(at, "invalid attribute name")
                        .help(format!(
                            "attribute names are snake_case identifiers and none of the built-in placeholders ({})",
                            Var::BUILTIN.join(", ")
                        )),
                );
                continue;
            }
            let d = decl.get();
            let ty = match d.ty.get().as_str() {
                "string" => AttrType::String,
                "integer" => AttrType::Integer,
                "boolean" => AttrType::Boolean,
                other => {
                    let mut diag = Diagnostic::new(
                        "invalid-attribute-schema",
                        format!("unknown attribute type `{other}`"),
                    )
                    .at(
                        span(f.file, &d.ty),
                        "expected \"string\", \"integer\" or \"boolean\"",
                    );
                    diag = match did_you_mean(other, &["string", "integer", "boolean"]) {
                        Some(best) => diag.help(format!("did you mean `{best}`?")),
                        None => diag.help("attributes are strings, integers or booleans; limit a string's values with `values = [...]`"),
                    };
                    cx.push(diag);
                    continue;
                }
            };
            let mut values = None;
            if let Some(vs) = &d.values {
                let mut ok = Vec::new();
                for v in vs {
                    if attr_type_accepts(ty, v.get()) {
                        ok.push(v.get().clone());
                    } else {
                        cx.push(
                            Diagnostic::new(
                                "invalid-attribute-schema",
                                format!("allowed value {} is not {}", v.get(), a(ty.as_str())),
                            )
                            .at(span(f.file, v), format!("expected {}", a(ty.as_str())))
                            .help(format!(
                                "every allowed value of a `type = \"{}\"` attribute is {}",
                                ty.as_str(),
                                a(ty.as_str())
                            )),
                        );
                    }
                }
                values = Some(ok);
            }
            let (mut on_statuses, mut on_errors) = (true, true);
            if let Some(targets) = &d.applies_to {
                on_statuses = false;
                on_errors = false;
                for t in targets {
                    match t.get().as_str() {
                        "statuses" => on_statuses = true,
                        "errors" => on_errors = true,
                        other => cx.push(
                            Diagnostic::new(
                                "invalid-attribute-schema",
                                format!("`{other}` is not something attributes apply to"),
                            )
                            .at(span(f.file, t), "expected \"statuses\" or \"errors\"")
                            .help("`applies_to` lists \"statuses\", \"errors\" or both"),
                        ),
                    }
                }
            }
            out.push(AttributeDef {
                name: sp(f.file, name),
                ty,
                values,
                description: d.description.as_ref().map(|s| sp(f.file, s)),
                on_statuses,
                on_errors,
                required: d.required.as_ref().is_some_and(|r| *r.get()),
            });
        }
    }
    // A refused declaration is reported once: its uses are not reported again.
    for f in files {
        for (name, _) in &f.raw.attributes.0 {
            if !out.iter().any(|a| a.name.as_str() == name.get()) {
                cx.refused.attrs.push(name.get().clone());
            }
        }
    }
    out
}

pub(super) fn attr_type_accepts(ty: AttrType, v: &Scalar) -> bool {
    matches!(
        (ty, v),
        (AttrType::String, Scalar::Str(_))
            | (AttrType::Integer, Scalar::Int(_))
            | (AttrType::Boolean, Scalar::Bool(_))
    )
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Owner {
    Status,
    Error,
}

impl Owner {
    /// Whether an attribute's `applies_to` allows this kind of owner.
    fn allows(self, decl: &AttributeDef) -> bool {
        match self {
            Owner::Status => decl.on_statuses,
            Owner::Error => decl.on_errors,
        }
    }

    /// `"statuses"` or `"errors"`.
    fn plural(self) -> &'static str {
        match self {
            Owner::Status => "statuses",
            Owner::Error => "errors",
        }
    }
}

// Attribute values pass the per-value rules below; required attributes are set.
pub(super) fn attribute_values(
    cx: &mut Cx<'_>,
    file: FileId,
    owner: Owner,
    owner_span: Span,
    values: &OrderedMap<S<String>, S<Scalar>>,
    decls: &[AttributeDef],
) -> Vec<(String, Scalar)> {
    let mut out = Vec::with_capacity(values.0.len());
    for (name, value) in &values.0 {
        let at = span(file, name);
        let Some(decl) = attribute_declared(cx, at, name.get(), decls) else {
            continue;
        };
        if attribute_applies(cx, at, owner, decl)
            && attribute_value_allowed(cx, span(file, value), value.get(), decl)
        {
            out.push((name.get().clone(), value.get().clone()));
        }
    }
    required_attributes_set(cx, owner, owner_span, values, decls);
    // Declaration order, whatever order the entry wrote them in.
    out.sort_by_key(|(n, _)| decls.iter().position(|d| d.name.as_str() == n));
    out
}

// An attribute that a status or error sets is declared under `[attributes]`.
pub(super) fn attribute_declared<'d>(
    cx: &mut Cx<'_>,
    at: Span,
    name: &str,
    decls: &'d [AttributeDef],
) -> Option<&'d AttributeDef> {
    if let Some(decl) = decls.iter().find(|a| a.name.as_str() == name) {
        return Some(decl);
    }
    if cx.refused.attrs.iter().any(|r| r == name) {
        // Its declaration was refused, and reported.
        return None;
    }
    let names: Vec<&str> = decls.iter().map(|a| a.name.as_str()).collect();
    let d = Diagnostic::new(
        "unknown-attribute",
        format!("attribute `{name}` is not declared"),
    )
    .at(at, "undeclared attribute");
    cx.push(match did_you_mean(name, &names) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => d.help(format!(
            "declare it first: `[attributes.{name}]` with a `type`"
        )),
    });
    None
}

// An attribute is set only on what its `applies_to` allows.
pub(super) fn attribute_applies(
    cx: &mut Cx<'_>,
    at: Span,
    owner: Owner,
    decl: &AttributeDef,
) -> bool {
    if owner.allows(decl) {
        return true;
    }
    cx.push(
        Diagnostic::new(
            "attribute-not-applicable",
            format!(
                "attribute `{}` does not apply to {}",
                decl.name.as_str(),
                owner.plural()
            ),
        )
        .at(at, "not allowed here")
        .also(decl.name.span, "declared here with `applies_to`")
        .help(format!(
            "remove it here, or add \"{}\" to the attribute's `applies_to`",
            owner.plural()
        )),
    );
    false
}

// An attribute value has the declared type and is one of the declared `values`, if any.
pub(super) fn attribute_value_allowed(
    cx: &mut Cx<'_>,
    at: Span,
    v: &Scalar,
    decl: &AttributeDef,
) -> bool {
    let name = decl.name.as_str();
    if !attr_type_accepts(decl.ty, v) {
        cx.push(
            Diagnostic::new(
                "invalid-attribute-value",
                format!(
                    "attribute `{name}` is {}, not {}",
                    a(decl.ty.as_str()),
                    a(v.type_name())
                ),
            )
            .at(at, format!("expected {}", a(decl.ty.as_str())))
            .also(decl.name.span, "declared here")
            .help(format!(
                "give it {} value, or change the attribute's `type`",
                a(decl.ty.as_str())
            )),
        );
        return false;
    }
    let Some(allowed) = decl.values.as_ref().filter(|allowed| !allowed.contains(v)) else {
        return true;
    };
    let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
    let strs: Vec<&str> = allowed
        .iter()
        .filter_map(|a| match a {
            Scalar::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let d = Diagnostic::new(
        "invalid-attribute-value",
        format!("{v} is not an allowed value of attribute `{name}`"),
    )
    .at(at, format!("expected one of {}", list.join(", ")))
    .also(decl.name.span, "declared here");
    let best = match v {
        Scalar::Str(s) => did_you_mean(s, &strs),
        _ => None,
    };
    cx.push(match best {
        Some(best) => d.help(format!("did you mean \"{best}\"?")),
        None => {
            d.help("use one of the allowed values, or add this one to the attribute's `values`")
        }
    });
    false
}

// Every status or error that a required attribute applies to sets it.
pub(super) fn required_attributes_set(
    cx: &mut Cx<'_>,
    owner: Owner,
    at: Span,
    values: &OrderedMap<S<String>, S<Scalar>>,
    decls: &[AttributeDef],
) {
    for decl in decls.iter().filter(|d| d.required && owner.allows(d)) {
        let name = decl.name.as_str();
        if !values.0.iter().any(|(n, _)| n.get() == name) {
            cx.push(
                Diagnostic::new(
                    "missing-required-attribute",
                    format!("required attribute `{name}` is not set"),
                )
                .at(at, format!("missing `attributes.{name}`"))
                .also(decl.name.span, "declared required here")
                .help(format!("set it: `attributes = {{ {name} = ... }}`")),
            );
        }
    }
}
