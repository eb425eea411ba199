//! Node-link JSON: what networkx's `node_link_graph(data, edges="edges")`, D3 and graphology
//! load. The wire types live here, apart from the domain types.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::entity::EntityType;
use crate::graph::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node};
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
            documents: wire_documents(graph),
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
                evidence: wire_evidence(&e.evidence),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &wire)?;
    out.write_all(b"\n")
}

fn wire_evidence(evidence: &[Evidence]) -> Vec<WireEvidence> {
    evidence
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
        .collect()
}

/// An edge's evidence as the JSON array the graph JSON holds, in one string: how the formats
/// whose attributes are flat (GraphML, GEXF, Cytoscape JSON, Neo4j CSV) carry it.
pub fn evidence_string(evidence: &[Evidence]) -> String {
    json_string(&wire_evidence(evidence))
}

/// A list of strings (aliases, documents) as a JSON array in one string.
pub fn list_string<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    json_string(&items.into_iter().collect::<Vec<_>>())
}

/// The graph's documents as the JSON array the graph JSON holds under `graph.documents`.
pub fn documents_string(graph: &KnowledgeGraph) -> String {
    json_string(&wire_documents(graph))
}

/// `value` as compact JSON in which every character XML cannot hold is a `\u` escape, so the
/// string survives XML intact: serde_json escapes the C0 controls, this also DEL, the C1
/// controls and U+FFFE, U+FFFF (which can only occur inside JSON strings).
fn json_string(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("wire types serialize");
    let unsafe_in_xml = |c: char| matches!(c, '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}');
    if !json.contains(unsafe_in_xml) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_in_xml(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn wire_documents(graph: &KnowledgeGraph) -> Vec<WireDocument> {
    graph
        .documents()
        .map(|d| WireDocument {
            id: d.id.clone(),
            title: d.title.clone(),
            path: d.path.clone(),
        })
        .collect()
}

/// A unique id for an edge, for the formats that need one (GraphML, GEXF, Cytoscape):
/// `source->target:key`. Node ids are slugs, which hold neither `>` nor `:`, so edge ids never
/// collide with node ids (Cytoscape keeps both in one namespace) or with each other.
pub fn edge_id(source: &Node, target: &Node, edge: &Edge) -> String {
    format!(
        "{}->{}:{}",
        source.id,
        target.id,
        edge_key(edge.relation, edge.negated)
    )
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

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn json_strings_hold_nothing_xml_forbids() {
        let awkward = ["a\u{0}\u{7}\u{1f}\u{7f}\u{85}\u{FFFE}\u{FFFF}\"\\é🚀".to_string()];
        let json = json_string(&awkward);
        assert_eq!(
            json,
            r#"["a\u0000\u0007\u001f\u007f\u0085\ufffe\uffff\"\\é🚀"]"#
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, awkward);
    }
}
