//! The validated catalog: one model every output is generated from.
//!
//! Iteration order is part of the contract (outputs are byte-for-byte deterministic):
//! - `statuses` are sorted by code;
//! - `errors` are in declaration order: a file's `include`s first, depth first in the
//!   order listed, then the file's own errors in the order written;
//! - `attributes` in declaration order, likewise;
//! - template members in the order written.

use crate::source::{Sp, Span};

pub use crate::raw::Scalar;

/// A validated catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The API's name.
    pub name: Sp<String>,
    /// The catalog's version.
    pub version: Option<Sp<String>>,
    /// Markdown describing the API's errors.
    pub description: Option<Sp<String>>,
    /// Docs URL pattern with `{code}` / `{status}`.
    pub docs_url: Option<Sp<String>>,
    /// Names of the generated Rust types.
    pub rust: RustNames,
    /// User-defined attributes, in declaration order.
    pub attributes: Vec<AttributeDef>,
    /// The statuses the API returns, sorted by code.
    pub statuses: Vec<Status>,
    /// The application errors, in declaration order.
    pub errors: Vec<ErrorDef>,
    /// Codes that may never be used again.
    pub retired: Vec<Sp<String>>,
    /// What replaced retired codes: (retired code, code of an error of the catalog), in
    /// the order written.
    pub retired_replaced_by: Vec<(String, String)>,
    /// The error response body.
    pub body: Body,
    /// The success envelope, if the API wraps successes.
    pub success: Option<Success>,
    /// Documentation prose.
    pub docs: Docs,
    /// Values supplied at run time that the catalog declares (`[context.NAME]`), in
    /// declaration order: `{NAME}` placeholders of bodies and the success envelope.
    pub context: Vec<ContextDef>,
    /// Responses that carry several errors (`[groups.NAME]`), in declaration order.
    pub groups: Vec<Group>,
    /// The API's operations and the errors each may return (`[operations]`), when the
    /// catalog lists them.
    pub operations: Option<Operations>,
    /// What the OpenAPI document says about the API (`[openapi]`).
    pub openapi: OpenApiInfo,
}

/// A value supplied at run time (`[context.NAME]`), such as a request id: absent unless
/// the caller supplies it, so its member is left out of a body without it.
#[derive(Debug, Clone)]
pub struct ContextDef {
    /// Its name (a snake_case identifier, the `{NAME}` placeholder).
    pub name: Sp<String>,
    /// What it is.
    pub description: Option<Sp<String>>,
    /// The value examples use.
    pub example: String,
}

/// A response that carries several errors (`[groups.NAME]`): its status, title, type and
/// outer members are the group's; its `{items}` array holds one item per error, each
/// rendered from the error's item template ([`Catalog::item_of`]).
#[derive(Debug, Clone)]
pub struct Group {
    /// Its name (a snake_case identifier).
    pub name: Sp<String>,
    /// The status every response of the group is sent with, whatever its errors' statuses.
    pub status: Sp<u16>,
    /// The response's title (`{title}` in the group template), else the status's reason.
    pub title: Option<Sp<String>>,
    /// Markdown: what the response means.
    pub description: Option<Sp<String>>,
    /// The URI of the response's type (`{type}` and `{docs_url}` in the group template).
    pub type_uri: Option<Sp<String>>,
    /// The outer body, with the whole-value placeholder `{items}` exactly once, as an
    /// array member's value.
    pub template: Template,
    /// The item template of the group's errors that have none of their own.
    pub item: Template,
    /// The errors that may appear in the group: indices into [`Catalog::errors`], in the
    /// order listed.
    pub errors: Vec<usize>,
    /// The response content type (default: the `[body]`'s).
    pub content_type: String,
    /// Whether the body's schema lists every member (`closed = true`); open by default.
    pub closed: bool,
    /// Member descriptions by dotted path (items as `NAME[].member`).
    pub fields: Vec<(String, String)>,
}

impl Group {
    /// The `{title}` of the response: the group's title, else the status's reason.
    pub fn display_title<'a>(&'a self, catalog: &'a Catalog) -> &'a str {
        self.title.as_ref().map_or_else(
            || {
                catalog
                    .status(*self.status)
                    .map_or("", |s| s.reason.as_str())
            },
            |t| t.as_str(),
        )
    }

    /// The RFC 9457 `type` of the response: its `type`, else `about:blank`.
    pub fn type_or_blank(&self) -> &str {
        self.type_uri.as_ref().map_or("about:blank", |t| t.as_str())
    }

    /// The key of the array member that holds the items (a dotted path), if any.
    pub fn items_path(&self) -> Option<String> {
        fn find(t: &Template, path: &mut Vec<String>) -> bool {
            match t {
                Template::Var(Var::Items) => true,
                Template::Object(members) => members.iter().any(|(k, v)| {
                    path.push(k.clone());
                    let found = find(v, path);
                    if !found {
                        path.pop();
                    }
                    found
                }),
                _ => false,
            }
        }
        let mut path = Vec::new();
        find(&self.template, &mut path).then(|| path.join("."))
    }

    /// Whether a member of the group's outer template is in every response of the group
    /// (`{items}`, literals and values always known are; run-time values are not).
    pub fn member_always_present(&self, value: &Template) -> bool {
        match value {
            Template::Var(v) => match v {
                Var::DocsUrl => self.type_uri.is_some(),
                Var::TraceId | Var::Instance | Var::Context(_) => false,
                _ => true,
            },
            _ => true,
        }
    }

    /// The value of a placeholder of the outer template known before run time.
    pub fn static_value<'a>(&'a self, catalog: &'a Catalog, var: &Var) -> Option<VarValue<'a>> {
        use std::borrow::Cow;
        match var {
            Var::Status => Some(VarValue::Int(i64::from(*self.status))),
            Var::Reason => catalog
                .status(*self.status)
                .map(|s| VarValue::Str(Cow::Borrowed(s.reason.as_str()))),
            Var::Title => Some(VarValue::Str(Cow::Borrowed(self.display_title(catalog)))),
            Var::Type => Some(VarValue::Str(Cow::Borrowed(self.type_or_blank()))),
            Var::DocsUrl => self
                .type_uri
                .as_ref()
                .map(|t| VarValue::Str(Cow::Borrowed(t.as_str()))),
            Var::Code => Some(VarValue::Str(Cow::Borrowed(self.name.as_str()))),
            _ => None,
        }
    }
}

/// Names of the generated Rust types.
#[derive(Debug, Clone)]
pub struct RustNames {
    /// The error enum.
    pub error_enum: String,
    /// The status enum.
    pub status_enum: String,
}

/// The type of a user attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// A string.
    String,
    /// A 64-bit signed integer.
    Integer,
    /// A boolean.
    Boolean,
}

impl AttrType {
    /// The name used in the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Integer => "integer",
            AttrType::Boolean => "boolean",
        }
    }
}

/// A user-defined attribute declaration.
#[derive(Debug, Clone)]
pub struct AttributeDef {
    /// Its name (a snake_case identifier).
    pub name: Sp<String>,
    /// Its type.
    pub ty: AttrType,
    /// The values allowed, when limited.
    pub values: Option<Vec<Scalar>>,
    /// What it means.
    pub description: Option<Sp<String>>,
    /// Whether statuses may set it.
    pub on_statuses: bool,
    /// Whether errors may set it.
    pub on_errors: bool,
    /// Whether every status/error it applies to sets it.
    pub required: bool,
}

/// A status class.
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
    /// The class of a code in 100..=599.
    pub fn of(code: u16) -> StatusClass {
        match code / 100 {
            1 => StatusClass::Informational,
            2 => StatusClass::Success,
            3 => StatusClass::Redirection,
            4 => StatusClass::ClientError,
            _ => StatusClass::ServerError,
        }
    }

    /// `"4xx"` and so on.
    pub fn key(self) -> &'static str {
        match self {
            StatusClass::Informational => "1xx",
            StatusClass::Success => "2xx",
            StatusClass::Redirection => "3xx",
            StatusClass::ClientError => "4xx",
            StatusClass::ServerError => "5xx",
        }
    }

    /// `"Client error"` and so on (RFC 9110 section 15 headings).
    pub fn title(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Successful",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client error",
            StatusClass::ServerError => "Server error",
        }
    }

    /// The Rust variant name used in generated code (`ClientError`).
    pub fn variant(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Success",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "ClientError",
            StatusClass::ServerError => "ServerError",
        }
    }

    /// Parses `"4xx"`.
    pub fn from_key(key: &str) -> Option<StatusClass> {
        [
            StatusClass::Informational,
            StatusClass::Success,
            StatusClass::Redirection,
            StatusClass::ClientError,
            StatusClass::ServerError,
        ]
        .into_iter()
        .find(|c| c.key().eq_ignore_ascii_case(key))
    }
}

/// An HTTP status the API returns, with everything inherited from the extended catalog.
#[derive(Debug, Clone)]
pub struct Status {
    /// The code.
    pub code: u16,
    /// Where the catalog declares it (the `[statuses.CODE]` key).
    pub span: Span,
    /// The effective reason phrase (the catalog's, else the extended catalog's).
    pub reason: Sp<String>,
    /// The effective description.
    pub description: Option<Sp<String>>,
    /// Other names in use.
    pub aliases: Vec<String>,
    /// Where the status is defined.
    pub reference: Option<String>,
    /// The reason the extended catalog registers for this code, if it has it.
    pub registered_reason: Option<String>,
    /// User attributes (declared ones only, in declaration order of the attributes).
    pub attributes: Vec<(String, Scalar)>,
    /// Response headers every error of this status carries (name as written, literal
    /// value), in the order written. Not inherited from the extended catalog.
    pub headers: Vec<(String, String)>,
    /// The Rust variant name (`NotFound`).
    pub variant: String,
}

impl Status {
    /// The class of the status.
    pub fn class(&self) -> StatusClass {
        StatusClass::of(self.code)
    }

    /// Whether the code is absent from the extended catalog (e.g. 490 for a WAF).
    pub fn is_registered(&self) -> bool {
        self.registered_reason.is_some()
    }

    /// The value of a user attribute.
    pub fn attribute(&self, name: &str) -> Option<&Scalar> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

/// The type of a message field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// `String`.
    String,
    /// `i64`.
    Integer,
    /// `u64`.
    Unsigned,
    /// `f64`.
    Float,
    /// `bool`.
    Boolean,
}

impl FieldType {
    /// Every type, with its catalog name.
    pub const ALL: [(&'static str, FieldType); 5] = [
        ("string", FieldType::String),
        ("integer", FieldType::Integer),
        ("unsigned", FieldType::Unsigned),
        ("float", FieldType::Float),
        ("boolean", FieldType::Boolean),
    ];

    /// The catalog name.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Unsigned => "unsigned",
            FieldType::Float => "float",
            FieldType::Boolean => "boolean",
        }
    }

    /// The Rust type of the generated field.
    pub fn rust_type(self) -> &'static str {
        match self {
            FieldType::String => "String",
            FieldType::Integer => "i64",
            FieldType::Unsigned => "u64",
            FieldType::Float => "f64",
            FieldType::Boolean => "bool",
        }
    }

    /// Whether `value` is of this type (an integer is also a valid float).
    pub fn accepts(self, value: &Scalar) -> bool {
        matches!(
            (self, value),
            (FieldType::String, Scalar::Str(_))
                | (FieldType::Integer, Scalar::Int(_))
                | (FieldType::Unsigned, Scalar::Int(0..))
                | (FieldType::Float, Scalar::Float(_) | Scalar::Int(_))
                | (FieldType::Boolean, Scalar::Bool(_))
        )
    }

    /// `value` as this type holds it: an integer written for a float field becomes a float,
    /// so that examples render as the generated code prints them (`5.0`, not `5`).
    pub fn coerce(self, value: &Scalar) -> Scalar {
        match (self, value) {
            (FieldType::Float, Scalar::Int(i)) => Scalar::Float(*i as f64),
            _ => value.clone(),
        }
    }

    /// The value examples use when the catalog gives none.
    pub fn default_example(self, field: &str) -> Scalar {
        match self {
            FieldType::String => Scalar::Str(format!("<{field}>")),
            FieldType::Integer | FieldType::Unsigned => Scalar::Int(0),
            FieldType::Float => Scalar::Float(0.0),
            FieldType::Boolean => Scalar::Bool(false),
        }
    }
}

/// A typed message placeholder.
#[derive(Debug, Clone)]
pub struct FieldDef {
    /// Its name (a snake_case identifier, the Rust field name).
    pub name: Sp<String>,
    /// Its type.
    pub ty: FieldType,
    /// What it is.
    pub description: Option<Sp<String>>,
    /// The value examples use.
    pub example: Scalar,
}

/// A piece of a message template.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Literal text (braces already unescaped).
    Lit(String),
    /// The value of the field at this index of [`ErrorDef::fields`].
    Field(usize),
}

/// A message template.
#[derive(Debug, Clone)]
pub struct Message {
    /// The template as written.
    pub text: Sp<String>,
    /// Literal text and field references, in order.
    pub pieces: Vec<Piece>,
}

impl Message {
    /// Renders the message with the given field values.
    pub fn render(&self, values: &[Scalar]) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Lit(s) => out.push_str(s),
                Piece::Field(i) => match values.get(*i) {
                    Some(Scalar::Str(s)) => out.push_str(s),
                    Some(v) => out.push_str(&v.to_string()),
                    None => {}
                },
            }
        }
        out
    }
}

/// Deprecation of an error.
#[derive(Debug, Clone)]
pub struct Deprecation {
    /// The version that deprecated it.
    pub since: Option<String>,
    /// The code of the error to use instead.
    pub replaced_by: Option<String>,
    /// Why.
    pub note: Option<String>,
}

/// An example of an error: one value per field.
#[derive(Debug, Clone)]
pub struct Example {
    /// A one-line summary.
    pub summary: Option<String>,
    /// The value of each field of the error, in field order.
    pub values: Vec<Scalar>,
    /// Run-time values left out of this example (`trace_id`, `instance`, context names),
    /// to show a body without them.
    pub omit: Vec<String>,
}

impl Example {
    /// Whether the example leaves out the run-time value `name`.
    pub fn omits(&self, name: &str) -> bool {
        self.omit.iter().any(|o| o == name)
    }
}

/// A cause an error carries on the server: a value of another error type that
/// `std::error::Error::source()` returns and logs show, and that no output for clients
/// (body, headers, message, docs, OpenAPI) ever contains. Rust-only: the generated variant
/// gets a `cause: Option<errcat::Cause>` field.
#[derive(Debug, Clone)]
pub struct CauseDef {
    /// Where the catalog asks for it (`cause = true`, else the `from` key).
    pub span: Span,
    /// The library error types `?` converts into the error, held as its cause: Rust type
    /// paths as written (validated: `::`-separated identifiers), in the order written.
    pub from: Vec<Sp<String>>,
}

/// An application error.
#[derive(Debug, Clone)]
pub struct ErrorDef {
    /// The stable machine-readable code (`invalid_api_key`).
    pub code: Sp<String>,
    /// The Rust variant name (`InvalidApiKey`).
    pub variant: String,
    /// The status it is returned with.
    pub status: Sp<u16>,
    /// A human title.
    pub title: Option<Sp<String>>,
    /// The message template.
    pub message: Message,
    /// Markdown: what happened.
    pub description: Option<Sp<String>>,
    /// Markdown: what to do.
    pub remediation: Option<Sp<String>>,
    /// The request field concerned, as written (`"amount"`, or `"{param}"`).
    pub field: Option<Sp<String>>,
    /// The field's text when it names the error's own fields (`field = "{param}"`): known
    /// at run time only. `None` when the field is literal (or absent).
    pub field_pieces: Option<Vec<Piece>>,
    /// The message's typed placeholders.
    pub fields: Vec<FieldDef>,
    /// Whether a client may retry.
    pub retryable: bool,
    /// Seconds to wait before retrying.
    pub retry_after: Option<u32>,
    /// Deprecation, if any.
    pub deprecated: Option<Deprecation>,
    /// User attributes.
    pub attributes: Vec<(String, Scalar)>,
    /// The error's own response headers (name as written, literal value), in the order
    /// written; [`Catalog::headers_of`] merges them with its status's.
    pub headers: Vec<(String, String)>,
    /// The body template for this error only.
    pub body: Option<Template>,
    /// The item template of this error in a grouped response, replacing its group's.
    pub item: Option<Template>,
    /// Examples; never empty (one is made from the fields' example values if none is written).
    pub examples: Vec<Example>,
    /// The server-side cause the error carries, if the catalog gives it one.
    pub cause: Option<CauseDef>,
}

impl ErrorDef {
    /// The title, else the code.
    pub fn display_title(&self) -> &str {
        self.title
            .as_ref()
            .map_or(self.code.as_str(), |t| t.as_str())
    }

    /// The value of a user attribute.
    pub fn attribute(&self, name: &str) -> Option<&Scalar> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// The request field, when it is literal (known before run time).
    pub fn static_field(&self) -> Option<&str> {
        match self.field_pieces {
            None => self.field.as_ref().map(|f| f.as_str()),
            Some(_) => None,
        }
    }

    /// The request field rendered with the fields' values `values` (one per field).
    pub fn render_field(&self, values: &[Scalar]) -> Option<String> {
        match &self.field_pieces {
            None => self.field.as_ref().map(|f| f.value.clone()),
            Some(pieces) => Some(
                Message {
                    text: Sp::new(String::new(), self.code.span),
                    pieces: pieces.clone(),
                }
                .render(values),
            ),
        }
    }
}

/// A value a body or success template can refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Var {
    /// The status code (a JSON number).
    Status,
    /// The status reason phrase.
    Reason,
    /// The error code.
    Code,
    /// The rendered message.
    Message,
    /// The error's title (else its code).
    Title,
    /// The request field concerned (optional).
    Field,
    /// The error's docs URL (optional).
    DocsUrl,
    /// `retry_after` seconds (optional, a JSON number).
    RetryAfter,
    /// A trace id supplied at run time (optional).
    TraceId,
    /// The RFC 9457 `instance` URI supplied at run time (optional).
    Instance,
    /// The RFC 9457 `type`: the docs URL, else `about:blank`.
    Type,
    /// The success payload (only in `[success]`).
    Content,
    /// The array of a grouped response's items (only in `[groups.NAME] template`).
    Items,
    /// The error's typed fields as a JSON object, each member of its field's JSON type
    /// (optional: absent when the error has no fields). Known at run time.
    Fields,
    /// A user attribute (optional unless required).
    Attribute(String),
    /// The error's own typed field at this index of [`ErrorDef::fields`] (only in the
    /// error's own `body` and `item` templates): known at run time, always present.
    ErrorField(usize),
    /// A value the catalog declares under `[context.NAME]`, supplied at run time (optional).
    Context(String),
}

impl Var {
    /// The names of the built-in placeholders.
    pub const BUILTIN: [&'static str; 14] = [
        "status",
        "reason",
        "code",
        "message",
        "title",
        "field",
        "docs_url",
        "retry_after",
        "trace_id",
        "instance",
        "type",
        "content",
        "items",
        "fields",
    ];

    /// The placeholder's name.
    pub fn name(&self) -> &str {
        match self {
            Var::Status => "status",
            Var::Reason => "reason",
            Var::Code => "code",
            Var::Message => "message",
            Var::Title => "title",
            Var::Field => "field",
            Var::DocsUrl => "docs_url",
            Var::RetryAfter => "retry_after",
            Var::TraceId => "trace_id",
            Var::Instance => "instance",
            Var::Type => "type",
            Var::Content => "content",
            Var::Items => "items",
            Var::Fields => "fields",
            Var::Attribute(a) | Var::Context(a) => a,
            Var::ErrorField(_) => "",
        }
    }

    /// The built-in placeholder with this name.
    pub fn builtin(name: &str) -> Option<Var> {
        Some(match name {
            "status" => Var::Status,
            "reason" => Var::Reason,
            "code" => Var::Code,
            "message" => Var::Message,
            "title" => Var::Title,
            "field" => Var::Field,
            "docs_url" => Var::DocsUrl,
            "retry_after" => Var::RetryAfter,
            "trace_id" => Var::TraceId,
            "instance" => Var::Instance,
            "type" => Var::Type,
            "content" => Var::Content,
            "items" => Var::Items,
            "fields" => Var::Fields,
            _ => return None,
        })
    }

    /// Whether the value is only known at run time (message, trace id, instance, content,
    /// items, the error's own fields, context values, the error's fields as an object).
    pub fn is_runtime(&self) -> bool {
        matches!(
            self,
            Var::Message
                | Var::TraceId
                | Var::Instance
                | Var::Content
                | Var::Items
                | Var::ErrorField(_)
                | Var::Context(_)
                | Var::Fields
        )
    }

    /// Whether the value is supplied by the caller at run time and may be left out
    /// (`{trace_id}`, `{instance}`, context values): never present for certain.
    pub fn is_supplied(&self) -> bool {
        matches!(self, Var::TraceId | Var::Instance | Var::Context(_))
    }
}

/// A piece of a template string.
#[derive(Debug, Clone, PartialEq)]
pub enum TextPiece {
    /// Literal text.
    Lit(String),
    /// A placeholder whose value is always present.
    Var(Var),
}

/// A JSON template.
#[derive(Debug, Clone, PartialEq)]
pub enum Template {
    /// A string made of text and placeholders.
    Text(Vec<TextPiece>),
    /// A whole-value placeholder: keeps the value's JSON type; an object member whose
    /// value is absent is left out.
    Var(Var),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// An array.
    Array(Vec<Template>),
    /// An object.
    Object(Vec<(String, Template)>),
}

/// How the error body is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    /// RFC 9457 problem details.
    Problem,
    /// A user-defined template.
    Template,
}

/// The error response body.
#[derive(Debug, Clone)]
pub struct Body {
    /// How it is defined.
    pub format: BodyFormat,
    /// The template (for `Problem`, the built-in RFC 9457 one).
    pub template: Template,
    /// The response content type.
    pub content_type: String,
    /// Markdown introducing it.
    pub description: Option<Sp<String>>,
    /// Member descriptions by dotted path.
    pub fields: Vec<(String, String)>,
    /// Whether the body's schema lists every member (`closed = true`): adding a member is
    /// then a breaking change. Open by default (clients ignore members they do not know,
    /// as RFC 9457 asks).
    pub closed: bool,
}

/// The success envelope.
#[derive(Debug, Clone)]
pub struct Success {
    /// The template, with `{content}`.
    pub template: Template,
    /// Markdown introducing it.
    pub description: Option<Sp<String>>,
    /// Member descriptions by dotted path.
    pub fields: Vec<(String, String)>,
    /// Whether the envelope's schema lists every member (`closed = true`); open by default.
    pub closed: bool,
}

impl Success {
    /// Whether a member of the envelope is in every successful response (run-time values
    /// the caller may leave out are not).
    pub fn member_always_present(value: &Template) -> bool {
        !matches!(value, Template::Var(v) if v.is_supplied())
    }
}

/// What the OpenAPI document says about the API, from `[openapi]`.
#[derive(Debug, Clone, Default)]
pub struct OpenApiInfo {
    /// `servers`, in the order written.
    pub servers: Vec<Server>,
    /// `info.license`.
    pub license: Option<License>,
    /// `info.contact`.
    pub contact: Option<Contact>,
}

/// A server of the API.
#[derive(Debug, Clone)]
pub struct Server {
    /// Its URL.
    pub url: String,
    /// What it is.
    pub description: Option<String>,
}

/// The API's license.
#[derive(Debug, Clone)]
pub struct License {
    /// Its name.
    pub name: String,
    /// Its URL.
    pub url: Option<String>,
}

/// Who to contact about the API.
#[derive(Debug, Clone)]
pub struct Contact {
    /// A person or team.
    pub name: Option<String>,
    /// A web page.
    pub url: Option<String>,
    /// An email address.
    pub email: Option<String>,
}

/// A client code sample.
#[derive(Debug, Clone)]
pub struct Snippet {
    /// Heading.
    pub title: String,
    /// Code block language.
    pub language: Option<String>,
    /// The code.
    pub code: String,
    /// Markdown before the code.
    pub description: Option<String>,
}

/// A free-form docs section.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading.
    pub title: String,
    /// Markdown.
    pub body: String,
}

/// Documentation prose and the reference page's shape and words.
#[derive(Debug, Clone)]
pub struct Docs {
    /// The page title.
    pub title: Option<String>,
    /// Markdown at the top.
    pub intro: Option<Sp<String>>,
    /// Group the status table by class.
    pub group_by_class: bool,
    /// Markdown per class, in class order.
    pub classes: Vec<(StatusClass, String)>,
    /// Recommendations.
    pub recommendations: Vec<String>,
    /// Client code samples.
    pub snippets: Vec<Snippet>,
    /// Free-form sections.
    pub sections: Vec<Section>,
    /// Where a status's prose goes.
    pub layout: DocsLayout,
    /// The code of the error whose example illustrates the body, when chosen.
    pub example: Option<String>,
    /// The order of the error sections.
    pub error_order: ErrorOrder,
    /// Whether the page has a table of contents.
    pub contents: bool,
    /// The headings.
    pub headings: DocsHeadings,
    /// The table column headers.
    pub columns: DocsColumns,
    /// The labels of an error section's list.
    pub labels: DocsLabels,
    /// Headings of the status class groups that replace the default, in class order.
    pub class_titles: Vec<(StatusClass, String)>,
    /// Column headers and labels of attributes that replace the default: (attribute name,
    /// title).
    pub attribute_titles: Vec<(String, String)>,
}

impl Default for Docs {
    fn default() -> Self {
        Docs {
            title: None,
            intro: None,
            group_by_class: false,
            classes: Vec::new(),
            recommendations: Vec::new(),
            snippets: Vec::new(),
            sections: Vec::new(),
            layout: DocsLayout::Table,
            example: None,
            error_order: ErrorOrder::Status,
            contents: true,
            headings: DocsHeadings::default(),
            columns: DocsColumns::default(),
            labels: DocsLabels::default(),
            class_titles: Vec::new(),
            attribute_titles: Vec::new(),
        }
    }
}

impl Docs {
    /// The heading of a status class group: the catalog's, else `4xx: Client error`.
    pub fn class_title(&self, class: StatusClass) -> String {
        self.class_titles
            .iter()
            .find(|(c, _)| *c == class)
            .map_or_else(
                || format!("{}: {}", class.key(), class.title()),
                |(_, t)| t.clone(),
            )
    }

    /// The column header and label of an attribute: the catalog's, else its name
    /// capitalised with `_` as spaces (`Retry policy` from `retry_policy`).
    pub fn attribute_title(&self, name: &str) -> String {
        if let Some((_, t)) = self.attribute_titles.iter().find(|(n, _)| n == name) {
            return t.clone();
        }
        let words = name.replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// Where the reference page puts a status's prose (`[docs] layout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocsLayout {
    /// In the status table's description column (`"table"`).
    Table,
    /// A summary table, then a section per status holding its prose (`"details"`).
    Details,
}

/// The order of the page's error sections (`[docs] error_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorOrder {
    /// By status code, then in catalog order (`"status"`).
    Status,
    /// In catalog order (`"catalog"`).
    Catalog,
}

macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $default:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            $(#[doc = concat!("Default \"", $default, "\".")] pub $field: String,)*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $($field: $default.to_owned(),)* }
            }
        }
    };
}

words!(
    /// The headings of the reference page (`[docs.headings]`).
    DocsHeadings {
        contents: "Contents",
        statuses: "Status codes",
        body: "Error response body",
        success: "Success envelope",
        errors: "Errors",
        retired: "Retired codes",
        recommendations: "Recommendations",
    }
);

words!(
    /// The table column headers of the reference page (`[docs.columns]`).
    DocsColumns {
        code: "Code",
        reason: "Reason",
        description: "Description",
        errors: "Errors",
        member: "Member",
        ty: "Type",
        always_present: "Always present",
        placeholder: "Placeholder",
        example: "Example",
    }
);

words!(
    /// The labels of an error section's list (`[docs.labels]`).
    DocsLabels {
        code: "Code",
        status: "Status",
        message: "Message",
        field: "Field",
        retryable: "Retryable",
        headers: "Response headers",
        remediation: "What to do",
        example: "Example",
        errors: "Errors",
    }
);

/// An HTTP method of an OpenAPI operation (the fixed fields of an OpenAPI 3.1 Path Item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
    /// `OPTIONS`.
    Options,
    /// `HEAD`.
    Head,
    /// `PATCH`.
    Patch,
    /// `TRACE`.
    Trace,
}

impl Method {
    /// Every method, in the order OpenAPI lists a Path Item's operations.
    pub const ALL: [Method; 8] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
        Method::Trace,
    ];

    /// The method as HTTP writes it (`POST`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }

    /// The key of the operation in an OpenAPI Path Item (`post`).
    pub fn openapi_key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
        }
    }

    /// The method named `name`, in any case (`post`, `POST`).
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

/// One operation of the API (`[operations.ID]`).
#[derive(Debug, Clone)]
pub struct Operation {
    /// Its OpenAPI `operationId` (the table's key).
    pub id: Sp<String>,
    /// Its method and path template (`/receivables/{id}`), when the catalog gives them.
    pub route: Option<(Method, Sp<String>)>,
    /// The codes of the errors it may return besides the common ones, as written (each
    /// names an error of the catalog).
    pub errors: Vec<Sp<String>>,
}

/// The API's operations (`[operations]`).
#[derive(Debug, Clone)]
pub struct Operations {
    /// Where the `[operations]` table is written.
    pub span: Span,
    /// The codes of the errors every operation may return.
    pub common: Vec<Sp<String>>,
    /// The codes of the errors returned to requests that match no operation.
    pub unrouted: Vec<Sp<String>>,
    /// The operations, in the order written.
    pub list: Vec<Operation>,
}

impl Operations {
    /// The operation with this `operationId`.
    pub fn get(&self, id: &str) -> Option<&Operation> {
        self.list.iter().find(|o| o.id.as_str() == id)
    }

    /// The operation at this method and path template.
    pub fn at(&self, method: Method, path: &str) -> Option<&Operation> {
        self.list.iter().find(|o| {
            o.route
                .as_ref()
                .is_some_and(|(m, p)| *m == method && p.as_str() == path)
        })
    }

    /// Whether `op` may return the error with this code (one of its own or a common one).
    pub fn returns(&self, op: &Operation, code: &str) -> bool {
        op.errors
            .iter()
            .chain(&self.common)
            .any(|c| c.as_str() == code)
    }

    /// Whether any operation may return the error with this code, or it is returned to
    /// requests that match no operation.
    pub fn is_returned(&self, code: &str) -> bool {
        self.list
            .iter()
            .flat_map(|o| &o.errors)
            .chain(&self.common)
            .chain(&self.unrouted)
            .any(|c| c.as_str() == code)
    }
}

/// A static JSON value a placeholder stands for, for one error.
#[derive(Debug, Clone, PartialEq)]
pub enum VarValue<'a> {
    /// A string.
    Str(std::borrow::Cow<'a, str>),
    /// A number.
    Int(i64),
    /// A scalar attribute.
    Scalar(&'a Scalar),
    /// An object of named scalars (`{fields}`: field names and values, in field order).
    Object(Vec<(&'a str, &'a Scalar)>),
}

impl Catalog {
    /// The status with this code.
    pub fn status(&self, code: u16) -> Option<&Status> {
        self.status_position(code).map(|i| &self.statuses[i])
    }

    /// The position of the status with this code in [`Catalog::statuses`] (sorted by code).
    pub fn status_position(&self, code: u16) -> Option<usize> {
        self.statuses.binary_search_by_key(&code, |s| s.code).ok()
    }

    /// The error with this code (exact match).
    pub fn error(&self, code: &str) -> Option<&ErrorDef> {
        self.errors.iter().find(|e| e.code.as_str() == code)
    }

    /// Whether any error carries a cause (the generated enum then has `cause` fields and
    /// is not `Copy`).
    pub fn has_causes(&self) -> bool {
        self.errors.iter().any(|e| e.cause.is_some())
    }

    /// Every `from` conversion: the library error type and the error it becomes, in
    /// declaration order (a validated catalog names each type once).
    pub fn conversions(&self) -> impl Iterator<Item = (&str, &ErrorDef)> {
        self.errors.iter().flat_map(|e| {
            e.cause
                .iter()
                .flat_map(move |c| c.from.iter().map(move |t| (t.as_str(), e)))
        })
    }

    /// The errors an operation may return (its own and the common ones), in declaration
    /// order.
    pub fn operation_errors<'a>(&'a self, op: &'a Operation) -> impl Iterator<Item = &'a ErrorDef> {
        let ops = self.operations.as_ref();
        self.errors
            .iter()
            .filter(move |e| ops.is_some_and(|ops| ops.returns(op, &e.code)))
    }

    /// The statuses of the errors an operation may return, sorted by code.
    pub fn operation_statuses<'a>(&'a self, op: &'a Operation) -> impl Iterator<Item = &'a Status> {
        self.statuses
            .iter()
            .filter(move |s| self.operation_errors(op).any(|e| *e.status == s.code))
    }

    /// The errors returned with a status, in declaration order.
    pub fn errors_with_status(&self, code: u16) -> impl Iterator<Item = &ErrorDef> {
        self.errors.iter().filter(move |e| *e.status == code)
    }

    /// The status of an error (always declared in a valid catalog).
    pub fn status_of(&self, error: &ErrorDef) -> &Status {
        self.status(*error.status)
            .expect("validated catalogs declare every error's status")
    }

    /// The errors in the order of the reference page's sections (`[docs] error_order`).
    pub fn docs_errors(&self) -> Vec<&ErrorDef> {
        let mut errors: Vec<&ErrorDef> = self.errors.iter().collect();
        if self.docs.error_order == ErrorOrder::Status {
            errors.sort_by_key(|e| *e.status);
        }
        errors
    }

    /// The error whose example illustrates the error body: the one `[docs] example`
    /// names, else the first in page order that uses the catalog's body.
    pub fn docs_example(&self) -> Option<&ErrorDef> {
        match &self.docs.example {
            Some(code) => self.error(code),
            None => self.docs_errors().into_iter().find(|e| e.body.is_none()),
        }
    }

    /// The code of the error that replaced a retired code, if the catalog says.
    pub fn retired_replacement(&self, retired: &str) -> Option<&str> {
        self.retired_replaced_by
            .iter()
            .find(|(r, _)| r == retired)
            .map(|(_, e)| e.as_str())
    }

    /// The body template of an error: its own, else the catalog's.
    pub fn body_of<'a>(&'a self, error: &'a ErrorDef) -> &'a Template {
        error.body.as_ref().unwrap_or(&self.body.template)
    }

    /// The documentation URL of an error, from the catalog's pattern.
    /// `{code}` and `{status}` are replaced, `{{` and `}}` are a literal `{` and `}` (the
    /// placeholder syntax of every template; validation rejects any other brace).
    pub fn docs_url(&self, error: &ErrorDef) -> Option<String> {
        let pattern = self.docs_url.as_ref()?;
        let mut out = String::with_capacity(pattern.len() + error.code.len());
        let mut rest = pattern.as_str();
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            rest = if let Some(t) = tail.strip_prefix("{{") {
                out.push('{');
                t
            } else if let Some(t) = tail.strip_prefix("}}") {
                out.push('}');
                t
            } else if let Some(t) = tail.strip_prefix("{code}") {
                out.push_str(&error.code);
                t
            } else if let Some(t) = tail.strip_prefix("{status}") {
                out.push_str(&error.status.to_string());
                t
            } else {
                out.push_str(&tail[..1]);
                &tail[1..]
            };
        }
        out.push_str(rest);
        Some(out)
    }

    /// The response headers of an error: its status's, in the order written, each replaced
    /// in place by the error's header of the same name (compared case-insensitively), then
    /// the error's other headers in the order written. Names as written.
    pub fn headers_of<'a>(&'a self, error: &'a ErrorDef) -> Vec<(&'a str, &'a str)> {
        let own = |name: &str| {
            error
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
        };
        let status = self
            .status(*error.status)
            .map_or(&[][..], |s| &s.headers[..]);
        let mut out: Vec<(&str, &str)> = status
            .iter()
            .map(|(n, v)| match own(n) {
                Some((n, v)) => (n.as_str(), v.as_str()),
                None => (n.as_str(), v.as_str()),
            })
            .collect();
        for (n, v) in &error.headers {
            if !status.iter().any(|(s, _)| s.eq_ignore_ascii_case(n)) {
                out.push((n.as_str(), v.as_str()));
            }
        }
        out
    }

    /// The attributes of an error: its own values, else its status's, in declaration order
    /// of the attributes (what the generated tables and clients see).
    pub fn attributes_of<'a>(&'a self, error: &'a ErrorDef) -> Vec<(&'a str, &'a Scalar)> {
        let status = self.status(*error.status);
        self.attributes
            .iter()
            .filter_map(|a| {
                let name = a.name.as_str();
                error
                    .attribute(name)
                    .or_else(|| status.and_then(|s| s.attribute(name)))
                    .map(|v| (name, v))
            })
            .collect()
    }

    /// The attribute declaration with this name.
    pub fn attribute(&self, name: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.name.as_str() == name)
    }

    /// The value a placeholder has for `error`, when it is known before run time.
    /// `None` for run-time placeholders and for absent optional values.
    pub fn static_value<'a>(&'a self, error: &'a ErrorDef, var: &Var) -> Option<VarValue<'a>> {
        use std::borrow::Cow;
        match var {
            Var::Status => Some(VarValue::Int(i64::from(*error.status))),
            Var::Reason => Some(VarValue::Str(Cow::Borrowed(
                self.status_of(error).reason.as_str(),
            ))),
            Var::Code => Some(VarValue::Str(Cow::Borrowed(error.code.as_str()))),
            Var::Title => Some(VarValue::Str(Cow::Borrowed(error.display_title()))),
            Var::Field => error
                .static_field()
                .map(|f| VarValue::Str(Cow::Borrowed(f))),
            Var::DocsUrl => self.docs_url(error).map(|u| VarValue::Str(Cow::Owned(u))),
            Var::Type => Some(VarValue::Str(
                self.docs_url(error)
                    .map_or(Cow::Borrowed("about:blank"), Cow::Owned),
            )),
            Var::RetryAfter => error.retry_after.map(|s| VarValue::Int(i64::from(s))),
            Var::Attribute(name) => error
                .attribute(name)
                .or_else(|| self.status_of(error).attribute(name))
                .map(VarValue::Scalar),
            Var::Message
            | Var::TraceId
            | Var::Instance
            | Var::Content
            | Var::Items
            | Var::ErrorField(_)
            | Var::Context(_)
            | Var::Fields => None,
        }
    }

    /// The item template of `error` in a grouped response: its own, else its group's.
    pub fn item_of<'a>(&'a self, group: &'a Group, error: &'a ErrorDef) -> &'a Template {
        error.item.as_ref().unwrap_or(&group.item)
    }

    /// The group with this name.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.name.as_str() == name)
    }

    /// The groups `error` may appear in, in declaration order.
    pub fn groups_of<'a>(&'a self, error: &'a ErrorDef) -> impl Iterator<Item = &'a Group> {
        let index = self
            .errors
            .iter()
            .position(|e| std::ptr::eq(e, error))
            .or_else(|| self.errors.iter().position(|e| e.code == error.code));
        self.groups
            .iter()
            .filter(move |g| index.is_some_and(|i| g.errors.contains(&i)))
    }

    /// The errors of a group, in the order listed.
    pub fn group_errors<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = &'a ErrorDef> {
        group.errors.iter().filter_map(|i| self.errors.get(*i))
    }

    /// The context value declared with this name.
    pub fn context_value(&self, name: &str) -> Option<&ContextDef> {
        self.context.iter().find(|c| c.name.as_str() == name)
    }

    /// `template` with `{field}` replaced by the error's field when that names the error's
    /// own fields (`field = "{param}"`): a whole-value `{field}` becomes the text of the
    /// field, or the field itself when the field is one placeholder (keeping its JSON
    /// type). Borrowed as is when the field is literal.
    pub fn with_field<'a>(
        &self,
        error: &ErrorDef,
        template: &'a Template,
    ) -> std::borrow::Cow<'a, Template> {
        use std::borrow::Cow;
        let Some(pieces) = &error.field_pieces else {
            return Cow::Borrowed(template);
        };
        fn text(pieces: &[Piece]) -> Vec<TextPiece> {
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Lit(s) => TextPiece::Lit(s.clone()),
                    Piece::Field(i) => TextPiece::Var(Var::ErrorField(*i)),
                })
                .collect()
        }
        fn subst(t: &Template, pieces: &[Piece]) -> Template {
            match t {
                Template::Var(Var::Field) => match pieces {
                    [Piece::Field(i)] => Template::Var(Var::ErrorField(*i)),
                    _ => Template::Text(text(pieces)),
                },
                Template::Text(ps) => Template::Text(
                    ps.iter()
                        .flat_map(|p| match p {
                            TextPiece::Var(Var::Field) => text(pieces),
                            other => vec![other.clone()],
                        })
                        .collect(),
                ),
                Template::Array(items) => {
                    Template::Array(items.iter().map(|i| subst(i, pieces)).collect())
                }
                Template::Object(members) => Template::Object(
                    members
                        .iter()
                        .map(|(k, v)| (k.clone(), subst(v, pieces)))
                        .collect(),
                ),
                other => other.clone(),
            }
        }
        if !template_uses(template, &Var::Field) {
            return Cow::Borrowed(template);
        }
        Cow::Owned(subst(template, pieces))
    }

    /// The body template of an error as sent: [`Catalog::body_of`] with the error's field
    /// filled in ([`Catalog::with_field`]).
    pub fn resolved_body<'a>(&'a self, error: &'a ErrorDef) -> std::borrow::Cow<'a, Template> {
        self.with_field(error, self.body_of(error))
    }

    /// The item template of an error as sent: [`Catalog::item_of`] with the error's field
    /// filled in.
    pub fn resolved_item<'a>(
        &'a self,
        group: &'a Group,
        error: &'a ErrorDef,
    ) -> std::borrow::Cow<'a, Template> {
        self.with_field(error, self.item_of(group, error))
    }

    /// Whether a placeholder has a value in every response with `error`: values the
    /// catalog knows are present when `error` sets them, the message and the error's own
    /// fields always are, run-time values the caller supplies never are for certain.
    pub fn var_always_present(&self, error: &ErrorDef, var: &Var) -> bool {
        match var {
            Var::Message | Var::ErrorField(_) | Var::Content | Var::Items => true,
            Var::TraceId | Var::Instance | Var::Context(_) => false,
            Var::Field => error.field.is_some(),
            Var::Fields => !error.fields.is_empty(),
            other => self.static_value(error, other).is_some(),
        }
    }

    /// Whether a member whose value is `value` is in every body of `error` (only a
    /// whole-value placeholder may be left out): what a schema's `required` lists.
    pub fn member_always_present(&self, error: &ErrorDef, value: &Template) -> bool {
        match value {
            Template::Var(v) => self.var_always_present(error, v),
            _ => true,
        }
    }

    /// Whether a member whose value is `value` is in the body of every error of `errors`
    /// (for a schema shared by several errors: a status's, say).
    pub fn member_always_present_in<'a>(
        &self,
        errors: impl IntoIterator<Item = &'a ErrorDef>,
        value: &Template,
    ) -> bool {
        errors
            .into_iter()
            .all(|e| self.member_always_present(e, value))
    }

    /// Whether every response with `error` sends the header `name` (case-insensitive):
    /// `Retry-After` when the error has `retry_after`, the catalog's literal headers
    /// always, `Content-Type` always.
    pub fn header_always_sent(&self, error: &ErrorDef, name: &str) -> bool {
        if name.eq_ignore_ascii_case("retry-after") {
            return error.retry_after.is_some();
        }
        name.eq_ignore_ascii_case("content-type")
            || self
                .headers_of(error)
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    /// Whether every error returned with the status `code` sends the header `name`: a
    /// response of that status documented once needs it only then. False for a status
    /// no error uses.
    pub fn status_header_always_sent(&self, code: u16, name: &str) -> bool {
        let mut errors = self.errors_with_status(code).peekable();
        errors.peek().is_some() && errors.all(|e| self.header_always_sent(e, name))
    }
}

/// Whether `var` stands anywhere in `t`, as a whole value or in text.
pub fn template_uses(t: &Template, var: &Var) -> bool {
    match t {
        Template::Var(v) => v == var,
        Template::Text(pieces) => pieces
            .iter()
            .any(|p| matches!(p, TextPiece::Var(v) if v == var)),
        Template::Array(items) => items.iter().any(|i| template_uses(i, var)),
        Template::Object(members) => members.iter().any(|(_, v)| template_uses(v, var)),
        Template::Int(_) | Template::Float(_) | Template::Bool(_) => false,
    }
}

impl Template {
    /// The members of an object template, in order (none for other templates).
    pub fn members(&self) -> &[(String, Template)] {
        match self {
            Template::Object(m) => m,
            _ => &[],
        }
    }

    /// The member at a dotted path (`error.id`; `errors[].code` for a member of the items
    /// of an array, which are looked up in `items` when the array is `{items}`), if any.
    pub fn member_at<'a>(
        &'a self,
        path: &str,
        items: Option<&'a Template>,
    ) -> Option<&'a Template> {
        let mut at = self;
        for part in path.split('.') {
            let (key, array) = match part.strip_suffix("[]") {
                Some(k) => (k, true),
                None => (part, false),
            };
            at = at
                .members()
                .iter()
                .rfind(|(k, _)| k == key)
                .map(|(_, v)| v)?;
            if array {
                at = match at {
                    Template::Array(list) => list.first()?,
                    Template::Var(Var::Items) => items?,
                    _ => return None,
                };
            }
        }
        Some(at)
    }
}
