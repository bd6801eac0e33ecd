//! Where receivables live: a trait, so that a database can replace the in-memory map.

use serde::{Deserialize, Serialize};
use std::io;
use std::sync::{PoisonError, RwLock};
use uuid::Uuid;

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
    fn list(&self) -> io::Result<Vec<Receivable>>;
    /// The receivable with this ID.
    fn get(&self, id: Uuid) -> io::Result<Option<Receivable>>;
    /// Stores a receivable unless its reference is taken.
    fn insert(&self, receivable: Receivable) -> io::Result<Insert>;
    /// Deletes the receivable with this ID; whether it existed.
    fn delete(&self, id: Uuid) -> io::Result<bool>;
}

/// A store in memory, in insertion order.
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
    fn list(&self) -> io::Result<Vec<Receivable>> {
        Ok(self
            .items
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone())
    }

    fn get(&self, id: Uuid) -> io::Result<Option<Receivable>> {
        let items = self.items.read().unwrap_or_else(PoisonError::into_inner);
        Ok(items.iter().find(|r| r.id == id).cloned())
    }

    fn insert(&self, receivable: Receivable) -> io::Result<Insert> {
        let mut items = self.items.write().unwrap_or_else(PoisonError::into_inner);
        if items.iter().any(|r| r.reference == receivable.reference) {
            return Ok(Insert::DuplicateReference);
        }
        items.push(receivable);
        Ok(Insert::Created)
    }

    fn delete(&self, id: Uuid) -> io::Result<bool> {
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

    #[test]
    fn stores_lists_gets_and_deletes_in_insertion_order() {
        let store = MemoryStore::new();
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

    #[test]
    fn refuses_a_second_receivable_with_the_same_reference() {
        let store = MemoryStore::new();
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
