//! The knowledge graph: entities as nodes, relations as weighted edges with evidence, kept in
//! a petgraph `StableDiGraph` with an ordered id index so output never depends on insertion
//! order.
//!
//! Building is two steps. [`KnowledgeGraph::add`] merges a document's extraction: entities
//! with the same id become one node, statements of the same relation one edge (weight counts
//! them all, evidence keeps the first few by document and offset). [`KnowledgeGraph::resolve`]
//! then joins nodes across documents: a short name that another node uses as an alias, or the
//! surname of exactly one person ("Sheinbaum" → "Claudia Sheinbaum").
//!
//! Adding and merging are associative and commutative: every field merges by a rule that
//! ignores order (sums, unions, the first evidence by document and offset, the best label).
//! Joining is not: "Smith" joins "John Smith" in one shard and stays apart once another shard
//! brings "Jane Smith". So a resolved graph keeps, in [`Joined`], the nodes and edges its
//! joins touched as they were before; [`KnowledgeGraph::unresolved`] puts them back, and
//! [`KnowledgeGraph::merge`] and [`KnowledgeGraph::add`] start from there. Resolving merged
//! shards therefore gives exactly what resolving one build over all their documents gives.

mod build;
pub mod filter;
mod joined;
mod resolve;
mod stats;
#[cfg(test)]
mod tests;

pub(crate) use build::voted_kind;
pub use filter::Filter;
pub use joined::Joined;
pub use stats::{pagerank, Stats};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use crate::entity::EntityType;
use crate::relation::RelationType;

/// How many evidence sentences an edge keeps; its weight still counts every statement.
pub const MAX_EVIDENCE: usize = 5;

/// The most bytes of a sentence an evidence keeps: a longer sentence (a run without an end,
/// cut at [`crate::text::MAX_SENTENCE_TOKENS`] tokens, can hold kilobytes) is kept as a
/// window of about this size around its trigger, so that an edge's evidence stays small
/// whatever the input. No sentence that states a relation in the Wikinews sample is half as
/// long.
pub const MAX_EVIDENCE_TEXT: usize = 1000;

/// A document the graph was built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentInfo {
    /// Document id.
    pub id: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Path it was read from, if any.
    pub path: Option<String>,
}

/// An entity of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable slug of the label.
    pub id: String,
    /// Canonical label.
    pub label: String,
    /// Entity type.
    pub kind: EntityType,
    /// Every surface form seen.
    pub aliases: BTreeSet<String>,
    /// Number of mentions across documents.
    pub mentions: usize,
    /// Ids of the documents that mention it.
    pub documents: BTreeSet<String>,
    /// Mentions per type, to settle the type when documents disagree.
    pub type_votes: BTreeMap<EntityType, usize>,
}

/// A sentence that states a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// UTF-8 byte offset of the sentence's start in the document's text.
    pub start: usize,
    /// UTF-8 byte offset of the sentence's end.
    pub end: usize,
    /// The sentence, or where it is longer than [`MAX_EVIDENCE_TEXT`] bytes, a window of it
    /// around the trigger.
    pub text: String,
    /// The byte range of `text` in the document when it is a window of a longer sentence.
    pub window: Option<(usize, usize)>,
    /// The trigger: byte range in the document's text and its text.
    pub trigger: Option<(usize, usize, String)>,
}

/// A relation between two nodes, aggregated over its statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Relation type.
    pub relation: RelationType,
    /// Whether the statements deny it.
    pub negated: bool,
    /// Number of statements.
    pub weight: usize,
    /// The first [`MAX_EVIDENCE`] statements, ordered by document and offset.
    pub evidence: Vec<Evidence>,
}

/// The identity of an edge: endpoints (ordered for symmetric relations), type, negation.
type EdgeKey = (NodeIndex, NodeIndex, RelationType, bool);

/// Entities and relations of a set of documents.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    ids: BTreeMap<String, NodeIndex>,
    edges: HashMap<EdgeKey, EdgeIndex>,
    documents: BTreeMap<String, DocumentInfo>,
    /// For a resolved graph, what its joins changed; empty when nothing was joined.
    joined: Joined,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// The underlying petgraph graph.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.ids.values().map(|&i| &self.graph[i])
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.ids.get(id).map(|&i| &self.graph[i])
    }

    /// Edges as (source, target, edge), sorted by source id, target id, relation, negation.
    pub fn edges(&self) -> Vec<(&Node, &Node, &Edge)> {
        let mut out: Vec<(&Node, &Node, &Edge)> = self
            .edges
            .values()
            .map(|&e| {
                let (a, b) = self.graph.edge_endpoints(e).expect("indexed edges exist");
                (&self.graph[a], &self.graph[b], &self.graph[e])
            })
            .collect();
        out.sort_by(|x, y| {
            (&x.0.id, &x.1.id, x.2.relation, x.2.negated).cmp(&(
                &y.0.id,
                &y.1.id,
                y.2.relation,
                y.2.negated,
            ))
        });
        out
    }

    /// Documents, sorted by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocumentInfo> + '_ {
        self.documents.values()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&DocumentInfo> {
        self.documents.get(id)
    }

    /// Records a document without adding anything else (an empty article still counts).
    pub fn add_document(&mut self, info: DocumentInfo) {
        self.documents.entry(info.id.clone()).or_insert(info);
    }

    /// What [`KnowledgeGraph::resolve`] joined to make this graph: empty for a graph that
    /// was not resolved or where nothing was joined.
    pub fn joined(&self) -> &Joined {
        &self.joined
    }
}
