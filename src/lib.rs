//! errcat: one TOML catalog of an HTTP API's errors, turned into Rust types, markdown docs
//! and OpenAPI 3.1.
//!
//! This crate is the small run-time facade the generated code depends on:
//!
//! - [`CatalogError`], implemented by every generated error enum (and by enums using
//!   `#[derive(ErrorCatalog)]`), so that middleware can render the errors of any catalog;
//! - the metadata types of the generated tables ([`ErrorMeta`], [`StatusMeta`],
//!   [`AttrValue`], ...);
//! - [`BodyContext`], the values of a response body only known at run time;
//! - the error types of failed lookups ([`UnknownStatus`]).
//!
//! It has no dependency. Build-script users add it with `default-features = false`; the
//! default feature `macros` re-exports the proc macros (`catalog!`,
//! `#[derive(ErrorCatalog)]`).
//!
//! Everything under `__private` is an implementation detail of the generated code: the
//! interpreter of message and body templates and the JSON writer.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

use core::fmt;

#[cfg(feature = "macros")]
pub use errcat_macros::{ErrorCatalog, catalog};

/// The class of an HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusClass {
    /// 1xx.
    Informational,
    /// 2xx.
    Success,
    /// 3xx.
    Redirection,
    /// 4xx.
    ClientError,
    /// 5xx.
    ServerError,
}

impl StatusClass {
    /// The class of a status code (codes of 600 and above count as server errors).
    pub const fn of(code: u16) -> StatusClass {
        match code / 100 {
            0 | 1 => StatusClass::Informational,
            2 => StatusClass::Success,
            3 => StatusClass::Redirection,
            4 => StatusClass::ClientError,
            _ => StatusClass::ServerError,
        }
    }

    /// `"4xx"` and so on.
    pub const fn key(self) -> &'static str {
        match self {
            StatusClass::Informational => "1xx",
            StatusClass::Success => "2xx",
            StatusClass::Redirection => "3xx",
            StatusClass::ClientError => "4xx",
            StatusClass::ServerError => "5xx",
        }
    }

    /// Whether this is 4xx or 5xx.
    pub const fn is_error(self) -> bool {
        matches!(self, StatusClass::ClientError | StatusClass::ServerError)
    }
}

impl fmt::Display for StatusClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The value of a user attribute declared in the catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AttrValue {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// A float.
    Float(f64),
}

impl AttrValue {
    /// The string, when it is one.
    pub const fn as_str(&self) -> Option<&'static str> {
        match self {
            AttrValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, when it is one.
    pub const fn as_int(&self) -> Option<i64> {
        match self {
            AttrValue::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The boolean, when it is one.
    pub const fn as_bool(&self) -> Option<bool> {
        match self {
            AttrValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl fmt::Display for AttrValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttrValue::Str(s) => f.write_str(s),
            AttrValue::Int(i) => fmt::Display::fmt(i, f),
            AttrValue::Bool(b) => fmt::Display::fmt(b, f),
            AttrValue::Float(x) => fmt::Debug::fmt(x, f),
        }
    }
}

/// Looks an attribute up by name in a table of attribute values.
fn find_attr(attrs: &[(&'static str, AttrValue)], name: &str) -> Option<AttrValue> {
    attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// A status the catalog declares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusMeta {
    /// The code.
    pub code: u16,
    /// The reason phrase.
    pub reason: &'static str,
    /// What it means (markdown).
    pub description: Option<&'static str>,
    /// User attributes set on the status, in declaration order.
    pub attributes: &'static [(&'static str, AttrValue)],
}

impl StatusMeta {
    /// The class of the status.
    pub const fn class(&self) -> StatusClass {
        StatusClass::of(self.code)
    }

    /// The value of a user attribute.
    pub fn attribute(&self, name: &str) -> Option<AttrValue> {
        find_attr(self.attributes, name)
    }
}

impl fmt::Display for StatusMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.reason)
    }
}

/// A typed placeholder of an error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldMeta {
    /// Its name (the Rust field name).
    pub name: &'static str,
    /// Its catalog type (`string`, `integer`, `unsigned`, `float`, `boolean`).
    pub ty: &'static str,
    /// What it is.
    pub description: Option<&'static str>,
}

/// The deprecation of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deprecation {
    /// The version that deprecated it.
    pub since: Option<&'static str>,
    /// The code of the error to use instead.
    pub replaced_by: Option<&'static str>,
    /// Why.
    pub note: Option<&'static str>,
}

/// Everything the catalog says about one application error.
#[derive(Debug, Clone, Copy)]
pub struct ErrorMeta {
    /// The stable machine-readable code.
    pub code: &'static str,
    /// The HTTP status code it is returned with.
    pub status: u16,
    /// The status's reason phrase.
    pub reason: &'static str,
    /// The error's title, else its code.
    pub title: &'static str,
    /// The message template as written (`"No invoice {invoice_id}"`).
    pub message: &'static str,
    /// What happened (markdown).
    pub description: Option<&'static str>,
    /// What to do (markdown).
    pub remediation: Option<&'static str>,
    /// The request field concerned.
    pub field: Option<&'static str>,
    /// The documentation URL.
    pub docs_url: Option<&'static str>,
    /// Whether a client may retry.
    pub retryable: bool,
    /// Seconds to wait before retrying.
    pub retry_after: Option<u32>,
    /// The deprecation, if any.
    pub deprecated: Option<Deprecation>,
    /// The message's typed placeholders.
    pub fields: &'static [FieldMeta],
    /// User attributes (the error's, else its status's), in declaration order.
    pub attributes: &'static [(&'static str, AttrValue)],
    /// Response headers, name and literal value: the status's `headers`, overridden and
    /// extended by the error's own. Names as written in the catalog (compare them
    /// case-insensitively). `Content-Type` and `Retry-After` are not among them (see
    /// [`CatalogError::content_type`] and [`ErrorMeta::retry_after`]).
    pub headers: &'static [(&'static str, &'static str)],
    #[doc(hidden)]
    pub __message: &'static [__private::MsgPiece],
    #[doc(hidden)]
    pub __body: &'static __private::Node,
}

impl ErrorMeta {
    /// The class of the error's status.
    pub const fn class(&self) -> StatusClass {
        StatusClass::of(self.status)
    }

    /// The value of a user attribute.
    pub fn attribute(&self, name: &str) -> Option<AttrValue> {
        find_attr(self.attributes, name)
    }

    /// The value of a response header the catalog declares (name compared
    /// case-insensitively).
    pub fn header(&self, name: &str) -> Option<&'static str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// Values of a response body only known at run time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BodyContext<'a> {
    /// The `{trace_id}` placeholder.
    pub trace_id: Option<&'a str>,
    /// The `{instance}` placeholder (the RFC 9457 `instance` URI).
    pub instance: Option<&'a str>,
}

/// A status code the catalog does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownStatus(pub u16);

impl fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "status {} is not declared in the error catalog", self.0)
    }
}

impl std::error::Error for UnknownStatus {}

/// An error of an errcat catalog: what middleware needs to answer a request with it.
///
/// Implemented by every generated error enum and by `#[derive(ErrorCatalog)]`. The trait is
/// object safe: a handler can return `Box<dyn CatalogError>`.
pub trait CatalogError: fmt::Display + fmt::Debug {
    /// The catalog's entry for this error.
    fn meta(&self) -> &'static ErrorMeta;

    /// The content type of the response body (from the catalog's `[body]`).
    fn content_type(&self) -> &'static str;

    /// The HTTP status code.
    fn status_code(&self) -> u16 {
        self.meta().status
    }

    /// The status's reason phrase.
    fn status_reason(&self) -> &'static str {
        self.meta().reason
    }

    /// The stable error code.
    fn error_code(&self) -> &'static str {
        self.meta().code
    }

    /// The message, rendered with the error's field values (the `Display` text).
    fn message(&self) -> String {
        self.to_string()
    }

    /// The documentation URL.
    fn error_docs_url(&self) -> Option<&'static str> {
        self.meta().docs_url
    }

    /// Whether a client may retry.
    fn retryable(&self) -> bool {
        self.meta().retryable
    }

    /// Seconds a client should wait before retrying (the `Retry-After` header).
    fn retry_after_secs(&self) -> Option<u32> {
        self.meta().retry_after
    }

    /// The response headers the catalog declares for this error (such as
    /// `WWW-Authenticate`), besides `Content-Type` and `Retry-After`.
    fn response_headers(&self) -> &'static [(&'static str, &'static str)] {
        self.meta().headers
    }

    /// Appends the response body, as JSON text, to `out`.
    fn write_body(&self, out: &mut String, ctx: &BodyContext<'_>) {
        __private::write_body(out, self.meta(), ctx, &__private::DisplayRef(self));
    }

    /// The response body as JSON text.
    fn body(&self, ctx: &BodyContext<'_>) -> String {
        let mut out = String::new();
        self.write_body(&mut out, ctx);
        out
    }
}

impl<T: CatalogError + ?Sized> CatalogError for &T {
    fn meta(&self) -> &'static ErrorMeta {
        (**self).meta()
    }
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }
    fn write_body(&self, out: &mut String, ctx: &BodyContext<'_>) {
        (**self).write_body(out, ctx)
    }
}

impl<T: CatalogError + ?Sized> CatalogError for Box<T> {
    fn meta(&self) -> &'static ErrorMeta {
        (**self).meta()
    }
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }
    fn write_body(&self, out: &mut String, ctx: &BodyContext<'_>) {
        (**self).write_body(out, ctx)
    }
}

/// Implementation details of the generated code. Not part of the API: may change in any
/// release.
#[doc(hidden)]
pub mod __private {
    use super::{BodyContext, ErrorMeta};
    use core::fmt::{self, Write as _};

    /// The value of a message placeholder.
    #[derive(Debug, Clone, Copy)]
    pub enum Arg<'a> {
        /// No value (padding of the argument array).
        None,
        /// A string.
        Str(&'a str),
        /// A signed integer.
        Int(i64),
        /// An unsigned integer.
        Uint(u64),
        /// A float (written like `{:?}`: `1.0`, `1e21`).
        Float(f64),
        /// A boolean.
        Bool(bool),
    }

    impl fmt::Display for Arg<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Arg::None => Ok(()),
                Arg::Str(s) => f.write_str(s),
                Arg::Int(i) => fmt::Display::fmt(i, f),
                Arg::Uint(u) => fmt::Display::fmt(u, f),
                Arg::Float(x) => fmt::Debug::fmt(x, f),
                Arg::Bool(b) => fmt::Display::fmt(b, f),
            }
        }
    }

    /// A piece of a message template.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum MsgPiece {
        /// Literal text.
        Lit(&'static str),
        /// The argument at this index.
        Field(usize),
    }

    /// Writes a message template with its arguments.
    pub fn write_message(
        w: &mut dyn fmt::Write,
        pieces: &[MsgPiece],
        args: &[Arg<'_>],
    ) -> fmt::Result {
        for piece in pieces {
            match piece {
                MsgPiece::Lit(s) => w.write_str(s)?,
                MsgPiece::Field(i) => {
                    if let Some(a) = args.get(*i) {
                        write!(w, "{a}")?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A message template with its arguments, as `Display`.
    pub struct Message<'a> {
        /// The template.
        pub pieces: &'static [MsgPiece],
        /// The field values.
        pub args: &'a [Arg<'a>],
    }

    impl fmt::Display for Message<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_message(f, self.pieces, self.args)
        }
    }

    /// `Display` through a reference to an unsized value.
    pub struct DisplayRef<'a, T: ?Sized>(pub &'a T);

    impl<T: fmt::Display + ?Sized> fmt::Display for DisplayRef<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt(f)
        }
    }

    /// A value a body template refers to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Var {
        /// The status code (a number).
        Status,
        /// The status reason phrase.
        Reason,
        /// The error code.
        Code,
        /// The rendered message.
        Message,
        /// The title, else the code.
        Title,
        /// The request field (optional).
        Field,
        /// The docs URL (optional).
        DocsUrl,
        /// `retry_after` seconds (optional, a number).
        RetryAfter,
        /// The run-time trace id (optional).
        TraceId,
        /// The run-time `instance` (optional).
        Instance,
        /// The docs URL, else `about:blank`.
        Type,
        /// A user attribute (optional).
        Attribute(&'static str),
    }

    /// A piece of a string template.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Text {
        /// Literal text (not escaped).
        Lit(&'static str),
        /// A placeholder (its text form; nothing when absent).
        Var(Var),
    }

    /// A body template.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Node {
        /// A whole-value placeholder: left out of objects and arrays when absent.
        Var(Var),
        /// A string of text and placeholders.
        Text(&'static [Text]),
        /// An integer.
        Int(i64),
        /// A float.
        Float(f64),
        /// A boolean.
        Bool(bool),
        /// An array.
        Array(&'static [Node]),
        /// An object (keys not escaped).
        Object(&'static [(&'static str, Node)]),
    }

    /// A resolved placeholder value.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Value<'a> {
        /// A string.
        Str(&'a str),
        /// An integer.
        Int(i64),
        /// A float.
        Float(f64),
        /// A boolean.
        Bool(bool),
        /// The rendered message (the error's `Display` text).
        Message,
    }

    /// The value of a placeholder for an error; `None` when absent.
    pub fn resolve<'a>(
        var: Var,
        meta: &'static ErrorMeta,
        ctx: &BodyContext<'a>,
    ) -> Option<Value<'a>> {
        Some(match var {
            Var::Status => Value::Int(i64::from(meta.status)),
            Var::Reason => Value::Str(meta.reason),
            Var::Code => Value::Str(meta.code),
            Var::Message => Value::Message,
            Var::Title => Value::Str(meta.title),
            Var::Field => Value::Str(meta.field?),
            Var::DocsUrl => Value::Str(meta.docs_url?),
            Var::RetryAfter => Value::Int(i64::from(meta.retry_after?)),
            Var::TraceId => Value::Str(ctx.trace_id?),
            Var::Instance => Value::Str(ctx.instance?),
            Var::Type => Value::Str(meta.docs_url.unwrap_or("about:blank")),
            Var::Attribute(name) => match meta.attribute(name)? {
                super::AttrValue::Str(s) => Value::Str(s),
                super::AttrValue::Int(i) => Value::Int(i),
                super::AttrValue::Bool(b) => Value::Bool(b),
                super::AttrValue::Float(x) => Value::Float(x),
            },
        })
    }

    /// Whether a node has a value (only a whole-value placeholder may be absent).
    pub fn present(node: &Node, meta: &'static ErrorMeta, ctx: &BodyContext<'_>) -> bool {
        match node {
            Node::Var(v) => resolve(*v, meta, ctx).is_some(),
            _ => true,
        }
    }

    /// A string template, as `Display` (absent placeholders write nothing).
    pub struct TextDisplay<'a> {
        /// The pieces.
        pub pieces: &'static [Text],
        /// The error.
        pub meta: &'static ErrorMeta,
        /// Run-time values.
        pub ctx: &'a BodyContext<'a>,
        /// The message.
        pub message: &'a dyn fmt::Display,
    }

    impl fmt::Display for TextDisplay<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_text(f, self.pieces, self.meta, self.ctx, self.message)
        }
    }

    fn write_text(
        w: &mut dyn fmt::Write,
        pieces: &[Text],
        meta: &'static ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
    ) -> fmt::Result {
        for p in pieces {
            match p {
                Text::Lit(s) => w.write_str(s)?,
                Text::Var(v) => match resolve(*v, meta, ctx) {
                    None => {}
                    Some(Value::Str(s)) => w.write_str(s)?,
                    Some(Value::Int(i)) => write!(w, "{i}")?,
                    Some(Value::Float(x)) => write_float(w, x)?,
                    Some(Value::Bool(b)) => write!(w, "{b}")?,
                    Some(Value::Message) => write!(w, "{message}")?,
                },
            }
        }
        Ok(())
    }

    fn write_float(w: &mut dyn fmt::Write, x: f64) -> fmt::Result {
        if x.is_finite() {
            write!(w, "{x:?}")
        } else {
            w.write_str("null")
        }
    }

    /// Writes what is written to it into a `String` as the inside of a JSON string.
    pub struct JsonEscaper<'a>(pub &'a mut String);

    impl fmt::Write for JsonEscaper<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            escape_into(self.0, s);
            Ok(())
        }
    }

    /// Appends `s` escaped as the inside of a JSON string (as serde_json escapes).
    pub fn escape_into(out: &mut String, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let esc: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(&s[start..i]);
            if esc.is_empty() {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                out.push_str(esc);
            }
            start = i + 1;
        }
        out.push_str(&s[start..]);
    }

    fn push_json_str(out: &mut String, s: &str) {
        out.push('"');
        escape_into(out, s);
        out.push('"');
    }

    /// Appends the body of an error as JSON text.
    pub fn write_body(
        out: &mut String,
        meta: &'static ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
    ) {
        if !write_node(out, meta.__body, meta, ctx, message) {
            out.push_str("null");
        }
    }

    // Writes `node`; false (and nothing written) when it is an absent placeholder.
    fn write_node(
        out: &mut String,
        node: &Node,
        meta: &'static ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
    ) -> bool {
        match node {
            Node::Var(v) => match resolve(*v, meta, ctx) {
                None => return false,
                Some(Value::Str(s)) => push_json_str(out, s),
                Some(Value::Int(i)) => {
                    let _ = write!(out, "{i}");
                }
                Some(Value::Float(x)) => {
                    let _ = write_float(out, x);
                }
                Some(Value::Bool(b)) => out.push_str(if b { "true" } else { "false" }),
                Some(Value::Message) => {
                    out.push('"');
                    let _ = write!(JsonEscaper(out), "{message}");
                    out.push('"');
                }
            },
            Node::Text(pieces) => {
                out.push('"');
                let _ = write_text(&mut JsonEscaper(out), pieces, meta, ctx, message);
                out.push('"');
            }
            Node::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Node::Float(x) => {
                let _ = write_float(out, *x);
            }
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Array(items) => {
                out.push('[');
                let mut first = true;
                for item in *items {
                    if !present(item, meta, ctx) {
                        continue;
                    }
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    write_node(out, item, meta, ctx, message);
                }
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                let mut first = true;
                for (key, value) in *members {
                    if !present(value, meta, ctx) {
                        continue;
                    }
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    push_json_str(out, key);
                    out.push(':');
                    write_node(out, value, meta, ctx, message);
                }
                out.push('}');
            }
        }
        true
    }

    /// The multiplier of [`hash`] (2^64 / golden ratio).
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    /// Reads the 8 bytes of `b` at `i` as a little-endian word (one load).
    #[inline(always)]
    fn word(b: &[u8], i: usize) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(w)
    }

    /// The hash of error codes in generated lookup tables: 64-bit multiply-xorshift over
    /// little-endian 8-byte words (the last word overlaps the one before; codes under 8
    /// bytes are packed into one word), then a final mix so that the low bits, which pick
    /// the slot, depend on every byte. The same on every platform (no `usize`-width
    /// dependence). errcat-codegen computes the same at build time (its `hash` in
    /// `rust/emit.rs`; a test there checks that both agree).
    #[inline]
    pub fn hash(s: &str) -> u64 {
        let b = s.as_bytes();
        let len = b.len();
        let mut h = (len as u64).wrapping_mul(K);
        if len >= 8 {
            let mut i = 0;
            while i + 8 < len {
                h = (h ^ word(b, i)).wrapping_mul(K);
                h ^= h >> 32;
                i += 8;
            }
            h = (h ^ word(b, len - 8)).wrapping_mul(K);
        } else {
            let mut t = 0u64;
            let mut i = 0;
            while i < len {
                t |= (b[i] as u64) << (8 * i);
                i += 1;
            }
            h = (h ^ t).wrapping_mul(K);
        }
        h ^= h >> 29;
        h = h.wrapping_mul(K);
        h ^ (h >> 32)
    }

    /// The slot value of an empty slot.
    pub const EMPTY: u32 = u32::MAX;

    /// Finds a code in an open-addressing table (linear probing, power-of-two size) built
    /// by errcat-codegen: `slots` hold indices into `errors`.
    #[inline]
    pub fn find(errors: &'static [ErrorMeta], slots: &[u32], code: &str) -> Option<usize> {
        let len = slots.len();
        if len == 0 {
            return None;
        }
        let mask = len - 1;
        let mut i = (hash(code) as usize) & mask;
        for _ in 0..len {
            let slot = *slots.get(i)?;
            if slot == EMPTY {
                return None;
            }
            let index = slot as usize;
            if errors.get(index)?.code == code {
                return Some(index);
            }
            i = (i + 1) & mask;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::__private::*;
    use super::*;

    static BODY: Node = Node::Object(&[
        ("type", Node::Var(Var::Type)),
        ("status", Node::Var(Var::Status)),
        ("detail", Node::Var(Var::Message)),
        ("instance", Node::Var(Var::Instance)),
        (
            "trace",
            Node::Text(&[Text::Lit("id="), Text::Var(Var::TraceId)]),
        ),
        (
            "list",
            Node::Array(&[
                Node::Var(Var::Field),
                Node::Int(-3),
                Node::Float(1.5),
                Node::Bool(true),
            ]),
        ),
        ("attr", Node::Var(Var::Attribute("layer"))),
    ]);

    static META: ErrorMeta = ErrorMeta {
        code: "quote\"d",
        status: 422,
        reason: "Unprocessable Content",
        title: "Quoted",
        message: "x",
        description: None,
        remediation: None,
        field: None,
        docs_url: None,
        retryable: false,
        retry_after: None,
        deprecated: None,
        fields: &[],
        attributes: &[("layer", AttrValue::Str("Edge"))],
        headers: &[("WWW-Authenticate", "Bearer")],
        __message: &[MsgPiece::Lit("a\n\"b\"\u{1}"), MsgPiece::Field(0)],
        __body: &BODY,
    };

    #[test]
    fn body_leaves_absent_members_out_and_escapes() {
        let args = [Arg::Float(2.0)];
        let msg = Message {
            pieces: META.__message,
            args: &args,
        };
        let mut out = String::new();
        write_body(&mut out, &META, &BodyContext::default(), &msg);
        assert_eq!(
            out,
            r#"{"type":"about:blank","status":422,"detail":"a\n\"b\"\u00012.0","trace":"id=","list":[-3,1.5,true],"attr":"Edge"}"#
        );
        out.clear();
        let ctx = BodyContext {
            trace_id: Some("t"),
            instance: Some("/i"),
        };
        write_body(&mut out, &META, &ctx, &msg);
        assert!(out.contains(r#""instance":"/i","trace":"id=t""#), "{out}");
    }

    #[test]
    fn find_probes_until_empty() {
        static ERRORS: [ErrorMeta; 1] = [META];
        let mut slots = [EMPTY; 4];
        slots[(hash("quote\"d") as usize) & 3] = 0;
        assert_eq!(find(&ERRORS, &slots, "quote\"d"), Some(0));
        assert_eq!(find(&ERRORS, &slots, "other"), None);
        assert_eq!(find(&ERRORS, &[], "other"), None);
    }

    #[test]
    fn headers_are_found_case_insensitively() {
        assert_eq!(META.header("www-authenticate"), Some("Bearer"));
        assert_eq!(META.header("WWW-Authenticate"), Some("Bearer"));
        assert_eq!(META.header("Retry-After"), None);
    }

    #[test]
    fn classes() {
        assert_eq!(StatusClass::of(404), StatusClass::ClientError);
        assert_eq!(StatusClass::of(503).to_string(), "5xx");
    }
}
