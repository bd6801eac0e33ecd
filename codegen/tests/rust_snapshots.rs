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
        syn::parse_file(&a).unwrap_or_else(|e| panic!("{name}: not valid Rust: {e}"));
    }
}

#[test]
fn integrations_are_opt_in() {
    for (name, catalog) in example_catalogs() {
        let none = rust::generate(&catalog, &RustOptions::default());
        for dep in ["::serde", "::http", "::axum"] {
            assert!(!none.contains(dep), "{name}: {dep} without the option");
        }
        let all = rust::generate(&catalog, &ALL);
        for dep in [
            "::serde::Serialize",
            "::http::StatusCode",
            "::axum::response::IntoResponse",
        ] {
            assert!(all.contains(dep), "{name}: no {dep} with the option");
        }
    }
}

#[test]
fn every_error_is_a_variant_with_its_docs() {
    for (name, catalog) in example_catalogs() {
        let code = rust::generate(&catalog, &RustOptions::default());
        let file = syn::parse_file(&code).unwrap();
        let error_enum = file
            .items
            .iter()
            .find_map(|i| match i {
                syn::Item::Enum(e) if e.ident == catalog.rust.error_enum => Some(e),
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
                syn::Fields::Unit => assert!(e.fields.is_empty()),
                syn::Fields::Named(f) => {
                    let names: Vec<String> = f
                        .named
                        .iter()
                        .map(|f| f.ident.as_ref().unwrap().to_string())
                        .collect();
                    let expected: Vec<&str> = e.fields.iter().map(|f| f.name.as_str()).collect();
                    assert_eq!(names, expected);
                }
                syn::Fields::Unnamed(_) => panic!("{name}: tuple variant"),
            }
        }
    }
}
