//! Cytoscape.js, graphology (JSON, GEXF, GraphML) and D3 open the outputs with the README's
//! commands, using the packages pinned in `tests/consumers/node/package-lock.json`
//! (`npm ci` there installs them).

use std::fs;
use std::process::Command;

use super::{assert_ran, consumers_dir, exported, readme_block, SAMPLES};
use crate::util::available;

const REQUIRE: &str = "NEWSGRAPH_REQUIRE_NODE";

/// Whether node and the pinned packages are there; a failure when NEWSGRAPH_REQUIRE_NODE is set.
fn node_packages() -> bool {
    if !available("node", "--version", REQUIRE) {
        return false;
    }
    let installed = consumers_dir().join("node/node_modules").is_dir();
    if !installed {
        assert!(
            std::env::var_os(REQUIRE).is_none(),
            "{REQUIRE} is set but tests/consumers/node/node_modules is missing: run `npm ci` there"
        );
        eprintln!(
            "skipping: run `npm ci` in tests/consumers/node to test the JavaScript consumers"
        );
    }
    installed
}

/// Runs the README block `name` as an ES module, then `check` (JavaScript calling the checks
/// in `node/check.cjs` as `check`), on every sample. The packages resolve through a link to
/// `node/node_modules` beside the script, as they would in a project that installed them.
fn run(name: &str, check: &str) {
    for sample in SAMPLES {
        let dir = exported(sample);
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            consumers_dir().join("node/node_modules"),
            dir.path().join("node_modules"),
        )
        .unwrap();
        let script = dir.path().join("open.mjs");
        let check_module = consumers_dir().join("node/check.cjs");
        fs::write(
            &script,
            format!(
                "{}\nimport check from {:?};\n{check}\n",
                readme_block(name),
                check_module.to_str().unwrap()
            ),
        )
        .unwrap();
        let o = Command::new("node")
            .arg(&script)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_ran(&format!("{name} on {sample:?}"), &o);
    }
}

#[test]
fn cytoscape_opens_cyjs_headless() {
    if node_packages() {
        run("cytoscape", "check.cytoscape(cy);");
    }
}

#[test]
fn graphology_opens_json_gexf_and_graphml() {
    if node_packages() {
        run(
            "graphology",
            "check.graphology(graph, fromGexf, fromGraphml);",
        );
    }
}

#[test]
fn d3_links_the_json_edges() {
    if node_packages() {
        run("d3", "check.d3(data, simulation);");
    }
}
