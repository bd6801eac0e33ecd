//! Runs the receivables service.
//!
//! Configuration, all optional, from the environment:
//! - `RECEIVABLES_ADDR`: where to listen (default `127.0.0.1:3000`; port 0 picks a free one);
//! - `RECEIVABLES_API_KEYS`: comma-separated bearer keys (default `demo-key`);
//! - `RECEIVABLES_RATE_LIMIT`: requests per key and minute (default 100);
//! - `RECEIVABLES_BODY_LIMIT`: the largest request body in bytes (default 4096).
//!
//! It prints `listening on http://ADDR` once it accepts connections.

use axum_service::{Config, app, store::MemoryStore};
use std::process::ExitCode;
use std::sync::Arc;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(v) => v.parse().map_err(|_| format!("{name}: cannot parse {v:?}")),
        Err(_) => Ok(default),
    }
}

fn config() -> Result<(String, Config), String> {
    let defaults = Config::default();
    let addr = env_or("RECEIVABLES_ADDR", "127.0.0.1:3000".to_owned())?;
    let keys: String = env_or("RECEIVABLES_API_KEYS", defaults.api_keys.join(","))?;
    let api_keys: Vec<String> = keys
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect();
    if api_keys.is_empty() {
        return Err("RECEIVABLES_API_KEYS: no key given".into());
    }
    let config = Config {
        api_keys,
        rate_limit: env_or("RECEIVABLES_RATE_LIMIT", defaults.rate_limit)?,
        body_limit: env_or("RECEIVABLES_BODY_LIMIT", defaults.body_limit)?,
    };
    Ok((addr, config))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (addr, config) = match config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(local) => println!("listening on http://{local}"),
        Err(e) => eprintln!("warning: unknown local address: {e}"),
    }
    let service = app(config, Arc::new(MemoryStore::new()));
    if let Err(e) = axum::serve(listener, service).await {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
