//! Real database failures: the service on an SQLite file that is made read-only, locked by
//! another connection, taken away or overwritten while it runs. Each failure must give the
//! catalog's 500 body and nothing of the failure (no path, SQL or driver message in the
//! status line, headers or body), and must be logged through `tracing` with the driver's
//! message as its cause, the error's code and the request's trace id.

mod common;
use axum::http::{Method, StatusCode};
use axum_service::store::{SqliteStore, StoreResult};
use common::*;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use uuid::Uuid;

/// A directory of its own for one test's database, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        let dir = std::env::temp_dir().join(format!("axum-service-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn db(&self) -> PathBuf {
        self.0.join("receivables.db")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A database file with its schema and one receivable; returns that receivable's path.
fn seeded(path: &Path) -> StoreResult<String> {
    use axum_service::store::{Receivable, ReceivableStore};
    let store = SqliteStore::open(path)?;
    let r = Receivable {
        id: Uuid::new_v4(),
        reference: "INV-SEED".into(),
        debtor: "Initech".into(),
        amount: 1000,
        currency: "EUR".into(),
    };
    store.insert(r.clone())?;
    Ok(format!("/receivables/{}", r.id))
}

fn internal() -> serde_json::Value {
    problem(
        "internal",
        500,
        "Internal Server Error",
        "An internal error occurred",
        None,
    )
}

/// The request ID each test sends, which the log must show.
const TRACE: &str = "trace-7d1e";

async fn send(s: &Server, method: Method, path: &str, body: &[u8]) -> Reply {
    let headers = [
        ("authorization", BEARER),
        ("content-type", "application/json"),
        ("x-request-id", TRACE),
    ];
    s.send(method, path, &headers, body).await
}

fn new_body(reference: &str) -> Vec<u8> {
    serde_json::to_vec(&new_receivable(reference)).unwrap()
}

/// Asserts that `reply` is the catalog's 500 and shows nothing of the failure, and that the
/// log has the failure, with `driver` (the driver's message) as its cause.
fn assert_failure_hidden_and_logged(reply: &Reply, log: &Log, dir: &Dir, driver: &str) {
    assert_problem(reply, internal());
    let mut seen = format!("{}\n{}\n", reply.status, reply.body);
    for (name, value) in &reply.headers {
        seen.push_str(&format!("{name}: {}\n", value.to_str().unwrap()));
    }
    let dir_text = dir.0.display().to_string();
    for secret in [
        dir_text.as_str(),
        "receivables.db",
        driver,
        "SELECT",
        "INSERT",
        "DELETE FROM",
        "sqlite",
        "SQLite",
        "database",
        "rusqlite",
        "cause",
    ] {
        assert!(
            !seen.contains(secret),
            "the response shows {secret:?}:\n{seen}"
        );
    }
    let log = log.text();
    let line = log
        .lines()
        .find(|l| l.starts_with("ERROR") && l.contains(driver))
        .unwrap_or_else(|| panic!("no ERROR event with {driver:?}:\n{log}"));
    for part in [
        &format!("trace_id={TRACE}"),
        "code=\"internal\"",
        "status=500",
        "cause=",
        "An internal error occurred",
    ] {
        assert!(
            line.contains(part),
            "{part:?} missing from the event: {line}"
        );
    }
}

#[tokio::test]
async fn database_opened_read_only() {
    let (log, _guard) = Log::capture();
    let dir = Dir::new();
    let existing = seeded(&dir.db()).unwrap();
    let conn = Connection::open_with_flags(dir.db(), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let s = start(
        config(),
        Arc::new(SqliteStore::from_connection(conn).unwrap()),
    )
    .await;
    // Reads still work...
    assert_eq!(
        send(&s, Method::GET, "/receivables", b"").await.status,
        StatusCode::OK
    );
    // ...writes fail, each with the catalog's 500.
    let reply = send(&s, Method::POST, "/receivables", &new_body("INV-1")).await;
    assert_failure_hidden_and_logged(&reply, &log, &dir, "attempt to write a readonly database");
    let reply = send(&s, Method::DELETE, &existing, b"").await;
    assert_failure_hidden_and_logged(&reply, &log, &dir, "attempt to write a readonly database");
}

#[tokio::test]
async fn database_made_query_only() {
    let (log, _guard) = Log::capture();
    let dir = Dir::new();
    let existing = seeded(&dir.db()).unwrap();
    let conn = Connection::open(dir.db()).unwrap();
    conn.pragma_update(None, "query_only", true).unwrap();
    let s = start(
        config(),
        Arc::new(SqliteStore::from_connection(conn).unwrap()),
    )
    .await;
    assert_eq!(
        send(&s, Method::GET, &existing, b"").await.status,
        StatusCode::OK
    );
    let reply = send(&s, Method::DELETE, &existing, b"").await;
    assert_failure_hidden_and_logged(&reply, &log, &dir, "attempt to write a readonly database");
}

#[tokio::test]
async fn database_locked_by_another_connection() {
    let (log, _guard) = Log::capture();
    let dir = Dir::new();
    let existing = seeded(&dir.db()).unwrap();
    let s = start(config(), Arc::new(SqliteStore::open(dir.db()).unwrap())).await;
    assert_eq!(
        send(&s, Method::GET, &existing, b"").await.status,
        StatusCode::OK
    );
    // A second connection takes the exclusive lock and keeps it: every statement of the
    // service waits its busy timeout, then fails.
    let other = Connection::open(dir.db()).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    for (method, path, body) in [
        (Method::GET, "/receivables", Vec::new()),
        (Method::GET, existing.as_str(), Vec::new()),
        (Method::POST, "/receivables", new_body("INV-2")),
        (Method::DELETE, existing.as_str(), Vec::new()),
    ] {
        let reply = send(&s, method, path, &body).await;
        assert_failure_hidden_and_logged(&reply, &log, &dir, "database is locked");
    }
    // Once the lock is released, the service works again.
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        send(&s, Method::GET, &existing, b"").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn database_file_removed() {
    let (log, _guard) = Log::capture();
    let dir = Dir::new();
    seeded(&dir.db()).unwrap();
    let s = start(config(), Arc::new(SqliteStore::open(dir.db()).unwrap())).await;
    assert_eq!(
        send(&s, Method::GET, "/receivables", b"").await.status,
        StatusCode::OK
    );
    // The file (and its directory) is removed under the running service: SQLite notices
    // at the next write and refuses it (SQLITE_READONLY_DBMOVED).
    std::fs::remove_dir_all(&dir.0).unwrap();
    let reply = send(&s, Method::POST, "/receivables", &new_body("INV-3")).await;
    assert_failure_hidden_and_logged(&reply, &log, &dir, "database file has moved");
}

#[tokio::test]
async fn database_file_overwritten() {
    let (log, _guard) = Log::capture();
    let dir = Dir::new();
    let existing = seeded(&dir.db()).unwrap();
    let s = start(config(), Arc::new(SqliteStore::open(dir.db()).unwrap())).await;
    assert_eq!(
        send(&s, Method::GET, &existing, b"").await.status,
        StatusCode::OK
    );
    // Something else writes over the file in place (same inode): it is no database any
    // more.
    let size = std::fs::metadata(dir.db()).unwrap().len();
    let junk = vec![b'x'; usize::try_from(size).unwrap()];
    std::fs::write(dir.db(), junk).unwrap();
    let reply = send(&s, Method::GET, &existing, b"").await;
    assert_failure_hidden_and_logged(&reply, &log, &dir, "file is not a database");
}

/// Client errors are recorded at `DEBUG`, with their code and the trace id, and without
/// a cause.
#[tokio::test]
async fn client_errors_are_logged_at_debug() {
    let (log, _guard) = Log::capture();
    let s = server().await;
    let id = format!("/receivables/{}", Uuid::new_v4());
    let reply = send(&s, Method::GET, &id, b"").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let log = log.text();
    let line = log
        .lines()
        .find(|l| l.contains("receivable_not_found"))
        .unwrap_or_else(|| panic!("no event for the 404:\n{log}"));
    assert!(line.starts_with("DEBUG"), "{line}");
    assert!(line.contains(&format!("trace_id={TRACE}")) && line.contains("status=404"));
    assert!(!line.contains("cause="), "{line}");
    assert!(!log.contains("ERROR"), "{log}");
}
