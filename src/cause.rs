//! Causes that stay on the server: the error behind a catalog error, which
//! `std::error::Error::source()` returns and logs show, and which no output for clients
//! contains (body, headers, message, docs, OpenAPI).

use crate::{CatalogError, ErrorMeta};
use core::fmt;
use std::error::Error;
use std::sync::Arc;

/// The cause of a catalog error: any error value, shared (cloning is a reference count).
///
/// Generated variants of errors with `cause = true` or `from = [...]` hold one in their
/// `cause: Option<errcat::Cause>` field. It is transparent: its `Display`, `Debug` and
/// `source()` are those of the error it holds, so the chain a log prints goes straight from
/// the catalog error to the library error and its own causes.
///
/// Two causes always compare equal, and hash alike: what identifies a catalog error is its
/// wire contract (code and field values), and a cause is not part of it. So
/// `ApiError::Internal { cause: Some(c) } == ApiError::Internal { cause: None }`: a test
/// asserts which error a call gives without building its cause (`dyn Error` has no
/// equality to compare them by anyway, and comparing pointers would make two failures of
/// the same kind unequal).
#[derive(Clone)]
pub struct Cause(Arc<dyn Error + Send + Sync + 'static>);

impl Cause {
    /// A cause holding `error`.
    pub fn new<E: Error + Send + Sync + 'static>(error: E) -> Cause {
        Cause(Arc::new(error))
    }

    /// A cause holding a boxed error (`Box<dyn Error + Send + Sync>` is no `Error` itself).
    pub fn from_boxed(error: Box<dyn Error + Send + Sync + 'static>) -> Cause {
        // Kept in its box, behind a private wrapper that `get` sees through: moving it into
        // the `Arc` (`Arc::from`) compiled several hundred lines of allocator generics into
        // this crate.
        Cause(Arc::new(Boxed(error)))
    }

    /// The error held.
    pub fn get(&self) -> &(dyn Error + Send + Sync + 'static) {
        match self.0.downcast_ref::<Boxed>() {
            Some(boxed) => &*boxed.0,
            None => &*self.0,
        }
    }

    /// The error held, if it is an `E`.
    pub fn downcast_ref<E: Error + 'static>(&self) -> Option<&E> {
        self.get().downcast_ref::<E>()
    }
}

/// The error of [`Cause::from_boxed`]; never seen outside (see [`Cause::get`]).
#[derive(Debug)]
struct Boxed(Box<dyn Error + Send + Sync + 'static>);

impl fmt::Display for Boxed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Error for Boxed {}

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.get(), f)
    }
}

impl Error for Cause {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.get().source()
    }
}

impl PartialEq for Cause {
    /// Always `true`: causes are not part of an error's identity (see [`Cause`]).
    fn eq(&self, _: &Cause) -> bool {
        true
    }
}

impl Eq for Cause {}

impl core::hash::Hash for Cause {
    /// Hashes nothing, as every cause is equal.
    fn hash<H: core::hash::Hasher>(&self, _: &mut H) {}
}

/// The sources of an error, outermost first: an iterator, and `Display` as the messages
/// joined by `": "` (`database is locked: ...`). At most [`Chain::MAX`] links are followed,
/// in case a `source()` loops.
#[derive(Clone)]
pub struct Chain<'a> {
    next: Option<&'a (dyn Error + 'static)>,
    left: usize,
}

impl<'a> Chain<'a> {
    /// The most links followed.
    pub const MAX: usize = 64;

    /// The sources of `error` (not `error` itself).
    pub fn sources(error: &'a (dyn Error + 'static)) -> Chain<'a> {
        Chain {
            next: error.source(),
            left: Chain::MAX,
        }
    }

    /// Whether there is no source.
    pub fn is_empty(&self) -> bool {
        self.next.is_none()
    }
}

impl<'a> Iterator for Chain<'a> {
    type Item = &'a (dyn Error + 'static);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let current = self.next?;
        self.next = current.source();
        Some(current)
    }
}

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for e in self.clone() {
            if !first {
                f.write_str(": ")?;
            }
            first = false;
            fmt::Display::fmt(e, f)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut l = f.debug_list();
        for e in self.clone() {
            l.entry(&e.to_string());
        }
        l.finish()
    }
}

/// What a client may see of an error: its catalog entry and field values, never its cause.
///
/// `Display` is the message (the error's own `Display`); `Debug` is what `#[derive(Debug)]`
/// would print for the variant without its cause field (`Internal`, or
/// `InvoiceNotFound { invoice_id: "inv_1" }`), so it can be shown or logged where a cause
/// must not go. Every generated enum has `wire()`; any [`CatalogError`] gives one with
/// [`Wire::new`].
#[derive(Clone, Copy)]
pub struct Wire<'a>(&'a dyn CatalogError);

impl<'a> Wire<'a> {
    /// The wire view of `error`.
    pub fn new(error: &'a dyn CatalogError) -> Wire<'a> {
        Wire(error)
    }

    /// The catalog's entry for the error.
    pub fn meta(&self) -> ErrorMeta {
        self.0.meta()
    }

    /// The response body, as JSON text.
    pub fn body(&self, ctx: &crate::BodyContext<'_>) -> String {
        self.0.body(ctx)
    }
}

impl fmt::Display for Wire<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Debug for Wire<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_wire(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Outer(std::io::Error);

    impl fmt::Display for Outer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("query failed")
        }
    }

    impl Error for Outer {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            Some(&self.0)
        }
    }

    #[derive(Debug)]
    struct Top(Cause);

    impl fmt::Display for Top {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("internal")
        }
    }

    impl Error for Top {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn a_cause_is_transparent_and_the_chain_follows_it() {
        let io = std::io::Error::other("disk on fire");
        let top = Top(Cause::new(Outer(io)));
        let chain = Chain::sources(&top);
        assert_eq!(chain.to_string(), "query failed: disk on fire");
        assert_eq!(chain.clone().count(), 2);
        assert!(!chain.is_empty());
        assert!(Chain::sources(&std::io::Error::other("x")).is_empty());
        assert!(top.0.downcast_ref::<Outer>().is_some());
        assert!(top.0.downcast_ref::<std::io::Error>().is_none());
        assert_eq!(format!("{:?}", top.0), format!("{:?}", top.0.get()));
        assert_eq!(
            format!("{:?}", Chain::sources(&top)),
            r#"["query failed", "disk on fire"]"#
        );
    }

    #[test]
    fn causes_compare_equal_and_clone_shares() {
        let a = Cause::new(std::io::Error::other("a"));
        let b = Cause::from_boxed(Box::new(std::fmt::Error));
        assert_eq!(a, b);
        // The boxed error is what the cause shows and holds.
        assert!(b.downcast_ref::<std::fmt::Error>().is_some());
        assert!(b.get().is::<std::fmt::Error>());
        assert_eq!(b.to_string(), std::fmt::Error.to_string());
        assert_eq!(format!("{b:?}"), format!("{:?}", std::fmt::Error));
        let c = a.clone();
        assert!(std::ptr::addr_eq(a.get(), c.get()));
        use std::hash::{BuildHasher, RandomState};
        let s = RandomState::new();
        assert_eq!(s.hash_one(&a), s.hash_one(&b));
    }

    /// An error whose `source()` is itself: the chain stops.
    #[derive(Debug)]
    struct Loop;

    impl fmt::Display for Loop {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("loop")
        }
    }

    impl Error for Loop {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            Some(&Loop)
        }
    }

    #[test]
    fn a_looping_chain_stops() {
        assert_eq!(Chain::sources(&Loop).count(), Chain::MAX);
    }
}
