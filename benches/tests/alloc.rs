//! The generated code's hot paths allocate nothing: `status()`, `lookup()`, Display into a
//! `String` with room, the JSON body into a `String` with room. Counted with a global
//! allocator that counts (a count, not a timing).

use errcat_benches::generated::{self, CODES, SynthError};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

struct Counting;

thread_local! {
    // Per thread, so that the test harness's other threads do not disturb the count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// The benchmarks' samples, and one with extreme values.
fn samples() -> Vec<SynthError> {
    let mut errors = Vec::from(generated::samples());
    errors.push(SynthError::InvoiceInvalid8 {
        limit: u64::MAX,
        used: i64::MIN,
        ratio: -0.5,
        strict: false,
    });
    errors
}

#[test]
fn the_counter_counts() {
    // Guards the test itself: an allocation is seen.
    assert_eq!(
        allocations(|| drop(std::hint::black_box(String::with_capacity(8)))),
        1
    );
}

#[test]
fn status_allocates_nothing() {
    let errors = samples();
    let mut codes = 0u32;
    assert_eq!(
        allocations(|| {
            for e in &errors {
                codes += u32::from(std::hint::black_box(e).status().code());
            }
        }),
        0
    );
    assert_eq!(codes, 400 + 401 + 403 + 503);
}

#[test]
fn display_into_a_string_with_room_allocates_nothing() {
    let errors = samples();
    let mut s = String::with_capacity(1024);
    let mut total = 0;
    let n = allocations(|| {
        for e in &errors {
            s.clear();
            write!(s, "{e}").expect("writing to a String");
            total += s.len();
        }
    });
    assert_eq!(n, 0);
    assert!(total > 0);
    // What was written is the message.
    s.clear();
    write!(s, "{}", errors[1]).expect("writing to a String");
    assert_eq!(
        s,
        "Resource 'res_8f3a' is not usable for account not found 1"
    );
}

#[test]
fn lookup_allocates_nothing() {
    let mut found = 0;
    let n = allocations(|| {
        for code in CODES.iter().step_by(97) {
            found += usize::from(SynthError::lookup(std::hint::black_box(code)).is_some());
        }
        found += usize::from(SynthError::lookup("no_such_code").is_some());
    });
    assert_eq!(n, 0);
    assert_eq!(found, CODES.iter().step_by(97).count());
}

#[test]
fn body_into_a_string_with_room_allocates_nothing() {
    let errors = samples();
    let ctx = errcat::BodyContext {
        trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736"),
        instance: Some("/v1/x"),
        ..Default::default()
    };
    let mut s = String::with_capacity(4096);
    let n = allocations(|| {
        for e in &errors {
            s.clear();
            e.write_body_json(&mut s, &ctx);
        }
    });
    assert_eq!(n, 0);
    assert!(s.starts_with('{') && s.ends_with('}'), "{s}");
}
