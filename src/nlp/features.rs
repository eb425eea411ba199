//! Feature templates for the tagger and the parser.
//!
//! A feature is a 32-bit key: the hash of a template id and the values it combines. Values are
//! precomputed once per word ([`WordHashes`]), so extracting a feature is a couple of
//! multiplications, with no string built and nothing allocated.

use super::hash::{bytes_hash, key, mix, str_hash};

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
        let mut h = WordHashes {
            form: str_hash(word),
            ..WordHashes::default()
        };
        // Most words are short ASCII: lowercase them on the stack, affixes are byte ranges.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let n = lower.len();
            h.lower = bytes_hash(lower);
            for (k, p) in h.prefix.iter_mut().enumerate() {
                *p = bytes_hash(&lower[..(k + 1).min(n)]);
            }
            for (k, s) in h.suffix.iter_mut().enumerate() {
                *s = bytes_hash(&lower[n - (k + 1).min(n)..]);
            }
        } else {
            let lower = word.to_lowercase();
            h.lower = str_hash(&lower);
            // Affixes by characters, not bytes.
            let mut ends = lower.char_indices().map(|(i, _)| i).skip(1);
            for p in &mut h.prefix {
                *p = str_hash(&lower[..ends.next().unwrap_or(lower.len())]);
            }
            let mut starts = lower.char_indices().rev().map(|(i, _)| i);
            for s in &mut h.suffix {
                *s = str_hash(&lower[starts.next().unwrap_or(0)..]);
            }
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

/// The tagger's bias feature (present for every word).
pub(crate) fn tagger_bias() -> u32 {
    f1(1, 0)
}

/// Number of tagger features that depend only on the word itself.
pub(crate) const TAGGER_WORD: usize = 11;
/// Number of tagger features that depend on the neighbouring words.
pub(crate) const TAGGER_CONTEXT: usize = 15;
/// Number of tagger features that combine the previous tags.
pub(crate) const TAGGER_DYNAMIC: usize = 9;
/// Number of tagger features per word, bias included.
pub(crate) const TAGGER_FEATURES: usize = 1 + TAGGER_WORD + TAGGER_CONTEXT + TAGGER_DYNAMIC;

/// Features of the word `c` alone. Their rows can be summed once per frequent word (the
/// tagger's word cache).
#[inline]
pub(crate) fn tagger_word(c: &TagWord) -> [u32; TAGGER_WORD] {
    [
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
    ]
}

/// Features of word `i` of `w` (which has two padding words on each side, so `i` is at least
/// 2) that look at its neighbours but not at the tags predicted so far; the tagger looks them
/// up for the whole sentence up front.
#[inline]
pub(crate) fn tagger_context(w: &[TagWord], i: usize) -> [u32; TAGGER_CONTEXT] {
    let (m2, m1, c, n1, n2) = (&w[i - 2], &w[i - 1], &w[i], &w[i + 1], &w[i + 2]);
    [
        f1(17, m1.h.lower),
        f1(18, m1.h.suffix[2]),
        f1(19, m2.h.lower),
        f1(20, n1.h.lower),
        f1(21, n1.h.suffix[2]),
        f1(22, n2.h.lower),
        f1(23, c.amb),
        f1(24, n1.amb),
        f1(25, n2.amb),
        f2(27, c.amb, n1.amb),
        f2(28, c.h.lower, n1.h.lower),
        f2(29, m1.h.lower, c.h.lower),
        f1(30, n1.h.shape),
        f1(31, m1.h.shape),
        f2(36, c.h.suffix[1], n1.amb),
    ]
}

/// All features of word `i`, as training sees them.
pub(crate) fn tagger_features(w: &[TagWord], i: usize, p1: u64, p2: u64) -> [u32; TAGGER_FEATURES] {
    let mut f = [0; TAGGER_FEATURES];
    f[0] = tagger_bias();
    f[1..=TAGGER_WORD].copy_from_slice(&tagger_word(&w[i]));
    f[1 + TAGGER_WORD..1 + TAGGER_WORD + TAGGER_CONTEXT].copy_from_slice(&tagger_context(w, i));
    f[1 + TAGGER_WORD + TAGGER_CONTEXT..].copy_from_slice(&tagger_dynamic(w, i, p1, p2));
    f
}

/// Features of word `i` that combine the previous two predicted tags `p1` and `p2`.
#[inline]
pub(crate) fn tagger_dynamic(w: &[TagWord], i: usize, p1: u64, p2: u64) -> [u32; TAGGER_DYNAMIC] {
    let (c, n1) = (&w[i], &w[i + 1]);
    [
        f1(13, p1),
        f1(14, p2),
        f2(15, p1, p2),
        f2(16, p1, c.h.lower),
        f2(26, p1, c.amb),
        f2(32, p1, c.h.suffix[2]),
        f2(33, p1, n1.amb),
        f3(34, p1, c.amb, n1.amb),
        f2(35, c.h.flags, p1),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_matches_the_general_path() {
        // "Ü" forces the general path; the ASCII words must hash the same way through both.
        let a = WordHashes::new("Hello");
        assert_eq!(a.lower, str_hash("hello"));
        assert_eq!(a.prefix, [str_hash("h"), str_hash("he"), str_hash("hel")]);
        assert_eq!(a.suffix[3], str_hash("ello"));
        let b = WordHashes::new("Ü");
        assert_eq!(b.lower, str_hash("ü"));
        assert_eq!(b.prefix, [str_hash("ü"); 3]);
        let long = "x".repeat(40);
        assert_eq!(WordHashes::new(&long).suffix[0], str_hash("x"));
        assert_eq!(WordHashes::new("a").suffix, [str_hash("a"); 4]);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(WordHashes::new("Mexico").shape, WordHashes::new("Xy").shape);
        assert_eq!(
            WordHashes::new("70,000").shape,
            WordHashes::new("1,2").shape
        );
        assert_ne!(WordHashes::new("U.S.").shape, WordHashes::new("US").shape);
        assert_eq!(
            WordHashes::new("NATO").flags & FLAG_ALL_UPPER,
            FLAG_ALL_UPPER
        );
    }
}
