//! Part-of-speech tagging, dependency parsing and lemmatization for English, with models of
//! our own trained on Universal Dependencies English EWT and embedded in the binary (no model
//! download, no Python).
//!
//! * [`Tagger`]: averaged perceptron, greedy left to right, predicting UPOS and XPOS jointly.
//! * [`Parser`]: greedy arc-hybrid transition parser with an averaged perceptron, trained with
//!   a dynamic oracle on jackknifed (predicted) tags, labelled with UD relations.
//! * [`lemma()`]: rule-based English lemmatizer with tables of irregular forms.
//! * [`conllu`], [`train`], [`eval`]: treebanks in, models out, scores.
//!
//! Input is a sentence already split into words the UD way ([`crate::text::tokenize`] does
//! that). [`Models::embedded`] gives the models shipped with the binary; both are read-only
//! and can be shared across threads.
//!
//! ```
//! use newsgraph::nlp::{lemma, Models, Upos};
//!
//! let words = ["Mexico", "'s", "president", "rejected", "the", "plan", "."];
//! let models = Models::embedded();
//! let tags = models.tagger.tag(&words);
//! let arcs = models.parser.parse(&words, &tags);
//! assert_eq!(tags[3].upos, Upos::VERB);
//! assert_eq!((arcs[3].head, arcs[3].deprel), (0, "root")); // "rejected" heads the sentence
//! assert_eq!((arcs[2].head, arcs[2].deprel), (4, "nsubj")); // "president" is its subject
//! assert_eq!(lemma(words[3], tags[3].upos), "reject");
//! ```
//!
//! Files: `features.rs` (feature templates), `perceptron.rs` (weights for training and use),
//! `hash.rs`, `tagger.rs`, `parser.rs` (transition system and dynamic oracle), `lemma.rs`,
//! `conllu.rs`, `model_io.rs` (the model file format), `train.rs`, `eval.rs`.

pub mod clusters;
pub mod conllu;
pub mod eval;
mod features;
mod hash;
mod intern;
pub mod lemma;
pub mod model_io;
mod parser;
mod perceptron;
mod repair;
mod tagger;
pub mod train;

use std::path::Path;
use std::sync::OnceLock;

pub use lemma::lemma;
pub use model_io::ModelError;
pub use parser::Parser;
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

/// A tagger and a parser that go together (the parser was trained on this tagger's output).
#[derive(Debug)]
pub struct Models {
    /// Part-of-speech tagger.
    pub tagger: Tagger,
    /// Dependency parser.
    pub parser: Parser,
}

/// The tagger shipped with newsgraph (see `models/README.md`).
const EMBEDDED_TAGGER: &[u8] = include_bytes!("../../models/tagger.bin");
/// The parser shipped with newsgraph (see `models/README.md`).
const EMBEDDED_PARSER: &[u8] = include_bytes!("../../models/parser.bin");

impl Models {
    /// The models embedded in the binary, decoded on first use and shared afterwards.
    ///
    /// # Panics
    /// If the embedded model bytes are damaged, which the test suite rules out.
    pub fn embedded() -> &'static Models {
        static MODELS: OnceLock<Models> = OnceLock::new();
        MODELS.get_or_init(|| {
            Models::from_bytes(EMBEDDED_TAGGER, EMBEDDED_PARSER)
                .expect("the embedded models decode (checked by the test suite)")
        })
    }

    /// Loads a tagger and a parser from model files, or takes the embedded ones where a path
    /// is `None`.
    pub fn load_or_embedded(
        tagger: Option<&Path>,
        parser: Option<&Path>,
    ) -> Result<Models, ModelError> {
        Ok(Models {
            tagger: match tagger {
                Some(p) => Tagger::load(p)?,
                None => Tagger::from_bytes(EMBEDDED_TAGGER)?,
            },
            parser: match parser {
                Some(p) => Parser::load(p)?,
                None => Parser::from_bytes(EMBEDDED_PARSER)?,
            },
        })
    }

    /// Decodes a tagger and a parser from model bytes.
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Models, ModelError> {
        Ok(Models {
            tagger: Tagger::from_bytes(tagger)?,
            parser: Parser::from_bytes(parser)?,
        })
    }

    /// Loads `tagger.bin` and `parser.bin` from a directory.
    pub fn load(dir: impl AsRef<Path>) -> Result<Models, ModelError> {
        let dir = dir.as_ref();
        Ok(Models {
            tagger: Tagger::load(dir.join("tagger.bin"))?,
            parser: Parser::load(dir.join("parser.bin"))?,
        })
    }

    /// Tags and parses one sentence.
    pub fn analyze(&self, words: &[&str]) -> (Vec<TagOut>, Vec<Arc>) {
        let tags = self.tagger.tag(words);
        let arcs = self.parser.parse(words, &tags);
        (tags, arcs)
    }

    /// Tags one sentence of news prose, with the tagging errors typical of news repaired
    /// (the tags [`Models::analyze_news`] parses with).
    pub fn tag_news(&self, words: &[&str]) -> Vec<TagOut> {
        let mut tags = self.tagger.tag(words);
        repair::repair_news_verbs(words, &mut tags);
        repair::repair_ly_nouns(words, &mut tags);
        repair::repair_perfect_auxiliaries(words, &mut tags);
        repair::repair_gerunds(words, &mut tags);
        tags
    }

    /// Tags and parses one sentence of news prose: as [`Models::analyze`], with the
    /// tagging errors typical of news leads repaired before parsing and "that" clauses hung
    /// on a verb's adjunct re-hung on the verb (see `repair.rs`).
    pub fn analyze_news(&self, words: &[&str]) -> (Vec<TagOut>, Vec<Arc>) {
        let tags = self.tag_news(words);
        let mut arcs = self.parser.parse(words, &tags);
        repair::repair_that_clauses(words, &mut arcs);
        (tags, arcs)
    }
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
    fn embedded_models_decode_and_work() {
        let m = Models::embedded();
        let words = [
            "Mexico",
            "'s",
            "president",
            "met",
            "officials",
            "in",
            "Washington",
            ".",
        ];
        let (tags, arcs) = m.analyze(&words);
        assert_eq!(tags.len(), words.len());
        assert_eq!(tags[0].upos, Upos::PROPN);
        assert_eq!(tags[3].upos, Upos::VERB);
        assert_eq!(arcs.iter().filter(|a| a.head == 0).count(), 1);
        assert_eq!(arcs[3].head, 0, "the verb is the root");
        assert_eq!(arcs[2].deprel, "nsubj");
    }

    #[test]
    fn models_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Models>();
        check::<Tagger>();
        check::<Parser>();
    }
}
