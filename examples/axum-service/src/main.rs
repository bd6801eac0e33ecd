//! Runs the receivables service.
//!
//! Configuration, all optional, from the environment:
//! - `RECEIVABLES_ADDR`: where to listen (default `127.0.0.1:3000`; port 0 picks a free one);
//! - `RECEIVABLES_DB`: the SQLite database file, created with its schema when missing
//!   (default `:memory:`, a database in memory that lives as long as the process);
//! - `RECEIVABLES_API_KEYS`: comma-separated bearer keys (default `demo-key`);
//! - `RECEIVABLES_RATE_LIMIT`: requests per key and minute (default 100);
//! - `RECEIVABLES_BODY_LIMIT`: the largest request body in bytes (default 4096);
//! - `RECEIVABLES_LOG`: the most verbose events logged, `error` to `trace` (default
//!   `info`: server errors with their causes; `debug` adds client errors).
//!
//! It prints `listening on http://ADDR` to stdout once it accepts connections; events go
//! to stderr through `tracing`.

use axum_service::{Config, app, store::SqliteStore};
use std::process::ExitCode;
use std::sync::Arc;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(v) => v.parse().map_err(|_| format!("{name}: cannot parse {v:?}")),
        Err(_) => Ok(default),
    }
}

fn config() -> Result<(String, String, Config), String> {
    let defaults = Config::default();
    let addr = env_or("RECEIVABLES_ADDR", "127.0.0.1:3000".to_owned())?;
    let db = env_or("RECEIVABLES_DB", ":memory:".to_owned())?;
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
    Ok((addr, db, config))
}

#[tokio::main]
async fn main() -> ExitCode {
    let level = env_or("RECEIVABLES_LOG", tracing::Level::INFO);
    tracing_subscriber::fmt()
        .with_max_level(*level.as_ref().unwrap_or(&tracing::Level::INFO))
        .with_writer(std::io::stderr)
        .init();
    if let Err(e) = &level {
        tracing::warn!("{e}; logging at info");
    }
    let (addr, db, config) = match config() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let store = match SqliteStore::open(&db) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(database = %db, "cannot open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(local) => println!("listening on http://{local}"),
        Err(e) => tracing::warn!("unknown local address: {e}"),
    }
    let service = app(config, Arc::new(store));
    if let Err(e) = axum::serve(listener, service).await {
        tracing::error!("{e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
