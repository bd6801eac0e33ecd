//! The other end of the wire: a response (status, headers, body bytes) back into the
//! generated error enum.
//!
//! Table-driven, like the encoder: the decoder walks the same body templates
//! ([`Node`](crate::__private::Node)) and error records the encoder renders from, and the
//! generated code only maps an error's index and field values to its variant. An error is
//! recognised when the body matches its template: every member the template gives a
//! value known before run time (`code`, `status`, `title`, literals...) has that value,
//! and, when the template has no `{code}`, the message matches the error's message
//! template. Field values come from the `{fields}` object, else from the message. Members
//! the template does not know are ignored (a newer server may add some).
//!
//! Never panics: any byte string decodes to a known error, an [`UnknownError`] (a code the
//! catalog does not know, a status it does not declare, a body of another shape, a body
//! that is not JSON) or a [`DecodeError`] (a known error whose field values are missing or
//! of another type).

use crate::__private::{Arg, Node, Text, Value, Var, resolve, write_message};
use crate::json::{self, Json};
use crate::table::{Piece, Pieces};
use crate::{BodyContext, ErrorMeta, ErrorTable};
use core::fmt;

/// A decoded error response: an error of the catalog, or one it does not know.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<E> {
    /// An error of the catalog, with its field values.
    Known(E),
    /// A response the catalog does not describe (a newer server's code, say).
    Unknown(UnknownError),
}

/// A response the catalog does not describe: forward compatible, keeps what a client may
/// still use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownError {
    /// The HTTP status.
    pub status: u16,
    /// The error code, when the body has one where the catalog's templates put it.
    pub code: Option<String>,
    /// The message, when the body has one where the catalog's templates put it.
    pub message: Option<String>,
    /// The `Retry-After` header's seconds, when sent.
    pub retry_after: Option<u32>,
    /// The body, as received.
    pub body: Vec<u8>,
}

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error (status {}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, ", code `{code}`")?;
        }
        f.write_str(")")?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownError {}

/// A response recognised as an error of the catalog whose field values cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// The field is missing from the body's `{fields}` object, or of another type.
    Field {
        /// The error's code.
        code: &'static str,
        /// The field's name.
        field: &'static str,
    },
    /// The error has fields but the body carries no `{fields}` object, and its message does
    /// not match the error's message template.
    MissingFields {
        /// The error's code.
        code: &'static str,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Field { code, field } => write!(
                f,
                "error `{code}`: field `{field}` is missing from the body or of another type"
            ),
            DecodeError::MissingFields { code } => write!(
                f,
                "error `{code}`: the body carries no field values and its message does not match the catalog's"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A decoded field value.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum Owned {
    /// Not decoded.
    None,
    /// A string.
    Str(String),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    Uint(u64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

/// The field values of a decoded error, in field order; the generated code takes them.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Args(Vec<Owned>);

// The code below uses plain loops and matches where iterator adapters and closures would
// read as well: each adapter is a generic instantiated (and compiled to LLVM IR, with its
// debug info) in this crate, and they made most of its build time.

/// The kinds of [`Owned`] values, for [`Args::nth`].
const STR: u8 = 1;
const INT: u8 = 2;
const UINT: u8 = 3;
const FLOAT: u8 = 4;
const BOOL: u8 = 5;

impl Owned {
    fn kind(&self) -> u8 {
        match self {
            Owned::None => 0,
            Owned::Str(_) => STR,
            Owned::Int(_) => INT,
            Owned::Uint(_) => UINT,
            Owned::Float(_) => FLOAT,
            Owned::Bool(_) => BOOL,
        }
    }
}

impl Args {
    fn take(&mut self, i: usize) -> Owned {
        match self.0.get_mut(i) {
            Some(a) => core::mem::replace(a, Owned::None),
            None => Owned::None,
        }
    }

    /// The string at `i`.
    pub fn str(&mut self, i: usize) -> Option<String> {
        match self.take(i) {
            Owned::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The signed integer at `i`.
    pub fn int(&mut self, i: usize) -> Option<i64> {
        match self.take(i) {
            Owned::Int(v) => Some(v),
            _ => None,
        }
    }

    /// The unsigned integer at `i`.
    pub fn uint(&mut self, i: usize) -> Option<u64> {
        match self.take(i) {
            Owned::Uint(v) => Some(v),
            _ => None,
        }
    }

    /// The float at `i`.
    pub fn float(&mut self, i: usize) -> Option<f64> {
        match self.take(i) {
            Owned::Float(v) => Some(v),
            _ => None,
        }
    }

    /// The boolean at `i`.
    pub fn bool(&mut self, i: usize) -> Option<bool> {
        match self.take(i) {
            Owned::Bool(v) => Some(v),
            _ => None,
        }
    }

    /// The values of an error, for a copy of it (the generated `Clone`).
    pub fn from_args(args: &[Arg<'_>]) -> Self {
        let mut owned = Vec::with_capacity(args.len());
        for a in args {
            owned.push(match *a {
                Arg::None => continue,
                Arg::Str(s) => Owned::Str(s.to_owned()),
                Arg::Int(v) => Owned::Int(v),
                Arg::Uint(v) => Owned::Uint(v),
                Arg::Float(v) => Owned::Float(v),
                Arg::Bool(v) => Owned::Bool(v),
            });
        }
        Args(owned)
    }

    /// The `n`th value (counting from 0) of this kind.
    fn nth(&mut self, mut n: usize, kind: u8) -> Option<&mut Owned> {
        for a in &mut self.0 {
            if a.kind() == kind {
                if n == 0 {
                    return Some(a);
                }
                n -= 1;
            }
        }
        None
    }

    /// The `n`th string value, taken (an empty string stays in its place, so that the
    /// ranks of the others hold). The generated builder binds each of its values once, by
    /// kind and rank, before matching on the variant: one call per value of the largest
    /// variant instead of one per field of every variant (compile time). [`finish`] checks
    /// that the values fit the error before the builder runs, so a missing value (the
    /// default) is never seen.
    pub fn take_str(&mut self, n: usize) -> String {
        match self.nth(n, STR) {
            Some(Owned::Str(s)) => core::mem::take(s),
            _ => String::new(),
        }
    }

    /// The `n`th signed integer value (see [`Args::take_str`]).
    pub fn take_int(&mut self, n: usize) -> i64 {
        match self.nth(n, INT) {
            Some(Owned::Int(v)) => *v,
            _ => 0,
        }
    }

    /// The `n`th unsigned integer value (see [`Args::take_str`]).
    pub fn take_uint(&mut self, n: usize) -> u64 {
        match self.nth(n, UINT) {
            Some(Owned::Uint(v)) => *v,
            _ => 0,
        }
    }

    /// The `n`th float value (see [`Args::take_str`]).
    pub fn take_float(&mut self, n: usize) -> f64 {
        match self.nth(n, FLOAT) {
            Some(Owned::Float(v)) => *v,
            _ => 0.0,
        }
    }

    /// The `n`th boolean value (see [`Args::take_str`]).
    pub fn take_bool(&mut self, n: usize) -> bool {
        matches!(self.nth(n, BOOL), Some(Owned::Bool(true)))
    }

    /// Whether the values are exactly the error's fields: one per field, in field order,
    /// each of the field's type.
    fn fit(&self, meta: ErrorMeta) -> bool {
        let mut fields = meta.fields();
        if self.0.len() != fields.len() {
            return false;
        }
        for a in &self.0 {
            let Some(f) = fields.next() else { return false };
            let kind = match f.ty {
                "string" => STR,
                "integer" => INT,
                "unsigned" => UINT,
                "float" => FLOAT,
                "boolean" => BOOL,
                _ => return false,
            };
            if a.kind() != kind {
                return false;
            }
        }
        true
    }
}

/// What [`decode`] found: an error of the table (its index and field values) or none.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// The error at this index of the table.
    Known(usize, Args),
    /// No error of the table.
    Unknown(UnknownError),
}

/// The value of the first header named `name` (compared case-insensitively).
fn header<'h>(headers: &[(&str, &'h str)], name: &str) -> Option<&'h str> {
    for (n, v) in headers {
        if n.eq_ignore_ascii_case(name) {
            return Some(v);
        }
    }
    None
}

/// Whether a content type names JSON (`application/json`, `application/problem+json`...):
/// whether it contains `json`, in any case.
fn is_json_type(t: &str) -> bool {
    let t = t.as_bytes();
    let mut i = 0;
    while i + 4 <= t.len() {
        if t[i..i + 4].eq_ignore_ascii_case(b"json") {
            return true;
        }
        i += 1;
    }
    false
}

/// Decodes a response against the errors of a generated table.
#[doc(hidden)]
pub fn decode(
    errors: ErrorTable,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Raw, DecodeError> {
    let json_type = match header(headers, "content-type") {
        Some(t) => is_json_type(t),
        None => true,
    };
    let root = match json_type {
        true => json::parse(body).ok(),
        false => None,
    };
    let Some(root) = root else {
        return Ok(unknown(status, headers, body, None, None));
    };
    for meta in errors.iter() {
        if meta.status() != status {
            continue;
        }
        let Some(node) = meta.__body() else { continue };
        let mut found = Found {
            message: None,
            fields: None,
        };
        let strict = !has_code(node);
        let matched = if strict {
            matches(node, &root, meta, &mut found)
        } else {
            by_code(node, &root, meta, &mut found)
        };
        if !matched {
            continue;
        }
        let by_message = match (strict, found.message) {
            (false, _) | (true, None) => None,
            (true, Some(text)) => match message_args(meta, text) {
                Some(args) => Some(args),
                None => continue,
            },
        };
        return match field_args(meta, found, by_message) {
            Ok(args) => Ok(Raw::Known(meta.index(), args)),
            Err(e) => Err(e),
        };
    }
    let mut code = None;
    let mut message = None;
    for meta in errors.iter() {
        if let Some(node) = meta.__body() {
            if code.is_none() {
                code = find(node, &root, Var::Code);
            }
            if message.is_none() {
                message = find(node, &root, Var::Message);
            }
        }
        if code.is_some() && message.is_some() {
            break;
        }
    }
    Ok(unknown(status, headers, body, code, message))
}

/// A response the table does not describe.
fn unknown(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    code: Option<String>,
    message: Option<String>,
) -> Raw {
    let retry_after = match header(headers, "retry-after") {
        Some(s) => match parse_u64(trim(s)) {
            Some(v) => u32::try_from(v).ok(),
            None => None,
        },
        None => None,
    };
    Raw::Unknown(UnknownError {
        status,
        code,
        message,
        retry_after,
        body: body.to_vec(),
    })
}

/// The generated enum's result from [`decode`]: `from` builds the variant at an index
/// from its field values, once they are known to fit the error's fields (a valid table
/// always gives such values); `None` when the variant cannot be built (a derived enum's
/// variant whose cause is required).
#[doc(hidden)]
pub fn finish<E>(
    errors: ErrorTable,
    raw: Raw,
    from: fn(usize, &mut Args) -> Option<E>,
) -> Result<Decoded<E>, DecodeError> {
    match raw {
        Raw::Unknown(u) => Ok(Decoded::Unknown(u)),
        Raw::Known(index, mut args) => match errors.get(index) {
            Some(meta) => match args.fit(meta) {
                true => match from(index, &mut args) {
                    Some(e) => Ok(Decoded::Known(e)),
                    None => Err(DecodeError::MissingFields { code: meta.code() }),
                },
                false => Err(DecodeError::MissingFields { code: meta.code() }),
            },
            None => Err(DecodeError::MissingFields { code: "" }),
        },
    }
}

/// What the run-time placeholders of a matched body hold.
struct Found<'j> {
    message: Option<&'j str>,
    fields: Option<&'j Json>,
}

/// Whether a template has `{code}` as a whole value.
fn has_code(node: &Node) -> bool {
    match node {
        Node::Var(Var::Code) => true,
        Node::Array(items) => {
            for n in *items {
                if has_code(n) {
                    return true;
                }
            }
            false
        }
        Node::Object(members) => {
            for (_, n) in *members {
                if has_code(n) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// The string where a template puts the whole-value placeholder `var`.
fn find(node: &Node, json: &Json, var: Var) -> Option<String> {
    match node {
        Node::Var(v) if *v == var => match json {
            Json::Str(s) => Some(s.clone()),
            _ => None,
        },
        Node::Object(members) => {
            for (k, n) in *members {
                if let Some(v) = json.get(k) {
                    if let Some(s) = find(n, v, var) {
                        return Some(s);
                    }
                }
            }
            None
        }
        _ => None,
    }
}

/// Whether the template gives the node a value for this error, so that the body must have it.
fn required(node: &Node, meta: ErrorMeta) -> bool {
    match node {
        Node::Var(Var::TraceId | Var::Instance | Var::Context(_)) => false,
        Node::Var(v) => resolve(*v, meta, &BodyContext::default()).is_some(),
        _ => true,
    }
}

/// Whether the run-time placeholder item of an array may be left out (a trace id).
fn optional_item(node: &Node) -> bool {
    matches!(
        node,
        Node::Var(Var::TraceId | Var::Instance | Var::Context(_))
    )
}

/// [`matches`] for a template with `{code}`, which identifies the error: only the code must
/// be the error's, other members may be missing or differ (a newer server may have changed
/// a title); the message and the fields object are recorded where they are.
fn by_code<'j>(node: &Node, json: &'j Json, meta: ErrorMeta, found: &mut Found<'j>) -> bool {
    match node {
        Node::Var(Var::Code) => json.as_str() == Some(meta.code()),
        Node::Object(members) if matches!(json, Json::Obj(_)) => {
            for (key, n) in *members {
                let ok = match json.get(key) {
                    Some(v) => by_code(n, v, meta, found),
                    None => !has_code(n),
                };
                if !ok {
                    return false;
                }
            }
            true
        }
        _ if has_code(node) => matches(node, json, meta, found),
        _ => {
            let _ = matches(node, json, meta, found);
            true
        }
    }
}

/// Whether a text template holds a placeholder only known at run time.
fn has_runtime_var(pieces: &[Text]) -> bool {
    for p in pieces {
        if matches!(
            p,
            Text::Var(
                Var::Message
                    | Var::TraceId
                    | Var::Instance
                    | Var::Fields
                    | Var::Arg(_)
                    | Var::Context(_)
            )
        ) {
            return true;
        }
    }
    false
}

/// Whether `json` is what the template renders for `meta`, as far as it is known before run
/// time; records the message and the fields object met on the way.
fn matches<'j>(node: &Node, json: &'j Json, meta: ErrorMeta, found: &mut Found<'j>) -> bool {
    let ctx = BodyContext::default();
    match node {
        Node::Var(Var::Message) => match json {
            Json::Str(s) => {
                found.message = Some(s);
                true
            }
            _ => false,
        },
        Node::Var(Var::Fields) => {
            let ok = matches!(json, Json::Obj(_));
            if ok {
                found.fields = Some(json);
            }
            ok
        }
        Node::Var(Var::TraceId | Var::Instance | Var::Context(_)) => matches!(json, Json::Str(_)),
        // A value of the error's own fields (known at run time): any value.
        Node::Var(Var::Arg(_)) => true,
        Node::Var(v) => match resolve(*v, meta, &ctx) {
            // A member this error would not send: allowed (a newer server may send it).
            None => true,
            Some(value) => same(value, json),
        },
        Node::Text(pieces) => {
            let Json::Str(s) = json else { return false };
            has_runtime_var(pieces) || {
                let mut text = String::new();
                let _ = fmt::Write::write_fmt(
                    &mut text,
                    format_args!(
                        "{}",
                        crate::__private::TextDisplay {
                            pieces,
                            meta,
                            ctx: &ctx,
                            message: &"",
                            args: &[],
                        }
                    ),
                );
                text == *s
            }
        }
        Node::Int(i) => json.as_i64() == Some(*i),
        Node::Float(x) => json.as_f64() == Some(*x),
        Node::Bool(b) => matches!(json, Json::Bool(j) if j == b),
        Node::Array(items) => {
            let Json::Arr(values) = json else {
                return false;
            };
            // The items present: the required ones, and as many optional run-time ones
            // (a trace id), first first, as the array has more items.
            let mut required_count = 0;
            for n in *items {
                if required(n, meta) {
                    required_count += 1;
                }
            }
            let Some(mut extra) = values.len().checked_sub(required_count) else {
                return false;
            };
            let mut present: Vec<&Node> = Vec::with_capacity(values.len());
            for n in *items {
                if required(n, meta) {
                    present.push(n);
                } else if optional_item(n) && extra > 0 {
                    extra -= 1;
                    present.push(n);
                }
            }
            if present.len() != values.len() {
                return false;
            }
            let mut i = 0;
            while i < values.len() {
                if !matches(present[i], &values[i], meta, found) {
                    return false;
                }
                i += 1;
            }
            true
        }
        Node::Object(members) => {
            if !matches!(json, Json::Obj(_)) {
                return false;
            }
            for (key, n) in *members {
                let ok = match json.get(key) {
                    Some(v) => matches(n, v, meta, found),
                    None => !required(n, meta),
                };
                if !ok {
                    return false;
                }
            }
            true
        }
    }
}

/// Whether a JSON value is the placeholder value the encoder writes.
fn same(value: Value<'_>, json: &Json) -> bool {
    match value {
        Value::Str(s) => json.as_str() == Some(s),
        Value::Int(i) => json.as_i64() == Some(i),
        Value::Float(x) => json.as_f64() == Some(x),
        Value::Bool(b) => matches!(json, Json::Bool(j) if *j == b),
        Value::Message | Value::Fields | Value::Uint(_) | Value::Items => true,
    }
}

/// The field values of a matched error: from `{fields}`, else from its message.
fn field_args(
    meta: ErrorMeta,
    found: Found<'_>,
    by_message: Option<Args>,
) -> Result<Args, DecodeError> {
    let fields = meta.fields();
    if fields.len() == 0 {
        return Ok(Args::default());
    }
    if let Some(obj) = found.fields {
        let mut out = Vec::with_capacity(fields.len());
        for field in fields {
            let value = match obj.get(field.name) {
                Some(v) => from_json(field.ty, v),
                None => None,
            };
            let Some(value) = value else {
                return Err(DecodeError::Field {
                    code: meta.code(),
                    field: field.name,
                });
            };
            out.push(value);
        }
        return Ok(Args(out));
    }
    let args = match (by_message, found.message) {
        (Some(args), _) => Some(args),
        (None, Some(m)) => message_args(meta, m),
        (None, None) => None,
    };
    match args {
        Some(args) => Ok(args),
        None => Err(DecodeError::MissingFields { code: meta.code() }),
    }
}

/// A field value of catalog type `ty` from JSON.
fn from_json(ty: &str, v: &Json) -> Option<Owned> {
    Some(match ty {
        "string" => Owned::Str(v.as_str()?.to_owned()),
        "integer" => Owned::Int(v.as_i64()?),
        "unsigned" => Owned::Uint(v.as_u64()?),
        // The encoder writes a float that is not finite as `null`.
        "float" => Owned::Float(match v {
            Json::Null => f64::NAN,
            _ => v.as_f64()?,
        }),
        _ => match v {
            Json::Bool(b) => Owned::Bool(*b),
            _ => return None,
        },
    })
}

/// `str::trim` (Unicode white space at both ends), written out: the standard one compiles
/// a generic pattern searcher into this crate.
fn trim(s: &str) -> &str {
    let mut chars = s.chars();
    let mut rest = chars.as_str();
    while chars.next().is_some_and(char::is_whitespace) {
        rest = chars.as_str();
    }
    let mut chars = rest.chars();
    let mut trimmed = chars.as_str();
    while chars.next_back().is_some_and(char::is_whitespace) {
        trimmed = chars.as_str();
    }
    trimmed
}

/// `s.parse::<u64>()`: an optional `+`, then one or more ASCII digits, without overflow.
/// Hand-written, with [`parse_i64`], because the standard parser is generic code compiled
/// into this crate once per integer type, larger than the rest of the decoder's reading.
pub(crate) fn parse_u64(s: &str) -> Option<u64> {
    let digits = match s.as_bytes() {
        [b'+', rest @ ..] => rest,
        all => all,
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
    }
    Some(v)
}

/// `s.parse::<i64>()`: an optional `+` or `-`, then one or more ASCII digits, in range.
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    match s.as_bytes() {
        [b'-', rest @ ..] => {
            // `parse_u64` would take a second sign: `-+1` is no integer.
            if rest.first() == Some(&b'+') {
                return None;
            }
            let m = parse_u64(&s[1..])?;
            // -2^63 is the one magnitude above `i64::MAX` in range.
            if m > 1 << 63 {
                return None;
            }
            Some((m as i64).wrapping_neg())
        }
        _ => i64::try_from(parse_u64(s)?).ok(),
    }
}

/// A field value of catalog type `ty` from the text the message shows, when the value
/// shows as exactly that text.
fn from_text(ty: &str, s: &str) -> Option<Owned> {
    let shown = match ty {
        "string" => return Some(Owned::Str(s.to_owned())),
        "integer" => Arg::Int(parse_i64(s)?),
        "unsigned" => Arg::Uint(parse_u64(s)?),
        "float" => match s.parse::<f64>() {
            Ok(x) => Arg::Float(x),
            Err(_) => return None,
        },
        // `true` and `false` are the only texts of a boolean, and show as themselves.
        _ => {
            return match s {
                "true" => Some(Owned::Bool(true)),
                "false" => Some(Owned::Bool(false)),
                _ => None,
            };
        }
    };
    // `Arg`'s `Display` is how the message shows a value (a float as `{:?}`).
    let mut text = String::new();
    let _ = fmt::Write::write_fmt(&mut text, format_args!("{shown}"));
    if text != s {
        return None;
    }
    Some(match shown {
        Arg::Int(v) => Owned::Int(v),
        Arg::Uint(v) => Owned::Uint(v),
        Arg::Float(v) => Owned::Float(v),
        _ => return None,
    })
}

/// How many splits of a message [`message_args`] tries before giving up (a message of
/// adjacent fields, or a hostile one, has many).
const SPLIT_BUDGET: u32 = 4096;

/// The field values a rendered message shows, when it matches the error's message template
/// (the first split, left to right, whose values render back to the same text).
fn message_args(meta: ErrorMeta, text: &str) -> Option<Args> {
    // Each field's type, and the text captured for it so far.
    let fields = meta.fields();
    let mut caps: Vec<Cap<'_>> = Vec::with_capacity(fields.len());
    for f in fields {
        caps.push((f.ty, None));
    }
    let mut budget = SPLIT_BUDGET;
    if !split(meta.pieces(), text, &mut caps, &mut budget) {
        return None;
    }
    let mut out = Vec::with_capacity(caps.len());
    for (ty, cap) in &caps {
        out.push(from_text(ty, (*cap)?)?);
    }
    // The values must render the message exactly (a check of the split as a whole).
    let args = Args(out);
    let mut borrowed: Vec<Arg<'_>> = Vec::with_capacity(args.0.len());
    for a in &args.0 {
        borrowed.push(borrow(a));
    }
    let mut again = String::new();
    if write_message(&mut again, meta, &borrowed).is_err() || again.as_str() != text {
        return None;
    }
    Some(args)
}

fn borrow(a: &Owned) -> Arg<'_> {
    match a {
        Owned::None => Arg::None,
        Owned::Str(s) => Arg::Str(s),
        Owned::Int(i) => Arg::Int(*i),
        Owned::Uint(u) => Arg::Uint(*u),
        Owned::Float(x) => Arg::Float(*x),
        Owned::Bool(b) => Arg::Bool(*b),
    }
}

/// The byte offset of the first `lit` in `text` at or after `from` (`lit` not empty).
/// Both are UTF-8, so a match starts and ends on character boundaries.
fn find_from(text: &str, lit: &str, from: usize) -> Option<usize> {
    let (t, l) = (text.as_bytes(), lit.as_bytes());
    let mut at = from;
    while at + l.len() <= t.len() {
        if t[at..at + l.len()] == *l {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// A field's catalog type and the text of the message captured for it, if any yet.
type Cap<'t> = (&'static str, Option<&'t str>);

fn split<'t>(pieces: Pieces, text: &'t str, caps: &mut [Cap<'t>], budget: &mut u32) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    // `Pieces` is a `Copy` cursor over the table: the rest of the template, and what
    // follows the first piece, without collecting them.
    let mut rest = pieces;
    let Some(first) = rest.next() else {
        return text.is_empty();
    };
    match first {
        Piece::Lit(s) => match text.strip_prefix(s) {
            Some(t) => split(rest, t, caps, budget),
            None => false,
        },
        Piece::Field(i) => {
            if i >= caps.len() {
                return false;
            }
            match rest.clone().next() {
                None => try_at(text.len(), i, rest, text, caps, budget),
                Some(Piece::Lit(lit)) if !lit.is_empty() => {
                    // Every occurrence of the literal that follows the field, left to
                    // right, not overlapping (as `match_indices` finds them).
                    let mut from = 0;
                    while let Some(at) = find_from(text, lit, from) {
                        if try_at(at, i, rest, text, caps, budget) {
                            return true;
                        }
                        from = at + lit.len();
                    }
                    false
                }
                Some(_) => {
                    let mut at = 0;
                    while at <= text.len() {
                        if text.is_char_boundary(at)
                            && *budget > 0
                            && try_at(at, i, rest, text, caps, budget)
                        {
                            return true;
                        }
                        at += 1;
                    }
                    false
                }
            }
        }
    }
}

/// [`split`] with field `i` (an index of `caps`) taking `text` up to `at`, the rest of
/// the template matching what follows.
fn try_at<'t>(
    at: usize,
    i: usize,
    rest: Pieces,
    text: &'t str,
    caps: &mut [Cap<'t>],
    budget: &mut u32,
) -> bool {
    let (value, tail) = text.split_at(at);
    let Some(&(ty, before)) = caps.get(i) else {
        return false;
    };
    if let Some(b) = before {
        if b != value {
            return false;
        }
    }
    if from_text(ty, value).is_none() {
        return false;
    }
    caps[i].1 = Some(value);
    if split(rest, tail, caps, budget) {
        return true;
    }
    caps[i].1 = before;
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_parsers_agree_with_std() {
        let cases = [
            "",
            "+",
            "-",
            "0",
            "-0",
            "+0",
            "7",
            "+7",
            "-7",
            "--7",
            "-+7",
            "+-7",
            "++7",
            "007",
            "1_0",
            " 1",
            "1 ",
            "1.0",
            "1e3",
            "٣",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551615",
            "99999999999999999999999",
        ];
        for s in cases {
            assert_eq!(parse_u64(s), s.parse::<u64>().ok(), "{s:?}");
            assert_eq!(parse_i64(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }

    #[test]
    fn find_from_finds_what_match_indices_finds() {
        for (text, lit) in [
            ("aaaa", "aa"),
            ("abcabc", "c"),
            ("", "x"),
            ("x", "xy"),
            ("é-é-", "é-"),
            ("ab ab", " "),
        ] {
            let want: Vec<usize> = text.match_indices(lit).map(|(at, _)| at).collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(at) = find_from(text, lit, from) {
                got.push(at);
                from = at + lit.len();
            }
            assert_eq!(got, want, "{text:?} {lit:?}");
        }
    }

    #[test]
    fn trim_is_std_trim() {
        for s in [
            "",
            " ",
            " 30 ",
            "\t30\r\n",
            "\u{3000}30\u{a0}",
            "3 0",
            "\u{b}7\u{c}",
            "é ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn json_types() {
        assert!(is_json_type("application/problem+JSON; charset=utf-8"));
        assert!(is_json_type("json"));
        assert!(!is_json_type("text/jso"));
        assert!(!is_json_type("text/html"));
    }
}
