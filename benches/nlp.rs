//! Throughput of the tagger and the parser on one thread: `cargo bench --bench nlp`.
//!
//! Words come from UD English EWT test (`../shared/data`, gold tokenization) or, without it,
//! from the seed articles tokenized by newsgraph. Each model runs over all sentences several
//! times; the best pass is reported, as wall-clock words per second and, on Linux, per second
//! of this thread's CPU time (what the thread got of a busy machine).

use std::path::Path;
use std::time::Instant;

use newsgraph::nlp::{conllu, Models, TagOut};
use newsgraph::text::tokenize;

/// This thread's CPU time in seconds, where the kernel tells it.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Runs `pass` `reps` times; returns the best (wall, cpu) words per second.
fn measure(words: usize, reps: usize, mut pass: impl FnMut()) -> (f64, Option<f64>) {
    let (mut wall, mut cpu) = (0f64, None::<f64>);
    for _ in 0..reps {
        let (t0, c0) = (Instant::now(), thread_cpu());
        pass();
        let seconds = t0.elapsed().as_secs_f64();
        wall = wall.max(words as f64 / seconds);
        if let (Some(c0), Some(c1)) = (c0, thread_cpu()) {
            let rate = words as f64 / (c1 - c0).max(1e-9);
            cpu = Some(cpu.map_or(rate, |c: f64| c.max(rate)));
        }
    }
    (wall, cpu)
}

fn sentences() -> (String, Vec<Vec<String>>) {
    let ewt = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ud-english-ewt/en_ewt-ud-test.conllu");
    if let Ok(s) = conllu::read_file(&ewt) {
        let words = s
            .iter()
            .map(|s| s.forms().into_iter().map(String::from).collect())
            .collect();
        return ("EWT test".into(), words);
    }
    let mut out = Vec::new();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(seeds).unwrap().flatten().collect();
    files.sort_by_key(|e| e.path());
    for f in files {
        let text = std::fs::read_to_string(f.path()).unwrap();
        // Sentences by final punctuation are enough for a throughput figure.
        let mut sentence = Vec::new();
        for t in tokenize(&text) {
            let w = t.text(&text).to_owned();
            let end = matches!(w.as_str(), "." | "?" | "!");
            sentence.push(w);
            if end {
                out.push(std::mem::take(&mut sentence));
            }
        }
    }
    ("seed articles".into(), out)
}

fn main() {
    let load = Instant::now();
    let models = Models::embedded();
    let load = load.elapsed();
    let (source, text) = sentences();
    let words: Vec<Vec<&str>> = text
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let n: usize = words.iter().map(Vec::len).sum();
    let reps = 10;
    println!(
        "{source}: {} sentences, {n} words; models decoded in {load:.2?}",
        words.len()
    );
    let tags: Vec<Vec<TagOut>> = words.iter().map(|w| models.tagger.tag(w)).collect();
    let report = |name: &str, (wall, cpu): (f64, Option<f64>)| {
        let cpu = cpu.map_or(String::new(), |c| {
            format!(", {c:>10.0} words per CPU-second")
        });
        println!("{name:<8} {wall:>10.0} words/s{cpu}");
    };
    report(
        "tagger",
        measure(n, reps, || {
            for w in &words {
                std::hint::black_box(models.tagger.tag(w));
            }
        }),
    );
    report(
        "parser",
        measure(n, reps, || {
            for (w, t) in words.iter().zip(&tags) {
                std::hint::black_box(models.parser.parse(w, t));
            }
        }),
    );
    report(
        "both",
        measure(n, reps, || {
            for w in &words {
                std::hint::black_box(models.analyze(w));
            }
        }),
    );
}
