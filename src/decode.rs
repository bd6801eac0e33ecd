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
use crate::table::Piece;
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

impl Args {
    fn take(&mut self, i: usize) -> Owned {
        self.0
            .get_mut(i)
            .map_or(Owned::None, |a| core::mem::replace(a, Owned::None))
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
        let owned = args.iter().filter_map(|a| {
            Some(match *a {
                Arg::None => return None,
                Arg::Str(s) => Owned::Str(s.to_owned()),
                Arg::Int(v) => Owned::Int(v),
                Arg::Uint(v) => Owned::Uint(v),
                Arg::Float(v) => Owned::Float(v),
                Arg::Bool(v) => Owned::Bool(v),
            })
        });
        Args(owned.collect())
    }

    /// The `n`th value (counting from 0) that `kind` accepts.
    fn nth(&mut self, n: usize, kind: fn(&Owned) -> bool) -> Option<&mut Owned> {
        self.0.iter_mut().filter(|a| kind(a)).nth(n)
    }

    /// The `n`th string value, taken (an empty string stays in its place, so that the
    /// ranks of the others hold). The generated builder binds each of its values once, by
    /// kind and rank, before matching on the variant: one call per value of the largest
    /// variant instead of one per field of every variant (compile time). [`finish`] checks
    /// that the values fit the error before the builder runs, so a missing value (the
    /// default) is never seen.
    pub fn take_str(&mut self, n: usize) -> String {
        match self.nth(n, |a| matches!(a, Owned::Str(_))) {
            Some(Owned::Str(s)) => core::mem::take(s),
            _ => String::new(),
        }
    }

    /// The `n`th signed integer value (see [`Args::take_str`]).
    pub fn take_int(&mut self, n: usize) -> i64 {
        match self.nth(n, |a| matches!(a, Owned::Int(_))) {
            Some(Owned::Int(v)) => *v,
            _ => 0,
        }
    }

    /// The `n`th unsigned integer value (see [`Args::take_str`]).
    pub fn take_uint(&mut self, n: usize) -> u64 {
        match self.nth(n, |a| matches!(a, Owned::Uint(_))) {
            Some(Owned::Uint(v)) => *v,
            _ => 0,
        }
    }

    /// The `n`th float value (see [`Args::take_str`]).
    pub fn take_float(&mut self, n: usize) -> f64 {
        match self.nth(n, |a| matches!(a, Owned::Float(_))) {
            Some(Owned::Float(v)) => *v,
            _ => 0.0,
        }
    }

    /// The `n`th boolean value (see [`Args::take_str`]).
    pub fn take_bool(&mut self, n: usize) -> bool {
        matches!(
            self.nth(n, |a| matches!(a, Owned::Bool(_))),
            Some(Owned::Bool(true))
        )
    }

    /// Whether the values are exactly the error's fields: one per field, in field order,
    /// each of the field's type.
    fn fit(&self, meta: ErrorMeta) -> bool {
        self.0.len() == meta.fields().len()
            && self.0.iter().zip(meta.fields()).all(|(a, f)| {
                matches!(
                    (a, f.ty),
                    (Owned::Str(_), "string")
                        | (Owned::Int(_), "integer")
                        | (Owned::Uint(_), "unsigned")
                        | (Owned::Float(_), "float")
                        | (Owned::Bool(_), "boolean")
                )
            })
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

/// Decodes a response against the errors of a generated table.
#[doc(hidden)]
pub fn decode(
    errors: ErrorTable,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Raw, DecodeError> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    let unknown = |code: Option<String>, message: Option<String>| {
        Raw::Unknown(UnknownError {
            status,
            code,
            message,
            retry_after: header("retry-after").and_then(|s| s.trim().parse().ok()),
            body: body.to_vec(),
        })
    };
    let json_type = header("content-type").is_none_or(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("json")
    });
    let Some(root) = json_type.then(|| json::parse(body).ok()).flatten() else {
        return Ok(unknown(None, None));
    };
    for meta in errors.iter().filter(|m| m.status() == status) {
        let Some(node) = meta.__body() else { continue };
        let mut found = Found::default();
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
        return field_args(meta, found, by_message).map(|args| Raw::Known(meta.index(), args));
    }
    let mut code = None;
    let mut message = None;
    for meta in errors.iter() {
        if let Some(node) = meta.__body() {
            code = code.or_else(|| find(node, &root, Var::Code));
            message = message.or_else(|| find(node, &root, Var::Message));
        }
        if code.is_some() && message.is_some() {
            break;
        }
    }
    Ok(unknown(code, message))
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
        Raw::Known(index, mut args) => {
            let meta = errors.get(index);
            meta.filter(|m| args.fit(*m))
                .and_then(|_| from(index, &mut args))
                .map(Decoded::Known)
                .ok_or(DecodeError::MissingFields {
                    code: meta.map_or("", |m| m.code()),
                })
        }
    }
}

/// What the run-time placeholders of a matched body hold.
#[derive(Default)]
struct Found<'j> {
    message: Option<&'j str>,
    fields: Option<&'j Json>,
}

/// Whether a template has `{code}` as a whole value.
fn has_code(node: &Node) -> bool {
    match node {
        Node::Var(Var::Code) => true,
        Node::Array(items) => items.iter().any(has_code),
        Node::Object(members) => members.iter().any(|(_, n)| has_code(n)),
        _ => false,
    }
}

/// The string where a template puts the whole-value placeholder `var`.
fn find(node: &Node, json: &Json, var: Var) -> Option<String> {
    match node {
        Node::Var(v) if *v == var => json.as_str().map(str::to_owned),
        Node::Object(members) => members
            .iter()
            .find_map(|(k, n)| json.get(k).and_then(|v| find(n, v, var))),
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
            members.iter().all(|(key, n)| match json.get(key) {
                Some(v) => by_code(n, v, meta, found),
                None => !has_code(n),
            })
        }
        _ if has_code(node) => matches(node, json, meta, found),
        _ => {
            let _ = matches(node, json, meta, found);
            true
        }
    }
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
            let runtime = pieces.iter().any(|p| {
                matches!(
                    p,
                    Text::Var(
                        Var::Message
                            | Var::TraceId
                            | Var::Instance
                            | Var::Fields
                            | Var::Arg(_)
                            | Var::Context(_)
                    )
                )
            });
            runtime || {
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
        Node::Bool(b) => *json == Json::Bool(*b),
        Node::Array(items) => {
            let Json::Arr(values) = json else {
                return false;
            };
            // The items present: the required ones, and as many optional run-time ones
            // (a trace id), first first, as the array has more items.
            let required_count = items.iter().filter(|n| required(n, meta)).count();
            let Some(mut extra) = values.len().checked_sub(required_count) else {
                return false;
            };
            let present: Vec<&Node> = items
                .iter()
                .filter(|n| {
                    required(n, meta)
                        || (optional_item(n) && extra > 0 && {
                            extra -= 1;
                            true
                        })
                })
                .collect();
            present.len() == values.len()
                && present
                    .iter()
                    .zip(values)
                    .all(|(n, v)| matches(n, v, meta, found))
        }
        Node::Object(members) => {
            if !matches!(json, Json::Obj(_)) {
                return false;
            }
            members.iter().all(|(key, n)| match json.get(key) {
                Some(v) => matches(n, v, meta, found),
                None => !required(n, meta),
            })
        }
    }
}

/// Whether a JSON value is the placeholder value the encoder writes.
fn same(value: Value<'_>, json: &Json) -> bool {
    match value {
        Value::Str(s) => json.as_str() == Some(s),
        Value::Int(i) => json.as_i64() == Some(i),
        Value::Float(x) => json.as_f64() == Some(x),
        Value::Bool(b) => *json == Json::Bool(b),
        Value::Message | Value::Fields | Value::Uint(_) | Value::Items => true,
    }
}

/// The field values of a matched error: from `{fields}`, else from its message.
fn field_args(
    meta: ErrorMeta,
    found: Found<'_>,
    by_message: Option<Args>,
) -> Result<Args, DecodeError> {
    if meta.fields().len() == 0 {
        return Ok(Args::default());
    }
    if let Some(obj) = found.fields {
        let mut out = Vec::with_capacity(meta.fields().len());
        for field in meta.fields() {
            let value = obj.get(field.name).and_then(|v| from_json(field.ty, v));
            out.push(value.ok_or(DecodeError::Field {
                code: meta.code(),
                field: field.name,
            })?);
        }
        return Ok(Args(out));
    }
    by_message
        .or_else(|| found.message.and_then(|m| message_args(meta, m)))
        .ok_or(DecodeError::MissingFields { code: meta.code() })
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

/// A field value of catalog type `ty` from the text the message shows, when the value
/// shows as exactly that text.
fn from_text(ty: &str, s: &str) -> Option<Owned> {
    let value = match ty {
        "string" => return Some(Owned::Str(s.to_owned())),
        "integer" => Owned::Int(s.parse().ok()?),
        "unsigned" => Owned::Uint(s.parse().ok()?),
        "float" => Owned::Float(s.parse().ok()?),
        _ => Owned::Bool(s.parse().ok()?),
    };
    let shown = match &value {
        Owned::Int(i) => i.to_string(),
        Owned::Uint(u) => u.to_string(),
        Owned::Float(x) => format!("{x:?}"),
        Owned::Bool(b) => b.to_string(),
        _ => return None,
    };
    (shown == s).then_some(value)
}

/// How many splits of a message [`message_args`] tries before giving up (a message of
/// adjacent fields, or a hostile one, has many).
const SPLIT_BUDGET: u32 = 4096;

/// The field values a rendered message shows, when it matches the error's message template
/// (the first split, left to right, whose values render back to the same text).
fn message_args(meta: ErrorMeta, text: &str) -> Option<Args> {
    let pieces: Vec<Piece> = meta.pieces().collect();
    let types: Vec<&str> = meta.fields().map(|f| f.ty).collect();
    let mut caps: Vec<Option<&str>> = vec![None; types.len()];
    let mut budget = SPLIT_BUDGET;
    if !split(&pieces, text, &types, &mut caps, &mut budget) {
        return None;
    }
    let mut out = Vec::with_capacity(types.len());
    for (ty, cap) in types.iter().zip(&caps) {
        out.push(from_text(ty, (*cap)?)?);
    }
    // The values must render the message exactly (a check of the split as a whole).
    let args = Args(out);
    let borrowed: Vec<crate::__private::Arg<'_>> = args.0.iter().map(borrow).collect();
    let mut again = String::new();
    write_message(&mut again, meta, &borrowed).ok()?;
    (again == text).then_some(args)
}

fn borrow(a: &Owned) -> crate::__private::Arg<'_> {
    use crate::__private::Arg;
    match a {
        Owned::None => Arg::None,
        Owned::Str(s) => Arg::Str(s),
        Owned::Int(i) => Arg::Int(*i),
        Owned::Uint(u) => Arg::Uint(*u),
        Owned::Float(x) => Arg::Float(*x),
        Owned::Bool(b) => Arg::Bool(*b),
    }
}

fn split<'t>(
    pieces: &[Piece],
    text: &'t str,
    types: &[&str],
    caps: &mut [Option<&'t str>],
    budget: &mut u32,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match *first {
        Piece::Lit(s) => text
            .strip_prefix(s)
            .is_some_and(|t| split(rest, t, types, caps, budget)),
        Piece::Field(i) => {
            let Some(ty) = types.get(i) else { return false };
            let try_at = |at: usize, caps: &mut [Option<&'t str>], budget: &mut u32| {
                let (value, tail) = text.split_at(at);
                let before = caps.get(i).copied().flatten();
                if before.is_some_and(|b| b != value) || from_text(ty, value).is_none() {
                    return false;
                }
                if let Some(c) = caps.get_mut(i) {
                    *c = Some(value);
                }
                if split(rest, tail, types, caps, budget) {
                    return true;
                }
                if let Some(c) = caps.get_mut(i) {
                    *c = before;
                }
                false
            };
            match rest.first() {
                None => try_at(text.len(), caps, budget),
                Some(Piece::Lit(lit)) if !lit.is_empty() => {
                    let ats: Vec<usize> = text.match_indices(lit).map(|(at, _)| at).collect();
                    ats.into_iter().any(|at| try_at(at, caps, budget))
                }
                Some(_) => (0..=text.len())
                    .filter(|&at| text.is_char_boundary(at))
                    .any(|at| *budget > 0 && try_at(at, caps, budget)),
            }
        }
    }
}
