//! What the emitter tests share: the example catalogs, loaded.

#![allow(dead_code, reason = "each test target uses a different part")]

use errcat_codegen::catalog::Catalog;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Loads a catalog that must be valid, showing its diagnostics when it is not.
pub fn load(path: &Path) -> Catalog {
    let loaded = errcat_catalog::load(path);
    let diags = loaded.render_diagnostics(false);
    loaded
        .catalog
        .unwrap_or_else(|| panic!("{} does not load:\n{diags}", path.display()))
}

/// Every example catalog: `examples/catalogs/*.toml` and the showcase, by snapshot name.
pub fn example_catalogs() -> Vec<(String, Catalog)> {
    let dir = repo().join("examples/catalogs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/catalogs")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths.push(dir.join("showcase/errors.toml"));
    paths
        .into_iter()
        .map(|p| {
            let name = if p.ends_with("showcase/errors.toml") {
                "showcase".to_owned()
            } else {
                p.file_stem()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned()
            };
            let catalog = load(&p);
            (name, catalog)
        })
        .collect()
}

/// Runs Python; fails loudly (never skips) when python3 or the modules are missing.
pub fn python(script: &str, args: &[&Path]) -> std::process::Output {
    let probe = Command::new("python3")
        .args(["-c", "import openapi_spec_validator, jsonschema"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "openapi-spec-validator is not installed for python3 ({}): pip install openapi-spec-validator",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "python3 is needed to validate the OpenAPI output ({e}): install python3, then pip install openapi-spec-validator"
        ),
    }
    Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs")
}

/// Runs openapi-spec-validator on a file and fails with its output when it rejects it.
pub fn assert_valid_openapi(path: &Path, what: &str) {
    // Make sure the validator module is there before trusting its verdict.
    python("", &[]);
    let out = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{what} fails openapi-spec-validator:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
