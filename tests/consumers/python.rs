//! networkx and igraph open the JSON, GraphML and GEXF with the README's commands.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::{assert_ran, consumers_dir, exported, readme_block, SAMPLES};
use crate::util::available;

/// Whether `python3` can import `module`; a failure when `require` is set.
pub fn python_module(module: &str, require: &str) -> bool {
    if !available("python3", "--version", require) {
        return false;
    }
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os(require).is_none(),
            "the Python module {module} is required ({require} is set) but missing"
        );
        eprintln!("skipping: Python module {module} not installed (set {require}=1 to require it)");
    }
    found
}

/// Runs `code` with python3 in `dir`, where `python_check` can be imported.
pub fn run_python(dir: &Path, what: &str, code: &str) {
    let script = dir.join("open.py");
    fs::write(&script, code).unwrap();
    let o = Command::new("python3")
        .arg(&script)
        .env("PYTHONPATH", consumers_dir())
        .current_dir(dir)
        .output()
        .unwrap();
    assert_ran(what, &o);
}

#[test]
fn networkx_opens_json_graphml_and_gexf() {
    if !python_module("networkx", "NEWSGRAPH_REQUIRE_NETWORKX") {
        return;
    }
    for sample in SAMPLES {
        let dir = exported(sample);
        let code = readme_block("networkx")
            + "\nimport python_check\npython_check.networkx(from_json, from_graphml, from_gexf)\n";
        run_python(dir.path(), &format!("networkx on {sample:?}"), &code);
    }
}

#[test]
fn igraph_opens_graphml() {
    if !python_module("igraph", "NEWSGRAPH_REQUIRE_IGRAPH") {
        return;
    }
    for sample in SAMPLES {
        let dir = exported(sample);
        let code = readme_block("igraph") + "\nimport python_check\npython_check.igraph(g)\n";
        run_python(dir.path(), &format!("igraph on {sample:?}"), &code);
    }
}
