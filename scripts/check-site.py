#!/usr/bin/env python3
"""Checks a site errcat generated, as mdBook built it.

Usage: scripts/check-site.py CATALOG BOOK_DIR

- every error's docs URL (the catalog's `docs_url` with the error's code and status) has a
  page in BOOK_DIR: its path, as `PATH.html`, `PATH/index.html` or `PATH` itself, when the
  URL's path holds the code (else `errors/CODE.html`);
- every link of every HTML page that is not to another site resolves: to a file of the
  book, and, with a fragment, to an element of that file with that id.

The catalog is read with tomllib (includes followed), independently of errcat.
"""

import os
import sys
import tomllib
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


def errors_of(path, seen=None):
    """(code, status) of every error of the catalog at `path` and the files it includes."""
    seen = seen if seen is not None else set()
    path = os.path.normpath(path)
    if path in seen:
        return []
    seen.add(path)
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    out = []
    for inc in doc.get("catalog", {}).get("include", []):
        out += errors_of(os.path.join(os.path.dirname(path), inc), seen)
    out += [(code, e["status"]) for code, e in doc.get("errors", {}).items()]
    return out


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if tag == "a" and name == "href" and value is not None:
                self.links.append(value)


def main(catalog, book):
    problems = []
    with open(catalog, "rb") as f:
        pattern = tomllib.load(f).get("catalog", {}).get("docs_url")
    per_page = bool(pattern) and "{code}" in pattern.split("#")[0].split("?")[0]
    errors = errors_of(catalog)
    for code, status in errors:
        if per_page:
            url = pattern.replace("{code}", code).replace("{status}", str(status))
            path = unquote(urlsplit(url).path).strip("/")
        else:
            path = f"errors/{code}"
        candidates = [f"{path}.html", os.path.join(path, "index.html"), path]
        if path.endswith(".html"):
            candidates = [path]
        if not any(os.path.isfile(os.path.join(book, c)) for c in candidates):
            problems.append(f"{code}: no page for its docs URL ({' or '.join(candidates)})")
    pages = {}
    for root, _, files in os.walk(book):
        for name in files:
            if name.endswith(".html"):
                full = os.path.join(root, name)
                parser = Page()
                with open(full, encoding="utf-8") as f:
                    parser.feed(f.read())
                pages[os.path.relpath(full, book)] = parser
    links = 0
    for rel, page in sorted(pages.items()):
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            links += 1
            target = rel
            if parts.path:
                target = os.path.normpath(
                    os.path.join(os.path.dirname(rel), unquote(parts.path))
                )
                if os.path.isdir(os.path.join(book, target)):
                    target = os.path.join(target, "index.html")
            if not os.path.isfile(os.path.join(book, target)):
                problems.append(f"{rel}: {href} points to no file")
                continue
            if parts.fragment and target in pages:
                if unquote(parts.fragment) not in pages[target].ids:
                    problems.append(f"{rel}: {href}: no id {parts.fragment!r} in {target}")
    for p in problems:
        print(p)
    print(
        f"{book}: {len(errors)} error pages, {len(pages)} HTML files, {links} internal links: "
        + ("FAILED" if problems else "ok")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
