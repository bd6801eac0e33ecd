//! Writing the outputs of one run as a set: every output is checked, then every temp file
//! is written and synced, then all are renamed into place, so a run either replaces every
//! changed output or none.
//!
//! The CLI (`errcat generate`, `errcat check`) and the build API ([`crate::build::Builder`])
//! both go through [`OutputSet`], so they refuse the same things:
//!
//! - an output that is one of the run's inputs (the catalog, a file it includes or
//!   extends, a document merged from): compared by canonical path and by file identity
//!   (device and inode), so `./sub/../errors.toml`, symbolic links and hard links are seen
//!   through;
//! - the same file given as two outputs;
//! - an existing output that is not a regular file (a device, a FIFO, a directory, a
//!   socket, a dangling symbolic link): errcat never replaces one with a regular file,
//!   and never blocks reading one.
//!
//! An output is one [`OutputSet::file`] or one [`OutputSet::dir`] (a directory of many
//! files, such as a generated site) entry; a file whose content is unchanged is not
//! touched (its modification time is kept).
//!
//! Temp files are named `.NAME.PID-N.errcat-tmp` next to their target. One left behind by
//! a killed run is removed by the next run that writes the same output, once its process
//! is gone (or the file is an hour old).
//!
//! ```
//! use errcat_codegen::outputs::OutputSet;
//!
//! let dir = tempfile::tempdir()?;
//! let catalog = dir.path().join("errors.toml");
//! std::fs::write(&catalog, "[catalog]\nname = \"Demo\"\n")?;
//!
//! let mut set = OutputSet::new();
//! set.input(&catalog)
//!     .file("--rust", dir.path().join("errors.rs"), "pub struct A;\n")
//!     .file("--markdown", dir.path().join("docs/errors.md"), "# Errors\n");
//! let written = set.write()?;
//! assert!(written.iter().all(|w| w.changed));
//!
//! // An output that is an input of the run is refused, and nothing is written.
//! let mut bad = OutputSet::new();
//! bad.input(&catalog)
//!     .file("--markdown", dir.path().join("new.md"), "# Errors\n")
//!     .file("--rust", dir.path().join("docs/../errors.toml"), "pub struct A;\n");
//! let err = bad.write().unwrap_err();
//! assert!(err.to_string().contains("is an input of this run"), "{err}");
//! assert!(!dir.path().join("new.md").exists());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one output holds.
#[derive(Debug, Clone)]
enum Contents {
    /// One file.
    File(String),
    /// A directory of files, by path relative to it.
    Dir(Vec<(PathBuf, String)>),
}

#[derive(Debug, Clone)]
struct Entry {
    label: String,
    path: PathBuf,
    contents: Contents,
}

/// The outputs of one run, and the inputs none of them may be.
#[derive(Debug, Clone, Default)]
pub struct OutputSet {
    inputs: Vec<PathBuf>,
    entries: Vec<Entry>,
}

/// One file of the set after [`OutputSet::write`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The index of the entry it belongs to, in the order entries were added.
    pub entry: usize,
    /// The file's path (for a directory entry, the directory joined with its name).
    pub path: PathBuf,
    /// Whether it was written (`false`: its content was already the same).
    pub changed: bool,
}

/// One file of the set as [`OutputSet::compare`] found it on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// The index of the entry it belongs to.
    pub entry: usize,
    /// The file's path.
    pub path: PathBuf,
    /// What is there now: `None` when the file does not exist. Bytes that are not UTF-8
    /// are shown lossily (errcat never writes them, so they differ anyway).
    pub current: Option<String>,
    /// What errcat would write.
    pub expected: String,
}

impl Compared {
    /// Whether the file on disk is what errcat would write.
    pub fn is_up_to_date(&self) -> bool {
        self.current.as_deref() == Some(self.expected.as_str())
    }
}

/// Why a set was refused or could not be written. Nothing was renamed into place, unless
/// [`Error::partially_committed`] says otherwise.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// An output is one of the inputs.
    IsInput {
        label: String,
        output: PathBuf,
        input: PathBuf,
    },
    /// Two outputs are the same file.
    Twice {
        first_label: String,
        first: PathBuf,
        label: String,
        output: PathBuf,
    },
    /// An existing output (or a parent of it) is not what it must be.
    NotRegular {
        label: String,
        path: PathBuf,
        what: &'static str,
    },
    /// A directory entry's file name is absolute or leaves the directory.
    OutsideDir {
        label: String,
        dir: PathBuf,
        name: PathBuf,
    },
    /// Reading, writing or renaming failed.
    Io {
        label: String,
        path: PathBuf,
        source: io::Error,
        /// Outputs already renamed into place before the failure.
        committed: usize,
    },
}

impl Error {
    /// Whether the set was refused before anything was written (an output that is an
    /// input, twice the same output, an output that is not a regular file).
    pub fn is_refusal(&self) -> bool {
        !matches!(self.kind, ErrorKind::Io { .. })
    }

    /// How many files were already renamed into place when a rename failed (0 for every
    /// other failure).
    pub fn partially_committed(&self) -> usize {
        match self.kind {
            ErrorKind::Io { committed, .. } => committed,
            _ => 0,
        }
    }

    fn io(label: &str, path: &Path, source: io::Error) -> Self {
        Error {
            kind: ErrorKind::Io {
                label: label.to_owned(),
                path: path.to_path_buf(),
                source,
                committed: 0,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::IsInput {
                label,
                output,
                input,
            } => write!(
                f,
                "refusing to write {label} `{}`: it is `{}`, which is an input of this run; \
                 nothing was written",
                output.display(),
                input.display()
            ),
            ErrorKind::Twice {
                first_label,
                first,
                label,
                output,
            } => write!(
                f,
                "refusing to write {label} `{}`: it is the same file as {first_label} `{}`; \
                 give each output its own file (nothing was written)",
                output.display(),
                first.display()
            ),
            ErrorKind::NotRegular { label, path, what } => write!(
                f,
                "refusing to write {label} `{}`: it is {what}, not a regular file; \
                 nothing was written",
                path.display()
            ),
            ErrorKind::OutsideDir { label, dir, name } => write!(
                f,
                "refusing to write {label} `{}`: the file name `{}` is not inside it",
                dir.display(),
                name.display()
            ),
            ErrorKind::Io {
                label,
                path,
                source,
                committed,
            } => {
                write!(f, "cannot write {label} `{}`: {source}", path.display())?;
                if *committed == 0 {
                    f.write_str("; nothing was written")
                } else {
                    write!(
                        f,
                        "; {committed} other file{} had already been replaced",
                        if *committed == 1 { "" } else { "s" }
                    )
                }
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Where a path leads, for comparing files.
#[derive(Debug, Clone)]
struct Resolved {
    /// The canonical path (for a path that does not exist yet: its nearest existing
    /// ancestor's canonical path, joined with the rest).
    canonical: PathBuf,
    /// Device and inode of an existing file.
    identity: Option<(u64, u64)>,
    /// Whether the file exists.
    exists: bool,
}

impl Resolved {
    fn same_file(&self, other: &Resolved) -> bool {
        self.canonical == other.canonical
            || (self.identity.is_some() && self.identity == other.identity)
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Resolves an output path, refusing what must not be written to.
fn resolve_output(label: &str, path: &Path) -> Result<Resolved, Error> {
    let refuse = |path: &Path, what| Error {
        kind: ErrorKind::NotRegular {
            label: label.to_owned(),
            path: path.to_path_buf(),
            what,
        },
    };
    match std::fs::symlink_metadata(path) {
        Ok(link) => {
            let meta = match std::fs::metadata(path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound && link.file_type().is_symlink() => {
                    return Err(refuse(path, "a symbolic link to a missing file"));
                }
                Err(e) => return Err(Error::io(label, path, e)),
            };
            if let Some(what) = errcat_catalog::source::special_kind(meta.file_type()) {
                return Err(refuse(path, what));
            }
            let canonical = std::fs::canonicalize(path).map_err(|e| Error::io(label, path, e))?;
            Ok(Resolved {
                canonical,
                identity: identity(&meta),
                exists: true,
            })
        }
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            // A new file: its nearest existing ancestor must be a directory.
            let absolute = if path.is_absolute() {
                path.to_path_buf()
            } else {
                std::env::current_dir()
                    .map_err(|e| Error::io(label, path, e))?
                    .join(path)
            };
            let mut ancestor = absolute.as_path();
            let mut rest = Vec::new();
            while let Some(parent) = ancestor.parent() {
                if let Some(name) = ancestor.file_name() {
                    rest.push(name.to_owned());
                } else {
                    // `..` or `.` as the last component: keep it for the lexical part.
                    rest.push(
                        ancestor
                            .components()
                            .next_back()
                            .map_or_else(|| OsString::from("."), |c| c.as_os_str().to_owned()),
                    );
                }
                ancestor = parent;
                match std::fs::metadata(ancestor) {
                    Ok(meta) if meta.is_dir() => break,
                    Ok(_) => return Err(refuse(ancestor, "a file where a directory is needed")),
                    Err(e)
                        if matches!(
                            e.kind(),
                            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                        ) =>
                    {
                        continue;
                    }
                    Err(e) => return Err(Error::io(label, ancestor, e)),
                }
            }
            let base = std::fs::canonicalize(ancestor).map_err(|e| Error::io(label, path, e))?;
            let tail: PathBuf = rest.iter().rev().collect();
            Ok(Resolved {
                // Lexical for the part that does not exist yet, where no symbolic link can be.
                canonical: errcat_catalog::source::normalize_lexically(&base.join(tail)),
                identity: None,
                exists: false,
            })
        }
        Err(e) => Err(Error::io(label, path, e)),
    }
}

/// Resolves an input; `None` when it cannot be (a missing input is the loader's error).
fn resolve_input(path: &Path) -> Option<Resolved> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Resolved {
        canonical: std::fs::canonicalize(path).ok()?,
        identity: identity(&meta),
        exists: true,
    })
}

/// One file to write, checked.
struct Target<'s> {
    entry: usize,
    label: &'s str,
    /// The path as the caller gave it (for messages and reports).
    path: PathBuf,
    resolved: Resolved,
    contents: &'s str,
}

impl<'s> Target<'s> {
    /// Where the file is written: through a symbolic link to its target, so the link
    /// stays a link.
    fn write_path(&self) -> &Path {
        if self.resolved.exists {
            &self.resolved.canonical
        } else {
            &self.path
        }
    }
}

/// Makes temp names unique within the process (threads of one test binary, or one
/// process running several builders).
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

const TEMP_SUFFIX: &str = ".errcat-tmp";

/// `.NAME.PID-N.errcat-tmp` next to `path`.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut tmp = OsString::from(".");
    tmp.push(name);
    tmp.push(format!(
        ".{}-{}{TEMP_SUFFIX}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(tmp))
}

/// Removes temp files of `path` left by runs that were killed: `.NAME.PID-N.errcat-tmp`
/// whose process no longer runs (where that can be told, through `/proc`) or that are an
/// hour old. Best effort: a failure here never fails the run.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Some(name) = name.to_str() else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let proc_fs = Path::new("/proc/self").exists();
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let Some(pid) = middle
            .split_once('-')
            .and_then(|(pid, n)| n.parse::<usize>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        if pid == own {
            continue;
        }
        let gone = proc_fs && !Path::new(&format!("/proc/{pid}")).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 3600);
        if gone || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Reads what an output holds now; `None` when it does not exist.
fn read_current(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match errcat_catalog::source::read_regular(path, u64::MAX) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Creates `dir` and its missing parents, returning the ones it created (outermost
/// first), so that a failed run can remove them again.
fn create_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(d) = at.filter(|d| !d.as_os_str().is_empty()) {
        if d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        at = d.parent();
    }
    missing.reverse();
    for d in &missing {
        match std::fs::create_dir(d) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && d.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(missing)
}

/// Syncs a directory so that the renames in it survive a crash (best effort; not
/// possible on every platform).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

impl OutputSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// A file the run reads (the catalog, a file it includes or extends, a document it
    /// merges from): no output may be it.
    pub fn input(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.inputs.push(path.into());
        self
    }

    /// Several inputs at once.
    pub fn inputs<P: Into<PathBuf>>(&mut self, paths: impl IntoIterator<Item = P>) -> &mut Self {
        self.inputs.extend(paths.into_iter().map(Into::into));
        self
    }

    /// One output file. `label` names it in messages (`--rust`, `markdown`).
    pub fn file(
        &mut self,
        label: impl Into<String>,
        path: impl Into<PathBuf>,
        contents: impl Into<String>,
    ) -> &mut Self {
        self.entries.push(Entry {
            label: label.into(),
            path: path.into(),
            contents: Contents::File(contents.into()),
        });
        self
    }

    /// One output directory of files, each named by a relative path inside it (which may
    /// have subdirectories, but no `..` and no root). Files of the directory that are not
    /// in `files` are left alone.
    pub fn dir(
        &mut self,
        label: impl Into<String>,
        path: impl Into<PathBuf>,
        files: impl IntoIterator<Item = (PathBuf, String)>,
    ) -> &mut Self {
        self.entries.push(Entry {
            label: label.into(),
            path: path.into(),
            contents: Contents::Dir(files.into_iter().collect()),
        });
        self
    }

    /// The labels and paths of the entries, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.entries
            .iter()
            .map(|e| (e.label.as_str(), e.path.as_path()))
    }

    /// Checks every output against the rules above, touching nothing.
    pub fn check(&self) -> Result<(), Error> {
        self.targets().map(drop)
    }

    /// Every file to write, resolved and checked.
    fn targets(&self) -> Result<Vec<Target<'_>>, Error> {
        let inputs: Vec<(&Path, Resolved)> = self
            .inputs
            .iter()
            .filter_map(|p| Some((p.as_path(), resolve_input(p)?)))
            .collect();
        let mut targets: Vec<Target<'_>> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let label = entry.label.as_str();
            let files: Vec<(PathBuf, &str)> = match &entry.contents {
                Contents::File(text) => vec![(entry.path.clone(), text.as_str())],
                Contents::Dir(files) => {
                    // The directory itself: absent, or a directory.
                    match std::fs::metadata(&entry.path) {
                        Ok(meta) if !meta.is_dir() => {
                            return Err(Error {
                                kind: ErrorKind::NotRegular {
                                    label: label.to_owned(),
                                    path: entry.path.clone(),
                                    what: "not a directory",
                                },
                            });
                        }
                        _ => {}
                    }
                    let mut out = Vec::with_capacity(files.len());
                    for (name, text) in files {
                        let inside = name
                            .components()
                            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
                            && name.file_name().is_some();
                        if !inside {
                            return Err(Error {
                                kind: ErrorKind::OutsideDir {
                                    label: label.to_owned(),
                                    dir: entry.path.clone(),
                                    name: name.clone(),
                                },
                            });
                        }
                        out.push((entry.path.join(name), text.as_str()));
                    }
                    out
                }
            };
            for (path, contents) in files {
                let resolved = resolve_output(label, &path)?;
                if let Some((input, _)) = inputs.iter().find(|(_, r)| r.same_file(&resolved)) {
                    return Err(Error {
                        kind: ErrorKind::IsInput {
                            label: label.to_owned(),
                            output: path,
                            input: input.to_path_buf(),
                        },
                    });
                }
                if let Some(first) = targets.iter().find(|t| t.resolved.same_file(&resolved)) {
                    return Err(Error {
                        kind: ErrorKind::Twice {
                            first_label: first.label.to_owned(),
                            first: first.path.clone(),
                            label: label.to_owned(),
                            output: path,
                        },
                    });
                }
                targets.push(Target {
                    entry: index,
                    label,
                    path,
                    resolved,
                    contents,
                });
            }
        }
        Ok(targets)
    }

    /// Compares every output with what is on disk (for `errcat check`), after the same
    /// checks as [`OutputSet::write`]; writes nothing.
    pub fn compare(&self) -> Result<Vec<Compared>, Error> {
        let mut out = Vec::new();
        for t in self.targets()? {
            let current = read_current(t.write_path())
                .map_err(|e| Error::io(t.label, &t.path, e))?
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            out.push(Compared {
                entry: t.entry,
                path: t.path.clone(),
                current,
                expected: t.contents.to_owned(),
            });
        }
        Ok(out)
    }

    /// Writes the set: checks every output, writes and syncs a temp file for each one whose
    /// content changed, then renames them all into place. On a failure before the renames,
    /// every temp file (and every directory the run created) is removed and no output is
    /// touched.
    pub fn write(&self) -> Result<Vec<Written>, Error> {
        let targets = self.targets()?;
        let mut report = Vec::with_capacity(targets.len());
        let mut pending: Vec<(PathBuf, &Target<'_>)> = Vec::new();
        let mut created: Vec<PathBuf> = Vec::new();
        let staged = (|| {
            for t in &targets {
                let path = t.write_path();
                let current = read_current(path).map_err(|e| Error::io(t.label, &t.path, e))?;
                if current.as_deref() == Some(t.contents.as_bytes()) {
                    report.push(Written {
                        entry: t.entry,
                        path: t.path.clone(),
                        changed: false,
                    });
                    continue;
                }
                if let Some(dir) = path.parent() {
                    created.extend(create_dirs(dir).map_err(|e| Error::io(t.label, dir, e))?);
                }
                remove_stale_temps(path);
                let tmp = temp_path(path).map_err(|e| Error::io(t.label, &t.path, e))?;
                let result = (|| {
                    let mut file = std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&tmp)?;
                    pending.push((tmp.clone(), t));
                    file.write_all(t.contents.as_bytes())?;
                    file.sync_all()
                })();
                result.map_err(|e| Error::io(t.label, &t.path, e))?;
                report.push(Written {
                    entry: t.entry,
                    path: t.path.clone(),
                    changed: true,
                });
            }
            Ok(())
        })();
        if let Err(e) = staged {
            for (tmp, _) in &pending {
                let _ = std::fs::remove_file(tmp);
            }
            for dir in created.iter().rev() {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(e);
        }
        // Every temp file is written and synced: the commit.
        for (i, (tmp, t)) in pending.iter().enumerate() {
            if let Err(source) = std::fs::rename(tmp, t.write_path()) {
                for (rest, _) in &pending[i..] {
                    let _ = std::fs::remove_file(rest);
                }
                return Err(Error {
                    kind: ErrorKind::Io {
                        label: t.label.to_owned(),
                        path: t.path.clone(),
                        source,
                        committed: i,
                    },
                });
            }
        }
        let mut dirs: Vec<&Path> = pending
            .iter()
            .filter_map(|(_, t)| t.write_path().parent())
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            sync_dir(dir);
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_changed_files_and_keeps_unchanged_ones() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.rs");
        let b = dir.path().join("nested/b.md");
        let mut set = OutputSet::new();
        set.file("a", &a, "1").file("b", &b, "2");
        let first = set.write().unwrap();
        assert_eq!(
            first.iter().map(|w| w.changed).collect::<Vec<_>>(),
            [true, true]
        );
        let before = fs::metadata(&a).unwrap().modified().unwrap();
        let mut again = OutputSet::new();
        again.file("a", &a, "1").file("b", &b, "3");
        let second = again.write().unwrap();
        assert_eq!(
            second
                .iter()
                .map(|w| (w.entry, w.changed))
                .collect::<Vec<_>>(),
            [(0, false), (1, true)]
        );
        assert_eq!(fs::metadata(&a).unwrap().modified().unwrap(), before);
        assert_eq!(fs::read_to_string(&b).unwrap(), "3");
        assert_eq!(names(dir.path()), ["a.rs", "nested"]);
        assert_eq!(names(&dir.path().join("nested")), ["b.md"]);
    }

    #[test]
    fn an_input_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("catalog.toml");
        fs::write(&catalog, "keep").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        for output in [
            catalog.clone(),
            dir.path().join("sub/../catalog.toml"),
            dir.path().join("./catalog.toml"),
        ] {
            let mut set = OutputSet::new();
            set.input(&catalog).file("--rust", &output, "x");
            let err = set.write().unwrap_err();
            assert!(err.is_refusal());
            let shown = err.to_string();
            assert!(shown.contains(&output.display().to_string()), "{shown}");
            assert!(shown.contains(&catalog.display().to_string()), "{shown}");
        }
        assert_eq!(fs::read_to_string(&catalog).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn links_to_an_input_are_seen_through() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("catalog.toml");
        fs::write(&catalog, "keep").unwrap();
        let hard = dir.path().join("hard.rs");
        fs::hard_link(&catalog, &hard).unwrap();
        let soft = dir.path().join("soft.rs");
        std::os::unix::fs::symlink(&catalog, &soft).unwrap();
        for output in [&hard, &soft] {
            let mut set = OutputSet::new();
            set.input(&catalog).file("--rust", output, "x");
            assert!(set.write().unwrap_err().is_refusal());
        }
        assert_eq!(fs::read_to_string(&catalog).unwrap(), "keep");
    }

    #[test]
    fn the_same_output_twice_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = OutputSet::new();
        set.file("--rust", dir.path().join("same"), "a").file(
            "--markdown",
            dir.path().join("x/../same"),
            "b",
        );
        let shown = set.write().unwrap_err().to_string();
        assert!(
            shown.contains("--markdown") && shown.contains("--rust"),
            "{shown}"
        );
        assert!(names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let mut set = OutputSet::new();
            set.file("--rust", &fifo, "x");
            let shown = set.write().unwrap_err().to_string();
            assert!(shown.contains("is a FIFO"), "{shown}");
            assert!(set.compare().is_err());
        }
        // A private null device where this may make one (root), never the system's.
        let null = dir.path().join("mynull");
        let mknod = std::process::Command::new("mknod")
            .arg(&null)
            .args(["c", "1", "3"])
            .stderr(std::process::Stdio::null())
            .status();
        let mut cases = vec![(dir.path().to_path_buf(), "a directory")];
        if mknod.is_ok_and(|s| s.success()) {
            cases.push((null.clone(), "a character device"));
        }
        for (path, what) in cases {
            let mut set = OutputSet::new();
            set.file("--markdown", &path, "x");
            let shown = set.write().unwrap_err().to_string();
            assert!(shown.contains(what), "{shown}");
        }
        if null.exists() {
            let meta = fs::symlink_metadata(&null).unwrap();
            assert!(!meta.is_file(), "the device is still a device");
        }
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("missing"), &dangling).unwrap();
        let mut set = OutputSet::new();
        set.file("--markdown", &dangling, "x");
        assert!(set.write().unwrap_err().is_refusal());
    }

    #[test]
    fn a_failure_before_the_renames_leaves_every_output_alone() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.rs");
        fs::write(&a, "old").unwrap();
        // A regular file where the second output needs a directory.
        fs::write(dir.path().join("blocker"), "").unwrap();
        let mut set = OutputSet::new();
        set.file("a", &a, "new")
            .file("b", dir.path().join("blocker/b.md"), "b");
        let err = set.write().unwrap_err();
        assert!(err.to_string().contains("blocker"), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "old");
        assert_eq!(names(dir.path()), ["a.rs", "blocker"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_failure_while_writing_removes_every_temp_file() {
        // Nobody, not even root, can create a file in /proc: the second temp file fails
        // after the first was written and synced.
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.rs");
        fs::write(&a, "old").unwrap();
        let mut set = OutputSet::new();
        set.file("a", &a, "new")
            .file("b", "/proc/errcat-cannot-write.md", "b");
        let err = set.write().unwrap_err();
        assert!(!err.is_refusal());
        assert_eq!(err.partially_committed(), 0);
        assert!(err.to_string().contains("nothing was written"), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "old");
        assert_eq!(names(dir.path()), ["a.rs"]);
    }

    #[test]
    fn a_directory_output_writes_its_files_as_part_of_the_set() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let files = vec![
            (PathBuf::from("index.html"), "<p>i</p>".to_owned()),
            (PathBuf::from("errors/a.html"), "<p>a</p>".to_owned()),
        ];
        let mut set = OutputSet::new();
        set.dir("--site", &site, files.clone())
            .file("--rust", dir.path().join("e.rs"), "x");
        let written = set.write().unwrap();
        assert_eq!(written.len(), 3);
        assert_eq!(written[0].entry, 0);
        assert_eq!(written[2].entry, 1);
        assert_eq!(
            fs::read_to_string(site.join("errors/a.html")).unwrap(),
            "<p>a</p>"
        );
        // A name that leaves the directory is refused.
        let mut bad = OutputSet::new();
        bad.dir(
            "--site",
            &site,
            vec![(PathBuf::from("../escape.html"), String::new())],
        );
        assert!(bad.write().unwrap_err().is_refusal());
        // A file of the site that is also another output is refused.
        let mut twice = OutputSet::new();
        twice
            .dir("--site", &site, files)
            .file("--markdown", site.join("index.html"), "x");
        assert!(twice.write().unwrap_err().is_refusal());
    }

    #[test]
    fn stale_temp_files_of_the_same_output_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("errors.rs");
        // u32::MAX - 1 is beyond every system's pid range: that process is gone.
        let stale = dir
            .path()
            .join(format!(".errors.rs.{}-0.errcat-tmp", u32::MAX - 1));
        let other = dir.path().join(".other.rs.1-0.errcat-tmp");
        fs::write(&stale, "partial").unwrap();
        fs::write(&other, "partial").unwrap();
        let mut set = OutputSet::new();
        set.file("--rust", &out, "x");
        set.write().unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists(), "a temp file of a gone process is removed");
        }
        assert!(other.exists(), "another output's temp file is left alone");
    }
}
