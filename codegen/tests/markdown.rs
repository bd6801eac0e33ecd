//! The markdown emitter: snapshots of every example catalog, the page parsed back with
//! pulldown-cmark (tables, anchors, literal user text), and the facts of the sample pages
//! in tests/fixtures/seeds/ found on the pages of the catalogs that reproduce them.

use errcat_codegen::catalog::Catalog;
use errcat_codegen::markdown;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

mod common;
use common::*;

fn catalog(name: &str) -> Catalog {
    example_catalogs()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no example catalog {name}"))
        .1
}

fn load_text(text: &str) -> Catalog {
    let loaded = errcat_catalog::load_str("test.toml", text);
    let diags = loaded.render_diagnostics(false);
    loaded.catalog.unwrap_or_else(|| panic!("{diags}"))
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table as a reader sees it: the text of its cells.
#[derive(Debug, Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Source lines of the header and rows.
    lines: Vec<String>,
}

/// What the page shows.
#[derive(Debug, Default)]
struct Parsed {
    /// All text, whitespace normalized.
    text: String,
    tables: Vec<Table>,
    /// Raw HTML, inline or block.
    html: Vec<String>,
    /// Fenced code blocks: language and text.
    code_blocks: Vec<(String, String)>,
    /// Headings: level and text.
    headings: Vec<(u8, String)>,
    /// Destinations of links.
    links: Vec<String>,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut text = String::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    let mut code: Option<(String, String)> = None;
    let mut heading: Option<(u8, String)> = None;
    for (event, range) in Parser::new_ext(md, Options::ENABLE_TABLES).into_offset_iter() {
        let piece: Option<String> = match &event {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        };
        if let Some(piece) = &piece {
            text.push_str(piece);
            if let Some(c) = &mut cell {
                c.push_str(piece);
            }
            if let Some((_, h)) = &mut heading {
                h.push_str(piece);
            }
        }
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                if h.trim() == "<br>" {
                    text.push(' ');
                    if let Some(c) = &mut cell {
                        c.push(' ');
                    }
                }
                p.html.push(h.to_string());
            }
            Event::Text(t) => {
                if let Some((_, c)) = &mut code {
                    c.push_str(&t);
                }
            }
            Event::Start(Tag::Table(_)) => {
                p.tables.push(Table::default());
                text.push(' ');
            }
            Event::Start(Tag::Link { dest_url, .. }) => p.links.push(dest_url.to_string()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                p.tables.last_mut().unwrap().header = std::mem::take(&mut row);
                p.tables
                    .last_mut()
                    .unwrap()
                    .lines
                    .push(md[range].lines().next().unwrap_or("").to_owned());
            }
            Event::Start(Tag::TableRow) => {
                p.tables
                    .last_mut()
                    .unwrap()
                    .lines
                    .push(md[range].to_owned());
            }
            Event::End(TagEnd::TableRow) => {
                p.tables
                    .last_mut()
                    .unwrap()
                    .rows
                    .push(std::mem::take(&mut row));
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                row.push(normalize(&cell.take().unwrap_or_default()));
                text.push(' ');
                let _ = in_head;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                p.code_blocks.push(code.take().unwrap());
                text.push(' ');
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                let (l, h) = heading.take().unwrap();
                p.headings.push((l, normalize(&h)));
                text.push(' ');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => text.push(' '),
            _ => {}
        }
    }
    p.text = normalize(&text);
    p
}

/// The text a reader sees of a piece of user markdown.
fn rendered(md: &str) -> String {
    parse(md).text
}

/// The cells of a GFM table row as written: split on pipes not escaped by a backslash.
fn source_cells(line: &str) -> usize {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = 1;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' if chars.peek().is_some() => cells += 1,
            _ => {}
        }
    }
    cells
}

impl Parsed {
    /// The rows of every status table (the tables whose first column is the catalog's
    /// header of the status code column, `Code` by default).
    fn status_rows(&self, catalog: &Catalog) -> Vec<&Vec<String>> {
        let code = &catalog.docs.columns.code;
        self.tables
            .iter()
            .filter(|t| t.header.first().is_some_and(|h| h == code))
            .flat_map(|t| &t.rows)
            .collect()
    }
}

/// Checks the structure every page must have.
fn check_page(name: &str, md: &str) -> Parsed {
    let page = parse(md);
    assert!(
        md.ends_with('\n') && !md.ends_with("\n\n"),
        "{name}: one trailing newline"
    );
    for (i, t) in page.tables.iter().enumerate() {
        assert!(!t.header.is_empty(), "{name}: table {i} has a header");
        for line in &t.lines {
            assert_eq!(
                source_cells(line),
                t.header.len(),
                "{name}: table {i}: the row `{line}` does not have the header's column count"
            );
        }
        assert_eq!(t.lines.len(), t.rows.len() + 1, "{name}: table {i}");
    }
    // No raw HTML: renderers with HTML off would show it as text.
    assert!(page.html.is_empty(), "{name}: raw HTML {:?}", page.html);
    // Headings have distinct ids, and every in-page link is to one of them.
    let ids = anchors(&page);
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(id), "{name}: two headings have the id {id:?}");
    }
    for link in &page.links {
        if let Some(id) = link.strip_prefix('#') {
            assert!(
                ids.iter().any(|i| i == id),
                "{name}: the link {link:?} has no heading"
            );
        }
    }
    page
}

/// The ids of the page's headings, in order.
fn anchors(page: &Parsed) -> Vec<String> {
    page.headings.iter().map(|(_, h)| github_id(h)).collect()
}

#[test]
fn snapshots() {
    for (name, catalog) in example_catalogs() {
        insta::assert_snapshot!(name.clone(), markdown::generate(&catalog));
    }
}

#[test]
fn pages_parse_and_tables_are_whole() {
    for (name, catalog) in example_catalogs() {
        let md = markdown::generate(&catalog);
        let page = check_page(&name, &md);
        assert!(!page.tables.is_empty(), "{name}: has a status table");
        assert_eq!(markdown::generate(&catalog), md, "{name}: deterministic");
        // Every status is a row of a status table with its code, reason and description.
        let status_rows = page.status_rows(&catalog);
        assert_eq!(status_rows.len(), catalog.statuses.len(), "{name}");
        let details = catalog.docs.layout == errcat_codegen::catalog::DocsLayout::Details;
        for (s, row) in catalog.statuses.iter().zip(&status_rows) {
            assert_eq!(row[0], s.code.to_string());
            assert_eq!(row[1], s.reason.as_str());
            if let (true, Some(d)) = (details, &s.description) {
                // A section of its own holds all its prose.
                let heading = format!("{} {}", s.code, s.reason.as_str());
                assert!(
                    page.headings.iter().any(|(l, h)| *l >= 3 && *h == heading),
                    "{name}: no section {heading:?}"
                );
                for paragraph in d.split("\n\n") {
                    let plain = rendered(paragraph);
                    assert!(page.text.contains(&plain), "{name}: {plain:?}");
                }
            } else if let Some(d) = &s.description {
                // The first paragraph at least (markdown emphasis renders as text).
                let first = rendered(d.split("\n\n").next().unwrap());
                assert!(
                    row[2].contains(&first),
                    "{name} {}: {:?} lacks {first:?}",
                    s.code,
                    row[2]
                );
            }
        }
    }
}

#[test]
fn every_error_has_its_section_and_anchor() {
    for (name, catalog) in example_catalogs() {
        let md = markdown::generate(&catalog);
        let page = check_page(&name, &md);
        let ids = anchors(&page);
        for e in &catalog.errors {
            assert!(
                ids.iter().any(|a| a == e.code.as_str()),
                "{name}: anchor {}",
                e.code.as_str()
            );
            // The docs URL points at it: `#{code}` or `/{code}`.
            if let Some(url) = catalog.docs_url(e) {
                let target = url.rsplit(['#', '/']).next().unwrap();
                assert!(ids.iter().any(|a| a == target), "{name}: {url}");
            }
            // Its section is headed by its code, its title after it.
            assert!(
                page.headings
                    .iter()
                    .any(|(l, h)| *l == 3 && h == e.code.as_str())
            );
            assert!(page.text.contains(e.display_title()));
            assert!(
                page.text.contains(&normalize(&e.message.text)),
                "{name}: message"
            );
            for d in e.description.iter().chain(&e.remediation) {
                let plain = rendered(d);
                assert!(page.text.contains(&plain), "{name}: {plain:?}");
            }
            // Each example body is on the page as a JSON code block.
            for ex in &e.examples {
                let body = errcat_codegen::body::error_body(
                    &catalog,
                    e,
                    ex,
                    errcat_codegen::body::EXAMPLE_RUNTIME,
                );
                assert!(
                    page.code_blocks.iter().any(|(lang, code)| lang == "json"
                        && serde_json::from_str::<serde_json::Value>(code).ok()
                            == Some(body.clone())),
                    "{name}: example of {}",
                    e.code.as_str()
                );
            }
        }
        for r in &catalog.retired {
            assert!(
                page.text.contains(r.as_str()),
                "{name}: retired {}",
                r.as_str()
            );
        }
        for (i, rec) in catalog.docs.recommendations.iter().enumerate() {
            let plain = rendered(rec);
            assert!(page.text.contains(&plain), "{name}: recommendation {i}");
        }
        for s in &catalog.docs.snippets {
            assert!(
                page.code_blocks
                    .iter()
                    .any(|(lang, code)| Some(lang.as_str()) == s.language.as_deref()
                        && code.trim_end() == s.code.trim_end()),
                "{name}: snippet {}",
                s.title
            );
        }
        for s in &catalog.docs.sections {
            assert!(page.headings.iter().any(|(l, h)| *l == 2 && *h == s.title));
        }
    }
}

#[test]
fn showcase_groups_by_class_and_shows_attributes_and_deprecation() {
    let catalog = catalog("showcase");
    let md = markdown::generate(&catalog);
    let page = check_page("showcase", &md);
    // The catalog's words, not the defaults.
    let class_headings: Vec<&str> = page
        .headings
        .iter()
        .filter(|(l, h)| *l == 3 && h.contains("xx)"))
        .map(|(_, h)| h.as_str())
        .collect();
    assert_eq!(
        class_headings,
        ["Client Errors (4xx)", "Server Errors (5xx)"]
    );
    for heading in ["Contents", "Summary", "Error format", "Errors"] {
        assert!(
            page.headings.iter().any(|(l, h)| *l == 2 && h == heading),
            "{heading}"
        );
    }
    assert!(!page.headings.iter().any(|(_, h)| h == "Status codes"));
    for (_, text) in &catalog.docs.classes {
        assert!(page.text.contains(text.as_str()));
    }
    let status_tables: Vec<&Table> = page
        .tables
        .iter()
        .filter(|t| t.header[0] == "Status")
        .collect();
    assert_eq!(status_tables.len(), 2);
    // The details layout: no description column, the prose in the statuses' sections.
    assert_eq!(
        status_tables[0].header,
        ["Status", "Meaning", "Type", "Error codes"]
    );
    let row490 = status_tables[0]
        .rows
        .iter()
        .find(|r| r[0] == "490")
        .unwrap();
    assert_eq!(row490[2], "Edge");
    assert_eq!(row490[3], "request_blocked");
    let row409 = status_tables[0]
        .rows
        .iter()
        .find(|r| r[0] == "409")
        .unwrap();
    assert_eq!(
        row409[3],
        "invoice_already_paid, payment_failed (deprecated), card_declined"
    );
    // 429's two paragraphs and list are in its section, after its heading.
    let at = md.find("#### 429 Too Many Requests").unwrap();
    let section = &md[at..md[at..].find("\n#### ").map_or(md.len(), |i| at + i)];
    assert!(section.contains("To stay under the limits:\n\n- spread batch jobs"));
    assert!(page.text.contains(
        "Deprecated since 2.2.0: use card_declined instead. Split into more precise codes."
    ));
    assert!(page.text.contains("Severity: medium"));
    assert!(page.text.contains("Type: Edge"));
    assert!(page.text.contains("How to fix it"));
    assert!(page.text.contains("Retryable: yes, after 30 seconds"));
    // The chosen example is in the body section, and not repeated in its error's section.
    let example = catalog.docs_example().unwrap();
    assert_eq!(example.code.as_str(), "invoice_not_found");
    let body = errcat_codegen::body::error_body(
        &catalog,
        example,
        &example.examples[0],
        errcat_codegen::body::EXAMPLE_RUNTIME,
    );
    let shown = page
        .code_blocks
        .iter()
        .filter(|(_, c)| serde_json::from_str::<serde_json::Value>(c).ok() == Some(body.clone()))
        .count();
    assert_eq!(shown, 1);
    let body_at = md.find("## Error format").unwrap();
    let errors_at = md.find("## Errors").unwrap();
    assert!(md[body_at..errors_at].contains("For example, [`invoice_not_found`]"));
    assert!(md[errors_at..].contains("Example: shown under [Error format](#error-format)."));
    // Error sections follow the status order of the tables.
    let order: Vec<&str> = page
        .headings
        .iter()
        .filter(|(l, h)| *l == 3 && catalog.error(h).is_some())
        .map(|(_, h)| h.as_str())
        .collect();
    let statuses: Vec<u16> = order
        .iter()
        .map(|c| *catalog.error(c).unwrap().status)
        .collect();
    assert!(statuses.is_sorted(), "{order:?}");
}

/// One row of a sample page's status table.
#[derive(Debug)]
struct SeedRow {
    code: u16,
    reason: Option<String>,
    description: Option<String>,
}

/// Reads the status rows of a sample page: `400 | Bad Request -- Your request is invalid. |`
/// (002), `400Bad Request — Invalid parameters` (003), `200 OK | The request ... |` (004).
/// A lone text that ends with a full stop is a description, else a reason.
fn seed_rows(text: &str) -> Vec<SeedRow> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let Some(code) = line.get(..3).and_then(|c| c.parse::<u16>().ok()) else {
            continue;
        };
        if !(100..=599).contains(&code) {
            continue;
        }
        let rest = line[3..].trim_start_matches([' ', '|']);
        let cells: Vec<&str> = rest
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let (reason, description) = match &cells[..] {
            [reason, description] => (Some(*reason), Some(*description)),
            [one] => match one.split_once(" -- ").or_else(|| one.split_once(" — ")) {
                Some((r, d)) => (Some(r), Some(d)),
                None if one.ends_with('.') => (None, Some(*one)),
                None => (Some(*one), None),
            },
            _ => panic!("unexpected seed row {line:?}"),
        };
        rows.push(SeedRow {
            code,
            reason: reason.map(normalize),
            description: description.map(normalize),
        });
    }
    rows
}

#[test]
fn sample_pages_facts_are_on_the_generated_pages() {
    let seeds = repo().join("tests/fixtures/seeds");
    for (seed, name, expected_rows) in [
        ("002_d29483aeed37b9d0.txt", "envelope", 10),
        ("003_b50ae84bfa189b8c.txt", "kapwork", 7),
        ("004_e5cc25701693b159.txt", "classic-http", 8),
    ] {
        let text = std::fs::read_to_string(seeds.join(seed)).expect("seed");
        let rows = seed_rows(&text);
        assert_eq!(rows.len(), expected_rows, "{seed}: {rows:#?}");
        let md = markdown::generate(&catalog(name));
        let page = check_page(name, &md);
        let status_rows = page.status_rows(&catalog(name));
        for r in &rows {
            let row = status_rows
                .iter()
                .find(|row| row[0] == r.code.to_string())
                .unwrap_or_else(|| panic!("{seed}: {} has no row on the page", r.code));
            if let Some(reason) = &r.reason {
                assert_eq!(&row[1], reason, "{seed}: reason of {}", r.code);
            }
            if let Some(d) = &r.description {
                assert!(
                    row[2].contains(d.as_str()),
                    "{seed}: {} lacks {d:?}: {:?}",
                    r.code,
                    row[2]
                );
            }
        }
        // Row order on the sample does not matter, the facts do; and the page says them
        // all as text too.
        for r in &rows {
            for fact in r.reason.iter().chain(&r.description) {
                assert!(page.text.contains(fact.as_str()), "{seed}: {fact:?}");
            }
        }
    }
}

#[test]
fn seed_parser_reads_reason_overrides_and_description_only_rows() {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/seeds/003_b50ae84bfa189b8c.txt"))
            .unwrap();
    let rows = seed_rows(&text);
    assert_eq!(rows[0].reason.as_deref(), Some("Success"));
    assert_eq!(rows[0].description, None);
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/seeds/002_d29483aeed37b9d0.txt"))
            .unwrap();
    let rows = seed_rows(&text);
    let r429 = rows.iter().find(|r| r.code == 429).unwrap();
    assert_eq!(r429.reason, None);
    assert!(
        r429.description
            .as_deref()
            .unwrap()
            .starts_with("You have reached")
    );
}

#[test]
fn user_text_cannot_break_the_page() {
    let catalog = load_text(
        r#"
        [catalog]
        name = "Hostile <b>API</b>"
        extends = "http"
        description = "Intro <script>alert(1)</script> and <img src=x onerror=alert(2)>."
        docs_url = "https://example.com/errors#{code}"

        [attributes.owner]
        type = "string"

        [docs]
        title = "Errors | *of* [the] <i>API</i>"
        recommendations = ["Use <marquee>this</marquee>\nor | that"]

        [[docs.snippets]]
        title = "Fences"
        language = "rust `x` more"
        code = "let s = \"```\";\nlet t = \"````\";\n"

        [[docs.sections]]
        title = "Open fence"
        body = "Text\n\n```\nnever closed"

        [[docs.sections]]
        title = "After"
        body = "This paragraph follows the open fence."

        [body]
        format = "template"
        [body.template]
        message = "{message}"
        [body.fields]
        message = "A | pipe\nand a <table> tag"

        [statuses.400]
        description = "Bad | request\nsecond line\n\n<div>block html</div>\n\n- item | one\n- item two\n\nUse `a|b` and `c\\|d`."
        attributes = { owner = "a|b" }

        [errors.pipe_error]
        status = 400
        title = "Pipe | error <script>"
        message = "Value `{v}` | is ``bad``"
        description = "Has a | pipe and <script>alert(3)</script>."
        remediation = "Run:\n\n    <b>indented</b>\n"
        fields.v = { type = "string", description = "A | value", example = "x|y`z" }
        attributes = { owner = "x|y" }
        "#,
    );
    let md = markdown::generate(&catalog);
    if std::env::var_os("ERRCAT_PRINT_HOSTILE").is_some() {
        println!("{md}");
    }
    let page = check_page("hostile", &md);
    // HTML the user wrote shows literally.
    for literal in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<marquee>this</marquee>",
        "<div>block html</div>",
        "<script>alert(3)</script>",
        "<b>indented</b>",
        "Errors | *of* [the] <i>API</i>",
        "Pipe | error <script>",
    ] {
        assert!(
            page.text.contains(literal),
            "{literal:?} not shown literally in:\n{md}"
        );
    }
    // Pipes and newlines stay inside their cells.
    let status = page.tables.iter().find(|t| t.header[0] == "Code").unwrap();
    assert_eq!(status.rows[0][1], "Bad Request");
    // The cell holds the first paragraph; the status's section all of it.
    assert_eq!(status.rows[0][2], "Bad | request second line More");
    assert!(md.contains("[More](#400-bad-request)"));
    assert!(
        page.text
            .contains("<div>block html</div> item | one item two Use a|b and c\\|d."),
        "{}",
        page.text
    );
    assert_eq!(status.rows[0][3], "a|b");
    let placeholder = page
        .tables
        .iter()
        .find(|t| t.header[0] == "Placeholder")
        .unwrap();
    assert_eq!(placeholder.rows[0], ["{v}", "string", "A | value", "x|y`z"]);
    let members = page
        .tables
        .iter()
        .find(|t| t.header[0] == "Member")
        .unwrap();
    assert_eq!(members.rows[0][3], "A | pipe and a <table> tag");
    // The message with backticks is one code span.
    assert!(page.text.contains("Value `{v}` | is ``bad``"));
    // The snippet is fenced beyond its backticks, with a clean language.
    let snippet = page
        .code_blocks
        .iter()
        .find(|(_, c)| c.contains("let s"))
        .unwrap();
    assert_eq!(snippet.0, "rust");
    assert_eq!(snippet.1, "let s = \"```\";\nlet t = \"````\";\n");
    // The open fence is closed: the next section is a heading, not code.
    assert!(page.headings.iter().any(|(l, h)| *l == 2 && h == "After"));
    assert!(page.text.contains("This paragraph follows the open fence."));
    assert!(
        !page
            .code_blocks
            .iter()
            .any(|(_, c)| c.contains("This paragraph"))
    );
    // The error's heading id is its code, which the docs URL points to.
    assert!(anchors(&page).iter().any(|a| a == "pipe_error"));
}

#[test]
fn classic_page_without_errors() {
    let catalog = catalog("classic-http");
    let md = markdown::generate(&catalog);
    let page = check_page("classic-http", &md);
    assert!(!page.headings.iter().any(|(_, h)| h == "Errors"));
    assert!(!page.headings.iter().any(|(l, _)| *l == 3));
    assert_eq!(page.headings[0], (1, "API error codes".to_owned()));
    let status = page.tables.iter().find(|t| t.header[0] == "Code").unwrap();
    assert_eq!(status.header, ["Code", "Reason", "Description"]);
}

#[test]
fn order_contents_and_words_follow_the_catalog() {
    let text = r#"
        [catalog]
        name = "Demo"
        extends = "http"

        [attributes.team]
        type = "string"

        [docs]
        error_order = "catalog"
        contents = false

        [docs.headings]
        errors = "Codes"

        [docs.columns]
        code = "HTTP"
        errors = "Codes"

        [docs.labels]
        status = "HTTP status"
        message = "Text"

        [docs.attribute_titles]
        team = "Owner"

        [statuses.404]
        attributes = { team = "core" }

        [statuses.400]

        [errors.not_found]
        status = 404
        message = "Not found"

        [errors.bad]
        status = 400
        message = "Bad"
        "#;
    let catalog = load_text(text);
    let md = markdown::generate(&catalog);
    let page = check_page("words", &md);
    let errors: Vec<&str> = page
        .headings
        .iter()
        .filter(|(l, _)| *l == 3)
        .map(|(_, h)| h.as_str())
        .collect();
    assert_eq!(errors, ["not_found", "bad"], "catalog order");
    assert!(!page.headings.iter().any(|(_, h)| h == "Contents"));
    assert!(page.headings.iter().any(|(l, h)| *l == 2 && h == "Codes"));
    let status = page.tables.iter().find(|t| t.header[0] == "HTTP").unwrap();
    assert_eq!(
        status.header,
        ["HTTP", "Reason", "Description", "Owner", "Codes"]
    );
    assert!(page.text.contains("HTTP status: 404 Not Found"));
    assert!(page.text.contains("Text: Not found"));
    assert!(page.text.contains("Owner: core"));
    // The default: status order, and a table of contents.
    let catalog =
        load_text(&text.replace("error_order = \"catalog\"\n        contents = false", ""));
    let page = check_page("default", &markdown::generate(&catalog));
    let errors: Vec<&str> = page
        .headings
        .iter()
        .filter(|(l, _)| *l == 3)
        .map(|(_, h)| h.as_str())
        .collect();
    assert_eq!(errors, ["bad", "not_found"], "status order");
    assert!(
        page.headings
            .iter()
            .any(|(l, h)| *l == 2 && h == "Contents")
    );
}
