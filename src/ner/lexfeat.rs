//! What the built-in lexicon says about the tokens of a sentence: the longest name matches
//! (country, capital, place, organization, seat of government), demonyms, role and title
//! phrases, common words; one bit each.
//!
//! Most tokens are one-token questions, so a [`LexIndex`] built once answers them all with one
//! cheap lookup; only phrases of several tokens go to the lexicon's own maps.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::hash::{pair, str_hash};
use crate::lexicon::{Lexicon, NameSource, Role, RoleCategory};
use crate::text;

/// What the lexicon says about a token, one bit each.
pub(crate) mod lex {
    // Longest lexicon name match the token is part of: begins (B) or continues (I).
    pub const B_COUNTRY: u32 = 0;
    pub const I_COUNTRY: u32 = 1;
    pub const B_CAPITAL: u32 = 2;
    pub const I_CAPITAL: u32 = 3;
    pub const B_PLACE: u32 = 4;
    pub const I_PLACE: u32 = 5;
    pub const B_ORG: u32 = 6;
    pub const I_ORG: u32 = 7;
    pub const B_OFFICE: u32 = 8;
    pub const I_OFFICE: u32 = 9;
    /// The matched form needs context (a common word, a person's name, several readings).
    pub const NAME_AMBIGUOUS: u32 = 10;
    /// The letters match a name but the capitals do not ("us", "china").
    pub const NAME_WRONG_CASE: u32 = 11;
    /// The last token of a name match.
    pub const NAME_END: u32 = 12;
    /// A demonym that is not itself a country name ("Mexican", "Hungarian").
    pub const DEMONYM: u32 = 13;
    // Role phrases the token is part of, by category.
    pub const TITLE: u32 = 14;
    pub const ROLE: u32 = 15;
    pub const GROUP: u32 = 16;
    pub const ORG_HEAD: u32 = 17;
    pub const OTHER_HEAD: u32 = 18;
    pub const LOC_HEAD: u32 = 19;
    pub const STATE: u32 = 20;
    pub const MODIFIER: u32 = 21;
    /// The last token of a title ("President", "Foreign Minister").
    pub const TITLE_END: u32 = 22;
    /// A common English word.
    pub const COMMON: u32 = 23;
    pub const COUNT: u32 = 24;
}

/// Index flags.
const NAME_KEY: u8 = 1 << 0;
const NAME_PREFIX: u8 = 1 << 1;
const ROLE_PREFIX: u8 = 1 << 2;
const DEMONYM: u8 = 1 << 3;
const COMMON: u8 = 1 << 4;

/// What the lexicon knows about one token key.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    flags: u8,
    /// [`lex`] bits of the roles of the one-token phrase.
    roles: u32,
}

/// FNV-1a for short string keys (std's SipHash is slower, and nothing here is adversarial).
#[derive(Default)]
struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// One-token facts of the built-in lexicon, by token key.
struct LexIndex {
    facts: HashMap<Box<str>, Facts, BuildHasherDefault<FnvHasher>>,
}

impl LexIndex {
    fn builtin() -> &'static LexIndex {
        static INDEX: OnceLock<LexIndex> = OnceLock::new();
        INDEX.get_or_init(|| LexIndex::new(Lexicon::builtin()))
    }

    fn new(lexicon: &Lexicon) -> LexIndex {
        let mut facts: HashMap<Box<str>, Facts, BuildHasherDefault<FnvHasher>> = HashMap::default();
        let mut set = |k: &str, f: &dyn Fn(&mut Facts)| {
            // Only one-token keys: a key with a space is a phrase (or a hyphenated word, which
            // the index then also answers, as the lexicon maps would).
            f(facts.entry(k.into()).or_default());
        };
        for k in lexicon.names.by_key.keys() {
            set(k, &|x| x.flags |= NAME_KEY);
        }
        for k in &lexicon.names.prefixes {
            set(k, &|x| x.flags |= NAME_PREFIX);
        }
        for (k, roles) in &lexicon.roles {
            let mask = role_mask(roles);
            set(k, &|x| x.roles |= mask);
        }
        for k in &lexicon.role_prefixes {
            set(k, &|x| x.flags |= ROLE_PREFIX);
        }
        for k in lexicon.demonyms.keys() {
            set(k, &|x| x.flags |= DEMONYM);
        }
        for k in &lexicon.common_words {
            set(k, &|x| x.flags |= COMMON);
        }
        LexIndex { facts }
    }

    fn get(&self, key: &str) -> Facts {
        self.facts.get(key).copied().unwrap_or_default()
    }

    /// [`Lexicon::is_common_key`]: a common word, or the plural of one.
    fn is_common(&self, key: &str, facts: &Facts) -> bool {
        facts.flags & COMMON != 0
            || key
                .strip_suffix('s')
                .is_some_and(|stem| stem.len() > 2 && self.get(stem).flags & COMMON != 0)
    }
}

fn role_mask(roles: &[Role]) -> u32 {
    roles.iter().fold(0, |mask, role| {
        mask | 1
            << match role.category {
                RoleCategory::Title => lex::TITLE,
                RoleCategory::Role => lex::ROLE,
                RoleCategory::Group => lex::GROUP,
                RoleCategory::OrgHead => lex::ORG_HEAD,
                // Trained when state heads ("Empire") were other heads.
                RoleCategory::OtherHead | RoleCategory::CountryHead => lex::OTHER_HEAD,
                RoleCategory::LocHead => lex::LOC_HEAD,
                RoleCategory::State => lex::STATE,
                RoleCategory::Modifier => lex::MODIFIER,
            }
    })
}

/// Appends [`text::token_key`] of `word` to `out`, without allocating for ASCII words.
fn token_key_into(word: &str, out: &mut String) {
    if !word.is_ascii() {
        out.push_str(&text::token_key(word));
        return;
    }
    let start = out.len();
    let mut pending_space = false;
    for c in word.chars() {
        match c {
            '.' => {}
            c if c.is_ascii_whitespace() || c == '-' || c == '_' => {
                pending_space = out.len() > start;
            }
            c if c.is_ascii_alphanumeric() || c == '\'' || c == '&' => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c.to_ascii_lowercase());
            }
            _ => {}
        }
    }
    for suffix in ["'s", "'"] {
        if out[start..].ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
        }
    }
    if out.len() == start {
        out.push_str(word);
    }
}

/// What the lexicon says about each token: longest name matches (left to right), demonyms,
/// role phrases, common words.
pub(crate) fn lexicon_bits(words: &[&str]) -> Vec<u32> {
    let lexicon = Lexicon::builtin();
    let index = LexIndex::builtin();
    let n = words.len();
    let mut arena = String::new();
    let mut spans = Vec::with_capacity(n);
    for w in words {
        let start = arena.len();
        token_key_into(w, &mut arena);
        spans.push(start..arena.len());
    }
    let key = |i: usize| &arena[spans[i].clone()];
    let facts: Vec<Facts> = (0..n).map(|i| index.get(key(i))).collect();
    let mut bits = vec![0u32; n];
    let mut phrase = String::new();

    // Names: the longest match starting at each token, then skip past it.
    let names = &lexicon.names;
    let mut i = 0;
    while i < n {
        // (end, entry source, ambiguous) of the longest match with the right capitals, and the
        // end of the longest match of the letters alone.
        let mut best: Option<(usize, NameSource, bool)> = None;
        let mut letters_only = None;
        phrase.clear();
        for j in i..n.min(i + names.max_tokens) {
            // One token: the index answers; longer phrases ask the lexicon.
            let single = j == i;
            if single && facts[i].flags & (NAME_KEY | NAME_PREFIX) == 0 {
                break;
            }
            if j > i {
                phrase.push(' ');
            }
            phrase.push_str(key(j));
            let is_key = if single {
                facts[i].flags & NAME_KEY != 0
            } else {
                names.by_key.contains_key(phrase.as_str())
            };
            if is_key {
                match names.lookup(&phrase, &words[i..=j]).next() {
                    Some(alias) => {
                        let source = names.entries[alias.entry].source;
                        best = Some((j + 1, source, alias.ambiguous));
                    }
                    None => letters_only = Some(j + 1),
                }
            }
            let continues = if single {
                facts[i].flags & NAME_PREFIX != 0
            } else {
                names.may_continue(&phrase)
            };
            if !continues {
                break;
            }
        }
        if let Some((end, source, ambiguous)) = best {
            let (b, inside) = match source {
                NameSource::Country => (lex::B_COUNTRY, lex::I_COUNTRY),
                NameSource::Capital => (lex::B_CAPITAL, lex::I_CAPITAL),
                NameSource::Office => (lex::B_OFFICE, lex::I_OFFICE),
                NameSource::Organization | NameSource::User => (lex::B_ORG, lex::I_ORG),
                NameSource::Place => (lex::B_PLACE, lex::I_PLACE),
            };
            bits[i] |= 1 << b;
            for bit in &mut bits[i + 1..end] {
                *bit |= 1 << inside;
            }
            if ambiguous {
                for bit in &mut bits[i..end] {
                    *bit |= 1 << lex::NAME_AMBIGUOUS;
                }
            }
            bits[end - 1] |= 1 << lex::NAME_END;
            i = end;
        } else if let Some(end) = letters_only {
            for bit in &mut bits[i..end] {
                *bit |= 1 << lex::NAME_WRONG_CASE;
            }
            i = end;
        } else {
            i += 1;
        }
    }

    // Roles and titles: longest phrase at each token.
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, u32)> = None;
        if facts[i].roles != 0 {
            best = Some((i + 1, facts[i].roles));
        }
        if facts[i].flags & ROLE_PREFIX != 0 {
            phrase.clear();
            phrase.push_str(key(i));
            for j in i + 1..n.min(i + lexicon.max_role_tokens) {
                phrase.push(' ');
                phrase.push_str(key(j));
                if let Some(roles) = lexicon.roles.get(phrase.as_str()) {
                    best = Some((j + 1, role_mask(roles)));
                }
                if !lexicon.role_prefixes.contains(phrase.as_str()) {
                    break;
                }
            }
        }
        match best {
            Some((end, mask)) => {
                for bit in &mut bits[i..end] {
                    *bit |= mask;
                }
                if mask & (1 << lex::TITLE) != 0 {
                    bits[end - 1] |= 1 << lex::TITLE_END;
                }
                i = end;
            }
            None => i += 1,
        }
    }

    for (i, bit) in bits.iter_mut().enumerate() {
        let in_country = *bit & (1 << lex::B_COUNTRY | 1 << lex::I_COUNTRY) != 0;
        if !in_country && facts[i].flags & DEMONYM != 0 {
            *bit |= 1 << lex::DEMONYM;
        }
        if index.is_common(key(i), &facts[i]) {
            *bit |= 1 << lex::COMMON;
        }
    }
    bits
}

/// A fingerprint of what the lexicon features read, so a model can tell when the lexicon it
/// was trained with has changed.
pub(crate) fn lexicon_fingerprint(lexicon: &Lexicon) -> u64 {
    let mut h = str_hash("newsgraph lexicon");
    for e in &lexicon.names.entries {
        h = pair(h, str_hash(&e.label));
        h = pair(h, str_hash(e.kind.as_str()));
    }
    for n in [
        lexicon.names.by_key.len(),
        lexicon.roles.len(),
        lexicon.demonyms.len(),
        lexicon.common_words.len(),
    ] {
        h = pair(h, n as u64);
    }
    // The word clusters are features too.
    pair(
        h,
        u64::from(crate::nlp::clusters::Clusters::embedded().fingerprint()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(b: u32, bit: u32) -> bool {
        b & (1 << bit) != 0
    }

    #[test]
    fn lexicon_marks_longest_names_roles_and_demonyms() {
        let b = lexicon_bits(&[
            "President",
            "Biden",
            "visited",
            "the",
            "United",
            "States",
            ".",
        ]);
        assert!(has(b[0], lex::TITLE) && has(b[0], lex::TITLE_END));
        assert!(has(b[4], lex::B_COUNTRY) && has(b[5], lex::I_COUNTRY));
        assert!(has(b[5], lex::NAME_END));
        assert!(has(b[2], lex::COMMON));
        let b = lexicon_bits(&["Hungarian", "officials", "in", "Budapest"]);
        assert!(has(b[0], lex::DEMONYM));
        assert!(has(b[3], lex::B_CAPITAL));
        let b = lexicon_bits(&["us", "and", "US"]);
        assert!(!has(b[0], lex::B_COUNTRY));
        assert!(has(b[2], lex::B_COUNTRY));
    }

    #[test]
    fn fast_keys_match_the_lexicon_keys() {
        for w in [
            "U.S.",
            "Mexico's",
            "e-mail",
            "O'Brien",
            "'s",
            "'",
            "...",
            "-",
            "AT&T",
            "70,000",
            "co-workers",
            "a_b",
            "García",
            "Sheinbaum’s",
            "s'",
            "X's'",
            "Washington",
            "",
        ] {
            let mut k = String::new();
            token_key_into(w, &mut k);
            assert_eq!(k, text::token_key(w), "{w}");
        }
    }

    #[test]
    fn index_agrees_with_the_lexicon() {
        let lexicon = Lexicon::builtin();
        let index = LexIndex::builtin();
        for w in [
            "readers",
            "decades",
            "however",
            "mexico",
            "mexican",
            "president",
            "party",
        ] {
            let f = index.get(w);
            assert_eq!(index.is_common(w, &f), lexicon.is_common_key(w), "{w}");
            assert_eq!(
                f.flags & NAME_KEY != 0,
                lexicon.names.by_key.contains_key(w),
                "{w}"
            );
            assert_eq!(
                f.flags & DEMONYM != 0,
                lexicon.demonyms.contains_key(w),
                "{w}"
            );
            assert_eq!(f.roles != 0, lexicon.roles.contains_key(w), "{w}");
        }
    }
}
