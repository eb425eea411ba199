//! Node-link JSON: what networkx's `node_link_graph(data, edges="edges")`, D3 and graphology
//! load. The wire types live here, apart from the domain types.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::entity::EntityType;
use crate::graph::{
    date_span, voted_kind, DocumentInfo, Edge, Evidence, Joined, KnowledgeGraph, Node,
};
use crate::relation::RelationType;

/// The generator string written into every graph.
pub fn generator() -> String {
    format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
}

// Wire types borrow from the graph when writing (a large graph is not copied to be written)
// and own their strings when reading.

#[derive(Serialize, Deserialize)]
struct WireGraph<'a> {
    directed: bool,
    multigraph: bool,
    graph: WireMeta<'a>,
    nodes: Vec<WireNode<'a>>,
    edges: Vec<WireEdge<'a>>,
    /// What cross-document joins changed, as it was before: see [`crate::graph::Joined`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unresolved: Option<WireUnresolved<'a>>,
}

#[derive(Serialize, Deserialize)]
struct WireMeta<'a> {
    generator: String,
    documents: Vec<WireDocument<'a>>,
}

#[derive(Serialize, Deserialize)]
struct WireDocument<'a> {
    id: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct WireNode<'a> {
    id: Cow<'a, str>,
    label: Cow<'a, str>,
    #[serde(rename = "type")]
    kind: Cow<'a, str>,
    /// Mentions per type, when documents disagree on the type (or a mention count differs
    /// from its votes): merging needs them to settle the type as one build would.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    type_votes: Option<BTreeMap<Cow<'a, str>, usize>>,
    aliases: Vec<Cow<'a, str>>,
    mentions: usize,
    documents: Vec<Cow<'a, str>>,
    /// The dates of the first and last mention; written for readers, derived from `dates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_date: Option<String>,
    /// Mentions per date.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    dates: BTreeMap<String, usize>,
    /// In `unresolved`: the node this one was joined into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    joined_into: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct WireEdge<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    /// Distinguishes parallel edges for networkx multigraphs.
    key: String,
    relation: Cow<'a, str>,
    weight: usize,
    negated: bool,
    /// The confidence of the most confident statement (graphs written before confidences
    /// read as 1).
    #[serde(default = "certain")]
    confidence: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cameo: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    polarity: Option<f64>,
    /// The dates of the first and last statement; written for readers, derived from `dates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_date: Option<String>,
    /// Statements per date: what a date filter counts the weight from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    dates: BTreeMap<String, usize>,
    evidence: Vec<WireEvidence<'a>>,
}

#[derive(Serialize, Deserialize)]
struct WireEvidence<'a> {
    document: Cow<'a, str>,
    text: Cow<'a, str>,
    start: usize,
    end: usize,
    /// Where `text` lies in the document, when it is a window of a longer sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    window: Option<WireRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trigger: Option<WireSpan<'a>>,
    /// The document's date; written for readers, taken from the document when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// The model's confidence that the sentence states the relation.
    #[serde(default = "certain")]
    confidence: f32,
    /// What proposed and decided it.
    #[serde(default)]
    reason: Cow<'a, str>,
}

fn certain() -> f32 {
    1.0
}

/// A confidence as the other formats write it: the shortest decimal that reads back as the
/// same f32 (what the graph JSON writes).
pub(crate) fn confidence_string(c: f32) -> String {
    serde_json::to_string(&c).unwrap_or_else(|_| "1.0".to_string())
}

#[derive(Serialize, Deserialize)]
struct WireRange {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct WireSpan<'a> {
    start: usize,
    end: usize,
    text: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct WireUnresolved<'a> {
    nodes: Vec<WireNode<'a>>,
    edges: Vec<WireEdge<'a>>,
}

fn wire_node<'a>(n: &'a Node, joined_into: Option<&'a str>) -> WireNode<'a> {
    let default_votes =
        n.type_votes.len() == 1 && n.type_votes.get(&n.kind).copied() == Some(n.mentions.max(1));
    WireNode {
        id: Cow::Borrowed(&n.id),
        label: Cow::Borrowed(&n.label),
        kind: Cow::Borrowed(n.kind.as_str()),
        type_votes: (!default_votes).then(|| {
            n.type_votes
                .iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_str()), *v))
                .collect()
        }),
        aliases: n
            .aliases
            .iter()
            .map(|a| Cow::Borrowed(a.as_str()))
            .collect(),
        mentions: n.mentions,
        documents: n
            .documents
            .iter()
            .map(|d| Cow::Borrowed(d.as_str()))
            .collect(),
        first_date: date_span(&n.dates).map(|(first, _)| first.to_string()),
        last_date: date_span(&n.dates).map(|(_, last)| last.to_string()),
        dates: wire_dates(&n.dates),
        joined_into: joined_into.map(Cow::Borrowed),
    }
}

fn wire_dates(dates: &BTreeMap<Date, usize>) -> BTreeMap<String, usize> {
    dates.iter().map(|(d, n)| (d.to_string(), *n)).collect()
}

fn wire_edge<'a>(
    graph: &'a KnowledgeGraph,
    source: &'a str,
    target: &'a str,
    e: &'a Edge,
) -> WireEdge<'a> {
    WireEdge {
        source: Cow::Borrowed(source),
        target: Cow::Borrowed(target),
        key: edge_key(e.relation, e.negated),
        relation: Cow::Borrowed(e.relation.as_str()),
        weight: e.weight,
        negated: e.negated,
        confidence: e.confidence,
        cameo: e.relation.cameo().map(Cow::Borrowed),
        polarity: e.relation.polarity(),
        first_date: date_span(&e.dates).map(|(first, _)| first.to_string()),
        last_date: date_span(&e.dates).map(|(_, last)| last.to_string()),
        dates: wire_dates(&e.dates),
        evidence: wire_evidence(graph, &e.evidence),
    }
}

/// Writes the graph as pretty-printed node-link JSON.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &wire_graph(graph, true))?;
    out.write_all(b"\n")
}

/// Writes the graph as compact node-link JSON without `unresolved` (what only merging
/// needs): the data the HTML view embeds, with every field the graph JSON has.
pub fn write_compact(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &wire_graph(graph, false))?;
    Ok(())
}

fn wire_graph(graph: &KnowledgeGraph, with_unresolved: bool) -> WireGraph<'_> {
    let joined = graph.joined();
    WireGraph {
        directed: true,
        multigraph: true,
        graph: WireMeta {
            generator: generator(),
            documents: wire_documents(graph),
        },
        nodes: graph.nodes().map(|n| wire_node(n, None)).collect(),
        edges: graph
            .edges()
            .into_iter()
            .map(|(a, b, e)| wire_edge(graph, &a.id, &b.id, e))
            .collect(),
        unresolved: (with_unresolved && !joined.is_empty()).then(|| WireUnresolved {
            nodes: joined
                .nodes
                .iter()
                .map(|(n, into)| wire_node(n, into.as_deref()))
                .collect(),
            edges: joined
                .edges
                .iter()
                .map(|(a, b, e)| wire_edge(graph, a, b, e))
                .collect(),
        }),
    }
}

fn wire_evidence<'a>(graph: &KnowledgeGraph, evidence: &'a [Evidence]) -> Vec<WireEvidence<'a>> {
    evidence
        .iter()
        .map(|ev| WireEvidence {
            date: document_date(graph, &ev.document).map(|d| d.to_string()),
            document: Cow::Borrowed(&ev.document),
            text: Cow::Borrowed(&ev.text),
            start: ev.start,
            end: ev.end,
            window: ev.window.map(|(start, end)| WireRange { start, end }),
            trigger: ev.trigger.as_ref().map(|(s, e, t)| WireSpan {
                start: *s,
                end: *e,
                text: Cow::Borrowed(t),
            }),
            confidence: ev.confidence,
            reason: Cow::Borrowed(&ev.reason),
        })
        .collect()
}

/// The date of the document `id`, if the graph knows one.
fn document_date(graph: &KnowledgeGraph, id: &str) -> Option<Date> {
    graph.document(id).and_then(|d| d.date)
}

/// An edge's evidence as the JSON array the graph JSON holds, in one string: how the formats
/// whose attributes are flat (GraphML, GEXF, Cytoscape JSON, Neo4j CSV) carry it.
pub fn evidence_string(graph: &KnowledgeGraph, evidence: &[Evidence]) -> String {
    json_string(&wire_evidence(graph, evidence))
}

/// The first and last date of a node's mentions or an edge's statements, as ISO strings.
pub fn date_strings(dates: &BTreeMap<Date, usize>) -> Option<(String, String)> {
    date_span(dates).map(|(first, last)| (first.to_string(), last.to_string()))
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

fn wire_documents(graph: &KnowledgeGraph) -> Vec<WireDocument<'_>> {
    graph
        .documents()
        .map(|d| WireDocument {
            id: Cow::Borrowed(&d.id),
            title: d.title.as_deref().map(Cow::Borrowed),
            path: d.path.as_deref().map(Cow::Borrowed),
            date: d.date.map(|d| d.to_string()),
            url: d.url.as_deref().map(Cow::Borrowed),
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
    from_wire(wire)
}

/// Reads every graph in a stream of graphs written one after another (as `cat` or Spark's
/// part files put them), handing each to `each`; returns how many there were. An empty
/// stream holds none.
pub fn read_stream(
    input: &mut dyn Read,
    each: &mut dyn FnMut(KnowledgeGraph) -> Result<(), String>,
) -> Result<usize, String> {
    let mut count = 0;
    for wire in serde_json::Deserializer::from_reader(io::BufReader::new(input)).into_iter() {
        let wire: WireGraph = wire.map_err(|e| e.to_string())?;
        each(from_wire(wire)?)?;
        count += 1;
    }
    Ok(count)
}

fn node_from_wire(n: WireNode) -> Result<Node, String> {
    let kind: EntityType = n.kind.parse()?;
    let type_votes = match n.type_votes {
        Some(votes) => {
            let mut out = BTreeMap::new();
            for (k, v) in votes {
                out.insert(k.parse::<EntityType>()?, v);
            }
            if voted_kind(&out).is_none() {
                return Err(format!("node {} has empty type_votes", n.id));
            }
            out
        }
        None => BTreeMap::from([(kind, n.mentions.max(1))]),
    };
    let dates = dates_from_wire(n.dates, n.mentions, "mentions")
        .map_err(|e| format!("node {}: {e}", n.id))?;
    Ok(Node {
        id: n.id.into_owned(),
        label: n.label.into_owned(),
        kind,
        aliases: n.aliases.into_iter().map(Cow::into_owned).collect(),
        mentions: n.mentions,
        documents: n
            .documents
            .into_iter()
            .map(Cow::into_owned)
            .collect::<BTreeSet<_>>(),
        type_votes,
        dates,
    })
}

/// A `dates` map read back: valid dates, counting no more than the `total` `what` they divide.
fn dates_from_wire(
    dates: BTreeMap<String, usize>,
    total: usize,
    what: &str,
) -> Result<BTreeMap<Date, usize>, String> {
    let mut out = BTreeMap::new();
    for (date, n) in dates {
        out.insert(date.parse::<Date>().map_err(|e| format!("dates: {e}"))?, n);
    }
    let counted: usize = out.values().sum();
    if counted > total {
        return Err(format!(
            "dates count {counted} {what}, more than its {total}"
        ));
    }
    Ok(out)
}

fn edge_from_wire(e: WireEdge) -> Result<(String, String, Edge), String> {
    let relation: RelationType = e.relation.parse()?;
    let dates = dates_from_wire(e.dates, e.weight, "statements")
        .map_err(|m| format!("edge {} -> {}: {m}", e.source, e.target))?;
    let evidence = e
        .evidence
        .into_iter()
        .map(|ev| Evidence {
            document: ev.document.into_owned(),
            start: ev.start,
            end: ev.end,
            text: ev.text.into_owned(),
            window: ev.window.map(|w| (w.start, w.end)),
            trigger: ev.trigger.map(|t| (t.start, t.end, t.text.into_owned())),
            confidence: ev.confidence,
            reason: ev.reason.into_owned(),
        })
        .collect();
    Ok((
        e.source.into_owned(),
        e.target.into_owned(),
        Edge {
            relation,
            negated: e.negated,
            weight: e.weight,
            confidence: e.confidence,
            evidence,
            dates,
        },
    ))
}

fn from_wire(wire: WireGraph) -> Result<KnowledgeGraph, String> {
    if !wire.graph.generator.starts_with("newsgraph") {
        return Err(format!(
            "generator is '{}', not newsgraph",
            wire.graph.generator
        ));
    }
    let mut graph = KnowledgeGraph::new();
    for d in wire.graph.documents {
        let date = d
            .date
            .map(|s| s.parse::<Date>())
            .transpose()
            .map_err(|e| format!("document {}: date: {e}", d.id))?;
        graph.add_document(DocumentInfo {
            id: d.id.into_owned(),
            title: d.title.map(Cow::into_owned),
            path: d.path.map(Cow::into_owned),
            date,
            url: d.url.map(Cow::into_owned),
        });
    }
    for n in wire.nodes {
        graph.add_node(node_from_wire(n)?);
    }
    for e in wire.edges {
        let (source, target, e) = edge_from_wire(e)?;
        if !graph.insert_edge(&source, &target, e) {
            return Err(format!("edge {source} -> {target} names an unknown node"));
        }
    }
    if let Some(unresolved) = wire.unresolved {
        let mut joined = Joined::default();
        let joined_ids: BTreeSet<String> =
            unresolved.nodes.iter().map(|n| n.id.to_string()).collect();
        for n in unresolved.nodes {
            let into = n.joined_into.clone().map(Cow::into_owned);
            if let Some(into) = &into {
                if graph.node(into).is_none() {
                    return Err(format!("node {} joins an unknown node {into}", n.id));
                }
            }
            joined.nodes.push((node_from_wire(n)?, into));
        }
        for e in unresolved.edges {
            let (source, target, e) = edge_from_wire(e)?;
            for id in [&source, &target] {
                let known = graph.node(id).is_some() || joined_ids.contains(id.as_str());
                if !known {
                    return Err(format!(
                        "unresolved edge {source} -> {target} names an unknown node"
                    ));
                }
            }
            joined.edges.push((source, target, e));
        }
        graph.set_joined(joined);
    }
    Ok(graph)
}
