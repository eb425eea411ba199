//! Training the tagger and the parser from CoNLL-U treebanks.
//!
//! Training is deterministic: sentence order comes from a fixed-seed PRNG, every map that is
//! iterated is ordered, and weights are integers until the final averaging, so the same data
//! and options give byte-identical model files.

use std::collections::BTreeMap;
use std::time::Instant;

use super::conllu::Sentence;
use super::features::tagger_features;
use super::features::WordHashes;
use super::hash::{key, mix, Rng};
use super::intern::intern;
use super::perceptron::{argmax, TrainWeights, Weights};
use super::tagger::{exact_key, lower_key, LexEntry, Tagger, NO_TAG, START1, START2};
use super::{TagOut, Upos};

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The training file has no usable sentences.
    #[error("no training sentences")]
    NoData,
    /// A word lacks an annotation training needs.
    #[error("sentence {sentence}, word {word}: {message}")]
    BadAnnotation {
        /// 1-based sentence number.
        sentence: usize,
        /// 1-based word number.
        word: usize,
        /// What is missing or wrong.
        message: String,
    },
}

/// Tagger training settings. The defaults are the ones the shipped model was trained with.
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    /// Passes over the training data; the epoch with the best dev accuracy is kept.
    pub epochs: usize,
    /// Seed for shuffling.
    pub seed: u64,
    /// Minimum count for a word to get an ambiguity class in the lexicon.
    pub lex_min: usize,
    /// Minimum count for a word to be tagged from the dictionary.
    pub dict_min: usize,
    /// Minimum share of its most frequent tag for a word to be tagged from the dictionary.
    pub dict_purity: f64,
    /// Folds for the training lexicon: each training sentence sees ambiguity classes counted
    /// on the other folds, as unseen text will (0 = count on all the data).
    pub lex_folds: usize,
    /// Weights smaller than this fraction of the largest are dropped from the model.
    pub prune: f32,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            seed: 1,
            lex_min: 2,
            dict_min: 20,
            dict_purity: 0.99,
            lex_folds: 10,
            prune: 0.0,
        }
    }
}

/// Gold classes of the training data: sorted (UPOS, XPOS) pairs.
fn tag_classes(train: &[Sentence]) -> Result<Vec<TagOut>, TrainError> {
    let mut set = std::collections::BTreeSet::new();
    for (s, sentence) in train.iter().enumerate() {
        for (w, word) in sentence.words.iter().enumerate() {
            let upos = Upos::parse(&word.upos).ok_or_else(|| TrainError::BadAnnotation {
                sentence: s + 1,
                word: w + 1,
                message: format!("unknown UPOS {:?}", word.upos),
            })?;
            set.insert((upos, word.xpos.as_str()));
        }
    }
    Ok(set
        .into_iter()
        .map(|(upos, xpos)| TagOut {
            upos,
            xpos: intern(xpos),
        })
        .collect())
}

fn class_of(classes: &[TagOut], upos: &str, xpos: &str) -> Option<u16> {
    classes
        .iter()
        .position(|c| c.upos.as_str() == upos && c.xpos == xpos)
        .map(|c| c as u16)
}

/// Hash of a set of classes.
fn amb_hash(classes: &BTreeMap<u16, usize>, total: usize) -> u32 {
    let mut h = 0x9a3b;
    for (&c, &n) in classes {
        // Ignore stray annotations so one odd token does not split a word's class.
        if n * 100 >= total {
            h = mix(h, u64::from(c) + 1);
        }
    }
    key(h)
}

/// The lexicon from the sentences of `data` for which `keep(index)` holds.
fn build_lexicon(
    data: &[(Vec<&str>, Vec<u16>)],
    opts: &TaggerOptions,
    keep: impl Fn(usize) -> bool,
) -> Vec<(u32, LexEntry)> {
    let mut exact: BTreeMap<&str, BTreeMap<u16, usize>> = BTreeMap::new();
    let mut lower: BTreeMap<String, BTreeMap<u16, usize>> = BTreeMap::new();
    for (_, (forms, gold)) in data.iter().enumerate().filter(|(i, _)| keep(*i)) {
        for (f, &g) in forms.iter().zip(gold) {
            *exact.entry(f).or_default().entry(g).or_default() += 1;
            *lower
                .entry(f.to_lowercase())
                .or_default()
                .entry(g)
                .or_default() += 1;
        }
    }
    let mut lex: BTreeMap<u32, LexEntry> = BTreeMap::new();
    for (form, counts) in &lower {
        let total: usize = counts.values().sum();
        if total >= opts.lex_min {
            let k = lower_key(&WordHashes::new(form));
            lex.insert(
                k,
                LexEntry {
                    amb: amb_hash(counts, total),
                    dict: NO_TAG,
                },
            );
        }
    }
    for (form, counts) in &exact {
        let total: usize = counts.values().sum();
        if total < opts.lex_min {
            continue;
        }
        let (&top, &n) = counts
            .iter()
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .expect("non-empty");
        let dict = if total >= opts.dict_min && n as f64 >= opts.dict_purity * total as f64 {
            top
        } else {
            NO_TAG
        };
        let k = exact_key(&WordHashes::new(form));
        lex.insert(
            k,
            LexEntry {
                amb: amb_hash(counts, total),
                dict,
            },
        );
    }
    lex.into_iter().collect()
}

/// Gold (forms, class ids) of sentences; words whose class is unknown get `None`.
fn gold_tags<'a>(
    sentences: &'a [Sentence],
    classes: &[TagOut],
) -> Vec<(Vec<&'a str>, Vec<Option<u16>>)> {
    sentences
        .iter()
        .map(|s| {
            (
                s.forms(),
                s.words
                    .iter()
                    .map(|w| class_of(classes, &w.upos, &w.xpos))
                    .collect(),
            )
        })
        .collect()
}

/// Fraction of words whose UPOS the tagger gets right.
fn upos_accuracy(tagger: &Tagger, sentences: &[Sentence]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for s in sentences {
        let tags = tagger.tag(&s.forms());
        for (t, w) in tags.iter().zip(&s.words) {
            right += usize::from(t.upos.as_str() == w.upos);
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Trains a tagger on `train`, keeping the epoch that does best on `dev` (UPOS accuracy; with an
/// empty `dev`, the last epoch). `log` receives one line per epoch.
pub fn train_tagger(
    train: &[Sentence],
    dev: &[Sentence],
    opts: &TaggerOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Tagger, TrainError> {
    let classes = tag_classes(train)?;
    if classes.is_empty() {
        return Err(TrainError::NoData);
    }
    let data: Vec<(Vec<&str>, Vec<u16>)> = gold_tags(train, &classes)
        .into_iter()
        .map(|(f, g)| {
            (
                f,
                g.into_iter()
                    .map(|c| c.expect("training classes"))
                    .collect(),
            )
        })
        .collect();
    let lexicon = build_lexicon(&data, opts, |_| true);
    let empty = || Weights::new(classes.len(), 1.0, vec![], vec![]);
    let contexts: Vec<_> = if opts.lex_folds < 2 {
        let proto = Tagger::new(classes.clone(), lexicon.clone(), empty());
        data.iter().map(|(f, _)| proto.context(f)).collect()
    } else {
        let k = opts.lex_folds;
        let mut contexts = vec![None; data.len()];
        for fold in 0..k {
            let lex = build_lexicon(&data, opts, |i| i % k != fold);
            let proto = Tagger::new(classes.clone(), lex, empty());
            for i in (fold..data.len()).step_by(k) {
                contexts[i] = Some(proto.context(&data[i].0));
            }
        }
        contexts
            .into_iter()
            .map(|c| c.expect("every sentence is in a fold"))
            .collect()
    };
    let mut weights = TrainWeights::new(classes.len());
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut scores = vec![0i32; classes.len()];
    let mut best: Option<(f64, Tagger)> = None;
    for epoch in 1..=opts.epochs {
        let start = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let (ctx, dict) = &contexts[s];
            let gold = &data[s].1;
            let (mut p1, mut p2) = (START1, START2);
            for (i, (&d, &g)) in dict.iter().zip(gold).enumerate() {
                let class = if d != NO_TAG {
                    d
                } else {
                    let feats = tagger_features(ctx, i + 2, p1, p2);
                    scores.fill(0);
                    weights.score(&feats, &mut scores);
                    let guess = argmax(&scores, |_| true).unwrap_or(0);
                    weights.update(&feats, g as usize, guess);
                    weights.time += 1;
                    guess as u16
                };
                right += usize::from(class == g);
                total += 1;
                p2 = p1;
                p1 = u64::from(class);
            }
        }
        let tagger = Tagger::new(classes.clone(), lexicon.clone(), weights.finish(opts.prune));
        let dev_acc = if dev.is_empty() {
            0.0
        } else {
            upos_accuracy(&tagger, dev)
        };
        log(&format!(
            "tagger epoch {epoch}: train {:.2}%  dev UPOS {:.2}%  rows {}  ({:.1}s)",
            100.0 * right as f64 / total.max(1) as f64,
            100.0 * dev_acc,
            tagger.size().0,
            start.elapsed().as_secs_f64()
        ));
        if best
            .as_ref()
            .map_or(true, |(b, _)| dev.is_empty() || dev_acc > *b)
        {
            best = Some((dev_acc, tagger));
        }
    }
    best.map(|(_, t)| t).ok_or(TrainError::NoData)
}
