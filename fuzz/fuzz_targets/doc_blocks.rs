//! Catalog prose -> the Rust emitter's code blocks (`codegen/src/rust/blocks.rs`): where it
//! follows a text, it finds pulldown-cmark's code blocks (rustdoc's parser), at the same
//! lines; and whatever the text, the doc text the emitter writes holds no block rustdoc
//! would read as Rust.
#![no_main]

use errcat_codegen::rust::{__code_blocks, __doc_text, __is_rust_info};
use libfuzzer_sys::fuzz_target;

// The oracle the unit tests of blocks.rs use.
#[path = "../../codegen/src/rust/blocks/oracle.rs"]
mod oracle;

fuzz_target!(|data: &[u8]| {
    let md = String::from_utf8_lossy(data);
    let md = md.as_ref();
    if let Some(ours) = __code_blocks(md) {
        assert_eq!(
            oracle::as_seen(md, ours),
            oracle::pulldown_blocks(md),
            "code blocks differ from pulldown-cmark's on {md:?}"
        );
    }
    let doc = __doc_text(md);
    assert!(
        !oracle::has_rust_block(&doc, __is_rust_info),
        "doc text of {md:?} holds a doctest: {doc:?}"
    );
});
