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
    serde_json::to_writer(&mut *out, &wire)?;
    out.write_all(b"\n")
}
