//! GEXF 1.2, as Gephi, networkx (`read_gexf`) and graphology-gexf read it. Not 1.3:
//! networkx reads 1.3 only from version 3.6 on, and 1.2 holds everything written here.
//!
//! The attributes of the graph JSON, typed like GraphML's (`mentions` integer, `polarity`
//! double, `negated` boolean, lists and evidence as JSON strings), plus what Gephi draws on
//! open: node colour by type and size by mentions, edge colour by polarity, `weight`
//! (statements) as thickness and the relation as the edge `label`. The JSON's edge `key` is
//! the edge's `kind`, so Gephi keeps parallel edges of different relations apart instead of
//! merging them (`kind` comes from GEXF 1.3; Gephi's importer reads it whatever the version,
//! graphology keeps it as an attribute, networkx ignores it).
//!
//! A graph with dates is written `mode="dynamic"` with `timeformat="date"`, and each node and
//! edge gets the spells of its dates (a day, or the whole month or year the date names), so
//! Gephi's timeline plays the graph; `first_date` and `last_date` are attributes too.

use std::io::{self, Write};

use std::collections::BTreeMap;

use super::json::{
    confidence_string, date_strings, edge_id, edge_key, evidence_string, generator, list_string,
};
use super::style::{edge_color, rgb, type_color};
use super::xml::escape;
use crate::date::Date;
use crate::graph::KnowledgeGraph;

const NODE_ATTRIBUTES: [(&str, &str); 6] = [
    ("type", "string"),
    ("aliases", "string"),
    ("mentions", "integer"),
    ("documents", "string"),
    ("first_date", "string"),
    ("last_date", "string"),
];

// No `key` attribute: the key is the edge's `kind`, and networkx's reader passes attributes
// as keyword arguments beside its own `key`, so one named `key` breaks it.
const EDGE_ATTRIBUTES: [(&str, &str); 8] = [
    ("relation", "string"),
    ("negated", "boolean"),
    ("confidence", "double"),
    ("cameo", "string"),
    ("polarity", "double"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("evidence", "string"),
];

/// Writes the graph as GEXF 1.2.
pub fn write(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>{}</creator>", escape(&generator()))?;
    let documents: Vec<&str> = graph.documents().map(|d| d.id.as_str()).collect();
    writeln!(
        out,
        "    <description>{}</description>",
        escape(&format!(
            "Knowledge graph of {} document(s): {}",
            documents.len(),
            documents.join(", ")
        ))
    )?;
    writeln!(out, "  </meta>")?;
    // A graph with dates is dynamic: every node and edge lives in the spells of its dates.
    let dynamic = graph.nodes().any(|n| !n.dates.is_empty());
    if dynamic {
        writeln!(
            out,
            r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#
        )?;
    } else {
        writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    }
    // Attribute ids are their titles: graphology-gexf names attributes by non-numeric ids.
    for (class, attributes) in [
        ("node", &NODE_ATTRIBUTES[..]),
        ("edge", &EDGE_ATTRIBUTES[..]),
    ] {
        writeln!(out, r#"    <attributes class="{class}">"#)?;
        for (title, kind) in attributes {
            writeln!(
                out,
                r#"      <attribute id="{title}" title="{title}" type="{kind}"/>"#
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    writeln!(out, "    <nodes>")?;
    for n in graph.nodes() {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            escape(&n.id),
            escape(&n.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        attvalue(out, "type", n.kind.as_str())?;
        attvalue(out, "aliases", &list_string(&n.aliases))?;
        attvalue(out, "mentions", &n.mentions.to_string())?;
        attvalue(out, "documents", &list_string(&n.documents))?;
        dates(out, &n.dates)?;
        writeln!(out, "        </attvalues>")?;
        spells(out, &n.dates)?;
        color(out, type_color(n.kind))?;
        writeln!(
            out,
            r#"        <viz:size value="{:.1}"/>"#,
            10.0 + 6.0 * (n.mentions.max(1) as f64).ln()
        )?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (a, b, e) in graph.edges() {
        let key = edge_key(e.relation, e.negated);
        let label = if e.negated {
            format!("not {}", e.relation)
        } else {
            e.relation.to_string()
        };
        writeln!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" kind="{}" weight="{}">"#,
            escape(&edge_id(a, b, e)),
            escape(&a.id),
            escape(&b.id),
            escape(&label),
            escape(&key),
            e.weight
        )?;
        writeln!(out, "        <attvalues>")?;
        attvalue(out, "relation", e.relation.as_str())?;
        attvalue(out, "negated", if e.negated { "true" } else { "false" })?;
        attvalue(out, "confidence", &confidence_string(e.confidence))?;
        if let Some(cameo) = e.relation.cameo() {
            attvalue(out, "cameo", cameo)?;
        }
        if let Some(polarity) = e.relation.polarity() {
            attvalue(out, "polarity", &format!("{polarity:?}"))?;
        }
        dates(out, &e.dates)?;
        attvalue(out, "evidence", &evidence_string(graph, &e.evidence))?;
        writeln!(out, "        </attvalues>")?;
        spells(out, &e.dates)?;
        color(out, edge_color(e))?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

fn attvalue(out: &mut dyn Write, name: &str, value: &str) -> io::Result<()> {
    writeln!(
        out,
        r#"          <attvalue for="{name}" value="{}"/>"#,
        escape(value)
    )
}

fn dates(out: &mut dyn Write, dates: &BTreeMap<Date, usize>) -> io::Result<()> {
    if let Some((first, last)) = date_strings(dates) {
        attvalue(out, "first_date", &first)?;
        attvalue(out, "last_date", &last)?;
    }
    Ok(())
}

/// The days a node or edge lives in for Gephi's timeline: one spell per date, from its first
/// day to its last (a month is the whole month), overlapping spells joined.
fn spells(out: &mut dyn Write, dates: &BTreeMap<Date, usize>) -> io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    let mut periods: Vec<(Date, Date)> = dates
        .keys()
        .map(|d| (d.first_day(), d.last_day()))
        .collect();
    periods.sort();
    let mut joined: Vec<(Date, Date)> = Vec::new();
    for (start, end) in periods {
        match joined.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    writeln!(out, "        <spells>")?;
    for (start, end) in joined {
        writeln!(out, r#"          <spell start="{start}" end="{end}"/>"#)?;
    }
    writeln!(out, "        </spells>")
}

fn color(out: &mut dyn Write, hex: &str) -> io::Result<()> {
    let (r, g, b) = rgb(hex);
    writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)
}
