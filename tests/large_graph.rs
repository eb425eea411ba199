//! A news-like graph of any size, for the tests and benchmarks of the HTML view
//! (`tests/consumers/browser.rs`, `examples/large_graph.rs`). Only the library is used, so
//! the example can include this file as it is.

use std::collections::{BTreeMap, BTreeSet};

use newsgraph::graph::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node};
use newsgraph::{Date, EntityType, RelationType};

/// A news-like graph of `nodes` entities and `edges` relations, dated: hubs and a long tail,
/// a few entities without relations, every relation stated one to four times in documents
/// of 2023 and 2024 (some dated by the month or the year only), each with an evidence
/// sentence, a title and a URL. Deterministic.
pub fn large_dated_graph(nodes: usize, edges: usize) -> KnowledgeGraph {
    assert!(
        nodes >= 40 && edges <= nodes * nodes,
        "too few entities for that many relations"
    );
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 33) as usize % n
    };
    let mut g = KnowledgeGraph::new();
    let documents = (edges / 10).max(10);
    let mut dates = Vec::with_capacity(documents);
    for d in 0..documents {
        let (year, month, day) = (2023 + next(2), 1 + next(12), 1 + next(28));
        let date = match d % 20 {
            0 => format!("{year}"),
            1 | 2 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let date: Date = date.parse().expect("a valid date");
        dates.push(date);
        g.add_document(DocumentInfo {
            id: format!("doc-{d:05}"),
            title: Some(format!("Report number {d} on the region")),
            path: None,
            date: Some(date),
            url: Some(format!("https://news.example.org/{d}")),
        });
    }
    let labels: Vec<String> = (0..nodes)
        .map(|i| {
            format!(
                "{} {i}",
                ["Agency", "Minister", "Republic", "City", "Militia", "Accord"][i % 6]
            )
        })
        .collect();
    let mut statements: Vec<(usize, usize, RelationType, Vec<usize>)> = Vec::new();
    let mut seen = BTreeSet::new();
    let related = nodes - nodes / 20;
    let mut mentioned: Vec<BTreeMap<Date, usize>> = vec![BTreeMap::new(); nodes];
    let mut in_documents: Vec<BTreeSet<String>> = vec![BTreeSet::new(); nodes];
    while seen.len() < edges {
        // Sources spread out, targets favour a few hubs.
        let a = next(related);
        let b = if next(3) == 0 {
            next(20)
        } else {
            next(related)
        };
        let relation = RelationType::ALL[next(RelationType::ALL.len())];
        if a == b || !seen.insert((a.min(b), a.max(b), relation)) {
            continue;
        }
        let docs: Vec<usize> = (0..1 + next(4)).map(|_| next(documents)).collect();
        for &d in &docs {
            for n in [a, b] {
                *mentioned[n].entry(dates[d]).or_insert(0) += 1;
                in_documents[n].insert(format!("doc-{d:05}"));
            }
        }
        statements.push((a, b, relation, docs));
    }
    for i in 0..nodes {
        let kind = EntityType::ALL[i % 6];
        let mut dates_of = mentioned[i].clone();
        let mut documents_of = in_documents[i].clone();
        if dates_of.is_empty() {
            dates_of.insert(dates[i % documents], 1);
            documents_of.insert(format!("doc-{:05}", i % documents));
        }
        g.add_node(Node {
            id: format!("entity-{i:05}"),
            label: labels[i].clone(),
            kind,
            aliases: BTreeSet::from([labels[i].clone(), format!("E{i}")]),
            mentions: dates_of.values().sum(),
            documents: documents_of,
            type_votes: BTreeMap::from([(kind, 1)]),
            dates: dates_of,
        });
    }
    for (a, b, relation, docs) in statements {
        let evidence = docs
            .iter()
            .map(|&d| {
                let text = format!("{} {relation} {} again.", labels[a], labels[b]);
                let start = labels[a].len() + 1;
                Evidence {
                    document: format!("doc-{d:05}"),
                    start: 0,
                    end: text.len(),
                    trigger: Some((start, start + relation.as_str().len(), relation.to_string())),
                    text,
                    window: None,
                    confidence: 1.0,
                    reason: String::new(),
                }
            })
            .collect();
        let mut dated = BTreeMap::new();
        for &d in &docs {
            *dated.entry(dates[d]).or_insert(0) += 1;
        }
        let edge = Edge {
            relation,
            negated: next(10) == 0,
            weight: docs.len(),
            confidence: 1.0,
            evidence,
            dates: dated,
        };
        assert!(g.insert_edge(&format!("entity-{a:05}"), &format!("entity-{b:05}"), edge));
    }
    g
}
