//! Averaged perceptron weights: a growable table for training and a compact, read-only table
//! for use.
//!
//! Features are 32-bit keys (hashes of a template id and the strings or tags it combines, see
//! `features.rs`); each key owns a row with one weight per class, so scoring a feature is one
//! table probe and one contiguous row add.

use super::hash::{FixedMap, KeyIndex};

/// Weights being trained. Integer updates (+1/−1) keep training exact and deterministic; the
/// average over all steps is kept with the usual trick: alongside each weight `w`, `acc` sums
/// `t · Δw`, and the average at step `T` is `w − acc / T`.
#[derive(Debug, Clone)]
pub(crate) struct TrainWeights {
    classes: usize,
    index: FixedMap<u32, u32>,
    keys: Vec<u32>,
    w: Vec<i32>,
    acc: Vec<i64>,
    /// Number of training steps so far (one per classification).
    pub(crate) time: i64,
}

impl TrainWeights {
    pub(crate) fn new(classes: usize) -> TrainWeights {
        TrainWeights {
            classes,
            index: FixedMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            acc: Vec::new(),
            time: 1,
        }
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i32]) {
        let c = self.classes;
        for f in features {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * c..r as usize * c + c];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w;
                }
            }
        }
    }

    fn row(&mut self, key: u32) -> usize {
        let next = self.keys.len() as u32;
        let r = *self.index.entry(key).or_insert(next);
        if r == next {
            self.keys.push(key);
            self.w.resize(self.w.len() + self.classes, 0);
            self.acc.resize(self.acc.len() + self.classes, 0);
        }
        r as usize
    }

    /// Rewards `good` and penalizes `bad` for every feature.
    pub(crate) fn update(&mut self, features: &[u32], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        let t = self.time;
        for &f in features {
            let base = self.row(f) * self.classes;
            self.w[base + good] += 1;
            self.acc[base + good] += t;
            self.w[base + bad] -= 1;
            self.acc[base + bad] -= t;
        }
    }

    /// The averaged weights, quantized for use. Rows whose weights all round to zero are
    /// dropped; `prune` (a fraction of the largest weight) zeroes small weights first.
    pub(crate) fn finish(&self, prune: f32) -> Weights {
        let c = self.classes;
        let t = self.time as f64;
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| (w as f64 - a as f64 / t) as f32)
            .collect();
        let max = avg.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
        let scale = max / i16::MAX as f32;
        let cut = prune * max;
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_unstable_by_key(|&r| self.keys[r]);
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for r in order {
            let row: Vec<i16> = avg[r * c..r * c + c]
                .iter()
                .map(|&v| {
                    if v.abs() < cut {
                        0
                    } else {
                        (v / scale).round() as i16
                    }
                })
                .collect();
            if row.iter().any(|&v| v != 0) {
                keys.push(self.keys[r]);
                values.extend_from_slice(&row);
            }
        }
        Weights::new(c, scale, keys, values)
    }
}

/// Read-only weights: an open-addressing table from feature key to row, rows of i16 weights
/// (a fixed scale per table; scores are summed in i32, the scale does not change the argmax).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    scale: f32,
    index: KeyIndex,
    /// Keys in ascending order, row `i` belongs to `keys[i]`.
    keys: Vec<u32>,
    values: Vec<i16>,
}

impl Weights {
    /// Builds the table from rows sorted by key.
    pub(crate) fn new(classes: usize, scale: f32, keys: Vec<u32>, values: Vec<i16>) -> Weights {
        debug_assert_eq!(keys.len() * classes, values.len());
        Weights {
            classes,
            scale,
            index: KeyIndex::new(&keys),
            keys,
            values,
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    pub(crate) fn keys(&self) -> &[u32] {
        &self.keys
    }

    pub(crate) fn values(&self) -> &[i16] {
        &self.values
    }

    /// The row of `key`, if the model has one.
    #[inline(always)]
    pub(crate) fn row(&self, key: u32) -> Option<&[i16]> {
        let r = self.index.get(key)? * self.classes;
        Some(&self.values[r..r + self.classes])
    }

    /// Adds the rows of `features` to `scores` (`scores.len() == classes`).
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i32]) {
        for &f in features {
            if let Some(row) = self.row(f) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
    }
}

/// Index of the highest score among classes allowed by `allowed` (ties: lowest index).
#[inline]
pub(crate) fn argmax(scores: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, i32)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && !matches!(best, Some((_, b)) if s <= b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let mut w = TrainWeights::new(3);
        let data = [
            (vec![10u32, 11], 0usize),
            (vec![20, 11], 1),
            (vec![30, 11], 2),
        ];
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = vec![0; 3];
                w.score(f, &mut s);
                let guess = argmax(&s, |_| true).unwrap();
                w.update(f, *gold, guess);
                w.time += 1;
            }
        }
        let fin = w.finish(0.0);
        for (f, gold) in &data {
            let mut s = vec![0; 3];
            fin.score(f, &mut s);
            assert_eq!(argmax(&s, |_| true), Some(*gold));
        }
        assert!(fin.row(99).is_none());
        assert!(fin.keys().windows(2).all(|k| k[0] < k[1]));
    }

    #[test]
    fn argmax_respects_the_mask_and_breaks_ties_low() {
        assert_eq!(argmax(&[3, 5, 5], |_| true), Some(1));
        assert_eq!(argmax(&[3, 5, 5], |c| c != 1), Some(2));
        assert_eq!(argmax(&[3, 5, 5], |_| false), None);
    }
}
