//! Neo4j bulk-import CSV: a directory with `nodes.csv` and `relationships.csv`, headers as
//! `neo4j-admin database import full` reads them.
//!
//! - `nodes.csv`: `id:ID`, `:LABEL` (the type, capitalized: `Person`), `label`, `type`,
//!   `aliases:string[]`, `mentions:int`, `documents:string[]`, `first_date`, `last_date`
//!   (ISO 8601 strings of a day, a month or a year; empty, hence absent, when undated). The
//!   import command adds the label `Entity` to every node (`--nodes=Entity=…`).
//! - `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (the edge key in upper snake case:
//!   `REJECTS`, `NOT_ACCUSES` for a denied accusation, so `[:ACCUSES]` matches only what was
//!   stated), `key`, `relation`, `weight:int`, `negated:boolean`, `confidence:double`, `cameo`,
//!   `polarity:double`,
//!   `first_date`, `last_date`, `evidence` (the JSON array of the graph JSON, as a string).
//!   `cameo` and `polarity` are empty, hence absent, on static relations.
//!
//! Arrays are separated by U+001F (the ASCII unit separator, `--array-delimiter=U+001F`),
//! which no name contains: [`clean`] drops it with the other control characters. Every record
//! is one line: [`clean`] turns a line break in a name into a space, and sentences keep theirs
//! inside the evidence JSON as `\n`, so the import needs no `--multiline-fields`. The `csv`
//! crate quotes fields holding commas or quotes.
//!
//! The directory is written atomically: files go to a temporary directory beside it, which is
//! then renamed. An existing directory is replaced only if it is empty or holds nothing but a
//! previous export (`nodes.csv`, `relationships.csv`); anything else is an error, so a typo
//! never deletes a user's files.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::json::{date_strings, edge_key, evidence_string};
use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// The array delimiter: U+001F, the ASCII unit separator.
pub const ARRAY_DELIMITER: char = '\u{1f}';

/// The files an export holds.
pub const FILES: [&str; 2] = ["nodes.csv", "relationships.csv"];

/// A CSV value as the importer should see it: line breaks become spaces (one record per
/// line), other control characters but tab are dropped (they carry no meaning in names, the
/// array delimiter is one of them, and the importer need not be trusted with NUL).
pub fn clean(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '\t' => out.push(c),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
    out
}

fn array<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|s| clean(s))
        .collect::<Vec<_>>()
        .join(&ARRAY_DELIMITER.to_string())
}

/// The Neo4j label of an entity type: `person` → `Person`.
fn neo4j_label(kind: &str) -> String {
    let mut chars = kind.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Writes `nodes.csv`.
pub fn write_nodes(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id:ID",
        ":LABEL",
        "label",
        "type",
        "aliases:string[]",
        "mentions:int",
        "documents:string[]",
        "first_date",
        "last_date",
    ])?;
    for n in graph.nodes() {
        let (first, last) = date_strings(&n.dates).unwrap_or_default();
        w.write_record([
            clean(&n.id),
            neo4j_label(n.kind.as_str()),
            clean(&n.label),
            n.kind.as_str().to_string(),
            array(&n.aliases),
            n.mentions.to_string(),
            array(&n.documents),
            first,
            last,
        ])?;
    }
    w.flush()
}

/// Writes `relationships.csv`.
pub fn write_relationships(graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "key",
        "relation",
        "weight:int",
        "negated:boolean",
        "confidence:double",
        "cameo",
        "polarity:double",
        "first_date",
        "last_date",
        "evidence",
    ])?;
    for (a, b, e) in graph.edges() {
        let key = edge_key(e.relation, e.negated);
        let (first, last) = date_strings(&e.dates).unwrap_or_default();
        w.write_record([
            clean(&a.id),
            clean(&b.id),
            key.to_ascii_uppercase().replace('-', "_"),
            key,
            e.relation.as_str().to_string(),
            e.weight.to_string(),
            e.negated.to_string(),
            super::json::confidence_string(e.confidence),
            e.relation.cameo().unwrap_or_default().to_string(),
            e.relation
                .polarity()
                .map_or(String::new(), |p| format!("{p:?}")),
            first,
            last,
            // JSON escapes control characters, so the string keeps them losslessly.
            evidence_string(graph, &e.evidence),
        ])?;
    }
    w.flush()
}

type WriteCsv = fn(&KnowledgeGraph, &mut dyn Write) -> io::Result<()>;

/// Writes the export directory `dir` atomically (see the module documentation).
pub fn write_dir(graph: &KnowledgeGraph, dir: &Path) -> Result<(), Error> {
    let name = dir.display().to_string();
    let replace = check_target(dir).map_err(|e| Error::io(&name, e))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = super::staging::StagedDir::create_in(parent).map_err(|e| Error::io(&name, e))?;
    let writers: [(&str, WriteCsv); 2] = [(FILES[0], write_nodes), (FILES[1], write_relationships)];
    for (file, write) in writers {
        let path = tmp.path().join(file);
        let mut w = io::BufWriter::new(fs::File::create(&path).map_err(|e| Error::io(&name, e))?);
        write(graph, &mut w)
            .and_then(|_| w.flush())
            .map_err(|e| Error::io(format!("{}", dir.join(file).display()), e))?;
    }
    tmp.place(|tmp| {
        if replace {
            // A directory holding a previous export is moved aside, the new one renamed into
            // place, the old one removed: at no point does `dir` hold a partial export.
            let old = parent.join(format!(
                "{}-old",
                tmp.file_name().and_then(|n| n.to_str()).unwrap_or("x")
            ));
            fs::rename(dir, &old)
                .and_then(|_| fs::rename(tmp, dir))
                .and_then(|_| fs::remove_dir_all(&old))
        } else {
            // Renaming onto a missing or empty directory replaces it in one step.
            fs::rename(tmp, dir)
        }
    })
    .map_err(|e| Error::io(&name, e))
}

/// Whether `dir` holds a previous export to replace; an error if it is a file or holds files
/// newsgraph did not write.
fn check_target(dir: &Path) -> io::Result<bool> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) if dir.exists() && !dir.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("exists and is not a directory ({e})"),
            ))
        }
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for entry in entries {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    if let Some(other) = names.iter().find(|n| !FILES.contains(&n.as_str())) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "directory exists and holds '{other}', which is not a newsgraph Neo4j export; \
                 choose a new or empty directory"
            ),
        ));
    }
    Ok(!names.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_one_line_and_no_control_characters() {
        assert_eq!(clean("a\u{1f}b\u{0}c\u{7}d\u{1b}"), "abcd");
        assert_eq!(clean("tab\tnew\nline\r\nend"), "tab\tnew line end");
        assert_eq!(
            clean(r#"Say "hi", \ ; | García 🚀 <&>"#),
            r#"Say "hi", \ ; | García 🚀 <&>"#
        );
        assert_eq!(clean("c1\u{85}kept"), "c1\u{85}kept");
    }

    #[test]
    fn labels_are_capitalized() {
        assert_eq!(neo4j_label("person"), "Person");
        assert_eq!(neo4j_label(""), "");
    }
}
