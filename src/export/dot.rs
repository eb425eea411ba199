//! Graphviz DOT. Every string goes through [`escape`]: Graphviz must accept the file whatever
//! the names and sentences contain, and the SVG it renders must be well-formed XML.

use std::io::{self, Write};

use crate::entity::EntityType;
use crate::graph::{Edge, KnowledgeGraph};

/// Graphviz rejects strings over about 16 KB; tooltips and labels are cut well below that.
const MAX_ATTRIBUTE_CHARS: usize = 600;

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

fn node_style(kind: EntityType) -> (&'static str, &'static str) {
    match kind {
        EntityType::Person => ("ellipse", "#AED6F1"),
        EntityType::Organization => ("box", "#F9E79F"),
        EntityType::Country => ("doubleoctagon", "#A9DFBF"),
        EntityType::Location => ("house", "#D7BDE2"),
        EntityType::Group => ("box3d", "#F5CBA7"),
        EntityType::Other => ("note", "#E5E7E9"),
    }
}

/// Edge colour: cooperative green, hostile red, static grey.
fn edge_color(edge: &Edge) -> &'static str {
    if edge.relation.is_static() {
        return "#7F8C8D";
    }
    match edge.relation.polarity() {
        Some(p) if p > 0.0 => "#1E8449",
        _ => "#C0392B",
    }
}

fn pen_width(weight: usize) -> f64 {
    (1.0 + (weight as f64).ln() * 1.2).min(6.0)
}

/// Writes the graph as DOT.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  charset=\"UTF-8\";")?;
    writeln!(
        out,
        "  rankdir=LR; overlap=false; splines=true; fontname=\"Helvetica\";"
    )?;
    writeln!(
        out,
        "  node [style=filled, fontname=\"Helvetica\", fontsize=11];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for n in graph.nodes() {
        let (shape, fill) = node_style(n.kind);
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
            "  \"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\"];",
            escape(&n.id, MAX_ATTRIBUTE_CHARS),
            escape(&n.label, 80),
            escape(&tooltip, MAX_ATTRIBUTE_CHARS),
        )?;
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
        let tooltip = e
            .evidence
            .first()
            .map_or(String::new(), |ev| ev.text.clone());
        let mut attrs = format!(
            "label=\"{}\", color=\"{}\", fontcolor=\"{}\", penwidth={:.1}, tooltip=\"{}\"",
            escape(&label, 80),
            edge_color(e),
            edge_color(e),
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
    write_legend(out)?;
    writeln!(out, "}}")
}

/// A legend cluster: one node per entity type and one edge per colour.
fn write_legend(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    label=\"Legend\"; fontsize=10; color=\"#BBBBBB\"; style=rounded;"
    )?;
    for kind in EntityType::ALL {
        let (shape, fill) = node_style(kind);
        writeln!(
            out,
            "    \"legend:{kind}\" [label=\"{kind}\", shape={shape}, fillcolor=\"{fill}\", fontsize=9];"
        )?;
    }
    let samples = [
        ("cooperative", "#1E8449", "solid"),
        ("hostile", "#C0392B", "solid"),
        ("static", "#7F8C8D", "solid"),
        ("negated", "#555555", "dashed"),
    ];
    for (i, (name, color, style)) in samples.iter().enumerate() {
        writeln!(
            out,
            "    \"legend:e{i}a\" [label=\"\", shape=point, width=0.05]; \"legend:e{i}b\" [label=\"\", shape=point, width=0.05];"
        )?;
        writeln!(
            out,
            "    \"legend:e{i}a\" -> \"legend:e{i}b\" [label=\"{name}\", color=\"{color}\", fontcolor=\"{color}\", style={style}];"
        )?;
    }
    writeln!(out, "  }}")
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
