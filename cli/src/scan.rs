//! `errcat scan CATALOG SRC...`: the catalog's errors that the code never constructs, and
//! constructions of errors the catalog retired or deprecated.
//!
//! The sources are parsed with syn and walked with its `Visit` trait. A construction is an
//! expression path, a struct expression or a call whose path names a variant of the error
//! enum: `ApiError::X`, `crate::errors::ApiError::X { .. }`, `ApiError::X(..)`, `Self::X`
//! in an `impl ApiError` block, `E::X` after `use ...::ApiError as E` (or `type E =
//! ApiError`), and a bare `X` after `use ApiError::X` or `use ApiError::*`. Patterns
//! (`match`, `if let`, `matches!`'s pattern) are not constructions. Macro arguments are
//! read when they parse as comma-separated expressions (`vec![..]`, `assert_eq!(..)`,
//! `format!(..)`). Items marked `#[cfg(test)]` or `#[test]`, and files marked `@generated`,
//! are not counted: a test that builds an error to compare with proves nothing about the
//! service.
//!
//! An error with `from` conversions is also constructed by the generated `From` impls,
//! wherever `?` meets one of those library errors; syntax cannot see the types `?` works
//! on, so such an error counts as constructed where the code names one of its `from` types
//! (`io::Error`, `rusqlite::Error`, by their last two path segments, or the whole path
//! when it has one).

use crate::args::ScanArgs;
use crate::output::{self, Exit, Fail, Result, Term};
use errcat_catalog::{Diagnostic, Severity, Span, names};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use syn::visit::{self, Visit};

/// Where a variant is constructed.
struct Construction {
    /// The index of the file in `files`.
    file: usize,
    /// 1-based line and 0-based character column, as proc-macro2 gives them.
    line: usize,
    column: usize,
    /// The length of the path, in characters.
    len: usize,
}

/// `errcat scan`.
pub(crate) fn scan(term: &Term, args: &ScanArgs) -> Result<Exit> {
    let loaded = errcat_catalog::load(&args.catalog);
    output::print_diagnostics(term, &loaded);
    let Some(catalog) = &loaded.catalog else {
        return Ok(output::failed_load(term, &loaded, &args.catalog));
    };
    let enum_name = args
        .enum_name
        .clone()
        .unwrap_or_else(|| catalog.rust.error_enum.clone());
    if !names::is_ident(&enum_name) {
        return Err(Fail(format!(
            "--enum `{enum_name}` is not a Rust identifier"
        )));
    }

    let mut files = Vec::new();
    for src in &args.src {
        rust_files(src, &mut files)?;
    }
    let mut texts = Vec::with_capacity(files.len());
    let mut asts = Vec::with_capacity(files.len());
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Fail(format!("cannot read `{}`: {e}", path.display())))?;
        let ast = if is_generated(&text) {
            None
        } else {
            Some(syn::parse_file(&text).map_err(|e| {
                let at = e.span().start();
                Fail(format!(
                    "cannot parse `{}:{}:{}`: {e}",
                    path.display(),
                    at.line,
                    at.column + 1
                ))
            })?)
        };
        texts.push(text);
        asts.push(ast);
    }

    // The variant of each code: the catalog's name for it, unless the enum is written by
    // hand (`#[derive(ErrorCatalog)]`) and renames it with `#[catalog(code = "...")]`.
    let mut renamed: HashMap<String, String> = HashMap::new();
    for ast in asts.iter().flatten() {
        derive_renames(&ast.items, &enum_name, &mut renamed);
    }
    let variant_of = |code: &str| -> String {
        renamed
            .get(code)
            .cloned()
            .unwrap_or_else(|| names::variant_name(code))
    };
    // The variants of the catalog's errors, and those its retired codes had.
    let errors: HashSet<String> = catalog.errors.iter().map(|e| variant_of(&e.code)).collect();
    let variant_names: HashSet<String> = errors
        .iter()
        .cloned()
        .chain(catalog.retired.iter().map(|r| variant_of(r)))
        .collect();
    let mut found: BTreeMap<String, Vec<Construction>> = BTreeMap::new();
    let mut named: HashSet<String> = HashSet::new();
    for (i, ast) in asts.iter().enumerate() {
        let Some(ast) = ast else {
            continue;
        };
        let mut finder = Finder::new(&enum_name, &variant_names, i);
        finder.imports(&ast.items);
        finder.visit_file(ast);
        for (variant, c) in finder.found {
            found.entry(variant).or_default().push(c);
        }
        named.extend(finder.paths);
    }
    // Whether the code names a `from` type: its last two segments end a path of the code.
    let names_type = |ty: &str| {
        let segs: Vec<&str> = ty.split("::").filter(|s| !s.is_empty()).collect();
        let tail = segs[segs.len().saturating_sub(2)..].join("::");
        named
            .iter()
            .any(|p| p == &tail || p.ends_with(&format!("::{tail}")))
    };

    // The findings, as diagnostics into the catalog's files and the Rust sources.
    let mut sources = loaded.sources.clone();
    let ids: Vec<_> = files
        .iter()
        .zip(texts)
        .map(|(p, t)| sources.add(p.clone(), t, false))
        .collect();
    let rust_span = |c: &Construction| -> Span {
        let file = ids[c.file];
        let text = &sources.get(file).text;
        let start = byte_offset(text, c.line, c.column);
        let end = text[start..]
            .char_indices()
            .nth(c.len)
            .map_or(text.len(), |(i, _)| start + i);
        Span::in_file(file, start..end)
    };
    let mut findings: Vec<Diagnostic> = Vec::new();
    let error = |rule: &'static str, message: String| {
        let mut d = Diagnostic::new(rule, message);
        d.severity = Severity::Error;
        d
    };
    for e in &catalog.errors {
        let variant = variant_of(&e.code);
        let path = format!("{enum_name}::{variant}");
        let converted = e
            .cause
            .as_ref()
            .is_some_and(|c| c.from.iter().any(|t| names_type(t)));
        match (found.get(&variant), &e.deprecated) {
            (None, None) if !converted => findings.push(
                error(
                    "never-constructed",
                    format!("error `{}` is declared but never constructed", e.code.as_str()),
                )
                .at(e.code.span, format!("no code constructs `{path}`"))
                .help(format!(
                    "return `{path}` where the API answers with it, or remove the error and list its code in `[catalog] retired`"
                )),
            ),
            (Some(uses), Some(dep)) => {
                for c in uses {
                    let mut d = error(
                        "deprecated-constructed",
                        format!(
                            "`{path}` is constructed, but error `{}` is deprecated",
                            e.code.as_str()
                        ),
                    )
                    .at(rust_span(c), "constructed here")
                    .also(e.code.span, "deprecated here");
                    d = match &dep.replaced_by {
                        Some(r) => d.help(format!(
                            "construct `{enum_name}::{}` instead",
                            variant_of(r)
                        )),
                        None => d.help("stop returning it, then retire its code"),
                    };
                    findings.push(d);
                }
            }
            _ => {}
        }
    }
    for r in &catalog.retired {
        let variant = variant_of(r);
        if errors.contains(&variant) {
            continue;
        }
        for c in found.get(&variant).into_iter().flatten() {
            findings.push(
                error(
                    "retired-constructed",
                    format!(
                        "`{enum_name}::{variant}` is constructed, but its code `{}` is retired",
                        r.as_str()
                    ),
                )
                .at(rust_span(c), "constructed here")
                .also(r.span, "retired here")
                .help("a retired code is never returned again: return another error"),
            );
        }
    }
    findings.sort_by_key(|d| d.primary.as_ref().map(|l| (l.span.file, l.span.start)));
    for d in &findings {
        term.out(&d.render(&sources, term.color_out));
        term.out("\n\n");
    }
    let scanned = format!(
        "{} file{} scanned",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    if findings.is_empty() {
        term.info(&format!(
            "{scanned}: every error of `{}` is constructed, none retired or deprecated",
            args.catalog.display()
        ));
        return Ok(Exit::Ok);
    }
    term.error(&format!(
        "{scanned}: {} finding{}",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    ));
    Ok(Exit::Findings)
}

/// The `#[catalog(code = "...")]` renames of the variants of enums named `enum_name`
/// (a hand-written enum with `#[derive(ErrorCatalog)]`), in every module: code -> variant.
fn derive_renames(items: &[syn::Item], enum_name: &str, out: &mut HashMap<String, String>) {
    for item in items {
        match item {
            syn::Item::Enum(e) if e.ident == enum_name => {
                for v in &e.variants {
                    for a in v.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
                        let _ = a.parse_nested_meta(|meta| {
                            if meta.path.is_ident("code") {
                                let code: syn::LitStr = meta.value()?.parse()?;
                                out.insert(code.value(), v.ident.to_string());
                            } else if meta.input.peek(syn::Token![=]) {
                                let _: syn::Expr = meta.value()?.parse()?;
                            }
                            Ok(())
                        });
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    derive_renames(items, enum_name, out);
                }
            }
            _ => {}
        }
    }
}

/// Whether a file says it is generated (`@generated` in its first lines, the marker
/// errcat's own outputs carry).
fn is_generated(text: &str) -> bool {
    text.lines().take(5).any(|l| l.contains("@generated"))
}

/// The `.rs` files of `path` (a file, or a directory searched recursively, skipping
/// `target` and hidden directories), sorted.
fn rust_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Fail(format!("cannot read `{}`: {e}", path.display())))?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Fail(format!("cannot read `{}`: {e}", path.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name != "target" && !name.starts_with('.') {
                rust_files(&p, out)?;
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
    Ok(())
}

/// The byte offset of a 1-based line and 0-based character column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start..];
    rest.char_indices()
        .nth(column)
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// Walks one file's syntax tree for constructions of the enum's variants.
struct Finder<'a> {
    /// Names of the enum here: its own, and aliases (`use ... as E`, `type E = ...`).
    enum_names: HashSet<String>,
    /// Variants by the name they are imported under (`use ApiError::X as Y`).
    imported: HashMap<String, String>,
    /// `use ApiError::*`: every variant by its own name.
    glob: bool,
    /// The catalog's variant names (retired ones included).
    variants: &'a HashSet<String>,
    /// For each enclosing `impl`, whether it is an `impl` of the enum (`Self::X`).
    impls: Vec<bool>,
    /// Every path the code writes (types, expressions, `use` declarations), `::`-joined.
    paths: HashSet<String>,
    /// Whether the walk is inside a pattern.
    in_pattern: bool,
    file: usize,
    found: Vec<(String, Construction)>,
}

impl<'a> Finder<'a> {
    fn new(enum_name: &str, variants: &'a HashSet<String>, file: usize) -> Finder<'a> {
        Finder {
            enum_names: HashSet::from([enum_name.to_owned()]),
            imported: HashMap::new(),
            glob: false,
            variants,
            impls: Vec::new(),
            paths: HashSet::new(),
            in_pattern: false,
            file,
            found: Vec::new(),
        }
    }

    /// Reads the file's `use` declarations and type aliases first (they may follow their
    /// uses), in every module of the file, enum aliases before variant imports.
    fn imports(&mut self, items: &[syn::Item]) {
        let mut uses = Vec::new();
        for item in items {
            collect_uses(item, &mut uses);
        }
        for item in &uses {
            if let Use::Path(prefix, UseLast::Name(name, _)) = item {
                let mut path = prefix.join("::");
                if !path.is_empty() {
                    path.push_str("::");
                }
                path.push_str(name);
                self.paths.insert(path);
            }
        }
        for item in &uses {
            if let Use::Alias(local, target) = item {
                if self.enum_names.contains(target) {
                    self.enum_names.insert(local.clone());
                }
            }
        }
        for item in uses {
            if let Use::Path(prefix, last) = item {
                let Some(parent) = prefix.last() else {
                    continue;
                };
                if !self.enum_names.contains(parent) {
                    continue;
                }
                match last {
                    UseLast::Glob => self.glob = true,
                    UseLast::Name(name, local) if self.variants.contains(&name) => {
                        self.imported.insert(local, name);
                    }
                    UseLast::Name(..) => {}
                }
            }
        }
    }

    /// The variant a path names, if it names one of the enum.
    fn variant_of(&self, path: &syn::Path) -> Option<String> {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let variant = match segs.as_slice() {
            [single] => match self.imported.get(single) {
                Some(v) => v.clone(),
                None if self.glob => single.clone(),
                None => return None,
            },
            [.., parent, last] => {
                let is_enum = self.enum_names.contains(parent)
                    || (parent == "Self" && self.impls.last() == Some(&true));
                if !is_enum {
                    return None;
                }
                last.clone()
            }
            [] => return None,
        };
        self.variants.contains(&variant).then_some(variant)
    }

    fn record(&mut self, path: &syn::Path) {
        if self.in_pattern {
            return;
        }
        let Some(variant) = self.variant_of(path) else {
            return;
        };
        let start = path
            .segments
            .first()
            .map(|s| s.ident.span().start())
            .unwrap_or_else(|| proc_macro2::Span::call_site().start());
        let end = path
            .segments
            .last()
            .map(|s| s.ident.span().end())
            .unwrap_or(start);
        let len = if end.line == start.line {
            end.column.saturating_sub(start.column)
        } else {
            1
        };
        self.found.push((
            variant,
            Construction {
                file: self.file,
                line: start.line,
                column: start.column,
                len,
            },
        ));
    }
}

/// Whether an item's attributes make it test code: `#[test]`, `#[cfg(test)]`, or a
/// `#[cfg(...)]` naming `test` (`#[cfg(all(test, ...))]`).
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let path = a.path();
        if path.is_ident("test") || path.segments.last().is_some_and(|s| s.ident == "test") {
            return true;
        }
        if !path.is_ident("cfg") {
            return false;
        }
        let mut test = false;
        let _ = a.parse_nested_meta(|meta| {
            test |= meta.path.is_ident("test");
            if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    test |= inner.path.is_ident("test");
                    Ok(())
                })?;
            }
            Ok(())
        });
        test
    })
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            _ => return visit::visit_item(self, item),
        };
        if !is_test(attrs) {
            visit::visit_item(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_test(&f.attrs) {
            visit::visit_impl_item_fn(self, f);
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let is_enum = match &*i.self_ty {
            syn::Type::Path(p) => p
                .path
                .segments
                .last()
                .is_some_and(|s| self.enum_names.contains(&s.ident.to_string())),
            _ => false,
        };
        self.impls.push(is_enum);
        visit::visit_item_impl(self, i);
        self.impls.pop();
    }

    fn visit_expr_path(&mut self, e: &'ast syn::ExprPath) {
        if e.qself.is_none() {
            self.record(&e.path);
        }
        visit::visit_expr_path(self, e);
    }

    fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
        if e.qself.is_none() {
            self.record(&e.path);
        }
        visit::visit_expr_struct(self, e);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let joined: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.paths.insert(joined.join("::"));
        visit::visit_path(self, path);
    }

    // A pattern matches a value; it constructs none (its types still name types).
    fn visit_pat(&mut self, pat: &'ast syn::Pat) {
        let outer = std::mem::replace(&mut self.in_pattern, true);
        visit::visit_pat(self, pat);
        self.in_pattern = outer;
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        use syn::punctuated::Punctuated;
        let Ok(args) =
            mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        else {
            return;
        };
        let name = mac.path.segments.last().map(|s| s.ident.to_string());
        // `matches!(value, PATTERN)`: only the value is an expression.
        let pattern_after_first = matches!(
            name.as_deref(),
            Some("matches" | "assert_matches" | "debug_assert_matches")
        );
        for (i, arg) in args.iter().enumerate() {
            if pattern_after_first && i > 0 {
                break;
            }
            self.visit_expr(arg);
        }
    }
}

/// A `use` declaration or type alias, flattened.
enum Use {
    /// `use a::b::Last;`, `use a::b::Last as Local;`, `use a::b::*;`: the path before
    /// the last part, and the last part.
    Path(Vec<String>, UseLast),
    /// `use a::Target as Local;` or `type Local = a::Target;`.
    Alias(String, String),
}

enum UseLast {
    /// A name and the local name it is imported as.
    Name(String, String),
    /// `*`.
    Glob,
}

fn collect_uses(item: &syn::Item, out: &mut Vec<Use>) {
    match item {
        syn::Item::Use(u) => use_tree(&u.tree, &mut Vec::new(), out),
        syn::Item::Type(t) => {
            if let syn::Type::Path(p) = &*t.ty {
                if let Some(last) = p.path.segments.last() {
                    out.push(Use::Alias(t.ident.to_string(), last.ident.to_string()));
                }
            }
        }
        syn::Item::Mod(m) => {
            for item in m.content.iter().flat_map(|(_, items)| items) {
                collect_uses(item, out);
            }
        }
        syn::Item::Fn(f) => {
            for s in &f.block.stmts {
                if let syn::Stmt::Item(item) = s {
                    collect_uses(item, out);
                }
            }
        }
        _ => {}
    }
}

fn use_tree(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Use>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_tree(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            out.push(Use::Path(prefix.clone(), UseLast::Name(name.clone(), name)));
        }
        syn::UseTree::Rename(r) => {
            let (name, local) = (r.ident.to_string(), r.rename.to_string());
            out.push(Use::Alias(local.clone(), name.clone()));
            out.push(Use::Path(prefix.clone(), UseLast::Name(name, local)));
        }
        syn::UseTree::Glob(_) => out.push(Use::Path(prefix.clone(), UseLast::Glob)),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_tree(t, prefix, out);
            }
        }
    }
}
