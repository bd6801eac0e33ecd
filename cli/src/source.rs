//! Where `errcat diff` reads a catalog from: a path, or `REV:path` from git.

use errcat_catalog::Loaded;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// A catalog version named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spec {
    /// A file on disk.
    Path(PathBuf),
    /// A file in a git revision.
    Git {
        /// The revision (`origin/main`, `HEAD~1`, a tag).
        rev: String,
        /// The path, relative to the current directory.
        path: PathBuf,
    },
}

impl Spec {
    /// `REV:path` when the argument is not an existing file and has a non-empty revision
    /// before its first `:`; a path otherwise. A revision that starts with `-` is refused:
    /// git would read it as an option (`--output=FILE` writes a file).
    pub fn parse(arg: &str) -> Result<Spec, String> {
        if !Path::new(arg).exists() {
            if let Some((rev, path)) = arg.split_once(':') {
                if rev.starts_with('-') {
                    return Err(format!(
                        "`{rev}` is not a revision (it starts with `-`, so git would read it as an option); name a branch, tag or commit, or give a path to a file"
                    ));
                }
                if !rev.is_empty() && !path.is_empty() {
                    return Ok(Spec::Git {
                        rev: rev.to_owned(),
                        path: PathBuf::from(path),
                    });
                }
            }
        }
        Ok(Spec::Path(PathBuf::from(arg)))
    }

    /// Loads the catalog, its includes and extended files from the same place.
    pub fn load(&self) -> Loaded {
        match self {
            Spec::Path(p) => errcat_catalog::load(p),
            Spec::Git { rev, path } => {
                let mut read = |p: &Path| git_show(rev, p);
                errcat_catalog::load_with(path, &mut read)
            }
        }
    }
}

impl std::fmt::Display for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Spec::Path(p) => write!(f, "{}", p.display()),
            Spec::Git { rev, path } => write!(f, "{rev}:{}", path.display()),
        }
    }
}

/// `git show REV:./path`: the file as of `rev`, the path taken relative to the current
/// directory (git's `./` form) like any other path on the command line. The object comes
/// after `--end-of-options` (git 2.24 and later), so nothing in it is ever an option, even
/// if a caller skipped [`Spec::parse`]'s check.
fn git_show(rev: &str, path: &Path) -> std::io::Result<String> {
    let relative = normalize(path);
    let object = if relative.starts_with("..") {
        format!("{rev}:{}", relative.display())
    } else {
        format!("{rev}:./{}", relative.display())
    };
    let output = Command::new("git")
        .args(["show", "--no-textconv", "--end-of-options", &object])
        .output()
        .map_err(|e| std::io::Error::other(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr.lines().next().unwrap_or("git show failed").trim();
        let reason = reason.strip_prefix("fatal: ").unwrap_or(reason);
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("`git show {object}`: {reason}"),
        ));
    }
    // Not UTF-8: located at its first invalid byte, like a file on disk.
    errcat_catalog::source::not_utf8(output.stdout)
}

/// `a/./b/../c` -> `a/c`, keeping leading `..`.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_revisions_and_paths() {
        assert_eq!(
            Spec::parse("origin/main:docs/errors.toml"),
            Ok(Spec::Git {
                rev: "origin/main".to_owned(),
                path: PathBuf::from("docs/errors.toml")
            })
        );
        assert_eq!(
            Spec::parse("errors.toml"),
            Ok(Spec::Path(PathBuf::from("errors.toml")))
        );
        assert_eq!(Spec::parse(":x"), Ok(Spec::Path(PathBuf::from(":x"))));
        let refused = Spec::parse("--output=/tmp/pwned:errors.toml").unwrap_err();
        assert!(
            refused.contains("`--output=/tmp/pwned` is not a revision"),
            "{refused}"
        );
    }

    #[test]
    fn git_never_reads_the_revision_as_an_option() {
        // Past `Spec::parse`'s check: `--end-of-options` alone keeps git from writing.
        // (Run in the crate's directory, which is in the project's repository; without git
        // or a repository, git fails before reading anything, which proves nothing but
        // writes nothing either.)
        let dir = std::env::temp_dir().join(format!("errcat-git-opt-{}", std::process::id()));
        // The object is `--output=DIR/pwned:./Cargo.toml`: read as an option, git writes
        // the file `Cargo.toml` in the directory `pwned:.`, which exists.
        let target = dir.join("pwned:.");
        std::fs::create_dir_all(&target).unwrap();
        let rev = format!("--output={}/pwned", dir.display());
        assert!(git_show(&rev, Path::new("Cargo.toml")).is_err());
        let written = std::fs::read_dir(&target).unwrap().count();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(written, 0, "git wrote a file");
    }

    #[test]
    fn normalizes_lexically() {
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize(Path::new("../x/y")), PathBuf::from("../x/y"));
        assert_eq!(normalize(Path::new("./x")), PathBuf::from("x"));
    }
}
