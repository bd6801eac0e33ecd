//! Catalog text -> model: parsing, composition and validation must never panic or hang,
//! and must render their diagnostics; a catalog is produced exactly when there is no error.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// How many diagnostics are rendered in report order before only new kinds are
/// (docs/robustness.md, "What each target does per input").
const RENDER_FIRST: usize = 8;

fuzz_target!(|data: &[u8]| {
    let loaded = common::load(data);
    let diagnostics: Vec<_> = loaded.diagnostics.iter().collect();
    let mut rendered = String::new();
    let mut rules = Vec::new();
    let mut files = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        // Every span of every diagnostic is located as `errcat lint --format json` does
        // (line and column of its start and end): a span past the end of its file, or
        // inside a UTF-8 sequence, would panic here.
        for label in d.primary.iter().chain(&d.secondary) {
            let _ = loaded.sources.location(label.span);
            let file = loaded.sources.get(label.span.file);
            let _ = file.line_col(label.span.end as usize);
        }
        // Rendering (annotate-snippets) was three quarters of this target's time, most of
        // it on inputs with hundreds of diagnostics of a few kinds: the first ones, the
        // first of each rule and of each file, and the last are rendered.
        let file = d.primary.as_ref().map(|p| p.span.file);
        let new_rule = !rules.contains(&d.rule);
        let new_file = !files.contains(&file);
        if i < RENDER_FIRST || new_rule || new_file || i + 1 == diagnostics.len() {
            rendered.push_str(&d.render(&loaded.sources, false));
            rendered.push_str("\n\n");
        }
        if new_rule {
            rules.push(d.rule);
        }
        if new_file {
            files.push(file);
        }
    }
    // In colour the spans are the same, only the styling differs: the first diagnostic
    // is enough.
    if let Some(first) = diagnostics.first() {
        let _ = first.render(&loaded.sources, true);
    }
    assert_eq!(
        loaded.catalog.is_some(),
        !loaded.diagnostics.has_errors(),
        "a catalog must be produced exactly when there is no error:\n{rendered}"
    );
});
