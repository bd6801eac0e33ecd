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
    // In colour the spans are the same, only the styling differs: the first diagnostic
    // is enough (rendering was half of this target's time, issue 17 item 19).
    if let Some(first) = loaded.diagnostics.iter().next() {
        let _ = first.render(&loaded.sources, true);
    }
    assert_eq!(
        loaded.catalog.is_some(),
        !loaded.diagnostics.has_errors(),
        "a catalog must be produced exactly when there is no error:\n{rendered}"
    );
});
