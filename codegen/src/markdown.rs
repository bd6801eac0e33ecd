//! The markdown emitter (being written).
use errcat_catalog::Catalog;

/// The reference page (no header: the I/O layer adds it).
pub fn generate(_catalog: &Catalog) -> String {
    String::new()
}
