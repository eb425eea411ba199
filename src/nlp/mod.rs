//! Part-of-speech tagging, dependency parsing and lemmatization for English, with models of
//! our own trained on Universal Dependencies English EWT and embedded in the binary.
//!
//! * [`Tagger`]: averaged perceptron, greedy left to right, predicting UPOS and XPOS jointly.
//! * [`Parser`]: greedy arc-hybrid transition parser with an averaged perceptron, trained with
//!   a dynamic oracle on jackknifed (predicted) tags, labelled with UD relations.
//! * [`lemma()`]: rule-based English lemmatizer with an exception table.
//!
//! Input is a sentence already split into words the UD way ([`crate::text::tokenize`] does
//! that). [`Models::embedded`] gives the models shipped with the binary.

pub mod conllu;
mod features;
mod hash;
mod intern;
pub mod model_io;
mod perceptron;
mod tagger;
pub mod train;

pub use model_io::ModelError;
pub use tagger::Tagger;

/// Universal part-of-speech tags (UD v2).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    /// All tags, in declaration order.
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    /// The tag as written in CoNLL-U ("NOUN").
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a CoNLL-U UPOS string; `None` for anything else (including "_").
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The tagger's output for one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TagOut {
    /// Universal tag.
    pub upos: Upos,
    /// Penn Treebank-style tag as used by EWT ("NNS", "VBD", "HYPH").
    pub xpos: &'static str,
}

/// The parser's output for one word: its head and the relation to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arc {
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// UD relation, with subtype when EWT has one ("nsubj", "nsubj:pass", "obl:tmod").
    pub deprel: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_round_trips_through_strings() {
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        assert_eq!(Upos::parse("_"), None);
    }

    #[test]
    fn models_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
