//! The `errcat` binary: parses the command line and runs it (see the library).

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap prints its own usage errors and help; it honours `--color` given anywhere.
    let color = match color_arg(&args) {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    };
    let matches = errcat_cli::Cli::command()
        .color(color)
        .get_matches_from(&args);
    let cli = match errcat_cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    ExitCode::from(errcat_cli::run(cli).code())
}

/// The value of `--color` (`--color WHEN` or `--color=WHEN`), before clap parses it.
fn color_arg(args: &[std::ffi::OsString]) -> Option<&str> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--color=") {
            return Some(value);
        }
        if arg == "--color" {
            return iter.next();
        }
    }
    None
}
