//! The HTML view in a real browser (Chromium through Selenium, `browser_check.py`), used as a
//! person would: the seeds page, a page of awkward strings and a page of 5,000 entities and
//! 20,000 relations load from `file://` with no console message and no network request; every
//! node is drawn; typing a name selects it; a click on a relation shows its sentence; moving
//! the date filter hides the relations outside it. Screenshots of every step go to
//! `target/view-screenshots/`.

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use super::python::python_module;
use super::{assert_ran, consumers_dir, exported, readme_block, sh, Sample};
use crate::large_graph::large_dated_graph;
use crate::util::{available, root};
use newsgraph::export::{self, Format};

const REQUIRE: &str = "NEWSGRAPH_REQUIRE_BROWSER";

/// Whether Chromium, its driver and Selenium are there; a failure when
/// NEWSGRAPH_REQUIRE_BROWSER is set.
fn browser() -> bool {
    available("chromium", "--version", REQUIRE)
        && available("chromedriver", "--version", REQUIRE)
        && python_module("selenium", REQUIRE)
}

fn screenshots(name: &str) -> PathBuf {
    root().join("target/view-screenshots").join(name)
}

/// Runs `browser_check.py` on a page and the graph it was written from.
fn check(page: &std::path::Path, graph: &std::path::Path, args: &[&str], shots: &str) {
    let o = Command::new("python3")
        .arg(consumers_dir().join("browser_check.py"))
        .arg(page)
        .arg(graph)
        .args(args)
        .arg("--screenshots")
        .arg(screenshots(shots))
        .output()
        .unwrap();
    assert_ran(&format!("the browser on {}", page.display()), &o);
}

#[test]
fn seeds_page_works_in_a_browser() {
    if !browser() {
        return;
    }
    let dir = exported(Sample::Seeds);
    assert_ran(
        "the README's view command",
        &sh(dir.path(), &readme_block("view")),
    );
    check(
        &dir.path().join("graph.html"),
        &dir.path().join("graph.json"),
        &[
            "--search",
            "Sheinbaum=claudia-sheinbaum",
            "--edge",
            "trump->mexican-cartels:threatens",
        ],
        "seeds",
    );
}

#[test]
fn awkward_strings_stay_text_in_a_browser() {
    if !browser() {
        return;
    }
    let dir = exported(Sample::Awkward);
    assert_ran(
        "the README's view command",
        &sh(dir.path(), &readme_block("view")),
    );
    check(
        &dir.path().join("graph.html"),
        &dir.path().join("graph.json"),
        &[
            "--search",
            "zambada garcia=accents",
            "--edge",
            "quote->accents:threatens",
        ],
        "awkward",
    );
}

#[test]
fn a_page_of_5000_entities_and_20000_relations_works_in_a_browser() {
    if !browser() {
        return;
    }
    // Kept beside the screenshots, to open by hand.
    let dir = screenshots("large");
    fs::create_dir_all(&dir).unwrap();
    let json = dir.join("large.json");
    let html = dir.join("large.html");
    let graph = large_dated_graph(5000, 20_000);
    assert_eq!((graph.node_count(), graph.edge_count()), (5000, 20_000));
    export::write_file(&graph, Format::Json, &json).unwrap();
    let started = Instant::now();
    let o = crate::util::run(&["view", json.to_str().unwrap(), "-o", html.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    eprintln!(
        "newsgraph view: {:.1} s, {} MB",
        started.elapsed().as_secs_f64(),
        fs::metadata(&html).unwrap().len() / 1_000_000
    );
    // The strongest relation of the first hub, and an entity found by its alias.
    let edges = graph.edges();
    let (a, b, e) = edges
        .iter()
        .filter(|(a, _, _)| a.id == "entity-00001")
        .max_by_key(|(_, _, e)| e.weight)
        .unwrap();
    let edge = format!("{}->{}:{}", a.id, b.id, json_key(e));
    check(
        &html,
        &json,
        &[
            "--search",
            "E4321=entity-04321",
            "--edge",
            &edge,
            "--narrow",
            "--dates",
            "--max-load-seconds",
            "60",
        ],
        "large",
    );
}

fn json_key(e: &newsgraph::graph::Edge) -> String {
    newsgraph::export::json::edge_key(e.relation, e.negated)
}

/// Adds a `confidence` (0..1) and a `reason` to every edge and evidence sentence of a graph
/// JSON value, as a relation model that gives them writes them.
fn with_confidence(graph: &mut serde_json::Value) {
    for (i, e) in graph["edges"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let confidence = (i % 10) as f64 / 10.0 + 0.05;
        e["confidence"] = confidence.into();
        e["reason"] = format!("pattern {i} <b>matched</b>").into();
        for ev in e["evidence"].as_array_mut().unwrap() {
            ev["confidence"] = confidence.into();
            ev["reason"] = format!("the verb of sentence {i}").into();
        }
    }
}

#[test]
fn confidence_gets_a_filter_and_reasons_are_shown_when_edges_carry_them() {
    if !browser() {
        return;
    }
    let dir = exported(Sample::Seeds);
    assert_ran(
        "the README's view command",
        &sh(dir.path(), &readme_block("view")),
    );
    // The page's data as it is when the graph has confidences and reasons: put in here,
    // since this graph JSON has none to carry through.
    let page = dir.path().join("graph.html");
    let html = fs::read_to_string(&page).unwrap();
    let open = r#"<script type="application/json" id="newsgraph-data">"#;
    let (head, rest) = html.split_once(open).unwrap();
    let (data, tail) = rest.split_once("</script>").unwrap();
    let mut data: serde_json::Value = serde_json::from_str(data).unwrap();
    with_confidence(&mut data["graph"]);
    let data = serde_json::to_string(&data)
        .unwrap()
        .replace('<', "\\u003c");
    fs::write(&page, format!("{head}{open}{data}</script>{tail}")).unwrap();
    let json = dir.path().join("confident.json");
    let mut graph: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("graph.json")).unwrap()).unwrap();
    with_confidence(&mut graph);
    fs::write(&json, graph.to_string()).unwrap();
    check(
        &page,
        &json,
        &["--confidence", "--edge", "trump->mexican-cartels:threatens"],
        "confidence",
    );
}
