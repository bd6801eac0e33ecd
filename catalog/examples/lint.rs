//! Loads a catalog and prints its diagnostics: `cargo run -p errcat-catalog --example lint -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: lint FILE");
    let loaded = errcat_catalog::load(&path);
    eprint!("{}", loaded.render_diagnostics(false));
    if let Some(c) = &loaded.catalog {
        println!(
            "{}: {} statuses, {} errors",
            c.name.as_str(),
            c.statuses.len(),
            c.errors.len()
        );
    } else {
        std::process::exit(1);
    }
}
