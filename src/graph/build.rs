//! Adding documents, nodes and edges.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node, MAX_EVIDENCE, MAX_EVIDENCE_TEXT};
use crate::date::Date;
use crate::document::Document;
use crate::entity::EntityType;
use crate::extract::Extraction;
use crate::relation::RelationType;

impl KnowledgeGraph {
    /// Merges one document's extraction into the graph (into the graph as it was before
    /// resolving, if it was resolved: see [`KnowledgeGraph::unresolved`]).
    pub fn add(&mut self, doc: &Document, extraction: &Extraction) {
        self.undo_joins();
        self.add_document(DocumentInfo {
            id: doc.id.clone(),
            title: doc.title.clone(),
            path: doc.path.clone(),
            date: doc.date,
            url: doc.url.clone(),
        });
        let dated = |n: usize| {
            doc.date
                .map(|d| (d, n))
                .into_iter()
                .collect::<BTreeMap<_, _>>()
        };
        for e in &extraction.entities {
            self.add_node(Node {
                id: e.id.clone(),
                label: e.label.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
                mentions: e.mentions,
                documents: BTreeSet::from([doc.id.clone()]),
                type_votes: BTreeMap::from([(e.kind, e.mentions.max(1))]),
                dates: dated(e.mentions),
            });
        }
        for r in &extraction.relations {
            let source = &extraction.entities[r.source].id;
            let target = &extraction.entities[r.target].id;
            let window = evidence_window(&doc.text, r.sentence.clone(), r.trigger.clone());
            let evidence = Evidence {
                document: doc.id.clone(),
                start: r.sentence.start,
                end: r.sentence.end,
                text: doc.text[window.clone()].to_string(),
                window: (window != r.sentence).then_some((window.start, window.end)),
                trigger: Some((
                    r.trigger.start,
                    r.trigger.end,
                    doc.text[r.trigger.clone()].to_string(),
                )),
                confidence: r.confidence,
                reason: r.reason.clone(),
            };
            self.insert_edge(
                source,
                target,
                Edge {
                    relation: r.kind,
                    negated: r.negated,
                    weight: 1,
                    confidence: r.confidence,
                    evidence: vec![evidence],
                    dates: dated(1),
                },
            );
        }
    }

    /// Adds a node, merging it into the node with the same id if there is one.
    pub fn add_node(&mut self, node: Node) {
        self.undo_joins();
        match self.ids.get(&node.id) {
            Some(&i) => merge_node(&mut self.graph[i], node),
            None => {
                let id = node.id.clone();
                let i = self.graph.add_node(node);
                self.ids.insert(id, i);
            }
        }
    }

    /// Adds `weight` undated statements of a relation between two existing nodes (by id),
    /// merging with the same relation between them; its confidence is its evidence's highest
    /// (1 without evidence). Returns false if a node is unknown.
    pub fn add_edge(
        &mut self,
        source: &str,
        target: &str,
        relation: RelationType,
        negated: bool,
        weight: usize,
        evidence: Vec<Evidence>,
    ) -> bool {
        self.insert_edge(
            source,
            target,
            Edge {
                relation,
                negated,
                weight,
                confidence: evidence
                    .iter()
                    .map(|e| e.confidence)
                    .reduce(f32::max)
                    .unwrap_or(1.0),
                evidence,
                dates: BTreeMap::new(),
            },
        )
    }

    /// Adds an edge's statements between two existing nodes (by id), merging them into the
    /// same relation between them: weights and dates add up, evidence keeps the first few.
    /// Returns false if a node is unknown.
    pub fn insert_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        self.undo_joins();
        let (Some(&a), Some(&b)) = (self.ids.get(source), self.ids.get(target)) else {
            return false;
        };
        let (relation, negated) = (edge.relation, edge.negated);
        // Symmetric relations are stored once, endpoints in id order.
        let (a, b) = if relation.is_symmetric() && self.graph[a].id > self.graph[b].id {
            (b, a)
        } else {
            (a, b)
        };
        if a == b {
            return true;
        }
        match self.edges.get(&(a, b, relation, negated)) {
            Some(&e) => {
                let kept = &mut self.graph[e];
                kept.weight += edge.weight;
                kept.confidence = kept.confidence.max(edge.confidence);
                merge_evidence(&mut kept.evidence, edge.evidence);
                add_counts(&mut kept.dates, edge.dates);
            }
            None => {
                let mut edge = edge;
                let evidence = std::mem::take(&mut edge.evidence);
                merge_evidence(&mut edge.evidence, evidence);
                let e = self.graph.add_edge(a, b, edge);
                self.edges.insert((a, b, relation, negated), e);
            }
        }
        true
    }

    /// Merges another graph into this one: both as they were before resolving (see
    /// [`KnowledgeGraph::unresolved`]), so the result needs [`KnowledgeGraph::resolve`].
    /// Merging is associative and commutative. A document both graphs hold would be counted
    /// twice; callers check [`KnowledgeGraph::document`] first.
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        self.undo_joins();
        let unresolved;
        let other = if other.joined.is_empty() {
            other
        } else {
            unresolved = other.unresolved();
            &unresolved
        };
        for d in other.documents() {
            self.add_document(d.clone());
        }
        for n in other.nodes() {
            self.add_node(n.clone());
        }
        for (a, b, e) in other.edges() {
            self.insert_edge(&a.id, &b.id, e.clone());
        }
    }
}

/// The part of `sentence` an evidence keeps: all of it up to [`MAX_EVIDENCE_TEXT`] bytes,
/// else at most that many bytes around the trigger, as evenly as the sentence's ends allow,
/// cut between words where there is a space to cut at.
fn evidence_window(text: &str, sentence: Range<usize>, trigger: Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_EVIDENCE_TEXT {
        return sentence;
    }
    let t_start = trigger.start.clamp(sentence.start, sentence.end);
    let t_end = trigger.end.clamp(t_start, sentence.end);
    let side = MAX_EVIDENCE_TEXT.saturating_sub(t_end - t_start) / 2;
    let mut lo = t_start.saturating_sub(side).max(sentence.start);
    let mut hi = (t_end + side).min(sentence.end);
    // What one side cannot use, the other may.
    if lo == sentence.start {
        hi = (lo + MAX_EVIDENCE_TEXT).min(sentence.end).max(hi);
    } else if hi == sentence.end {
        lo = hi
            .saturating_sub(MAX_EVIDENCE_TEXT)
            .max(sentence.start)
            .min(lo);
    }
    if hi - lo > MAX_EVIDENCE_TEXT {
        // A trigger longer than the window: its start.
        hi = lo + MAX_EVIDENCE_TEXT;
    }
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    // Between words: after the first space of a cut word's side, if it leaves the trigger in.
    if lo > sentence.start && !text[..lo].ends_with(char::is_whitespace) {
        if let Some(space) = text[lo..t_start.max(lo)].find(char::is_whitespace) {
            lo += space;
        }
    }
    if hi < sentence.end && !text[hi..].starts_with(char::is_whitespace) {
        if let Some(space) = text[t_end.min(hi)..hi].rfind(char::is_whitespace) {
            hi = t_end.min(hi) + space;
        }
    }
    let kept = &text[lo..hi];
    let lo = lo + (kept.len() - kept.trim_start().len());
    let hi = hi - (kept.len() - kept.trim_end().len());
    lo..hi.max(lo)
}

/// Keeps the first [`MAX_EVIDENCE`] distinct statements by document and offset, so the kept
/// set does not depend on the order documents arrive in.
fn merge_evidence(kept: &mut Vec<Evidence>, more: Vec<Evidence>) {
    kept.extend(more);
    kept.sort();
    kept.dedup_by(|a, b| a.document == b.document && a.start == b.start && a.trigger == b.trigger);
    kept.truncate(MAX_EVIDENCE);
}

/// Adds counts per date: merging in any order gives the same sums.
fn add_counts(counts: &mut BTreeMap<Date, usize>, more: BTreeMap<Date, usize>) {
    for (date, n) in more {
        *counts.entry(date).or_insert(0) += n;
    }
}

/// Merges `other` into `node` (same id).
pub(super) fn merge_node(node: &mut Node, other: Node) {
    node.label = better_label(&node.label, &other.label).to_string();
    node.aliases.extend(other.aliases);
    node.mentions += other.mentions;
    node.documents.extend(other.documents);
    for (kind, n) in other.type_votes {
        *node.type_votes.entry(kind).or_insert(0) += n;
    }
    add_counts(&mut node.dates, other.dates);
    node.kind = voted_kind(&node.type_votes).unwrap_or(node.kind);
}

/// The type with most votes; ties go to the more specific type, in [`EntityType::ALL`] order.
pub(crate) fn voted_kind(votes: &BTreeMap<EntityType, usize>) -> Option<EntityType> {
    votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
}

/// Of two labels with the same slug, the one with accents and capitals ("García" over
/// "Garcia"), else the smaller: a choice that ignores the order documents arrive in.
fn better_label<'a>(a: &'a str, b: &'a str) -> &'a str {
    let score = |s: &str| {
        (
            s.chars().filter(|c| !c.is_ascii()).count(),
            s.chars().filter(|c| c.is_uppercase()).count(),
        )
    };
    match score(a).cmp(&score(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => a.min(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_keeps_a_sentence_whole_up_to_the_bound() {
        let text = "Ana Vidal accused Peru of dumping steel.";
        assert_eq!(evidence_window(text, 0..text.len(), 10..17), 0..text.len());
    }

    #[test]
    fn evidence_of_a_long_sentence_is_a_window_around_the_trigger_between_words() {
        let before = "alpha ".repeat(400);
        let after = " beta".repeat(400);
        let text = format!("{before}accused{after}");
        let trigger = before.len()..before.len() + "accused".len();
        let w = evidence_window(&text, 0..text.len(), trigger.clone());
        assert!(w.len() <= MAX_EVIDENCE_TEXT, "{}", w.len());
        assert!(w.len() >= MAX_EVIDENCE_TEXT - 12, "{}", w.len());
        assert!(w.start <= trigger.start && trigger.end <= w.end);
        let kept = &text[w.clone()];
        assert!(
            kept.starts_with("alpha ") && kept.ends_with(" beta"),
            "{kept}"
        );
        // Near an end of the sentence, the other side takes the rest of the room.
        let w = evidence_window(&text, 0..text.len(), 0..5);
        assert_eq!(w.start, 0);
        assert!(w.len() >= MAX_EVIDENCE_TEXT - 12);
    }

    #[test]
    fn an_evidence_window_never_splits_a_character() {
        let text = "é".repeat(2000);
        for at in [0, 1000, 1998, 3998] {
            let w = evidence_window(&text, 0..text.len(), at..at + 2);
            assert!(text.get(w.clone()).is_some() && w.len() <= MAX_EVIDENCE_TEXT);
        }
    }
}
