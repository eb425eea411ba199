//! Tags and parses each sentence of a file and prints it CoNLL-U style.
//! `cargo run --release --example parse -- FILE`

use newsgraph::nlp::Models;
use newsgraph::text;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse FILE");
    let doc = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let layout = text::segment(&doc);
    let models = Models::embedded();
    for s in &layout.sentences {
        let words: Vec<&str> = layout.tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.text(&doc))
            .collect();
        let (tags, arcs) = models.analyze(&words);
        println!("# {}", s.text(&doc));
        for (i, w) in words.iter().enumerate() {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                i + 1,
                w,
                tags[i].upos,
                arcs[i].head,
                arcs[i].deprel
            );
        }
        println!();
    }
}
