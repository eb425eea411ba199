//! The graph JSON follows the documented schema and loads in networkx.

use crate::util::{available, root};
use std::fs;
use std::process::Command;

#[test]
fn seeds_json_follows_the_schema() {
    let g: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("graphs/seeds.json")).unwrap())
            .unwrap();
    assert_eq!(g["directed"], true);
    assert_eq!(g["multigraph"], true);
    assert!(g["graph"]["generator"]
        .as_str()
        .unwrap()
        .starts_with("newsgraph "));
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for n in g["nodes"].as_array().unwrap() {
        let id = n["id"].as_str().unwrap();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
        for key in ["label", "type", "aliases", "mentions", "documents"] {
            assert!(!n[key].is_null(), "node {id} lacks {key}");
        }
    }
    for e in g["edges"].as_array().unwrap() {
        assert!(ids.contains(&e["source"].as_str().unwrap()));
        assert!(ids.contains(&e["target"].as_str().unwrap()));
        let evidence = e["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty() && evidence.len() <= 5);
        assert!(e["weight"].as_u64().unwrap() >= evidence.len() as u64);
        for ev in evidence {
            // Offsets point at the sentence in the seed file.
            let doc = ev["document"].as_str().unwrap();
            let text = fs::read_to_string(root().join("seeds").join(doc)).unwrap();
            let (s, t) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..t], ev["text"].as_str().unwrap());
        }
    }
}

#[test]
fn networkx_loads_the_json() {
    if !available("python3", "--version", "NEWSGRAPH_REQUIRE_NETWORKX") {
        return;
    }
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .unwrap();
    if !probe.status.success() {
        assert!(
            std::env::var_os("NEWSGRAPH_REQUIRE_NETWORKX").is_none(),
            "networkx is required but missing"
        );
        eprintln!("skipping: networkx not installed");
        return;
    }
    let script = r#"
import json, sys, networkx as nx
data = json.load(open(sys.argv[1]))
g = nx.node_link_graph(data, edges="edges")
assert g.is_directed() and g.is_multigraph()
assert g.number_of_nodes() == len(data["nodes"]), g.number_of_nodes()
assert g.number_of_edges() == len(data["edges"]), g.number_of_edges()
for e in data["edges"]:
    attrs = g.get_edge_data(e["source"], e["target"], key=e["key"])
    assert attrs["relation"] == e["relation"] and attrs["weight"] == e["weight"]
print("ok")
"#;
    let o = Command::new("python3")
        .args([
            "-c",
            script,
            root().join("graphs/seeds.json").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
