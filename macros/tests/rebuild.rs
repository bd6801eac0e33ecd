//! Editing the catalog, or a file it includes, recompiles the crate in all three ways of
//! using errcat (build.rs, `catalog!`, `#[derive(ErrorCatalog)]`); editing an unrelated file
//! does not rerun the build script; an untouched workspace stays fresh; a broken catalog
//! fails each build with the problem's `path:line:col` and line.
//!
//! Real cargo builds of the fixture workspace `tests/fixtures/rebuild` (one crate per way,
//! all on one catalog), copied to a temporary directory, with its path dependencies pointed
//! at this checkout. What reran is read from `cargo build -v` (`Running .../build-script-build`,
//! `Compiling <crate>`, `Fresh <crate>`), and each binary is run to see the edited message.
//! The target directory is kept under cargo's `CARGO_TARGET_TMPDIR`, so errcat's
//! dependencies are compiled once, not on every run.

use std::path::{Path, PathBuf};
use std::process::Command;

const CRATES: [&str; 3] = ["fixture-build-script", "fixture-macro", "fixture-derive"];

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    target: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let checkout = manifest.parent().expect("macros/ is inside the checkout");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("fixture");
        // Forward slashes: the path goes into TOML literal strings.
        let checkout = checkout.to_str().expect("UTF-8 path").replace('\\', "/");
        copy_rendered(&manifest.join("tests/fixtures/rebuild"), &root, &checkout);
        // The checkout's lock file, so the fixture builds the same dependency versions
        // offline.
        std::fs::copy(
            Path::new(&checkout).join("Cargo.lock"),
            root.join("Cargo.lock"),
        )
        .unwrap();
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-rebuild");
        Fixture {
            _dir: dir,
            root,
            target,
        }
    }

    /// `cargo build -v`: its output (stdout and stderr), after asserting it succeeded.
    fn build(&self) -> Build {
        let (ok, build) = self.cargo_build(&["--workspace"]);
        assert!(ok, "cargo build failed:\n{}", build.0);
        build
    }

    /// `cargo build -v ARGS`: whether it succeeded, and its output.
    fn cargo_build(&self, args: &[&str]) -> (bool, Build) {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args(["build", "-v", "--offline"])
            .args(args)
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.success(), Build(text))
    }

    /// What a fixture binary prints.
    fn run(&self, name: &str) -> String {
        let exe = self
            .target
            .join("debug")
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        let output = Command::new(&exe).output().unwrap();
        assert!(output.status.success(), "{} failed", exe.display());
        String::from_utf8(output.stdout).unwrap()
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
}

struct Build(String);

impl Build {
    /// Whether the fixture's build script was run (not just compiled).
    fn ran_build_script(&self) -> bool {
        self.0.lines().any(|l| {
            l.trim_start().starts_with("Running `")
                && l.contains("fixture-build-script")
                && l.trim_end().ends_with("build-script-build`")
        })
    }

    fn compiled(&self, name: &str) -> bool {
        self.0
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("Compiling {name} ")))
    }

    fn fresh(&self, name: &str) -> bool {
        self.0
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("Fresh {name} ")))
    }
}

#[test]
fn catalog_edits_recompile_every_way_and_nothing_else_does() {
    let f = Fixture::new();

    let first = f.build();
    assert!(first.ran_build_script(), "{}", first.0);
    for name in CRATES {
        assert_eq!(
            f.run(name),
            "Widget w1 is missing\nWidget taken\n",
            "{name}"
        );
    }

    // Nothing changed: nothing reruns (write_if_changed and the tracked files keep the
    // crates fresh).
    let again = f.build();
    assert!(!again.ran_build_script(), "{}", again.0);
    for name in CRATES {
        assert!(again.fresh(name), "{name} rebuilt:\n{}", again.0);
    }

    // The catalog itself (with a warning, which each way passes on: cargo warnings from the
    // build script, compiler warnings from the macros).
    f.edit(
        "catalog/errors.toml",
        "Widget {name} is missing",
        "Widget {name} has gone",
    );
    f.edit(
        "catalog/errors.toml",
        "[statuses.404]",
        "[statuses.404]\nreason = \"Gone Missing\"",
    );
    let root_edit = f.build();
    assert!(root_edit.ran_build_script(), "{}", root_edit.0);
    assert!(
        root_edit
            .0
            .lines()
            .any(|l| l.starts_with("warning: fixture-build-script")
                && l.contains("warning[reason-override]")),
        "{}",
        root_edit.0
    );
    let macro_warnings = root_edit
        .0
        .lines()
        .filter(|l| {
            l.starts_with("warning: use of deprecated constant `_::errcat_catalog_warning`")
                && l.contains("[reason-override]")
        })
        .count();
    assert_eq!(macro_warnings, 2, "{}", root_edit.0);
    for name in CRATES {
        assert!(
            root_edit.compiled(name),
            "{name} not rebuilt:\n{}",
            root_edit.0
        );
        assert_eq!(f.run(name), "Widget w1 has gone\nWidget taken\n", "{name}");
    }

    // A file the catalog includes.
    f.edit("catalog/more.toml", "Widget taken", "Widget already taken");
    let include_edit = f.build();
    assert!(include_edit.ran_build_script(), "{}", include_edit.0);
    for name in CRATES {
        assert!(
            include_edit.compiled(name),
            "{name} not rebuilt:\n{}",
            include_edit.0
        );
        assert_eq!(
            f.run(name),
            "Widget w1 has gone\nWidget already taken\n",
            "{name}"
        );
    }

    // A source file of the build-script crate: the crate is recompiled, its build script
    // is not rerun, and the other crates stay fresh.
    f.edit(
        "build-script/src/main.rs",
        "fn main() {",
        "// edited\nfn main() {",
    );
    let unrelated = f.build();
    assert!(!unrelated.ran_build_script(), "{}", unrelated.0);
    assert!(
        unrelated.compiled("fixture-build-script"),
        "{}",
        unrelated.0
    );
    assert!(unrelated.fresh("fixture-macro"), "{}", unrelated.0);
    assert!(unrelated.fresh("fixture-derive"), "{}", unrelated.0);

    // A mistake in the included file fails each build with its location and line, and
    // nothing else.
    f.edit("catalog/more.toml", "message = ", "mesage = ");
    for name in CRATES {
        let (ok, broken) = f.cargo_build(&["-p", name]);
        assert!(!ok, "{name} built with a broken catalog");
        assert!(
            broken.0.contains("../catalog/more.toml:5:1"),
            "{name}:\n{}",
            broken.0
        );
        assert!(
            broken.0.contains("mesage = \"Widget already taken\""),
            "{name}:\n{}",
            broken.0
        );
        assert!(
            broken.0.contains("unknown key `mesage`"),
            "{name}:\n{}",
            broken.0
        );
        // Only the catalog's error: the code using the types adds none of its own.
        assert!(!broken.0.contains("error[E"), "{name}:\n{}", broken.0);
    }
}

/// Copies `from` to `to`, writing `X.tmpl` files as `X` with `@ROOT@` replaced.
fn copy_rendered(from: &Path, to: &Path, root: &str) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_rendered(&entry.path(), &to.join(&name), root);
        } else if let Some(stem) = name.strip_suffix(".tmpl") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(to.join(stem), text.replace("@ROOT@", root)).unwrap();
        } else {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}
