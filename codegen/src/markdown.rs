//! The markdown emitter: one reference page (CommonMark with GFM tables) with a table of
//! contents, the status table (and, in the details layout, a section per status), the error
//! body format, the success envelope, a section per error whose heading is its code (so
//! that the heading id GitHub, pandoc and mdBook give it is the `#code` a docs URL points
//! to), and the catalog's docs prose. The words of headings, columns and labels are the
//! catalog's (`[docs.headings]` and the like), today's English by default.
//!
//! The page needs no raw HTML: every in-page link targets a heading by the id GitHub's
//! algorithm gives it, and every heading's id is made unique by its text (a repeated title
//! gets ` (2)`), so that renderers which number repeated ids agree with the links.
//!
//! What the user wrote is written so that it cannot break the page: raw HTML in their
//! markdown is escaped and shows literally, unclosed code fences are closed, plain text
//! (titles, reasons, attribute values) has its markdown punctuation escaped, table cells
//! have their pipes escaped and their line breaks turned into spaces, and code
//! is fenced with more backticks than it contains.
//!
//! The page is written into one `String` as it goes (see `Page`); user markdown is only
//! parsed when it could hold raw HTML or a code fence (see `text`).

mod groups;
pub(crate) mod text;

use crate::body;
use crate::openapi::{deprecation_text, template_optional, var_description, var_type};
use errcat_catalog::{
    AttributeDef, Catalog, DocsLayout, ErrorDef, Group, Scalar, Status, StatusClass, Template,
    TextPiece,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use text::{
    make_cell, push_code_block, push_code_block_with, push_code_span, push_inline, push_plain,
    push_prose,
};

/// The reference page (no header: the I/O layer adds it).
pub fn generate(catalog: &Catalog) -> String {
    // About 900 bytes a synthetic error takes, so that the page rarely grows.
    let mut page = Page::with_capacity(4096 + 1024 * catalog.errors.len());
    page.contents = catalog.docs.contents;
    // The errors' headings first: their ids are the anchors docs URLs point to.
    let errors = catalog.docs_errors();
    page.ids.reserve(errors.len() + 64);
    let mut ids = HashMap::with_capacity(errors.len());
    let mut headings = HashMap::with_capacity(errors.len());
    for e in &errors {
        let (suffix, id) = page.reserve(&e.code);
        ids.insert(e.code.as_str(), id);
        headings.insert(e.code.as_str(), suffix);
    }
    let mut cx = Cx::new(catalog, Links::Page(ids));
    write_page(&mut page, &mut cx, |page, cx| {
        errors_section(page, cx, &errors, &headings)
    });
    page.finish()
}

/// The index page of the site: the page without its errors' sections, linking to the
/// errors' own pages.
pub(crate) fn site_index(catalog: &Catalog, site: &SitePaths) -> String {
    let mut page = Page::with_capacity(4096 + 256 * catalog.errors.len());
    page.contents = false;
    let mut cx = Cx::new(
        catalog,
        Links::Site {
            site,
            from: site.index.clone(),
        },
    );
    write_page(&mut page, &mut cx, |_, _| {});
    page.finish()
}

/// The site's page of one error.
pub(crate) fn site_error(catalog: &Catalog, site: &SitePaths, e: &ErrorDef) -> String {
    let mut page = Page::with_capacity(4096);
    let mut cx = Cx::new(
        catalog,
        Links::Site {
            site,
            from: site
                .errors
                .get(e.code.as_str())
                .cloned()
                .unwrap_or_default(),
        },
    );
    error(&mut page, &mut cx, e, ErrorHeading::Title);
    page.finish()
}

/// The site's page of a retired code.
pub(crate) fn site_retired(catalog: &Catalog, site: &SitePaths, code: &str) -> String {
    let mut page = Page::with_capacity(1024);
    let cx = Cx::new(
        catalog,
        Links::Site {
            site,
            from: site.retired.get(code).cloned().unwrap_or_default(),
        },
    );
    page.block(|o| {
        o.push_str("# ");
        push_code_span(o, code);
    });
    page.block(|o| {
        push_code_span(o, code);
        o.push_str(
            " was retired: the API no longer returns it, and the code will never be used again.",
        );
    });
    if let Some(new) = catalog.retired_replacement(code) {
        page.block(|o| {
            o.push_str("It was replaced by ");
            cx.push_error_link(o, new);
            o.push('.');
        });
    }
    page.block(|o| {
        o.push_str("See the ");
        o.push('[');
        push_plain(o, &catalog.docs.headings.retired.to_lowercase());
        o.push_str("](");
        o.push_str(&relative(&cx.from(), &site.index));
        o.push(')');
        o.push_str(" of the error reference.");
    });
    page.finish()
}

/// Where the site's pages are: paths in the book's source directory (`errors/x.md`).
pub(crate) struct SitePaths {
    /// The index page.
    pub(crate) index: String,
    /// The page of each error, by code.
    pub(crate) errors: HashMap<String, String>,
    /// The page of each retired code.
    pub(crate) retired: HashMap<String, String>,
}

/// `to` relative to the directory of `from` (both paths in the same tree, `/`-separated).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = match from.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    let to_parts: Vec<&str> = to.split('/').collect();
    let (to_dir, name) = to_parts.split_at(to_parts.len() - 1);
    let common = from_dir
        .iter()
        .zip(to_dir)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = String::new();
    for _ in common..from_dir.len() {
        out.push_str("../");
    }
    for part in &to_dir[common..] {
        out.push_str(part);
        out.push('/');
    }
    out.push_str(name[0]);
    out
}

/// The id GitHub (and pandoc's `gfm_auto_identifiers`, and mdBook) give a heading whose
/// text is `text`: lower case, letters, digits, `_` and `-` kept, spaces made `-`, the rest
/// dropped.
pub fn heading_id(text: &str) -> String {
    let text = text.trim();
    if text.is_ascii() {
        // The same, byte by byte (error codes, most titles).
        let mut id = String::with_capacity(text.len());
        for b in text.bytes() {
            match b {
                b' ' => id.push('-'),
                b if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' => {
                    id.push(char::from(b.to_ascii_lowercase()));
                }
                _ => {}
            }
        }
        return id;
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            _ => None,
        })
        .collect()
}

/// The whole page, with `errors` writing the errors' sections where they go.
fn write_page(page: &mut Page, cx: &mut Cx<'_>, write_errors: impl FnOnce(&mut Page, &mut Cx<'_>)) {
    let catalog = cx.catalog;
    let title = catalog
        .docs
        .title
        .clone()
        .unwrap_or_else(|| format!("{} errors", catalog.name.as_str()));
    page.heading(1, &title);
    let intro = catalog.docs.intro.as_ref().map(|i| i.trim());
    if let Some(intro) = intro {
        page.block(|o| push_prose(o, intro));
    }
    if let Some(d) = &catalog.description {
        // An intro that already says it (kapwork's does) is not repeated.
        if !intro.is_some_and(|i| i.contains(d.trim())) {
            page.block(|o| push_prose(o, d));
        }
    }
    if page.contents {
        page.contents_here(&catalog.docs.headings.contents);
    }

    statuses(page, cx);
    error_body(page, cx);
    success(page, cx);
    groups::groups(page, cx);
    write_errors(page, cx);
    retired(page, cx);
    for snippet in &catalog.docs.snippets {
        page.heading(2, &snippet.title);
        if let Some(d) = &snippet.description {
            page.block(|o| push_prose(o, d));
        }
        page.block(|o| push_code_block(o, &snippet.code, snippet.language.as_deref()));
    }
    if !catalog.docs.recommendations.is_empty() {
        page.heading(2, &catalog.docs.headings.recommendations);
        page.block(|o| {
            for (i, r) in catalog.docs.recommendations.iter().enumerate() {
                if i > 0 {
                    o.push('\n');
                }
                let _ = write!(o, "{}. ", i + 1);
                push_inline(o, r);
            }
        });
    }
    for section in &catalog.docs.sections {
        page.heading(2, &section.title);
        page.block(|o| push_prose(o, &section.body));
    }
}

/// A heading of the table of contents.
struct TocEntry {
    level: usize,
    /// The heading's markdown.
    text: String,
    id: String,
}

/// The page: blocks separated by blank lines, written into one `String`, and the ids of
/// its headings.
struct Page {
    out: String,
    /// The ids given so far (and reserved).
    ids: HashSet<String>,
    /// Whether the page gets a table of contents.
    contents: bool,
    /// Where the table of contents goes, its heading and id.
    toc_at: Option<(usize, String, String)>,
    toc: Vec<TocEntry>,
}

impl Page {
    fn with_capacity(n: usize) -> Page {
        Page {
            out: String::with_capacity(n),
            ids: HashSet::new(),
            contents: true,
            toc_at: None,
            toc: Vec::new(),
        }
    }

    /// Makes `text` a heading text whose id no other heading has: `None` when its own id
    /// is free, else the number to append (` (2)`); returns that and the id.
    fn reserve(&mut self, text: &str) -> (Option<usize>, String) {
        let id = heading_id(text);
        if !id.is_empty() && self.ids.insert(id.clone()) {
            return (None, id);
        }
        let mut n = 2;
        loop {
            let id = heading_id(&format!("{text} ({n})"));
            if self.ids.insert(id.clone()) {
                return (Some(n), id);
            }
            n += 1;
        }
    }

    /// A heading of plain text at `level`, its text made unique; returns its id.
    fn heading(&mut self, level: usize, title: &str) -> String {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let (suffix, id) = self.reserve(&title);
        let text = string(|o| {
            push_plain(o, &title);
            push_suffix(o, suffix);
        });
        self.heading_md(level, text, id.clone());
        id
    }

    /// A heading whose markdown is `text` and id `id` (reserved).
    fn heading_md(&mut self, level: usize, text: String, id: String) {
        self.block(|o| {
            for _ in 0..level {
                o.push('#');
            }
            o.push(' ');
            o.push_str(&text);
        });
        if (2..=3).contains(&level) {
            self.toc.push(TocEntry { level, text, id });
        }
    }

    /// Puts the table of contents here (written at the end, once the headings are known).
    fn contents_here(&mut self, title: &str) {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let (suffix, id) = self.reserve(&title);
        let text = string(|o| {
            push_plain(o, &title);
            push_suffix(o, suffix);
        });
        self.toc_at = Some((self.out.len(), text, id));
    }

    /// A block `write` appends; left out when it is blank.
    fn block(&mut self, write: impl FnOnce(&mut String)) {
        let mark = self.out.len();
        if mark > 0 {
            self.out.push_str("\n\n");
        }
        let start = self.out.len();
        write(&mut self.out);
        if self.out[start..].trim().is_empty() {
            self.out.truncate(mark);
        }
    }

    /// A block of fixed text.
    fn text(&mut self, s: &str) {
        self.block(|o| o.push_str(s));
    }

    fn finish(mut self) -> String {
        if let Some((at, title, _)) = self.toc_at.take() {
            if !self.toc.is_empty() {
                let mut toc = String::from("\n\n## ");
                toc.push_str(&title);
                toc.push_str("\n\n");
                for (i, entry) in self.toc.iter().enumerate() {
                    if i > 0 {
                        toc.push('\n');
                    }
                    if entry.level == 3 {
                        toc.push_str("  ");
                    }
                    toc.push_str("- [");
                    toc.push_str(&entry.text);
                    toc.push_str("](#");
                    toc.push_str(&entry.id);
                    toc.push(')');
                }
                self.out.insert_str(at, &toc);
            }
        }
        self.out.push('\n');
        self.out
    }
}

/// ` (2)` after a heading text made unique.
fn push_suffix(out: &mut String, suffix: Option<usize>) {
    if let Some(n) = suffix {
        let _ = write!(out, " ({n})");
    }
}

/// Where links to errors point.
enum Links<'a> {
    /// Sections of the page: the id of each error's heading, by code.
    Page(HashMap<&'a str, String>),
    /// Pages of the site, from the page `from`.
    Site { site: &'a SitePaths, from: String },
}

/// What every part of the page uses.
struct Cx<'a> {
    catalog: &'a Catalog,
    links: Links<'a>,
    /// The attributes errors have, with their headings.
    attrs: Vec<(&'a AttributeDef, String)>,
    /// The id of the error body's section.
    body_id: Option<String>,
    /// The id of each status's section (details layout).
    status_ids: HashMap<u16, String>,
    /// The error whose example the body section shows.
    example: Option<&'a ErrorDef>,
    /// The groups each error may appear in, by code, in declaration order
    /// (`Catalog::groups_of`, which looks for the error among all of them each time).
    groups_of: HashMap<&'a str, Vec<&'a Group>>,
}

impl<'a> Cx<'a> {
    fn new(catalog: &'a Catalog, links: Links<'a>) -> Cx<'a> {
        Cx {
            catalog,
            links,
            attrs: catalog
                .attributes
                .iter()
                .filter(|a| a.on_errors)
                .map(|a| (a, attribute_heading(catalog, a)))
                .collect(),
            body_id: None,
            status_ids: HashMap::new(),
            example: catalog.docs_example(),
            groups_of: groups_by_error(catalog),
        }
    }

    /// The page links are written from.
    fn from(&self) -> String {
        match &self.links {
            Links::Page(_) => String::new(),
            Links::Site { from, .. } => from.clone(),
        }
    }

    /// Where a link to an error (or, on the site, a retired code) points.
    fn href(&self, code: &str) -> Option<String> {
        match &self.links {
            Links::Page(ids) => ids.get(code).map(|id| format!("#{id}")),
            Links::Site { site, from } => site
                .errors
                .get(code)
                .or_else(|| site.retired.get(code))
                .map(|to| relative(from, to)),
        }
    }

    /// A link to an error, its code as the text (just the code when it has no section).
    fn push_error_link(&self, out: &mut String, code: &str) {
        let link = |out: &mut String, href: [&str; 2]| {
            out.push('[');
            push_code_span(out, code);
            out.push_str("](");
            out.push_str(href[0]);
            out.push_str(href[1]);
            out.push(')');
        };
        match &self.links {
            // `#id`, written without making the href first.
            Links::Page(ids) => match ids.get(code) {
                Some(id) => link(out, ["#", id]),
                None => push_code_span(out, code),
            },
            Links::Site { .. } => match self.href(code) {
                Some(href) => link(out, ["", &href]),
                None => push_code_span(out, code),
            },
        }
    }

    /// [`Cx::push_error_link`] with ` (deprecated)` after deprecated errors.
    fn push_error(&self, out: &mut String, e: &ErrorDef) {
        self.push_error_link(out, &e.code);
        if e.deprecated.is_some() {
            out.push_str(" (deprecated)");
        }
    }

    /// Links to `errors`, separated by commas.
    fn push_errors<'e>(&self, out: &mut String, errors: impl Iterator<Item = &'e ErrorDef>) {
        for (i, e) in errors.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.push_error(out, e);
        }
    }
}

/// `Catalog::groups_of` of every error, by code.
fn groups_by_error(catalog: &Catalog) -> HashMap<&str, Vec<&Group>> {
    let mut by_error: HashMap<&str, Vec<&Group>> = HashMap::new();
    for g in &catalog.groups {
        for e in g.errors.iter().filter_map(|i| catalog.errors.get(*i)) {
            let groups = by_error.entry(e.code.as_str()).or_default();
            // An error listed twice in a group is in it once.
            if !groups.last().is_some_and(|last| std::ptr::eq(*last, g)) {
                groups.push(g);
            }
        }
    }
    by_error
}

/// A row of a GFM table being written.
struct Row<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Row<'a> {
    fn new(out: &'a mut String) -> Row<'a> {
        Row { out, first: true }
    }

    fn separator(&mut self) {
        self.out.push_str(if self.first { "| " } else { " | " });
        self.first = false;
    }

    /// A cell `write` appends, made a table cell (pipes escaped, on one line).
    fn cell(&mut self, write: impl FnOnce(&mut String)) {
        self.separator();
        let start = self.out.len();
        write(self.out);
        make_cell(self.out, start);
    }

    /// A cell written as is.
    fn raw(&mut self, s: &str) {
        self.separator();
        self.out.push_str(s);
    }

    fn end(self) {
        self.out.push_str(" |");
    }
}

/// The header line and delimiter row of a table (the headers are plain text).
fn table_header(out: &mut String, header: &[&str]) {
    let mut row = Row::new(out);
    for h in header {
        row.cell(|o| push_plain(o, h));
    }
    row.end();
    out.push('\n');
    let mut row = Row::new(out);
    for _ in header {
        row.raw("---");
    }
    row.end();
}

/// A table of text cells (written as they are).
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    table_header(out, header);
    for r in rows {
        out.push('\n');
        let mut row = Row::new(out);
        for c in r {
            row.raw(c);
        }
        row.end();
    }
}

fn push_scalar(out: &mut String, v: &Scalar) {
    match v {
        Scalar::Str(s) => push_plain(out, s),
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// The catalog's title of an attribute (`Retry policy` from `retry_policy` by default).
fn attribute_heading(catalog: &Catalog, a: &AttributeDef) -> String {
    catalog.docs.attribute_title(&a.name)
}

fn statuses(page: &mut Page, cx: &mut Cx<'_>) {
    let catalog = cx.catalog;
    if catalog.statuses.is_empty() {
        return;
    }
    let docs = &catalog.docs;
    let details = docs.layout == DocsLayout::Details;
    page.heading(2, &docs.headings.statuses);
    let attrs: Vec<&AttributeDef> = catalog
        .attributes
        .iter()
        .filter(|a| a.on_statuses)
        .collect();
    let attr_headings: Vec<String> = attrs
        .iter()
        .map(|a| attribute_heading(catalog, a))
        .collect();
    let with_errors = !catalog.errors.is_empty();
    let columns = &docs.columns;
    let mut header: Vec<&str> = vec![&columns.code, &columns.reason];
    if !details {
        header.push(&columns.description);
    }
    header.extend(attr_headings.iter().map(String::as_str));
    if with_errors {
        header.push(&columns.errors);
    }
    let status_heading = |s: &Status| format!("{} {}", s.code, s.reason.as_str());
    let level = if docs.group_by_class { 4 } else { 3 };
    // The statuses' sections: reserved now, so that the table can link to them.
    // In the table layout, a description longer than a paragraph gets a section too: a
    // table cell holds one line, and cannot hold a list.
    let sectioned = |s: &Status| {
        s.description
            .as_ref()
            .is_some_and(|d| details || paragraphs(d).nth(1).is_some())
    };
    let mut sections: HashMap<u16, (Option<usize>, String)> = HashMap::new();
    {
        for s in catalog.statuses.iter().filter(|s| sectioned(s)) {
            let title = status_heading(s);
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            let reserved = page.reserve(&title);
            cx.status_ids.insert(s.code, reserved.1.clone());
            sections.insert(s.code, reserved);
        }
    }
    let cx = &*cx;
    let row = |out: &mut String, s: &Status| {
        out.push('\n');
        let mut r = Row::new(out);
        match cx.status_ids.get(&s.code) {
            Some(id) => {
                let _ = write!(r.out_sep(), "[{}](#{id})", s.code);
            }
            None => r.raw(&s.code.to_string()),
        }
        r.cell(|o| push_plain(o, &s.reason));
        if !details {
            r.cell(|o| {
                if let Some(d) = &s.description {
                    let first = paragraphs(d).next().unwrap_or_default();
                    push_inline(o, first);
                    if let Some(id) = cx.status_ids.get(&s.code) {
                        let _ = write!(o, " [More](#{id})");
                    }
                }
            });
        }
        for a in &attrs {
            r.cell(|o| {
                if let Some(v) = s.attribute(&a.name) {
                    push_scalar(o, v);
                }
            });
        }
        if with_errors {
            r.cell(|o| cx.push_errors(o, catalog.errors_with_status(s.code)));
        }
        r.end();
    };
    let group = |page: &mut Page, class: Option<StatusClass>| {
        page.block(|o| {
            table_header(o, &header);
            for s in &catalog.statuses {
                if class.is_none_or(|c| s.class() == c) {
                    row(o, s);
                }
            }
        });
        for s in &catalog.statuses {
            if class.is_some_and(|c| s.class() != c) {
                continue;
            }
            let (Some((suffix, id)), Some(d)) = (sections.get(&s.code), &s.description) else {
                continue;
            };
            let text = string(|o| {
                push_plain(o, &status_heading(s));
                push_suffix(o, *suffix);
            });
            page.heading_md(level, text, id.clone());
            page.block(|o| push_prose(o, d));
            let mut errors = catalog.errors_with_status(s.code).peekable();
            if errors.peek().is_some() {
                page.block(|o| {
                    let _ = write!(o, "**{}:** ", escaped(&docs.labels.errors));
                    cx.push_errors(o, errors);
                });
            }
        }
    };
    if docs.group_by_class {
        let mut classes: Vec<StatusClass> = catalog.statuses.iter().map(Status::class).collect();
        classes.dedup();
        for class in classes {
            page.heading(3, &docs.class_title(class));
            if let Some((_, text)) = docs.classes.iter().find(|(c, _)| *c == class) {
                page.block(|o| push_prose(o, text));
            }
            group(page, Some(class));
        }
    } else {
        for (class, text) in &docs.classes {
            if catalog.statuses.iter().any(|s| s.class() == *class) {
                page.block(|o| {
                    let _ = write!(o, "**{}.** ", escaped(&docs.class_title(*class)));
                    push_inline(o, text);
                });
            }
        }
        group(page, None);
    }
}

impl Row<'_> {
    /// The separator of the next cell, returning the output to write it into.
    fn out_sep(&mut self) -> &mut String {
        self.separator();
        self.out
    }
}

/// The paragraphs (blocks between blank lines) of user markdown.
fn paragraphs(md: &str) -> impl Iterator<Item = &str> {
    md.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Plain text, escaped.
fn escaped(s: &str) -> String {
    string(|o| push_plain(o, s))
}

/// The text of a template string, placeholders as `{name}`.
fn template_text(pieces: &[TextPiece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            TextPiece::Lit(l) => l.replace('{', "{{").replace('}', "}}"),
            TextPiece::Var(v) => format!("{{{}}}", v.name()),
        })
        .collect()
}

fn type_name(catalog: &Catalog, t: &Template) -> String {
    match t {
        Template::Var(v) => var_type(catalog, v).unwrap_or("any").to_owned(),
        Template::Text(_) => "string".into(),
        Template::Int(_) => "integer".into(),
        Template::Float(_) => "number".into(),
        Template::Bool(_) => "boolean".into(),
        Template::Object(_) => "object".into(),
        Template::Array(items) => {
            let mut types: Vec<String> = items.iter().map(|i| type_name(catalog, i)).collect();
            types.dedup();
            match &types[..] {
                [one] => format!("array of {one}"),
                _ => "array".into(),
            }
        }
    }
}

/// `f` applied to a new `String`.
fn string(f: impl FnOnce(&mut String)) -> String {
    let mut s = String::new();
    f(&mut s);
    s
}

/// `Always `x`.` / `Text: `x`.`
fn always(prefix: &str, code: &str) -> String {
    string(|o| {
        o.push_str(prefix);
        push_code_span(o, code);
        o.push('.');
    })
}

/// What a member holds when the catalog does not describe it.
fn default_description(t: &Template) -> String {
    match t {
        Template::Var(v) => string(|o| push_inline(o, &var_description(v))),
        Template::Text(pieces) => {
            if pieces.iter().all(|p| matches!(p, TextPiece::Lit(_))) {
                always("Always ", &template_text(pieces))
            } else {
                always("Text: ", &template_text(pieces))
            }
        }
        Template::Int(i) => always("Always ", &i.to_string()),
        Template::Float(x) => always("Always ", &x.to_string()),
        Template::Bool(b) => always("Always ", &b.to_string()),
        Template::Object(_) | Template::Array(_) => String::new(),
    }
}

/// Rows of the member table of a body or envelope template.
fn member_rows(
    catalog: &Catalog,
    t: &Template,
    path: &str,
    fields: &[(String, String)],
    always: &dyn Fn(&Template) -> bool,
    rows: &mut Vec<Vec<String>>,
) {
    match t {
        Template::Object(members) => {
            for (k, v) in members {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let description = fields.iter().find(|(fp, _)| *fp == p).map_or_else(
                    || default_description(v),
                    |(_, d)| string(|o| push_inline(o, d)),
                );
                let cell = |write: &dyn Fn(&mut String)| {
                    string(|o| {
                        write(o);
                        make_cell(o, 0);
                    })
                };
                rows.push(vec![
                    cell(&|o| push_code_span(o, &p)),
                    type_name(catalog, v),
                    if always(v) { "yes" } else { "no" }.into(),
                    cell(&|o| o.push_str(&description)),
                ]);
                member_rows(catalog, v, &p, fields, always, rows);
            }
        }
        Template::Array(items) => {
            let p = format!("{path}[]");
            for item in items {
                member_rows(catalog, item, &p, fields, always, rows);
            }
        }
        _ => {}
    }
}

fn member_table(page: &mut Page, catalog: &Catalog, t: &Template, fields: &[(String, String)]) {
    member_table_with(page, catalog, t, fields, &|v| {
        !template_optional(catalog, v)
    });
}

/// [`member_table`], whether a member is always present told by `always` (a model query).
fn member_table_with(
    page: &mut Page,
    catalog: &Catalog,
    t: &Template,
    fields: &[(String, String)],
    always: &dyn Fn(&Template) -> bool,
) {
    let mut rows = Vec::new();
    member_rows(catalog, t, "", fields, always, &mut rows);
    if rows.is_empty() {
        return;
    }
    let c = &catalog.docs.columns;
    page.block(|o| {
        table(
            o,
            &[&c.member, &c.ty, &c.always_present, &c.description],
            &rows,
        )
    });
}

fn json_block(page: &mut Page, write: impl FnOnce(&mut String)) {
    page.block(|o| push_code_block_with(o, Some("json"), write));
}

fn error_body(page: &mut Page, cx: &mut Cx<'_>) {
    let catalog = cx.catalog;
    cx.body_id = Some(page.heading(2, &catalog.docs.headings.body));
    if let Some(d) = &catalog.body.description {
        page.block(|o| push_prose(o, d));
    }
    let kind = match catalog.body.format {
        errcat_catalog::BodyFormat::Problem => {
            " ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem details)"
        }
        errcat_catalog::BodyFormat::Template => "",
    };
    page.block(|o| {
        o.push_str("Content type: ");
        push_code_span(o, &catalog.body.content_type);
        o.push_str(kind);
        o.push('.');
    });
    member_table(page, catalog, &catalog.body.template, &catalog.body.fields);
    if let Some(e) = cx.example {
        page.block(|o| {
            o.push_str("For example, ");
            cx.push_error(o, e);
            o.push(':');
        });
        if let Some(ex) = e.examples.first() {
            json_block(page, |o| {
                body::push_error_body_json(o, catalog, e, ex, body::EXAMPLE_RUNTIME)
            });
        }
    }
    let mut own = catalog
        .errors
        .iter()
        .filter(|e| e.body.is_some())
        .peekable();
    if own.peek().is_some() {
        page.block(|o| {
            o.push_str("These errors have a body of their own, shown in their section: ");
            cx.push_errors(o, own);
            o.push('.');
        });
    }
}

fn success(page: &mut Page, cx: &mut Cx<'_>) {
    let catalog = cx.catalog;
    let Some(s) = &catalog.success else {
        return;
    };
    page.heading(2, &catalog.docs.headings.success);
    if let Some(d) = &s.description {
        page.block(|o| push_prose(o, d));
    }
    member_table(page, catalog, &s.template, &s.fields);
    if let Some(example) = body::success_body(catalog, Value::Object(Default::default())) {
        page.text("For example, with an empty object as the content:");
        json_block(page, |o| body::json::push_value(o, &example, 0));
    }
    // Run-time values may be left out: the envelope without them too.
    let supplied = errcat_catalog::template_uses(&s.template, &errcat_catalog::Var::TraceId)
        || errcat_catalog::template_uses(&s.template, &errcat_catalog::Var::Instance)
        || catalog.context.iter().any(|c| {
            errcat_catalog::template_uses(
                &s.template,
                &errcat_catalog::Var::Context(c.name.value.clone()),
            )
        });
    if supplied {
        if let Some(example) = body::success_body_with(
            catalog,
            Value::Object(Default::default()),
            body::Runtime::default(),
        ) {
            page.text("Without the values supplied at run time (their members are left out):");
            json_block(page, |o| body::json::push_value(o, &example, 0));
        }
    }
}

/// The errors' sections of the page (the site gives them pages instead).
fn errors_section(
    page: &mut Page,
    cx: &mut Cx<'_>,
    errors: &[&ErrorDef],
    headings: &HashMap<&str, Option<usize>>,
) {
    if errors.is_empty() {
        return;
    }
    page.heading(2, &cx.catalog.docs.headings.errors);
    for e in errors {
        let suffix = headings.get(e.code.as_str()).copied().flatten();
        error(page, cx, e, ErrorHeading::Code(suffix));
    }
}

/// How an error's section is headed.
#[derive(Clone, Copy)]
enum ErrorHeading {
    /// `### `code`` on the page (with the number that makes its id unique, if any).
    Code(Option<usize>),
    /// `# Title` on its own page.
    Title,
}

fn error(page: &mut Page, cx: &mut Cx<'_>, e: &ErrorDef, heading: ErrorHeading) {
    let catalog = cx.catalog;
    let labels = &catalog.docs.labels;
    match heading {
        ErrorHeading::Code(suffix) => {
            let text = string(|o| {
                push_code_span(o, &e.code);
                push_suffix(o, suffix);
            });
            let id = match &cx.links {
                Links::Page(ids) => ids.get(e.code.as_str()).cloned().unwrap_or_default(),
                Links::Site { .. } => cx
                    .href(&e.code)
                    .map_or_else(String::new, |href| href.trim_start_matches('#').to_owned()),
            };
            page.heading_md(3, text, id);
            if let Some(t) = &e.title {
                page.block(|o| {
                    o.push_str("**");
                    push_plain(o, t);
                    o.push_str("**");
                });
            }
        }
        ErrorHeading::Title => {
            page.heading(1, e.display_title());
        }
    }
    let status = catalog.status_of(e);
    let label = |o: &mut String, l: &str| {
        o.push_str("- **");
        push_plain(o, l);
        o.push_str(":** ");
    };
    page.block(|o| {
        if matches!(heading, ErrorHeading::Title) {
            label(o, &labels.code);
            push_code_span(o, &e.code);
            o.push('\n');
        }
        label(o, &labels.status);
        let _ = write!(o, "{} ", status.code);
        push_plain(o, &status.reason);
        o.push('\n');
        label(o, &labels.message);
        push_code_span(o, &e.message.text);
        if let Some(f) = &e.field {
            o.push('\n');
            label(o, &labels.field);
            push_code_span(o, f);
            if e.field_pieces.is_some() {
                o.push_str(" (made of the error's fields when it is sent)");
            }
        }
        let groups = cx
            .groups_of
            .get(e.code.as_str())
            .map_or(&[][..], Vec::as_slice);
        if !groups.is_empty() {
            o.push_str("\n- **In responses with several errors:** ");
            for (i, g) in groups.iter().enumerate() {
                if i > 0 {
                    o.push_str(", ");
                }
                push_code_span(o, g.name.as_str());
            }
        }
        match (e.retryable, e.retry_after) {
            (_, Some(s)) => {
                o.push('\n');
                label(o, &labels.retryable);
                let _ = write!(o, "yes, after {s} seconds");
            }
            (true, None) => {
                o.push('\n');
                label(o, &labels.retryable);
                o.push_str("yes");
            }
            (false, None) => {}
        }
        let headers = catalog.headers_of(e);
        if !headers.is_empty() {
            o.push('\n');
            label(o, &labels.headers);
            for (i, (name, value)) in headers.iter().enumerate() {
                if i > 0 {
                    o.push_str(", ");
                }
                push_code_span(o, &format!("{name}: {value}"));
            }
        }
        for (a, heading) in &cx.attrs {
            if let Some(v) = e.attribute(&a.name).or_else(|| status.attribute(&a.name)) {
                o.push('\n');
                label(o, heading);
                push_scalar(o, v);
            }
        }
    });
    if let Some(dep) = &e.deprecated {
        let text = deprecation_text(dep, |code| string(|s| cx.push_error_link(s, code)));
        // The note is the user's: escape it like any inline markdown.
        let note = string(|o| push_inline(o, &text));
        page.block(|o| {
            o.push_str("> **");
            o.push_str(&note.replacen("Deprecated", "Deprecated**", 1));
        });
    }
    if let Some(d) = &e.description {
        page.block(|o| push_prose(o, d));
    }
    if let Some(r) = &e.remediation {
        page.block(|o| {
            o.push_str("**");
            push_plain(o, &labels.remediation);
            o.push_str("**");
        });
        page.block(|o| push_prose(o, r));
    }
    let columns = &catalog.docs.columns;
    if !e.fields.is_empty() {
        page.block(|o| {
            table_header(
                o,
                &[
                    &columns.placeholder,
                    &columns.ty,
                    &columns.description,
                    &columns.example,
                ],
            );
            for f in &e.fields {
                o.push('\n');
                let mut r = Row::new(o);
                // `{name}`: a field name has no backtick or line break to look for.
                r.cell(|o| {
                    o.push('`');
                    o.push('{');
                    o.push_str(&f.name);
                    o.push_str("}`");
                });
                r.raw(f.ty.as_str());
                r.cell(|o| {
                    if let Some(d) = &f.description {
                        push_inline(o, d);
                    }
                });
                r.cell(|o| match &f.example {
                    Scalar::Str(s) => push_code_span(o, s),
                    other => push_code_span(o, &other.to_string()),
                });
                r.end();
            }
        });
    }
    // On the page, the body section already shows the example error's first example.
    let shown = matches!(heading, ErrorHeading::Code(_))
        && cx.example.is_some_and(|x| std::ptr::eq(x, e))
        && cx.body_id.is_some();
    for (i, ex) in e.examples.iter().enumerate() {
        page.block(|o| {
            push_plain(o, &labels.example);
            o.push(':');
            if let Some(s) = &ex.summary {
                o.push(' ');
                push_inline(o, s);
            }
            if i == 0 && shown {
                if let Some(id) = &cx.body_id {
                    o.push_str(" shown under [");
                    push_plain(o, &catalog.docs.headings.body);
                    let _ = write!(o, "](#{id}).");
                }
            }
        });
        if i == 0 && shown {
            continue;
        }
        json_block(page, |o| {
            body::push_error_body_json(o, catalog, e, ex, body::EXAMPLE_RUNTIME)
        });
    }
}

fn retired(page: &mut Page, cx: &mut Cx<'_>) {
    let catalog = cx.catalog;
    if catalog.retired.is_empty() {
        return;
    }
    page.heading(2, &catalog.docs.headings.retired);
    page.text("These codes were removed and are never used again:");
    page.block(|o| {
        for (i, c) in catalog.retired.iter().enumerate() {
            if i > 0 {
                o.push('\n');
            }
            o.push_str("- ");
            match (&cx.links, cx.href(c)) {
                (Links::Site { .. }, Some(href)) => {
                    o.push('[');
                    push_code_span(o, c);
                    let _ = write!(o, "]({href})");
                }
                _ => push_code_span(o, c),
            }
            if let Some(new) = catalog.retired_replacement(c) {
                o.push_str(": replaced by ");
                cx.push_error_link(o, new);
            }
        }
    });
}
