//! The catalog file as written: types that mirror the TOML one to one, every value
//! wrapped in [`S`] so that it keeps its span. Nothing here is checked beyond its TOML type;
//! `check` turns these into the validated [`crate::model`]. `read` reads them from the
//! parsed TOML.
//!
//! These types are also the source of the JSON Schema (`errcat schema`, feature `schema`):
//! `schemars(default)` marks a key the reader defaults when it is absent (not required),
//! `schemars(rename)` a key that is not the field's name.

use std::fmt;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Every table of the format whose keys are fixed (`"[errors.CODE]"`, `"top level"`...),
/// with the keys it accepts: the same lists the loader checks keys against, the keys the
/// reader of each type below reads. `docs/catalog-format.md` is tested to document each of
/// them.
pub fn tables() -> Vec<(&'static str, &'static [&'static str])> {
    crate::load::tables()
}

/// A value with the byte range it was written at.
#[derive(Debug, Clone)]
pub struct S<T>(pub toml::Spanned<T>);

// The span is invisible in the file: `S<T>` has exactly `T`'s schema (a derive would add a
// wrapper definition per `T`, whose description editors would show instead of the key's).
#[cfg(feature = "schema")]
impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

impl<T> S<T> {
    /// The value.
    pub fn get(&self) -> &T {
        self.0.get_ref()
    }
    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.0.span()
    }
}

/// A TOML table whose entries keep the order they were written in.
#[derive(Debug, Clone)]
pub struct OrderedMap<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

#[cfg(feature = "schema")]
impl<K, V: JsonSchema> JsonSchema for OrderedMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Table_of_{}", V::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V>>::json_schema(g)
    }
}

/// A string, integer, float or boolean: attribute values and example field values.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Scalar {
    /// The TOML type name, for diagnostics.
    pub fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "string",
            Scalar::Int(_) => "integer",
            Scalar::Float(_) => "float",
            Scalar::Bool(_) => "boolean",
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "{s:?}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{x:?}"),
            Scalar::Bool(b) => write!(f, "{b}"),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "integer", "number", "boolean"] })
    }
}

/// A JSON template written as TOML: strings may hold `{placeholders}`.
#[derive(Debug, Clone)]
pub enum Template {
    /// A string, maybe with placeholders.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// An array.
    Array(Vec<S<Template>>),
    /// An object; keys keep their order.
    Table(OrderedMap<S<String>, S<Template>>),
}

#[cfg(feature = "schema")]
impl JsonSchema for Template {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Template".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A JSON value written as TOML; strings may hold {placeholders}."
        })
    }
}

/// One catalog file: the root catalog, a file it includes, or a catalog it extends.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
#[cfg_attr(feature = "schema", schemars(title = "errcat catalog"))]
pub struct CatalogFile {
    /// `[catalog]`: name, version, description, composition.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub catalog: Option<Meta>,
    /// `[rust]`: names of the generated Rust types.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub rust: Option<S<RustNames>>,
    /// `[lints]`: `rule = "allow" | "warn" | "deny"`.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub lints: OrderedMap<S<String>, S<String>>,
    /// `[attributes.NAME]`: user-defined attributes of statuses and errors.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub attributes: OrderedMap<S<String>, S<AttributeDecl>>,
    /// `[statuses.CODE]`: the HTTP statuses the API returns.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub statuses: OrderedMap<S<String>, S<Status>>,
    /// `[errors.CODE]`: the application errors.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub errors: OrderedMap<S<String>, S<Error>>,
    /// `[body]`: the error response body.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub body: Option<S<Body>>,
    /// `[success]`: the envelope successful responses are wrapped in, if any.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub success: Option<S<Success>>,
    /// `[docs]`: prose of the generated reference page.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub docs: Option<S<Docs>>,
    /// `[operations]`: the API's operations and the errors each may return.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub operations: Option<S<Operations>>,
    /// `[openapi]`: what the generated OpenAPI document says about the API.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub openapi: Option<S<OpenApi>>,
    /// `[context.NAME]`: values supplied at run time (a request id, say), `{NAME}` in bodies.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub context: OrderedMap<S<String>, S<ContextDecl>>,
    /// `[groups.NAME]`: responses that carry several errors.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub groups: OrderedMap<S<String>, S<Group>>,
}

/// `[context.NAME]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct ContextDecl {
    /// What the value is.
    pub description: Option<S<String>>,
    /// The value examples use (default `<NAME>`).
    pub example: Option<S<String>>,
}

/// `[groups.NAME]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Group {
    /// The status of every response of the group.
    pub status: S<i64>,
    /// The response's title (`{title}`); default the status's reason phrase.
    pub title: Option<S<String>>,
    /// The URI of the response's type (`{type}`, `{docs_url}`); default `about:blank`.
    #[cfg_attr(feature = "schema", schemars(rename = "type"))]
    pub type_uri: Option<S<String>>,
    /// Markdown: what the response means.
    pub description: Option<S<String>>,
    /// The codes of the errors that may appear in the group.
    pub errors: Vec<S<String>>,
    /// The outer body, with `"{items}"` where the array of items goes.
    pub template: S<Template>,
    /// The item template of the group's errors (an error's `item` replaces it).
    pub item: S<Template>,
    /// The response content type (default: `[body]`'s).
    pub content_type: Option<S<String>>,
    /// Whether the body's schema lists every member (default false: open).
    pub closed: Option<S<bool>>,
    /// Descriptions of the body's members, by dotted path (`errors[].detail`).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub fields: OrderedMap<S<String>, S<String>>,
}

/// `[catalog]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Meta {
    /// The API's name (required in the root catalog).
    pub name: Option<S<String>>,
    /// The catalog's version.
    pub version: Option<S<String>>,
    /// Markdown describing the API's errors in general.
    pub description: Option<S<String>>,
    /// URL pattern of an error's documentation, with `{code}` (and optionally `{status}`).
    pub docs_url: Option<S<String>>,
    /// A catalog whose statuses this one may use: `"http"` (bundled) or a relative path.
    pub extends: Option<S<String>>,
    /// Catalog files merged into this one, relative to this file.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub include: Vec<S<String>>,
    /// Error codes that were removed and may never be used again.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub retired: Vec<S<String>>,
    /// What replaced each retired code: retired code -> the code of an error of the catalog.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub retired_replaced_by: OrderedMap<S<String>, S<String>>,
}

/// `[rust]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct RustNames {
    /// The error enum (default `ApiError`).
    pub error_enum: Option<S<String>>,
    /// The status enum (default `ApiStatus`).
    pub status_enum: Option<S<String>>,
}

/// `[attributes.NAME]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct AttributeDecl {
    /// `"string"`, `"integer"` or `"boolean"`.
    #[cfg_attr(feature = "schema", schemars(rename = "type"))]
    pub ty: S<String>,
    /// The values allowed, if limited.
    pub values: Option<Vec<S<Scalar>>>,
    /// What the attribute means.
    pub description: Option<S<String>>,
    /// `["statuses"]`, `["errors"]` or both (the default).
    pub applies_to: Option<Vec<S<String>>>,
    /// Whether every status/error it applies to must set it.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub required: Option<S<bool>>,
}

/// `[statuses.CODE]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Status {
    /// The reason phrase; defaults to the extended catalog's.
    pub reason: Option<S<String>>,
    /// Markdown; defaults to the extended catalog's.
    pub description: Option<S<String>>,
    /// Other names in use for this status.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub aliases: Vec<S<String>>,
    /// Where the status is defined (`RFC 9110, Section 15.5.5`).
    pub reference: Option<S<String>>,
    /// User-defined attributes.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub attributes: OrderedMap<S<String>, S<Scalar>>,
    /// Response headers every error of this status carries: name -> literal value.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub headers: OrderedMap<S<String>, S<String>>,
}

/// `[errors.CODE]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Error {
    /// The HTTP status it is returned with.
    pub status: S<i64>,
    /// The message, with `{field}` placeholders (`{{` and `}}` for braces).
    pub message: S<String>,
    /// A short human title (docs heading); defaults to the code.
    pub title: Option<S<String>>,
    /// Markdown: what happened.
    pub description: Option<S<String>>,
    /// Markdown: what the client should do.
    pub remediation: Option<S<String>>,
    /// The request field this error concerns (`{field}` in the body).
    pub field: Option<S<String>>,
    /// The message's typed placeholders.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub fields: OrderedMap<S<String>, S<Field>>,
    /// Whether a client may retry.
    pub retryable: Option<S<bool>>,
    /// Seconds a client should wait before retrying (implies `retryable`).
    pub retry_after: Option<S<i64>>,
    /// Deprecation.
    pub deprecated: Option<S<Deprecated>>,
    /// User-defined attributes.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub attributes: OrderedMap<S<String>, S<Scalar>>,
    /// Response headers of this error: name -> literal value; they extend and override its status's.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub headers: OrderedMap<S<String>, S<String>>,
    /// A body template for this error only, replacing `[body]`'s.
    pub body: Option<S<Template>>,
    /// The item template of this error in grouped responses, replacing its group's.
    pub item: Option<S<Template>>,
    /// Example field values; each gives an example body.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub examples: Vec<S<Example>>,
    /// Whether the error carries a cause that stays on the server (`source()`), never on
    /// the wire; implied by `from`.
    pub cause: Option<S<bool>>,
    /// Rust paths of the library errors `?` converts into this error, held as its cause
    /// (`["std::io::Error", "rusqlite::Error"]`).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub from: Vec<S<String>>,
}

/// `[errors.CODE.fields.NAME]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Field {
    /// `"string"`, `"integer"`, `"unsigned"`, `"float"` or `"boolean"`.
    #[cfg_attr(feature = "schema", schemars(rename = "type"))]
    pub ty: S<String>,
    /// What the value is.
    pub description: Option<S<String>>,
    /// A value for examples.
    pub example: Option<S<Scalar>>,
}

/// `deprecated = { since, replaced_by, note }`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Deprecated {
    /// The version that deprecated it.
    pub since: Option<S<String>>,
    /// The code of the error to use instead.
    pub replaced_by: Option<S<String>>,
    /// Why, or what to do.
    pub note: Option<S<String>>,
}

/// `[[errors.CODE.examples]]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Example {
    /// A one-line summary.
    pub summary: Option<S<String>>,
    /// Field values.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub values: OrderedMap<S<String>, S<Scalar>>,
    /// Run-time values left out of this example (`trace_id`, `instance`, context names).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub omit: Vec<S<String>>,
}

/// `[body]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Body {
    /// `"problem"` (RFC 9457 problem+json, the default) or `"template"`.
    pub format: Option<S<String>>,
    /// The template, with `format = "template"`.
    pub template: Option<S<Template>>,
    /// The response content type (default `application/problem+json` or `application/json`).
    pub content_type: Option<S<String>>,
    /// Markdown introducing the body format.
    pub description: Option<S<String>>,
    /// Descriptions of the body's members for the docs' field table, by dotted path.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub fields: OrderedMap<S<String>, S<String>>,
    /// Whether the body is closed: clients may then refuse members it does not list
    /// (default false: open, as RFC 9457 asks of problem details).
    pub closed: Option<S<bool>>,
}

/// `[success]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Success {
    /// The envelope, with `{content}` where the payload goes.
    pub template: S<Template>,
    /// Markdown introducing it.
    pub description: Option<S<String>>,
    /// Descriptions of the envelope's members, by dotted path.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub fields: OrderedMap<S<String>, S<String>>,
    /// Whether the envelope is closed (default false: open).
    pub closed: Option<S<bool>>,
}

/// `[docs]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Docs {
    /// The page title (default: "NAME errors").
    pub title: Option<S<String>>,
    /// Markdown at the top of the page.
    pub intro: Option<S<String>>,
    /// Group the status table by class (1xx ... 5xx).
    pub group_by_class: Option<S<bool>>,
    /// Markdown introducing each class: keys `1xx` ... `5xx`.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub classes: OrderedMap<S<String>, S<String>>,
    /// A numbered list of recommendations.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub recommendations: Vec<S<String>>,
    /// Client code samples.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub snippets: Vec<S<Snippet>>,
    /// Free-form sections at the end of the page.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub sections: Vec<S<Section>>,
    /// `"table"` (the default: status prose in the status table) or `"details"` (a summary
    /// table, then a section per status holding its prose).
    pub layout: Option<S<String>>,
    /// The code of the error whose example illustrates the error body (default: the first
    /// error, in page order, that uses the catalog's body).
    pub example: Option<S<String>>,
    /// The order of the error sections: `"status"` (the default) or `"catalog"`.
    pub error_order: Option<S<String>>,
    /// Whether the page has a table of contents (default true).
    pub contents: Option<S<bool>>,
    /// The page's headings, replacing the default words.
    pub headings: Option<S<Headings>>,
    /// The page's table column headers, replacing the default words.
    pub columns: Option<S<Columns>>,
    /// The labels of an error section's list, replacing the default words.
    pub labels: Option<S<Labels>>,
    /// The heading of each status class group: keys `1xx` ... `5xx` (default "4xx: Client error").
    #[cfg_attr(feature = "schema", schemars(default))]
    pub class_titles: OrderedMap<S<String>, S<String>>,
    /// The column header and label of each attribute, by attribute name (default: the name,
    /// capitalised, `_` as spaces).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub attribute_titles: OrderedMap<S<String>, S<String>>,
}

/// `[docs.headings]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Headings {
    /// The table of contents (default "Contents").
    pub contents: Option<S<String>>,
    /// The status codes section (default "Status codes").
    pub statuses: Option<S<String>>,
    /// The error body section (default "Error response body").
    pub body: Option<S<String>>,
    /// The success envelope section (default "Success envelope").
    pub success: Option<S<String>>,
    /// The errors section (default "Errors").
    pub errors: Option<S<String>>,
    /// The retired codes section (default "Retired codes").
    pub retired: Option<S<String>>,
    /// The recommendations section (default "Recommendations").
    pub recommendations: Option<S<String>>,
}

/// `[docs.columns]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Columns {
    /// The status code (default "Code").
    pub code: Option<S<String>>,
    /// The reason phrase (default "Reason").
    pub reason: Option<S<String>>,
    /// Descriptions, in every table (default "Description").
    pub description: Option<S<String>>,
    /// The errors of a status (default "Errors").
    pub errors: Option<S<String>>,
    /// A body member's path (default "Member").
    pub member: Option<S<String>>,
    /// A member's or placeholder's type (default "Type").
    #[cfg_attr(feature = "schema", schemars(rename = "type"))]
    pub ty: Option<S<String>>,
    /// Whether a member is always present (default "Always present").
    pub always_present: Option<S<String>>,
    /// A message placeholder (default "Placeholder").
    pub placeholder: Option<S<String>>,
    /// A placeholder's example value (default "Example").
    pub example: Option<S<String>>,
}

/// `[docs.labels]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Labels {
    /// The error's code (default "Code").
    pub code: Option<S<String>>,
    /// Its status (default "Status").
    pub status: Option<S<String>>,
    /// Its message (default "Message").
    pub message: Option<S<String>>,
    /// The request field it concerns (default "Field").
    pub field: Option<S<String>>,
    /// Whether it may be retried (default "Retryable").
    pub retryable: Option<S<String>>,
    /// Its response headers (default "Response headers").
    pub headers: Option<S<String>>,
    /// Its remediation (default "What to do").
    pub remediation: Option<S<String>>,
    /// An example body (default "Example").
    pub example: Option<S<String>>,
    /// The errors of a status, in its section of the details layout (default "Errors").
    pub errors: Option<S<String>>,
}

/// `[[docs.snippets]]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Snippet {
    /// Heading.
    pub title: S<String>,
    /// The code block's language (`python`, `rust`, ...).
    pub language: Option<S<String>>,
    /// The code.
    pub code: S<String>,
    /// Markdown shown before the code.
    pub description: Option<S<String>>,
}

/// `[[docs.sections]]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Section {
    /// Heading.
    pub title: S<String>,
    /// Markdown.
    pub body: S<String>,
}

/// `[operations]`: the errors every operation may return (`common`), errors returned to
/// requests that match no operation (`unrouted`), and one `[operations.ID]` table per
/// operation, keyed by its OpenAPI `operationId`.
#[derive(Debug, Clone, Default)]
pub struct Operations {
    /// Error codes every operation may return.
    pub common: Vec<S<String>>,
    /// Error codes returned to requests that match no operation (an unknown path).
    pub unrouted: Vec<S<String>>,
    /// The operations, by `operationId`, in the order written.
    pub entries: OrderedMap<S<String>, S<Operation>>,
}

impl Operations {
    /// The keys of `[operations]` that are not operations.
    pub const KEYS: [&'static str; 2] = ["common", "unrouted"];
}

#[cfg(feature = "schema")]
impl JsonSchema for Operations {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Operations".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes = g.subschema_for::<Vec<String>>();
        let operation = g.subschema_for::<Operation>();
        schemars::json_schema!({
            "description": "The API's operations, by `operationId`, with the errors each may return.",
            "type": "object",
            "properties": {
                "common": {
                    "description": "Error codes every operation may return.",
                    "allOf": [codes.clone()]
                },
                "unrouted": {
                    "description": "Error codes returned to requests that match no operation (an unknown path).",
                    "allOf": [codes]
                }
            },
            "additionalProperties": operation
        })
    }
}

/// `[operations.ID]`: one operation of the API.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Operation {
    /// The HTTP method (`GET`, `POST`...); with `path`, finds the operation in an OpenAPI
    /// document that gives it no `operationId`.
    pub method: Option<S<String>>,
    /// The path template as the OpenAPI document writes it (`/receivables/{id}`).
    pub path: Option<S<String>>,
    /// The codes of the errors this operation may return, besides `common`.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub errors: Vec<S<String>>,
}

/// `[openapi]`.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct OpenApi {
    /// The API's servers (`servers`).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub servers: Vec<S<Server>>,
    /// The API's license (`info.license`).
    pub license: Option<S<License>>,
    /// Who to contact about the API (`info.contact`).
    pub contact: Option<S<Contact>>,
}

/// `[[openapi.servers]]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Server {
    /// The server's URL.
    pub url: S<String>,
    /// What the server is (`Production`).
    pub description: Option<S<String>>,
}

/// `[openapi.license]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct License {
    /// The license's name (`Apache 2.0`).
    pub name: S<String>,
    /// The license's URL.
    pub url: Option<S<String>>,
}

/// `[openapi.contact]`.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema), schemars(deny_unknown_fields))]
pub struct Contact {
    /// A person or team.
    pub name: Option<S<String>>,
    /// A web page.
    pub url: Option<S<String>>,
    /// An email address.
    pub email: Option<S<String>>,
}
