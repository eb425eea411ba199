//! Interned tag and relation names, so outputs can carry `&'static str` without allocating.

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

/// Names known in advance: EWT's XPOS tags and UD relations. Anything else a model brings is
/// leaked once into a global set, so loading models repeatedly does not leak more.
const KNOWN: &[&str] = &[
    // XPOS (Penn Treebank as used by EWT).
    "$",
    "''",
    ",",
    "-LRB-",
    "-RRB-",
    ".",
    ":",
    "ADD",
    "AFX",
    "CC",
    "CD",
    "DT",
    "EX",
    "FW",
    "GW",
    "HYPH",
    "IN",
    "JJ",
    "JJR",
    "JJS",
    "LS",
    "MD",
    "NFP",
    "NN",
    "NNP",
    "NNPS",
    "NNS",
    "PDT",
    "POS",
    "PRP",
    "PRP$",
    "RB",
    "RBR",
    "RBS",
    "RP",
    "SYM",
    "TO",
    "UH",
    "VB",
    "VBD",
    "VBG",
    "VBN",
    "VBP",
    "VBZ",
    "WDT",
    "WP",
    "WP$",
    "WRB",
    "XX",
    "``",
    "_",
    // UD relations with EWT's subtypes.
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
    "nmod:npmod",
    "nmod:tmod",
    "obl:npmod",
    "obl:tmod",
    "flat:foreign",
    "det:poss",
];

/// Returns a `'static` copy of `s`.
pub(crate) fn intern(s: &str) -> &'static str {
    if let Some(k) = KNOWN.iter().find(|k| **k == s) {
        return k;
    }
    static EXTRA: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut set = EXTRA
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(k) = set.get(s) {
        return k;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_returns_the_same_pointer() {
        let a = intern(&String::from("nsubj:pass"));
        assert_eq!(a, "nsubj:pass");
        let b = intern(&String::from("made:up"));
        let c = intern(&String::from("made:up"));
        assert!(std::ptr::eq(b, c));
    }
}
