//! Counts and centrality for `newsgraph stats`.

use std::collections::BTreeMap;

use super::KnowledgeGraph;
use crate::date::Date;
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
    /// The most connected entities, most relations first.
    pub central: Vec<Connected>,
    /// Per month (or per year, for dates that name a year alone), in order: the relations
    /// stated then and their statements.
    pub months: Vec<(Date, usize, usize)>,
    /// Statements in documents without a date.
    pub undated: usize,
}

/// An entity and how connected it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Connected {
    /// Node id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Relations (edges in and out).
    pub relations: usize,
    /// Statements of those relations (their summed weights).
    pub statements: usize,
    /// PageRank over statements.
    pub pagerank: f64,
}

impl KnowledgeGraph {
    /// Counts per type and per month, and the `top` most connected entities: most relations
    /// first, then most statements, then highest PageRank, then id.
    pub fn stats(&self, top: usize) -> Stats {
        let mut entity_types = BTreeMap::new();
        for n in self.nodes() {
            *entity_types.entry(n.kind).or_insert(0) += 1;
        }
        let mut relation_types = BTreeMap::new();
        let mut degree: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut months: BTreeMap<Date, (usize, usize)> = BTreeMap::new();
        let mut undated = 0;
        for (a, b, e) in self.edges() {
            let entry = relation_types.entry(e.relation).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += e.weight;
            for id in [&a.id, &b.id] {
                let d = degree.entry(id).or_insert((0, 0));
                d.0 += 1;
                d.1 += e.weight;
            }
            let mut stated: BTreeMap<Date, usize> = BTreeMap::new();
            for (date, n) in &e.dates {
                *stated.entry(date.to_month().unwrap_or(*date)).or_insert(0) += n;
            }
            undated += e.weight.saturating_sub(e.dates.values().sum::<usize>());
            for (month, n) in stated {
                let m = months.entry(month).or_insert((0, 0));
                m.0 += 1;
                m.1 += n;
            }
        }
        let rank = pagerank(self, 0.85, 50);
        let mut central: Vec<Connected> = self
            .nodes()
            .map(|n| {
                let (relations, statements) = degree.get(n.id.as_str()).copied().unwrap_or((0, 0));
                Connected {
                    id: n.id.clone(),
                    label: n.label.clone(),
                    relations,
                    statements,
                    pagerank: rank.get(&n.id).copied().unwrap_or(0.0),
                }
            })
            .collect();
        central.sort_by(|a, b| {
            (b.relations, b.statements)
                .cmp(&(a.relations, a.statements))
                .then(b.pagerank.total_cmp(&a.pagerank))
                .then(a.id.cmp(&b.id))
        });
        central.truncate(top);
        Stats {
            documents: self.documents().count(),
            entity_types,
            relation_types,
            central,
            months: months
                .into_iter()
                .map(|(m, (relations, statements))| (m, relations, statements))
                .collect(),
            undated,
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::graph::{Edge, Node};

    fn node(id: &str) -> Node {
        Node {
            id: id.to_string(),
            label: id.to_uppercase(),
            kind: EntityType::Person,
            aliases: BTreeSet::new(),
            mentions: 1,
            documents: BTreeSet::new(),
            type_votes: BTreeMap::from([(EntityType::Person, 1)]),
            dates: BTreeMap::new(),
        }
    }

    fn edge(relation: RelationType, weight: usize, dates: &[(&str, usize)]) -> Edge {
        Edge {
            relation,
            negated: false,
            weight,
            confidence: 1.0,
            evidence: Vec::new(),
            dates: dates
                .iter()
                .map(|(d, n)| (d.parse().unwrap(), *n))
                .collect(),
        }
    }

    #[test]
    fn most_connected_counts_relations_first_and_months_count_statements() {
        let mut g = KnowledgeGraph::new();
        for id in ["hub", "heavy", "a", "b", "c"] {
            g.add_node(node(id));
        }
        // "heavy" has one relation stated 50 times; "hub" three relations stated once each.
        g.insert_edge(
            "heavy",
            "a",
            edge(RelationType::Accuses, 50, &[("2025-03-02", 30)]),
        );
        g.insert_edge(
            "hub",
            "a",
            edge(RelationType::Praises, 1, &[("2025-03-09", 1)]),
        );
        g.insert_edge(
            "hub",
            "b",
            edge(RelationType::Praises, 1, &[("2025-04", 1)]),
        );
        g.insert_edge("hub", "c", edge(RelationType::Praises, 1, &[("2025", 1)]));
        let s = g.stats(2);
        let top: Vec<&str> = s.central.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(top, ["hub", "a"]);
        assert_eq!((s.central[0].relations, s.central[0].statements), (3, 3));
        let months: Vec<(String, usize, usize)> = s
            .months
            .iter()
            .map(|(m, r, n)| (m.to_string(), *r, *n))
            .collect();
        assert_eq!(
            months,
            [
                ("2025".to_string(), 1, 1),
                ("2025-03".to_string(), 2, 31),
                ("2025-04".to_string(), 1, 1)
            ]
        );
        assert_eq!(s.undated, 20);
    }
}
