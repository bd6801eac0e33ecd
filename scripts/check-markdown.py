#!/usr/bin/env python3
"""Checks generated markdown pages the way readers' renderers see them.

For each FILE.md:
- pandoc, GitHub's dialect with raw HTML off (`-f gfm-raw_html`): no two elements share
  an id, every in-page link (`#id`) has an element with that id, and the document has no
  raw HTML (Debian's pandoc 2.17 keeps raw HTML in `gfm` even with `-raw_html`, so that
  the ids are those of a reader without HTML either way);
- markdown-it (tools/node_modules, pinned in tools/package.json): the page has no raw HTML
  (no html_block or html_inline token when HTML is allowed), which markdown-it's default
  options (HTML off) would show as text;
- neither shows the `@generated` marker.

Usage: scripts/check-markdown.py FILE.md...   (exit 1 on any finding)
"""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKDOWN_IT = os.path.join(ROOT, "tools", "node_modules", "markdown-it")

# Parses with HTML allowed (to find raw HTML) and renders with the defaults.
NODE = r"""
const markdownit = require(process.argv[1]);
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const html = [];
const walk = (tokens) => {
  for (const t of tokens) {
    if (t.type === 'html_block' || t.type === 'html_inline') html.push(t.content.trim());
    if (t.children) walk(t.children);
  }
};
walk(markdownit({ html: true }).parse(text, {}));
process.stdout.write(JSON.stringify({ html, rendered: markdownit().render(text) }));
"""


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids.append(value)
            if tag == "a" and name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])


def raw_nodes(node):
    """The text of every RawInline and RawBlock of a pandoc JSON AST."""
    if isinstance(node, dict):
        if node.get("t") in ("RawInline", "RawBlock"):
            yield node["c"][1]
            return
        for value in node.values():
            yield from raw_nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from raw_nodes(item)


def check(path):
    problems = []
    html = subprocess.run(
        ["pandoc", "-f", "gfm-raw_html", "-t", "html", path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    parser = Ids()
    parser.feed(html)
    seen = set()
    for i in parser.ids:
        if i in seen:
            problems.append(f"pandoc: duplicate id {i!r}")
        seen.add(i)
    for link in parser.links:
        if link not in seen:
            problems.append(f"pandoc: link #{link} has no target")
    if "@generated" in html:
        problems.append("pandoc: the @generated marker shows")
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "gfm-raw_html", "-t", "json", path],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    for raw in raw_nodes(ast["blocks"]):
        problems.append(f"pandoc: raw HTML {raw[:60]!r}")
    out = subprocess.run(
        ["node", "-e", NODE, MARKDOWN_IT, path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out)
    for h in result["html"]:
        problems.append(f"markdown-it: raw HTML shown as text: {h[:60]!r}")
    if "@generated" in result["rendered"]:
        problems.append("markdown-it: the @generated marker shows")
    return problems, len(parser.links), len(seen)


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        problems, links, ids = check(path)
        for p in problems:
            print(f"{path}: {p}")
        failed |= bool(problems)
        if not problems:
            print(f"{path}: ok ({links} in-page links, {ids} ids)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
