//! Run-time operations of the generated code (10,000-error synthetic catalog), repeated,
//! for instruction counting under callgrind (`scripts/bench-runtime.sh`):
//! `perf-runtime OP ITERS`. The instructions of one operation are
//! `(count(OP, K) - count(OP, 0)) / K`: setup (building the `HashMap`, the shuffled order)
//! is the same in both runs.
//!
//! OP: lookup-errcat, lookup-proto (`errcat_benches::proto`: tagged slots), lookup-hashmap, lookup-phf, status, display, display-handwritten,
//! body. `status`, `display`, `display-handwritten` and `body` cycle through errors with 0,
//! 1 and 4 fields.

use errcat_benches::generated::{self, CODES, PHF, SynthError};
use std::fmt::Write as _;
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [op, iters] = args.as_slice() else {
        eprintln!("usage: perf-runtime OP ITERS");
        return ExitCode::from(2);
    };
    let Ok(iters) = iters.parse::<usize>() else {
        eprintln!("perf-runtime: `{iters}` is not a count");
        return ExitCode::from(2);
    };
    let order = generated::shuffled(1024);
    let map = generated::hashmap();
    let errors = generated::samples();
    let ctx = errcat::BodyContext {
        trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736"),
        instance: None,
        ..Default::default()
    };
    let mut s = String::with_capacity(4096);
    let mut acc = 0usize;
    match op.as_str() {
        "lookup-errcat" => {
            for k in 0..iters {
                acc += usize::from(SynthError::lookup(black_box(CODES[order[k % 1024]])).is_some());
            }
        }
        "lookup-proto" => {
            let slots = errcat_benches::proto::slots(&CODES);
            let code_of = |i: usize| SynthError::ERRORS.get(i).map_or("", |m| m.code());
            for k in 0..iters {
                acc +=
                    errcat_benches::proto::find(&slots, code_of, black_box(CODES[order[k % 1024]]))
                        .unwrap_or(0);
            }
        }
        "lookup-hashmap" => {
            for k in 0..iters {
                acc += black_box(map.get(black_box(CODES[order[k % 1024]])))
                    .copied()
                    .unwrap_or(0);
            }
        }
        "lookup-phf" => {
            for k in 0..iters {
                acc += black_box(PHF.get(black_box(CODES[order[k % 1024]])))
                    .copied()
                    .unwrap_or(0);
            }
        }
        "status" => {
            for k in 0..iters {
                acc += usize::from(black_box(&errors[k % 3]).status().code());
            }
        }
        "display" => {
            for k in 0..iters {
                s.clear();
                let _ = write!(s, "{}", black_box(&errors[k % 3]));
                acc += s.len();
            }
        }
        "display-handwritten" => {
            for k in 0..iters {
                s.clear();
                let _ = generated::display_handwritten(&mut s, black_box(&errors[k % 3]));
                acc += s.len();
            }
        }
        "body" => {
            for k in 0..iters {
                s.clear();
                black_box(&errors[k % 3]).write_body_json(&mut s, &ctx);
                acc += s.len();
            }
        }
        other => {
            eprintln!("perf-runtime: unknown operation `{other}`");
            return ExitCode::from(2);
        }
    }
    println!("{acc}");
    ExitCode::SUCCESS
}
