//! Generation: load + validate + the three emitters, against `toml` parsing the same text.
//!
//! `cargo bench -p errcat-benches --bench generation`

use std::sync::OnceLock;

fn main() {
    divan::main();
}

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn text(n: usize) -> &'static str {
    static TEXTS: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| (n, errcat_benches::synth::catalog(n)))
            .collect()
    });
    &texts
        .iter()
        .find(|(k, _)| *k == n)
        .expect("a benchmarked size")
        .1
}

/// The whole run a build script does.
#[divan::bench(args = SIZES, sample_count = 10)]
fn errcat_all(bencher: divan::Bencher, n: usize) {
    let text = text(n);
    bencher.bench(|| errcat_benches::generate_all(divan::black_box(text)).expect("valid"));
}

/// Load + validate only.
#[divan::bench(args = SIZES, sample_count = 10)]
fn errcat_load(bencher: divan::Bencher, n: usize) {
    let text = text(n);
    bencher.bench(|| {
        errcat_catalog::load_str("errors.toml", divan::black_box(text))
            .catalog
            .expect("valid")
    });
}

/// The baseline: `toml::from_str::<toml::Table>` on the same text.
#[divan::bench(args = SIZES, sample_count = 10)]
fn toml_table(bencher: divan::Bencher, n: usize) {
    let text = text(n);
    bencher.bench(|| errcat_benches::toml_only(divan::black_box(text)).expect("valid TOML"));
}
