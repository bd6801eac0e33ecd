//! The build-script API (being written).
use std::path::Path;

/// The kinds of output, for their `@generated` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// Rust source.
    Rust,
    /// Markdown.
    Markdown,
    /// OpenAPI as JSON (no comment syntax: no header).
    OpenApiJson,
    /// OpenAPI as YAML.
    OpenApiYaml,
}

/// Prepends the `@generated` header in the output's comment syntax.
pub fn with_header(_kind: OutputKind, text: &str) -> String {
    text.to_owned()
}

/// Writes `contents` to `path` atomically (temp file + rename), only when it differs from
/// what is there. Returns whether the file was written.
pub fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<bool> {
    std::fs::write(path, contents).map(|_| true)
}
