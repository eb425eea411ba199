//! GraphML, as networkx (`read_graphml`), igraph, Gephi, yEd and graphology-graphml read it.
//!
//! Every attribute of the graph JSON, under typed keys: `mentions` and `weight` are `int`,
//! `polarity` is `double`, `negated` is `boolean`; lists and evidence are JSON strings
//! (GraphML has no list type). Edges carry an `id` (`source->target:key`), which networkx uses
//! as the multigraph key, and the JSON's `key` as an attribute. `cameo` and `polarity` are
//! absent on static relations, as in the JSON; `first_date` and `last_date` (ISO strings) on
//! what has no date.

use std::io::{self, Write};

use super::json::{
    confidence_string, date_strings, documents_string, edge_id, edge_key, evidence_string,
    generator, list_string,
};
use super::xml::escape;
use crate::graph::KnowledgeGraph;

/// The keys: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 19] = [
    ("g_generator", "graph", "generator", "string"),
    ("g_documents", "graph", "documents", "string"),
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "type", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_documents", "node", "documents", "string"),
    ("n_first_date", "node", "first_date", "string"),
    ("n_last_date", "node", "last_date", "string"),
    ("e_key", "edge", "key", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_weight", "edge", "weight", "int"),
    ("e_negated", "edge", "negated", "boolean"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_cameo", "edge", "cameo", "string"),
    ("e_polarity", "edge", "polarity", "double"),
    ("e_first_date", "edge", "first_date", "string"),
    ("e_last_date", "edge", "last_date", "string"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Writes the graph as GraphML.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, domain, name, kind) in KEYS {
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    // graph-level data comes first: graphology-graphml stops reading it at the first node.
    data(out, "    ", "g_generator", &generator())?;
    data(out, "    ", "g_documents", &documents_string(graph))?;
    for n in graph.nodes() {
        writeln!(out, r#"    <node id="{}">"#, escape(&n.id))?;
        data(out, "      ", "n_label", &n.label)?;
        data(out, "      ", "n_type", n.kind.as_str())?;
        data(out, "      ", "n_aliases", &list_string(&n.aliases))?;
        data(out, "      ", "n_mentions", &n.mentions.to_string())?;
        data(out, "      ", "n_documents", &list_string(&n.documents))?;
        if let Some((first, last)) = date_strings(&n.dates) {
            data(out, "      ", "n_first_date", &first)?;
            data(out, "      ", "n_last_date", &last)?;
        }
        writeln!(out, "    </node>")?;
    }
    for (a, b, e) in graph.edges() {
        writeln!(
            out,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            escape(&edge_id(a, b, e)),
            escape(&a.id),
            escape(&b.id)
        )?;
        data(out, "      ", "e_key", &edge_key(e.relation, e.negated))?;
        data(out, "      ", "e_relation", e.relation.as_str())?;
        data(out, "      ", "e_weight", &e.weight.to_string())?;
        data(
            out,
            "      ",
            "e_negated",
            if e.negated { "true" } else { "false" },
        )?;
        data(
            out,
            "      ",
            "e_confidence",
            &confidence_string(e.confidence),
        )?;
        if let Some(cameo) = e.relation.cameo() {
            data(out, "      ", "e_cameo", cameo)?;
        }
        if let Some(polarity) = e.relation.polarity() {
            data(out, "      ", "e_polarity", &format!("{polarity:?}"))?;
        }
        if let Some((first, last)) = date_strings(&e.dates) {
            data(out, "      ", "e_first_date", &first)?;
            data(out, "      ", "e_last_date", &last)?;
        }
        data(
            out,
            "      ",
            "e_evidence",
            &evidence_string(graph, &e.evidence),
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

fn data(out: &mut dyn Write, indent: &str, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, r#"{indent}<data key="{key}">{}</data>"#, escape(value))
}
