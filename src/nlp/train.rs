//! Training the tagger and the parser from CoNLL-U treebanks.
//!
//! Training is deterministic: sentence order comes from a fixed-seed PRNG, every map that is
//! iterated is ordered, and weights are integers until the final averaging, so the same data
//! and options give byte-identical model files.

use std::collections::BTreeMap;
use std::time::Instant;

use super::conllu::Sentence;
use super::features::WordHashes;
use super::features::{
    label_features, parser_features, tagger_features, Node, TagWord, LABEL_FEATURES,
    PARSER_FEATURES, TAGGER_FEATURES,
};
use super::hash::{key, mix, Rng};
use super::intern::intern;
use super::parser::{nodes, none_node, Parser, State, MOVES};
use super::perceptron::{argmax, Averaged, TrainWeights, Weights};
use super::tagger::{
    exact_key, lower_key, LexEntry, Tagger, WordInfo, ALL, NO_SET, START1, START2,
};
use super::{TagOut, Upos};

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The training file has no usable sentences.
    #[error("no training sentences")]
    NoData,
    /// More relations than a model can hold.
    #[error("{0} relations; at most 254 are supported")]
    TooManyRelations(usize),
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
    /// Minimum count for a word to have its word-feature rows summed at load time (speed
    /// only: the tags do not change).
    pub cache_min: usize,
    /// Number of (UPOS, XPOS) classes the tagger predicts (rarer pairs are merged).
    pub max_classes: usize,
    /// Folds for the training lexicon: each training sentence sees ambiguity classes counted
    /// on the other folds, as unseen text will (0 = count on all the data).
    pub lex_folds: usize,
    /// Models trained on different shuffles whose weights are averaged into the final one.
    pub bags: usize,
    /// Feature rows updated fewer times than this are dropped from the model.
    pub min_updates: u32,
    /// Weights smaller than this fraction of the largest are dropped from the model.
    pub prune: f32,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            seed: 1,
            lex_min: 1,
            dict_min: 20,
            dict_purity: 0.99,
            cache_min: 5,
            max_classes: 64,
            lex_folds: 10,
            bags: 1,
            min_updates: 2,
            prune: 0.0,
        }
    }
}

/// The tagger's classes: the `max` most frequent (UPOS, XPOS) pairs of the training data,
/// sorted, plus a map from every pair seen to its class. A rarer pair maps to the most frequent
/// class with the same UPOS: UPOS stays exact, XPOS loses a few odd combinations (EWT has 102
/// pairs; the 38 rarest cover 0.1% of the words), and every score vector gets shorter.
fn tag_classes(train: &[Sentence], max: usize) -> Result<(Vec<TagOut>, TagMap), TrainError> {
    let mut counts: BTreeMap<(Upos, &str), usize> = BTreeMap::new();
    for (s, sentence) in train.iter().enumerate() {
        for (w, word) in sentence.words.iter().enumerate() {
            let upos = Upos::parse(&word.upos).ok_or_else(|| TrainError::BadAnnotation {
                sentence: s + 1,
                word: w + 1,
                message: format!("unknown UPOS {:?}", word.upos),
            })?;
            *counts.entry((upos, word.xpos.as_str())).or_default() += 1;
        }
    }
    let mut by_count: Vec<_> = counts.iter().collect();
    by_count.sort_by_key(|(pair, n)| (std::cmp::Reverse(**n), **pair));
    // At most 111 + 17: classes are bits of a u128 in the lexicon's tag sets.
    let max = max.min(128 - Upos::ALL.len());
    let mut kept: Vec<(Upos, &str)> = by_count.iter().take(max).map(|(p, _)| **p).collect();
    // Every UPOS needs a class, however rare.
    for (pair, _) in &by_count {
        if !kept.iter().any(|k| k.0 == pair.0) {
            kept.push(**pair);
        }
    }
    kept.sort();
    let classes: Vec<TagOut> = kept
        .iter()
        .map(|&(upos, xpos)| TagOut {
            upos,
            xpos: intern(xpos),
        })
        .collect();
    let mut map = BTreeMap::new();
    for (pair, _) in &by_count {
        let class = match kept.iter().position(|k| k == *pair) {
            Some(c) => c,
            // by_count is most frequent first, so this is the UPOS's most frequent class.
            None => kept
                .iter()
                .position(|k| {
                    by_count
                        .iter()
                        .find(|(p, _)| p.0 == pair.0)
                        .is_some_and(|(p, _)| *p == k)
                })
                .expect("every UPOS has a class"),
        };
        map.insert(
            (pair.0.as_str().to_owned(), pair.1.to_owned()),
            class as u16,
        );
    }
    Ok((classes, map))
}

/// (UPOS, XPOS) strings → class.
type TagMap = BTreeMap<(String, String), u16>;

/// The classes a word had in training, ignoring stray annotations (under 1% of its uses) so
/// one odd token does not split a word's class.
fn tag_set(counts: &BTreeMap<u16, usize>, total: usize) -> Vec<u16> {
    counts
        .iter()
        .filter(|(_, &n)| n * 100 >= total)
        .map(|(&c, _)| c)
        .collect()
}

/// Hash of a set of classes (a word's ambiguity class).
fn amb_hash(set: &[u16]) -> u32 {
    key(set.iter().fold(0x9a3b, |h, &c| mix(h, u64::from(c) + 1)))
}

/// A lexicon: entries sorted by key, the tag sets they point to, and the words frequent
/// enough for the tagger's word cache.
type Lexicon = (Vec<(u32, LexEntry)>, Vec<u128>, Vec<String>);

/// The lexicon from the sentences of `data` for which `keep(index)` holds.
fn build_lexicon(
    data: &[(Vec<&str>, Vec<u16>)],
    opts: &TaggerOptions,
    keep: impl Fn(usize) -> bool,
) -> Lexicon {
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
            let amb = amb_hash(&tag_set(counts, total));
            lex.insert(k, LexEntry { amb, set: NO_SET });
        }
    }
    let mut sets: BTreeMap<u128, u16> = BTreeMap::new();
    let mut set_list = Vec::new();
    let mut cached = Vec::new();
    for (form, counts) in &exact {
        let total: usize = counts.values().sum();
        if total < opts.lex_min {
            continue;
        }
        let set = tag_set(counts, total);
        let (&top, &n) = counts
            .iter()
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .expect("non-empty");
        // Restricting every frequent word to the tags it had in training was tried: it costs
        // half a point of accuracy, so only (nearly) unambiguous words get a tag set.
        let mask = (total >= opts.dict_min
            && n as f64 >= opts.dict_purity * total as f64
            && usize::from(top) < 128)
            .then_some(1u128 << top);
        let set_index = match mask {
            Some(m) => *sets.entry(m).or_insert_with(|| {
                set_list.push(m);
                (set_list.len() - 1) as u16
            }),
            None => NO_SET,
        };
        if mask.is_none() && total >= opts.cache_min {
            cached.push(form.to_string());
        }
        let k = exact_key(&WordHashes::new(form));
        lex.insert(
            k,
            LexEntry {
                amb: amb_hash(&set),
                set: set_index,
            },
        );
    }
    (lex.into_iter().collect(), set_list, cached)
}

/// Forms and gold classes of the training sentences.
fn gold_tags<'a>(sentences: &'a [Sentence], map: &TagMap) -> Vec<(Vec<&'a str>, Vec<u16>)> {
    sentences
        .iter()
        .map(|s| {
            let classes = s
                .words
                .iter()
                .map(|w| map[&(w.upos.clone(), w.xpos.clone())])
                .collect();
            (s.forms(), classes)
        })
        .collect()
}

/// The mean of the scores of several development sets (each set counts the same, however
/// large), and the scores as text for the log.
fn dev_mean(scores: &[f64]) -> (f64, String) {
    let text = scores
        .iter()
        .map(|s| format!("{:.2}%", 100.0 * s))
        .collect::<Vec<_>>()
        .join(" / ");
    (
        scores.iter().sum::<f64>() / scores.len().max(1) as f64,
        text,
    )
}

/// UPOS accuracy on each development set.
fn upos_accuracies(tagger: &Tagger, dev: &[Vec<Sentence>]) -> Vec<f64> {
    dev.iter().map(|d| upos_accuracy(tagger, d)).collect()
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

/// Trains a tagger on `train`, keeping the epoch that does best on the development sets `dev`
/// (mean UPOS accuracy; with no `dev`, the last epoch). `log` receives one line per epoch.
pub fn train_tagger(
    train: &[Sentence],
    dev: &[Vec<Sentence>],
    opts: &TaggerOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Tagger, TrainError> {
    let (classes, map) = tag_classes(train, opts.max_classes)?;
    if classes.is_empty() {
        return Err(TrainError::NoData);
    }
    let data = gold_tags(train, &map);
    let lexicon = build_lexicon(&data, opts, |_| true);
    let empty = || Weights::new(classes.len(), 1.0, vec![], vec![]);
    let contexts: Vec<_> = if opts.lex_folds < 2 {
        let proto = Tagger::new(
            classes.clone(),
            lexicon.0.clone(),
            lexicon.1.clone(),
            empty(),
            vec![],
        );
        data.iter().map(|(f, _)| proto.context(f)).collect()
    } else {
        let k = opts.lex_folds;
        let mut contexts = vec![None; data.len()];
        for fold in 0..k {
            let (lex, sets, _) = build_lexicon(&data, opts, |i| i % k != fold);
            let proto = Tagger::new(classes.clone(), lex, sets, empty(), vec![]);
            for i in (fold..data.len()).step_by(k) {
                contexts[i] = Some(proto.context(&data[i].0));
            }
        }
        contexts
            .into_iter()
            .map(|c| c.expect("every sentence is in a fold"))
            .collect()
    };
    let mut bags = Vec::new();
    for bag in 0..opts.bags.max(1) {
        let seed = opts.seed.wrapping_add(bag as u64);
        let run = TaggerRun {
            classes: &classes,
            lexicon: &lexicon.0,
            sets: &lexicon.1,
            cached: &lexicon.2,
            data: &data,
            contexts: &contexts,
        };
        bags.push(run.train(seed, dev, opts, log));
    }
    let weights = Averaged::mean(&bags).quantize(opts.prune, TAGGER_FEATURES);
    let tagger = Tagger::new(classes, lexicon.0, lexicon.1, weights, lexicon.2);
    if bags.len() > 1 && !dev.is_empty() {
        log(&format!(
            "tagger: {} bags, dev UPOS {}",
            bags.len(),
            dev_mean(&upos_accuracies(&tagger, dev)).1
        ));
    }
    Ok(tagger)
}

/// One tagger training run's inputs.
struct TaggerRun<'a> {
    classes: &'a [TagOut],
    lexicon: &'a [(u32, LexEntry)],
    sets: &'a [u128],
    cached: &'a [String],
    data: &'a [(Vec<&'a str>, Vec<u16>)],
    contexts: &'a [(Vec<TagWord>, Vec<WordInfo>)],
}

impl TaggerRun<'_> {
    /// Trains with one shuffling seed; returns the averaged weights of the epoch that did best
    /// on `dev` (the last epoch when `dev` is empty).
    fn train(
        &self,
        seed: u64,
        dev: &[Vec<Sentence>],
        opts: &TaggerOptions,
        log: &mut dyn FnMut(&str),
    ) -> Averaged {
        let (classes, data, contexts) = (self.classes, self.data, self.contexts);
        let mut weights = TrainWeights::new(classes.len());
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut scores = vec![0i32; classes.len()];
        let mut best: Option<(f64, Averaged)> = None;
        for epoch in 1..=opts.epochs.max(1) {
            let start = Instant::now();
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &s in &order {
                let (ctx, infos) = &contexts[s];
                let gold = &data[s].1;
                let (mut p1, mut p2) = (START1, START2);
                for (i, (info, &g)) in infos.iter().zip(gold).enumerate() {
                    let mask = info.mask;
                    let class = if mask.count_ones() == 1 {
                        mask.trailing_zeros() as u16
                    } else {
                        let feats = tagger_features(ctx, i + 2, p1, p2);
                        scores.fill(0);
                        weights.score(&feats, &mut scores);
                        let guess =
                            argmax(&scores, |c| mask == ALL || mask >> c & 1 == 1).unwrap_or(0);
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
            let averaged = weights.averaged(opts.min_updates);
            let tagger = Tagger::new(
                classes.to_vec(),
                self.lexicon.to_vec(),
                self.sets.to_vec(),
                averaged.quantize(opts.prune, TAGGER_FEATURES),
                self.cached.to_vec(),
            );
            let (dev_acc, dev_text) = dev_mean(&upos_accuracies(&tagger, dev));
            log(&format!(
                "tagger epoch {epoch}: train {:.2}%  dev UPOS {dev_text}  rows {}  ({:.1}s)",
                100.0 * right as f64 / total.max(1) as f64,
                tagger.size().0,
                start.elapsed().as_secs_f64()
            ));
            if best
                .as_ref()
                .is_none_or(|(b, _)| dev.is_empty() || dev_acc > *b)
            {
                best = Some((dev_acc, averaged));
            }
        }
        best.map(|(_, t)| t).expect("at least one epoch")
    }
}

/// Parser training settings. The defaults are the ones the shipped model was trained with.
#[derive(Debug, Clone)]
pub struct ParserOptions {
    /// Passes over the training data; the epoch with the best dev LAS is kept.
    pub epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// From this epoch on, training follows the model's own (possibly wrong) transitions with
    /// probability `explore_p`, so it learns to recover from its mistakes (dynamic oracle).
    pub explore_from: usize,
    /// See `explore_from`.
    pub explore_p: f64,
    /// Folds for jackknifed training tags: each training sentence is tagged by a tagger
    /// trained on the other folds, so the parser learns from tags as good (and as bad) as it
    /// will see. 0 or 1: train on gold tags.
    pub jackknife: usize,
    /// Settings of the jackknife taggers.
    pub tagger: TaggerOptions,
    /// Transition-feature rows updated fewer times than this are dropped from the model: rows
    /// of rare word combinations cost memory and cache misses for little accuracy (4 halves
    /// the table against 2 and costs about 0.2 UAS on dev).
    pub min_updates: u32,
    /// The same for the label classifier, which is consulted once per word, not twice.
    pub label_min_updates: u32,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 15,
            seed: 1,
            explore_from: 2,
            explore_p: 0.9,
            jackknife: 10,
            tagger: TaggerOptions {
                epochs: 8,
                ..TaggerOptions::default()
            },
            min_updates: 4,
            label_min_updates: 2,
        }
    }
}

/// A training sentence for the parser.
struct ParseExample {
    nodes: Vec<Node>,
    /// Gold head of each word, index 0 unused.
    heads: Vec<u32>,
    /// Gold label of each word, index 0 unused.
    labels: Vec<u8>,
}

/// Tags `sentences` with taggers trained on the other folds.
fn jackknife_tags(
    sentences: &[Sentence],
    opts: &ParserOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Vec<TagOut>>, TrainError> {
    let k = opts.jackknife;
    let mut tags: Vec<Vec<TagOut>> = vec![Vec::new(); sentences.len()];
    let (mut right, mut total) = (0usize, 0usize);
    for fold in 0..k {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = train_tagger(&rest, &[], &opts.tagger, &mut |_| {})?;
        for i in (fold..sentences.len()).step_by(k) {
            let t = tagger.tag(&sentences[i].forms());
            for (t, w) in t.iter().zip(&sentences[i].words) {
                right += usize::from(t.upos.as_str() == w.upos);
                total += 1;
            }
            tags[i] = t;
        }
        log(&format!("jackknife fold {}/{k} tagged", fold + 1));
    }
    log(&format!(
        "jackknifed training tags: UPOS {:.2}%",
        100.0 * right as f64 / total.max(1) as f64
    ));
    Ok(tags)
}

/// Gold tags as the tagger would output them.
fn gold_tag_outs(s: &Sentence) -> Vec<TagOut> {
    s.words
        .iter()
        .map(|w| TagOut {
            upos: Upos::parse(&w.upos).unwrap_or(Upos::X),
            xpos: intern(&w.xpos),
        })
        .collect()
}

/// Trains a parser on `train`, keeping the epoch with the best mean LAS on the development sets
/// `dev` (parsed with tags from `tagger`; with no `dev`, the last epoch). `log` receives
/// progress lines.
pub fn train_parser(
    train: &[Sentence],
    dev: &[Vec<Sentence>],
    tagger: &Tagger,
    opts: &ParserOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Parser, TrainError> {
    let labels: Vec<&'static str> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.as_str()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(intern)
        .collect();
    if labels.is_empty() {
        return Err(TrainError::NoData);
    }
    if labels.len() >= usize::from(u8::MAX) {
        return Err(TrainError::TooManyRelations(labels.len()));
    }
    let tags = if opts.jackknife >= 2 {
        jackknife_tags(train, opts, log)?
    } else {
        train.iter().map(gold_tag_outs).collect()
    };
    let mut examples = Vec::with_capacity(train.len());
    for (i, (s, t)) in train.iter().zip(&tags).enumerate() {
        let mut heads = vec![0u32];
        let mut gold_labels = vec![0u8];
        for (j, w) in s.words.iter().enumerate() {
            let head = w.head.ok_or_else(|| TrainError::BadAnnotation {
                sentence: i + 1,
                word: j + 1,
                message: "no HEAD".into(),
            })?;
            heads.push(head as u32);
            let l = labels
                .iter()
                .position(|l| *l == w.deprel)
                .expect("label set");
            gold_labels.push(l as u8);
        }
        examples.push(ParseExample {
            nodes: nodes(&s.forms(), t),
            heads,
            labels: gold_labels,
        });
    }
    let dev_tags: Vec<Vec<Vec<TagOut>>> = dev
        .iter()
        .map(|d| d.iter().map(|s| tagger.tag(&s.forms())).collect())
        .collect();
    let run = ParserRun {
        labels: &labels,
        examples: &examples,
        dev,
        dev_tags: &dev_tags,
    };
    let (moves, label_weights) = run.train(opts.seed, opts, log);
    Ok(run.parser(&moves, &label_weights))
}

/// One parser training run's inputs.
struct ParserRun<'a> {
    labels: &'a [&'static str],
    examples: &'a [ParseExample],
    dev: &'a [Vec<Sentence>],
    dev_tags: &'a [Vec<Vec<TagOut>>],
}

impl ParserRun<'_> {
    /// A parser from averaged transition and label weights.
    fn parser(&self, moves: &Averaged, label_weights: &Averaged) -> Parser {
        Parser::new(
            self.labels.to_vec(),
            moves.quantize_small(0.0, PARSER_FEATURES),
            label_weights.quantize(0.0, LABEL_FEATURES),
        )
    }

    /// Trains with one shuffling and exploration seed; returns the averaged transition and
    /// label weights of the epoch with the best mean LAS on the development sets (the last
    /// epoch without them).
    fn train(
        &self,
        seed: u64,
        opts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> (Averaged, Averaged) {
        let (labels, examples, dev) = (self.labels, self.examples, self.dev);
        let root = labels.iter().position(|l| *l == "root");
        let mut moves = TrainWeights::new(MOVES);
        let mut label_weights = TrainWeights::new(labels.len());
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut best: Option<(f64, (Averaged, Averaged))> = None;
        let none = none_node();
        for epoch in 1..=opts.epochs.max(1) {
            let start = Instant::now();
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &e in &order {
                let ex = &examples[e];
                let n = ex.nodes.len() - 1;
                let mut state = State::new(n);
                let mut in_stack = vec![false; n + 1];
                let mut label_scores = vec![0i32; labels.len()];
                while !state.is_final() {
                    let features = parser_features(&state.view(&ex.nodes, &none));
                    let mut scores = [0i32; MOVES];
                    moves.score(&features, &mut scores);
                    state.mark_stack(&mut in_stack);
                    let mut costs = [u32::MAX; MOVES];
                    for (m, c) in costs.iter_mut().enumerate() {
                        if state.is_valid(m) {
                            *c = state.cost(m, &ex.heads, &in_stack);
                        }
                    }
                    let min = *costs.iter().min().expect("moves");
                    let guess = argmax(&scores, |m| costs[m] != u32::MAX).expect("a valid move");
                    let good = argmax(&scores, |m| costs[m] == min).expect("a cheapest move");
                    if costs[guess] > min {
                        moves.update(&features, good, guess);
                    }
                    moves.time += 1;
                    let explore = epoch >= opts.explore_from && rng.unit() < opts.explore_p;
                    let mv = if explore { guess } else { good };
                    let mut label = 0u8;
                    if let Some((h, d)) = state.arc(mv) {
                        let lf = label_features(&state.arc_view(mv, h, d, &ex.nodes, &none));
                        label_scores.fill(0);
                        label_weights.score(&lf, &mut label_scores);
                        let allowed = |l: usize| (h == 0) == (Some(l) == root) || root.is_none();
                        let l = argmax(&label_scores, allowed).unwrap_or(0);
                        if ex.heads[d as usize] == h {
                            let g = usize::from(ex.labels[d as usize]);
                            label_weights.update(&lf, g, l);
                            label_weights.time += 1;
                            right += usize::from(l == g);
                            total += 1;
                        }
                        label = l as u8;
                    }
                    state.apply(mv, label);
                }
            }
            let averaged = (
                moves.averaged(opts.min_updates),
                label_weights.averaged(opts.label_min_updates),
            );
            let parser = self.parser(&averaged.0, &averaged.1);
            let scores: Vec<(f64, f64)> = dev
                .iter()
                .zip(self.dev_tags)
                .map(|(d, t)| dev_scores(&parser, d, t))
                .collect();
            let (_, uas) = dev_mean(&scores.iter().map(|s| s.0).collect::<Vec<_>>());
            let (las, las_text) = dev_mean(&scores.iter().map(|s| s.1).collect::<Vec<_>>());
            log(&format!(
                "parser epoch {epoch}: train labels {:.2}%  dev UAS {uas}  LAS \
                 {las_text}  ({:.1}s)",
                100.0 * right as f64 / total.max(1) as f64,
                start.elapsed().as_secs_f64()
            ));
            if best
                .as_ref()
                .is_none_or(|(b, _)| dev.is_empty() || las > *b)
            {
                best = Some((las, averaged));
            }
        }
        best.expect("at least one epoch").1
    }
}

/// UAS and LAS (universal relations) of `parser` on `dev` with the given tags.
fn dev_scores(parser: &Parser, dev: &[Sentence], tags: &[Vec<TagOut>]) -> (f64, f64) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    let universal = |r: &str| r.split(':').next().unwrap_or("").to_owned();
    for (s, t) in dev.iter().zip(tags) {
        let arcs = parser.parse(&s.forms(), t);
        for (a, w) in arcs.iter().zip(&s.words) {
            total += 1;
            if Some(a.head) == w.head {
                uas += 1;
                las += usize::from(universal(a.deprel) == universal(&w.deprel));
            }
        }
    }
    (
        uas as f64 / total.max(1) as f64,
        las as f64 / total.max(1) as f64,
    )
}
