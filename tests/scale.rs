//! Streaming, threads and incremental builds from the command line: the same bytes with one
//! thread or several, `merge` and `build --into` giving what one build gives.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{root, run, run_with_stdin, stderr, tempdir, wikinews};

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stderr(&o)
}

fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

/// The corpus to run on: wikinews when present, else the seeds.
fn corpus() -> String {
    wikinews().map_or_else(
        || root().join("seeds").to_string_lossy().into_owned(),
        |p| p.to_string_lossy().into_owned(),
    )
}

#[test]
fn one_thread_and_several_give_the_same_bytes() {
    let dir = tempdir();
    let corpus = corpus();
    let mut outputs = Vec::new();
    for threads in ["1", "3"] {
        let graph = path(dir.path(), &format!("g{threads}.json"));
        let lines = path(dir.path(), &format!("e{threads}.jsonl"));
        ok(&[
            "build",
            &corpus,
            "-j",
            threads,
            "-q",
            "-o",
            graph.to_str().unwrap(),
        ]);
        ok(&[
            "extract",
            &corpus,
            "-j",
            threads,
            "-q",
            "-o",
            lines.to_str().unwrap(),
        ]);
        outputs.push((fs::read(graph).unwrap(), fs::read(lines).unwrap()));
    }
    assert!(
        outputs[0].0 == outputs[1].0,
        "build differs between 1 and 3 threads"
    );
    assert!(
        outputs[0].1 == outputs[1].1,
        "extract differs between 1 and 3 threads"
    );
}

#[test]
fn extract_lines_stay_in_input_order() {
    let dir = tempdir();
    let input = path(dir.path(), "many.jsonl");
    let records: String = (0..300)
        .map(|i| {
            format!("{{\"id\": \"d{i:03}\", \"text\": \"Mexico accused Canada of fraud {i}.\"}}\n")
        })
        .collect();
    fs::write(&input, records).unwrap();
    let o = run(&["extract", input.to_str().unwrap(), "-j", "4", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("d{i:03}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn summary_line_unless_quiet_and_no_progress_bar_off_a_terminal() {
    let dir = tempdir();
    let graph = path(dir.path(), "g.json");
    let seeds = root().join("seeds");
    let err = ok(&[
        "build",
        seeds.to_str().unwrap(),
        "-o",
        graph.to_str().unwrap(),
    ]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("newsgraph: 2 document(s), ")
            && lines[0].contains(" entities, ")
            && lines[0].contains(" relations in ")
            && lines[0].ends_with(" MB/s)"),
        "{err}"
    );
    let err = ok(&[
        "extract",
        seeds.to_str().unwrap(),
        "-o",
        path(dir.path(), "e.jsonl").to_str().unwrap(),
    ]);
    assert!(
        err.starts_with("newsgraph: 2 document(s), ") && err.lines().count() == 1,
        "{err}"
    );
    let err = ok(&[
        "build",
        seeds.to_str().unwrap(),
        "-q",
        "-o",
        graph.to_str().unwrap(),
    ]);
    assert_eq!(err, "");
}

#[test]
fn merged_shards_equal_one_build() {
    let dir = tempdir();
    let seeds = seeds();
    let (a, b, one, all) = (
        path(dir.path(), "a.json"),
        path(dir.path(), "b.json"),
        path(dir.path(), "one.json"),
        path(dir.path(), "all.json"),
    );
    ok(&["build", &seeds[0], "-q", "-o", a.to_str().unwrap()]);
    ok(&["build", &seeds[1], "-q", "-o", b.to_str().unwrap()]);
    ok(&[
        "build",
        &seeds[0],
        &seeds[1],
        "-q",
        "-o",
        one.to_str().unwrap(),
    ]);
    let err = ok(&[
        "merge",
        b.to_str().unwrap(),
        a.to_str().unwrap(),
        "-o",
        all.to_str().unwrap(),
    ]);
    assert!(
        err.starts_with("newsgraph: merged 2 graph(s): 2 document(s)"),
        "{err}"
    );
    assert!(fs::read(&one).unwrap() == fs::read(&all).unwrap());
    // Graphs one after another in one stream, as `cat` and Spark's part files give them.
    let stream = [
        fs::read_to_string(&a).unwrap(),
        fs::read_to_string(&b).unwrap(),
    ]
    .concat();
    let o = run_with_stdin(&["merge", "-", "-q"], &stream);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout == fs::read(&one).unwrap());
}

#[test]
fn build_into_adds_to_a_saved_graph_and_skips_what_it_holds() {
    let dir = tempdir();
    let seeds = seeds();
    let (into, one) = (path(dir.path(), "into.json"), path(dir.path(), "one.json"));
    ok(&[
        "build",
        &seeds[0],
        &seeds[1],
        "-q",
        "-o",
        one.to_str().unwrap(),
    ]);
    ok(&["build", "--into", into.to_str().unwrap(), &seeds[1], "-q"]);
    ok(&["build", "--into", into.to_str().unwrap(), &seeds[0], "-q"]);
    assert!(fs::read(&one).unwrap() == fs::read(&into).unwrap());
    let err = ok(&["build", "--into", into.to_str().unwrap(), &seeds[0]]);
    assert!(
        err.contains("skipped 1 document(s) the graph already holds"),
        "{err}"
    );
    assert!(fs::read(&one).unwrap() == fs::read(&into).unwrap());
}

#[test]
fn merge_refuses_a_document_in_two_graphs() {
    let dir = tempdir();
    let seeds = seeds();
    let (a, b) = (path(dir.path(), "a.json"), path(dir.path(), "b.json"));
    ok(&["build", &seeds[0], "-q", "-o", a.to_str().unwrap()]);
    ok(&[
        "build",
        &seeds[0],
        &seeds[1],
        "-q",
        "-o",
        b.to_str().unwrap(),
    ]);
    let o = run(&["merge", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("is also in") && err.contains("a.json"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
