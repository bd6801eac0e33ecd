//! Byte identity of the Rust emitter: for every example catalog, every catalog of the
//! compiled tests, the stress catalogs of `rust_snapshots.rs` and catalogs with very long
//! type names, and for each of the 16 combinations of integrations (serde, http, axum,
//! tracing), the output
//!
//! - is what prettyplease prints for it (`prettyplease::unparse(syn2::parse_file(out))`);
//! - has the length and hash recorded in `snapshots/rust_identity__digests.snap`, taken
//!   from the emitter as it was when it still formatted its fixed-size items with syn and
//!   prettyplease: any byte that changes in any output changes a line of that snapshot.
//!
//! The derive's impls (prettyplease-formatted) of the same catalogs are recorded the same
//! way.

use errcat_codegen::catalog::Catalog;
use errcat_codegen::rust::{self, RustOptions};
use std::fmt::Write as _;

mod common;
use common::*;

/// FNV-1a, 64 bits: a stable hash written into the snapshot.
fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// With `ERRCAT_IDENTITY_DUMP=DIR`, writes `code` to `DIR/file`: the outputs to compare
/// with `diff -r` when a digest changes.
fn dump(file: &str, code: &str) {
    if let Some(dir) = std::env::var_os("ERRCAT_IDENTITY_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the dump directory");
        std::fs::write(dir.join(file), code).expect("a dumped output");
    }
}

/// One line of a digest snapshot: catalog, options, length and hash of the output.
fn push_digest(out: &mut String, name: &str, opts: &str, code: &str) {
    let _ = writeln!(out, "{name} {opts} {} {:016x}", code.len(), fnv(code));
}

/// Every combination of the four integrations, and a short name for each.
fn option_sets() -> Vec<(String, RustOptions)> {
    (0..16u8)
        .map(|bits| {
            let opts = RustOptions {
                serde: bits & 1 != 0,
                http: bits & 2 != 0,
                axum: bits & 4 != 0,
                tracing: bits & 8 != 0,
            };
            let mut name = String::new();
            for (on, c) in [
                (opts.serde, 's'),
                (opts.http, 'h'),
                (opts.axum, 'a'),
                (opts.tracing, 't'),
            ] {
                name.push(if on { c } else { '-' });
            }
            (name, opts)
        })
        .collect()
}

fn load_text(name: &str, toml: &str) -> Catalog {
    let loaded = errcat_catalog::load_str(format!("{name}.toml"), toml);
    let diags = loaded.render_diagnostics(false);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("{name} does not load:\n{diags}"))
}

/// A catalog whose type names are long enough for prettyplease to break the lines that
/// name them (`impl ... for Name`, signatures), with causes, groups and several statuses.
fn long_names_catalog(len: usize) -> String {
    let error = format!("E{}", "x".repeat(len.saturating_sub(1)));
    let status = format!("S{}", "y".repeat(len.saturating_sub(1)));
    format!(
        r#"[catalog]
name = "Long names"
extends = "http"

[rust]
error_enum = "{error}"
status_enum = "{status}"

[statuses.400]
[statuses.404]
[statuses.422]
[statuses.500]

[errors.not_found]
status = 404
message = "No {{id}}"
fields.id = {{ type = "string" }}

[errors.internal]
status = 500
message = "Internal"
cause = true
from = ["std::io::Error", "std::fmt::Error"]

[errors.bad_amount]
status = 422
message = "Bad amount {{amount}}"
fields.amount = {{ type = "float" }}

[groups.validation]
status = 422
errors = ["bad_amount"]
template = {{ errors = "{{items}}" }}
item = {{ detail = "{{message}}" }}
"#
    )
}

/// Every catalog of the test, by name.
fn catalogs() -> Vec<(String, Catalog)> {
    let mut out = example_catalogs();
    for p in toml_files(&repo().join("tests/compiled/catalogs")) {
        let name = format!("compiled-{}", p.file_stem().unwrap().to_string_lossy());
        out.push((name, load(&p)));
    }
    out.push((
        "hostile".into(),
        load_text("hostile", &hostile_catalog(120)),
    ));
    out.push(("causes".into(), load_text("causes", &causes_catalog())));
    for len in [20, 37, 45, 60, 90] {
        out.push((
            format!("long-names-{len}"),
            load_text("long", &long_names_catalog(len)),
        ));
    }
    out
}

/// Whether the emitter wrote the code as prettyplease formats it (else what differs).
fn prettyplease_identical(name: &str, code: &str) -> Result<(), String> {
    let file = syn2::parse_file(code).map_err(|e| format!("{name}: not valid Rust: {e}"))?;
    let formatted = prettyplease::unparse(&file);
    if formatted == code {
        return Ok(());
    }
    Err(format!(
        "{name}: output differs from prettyplease's formatting:\n{}",
        first_difference(code, &formatted)
    ))
}

#[test]
fn every_output_is_prettyplease_formatted_and_unchanged() {
    let mut digests = String::new();
    let mut failures = Vec::new();
    for (name, catalog) in catalogs() {
        for (opts_name, opts) in option_sets() {
            let code = rust::generate(&catalog, &opts);
            dump(&format!("{name}.{opts_name}.rs"), &code);
            if let Err(e) = prettyplease_identical(&format!("{name} {opts_name}"), &code) {
                failures.push(e);
            }
            push_digest(&mut digests, &name, &opts_name, &code);
        }
    }
    assert!(
        failures.is_empty(),
        "{} outputs differ from prettyplease's formatting; the first:\n{}",
        failures.len(),
        failures[0]
    );
    insta::assert_snapshot!("digests", digests);
}

#[cfg(feature = "derive")]
/// The derive's output for an enum written for `catalog` (its errors in reverse order,
/// fields reversed), formatted by prettyplease.
fn derived(catalog: &Catalog, opts: &RustOptions) -> String {
    let mut src = String::from("#[derive(Debug)]\npub enum Derived {\n");
    for e in catalog.errors.iter().rev() {
        if e.fields.is_empty() && e.cause.is_none() {
            let _ = writeln!(src, "    {},", e.variant);
            continue;
        }
        let _ = writeln!(src, "    {} {{", e.variant);
        for f in e.fields.iter().rev() {
            let _ = writeln!(src, "        {}: {},", f.name.as_str(), f.ty.rust_type());
        }
        if e.cause.is_some() {
            src.push_str("        #[source]\n        cause: Option<::errcat::Cause>,\n");
        }
        src.push_str("    },\n");
    }
    src.push_str("}\n");
    let input: syn::DeriveInput = syn::parse_str(&src).expect("the enum parses");
    let impls = errcat_codegen::derive::derive_with(catalog, &input, opts)
        .unwrap_or_else(|e| panic!("the derive rejects the enum: {e}\n{src}"));
    let file: syn2::File = syn2::parse2(impls).expect("the impls parse");
    prettyplease::unparse(&file)
}

#[cfg(feature = "derive")]
#[test]
fn every_derive_output_is_unchanged() {
    let mut digests = String::new();
    for (name, catalog) in catalogs() {
        // Variant names that are not identifiers as written (`r#...`) are out of scope
        // here: the derive reads the user's own names.
        if catalog.errors.iter().any(|e| e.variant.starts_with("r#")) {
            continue;
        }
        for (opts_name, opts) in option_sets() {
            let code = derived(&catalog, &opts);
            dump(&format!("derive-{name}.{opts_name}.rs"), &code);
            push_digest(&mut digests, &name, &opts_name, &code);
        }
    }
    insta::assert_snapshot!("derive_digests", digests);
}
