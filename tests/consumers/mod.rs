//! Every output format opened by the programs that read it, with the README's own commands:
//! the code blocks marked `<!-- test: NAME -->` run as written, on the seeds graph and on a
//! graph of awkward strings, followed by a check that what they loaded holds what the graph
//! JSON holds (`python_check.py`, `node/check.cjs`).
//!
//! A consumer that is missing skips its tests, unless its `NEWSGRAPH_REQUIRE_*` variable is
//! set, as `.ci/run` does; then the test fails.

mod browser;
mod graphviz;
mod javascript;
mod neo4j;
mod options;
mod python;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::{awkward_graph, root, tempdir};
use newsgraph::export::{self, Format};

/// The graphs every consumer opens.
#[derive(Debug, Clone, Copy)]
pub enum Sample {
    /// `graphs/seeds.json`.
    Seeds,
    /// [`awkward_graph`]: quotes, markup, control characters, a 55 KB sentence, parallel edges.
    Awkward,
}

pub const SAMPLES: [Sample; 2] = [Sample::Seeds, Sample::Awkward];

/// The code block that follows `<!-- test: NAME -->` in the README.
pub fn readme_block(name: &str) -> String {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let marker = format!("<!-- test: {name} -->");
    let after = readme
        .split_once(&marker)
        .unwrap_or_else(|| panic!("README.md has no {marker}"))
        .1;
    let fence = after
        .trim_start()
        .strip_prefix("```")
        .expect("a code block");
    let body = fence.split_once('\n').expect("a fence line").1;
    body.split_once("```")
        .expect("a closing fence")
        .0
        .to_string()
}

/// Runs a shell script in `dir`, with the newsgraph binary first on the PATH.
pub fn sh(dir: &Path, script: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_newsgraph")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new("sh")
        .args(["-e", "-c", script])
        .env("PATH", path)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Asserts a consumer's run succeeded, showing what it printed either way.
pub fn assert_ran(what: &str, o: &Output) {
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    eprint!("{out}");
    assert!(o.status.success(), "{what} failed:\n{out}\n{err}");
}

/// A directory holding `graph.json` for `sample` and every other format, written from it by
/// the README's export commands.
pub fn exported(sample: Sample) -> tempfile::TempDir {
    let dir = tempdir();
    let json = dir.path().join("graph.json");
    match sample {
        Sample::Seeds => {
            fs::copy(root().join("graphs/seeds.json"), &json).unwrap();
        }
        Sample::Awkward => export::write_file(&awkward_graph(), Format::Json, &json).unwrap(),
    }
    assert_ran(
        "the README's export commands",
        &sh(dir.path(), &readme_block("export")),
    );
    dir
}

/// `tests/consumers/`, where the check scripts are.
pub fn consumers_dir() -> PathBuf {
    root().join("tests/consumers")
}
