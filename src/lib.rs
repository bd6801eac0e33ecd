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
//! - the error types of failed lookups ([`UnknownStatus`]);
//! - the decoder's results ([`Decoded`], [`UnknownError`], [`DecodeError`]): the generated
//!   `from_response` rebuilds an error from a response's status, headers and body.
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

mod cause;
mod decode;
mod json;
mod table;
pub use cause::{Cause, Chain, Wire};
pub use decode::{DecodeError, Decoded, UnknownError};
pub use table::{Attributes, ErrorMeta, ErrorTable, Fields, Headers, Iter};

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

// Lookups in this crate are written as loops rather than iterator chains: each adapter
// and closure is generic code compiled (with its debug info) into this crate, and they
// made most of its build time.

/// Looks an attribute up by name in a table of attribute values.
fn find_attr(attrs: &[(&'static str, AttrValue)], name: &str) -> Option<AttrValue> {
    for (n, v) in attrs {
        if *n == name {
            return Some(*v);
        }
    }
    None
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

/// Values of a response body only known at run time: the request's trace id, its
/// `instance` URI and the values the catalog declares under `[context.NAME]`. A value left
/// out (`None`, or a name missing from `values`) drops the member that holds it.
///
/// ```
/// let ctx = errcat::BodyContext::new()
///     .with_trace_id("4bf92f3577b34da6")
///     .with_values(&[("request_id", "req_42")]);
/// assert_eq!(ctx.value("request_id"), Some("req_42"));
/// assert_eq!(ctx.value("tenant"), None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BodyContext<'a> {
    /// The `{trace_id}` placeholder.
    pub trace_id: Option<&'a str>,
    /// The `{instance}` placeholder (the RFC 9457 `instance` URI).
    pub instance: Option<&'a str>,
    /// Values of the catalog's `[context.NAME]` placeholders, by name (the first of a name
    /// counts).
    pub values: &'a [(&'a str, &'a str)],
}

impl<'a> BodyContext<'a> {
    /// No run-time value.
    pub const fn new() -> Self {
        BodyContext {
            trace_id: None,
            instance: None,
            values: &[],
        }
    }

    /// With the `{trace_id}` value.
    pub const fn with_trace_id(mut self, trace_id: &'a str) -> Self {
        self.trace_id = Some(trace_id);
        self
    }

    /// With the `{instance}` value.
    pub const fn with_instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// With the values of `[context.NAME]` placeholders, as `(name, value)` pairs.
    pub const fn with_values(mut self, values: &'a [(&'a str, &'a str)]) -> Self {
        self.values = values;
        self
    }

    /// The value of the context placeholder `name`, if given.
    pub fn value(&self, name: &str) -> Option<&'a str> {
        for (n, v) in self.values {
            if *n == name {
                return Some(v);
            }
        }
        None
    }
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
    fn meta(&self) -> ErrorMeta;

    /// The content type of the response body (from the catalog's `[body]`).
    fn content_type(&self) -> &'static str;

    /// The HTTP status code.
    fn status_code(&self) -> u16 {
        self.meta().status()
    }

    /// The status's reason phrase.
    fn status_reason(&self) -> &'static str {
        self.meta().reason()
    }

    /// The stable error code.
    fn error_code(&self) -> &'static str {
        self.meta().code()
    }

    /// The message, rendered with the error's field values (the `Display` text).
    fn message(&self) -> String {
        self.to_string()
    }

    /// The documentation URL.
    fn error_docs_url(&self) -> Option<&'static str> {
        self.meta().docs_url()
    }

    /// Whether a client may retry.
    fn retryable(&self) -> bool {
        self.meta().retryable()
    }

    /// Seconds a client should wait before retrying (the `Retry-After` header).
    fn retry_after_secs(&self) -> Option<u32> {
        self.meta().retry_after()
    }

    /// The response headers the catalog declares for this error (such as
    /// `WWW-Authenticate`), besides `Content-Type` and `Retry-After`.
    fn response_headers(&self) -> Headers {
        self.meta().headers()
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

    /// Appends this error's item of a grouped response, rendered from `item`, as JSON
    /// text; false (and nothing written) when the item is an absent placeholder. The
    /// generated code passes the error's field values.
    #[doc(hidden)]
    fn __write_item(
        &self,
        out: &mut String,
        item: &'static __private::Node,
        ctx: &BodyContext<'_>,
    ) -> bool {
        __private::write_item(
            out,
            item,
            self.meta(),
            ctx,
            &__private::DisplayRef(self),
            &[],
        )
    }

    /// Writes the error as its [`Wire`] view's `Debug` shows it: the variant and its field
    /// values, never a cause. Generated impls print the fields; this default prints the
    /// variant's name only.
    fn fmt_wire(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.meta().variant())
    }
}

impl<T: CatalogError + ?Sized> CatalogError for &T {
    fn meta(&self) -> ErrorMeta {
        (**self).meta()
    }
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }
    fn write_body(&self, out: &mut String, ctx: &BodyContext<'_>) {
        (**self).write_body(out, ctx)
    }
    fn __write_item(
        &self,
        out: &mut String,
        item: &'static __private::Node,
        ctx: &BodyContext<'_>,
    ) -> bool {
        (**self).__write_item(out, item, ctx)
    }

    fn fmt_wire(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_wire(f)
    }
}

impl<T: CatalogError + ?Sized> CatalogError for Box<T> {
    fn meta(&self) -> ErrorMeta {
        (**self).meta()
    }
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }
    fn write_body(&self, out: &mut String, ctx: &BodyContext<'_>) {
        (**self).write_body(out, ctx)
    }
    fn __write_item(
        &self,
        out: &mut String,
        item: &'static __private::Node,
        ctx: &BodyContext<'_>,
    ) -> bool {
        (**self).__write_item(out, item, ctx)
    }

    fn fmt_wire(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_wire(f)
    }
}

/// A grouped response of a catalog (`[groups.NAME]`): the generated code has one per group.
/// Its status, title and type are the group's, whatever its errors' own.
#[derive(Debug)]
pub struct GroupMeta {
    name: &'static str,
    status: u16,
    reason: &'static str,
    title: &'static str,
    type_uri: Option<&'static str>,
    content_type: &'static str,
    body: &'static __private::Node,
    /// The codes of the errors that may appear, each with its item template.
    members: &'static [(&'static str, &'static __private::Node)],
}

impl GroupMeta {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        status: u16,
        reason: &'static str,
        title: &'static str,
        type_uri: Option<&'static str>,
        content_type: &'static str,
        body: &'static __private::Node,
        members: &'static [(&'static str, &'static __private::Node)],
    ) -> Self {
        GroupMeta {
            name,
            status,
            reason,
            title,
            type_uri,
            content_type,
            body,
            members,
        }
    }

    /// The group's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The status every response of the group is sent with.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The status's reason phrase.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// The response's title (the group's, else the status's reason phrase).
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// The URI of the response's type, if the group has one.
    pub fn type_uri(&self) -> Option<&'static str> {
        self.type_uri
    }

    /// The content type of the response body.
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// Whether an error with this code may appear in the group.
    pub fn allows(&self, code: &str) -> bool {
        self.item(code).is_some()
    }

    /// The codes of the errors that may appear in the group, in the order listed.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> {
        self.members.iter().map(|(c, _)| *c)
    }

    fn item(&self, code: &str) -> Option<&'static __private::Node> {
        for (c, n) in self.members {
            if *c == code {
                return Some(n);
            }
        }
        None
    }
}

/// Several errors in one response, a grouped response of the catalog (`[groups.NAME]`):
/// its body has the group's outer members and one item per error, in the order pushed.
/// The generated code wraps it (with `IntoResponse` for axum); `#[derive(ErrorCatalog)]`
/// users can use it directly.
#[derive(Debug, Clone)]
pub struct ErrorList<E> {
    group: &'static GroupMeta,
    errors: Vec<E>,
}

impl<E: PartialEq> PartialEq for ErrorList<E> {
    /// The same group (the same table entry) and equal errors.
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.group, other.group) && self.errors == other.errors
    }
}

impl<E: CatalogError> ErrorList<E> {
    /// An empty response of `group`.
    pub fn new(group: &'static GroupMeta) -> Self {
        ErrorList {
            group,
            errors: Vec::new(),
        }
    }

    /// Adds an error; an error the group does not list is handed back.
    pub fn push(&mut self, error: E) -> Result<(), E> {
        if self.group.allows(error.error_code()) {
            self.errors.push(error);
            Ok(())
        } else {
            Err(error)
        }
    }

    /// The group.
    pub fn group(&self) -> &'static GroupMeta {
        self.group
    }

    /// The errors, in the order pushed.
    pub fn errors(&self) -> &[E] {
        &self.errors
    }

    /// The errors, taken out.
    pub fn into_errors(self) -> Vec<E> {
        self.errors
    }

    /// How many errors there are.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there is none (a response to send only when there is one, usually).
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The HTTP status code: the group's.
    pub fn status_code(&self) -> u16 {
        self.group.status
    }

    /// The content type of the response body.
    pub fn content_type(&self) -> &'static str {
        self.group.content_type
    }

    /// Appends the response body, as JSON text, to `out`.
    pub fn write_body_json(&self, out: &mut String, ctx: &BodyContext<'_>) {
        __private::write_group(out, self.group, ctx, &|out, code_item, ctx| {
            let mut first = true;
            for e in &self.errors {
                let Some(item) = code_item(e.error_code()) else {
                    continue;
                };
                let mark = out.len();
                if !first {
                    out.push(',');
                }
                if e.__write_item(out, item, ctx) {
                    first = false;
                } else {
                    out.truncate(mark);
                }
            }
        });
    }

    /// The response body as JSON text, with run-time values from `ctx`.
    pub fn body_json_with(&self, ctx: &BodyContext<'_>) -> String {
        let mut out = String::new();
        self.write_body_json(&mut out, ctx);
        out
    }

    /// The response body as JSON text, without run-time values.
    pub fn body_json(&self) -> String {
        self.body_json_with(&BodyContext::new())
    }
}

impl<E> core::ops::Deref for ErrorList<E> {
    type Target = [E];
    fn deref(&self) -> &[E] {
        &self.errors
    }
}

/// Implementation details of the generated code. Not part of the API: may change in any
/// release.
#[doc(hidden)]
pub mod __private {
    use super::{BodyContext, ErrorMeta};
    use crate::table::{Piece, word as table_word};
    use core::fmt::{self, Write as _};

    pub use crate::decode::{Args, Owned, Raw, decode, finish};
    pub use crate::table::{DEPRECATED, ERROR_WORDS, NONE, RETRY_AFTER, RETRYABLE, Table};

    /// The value of a message placeholder (generated `PartialEq` compares these).
    #[derive(Debug, Clone, Copy, PartialEq)]
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

    /// Whether two argument lists are equal (the generated `PartialEq`). Not generic, so
    /// that the crate holding the generated code does not instantiate array equality.
    pub fn args_eq(a: &[Arg<'_>], b: &[Arg<'_>]) -> bool {
        a == b
    }

    /// Writes an error's message: its template with the field values `args`.
    pub fn write_message(w: &mut dyn fmt::Write, meta: ErrorMeta, args: &[Arg<'_>]) -> fmt::Result {
        for piece in meta.pieces() {
            match piece {
                Piece::Lit(s) => w.write_str(s)?,
                Piece::Field(i) => {
                    if let Some(a) = args.get(i) {
                        write!(w, "{a}")?;
                    }
                }
            }
        }
        Ok(())
    }

    /// An argument, formatted as `#[derive(Debug)]` formats the field it comes from.
    struct DebugArg<'a>(Arg<'a>);

    impl fmt::Debug for DebugArg<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.0 {
                Arg::None => Ok(()),
                Arg::Str(s) => fmt::Debug::fmt(s, f),
                Arg::Int(i) => fmt::Debug::fmt(&i, f),
                Arg::Uint(u) => fmt::Debug::fmt(&u, f),
                Arg::Float(x) => fmt::Debug::fmt(&x, f),
                Arg::Bool(b) => fmt::Debug::fmt(&b, f),
            }
        }
    }

    /// Writes an error as `#[derive(Debug)]` on its variant would: the variant's name, and
    /// its fields' names and values.
    pub fn debug_error(
        f: &mut fmt::Formatter<'_>,
        meta: ErrorMeta,
        args: &[Arg<'_>],
    ) -> fmt::Result {
        let fields = meta.fields();
        if fields.len() == 0 {
            return f.write_str(meta.variant());
        }
        let mut s = f.debug_struct(meta.variant());
        debug_fields(&mut s, fields, args);
        s.finish()
    }

    /// [`debug_error`] followed by the variant's `cause` field, as `#[derive(Debug)]` on a
    /// variant with a last field `cause: Option<errcat::Cause>` would print it; `cause` is
    /// `None` for a variant without that field.
    pub fn debug_error_caused(
        f: &mut fmt::Formatter<'_>,
        meta: ErrorMeta,
        args: &[Arg<'_>],
        cause: Option<&Option<crate::Cause>>,
    ) -> fmt::Result {
        let Some(cause) = cause else {
            return debug_error(f, meta, args);
        };
        let mut s = f.debug_struct(meta.variant());
        debug_fields(&mut s, meta.fields(), args);
        s.field("cause", cause);
        s.finish()
    }

    /// The fields of [`debug_error`]: each field with its value, as many as both have.
    fn debug_fields(s: &mut fmt::DebugStruct<'_, '_>, fields: crate::Fields, args: &[Arg<'_>]) {
        let mut args = args.iter();
        for field in fields {
            let Some(arg) = args.next() else { break };
            s.field(field.name, &DebugArg(*arg));
        }
    }

    /// An error's message, as `Display`.
    pub struct Message<'a> {
        /// The error.
        pub meta: ErrorMeta,
        /// The field values.
        pub args: &'a [Arg<'a>],
    }

    impl fmt::Display for Message<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_message(f, self.meta, self.args)
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
        /// The error's typed fields as an object (absent when it has none).
        Fields,
        /// A user attribute (optional).
        Attribute(&'static str),
        /// The error's own field at this index (its field values, in field order).
        Arg(usize),
        /// A run-time value the catalog declares (`[context.NAME]`; optional).
        Context(&'static str),
        /// The items of a grouped response (its outer template only).
        Items,
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
        /// An unsigned integer (a field of type `unsigned`).
        Uint(u64),
        /// The items of a grouped response.
        Items,
        /// The error's field values, as an object (`{fields}`).
        Fields,
    }

    /// The value of a placeholder for an error; `None` when absent.
    pub fn resolve<'a>(var: Var, meta: ErrorMeta, ctx: &BodyContext<'a>) -> Option<Value<'a>> {
        resolve_args(var, meta, ctx, &[])
    }

    /// [`resolve`], with the error's field values `args` for [`Var::Arg`].
    pub fn resolve_args<'a>(
        var: Var,
        meta: ErrorMeta,
        ctx: &BodyContext<'a>,
        args: &[Arg<'a>],
    ) -> Option<Value<'a>> {
        Some(match var {
            Var::Arg(i) => match args.get(i)? {
                Arg::None => return None,
                Arg::Str(s) => Value::Str(s),
                Arg::Int(i) => Value::Int(*i),
                Arg::Uint(u) => Value::Uint(*u),
                Arg::Float(x) => Value::Float(*x),
                Arg::Bool(b) => Value::Bool(*b),
            },
            Var::Context(name) => Value::Str(ctx.value(name)?),
            Var::Items => return None,
            Var::Status => Value::Int(i64::from(meta.status())),
            Var::Reason => Value::Str(meta.reason()),
            Var::Code => Value::Str(meta.code()),
            Var::Message => Value::Message,
            Var::Title => Value::Str(meta.title()),
            Var::Field => Value::Str(meta.field()?),
            Var::DocsUrl => Value::Str(meta.docs_url()?),
            Var::RetryAfter => Value::Int(i64::from(meta.retry_after()?)),
            Var::TraceId => Value::Str(ctx.trace_id?),
            Var::Instance => Value::Str(ctx.instance?),
            Var::Type => Value::Str(meta.docs_url().unwrap_or("about:blank")),
            Var::Fields if meta.fields().len() == 0 => return None,
            Var::Fields => Value::Fields,
            Var::Attribute(name) => match meta.attribute(name)? {
                super::AttrValue::Str(s) => Value::Str(s),
                super::AttrValue::Int(i) => Value::Int(i),
                super::AttrValue::Bool(b) => Value::Bool(b),
                super::AttrValue::Float(x) => Value::Float(x),
            },
        })
    }

    /// Whether a node has a value (only a whole-value placeholder may be absent).
    pub fn present(node: &Node, meta: ErrorMeta, ctx: &BodyContext<'_>) -> bool {
        match node {
            Node::Var(v) => resolve(*v, meta, ctx).is_some(),
            _ => true,
        }
    }

    /// [`present`], with the error's field values.
    pub fn present_args(
        node: &Node,
        meta: ErrorMeta,
        ctx: &BodyContext<'_>,
        args: &[Arg<'_>],
    ) -> bool {
        match node {
            Node::Var(v) => resolve_args(*v, meta, ctx, args).is_some(),
            _ => true,
        }
    }

    /// What the placeholders of a template stand for while it is written. The writers stay
    /// generic over it: `&dyn Lookup` saved 3% of this crate's IR but cost 2.6% more
    /// instructions per JSON body (the inlined `get`).
    trait Lookup {
        fn get(&self, var: Var) -> Option<Value<'_>>;
        fn message(&self) -> &dyn fmt::Display;
        /// Writes the items of a grouped response (inside the brackets).
        fn items(&self, out: &mut String);
        /// Writes the object of the error's field values (`{fields}`).
        fn fields(&self, out: &mut String);
    }

    /// An error's values.
    struct ErrorValues<'a> {
        meta: ErrorMeta,
        ctx: &'a BodyContext<'a>,
        message: &'a dyn fmt::Display,
        args: &'a [Arg<'a>],
    }

    impl Lookup for ErrorValues<'_> {
        #[inline]
        fn get(&self, var: Var) -> Option<Value<'_>> {
            resolve_args(var, self.meta, self.ctx, self.args)
        }
        fn message(&self) -> &dyn fmt::Display {
            self.message
        }
        fn items(&self, _: &mut String) {}
        fn fields(&self, out: &mut String) {
            write_fields(out, self.meta, self.args);
        }
    }

    /// Writes the items of a grouped response: given the item template of a code.
    pub type WriteItems<'f> =
        dyn Fn(&mut String, &dyn Fn(&str) -> Option<&'static Node>, &BodyContext<'_>) + 'f;

    /// A grouped response's values.
    struct GroupValues<'a> {
        group: &'static super::GroupMeta,
        ctx: &'a BodyContext<'a>,
        items: &'a WriteItems<'a>,
    }

    impl Lookup for GroupValues<'_> {
        fn get(&self, var: Var) -> Option<Value<'_>> {
            let g = self.group;
            Some(match var {
                Var::Status => Value::Int(i64::from(g.status)),
                Var::Reason => Value::Str(g.reason),
                Var::Title => Value::Str(g.title),
                Var::Type => Value::Str(g.type_uri.unwrap_or("about:blank")),
                Var::DocsUrl => Value::Str(g.type_uri?),
                Var::Code => Value::Str(g.name),
                Var::TraceId => Value::Str(self.ctx.trace_id?),
                Var::Instance => Value::Str(self.ctx.instance?),
                Var::Context(name) => Value::Str(self.ctx.value(name)?),
                Var::Items => Value::Items,
                _ => return None,
            })
        }
        fn message(&self) -> &dyn fmt::Display {
            &""
        }
        fn items(&self, out: &mut String) {
            (self.items)(out, &|code| self.group.item(code), self.ctx);
        }
        fn fields(&self, _: &mut String) {}
    }

    /// A string template, as `Display` (absent placeholders write nothing).
    pub struct TextDisplay<'a> {
        /// The pieces.
        pub pieces: &'static [Text],
        /// The error.
        pub meta: ErrorMeta,
        /// Run-time values.
        pub ctx: &'a BodyContext<'a>,
        /// The message.
        pub message: &'a dyn fmt::Display,
        /// The error's field values.
        pub args: &'a [Arg<'a>],
    }

    impl fmt::Display for TextDisplay<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let values = ErrorValues {
                meta: self.meta,
                ctx: self.ctx,
                message: self.message,
                args: self.args,
            };
            write_text(f, self.pieces, &values)
        }
    }

    fn write_text<L: Lookup + ?Sized>(
        w: &mut dyn fmt::Write,
        pieces: &[Text],
        l: &L,
    ) -> fmt::Result {
        for p in pieces {
            match p {
                Text::Lit(s) => w.write_str(s)?,
                Text::Var(v) => match l.get(*v) {
                    None | Some(Value::Items) => {}
                    Some(Value::Str(s)) => w.write_str(s)?,
                    Some(Value::Int(i)) => write!(w, "{i}")?,
                    Some(Value::Uint(u)) => write!(w, "{u}")?,
                    Some(Value::Float(x)) => write_float(w, x)?,
                    Some(Value::Bool(b)) => write!(w, "{b}")?,
                    Some(Value::Message) => write!(w, "{}", l.message())?,
                    // Never in text: validation keeps `{fields}` a whole value.
                    Some(Value::Fields) => {}
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
        let mut i = 0;
        while i < bytes.len() {
            let (at, b) = (i, bytes[i]);
            i += 1;
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
            out.push_str(&s[start..at]);
            if esc.is_empty() {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                out.push_str(esc);
            }
            start = at + 1;
        }
        out.push_str(&s[start..]);
    }

    fn push_json_str(out: &mut String, s: &str) {
        out.push('"');
        escape_into(out, s);
        out.push('"');
    }

    /// Appends the body of an error as JSON text (without field values: `{fields}` is an
    /// empty object; the generated code calls [`write_body_args`]).
    pub fn write_body(
        out: &mut String,
        meta: ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
    ) {
        write_body_args(out, meta, ctx, message, &[]);
    }

    /// Appends the body of an error as JSON text, `{fields}` made of `args` (the error's
    /// field values, in field order).
    pub fn write_body_args(
        out: &mut String,
        meta: ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
        args: &[Arg<'_>],
    ) {
        let values = ErrorValues {
            meta,
            ctx,
            message,
            args,
        };
        if !meta
            .__body()
            .is_some_and(|body| write_node(out, body, &values))
        {
            out.push_str("null");
        }
    }

    /// Appends the object of an error's field values: `{"name":value,...}` in field order.
    pub fn write_fields(out: &mut String, meta: ErrorMeta, args: &[Arg<'_>]) {
        out.push('{');
        let mut first = true;
        let mut args = args.iter();
        for field in meta.fields() {
            let Some(arg) = args.next() else { break };
            if matches!(arg, Arg::None) {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            push_json_str(out, field.name);
            out.push(':');
            match *arg {
                Arg::None => {}
                Arg::Str(s) => push_json_str(out, s),
                Arg::Int(i) => {
                    let _ = write!(out, "{i}");
                }
                Arg::Uint(u) => {
                    let _ = write!(out, "{u}");
                }
                Arg::Float(x) => {
                    let _ = write_float(out, x);
                }
                Arg::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            }
        }
        out.push('}');
    }

    /// Appends an error's item of a grouped response; false (nothing written) when the item
    /// is an absent placeholder.
    pub fn write_item(
        out: &mut String,
        item: &Node,
        meta: ErrorMeta,
        ctx: &BodyContext<'_>,
        message: &dyn fmt::Display,
        args: &[Arg<'_>],
    ) -> bool {
        let values = ErrorValues {
            meta,
            ctx,
            message,
            args,
        };
        write_node(out, item, &values)
    }

    /// Appends the body of a grouped response: its outer template, with `items` writing
    /// the items where `{items}` stands.
    pub fn write_group(
        out: &mut String,
        group: &'static super::GroupMeta,
        ctx: &BodyContext<'_>,
        items: &WriteItems<'_>,
    ) {
        let values = GroupValues { group, ctx, items };
        if !write_node(out, group.body, &values) {
            out.push_str("null");
        }
    }

    // Writes `node`; false (and nothing written) when it is an absent placeholder.
    fn write_node<L: Lookup + ?Sized>(out: &mut String, node: &Node, l: &L) -> bool {
        match node {
            Node::Var(v) => match l.get(*v) {
                None => return false,
                Some(Value::Str(s)) => push_json_str(out, s),
                Some(Value::Int(i)) => {
                    let _ = write!(out, "{i}");
                }
                Some(Value::Uint(u)) => {
                    let _ = write!(out, "{u}");
                }
                Some(Value::Float(x)) => {
                    let _ = write_float(out, x);
                }
                Some(Value::Bool(b)) => out.push_str(if b { "true" } else { "false" }),
                Some(Value::Message) => {
                    out.push('"');
                    let _ = write!(JsonEscaper(out), "{}", l.message());
                    out.push('"');
                }
                Some(Value::Items) => {
                    out.push('[');
                    l.items(out);
                    out.push(']');
                }
                Some(Value::Fields) => l.fields(out),
            },
            Node::Text(pieces) => {
                out.push('"');
                let _ = write_text(&mut JsonEscaper(out), pieces, l);
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
                    if !node_present(item, l) {
                        continue;
                    }
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    write_node(out, item, l);
                }
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                let mut first = true;
                for (key, value) in *members {
                    if !node_present(value, l) {
                        continue;
                    }
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    push_json_str(out, key);
                    out.push(':');
                    write_node(out, value, l);
                }
                out.push('}');
            }
        }
        true
    }

    fn node_present<L: Lookup + ?Sized>(node: &Node, l: &L) -> bool {
        match node {
            Node::Var(v) => l.get(*v).is_some(),
            _ => true,
        }
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

    /// Whether two byte strings of the same length are equal, 8 bytes per step (the last
    /// step overlapping the one before): no `memcmp` call for a code of ~20 bytes.
    #[inline]
    pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
        let n = a.len();
        if n != b.len() {
            return false;
        }
        if n < 8 {
            return a.iter().zip(b).all(|(x, y)| x == y);
        }
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    }

    /// Finds a code in the open-addressing table (linear probing, power-of-two size) that
    /// errcat-codegen builds into `table.slots`: its slots hold error indices. Codes are
    /// compared as bytes, lengths first (no `str` slicing, whose char-boundary checks cost
    /// a tenth of a lookup).
    #[inline]
    pub fn find(table: &'static Table, code: &str) -> Option<usize> {
        let len = table.slots.len() / 4;
        if len == 0 {
            return None;
        }
        let mask = len - 1;
        let want = code.as_bytes();
        let strings = table.strings.as_bytes();
        let mut i = (hash(code) as usize) & mask;
        for _ in 0..len {
            let slot = table_word(table.slots, i);
            if slot == NONE {
                return None;
            }
            let at = slot as usize * crate::table::ERROR_WORDS;
            let n = table_word(table.errors, at + 1) as usize;
            if n == want.len() {
                let off = table_word(table.errors, at) as usize;
                if strings
                    .get(off..off.wrapping_add(n))
                    .is_some_and(|have| same_bytes(have, want))
                {
                    return Some(slot as usize);
                }
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

    /// A table of one error, encoded as errcat-codegen encodes it (the layout in
    /// `src/table.rs`), leaked so that it is `'static`.
    fn table() -> &'static Table {
        let mut strings = String::new();
        let mut put = |s: Option<&str>| -> [u32; 2] {
            match s {
                None => [NONE, 0],
                Some(s) => {
                    let at = strings.len() as u32;
                    strings.push_str(s);
                    [at, s.len() as u32]
                }
            }
        };
        let mut e = Vec::new();
        e.extend(put(Some("quote\"d")));
        e.extend([422, 0]);
        e.extend(put(Some("Unprocessable Content")));
        e.extend(put(Some("Quoted")));
        e.extend(put(Some("x {n}")));
        e.extend(put(None)); // description
        e.extend(put(Some("Check it."))); // remediation
        e.extend(put(None)); // field
        e.extend(put(None)); // docs url
        e.extend([
            crate::table::RETRYABLE | crate::table::DEPRECATED | crate::table::RETRY_AFTER,
            30,
        ]);
        e.extend(put(Some("1.2")));
        e.extend(put(None));
        e.extend(put(Some("old")));
        e.extend([0, 1, 0, 4, 0, 1, 0, 2, 0]); // fields, attrs, headers, pieces, body
        e.extend(put(Some("Quoted")));
        assert_eq!(e.len(), crate::table::ERROR_WORDS);
        let mut fields = put(Some("n")).to_vec();
        fields.push(3);
        fields.extend(put(Some("A number.")));
        let mut attrs = Vec::new();
        for (name, kind, [a, b]) in [
            ("layer", 0, put(Some("Edge"))),
            ("n", 1, [(-3i64) as u32, ((-3i64) >> 32) as u32]),
            (
                "x",
                2,
                [1.5f64.to_bits() as u32, (1.5f64.to_bits() >> 32) as u32],
            ),
            ("b", 3, [1, 0]),
        ] {
            attrs.extend(put(Some(name)));
            attrs.extend([kind, a, b]);
        }
        let mut headers = put(Some("WWW-Authenticate")).to_vec();
        headers.extend(put(Some("Bearer")));
        let mut pieces = vec![0];
        pieces.extend(put(Some("a\n\"b\"\u{1}")));
        pieces.extend([1, 0, 0]);
        let mut slots = [NONE; 4];
        slots[(hash("quote\"d") as usize) & 3] = 0;
        let bytes = |w: &[u32]| -> &'static [u8] {
            w.iter()
                .flat_map(|w| w.to_le_bytes())
                .collect::<Vec<_>>()
                .leak()
        };
        Box::leak(Box::new(Table {
            strings: strings.leak(),
            errors: bytes(&e),
            fields: bytes(&fields),
            attrs: bytes(&attrs),
            headers: bytes(&headers),
            pieces: bytes(&pieces),
            slots: bytes(&slots),
            bodies: Box::leak(Box::new([&BODY])),
        }))
    }

    fn meta() -> ErrorMeta {
        ErrorTable::__new(table()).get(0).expect("one error")
    }

    #[test]
    fn the_view_reads_every_word() {
        let m = meta();
        assert_eq!(
            (m.code(), m.status(), m.reason(), m.title(), m.message()),
            ("quote\"d", 422, "Unprocessable Content", "Quoted", "x {n}")
        );
        assert_eq!(
            (m.description(), m.remediation()),
            (None, Some("Check it."))
        );
        assert_eq!((m.field(), m.docs_url()), (None, None));
        assert_eq!((m.retryable(), m.retry_after()), (true, Some(30)));
        assert_eq!(
            m.deprecated(),
            Some(Deprecation {
                since: Some("1.2"),
                replaced_by: None,
                note: Some("old"),
            })
        );
        let fields: Vec<FieldMeta> = m.fields().collect();
        assert_eq!(
            fields,
            [FieldMeta {
                name: "n",
                ty: "float",
                description: Some("A number."),
            }]
        );
        let attrs: Vec<_> = m.attributes().collect();
        assert_eq!(
            attrs,
            [
                ("layer", AttrValue::Str("Edge")),
                ("n", AttrValue::Int(-3)),
                ("x", AttrValue::Float(1.5)),
                ("b", AttrValue::Bool(true)),
            ]
        );
        assert_eq!(m.attributes().len(), 4);
        assert_eq!(m.attribute("n"), Some(AttrValue::Int(-3)));
        assert_eq!(m.variant(), "Quoted");
        assert_eq!(m.class(), StatusClass::ClientError);
    }

    #[test]
    fn an_empty_table_is_empty() {
        static EMPTY: Table = Table {
            strings: "",
            errors: &[],
            fields: &[],
            attrs: &[],
            headers: &[],
            pieces: &[],
            slots: &[],
            bodies: &[],
        };
        let t = ErrorTable::__new(&EMPTY);
        assert!(t.is_empty());
        assert_eq!(t.get(0), None);
        assert_eq!(t.lookup("x"), None);
        assert_eq!(t.iter().count(), 0);
    }

    #[test]
    fn message_and_debug() {
        let m = meta();
        let args = [Arg::Float(2.0)];
        let text = Message {
            meta: m,
            args: &args,
        }
        .to_string();
        assert_eq!(text, "a\n\"b\"\u{1}2.0");
        struct D(ErrorMeta, [Arg<'static>; 1]);
        impl fmt::Debug for D {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                debug_error(f, self.0, &self.1)
            }
        }
        #[derive(Debug)]
        #[allow(dead_code)]
        enum Twin {
            Quoted { n: f64 },
        }
        let d = D(m, [Arg::Float(2.0)]);
        assert_eq!(format!("{d:?}"), format!("{:?}", Twin::Quoted { n: 2.0 }));
        assert_eq!(format!("{d:#?}"), format!("{:#?}", Twin::Quoted { n: 2.0 }));
    }

    #[test]
    fn body_leaves_absent_members_out_and_escapes() {
        let args = [Arg::Float(2.0)];
        let msg = Message {
            meta: meta(),
            args: &args,
        };
        let mut out = String::new();
        write_body(&mut out, meta(), &BodyContext::default(), &msg);
        assert_eq!(
            out,
            r#"{"type":"about:blank","status":422,"detail":"a\n\"b\"\u00012.0","trace":"id=","list":[-3,1.5,true],"attr":"Edge"}"#
        );
        out.clear();
        let ctx = BodyContext::new().with_trace_id("t").with_instance("/i");
        write_body(&mut out, meta(), &ctx, &msg);
        assert!(out.contains(r#""instance":"/i","trace":"id=t""#), "{out}");
    }

    #[test]
    fn find_probes_until_empty() {
        let t = table();
        assert_eq!(find(t, "quote\"d"), Some(0));
        assert_eq!(find(t, "other"), None);
        let found = ErrorTable::__new(t).lookup("quote\"d");
        assert_eq!(found, ErrorTable::__new(t).get(0));
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let base: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(__private::same_bytes(a, a));
            for flip in 0..n {
                let mut b = a.to_vec();
                b[flip] ^= 1;
                assert!(!__private::same_bytes(a, &b), "{n} {flip}");
            }
            if n > 0 {
                assert!(!__private::same_bytes(a, &base[..n - 1]));
            }
        }
    }

    #[test]
    fn headers_are_found_case_insensitively() {
        let m = meta();
        assert_eq!(m.header("www-authenticate"), Some("Bearer"));
        assert_eq!(m.header("WWW-Authenticate"), Some("Bearer"));
        assert_eq!(m.header("Retry-After"), None);
        assert_eq!(
            m.headers().collect::<Vec<_>>(),
            [("WWW-Authenticate", "Bearer")]
        );
    }

    #[test]
    fn classes() {
        assert_eq!(StatusClass::of(404), StatusClass::ClientError);
        assert_eq!(StatusClass::of(503).to_string(), "5xx");
    }
}
