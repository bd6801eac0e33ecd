//! The Rust emitter: snapshots of the formatted code of every example catalog, with every
//! integration on, and determinism. Whether the code compiles and behaves is tested by the
//! `errcat-compiled-tests` crate (tests/compiled/).

use errcat_codegen::rust::{self, RustOptions};

mod common;
use common::*;

const ALL: RustOptions = RustOptions {
    serde: true,
    http: true,
    axum: true,
    tracing: true,
};

#[test]
fn snapshots() {
    let catalogs = example_catalogs();
    assert!(catalogs.len() >= 4, "expected every example catalog");
    for (name, catalog) in catalogs {
        let code = rust::generate(&catalog, &ALL);
        insta::assert_snapshot!(format!("rust_{name}"), code);
    }
}

#[test]
fn output_is_deterministic_and_parses() {
    for (name, catalog) in example_catalogs() {
        let a = rust::generate(&catalog, &ALL);
        let b = rust::generate(&catalog, &ALL);
        assert_eq!(a, b, "{name}: two runs differ");
        syn2::parse_file(&a).unwrap_or_else(|e| panic!("{name}: not valid Rust: {e}"));
    }
}

#[test]
fn integrations_are_opt_in() {
    for (name, catalog) in example_catalogs() {
        let none = rust::generate(&catalog, &RustOptions::default());
        for dep in ["::serde", "::http", "::axum", "::tracing"] {
            assert!(!none.contains(dep), "{name}: {dep} without the option");
        }
        let all = rust::generate(&catalog, &ALL);
        for dep in [
            "::serde::Serialize",
            "::http::StatusCode",
            "::axum::response::IntoResponse",
            "::tracing::error!",
        ] {
            assert!(all.contains(dep), "{name}: no {dep} with the option");
        }
    }
}

#[test]
fn every_error_is_a_variant_with_its_docs() {
    for (name, catalog) in example_catalogs() {
        let code = rust::generate(&catalog, &RustOptions::default());
        let file = syn2::parse_file(&code).unwrap();
        let error_enum = file
            .items
            .iter()
            .find_map(|i| match i {
                syn2::Item::Enum(e) if e.ident == catalog.rust.error_enum => Some(e),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name}: no error enum"));
        let variants: Vec<String> = error_enum
            .variants
            .iter()
            .map(|v| v.ident.to_string())
            .collect();
        let expected: Vec<&str> = catalog.errors.iter().map(|e| e.variant.as_str()).collect();
        assert_eq!(variants, expected, "{name}");
        for (v, e) in error_enum.variants.iter().zip(&catalog.errors) {
            let docs: String = v
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("doc"))
                .map(|a| quote::ToTokens::to_token_stream(a).to_string())
                .collect();
            assert!(
                docs.contains(e.code.as_str()),
                "{name}: {} docs lack the code",
                e.code.as_str()
            );
            if let Some(d) = &e.description {
                let first = d.lines().next().unwrap_or_default();
                assert!(
                    docs.contains(&first.replace('"', "\\\"")),
                    "{name}: {} docs lack the description",
                    e.code.as_str()
                );
            }
            assert_eq!(
                v.attrs.iter().any(|a| a.path().is_ident("deprecated")),
                e.deprecated.is_some(),
                "{name}: {}",
                e.code.as_str()
            );
            match &v.fields {
                syn2::Fields::Unit => assert!(e.fields.is_empty()),
                syn2::Fields::Named(f) => {
                    let names: Vec<String> = f
                        .named
                        .iter()
                        .map(|f| f.ident.as_ref().unwrap().to_string())
                        .collect();
                    let expected: Vec<&str> = e.fields.iter().map(|f| f.name.as_str()).collect();
                    assert_eq!(names, expected);
                }
                syn2::Fields::Unnamed(_) => panic!("{name}: tuple variant"),
            }
        }
    }
}

/// The emitter writes the code as prettyplease formats it: formatting its output again
/// changes nothing, at any option.
fn assert_prettyplease_identical(name: &str, code: &str) {
    let file = syn2::parse_file(code).unwrap_or_else(|e| panic!("{name}: not valid Rust: {e}"));
    let formatted = prettyplease::unparse(&file);
    if formatted != code {
        let diff = first_difference(code, &formatted);
        panic!("{name}: output differs from prettyplease's formatting:\n{diff}");
    }
}

#[test]
fn output_is_prettyplease_formatted() {
    for (name, catalog) in example_catalogs() {
        for opts in [RustOptions::default(), ALL] {
            assert_prettyplease_identical(&name, &rust::generate(&catalog, &opts));
        }
    }
}

#[test]
fn a_large_hostile_catalog_is_prettyplease_formatted() {
    let toml = hostile_catalog(400);
    let loaded = errcat_catalog::load_str("hostile.toml", &toml);
    let diags = loaded.render_diagnostics(false);
    let catalog = loaded
        .catalog
        .unwrap_or_else(|| panic!("the hostile catalog does not load:\n{diags}"));
    assert_eq!(catalog.errors.len(), 400);
    for opts in [RustOptions::default(), ALL] {
        assert_prettyplease_identical("hostile", &rust::generate(&catalog, &opts));
    }
    let edge = load(&repo().join("tests/compiled/catalogs/edge.toml"));
    assert_prettyplease_identical("edge", &rust::generate(&edge, &ALL));
}

/// The names the catalog's checks keep free for generated items
/// (`errcat_catalog::names::{ERROR_ENUM_ITEMS, STATUS_ENUM_ITEMS, HELPER_TYPES}`) are every
/// associated item and helper type the emitter writes: an item added to the emitter and
/// not to those lists would let a catalog name a variant after it (issue 17, case 9).
#[test]
fn the_reserved_names_are_every_generated_item() {
    use errcat_catalog::names;
    for (name, catalog) in example_catalogs() {
        let file = syn2::parse_file(&rust::generate(&catalog, &ALL)).expect("parses");
        let error = catalog.rust.error_enum.as_str();
        let status = catalog.rust.status_enum.as_str();
        let mut seen_types = Vec::new();
        collect_types(&file.items.iter().collect::<Vec<_>>(), &mut seen_types);
        for t in &seen_types {
            // `{error}List`, of catalogs with groups: its constructors are the groups'
            // names, which the catalog's `invalid-group` rule keeps apart from its methods.
            let list = format!("{error}List");
            assert!(
                t == error
                    || t == status
                    || *t == list
                    || names::HELPER_TYPES.contains(&t.as_str()),
                "{name}: type `{t}` is not in names::HELPER_TYPES"
            );
        }
        for item in &file.items {
            let syn2::Item::Impl(i) = item else { continue };
            if i.trait_.is_some() {
                continue;
            }
            let syn2::Type::Path(p) = &*i.self_ty else {
                continue;
            };
            let ty = p.path.segments.last().expect("a type").ident.to_string();
            if ty == format!("{error}List") {
                continue;
            }
            let list = if ty == error {
                names::ERROR_ENUM_ITEMS
            } else if ty == status {
                names::STATUS_ENUM_ITEMS
            } else {
                panic!("{name}: an inherent impl of `{ty}`")
            };
            for item in &i.items {
                let n = match item {
                    syn2::ImplItem::Const(c) => c.ident.to_string(),
                    syn2::ImplItem::Fn(f) => f.sig.ident.to_string(),
                    syn2::ImplItem::Type(t) => t.ident.to_string(),
                    _ => continue,
                };
                assert!(
                    list.contains(&n.as_str()),
                    "{name}: `{ty}::{n}` is generated but not reserved in errcat_catalog::names"
                );
            }
        }
    }
}

/// The names of every struct and enum in `items`, nested blocks included.
fn collect_types(items: &[&syn2::Item], out: &mut Vec<String>) {
    for item in items {
        match *item {
            syn2::Item::Enum(e) => out.push(e.ident.to_string()),
            syn2::Item::Struct(s) => out.push(s.ident.to_string()),
            syn2::Item::Const(c) => {
                if let syn2::Expr::Block(b) = &*c.expr {
                    let nested: Vec<&syn2::Item> = (b.block.stmts.iter())
                        .filter_map(|s| match s {
                            syn2::Stmt::Item(i) => Some(i),
                            _ => None,
                        })
                        .collect();
                    collect_types(&nested, out);
                }
            }
            _ => {}
        }
    }
}

/// Variants with causes (a `cause` field after the wire fields, `..` in the argument
/// match) are written as prettyplease prints them, in the synthetic catalog with causes
/// (a third of its errors, every field shape) and in the compiled tests' one.
#[test]
fn catalogs_with_causes_are_prettyplease_formatted() {
    let toml = causes_catalog();
    let loaded = errcat_catalog::load_str("causes.toml", &toml);
    let diags = loaded.render_diagnostics(false);
    let catalog = loaded
        .catalog
        .unwrap_or_else(|| panic!("the catalog does not load:\n{diags}"));
    assert!(catalog.has_causes());
    for opts in [RustOptions::default(), ALL] {
        let code = rust::generate(&catalog, &opts);
        assert!(code.contains("cause: ::core::option::Option<::errcat::Cause>,"));
        assert_prettyplease_identical("causes", &code);
    }
    let compiled = load(&repo().join("tests/compiled/catalogs/causes.toml"));
    assert_prettyplease_identical("compiled causes", &rust::generate(&compiled, &ALL));
}
