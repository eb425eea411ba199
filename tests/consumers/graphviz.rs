//! Graphviz renders our DOT, whatever the names and sentences hold, into well-formed SVG,
//! with `dot` for small graphs and `sfdp` for large ones, from the README's commands.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use super::{assert_ran, exported, readme_block, sh, SAMPLES};
use crate::util::{available, awkward_graph, root, run, stderr, tempdir};
use newsgraph::export::{self, dot, Format};
use newsgraph::graph::{Evidence, KnowledgeGraph, Node};
use newsgraph::{EntityType, RelationType};

const REQUIRE: &str = "NEWSGRAPH_REQUIRE_GRAPHVIZ";

fn render(dot: &Path) -> String {
    render_with("dot", dot)
}

/// Renders `dot` to SVG with Graphviz's `engine` command and checks the SVG is XML.
fn render_with(engine: &str, dot: &Path) -> String {
    let o = Command::new(engine).arg("-Tsvg").arg(dot).output().unwrap();
    assert!(
        o.status.success(),
        "{engine} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let svg = String::from_utf8(o.stdout).expect("SVG is UTF-8");
    parse_svg(&svg);
    svg
}

fn parse_svg(svg: &str) {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, options).expect("SVG is well-formed XML");
}

/// A graph with more edges than `dot` draws quickly: `nodes` entities, `edges` relations, hubs
/// and a tail of lone entities, as news graphs have.
fn large_graph(nodes: usize, edges: usize) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for i in 0..nodes {
        let kind = EntityType::ALL[i % 6];
        let label = format!("Entity {i} of the {kind} kind");
        g.add_node(Node {
            id: format!("entity-{i}"),
            label: label.clone(),
            kind,
            aliases: BTreeSet::from([label]),
            mentions: 1 + (i % 7),
            documents: BTreeSet::from(["d".to_string()]),
            type_votes: BTreeMap::from([(kind, 1)]),
            dates: BTreeMap::new(),
        });
    }
    let mut added = 0;
    let mut i = 0usize;
    while added < edges {
        // Sources spread over the first two thirds, targets favour the first few hubs.
        let a = (i * 7919) % (nodes * 2 / 3);
        let b = if i % 3 == 0 {
            i % 10
        } else {
            (i * 104_729 + 13) % (nodes * 2 / 3)
        };
        let relation = RelationType::ALL[i % RelationType::ALL.len()];
        let evidence = vec![Evidence {
            document: "d".to_string(),
            start: 0,
            end: 10,
            text: format!("Statement {i}."),
            window: None,
            trigger: None,
            confidence: 1.0,
            reason: String::new(),
        }];
        let before = g.edge_count();
        g.add_edge(
            &format!("entity-{a}"),
            &format!("entity-{b}"),
            relation,
            false,
            1 + i % 3,
            evidence,
        );
        added += g.edge_count() - before;
        i += 1;
    }
    g
}

#[test]
fn seeds_dot_renders() {
    if !available("dot", "-V", REQUIRE) {
        return;
    }
    let svg = render(&root().join("graphs/seeds.dot"));
    assert!(svg.contains("Sinaloa Cartel"));
}

#[test]
fn awkward_content_renders() {
    if !available("dot", "-V", REQUIRE) {
        return;
    }
    let dir = tempdir();
    let path = dir.path().join("awkward.dot");
    export::write_file(&awkward_graph(), Format::Dot, &path).unwrap();
    assert!(
        fs::metadata(&path).unwrap().len() < 64 * 1024,
        "long strings are cut"
    );
    let svg = render(&path);
    assert!(svg.contains("García"));
    assert!(svg.contains("🚀"));
}

#[test]
fn readme_render_command_works_on_every_sample() {
    if !available("dot", "-V", REQUIRE) {
        return;
    }
    for sample in SAMPLES {
        let dir = exported(sample);
        assert_ran(
            "the README's dot command",
            &sh(dir.path(), &readme_block("graphviz")),
        );
        parse_svg(&fs::read_to_string(dir.path().join("graph.svg")).unwrap());
    }
}

#[test]
fn small_graphs_use_dot_with_a_grid_of_unrelated_entities() {
    let graph = large_graph(60, 20);
    let mut dot = Vec::new();
    export::write(&graph, Format::Dot, &mut dot).unwrap();
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.contains("layout=dot;"));
    assert!(dot.contains("subgraph cluster_unrelated"));
    assert!(dot.contains("[style=invis]"));
    if available("dot", "-V", REQUIRE) {
        let dir = tempdir();
        fs::write(dir.path().join("small.dot"), &dot).unwrap();
        render(&dir.path().join("small.dot"));
    }
}

#[test]
fn large_graphs_use_sfdp_which_plain_dot_honours() {
    if !available("dot", "-V", REQUIRE) || !available("sfdp", "-V", REQUIRE) {
        return;
    }
    let dir = tempdir();
    let graph = large_graph(450, dot::LARGE_EDGES + 50);
    export::write_file(&graph, Format::Json, &dir.path().join("graph.json")).unwrap();
    // The automatic choice, through the CLI.
    let o = run(&[
        "convert",
        dir.path().join("graph.json").to_str().unwrap(),
        "-o",
        dir.path().join("auto.dot").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let auto = fs::read_to_string(dir.path().join("auto.dot")).unwrap();
    assert!(
        auto.contains("layout=sfdp;"),
        "above {} edges the DOT asks for sfdp",
        dot::LARGE_EDGES
    );
    assert!(!auto.contains("cluster_"), "sfdp has no clusters");
    // The README's command for large graphs; `dot -Tsvg` on a file saying layout=sfdp draws
    // exactly what sfdp draws.
    assert_ran(
        "the README's large-graph commands",
        &sh(dir.path(), &readme_block("graphviz-large")),
    );
    let svg = fs::read_to_string(dir.path().join("graph.svg")).unwrap();
    parse_svg(&svg);
    assert_eq!(
        fs::read(dir.path().join("graph.dot")).unwrap(),
        auto.as_bytes()
    );
    assert_eq!(svg, render_with("sfdp", &dir.path().join("graph.dot")));
}
