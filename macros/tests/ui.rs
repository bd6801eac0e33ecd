//! Compile-fail (and compile-pass) cases of `catalog!` and `#[derive(ErrorCatalog)]`, run by
//! trybuild: each `tests/ui/<category>/<case>.rs` is compiled against the `errcat` facade
//! and its compiler output compared with the `.stderr` next to it.
//!
//! Catalog paths in the macros are relative to `CARGO_MANIFEST_DIR`, which for trybuild's
//! generated crate is `<target>/tests/trybuild/errcat-macros/`: the test copies the
//! cases' catalogs (`tests/ui/catalogs/`) there first, so each case names its catalog as a
//! user would (`"catalogs/good.toml"`).

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let project = trybuild_project_dir();
    let catalogs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/catalogs");
    copy_dir(&catalogs, &project.join("catalogs"));

    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/macro/*.rs");
    t.compile_fail("tests/ui/catalog/*.rs");
    t.compile_fail("tests/ui/derive/*.rs");
    t.pass("tests/ui/pass/*.rs");
}

/// The directory trybuild builds this crate's cases in (`<target>/tests/trybuild/<crate>`,
/// with `<target>` as `cargo metadata` reports it, as trybuild does).
fn trybuild_project_dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version=1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let target = metadata["target_directory"]
        .as_str()
        .expect("cargo metadata reports the target directory");
    Path::new(target)
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}
