errcat::catalog!("catalogs/includes-bad.toml");

fn main() {}
