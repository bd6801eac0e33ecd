// The catalog is invalid: the macro reports it once and still defines the enums it names,
// so the code below adds no "cannot find type" errors of its own.
errcat::catalog!("catalogs/cascade.toml");

fn fails() -> Result<(), UiError> {
    Ok(())
}

fn main() {
    let _ = fails();
    let _: Option<UiStatus> = None;
}
