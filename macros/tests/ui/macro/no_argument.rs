errcat::catalog!();

fn main() {}
