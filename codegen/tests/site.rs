//! The site emitter: every example catalog's book has a page per error where its docs URL
//! points, a SUMMARY.md naming every page, no raw HTML, and links that all resolve (to a
//! page of the book, and to a heading of it when they have a fragment).

use errcat_codegen::catalog::Catalog;
use errcat_codegen::site;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashSet};

mod common;
use common::*;

/// What a page holds: heading ids (GitHub's and mdBook's algorithm, written apart from
/// errcat's), link destinations, raw HTML.
#[derive(Default)]
struct Page {
    ids: Vec<String>,
    links: Vec<String>,
    html: Vec<String>,
    headings: Vec<(u8, String)>,
}

fn parse(md: &str) -> Page {
    let mut page = Page::default();
    let mut heading: Option<(u8, String)> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let (l, h) = heading.take().unwrap();
                page.ids.push(github_id(&h));
                page.headings.push((l, h));
            }
            Event::Start(Tag::Link { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => page.html.push(h.to_string()),
            _ => {}
        }
    }
    page
}

/// `link` from the page at `from` (both in `src/`), as a path in `src/` and a fragment.
fn resolve(from: &str, link: &str) -> (String, Option<String>) {
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (link, None),
    };
    if path.is_empty() {
        return (from.to_owned(), fragment);
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            p => parts.push(p),
        }
    }
    (parts.join("/"), fragment)
}

fn check_site(name: &str, catalog: &Catalog) -> BTreeMap<String, String> {
    let files = site::generate(catalog);
    let map: BTreeMap<String, String> = files.iter().cloned().collect();
    assert_eq!(map.len(), files.len(), "{name}: a path written twice");
    assert_eq!(files[0].0, "book.toml");
    assert!(map.contains_key("src/SUMMARY.md") && map.contains_key("src/index.md"));
    let pages: BTreeMap<&str, Page> = map
        .iter()
        .filter_map(|(p, t)| Some((p.strip_prefix("src/")?, parse(t))))
        .collect();
    for (path, page) in &pages {
        assert!(
            page.html.is_empty(),
            "{name}/{path}: raw HTML {:?}",
            page.html
        );
        let mut seen = HashSet::new();
        for id in &page.ids {
            assert!(
                seen.insert(id),
                "{name}/{path}: two headings have the id {id}"
            );
        }
        for link in &page.links {
            if link.starts_with("https://") || link.starts_with("http://") {
                continue;
            }
            let (target, fragment) = resolve(path, link);
            let Some(target_page) = pages.get(target.as_str()) else {
                panic!("{name}/{path}: {link} points to no page ({target})");
            };
            if let Some(f) = fragment {
                assert!(
                    target_page.ids.contains(&f),
                    "{name}/{path}: {link}: no heading #{f} in {target}"
                );
            }
        }
    }
    // SUMMARY.md names every page once.
    let summary = &pages["SUMMARY.md"];
    let mut named: Vec<&str> = summary.links.iter().map(String::as_str).collect();
    named.sort();
    let mut all: Vec<&str> = pages
        .keys()
        .copied()
        .filter(|p| *p != "SUMMARY.md")
        .collect();
    all.sort();
    assert_eq!(named, all, "{name}: SUMMARY.md");
    // Each error's page is where its docs URL points, when the URL's path has the code.
    let per_page = catalog
        .docs_url
        .as_ref()
        .is_some_and(|u| !u.contains('#') && u.contains("{code}"));
    for e in &catalog.errors {
        let expected = match catalog.docs_url(e) {
            // The index page keeps its path.
            Some(url) if per_page && site::page_of_url(&url).unwrap() != "index.md" => {
                site::page_of_url(&url).unwrap()
            }
            _ => format!("errors/{}.md", e.code.as_str()),
        };
        let page = pages
            .get(expected.as_str())
            .unwrap_or_else(|| panic!("{name}: no page {expected}"));
        assert_eq!(page.headings[0], (1, e.display_title().to_owned()));
        let text = &map[&format!("src/{expected}")];
        assert!(text.contains(e.code.as_str()));
        if e.deprecated.is_some() {
            assert!(text.contains("> **Deprecated**"), "{name}: {expected}");
        }
    }
    for r in &catalog.retired {
        let page = map
            .iter()
            .find(|(p, t)| p.ends_with(&format!("/{}.md", r.as_str())) && t.contains("was retired"))
            .unwrap_or_else(|| panic!("{name}: no page for retired {}", r.as_str()));
        if let Some(new) = catalog.retired_replacement(r) {
            assert!(page.1.contains(&format!("It was replaced by [`{new}`]")));
        }
    }
    map
}

#[test]
fn every_example_site_is_whole_and_linked() {
    for (name, catalog) in example_catalogs() {
        let site = check_site(&name, &catalog);
        let again: BTreeMap<String, String> = site::generate(&catalog).into_iter().collect();
        assert_eq!(again, site, "{name}: deterministic");
    }
}

#[test]
fn showcase_site_snapshots() {
    let catalog = example_catalogs()
        .into_iter()
        .find(|(n, _)| n == "showcase")
        .unwrap()
        .1;
    let site: BTreeMap<String, String> = site::generate(&catalog).into_iter().collect();
    insta::assert_snapshot!(
        "showcase-files",
        site.keys().cloned().collect::<Vec<_>>().join("\n")
    );
    for page in [
        "book.toml",
        "src/SUMMARY.md",
        "src/errors/payment_failed.md",
        "src/errors/card_declined_legacy.md",
    ] {
        insta::assert_snapshot!(format!("showcase-{}", page.replace('/', "-")), site[page]);
    }
}

#[test]
fn pages_fall_back_when_the_url_gives_no_page() {
    let loaded = errcat_catalog::load_str(
        "errors.toml",
        r#"
        [catalog]
        name = "Demo"
        extends = "http"
        docs_url = "https://docs.example.com/api/errors#{code}"
        retired = ["old"]

        [statuses.404]

        [errors.index]
        status = 404
        message = "Not here"
        "#,
    );
    let catalog = loaded.catalog.expect("valid");
    let site = check_site("fragment", &catalog);
    assert!(site.contains_key("src/errors/index.md"));
    assert!(site.contains_key("src/retired/old.md"));
    // A code named like the index page does not replace it.
    let loaded = errcat_catalog::load_str(
        "errors.toml",
        r#"
        [catalog]
        name = "Demo"
        extends = "http"
        docs_url = "https://docs.example.com/{code}"

        [statuses.404]

        [errors.index]
        status = 404
        message = "Not here"
        "#,
    );
    let site = check_site("root", &loaded.catalog.expect("valid"));
    assert!(site["src/index.md"].contains("# Demo errors"));
    assert!(site.contains_key("src/errors/index.md"));
}
