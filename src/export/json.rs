//! Node-link JSON: what networkx's `node_link_graph(data, edges="edges")`, D3 and graphology
//! load. The wire types live here, apart from the domain types.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;
use crate::graph::{DocumentInfo, Evidence, KnowledgeGraph, Node};
use crate::relation::RelationType;

/// The generator string written into every graph.
pub fn generator() -> String {
    format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
}

#[derive(Serialize, Deserialize)]
struct WireGraph {
    directed: bool,
    multigraph: bool,
    graph: WireMeta,
    nodes: Vec<WireNode>,
    edges: Vec<WireEdge>,
}

#[derive(Serialize, Deserialize)]
struct WireMeta {
    generator: String,
    documents: Vec<WireDocument>,
}

#[derive(Serialize, Deserialize)]
struct WireDocument {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct WireNode {
    id: String,
    label: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    mentions: usize,
    documents: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct WireEdge {
    source: String,
    target: String,
    /// Distinguishes parallel edges for networkx multigraphs.
    key: String,
    relation: String,
    weight: usize,
    negated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cameo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    polarity: Option<f64>,
    evidence: Vec<WireEvidence>,
}

#[derive(Serialize, Deserialize)]
struct WireEvidence {
    document: String,
    text: String,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trigger: Option<WireSpan>,
}

#[derive(Serialize, Deserialize)]
struct WireSpan {
    start: usize,
    end: usize,
    text: String,
}

/// Writes the graph as pretty-printed node-link JSON.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let wire = WireGraph {
        directed: true,
        multigraph: true,
        graph: WireMeta {
            generator: generator(),
            documents: graph
                .documents()
                .map(|d| WireDocument {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    path: d.path.clone(),
                })
                .collect(),
        },
        nodes: graph
            .nodes()
            .map(|n| WireNode {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind.as_str().to_string(),
                aliases: n.aliases.iter().cloned().collect(),
                mentions: n.mentions,
                documents: n.documents.iter().cloned().collect(),
            })
            .collect(),
        edges: graph
            .edges()
            .into_iter()
            .map(|(a, b, e)| WireEdge {
                source: a.id.clone(),
                target: b.id.clone(),
                key: edge_key(e.relation, e.negated),
                relation: e.relation.as_str().to_string(),
                weight: e.weight,
                negated: e.negated,
                cameo: e.relation.cameo().map(str::to_string),
                polarity: e.relation.polarity(),
                evidence: e
                    .evidence
                    .iter()
                    .map(|ev| WireEvidence {
                        document: ev.document.clone(),
                        text: ev.text.clone(),
                        start: ev.start,
                        end: ev.end,
                        trigger: ev.trigger.as_ref().map(|(s, e, t)| WireSpan {
                            start: *s,
                            end: *e,
                            text: t.clone(),
                        }),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &wire)?;
    out.write_all(b"\n")
}

/// The key of an edge among the edges between the same two nodes.
pub fn edge_key(relation: RelationType, negated: bool) -> String {
    if negated {
        format!("not-{relation}")
    } else {
        relation.to_string()
    }
}

/// Reads a graph written by [`write`]. The error says what is wrong, for the caller to
/// prefix with the file name.
pub fn read(data: &str) -> Result<KnowledgeGraph, String> {
    let wire: WireGraph = serde_json::from_str(data).map_err(|e| e.to_string())?;
    if !wire.graph.generator.starts_with("newsgraph") {
        return Err(format!(
            "generator is '{}', not newsgraph",
            wire.graph.generator
        ));
    }
    let mut graph = KnowledgeGraph::new();
    for d in wire.graph.documents {
        graph.add_document(DocumentInfo {
            id: d.id,
            title: d.title,
            path: d.path,
        });
    }
    for n in wire.nodes {
        let kind: EntityType = n.kind.parse()?;
        graph.add_node(Node {
            id: n.id,
            label: n.label,
            kind,
            aliases: n.aliases.into_iter().collect(),
            mentions: n.mentions,
            documents: n.documents.into_iter().collect::<BTreeSet<_>>(),
            type_votes: BTreeMap::from([(kind, n.mentions.max(1))]),
        });
    }
    for e in wire.edges {
        let relation: RelationType = e.relation.parse()?;
        let evidence = e
            .evidence
            .into_iter()
            .map(|ev| Evidence {
                document: ev.document,
                start: ev.start,
                end: ev.end,
                text: ev.text,
                trigger: ev.trigger.map(|t| (t.start, t.end, t.text)),
            })
            .collect();
        if !graph.add_edge(
            &e.source, &e.target, relation, e.negated, e.weight, evidence,
        ) {
            return Err(format!(
                "edge {} -> {} names an unknown node",
                e.source, e.target
            ));
        }
    }
    Ok(graph)
}
