//! Lists the tagger's errors on an annotated file, most frequent first, with examples.
//! `cargo run --release --example ner_errors -- FILE [MODEL]`

use std::collections::BTreeMap;
use std::path::Path;

use newsgraph::ner::{corpus, spans, Ner};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: ner_errors FILE [MODEL]");
    let loaded;
    let ner = match args.get(1) {
        Some(m) => {
            loaded = Ner::load(Path::new(m)).expect("a model");
            &loaded
        }
        None => Ner::embedded(),
    };
    let (_, sentences) = corpus::read(Path::new(path), None).expect("a corpus");
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut strings: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();
    for s in &sentences {
        let gold = spans(&s.labels);
        let pred: Vec<_> = spans(&ner.tag(&s.words))
            .into_iter()
            .filter(|(_, k)| s.misc_annotated || k.as_str() != "MISC")
            .collect();
        let text = |r: &std::ops::Range<usize>| s.words[r.clone()].join(" ");
        for g in &gold {
            if pred.contains(g) {
                continue;
            }
            let kind = match pred.iter().find(|p| p.0 == g.0) {
                Some(p) => format!("FN {} typed {}", g.1, p.1),
                None if pred
                    .iter()
                    .any(|p| p.0.start < g.0.end && g.0.start < p.0.end) =>
                {
                    format!("FN {} boundary", g.1)
                }
                None => format!("FN {} missed", g.1),
            };
            *strings
                .entry(format!("{kind}: {}", text(&g.0)))
                .or_default() += 1;
            *kinds.entry(kind).or_default() += 1;
        }
        for p in &pred {
            if gold.contains(p) || gold.iter().any(|g| g.0 == p.0) {
                continue;
            }
            let kind = if gold
                .iter()
                .any(|g| p.0.start < g.0.end && g.0.start < p.0.end)
            {
                format!("FP {} boundary", p.1)
            } else {
                format!("FP {} spurious", p.1)
            };
            *strings
                .entry(format!("{kind}: {}", text(&p.0)))
                .or_default() += 1;
            *kinds.entry(kind.clone()).or_default() += 1;
            if examples.len() < 400 {
                let marked: Vec<String> = s
                    .words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let g = gold.iter().find(|g| g.0.start == i).map(|g| g.1.as_str());
                        match g {
                            Some(k) => format!("[{k} {w}"),
                            None => w.clone(),
                        }
                    })
                    .collect();
                examples.push(format!("{kind}: '{}' | {}", text(&p.0), marked.join(" ")));
            }
        }
    }
    let mut k: Vec<_> = kinds.into_iter().collect();
    k.sort_by_key(|b| std::cmp::Reverse(b.1));
    for (kind, n) in k {
        println!("{n:6} {kind}");
    }
    let mut s: Vec<_> = strings.into_iter().collect();
    s.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nmost frequent:");
    for (x, n) in s.iter().take(60) {
        println!("{n:4} {x}");
    }
    println!("\nexamples:");
    for e in examples.iter().step_by(8).take(40) {
        println!("{e}");
    }
}
