errcat::catalog!("catalogs/unknown-key.toml");

fn main() {}
