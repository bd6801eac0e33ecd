//! Where receivables live: a trait, with an SQLite store (the service's) and an in-memory
//! one. A backend failure is a `rusqlite::Error`, which handlers turn into the catalog's
//! `internal` error with `?` (its `from` list): the error keeps it as its cause, for the
//! log, and the client gets the catalog's 500 body and nothing of it.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Mutex, PoisonError, RwLock};
use std::time::Duration;
use uuid::Uuid;

/// The result of a store operation: `Err` is a backend failure.
pub type StoreResult<T> = Result<T, rusqlite::Error>;

/// A receivable: money a debtor owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receivable {
    /// Its ID, chosen by the service.
    pub id: Uuid,
    /// The creditor's own reference (an invoice number); unique.
    pub reference: String,
    /// Who owes the money.
    pub debtor: String,
    /// The amount owed, in minor units (cents).
    pub amount: u64,
    /// The ISO 4217 currency code.
    pub currency: String,
}

/// The result of [`ReceivableStore::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insert {
    /// The receivable was stored.
    Created,
    /// Another receivable already has this reference; nothing was stored.
    DuplicateReference,
}

/// Storage of receivables. `Err` means the backend failed (the service answers 500).
pub trait ReceivableStore: Send + Sync + 'static {
    /// Every receivable, oldest first.
    fn list(&self) -> StoreResult<Vec<Receivable>>;
    /// The receivable with this ID.
    fn get(&self, id: Uuid) -> StoreResult<Option<Receivable>>;
    /// Stores a receivable unless its reference is taken.
    fn insert(&self, receivable: Receivable) -> StoreResult<Insert>;
    /// Deletes the receivable with this ID; whether it existed.
    fn delete(&self, id: Uuid) -> StoreResult<bool>;
}

/// The schema, created at start when the database has none.
const SCHEMA: &str = "CREATE TABLE receivables (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    debtor TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    currency TEXT NOT NULL
)";

/// How long a statement waits for a lock another connection holds before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

/// Receivables in an SQLite database, through one connection (SQLite serializes writes
/// anyway; every statement is short).
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens (creating it if needed) the database at `path`, and its schema.
    /// `":memory:"` is a database in memory.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<SqliteStore> {
        SqliteStore::from_connection(Connection::open(path)?)
    }

    /// A store on an open connection (opened read-only, say), creating the schema if the
    /// database has none.
    pub fn from_connection(conn: Connection) -> StoreResult<SqliteStore> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receivables')",
            [],
            |row| row.get(0),
        )?;
        if !exists {
            conn.execute_batch(SCHEMA)?;
        }
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }

    /// Runs `f` on the connection. A panic while holding the lock leaves no statement
    /// half-done that SQLite would not roll back, so a poisoned lock is still usable.
    fn with<T>(&self, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        f(&self.conn.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

fn receivable(row: &rusqlite::Row<'_>) -> rusqlite::Result<Receivable> {
    let id: String = row.get(0)?;
    let id = Uuid::parse_str(&id).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let amount: i64 = row.get(3)?;
    Ok(Receivable {
        id,
        reference: row.get(1)?,
        debtor: row.get(2)?,
        amount: u64::try_from(amount).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Integer,
                Box::new(e),
            )
        })?,
        currency: row.get(4)?,
    })
}

impl ReceivableStore for SqliteStore {
    fn list(&self) -> StoreResult<Vec<Receivable>> {
        self.with(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, reference, debtor, amount, currency FROM receivables ORDER BY seq",
            )?;
            stmt.query_map([], receivable)?.collect()
        })
    }

    fn get(&self, id: Uuid) -> StoreResult<Option<Receivable>> {
        self.with(|conn| {
            conn.prepare_cached(
                "SELECT id, reference, debtor, amount, currency FROM receivables WHERE id = ?1",
            )?
            .query_row(params![id.to_string()], receivable)
            .optional()
        })
    }

    fn insert(&self, r: Receivable) -> StoreResult<Insert> {
        // Amounts are validated (1 to MAX_AMOUNT), so they fit; a larger one is refused by
        // SQLite's CHECK rather than wrapped.
        let amount = i64::try_from(r.amount).unwrap_or(-1);
        let inserted = self.with(|conn| {
            conn.prepare_cached(
                "INSERT INTO receivables (id, reference, debtor, amount, currency)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (reference) DO NOTHING",
            )?
            .execute(params![
                r.id.to_string(),
                r.reference,
                r.debtor,
                amount,
                r.currency
            ])
        })?;
        Ok(if inserted == 0 {
            Insert::DuplicateReference
        } else {
            Insert::Created
        })
    }

    fn delete(&self, id: Uuid) -> StoreResult<bool> {
        let deleted = self.with(|conn| {
            conn.prepare_cached("DELETE FROM receivables WHERE id = ?1")?
                .execute(params![id.to_string()])
        })?;
        Ok(deleted > 0)
    }
}

/// A store in memory, in insertion order (never fails).
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RwLock<Vec<Receivable>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

// A panic while holding the lock cannot leave the Vec half-updated (every write is one
// push or remove), so a poisoned lock is still safe to use.
impl ReceivableStore for MemoryStore {
    fn list(&self) -> StoreResult<Vec<Receivable>> {
        Ok(self
            .items
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone())
    }

    fn get(&self, id: Uuid) -> StoreResult<Option<Receivable>> {
        let items = self.items.read().unwrap_or_else(PoisonError::into_inner);
        Ok(items.iter().find(|r| r.id == id).cloned())
    }

    fn insert(&self, receivable: Receivable) -> StoreResult<Insert> {
        let mut items = self.items.write().unwrap_or_else(PoisonError::into_inner);
        if items.iter().any(|r| r.reference == receivable.reference) {
            return Ok(Insert::DuplicateReference);
        }
        items.push(receivable);
        Ok(Insert::Created)
    }

    fn delete(&self, id: Uuid) -> StoreResult<bool> {
        let mut items = self.items.write().unwrap_or_else(PoisonError::into_inner);
        let before = items.len();
        items.retain(|r| r.id != id);
        Ok(items.len() != before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receivable(reference: &str) -> Receivable {
        Receivable {
            id: Uuid::new_v4(),
            reference: reference.into(),
            debtor: "Globex".into(),
            amount: 1250,
            currency: "EUR".into(),
        }
    }

    fn stores() -> Vec<Box<dyn ReceivableStore>> {
        vec![
            Box::new(MemoryStore::new()),
            Box::new(SqliteStore::open(":memory:").unwrap()),
        ]
    }

    #[test]
    fn stores_lists_gets_and_deletes_in_insertion_order() {
        for store in stores() {
            stores_lists_gets_and_deletes(&*store);
        }
    }

    #[test]
    fn refuses_a_second_receivable_with_the_same_reference() {
        for store in stores() {
            refuses_duplicates(&*store);
        }
    }

    #[test]
    fn the_sqlite_schema_is_created_once_and_data_survives_a_reopen() {
        let dir = std::env::temp_dir().join(format!("axum-service-store-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("receivables.db");
        let a = receivable("A-1");
        SqliteStore::open(&path).unwrap().insert(a.clone()).unwrap();
        let reopened = SqliteStore::open(&path).unwrap();
        assert_eq!(reopened.list().unwrap(), vec![a]);
        drop(reopened);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn stores_lists_gets_and_deletes(store: &dyn ReceivableStore) {
        let (a, b) = (receivable("A-1"), receivable("B-2"));
        assert_eq!(store.insert(a.clone()).unwrap(), Insert::Created);
        assert_eq!(store.insert(b.clone()).unwrap(), Insert::Created);
        assert_eq!(store.list().unwrap(), vec![a.clone(), b.clone()]);
        assert_eq!(store.get(b.id).unwrap(), Some(b.clone()));
        assert!(store.delete(a.id).unwrap());
        assert!(!store.delete(a.id).unwrap());
        assert_eq!(store.get(a.id).unwrap(), None);
        assert_eq!(store.list().unwrap(), vec![b]);
    }

    fn refuses_duplicates(store: &dyn ReceivableStore) {
        store.insert(receivable("INV-1")).unwrap();
        let dup = receivable("INV-1");
        assert_eq!(
            store.insert(dup.clone()).unwrap(),
            Insert::DuplicateReference
        );
        assert_eq!(store.get(dup.id).unwrap(), None);
        assert_eq!(store.list().unwrap().len(), 1);
    }
}
