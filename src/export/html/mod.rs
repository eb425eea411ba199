//! The interactive view: one self-contained HTML page that opens from `file://` in any
//! current browser and needs no network.
//!
//! The page inlines everything: the graph JSON (compact, every field of [`super::json`]),
//! the positions [`layout`] computed, the look of [`super::style`] (the DOT colours), the
//! vendored Cytoscape.js ([`CYTOSCAPE_VERSION`], MIT, `vendor/cytoscape/`) and the page's own
//! script and style (`view.js`, `view.css`). Its Content-Security-Policy forbids every
//! request, so nothing is fetched even by mistake. Data goes into a JSON script element with
//! every `<` escaped, so no name or sentence can end the element; the script puts text into
//! the page only as text, never as markup.

pub mod layout;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::json;
use super::style::{type_color, COOPERATIVE, HOSTILE, STATIC};
use crate::entity::EntityType;
use crate::graph::KnowledgeGraph;
use crate::relation::RelationType;

/// The version of the vendored Cytoscape.js.
pub const CYTOSCAPE_VERSION: &str = "3.34.4";

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("view.css");
const SCRIPT: &str = include_str!("view.js");
const CYTOSCAPE: &str = include_str!("../../../vendor/cytoscape/cytoscape.min.js");

/// Above this many nodes or edges the page draws for speed: straight edges without arrows
/// or labels, node labels only when zoomed in, no fading around a selection.
pub const LARGE_NODES: usize = 1000;
/// See [`LARGE_NODES`].
pub const LARGE_EDGES: usize = 2000;

/// What the page needs besides the graph: positions, sizes and the look.
#[derive(Serialize)]
struct WireView {
    positions: Vec<[f64; 2]>,
    sizes: Vec<f64>,
    font_size: f64,
    large: bool,
    /// In [`EntityType::ALL`] order, the legend's.
    types: Vec<WireType>,
    relations: BTreeMap<&'static str, WireRelation>,
    colors: WireColors,
}

#[derive(Serialize)]
struct WireType {
    name: &'static str,
    color: &'static str,
    shape: &'static str,
}

#[derive(Serialize)]
struct WireRelation {
    color: &'static str,
    symmetric: bool,
}

#[derive(Serialize)]
struct WireColors {
    cooperative: &'static str,
    hostile: &'static str,
    #[serde(rename = "static")]
    fixed: &'static str,
}

/// The Cytoscape.js shape nearest to each type's DOT shape (ellipse, box, doubleoctagon,
/// house, box3d, note).
fn type_shape(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "ellipse",
        EntityType::Organization => "round-rectangle",
        EntityType::Country => "octagon",
        EntityType::Location => "pentagon",
        EntityType::Group => "rhomboid",
        EntityType::Other => "cut-rectangle",
    }
}

/// Positions with a tenth of a pixel: enough for drawing, and the same text everywhere.
fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn view(graph: &KnowledgeGraph) -> WireView {
    let positions = layout::layout(graph)
        .into_iter()
        .map(|(x, y)| [round(x), round(y)])
        .collect();
    let sizes = graph
        .nodes()
        .map(|n| round(layout::node_size(n.mentions)))
        .collect();
    WireView {
        positions,
        sizes,
        font_size: layout::FONT_SIZE,
        large: graph.node_count() > LARGE_NODES || graph.edge_count() > LARGE_EDGES,
        types: EntityType::ALL
            .into_iter()
            .map(|k| WireType {
                name: k.as_str(),
                color: type_color(k),
                shape: type_shape(k),
            })
            .collect(),
        relations: RelationType::ALL
            .into_iter()
            .map(|r| {
                (
                    r.as_str(),
                    WireRelation {
                        color: super::style::relation_color(r),
                        symmetric: r.is_symmetric(),
                    },
                )
            })
            .collect(),
        colors: WireColors {
            cooperative: COOPERATIVE,
            hostile: HOSTILE,
            fixed: STATIC,
        },
    }
}

/// Writes through, with every `<` as the JSON escape `\u003c`: inside a script element no
/// string can then close it (`</script>`) or open a comment. JSON has `<` only inside
/// strings, where the escape means the same character.
struct ScriptSafe<'a>(&'a mut dyn Write);

impl Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'<') {
            self.0.write_all(&rest[..i])?;
            self.0.write_all(b"\\u003c")?;
            rest = &rest[i + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Writes the graph as one self-contained HTML page.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "newsgraph: {} document(s), {} entities, {} relations",
        graph.documents().count(),
        graph.node_count(),
        graph.edge_count()
    );
    let mut rest = PAGE;
    while let Some(start) = rest.find("{{") {
        out.write_all(&rest.as_bytes()[..start])?;
        let end = start + rest[start..].find("}}").expect("placeholders are closed");
        match &rest[start + 2..end] {
            "generator" => out.write_all(json::generator().as_bytes())?,
            "title" => out.write_all(title.as_bytes())?,
            "style" => out.write_all(STYLE.as_bytes())?,
            "cytoscape" => out.write_all(CYTOSCAPE.as_bytes())?,
            "script" => out.write_all(SCRIPT.as_bytes())?,
            "data" => {
                let mut safe = ScriptSafe(out);
                safe.write_all(b"{\"view\":")?;
                serde_json::to_writer(&mut safe, &view(graph))?;
                safe.write_all(b",\"graph\":")?;
                json::write_compact(graph, &mut safe)?;
                safe.write_all(b"}")?;
            }
            other => unreachable!("unknown placeholder {other}"),
        }
        rest = &rest[end + 2..];
    }
    out.write_all(rest.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Evidence, Node};
    use std::collections::BTreeSet;

    #[test]
    fn no_string_can_close_the_data_element() {
        let mut g = KnowledgeGraph::new();
        for label in ["</script><script>alert(1)</script>", "<!-- x"] {
            g.add_node(Node {
                id: crate::text::slug(label),
                label: label.to_string(),
                kind: EntityType::Person,
                aliases: BTreeSet::from([label.to_string()]),
                mentions: 1,
                documents: BTreeSet::new(),
                type_votes: BTreeMap::from([(EntityType::Person, 1)]),
                dates: BTreeMap::new(),
            });
        }
        let ids: Vec<String> = g.nodes().map(|n| n.id.clone()).collect();
        g.add_edge(
            &ids[0],
            &ids[1],
            RelationType::Accuses,
            false,
            1,
            vec![Evidence {
                document: "d".into(),
                start: 0,
                end: 9,
                text: "</SCRIPT>".into(),
                trigger: None,
                window: None,
                confidence: 1.0,
                reason: String::new(),
            }],
        );
        let mut out = Vec::new();
        write(&g, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        let data = page
            .split_once(r#"<script type="application/json" id="newsgraph-data">"#)
            .unwrap()
            .1
            .split_once("</script>")
            .unwrap()
            .0;
        assert!(!data.contains('<'));
        let value: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(value["graph"]["nodes"].as_array().unwrap().len(), 2);
        assert!(value["graph"]["edges"][0]["evidence"][0]["text"] == "</SCRIPT>");
        for name in ["generator", "title", "style", "cytoscape", "script", "data"] {
            assert!(!page.contains(&format!("{{{{{name}}}}}")), "{name} filled");
        }
    }

    #[test]
    fn the_vendored_library_can_be_inlined() {
        assert!(CYTOSCAPE.contains(CYTOSCAPE_VERSION));
        let lower = CYTOSCAPE.to_ascii_lowercase();
        assert!(!lower.contains("</script") && !lower.contains("<!--"));
    }
}
