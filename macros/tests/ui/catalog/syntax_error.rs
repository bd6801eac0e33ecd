errcat::catalog!("catalogs/syntax.toml");

fn main() {}
