//! Training of the relation model on the news gold: candidates and their features come from
//! the relation stage itself ([`super::each_sentence`]), labels from [`super::gold`]. The
//! model is a multinomial logistic regression (AdaGrad, L2), deterministic for a seed; its
//! softmax temperature and its thresholds are chosen on the dev documents.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::gold::{fact, Fact, GoldDocument, Labeller};
use super::model::{self, softmax, RelationModel, Table, N_LABELS};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::relation::RelationType;
use crate::{recognize, resolve, text};

pub use super::gold::{gum_text, read_gold, read_plover};

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training examples.
    pub epochs: usize,
    /// AdaGrad's learning rate.
    pub rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// Features seen in fewer training examples are dropped.
    pub min_count: u32,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Weight of a `may` relation as a positive example (0: left out of training).
    pub may_weight: f32,
    /// Precision the event threshold is chosen for on dev.
    pub event_precision: f32,
    /// Precision the static threshold is chosen for on dev.
    pub static_precision: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            rate: 0.1,
            l2: 1e-5,
            min_count: 2,
            seed: 1,
            may_weight: 0.0,
            event_precision: 0.80,
            static_precision: 0.85,
        }
    }
}

/// One labelled candidate.
#[derive(Debug, Clone)]
struct Example {
    keys: Vec<u32>,
    /// Target distribution over labels.
    target: Vec<(usize, f32)>,
    weight: f32,
    /// For positives of `must` relations: whether they are negated.
    negated: Option<bool>,
    /// What the prediction is scored as, at the document level: the two actors, or the
    /// entities when an actor is not in the gold.
    pair: PairKey,
    /// The sentence, and the two mentions as written (for the dump).
    sentence: Range<usize>,
    mentions: (Range<usize>, Range<usize>),
    rules: Vec<String>,
    /// The types the rules proposed for this pair.
    rule_types: Vec<RelationType>,
    verdicts: Vec<super::features::RuleVerdict>,
    /// The two mentions' types.
    kinds: (crate::entity::EntityType, crate::entity::EntityType),
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum PairKey {
    Actors(String, String),
    Unknown(usize, usize),
}

/// A document's examples, with its gold facts.
struct DocExamples {
    id: String,
    text: String,
    examples: Vec<Example>,
    /// Gold facts and whether each is `must`.
    facts: Vec<(Fact, bool)>,
    /// The `must` facts some candidate can reach: both actors paired in a sentence of the
    /// fact's evidence.
    reachable: BTreeSet<Fact>,
    /// Unreachable `must` relations: what the gold says and which actors no mention of
    /// the evidence stood for.
    unreachable: Vec<String>,
}

fn examples_of(doc: &GoldDocument, lexicon: &Lexicon, options: &TrainOptions) -> DocExamples {
    let document = Document::new(doc.id.clone(), doc.text.clone());
    let layout = text::segment(&document.text);
    let candidates = recognize::recognize(&document.text, &layout, lexicon);
    let resolved = resolve::resolve(&document.text, &candidates, lexicon);
    let labeller = Labeller::new(doc);
    let mut examples = Vec::new();
    let mut paired: BTreeSet<(String, String, usize)> = BTreeSet::new();
    let mut seen: BTreeSet<(String, usize)> = BTreeSet::new();
    super::each_sentence(&document.text, &layout, &resolved, lexicon, None, |s| {
        let actors: Vec<Option<&str>> = s
            .mentions
            .iter()
            .map(|m| labeller.actor(m, &resolved.mentions))
            .collect();
        for a in actors.iter().flatten() {
            seen.insert((a.to_string(), s.span.start));
        }
        for c in &s.candidates {
            let (a, b) = (actors[c.a], actors[c.b]);
            let pair = match (a, b) {
                (Some(a), Some(b)) if a != b => PairKey::Actors(a.to_string(), b.to_string()),
                _ => PairKey::Unknown(s.mentions[c.a].entity, s.mentions[c.b].entity),
            };
            let mut example = Example {
                keys: c.keys.clone(),
                target: vec![(0, 1.0)],
                weight: 1.0,
                negated: None,
                pair: pair.clone(),
                sentence: s.span.clone(),
                mentions: (s.mentions[c.a].span.clone(), s.mentions[c.b].span.clone()),
                rules: c
                    .rules
                    .iter()
                    .map(|v| format!("{}:{}", v.rule, v.relation))
                    .collect(),
                rule_types: c.rules.iter().map(|v| v.relation).collect(),
                verdicts: c.rules.clone(),
                kinds: (s.mentions[c.a].kind, s.mentions[c.b].kind),
            };
            if let PairKey::Actors(a, b) = &pair {
                paired.insert((a.clone(), b.clone(), s.span.start));
                let label = labeller.label(a, b, &s.span);
                if !label.must.is_empty() {
                    let share = 1.0 / label.must.len() as f32;
                    example.target = label
                        .must
                        .iter()
                        .map(|&k| (model::type_label(k), share))
                        .collect();
                    example.negated = Some(label.negated);
                } else if !label.may.is_empty() {
                    if options.may_weight <= 0.0 {
                        example.weight = 0.0;
                    } else {
                        let share = 1.0 / label.may.len() as f32;
                        example.target = label
                            .may
                            .iter()
                            .map(|&k| (model::type_label(k), share))
                            .collect();
                        example.weight = options.may_weight;
                    }
                } else if label.elsewhere || doc.partial {
                    // Stated in another sentence: this one may say it again, unannotated.
                    example.weight = 0.0;
                }
            }
            if doc.partial && !matches!(pair, PairKey::Actors(..)) {
                example.weight = 0.0;
            }
            examples.push(example);
        }
    });
    let facts: Vec<(Fact, bool)> = labeller.facts().map(|(f, m)| (f.clone(), m)).collect();
    let mut reachable = BTreeSet::new();
    let mut unreachable = Vec::new();
    for r in &labeller.document().relations {
        if r.level != "must" {
            continue;
        }
        let (s, t) = (&r.source.actor, &r.target.actor);
        let stated = paired
            .range((s.clone(), t.clone(), 0)..)
            .take_while(|(a, b, _)| a == s && b == t);
        let mut reach = false;
        for (_, _, at) in stated {
            if (r.evidence.start..r.evidence.end).contains(at) {
                reach = true;
            }
        }
        if reach {
            for kind in r
                .types
                .iter()
                .filter_map(|k| k.parse::<RelationType>().ok())
            {
                reachable.insert(fact(s, kind, t, r.negated));
            }
        } else {
            let found = |actor: &String| {
                seen.range((actor.clone(), r.evidence.start)..(actor.clone(), r.evidence.end))
                    .next()
                    .is_some()
            };
            unreachable.push(format!(
                "{} {} [{}] {}{} [{}] {}",
                labeller.document().id,
                r.source.text,
                if found(s) { "+" } else { "-" },
                r.types.join("/"),
                if r.negated { " (negated)" } else { "" },
                if found(t) { "+" } else { "-" },
                r.target.text
            ));
        }
    }
    DocExamples {
        id: doc.id.clone(),
        text: doc.text.clone(),
        examples,
        facts,
        reachable,
        unreachable,
    }
}

/// Dense weights being trained, with AdaGrad's sums of squared gradients.
struct Trainer {
    labels: usize,
    weights: Vec<f32>,
    squares: Vec<f32>,
}

impl Trainer {
    fn new(labels: usize, keys: &[u32]) -> Trainer {
        Trainer {
            labels,
            weights: vec![0.0; keys.len() * labels],
            squares: vec![0.0; keys.len() * labels],
        }
    }

    fn scores(&self, rows: &[usize]) -> Vec<f32> {
        let mut s = vec![0f32; self.labels];
        for &r in rows {
            for (x, w) in s
                .iter_mut()
                .zip(&self.weights[r * self.labels..(r + 1) * self.labels])
            {
                *x += w;
            }
        }
        s
    }

    /// One AdaGrad step on the log loss of `target` (a distribution over labels).
    fn step(&mut self, rows: &[usize], target: &[(usize, f32)], weight: f32, rate: f32, l2: f32) {
        let p = softmax(&self.scores(rows), 1.0);
        let mut g: Vec<f32> = p.iter().map(|x| x * weight).collect();
        for &(l, share) in target {
            g[l] -= share * weight;
        }
        for &r in rows {
            for (l, gl) in g.iter().enumerate() {
                let i = r * self.labels + l;
                let grad = gl + l2 * self.weights[i];
                if grad == 0.0 {
                    continue;
                }
                self.squares[i] += grad * grad;
                self.weights[i] -= rate * grad / (self.squares[i].sqrt() + 1e-6);
            }
        }
    }

    fn table(&self, keys: &[u32]) -> Table {
        Table::quantize(self.labels, keys.to_vec(), &self.weights)
    }
}

/// One training row: its feature indices, its target labels with their weights, and its own
/// weight.
type Row = (Vec<usize>, Vec<(usize, f32)>, f32);

fn fit(labels: usize, keys: &[u32], data: &[Row], options: &TrainOptions) -> Table {
    let mut t = Trainer::new(labels, keys);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = crate::ner::hash::Rng::new(options.seed);
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (rows, target, weight) = &data[i];
            t.step(rows, target, *weight, options.rate, options.l2);
        }
    }
    t.table(keys)
}

/// What a training run measured on dev.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Lines to print, in order.
    pub lines: Vec<String>,
    /// The dev candidates as JSON lines: sentence, mentions, gold label, the model's
    /// probabilities and the rules' verdicts (for error analysis).
    pub dev_dump: Vec<String>,
}

impl TrainReport {
    fn line(&mut self, s: String) {
        self.lines.push(s);
    }
}

/// Precision and recall of dev facts at one threshold.
#[derive(Debug, Clone, Copy, Default)]
struct Point {
    predicted: usize,
    right: usize,
    gold: usize,
    found: usize,
}

impl Point {
    fn precision(&self) -> f32 {
        if self.predicted == 0 {
            0.0
        } else {
            self.right as f32 / self.predicted as f32
        }
    }
    fn recall(&self) -> f32 {
        if self.gold == 0 {
            0.0
        } else {
            self.found as f32 / self.gold as f32
        }
    }
}

/// Per document: each predicted fact (pair key, type, negated) with its highest confidence
/// from candidates a rule backed ([0]) and from the others ([1]).
type Predicted = BTreeMap<(PairKey, RelationType, bool), [f32; 2]>;

fn predict(model: &RelationModel, docs: &[DocExamples]) -> Vec<Predicted> {
    docs.iter()
        .map(|d| {
            let mut out: Predicted = BTreeMap::new();
            for e in &d.examples {
                for dec in model.decide(&e.keys, e.kinds, &e.verdicts, 0.02) {
                    let kind = dec.kind;
                    let pair = match (&e.pair, kind.is_symmetric()) {
                        (PairKey::Actors(a, b), true) if a > b => {
                            PairKey::Actors(b.clone(), a.clone())
                        }
                        (PairKey::Unknown(a, b), true) if a > b => PairKey::Unknown(*b, *a),
                        (p, _) => p.clone(),
                    };
                    let backed = usize::from(!dec.by_rule);
                    let slot = out.entry((pair, kind, dec.negated)).or_insert([0.0; 2]);
                    slot[backed] = slot[backed].max(dec.confidence);
                }
            }
            out
        })
        .collect()
}

fn is_right(d: &DocExamples, key: &(PairKey, RelationType, bool)) -> bool {
    match &key.0 {
        PairKey::Actors(a, b) => d.facts.iter().any(|(f, _)| *f == fact(a, key.1, b, key.2)),
        PairKey::Unknown(..) => false,
    }
}

/// Dev precision and recall of event or static facts with thresholds `t` (for facts a rule
/// backed, and for the others), optionally of one type.
fn point(
    docs: &[DocExamples],
    predicted: &[Predicted],
    t: [f32; 2],
    statics: bool,
    kind: Option<RelationType>,
) -> Point {
    let mut p = Point::default();
    for (d, pred) in docs.iter().zip(predicted) {
        let mut hit: BTreeSet<Fact> = BTreeSet::new();
        for (key, conf) in pred {
            let kept = conf[0] >= t[0] || conf[1] >= t[1];
            if !kept || key.1.is_static() != statics || kind.is_some_and(|k| k != key.1) {
                continue;
            }
            p.predicted += 1;
            if is_right(d, key) {
                p.right += 1;
                if let PairKey::Actors(a, b) = &key.0 {
                    hit.insert(fact(a, key.1, b, key.2));
                }
            }
        }
        for (f, must) in &d.facts {
            if *must && f.1.is_static() == statics && kind.is_none_or(|k| k == f.1) {
                p.gold += 1;
                if hit.contains(f) {
                    p.found += 1;
                }
            }
        }
    }
    p
}

/// The two thresholds (rule-backed, other) with the best F-beta (beta 0.5: precision counts
/// twice as much as recall) on dev, among those that reach `target` precision when any
/// pair with some recall does.
fn choose(docs: &[DocExamples], predicted: &[Predicted], statics: bool, target: f32) -> [f32; 2] {
    let grid: Vec<f32> = (1..50).map(|i| i as f32 * 0.02).collect();
    let mut best: Option<(bool, f32, [f32; 2])> = None;
    for &a in &grid {
        for &b in &grid {
            let p = point(docs, predicted, [a, b], statics, None);
            if p.found == 0 {
                continue;
            }
            let (pr, re) = (p.precision(), p.recall());
            let f = 1.25 * pr * re / (0.25 * pr + re);
            // Reaching the target counts only with a recall worth having (a tenth).
            let ok = pr >= target && re >= 0.1;
            if best.is_none_or(|(bok, bf, _)| (ok, f) > (bok, bf)) {
                best = Some((ok, f, [a, b]));
            }
        }
    }
    best.map_or([0.98, 0.98], |(_, _, t)| t)
}

/// Trains the relation model on the `train` documents, chooses its temperature and
/// thresholds on the `dev` documents, and reports what it measured there.
pub fn train(
    docs: &[GoldDocument],
    lexicon: &Lexicon,
    options: &TrainOptions,
) -> (RelationModel, TrainReport) {
    let mut report = TrainReport::default();
    let split =
        |name: &str| -> Vec<&GoldDocument> { docs.iter().filter(|d| d.split == name).collect() };
    let (mut train_docs, dev_docs) = (split("train"), split("dev"));
    let extra = split("extra").len();
    train_docs.extend(split("extra"));
    let train: Vec<DocExamples> = train_docs
        .par_iter()
        .map(|d| examples_of(d, lexicon, options))
        .collect();
    let dev: Vec<DocExamples> = dev_docs
        .par_iter()
        .map(|d| examples_of(d, lexicon, options))
        .collect();
    let examples: Vec<&Example> = train
        .iter()
        .flat_map(|d| &d.examples)
        .filter(|e| e.weight > 0.0)
        .collect();
    let positives = examples.iter().filter(|e| e.target[0].0 != 0).count();
    report.line(format!(
        "train: {} documents ({} of them extra), {} candidates used ({} positive); dev: {} documents",
        train_docs.len(),
        extra,
        examples.len(),
        positives,
        dev_docs.len()
    ));
    // How often each rule's proposal is what the gold says, on train (weighted examples).
    let mut by_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for e in &examples {
        for (v, kind) in e.verdicts.iter().zip(&e.rule_types) {
            let name = format!("{}:{}", v.rule, kind);
            let slot = by_rule.entry(name).or_default();
            slot.0 += 1;
            slot.1 += usize::from(e.target.iter().any(|&(l, _)| l == model::type_label(*kind)));
        }
    }
    report
        .line("rule proposals on train candidates: rule:type, proposed, what the gold says".into());
    for (name, (n, right)) in &by_rule {
        report.line(format!("  {name:<40} {n:>5} {right:>5}"));
    }
    // Features seen in at least min_count training examples.
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for e in &examples {
        for &k in &e.keys {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut keys: Vec<u32> = counts
        .iter()
        .filter(|&(_, &n)| n >= options.min_count)
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    let index: FxHashMap<u32, usize> = keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    let rows = |e: &Example| -> Vec<usize> {
        e.keys
            .iter()
            .filter_map(|k| index.get(k).copied())
            .collect()
    };
    let data: Vec<_> = examples
        .iter()
        .map(|e| (rows(e), e.target.clone(), e.weight))
        .collect();
    let types = fit(N_LABELS, &keys, &data, options);
    let neg_data: Vec<_> = examples
        .iter()
        .filter_map(|e| {
            e.negated
                .map(|n| (rows(e), vec![(usize::from(n), 1.0)], 1.0))
        })
        .collect();
    let negations = neg_data.iter().filter(|d| d.1[0].0 == 1).count();
    let negation = fit(2, &keys, &neg_data, options);
    report.line(format!(
        "features: {} kept (seen in {}+ examples); negation: {} examples, {} negated",
        keys.len(),
        options.min_count,
        neg_data.len(),
        negations
    ));
    let mut model = RelationModel {
        types,
        negation,
        temperature: 1.0,
        thresholds: [0.5; 4],
        calibration: [Vec::new(), Vec::new()],
        signatures: {
            let mut seen: Vec<[u8; 3]> = examples
                .iter()
                .flat_map(|e| {
                    e.target
                        .iter()
                        .filter_map(|&(l, _)| model::label_type(l))
                        .map(|k| model::signature(e.kinds.0, k, e.kinds.1))
                })
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen
        },
        rule_priors: by_rule
            .iter()
            .map(|(name, &(n, right))| (name.clone(), (right as f32 + 1.0) / (n as f32 + 2.0)))
            .collect(),
        description: String::new(),
    };
    // Temperature: the one that makes dev candidates' probabilities most likely.
    let dev_examples: Vec<&Example> = dev
        .iter()
        .flat_map(|d| &d.examples)
        .filter(|e| e.weight > 0.0)
        .collect();
    let scores: Vec<Vec<f32>> = dev_examples
        .iter()
        .map(|e| model.types.scores(&e.keys))
        .collect();
    let mut best = (f64::MAX, 1.0f32);
    for step in 0..=60 {
        let t = 0.4 + step as f32 * 0.05;
        let mut nll = 0f64;
        for (e, s) in dev_examples.iter().zip(&scores) {
            let p = softmax(s, t);
            let q: f32 = e.target.iter().map(|&(l, share)| share * p[l]).sum();
            nll -= f64::from(q.max(1e-9)).ln();
        }
        if nll < best.0 {
            best = (nll, t);
        }
    }
    model.temperature = best.1;
    report.line(format!(
        "temperature (dev log loss): {:.2}",
        model.temperature
    ));
    // Calibration: the share of dev facts that are right, as a monotone function of the raw
    // confidence, for events and static relations.
    let raw = predict(&model, &dev);
    for (k, statics) in [false, true].into_iter().enumerate() {
        let mut points = Vec::new();
        for (d, pred) in dev.iter().zip(&raw) {
            for (key, conf) in pred {
                if key.1.is_static() == statics {
                    points.push((conf[0].max(conf[1]), is_right(d, key)));
                }
            }
        }
        model.calibration[k] = model::isotonic(points);
    }
    let predicted = predict(&model, &dev);
    for d in &dev {
        for e in &d.examples {
            let p = model.probabilities(&e.keys);
            let top: Vec<(String, f32)> = p
                .iter()
                .enumerate()
                .filter(|&(_, &x)| x >= 0.05)
                .map(|(l, &x)| {
                    (
                        model::label_type(l)
                            .map_or("none", |k| k.as_str())
                            .to_string(),
                        x,
                    )
                })
                .collect();
            let gold: Vec<&str> = e
                .target
                .iter()
                .map(|&(l, _)| model::label_type(l).map_or("none", |k| k.as_str()))
                .collect();
            report.dev_dump.push(
                serde_json::json!({
                    "doc": d.id,
                    "sentence": &d.text[e.sentence.clone()],
                    "a": &d.text[e.mentions.0.clone()],
                    "b": &d.text[e.mentions.1.clone()],
                    "gold": gold,
                    "weight": e.weight,
                    "predicted": top,
                    "rules": e.rules,
                })
                .to_string(),
            );
        }
    }
    // The curve of precision against recall on dev (one threshold for all), and the
    // thresholds.
    report.line(
        "dev curve (document-level facts, one threshold): threshold, events P R, static P R".into(),
    );
    for step in 1..=19 {
        let t = step as f32 * 0.05;
        let e = point(&dev, &predicted, [t, t], false, None);
        let s = point(&dev, &predicted, [t, t], true, None);
        report.line(format!(
            "  {t:.2}  {:.3} {:.3}  {:.3} {:.3}",
            e.precision(),
            e.recall(),
            s.precision(),
            s.recall()
        ));
    }
    let events = choose(&dev, &predicted, false, options.event_precision);
    let statics = choose(&dev, &predicted, true, options.static_precision);
    model.thresholds = [events[0], events[1], statics[0], statics[1]];
    let e = point(&dev, &predicted, events, false, None);
    let s = point(&dev, &predicted, statics, true, None);
    report.line(format!(
        "thresholds: events {:.2} proposed by a rule, {:.2} not (dev P {:.3} R {:.3}); static {:.2} / {:.2} (dev P {:.3} R {:.3})",
        events[0],
        events[1],
        e.precision(),
        e.recall(),
        statics[0],
        statics[1],
        s.precision(),
        s.recall()
    ));
    report.line(
        "dev per type at the thresholds: type, predicted, right, P, gold must, found, R".into(),
    );
    for kind in RelationType::ALL {
        let t = if kind.is_static() { statics } else { events };
        let p = point(&dev, &predicted, t, kind.is_static(), Some(kind));
        if p.predicted + p.gold > 0 {
            report.line(format!(
                "  {:<16} {:>4} {:>4} {:.2} {:>4} {:>4} {:.2}",
                kind.as_str(),
                p.predicted,
                p.right,
                p.precision(),
                p.gold,
                p.found,
                p.recall()
            ));
        }
    }
    // Reliability: dev facts binned by confidence, and how many are right.
    report.line("dev reliability (facts by confidence): bin, facts, right, share right".into());
    for bin in 0..10 {
        let (lo, hi) = (bin as f32 / 10.0, (bin + 1) as f32 / 10.0);
        let (mut n, mut right) = (0, 0);
        for (d, pred) in dev.iter().zip(&predicted) {
            for (key, conf) in pred {
                let conf = conf[0].max(conf[1]);
                if conf >= lo.max(0.02) && (conf < hi || bin == 9) {
                    n += 1;
                    right += usize::from(is_right(d, key));
                }
            }
        }
        if n > 0 {
            report.line(format!(
                "  {lo:.1}-{hi:.1} {n:>5} {right:>5} {:.2}",
                right as f32 / n as f32
            ));
        }
    }
    // The bound candidates set on recall.
    for (name, statics) in [("events", false), ("static", true)] {
        let gold: usize = dev
            .iter()
            .map(|d| {
                d.facts
                    .iter()
                    .filter(|(f, m)| *m && f.1.is_static() == statics)
                    .count()
            })
            .sum();
        let reach: usize = dev
            .iter()
            .map(|d| {
                d.reachable
                    .iter()
                    .filter(|f| f.1.is_static() == statics)
                    .count()
            })
            .sum();
        report.line(format!(
            "candidate bound on dev recall, {name}: {reach} of {gold} must facts have a candidate pair in their sentence ({:.3})",
            if gold == 0 { 0.0 } else { reach as f32 / gold as f32 }
        ));
    }
    for d in &dev {
        for u in &d.unreachable {
            report.line(format!("  unreachable: {u}"));
        }
    }
    model.description = format!(
        "logistic regression on {} news-gold train documents and {} extra records ({} candidates, {} features); \
         epochs {}, rate {}, l2 {}, min count {}, may weight {}, seed {}; temperature and \
         thresholds chosen on {} dev documents",
        train_docs.len() - extra,
        extra,
        examples.len(),
        keys.len(),
        options.epochs,
        options.rate,
        options.l2,
        options.min_count,
        options.may_weight,
        options.seed,
        dev_docs.len()
    );
    (model, report)
}
