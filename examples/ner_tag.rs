//! Tags each line of standard input (one sentence per line, split by newsgraph's tokenizer)
//! and prints the names found with their kinds and the smallest label margin in the name.
//! `echo "Angela Merkel visited Paris." | cargo run --release --example ner_tag [-- MODEL]`

use std::io::BufRead;
use std::path::Path;

use newsgraph::ner::{spans, Ner};
use newsgraph::text::tokenize;

fn main() {
    let loaded;
    let ner = match std::env::args().nth(1) {
        Some(m) => {
            loaded = Ner::load(Path::new(&m)).expect("a model");
            &loaded
        }
        None => Ner::embedded(),
    };
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("UTF-8 input");
        let tokens = tokenize(&line);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(&line)).collect();
        let tagged = ner.tag_with_margins(&words);
        let labels: Vec<_> = tagged.iter().map(|t| t.label).collect();
        let found: Vec<String> = spans(&labels)
            .into_iter()
            .map(|(r, kind)| {
                let margin = tagged[r.clone()]
                    .iter()
                    .map(|t| t.margin)
                    .fold(f32::INFINITY, f32::min);
                let text = &line[tokens[r.start].span.start..tokens[r.end - 1].span.end];
                format!("{kind} '{text}' ({margin:.1})")
            })
            .collect();
        println!("{line}\n  {}", found.join("; "));
    }
}
