//! The site emitter: the catalog as an [mdBook](https://rust-lang.github.io/mdBook/)
//! source, so that `mdbook build` publishes one page per error where its docs URL points.
//!
//! The book holds `book.toml`, `src/SUMMARY.md`, `src/index.md` (the reference page's
//! status tables, body format and prose, linking to the errors' pages), one page per error
//! and one page per retired code. An error's page is at the path of its docs URL when the
//! catalog's `docs_url` puts `{code}` in the path (`https://docs.example.com/errors/{code}`
//! gives `src/errors/CODE.md`, which mdBook publishes as `errors/CODE.html`), else at
//! `src/errors/CODE.md`; a retired code's page likewise, or `src/retired/CODE.md`.
//!
//! Texts are returned without their `@generated` header: the I/O layer adds it.

use crate::markdown::text::push_plain;
use crate::markdown::{self, SitePaths};
use errcat_catalog::{Catalog, StatusClass};
use std::collections::{HashMap, HashSet};

/// The directory `book.toml` tells mdBook to build into, inside the site's directory.
pub const BUILD_DIR: &str = "book";

/// Every file of the site: its path relative to the site's directory (`/`-separated) and
/// its text, in a fixed order (`book.toml`, `src/SUMMARY.md`, `src/index.md`, the errors'
/// pages in page order, the retired codes' pages).
pub fn generate(catalog: &Catalog) -> Vec<(String, String)> {
    let site = paths(catalog);
    let mut files = vec![
        ("book.toml".to_owned(), book_toml(catalog)),
        ("src/SUMMARY.md".to_owned(), summary(catalog, &site)),
        (
            format!("src/{}", site.index),
            markdown::site_index(catalog, &site),
        ),
    ];
    for e in catalog.docs_errors() {
        files.push((
            format!("src/{}", site.errors[e.code.as_str()]),
            markdown::site_error(catalog, &site, e),
        ));
    }
    for code in &catalog.retired {
        files.push((
            format!("src/{}", site.retired[code.as_str()]),
            markdown::site_retired(catalog, &site, code),
        ));
    }
    files
}

/// The path, in the book's source, of the page a URL points to: its path (no scheme, host,
/// query or fragment), `.md` for `.html` or appended, `index.md` in a directory; `None`
/// when the path is not a plain relative path (`..`, `%`-escapes, unusual characters).
pub fn page_of_url(url: &str) -> Option<String> {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            &after[after.find('/').unwrap_or(after.len())..]
        }
        None => url,
    };
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let path = path.trim_start_matches('/');
    let (dir, name) = match path.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, path),
    };
    let safe = |part: &str| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
    };
    if let Some(dir) = dir {
        if !dir.split('/').all(safe) {
            return None;
        }
    }
    let name = if name.is_empty() {
        "index.md".to_owned()
    } else if !safe(name) {
        return None;
    } else if let Some(stem) = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))
    {
        format!("{stem}.md")
    } else {
        format!("{name}.md")
    };
    if name == "SUMMARY.md" {
        return None;
    }
    Some(match dir {
        Some(d) => format!("{d}/{name}"),
        None => name,
    })
}

/// Where every page goes.
fn paths(catalog: &Catalog) -> SitePaths {
    let index = "index.md".to_owned();
    let mut taken: HashSet<String> = HashSet::from([index.clone()]);
    // `{code}` in the URL's path (not only its fragment): a page per error.
    let per_page = catalog.docs_url.as_ref().is_some_and(|u| {
        let u = u.as_str();
        u[..u.find(['?', '#']).unwrap_or(u.len())].contains("{code}")
    });
    let mut place = |url: Option<String>, fallback: String| {
        let path = url
            .filter(|_| per_page)
            .and_then(|u| page_of_url(&u))
            .filter(|p| !taken.contains(p.as_str()) && !taken.contains(&p.to_lowercase()))
            .unwrap_or(fallback);
        taken.insert(path.to_lowercase());
        taken.insert(path.clone());
        path
    };
    let mut errors = HashMap::new();
    for e in catalog.docs_errors() {
        let path = place(
            catalog.docs_url(e),
            format!("errors/{}.md", e.code.as_str()),
        );
        errors.insert(e.code.value.clone(), path);
    }
    let mut retired = HashMap::new();
    for code in &catalog.retired {
        // A retired code has no status: its URL is the pattern's only when `{code}` is its
        // only placeholder.
        let url = catalog.docs_url.as_ref().and_then(|u| {
            (!u.as_str().contains("{status}")).then(|| {
                u.as_str()
                    .replace("{code}", code.as_str())
                    .replace("{{", "{")
                    .replace("}}", "}")
            })
        });
        let path = place(url, format!("retired/{}.md", code.as_str()));
        retired.insert(code.value.clone(), path);
    }
    SitePaths {
        index,
        errors,
        retired,
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The page title of the catalog.
fn title(catalog: &Catalog) -> String {
    catalog
        .docs
        .title
        .clone()
        .unwrap_or_else(|| format!("{} errors", catalog.name.as_str()))
}

fn book_toml(catalog: &Catalog) -> String {
    format!(
        "[book]\ntitle = {}\nlanguage = \"en\"\nsrc = \"src\"\n\n[build]\nbuild-dir = \"{BUILD_DIR}\"\n# A page SUMMARY.md names but errcat did not write is an error, not an empty page.\ncreate-missing = false\n\n[output.html]\nno-section-label = true\n",
        toml_string(&title(catalog))
    )
}

/// A SUMMARY.md link: the name (plain text) and the path.
fn link(out: &mut String, name: &str, path: &str) {
    out.push('[');
    push_plain(out, name);
    out.push_str("](");
    out.push_str(path);
    out.push(')');
}

fn summary(catalog: &Catalog, site: &SitePaths) -> String {
    let mut out = String::from("# Summary\n\n");
    link(&mut out, &title(catalog), &site.index);
    out.push('\n');
    let mut class: Option<StatusClass> = None;
    for e in catalog.docs_errors() {
        let c = StatusClass::of(*e.status);
        if class != Some(c) {
            class = Some(c);
            out.push_str("\n# ");
            push_plain(&mut out, &catalog.docs.class_title(c));
            out.push_str("\n\n");
        }
        out.push_str("- ");
        let mut name = e.display_title().to_owned();
        if e.deprecated.is_some() {
            name.push_str(" (deprecated)");
        }
        link(&mut out, &name, &site.errors[e.code.as_str()]);
        out.push('\n');
    }
    if !catalog.retired.is_empty() {
        out.push_str("\n# ");
        push_plain(&mut out, &catalog.docs.headings.retired);
        out.push_str("\n\n");
        for code in &catalog.retired {
            out.push_str("- ");
            link(&mut out, code, &site.retired[code.as_str()]);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_urls() {
        assert_eq!(
            page_of_url("https://docs.acme.example/errors/missing_key").as_deref(),
            Some("errors/missing_key.md")
        );
        assert_eq!(
            page_of_url("https://x.example/api/errors/404/a.b.html?x=1").as_deref(),
            Some("api/errors/404/a.b.md")
        );
        assert_eq!(
            page_of_url("https://x.example/errors/a/").as_deref(),
            Some("errors/a/index.md")
        );
        assert_eq!(page_of_url("/e/a#x").as_deref(), Some("e/a.md"));
        assert_eq!(page_of_url("https://x.example/../etc/a"), None);
        assert_eq!(page_of_url("https://x.example/e/%2e%2e"), None);
        assert_eq!(page_of_url("https://x.example/e//a"), None);
        assert_eq!(page_of_url("https://x.example/SUMMARY"), None);
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\n""#);
    }
}
