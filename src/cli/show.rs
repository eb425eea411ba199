//! `newsgraph show`: one entity's relations in the terminal, strongest first, each with the
//! sentences that state it, their documents and dates.

use std::io::{self, BufWriter, Write};

use anyhow::{bail, Result};

use super::args::ShowArgs;
use super::commands::read_graph;
use newsgraph::graph::filter::{self, FilterError};
use newsgraph::graph::{date_span, Evidence, KnowledgeGraph, Node, Related};

/// `newsgraph show`.
pub fn show(args: ShowArgs) -> Result<()> {
    let relations = args
        .relation
        .as_deref()
        .map(filter::parse_relations)
        .transpose()?;
    let graph = read_graph(&args.graph)?;
    let node = match graph.find(&args.entity) {
        Ok(node) => node,
        Err(FilterError::UnknownEntity(name)) => {
            let suggestions: Vec<String> = graph
                .suggest(&name)
                .iter()
                .map(|n| format!("{} ({})", n.label, n.id))
                .collect();
            if suggestions.is_empty() {
                bail!("no entity '{name}' in {}", args.graph.display());
            }
            bail!(
                "no entity '{name}' in {}; did you mean {}?",
                args.graph.display(),
                suggestions.join(", ")
            );
        }
        Err(e) => return Err(e.into()),
    };
    let mut related = graph.relations_of(&node.id);
    if let Some(keep) = &relations {
        related.retain(|r| keep.contains(&r.edge.relation));
    }
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    heading(&mut w, node)?;
    let which = match &args.relation {
        Some(list) => format!(" of {list}"),
        None => String::new(),
    };
    match related.len() {
        0 => writeln!(w, "\nNo relations{which}.")?,
        1 => writeln!(w, "\n1 relation{which}:")?,
        n => writeln!(w, "\n{n} relations{which}, strongest first:")?,
    }
    for (i, r) in related.iter().enumerate() {
        relation(&mut w, &graph, i + 1, r)?;
    }
    w.flush()?;
    Ok(())
}

fn heading(w: &mut dyn Write, node: &Node) -> io::Result<()> {
    writeln!(w, "{} ({})", node.label, node.id)?;
    let documents = match node.documents.len() {
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    write!(
        w,
        "{}, {} mention(s) in {documents}",
        node.kind, node.mentions
    )?;
    if let Some((first, last)) = date_span(&node.dates) {
        write!(w, ", {}", period(first.to_string(), last.to_string()))?;
    }
    writeln!(w)?;
    let aliases: Vec<&str> = node
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != node.label)
        .collect();
    if !aliases.is_empty() {
        writeln!(w, "also: {}", aliases.join("; "))?;
    }
    Ok(())
}

/// "2025-03-14", or "2025-03-14 to 2025-04-02".
fn period(first: String, last: String) -> String {
    if first == last {
        first
    } else {
        format!("{first} to {last}")
    }
}

fn relation(w: &mut dyn Write, graph: &KnowledgeGraph, n: usize, r: &Related) -> io::Result<()> {
    let e = r.edge;
    let verb = if e.negated {
        format!("not {}", e.relation)
    } else {
        e.relation.to_string()
    };
    let arrow = if e.relation.is_symmetric() { "-" } else { "->" };
    let statements = match e.weight {
        1 => "1 statement".to_string(),
        k => format!("{k} statements"),
    };
    write!(
        w,
        "\n{n}. {} -{verb}{arrow} {}  ({statements}",
        r.source.label, r.target.label
    )?;
    if let Some((first, last)) = date_span(&e.dates) {
        write!(w, ", {}", period(first.to_string(), last.to_string()))?;
    }
    writeln!(w, ")")?;
    for ev in &e.evidence {
        evidence(w, graph, ev)?;
    }
    if e.evidence.len() < e.weight {
        writeln!(
            w,
            "   ({} more statement(s); the graph keeps {} sentences per relation)",
            e.weight - e.evidence.len(),
            newsgraph::graph::MAX_EVIDENCE
        )?;
    }
    Ok(())
}

/// The sentence, its trigger in [brackets], then where it comes from.
fn evidence(w: &mut dyn Write, graph: &KnowledgeGraph, ev: &Evidence) -> io::Result<()> {
    let text = &ev.text;
    let marked = ev
        .trigger
        .as_ref()
        .and_then(|(start, end, _)| {
            let (s, e) = (start.checked_sub(ev.start)?, end.checked_sub(ev.start)?);
            Some(format!(
                "{}[{}]{}",
                text.get(..s)?,
                text.get(s..e)?,
                text.get(e..)?
            ))
        })
        .unwrap_or_else(|| text.clone());
    let one_line: String = marked.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(w, "   \"{one_line}\"")?;
    let mut source = Vec::new();
    let doc = graph.document(&ev.document);
    match doc.and_then(|d| d.title.as_deref()) {
        Some(title) => source.push(format!(
            "\"{}\" ({})",
            title.split_whitespace().collect::<Vec<_>>().join(" "),
            ev.document
        )),
        None => source.push(ev.document.clone()),
    }
    if let Some(date) = doc.and_then(|d| d.date) {
        source.push(date.to_string());
    }
    if let Some(url) = doc.and_then(|d| d.url.as_deref()) {
        source.push(url.to_string());
    }
    writeln!(w, "     {}", source.join(", "))
}
