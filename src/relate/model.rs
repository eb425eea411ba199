//! The relation model: a multinomial logistic regression over hashed features that gives, for
//! a candidate pair, the probability of each relation type (or none), and a second, binary one
//! that gives the probability that a stated relation is negated. Trained by
//! [`super::train`]; embedded in the binary (`models/relations.bin`).
//!
//! File layout (little endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `NGRELMDL` |
//! | 4 | format version ([`FORMAT_VERSION`]) |
//! | 4 | features version ([`FEATURES_VERSION`]) |
//! | 4 | temperature (f32: scores are divided by it before the softmax; fitted on dev) |
//! | 16 | thresholds (4 × f32): events the rules proposed, other events, static relations the rules proposed, other static relations |
//! | 4 + n | description (UTF-8) |
//! | 4 + … | calibration maps (events, then static relations): a u32 knot count, then per knot the raw confidence and the calibrated one (2 × f32) |
//! | 4 + … | signatures: a u32 count, then per signature the source type, the relation and the target type (3 bytes: indices into `EntityType::ALL` and `RelationType::ALL`), sorted |
//! | 4 + … | rule priors: a u32 count, then per rule and type its name (u32 length + UTF-8) and its precision on the training documents (f32) |
//! | … | the type table, then the negation table: each a u32 label count, an f32 weight scale, a u32 feature count, then per feature (keys ascending) the u32 key and one i16 weight per label |
//! | 4 | CRC-32 of everything before |

use rustc_hash::FxHashMap;

use crate::entity::EntityType;
use crate::relation::RelationType;

/// The file's first bytes.
pub(crate) const MAGIC: &[u8; 8] = b"NGRELMDL";
/// The layout version this build reads and writes.
pub(crate) const FORMAT_VERSION: u32 = 1;
/// What `features.rs` computes: a model trained on other features is refused.
pub(crate) const FEATURES_VERSION: u32 = 1;

/// Labels of the type table: 0 is "no relation", then the vocabulary in order.
pub(crate) const N_LABELS: usize = 1 + RelationType::ALL.len();

/// The relation type of a label (none for label 0).
pub(crate) fn label_type(label: usize) -> Option<RelationType> {
    label.checked_sub(1).map(|i| RelationType::ALL[i])
}

/// The label of a relation type.
pub(crate) fn type_label(kind: RelationType) -> usize {
    1 + RelationType::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("every type is in ALL")
}

/// One weight table: per feature key, one weight per label.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub labels: usize,
    pub scale: f32,
    pub keys: Vec<u32>,
    pub weights: Vec<i16>,
    index: FxHashMap<u32, u32>,
}

impl Table {
    /// A table from float weights (rows parallel to sorted `keys`), quantized to i16.
    pub(crate) fn quantize(labels: usize, keys: Vec<u32>, rows: &[f32]) -> Table {
        let max = rows.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let weights = rows
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Table::new(labels, scale, keys, weights)
    }

    fn new(labels: usize, scale: f32, keys: Vec<u32>, weights: Vec<i16>) -> Table {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        Table {
            labels,
            scale,
            keys,
            weights,
            index,
        }
    }

    /// The summed weights of `keys` per label.
    pub(crate) fn scores(&self, keys: &[u32]) -> Vec<f32> {
        let mut acc = vec![0i64; self.labels];
        for k in keys {
            if let Some(&row) = self.index.get(k) {
                let row = row as usize * self.labels;
                for (a, &w) in acc.iter_mut().zip(&self.weights[row..row + self.labels]) {
                    *a += i64::from(w);
                }
            }
        }
        acc.iter().map(|&a| a as f32 * self.scale).collect()
    }

    /// The weight of one feature for one label (0 when the feature is unknown).
    pub(crate) fn weight(&self, key: u32, label: usize) -> f32 {
        self.index.get(&key).map_or(0.0, |&row| {
            f32::from(self.weights[row as usize * self.labels + label]) * self.scale
        })
    }
}

/// The trained relation model.
#[derive(Debug, Clone)]
pub struct RelationModel {
    pub(crate) types: Table,
    pub(crate) negation: Table,
    pub(crate) temperature: f32,
    /// Thresholds by [`Backing`] (chosen on dev).
    pub(crate) thresholds: [f32; 4],
    /// Per rule and type ("parse:accuses"): how often its proposals were what the gold
    /// says on the training documents, smoothed ((right + 1) / (proposed + 2)).
    pub(crate) rule_priors: Vec<(String, f32)>,
    /// Monotone maps from raw to calibrated confidence, for event and static types, fitted
    /// on dev (isotonic regression of "the fact is right" on the raw confidence).
    pub(crate) calibration: [Vec<(f32, f32)>; 2],
    /// The (source type, relation, target type) signatures the training examples hold: a
    /// relation of another signature (a place meeting someone, a country related by kinship)
    /// is never drawn.
    pub(crate) signatures: Vec<[u8; 3]>,
    pub(crate) description: String,
}

/// The signature of a relation between mentions of two types.
pub(crate) fn signature(a: EntityType, kind: RelationType, b: EntityType) -> [u8; 3] {
    let t = |k: EntityType| EntityType::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8;
    let r = RelationType::ALL
        .iter()
        .position(|&x| x == kind)
        .unwrap_or(0) as u8;
    [t(a), r, t(b)]
}

/// Applies a calibration map: linear between knots, flat beyond them (the identity when
/// the map is empty).
pub(crate) fn calibrate(map: &[(f32, f32)], raw: f32) -> f32 {
    let (Some(first), Some(last)) = (map.first(), map.last()) else {
        return raw;
    };
    if raw <= first.0 {
        return first.1;
    }
    if raw >= last.0 {
        return last.1;
    }
    let i = map.partition_point(|k| k.0 <= raw);
    let (a, b) = (map[i - 1], map[i]);
    if b.0 <= a.0 {
        return b.1;
    }
    a.1 + (b.1 - a.1) * (raw - a.0) / (b.0 - a.0)
}

/// Isotonic regression (pool adjacent violators) of outcomes on scores: knots at the mean
/// score of each pooled block, valued by its share of positive outcomes.
pub(crate) fn isotonic(mut points: Vec<(f32, bool)>) -> Vec<(f32, f32)> {
    points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // Blocks: (sum of scores, positives, count).
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    for (score, right) in points {
        blocks.push((f64::from(score), f64::from(u8::from(right)), 1.0));
        while blocks.len() >= 2 {
            let n = blocks.len();
            let (a, b) = (blocks[n - 2], blocks[n - 1]);
            if a.1 / a.2 < b.1 / b.2 {
                break;
            }
            blocks[n - 2] = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
            blocks.pop();
        }
    }
    blocks
        .iter()
        .map(|&(s, p, n)| ((s / n) as f32, (p / n) as f32))
        .collect()
}

/// What the model decides for one candidate and one type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Decision {
    pub kind: RelationType,
    /// The confidence: the model's probability, or the proposing rule's precision on the
    /// training documents when that is higher.
    pub confidence: f32,
    /// A rule proposed this type for the pair.
    pub by_rule: bool,
    pub negated: bool,
}

/// The four groups of candidates that get a threshold of their own: event or static type,
/// and whether a rule proposed that type for the pair (the rules' verdict is a feature, but
/// the two groups differ so much in precision that one threshold cannot serve both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backing {
    /// An event type a rule proposed for the pair.
    EventByRule,
    /// An event type no rule proposed.
    Event,
    /// A static type a rule proposed.
    StaticByRule,
    /// A static type no rule proposed.
    Static,
}

impl Backing {
    /// The group of a relation type, proposed by a rule or not.
    pub fn of(kind: RelationType, by_rule: bool) -> Backing {
        match (kind.is_static(), by_rule) {
            (false, true) => Backing::EventByRule,
            (false, false) => Backing::Event,
            (true, true) => Backing::StaticByRule,
            (true, false) => Backing::Static,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Why model bytes were refused.
#[derive(Debug, thiserror::Error)]
pub enum RelationModelError {
    /// Not a relation model, or a damaged one.
    #[error("not a newsgraph relation model, or a damaged one: {0}")]
    Invalid(String),
    /// Made by another version of newsgraph.
    #[error("relation model for features version {found}, this build computes version {expected}: retrain it (newsgraph train relations)")]
    Version {
        /// What the file says.
        found: u32,
        /// What this build computes.
        expected: u32,
    },
}

static EMBEDDED: &[u8] = include_bytes!("../../models/relations.bin");

/// Softmax of `scores / temperature`.
pub(crate) fn softmax(scores: &[f32], temperature: f32) -> Vec<f32> {
    let t = temperature.max(1e-3);
    let max = scores.iter().fold(f32::MIN, |m, &s| m.max(s / t));
    let exp: Vec<f32> = scores.iter().map(|&s| (s / t - max).exp()).collect();
    let sum: f32 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}

impl RelationModel {
    /// The model shipped with the binary.
    pub fn embedded() -> &'static RelationModel {
        static MODEL: std::sync::OnceLock<RelationModel> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            RelationModel::from_bytes(EMBEDDED).expect("models/relations.bin is a valid model")
        })
    }

    /// The probability of each label (0: no relation) for a candidate's features.
    pub(crate) fn probabilities(&self, keys: &[u32]) -> Vec<f32> {
        softmax(&self.types.scores(keys), self.temperature)
    }

    /// The types worth considering for a candidate (confidence at least `floor`), each with
    /// its confidence and negation: the negation a rule read where a rule proposed the type,
    /// else the negation model's.
    pub(crate) fn decide(
        &self,
        keys: &[u32],
        kinds: (EntityType, EntityType),
        rules: &[super::features::RuleVerdict],
        floor: f32,
    ) -> Vec<Decision> {
        let p = self.probabilities(keys);
        let mut model_negated = None;
        let mut out = Vec::new();
        for (label, &prob) in p.iter().enumerate().skip(1) {
            let kind = label_type(label).expect("label above 0");
            let sig = signature(kinds.0, kind, kinds.1);
            let reversed = signature(kinds.1, kind, kinds.0);
            let seen = |s: &[u8; 3]| self.signatures.binary_search(s).is_ok();
            if !(seen(&sig) || kind.is_symmetric() && seen(&reversed)) {
                continue;
            }
            let rule = rules.iter().find(|v| v.relation == kind);
            let prior = rule.map_or(0.0, |v| self.rule_prior(v.rule, kind));
            let map = &self.calibration[usize::from(kind.is_static())];
            let confidence = calibrate(map, prob.max(prior));
            if confidence < floor {
                continue;
            }
            let negated = match rule {
                Some(v) => v.negated,
                None => *model_negated.get_or_insert_with(|| self.negated(keys) >= 0.5),
            };
            out.push(Decision {
                kind,
                confidence,
                by_rule: rule.is_some(),
                negated,
            });
        }
        out
    }

    /// The precision a rule's proposals of `kind` had on the training documents (0 for a
    /// rule the training documents never saw propose it).
    pub(crate) fn rule_prior(&self, rule: &str, kind: RelationType) -> f32 {
        let name = format!("{rule}:{kind}");
        self.rule_priors
            .binary_search_by(|(n, _)| n.as_str().cmp(&name))
            .map_or(0.0, |i| self.rule_priors[i].1)
    }

    /// The probability that a relation with these features is stated as not holding.
    pub(crate) fn negated(&self, keys: &[u32]) -> f32 {
        softmax(&self.negation.scores(keys), 1.0)[1]
    }

    /// The default confidence a relation of `kind` needs to be kept (chosen on dev), when
    /// a rule proposed it (`by_rule`) or not.
    pub fn threshold(&self, kind: RelationType, by_rule: bool) -> f32 {
        self.thresholds[Backing::of(kind, by_rule).index()]
    }

    /// What the model was trained on and how.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [FORMAT_VERSION, FEATURES_VERSION] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in std::iter::once(self.temperature).chain(self.thresholds) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        out.extend_from_slice(self.description.as_bytes());
        for map in &self.calibration {
            out.extend_from_slice(&(map.len() as u32).to_le_bytes());
            for (raw, cal) in map {
                out.extend_from_slice(&raw.to_le_bytes());
                out.extend_from_slice(&cal.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.signatures.len() as u32).to_le_bytes());
        for s in &self.signatures {
            out.extend_from_slice(s);
        }
        out.extend_from_slice(&(self.rule_priors.len() as u32).to_le_bytes());
        for (name, p) in &self.rule_priors {
            out.extend_from_slice(&(name.len() as u32).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&p.to_le_bytes());
        }
        for table in [&self.types, &self.negation] {
            out.extend_from_slice(&(table.labels as u32).to_le_bytes());
            out.extend_from_slice(&table.scale.to_le_bytes());
            out.extend_from_slice(&(table.keys.len() as u32).to_le_bytes());
            for (i, k) in table.keys.iter().enumerate() {
                out.extend_from_slice(&k.to_le_bytes());
                for w in &table.weights[i * table.labels..(i + 1) * table.labels] {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        let crc = crate::ner::hash::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads a model from file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<RelationModel, RelationModelError> {
        let bad = |m: &str| RelationModelError::Invalid(m.to_string());
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(bad("wrong magic bytes"));
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crate::ner::hash::crc32(body) != u32::from_le_bytes(crc.try_into().expect("4 bytes")) {
            return Err(bad("checksum mismatch"));
        }
        let mut r = Reader { bytes: body, at: 8 };
        let format = r.u32()?;
        if format != FORMAT_VERSION {
            return Err(bad(&format!("format version {format}")));
        }
        let features = r.u32()?;
        if features != FEATURES_VERSION {
            return Err(RelationModelError::Version {
                found: features,
                expected: FEATURES_VERSION,
            });
        }
        let temperature = r.f32()?;
        let mut thresholds = [0f32; 4];
        for t in &mut thresholds {
            *t = r.f32()?;
        }
        let n = r.u32()? as usize;
        let description = String::from_utf8(r.take(n)?.to_vec()).map_err(|_| bad("description"))?;
        let mut calibration = [Vec::new(), Vec::new()];
        for map in &mut calibration {
            let n = r.u32()? as usize;
            if n > 100_000 {
                return Err(bad("calibration"));
            }
            for _ in 0..n {
                map.push((r.f32()?, r.f32()?));
            }
        }
        let n = r.u32()? as usize;
        if n > 4096 {
            return Err(bad("signatures"));
        }
        let mut signatures = Vec::with_capacity(n);
        for _ in 0..n {
            let s: [u8; 3] = r.take(3)?.try_into().expect("3 bytes");
            if usize::from(s[0]) >= EntityType::ALL.len()
                || usize::from(s[1]) >= RelationType::ALL.len()
                || usize::from(s[2]) >= EntityType::ALL.len()
            {
                return Err(bad("signature out of range"));
            }
            signatures.push(s);
        }
        if !signatures.windows(2).all(|w| w[0] < w[1]) {
            return Err(bad("signatures not sorted"));
        }
        let count = r.u32()? as usize;
        if count > 10_000 {
            return Err(bad("rule priors"));
        }
        let mut rule_priors = Vec::with_capacity(count);
        for _ in 0..count {
            let n = r.u32()? as usize;
            let name = String::from_utf8(r.take(n)?.to_vec()).map_err(|_| bad("rule name"))?;
            rule_priors.push((name, r.f32()?));
        }
        if !rule_priors.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(bad("rule priors not sorted"));
        }
        let mut tables = Vec::new();
        for _ in 0..2 {
            let labels = r.u32()? as usize;
            let scale = r.f32()?;
            let count = r.u32()? as usize;
            if labels == 0 || labels > 64 || count > 50_000_000 {
                return Err(bad("table size"));
            }
            let mut keys = Vec::with_capacity(count);
            let mut weights = Vec::with_capacity(count * labels);
            for _ in 0..count {
                keys.push(r.u32()?);
                for _ in 0..labels {
                    weights.push(i16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes")));
                }
            }
            tables.push(Table::new(labels, scale, keys, weights));
        }
        if r.at != body.len() {
            return Err(bad("trailing bytes"));
        }
        let negation = tables.pop().expect("two tables");
        let types = tables.pop().expect("two tables");
        if types.labels != N_LABELS || negation.labels != 2 {
            return Err(bad("label counts"));
        }
        Ok(RelationModel {
            types,
            negation,
            temperature,
            thresholds,
            rule_priors,
            calibration,
            signatures,
            description,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], RelationModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| RelationModelError::Invalid("truncated".to_string()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, RelationModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn f32(&mut self) -> Result<f32, RelationModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> RelationModel {
        let mut rows = vec![0f32; 2 * N_LABELS];
        rows[type_label(RelationType::Accuses)] = 2.0;
        rows[N_LABELS] = 1.0;
        RelationModel {
            types: Table::quantize(N_LABELS, vec![7, 9], &rows),
            negation: Table::quantize(2, vec![7], &[0.0, 0.5]),
            temperature: 1.0,
            thresholds: [0.5, 0.6, 0.7, 0.8],
            rule_priors: vec![("parse:accuses".to_string(), 0.7)],
            calibration: [vec![(0.1, 0.05), (0.9, 0.8)], Vec::new()],
            signatures: vec![signature(
                EntityType::Person,
                RelationType::Accuses,
                EntityType::Country,
            )],
            description: "test".to_string(),
        }
    }

    #[test]
    fn model_bytes_round_trip() {
        let m = tiny();
        let bytes = m.to_bytes();
        let back = RelationModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        let p = back.probabilities(&[7]);
        assert!(p[type_label(RelationType::Accuses)] > p[0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let mut bytes = tiny().to_bytes();
        bytes[20] ^= 1;
        assert!(RelationModel::from_bytes(&bytes).is_err());
        assert!(RelationModel::from_bytes(b"NGRELMDL").is_err());
    }

    #[test]
    fn isotonic_calibration_is_monotone_and_interpolates() {
        let points = vec![
            (0.1, false),
            (0.2, true),
            (0.3, false),
            (0.8, true),
            (0.9, true),
        ];
        let map = isotonic(points);
        assert!(map.windows(2).all(|w| w[0].1 <= w[1].1), "{map:?}");
        assert_eq!(calibrate(&map, 0.0), map[0].1);
        assert_eq!(calibrate(&map, 1.0), 1.0);
        assert_eq!(calibrate(&[], 0.42), 0.42);
        let mid = calibrate(&[(0.0, 0.0), (1.0, 0.5)], 0.5);
        assert!((mid - 0.25).abs() < 1e-6);
    }

    #[test]
    fn labels_map_to_types_and_back() {
        for kind in RelationType::ALL {
            assert_eq!(label_type(type_label(kind)), Some(kind));
        }
        assert_eq!(label_type(0), None);
    }

    #[test]
    fn embedded_model_loads() {
        let m = RelationModel::embedded();
        assert!(m.temperature > 0.0);
    }
}
