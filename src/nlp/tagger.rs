//! The part-of-speech tagger: an averaged perceptron applied greedily left to right, predicting
//! a joint UPOS+XPOS class so the two tags always agree with each other.
//!
//! Frequent words that had a single tag in training are tagged from the lexicon without
//! scoring (most function words and punctuation), which is both faster and no less accurate.

use std::path::Path;

use super::features::{tagger_features, TagWord, WordHashes};
use super::hash::{key, mix, KeyIndex};
use super::intern::intern;
use super::model_io::{self, Decoder, Encoder, ModelError, ModelKind};
use super::perceptron::{argmax, Weights};
use super::{TagOut, Upos};

/// Lexicon value for "no dictionary tag".
pub(crate) const NO_TAG: u16 = u16::MAX;
/// Ambiguity class of words not in the lexicon.
pub(crate) const UNKNOWN_AMB: u32 = 0x5eed_0001;
/// Tag-history values before the first word.
pub(crate) const START1: u64 = 0xffff_0001;
pub(crate) const START2: u64 = 0xffff_0002;

/// Lexicon key of a form as written.
#[inline]
pub(crate) fn exact_key(h: &WordHashes) -> u32 {
    key(mix(0x11, h.form))
}

/// Lexicon key of a lowercased form.
#[inline]
pub(crate) fn lower_key(h: &WordHashes) -> u32 {
    key(mix(0x12, h.lower))
}

/// What the lexicon knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LexEntry {
    /// Hash of the word's ambiguity class (the set of tags it had in training).
    pub amb: u32,
    /// The class to assign without scoring, or [`NO_TAG`].
    pub dict: u16,
}

/// A trained part-of-speech tagger. Cheap to share across threads (`Send + Sync`, read-only).
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    classes: Vec<TagOut>,
    lex_keys: Vec<u32>,
    lex: Vec<LexEntry>,
    lex_index: KeyIndex,
    weights: Weights,
}

impl Tagger {
    /// Assembles a tagger; `lexicon` must be sorted by key.
    pub(crate) fn new(
        classes: Vec<TagOut>,
        lexicon: Vec<(u32, LexEntry)>,
        weights: Weights,
    ) -> Tagger {
        let lex_keys: Vec<u32> = lexicon.iter().map(|(k, _)| *k).collect();
        Tagger {
            classes,
            lex_index: KeyIndex::new(&lex_keys),
            lex_keys,
            lex: lexicon.into_iter().map(|(_, e)| e).collect(),
            weights,
        }
    }

    /// Tags a sentence given as words (tokens split the UD way).
    pub fn tag(&self, words: &[&str]) -> Vec<TagOut> {
        self.tag_ids(words)
            .into_iter()
            .map(|c| self.classes[c as usize])
            .collect()
    }

    /// The (UPOS, XPOS) pairs this tagger predicts.
    pub fn classes(&self) -> &[TagOut] {
        &self.classes
    }

    /// Number of weight rows (after pruning) and lexicon entries.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.keys().len(), self.lex.len())
    }

    fn lookup(&self, h: &WordHashes) -> (u32, u16) {
        if let Some(i) = self.lex_index.get(exact_key(h)) {
            let e = self.lex[i];
            return (e.amb, e.dict);
        }
        match self.lex_index.get(lower_key(h)) {
            Some(i) => (self.lex[i].amb, NO_TAG),
            None => (UNKNOWN_AMB, NO_TAG),
        }
    }

    /// The words with lexicon information, two padding words on each side; also returns the
    /// dictionary tags.
    pub(crate) fn context<S: AsRef<str>>(&self, words: &[S]) -> (Vec<TagWord>, Vec<u16>) {
        let mut ctx = Vec::with_capacity(words.len() + 4);
        let mut dict = Vec::with_capacity(words.len());
        for n in [1, 2] {
            ctx.push(pad(n));
        }
        for w in words {
            let h = WordHashes::new(w.as_ref());
            let (amb, d) = self.lookup(&h);
            ctx.push(TagWord {
                h,
                amb: u64::from(amb),
            });
            dict.push(d);
        }
        for n in [3, 4] {
            ctx.push(pad(n));
        }
        (ctx, dict)
    }

    /// Class ids for a sentence.
    pub(crate) fn tag_ids<S: AsRef<str>>(&self, words: &[S]) -> Vec<u16> {
        let (ctx, dict) = self.context(words);
        let mut out = Vec::with_capacity(words.len());
        let mut scores = vec![0i32; self.classes.len()];
        let (mut p1, mut p2) = (START1, START2);
        for (i, &d) in dict.iter().enumerate() {
            let class = if d != NO_TAG {
                d
            } else {
                scores.fill(0);
                self.weights
                    .score(&tagger_features(&ctx, i + 2, p1, p2), &mut scores);
                argmax(&scores, |_| true).unwrap_or(0) as u16
            };
            out.push(class);
            p2 = p1;
            p1 = u64::from(class);
        }
        out
    }

    /// Serializes the tagger in the model file format (see [`model_io`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Encoder::default();
        e.varint(self.classes.len() as u64);
        for c in &self.classes {
            e.str(c.upos.as_str());
            e.str(c.xpos);
        }
        e.varint(self.lex.len() as u64);
        let mut prev = 0;
        for (&k, entry) in self.lex_keys.iter().zip(&self.lex) {
            e.varint(u64::from(k - prev));
            prev = k;
            e.u32(entry.amb);
            e.varint(if entry.dict == NO_TAG {
                0
            } else {
                u64::from(entry.dict) + 1
            });
        }
        e.weights(&self.weights);
        model_io::seal(ModelKind::Tagger, &e.buf)
    }

    /// Decodes a tagger from model bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut d = Decoder::new(model_io::open(ModelKind::Tagger, bytes)?);
        let n = d.count(u16::MAX as usize - 1, "class count")?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let upos = d.str()?;
            let upos = Upos::parse(upos)
                .ok_or_else(|| ModelError::Malformed(format!("unknown UPOS {upos:?}")))?;
            classes.push(TagOut {
                upos,
                xpos: intern(d.str()?),
            });
        }
        let m = d.count(bytes.len(), "lexicon size")?;
        let mut lexicon = Vec::with_capacity(m);
        let mut prev = 0u64;
        for i in 0..m {
            let k = prev + d.varint()?;
            if k > u64::from(u32::MAX) || k == 0 || (i > 0 && k <= prev) {
                return Err(ModelError::Malformed("lexicon keys out of order".into()));
            }
            prev = k;
            let amb = d.u32()?;
            let dict = match d.count(n, "dictionary tag")? {
                0 => NO_TAG,
                c => (c - 1) as u16,
            };
            lexicon.push((k as u32, LexEntry { amb, dict }));
        }
        let weights = d.weights(n)?;
        d.finish()?;
        Ok(Tagger::new(classes, lexicon, weights))
    }

    /// Loads a tagger model file.
    pub fn load(path: impl AsRef<Path>) -> Result<Tagger, ModelError> {
        Tagger::from_bytes(&model_io::read_path(path.as_ref())?)
    }

    /// Writes the tagger to a model file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), ModelError> {
        model_io::write_path(path.as_ref(), &self.to_bytes())
    }
}

/// Padding word `n` (1, 2 before the sentence; 3, 4 after).
pub(crate) fn pad(n: u64) -> TagWord {
    TagWord {
        h: WordHashes::padding(n),
        amb: mix(0xabcd, n),
    }
}

#[cfg(test)]
mod tests {
    use super::super::conllu::{parse, tests::SAMPLE};
    use super::super::train::{train_tagger, TaggerOptions};
    use super::*;

    fn small_tagger() -> Tagger {
        let data = parse(SAMPLE).unwrap();
        let opts = TaggerOptions {
            lex_folds: 0,
            lex_min: 1,
            ..TaggerOptions::default()
        };
        train_tagger(&data, &[], &opts, &mut |_| {}).unwrap()
    }

    #[test]
    fn learns_its_training_data() {
        let t = small_tagger();
        let tags = t.tag(&["Dogs", "bark", "loudly", "."]);
        let got: Vec<_> = tags.iter().map(|t| (t.upos.as_str(), t.xpos)).collect();
        assert_eq!(
            got,
            [
                ("NOUN", "NNS"),
                ("VERB", "VBP"),
                ("ADV", "RB"),
                ("PUNCT", ".")
            ]
        );
        assert!(t.tag(&[]).is_empty());
    }

    #[test]
    fn model_bytes_round_trip() {
        let t = small_tagger();
        let bytes = t.to_bytes();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn damaged_models_give_errors() {
        let bytes = small_tagger().to_bytes();
        for i in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert!(Tagger::from_bytes(&bad).is_err(), "flip at {i}");
        }
        assert!(Tagger::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(matches!(Tagger::from_bytes(b""), Err(ModelError::BadMagic)));
        let missing = Tagger::load("/nonexistent/tagger.bin").unwrap_err();
        assert!(missing.to_string().contains("/nonexistent/tagger.bin"));
    }
}
