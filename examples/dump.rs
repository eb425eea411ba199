use newsgraph::document::Document;
use newsgraph::extract::Extractor;

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = Document::new(path, text);
    let ex = Extractor::new().extract(&doc);
    for e in &ex.entities {
        println!(
            "E {:<35} {:<12} {:?} n={}",
            e.label,
            e.kind.as_str(),
            e.aliases,
            e.mentions
        );
    }
    for r in &ex.relations {
        let t = &doc.text[r.trigger.clone()];
        println!(
            "R {} -{}{}-> {}   [{}]",
            ex.entities[r.source].label,
            if r.negated { "NOT " } else { "" },
            r.kind,
            ex.entities[r.target].label,
            t
        );
    }
}
