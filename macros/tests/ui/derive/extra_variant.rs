#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
    Teapot,
}

fn main() {}
