#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = errors_toml)]
pub enum UiError {
    NotFound { resource: String },
    RateLimited,
}

fn main() {}
