//! Training: an averaged perceptron over greedy left-to-right decoding.
//!
//! Each epoch visits the sentences in an order shuffled by a fixed-seed PRNG, tags each one with
//! the current weights (the history features see the labels predicted so far, as at run time),
//! and where a token's label is wrong adds its features to the right label and subtracts them
//! from the predicted one. The final weights are the average over every step (Daumé's trick:
//! integer updates `w` and step-weighted updates `u`, average `w - u/c`), which is what makes a
//! perceptron generalize. Features seen fewer than `cutoff` times in the training data are
//! dropped. All arithmetic is integer until the final average, and no hash map is iterated, so
//! the same data and options give the same model bytes.
//!
//! Sentences whose source does not annotate MISC ([`Sentence::misc_annotated`] false: Universal
//! NER) are partially labelled: an `O` there may be a MISC name, so predicting MISC for it is not
//! an error. Updates go towards the best sequence that follows the annotation, where such an `O`
//! may be MISC only if the token may be a name (`features::may_be_misc`: a demonym, or a
//! capitalized word that is not common English and does not start the sentence). Letting every
//! such `O` be MISC made MISC reinforce itself on some shuffles (one run in four ended with MISC
//! on a tenth of the web text and five times the training errors).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::time::Instant;

use super::beam::Beam;
use super::corpus::Sentence;
use super::features::{self, history_features, static_features, N_HISTORY, START};
use super::hash::Rng;
use super::label::{EntityKind, Label, N_LABELS};
use super::model::Weights;
use super::{best_allowed, Ner};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are dropped.
    pub cutoff: u32,
    /// Seed of the shuffling PRNG.
    pub seed: u64,
    /// Averaged weights smaller than this fraction of the largest are dropped from the model.
    pub prune: f64,
    /// Beam width of the search, in training and in the model (0: greedy, trained with the
    /// gold history).
    pub beam: usize,
    /// Number of models trained (with seeds `seed`, `seed + 1`, …) and averaged into one.
    pub models: usize,
    /// Written into the model file: what it was trained on.
    pub description: String,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            cutoff: 2,
            seed: 1,
            prune: 0.0,
            beam: 0,
            models: 1,
            description: String::new(),
        }
    }
}

/// What one epoch did.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based number of the model (of [`TrainOptions::models`]).
    pub model: usize,
    /// 1-based epoch number.
    pub epoch: usize,
    /// Tokens whose predicted label was wrong (before the update).
    pub errors: usize,
    /// Tokens seen.
    pub tokens: usize,
    /// Wall-clock seconds of the epoch.
    pub seconds: f64,
}

/// Hasher for keys that are already hashes.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// The training state: feature keys, their indices and weights.
struct Perceptron {
    index: KeyMap<u32>,
    keys: Vec<u32>,
    /// Current weights.
    w: Vec<[i32; N_LABELS]>,
    /// Sum of step × update, for the average.
    u: Vec<[i64; N_LABELS]>,
    /// Steps so far (starts at 1).
    c: i64,
}

impl Perceptron {
    fn intern(&mut self, key: u32) -> u32 {
        let next = self.keys.len() as u32;
        *self.index.entry(key).or_insert_with(|| {
            self.keys.push(key);
            self.w.push([0; N_LABELS]);
            self.u.push([0; N_LABELS]);
            next
        })
    }

    fn update(&mut self, feature: u32, label: usize, delta: i32) {
        let f = feature as usize;
        self.w[f][label] += delta;
        self.u[f][label] += self.c * i64::from(delta);
    }

    /// Starts another model over the same features.
    fn reset(&mut self) {
        self.w.iter_mut().for_each(|r| *r = [0; N_LABELS]);
        self.u.iter_mut().for_each(|r| *r = [0; N_LABELS]);
        self.c = 1;
    }

    /// The averaged weights, by feature index.
    fn averaged(&self) -> Vec<[f64; N_LABELS]> {
        let c = self.c as f64;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| std::array::from_fn(|y| f64::from(w[y]) - u[y] as f64 / c))
            .collect()
    }

    /// Weights by feature index, quantized to i16, as an inference table.
    fn quantized(&self, avg: &[[f64; N_LABELS]], prune: f64) -> Weights {
        let max = avg
            .iter()
            .flat_map(|row| row.iter())
            .fold(0.0f64, |m, &v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let floor = prune * max;
        let features: Vec<(u32, [i16; N_LABELS])> = self
            .keys
            .iter()
            .zip(avg)
            .filter_map(|(&key, row)| {
                let q: [i16; N_LABELS] = std::array::from_fn(|y| {
                    if row[y].abs() < floor {
                        0
                    } else {
                        (row[y] / scale).round().clamp(-32767.0, 32767.0) as i16
                    }
                });
                q.iter().any(|&v| v != 0).then_some((key, q))
            })
            .collect();
        Weights::new(&features, scale as f32)
    }
}

/// A training sentence with its static features resolved to indices.
struct Prepared {
    /// Per token: its range of the flat list of feature indices.
    tokens: Vec<std::ops::Range<usize>>,
    infos: Vec<features::TokenInfo>,
    labels: Vec<usize>,
    misc_annotated: bool,
}

/// Trains a tagger on `sentences`; `after_epoch` sees each epoch's report and averaged model
/// (to score a development set, say).
pub fn train(
    sentences: &[Sentence],
    options: &TrainOptions,
    after_epoch: &mut dyn FnMut(&EpochReport, &Ner),
) -> Ner {
    // Pass 1: static feature keys of every token, and how often each occurs.
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut keys_of: Vec<Vec<u32>> = Vec::new();
    let mut infos_of = Vec::with_capacity(sentences.len());
    let mut buf = Vec::with_capacity(64);
    for s in sentences {
        let infos = features::annotate(&s.words);
        for i in 0..infos.len() {
            buf.clear();
            static_features(&infos, i, &mut buf);
            for &k in &buf {
                *counts.entry(k).or_insert(0) += 1;
            }
            keys_of.push(buf.clone());
        }
        infos_of.push(infos);
    }
    // Pass 2: indices in order of first occurrence, for features frequent enough.
    let mut p = Perceptron {
        index: KeyMap::default(),
        keys: Vec::new(),
        w: Vec::new(),
        u: Vec::new(),
        c: 1,
    };
    let mut flat: Vec<u32> = Vec::new();
    let mut prepared = Vec::with_capacity(sentences.len());
    let mut token_keys = keys_of.into_iter();
    for (s, infos) in sentences.iter().zip(infos_of) {
        let mut tokens = Vec::with_capacity(s.words.len());
        for _ in 0..s.words.len() {
            let start = flat.len();
            for k in token_keys.next().expect("one key list per token") {
                if counts[&k] >= options.cutoff {
                    flat.push(p.intern(k));
                }
            }
            tokens.push(start..flat.len());
        }
        prepared.push(Prepared {
            tokens,
            infos,
            labels: repaired(&s.labels),
            misc_annotated: s.misc_annotated,
        });
    }
    drop(counts);

    // Each model: its own shuffles, from fresh weights; the final weights are the mean of the
    // models' averaged weights (indices are shared, so the mean is taken index by index).
    let models = options.models.max(1);
    let mut sum: Vec<[f64; N_LABELS]> = Vec::new();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    for m in 0..models {
        p.reset();
        order.sort_unstable();
        let mut rng = Rng::new(options.seed.wrapping_add(m as u64));
        for epoch in 1..=options.epochs {
            let started = Instant::now();
            rng.shuffle(&mut order);
            let (mut errors, mut tokens) = (0, 0);
            let mut beam = (Beam::new(options.beam), Beam::new(options.beam));
            for &si in &order {
                let s = &prepared[si];
                tokens += s.tokens.len();
                errors += if options.beam == 0 {
                    greedy_step(&mut p, &flat, s)
                } else {
                    beam_step(&mut p, &flat, s, &mut beam)
                };
            }
            let ner = Ner::from_weights(
                p.quantized(&p.averaged(), options.prune),
                options.beam,
                options.description.clone(),
            );
            let report = EpochReport {
                model: m + 1,
                epoch,
                errors,
                tokens,
                seconds: started.elapsed().as_secs_f64(),
            };
            after_epoch(&report, &ner);
        }
        let avg = p.averaged();
        sum.resize(avg.len(), [0.0; N_LABELS]);
        for (acc, row) in sum.iter_mut().zip(&avg) {
            for (a, v) in acc.iter_mut().zip(row) {
                *a += v / models as f64;
            }
        }
    }
    Ner::from_weights(
        p.quantized(&sum, options.prune),
        options.beam,
        options.description.clone(),
    )
}

/// One sentence, greedy: each token's prediction is checked against its label at once, and the
/// history features see the gold labels. Returns the number of wrong tokens.
fn greedy_step(p: &mut Perceptron, flat: &[u32], s: &Prepared) -> usize {
    let mut errors = 0;
    let (mut prev, mut prev2) = (START, START);
    for (i, range) in s.tokens.iter().enumerate() {
        let hist = history_features(&s.infos[i], prev, prev2);
        let mut scores = [0i32; N_LABELS];
        for &f in &flat[range.clone()] {
            add(&mut scores, &p.w[f as usize]);
        }
        for k in hist {
            if let Some(&f) = p.index.get(&k) {
                add(&mut scores, &p.w[f as usize]);
            }
        }
        let (guess, _) = best_allowed(&scores, prev);
        let lenient = !s.misc_annotated && features::may_be_misc(&s.infos, i);
        let target = target(s.labels[i], lenient, guess, prev);
        if guess != target {
            errors += 1;
            let hist: [u32; N_HISTORY] = hist.map(|k| p.intern(k));
            for &f in flat[range.clone()].iter().chain(&hist) {
                p.update(f, target, 1);
                p.update(f, guess, -1);
            }
        }
        p.c += 1;
        prev2 = prev;
        prev = target;
    }
    errors
}

/// Whether label `y` agrees with the annotation of token `i`.
fn acceptable(s: &Prepared, i: usize, y: usize) -> bool {
    let gold = s.labels[i];
    if gold == 0 && !s.misc_annotated {
        return y == 0 || Label::from_index(y).kind() == Some(EntityKind::Misc);
    }
    y == gold
}

/// One sentence, beam search with early update: as soon as no hypothesis in the beam agrees
/// with the annotation, or at the end if the best one does not, the best hypothesis's features
/// lose and those of the best sequence that follows the annotation win. Returns the number of
/// wrong tokens.
fn beam_step(p: &mut Perceptron, flat: &[u32], s: &Prepared, beams: &mut (Beam, Beam)) -> usize {
    let (free, gold) = beams;
    free.clear();
    gold.clear();
    let n = s.tokens.len();
    let mut early = false;
    for i in 0..n {
        let mut stat = [0i32; N_LABELS];
        for &f in &flat[s.tokens[i].clone()] {
            add(&mut stat, &p.w[f as usize]);
        }
        let mut scores = |prev: usize, prev2: usize| {
            let mut sc = stat;
            for k in history_features(&s.infos[i], prev, prev2) {
                if let Some(&f) = p.index.get(&k) {
                    add(&mut sc, &p.w[f as usize]);
                }
            }
            sc
        };
        free.step(&mut scores, &|_| true, &|y| acceptable(s, i, y));
        // The labels to learn: the annotation, where an unannotated O that may be a MISC name
        // may be MISC if that scores better.
        let lenient = features::may_be_misc(&s.infos, i);
        gold.step(
            &mut scores,
            &|y| {
                if lenient {
                    acceptable(s, i, y)
                } else {
                    y == s.labels[i]
                }
            },
            &|_| true,
        );
        if !free.any_ok() {
            early = true;
            break;
        }
    }
    p.c += 1;
    if !early && free.best_ok() {
        return 0;
    }
    let predicted = free.best_path();
    let wanted = gold.best_path();
    let mut errors = 0;
    for j in 0..predicted.len() {
        let at = |path: &[usize], k: usize| if j >= k { path[j - k] } else { START };
        let (y, h) = (predicted[j], (at(&predicted, 1), at(&predicted, 2)));
        let (g, hg) = (wanted[j], (at(&wanted, 1), at(&wanted, 2)));
        if y == g && h == hg {
            continue;
        }
        errors += usize::from(y != g);
        for (label, (prev, prev2), delta) in [(g, hg, 1), (y, h, -1)] {
            let hist = history_features(&s.infos[j], prev, prev2).map(|k| p.intern(k));
            for &f in flat[s.tokens[j].clone()].iter().chain(&hist) {
                p.update(f, label, delta);
            }
        }
    }
    errors
}

/// Labels as indices, with an `I-` that does not continue its kind made a `B-`.
fn repaired(labels: &[Label]) -> Vec<usize> {
    let mut prev = None;
    labels
        .iter()
        .map(|&l| {
            let l = match l {
                Label::I(k) if !l.may_follow(prev) => Label::B(k),
                _ => l,
            };
            prev = Some(l);
            l.index()
        })
        .collect()
}

fn add(scores: &mut [i32; N_LABELS], w: &[i32; N_LABELS]) {
    for (s, &v) in scores.iter_mut().zip(w) {
        *s += v;
    }
}

/// The label to learn at a token: the gold label, made a `B-` where the previous prediction
/// leaves an `I-` impossible; a MISC guess is left alone where the annotation may have left a
/// MISC name unannotated (`lenient`).
fn target(gold: usize, lenient: bool, guess: usize, prev: usize) -> usize {
    let prev_label = (prev < N_LABELS).then(|| Label::from_index(prev));
    let gold_label = Label::from_index(gold);
    let guess_label = Label::from_index(guess);
    if lenient && gold_label == Label::O && guess_label.kind() == Some(EntityKind::Misc) {
        return guess;
    }
    match gold_label {
        Label::I(k) if !gold_label.may_follow(prev_label) => Label::B(k).index(),
        _ => gold,
    }
}
