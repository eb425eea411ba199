//! The per-document JSONL of `newsgraph extract`: what was found in each document before
//! merging, offsets in UTF-8 bytes into the document's text.

use std::io::{self, Write};

use serde::Serialize;

use crate::document::Document;
use crate::extract::Extraction;

#[derive(Serialize)]
struct WireExtraction<'a> {
    id: &'a str,
    entities: Vec<WireEntity<'a>>,
    mentions: Vec<WireMention<'a>>,
    relations: Vec<WireRelation<'a>>,
}

#[derive(Serialize)]
struct WireEntity<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct WireMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
}

#[derive(Serialize)]
struct WireRelation<'a> {
    source: &'a str,
    relation: &'static str,
    target: &'a str,
    negated: bool,
    sentence: WireRange,
    trigger: WireTrigger<'a>,
    confidence: f32,
    reason: &'a str,
}

#[derive(Serialize)]
struct WireRange {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct WireTrigger<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Writes one document's extraction as one JSON line.
pub fn write_line(doc: &Document, ex: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    let entity_id = |i: usize| ex.entities[i].id.as_str();
    let wire = WireExtraction {
        id: &doc.id,
        entities: ex
            .entities
            .iter()
            .map(|e| WireEntity {
                id: &e.id,
                label: &e.label,
                kind: e.kind.as_str(),
            })
            .collect(),
        mentions: ex
            .mentions
            .iter()
            .map(|m| WireMention {
                start: m.span.start,
                end: m.span.end,
                text: &doc.text[m.span.clone()],
                kind: m.kind.as_str(),
                entity: entity_id(m.entity),
            })
            .collect(),
        relations: ex
            .relations
            .iter()
            .map(|r| WireRelation {
                source: entity_id(r.source),
                relation: r.kind.as_str(),
                target: entity_id(r.target),
                negated: r.negated,
                sentence: WireRange {
                    start: r.sentence.start,
                    end: r.sentence.end,
                },
                trigger: WireTrigger {
                    start: r.trigger.start,
                    end: r.trigger.end,
                    text: &doc.text[r.trigger.clone()],
                },
                confidence: r.confidence,
                reason: &r.reason,
            })
            .collect(),
    };
    let mut json = serde_json::Serializer::with_formatter(&mut *out, LineSafe);
    wire.serialize(&mut json)?;
    out.write_all(b"\n")
}

/// serde_json's compact output with U+2028 and U+2029 escaped. Raw, they are valid JSON, but
/// tools that split text into lines at every Unicode line break (and JavaScript before
/// ES2019) cut a record in two there.
struct LineSafe;

impl serde_json::ser::Formatter for LineSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(['\u{2028}', '\u{2029}']) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let separator = if rest[at..].starts_with('\u{2028}') {
                b"\\u2028"
            } else {
                b"\\u2029"
            };
            writer.write_all(separator)?;
            rest = &rest[at + '\u{2028}'.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_separators_are_escaped_in_json_lines() {
        let text = "Ana Vidal\u{2028}met Peru\u{2029}officials.";
        let doc = Document::new("a\u{2028}b", text);
        let mut out = Vec::new();
        write_line(&doc, &Extraction::default(), &mut out).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(!line.contains(['\u{2028}', '\u{2029}']), "{line}");
        assert!(line.contains(r"a\u2028b"), "{line}");
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["id"], "a\u{2028}b");
    }
}
