//! Catalog text -> model: parsing, composition and validation must never panic or hang,
//! and must render their diagnostics; a catalog is produced exactly when there is no error.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let loaded = common::load(data);
    // Rendering exercises every span: a span past the end of its file, or inside a
    // UTF-8 sequence, would panic here.
    let rendered = loaded.render_diagnostics(false);
    let _ = loaded.render_diagnostics(true);
    assert_eq!(
        loaded.catalog.is_some(),
        !loaded.diagnostics.has_errors(),
        "a catalog must be produced exactly when there is no error:\n{rendered}"
    );
});
