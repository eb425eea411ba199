//! Criterion benchmarks of the pipeline's stages on a fixed sample of articles: sentences and
//! tokens, recognition, resolution, relations, the whole extractor, merging into the graph,
//! resolving across documents, merging graphs, and export.
//!
//! `cargo bench --bench stages` (or `scripts/bench.sh`, which also runs the end-to-end
//! figures). The sample is the wikinews corpus in `../shared` when present, else the seeds.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use newsgraph::export::{dot, json};
use newsgraph::load::{self, ReadOptions, ReadReport};
use newsgraph::{recognize, relate, resolve, text, Document, Extractor, KnowledgeGraph};

// The allocator the binary uses, so the stages are timed as `newsgraph` runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn sample() -> Vec<Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let wikinews = root.join("../shared/corpus/wikinews/wikinews.jsonl");
    let path = if wikinews.is_file() {
        wikinews
    } else {
        root.join("seeds")
    };
    let mut docs = Vec::new();
    for input in load::expand(&[path]).expect("the sample exists") {
        load::read(
            &input,
            ReadOptions::default(),
            &mut ReadReport::default(),
            &mut |d| docs.push(d),
        )
        .expect("the sample reads");
    }
    docs
}

fn stages(c: &mut Criterion) {
    let docs = sample();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let extractor = Extractor::new();
    let lexicon = extractor.lexicon();
    let layouts: Vec<_> = docs.iter().map(|d| text::segment(&d.text)).collect();
    let candidates: Vec<_> = docs
        .iter()
        .zip(&layouts)
        .map(|(d, l)| recognize::recognize(&d.text, l, lexicon))
        .collect();
    let resolved: Vec<_> = docs
        .iter()
        .zip(&candidates)
        .map(|(d, c)| resolve::resolve(&d.text, c, lexicon))
        .collect();
    let extractions: Vec<_> = docs.iter().map(|d| extractor.extract(d)).collect();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("sentences and tokens", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(text::segment(&d.text));
            }
        })
    });
    g.bench_function("recognition", |b| {
        b.iter(|| {
            for (d, l) in docs.iter().zip(&layouts) {
                black_box(recognize::recognize(&d.text, l, lexicon));
            }
        })
    });
    g.bench_function("resolution", |b| {
        b.iter(|| {
            for (d, c) in docs.iter().zip(&candidates) {
                black_box(resolve::resolve(&d.text, c, lexicon));
            }
        })
    });
    g.bench_function("relations", |b| {
        b.iter(|| {
            for ((d, l), r) in docs.iter().zip(&layouts).zip(&resolved) {
                black_box(relate::relate(&d.text, l, r, lexicon));
            }
        })
    });
    g.bench_function("whole extractor", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extractor.extract(d));
            }
        })
    });
    g.finish();

    let build = |docs: &[Document], extractions: &[newsgraph::Extraction]| {
        let mut graph = KnowledgeGraph::new();
        for (d, e) in docs.iter().zip(extractions) {
            graph.add(d, e);
        }
        graph
    };
    let unresolved = build(&docs, &extractions);
    let half = docs.len() / 2;
    let left = build(&docs[..half], &extractions[..half]).resolve();
    let right = build(&docs[half..], &extractions[half..]).resolve();
    let graph = unresolved.resolve();

    let mut g = c.benchmark_group("graph");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("add extractions", |b| {
        b.iter(|| black_box(build(&docs, &extractions)))
    });
    g.bench_function("resolve across documents", |b| {
        b.iter(|| black_box(unresolved.resolve()))
    });
    g.bench_function("merge two resolved halves and resolve", |b| {
        b.iter_batched(
            || left.clone(),
            |mut merged| {
                merged.merge(&right);
                black_box(merged.resolve())
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("export");
    let mut out = Vec::new();
    json::write(&graph, &mut out).expect("writing to memory");
    g.throughput(Throughput::Bytes(out.len() as u64));
    g.bench_function("json write", |b| {
        b.iter(|| {
            out.clear();
            json::write(&graph, &mut out).expect("writing to memory");
            black_box(out.len())
        })
    });
    let written = String::from_utf8(out.clone()).expect("JSON is UTF-8");
    g.bench_function("json read", |b| {
        b.iter(|| black_box(json::read(&written).expect("a graph")))
    });
    g.bench_function("dot write", |b| {
        b.iter(|| {
            out.clear();
            dot::write(&graph, &mut out).expect("writing to memory");
            black_box(out.len())
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = stages
}
criterion_main!(benches);
