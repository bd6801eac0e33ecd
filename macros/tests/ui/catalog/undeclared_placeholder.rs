errcat::catalog!("catalogs/undeclared-placeholder.toml");

fn main() {}
