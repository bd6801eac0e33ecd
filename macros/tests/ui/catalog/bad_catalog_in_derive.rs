#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/undeclared-placeholder.toml")]
pub enum UiError {
    NotFound { resource: String },
}

fn main() {}
