//! Features of a token in its sentence, as 32-bit hashed keys.
//!
//! Everything that depends on the token alone (lowercased word, shapes, affixes, flags, what the
//! lexicon says about it) is hashed once per token into a [`TokenInfo`]; the features of
//! position `i` then combine the infos of `i-2..=i+2` with a template number, with no string
//! built per feature. The features that depend on the labels already predicted (the history)
//! are separate, so a decoder computes the rest once per token.

use super::hash::{key, pair, Fnv};
use super::lexfeat::{lex, lexicon_bits};
use crate::nlp::clusters::Clusters;

/// Bumped whenever the features change: a model trained with other features is refused.
pub(crate) const FEATURES_VERSION: u32 = 3;

/// Token flags.
mod flag {
    pub const CAP: u16 = 1 << 0;
    pub const ALL_CAPS: u16 = 1 << 1;
    pub const HAS_DIGIT: u16 = 1 << 2;
    pub const HAS_HYPHEN: u16 = 1 << 3;
    pub const HAS_PERIOD: u16 = 1 << 4;
    pub const ALL_DIGITS: u16 = 1 << 5;
    pub const INNER_CAP: u16 = 1 << 6;
    pub const NO_ALNUM: u16 = 1 << 7;
    pub const SINGLE: u16 = 1 << 8;
    pub const COUNT: u32 = 9;
}

/// Feature templates; a feature's key hashes its template with its value.
mod t {
    pub const BIAS: u32 = 1;
    pub const WORD: u32 = 2;
    pub const WORD_M1: u32 = 3;
    pub const WORD_P1: u32 = 4;
    pub const WORD_M2: u32 = 5;
    pub const WORD_P2: u32 = 6;
    pub const SHAPE: u32 = 7;
    pub const SHORT_M1: u32 = 8;
    pub const SHORT_P1: u32 = 9;
    pub const SHORT_M2: u32 = 10;
    pub const SHORT_P2: u32 = 11;
    pub const PREFIX: u32 = 12; // + length - 1
    pub const SUFFIX: u32 = 16; // + length - 1
    pub const FLAG: u32 = 20;
    pub const FLAGS: u32 = 21;
    pub const INITIAL: u32 = 22;
    pub const LEX: u32 = 23;
    pub const LEX_M1: u32 = 24;
    pub const LEX_P1: u32 = 25;
    pub const LEX_CAP: u32 = 26;
    pub const LEX_M2: u32 = 27;
    pub const LEX_P2: u32 = 28;
    pub const BIGRAM_M1: u32 = 29;
    pub const BIGRAM_P1: u32 = 30;
    pub const SHAPES3: u32 = 31;
    pub const WORD_M1_SHORT: u32 = 32;
    pub const SHORT_WORD_P1: u32 = 33;
    pub const PREV_TITLE: u32 = 34;
    pub const RUN: u32 = 35;
    pub const RUN_BITS: u32 = 36;
    pub const RUN_BITS_SHAPE: u32 = 37;
    pub const CASE: u32 = 38;
    pub const RUN_FIRST: u32 = 39;
    pub const RUN_LAST: u32 = 44;
    pub const HIST1: u32 = 40;
    pub const HIST2: u32 = 41;
    pub const HIST1_SHORT: u32 = 42;
    pub const HIST1_WORD: u32 = 43;
    pub const CLUSTER: u32 = 45; // + 0 fine, 1 mid, 2 coarse
    pub const CLUSTER_M1: u32 = 48;
    pub const CLUSTER_P1: u32 = 49;
    pub const CLUSTER_CASE: u32 = 50;
}

/// Hashed facts about one token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenInfo {
    /// Lowercased word, digits folded to 0.
    word: u64,
    /// Shape with runs kept up to four characters: "Xxxx", "dddd", "X.X.".
    shape: u64,
    /// Shape with runs collapsed: "Xx", "d", "X.X.".
    short: u64,
    /// Lowercased prefixes and suffixes of 1–4 characters (only those shorter than the word).
    affixes: [u64; 8],
    /// Number of affixes of each side present.
    n_affixes: u8,
    flags: u16,
    /// [`lex`] bits.
    lex: u32,
    /// The capitalized run the token is part of ([`name_runs`]), 0 outside one.
    run: u32,
    /// How the sentence is cased ([`sentence_case`]).
    case: u8,
    /// The lowercased first and last words of the capitalized run of two or more tokens the
    /// token is part of (0 outside one).
    run_words: [u64; 2],
    /// Fine, mid and coarse word clusters (0: none; see `crate::nlp::clusters`).
    cl: [u64; 3],
}

/// The info of positions before the sentence start and after its end.
const fn boundary(v: u64) -> TokenInfo {
    TokenInfo {
        word: v,
        shape: v,
        short: v,
        affixes: [0; 8],
        n_affixes: 0,
        flags: 0,
        lex: 0,
        run: 0,
        case: 0,
        run_words: [0; 2],
        cl: [v; 3],
    }
}
const BEFORE: TokenInfo = boundary(0x5f3c_5354_4152_5400);
const AFTER: TokenInfo = boundary(0x5f3c_454e_443e_5f00);

/// Hashes of the words and shapes of one token.
fn token_info(word: &str) -> TokenInfo {
    let mut w = Fnv::new();
    let mut shape = Fnv::new();
    let mut short = Fnv::new();
    let mut flags = 0u16;
    let mut last_class = '\0';
    let mut run = 0;
    let (mut letters, mut uppers, mut digits, mut alnum, mut n) = (0, 0, 0, 0, 0);
    for (i, c) in word.chars().enumerate() {
        n += 1;
        let class = if c.is_uppercase() {
            uppers += 1;
            letters += 1;
            if i > 0 {
                flags |= flag::INNER_CAP;
            }
            'X'
        } else if c.is_lowercase() {
            letters += 1;
            'x'
        } else if c.is_alphabetic() {
            letters += 1;
            'a'
        } else if c.is_numeric() {
            digits += 1;
            'd'
        } else {
            c
        };
        if c.is_alphanumeric() {
            alnum += 1;
        }
        match c {
            '-' | '\u{2010}' | '\u{2011}' => flags |= flag::HAS_HYPHEN,
            '.' => flags |= flag::HAS_PERIOD,
            _ => {}
        }
        if class == 'd' {
            w.byte(b'0');
        } else if c.is_ascii() {
            w.byte(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                w.char(l);
            }
        }
        if class == last_class {
            run += 1;
        } else {
            run = 1;
            short.char(class);
        }
        if run <= 4 {
            shape.char(class);
        }
        last_class = class;
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        flags |= flag::CAP;
    }
    if letters > 0 && uppers == letters && n > 1 {
        flags |= flag::ALL_CAPS;
    }
    if digits > 0 {
        flags |= flag::HAS_DIGIT;
        if digits == n {
            flags |= flag::ALL_DIGITS;
        }
    }
    if alnum == 0 {
        flags |= flag::NO_ALNUM;
    }
    if n == 1 {
        flags |= flag::SINGLE;
    }
    let mut affixes = [0u64; 8];
    let mut n_affixes = 0u8;
    if n > 1 && letters > 0 {
        let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
        let len = lower.len();
        let max = (len - 1).min(4);
        for k in 1..=max {
            let mut p = Fnv::new();
            let mut s = Fnv::new();
            for &c in &lower[..k] {
                p.char(c);
            }
            for &c in &lower[len - k..] {
                s.char(c);
            }
            affixes[k - 1] = p.finish();
            affixes[4 + k - 1] = s.finish();
        }
        n_affixes = max as u8;
    }
    let c = Clusters::embedded().get(word);
    TokenInfo {
        word: w.finish(),
        shape: shape.finish(),
        short: short.finish(),
        affixes,
        n_affixes,
        flags,
        lex: 0,
        run: 0,
        case: 0,
        run_words: [0; 2],
        cl: [u64::from(c.fine), u64::from(c.mid), u64::from(c.coarse)],
    }
}

/// The token infos of a sentence, with what the built-in lexicon says about its tokens.
pub(crate) fn annotate<S: AsRef<str>>(words: &[S]) -> Vec<TokenInfo> {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let mut infos: Vec<TokenInfo> = words.iter().map(|w| token_info(w)).collect();
    for (info, bits) in infos.iter_mut().zip(lexicon_bits(&words)) {
        info.lex = bits;
    }
    name_runs(&words, &mut infos);
    let case = sentence_case(&infos);
    for info in &mut infos {
        info.case = case;
    }
    infos
}

/// Whether token `i` may be an unannotated MISC name: a demonym, or a capitalized word that is
/// not common English and does not start the sentence.
pub(crate) fn may_be_misc(infos: &[TokenInfo], i: usize) -> bool {
    let t = &infos[i];
    t.lex & (1 << lex::DEMONYM) != 0
        || (i > 0 && t.flags & flag::CAP != 0 && t.lex & (1 << lex::COMMON) == 0)
}

/// Lowercase words that may join the capitalized words of one name ("Party of Canada",
/// "Ursula von der Leyen", "Democrats for Europe").
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "'s", "&", "de", "del", "della", "di", "da", "do", "dos", "das",
    "du", "des", "la", "le", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "y", "e",
    "in", "on", "to", "en", "et", "i", "ni", "za",
];

/// Run bits: what a capitalized run holds, relative to the token.
mod run {
    pub const ORG_HEAD_AFTER: u32 = 1 << 0;
    pub const ORG_HEAD_HERE: u32 = 1 << 1;
    pub const ORG_HEAD_BEFORE: u32 = 1 << 2;
    pub const LOC_HEAD_AFTER: u32 = 1 << 3;
    pub const LOC_HEAD_HERE: u32 = 1 << 4;
    pub const OTHER_HEAD_AFTER: u32 = 1 << 5;
    pub const OTHER_HEAD_HERE: u32 = 1 << 6;
    pub const STARTS_WITH_TITLE: u32 = 1 << 7;
    pub const STARTS_WITH_PLACE: u32 = 1 << 8;
    pub const STARTS_WITH_DEMONYM: u32 = 1 << 9;
    pub const HAS_CONNECTOR: u32 = 1 << 10;
    /// Bits 12–13: position (1 first, 2 inside, 3 last, 0 alone); bits 14–16: length (≤ 7).
    pub const POS_SHIFT: u32 = 12;
    pub const LEN_SHIFT: u32 = 14;
}

fn is_capitalized(info: &TokenInfo) -> bool {
    info.flags & (flag::CAP | flag::ALL_CAPS) != 0
}

/// Marks maximal runs of capitalized words, with lowercase connectors between them, and what
/// each run holds: head words (Party, River, War), a leading title, place or demonym.
fn name_runs(words: &[&str], infos: &mut [TokenInfo]) {
    let n = infos.len();
    let mut i = 0;
    while i < n {
        if !is_capitalized(&infos[i]) {
            i += 1;
            continue;
        }
        // Extend over capitalized words and connectors followed by a capitalized word.
        let mut end = i + 1;
        let mut connector = false;
        loop {
            if end < n && is_capitalized(&infos[end]) {
                end += 1;
                continue;
            }
            let mut j = end;
            while j < n && j - end < 3 && CONNECTORS.contains(&words[j].to_lowercase().as_str()) {
                j += 1;
            }
            if j > end && j < n && is_capitalized(&infos[j]) {
                connector = true;
                end = j;
                continue;
            }
            break;
        }
        let len = (end - i).min(7) as u32;
        let lexes: Vec<u32> = infos[i..end].iter().map(|t| t.lex).collect();
        let has = |k: usize, bit: u32| lexes[k - i] & (1 << bit) != 0;
        let mut start_bits = 0;
        if has(i, lex::TITLE) {
            start_bits |= run::STARTS_WITH_TITLE;
        }
        if has(i, lex::B_COUNTRY) || has(i, lex::B_CAPITAL) || has(i, lex::B_PLACE) {
            start_bits |= run::STARTS_WITH_PLACE;
        }
        if has(i, lex::DEMONYM) {
            start_bits |= run::STARTS_WITH_DEMONYM;
        }
        if connector {
            start_bits |= run::HAS_CONNECTOR;
        }
        let run_words = if end - i > 1 {
            [infos[i].word, infos[end - 1].word]
        } else {
            [0; 2]
        };
        for (k, info) in infos.iter_mut().enumerate().take(end).skip(i) {
            info.run_words = run_words;
            let mut bits = start_bits;
            for m in i..end {
                let rel = m.cmp(&k);
                let pick = |after: u32, here: u32, before: u32| match rel {
                    std::cmp::Ordering::Greater => after,
                    std::cmp::Ordering::Equal => here,
                    std::cmp::Ordering::Less => before,
                };
                if has(m, lex::ORG_HEAD) {
                    bits |= pick(
                        run::ORG_HEAD_AFTER,
                        run::ORG_HEAD_HERE,
                        run::ORG_HEAD_BEFORE,
                    );
                }
                if has(m, lex::LOC_HEAD) {
                    bits |= pick(run::LOC_HEAD_AFTER, run::LOC_HEAD_HERE, 0);
                }
                if has(m, lex::OTHER_HEAD) {
                    bits |= pick(run::OTHER_HEAD_AFTER, run::OTHER_HEAD_HERE, 0);
                }
            }
            let pos = if end - i == 1 {
                0
            } else if k == i {
                1
            } else if k + 1 == end {
                3
            } else {
                2
            };
            info.run = bits | pos << run::POS_SHIFT | len << run::LEN_SHIFT | 1 << 31;
        }
        i = end;
    }
}

/// How a sentence is cased: 0 ordinary, 1 mostly capitalized (a headline in title case), 2 all
/// capitals, 3 no capitals.
fn sentence_case(infos: &[TokenInfo]) -> u8 {
    let words = infos
        .iter()
        .filter(|i| i.flags & flag::NO_ALNUM == 0 && i.flags & flag::ALL_DIGITS == 0);
    let (mut n, mut caps, mut all_caps) = (0, 0, 0);
    for w in words {
        n += 1;
        caps += usize::from(w.flags & flag::CAP != 0);
        all_caps += usize::from(w.flags & flag::ALL_CAPS != 0);
    }
    if n < 3 {
        0
    } else if all_caps * 10 >= n * 8 {
        2
    } else if caps == 0 {
        3
    } else if caps * 10 >= n * 7 {
        1
    } else {
        0
    }
}

/// The features of position `i` that do not depend on earlier labels.
pub(crate) fn static_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    let mut push = |t: u32, v: u64| out.push(key(t, v));
    let at = |d: isize| -> &TokenInfo {
        let j = i as isize + d;
        if j < 0 {
            &BEFORE
        } else {
            infos.get(j as usize).unwrap_or(&AFTER)
        }
    };
    let (m2, m1, c, p1, p2) = (at(-2), at(-1), at(0), at(1), at(2));
    push(t::BIAS, 0);
    push(t::WORD, c.word);
    push(t::WORD_M1, m1.word);
    push(t::WORD_P1, p1.word);
    push(t::WORD_M2, m2.word);
    push(t::WORD_P2, p2.word);
    push(t::SHAPE, c.shape);
    push(t::SHORT_M1, m1.short);
    push(t::SHORT_P1, p1.short);
    push(t::SHORT_M2, m2.short);
    push(t::SHORT_P2, p2.short);
    for k in 0..c.n_affixes as usize {
        push(t::PREFIX + k as u32, c.affixes[k]);
        push(t::SUFFIX + k as u32, c.affixes[4 + k]);
    }
    for f in 0..flag::COUNT {
        if c.flags & (1 << f) != 0 {
            push(t::FLAG, u64::from(f));
        }
    }
    let initial = i == 0;
    push(t::FLAGS, u64::from(c.flags) | u64::from(initial) << 16);
    push(
        t::INITIAL,
        pair(
            u64::from(initial),
            u64::from(c.lex & (1 << lex::COMMON) != 0),
        ) ^ u64::from(c.flags & flag::CAP),
    );
    let cap = u64::from(c.flags & flag::CAP != 0);
    for b in 0..lex::COUNT {
        if c.lex & (1 << b) != 0 {
            push(t::LEX, u64::from(b));
            push(t::LEX_CAP, u64::from(b) << 1 | cap);
        }
        if m1.lex & (1 << b) != 0 {
            push(t::LEX_M1, u64::from(b));
        }
        if p1.lex & (1 << b) != 0 {
            push(t::LEX_P1, u64::from(b));
        }
    }
    push(t::LEX_M2, u64::from(m2.lex));
    push(t::LEX_P2, u64::from(p2.lex));
    push(t::BIGRAM_M1, pair(m1.word, c.word));
    push(t::BIGRAM_P1, pair(c.word, p1.word));
    push(t::SHAPES3, pair(pair(m1.short, c.short), p1.short));
    push(t::WORD_M1_SHORT, pair(m1.word, c.short));
    push(t::SHORT_WORD_P1, pair(c.short, p1.word));
    if m1.lex & (1 << lex::TITLE_END) != 0 {
        push(t::PREV_TITLE, u64::from(c.flags & flag::CAP));
    }
    if c.run != 0 {
        let shape = c.run >> run::POS_SHIFT & 0x1f;
        push(t::RUN, u64::from(shape));
        for b in 0u64..11 {
            if c.run & (1 << b) != 0 {
                push(t::RUN_BITS, b);
                push(t::RUN_BITS_SHAPE, b << 8 | u64::from(shape));
            }
        }
    }
    push(t::CASE, u64::from(c.case) << 1 | cap);
    if c.run_words[1] != 0 {
        push(t::RUN_FIRST, c.run_words[0]);
        push(t::RUN_LAST, c.run_words[1]);
    }
    for (k, &cl) in c.cl.iter().enumerate() {
        push(t::CLUSTER + k as u32, cl);
    }
    push(t::CLUSTER_M1, m1.cl[1]);
    push(t::CLUSTER_P1, p1.cl[1]);
    push(
        t::CLUSTER_CASE,
        pair(
            c.cl[1],
            u64::from(c.flags & (flag::CAP | flag::ALL_CAPS)) << 1 | u64::from(initial),
        ),
    );
}

/// Number of history features.
pub(crate) const N_HISTORY: usize = 4;

/// Label index used for positions before the sentence.
pub(crate) const START: usize = super::label::N_LABELS;

/// The features of position `i` given the labels of the two positions before (`prev`,
/// `prev2`: label indices, or [`START`]).
pub(crate) fn history_features(info: &TokenInfo, prev: usize, prev2: usize) -> [u32; N_HISTORY] {
    let [a, b] = label_history_features(prev, prev2);
    let [c, d] = token_history_features(info, prev);
    [a, b, c, d]
}

/// The history features that depend on the labels alone.
pub(crate) fn label_history_features(prev: usize, prev2: usize) -> [u32; 2] {
    let (p, p2) = (prev as u64, prev2 as u64);
    [key(t::HIST1, p), key(t::HIST2, p2 << 8 | p)]
}

/// The history features that depend on the previous label and the token.
pub(crate) fn token_history_features(info: &TokenInfo, prev: usize) -> [u32; 2] {
    let p = prev as u64;
    [
        key(t::HIST1_SHORT, pair(p, info.short)),
        key(t::HIST1_WORD, pair(p, info.word)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_fold_case_and_digits() {
        let a = token_info("Budapest");
        let b = token_info("Brussels");
        assert_eq!(a.short, b.short);
        assert_eq!(a.shape, b.shape); // "Xxxxx" capped at four lowercase letters
        assert_ne!(token_info("NATO").short, a.short);
        assert_eq!(token_info("1997").word, token_info("2004").word);
        assert_eq!(token_info("Party").word, token_info("party").word);
        assert!(token_info("U.S.").flags & flag::HAS_PERIOD != 0);
        assert!(token_info("NATO").flags & flag::ALL_CAPS != 0);
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let infos = annotate(&["Angela", "Merkel", "spoke"]);
        let mut a = Vec::new();
        let mut b = Vec::new();
        static_features(&infos, 1, &mut a);
        static_features(&annotate(&["Angela", "Merkel", "spoke"]), 1, &mut b);
        assert_eq!(a, b);
        let mut c = Vec::new();
        static_features(&annotate(&["Chancellor", "Merkel", "spoke"]), 1, &mut c);
        assert_ne!(a, c);
        assert_eq!(a.iter().filter(|&&k| k == key(t::BIAS, 0)).count(), 1);
    }
}
