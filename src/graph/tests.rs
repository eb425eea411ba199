//! Building and joining across documents, on documents written for the purpose.

use super::KnowledgeGraph;
use crate::{Document, Extractor};

fn build(texts: &[&str]) -> KnowledgeGraph {
    let extractor = Extractor::new();
    let mut graph = KnowledgeGraph::new();
    for (i, text) in texts.iter().enumerate() {
        let doc = Document::new(format!("d{i}"), *text);
        graph.add(&doc, &extractor.extract(&doc));
    }
    graph.resolve()
}

fn ids(graph: &KnowledgeGraph) -> Vec<&str> {
    graph.nodes().map(|n| n.id.as_str()).collect()
}

#[test]
fn a_surname_joins_the_full_name_seen_in_another_document() {
    let g = build(&[
        "Prosecutors said Vidal paid them.",
        "President Ana Vidal spoke in Lima.",
    ]);
    assert!(!ids(&g).contains(&"vidal"), "{:?}", ids(&g));
    assert_eq!(g.node("ana-vidal").unwrap().mentions, 2);
}

#[test]
fn an_ambiguous_surname_stays_apart() {
    let g = build(&[
        "Prosecutors said Vidal paid them.",
        "President Ana Vidal spoke in Lima.",
        "Minister Pedro Vidal spoke in Quito.",
    ]);
    assert!(ids(&g).contains(&"vidal"), "{:?}", ids(&g));
}

#[test]
fn a_government_joins_the_country_its_leader_heads() {
    let g = build(&[
        "The Vidal Administration rejected the plan.",
        "Peruvian President Ana Vidal spoke in Lima.",
    ]);
    assert!(!ids(&g).contains(&"vidal-administration"), "{:?}", ids(&g));
    assert!(g
        .node("peru")
        .unwrap()
        .aliases
        .contains("Vidal Administration"));
}

#[test]
fn evidence_is_capped_but_weight_counts_everything() {
    let texts: Vec<String> = (0..8)
        .map(|i| format!("Peru accused Chile of spying on day {i}."))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let g = build(&refs);
    let edges = g.edges();
    let (_, _, e) = edges
        .iter()
        .find(|(a, b, _)| a.id == "peru" && b.id == "chile")
        .unwrap();
    assert_eq!(e.weight, 8);
    assert_eq!(e.evidence.len(), super::MAX_EVIDENCE);
    assert_eq!(e.evidence[0].document, "d0");
}

#[test]
fn symmetric_relations_are_stored_once() {
    let g = build(&[
        "Peru and Chile signed an agreement.",
        "Chile and Peru signed an agreement.",
    ]);
    let edges = g.edges();
    let coop: Vec<_> = edges
        .iter()
        .filter(|(_, _, e)| e.relation.as_str() == "cooperates-with")
        .collect();
    assert_eq!(coop.len(), 1);
    assert_eq!(coop[0].2.weight, 2);
    assert_eq!(
        (coop[0].0.id.as_str(), coop[0].1.id.as_str()),
        ("chile", "peru")
    );
}
