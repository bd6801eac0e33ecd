errcat::catalog!("catalogs/does-not-exist.toml");

fn main() {}
