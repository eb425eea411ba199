//! Every kind of bad input: a clear one-line message naming the file, a non-zero status, no
//! panic, no partial output.

use crate::util::{run, run_in, run_with_stdin, stderr, stdout, tempdir};
use std::fs;

fn one_line_error(o: &std::process::Output, needle: &str) {
    assert!(!o.status.success(), "expected failure");
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("newsgraph: error: "), "{err}");
    assert!(err.contains(needle), "{err} should name {needle}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_path() {
    let o = run(&["build", "no/such/file.txt"]);
    one_line_error(&o, "no/such/file.txt: no such file or directory");
}

#[test]
fn directory_without_readable_files() {
    let dir = tempdir();
    fs::write(dir.path().join("image.png"), b"png").unwrap();
    let o = run(&["build", dir.path().to_str().unwrap()]);
    one_line_error(&o, "no readable files");
    one_line_error(&o, dir.path().to_str().unwrap());
}

#[test]
fn empty_file_is_an_empty_graph() {
    let dir = tempdir();
    let input = dir.path().join("empty.txt");
    fs::write(&input, "").unwrap();
    let out = dir.path().join("g.json");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let graph: serde_json::Value = serde_json::from_str(&fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 0);
    assert_eq!(graph["graph"]["documents"][0]["id"], "empty.txt");
}

#[test]
fn non_utf8_file_is_decoded_with_one_warning() {
    let dir = tempdir();
    let input = dir.path().join("latin1.txt");
    fs::write(
        &input,
        b"Officials in Mexico met Canadian diplomats in Ottawa. Caf\xe9 \xe9t\xe9.",
    )
    .unwrap();
    let o = run(&["build", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("not valid UTF-8").count(), 1, "{err}");
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(stdout(&o).contains("\"mexico\""));
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let dir = tempdir();
    fs::write(dir.path().join("a.txt"), "Mexico rejected the plan.").unwrap();
    fs::write(dir.path().join("blob.txt"), b"\x00\x01\x02binary\x00").unwrap();
    let o = run(&["build", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("blob.txt: skipped: looks like a binary file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn malformed_jsonl_names_file_and_line() {
    let dir = tempdir();
    let input = dir.path().join("news.jsonl");
    fs::write(
        &input,
        "{\"text\": \"Mexico met Canada.\"}\n{\"text\": \"broken\"\n{\"id\": \"x\"}\n",
    )
    .unwrap();
    let o = run(&["build", input.to_str().unwrap()]);
    one_line_error(&o, "news.jsonl:2: malformed JSON");
}

#[test]
fn record_without_text_names_file_and_line() {
    let dir = tempdir();
    let input = dir.path().join("news.jsonl");
    fs::write(
        &input,
        "{\"text\": \"Mexico met Canada.\"}\n\n{\"id\": \"x\"}\n",
    )
    .unwrap();
    let o = run(&["extract", input.to_str().unwrap()]);
    one_line_error(&o, "news.jsonl:3: record has no \"text\" field");
}

#[test]
fn skip_bad_skips_and_reports() {
    let dir = tempdir();
    let input = dir.path().join("news.jsonl");
    fs::write(&input, "{\"text\": \"Mexico met Canada.\"}\nnot json\n{\"id\": \"x\"}\n{\"text\": \"Peru.\", \"id\": \"p\"}\n").unwrap();
    let o = run(&["extract", "--skip-bad", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
    assert!(
        stderr(&o).contains("skipped 2 malformed or repeated record(s)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_in_a_missing_directory() {
    let o = run(&["build", "seeds", "-o", "no/such/dir/g.json"]);
    one_line_error(&o, "no/such/dir/g.json");
    assert!(!std::path::Path::new("no").exists());
}

#[test]
fn unknown_output_extension() {
    let dir = tempdir();
    let out = dir.path().join("graph.xyz");
    let o = run(&["build", "seeds", "-o", out.to_str().unwrap()]);
    one_line_error(&o, "unknown output format 'xyz'");
    assert!(!out.exists());
}

#[test]
fn convert_and_stats_reject_what_is_not_a_graph() {
    let dir = tempdir();
    let fake = dir.path().join("fake.json");
    fs::write(&fake, "{\"nodes\": []}").unwrap();
    let out = dir.path().join("out.dot");
    let o = run(&[
        "convert",
        fake.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    one_line_error(&o, "fake.json: not a newsgraph graph");
    assert!(!out.exists());
    let o = run(&["stats", fake.to_str().unwrap()]);
    one_line_error(&o, "fake.json: not a newsgraph graph");
    let o = run(&["stats", "missing.json"]);
    one_line_error(&o, "missing.json: no such file or directory");
}

#[test]
fn a_failed_build_leaves_no_partial_output() {
    let dir = tempdir();
    let good = dir.path().join("ok.json");
    let input = dir.path().join("bad.jsonl");
    fs::write(&input, "{\"text\": \"Mexico met Canada.\"}\n{oops}\n").unwrap();
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        good.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(!good.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the input remains");
}

#[test]
fn stdin_is_text() {
    let o = run_with_stdin(
        &["build", "-", "--format", "json"],
        "Mexico accused Canada of dumping steel.",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"id\": \"stdin\""));
}

#[test]
fn bad_lexicon_names_file_and_line() {
    let dir = tempdir();
    let lex = dir.path().join("lex.json");
    fs::write(
        &lex,
        "{\"entities\": [\n  {\"name\": \"X\", \"type\": \"planet\"}\n]}",
    )
    .unwrap();
    let o = run_in(
        dir.path(),
        &[
            "build",
            "--lexicon",
            "lex.json",
            &crate::util::root().join("seeds").to_string_lossy(),
        ],
    );
    one_line_error(&o, "lex.json:2: unknown entity type 'planet'");
}
