// The derive accepts an enum that matches the catalog (fields in any order, variants
// renamed with `#[catalog(code = "...")]`) and implements errcat's methods for it.
use errcat::CatalogError as _;

#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum MyError {
    NotFound {
        resource: String,
    },
    #[catalog(code = "rate_limited")]
    SlowDown,
}

fn main() {
    let e = MyError::NotFound {
        resource: "Invoice".to_owned(),
    };
    assert_eq!(e.to_string(), "Invoice not found");
    assert_eq!(e.status_code(), 404);
    assert_eq!(e.error_code(), "not_found");
    assert_eq!(MyError::SlowDown.retry_after_secs(), Some(30));
    assert_eq!(MyError::SlowDown.to_string(), "Slow down");
}
