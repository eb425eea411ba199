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
pub mod lookup;
mod resolve;
mod stats;
#[cfg(test)]
mod tests;

pub(crate) use build::voted_kind;
pub use filter::Filter;
pub use joined::Joined;
pub use lookup::Related;
pub use stats::{pagerank, Connected, Stats};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use crate::date::Date;
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
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Source URL, if known.
    pub url: Option<String>,
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
    /// Mentions per date of their document; mentions in undated documents are not listed.
    pub dates: BTreeMap<Date, usize>,
}

/// A sentence that states a relation.
#[derive(Debug, Clone)]
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
    /// The model's confidence that the sentence states the relation.
    pub confidence: f32,
    /// What proposed and decided it (the rule, or "model", and the strongest features).
    pub reason: String,
}

/// What orders evidence: document, sentence range, text and trigger.
type EvidenceKey<'a> = (
    &'a str,
    usize,
    usize,
    &'a str,
    &'a Option<(usize, usize, String)>,
);

impl Evidence {
    fn order_key(&self) -> EvidenceKey<'_> {
        (
            &self.document,
            self.start,
            self.end,
            &self.text,
            &self.trigger,
        )
    }
}

// Evidence is ordered by document, offsets, text and trigger, then confidence and reason
// (f32 ordered totally, so that sorting and merging are deterministic).
impl PartialEq for Evidence {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Evidence {}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Evidence {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key()
            .cmp(&other.order_key())
            .then(self.confidence.total_cmp(&other.confidence))
            .then(self.reason.cmp(&other.reason))
    }
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
    /// The confidence of its most confident statement. (The highest, not a product of
    /// the statements' doubts: one fact repeated across articles is not independent
    /// evidence, and the maximum merges the same in any order.)
    pub confidence: f32,
    /// The first [`MAX_EVIDENCE`] statements, ordered by document and offset.
    pub evidence: Vec<Evidence>,
    /// Statements per date of their document; statements in undated documents are not
    /// listed. A date filter recounts the weight from here, since evidence keeps only a few.
    pub dates: BTreeMap<Date, usize>,
}

/// The first and last date of a `dates` map (of a [`Node`] or an [`Edge`]).
pub fn date_span(dates: &BTreeMap<Date, usize>) -> Option<(Date, Date)> {
    Some((*dates.keys().next()?, *dates.keys().next_back()?))
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
