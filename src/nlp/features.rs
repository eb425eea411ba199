//! Feature templates for the tagger and the parser.
//!
//! A feature is a 32-bit key: the hash of a template id and the values it combines. Values are
//! precomputed once per word ([`WordHashes`]), so extracting a feature is a couple of
//! multiplications, with no string built and nothing allocated.

use super::hash::{key, mix, str_hash};

/// Hashes of one word's strings, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordHashes {
    /// The form as written.
    pub form: u64,
    /// The lowercased form.
    pub lower: u64,
    /// Lowercased prefixes of 1..=3 characters (the whole word when shorter).
    pub prefix: [u64; 3],
    /// Lowercased suffixes of 1..=4 characters (the whole word when shorter).
    pub suffix: [u64; 4],
    /// Word shape: letters as X/x, digits as d, runs collapsed ("Xx", "d,d", "X.X.").
    pub shape: u64,
    /// Coarse flags, see `FLAG_*`.
    pub flags: u64,
}

pub(crate) const FLAG_DIGIT: u64 = 1;
pub(crate) const FLAG_HYPHEN: u64 = 2;
pub(crate) const FLAG_UPPER_FIRST: u64 = 4;
pub(crate) const FLAG_ALL_UPPER: u64 = 8;
pub(crate) const FLAG_LONG: u64 = 16;

impl WordHashes {
    /// Hashes of `word`.
    pub(crate) fn new(word: &str) -> WordHashes {
        let lower_owned;
        let lower: &str = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            lower_owned = word.to_lowercase();
            &lower_owned
        } else {
            word
        };
        let mut h = WordHashes {
            form: str_hash(word),
            lower: str_hash(lower),
            ..WordHashes::default()
        };
        // Affixes by characters, not bytes.
        let mut ends = lower.char_indices().map(|(i, _)| i).skip(1);
        for p in &mut h.prefix {
            *p = str_hash(&lower[..ends.next().unwrap_or(lower.len())]);
        }
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for s in &mut h.suffix {
            *s = str_hash(&lower[starts.next().unwrap_or(0)..]);
        }
        let mut shape = 0x5bd1_e995u64;
        let mut last = '\0';
        let (mut upper, mut letters, mut chars) = (0, 0, 0);
        for c in word.chars() {
            chars += 1;
            let s = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                'X'
            } else if c.is_alphabetic() {
                letters += 1;
                'x'
            } else if c.is_ascii_digit() {
                h.flags |= FLAG_DIGIT;
                'd'
            } else {
                if c == '-' {
                    h.flags |= FLAG_HYPHEN;
                }
                c
            };
            if s != last {
                shape = mix(shape, s as u64);
                last = s;
            }
        }
        h.shape = shape;
        if word.chars().next().is_some_and(char::is_uppercase) {
            h.flags |= FLAG_UPPER_FIRST;
        }
        if letters > 0 && upper == letters {
            h.flags |= FLAG_ALL_UPPER;
        }
        if chars > 12 {
            h.flags |= FLAG_LONG;
        }
        h
    }

    /// Stand-in for positions before the sentence start (`n = 1, 2`) or after its end
    /// (`n = 3, 4`).
    pub(crate) fn padding(n: u64) -> WordHashes {
        let v = mix(0xdead_beef, n);
        WordHashes {
            form: v,
            lower: v,
            prefix: [v; 3],
            suffix: [v; 4],
            shape: v,
            flags: 32 * n,
        }
    }
}

#[inline(always)]
fn f1(t: u64, a: u64) -> u32 {
    key(mix(t, a))
}

#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u32 {
    key(mix(mix(t, a), b))
}

#[inline(always)]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u32 {
    key(mix(mix(mix(t, a), b), c))
}

/// One word as the tagger sees it: its hashes plus what the lexicon says about it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TagWord {
    pub h: WordHashes,
    /// Hash of the set of tags the word had in training ("ambiguity class"), or a fixed value
    /// for words not in the lexicon.
    pub amb: u64,
}

/// Number of tagger features per word.
pub(crate) const TAGGER_FEATURES: usize = 36;

/// Tagger features of word `i` of `w` (which has two padding words on each side, so `i` is at
/// least 2), given the previous two predicted tags `p1` and `p2`.
#[inline]
pub(crate) fn tagger_features(w: &[TagWord], i: usize, p1: u64, p2: u64) -> [u32; TAGGER_FEATURES] {
    let (m2, m1, c, n1, n2) = (&w[i - 2], &w[i - 1], &w[i], &w[i + 1], &w[i + 2]);
    [
        f1(1, 0),
        f1(2, c.h.form),
        f1(3, c.h.lower),
        f1(4, c.h.prefix[0]),
        f1(5, c.h.prefix[1]),
        f1(6, c.h.prefix[2]),
        f1(7, c.h.suffix[0]),
        f1(8, c.h.suffix[1]),
        f1(9, c.h.suffix[2]),
        f1(10, c.h.suffix[3]),
        f1(11, c.h.shape),
        f1(12, c.h.flags),
        f1(13, p1),
        f1(14, p2),
        f2(15, p1, p2),
        f2(16, p1, c.h.lower),
        f1(17, m1.h.lower),
        f1(18, m1.h.suffix[2]),
        f1(19, m2.h.lower),
        f1(20, n1.h.lower),
        f1(21, n1.h.suffix[2]),
        f1(22, n2.h.lower),
        f1(23, c.amb),
        f1(24, n1.amb),
        f1(25, n2.amb),
        f2(26, p1, c.amb),
        f2(27, c.amb, n1.amb),
        f2(28, c.h.lower, n1.h.lower),
        f2(29, m1.h.lower, c.h.lower),
        f1(30, n1.h.shape),
        f1(31, m1.h.shape),
        f2(32, p1, c.h.suffix[2]),
        f2(33, p1, n1.amb),
        f3(34, p1, c.amb, n1.amb),
        f2(35, c.h.flags, p1),
        f2(36, c.h.suffix[1], n1.amb),
    ]
}
