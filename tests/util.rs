//! Shared helpers: running the binary, temporary directories, required outside programs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate root: tests run the binary from there so relative paths match the README.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `newsgraph` with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the newsgraph binary runs")
}

/// Runs `newsgraph` with `args` in the crate root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// Runs `newsgraph` with `stdin` as standard input.
pub fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the newsgraph binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Whether an outside program is available. When the environment variable `require` is set
/// (CI sets it), a missing program fails the test instead of skipping it.
pub fn available(program: &str, version_arg: &str, require: &str) -> bool {
    let found = Command::new(program)
        .arg(version_arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os(require).is_none(),
            "{program} is required ({require} is set) but was not found"
        );
        eprintln!("skipping: {program} not found (set {require}=1 to require it)");
    }
    found
}

/// The wikinews corpus (`../shared/corpus/wikinews/wikinews.jsonl`), if present. When
/// `NEWSGRAPH_REQUIRE_CORPUS` is set (CI sets it), a missing corpus fails the test.
pub fn wikinews() -> Option<PathBuf> {
    let path = root().join("../shared/corpus/wikinews/wikinews.jsonl");
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("NEWSGRAPH_REQUIRE_CORPUS").is_none(),
        "{} is required (NEWSGRAPH_REQUIRE_CORPUS is set) but missing",
        path.display()
    );
    eprintln!("skipping: {} not found", path.display());
    None
}
