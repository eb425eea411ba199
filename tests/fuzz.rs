//! The fuzz harness: property-based targets over generated input (proptest, stable Rust).
//!
//! - [`text_target`]: text of hostile pieces (names, triggers, punctuation, quotes, control
//!   characters, NUL, U+2028, emoji, long runs without an end) → extract → the graph → every
//!   exporter, each output checked by reading it back: JSON and Cytoscape JSON parse, the
//!   graph JSON reads back into the same bytes, GraphML and GEXF parse as XML, DOT strings
//!   and braces close, the Neo4j CSV records all have their header's fields, the extract line
//!   is one line of JSON without a raw U+2028 or U+2029; spans lie on character boundaries
//!   and evidence within its bound.
//! - [`graph_target`]: two generated graphs → JSON → read back → merged both ways and
//!   filtered: the same bytes either way, every output valid; and the JSON cut or with a
//!   byte changed is refused or read, never a panic.
//!
//! `cargo test --release fuzz` runs a few hundred cases of each (CI). The long run is
//! `examples/fuzz.rs`, which reports the cases done clean as it goes (README, Testing).

use std::io::Write as _;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use newsgraph::export::{self, extraction, json, neo4j, Format};
use newsgraph::graph::{DocumentInfo, Evidence, KnowledgeGraph, Node, MAX_EVIDENCE_TEXT};
use newsgraph::{Document, EntityType, Extractor, RelationType};

/// Words and marks that reach the recognizer's, the resolver's and the relation rules'
/// corners: titles, names with connectors, triggers, negation, pronouns, quotes, acronyms.
const PIECES: &[&str] = &[
    "Mexico",
    "U.S.",
    "the",
    "of",
    "al",
    "-",
    "Qaeda",
    "'s",
    "’s",
    "President",
    "Ana",
    "Vidal",
    "(",
    ")",
    "Party",
    "accused",
    "to",
    "that",
    "Cartel",
    "leader",
    ",",
    ".",
    "?",
    "!",
    ";",
    ":",
    "\n",
    "\n\n",
    "Q:",
    "by",
    "and",
    "von",
    "der",
    "García",
    "May",
    "Monday",
    "were",
    "killed",
    "threatened",
    "met",
    "with",
    "not",
    "will",
    "agreement",
    "between",
    "Peru",
    "Chile",
    "officials",
    "Administration",
    "government",
    "Minister",
    "he",
    "they",
    "it",
    "his",
    "their",
    "said",
    "according",
    "(DEA)",
    "DEA",
    "Drug",
    "Enforcement",
    "police",
    "arrested",
    "Mexican",
    "Canadian",
    "troops",
    "\"",
    "“",
    "”",
    "Sen.",
    "J.",
    "Inc.",
    "🚀",
    "é",
    "\u{2028}",
    "\u{2029}",
    "\u{0}",
    "\u{7}",
    "\t",
    "\r\n",
    "\u{feff}",
    "\u{fffd}",
    "&amp;",
    "<b>",
    "\\",
    "…",
];

/// Text: pieces, invented capitalized names and arbitrary characters, with or without spaces.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => "[A-Z][a-z]{1,8}",
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z]{1,6}",
    ];
    let run = (piece, prop_oneof![3 => Just(" "), 1 => Just("")])
        .prop_map(|(p, sep)| format!("{p}{sep}"));
    prop_oneof![
        8 => proptest::collection::vec(run.clone(), 0..120).prop_map(|v| v.concat()),
        // Now and then a long run without an end, past the sentence bound.
        1 => proptest::collection::vec(run, 300..700).prop_map(|v| v.concat().replace(['.', '?', '!', '\n'], " ")),
    ]
}

/// Checks one text through extraction and every exporter.
pub fn text_target(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new("fuzz \"doc\"", text);
    let ex = Extractor::new().extract(&doc);
    for m in &ex.mentions {
        prop_assert!(
            text.get(m.span.clone()).is_some(),
            "mention span {:?}",
            m.span
        );
    }
    for r in &ex.relations {
        prop_assert!(text.get(r.sentence.clone()).is_some());
        prop_assert!(text.get(r.trigger.clone()).is_some());
    }
    let mut line = Vec::new();
    extraction::write_line(&doc, &ex, &mut line).map_err(fail)?;
    let line = String::from_utf8(line).map_err(fail)?;
    prop_assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
    prop_assert!(
        !line.contains(['\u{2028}', '\u{2029}']),
        "raw line separator"
    );
    serde_json::from_str::<serde_json::Value>(&line).map_err(fail)?;
    let mut graph = KnowledgeGraph::new();
    graph.add(&doc, &ex);
    let graph = graph.resolve();
    for (_, _, e) in graph.edges() {
        for ev in &e.evidence {
            prop_assert!(
                ev.text.len() <= MAX_EVIDENCE_TEXT,
                "{} bytes",
                ev.text.len()
            );
        }
    }
    every_output(&graph)
}

/// Writes `graph` in every format and reads each output back.
pub fn every_output(graph: &KnowledgeGraph) -> Result<(), TestCaseError> {
    for (format, _) in Format::ALL {
        if format.is_directory() {
            continue;
        }
        let mut out = Vec::new();
        export::write(graph, format, &mut out).map_err(fail)?;
        let out = String::from_utf8(out).map_err(fail)?;
        match format {
            Format::Json => {
                let back = json::read(&out).map_err(fail)?;
                let mut again = Vec::new();
                json::write(&back, &mut again).map_err(fail)?;
                prop_assert!(
                    again == out.as_bytes(),
                    "the JSON reads back into other bytes"
                );
            }
            Format::Cyjs => {
                serde_json::from_str::<serde_json::Value>(&out).map_err(fail)?;
            }
            Format::GraphMl | Format::Gexf => {
                roxmltree::Document::parse(&out).map_err(fail)?;
            }
            Format::Dot => dot_closes(&out)?,
            Format::Html => prop_assert!(out.trim_end().ends_with("</html>"), "the page is cut"),
            Format::Neo4j => unreachable!("a directory"),
        }
    }
    for write in [neo4j::write_nodes, neo4j::write_relationships] {
        let mut csv_bytes = Vec::new();
        write(graph, &mut csv_bytes).map_err(fail)?;
        let mut reader = csv::ReaderBuilder::new().from_reader(csv_bytes.as_slice());
        let fields = reader.headers().map_err(fail)?.len();
        for record in reader.records() {
            prop_assert_eq!(record.map_err(fail)?.len(), fields);
        }
        // Control characters split no record: only the array separator U+001F, tab and the
        // record ends are left.
        prop_assert!(csv_bytes
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\n' | b'\t' | 0x1F)));
    }
    Ok(())
}

/// Whether every DOT string closes and braces and brackets balance outside strings.
fn dot_closes(dot: &str) -> Result<(), TestCaseError> {
    let (mut depth, mut in_string, mut escaped) = (0i64, false, false);
    for c in dot.chars() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                (false, '\n') => return Err(TestCaseError::fail("a line break in a DOT string")),
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            _ => {}
        }
        prop_assert!(depth >= 0, "a DOT brace closes before it opens");
    }
    prop_assert!(!in_string && depth == 0, "DOT strings or braces left open");
    Ok(())
}

fn fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// A graph of generated names and sentences; its documents' ids start with `prefix`.
fn graph_strategy(prefix: &'static str) -> impl Strategy<Value = KnowledgeGraph> {
    let label = prop_oneof![
        "[A-Z][a-z]{0,6}( [A-Z][a-z]{0,6}){0,2}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ];
    let nodes = proptest::collection::vec((label, 0..EntityType::ALL.len(), 1..4usize), 1..8);
    let edges = proptest::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            0..RelationType::ALL.len(),
            any::<bool>(),
            0..3usize,
            ".{0,40}",
        ),
        0..10,
    );
    (nodes, edges).prop_map(move |(nodes, edges)| {
        let mut g = KnowledgeGraph::new();
        let docs: Vec<String> = (0..3).map(|d| format!("{prefix}{d}")).collect();
        for d in &docs {
            g.add_document(DocumentInfo {
                id: d.clone(),
                ..DocumentInfo::default()
            });
        }
        let mut ids = Vec::new();
        for (n, (label, kind, mentions)) in nodes.into_iter().enumerate() {
            let id = newsgraph::text::slug(&label);
            if id.is_empty() {
                continue;
            }
            let kind = EntityType::ALL[kind];
            g.add_node(Node {
                id: id.clone(),
                label: label.clone(),
                kind,
                aliases: [label].into(),
                mentions,
                documents: [docs[n % docs.len()].clone()].into(),
                type_votes: [(kind, mentions)].into(),
                dates: Default::default(),
            });
            ids.push(id);
        }
        for (a, b, relation, negated, d, sentence) in edges {
            if ids.is_empty() {
                break;
            }
            let evidence = Evidence {
                document: docs[d].clone(),
                start: 0,
                end: sentence.len(),
                // A confidence of every kind, from 0 to 1: it must read back to the same bits.
                confidence: (sentence.len() % 101) as f32 / 100.0,
                reason: sentence.chars().rev().collect(),
                text: sentence,
                window: None,
                trigger: None,
            };
            g.add_edge(
                &ids[a.index(ids.len())],
                &ids[b.index(ids.len())],
                RelationType::ALL[relation],
                negated,
                1,
                vec![evidence],
            );
        }
        g
    })
}

/// Checks two graphs through JSON, merging both ways, filtering and every exporter; and the
/// JSON of the first, damaged at `cut` and `flip`, read without a panic.
pub fn graph_target(
    a: &KnowledgeGraph,
    b: &KnowledgeGraph,
    cut: prop::sample::Index,
    flip: (prop::sample::Index, u8),
) -> Result<(), TestCaseError> {
    let json_of = |g: &KnowledgeGraph| -> Result<String, TestCaseError> {
        let mut out = Vec::new();
        json::write(g, &mut out).map_err(fail)?;
        String::from_utf8(out).map_err(fail)
    };
    let (a_json, b_json) = (
        json_of(&a.clone().resolve())?,
        json_of(&b.clone().resolve())?,
    );
    let a_back = json::read(&a_json).map_err(fail)?;
    let b_back = json::read(&b_json).map_err(fail)?;
    let mut ab = a_back.clone();
    ab.merge(&b_back);
    let mut ba = b_back;
    ba.merge(&a_back);
    let (ab, ba) = (ab.resolve(), ba.resolve());
    prop_assert_eq!(json_of(&ab)?, json_of(&ba)?, "merging depends on the order");
    every_output(&ab)?;
    let filter = newsgraph::graph::Filter {
        top: Some(2),
        ..Default::default()
    };
    every_output(&filter.apply(&ab).map_err(fail)?)?;
    // Damaged JSON is an error or a graph, never a panic.
    let bytes = a_json.as_bytes();
    let cut = &bytes[..cut.index(bytes.len() + 1)];
    let _ = json::read(&String::from_utf8_lossy(cut));
    let mut flipped = bytes.to_vec();
    if !flipped.is_empty() {
        let at = flip.0.index(flipped.len());
        flipped[at] = flip.1;
    }
    if let Ok(g) = json::read(&String::from_utf8_lossy(&flipped)) {
        let mut out = Vec::new();
        json::write(&g, &mut out).map_err(fail)?;
    }
    Ok(())
}

/// Runs `cases` cases of each target from `seed` (deterministic: the same seed gives the same
/// inputs), returning the first failure with its input.
pub fn run(cases: u32, seed: u64) -> Result<(), String> {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = |salt: u64| {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&(seed ^ salt).to_le_bytes());
        proptest::test_runner::TestRng::from_seed(
            proptest::test_runner::RngAlgorithm::ChaCha,
            &bytes,
        )
    };
    TestRunner::new_with_rng(config.clone(), rng(1))
        .run(&text_strategy(), |text| text_target(&text))
        .map_err(|e| format!("text target: {e}"))?;
    let graphs = (
        graph_strategy("a"),
        graph_strategy("b"),
        any::<prop::sample::Index>(),
        (any::<prop::sample::Index>(), any::<u8>()),
    );
    TestRunner::new_with_rng(config, rng(2))
        .run(&graphs, |(a, b, cut, flip)| graph_target(&a, &b, cut, flip))
        .map_err(|e| format!("graph target: {e}"))?;
    let _ = std::io::stderr().flush();
    Ok(())
}

#[test]
fn fuzz_text_and_graphs_briefly() {
    run(300, 0x5EED).unwrap();
}
