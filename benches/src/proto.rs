//! A prototype of a faster lookup by code for the generated code (see
//! `docs/performance.md`, section 3): a word-at-a-time hash instead of byte-at-a-time
//! FNV-1a, and slots that keep 32 bits of the hash next to the index so that a probe that
//! cannot match never touches the error table. Built at run time here; the emitter would
//! build the same slots at build time.

/// The multiplier (2^64 / golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Reads 8 bytes at `i` (little-endian): one load.
#[inline(always)]
fn word(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// A 64-bit hash of a code, 8 bytes per step (the last step reads the last 8 bytes,
/// overlapping the one before; strings under 8 bytes are read byte by byte).
#[inline]
pub fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let len = b.len();
    let mut h = (len as u64).wrapping_mul(K);
    if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = (h ^ word(b, i)).wrapping_mul(K);
            h ^= h >> 32;
            i += 8;
        }
        h = (h ^ word(b, len - 8)).wrapping_mul(K);
    } else {
        let mut t = 0u64;
        let mut i = 0;
        while i < len {
            t |= (b[i] as u64) << (8 * i);
            i += 1;
        }
        h = (h ^ t).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(K);
    h ^ (h >> 32)
}

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

/// Finds `code`; `code_of(i)` is the code of entry `i` (the generated `ERRORS[i].code`).
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

/// [`find`] without the tag check: what the hash alone gives, with the current `&[u32]`
/// slots of the generated code (the tags are ignored).
#[inline]
pub fn find_untagged<'a>(
    slots: &[(u32, u32)],
    code_of: impl Fn(usize) -> &'a str,
    code: &str,
) -> Option<usize> {
    let len = slots.len();
    if len == 0 {
        return None;
    }
    let mask = len - 1;
    let mut i = (hash(code) as usize) & mask;
    for _ in 0..len {
        let index = slots[i].0;
        if index == EMPTY {
            return None;
        }
        if code_of(index as usize) == code {
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
            assert_eq!(find_untagged(&slots, |j| codes[j], c), Some(i), "{c}");
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
            assert_eq!(find_untagged(&slots, |j| codes[j], miss), None, "{miss}");
        }
        assert_eq!(find(&[], |j| codes[j], "a"), None);
    }

    #[test]
    fn hash_depends_on_every_byte() {
        let base = "invoice_not_found_1234";
        let mut seen = std::collections::HashSet::new();
        for i in 0..base.len() {
            let mut b = base.as_bytes().to_vec();
            b[i] ^= 1;
            assert!(seen.insert(hash(std::str::from_utf8(&b).expect("ascii"))));
        }
        assert!(seen.insert(hash(base)));
    }
}
