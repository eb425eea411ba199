//! Merging is associative and commutative: shards built apart, resolved, written, read back
//! and merged in any grouping give the graph one build gives, byte for byte. So does adding
//! shards one after another to a saved graph (`build --into`).

use newsgraph::export::json;
use newsgraph::load::{self, ReadOptions, ReadReport};
use newsgraph::{Document, Extraction, Extractor, KnowledgeGraph};
use rayon::prelude::*;

use crate::util::{root, wikinews};

/// A small deterministic generator (xorshift64*), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

fn extract_all(path: &std::path::Path) -> Vec<(Document, Extraction)> {
    let inputs = load::expand(&[path.to_path_buf()]).unwrap();
    let mut docs = Vec::new();
    for input in &inputs {
        let mut report = ReadReport::default();
        load::read(input, ReadOptions::default(), &mut report, &mut |d| {
            docs.push(d)
        })
        .unwrap();
    }
    let extractor = Extractor::new();
    docs.into_par_iter()
        .map(|d| {
            let ex = extractor.extract(&d);
            (d, ex)
        })
        .collect()
}

fn bytes(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut out = Vec::new();
    json::write(graph, &mut out).unwrap();
    out
}

/// Through the file format and back, as a shard travels between machines.
fn round_trip(graph: &KnowledgeGraph) -> KnowledgeGraph {
    json::read(std::str::from_utf8(&bytes(graph)).unwrap()).unwrap()
}

fn build(docs: &[&(Document, Extraction)]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for (doc, ex) in docs {
        graph.add(doc, ex);
    }
    graph.resolve()
}

/// Random shards, built and resolved apart, merged pairwise in a random order and grouping,
/// intermediate results resolved and written out at random.
fn sharded(docs: &[(Document, Extraction)], rng: &mut Rng) -> KnowledgeGraph {
    let shards = 2 + rng.below(6);
    let mut parts: Vec<Vec<&(Document, Extraction)>> = vec![Vec::new(); shards];
    for d in docs {
        parts[rng.below(shards)].push(d);
    }
    let mut graphs: Vec<KnowledgeGraph> = parts.iter().map(|p| round_trip(&build(p))).collect();
    while graphs.len() > 1 {
        let mut a = graphs.swap_remove(rng.below(graphs.len()));
        let b = graphs.swap_remove(rng.below(graphs.len()));
        a.merge(&b);
        if rng.below(2) == 0 {
            a = round_trip(&a.resolve());
        }
        graphs.push(a);
    }
    graphs.pop().unwrap().resolve()
}

/// Shards added one after another to a graph saved in between.
fn incremental(docs: &[(Document, Extraction)], rng: &mut Rng) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let mut rest: Vec<&(Document, Extraction)> = docs.iter().collect();
    while !rest.is_empty() {
        let n = 1 + rng.below(rest.len());
        for (doc, ex) in rest.drain(..n) {
            graph.add(doc, ex);
        }
        graph = round_trip(&graph.resolve());
    }
    graph.resolve()
}

fn check(docs: &[(Document, Extraction)], seeds: std::ops::Range<u64>) {
    let all: Vec<&(Document, Extraction)> = docs.iter().collect();
    let one = bytes(&build(&all));
    for seed in seeds {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        assert!(
            bytes(&sharded(docs, &mut rng)) == one,
            "sharding with seed {seed} gave another graph than one build"
        );
        assert!(
            bytes(&incremental(docs, &mut rng)) == one,
            "adding in steps with seed {seed} gave another graph than one build"
        );
    }
}

#[test]
fn sharded_seeds_merge_into_one_build() {
    check(&extract_all(&root().join("seeds")), 0..8);
}

/// The seeds cut into their paragraphs, each a document dated by the day, the month, the
/// year or not at all, so that nodes and edges gather dates from many documents.
fn dated_paragraphs() -> Vec<(Document, Extraction)> {
    let dates = [
        Some("2025-01-03"),
        Some("2025-01"),
        None,
        Some("2025"),
        Some("2024-12-31"),
        Some("2025-02-14"),
    ];
    let mut docs = Vec::new();
    for (doc, _) in extract_all(&root().join("seeds")) {
        for (i, paragraph) in doc.text.split("\n\n").enumerate() {
            let mut d = Document::new(format!("{}#{i}", doc.id), paragraph);
            d.date = dates[(docs.len() * 7 + i) % dates.len()].map(|s| s.parse().unwrap());
            docs.push(d);
        }
    }
    let extractor = Extractor::new();
    docs.into_par_iter()
        .map(|d| {
            let ex = extractor.extract(&d);
            (d, ex)
        })
        .collect()
}

#[test]
fn sharded_dated_paragraphs_merge_into_one_build() {
    let docs = dated_paragraphs();
    assert!(docs.len() > 20);
    let one = build(&docs.iter().collect::<Vec<_>>());
    assert!(
        one.edges().iter().any(|(_, _, e)| e.dates.len() > 1),
        "some relation should be stated on several dates"
    );
    check(&docs, 0..8);
}

#[test]
fn sharded_wikinews_merges_into_one_build() {
    let Some(corpus) = wikinews() else { return };
    let docs = extract_all(&corpus);
    let one = build(&docs.iter().collect::<Vec<_>>());
    assert!(
        !one.joined().is_empty(),
        "the corpus should exercise cross-document joins"
    );
    check(&docs, 0..12);
}
