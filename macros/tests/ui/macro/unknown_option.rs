errcat::catalog!("catalogs/good.toml", serdes);

fn main() {}
