//! Adversarial names (issue 17, cases 9-16; docs/robustness.md): catalogs whose error
//! codes, status reasons, field names, enum names, deprecation versions and retry delays
//! are drawn from what broke the generated Rust before — keywords, names of generated
//! items, primitive types, case variants, `__`, digits, unicode.
//!
//! For every generated catalog:
//! - it loads, or is rejected with at least one error diagnostic (never a panic);
//! - when `lint` accepts it, the generated Rust's identifier sets pass the checks of the
//!   `rust_names` fuzz target (`fuzz/fuzz_targets/idents.rs`: no duplicate in a
//!   namespace, no generated item, keyword, primitive or style-lint violation).
//!
//! Then the accepted catalogs' Rust (serde and http integrations on) is compiled in ONE
//! crate, one module per catalog, under `#![deny(warnings, missing_docs)]` with
//! `cargo clippy -- -D warnings` (tests/tests/common/mod.rs, `compile_batch`).
//!
//! `idents_finds_the_issue_17_cases` shows that the identifier checks catch each case as
//! the generator used to write it, so the property is not vacuous.

use errcat_codegen::rust;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use std::cell::RefCell;

mod common;
use common::toml_str;

#[path = "../../fuzz/fuzz_targets/idents.rs"]
mod idents;

/// Catalogs generated per run.
const CASES: u32 = 400;
/// At most this many accepted catalogs are compiled (a few seconds of build time).
const COMPILED: usize = 60;

/// Error codes: generated items (`eRRORS` -> `ERRORS`, `aLL`, `lookup`, `meta`), keywords
/// (`self` -> `Self`, `type`), primitives, case and separator variants of one name, `__`,
/// digits, unicode (rejected), `Status400`-like names.
const CODES: &[&str] = &[
    "eRRORS",
    "errors",
    "aLL",
    "all",
    "lookup",
    "meta",
    "code",
    "content_type",
    "cONTENT_TYPE",
    "self",
    "Self",
    "type",
    "fn",
    "r",
    "u16",
    "str",
    "bool",
    "usize",
    "invalid_api_key",
    "INVALID_API_KEY",
    "invalidApiKey",
    "invalid-api-key",
    "invalid.api.key",
    "a__b",
    "a_b",
    "ab",
    "e1",
    "e_1",
    "e1_2",
    "e12",
    "x9y",
    "status400",
    "Status400",
    "none",
    "some",
    "ok",
    "err",
    "default",
    "union",
    "gen",
    "async",
    "try",
    "éa",
    "a€",
    "not_found",
    "NOT_FOUND",
    "option",
    "string",
    "box",
    "vec",
    "errcat",
    "__errcat",
    "a-",
    "a.",
    "z",
];

/// Status reasons: duplicates, another status's fallback name, generated items, keywords,
/// primitives, punctuation only, digits, unicode, empty.
const REASONS: &[&str] = &[
    "Dup",
    "Dup",
    "Status 400",
    "Status 402",
    "Status400",
    "aLL",
    "ALL",
    "all",
    "code",
    "from code",
    "meta",
    "self",
    "Self",
    "u16",
    "!!",
    "",
    " ",
    "404",
    "4 0 4",
    "Not Found",
    "NOT FOUND",
    "not found",
    "Ünïcode",
    "I'm a teapot",
    "Type",
    "type",
    "Status",
    "__ERRCAT_META",
    "Errors",
];

/// Field names: keywords, `__`, leading and trailing `_`, digits, primitives, names bound
/// in the generated code, camel case (rejected), unicode (rejected).
const FIELDS: &[&str] = &[
    "type",
    "self",
    "match",
    "user__id",
    "user_id",
    "_x",
    "x_",
    "a1",
    "str",
    "u16",
    "bool",
    "none",
    "some",
    "error",
    "meta",
    "f",
    "state",
    "serializer",
    "ctx",
    "out",
    "other",
    "s",
    "userId",
    "é",
    "_",
    "__",
    "r#type",
    "code",
    "message",
    "status",
    "i",
    "node",
    "default",
];

/// Enum names: primitives, helpers, lowercase and snake case, prelude names, keywords,
/// one-letter names, the generated items' names.
const ENUMS: &[&str] = &[
    "ApiError",
    "ApiStatus",
    "u16",
    "str",
    "bool",
    "__ErrcatNode",
    "__ErrcatX",
    "apiError",
    "api_error",
    "Api_Error",
    "API_ERROR",
    "E",
    "S",
    "H",
    "T",
    "Option",
    "String",
    "Result",
    "Self",
    "self",
    "Box",
    "Vec",
    "Status400",
    "ERRORS",
    "Error",
    "Status",
    "Api2",
    "_Api",
    "Api_",
    "Ünï",
    "Meta",
    "ErrorMeta",
    "Table",
    "Node",
    "Debug",
];

const SINCE: &[&str] = &[
    "2.0",
    "v2",
    "",
    "1.0.0",
    "2026-01-01",
    "1.2.3-beta.1",
    "01.0.0",
    "TBD",
    "1.0.0+build.5",
];

const TYPES: &[&str] = &["string", "integer", "unsigned", "float", "boolean"];

#[derive(Debug, Clone)]
struct ErrorSpec {
    code: &'static str,
    status: usize,
    fields: Vec<(&'static str, &'static str)>,
    deprecated: Option<&'static str>,
    retry_after: Option<u64>,
}

#[derive(Debug, Clone)]
struct CatalogSpec {
    extends: bool,
    error_enum: Option<&'static str>,
    status_enum: Option<&'static str>,
    statuses: Vec<(u16, Option<&'static str>)>,
    errors: Vec<ErrorSpec>,
}

fn error_spec() -> impl Strategy<Value = ErrorSpec> {
    (
        select(CODES),
        0..8usize,
        proptest::collection::vec((select(FIELDS), select(TYPES)), 0..4),
        proptest::option::weighted(0.3, select(SINCE)),
        proptest::option::weighted(0.3, select(vec![0u64, 1, 30, 4_294_967_294, 4_294_967_295])),
    )
        .prop_map(
            |(code, status, fields, deprecated, retry_after)| ErrorSpec {
                code,
                status,
                fields,
                deprecated,
                retry_after,
            },
        )
}

fn catalog_spec() -> impl Strategy<Value = CatalogSpec> {
    let status = (
        select(vec![
            400u16, 401, 402, 403, 404, 418, 422, 429, 499, 500, 503,
        ]),
        proptest::option::weighted(0.6, select(REASONS)),
    );
    (
        proptest::bool::weighted(0.8),
        proptest::option::weighted(0.5, select(ENUMS)),
        proptest::option::weighted(0.5, select(ENUMS)),
        proptest::collection::vec(status, 0..5),
        proptest::collection::vec(error_spec(), 0..5),
    )
        .prop_map(
            |(extends, error_enum, status_enum, statuses, errors)| CatalogSpec {
                extends,
                error_enum,
                status_enum,
                statuses,
                errors,
            },
        )
}

/// The catalog as TOML. Duplicate status codes, error codes and field names are left out
/// (they are TOML errors, not what this test is about).
fn render(spec: &CatalogSpec) -> String {
    let mut s = String::from("[catalog]\nname = \"Names\"\n");
    if spec.extends {
        s.push_str("extends = \"http\"\n");
    }
    // Warnings do not stop generation; these keep the output of `lint` quiet.
    s.push_str(
        "\n[lints]\nreason-override = \"allow\"\nunregistered-status = \"allow\"\nempty-text = \"allow\"\n",
    );
    if spec.error_enum.is_some() || spec.status_enum.is_some() {
        s.push_str("\n[rust]\n");
        if let Some(e) = spec.error_enum {
            s.push_str(&format!("error_enum = {}\n", toml_str(e)));
        }
        if let Some(e) = spec.status_enum {
            s.push_str(&format!("status_enum = {}\n", toml_str(e)));
        }
    }
    let mut codes: Vec<u16> = Vec::new();
    for (code, reason) in &spec.statuses {
        if codes.contains(code) {
            continue;
        }
        codes.push(*code);
        s.push_str(&format!("\n[statuses.{code}]\n"));
        if let Some(r) = reason {
            s.push_str(&format!("reason = {}\n", toml_str(r)));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for e in &spec.errors {
        if seen.contains(&e.code) || codes.is_empty() {
            continue;
        }
        seen.push(e.code);
        s.push_str(&format!("\n[errors.{}]\n", toml_str(e.code)));
        s.push_str(&format!("status = {}\n", codes[e.status % codes.len()]));
        let mut names: Vec<&str> = Vec::new();
        let mut fields = String::new();
        for (name, ty) in &e.fields {
            if names.contains(name) {
                continue;
            }
            names.push(name);
            fields.push_str(&format!(
                "fields.{} = {{ type = \"{ty}\" }}\n",
                toml_str(name)
            ));
        }
        let placeholders: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
        s.push_str(&format!(
            "message = {}\n",
            toml_str(&format!("Failed {}", placeholders.join(" ")))
        ));
        s.push_str(&fields);
        if let Some(since) = e.deprecated {
            s.push_str(&format!("deprecated = {{ since = {} }}\n", toml_str(since)));
        }
        if let Some(r) = e.retry_after {
            s.push_str(&format!("retry_after = {r}\n"));
        }
    }
    s
}

#[test]
fn adversarial_names_compile_or_are_rejected() {
    let mut runner = common::deterministic_runner(CASES);
    let cases = runner.config().cases;
    let modules = RefCell::new(Vec::new());
    let counts = RefCell::new((0usize, 0usize));
    let opts = rust::RustOptions {
        serde: true,
        http: true,
        axum: false,
        ..rust::RustOptions::default()
    };
    let result = runner.run(&catalog_spec(), |spec| {
        let text = render(&spec);
        let loaded = errcat_catalog::load_str("names.toml", &text);
        let diags = loaded.render_diagnostics(false);
        let Some(catalog) = loaded.catalog else {
            prop_assert!(
                loaded.diagnostics.has_errors(),
                "rejected without an error:\n{text}\n{diags}"
            );
            counts.borrow_mut().1 += 1;
            return Ok(());
        };
        counts.borrow_mut().0 += 1;
        let code = rust::generate(&catalog, &opts);
        let problems = idents::check(&code).map_err(|e| {
            TestCaseError::fail(format!("the generated Rust does not parse: {e}\n{text}"))
        })?;
        prop_assert!(
            problems.is_empty(),
            "accepted, but the generated Rust has name problems:\n- {}\n\n{text}",
            problems.join("\n- ")
        );
        let mut modules = modules.borrow_mut();
        if modules.len() < COMPILED {
            let n = modules.len();
            modules.push((format!("names_{n}"), code));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let (accepted, rejected) = counts.into_inner();
    println!("{accepted} catalogs accepted, {rejected} rejected");
    // Both sides are exercised: the strategies are adversarial, not hopeless.
    assert!(accepted >= cases as usize / 5, "only {accepted} accepted");
    assert!(rejected >= cases as usize / 5, "only {rejected} rejected");
    common::compile_batch("errcat-names", &modules.into_inner(), None);
}

/// The identifier checks find each case of issue 17 as the generator used to write it
/// (hand-written excerpts of that output), and accept the output of today's generator.
#[test]
fn idents_finds_the_issue_17_cases() {
    let bad = [
        // 9: a variant named like a generated associated item.
        (
            "enum ApiError { ERRORS } impl ApiError { pub const ERRORS: u8 = 0; }",
            "associated item",
        ),
        // 10: two statuses renamed to the same fallback.
        ("enum ApiStatus { Status400, Status400 }", "defined twice"),
        // 11: no status, and an index by an empty match.
        (
            "#[repr(u16)] enum ApiStatus {} impl ApiStatus { const fn meta(self) -> u8 { M[match self {}] } }",
            "E0084",
        ),
        (
            "enum ApiStatus {} fn f(s: ApiStatus) -> u8 { M[match s {}] }",
            "E0277",
        ),
        // 12: primitive, lowercase and helper names.
        ("enum u16 { A }", "primitive"),
        ("enum apiError { A }", "UpperCamelCase"),
        (
            "enum __ErrcatNode { A } const _: () = { struct __ErrcatNode; };",
            "defined twice",
        ),
        // 13: a field rustc's non_snake_case rejects.
        ("enum E { A { user__id: u8 } }", "snake_case"),
        // Raw identifiers of keywords.
        ("enum E { A { r#type: u8 } }", "raw identifier"),
        // 14: a `since` clippy's deprecated_semver rejects.
        ("enum E { #[deprecated(since = \"2.0\")] A }", "semver"),
        // 15: struct variants without the large_enum_variant allowance.
        ("enum E { A { a: u8 }, B }", "large_enum_variant"),
    ];
    for (code, expected) in bad {
        let problems = idents::check(code).expect("parses");
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{code}: expected a problem mentioning {expected:?}, got {problems:?}"
        );
    }
    let ok = "#[allow(clippy::large_enum_variant, reason = \"x\")] enum E { #[deprecated(since = \"1.0.0\")] A { user_id: u8 }, B } impl E { const ALL: u8 = 0; }";
    assert_eq!(idents::check(ok).expect("parses"), Vec::<String>::new());
    assert!(idents::semver("1.2.3-rc.1+b.2"));
    assert!(!idents::semver("01.2.3"));
    assert!(!idents::semver("1.2"));
    assert!(!idents::semver("1.2.3-01"));

    // Today's generator, on the catalogs of tests/compiled (which held these cases).
    for path in [
        "tests/compiled/catalogs/names.toml",
        "tests/compiled/catalogs/empty.toml",
    ] {
        let loaded = errcat_catalog::load(common::repo().join(path));
        let catalog = loaded.catalog.expect("loads");
        let opts = rust::RustOptions {
            serde: true,
            http: true,
            axum: true,
            ..rust::RustOptions::default()
        };
        let problems = idents::check(&rust::generate(&catalog, &opts)).expect("parses");
        assert!(problems.is_empty(), "{path}: {problems:?}");
    }
}
