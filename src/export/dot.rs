//! Graphviz DOT. Every string goes through [`escape`]: Graphviz must accept the file whatever
//! the names and sentences contain, and the SVG it renders must be well-formed XML.
//!
//! The file names its layout engine in the `layout` graph attribute, so a plain
//! `dot -Tsvg graph.dot` uses it. `dot` draws small graphs best, but its time grows steeply
//! with labelled edges; [`Layout::Auto`] switches to `sfdp` above [`LARGE_EDGES`] edges or
//! [`LARGE_NODES`] nodes. With `dot`, entities without relations are set out in a grid in a
//! box of their own instead of one tall column.

use std::io::{self, Write};

use super::style::{edge_stroke, pen_width, type_color, COOPERATIVE, HOSTILE, STATIC};
use crate::entity::EntityType;
use crate::graph::{KnowledgeGraph, Node};

/// Graphviz rejects strings over about 16 KB; tooltips and labels are cut well below that.
const MAX_ATTRIBUTE_CHARS: usize = 600;

/// Above this many edges, [`Layout::Auto`] picks `sfdp`. `dot`'s time grows steeply with
/// labelled edges: on news-like graphs (Graphviz 2.42, a busy 2-core machine) 0.6 s for 200
/// edges, 1.7 s for 300, 7 s for 400, 50 s for 600; `sfdp` takes 0.8 s, 1.7 s, 2 s and 6 s
/// for 300, 400, 600 and 800 edges.
pub const LARGE_EDGES: usize = 300;

/// Above this many nodes, [`Layout::Auto`] picks `sfdp`.
pub const LARGE_NODES: usize = 500;

/// The Graphviz layout engine a DOT file asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// `dot` for small graphs, `sfdp` for large ones ([`LARGE_EDGES`], [`LARGE_NODES`]).
    #[default]
    Auto,
    /// Hierarchical, left to right: clearest for small graphs, slow for large ones.
    Dot,
    /// Force-directed, multiscale: scales to thousands of edges.
    Sfdp,
    /// Force-directed (stress majorization): good for a few hundred nodes.
    Neato,
}

impl Layout {
    /// The engine this layout uses for `graph`: never `Auto`.
    pub fn resolve(self, graph: &KnowledgeGraph) -> Layout {
        match self {
            Layout::Auto
                if graph.edge_count() > LARGE_EDGES || graph.node_count() > LARGE_NODES =>
            {
                Layout::Sfdp
            }
            Layout::Auto => Layout::Dot,
            other => other,
        }
    }
}

/// Escapes `text` for a double-quoted DOT string: backslashes and quotes escaped, `&` written
/// as an entity (Graphviz resolves entities in labels and passes them into SVG), newlines as
/// `\n`, characters XML forbids dropped, and the result cut to `max_chars` characters.
pub fn escape(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 2) + 2);
    for (n, c) in text.chars().enumerate() {
        if n == max_chars {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            // Control characters and the non-characters XML 1.0 forbids.
            c if (c as u32) < 0x20 || (0x7F..0xA0).contains(&(c as u32)) => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn node_shape(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "ellipse",
        EntityType::Organization => "box",
        EntityType::Country => "doubleoctagon",
        EntityType::Location => "house",
        EntityType::Group => "box3d",
        EntityType::Other => "note",
    }
}

/// Writes the graph as DOT, choosing the layout by size.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    write_with(graph, Layout::Auto, out)
}

/// Writes the graph as DOT for `layout`.
pub fn write_with(graph: &KnowledgeGraph, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let layout = layout.resolve(graph);
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  charset=\"UTF-8\"; fontname=\"Helvetica\";")?;
    match layout {
        Layout::Dot | Layout::Auto => writeln!(
            out,
            "  layout=dot; rankdir=LR; splines=true; nodesep=0.25; ranksep=0.6;"
        )?,
        // Straight edges drawn under the nodes: spline routing is what makes large
        // layouts slow, and prism removes overlaps while keeping the layout's shape. A
        // fixed seed (start=1): without one, sfdp draws some graphs differently each run.
        Layout::Sfdp => writeln!(
            out,
            "  layout=sfdp; start=1; overlap=prism; overlap_scaling=-4; splines=false; outputorder=edgesfirst; pack=true;"
        )?,
        Layout::Neato => writeln!(
            out,
            "  layout=neato; start=1; overlap=prism; splines=false; outputorder=edgesfirst; pack=true;"
        )?,
    }
    writeln!(
        out,
        "  node [style=filled, fontname=\"Helvetica\", fontsize=11];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    if layout == Layout::Dot {
        // With rankdir=LR, dot stacks what comes first at the bottom: legend, then the
        // entities without relations, then the graph on top.
        write_legend(out)?;
        let connected = connected_ids(graph);
        let (linked, isolated): (Vec<&Node>, Vec<&Node>) = graph
            .nodes()
            .partition(|n| connected.binary_search(&n.id.as_str()).is_ok());
        if !isolated.is_empty() {
            write_isolated_grid(out, isolated)?;
        }
        for n in &linked {
            write_node(out, n, "  ")?;
        }
    } else {
        // The force-directed engines pack the pieces, legend and lone entities included.
        for n in graph.nodes() {
            write_node(out, n, "  ")?;
        }
        write_legend(out)?;
    }
    for (a, b, e) in graph.edges() {
        let label = if e.weight > 1 {
            format!("{} ×{}", e.relation, e.weight)
        } else {
            e.relation.to_string()
        };
        let label = if e.negated {
            format!("not {label}")
        } else {
            label
        };
        let tooltip = e.evidence.first().map_or(String::new(), |ev| {
            format!("{} (confidence {:.2})", ev.text, e.confidence)
        });
        let stroke = edge_stroke(e);
        let mut attrs = format!(
            "label=\"{}\", color=\"{}\", fontcolor=\"{}\", penwidth={:.1}, tooltip=\"{}\"",
            escape(&label, 80),
            stroke,
            stroke,
            pen_width(e.weight),
            escape(&tooltip, MAX_ATTRIBUTE_CHARS)
        );
        if e.negated {
            attrs.push_str(", style=dashed");
        }
        if e.relation.is_symmetric() {
            attrs.push_str(", dir=both");
        }
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [{attrs}];",
            escape(&a.id, MAX_ATTRIBUTE_CHARS),
            escape(&b.id, MAX_ATTRIBUTE_CHARS)
        )?;
    }
    writeln!(out, "}}")
}

/// Ids of the nodes with at least one edge, sorted.
fn connected_ids(graph: &KnowledgeGraph) -> Vec<&str> {
    let mut ids: Vec<&str> = graph
        .edges()
        .into_iter()
        .flat_map(|(a, b, _)| [a.id.as_str(), b.id.as_str()])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn write_node(out: &mut dyn Write, n: &Node, indent: &str) -> io::Result<()> {
    let tooltip = format!(
        "{} ({}), {} mention{}; aliases: {}",
        n.label,
        n.kind,
        n.mentions,
        if n.mentions == 1 { "" } else { "s" },
        n.aliases.iter().cloned().collect::<Vec<_>>().join(", ")
    );
    writeln!(
        out,
        "{indent}\"{}\" [label=\"{}\", shape={}, fillcolor=\"{}\", tooltip=\"{}\"];",
        escape(&n.id, MAX_ATTRIBUTE_CHARS),
        escape(&n.label, 80),
        node_shape(n.kind),
        type_color(n.kind),
        escape(&tooltip, MAX_ATTRIBUTE_CHARS),
    )
}

/// Entities without relations, by type then label, in rows chained by invisible edges: each
/// row spans ranks left to right, so the rows stack into a compact grid under the graph.
fn write_isolated_grid(out: &mut dyn Write, mut nodes: Vec<&Node>) -> io::Result<()> {
    nodes.sort_by(|a, b| (a.kind, &a.label, &a.id).cmp(&(b.kind, &b.label, &b.id)));
    // Wider than tall: about twice as many columns as rows.
    let columns = ((nodes.len() as f64 * 2.0).sqrt().ceil() as usize).max(1);
    writeln!(out, "  subgraph cluster_unrelated {{")?;
    writeln!(
        out,
        "    label=\"Mentioned, no relation found\"; fontsize=10; fontcolor=\"#555555\"; color=\"#BBBBBB\"; style=rounded;"
    )?;
    for n in &nodes {
        write_node(out, n, "    ")?;
    }
    for row in nodes.chunks(columns) {
        if row.len() < 2 {
            continue;
        }
        let ids: Vec<String> = row
            .iter()
            .map(|n| format!("\"{}\"", escape(&n.id, MAX_ATTRIBUTE_CHARS)))
            .collect();
        writeln!(out, "    {} [style=invis];", ids.join(" -> "))?;
    }
    writeln!(out, "  }}")
}

/// The legend: one node holding a table of the type colours and the edge colours, so it
/// stays in one piece with every layout engine.
fn write_legend(out: &mut dyn Write) -> io::Result<()> {
    let mut rows = String::new();
    for kind in EntityType::ALL {
        rows.push_str(&format!(
            "<TR><TD BGCOLOR=\"{}\">{kind} ({})</TD></TR>",
            type_color(kind),
            node_shape(kind)
        ));
    }
    for (name, color) in [
        ("→ cooperative", COOPERATIVE),
        ("→ hostile", HOSTILE),
        ("→ static", STATIC),
        ("⇢ dashed: negated", "#555555"),
    ] {
        rows.push_str(&format!(
            "<TR><TD><FONT COLOR=\"{color}\">{name}</FONT></TD></TR>"
        ));
    }
    writeln!(
        out,
        "  \"legend:\" [shape=plain, style=\"\", fontsize=9, tooltip=\"Legend\", label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" COLOR=\"#BBBBBB\"><TR><TD><B>Legend</B></TD></TR>{rows}</TABLE>>];"
    )
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_handles_every_awkward_character() {
        assert_eq!(escape(r#"say "hi"\now"#, 100), r#"say \"hi\"\\now"#);
        assert_eq!(escape("a\nb\r\nc", 100), "a b c");
        assert_eq!(escape("A & B <x>", 100), "A &amp; B &lt;x&gt;");
        assert_eq!(escape("bell\u{7}null\u{0}", 100), "bellnull");
        assert_eq!(escape("García “quoted” 🎉", 100), "García “quoted” 🎉");
        assert_eq!(escape("abcdef", 3), "abc…");
        assert_eq!(escape("\\", 100), "\\\\");
    }
}
