//! Feature templates for the tagger and the parser.
//!
//! A feature is a 32-bit key: the hash of a template id and the values it combines. Values are
//! precomputed once per word ([`WordHashes`]), so extracting a feature is a couple of
//! multiplications, with no string built and nothing allocated.

use super::clusters::Clusters;
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
    /// The word's fine, mid and coarse clusters (0 for none; see `clusters.rs`).
    pub cl: [u64; 3],
}

/// The fine, mid and coarse clusters of a word, from the hashes of its strings.
#[inline]
pub(crate) fn word_clusters(h: &WordHashes) -> [u64; 3] {
    let c = Clusters::embedded().get_hashed(h.lower);
    [u64::from(c.fine), u64::from(c.mid), u64::from(c.coarse)]
}

/// The tagger's bias feature (present for every word).
pub(crate) fn tagger_bias() -> u32 {
    f1(1, 0)
}

/// Number of tagger features that depend only on the word itself.
pub(crate) const TAGGER_WORD: usize = 14;
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
        // The word's clusters, for words seen rarely or never (the neighbours' clusters
        // were tried as well: they cost 0.2 points of accuracy on GUM dev).
        f1(37, c.cl[0]),
        f1(38, c.cl[1]),
        f1(39, c.cl[2]),
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

/// Hash of the lowercased word, the same as [`WordHashes::lower`].
pub(crate) fn lower_hash(word: &str) -> u64 {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        bytes_hash(lower)
    } else {
        str_hash(&word.to_lowercase())
    }
}

/// One node as the parser's features see it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Node {
    /// Lowercased word.
    pub w: u64,
    /// Tag (UPOS and XPOS together).
    pub t: u64,
    /// Relation to its head, once attached.
    pub l: u64,
    /// The word's mid and coarse clusters.
    pub c: u64,
    pub k: u64,
}

/// The parts of a parser configuration the features look at. Missing positions (an empty
/// stack, no such child) are a fixed "none" node; the root is a node of its own.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ParseView {
    pub s0: Node,
    pub s1: Node,
    pub s2: Node,
    pub b0: Node,
    pub b1: Node,
    pub b2: Node,
    /// Leftmost, second leftmost, rightmost, second rightmost children of s0.
    pub s0l: Node,
    pub s0l2: Node,
    pub s0r: Node,
    pub s0r2: Node,
    /// Leftmost and second leftmost children of b0 (it has no right children yet).
    pub b0l: Node,
    pub b0l2: Node,
    /// Leftmost and rightmost children of s1.
    pub s1l: Node,
    pub s1r: Node,
    /// Distance from s0 to b0, and from s1 to s0, bucketed.
    pub d: u64,
    pub d1: u64,
    /// Numbers of left and right children.
    pub s0vl: u64,
    pub s0vr: u64,
    pub b0vl: u64,
    pub s1vr: u64,
    /// Sets of the labels of left and right children (bitmasks).
    pub s0sl: u64,
    pub s0sr: u64,
    pub b0sl: u64,
}

/// Number of parser features.
pub(crate) const PARSER_FEATURES: usize = 96;

/// Parser features (after Zhang and Nivre 2011, "Transition-based dependency parsing with rich
/// non-local features", adapted to the arc-hybrid system, where stack words have no head yet).
pub(crate) fn parser_features(v: &ParseView) -> [u32; PARSER_FEATURES] {
    let wt = |n: &Node| mix(n.w, n.t);
    let (s0, s1, s2, b0, b1, b2) = (&v.s0, &v.s1, &v.s2, &v.b0, &v.b1, &v.b2);
    let (s0wt, s1wt, b0wt) = (wt(s0), wt(s1), wt(b0));
    [
        f1(100, 0),
        // Single words.
        f1(101, s0.w),
        f1(102, s0.t),
        f1(103, s0wt),
        f1(104, b0.w),
        f1(105, b0.t),
        f1(106, b0wt),
        f1(107, b1.w),
        f1(108, b1.t),
        f1(109, wt(b1)),
        f1(110, b2.w),
        f1(111, b2.t),
        f1(112, wt(b2)),
        f1(113, s1.w),
        f1(114, s1.t),
        f1(115, s1wt),
        f1(116, s2.t),
        // Pairs.
        f2(117, s0wt, b0wt),
        f2(118, s0wt, b0.w),
        f2(119, s0.w, b0wt),
        f2(120, s0wt, b0.t),
        f2(121, s0.t, b0wt),
        f2(122, s0.w, b0.w),
        f2(123, s0.t, b0.t),
        f2(124, b0.t, b1.t),
        f2(125, s1.t, s0.t),
        f2(126, s1.w, s0.w),
        f2(127, s1wt, s0.t),
        f2(128, s1.t, s0wt),
        f2(129, s1.t, b0.t),
        f2(130, s1.w, b0.w),
        // Triples.
        f3(131, b0.t, b1.t, b2.t),
        f3(132, s0.t, b0.t, b1.t),
        f3(133, s1.t, s0.t, b0.t),
        f3(134, s0.t, v.s0l.t, b0.t),
        f3(135, s0.t, v.s0r.t, b0.t),
        f3(136, s0.t, b0.t, v.b0l.t),
        f3(137, s1.t, s0.t, v.s0l.t),
        f3(138, s1.t, s0.t, v.s0r.t),
        f3(139, s2.t, s1.t, s0.t),
        f3(140, s1.t, v.s1r.t, s0.t),
        f3(141, s1.t, v.s1l.t, s0.t),
        // Distance.
        f2(142, s0.w, v.d),
        f2(143, s0.t, v.d),
        f2(144, b0.w, v.d),
        f2(145, b0.t, v.d),
        f3(146, s0.w, b0.w, v.d),
        f3(147, s0.t, b0.t, v.d),
        f3(148, s1.t, s0.t, v.d1),
        f3(149, s1.w, s0.w, v.d1),
        // Valency.
        f2(150, s0.w, v.s0vr),
        f2(151, s0.t, v.s0vr),
        f2(152, s0.w, v.s0vl),
        f2(153, s0.t, v.s0vl),
        f2(154, b0.w, v.b0vl),
        f2(155, b0.t, v.b0vl),
        f2(156, s1.w, v.s1vr),
        f2(157, s1.t, v.s1vr),
        // Children.
        f1(158, v.s0l.w),
        f1(159, v.s0l.t),
        f1(160, v.s0l.l),
        f1(161, v.s0r.w),
        f1(162, v.s0r.t),
        f1(163, v.s0r.l),
        f1(164, v.b0l.w),
        f1(165, v.b0l.t),
        f1(166, v.b0l.l),
        f1(167, v.s1r.w),
        f1(168, v.s1r.t),
        f1(169, v.s1r.l),
        // Second children.
        f1(170, v.s0l2.w),
        f1(171, v.s0l2.t),
        f1(172, v.s0l2.l),
        f1(173, v.s0r2.w),
        f1(174, v.s0r2.t),
        f1(175, v.s0r2.l),
        f1(176, v.b0l2.w),
        f1(177, v.b0l2.t),
        f1(178, v.b0l2.l),
        f3(179, s0.t, v.s0l.t, v.s0l2.t),
        f3(180, s0.t, v.s0r.t, v.s0r2.t),
        f3(181, b0.t, v.b0l.t, v.b0l2.t),
        // Label sets.
        f2(182, s0.w, v.s0sr),
        f2(183, s0.t, v.s0sr),
        f2(184, s0.w, v.s0sl),
        f2(185, s0.t, v.s0sl),
        f2(186, b0.w, v.b0sl),
        f2(187, b0.t, v.b0sl),
        // Word clusters: what the words are like, for words seen rarely or never.
        f1(188, s0.c),
        f1(189, b0.c),
        f1(190, b1.c),
        f1(191, s1.c),
        f2(192, s0.k, b0.k),
        f2(193, s0.c, b0.t),
        f2(194, s0.t, b0.c),
        f2(195, s1.t, s0.c),
    ]
}

/// What the label classifier sees of an arc being made.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ArcView {
    /// The transition making the arc (LEFT or RIGHT).
    pub mv: u64,
    pub h: Node,
    pub d: Node,
    /// Distance between head and dependent, bucketed.
    pub dist: u64,
    /// Leftmost and rightmost children of the dependent.
    pub dl: Node,
    pub dr: Node,
    /// Label sets of the dependent's left and right children, and of the head's.
    pub dsl: u64,
    pub dsr: u64,
    pub hsl: u64,
    pub hsr: u64,
    /// The words before and after the dependent.
    pub dm1: Node,
    pub dp1: Node,
    /// Context from the configuration: for RIGHT (head s1, dependent s0) b0 and s2, for LEFT
    /// (head b0, dependent s0) s1 and b1.
    pub c1: Node,
    pub c2: Node,
}

/// Number of label features.
pub(crate) const LABEL_FEATURES: usize = 38;

/// Label-classifier features of an arc. The tables are per transition, since LEFT and RIGHT
/// attach in opposite directions.
pub(crate) fn label_features(a: &ArcView) -> [u32; LABEL_FEATURES] {
    let t = |id: u64| mix(id, a.mv);
    let (h, d) = (&a.h, &a.d);
    let hwt = mix(h.w, h.t);
    let dwt = mix(d.w, d.t);
    [
        f1(t(200), 0),
        f1(t(201), h.w),
        f1(t(202), h.t),
        f1(t(203), hwt),
        f1(t(204), d.w),
        f1(t(205), d.t),
        f1(t(206), dwt),
        f2(t(207), h.t, d.t),
        f2(t(208), h.w, d.t),
        f2(t(209), h.t, d.w),
        f2(t(210), h.w, d.w),
        f3(t(211), h.t, d.t, a.dist),
        f2(t(212), d.t, a.dl.l),
        f2(t(213), d.t, a.dr.l),
        f2(t(214), d.t, a.dl.w),
        f3(t(215), d.t, a.dl.t, a.dl.l),
        f2(t(216), d.t, a.dsl),
        f2(t(217), d.t, a.dsr),
        f2(t(218), h.t, a.hsl),
        f2(t(219), h.t, a.hsr),
        f3(t(220), h.t, d.t, a.hsl),
        f3(t(221), h.t, d.t, a.hsr),
        f2(t(222), d.t, a.dm1.t),
        f2(t(223), d.t, a.dp1.t),
        f3(t(224), h.t, d.t, a.dm1.t),
        f2(t(225), dwt, a.dl.w),
        f2(t(226), a.c1.t, d.t),
        f3(t(227), a.c1.t, h.t, d.t),
        f2(t(228), a.c1.w, d.w),
        f2(t(229), a.c2.t, d.t),
        f3(t(230), h.w, d.t, a.dl.l),
        f2(t(231), d.w, a.dsl),
        f2(t(232), h.w, a.hsl),
        f3(t(233), d.w, h.t, a.dist),
        f1(t(234), d.c),
        f1(t(235), h.c),
        f2(t(236), h.k, d.k),
        f2(t(237), h.t, d.c),
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
