//! A variant of the generated lookup by code, kept as a comparison (see
//! `docs/performance.md`, section 3): slots that keep the high 32 bits of the hash next to
//! the index, so that a probe that cannot match never touches the error table. Same hash
//! as the generated code (`errcat::__private::hash`); built at run time here, where the
//! emitter would build the same slots at build time.

use errcat::__private::hash;

/// An empty slot.
pub const EMPTY: u32 = u32::MAX;

/// Slots: `(index, high 32 bits of the hash)`, open addressing with linear probing,
/// power-of-two size, load factor at most 1/2.
pub fn slots(codes: &[&str]) -> Vec<(u32, u32)> {
    let size = (codes.len() * 2).next_power_of_two().max(1);
    let mask = size - 1;
    let mut slots = vec![(EMPTY, 0); size];
    for (index, code) in codes.iter().enumerate() {
        let h = hash(code);
        let mut i = (h as usize) & mask;
        while slots[i].0 != EMPTY {
            i = (i + 1) & mask;
        }
        slots[i] = (index as u32, (h >> 32) as u32);
    }
    slots
}

/// Finds `code`; `code_of(i)` is the code of entry `i` (the generated `ERRORS.get(i)`'s code).
#[inline]
pub fn find<'a>(
    slots: &[(u32, u32)],
    code_of: impl Fn(usize) -> &'a str,
    code: &str,
) -> Option<usize> {
    let len = slots.len();
    if len == 0 {
        return None;
    }
    let mask = len - 1;
    let h = hash(code);
    let tag = (h >> 32) as u32;
    let mut i = (h as usize) & mask;
    for _ in 0..len {
        let (index, t) = slots[i];
        if index == EMPTY {
            return None;
        }
        if t == tag && code_of(index as usize) == code {
            return Some(index as usize);
        }
        i = (i + 1) & mask;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_code_and_nothing_else() {
        let owned: Vec<String> = (0..5000)
            .map(crate::synth::code)
            .chain(["a".into(), "ab".into(), "abcdefgh".into()])
            .collect();
        let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
        let slots = slots(&codes);
        for (i, c) in codes.iter().enumerate() {
            assert_eq!(find(&slots, |j| codes[j], c), Some(i), "{c}");
        }
        for miss in [
            "",
            "b",
            "abcdefg",
            "abcdefghi",
            "invoice_not_found_5000",
            "invoice_not_found_",
        ] {
            assert_eq!(find(&slots, |j| codes[j], miss), None, "{miss}");
        }
        assert_eq!(find(&[], |j| codes[j], "a"), None);
    }
}
