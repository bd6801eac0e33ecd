#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(file = "catalogs/good.toml")]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
}

fn main() {}
