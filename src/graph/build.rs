//! Adding documents, nodes and edges.

use std::collections::{BTreeMap, BTreeSet};

use super::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node, MAX_EVIDENCE};
use crate::date::Date;
use crate::document::Document;
use crate::entity::EntityType;
use crate::extract::Extraction;
use crate::relation::RelationType;

impl KnowledgeGraph {
    /// Merges one document's extraction into the graph (into the graph as it was before
    /// resolving, if it was resolved: see [`KnowledgeGraph::unresolved`]).
    pub fn add(&mut self, doc: &Document, extraction: &Extraction) {
        self.undo_joins();
        self.add_document(DocumentInfo {
            id: doc.id.clone(),
            title: doc.title.clone(),
            path: doc.path.clone(),
            date: doc.date,
            url: doc.url.clone(),
        });
        let dated = |n: usize| {
            doc.date
                .map(|d| (d, n))
                .into_iter()
                .collect::<BTreeMap<_, _>>()
        };
        for e in &extraction.entities {
            self.add_node(Node {
                id: e.id.clone(),
                label: e.label.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
                mentions: e.mentions,
                documents: BTreeSet::from([doc.id.clone()]),
                type_votes: BTreeMap::from([(e.kind, e.mentions.max(1))]),
                dates: dated(e.mentions),
            });
        }
        for r in &extraction.relations {
            let source = &extraction.entities[r.source].id;
            let target = &extraction.entities[r.target].id;
            let evidence = Evidence {
                document: doc.id.clone(),
                start: r.sentence.start,
                end: r.sentence.end,
                text: doc.text[r.sentence.clone()].to_string(),
                trigger: Some((
                    r.trigger.start,
                    r.trigger.end,
                    doc.text[r.trigger.clone()].to_string(),
                )),
                confidence: r.confidence,
                reason: r.reason.clone(),
            };
            self.insert_edge(
                source,
                target,
                Edge {
                    relation: r.kind,
                    negated: r.negated,
                    weight: 1,
                    confidence: r.confidence,
                    evidence: vec![evidence],
                    dates: dated(1),
                },
            );
        }
    }

    /// Adds a node, merging it into the node with the same id if there is one.
    pub fn add_node(&mut self, node: Node) {
        self.undo_joins();
        match self.ids.get(&node.id) {
            Some(&i) => merge_node(&mut self.graph[i], node),
            None => {
                let id = node.id.clone();
                let i = self.graph.add_node(node);
                self.ids.insert(id, i);
            }
        }
    }

    /// Adds `weight` undated statements of a relation between two existing nodes (by id),
    /// merging with the same relation between them; its confidence is its evidence's highest
    /// (1 without evidence). Returns false if a node is unknown.
    pub fn add_edge(
        &mut self,
        source: &str,
        target: &str,
        relation: RelationType,
        negated: bool,
        weight: usize,
        evidence: Vec<Evidence>,
    ) -> bool {
        self.insert_edge(
            source,
            target,
            Edge {
                relation,
                negated,
                weight,
                confidence: evidence
                    .iter()
                    .map(|e| e.confidence)
                    .reduce(f32::max)
                    .unwrap_or(1.0),
                evidence,
                dates: BTreeMap::new(),
            },
        )
    }

    /// Adds an edge's statements between two existing nodes (by id), merging them into the
    /// same relation between them: weights and dates add up, evidence keeps the first few.
    /// Returns false if a node is unknown.
    pub fn insert_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        self.undo_joins();
        let (Some(&a), Some(&b)) = (self.ids.get(source), self.ids.get(target)) else {
            return false;
        };
        let (relation, negated) = (edge.relation, edge.negated);
        // Symmetric relations are stored once, endpoints in id order.
        let (a, b) = if relation.is_symmetric() && self.graph[a].id > self.graph[b].id {
            (b, a)
        } else {
            (a, b)
        };
        if a == b {
            return true;
        }
        match self.edges.get(&(a, b, relation, negated)) {
            Some(&e) => {
                let kept = &mut self.graph[e];
                kept.weight += edge.weight;
                kept.confidence = kept.confidence.max(edge.confidence);
                merge_evidence(&mut kept.evidence, edge.evidence);
                add_counts(&mut kept.dates, edge.dates);
            }
            None => {
                let mut edge = edge;
                let evidence = std::mem::take(&mut edge.evidence);
                merge_evidence(&mut edge.evidence, evidence);
                let e = self.graph.add_edge(a, b, edge);
                self.edges.insert((a, b, relation, negated), e);
            }
        }
        true
    }

    /// Merges another graph into this one: both as they were before resolving (see
    /// [`KnowledgeGraph::unresolved`]), so the result needs [`KnowledgeGraph::resolve`].
    /// Merging is associative and commutative. A document both graphs hold would be counted
    /// twice; callers check [`KnowledgeGraph::document`] first.
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        self.undo_joins();
        let unresolved;
        let other = if other.joined.is_empty() {
            other
        } else {
            unresolved = other.unresolved();
            &unresolved
        };
        for d in other.documents() {
            self.add_document(d.clone());
        }
        for n in other.nodes() {
            self.add_node(n.clone());
        }
        for (a, b, e) in other.edges() {
            self.insert_edge(&a.id, &b.id, e.clone());
        }
    }
}

/// Keeps the first [`MAX_EVIDENCE`] distinct statements by document and offset, so the kept
/// set does not depend on the order documents arrive in.
fn merge_evidence(kept: &mut Vec<Evidence>, more: Vec<Evidence>) {
    kept.extend(more);
    kept.sort();
    kept.dedup_by(|a, b| a.document == b.document && a.start == b.start && a.trigger == b.trigger);
    kept.truncate(MAX_EVIDENCE);
}

/// Adds counts per date: merging in any order gives the same sums.
fn add_counts(counts: &mut BTreeMap<Date, usize>, more: BTreeMap<Date, usize>) {
    for (date, n) in more {
        *counts.entry(date).or_insert(0) += n;
    }
}

/// Merges `other` into `node` (same id).
pub(super) fn merge_node(node: &mut Node, other: Node) {
    node.label = better_label(&node.label, &other.label).to_string();
    node.aliases.extend(other.aliases);
    node.mentions += other.mentions;
    node.documents.extend(other.documents);
    for (kind, n) in other.type_votes {
        *node.type_votes.entry(kind).or_insert(0) += n;
    }
    add_counts(&mut node.dates, other.dates);
    node.kind = voted_kind(&node.type_votes).unwrap_or(node.kind);
}

/// The type with most votes; ties go to the more specific type, in [`EntityType::ALL`] order.
pub(crate) fn voted_kind(votes: &BTreeMap<EntityType, usize>) -> Option<EntityType> {
    votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
}

/// Of two labels with the same slug, the one with accents and capitals ("García" over
/// "Garcia"), else the smaller: a choice that ignores the order documents arrive in.
fn better_label<'a>(a: &'a str, b: &'a str) -> &'a str {
    let score = |s: &str| {
        (
            s.chars().filter(|c| !c.is_ascii()).count(),
            s.chars().filter(|c| c.is_uppercase()).count(),
        )
    };
    match score(a).cmp(&score(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => a.min(b),
    }
}
