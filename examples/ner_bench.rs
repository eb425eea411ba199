//! Throughput of the NER tagger on one core: tags the sentences of annotated files (tokens as
//! given) several times and reports the best pass in tokens per second, by wall clock and by
//! the CPU time of the thread (Linux: /proc/thread-self/schedstat), which a loaded machine
//! does not inflate.
//! `cargo run --release --example ner_bench -- [--model FILE] [--passes N] FILE...`

use std::path::Path;
use std::time::Instant;

use newsgraph::ner::{corpus, Ner};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |name: &str| {
        let i = args.iter().position(|a| a == name)?;
        let v = args.remove(i + 1);
        args.remove(i);
        Some(v)
    };
    let passes: usize = take("--passes").map_or(5, |v| v.parse().expect("a number"));
    let model = take("--model");
    let ner = match &model {
        Some(m) => Box::leak(Box::new(Ner::load(Path::new(m)).expect("a model"))),
        None => Ner::embedded(),
    };
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for f in &args {
        let (_, s) = corpus::read(Path::new(f), None).expect("a corpus");
        sentences.extend(s.into_iter().map(|s| s.words));
    }
    assert!(
        !sentences.is_empty(),
        "usage: ner_bench [--model FILE] [--passes N] FILE..."
    );
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let started = Instant::now();
    let _ = ner.tag(&sentences[0]); // parse the model and lexicon outside the timing
    let load = started.elapsed().as_secs_f64();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut names = 0usize;
    for _ in 0..passes {
        let started = Instant::now();
        let cpu = cpu_seconds();
        names = 0;
        for s in &sentences {
            let words: Vec<&str> = s.iter().map(String::as_str).collect();
            names += newsgraph::ner::spans(&ner.tag(&words)).len();
        }
        best = best.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "{} sentences, {tokens} tokens, {names} names; first call (model and lexicon parse) {load:.3} s",
        sentences.len(),
    );
    println!(
        "best of {passes} passes: wall {best:.3} s = {:.0} tokens/s; CPU {best_cpu:.3} s = {:.0} tokens/s",
        tokens as f64 / best,
        tokens as f64 / best_cpu
    );
}

/// CPU time of this thread so far, in seconds (Linux).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
