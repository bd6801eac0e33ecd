//! `errcat init`: the starter catalog.

use crate::{errcat, texts};

#[test]
fn scaffolds_a_catalog_that_loads_without_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let out = errcat()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", texts(&out).1);
    let path = dir.path().join("errors.toml");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        errcat_cli::SCAFFOLD
    );

    let loaded = errcat_catalog::load(&path);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.render_diagnostics(false)
    );
    let catalog = loaded.catalog.expect("valid");
    assert!(!catalog.errors.is_empty());
    // It extends the standard HTTP catalog: reasons come from there.
    assert_eq!(catalog.status(404).unwrap().reason.as_str(), "Not Found");
    assert!(catalog.status(404).unwrap().is_registered());

    // lint agrees, with warnings denied.
    let lint = errcat()
        .current_dir(dir.path())
        .args(["lint", "--deny", "warnings", "errors.toml"])
        .output()
        .unwrap();
    assert_eq!(lint.status.code(), Some(0), "{}", texts(&lint).1);
}

#[test]
fn never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api-errors.toml");
    std::fs::write(&path, "# mine\n").unwrap();
    let out = errcat().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(texts(&out).1.contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
}

#[test]
fn writes_to_the_path_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.toml");
    let out = errcat().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(path.exists());
    assert!(!dir.path().join("errors.toml").exists());
}
