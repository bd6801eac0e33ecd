//! Catalog text -> generated Rust -> its identifier sets: for every catalog the loader
//! accepts, the Rust generated with every integration on must pass `idents::check` (no
//! name rustc or clippy would reject: duplicates in a namespace, generated items, keywords,
//! primitives, style lints, deprecation versions; issue 17's cases 9-15), without running
//! rustc per input.
#![no_main]

use errcat_codegen::rust;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
#[path = "idents.rs"]
mod idents;

fuzz_target!(|data: &[u8]| {
    let loaded = common::load(data);
    let Some(catalog) = loaded.catalog else {
        return;
    };
    let opts = rust::RustOptions {
        serde: true,
        http: true,
        axum: true,
        tracing: true,
    };
    let code = rust::generate(&catalog, &opts);
    match idents::check(&code) {
        Ok(problems) if problems.is_empty() => {}
        Ok(problems) => panic!(
            "the generated Rust has name problems:\n- {}\n\n{code}",
            problems.join("\n- ")
        ),
        Err(e) => panic!("generated Rust does not parse: {e}\n{code}"),
    }
});
