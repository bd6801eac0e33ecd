errcat::catalog!(errors_toml);

fn main() {}
