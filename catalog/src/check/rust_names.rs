//! `[rust]`: the configured type names.

use super::*;

// Configured Rust type names are identifiers, not keywords, UpperCamelCase (rustc's
// `non_camel_case_types`), no primitive type or generated helper, and distinct.
pub(super) fn rust_names(cx: &mut Cx<'_>, root: &Parsed) -> RustNames {
    let file = root.file;
    let raw = root
        .raw
        .rust
        .as_ref()
        .map(|r| r.get().clone())
        .unwrap_or_default();
    let mut check = |value: &Option<S<String>>, default: &str| -> String {
        let Some(v) = value else {
            return default.to_owned();
        };
        let name = v.get();
        let at = span(file, v);
        if !names::is_ident(name) || names::is_keyword(name) {
            cx.push(
                Diagnostic::new(
                    if names::is_keyword(name) {
                        "rust-keyword"
                    } else {
                        "invalid-rust-name"
                    },
                    format!("`{name}` cannot be a Rust type name"),
                )
                .at(at, "not a usable Rust identifier")
                .help("use an UpperCamelCase identifier such as `ApiError`"),
            );
            return default.to_owned();
        }
        if let Some(why) = names::reserved_type_name(name) {
            cx.push(
                Diagnostic::new(
                    "reserved-rust-name",
                    format!("`{name}` cannot be a generated enum's name"),
                )
                .at(at, format!("`{name}` is {why}"))
                .help(format!(
                    "use another UpperCamelCase identifier, such as `{default}`"
                )),
            );
            return default.to_owned();
        }
        if !names::is_upper_camel_case(name) {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("`{name}` is not an UpperCamelCase type name"),
                )
                .at(at, "rustc's `non_camel_case_types` lint rejects it")
                .help(format!("start with an uppercase letter and join the words without `_`, such as `{default}`")),
            );
            return default.to_owned();
        }
        name.clone()
    };
    let error_enum = check(&raw.error_enum, "ApiError");
    let status_enum = check(&raw.status_enum, "ApiStatus");
    if error_enum == status_enum {
        // At the key that made them equal: `status_enum`, or `error_enum` named like the
        // default status enum.
        let at = match (&raw.status_enum, &raw.error_enum) {
            (Some(v), _) => Some((v, "same name as the error enum")),
            (None, Some(v)) => Some((v, "the name of the status enum (`status_enum`'s default)")),
            (None, None) => None,
        };
        if let Some((v, label)) = at {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("the error and status enums are both named `{error_enum}`"),
                )
                .at(span(file, v), label)
                .help("give the two enums different names"),
            );
        }
    }
    // A catalog with groups gets `{error_enum}List` beside the two enums (rust/group.rs).
    let list = format!("{error_enum}List");
    if status_enum == list {
        if let Some(v) = &raw.status_enum {
            cx.push(
                Diagnostic::new(
                    "invalid-rust-name",
                    format!("`{list}` is the name of the error enum's list type"),
                )
                .at(span(file, v), "the type of responses with several errors")
                .help("give the status enum another name"),
            );
        }
    }
    RustNames {
        error_enum,
        status_enum,
    }
}

/// `ty` with its indefinite article: "an integer", "a string".
pub(super) fn a(ty: &str) -> String {
    let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {ty}")
}
