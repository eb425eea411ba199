//! Graphviz renders our DOT, whatever the names and sentences hold, into well-formed SVG.

use crate::util::{available, root, tempdir};
use newsgraph::export::{self, Format};
use newsgraph::graph::{Evidence, KnowledgeGraph, Node};
use newsgraph::{EntityType, RelationType};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::process::Command;

const REQUIRE: &str = "NEWSGRAPH_REQUIRE_GRAPHVIZ";

fn render(dot: &std::path::Path) -> String {
    let o = Command::new("dot").arg("-Tsvg").arg(dot).output().unwrap();
    assert!(
        o.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let svg = String::from_utf8(o.stdout).expect("SVG is UTF-8");
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(&svg, options).expect("SVG is well-formed XML");
    svg
}

fn node(id: &str, label: &str, kind: EntityType) -> Node {
    Node {
        id: id.to_string(),
        label: label.to_string(),
        kind,
        aliases: BTreeSet::from([label.to_string()]),
        mentions: 1,
        documents: BTreeSet::from(["d".to_string()]),
        type_votes: BTreeMap::from([(kind, 1)]),
    }
}

/// A graph whose every string is hostile to DOT and XML.
pub fn awkward_graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let labels = [
        ("quote", "Say \"hello\" \\ back\\"),
        ("accents", "Ismael Zambada García “El Mayo”"),
        ("emoji", "Rocket 🚀 Corp & <Sons>"),
        ("control", "Bell\u{7}Null\u{0}Esc\u{1b}"),
        ("entity", "&amp; &#x1; &lt;"),
        ("newline", "Line one\nLine two\r\n"),
    ];
    for (i, (id, label)) in labels.iter().enumerate() {
        g.add_node(node(id, label, EntityType::ALL[i % 6]));
    }
    let long = "A very long sentence. ".repeat(2500);
    let evidence = |text: &str| Evidence {
        document: "doc \"1\"".to_string(),
        start: 0,
        end: text.len(),
        text: text.to_string(),
        trigger: Some((0, 1, "\\".to_string())),
    };
    g.add_edge(
        "quote",
        "accents",
        RelationType::Accuses,
        false,
        3,
        vec![evidence(&long)],
    );
    g.add_edge(
        "emoji",
        "control",
        RelationType::CooperatesWith,
        true,
        1,
        vec![evidence("<b>&\u{7}\"")],
    );
    g.add_edge(
        "entity",
        "newline",
        RelationType::MemberOf,
        false,
        1,
        vec![evidence("x\\")],
    );
    g
}

#[test]
fn seeds_dot_renders() {
    if !available("dot", "-V", REQUIRE) {
        return;
    }
    let svg = render(&root().join("graphs/seeds.dot"));
    assert!(svg.contains("Sinaloa Cartel"));
}

#[test]
fn awkward_content_renders() {
    if !available("dot", "-V", REQUIRE) {
        return;
    }
    let dir = tempdir();
    let path = dir.path().join("awkward.dot");
    export::write_file(&awkward_graph(), Format::Dot, &path).unwrap();
    assert!(
        fs::metadata(&path).unwrap().len() < 64 * 1024,
        "long strings are cut"
    );
    let svg = render(&path);
    assert!(svg.contains("García"));
    assert!(svg.contains("🚀"));
}
