#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum UiError {
    NotFound { what: String },
    RateLimited,
}

fn main() {}
