#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub struct UiError {
    resource: String,
}

fn main() {}
