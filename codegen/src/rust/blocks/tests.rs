//! `code_blocks` against pulldown-cmark (the parser rustdoc uses): the same blocks, at the
//! same lines, wherever `code_blocks` follows the text.

use super::oracle::{Seen, as_seen, has_rust_block, pulldown_blocks};
use super::*;
use crate::rust::{__code_blocks, docs::is_rust_info};

fn ours(md: &str) -> Option<Vec<Seen>> {
    Some(as_seen(md, __code_blocks(md)?))
}

/// Compares both on `md`; `false` when `code_blocks` does not follow it.
fn agree(md: &str) -> bool {
    let Some(ours) = ours(md) else {
        return false;
    };
    assert_eq!(ours, pulldown_blocks(md), "markdown: {md:?}");
    true
}

fn found(md: &str) -> Vec<(Option<&str>, &str)> {
    code_blocks(md)
        .expect("followed")
        .into_iter()
        .map(|b| (b.info, &md[b.range.start..b.range.end.max(b.range.start)]))
        .collect()
}

#[test]
fn blocks_of_each_kind() {
    assert_eq!(
        found("a\n\n    code\n    more\n\n\nb"),
        [(None, "code\n    more\n")]
    );
    assert_eq!(found("```rust\nx\n```\ny")[0].0, Some("rust"));
    // Indented text after a paragraph continues it.
    assert_eq!(found("a\n    b"), []);
    assert_eq!(found("- a\n\n      code\n\nb"), [(None, "code\n")]);
    assert_eq!(
        found("> x\n>\n>     code\n>     c2\n> "),
        [(None, "code\n>     c2\n")]
    );
    // Inside an HTML block of kind 6, a fence is HTML.
    assert_eq!(found("<div>\n```rust\n</div>"), []);
    // Not followed: link reference definitions, escapes in an info string.
    assert_eq!(code_blocks("[a]: b\n===\n    code"), None);
    assert_eq!(code_blocks("```ru\\st\n```"), None);
    assert_eq!(code_blocks("-\t\tfoo"), None);
    assert_eq!(code_blocks("a\rb"), None);
    // Found by the fuzz target doc_blocks: pulldown-cmark trims a vertical tab from an
    // info string, and reads a line of form feeds as blank.
    assert_eq!(code_blocks("```\x0b\nx\n```"), None);
    assert_eq!(code_blocks("<div>\n\x0c\n```rust\nx\n```"), None);
}

/// Hand-picked cases of each rule, from CommonMark's spec sections on containers and code.
#[test]
fn agrees_on_the_rules() {
    let cases = [
        "    a\n      b\n\n    c",
        "  - foo\n\n    bar",
        "1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.",
        "- one\n\n two",
        "- one\n\n  two",
        " -    one\n\n     two",
        " -    one\n\n      two",
        "-    one\n\n      two",
        "-     one\n\n      two",
        "1.     indented code\n\n   paragraph\n\n       more code",
        "   > > 1.  one\n>>\n>>     two",
        ">>- one\n>>\n  >  > two",
        "-\n  foo\n-\n  ```\n  bar\n  ```\n-\n      baz",
        "-\n\n  foo",
        "- foo\n-\n- bar",
        "1. a\n\n  2. b\n\n    3. c",
        "- a\n - b\n  - c\n   - d\n    - e",
        "10) foo\n    - bar",
        "- # Foo\n- Bar\n  ---\n  baz",
        "> ```\n> aaa\n\nbbb",
        "> foo\n    - bar",
        ">     code\n\n>    not code",
        "> foo\n\n    code",
        "```\n\n  \n```",
        "``` ```\naaa",
        "~~~~~~\naaa\n~~~ ~~",
        "   ```\n   aaa\n    aaa\n  aaa\n   ```",
        "    ```\n    aaa\n    ```",
        "```\naaa\n    ```",
        "- ```\n  a\n```\nb",
        "foo\n```\nbar\n```\nbaz",
        "foo\n---\n    code",
        "foo\n===\n    code",
        "# Heading\n    code",
        "***\n    code",
        "* * *\n    code",
        "- - -\n    code",
        "Foo\n    bar",
        "    foo\nbar",
        "<div>\n    code\n</div>\n\n    code",
        "<!-- a\n    b\n-->\n    c",
        "<pre>\n```rust\n</pre>\n```rust\nx\n```",
        "a\n<div>\n    code",
        "> <!-- x\n> y -->\n>     code",
        "2. a\n\n    code",
        "a\n2. b\n\n    code",
        "a\n1. b\n\n      code",
        "a\n-\n\n    code",
        "a\r\n\r\n    code\r\n    more\r\n\r\nb",
        "````\n```rust\n````\n    code",
        "- a\n\n\n    code",
        "- a\n  - b\n\n        code",
        "1234567890. not a list\n\n    code",
        "123456789. list\n\n    code",
        "01. a\n\n    code",
        "a\n01. b\n    code",
        ">     code\n    lazy?",
        "> para\n    lazy",
        "- para\n    lazy\n\n    code",
        "```rust  \ncode\n```",
        "[a]: /b\n    code",
        "[a]: /b\n\n    code",
        "[//]: # (x)\n    code",
        "[a]: /b\n```\nx\n```",
        "[a]: /b\n---\n    code",
        "> [a]: /b\n    code",
        "- [a]: /b\n\n      code",
        "```  rust , ignore\ncode\n```",
        "~~~ `rust`\ncode\n~~~",
    ];
    let mut followed = 0;
    for md in cases {
        followed += usize::from(agree(md));
    }
    assert_eq!(followed, cases.len());
}

/// A small generator (xorshift) of markdown built from the pieces block structure is made
/// of: every text it follows must give pulldown-cmark's blocks.
#[test]
fn agrees_on_generated_markdown() {
    const PIECES: &[&str] = &[
        "```",
        "~~~",
        "````",
        "```rust",
        "```json",
        "``` ignore",
        " ",
        "  ",
        "   ",
        "    ",
        "> ",
        ">",
        "- ",
        "* ",
        "+ ",
        "-",
        "1. ",
        "2) ",
        "1.",
        "10. ",
        "# ",
        "#",
        "---",
        "===",
        "***",
        "_ _ _",
        "<div>",
        "</div>",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "<?",
        "?>",
        "<span>",
        "text",
        "a",
        "b c",
        "`",
        "\n",
        "\n",
        "\n",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "&",
        "é",
        "\u{a0}",
        "code",
        "let x = 1;",
        "[",
        "]",
        "[a]: /b",
    ];
    let mut state: u64 = std::env::var("BLOCKS_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x2545_f491_4f6c_dd1d);
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    let total = std::env::var("BLOCKS_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30_000);
    let max_len = std::env::var("BLOCKS_LEN")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24);
    let mut followed = 0;
    for _ in 0..total {
        let len = 1 + next(max_len);
        let md: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
        followed += usize::from(agree(&md));
    }
    // Most texts are followed: the rest (an HTML tag that may open a block, an escape or
    // entity in an info string) become one text block, correct but plainer.
    eprintln!("{followed} of {total} followed");
    assert!(followed * 10 >= total * 9, "{followed} of {total} followed");
}

/// Whatever the text, followed or not (tabs, lone carriage returns, link reference
/// definitions, escapes, raw HTML), the doc text made of it holds no block rustdoc runs.
#[test]
fn doc_text_never_holds_a_rust_block() {
    const PIECES: &[&str] = &[
        "```",
        "~~~",
        "````",
        "```rust",
        "``` ignore",
        "    ",
        "  ",
        " ",
        "\t",
        "> ",
        "- ",
        "* ",
        "1. ",
        "2) ",
        "-",
        "# ",
        "---",
        "===",
        "<div>",
        "</div>",
        "<span>",
        "<!--",
        "-->",
        "[x]: /y",
        "[",
        "\\",
        "&#114;",
        "&amp;",
        "\r",
        "\r\n",
        "\n",
        "\n",
        "\n",
        "\n",
        "text",
        "`",
        "a b",
        "\u{202e}",
        "\x0b",
        "\x0c",
        "é",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    for _ in 0..20_000 {
        let len = 1 + next(24);
        let md: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
        let sanitized = crate::rust::docs::sanitize(&md);
        assert!(
            !has_rust_block(&sanitized, is_rust_info),
            "{md:?} gave {sanitized:?}"
        );
        let text = crate::rust::docs::text(&md);
        assert!(!has_rust_block(&text, is_rust_info), "{md:?} gave {text:?}");
    }
}

/// The markdown this repository holds (its docs, and every string of its catalogs and
/// fixtures) is followed, and gives pulldown-cmark's blocks.
#[test]
fn agrees_on_the_repository_markdown() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            // Not what tools generate: build output, npm packages, and what scripts/fuzz.sh
            // copies or learns (fuzz/.gitignore), so that the texts read are the same on a
            // fresh clone and after a fuzz run.
            let generated = name.starts_with("target")
                || name == "node_modules"
                || (path.parent().is_some_and(|p| p.ends_with("fuzz"))
                    && matches!(
                        name.as_str(),
                        "seeds" | "corpus" | "artifacts" | "logs" | "coverage"
                    ));
            if path.is_dir() {
                if !name.starts_with('.') && !generated {
                    dirs.push(path);
                }
            } else if name.ends_with(".md") || name.ends_with(".toml") {
                files.push(path);
            }
        }
    }
    let (mut texts, mut followed) = (0, 0);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut strings = Vec::new();
        if path.extension().is_some_and(|e| e == "md") {
            strings.push(text);
        } else if let Ok(table) = toml::de::DeTable::parse(&text) {
            fn collect(v: &toml::de::DeValue<'_>, out: &mut Vec<String>) {
                match v {
                    toml::de::DeValue::String(s) => out.push(s.to_string()),
                    toml::de::DeValue::Array(a) => a.iter().for_each(|v| collect(v.get_ref(), out)),
                    toml::de::DeValue::Table(t) => {
                        t.values().for_each(|v| collect(v.get_ref(), out));
                    }
                    _ => {}
                }
            }
            collect(&toml::de::DeValue::Table(table.into_inner()), &mut strings);
        }
        for s in strings
            .iter()
            .filter(|s| super::super::docs::may_hold_code(s))
        {
            texts += 1;
            let s = s.replace('\t', "    ");
            let ok = agree(&s);
            if !ok {
                eprintln!(
                    "not followed: {} {:?}",
                    path.display(),
                    s.chars().take(60).collect::<String>()
                );
            }
            followed += usize::from(ok);
        }
    }
    eprintln!("{followed} of {texts} texts followed");
    assert!(
        texts > 20 && followed * 20 >= texts * 19,
        "{followed} of {texts}"
    );
}
