//! The part-of-speech tagger: an averaged perceptron applied greedily left to right, predicting
//! a joint UPOS+XPOS class so the two tags always agree with each other.
//!
//! Frequent words that had a single tag in training (most function words and punctuation) are
//! tagged from the lexicon without scoring, which is faster and no less accurate.

use std::path::Path;

use super::features::{
    tagger_bias, tagger_context, tagger_dynamic, tagger_word, word_clusters, TagWord, WordHashes,
    TAGGER_CONTEXT, TAGGER_WORD,
};
use super::hash::{key, mix, KeyIndex};
use super::intern::intern;
use super::model_io::{self, Decoder, Encoder, ModelError, ModelKind};
use super::perceptron::{best, Weights, MAX_CLASSES};
use super::{TagOut, Upos};

/// Lexicon value for "no tag set": any class may be predicted.
pub(crate) const NO_SET: u16 = u16::MAX;
/// Mask allowing every class.
pub(crate) const ALL: u128 = u128::MAX;
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
    /// Index of the word's tag set in [`Tagger::sets`], or [`NO_SET`].
    pub set: u16,
}

/// A trained part-of-speech tagger. Cheap to share across threads (`Send + Sync`, read-only).
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    classes: Vec<TagOut>,
    lex_keys: Vec<u32>,
    lex: Vec<LexEntry>,
    lex_index: KeyIndex,
    /// Tag sets as class bitmasks (bit `c` allows class `c`).
    sets: Vec<u128>,
    weights: Weights,
    /// Frequent words whose word-feature rows are summed once, when the model is loaded.
    cached_words: Vec<String>,
    /// For each lexicon entry, the index of its cached row, or `NOT_CACHED`.
    lex_cache: Vec<u32>,
    /// Cached rows: the bias plus the word features of `cached_words[i]`, `classes` each.
    cache_rows: Vec<i16>,
    /// The bias row, where every word's scores start.
    bias: Vec<i16>,
}

/// `lex_cache` value of a word without a cached row.
const NOT_CACHED: u32 = u32::MAX;

/// What the tagger knows about a word before scoring it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    /// Classes the word may take (one bit: tagged without scoring).
    pub mask: u128,
    /// Cached row, or `NOT_CACHED`.
    cached: u32,
}

impl Tagger {
    /// Assembles a tagger; `lexicon` must be sorted by key. The word-feature rows of
    /// `cached_words` (frequent words, each in the lexicon) are summed here.
    pub(crate) fn new(
        classes: Vec<TagOut>,
        lexicon: Vec<(u32, LexEntry)>,
        sets: Vec<u128>,
        weights: Weights,
        cached_words: Vec<String>,
    ) -> Tagger {
        let lex_keys: Vec<u32> = lexicon.iter().map(|(k, _)| *k).collect();
        let c = classes.len();
        let mut bias = vec![0i16; c];
        weights.score(&[tagger_bias()], &mut bias);
        let mut tagger = Tagger {
            classes,
            lex_index: KeyIndex::new(lex_keys.iter().enumerate().map(|(i, &k)| (k, i as u32))),
            lex_cache: vec![NOT_CACHED; lex_keys.len()],
            lex_keys,
            lex: lexicon.into_iter().map(|(_, e)| e).collect(),
            sets,
            weights,
            cached_words: Vec::new(),
            cache_rows: Vec::new(),
            bias,
        };
        for word in cached_words {
            let h = WordHashes::new(&word);
            let Some(entry) = tagger.lex_index.get(exact_key(&h)) else {
                continue;
            };
            let mut row = tagger.bias.clone();
            let w = TagWord {
                h,
                amb: 0,
                cl: word_clusters(&h),
            };
            tagger.weights.score(&tagger_word(&w), &mut row);
            tagger.lex_cache[entry as usize] = tagger.cached_words.len() as u32;
            tagger.cache_rows.extend_from_slice(&row);
            tagger.cached_words.push(word);
        }
        tagger
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
        (self.weights.len(), self.lex.len())
    }

    /// Ambiguity-class hash of a word and what else the lexicon says about it.
    fn lookup(&self, h: &WordHashes) -> (u32, WordInfo) {
        if let Some(i) = self.lex_index.get(exact_key(h)) {
            let e = self.lex[i as usize];
            let mask = self.sets.get(usize::from(e.set)).copied().unwrap_or(ALL);
            let cached = self.lex_cache[i as usize];
            return (e.amb, WordInfo { mask, cached });
        }
        let amb = match self.lex_index.get(lower_key(h)) {
            Some(i) => self.lex[i as usize].amb,
            None => UNKNOWN_AMB,
        };
        let info = WordInfo {
            mask: ALL,
            cached: NOT_CACHED,
        };
        (amb, info)
    }

    /// The words with lexicon information, two padding words on each side.
    pub(crate) fn context<S: AsRef<str>>(&self, words: &[S]) -> (Vec<TagWord>, Vec<WordInfo>) {
        let mut ctx = Vec::with_capacity(words.len() + 4);
        let mut infos = Vec::with_capacity(words.len());
        for n in [1, 2] {
            ctx.push(pad(n));
        }
        for w in words {
            let h = WordHashes::new(w.as_ref());
            let (amb, info) = self.lookup(&h);
            ctx.push(TagWord {
                h,
                amb: u64::from(amb),
                cl: word_clusters(&h),
            });
            infos.push(info);
        }
        for n in [3, 4] {
            ctx.push(pad(n));
        }
        (ctx, infos)
    }

    /// Class ids for a sentence.
    pub(crate) fn tag_ids<S: AsRef<str>>(&self, words: &[S]) -> Vec<u16> {
        let (ctx, infos) = self.context(words);
        let c = self.classes.len();
        // Features that do not depend on earlier decisions are looked up for the whole
        // sentence first: one long run of independent table probes, which the CPU overlaps.
        let mut keys = Vec::with_capacity(words.len() * (TAGGER_WORD + TAGGER_CONTEXT));
        let mut ends = Vec::with_capacity(words.len());
        for (i, info) in infos.iter().enumerate() {
            if info.mask.count_ones() > 1 {
                keys.extend_from_slice(&tagger_context(&ctx, i + 2));
                if info.cached == NOT_CACHED {
                    keys.extend_from_slice(&tagger_word(&ctx[i + 2]));
                }
            }
            ends.push(keys.len());
        }
        std::hint::black_box(self.weights.touch(&keys));
        let mut refs = Vec::with_capacity(keys.len());
        let mut start = 0;
        for end in &mut ends {
            self.weights.lookup(&keys[start..*end], &mut refs);
            start = *end;
            *end = refs.len();
        }
        let mut out = Vec::with_capacity(words.len());
        let mut scores = vec![0i16; c];
        let (mut p1, mut p2) = (START1, START2);
        let mut start = 0;
        for (i, info) in infos.iter().enumerate() {
            let class = if info.mask.count_ones() == 1 {
                info.mask.trailing_zeros() as u16
            } else {
                let first = match info.cached {
                    NOT_CACHED => &self.bias[..],
                    r => &self.cache_rows[r as usize * c..][..c],
                };
                scores.copy_from_slice(first);
                self.weights.add_rows(&refs[start..ends[i]], &mut scores);
                self.weights
                    .score(&tagger_dynamic(&ctx, i + 2, p1, p2), &mut scores);
                best(&scores) as u16
            };
            start = ends[i];
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
        e.varint(self.sets.len() as u64);
        for &set in &self.sets {
            e.u128(set);
        }
        e.varint(self.lex.len() as u64);
        let mut prev = 0;
        for (&k, entry) in self.lex_keys.iter().zip(&self.lex) {
            e.varint(u64::from(k - prev));
            prev = k;
            e.u32(entry.amb);
            e.varint(if entry.set == NO_SET {
                0
            } else {
                u64::from(entry.set) + 1
            });
        }
        e.weights(&self.weights);
        e.varint(self.cached_words.len() as u64);
        for w in &self.cached_words {
            e.str(w);
        }
        model_io::seal(ModelKind::Tagger, &e.buf)
    }

    /// Decodes a tagger from model bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut d = Decoder::new(model_io::open(ModelKind::Tagger, bytes)?);
        let n = d.count(MAX_CLASSES, "class count")?;
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
        let n_sets = d.count(usize::from(NO_SET) - 1, "tag set count")?;
        let valid = if n >= 128 { ALL } else { (1u128 << n) - 1 };
        let mut sets = Vec::with_capacity(n_sets);
        for _ in 0..n_sets {
            let set = d.u128()?;
            if set == 0 || set & !valid != 0 {
                return Err(ModelError::Malformed(
                    "tag set names unknown classes".into(),
                ));
            }
            sets.push(set);
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
            let set = match d.count(n_sets, "tag set")? {
                0 => NO_SET,
                s => (s - 1) as u16,
            };
            lexicon.push((k as u32, LexEntry { amb, set }));
        }
        let weights = d.weights(n)?;
        let n_cached = d.count(bytes.len(), "cached word count")?;
        let mut cached = Vec::with_capacity(n_cached);
        for _ in 0..n_cached {
            cached.push(d.str()?.to_owned());
        }
        d.finish()?;
        Ok(Tagger::new(classes, lexicon, sets, weights, cached))
    }

    /// Loads a tagger model file.
    pub fn load(path: impl AsRef<Path>) -> Result<Tagger, ModelError> {
        model_io::load(path.as_ref(), Tagger::from_bytes)
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
        cl: [mix(0xc1, n); 3],
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
            min_updates: 1,
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
    fn the_word_cache_does_not_change_tags() {
        let data = parse(SAMPLE).unwrap();
        let mut opts = TaggerOptions {
            lex_folds: 0,
            lex_min: 1,
            min_updates: 1,
            cache_min: 1,
            ..TaggerOptions::default()
        };
        let cached = train_tagger(&data, &[], &opts, &mut |_| {}).unwrap();
        opts.cache_min = usize::MAX;
        let plain = train_tagger(&data, &[], &opts, &mut |_| {}).unwrap();
        assert!(!cached.cached_words.is_empty() && plain.cached_words.is_empty());
        for s in &data {
            assert_eq!(cached.tag(&s.forms()), plain.tag(&s.forms()));
        }
        let unseen = ["Cats", "like", "tea", "and", "coffee", "."];
        assert_eq!(cached.tag(&unseen), plain.tag(&unseen));
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
