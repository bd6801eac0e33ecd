//! Reading the raw types from the parsed TOML tree, in place, without serde.
//!
//! Each raw type reads itself from a spanned [`DeValue`]; a value of another type gives a
//! [`Mistake`] at the innermost value that is wrong, and `load.rs` turns it into a
//! diagnostic. The messages are the ones serde's derive gave through toml's deserializer,
//! in TOML's words ("invalid type: integer `5`, expected a string"), and reading follows
//! serde's order: the first mistake of a table in the order its keys are written, then the
//! first missing required key in the order the type declares its keys. Keys a table does
//! not have are reported by `load.rs`, and skipped here as serde skipped them (a number
//! beyond 128 bits is still a mistake there). Like serde's derive, a struct may also be
//! written as an array of its values in declaration order, and a date-time where a table
//! belongs reads as an empty table.

use crate::raw::{
    AttributeDecl, Body, CatalogFile, Columns, Contact, ContextDecl, Deprecated, Docs, Error,
    Example, Field, Group, Headings, Labels, License, Meta, OpenApi, Operation, OrderedMap,
    RustNames, S, Scalar, Section, Server, Snippet, Status, Success, Template,
};
use std::fmt;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeInteger, DeValue};

/// The entries of a parsed table in the order the file writes them. errcat-catalog leaves
/// toml's `preserve_order` off (it would add indexmap and a hash table to every user's
/// build), so toml's tables are sorted by key; the keys' spans give the file's order back.
/// With `preserve_order` on (another crate of the same build may enable it) the sort
/// changes nothing.
pub(crate) fn in_file_order<'t, 'i>(
    table: &'t toml::de::DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// A value that does not have the type its key needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mistake {
    /// A value of another type: `found` describes it ("integer `5`", "table"), `expected`
    /// names the type ("a string").
    Type {
        found: String,
        expected: &'static str,
        span: Range<usize>,
    },
    /// An integer beyond `i64` where an integer is expected.
    Value { found: u64, span: Range<usize> },
    /// An integer that fits in 128 bits but not in 64.
    OutOfRange { number: String, span: Range<usize> },
    /// A number beyond what toml reads ("integer number overflowed"...).
    Other {
        message: &'static str,
        span: Range<usize>,
    },
    /// A struct written as an array of fewer values than it needs.
    Length { len: usize, span: Range<usize> },
    /// A table without one of its required keys.
    Missing {
        key: &'static str,
        span: Range<usize>,
    },
}

impl Mistake {
    /// Where it is.
    pub fn span(&self) -> Range<usize> {
        match self {
            Mistake::Type { span, .. }
            | Mistake::Value { span, .. }
            | Mistake::OutOfRange { span, .. }
            | Mistake::Other { span, .. }
            | Mistake::Length { span, .. }
            | Mistake::Missing { span, .. } => span.clone(),
        }
    }

    /// The label of its span.
    pub fn label(&self) -> String {
        match self {
            Mistake::Type { expected, .. } => format!("expected {expected}"),
            Mistake::Value { .. } => "expected an integer".to_owned(),
            Mistake::OutOfRange { .. } => "out of range".to_owned(),
            Mistake::Other { .. } => "here".to_owned(),
            Mistake::Length { .. } => "expected a table".to_owned(),
            Mistake::Missing { key, .. } => format!("this table needs `{key}`"),
        }
    }
}

impl fmt::Display for Mistake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mistake::Type {
                found, expected, ..
            } => write!(f, "invalid type: {found}, expected {expected}"),
            Mistake::Value { found, .. } => {
                write!(f, "invalid value: integer `{found}`, expected an integer")
            }
            Mistake::OutOfRange { number, .. } => write!(f, "integer `{number}` is out of range"),
            Mistake::Other { message, .. } => f.write_str(message),
            Mistake::Length { len, .. } => write!(f, "invalid length {len}, expected a table"),
            Mistake::Missing { key, .. } => write!(f, "missing required key `{key}`"),
        }
    }
}

/// A reading: the value, or the first mistake (boxed: readings are returned at every level).
pub(crate) type Reading<T> = Result<T, Box<Mistake>>;

/// A raw type read from a parsed value.
pub(crate) trait Read: Sized {
    /// The value, or the first mistake in it.
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self>;
}

/// A struct of the format: its keys, in declaration order.
pub(crate) trait Keys {
    /// The keys.
    const KEYS: &'static [&'static str];
}

/// An integer as toml's deserializer hands it on: the first of `i64`, `u64`, `i128`,
/// `u128` it fits in.
enum Int {
    I64(i64),
    U64(u64),
    /// Beyond 64 bits, in decimal.
    Wide(String),
}

fn int(i: &DeInteger<'_>, span: Range<usize>) -> Reading<Int> {
    let (text, radix) = (i.as_str(), i.radix());
    if let Ok(n) = i64::from_str_radix(text, radix) {
        Ok(Int::I64(n))
    } else if let Ok(n) = u64::from_str_radix(text, radix) {
        Ok(Int::U64(n))
    } else if let Ok(n) = i128::from_str_radix(text, radix) {
        Ok(Int::Wide(n.to_string()))
    } else if let Ok(n) = u128::from_str_radix(text, radix) {
        Ok(Int::Wide(n.to_string()))
    } else {
        Err(Box::new(Mistake::Other {
            message: "integer number overflowed",
            span,
        }))
    }
}

/// A float as toml's deserializer reads it: an infinity only when written `inf`.
fn float(text: &str, span: Range<usize>) -> Reading<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|f| !f.is_infinite() || text.contains("inf"))
        .ok_or_else(|| {
            Box::new(Mistake::Other {
                message: "floating-point number overflowed",
                span,
            })
        })
}

/// A float as serde describes it: with a decimal point when finite.
fn float_words(x: f64) -> String {
    let text = x.to_string();
    if x.is_finite() && !text.contains('.') {
        format!("{text}.0")
    } else {
        text
    }
}

/// The mistake of a value that is not of the `expected` type (integers beyond 64 bits and
/// numbers beyond toml's are said to be so whatever the type).
fn mismatch<T>(v: &Spanned<DeValue<'_>>, expected: &'static str) -> Reading<T> {
    // One body for every `T` the readers ask for (compile time: 21 copies were 2% of the
    // crate's LLVM IR).
    Err(type_mistake(v, expected))
}

fn type_mistake(v: &Spanned<DeValue<'_>>, expected: &'static str) -> Box<Mistake> {
    let found = match v.get_ref() {
        DeValue::String(s) => format!("string {:?}", &**s),
        DeValue::Integer(i) => match int(i, v.span()) {
            Ok(Int::I64(n)) => format!("integer `{n}`"),
            Ok(Int::U64(n)) => format!("integer `{n}`"),
            Ok(Int::Wide(number)) => {
                return Box::new(Mistake::OutOfRange {
                    number,
                    span: v.span(),
                });
            }
            Err(mistake) => return mistake,
        },
        DeValue::Float(x) => match float(x.as_str(), v.span()) {
            Ok(x) => format!("floating point `{}`", float_words(x)),
            Err(mistake) => return mistake,
        },
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        // toml hands a date-time on as a table of one key.
        DeValue::Datetime(_) | DeValue::Table(_) => "table".to_owned(),
        DeValue::Array(_) => "array".to_owned(),
    };
    Box::new(Mistake::Type {
        found,
        expected,
        span: v.span(),
    })
}

/// The mistake of a date-time where a table of user-chosen keys belongs: toml's key of a
/// date-time is not a spanned string.
fn datetime_key<T>(v: &Spanned<DeValue<'_>>) -> Reading<T> {
    Err(Box::new(Mistake::Type {
        found: "string \"$__toml_private_datetime\"".to_owned(),
        expected: "a spanned value",
        span: v.span(),
    }))
}

impl Read for String {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        match v.get_ref() {
            DeValue::String(s) => Ok(String::from(&**s)),
            _ => mismatch(v, "a string"),
        }
    }
}

impl Read for i64 {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        match v.get_ref() {
            DeValue::Integer(i) => match int(i, v.span())? {
                Int::I64(n) => Ok(n),
                Int::U64(found) => Err(Box::new(Mistake::Value {
                    found,
                    span: v.span(),
                })),
                Int::Wide(number) => Err(Box::new(Mistake::OutOfRange {
                    number,
                    span: v.span(),
                })),
            },
            _ => mismatch(v, "an integer"),
        }
    }
}

impl Read for bool {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        match v.get_ref() {
            DeValue::Boolean(b) => Ok(*b),
            _ => mismatch(v, "a boolean"),
        }
    }
}

/// A string, integer, float or boolean, as [`Scalar`] and [`Template`] read it.
fn scalar(v: &Spanned<DeValue<'_>>, expected: &'static str) -> Reading<Scalar> {
    Ok(match v.get_ref() {
        DeValue::String(s) => Scalar::Str(String::from(&**s)),
        DeValue::Integer(i) => match int(i, v.span())? {
            Int::I64(n) => Scalar::Int(n),
            Int::U64(_) => {
                return Err(Box::new(Mistake::Other {
                    message: "integer out of range",
                    span: v.span(),
                }));
            }
            Int::Wide(number) => {
                return Err(Box::new(Mistake::OutOfRange {
                    number,
                    span: v.span(),
                }));
            }
        },
        DeValue::Float(x) => Scalar::Float(float(x.as_str(), v.span())?),
        DeValue::Boolean(b) => Scalar::Bool(*b),
        _ => return mismatch(v, expected),
    })
}

impl Read for Scalar {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        scalar(v, "a string, integer, float or boolean")
    }
}

impl Read for Template {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        Ok(match v.get_ref() {
            DeValue::Array(_) => Template::Array(Read::read(v)?),
            DeValue::Table(_) | DeValue::Datetime(_) => Template::Table(Read::read(v)?),
            _ => match scalar(
                v,
                "a JSON template (string, number, boolean, array or table)",
            )? {
                Scalar::Str(s) => Template::Str(s),
                Scalar::Int(i) => Template::Int(i),
                Scalar::Float(x) => Template::Float(x),
                Scalar::Bool(b) => Template::Bool(b),
            },
        })
    }
}

impl<T: Read> Read for S<T> {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        Ok(S(Spanned::new(v.span(), T::read(v)?)))
    }
}

/// A value that is there (for an `Option` key that defaults when absent).
impl<T: Read> Read for Option<T> {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        T::read(v).map(Some)
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        match v.get_ref() {
            DeValue::Array(items) => items.iter().map(T::read).collect(),
            _ => mismatch(v, "an array"),
        }
    }
}

impl<V: Read> Read for OrderedMap<S<String>, V> {
    fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
        let table = match v.get_ref() {
            DeValue::Table(table) => table,
            DeValue::Datetime(_) => return datetime_key(v),
            _ => return mismatch(v, "a table"),
        };
        let mut out = Vec::with_capacity(table.len());
        for (key, value) in in_file_order(table) {
            let name = S(Spanned::new(key.span(), String::from(&**key.get_ref())));
            out.push((name, V::read(value)?));
        }
        Ok(OrderedMap(out))
    }
}

/// A value under a key the table does not have: read for nothing, as serde skipped it,
/// which still fails on a number beyond toml's.
fn skip(v: &Spanned<DeValue<'_>>) -> Reading<()> {
    match v.get_ref() {
        DeValue::Integer(i) => int(i, v.span()).map(drop),
        DeValue::Float(x) => float(x.as_str(), v.span()).map(drop),
        DeValue::Array(items) => items.iter().try_for_each(skip),
        DeValue::Table(table) => in_file_order(table)
            .into_iter()
            .try_for_each(|(_, v)| skip(v)),
        DeValue::String(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => Ok(()),
    }
}

/// Where a struct's values are: a table (by key), an array of them in declaration order,
/// or nowhere (a date-time, which toml hands on as a table without the struct's keys).
enum Values<'v, 'i> {
    Table(&'v toml::de::DeTable<'i>),
    Array(std::slice::Iter<'v, Spanned<DeValue<'i>>>),
    None,
}

/// The values of a struct written as `v`; anything but a table, an array or a date-time
/// is a mistake.
fn values<'v, 'i>(v: &'v Spanned<DeValue<'i>>) -> Reading<Values<'v, 'i>> {
    match v.get_ref() {
        DeValue::Table(table) => Ok(Values::Table(table)),
        DeValue::Array(items) => Ok(Values::Array(items.iter())),
        DeValue::Datetime(_) => Ok(Values::None),
        _ => mismatch(v, "a table"),
    }
}

/// The struct of a table of the format: `"key" => field: required | optional | default`,
/// every field in declaration order (`optional` is an `Option` that may be absent,
/// `default` a field that is its default when absent).
macro_rules! table {
    ($ty:ident { $($key:literal => $field:ident: $how:ident),* $(,)? }) => {
        impl Keys for $ty {
            const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl Read for $ty {
            fn read(v: &Spanned<DeValue<'_>>) -> Reading<Self> {
                $(let mut $field = None;)*
                match values(v)? {
                    Values::Table(table) => {
                        for (key, value) in in_file_order(table) {
                            match &**key.get_ref() {
                                $($key => $field = Some(Read::read(value)?),)*
                                _ => skip(value)?,
                            }
                        }
                    }
                    // Field by field; values past the last field are not read.
                    Values::Array(mut items) => {
                        let mut _read = 0;
                        $(
                            match items.next() {
                                Some(value) => $field = Some(Read::read(value)?),
                                None => table!(@short $how, _read, v),
                            }
                            _read += 1;
                        )*
                    }
                    Values::None => {}
                }
                Ok($ty {
                    $($field: table!(@finish $how $field $key v),)*
                })
            }
        }
    };
    // An array too short for the struct: a field with a default takes it, any other is
    // a mistake that says how many values there were.
    (@short default, $read:ident, $v:ident) => { () };
    (@short $how:ident, $read:ident, $v:ident) => {
        return Err(Box::new(Mistake::Length { len: $read, span: $v.span() }))
    };
    (@finish required $field:ident $key:literal $v:ident) => {
        match $field {
            Some(value) => value,
            None => return Err(Box::new(Mistake::Missing { key: $key, span: $v.span() })),
        }
    };
    (@finish optional $field:ident $key:literal $v:ident) => { $field };
    (@finish default $field:ident $key:literal $v:ident) => { $field.unwrap_or_default() };
}

impl Keys for CatalogFile {
    const KEYS: &'static [&'static str] = &[
        "catalog",
        "rust",
        "lints",
        "attributes",
        "statuses",
        "errors",
        "body",
        "success",
        "docs",
        "operations",
        "openapi",
        "context",
        "groups",
    ];
}

table!(Meta {
    "name" => name: optional,
    "version" => version: optional,
    "description" => description: optional,
    "docs_url" => docs_url: optional,
    "extends" => extends: optional,
    "include" => include: default,
    "retired" => retired: default,
    "retired_replaced_by" => retired_replaced_by: default,
});

table!(RustNames {
    "error_enum" => error_enum: optional,
    "status_enum" => status_enum: optional,
});

table!(AttributeDecl {
    "type" => ty: required,
    "values" => values: optional,
    "description" => description: optional,
    "applies_to" => applies_to: optional,
    "required" => required: default,
});

table!(Status {
    "reason" => reason: optional,
    "description" => description: optional,
    "aliases" => aliases: default,
    "reference" => reference: optional,
    "attributes" => attributes: default,
    "headers" => headers: default,
});

table!(Error {
    "status" => status: required,
    "message" => message: required,
    "title" => title: optional,
    "description" => description: optional,
    "remediation" => remediation: optional,
    "field" => field: optional,
    "fields" => fields: default,
    "retryable" => retryable: optional,
    "retry_after" => retry_after: optional,
    "deprecated" => deprecated: optional,
    "attributes" => attributes: default,
    "headers" => headers: default,
    "body" => body: optional,
    "item" => item: optional,
    "examples" => examples: default,
    "cause" => cause: optional,
    "from" => from: default,
});

table!(Field {
    "type" => ty: required,
    "description" => description: optional,
    "example" => example: optional,
});

table!(Deprecated {
    "since" => since: optional,
    "replaced_by" => replaced_by: optional,
    "note" => note: optional,
});

table!(Example {
    "summary" => summary: optional,
    "values" => values: default,
    "omit" => omit: default,
});

table!(Body {
    "format" => format: optional,
    "template" => template: optional,
    "content_type" => content_type: optional,
    "description" => description: optional,
    "fields" => fields: default,
    "closed" => closed: optional,
});

table!(Success {
    "template" => template: required,
    "description" => description: optional,
    "fields" => fields: default,
    "closed" => closed: optional,
});

table!(ContextDecl {
    "description" => description: optional,
    "example" => example: optional,
});

table!(Group {
    "status" => status: required,
    "title" => title: optional,
    "type" => type_uri: optional,
    "description" => description: optional,
    "errors" => errors: required,
    "template" => template: required,
    "item" => item: required,
    "content_type" => content_type: optional,
    "closed" => closed: optional,
    "fields" => fields: default,
});

table!(Docs {
    "title" => title: optional,
    "intro" => intro: optional,
    "group_by_class" => group_by_class: optional,
    "classes" => classes: default,
    "recommendations" => recommendations: default,
    "snippets" => snippets: default,
    "sections" => sections: default,
    "layout" => layout: optional,
    "example" => example: optional,
    "error_order" => error_order: optional,
    "contents" => contents: optional,
    "headings" => headings: optional,
    "columns" => columns: optional,
    "labels" => labels: optional,
    "class_titles" => class_titles: default,
    "attribute_titles" => attribute_titles: default,
});

table!(Headings {
    "contents" => contents: optional,
    "statuses" => statuses: optional,
    "body" => body: optional,
    "success" => success: optional,
    "errors" => errors: optional,
    "retired" => retired: optional,
    "recommendations" => recommendations: optional,
});

table!(Columns {
    "code" => code: optional,
    "reason" => reason: optional,
    "description" => description: optional,
    "errors" => errors: optional,
    "member" => member: optional,
    "type" => ty: optional,
    "always_present" => always_present: optional,
    "placeholder" => placeholder: optional,
    "example" => example: optional,
});

table!(Labels {
    "code" => code: optional,
    "status" => status: optional,
    "message" => message: optional,
    "field" => field: optional,
    "retryable" => retryable: optional,
    "headers" => headers: optional,
    "remediation" => remediation: optional,
    "example" => example: optional,
    "errors" => errors: optional,
});

table!(Snippet {
    "title" => title: required,
    "language" => language: optional,
    "code" => code: required,
    "description" => description: optional,
});

table!(Section {
    "title" => title: required,
    "body" => body: required,
});

table!(Operation {
    "method" => method: optional,
    "path" => path: optional,
    "errors" => errors: default,
});

table!(OpenApi {
    "servers" => servers: default,
    "license" => license: optional,
    "contact" => contact: optional,
});

table!(Server {
    "url" => url: required,
    "description" => description: optional,
});

table!(License {
    "name" => name: required,
    "url" => url: optional,
});

table!(Contact {
    "name" => name: optional,
    "url" => url: optional,
    "email" => email: optional,
});

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    /// `[errors.e]` of `text`, read, or its mistake in words with the text it points at.
    fn error(text: &str) -> Result<Error, (String, &str)> {
        let (table, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty(), "{errors:?}");
        let errors = table.get_ref().get("errors").unwrap().get_ref();
        let e = errors.as_table().unwrap().get("e").unwrap();
        Error::read(e).map_err(|m| (m.to_string(), &text[m.span()]))
    }

    #[test]
    fn values_read_as_toml_writes_them() {
        let e = error(
            r#"[errors.e]
            status = 0x190
            message = 'lit\eral'
            body = { i = 9223372036854775807, j = 0o17, g = inf, n = -inf, z = -0.0,
                     a = [1, "x", [true, { b = 0b101 }]] }
            deprecated = 1979-05-27
            examples = [["s", { x = 1.5 }, ["t"]]]
            zzz = [{ a = 1979-05-27 }, 9223372036854775808, 1e300]
            "#,
        );
        let e = e.unwrap();
        assert_eq!(*e.status.get(), 400);
        assert_eq!(e.message.get(), "lit\\eral");
        let body = format!("{:?}", e.body.unwrap().get());
        for part in [
            "Int(9223372036854775807)",
            "Int(15)",
            "Float(inf)",
            "Float(-inf)",
            "Float(-0.0)",
            "Int(5)",
        ] {
            assert!(body.contains(part), "{part} in {body}");
        }
        // As serde's derive read them: a date-time is a table without the struct's keys,
        // and a struct may be an array of its values.
        let deprecated = e.deprecated.unwrap();
        assert!(deprecated.get().since.is_none() && deprecated.get().note.is_none());
        let example = e.examples[0].get();
        assert_eq!(example.summary.as_ref().unwrap().get(), "s");
        assert_eq!(example.values.0[0].0.get(), "x");
        assert_eq!(example.omit[0].get(), "t");
    }

    #[test]
    fn the_first_mistake_is_at_the_innermost_value() {
        let cases = [
            (
                "status = 400\nmessage = 5\ntitle = 6",
                "invalid type: integer `5`, expected a string",
                "5",
            ),
            (
                "title = 6\nstatus = 400",
                "invalid type: integer `6`, expected a string",
                "6",
            ),
            // At its table: a table opened by a header is its header.
            (
                "title = \"t\"\nstatus = 400",
                "missing required key `message`",
                "[errors.e]",
            ),
            (
                "status = 9223372036854775808",
                "invalid value: integer `9223372036854775808`, expected an integer",
                "9223372036854775808",
            ),
            (
                "status = \"4\\\"00\"",
                "invalid type: string \"4\\\"00\", expected an integer",
                "\"4\\\"00\"",
            ),
            (
                "fields.f = { type = \"string\", example = -9223372036854775809 }",
                "integer `-9223372036854775809` is out of range",
                "-9223372036854775809",
            ),
            (
                "examples = [{ summary = 2e0 }]",
                "invalid type: floating point `2.0`, expected a string",
                "2e0",
            ),
            (
                "body = { a = [{ b = 1e400 }] }",
                "floating-point number overflowed",
                "1e400",
            ),
            (
                "body = { a = 1979-05-27 }",
                "invalid type: string \"$__toml_private_datetime\", expected a spanned value",
                "1979-05-27",
            ),
            (
                "zzz = { a = 340282366920938463463374607431768211456 }",
                "integer number overflowed",
                "340282366920938463463374607431768211456",
            ),
            (
                "deprecated = [\"1.0\"]",
                "invalid length 1, expected a table",
                "[\"1.0\"]",
            ),
        ];
        for (keys, message, at) in cases {
            let text = format!("[errors.e]\n{keys}\n");
            let text = if keys.contains("status") {
                text
            } else {
                text.replacen('\n', "\nstatus = 400\nmessage = \"m\"\n", 1)
            };
            let (got, span) = error(&text).map(|_| ()).unwrap_err();
            assert_eq!((got.as_str(), span), (message, at), "{text}");
        }
    }

    /// The keys the reader reads are the keys the JSON Schema lists (its properties come
    /// from the fields and their `schemars(rename)`).
    #[cfg(feature = "schema")]
    #[test]
    fn keys_are_the_schema_properties() {
        fn check<T: Keys + schemars::JsonSchema>() {
            let schema = schemars::schema_for!(T);
            let mut properties: Vec<&str> = schema
                .get("properties")
                .and_then(|p| p.as_object())
                .map(|p| p.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let mut keys = T::KEYS.to_vec();
            properties.sort_unstable();
            keys.sort_unstable();
            assert_eq!(keys, properties, "{}", std::any::type_name::<T>());
        }
        for check in [
            check::<CatalogFile> as fn(),
            check::<Meta>,
            check::<RustNames>,
            check::<AttributeDecl>,
            check::<Status>,
            check::<Error>,
            check::<Field>,
            check::<Deprecated>,
            check::<Example>,
            check::<Body>,
            check::<Success>,
            check::<ContextDecl>,
            check::<Group>,
            check::<Docs>,
            check::<Headings>,
            check::<Columns>,
            check::<Labels>,
            check::<Snippet>,
            check::<Section>,
            check::<Operation>,
            check::<OpenApi>,
            check::<Server>,
            check::<License>,
            check::<Contact>,
        ] {
            check();
        }
    }
}
