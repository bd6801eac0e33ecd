//! The identifier sets of generated Rust, checked without rustc (the `rust_names` fuzz
//! target; `tests/tests/idents.rs` shows that it finds issue 17's cases 9-15).
//!
//! [`check`] parses a generated file with syn and returns every problem rustc or clippy
//! (default lints, `-D warnings`) would report about its names:
//! - type names defined anywhere in the file (nested blocks included, where a helper such
//!   as `__ErrcatNode` lives beside the user's enum) are unique, not a primitive type and
//!   UpperCamelCase (`non_camel_case_types`);
//! - an enum's variants are unique, UpperCamelCase, and clash with no associated item of
//!   the enum's inherent impls (`ApiError::ERRORS` beside a variant `ERRORS`); those
//!   associated items are unique across the impls;
//! - the fields of a struct variant are unique and snake_case (`non_snake_case` rejects
//!   `user__id`);
//! - no identifier is a raw identifier (`r#type`) or a keyword of any edition;
//! - `#[deprecated(since = ...)]` is a semver version (clippy's `deprecated_semver`);
//! - an enum with struct variants allows `clippy::large_enum_variant` (one large variant
//!   beside small ones is legitimate in a catalog);
//! - an enum with no variant has no `#[repr]` (E0084) and is never matched on by value in
//!   an index expression (`[match self {}]`, E0277 on a `!`-typed index in a const fn).

use std::collections::{HashMap, HashSet};
use syn::visit::Visit;

/// Keywords of every edition (strict, reserved, and 2018/2024 ones) and `_`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield", "_",
];

/// Primitive type names.
const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f16", "f32", "f64", "f128",
];

/// rustc's `non_camel_case_types` test.
fn camel(name: &str) -> bool {
    let name = name.trim_matches('_');
    let c: Vec<char> = name.chars().collect();
    !c.first().is_some_and(|c| c.is_lowercase())
        && !name.contains("__")
        && !c
            .windows(2)
            .any(|w| (w[0].is_alphabetic() && w[1] == '_') || (w[1].is_alphabetic() && w[0] == '_'))
}

/// rustc's `non_snake_case` test.
fn snake(name: &str) -> bool {
    let name = name.trim_matches('_');
    let mut allow_underscore = true;
    name.chars().all(|c| match c {
        '_' if !allow_underscore => false,
        '_' => {
            allow_underscore = false;
            true
        }
        c if !c.is_uppercase() => {
            allow_underscore = true;
            true
        }
        _ => false,
    })
}

/// Whether `s` is a version clippy's `deprecated_semver` accepts: what the `semver`
/// crate parses (clippy's own test), or `TBD`. An oracle independent of the emitter's
/// `is_semver`.
pub fn semver(s: &str) -> bool {
    s == "TBD" || semver::Version::parse(s).is_ok()
}

fn ident_problem(what: &str, id: &syn::Ident, out: &mut Vec<String>) -> String {
    let name = id.to_string();
    if let Some(bare) = name.strip_prefix("r#") {
        out.push(format!("{what} `{name}` is a raw identifier"));
        return bare.to_owned();
    }
    if KEYWORDS.contains(&name.as_str()) {
        out.push(format!("{what} `{name}` is a keyword"));
    }
    name
}

#[derive(Default)]
struct Collect<'ast> {
    /// Type names defined anywhere, with how often.
    types: Vec<String>,
    enums: Vec<&'ast syn::ItemEnum>,
    /// Inherent impls' associated item names, by self type.
    assoc: HashMap<String, Vec<String>>,
    /// Whether an index expression is a `match` with no arm.
    empty_match_index: bool,
}

impl<'ast> Visit<'ast> for Collect<'ast> {
    fn visit_item_enum(&mut self, e: &'ast syn::ItemEnum) {
        self.types.push(e.ident.to_string());
        self.enums.push(e);
        syn::visit::visit_item_enum(self, e);
    }
    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.types.push(s.ident.to_string());
        syn::visit::visit_item_struct(self, s);
    }
    fn visit_item_type(&mut self, t: &'ast syn::ItemType) {
        self.types.push(t.ident.to_string());
        syn::visit::visit_item_type(self, t);
    }
    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let last = match &*i.self_ty {
            syn::Type::Path(p) if i.trait_.is_none() => p.path.segments.last(),
            _ => None,
        };
        if let Some(last) = last {
            let names = self.assoc.entry(last.ident.to_string()).or_default();
            for item in &i.items {
                match item {
                    syn::ImplItem::Const(c) => names.push(c.ident.to_string()),
                    syn::ImplItem::Fn(f) => names.push(f.sig.ident.to_string()),
                    syn::ImplItem::Type(t) => names.push(t.ident.to_string()),
                    _ => {}
                }
            }
        }
        syn::visit::visit_item_impl(self, i);
    }
    fn visit_expr_index(&mut self, e: &'ast syn::ExprIndex) {
        if matches!(&*e.index, syn::Expr::Match(m) if m.arms.is_empty()) {
            self.empty_match_index = true;
        }
        syn::visit::visit_expr_index(self, e);
    }
}

/// Whether `attrs` hold `#[allow(..., clippy::NAME, ...)]`.
fn allows(attrs: &[syn::Attribute], lint: &str) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("allow") && {
            let mut found = false;
            let _ = a.parse_nested_meta(|m| {
                let p = &m.path;
                if p.segments.len() == 2
                    && p.segments[0].ident == "clippy"
                    && p.segments[1].ident == lint
                {
                    found = true;
                }
                // `reason = "..."`: skip its value.
                if m.input.peek(syn::Token![=]) {
                    let _: syn::Expr = m.value()?.parse()?;
                }
                Ok(())
            });
            found
        }
    })
}

/// Every problem with the names of `code` (empty when none); `Err` when it does not parse.
pub fn check(code: &str) -> Result<Vec<String>, syn::Error> {
    let file = syn::parse_file(code)?;
    let mut c = Collect::default();
    c.visit_file(&file);
    let mut out = Vec::new();

    let mut seen = HashSet::new();
    for t in &c.types {
        if !seen.insert(t.as_str()) {
            out.push(format!("type `{t}` is defined twice"));
        }
        if PRIMITIVES.contains(&t.as_str()) {
            out.push(format!("type `{t}` shadows a primitive type"));
        }
        if !camel(t.strip_prefix("r#").unwrap_or(t)) {
            out.push(format!(
                "type `{t}` is not UpperCamelCase (non_camel_case_types)"
            ));
        }
    }
    for (ty, names) in &c.assoc {
        let mut seen = HashSet::new();
        for n in names {
            if !seen.insert(n.as_str()) {
                out.push(format!("`{ty}::{n}` is defined twice"));
            }
        }
    }
    if c.empty_match_index {
        out.push("an index expression is a `match` with no arm (E0277)".to_owned());
    }
    for e in c.enums.iter().copied() {
        let ty = ident_problem("enum", &e.ident, &mut out);
        let assoc: HashSet<&str> = c
            .assoc
            .get(&ty)
            .map(|v| v.iter().map(String::as_str).collect())
            .unwrap_or_default();
        if e.variants.is_empty() && e.attrs.iter().any(|a| a.path().is_ident("repr")) {
            out.push(format!(
                "enum `{ty}` has no variant but a `#[repr]` (E0084)"
            ));
        }
        let has_struct = e
            .variants
            .iter()
            .any(|v| matches!(v.fields, syn::Fields::Named(_)));
        if has_struct && !allows(&e.attrs, "large_enum_variant") {
            out.push(format!(
                "enum `{ty}` has struct variants but does not allow clippy::large_enum_variant"
            ));
        }
        let mut variants = HashSet::new();
        for v in &e.variants {
            let name = ident_problem("variant", &v.ident, &mut out);
            if !variants.insert(name.clone()) {
                out.push(format!("variant `{ty}::{name}` is defined twice"));
            }
            if assoc.contains(name.as_str()) {
                out.push(format!(
                    "variant `{ty}::{name}` has the name of an associated item of `{ty}`"
                ));
            }
            if !camel(&name) {
                out.push(format!("variant `{ty}::{name}` is not UpperCamelCase"));
            }
            for a in &v.attrs {
                if a.path().is_ident("deprecated") {
                    let _ = a.parse_nested_meta(|m| {
                        let value: syn::LitStr = m.value()?.parse()?;
                        if m.path.is_ident("since") && !semver(&value.value()) {
                            out.push(format!(
                                "`{ty}::{name}` is deprecated since `{}`, not a semver version (deprecated_semver)",
                                value.value()
                            ));
                        }
                        Ok(())
                    });
                }
            }
            let mut fields = HashSet::new();
            for f in &v.fields {
                let Some(id) = &f.ident else { continue };
                let field = ident_problem("field", id, &mut out);
                if !fields.insert(field.clone()) {
                    out.push(format!("field `{name}::{field}` is defined twice"));
                }
                if !snake(&field) {
                    out.push(format!("field `{name}::{field}` is not snake_case"));
                }
            }
        }
    }
    Ok(out)
}
