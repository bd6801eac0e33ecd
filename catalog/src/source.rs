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

/// Lexical path normalization, without touching the file system: `a/./b/../c` -> `a/c`
/// (a leading `..` is kept).
///
/// ```
/// use std::path::{Path, PathBuf};
/// let n = errcat_catalog::source::normalize_lexically(Path::new("a/./b/../c.toml"));
/// assert_eq!(n, PathBuf::from("a/c.toml"));
/// ```
pub fn normalize_lexically(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// What a file type is when it is not a regular file (`"a directory"`, `"a FIFO"`, ...),
/// for messages; `None` for a regular file.
pub fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a directory");
    }
    if file_type.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// `O_NONBLOCK` where its value is known without the `libc` crate (which the build-script
/// path does not otherwise need): opening a FIFO then returns at once instead of waiting
/// for a writer. Elsewhere 0, and only the check before opening protects the open.
#[cfg(unix)]
const O_NONBLOCK: i32 = if cfg!(any(target_os = "linux", target_os = "android")) {
    if cfg!(any(target_arch = "mips", target_arch = "mips64")) {
        0x80
    } else if cfg!(any(target_arch = "sparc", target_arch = "sparc64")) {
        0x4000
    } else {
        0o4000
    }
} else if cfg!(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)) {
    0x4
} else {
    0
};

/// The error for a path that exists but is not a regular file (the caller names the path).
fn not_regular(kind: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {kind}, not a regular file"),
    )
}

/// Reads at most `limit` bytes of a regular file, never blocking on a FIFO or a device.
///
/// The path's type is checked before it is opened; it is then opened non-blocking (where
/// the platform's flag is known) and checked again on the open file, so a FIFO, a device,
/// a directory or a socket is an error (`InvalidInput`, naming what it is) before a byte
/// is read, and a file swapped for a FIFO in between does not hang the open.
///
/// ```
/// let dir = std::env::temp_dir();
/// let err = errcat_catalog::source::read_regular(&dir, 100).unwrap_err();
/// assert!(err.to_string().contains("is a directory"), "{err}");
/// ```
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let before = std::fs::metadata(path)?;
    if let Some(kind) = special_kind(before.file_type()) {
        return Err(not_regular(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    if let Some(kind) = special_kind(file.metadata()?.file_type()) {
        return Err(not_regular(kind));
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The payload of the `InvalidData` error for a file that is not UTF-8 (see
/// [`not_utf8`]): where its first invalid sequence is, and its text with invalid
/// sequences replaced by U+FFFD, so that a diagnostic can show the line.
#[derive(Debug)]
pub struct NotUtf8 {
    /// The byte offset of the first invalid sequence (the same in `lossy`).
    pub offset: usize,
    /// The text, invalid sequences replaced.
    pub lossy: String,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the file is not UTF-8 (invalid byte sequence at byte {})",
            self.offset
        )
    }
}

impl std::error::Error for NotUtf8 {}

/// The text of `bytes`, or an `InvalidData` error carrying a [`NotUtf8`] (which the loader
/// turns into a diagnostic at the first invalid sequence's line and column).
///
/// ```
/// let err = errcat_catalog::source::not_utf8(b"a = 1\nb = \"\xff\"\n".to_vec()).unwrap_err();
/// let payload = err.get_ref().unwrap().downcast_ref::<errcat_catalog::source::NotUtf8>();
/// assert_eq!(payload.unwrap().offset, 11);
/// ```
pub fn not_utf8(bytes: Vec<u8>) -> std::io::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        std::io::Error::new(std::io::ErrorKind::InvalidData, NotUtf8 { offset, lossy })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = std::env::temp_dir().join(format!("errcat-fifo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("catalog.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let err = read_regular(&fifo, 100).unwrap_err();
        assert!(err.to_string().contains("is a FIFO"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn not_utf8_keeps_the_offset_and_the_text() {
        let text = not_utf8(b"ok".to_vec()).unwrap();
        assert_eq!(text, "ok");
        let err = not_utf8(b"ab\xc3(".to_vec()).unwrap_err();
        let payload = err.get_ref().unwrap().downcast_ref::<NotUtf8>().unwrap();
        assert_eq!(payload.offset, 2);
        assert_eq!(payload.lossy, "ab\u{fffd}(");
    }
}
