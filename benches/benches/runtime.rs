//! Run time of the generated code for a catalog of 10,000 errors (`ERRCAT_BENCH_ERRORS`):
//! lookup by code string against `HashMap<&str, _>` and `phf`, `status()`, Display into a
//! reused `String`, body rendering.
//!
//! `cargo bench -p errcat-benches --bench runtime`

use errcat_benches::generated::{self, CODES, PHF, SynthError};
use std::fmt::Write as _;

fn main() {
    divan::main();
}

/// How many codes one sample looks up (a fixed pseudo-random order).
const LOOKUPS: usize = 1024;

#[divan::bench(sample_count = 50)]
fn lookup_errcat(bencher: divan::Bencher) {
    let order = generated::shuffled(LOOKUPS);
    bencher
        .counter(divan::counter::ItemsCount::new(LOOKUPS))
        .bench_local(|| {
            for &i in &order {
                divan::black_box(SynthError::lookup(divan::black_box(CODES[i])));
            }
        });
}

/// The generated lookup with tagged slots (`errcat_benches::proto`), as a comparison.
#[divan::bench(sample_count = 50)]
fn lookup_proto(bencher: divan::Bencher) {
    let order = generated::shuffled(LOOKUPS);
    let slots = errcat_benches::proto::slots(&CODES);
    let code_of = |i: usize| SynthError::ERRORS.get(i).map_or("", |m| m.code());
    bencher
        .counter(divan::counter::ItemsCount::new(LOOKUPS))
        .bench_local(|| {
            for &i in &order {
                divan::black_box(errcat_benches::proto::find(
                    &slots,
                    code_of,
                    divan::black_box(CODES[i]),
                ));
            }
        });
}

#[divan::bench(sample_count = 50)]
fn lookup_hashmap(bencher: divan::Bencher) {
    let order = generated::shuffled(LOOKUPS);
    let map = generated::hashmap();
    bencher
        .counter(divan::counter::ItemsCount::new(LOOKUPS))
        .bench_local(|| {
            for &i in &order {
                divan::black_box(map.get(divan::black_box(CODES[i])));
            }
        });
}

#[divan::bench(sample_count = 50)]
fn lookup_phf(bencher: divan::Bencher) {
    let order = generated::shuffled(LOOKUPS);
    bencher
        .counter(divan::counter::ItemsCount::new(LOOKUPS))
        .bench_local(|| {
            for &i in &order {
                divan::black_box(PHF.get(divan::black_box(CODES[i])));
            }
        });
}

/// A code that is not in the catalog.
#[divan::bench]
fn lookup_errcat_miss() -> Option<errcat::ErrorMeta> {
    SynthError::lookup(divan::black_box("no_such_error_code"))
}

const KINDS: [usize; 3] = [0, 1, 2];

/// `status()`: 0 = no fields, 1 = one string field, 2 = four fields.
#[divan::bench(args = KINDS)]
fn status(bencher: divan::Bencher, kind: usize) {
    let e = &generated::samples()[kind];
    bencher.bench_local(|| divan::black_box(e).status());
}

/// Display into a reused `String`.
#[divan::bench(args = KINDS)]
fn display(bencher: divan::Bencher, kind: usize) {
    let e = &generated::samples()[kind];
    let mut s = String::with_capacity(256);
    bencher.bench_local(|| {
        s.clear();
        let _ = write!(s, "{}", divan::black_box(e));
        divan::black_box(s.len())
    });
}

/// The JSON body into a reused `String`.
#[divan::bench(args = KINDS)]
fn body(bencher: divan::Bencher, kind: usize) {
    let e = &generated::samples()[kind];
    let mut s = String::with_capacity(1024);
    let ctx = errcat::BodyContext {
        trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736"),
        instance: None,
        ..Default::default()
    };
    bencher.bench_local(|| {
        s.clear();
        divan::black_box(e).write_body_json(&mut s, &ctx);
        divan::black_box(s.len())
    });
}

/// The same message as a hand-written `format!`-style Display would produce, into a
/// reused `String`: the comparison for `display`.
#[divan::bench(args = KINDS)]
fn display_handwritten(bencher: divan::Bencher, kind: usize) {
    let e = &generated::samples()[kind];
    let mut s = String::with_capacity(256);
    bencher.bench_local(|| {
        s.clear();
        let _ = generated::display_handwritten(&mut s, divan::black_box(e));
        divan::black_box(s.len())
    });
}
