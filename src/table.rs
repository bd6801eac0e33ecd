//! The packed metadata table of a generated error enum, and the views that read it.
//!
//! The generated code holds every per-error fact in one [`Table`]: one string literal with
//! every string and a few byte-string literals of fixed-size records. rustc compiles that
//! in constant time, where one struct literal per error cost seconds at thousands of
//! errors (docs/performance.md, section 2). [`ErrorMeta`] is a `Copy` view of one record.
//!
//! Layout (every word a little-endian `u32`; [`NONE`] marks an absent optional value; a
//! string is two words, byte offset and length into [`Table::strings`]):
//!
//! - `errors`, [`ERROR_WORDS`] words per error, in the order of the enum's variants:
//!   0-1 code, 2 status code, 3 status index (position of the status in the generated
//!   status enum's `ALL`), 4-5 reason, 6-7 title, 8-9 message template, 10-11 description,
//!   12-13 remediation, 14-15 field, 16-17 docs URL, 18 flags (1 retryable, 2 deprecated,
//!   4 has a retry-after), 19 retry-after seconds (any `u32`: whether there is one is the
//!   flag, so no value is kept as a marker), 20-21 deprecated since, 22-23 replaced by, 24-25 deprecation
//!   note, 26-27 fields (first record, count), 28-29 attributes (first, count), 30-31
//!   headers (first, count), 32-33 message pieces (first, count), 34 body (index into
//!   [`Table::bodies`]), 35-36 Rust variant name;
//! - `fields`, 5 words: name, type (0 string, 1 integer, 2 unsigned, 3 float, 4 boolean),
//!   description;
//! - `attrs`, 5 words: name, kind (0 string, 1 integer, 2 float, 3 boolean), then two
//!   words: a string, an `i64` or the bits of an `f64` (low word first), or a boolean (0/1);
//! - `headers`, 4 words: name, value;
//! - `pieces`, 3 words: kind (0 literal text, 1 field), then a string or the field's
//!   argument index;
//! - `slots`, one word per slot of the code lookup table: [`NONE`] or an error index.
//!
//! Reads are bounds-checked: a malformed table (a bug of the generator, never of the
//! catalog) yields empty strings and absent values, not a panic.

use crate::__private::Node;
use crate::{AttrValue, Deprecation, FieldMeta, StatusClass};
use core::fmt;

/// The word of an absent value.
pub const NONE: u32 = u32::MAX;
/// Words per error record.
pub const ERROR_WORDS: usize = 37;
/// Words per field record.
pub const FIELD_WORDS: usize = 5;
/// Words per attribute record.
pub const ATTR_WORDS: usize = 5;
/// Words per header record.
pub const HEADER_WORDS: usize = 4;
/// Words per message piece record.
pub const PIECE_WORDS: usize = 3;

/// The flag of a retryable error.
pub const RETRYABLE: u32 = 1;
/// The flag of a deprecated error.
pub const DEPRECATED: u32 = 2;
/// The flag of an error with a retry-after delay (word 19 holds it: every `u32`, including
/// `u32::MAX`, is a delay, so absence cannot be a value of that word).
pub const RETRY_AFTER: u32 = 4;

/// Every per-error fact of one generated error enum (see the module docs for the layout).
#[derive(Debug)]
pub struct Table {
    /// Every string, concatenated.
    pub strings: &'static str,
    /// Error records.
    pub errors: &'static [u8],
    /// Field records.
    pub fields: &'static [u8],
    /// Attribute records.
    pub attrs: &'static [u8],
    /// Header records.
    pub headers: &'static [u8],
    /// Message piece records.
    pub pieces: &'static [u8],
    /// The code lookup table.
    pub slots: &'static [u8],
    /// The body templates errors refer to by index.
    pub bodies: &'static [&'static Node],
}

/// The word at `i` of `bytes`, or [`NONE`] past the end.
#[inline]
pub(crate) fn word(bytes: &[u8], i: usize) -> u32 {
    match bytes.get(i * 4..i * 4 + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => NONE,
    }
}

impl Table {
    /// The number of errors.
    #[inline]
    pub const fn len(&self) -> usize {
        self.errors.len() / (ERROR_WORDS * 4)
    }

    /// Whether the table holds no error.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The string at `(offset, length)`; `None` when the offset is [`NONE`].
    #[inline]
    fn opt_str(&self, offset: u32, len: u32) -> Option<&'static str> {
        if offset == NONE {
            return None;
        }
        let start = offset as usize;
        Some(
            self.strings
                .get(start..start.saturating_add(len as usize))
                .unwrap_or(""),
        )
    }

    /// The string whose two words start at word `i` of `bytes`.
    #[inline]
    fn str_at(&self, bytes: &[u8], i: usize) -> Option<&'static str> {
        self.opt_str(word(bytes, i), word(bytes, i + 1))
    }
}

/// The catalog's entry for one error: a `Copy` view of its record in the generated table.
#[derive(Clone, Copy)]
pub struct ErrorMeta {
    table: &'static Table,
    index: u32,
}

impl ErrorMeta {
    #[doc(hidden)]
    #[inline]
    pub const fn __new(table: &'static Table, index: usize) -> Self {
        ErrorMeta {
            table,
            index: index as u32,
        }
    }

    #[inline]
    fn w(&self, i: usize) -> u32 {
        word(self.table.errors, self.index as usize * ERROR_WORDS + i)
    }

    #[inline]
    fn s(&self, i: usize) -> Option<&'static str> {
        self.table
            .str_at(self.table.errors, self.index as usize * ERROR_WORDS + i)
    }

    /// The position of the error in its table (the enum's variant order).
    #[inline]
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The stable machine-readable code.
    #[inline]
    pub fn code(&self) -> &'static str {
        self.s(0).unwrap_or("")
    }

    /// The HTTP status code it is returned with.
    #[inline]
    pub fn status(&self) -> u16 {
        u16::try_from(self.w(2)).unwrap_or(500)
    }

    #[doc(hidden)]
    #[inline]
    pub fn __status_index(&self) -> usize {
        self.w(3) as usize
    }

    /// The status's reason phrase.
    pub fn reason(&self) -> &'static str {
        self.s(4).unwrap_or("")
    }

    /// The error's title, else its code.
    pub fn title(&self) -> &'static str {
        self.s(6).unwrap_or("")
    }

    /// The message template as written (`"No invoice {invoice_id}"`).
    pub fn message(&self) -> &'static str {
        self.s(8).unwrap_or("")
    }

    /// What happened (markdown).
    pub fn description(&self) -> Option<&'static str> {
        self.s(10)
    }

    /// What to do (markdown).
    pub fn remediation(&self) -> Option<&'static str> {
        self.s(12)
    }

    /// The request field concerned.
    pub fn field(&self) -> Option<&'static str> {
        self.s(14)
    }

    /// The documentation URL.
    pub fn docs_url(&self) -> Option<&'static str> {
        self.s(16)
    }

    /// Whether a client may retry.
    pub fn retryable(&self) -> bool {
        self.w(18) & RETRYABLE != 0
    }

    /// Seconds to wait before retrying.
    pub fn retry_after(&self) -> Option<u32> {
        if self.w(18) & RETRY_AFTER != 0 {
            Some(self.w(19))
        } else {
            None
        }
    }

    /// The deprecation, if any.
    pub fn deprecated(&self) -> Option<Deprecation> {
        if self.w(18) & DEPRECATED == 0 {
            return None;
        }
        Some(Deprecation {
            since: self.s(20),
            replaced_by: self.s(22),
            note: self.s(24),
        })
    }

    /// The message's typed placeholders, in order.
    pub fn fields(&self) -> Fields {
        Fields(Records::new(self.table, self.w(26), self.w(27)))
    }

    /// User attributes (the error's, else its status's), in declaration order.
    pub fn attributes(&self) -> Attributes {
        Attributes(Records::new(self.table, self.w(28), self.w(29)))
    }

    /// Response headers, name and literal value: the status's `headers`, overridden and
    /// extended by the error's own. Names as written in the catalog (compare them
    /// case-insensitively). `Content-Type` and `Retry-After` are not among them (see
    /// [`CatalogError::content_type`](crate::CatalogError::content_type) and
    /// [`ErrorMeta::retry_after`]).
    pub fn headers(&self) -> Headers {
        Headers(Records::new(self.table, self.w(30), self.w(31)))
    }

    /// The Rust name of the error's variant.
    pub fn variant(&self) -> &'static str {
        self.s(35).unwrap_or("")
    }

    /// The class of the error's status.
    pub fn class(&self) -> StatusClass {
        StatusClass::of(self.status())
    }

    /// The value of a user attribute.
    pub fn attribute(&self, name: &str) -> Option<AttrValue> {
        // Loops, not iterator adapters, here and below: fewer generic instantiations to
        // compile (see lib.rs).
        for (n, v) in self.attributes() {
            if n == name {
                return Some(v);
            }
        }
        None
    }

    /// The value of a response header the catalog declares (name compared
    /// case-insensitively).
    pub fn header(&self, name: &str) -> Option<&'static str> {
        for (n, v) in self.headers() {
            if n.eq_ignore_ascii_case(name) {
                return Some(v);
            }
        }
        None
    }

    /// The message template's pieces.
    pub(crate) fn pieces(&self) -> Pieces {
        Pieces(Records::new(self.table, self.w(32), self.w(33)))
    }

    /// The body template.
    #[doc(hidden)]
    pub fn __body(&self) -> Option<&'static Node> {
        self.table.bodies.get(self.w(34) as usize).copied()
    }
}

impl PartialEq for ErrorMeta {
    /// The same error of the same table.
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.table, other.table) && self.index == other.index
    }
}

impl Eq for ErrorMeta {}

impl fmt::Debug for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorMeta")
            .field("code", &self.code())
            .field("status", &self.status())
            .field("reason", &self.reason())
            .field("title", &self.title())
            .field("message", &self.message())
            .field("description", &self.description())
            .field("remediation", &self.remediation())
            .field("field", &self.field())
            .field("docs_url", &self.docs_url())
            .field("retryable", &self.retryable())
            .field("retry_after", &self.retry_after())
            .field("deprecated", &self.deprecated())
            .field("fields", &self.fields())
            .field("attributes", &self.attributes())
            .field("headers", &self.headers())
            .field("variant", &self.variant())
            .finish()
    }
}

/// A run of records of one kind (`first`, `count`) in a table.
#[derive(Clone, Copy)]
struct Records {
    table: &'static Table,
    next: u32,
    end: u32,
}

impl Records {
    fn new(table: &'static Table, first: u32, count: u32) -> Self {
        Records {
            table,
            next: first,
            end: first.saturating_add(count),
        }
    }

    /// The index of the next record, if any.
    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.next < self.end {
            self.next += 1;
            Some((self.next - 1) as usize)
        } else {
            None
        }
    }

    fn len(&self) -> usize {
        (self.end - self.next) as usize
    }
}

macro_rules! record_iter {
    ($(#[$doc:meta])* $name:ident, $item:ty, |$t:ident, $i:ident| $read:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name(Records);

        impl Iterator for $name {
            type Item = $item;
            #[inline]
            fn next(&mut self) -> Option<$item> {
                let $i = self.0.next()?;
                let $t = self.0.table;
                Some($read)
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.0.len(), Some(self.0.len()))
            }
        }

        impl ExactSizeIterator for $name {}
    };
}

/// `Debug` as a list, for the public record iterators (the crate-internal [`Pieces`] has
/// none: less to compile).
macro_rules! record_debug {
    ($($name:ident),*) => {$(
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut l = f.debug_list();
                for e in *self {
                    l.entry(&e);
                }
                l.finish()
            }
        }
    )*};
}

record_debug!(Fields, Attributes, Headers);

record_iter!(
    /// The typed placeholders of an error message ([`ErrorMeta::fields`]).
    Fields,
    FieldMeta,
    |t, i| {
        let at = i * FIELD_WORDS;
        FieldMeta {
            name: t.str_at(t.fields, at).unwrap_or(""),
            ty: match word(t.fields, at + 2) {
                0 => "string",
                1 => "integer",
                2 => "unsigned",
                3 => "float",
                _ => "boolean",
            },
            description: t.str_at(t.fields, at + 3),
        }
    }
);

record_iter!(
    /// The user attributes of an error ([`ErrorMeta::attributes`]).
    Attributes,
    (&'static str, AttrValue),
    |t, i| {
        let at = i * ATTR_WORDS;
        let (a, b) = (word(t.attrs, at + 3), word(t.attrs, at + 4));
        let bits = u64::from(a) | (u64::from(b) << 32);
        let value = match word(t.attrs, at + 2) {
            0 => AttrValue::Str(t.opt_str(a, b).unwrap_or("")),
            1 => AttrValue::Int(bits as i64),
            2 => AttrValue::Float(f64::from_bits(bits)),
            _ => AttrValue::Bool(a != 0),
        };
        (t.str_at(t.attrs, at).unwrap_or(""), value)
    }
);

record_iter!(
    /// The response headers of an error ([`ErrorMeta::headers`]).
    Headers,
    (&'static str, &'static str),
    |t, i| {
        let at = i * HEADER_WORDS;
        (
            t.str_at(t.headers, at).unwrap_or(""),
            t.str_at(t.headers, at + 2).unwrap_or(""),
        )
    }
);

/// A piece of a message template (crate-internal: no more derives than it uses).
#[derive(Clone, Copy)]
pub enum Piece {
    /// Literal text.
    Lit(&'static str),
    /// The argument at this index.
    Field(usize),
}

record_iter!(
    /// The pieces of a message template.
    Pieces,
    Piece,
    |t, i| {
        let at = i * PIECE_WORDS;
        match word(t.pieces, at) {
            0 => Piece::Lit(t.str_at(t.pieces, at + 1).unwrap_or("")),
            _ => Piece::Field(word(t.pieces, at + 1) as usize),
        }
    }
);

/// Every error of a generated enum (its `ERRORS`), in the order of its variants.
#[derive(Clone, Copy)]
pub struct ErrorTable {
    table: &'static Table,
}

impl ErrorTable {
    #[doc(hidden)]
    pub const fn __new(table: &'static Table) -> Self {
        ErrorTable { table }
    }

    /// The number of errors.
    pub const fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether there is no error.
    pub const fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The error at `index`.
    pub fn get(&self, index: usize) -> Option<ErrorMeta> {
        if index < self.len() {
            Some(ErrorMeta::__new(self.table, index))
        } else {
            None
        }
    }

    /// The errors, in order.
    pub fn iter(&self) -> Iter {
        Iter {
            table: self.table,
            range: 0..self.len(),
        }
    }

    /// The error with this code.
    #[inline]
    pub fn lookup(&self, code: &str) -> Option<ErrorMeta> {
        crate::__private::find(self.table, code).map(|i| ErrorMeta::__new(self.table, i))
    }
}

impl fmt::Debug for ErrorTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut l = f.debug_list();
        for e in self.iter() {
            l.entry(&e);
        }
        l.finish()
    }
}

/// The errors of an [`ErrorTable`], in order.
#[derive(Debug, Clone)]
pub struct Iter {
    table: &'static Table,
    range: core::ops::Range<usize>,
}

impl Iterator for Iter {
    type Item = ErrorMeta;
    fn next(&mut self) -> Option<ErrorMeta> {
        let i = self.range.next()?;
        Some(ErrorMeta::__new(self.table, i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter {
    fn next_back(&mut self) -> Option<ErrorMeta> {
        let i = self.range.next_back()?;
        Some(ErrorMeta::__new(self.table, i))
    }
}

impl ExactSizeIterator for Iter {}

impl IntoIterator for ErrorTable {
    type Item = ErrorMeta;
    type IntoIter = Iter;
    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl IntoIterator for &ErrorTable {
    type Item = ErrorMeta;
    type IntoIter = Iter;
    fn into_iter(self) -> Iter {
        self.iter()
    }
}
