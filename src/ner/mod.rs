//! A trained named-entity recognizer: an averaged perceptron that tags each token of a sentence
//! with a BIO label over four kinds (PER, ORG, LOC, MISC), by beam search over label sequences.
//!
//! - Features (`features.rs`, `lexfeat.rs`) hash a token's lowercased word, shapes, affixes,
//!   flags, neighbours, the capitalized run it is part of, and what the built-in [`Lexicon`] says
//!   about it (country, capital, place, organization, demonym, title, head word, common word)
//!   into 32-bit keys; no string is built per feature.
//! - [`train::train`] learns the weights (structured perceptron with early update, averaged,
//!   several shuffles averaged into one model); they are saved quantized in a compact,
//!   versioned, checksummed file (`models/ner.bin`), embedded in the binary and parsed once
//!   ([`Ner::embedded`]).
//! - [`eval`] scores a tagger on annotated sentences (entity-level exact spans), [`corpus`]
//!   reads them (CrossNER, Universal NER).
//!
//! Sentences are tagged on their own, tokens as [`crate::text::tokenize`] splits them. See
//! `models/NER.md` for the data, the scores and how to retrain.
//!
//! ```
//! use newsgraph::ner::{spans, EntityKind, Ner};
//!
//! let ner = Ner::embedded();
//! let words = ["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."];
//! let labels = ner.tag(&words);
//! assert_eq!(spans(&labels), vec![(0..2, EntityKind::Per), (3..4, EntityKind::Loc)]);
//! ```

mod beam;
pub mod corpus;
pub mod eval;
mod features;
mod gum;
pub(crate) mod hash;
mod label;
mod lexfeat;
mod model;
pub mod train;

use std::path::Path;
use std::sync::OnceLock;

pub use label::{spans, EntityKind, Label};
pub use model::ModelError;

use crate::lexicon::Lexicon;
use features::{label_history_features, static_features, token_history_features, TokenInfo, START};
use label::N_LABELS;
use model::{ModelData, Weights};

/// The model shipped with newsgraph (see `models/NER.md`).
static EMBEDDED: &[u8] = include_bytes!("../../models/ner.bin");

/// A named-entity tagger: trained weights over features of the built-in lexicon.
#[derive(Clone, PartialEq)]
pub struct Ner {
    weights: Weights,
    lexicon_fingerprint: u64,
    /// Beam width (0: greedy).
    beam: u32,
    description: String,
    /// Scores of the label-only history features, by `prev2 * (START + 1) + prev`.
    transitions: Vec<[i32; N_LABELS]>,
}

/// One token's label and how sure the model is of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    /// The label chosen.
    pub label: Label,
    /// Score of the label minus the score of the best other label allowed after the labels
    /// chosen before it, in the units of the averaged perceptron: typically tens when the model
    /// is sure, under 5 a close call, negative where the beam kept a label that loses locally
    /// for the sake of the whole sequence.
    pub margin: f32,
}

impl std::fmt::Debug for Ner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ner")
            .field("weights", &self.weights)
            .field("beam", &self.beam)
            .field("description", &self.description)
            .finish_non_exhaustive()
    }
}

impl Ner {
    /// The model embedded in the binary, parsed on first use.
    ///
    /// # Panics
    ///
    /// If the embedded model is damaged, which the tests rule out; [`Ner::try_embedded`]
    /// returns the error instead.
    pub fn embedded() -> &'static Ner {
        Ner::try_embedded().expect("the embedded NER model is checked by tests")
    }

    /// The model embedded in the binary, or why it cannot be read.
    pub fn try_embedded() -> Result<&'static Ner, &'static ModelError> {
        static MODEL: OnceLock<Result<Ner, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| Ner::from_bytes(EMBEDDED)).as_ref()
    }

    /// Parses a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, ModelError> {
        let data = model::decode(bytes)?;
        Ok(Ner::new(
            data.weights,
            data.lexicon_fingerprint,
            data.beam,
            data.description,
        ))
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Ner, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ner::from_bytes(&bytes)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::encode(&ModelData {
            weights: self.weights.clone(),
            lexicon_fingerprint: self.lexicon_fingerprint,
            beam: self.beam,
            description: self.description.clone(),
        })
    }

    /// Writes the model file (through a temporary file, so a failure leaves no partial file).
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let io = |source| ModelError::Io {
            path: path.display().to_string(),
            source,
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, &self.to_bytes()).map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// What the model was trained on, and how.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Whether the built-in lexicon is the one the model was trained with. When it is not, the
    /// model still works, but its lexicon features mean slightly different things: retrain.
    pub fn lexicon_matches(&self) -> bool {
        self.lexicon_fingerprint == lexfeat::lexicon_fingerprint(Lexicon::builtin())
    }

    /// The BIO label of each word of one sentence (tokens split the way [`crate::text::tokenize`]
    /// splits them).
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<Label> {
        self.tag_with_margins(words)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    /// [`Ner::tag`] with each label's margin over the runner-up.
    pub fn tag_with_margins<S: AsRef<str>>(&self, words: &[S]) -> Vec<Tagged> {
        let infos = features::annotate(words);
        self.decode(&infos)
    }

    fn decode(&self, infos: &[TokenInfo]) -> Vec<Tagged> {
        let mut feats = Vec::with_capacity(64);
        // Scores of the features that do not depend on the history, once per token.
        let stat: Vec<[i32; N_LABELS]> = (0..infos.len())
            .map(|i| {
                feats.clear();
                static_features(infos, i, &mut feats);
                let mut scores = [0i32; N_LABELS];
                for &k in &feats {
                    self.weights.add(k, &mut scores);
                }
                scores
            })
            .collect();
        // Scores of the history features: those of the labels alone from the dense table, those
        // of the token and its previous label computed once per token and label.
        let mut cache: Vec<[Option<[i32; N_LABELS]>; START + 1]> =
            vec![[None; START + 1]; infos.len()];
        let mut scores = |i: usize, prev: usize, prev2: usize| {
            let tok = *cache[i][prev].get_or_insert_with(|| {
                let mut s = [0i32; N_LABELS];
                for k in token_history_features(&infos[i], prev) {
                    self.weights.add(k, &mut s);
                }
                s
            });
            let trans = &self.transitions[prev2 * (START + 1) + prev];
            std::array::from_fn(|y| stat[i][y] + trans[y] + tok[y])
        };
        let labels: Vec<usize> = if self.beam == 0 {
            let mut out = Vec::with_capacity(infos.len());
            let (mut prev, mut prev2) = (START, START);
            for i in 0..infos.len() {
                let (best, _) = best_allowed(&scores(i, prev, prev2), prev);
                out.push(best);
                (prev2, prev) = (prev, best);
            }
            out
        } else {
            let mut beam = beam::Beam::new(self.beam as usize);
            for i in 0..infos.len() {
                beam.step(
                    &mut |prev, prev2| scores(i, prev, prev2),
                    &|_| true,
                    &|_| true,
                );
            }
            beam.best_path()
        };
        // Each label's margin over the best other label allowed after the labels chosen.
        let mut out = Vec::with_capacity(infos.len());
        let (mut prev, mut prev2) = (START, START);
        for (i, &y) in labels.iter().enumerate() {
            let s = scores(i, prev, prev2);
            let (best, margin) = best_allowed(&s, prev);
            let margin = if best == y { margin } else { s[y] - s[best] };
            out.push(Tagged {
                label: Label::from_index(y),
                margin: margin as f32 * self.weights.scale,
            });
            (prev2, prev) = (prev, y);
        }
        out
    }

    fn new(weights: Weights, lexicon_fingerprint: u64, beam: u32, description: String) -> Ner {
        let mut transitions = vec![[0i32; N_LABELS]; (START + 1) * (START + 1)];
        for prev2 in 0..=START {
            for prev in 0..=START {
                for k in label_history_features(prev, prev2) {
                    weights.add(k, &mut transitions[prev2 * (START + 1) + prev]);
                }
            }
        }
        Ner {
            weights,
            lexicon_fingerprint,
            beam,
            description,
            transitions,
        }
    }

    fn from_weights(weights: Weights, beam: usize, description: String) -> Ner {
        let fingerprint = lexfeat::lexicon_fingerprint(Lexicon::builtin());
        Ner::new(weights, fingerprint, beam as u32, description)
    }
}

/// The best label allowed after label index `prev` (ties to the lowest index), and its margin
/// over the next best allowed label.
fn best_allowed<T: Copy + PartialOrd + std::ops::Sub<Output = T>>(
    scores: &[T; N_LABELS],
    prev: usize,
) -> (usize, T) {
    let prev = (prev < N_LABELS).then(|| Label::from_index(prev));
    let mut best: Option<usize> = None;
    let mut second: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if !Label::from_index(i).may_follow(prev) {
            continue;
        }
        match best {
            Some(b) if s <= scores[b] => {
                if second.is_none_or(|x| s > scores[x]) {
                    second = Some(i);
                }
            }
            _ => {
                second = best;
                best = Some(i);
            }
        }
    }
    let best = best.expect("O is always allowed");
    let margin = scores[best] - scores[second.expect("B- labels are always allowed")];
    (best, margin)
}

#[cfg(test)]
mod tests;
