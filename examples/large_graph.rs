//! Writes a news-like graph of any size (hubs, a long tail, dates, evidence) as graph JSON,
//! for benchmarking the HTML view: `scripts/bench-view.sh` runs it.
//! `cargo run --release --example large_graph -- NODES EDGES OUT.json`

#[path = "../tests/large_graph.rs"]
mod large_graph;

use newsgraph::export::{self, Format};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [nodes, edges, out] = &args[..] else {
        eprintln!("usage: large_graph NODES EDGES OUT.json");
        std::process::exit(2);
    };
    let graph = large_graph::large_dated_graph(
        nodes.parse().expect("NODES is a number"),
        edges.parse().expect("EDGES is a number"),
    );
    export::write_file(&graph, Format::Json, std::path::Path::new(out)).expect("writable");
}
