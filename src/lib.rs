//! newsgraph turns news articles into a knowledge graph: who appears in them and what they
//! did to each other, every edge backed by the sentences that state it.
//!
//! The pipeline, one stage per module, each passing plain data to the next:
//!
//! 1. [`load`]: files, directories and JSONL records become [`Document`]s, text owned once;
//! 2. [`text`]: a document's [`text::Layout`]: tokens with byte offsets and sentences, with
//!    headings and page furniture told apart;
//! 3. [`recognize`]: capitalized names, titles, demonyms and the [`lexicon`] give typed
//!    [`recognize::Candidate`] spans; the trained recognizer ([`ner`]) retypes, splits, drops
//!    or adds the names the rules could only guess;
//! 4. [`resolve`]: candidates become [`Entity`]s, with short names, acronyms and demonyms
//!    joined to the actor they stand for, and static relations from titles and prefixes;
//! 5. [`relate`]: trigger words, their arguments (from the dependency parse of [`nlp`], or
//!    word order where the parse finds none), negation and modality give [`Relation`]s;
//! 6. [`graph`]: each document's [`Extraction`] merges into one [`KnowledgeGraph`]
//!    (petgraph), and names are joined across documents;
//! 7. [`export`]: the graph is written as node-link JSON, Graphviz DOT, GraphML, GEXF,
//!    Cytoscape.js JSON, Neo4j bulk-import CSV or a self-contained interactive HTML page,
//!    optionally filtered first.
//!
//! Time runs through every stage: a document's [`Date`] goes with its mentions and
//! statements, so nodes and edges know when they were mentioned and stated, and a
//! [`date::DateRange`] filters by it.
//!
//! [`extract::Extractor`] runs stages 2–5 on one document; it needs no state shared between
//! documents, so documents can be processed anywhere and merged later. [`pipeline::Pipeline`]
//! streams inputs through one shared extractor on several threads, in input order; graphs
//! built apart [`KnowledgeGraph::merge`] into the graph one build would give.
//!
//! ```
//! use newsgraph::{Document, Extractor, KnowledgeGraph};
//!
//! let doc = Document::new(
//!     "example.txt",
//!     "Mexican President Ana Vidal met Canadian officials in Ottawa. \
//!      Vidal accused the United States of dumping steel.",
//! );
//! let extraction = Extractor::new().extract(&doc);
//! let mut graph = KnowledgeGraph::new();
//! graph.add(&doc, &extraction);
//! let graph = graph.resolve();
//! assert_eq!(graph.node("ana-vidal").unwrap().aliases.len(), 2); // "Ana Vidal", "Vidal"
//! let edges = graph.edges();
//! let says = |a: &str, rel: &str, b: &str| {
//!     edges.iter().any(|(s, t, e)| s.id == a && e.relation.as_str() == rel && t.id == b)
//! };
//! assert!(says("ana-vidal", "leader-of", "mexico"));
//! assert!(says("ana-vidal", "accuses", "united-states"));
//! ```

pub mod date;
pub mod document;
pub mod entity;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod load;
pub mod ner;
pub mod nlp;
pub mod pipeline;
pub mod recognize;
pub mod relate;
pub mod relation;
pub mod resolve;
pub mod text;

pub use date::Date;
pub use document::Document;
pub use entity::{Entity, EntityType, Mention};
pub use error::Error;
pub use extract::{Extraction, Extractor};
pub use graph::KnowledgeGraph;
pub use pipeline::Pipeline;
pub use relation::{Relation, RelationType};
