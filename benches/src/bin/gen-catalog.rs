//! Writes synthetic catalogs: `gen-catalog DIR [N...]` writes `DIR/errors-N.toml` for each
//! N (default 10 100 1000 10000).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen-catalog DIR [N...]");
        return ExitCode::from(2);
    };
    let mut sizes = Vec::new();
    for a in args {
        match a.replace('_', "").parse::<usize>() {
            Ok(n) => sizes.push(n),
            Err(_) => {
                eprintln!("gen-catalog: `{a}` is not a number of errors");
                return ExitCode::from(2);
            }
        }
    }
    if sizes.is_empty() {
        sizes = vec![10, 100, 1_000, 10_000];
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen-catalog: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for n in sizes {
        let path = dir.join(format!("errors-{n}.toml"));
        if let Err(e) = std::fs::write(&path, errcat_benches::synth::catalog(n)) {
            eprintln!("gen-catalog: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
