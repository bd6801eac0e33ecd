// The catalog is invalid: the macro reports it once and still defines the enums it names,
// with the variants it could read, their traits and methods, so the code below adds no
// errors of its own.
errcat::catalog!("catalogs/cascade.toml");

fn fails() -> Result<(), UiError> {
    Err(UiError::Gone)
}

fn describe(e: &dyn errcat::CatalogError) -> String {
    format!("{} {e}", e.status_code())
}

fn main() {
    let _ = fails().map_err(|e| describe(&e));
    let _: Option<UiStatus> = None;
    let _: Option<Box<dyn std::error::Error>> = fails().err().map(|e| Box::new(e) as _);
    let e = UiError::Gone;
    println!("{} {} {}", e.code(), e.status().code(), e.body_json());
}
