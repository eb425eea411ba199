//! Small deterministic building blocks: feature hashing, a PRNG for shuffling, a checksum.
//! Written here rather than taken from std so that hashes and model bytes never depend on the
//! platform or the standard library version.

/// FNV-1a, 64 bit: hashes a byte stream incrementally.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) const fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub(crate) fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// Hashes a string.
pub(crate) fn str_hash(s: &str) -> u64 {
    let mut h = Fnv::new();
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.finish()
}

/// The SplitMix64 finalizer: a strong 64-bit mix.
pub(crate) const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A feature's key: template `t` with value `v`, folded to 32 bits (never 0, which marks an
/// empty slot). With a few hundred thousand features, two trained features share a key about
/// ten times and an unseen feature hits a trained key with odds of 1 in 10^4: noise far below
/// what the averaged weights notice.
pub(crate) fn key(t: u32, v: u64) -> u32 {
    let h = mix(v ^ mix(u64::from(t).wrapping_add(0x9e37_79b9_7f4a_7c15)));
    let k = (h >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Combines two values into one (for conjunctions of features).
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(21) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// SplitMix64: a tiny PRNG with a fixed seed, for shuffling training data reproducibly.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// A uniform integer below `n` (n > 0), by rejection so no value is favoured.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// CRC-32 (IEEE, as zlib and PNG compute it).
pub(crate) fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn fnv_matches_the_reference() {
        assert_eq!(str_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(str_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn rng_is_reproducible_and_shuffles_everything() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mut v: Vec<u32> = (0..100).collect();
        Rng::new(1).shuffle(&mut v);
        let mut w = v.clone();
        w.sort_unstable();
        assert_eq!(w, (0..100).collect::<Vec<_>>());
        assert_ne!(v, w);
    }

    #[test]
    fn keys_are_never_zero() {
        for t in 0..100 {
            for v in 0..1000 {
                assert_ne!(key(t, v), 0);
            }
        }
    }
}
