//! Every rule a catalog is checked against: its name (as shown in `error[name]` and used in
//! the `[lints]` table), its default level and one line saying what it checks.

/// What a rule does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Ignored.
    Allow,
    /// A warning: reported, generation proceeds.
    Warn,
    /// An error: nothing is generated.
    Deny,
}

/// A rule's entry in the registry.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Its name.
    pub name: &'static str,
    /// Its level unless the catalog's `[lints]` table says otherwise (only `Warn` rules can
    /// be configured).
    pub default: Level,
    /// What it checks.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($name:literal $level:ident $summary:literal,)*) => {
        /// Every rule, errors first.
        pub const RULES: &[Rule] = &[$(Rule { name: $name, default: Level::$level, summary: $summary },)*];
    };
}

rules! {
    "io" Deny "a catalog file, or a file it includes, cannot be read",
    "toml-syntax" Deny "the file is not valid TOML",
    "unknown-key" Deny "a key the catalog format does not have",
    "invalid-type" Deny "a value of the wrong type or shape",
    "missing-name" Deny "the root catalog has no `[catalog] name`",
    "fragment-section" Deny "an included file holds a section only the root catalog may have",
    "include-cycle" Deny "files include or extend each other in a cycle",
    "unknown-extends" Deny "`extends` names no bundled catalog and no file",
    "status-out-of-range" Deny "a status code outside 100..=599, or not a number",
    "duplicate-status" Deny "a status code declared twice",
    "unknown-status-reason" Deny "a status code outside the extended catalog that has no reason",
    "duplicate-error" Deny "an error code declared twice",
    "invalid-error-code" Deny "an error code that is not a letter followed by letters, digits, `_`, `-` or `.`",
    "rust-name-collision" Deny "two error codes that become the same Rust variant name",
    "rust-keyword" Deny "a name that is a Rust keyword where a Rust identifier is generated",
    "invalid-rust-name" Deny "a configured Rust type name that is not an UpperCamelCase identifier, or both enums given one name",
    "reserved-rust-name" Deny "a name the generated Rust already uses: an enum named after a primitive type or a generated helper, an error whose variant is a generated item (`ERRORS`)",
    "undeclared-status" Deny "an error returned with a status the catalog does not declare",
    "retired-reuse" Deny "an error code that was retired and may never be used again",
    "empty-message" Deny "an error with an empty message",
    "template-syntax" Deny "an unmatched `{` or `}` in a message or template",
    "undeclared-placeholder" Deny "a message placeholder that no field declares",
    "unknown-placeholder" Deny "a body, success or docs-URL placeholder errcat does not know",
    "optional-placeholder-in-text" Deny "an optional value used inside text, where it cannot be left out",
    "unknown-field-type" Deny "a field type other than string, integer, unsigned, float or boolean",
    "invalid-field-name" Deny "a field name that is not a snake_case identifier",
    "unknown-attribute" Deny "an attribute the catalog does not declare",
    "invalid-attribute-value" Deny "an attribute value of the wrong type or outside its allowed values",
    "attribute-not-applicable" Deny "an attribute set where its `applies_to` does not allow it",
    "missing-required-attribute" Deny "a required attribute that is not set",
    "invalid-attribute-schema" Deny "an attribute declaration that contradicts itself",
    "conflicting-retry" Deny "`retry_after` on an error marked `retryable = false`",
    "unknown-replacement" Deny "`deprecated.replaced_by` or `catalog.retired_replaced_by` names no error of the catalog",
    "unknown-retired-code" Deny "`catalog.retired_replaced_by` has an entry for a code that is not retired",
    "invalid-example" Deny "an example value for a field that is not declared or has the wrong type",
    "missing-content-placeholder" Deny "a success envelope without `{content}`",
    "invalid-status-class" Deny "a docs class key other than 1xx, 2xx, 3xx, 4xx or 5xx",
    "invalid-docs-option" Deny "a `[docs]` `layout` other than table or details, or an `error_order` other than status or catalog",
    "unknown-docs-example" Deny "`[docs] example` names no error of the catalog, or one with a body of its own",
    "invalid-header" Deny "a response header name that is not an HTTP token, or a value with control or non-ASCII characters",
    "reserved-header" Deny "a response header errcat sets itself (`Content-Type`, `Content-Length`, `Retry-After`)",
    "conflicting-cause" Deny "`from` on an error marked `cause = false`",
    "cause-field-collision" Deny "an error with a cause that declares a field named `cause`",
    "from-with-fields" Deny "`from` on an error with fields, which a conversion cannot fill",
    "invalid-from-type" Deny "a `from` entry that is not a Rust path to a type",
    "duplicate-from" Deny "a library error type converted into two errors (or listed twice)",
    "unknown-operation-error" Deny "an operation (or `common`, `unrouted`) lists a code that names no error of the catalog",
    "invalid-method" Deny "an operation's method is not one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE",
    "invalid-operation-path" Deny "an operation's path does not start with `/`, or it has a method without a path or a path without a method",
    "duplicate-operation" Deny "two operations with the same method and path",
    "unknown-lint" Deny "a `[lints]` entry that names no rule, or a level other than allow, warn or deny",
    "reason-override" Warn "a standard status given a reason phrase other than its registered one",
    "unregistered-status" Warn "a status code that is not in the extended catalog",
    "empty-text" Warn "an empty description, reason, remediation, title, heading or label",
    "unused-field" Warn "a declared field that the message does not use",
    "success-status-error" Warn "an error returned with a 1xx, 2xx or 3xx status",
    "unreturned-error" Warn "an error that no operation returns, when the catalog lists its operations",
    "docs-url-fragment-mismatch" Warn "a docs URL ending in `#{code}` for a code with upper case letters or `.`, which heading ids cannot match",
    "docs-url-without-code" Warn "a docs URL pattern without `{code}`: every error links to the same page",
}

/// The rule with this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// The default level of a rule (`Deny` for a name that is not registered, which is a bug
/// caught by the rules test).
pub fn default_level(name: &str) -> Level {
    rule(name).map_or(Level::Deny, |r| r.default)
}
