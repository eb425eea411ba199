//! Prints what one article yields: entities, then relations with their sentences.
//! `cargo run --example dump -- seeds/000_5850319ee9a57a21.txt`

use newsgraph::{Document, Extractor};

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let doc = Document::new(path, text);
    let ex = Extractor::new().extract(&doc);
    for e in &ex.entities {
        println!(
            "E {:<35} {:<12} {:?} n={}",
            e.label, e.kind, e.aliases, e.mentions
        );
    }
    for r in &ex.relations {
        println!(
            "R {} -{}{}-> {}   [{}]  {}",
            ex.entities[r.source].label,
            if r.negated { "NOT " } else { "" },
            r.kind,
            ex.entities[r.target].label,
            &doc.text[r.trigger.clone()],
            &doc.text[r.sentence.clone()]
        );
    }
}
