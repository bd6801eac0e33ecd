// A catalog warning does not stop the build; it is shown as a compiler warning, which
// `deny(deprecated)` here turns into an error so that trybuild can show it.
#![deny(deprecated)]

errcat::catalog!("catalogs/warning.toml");

fn main() {
    assert_eq!(UiError::NotFound.to_string(), "Resource not found");
}
