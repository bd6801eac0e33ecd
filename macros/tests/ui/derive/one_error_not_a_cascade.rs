// The enum lacks a variant: the derive reports that, and still implements the traits it
// would have (traits and methods), so the code below adds no errors of its own.
use errcat::CatalogError;

#[derive(Debug, errcat::ErrorCatalog)]
#[catalog(path = "catalogs/good.toml")]
pub enum UiError {
    NotFound { resource: String },
}

fn describe(e: &dyn CatalogError) -> String {
    format!("{} {e}", e.status_code())
}

fn main() {
    let e = UiError::NotFound {
        resource: "Invoice".to_owned(),
    };
    let _: Box<dyn std::error::Error> = Box::new(UiError::NotFound {
        resource: String::new(),
    });
    println!("{} {}", describe(&e), inherent(&e));
}

fn inherent(e: &UiError) -> String {
    format!("{} {} {}", e.code(), e.status().code, e.body_json())
}
