//! One generation run on a catalog file, for instruction counting under callgrind
//! (`scripts/bench-generate.sh`).
//!
//! `perf-generate MODE FILE` with MODE one of:
//! - `read`: read the file only (the fixed cost both others include);
//! - `toml`: `toml::from_str::<toml::Table>`;
//! - `load`: load + validate;
//! - `all`: load + validate + Rust, markdown and OpenAPI emitters;
//! - `rust`, `markdown`, `openapi`: load + validate + that emitter only.

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
    let size = match mode.as_str() {
        "read" => text.len(),
        "toml" => match errcat_benches::toml_only(&text) {
            Ok(t) => t.len(),
            Err(e) => {
                eprintln!("perf-generate: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            let loaded = errcat_catalog::load_str(file, &text);
            let catalog = match loaded.into_result() {
                Ok((c, _, _)) => c,
                Err(diags) => {
                    eprintln!("{diags}");
                    return ExitCode::FAILURE;
                }
            };
            let opts = errcat_codegen::rust::RustOptions::default();
            match mode.as_str() {
                "load" => catalog.errors.len(),
                "all" => {
                    let o = errcat_benches::emit_all(&catalog);
                    o.rust.len() + o.markdown.len() + o.openapi.len()
                }
                "rust" => errcat_codegen::rust::generate(&catalog, &opts).len(),
                "markdown" => errcat_codegen::markdown::generate(&catalog).len(),
                "openapi" => {
                    errcat_codegen::openapi::to_json(&errcat_codegen::openapi::document(&catalog))
                        .len()
                }
                other => {
                    eprintln!("perf-generate: unknown mode `{other}`");
                    return ExitCode::from(2);
                }
            }
        }
    };
    // Printed so that the work cannot be optimised away.
    println!("{size}");
    ExitCode::SUCCESS
}
