//! Cytoscape JSON (`.cyjs`): the elements JSON Cytoscape.js takes as
//! `cytoscape({elements: data.elements})` and Cytoscape desktop imports as a network.
//!
//! Node and edge `data` hold every attribute of the graph JSON. Lists (aliases, documents)
//! stay arrays, which Cytoscape desktop turns into list columns; evidence is a JSON string, as
//! in the other formats with flat attributes, because table columns hold no objects. Nodes also
//! carry `name` (the label) and edges `interaction` (the key): the columns Cytoscape desktop
//! labels them by.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{date_strings, documents_string, edge_id, edge_key, evidence_string, generator};
use crate::graph::KnowledgeGraph;

#[derive(Serialize)]
struct WireCyjs<'a> {
    format_version: &'static str,
    generated_by: String,
    target_cytoscapejs_version: &'static str,
    data: WireNetwork,
    elements: WireElements<'a>,
}

#[derive(Serialize)]
struct WireNetwork {
    name: &'static str,
    generator: String,
    /// The graph JSON's `graph.documents`, as a JSON string.
    documents: String,
}

#[derive(Serialize)]
struct WireElements<'a> {
    nodes: Vec<WireElement<WireNode<'a>>>,
    edges: Vec<WireElement<WireEdge<'a>>>,
}

#[derive(Serialize)]
struct WireElement<T> {
    data: T,
}

#[derive(Serialize)]
struct WireNode<'a> {
    id: &'a str,
    name: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: Vec<&'a str>,
    mentions: usize,
    documents: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<String>,
}

#[derive(Serialize)]
struct WireEdge<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    interaction: String,
    key: String,
    relation: &'static str,
    weight: usize,
    negated: bool,
    confidence: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    polarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<String>,
    evidence: String,
}

/// Writes the graph as Cytoscape JSON.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let wire = WireCyjs {
        format_version: "1.0",
        generated_by: generator(),
        target_cytoscapejs_version: "~3.0",
        data: WireNetwork {
            name: "newsgraph",
            generator: generator(),
            documents: documents_string(graph),
        },
        elements: WireElements {
            nodes: graph
                .nodes()
                .map(|n| {
                    let (first_date, last_date) = date_strings(&n.dates).unzip();
                    WireElement {
                        data: WireNode {
                            id: &n.id,
                            name: &n.label,
                            label: &n.label,
                            kind: n.kind.as_str(),
                            aliases: n.aliases.iter().map(String::as_str).collect(),
                            mentions: n.mentions,
                            documents: n.documents.iter().map(String::as_str).collect(),
                            first_date,
                            last_date,
                        },
                    }
                })
                .collect(),
            edges: graph
                .edges()
                .into_iter()
                .map(|(a, b, e)| {
                    let (first_date, last_date) = date_strings(&e.dates).unzip();
                    WireElement {
                        data: WireEdge {
                            id: edge_id(a, b, e),
                            source: &a.id,
                            target: &b.id,
                            interaction: edge_key(e.relation, e.negated),
                            key: edge_key(e.relation, e.negated),
                            relation: e.relation.as_str(),
                            weight: e.weight,
                            confidence: e.confidence,
                            negated: e.negated,
                            cameo: e.relation.cameo(),
                            polarity: e.relation.polarity(),
                            first_date,
                            last_date,
                            evidence: evidence_string(graph, &e.evidence),
                        },
                    }
                })
                .collect(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &wire)?;
    out.write_all(b"\n")
}
