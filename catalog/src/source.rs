//! Source files and spans: every user-written value keeps the file and byte range it came
//! from, so any later check can point at it.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub(crate) u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    pub(crate) fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The span of `range` in `file` (a file added to [`Sources`] by a tool, such as the
    /// Rust sources `errcat scan` reports on).
    pub fn in_file(file: FileId, range: Range<usize>) -> Self {
        Span::new(file, range)
    }

    /// The byte range within the file.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value and the span of source it was written at.
#[derive(Clone, Copy)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where the user wrote it.
    pub span: Span,
}

impl<T> Sp<T> {
    pub(crate) fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }

    /// Applies `f` to the value, keeping the span.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sp<U> {
        Sp {
            value: f(self.value),
            span: self.span,
        }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Sp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Sp<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

/// One file that was read while loading a catalog.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as it is shown in diagnostics (as given, or relative to the including file).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// Bundled files (the standard HTTP catalog) are not on disk.
    pub bundled: bool,
    /// Where each line starts, computed when a diagnostic first needs it: a valid catalog
    /// never does, and finding every newline was 3% of loading a large one.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let start = line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The whole lines holding bytes `lo..=hi` (their trailing newline included) and the
    /// 1-based number of the first: what a diagnostic shows, without the rest of the file.
    pub(crate) fn line_window(&self, lo: usize, hi: usize) -> (Range<usize>, usize) {
        let len = self.text.len();
        let line_starts = self.line_starts();
        let line_of = |offset: usize| {
            // annotate-snippets shows the end of a file that ends with a newline at the end
            // of its last line, not on an empty line after it.
            let offset = if offset == len && self.text.ends_with('\n') {
                len - 1
            } else {
                offset
            };
            line_starts.partition_point(|&s| s <= offset) - 1
        };
        let first = line_of(lo.min(self.text.len()));
        let last = line_of(hi.min(self.text.len()));
        let end = line_starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        (line_starts[first]..end, first + 1)
    }
}

/// Every file read while loading one catalog, in the order they were read.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: String, bundled: bool) -> FileId {
        self.files.push(SourceFile {
            path: path.into(),
            text,
            bundled,
            line_starts: OnceLock::new(),
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The files in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    /// The files on disk that the catalog is made of: what a build script reruns on.
    pub fn disk_paths(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|f| !f.bundled)
            .map(|f| f.path.as_path())
    }

    /// The text a span covers.
    pub fn text(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.range())
            .unwrap_or_default()
    }

    /// `path:line:col` of the start of a span.
    pub fn location(&self, span: Span) -> (String, usize, usize) {
        let file = self.get(span.file);
        let (line, col) = file.line_col(span.start as usize);
        (file.path.display().to_string(), line, col)
    }
}
