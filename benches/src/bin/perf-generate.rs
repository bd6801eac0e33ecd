//! One generation run on a catalog file, for instruction counting under callgrind
//! (`scripts/bench-generate.sh`).
//!
//! `perf-generate MODE FILE` with MODE one of:
//! - `read`: read the file only (the fixed cost both others include);
//! - `toml`: `toml::from_str::<toml::Table>`;
//! - `load`: load + validate;
//! - `all`: load + validate + Rust, markdown and OpenAPI emitters;
//! - `rust`, `markdown`, `openapi`: load + validate + that emitter only.
//!
//! `PERF_REPEAT=N` runs the mode N times in the process (default 1): the difference
//! between N and 1 runs, divided by N - 1, is the cost of one more load in a process that
//! has already paid the fixed costs (the bundled catalog, the formatted fixed-size items),
//! as a fuzzer or a build with several catalogs pays it.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, file] = args.as_slice() else {
        eprintln!("usage: perf-generate read|toml|load|all|rust|markdown|openapi FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("perf-generate: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let repeat: usize = std::env::var("PERF_REPEAT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut size = 0;
    for _ in 0..repeat {
        match run(mode, file, &text) {
            Some(n) => size += n,
            None => return ExitCode::FAILURE,
        }
    }
    // Printed so that the work cannot be optimised away.
    println!("{size}");
    ExitCode::SUCCESS
}

/// One run of `mode`: the size of what it made, `None` after reporting an error.
fn run(mode: &str, file: &str, text: &str) -> Option<usize> {
    let text = text.to_owned();
    let size = match mode {
        "read" => text.len(),
        "toml" => match errcat_benches::toml_only(&text) {
            Ok(t) => t.len(),
            Err(e) => {
                eprintln!("perf-generate: {e}");
                return None;
            }
        },
        _ => {
            let loaded = errcat_catalog::load_str(file, &text);
            let catalog = match loaded.into_result() {
                Ok((c, _, _)) => c,
                Err(diags) => {
                    eprintln!("{diags}");
                    return None;
                }
            };
            let opts = errcat_codegen::rust::RustOptions::default();
            match mode {
                "load" => catalog.errors.len(),
                "all" => {
                    let o = errcat_benches::emit_all(&catalog);
                    o.rust.len() + o.markdown.len() + o.openapi.len()
                }
                "rust" => errcat_codegen::rust::generate(&catalog, &opts).len(),
                "markdown" => errcat_codegen::markdown::generate(&catalog).len(),
                "openapi" => errcat_codegen::openapi::to_json_text(&catalog).len(),
                other => {
                    eprintln!("perf-generate: unknown mode `{other}`");
                    return None;
                }
            }
        }
    };
    Some(size)
}
