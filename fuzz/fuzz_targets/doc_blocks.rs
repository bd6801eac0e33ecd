//! Catalog prose -> the Rust emitter's code blocks (`codegen/src/rust/blocks.rs`): where it
//! follows a text, it finds pulldown-cmark's code blocks (rustdoc's parser), at the same
//! lines; and whatever the text, the doc text the emitter writes holds no block rustdoc
//! would run as a doctest.
#![no_main]

use errcat_codegen::rust::{__code_blocks, __doc_text};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// The line of byte `pos` (line endings: `\n`, `\r\n`, a lone `\r`).
fn line_of(md: &str, pos: usize) -> usize {
    let b = md.as_bytes();
    (0..pos.min(b.len()))
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// What rustdoc compiles as Rust (`codegen/src/rust/docs.rs` keeps the same list).
fn is_rust_info(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .all(|t| {
            matches!(
                t,
                "rust"
                    | "should_panic"
                    | "no_run"
                    | "compile_fail"
                    | "standalone_crate"
                    | "test_harness"
                    | "allow_fail"
            ) || t.starts_with("ignore")
                || t.starts_with("edition")
                || t.starts_with('{')
                || (t.len() == 5
                    && t.starts_with('E')
                    && t[1..].bytes().all(|b| b.is_ascii_digit()))
        })
}

fuzz_target!(|data: &[u8]| {
    let md = String::from_utf8_lossy(data);
    let md = md.as_ref();
    let pulldown: Vec<(Option<String>, usize, Option<usize>)> = Parser::new(md)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                Some((Some(info.to_string()), line_of(md, range.start), None))
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                Some((None, line_of(md, range.start), Some(range.end)))
            }
            _ => None,
        })
        .collect();
    if let Some(ours) = __code_blocks(md) {
        let ours: Vec<_> = ours
            .into_iter()
            .map(|(info, start, end)| (info, line_of(md, start), end))
            .collect();
        assert_eq!(
            ours, pulldown,
            "code blocks differ from pulldown-cmark's on {md:?}"
        );
    }
    let doc = __doc_text(md);
    let runnable = Parser::new(&doc).any(|e| match e {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => true,
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => is_rust_info(&info),
        _ => false,
    });
    assert!(!runnable, "doc text of {md:?} holds a doctest: {doc:?}");
});
