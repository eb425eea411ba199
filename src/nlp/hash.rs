//! Small, fixed hash functions. Models store hashed feature keys, so these must never change
//! between training and use (and must not depend on the platform or a random seed, as std's
//! `HashMap` hasher does).

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `x` into the running hash `h` (FxHash's step: cheap, good enough before [`key`]).
#[inline(always)]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Final avalanche (splitmix64's finalizer).
#[inline(always)]
pub(crate) fn fmix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// A 32-bit feature key from a running hash built with [`mix`]: its high half, which the
/// multiplication has mixed from every input bit (no finalizer: this runs for every feature of
/// every word), with the top bit set, so a key is never 0 (which marks empty table slots) and
/// neither are its top 16 bits (the parser's fingerprints).
#[inline(always)]
pub(crate) fn key(h: u64) -> u32 {
    ((h >> 32) as u32) | 0x8000_0000
}

/// Hash of a string's bytes.
#[inline]
pub(crate) fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// Hash of a byte string, eight bytes at a time.
#[inline]
pub(crate) fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    fmix(h)
}

/// Hasher for maps keyed by already-hashed values (spreads them over all 64 bits, which
/// hashbrown needs for its control bytes).
#[derive(Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes_hash(bytes) ^ self.0.rotate_left(7);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = fmix(self.0 ^ u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = fmix(self.0 ^ i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// `HashMap` builder with a fixed, platform-independent hasher.
pub(crate) type FixedState = BuildHasherDefault<PreHashed>;

/// A `HashMap` whose behaviour does not depend on a random seed.
pub(crate) type FixedMap<K, V> = std::collections::HashMap<K, V, FixedState>;

/// Open-addressing map from 32-bit keys (never 0) to 32-bit values, at most half full so
/// probes stay short, misses included. One probe reads one `u64` holding key and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyIndex {
    mask: usize,
    /// `key << 32 | value`, 0 for an empty slot.
    slots: Vec<u64>,
}

impl KeyIndex {
    /// Indexes `(key, value)` pairs with distinct, non-zero keys.
    pub(crate) fn new(entries: impl ExactSizeIterator<Item = (u32, u32)>) -> KeyIndex {
        let size = (entries.len() * 3 / 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        for (k, v) in entries {
            let mut i = k as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (u64::from(k) << 32) | u64::from(v);
        }
        KeyIndex { mask, slots }
    }

    /// The value of `key`, if indexed.
    #[inline(always)]
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == key {
                return Some(s as u32);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A tiny deterministic PRNG (splitmix64) for shuffling and exploration during training.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        fmix(self.0)
    }

    /// Uniform in `0..n` (n > 0); the slight modulo bias does not matter here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Pinned values: changing the hash functions invalidates every trained model.
        assert_eq!(str_hash("the"), str_hash("the"));
        assert_ne!(str_hash("the"), str_hash("The"));
        assert_ne!(str_hash(""), str_hash("\0"));
        assert_eq!(key(mix(1, str_hash("news"))), 4_278_287_698);
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..20).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
        assert_ne!(v, (0..20).collect::<Vec<_>>());
    }
}
