//! Averaged perceptron weights: a growable table for training and a compact, read-only table
//! for use.
//!
//! Features are 32-bit keys (hashes of a template id and the strings or tags it combines, see
//! `features.rs`); each key owns a row with one weight per class, so scoring a feature is one
//! table probe and one contiguous row add.

use super::hash::FixedMap;

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
    /// Number of updates per row.
    hits: Vec<u32>,
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
            hits: Vec::new(),
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
            self.hits.push(0);
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
            let r = self.row(f);
            self.hits[r] += 1;
            let base = r * self.classes;
            self.w[base + good] += 1;
            self.acc[base + good] += t;
            self.w[base + bad] -= 1;
            self.acc[base + bad] -= t;
        }
    }

    /// The averaged weights, rows sorted by key. Rows updated fewer than `min_updates` times
    /// are left out: they belong to features seen once or twice, which cost memory (and cache
    /// misses at run time) for almost no accuracy.
    pub(crate) fn averaged(&self, min_updates: u32) -> Averaged {
        let c = self.classes;
        let t = self.time as f64;
        let mut order: Vec<usize> = (0..self.keys.len())
            .filter(|&r| self.hits[r] >= min_updates)
            .collect();
        order.sort_unstable_by_key(|&r| self.keys[r]);
        let mut values = Vec::with_capacity(self.w.len());
        for &r in &order {
            let range = r * c..r * c + c;
            for (&w, &a) in self.w[range.clone()].iter().zip(&self.acc[range]) {
                values.push(w as f64 - a as f64 / t);
            }
        }
        Averaged {
            classes: c,
            keys: order.iter().map(|&r| self.keys[r]).collect(),
            values,
        }
    }

    /// The averaged weights, quantized for use (see [`Averaged::quantize`]).
    #[cfg(test)]
    pub(crate) fn finish(&self, prune: f32) -> Weights {
        self.averaged(1).quantize(prune, 64)
    }
}

/// Averaged weights in full precision, rows sorted by key.
#[derive(Debug, Clone)]
pub(crate) struct Averaged {
    classes: usize,
    keys: Vec<u32>,
    values: Vec<f64>,
}

impl Averaged {
    /// The mean of several models' weights (bagging: models trained on different shuffles
    /// make different mistakes, and a linear model's average is still one linear model).
    pub(crate) fn mean(models: &[Averaged]) -> Averaged {
        let c = models[0].classes;
        let mut sum: std::collections::BTreeMap<u32, Vec<f64>> = Default::default();
        for m in models {
            for (k, row) in m.keys.iter().zip(m.values.chunks_exact(c)) {
                let acc = sum.entry(*k).or_insert_with(|| vec![0.0; c]);
                for (a, v) in acc.iter_mut().zip(row) {
                    *a += v / models.len() as f64;
                }
            }
        }
        Averaged {
            classes: c,
            keys: sum.keys().copied().collect(),
            values: sum.into_values().flatten().collect(),
        }
    }

    /// Quantizes to i16 with one scale for the table, such that the sum of `max_features`
    /// rows cannot leave the i16 range: scores are then summed in i16 without overflow checks,
    /// eight classes per SIMD add. (Even 250 levels lose no tagging accuracy; this gives about
    /// 900 for the tagger.) Weights smaller than `prune` times the largest are zeroed first;
    /// rows left all zero are dropped.
    pub(crate) fn quantize(&self, prune: f32, max_features: usize) -> Weights {
        let (scale, keys, values) = self.quantized(prune, max_features);
        Weights::new(self.classes, scale, keys, values)
    }

    /// [`Averaged::quantize`] into a [`SmallWeights`] (at most three classes).
    pub(crate) fn quantize_small(&self, prune: f32, max_features: usize) -> SmallWeights {
        let (scale, keys, values) = self.quantized(prune, max_features);
        SmallWeights::new(self.classes, scale, keys, values)
    }

    fn quantized(&self, prune: f32, max_features: usize) -> (f32, Vec<u32>, Vec<i16>) {
        let c = self.classes;
        let max = self
            .values
            .iter()
            .fold(0f64, |m, v| m.max(v.abs()))
            .max(1e-6);
        let scale = max / (i16::MAX as usize / max_features.max(1)) as f64;
        let cut = f64::from(prune) * max;
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut q = vec![0i16; c];
        for (&k, row) in self.keys.iter().zip(self.values.chunks_exact(c)) {
            for (q, &v) in q.iter_mut().zip(row) {
                *q = if v.abs() < cut {
                    0
                } else {
                    (v / scale).round() as i16
                };
            }
            if q.iter().any(|&v| v != 0) {
                keys.push(k);
                values.extend_from_slice(&q);
            }
        }
        (scale as f32, keys, values)
    }
}

/// Rows with at most this many non-zero weights live inside their hash slot.
const INLINE: usize = 4;
/// Rows with more non-zero weights than this are stored dense (a vector add beats that many
/// scattered adds); rows in between as packed `class << 16 | weight` pairs.
const DENSE_ABOVE: usize = 16;
/// `Slot::classes` value of a row stored outside its slot.
const EXTERNAL: u32 = u32::MAX;
/// Largest number of classes: class ids are bytes, and 255 is reserved for [`EXTERNAL`].
pub(crate) const MAX_CLASSES: usize = 255;

/// One hash slot: a feature key and, for most rows, the row itself.
///
/// Inline rows hold up to [`INLINE`] (class, weight) pairs: `classes` has one class id per
/// byte and `data` one i16 weight per 16 bits (unused pairs are class 0, weight 0). Other rows
/// have `classes == EXTERNAL` and `data = len << 32 | start`: `len` pairs in `sparse[start..]`,
/// or, when `len` is 0, the dense row `start`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Slot {
    key: u32,
    classes: u32,
    data: u64,
}

/// Read-only weights: an open-addressing table from feature key to row, rows of i16 weights
/// (one scale per table, which does not change the argmax; see [`Averaged::quantize`]).
///
/// Perceptron rows are very sparse (a feature of a rare word was only ever updated for the two
/// or three classes it was confused between): two thirds of the tagger's rows have at most
/// three non-zero weights. So most rows live inside their 16-byte hash slot and a feature costs
/// one probe, which keeps the tables small and the cache misses few.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    scale: f32,
    /// Open-addressing table, a power of two long.
    slots: Vec<Slot>,
    /// Keys in ascending order (for serialization).
    keys: Vec<u32>,
    sparse: Vec<u32>,
    dense: Vec<i16>,
}

impl Weights {
    /// Builds the table from rows sorted by key, each given dense (`classes` weights).
    pub(crate) fn new(classes: usize, scale: f32, keys: Vec<u32>, values: Vec<i16>) -> Weights {
        let mut b = WeightsBuilder::new(classes, scale);
        for (&k, row) in keys.iter().zip(values.chunks_exact(classes.max(1))) {
            b.push(k, row);
        }
        b.build()
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    #[inline(always)]
    fn find(&self, key: u32) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Rows in key order, each expanded to `classes` weights.
    pub(crate) fn for_each_row(&self, mut f: impl FnMut(u32, &[i16])) {
        let mut row = vec![0i16; self.classes];
        for &k in &self.keys {
            row.fill(0);
            self.score(&[k], &mut row);
            f(k, &row);
        }
    }

    /// Adds the rows of `features` to `scores` (`scores.len() == classes`).
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i16]) {
        std::hint::black_box(self.touch(features));
        for &f in features {
            if let Some(s) = self.find(f) {
                self.add(s, scores);
            }
        }
    }

    /// Reads the home slot of each feature without looking at it, so that the lookups that
    /// follow hit the cache. Probing branches on what it reads, and a mispredicted branch
    /// after a cache miss stalls the CPU; plain loads with no branch in between all overlap.
    #[inline]
    pub(crate) fn touch(&self, features: &[u32]) -> u32 {
        let mut x = 0;
        for &f in features {
            x ^= self.slots[f as usize & (self.slots.len() - 1)].key;
        }
        x
    }

    /// Appends the slots of the features the model has to `found` (see [`Weights::add_rows`]).
    #[inline]
    pub(crate) fn lookup(&self, features: &[u32], found: &mut Vec<RowRef>) {
        found.extend(
            features
                .iter()
                .filter_map(|&f| self.find(f).map(|s| RowRef(*s))),
        );
    }

    /// Adds rows found by [`Weights::lookup`] to `scores`.
    #[inline]
    pub(crate) fn add_rows(&self, found: &[RowRef], scores: &mut [i16]) {
        for r in found {
            self.add(&r.0, scores);
        }
    }

    #[inline(always)]
    fn add(&self, s: &Slot, scores: &mut [i16]) {
        // Wrapping adds: quantization keeps sums in range, and a damaged model must not panic.
        if s.classes != EXTERNAL {
            let classes = s.classes.to_le_bytes();
            for (j, &c) in classes.iter().enumerate() {
                let w = (s.data >> (16 * j)) as u16 as i16;
                scores[c as usize] = scores[c as usize].wrapping_add(w);
            }
            return;
        }
        let (start, len) = (s.data as u32 as usize, (s.data >> 32) as usize);
        if len == 0 {
            let c = self.classes;
            for (s, &w) in scores.iter_mut().zip(&self.dense[start * c..start * c + c]) {
                *s = s.wrapping_add(w);
            }
        } else {
            for &e in &self.sparse[start..start + len] {
                let c = (e >> 16) as usize;
                scores[c] = scores[c].wrapping_add(e as u16 as i16);
            }
        }
    }
}

/// A row found by [`Weights::lookup`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowRef(Slot);

/// Collects rows in key order into a [`Weights`].
pub(crate) struct WeightsBuilder {
    classes: usize,
    scale: f32,
    rows: Vec<Slot>,
    sparse: Vec<u32>,
    dense: Vec<i16>,
}

impl WeightsBuilder {
    /// `classes` must be at most [`MAX_CLASSES`].
    pub(crate) fn new(classes: usize, scale: f32) -> WeightsBuilder {
        assert!(classes <= MAX_CLASSES, "too many classes");
        WeightsBuilder {
            classes,
            scale,
            rows: Vec::new(),
            sparse: Vec::new(),
            dense: Vec::new(),
        }
    }

    /// Adds the row of `key` (`row.len() == classes`); keys must come in ascending order.
    pub(crate) fn push(&mut self, key: u32, row: &[i16]) {
        debug_assert_eq!(row.len(), self.classes);
        let pairs: Vec<(usize, i16)> = row
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .map(|(c, &w)| (c, w))
            .collect();
        self.push_pairs(key, &pairs);
    }

    /// Adds the row of `key` given as its non-zero (class, weight) pairs, classes ascending
    /// and below `classes`.
    pub(crate) fn push_pairs(&mut self, key: u32, pairs: &[(usize, i16)]) {
        let nnz = pairs.len();
        let mut slot = Slot {
            key,
            classes: 0,
            data: 0,
        };
        if nnz <= INLINE {
            for (j, &(c, w)) in pairs.iter().enumerate() {
                slot.classes |= (c as u32) << (8 * j);
                slot.data |= u64::from(w as u16) << (16 * j);
            }
        } else if nnz > DENSE_ABOVE {
            slot.classes = EXTERNAL;
            slot.data = (self.dense.len() / self.classes) as u64;
            let start = self.dense.len();
            self.dense.resize(start + self.classes, 0);
            for &(c, w) in pairs {
                self.dense[start + c] = w;
            }
        } else {
            slot.classes = EXTERNAL;
            slot.data = ((nnz as u64) << 32) | self.sparse.len() as u64;
            for &(c, w) in pairs {
                self.sparse.push(((c as u32) << 16) | u32::from(w as u16));
            }
        }
        self.rows.push(slot);
    }

    pub(crate) fn build(self) -> Weights {
        // At most two thirds full: misses (most probes) stop at an empty slot soon.
        let size = (self.rows.len() * 3 / 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        for row in &self.rows {
            let mut i = row.key as usize & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = *row;
        }
        Weights {
            classes: self.classes,
            scale: self.scale,
            slots,
            keys: self.rows.iter().map(|r| r.key).collect(),
            sparse: self.sparse,
            dense: self.dense,
        }
    }
}

/// Number of rows in a [`SmallWeights`] bucket.
const BUCKET: usize = 8;

/// One cache line of [`SmallWeights`] rows: 8 key fingerprints, then their rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(align(64))]
struct Bucket {
    /// 16-bit key fingerprints, four per word (place `i` in bits `16 * (i % 4)` of word
    /// `i / 4`), 0 for an empty place.
    fps: [u64; 2],
    rows: [[i16; 3]; BUCKET],
}

impl Bucket {
    fn set_fp(&mut self, place: usize, fp: u16) {
        let shift = 16 * (place % 4);
        let w = &mut self.fps[place / 4];
        *w = (*w & !(0xFFFF << shift)) | (u64::from(fp) << shift);
    }
}

/// One in every 16-bit lane.
const LANES_LOW: u64 = 0x0001_0001_0001_0001;
/// The top bit of every 16-bit lane.
const LANES_HIGH: u64 = 0x8000_8000_8000_8000;

/// Index of the first 16-bit lane of `x` that is zero, if any ("has zero" bit trick: borrows
/// can only flag lanes above a true zero, so the lowest flag is exact).
#[inline(always)]
fn first_zero_lane(x: u64) -> Option<usize> {
    let flags = x.wrapping_sub(LANES_LOW) & !x & LANES_HIGH;
    (flags != 0).then(|| flags.trailing_zeros() as usize / 16)
}

/// Read-only weights for at most three classes (the parser's transitions). A key's row is in
/// one bucket, one cache line: 8 fingerprints compared at once, then 3 weights added. The
/// parser looks up some 90 features per transition, mostly rare word combinations, so the cost
/// is cache misses and probing; this makes each lookup one line and no branches.
///
/// The table is sized for buckets at most 60% full on average; in the rare full bucket, the
/// rows with the smallest weights are dropped at build time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SmallWeights {
    classes: usize,
    scale: f32,
    /// A power of two long.
    buckets: Vec<Bucket>,
    /// Keys in ascending order (for serialization).
    keys: Vec<u32>,
}

/// Which key sits in each place of each bucket, replaying the insertions of `kept` (only
/// needed once a bucket overflows, which is rare).
fn rebuild_owners(kept: &[u32], n: usize, mask: usize) -> Vec<[u32; BUCKET]> {
    let mut owners = vec![[0u32; BUCKET]; n];
    let mut fill = vec![0usize; n];
    for &k in kept {
        let b = k as usize & mask;
        owners[b][fill[b]] = k;
        fill[b] += 1;
    }
    owners
}

/// The top 16 bits of a key, top bit forced so it is never 0 (which marks an empty place).
/// Keys from [`super::hash::key`] have it set anyway.
#[inline(always)]
fn fingerprint(key: u32) -> u16 {
    ((key >> 16) as u16) | 0x8000
}

impl SmallWeights {
    /// Builds the table from rows sorted by key, each given dense (`classes` ≤ 3 weights).
    pub(crate) fn new(
        classes: usize,
        scale: f32,
        keys: Vec<u32>,
        values: Vec<i16>,
    ) -> SmallWeights {
        assert!(classes <= 3, "SmallWeights holds at most three classes");
        let c = classes.max(1);
        // Buckets at most 60% full on average: overflows stay rare (a percent or two of the
        // rows, the weakest), and the table stays small enough to live in cache.
        let n = (keys.len() * 10 / (6 * BUCKET)).next_power_of_two().max(1);
        let mask = n - 1;
        let mut buckets = vec![Bucket::default(); n];
        let mut fill = vec![0usize; n];
        let strength = |r: &[i16; 3]| -> i32 { r.iter().map(|&w| i32::from(w).abs()).sum() };
        // Keys of the rows that full buckets could not keep.
        let mut dropped = Vec::new();
        let mut owners = vec![[0u32; BUCKET]; 0];
        let mut kept_keys = Vec::with_capacity(keys.len());
        for (&k, row) in keys.iter().zip(values.chunks_exact(c)) {
            let bi = k as usize & mask;
            let b = &mut buckets[bi];
            let mut r = [0i16; 3];
            r[..c].copy_from_slice(row);
            // A key whose fingerprint a kept key of its bucket already has could never be
            // found (lookups stop at the first match): drop it, so that the table holds
            // exactly the rows it can return, and a saved table reads back the same.
            let fp = u64::from(fingerprint(k)) * LANES_LOW;
            if first_zero_lane(b.fps[0] ^ fp).is_some() || first_zero_lane(b.fps[1] ^ fp).is_some()
            {
                dropped.push(k);
                continue;
            }
            let place = if fill[bi] < BUCKET {
                fill[bi] += 1;
                fill[bi] - 1
            } else {
                // Full bucket: keep the strongest rows (ties: the one already there).
                let weakest = (0..BUCKET)
                    .min_by_key(|&i| strength(&b.rows[i]))
                    .expect("full bucket");
                if strength(&r) <= strength(&b.rows[weakest]) {
                    dropped.push(k);
                    continue;
                }
                if owners.is_empty() {
                    owners = rebuild_owners(&kept_keys, n, mask);
                }
                dropped.push(owners[bi][weakest]);
                weakest
            };
            if !owners.is_empty() {
                owners[bi][place] = k;
            }
            kept_keys.push(k);
            b.set_fp(place, fingerprint(k));
            b.rows[place] = r;
        }
        dropped.sort_unstable();
        if !dropped.is_empty() {
            // Lay the kept rows out again in key order, as reading the saved table will: the
            // same table then has the same bytes in memory however it was built.
            buckets.fill(Bucket::default());
            fill.fill(0);
            for (&k, row) in keys.iter().zip(values.chunks_exact(c)) {
                if dropped.binary_search(&k).is_ok() {
                    continue;
                }
                let bi = k as usize & mask;
                let place = fill[bi];
                fill[bi] += 1;
                buckets[bi].set_fp(place, fingerprint(k));
                buckets[bi].rows[place][..c].copy_from_slice(row);
            }
        }
        let keys = keys
            .into_iter()
            .filter(|k| dropped.binary_search(k).is_err())
            .collect();
        SmallWeights {
            classes,
            scale,
            buckets,
            keys,
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The row of `key`, if any: the 8 fingerprints are compared four at a time in two words.
    #[inline(always)]
    fn find(&self, key: u32) -> Option<&[i16; 3]> {
        // `& (len - 1)` rather than a stored mask: the compiler then sees the index is in
        // bounds (the length is a power of two).
        let b = &self.buckets[key as usize & (self.buckets.len() - 1)];
        let pattern = u64::from(fingerprint(key)) * LANES_LOW;
        let place = match first_zero_lane(b.fps[0] ^ pattern) {
            Some(i) => i,
            None => 4 + first_zero_lane(b.fps[1] ^ pattern)?,
        };
        Some(&b.rows[place])
    }

    /// Adds the rows of `features` to `scores` (`scores.len() == 3`).
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i16; 3]) {
        // Load every bucket first: independent loads whose cache misses overlap.
        let mut x = 0;
        for &f in features {
            x ^= self.buckets[f as usize & (self.buckets.len() - 1)].fps[0];
        }
        std::hint::black_box(x);
        for &f in features {
            if let Some(r) = self.find(f) {
                for (s, &w) in scores.iter_mut().zip(r) {
                    *s = s.wrapping_add(w);
                }
            }
        }
    }

    /// Rows in key order, each expanded to `classes` weights.
    pub(crate) fn for_each_row(&self, mut f: impl FnMut(u32, &[i16])) {
        for &k in &self.keys {
            let r = self.find(k).copied().unwrap_or_default();
            f(k, &r[..self.classes]);
        }
    }
}

/// Index of the highest score among classes allowed by `allowed` (ties: lowest index).
#[inline]
pub(crate) fn argmax<T: Copy + PartialOrd>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && !matches!(best, Some((_, b)) if s <= b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

/// Index of the highest score (ties: lowest index); 0 for an empty slice.
#[inline]
pub(crate) fn best<T: Copy + PartialOrd>(scores: &[T]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_weights_find_every_row_and_nothing_else() {
        // Many keys in few buckets, full ones included.
        let mut keys: Vec<u32> = (1..=200u32).map(|k| k.wrapping_mul(0x9E37_79B1)).collect();
        keys.sort_unstable();
        let values: Vec<i16> = keys
            .iter()
            .flat_map(|&k| [k as i16, -(k as i16), 1])
            .collect();
        let w = SmallWeights::new(3, 1.0, keys.clone(), values);
        let mut found = 0;
        for &k in &keys {
            if let Some(r) = w.find(k) {
                assert_eq!(*r, [k as i16, -(k as i16), 1]);
                found += 1;
            }
        }
        assert_eq!(found, w.len());
        assert!(found >= 190, "only {found} rows kept");
        let absent = 0xDEAD_BEEFu32;
        assert!(!keys.contains(&absent) && w.find(absent).is_none());
        assert_eq!(first_zero_lane(0x0000_1234_0000_5678), Some(1));
        assert_eq!(first_zero_lane(0x0001_0001_0001_0001), None);
        assert_eq!(first_zero_lane(0x1234_0000_ffff_0001), Some(2));
    }

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
            let mut s = vec![0i16; 3];
            fin.score(f, &mut s);
            assert_eq!(argmax(&s, |_| true), Some(*gold));
        }
        let mut keys = Vec::new();
        fin.for_each_row(|k, _| keys.push(k));
        assert!(keys.windows(2).all(|k| k[0] < k[1]));
    }

    #[test]
    fn argmax_respects_the_mask_and_breaks_ties_low() {
        assert_eq!(argmax(&[3, 5, 5], |_| true), Some(1));
        assert_eq!(argmax(&[3, 5, 5], |c| c != 1), Some(2));
        assert_eq!(argmax(&[3, 5, 5], |_| false), None);
    }
}
