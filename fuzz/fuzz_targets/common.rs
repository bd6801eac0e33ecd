//! Shared by the fuzz targets: the fuzz input is a small in-memory file system, so that
//! `include` and `extends` are exercised without ever touching the disk (a fuzzed
//! `include = ["/dev/zero"]` must not read the machine's files).
//!
//! The input is split on lines holding only `%%`: the first part is `root.toml`, the
//! following ones `f1.toml`, `f2.toml`, ... (also reachable as `./fN.toml` or
//! `dir/../fN.toml`, since the loader normalizes paths before calling the reader).

use std::path::{Path, PathBuf};

/// Loads the catalog held in `data` (invalid UTF-8 is replaced, not skipped, so that
/// every input reaches the parser).
pub fn load(data: &[u8]) -> errcat_catalog::Loaded {
    let text = String::from_utf8_lossy(data);
    let files: Vec<(PathBuf, String)> = text
        .split("\n%%\n")
        .enumerate()
        .map(|(i, part)| {
            let name = if i == 0 {
                "root.toml".to_owned()
            } else {
                format!("f{i}.toml")
            };
            (PathBuf::from(name), part.to_owned())
        })
        .collect();
    let mut reader = |path: &Path| -> std::io::Result<String> {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    };
    errcat_catalog::load_with(Path::new("root.toml"), &mut reader)
}
