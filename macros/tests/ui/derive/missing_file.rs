#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/nope.toml")]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
}

fn main() {}
