//! Counts and centrality for `newsgraph stats`.

use std::collections::BTreeMap;

use super::KnowledgeGraph;
use crate::entity::EntityType;
use crate::relation::RelationType;

/// Summary figures of a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Nodes per entity type.
    pub entity_types: BTreeMap<EntityType, usize>,
    /// Edges and statements (summed weights) per relation type.
    pub relation_types: BTreeMap<RelationType, (usize, usize)>,
    /// Node id, label, degree (edges in and out) and PageRank, most central first.
    pub central: Vec<(String, String, usize, f64)>,
}

impl KnowledgeGraph {
    /// Counts per type and the `top` most connected entities.
    pub fn stats(&self, top: usize) -> Stats {
        let mut entity_types = BTreeMap::new();
        for n in self.nodes() {
            *entity_types.entry(n.kind).or_insert(0) += 1;
        }
        let mut relation_types = BTreeMap::new();
        let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
        for (a, b, e) in self.edges() {
            let entry = relation_types.entry(e.relation).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += e.weight;
            *degree.entry(&a.id).or_insert(0) += 1;
            *degree.entry(&b.id).or_insert(0) += 1;
        }
        let rank = pagerank(self, 0.85, 50);
        let mut central: Vec<(String, String, usize, f64)> = self
            .nodes()
            .map(|n| {
                let d = degree.get(n.id.as_str()).copied().unwrap_or(0);
                (
                    n.id.clone(),
                    n.label.clone(),
                    d,
                    rank.get(&n.id).copied().unwrap_or(0.0),
                )
            })
            .collect();
        central.sort_by(|a, b| b.3.total_cmp(&a.3).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        central.truncate(top);
        Stats {
            documents: self.documents().count(),
            entity_types,
            relation_types,
            central,
        }
    }
}

/// PageRank over the graph's edges weighted by statement count, treating symmetric relations
/// as going both ways. Deterministic: nodes are visited in id order.
pub fn pagerank(graph: &KnowledgeGraph, damping: f64, iterations: usize) -> BTreeMap<String, f64> {
    let ids: Vec<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
    let n = ids.len();
    if n == 0 {
        return BTreeMap::new();
    }
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut out_links: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (a, b, e) in graph.edges() {
        let (i, j) = (index[a.id.as_str()], index[b.id.as_str()]);
        let w = e.weight as f64;
        out_links[i].push((j, w));
        if e.relation.is_symmetric() {
            out_links[j].push((i, w));
        }
    }
    let out_weight: Vec<f64> = out_links
        .iter()
        .map(|l| l.iter().map(|x| x.1).sum())
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n)
            .filter(|&i| out_weight[i] == 0.0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let mut next = vec![base; n];
        for i in 0..n {
            for &(j, w) in &out_links[i] {
                next[j] += damping * rank[i] * w / out_weight[i];
            }
        }
        rank = next;
    }
    ids.into_iter().map(str::to_string).zip(rank).collect()
}
