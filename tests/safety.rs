//! Bounded and safe under any input and any flag: one regression test for each thing that
//! broke, named after it.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::util::{run, run_with_stdin, stderr, stdout, tempdir};
use newsgraph::graph::MAX_EVIDENCE_TEXT;
use newsgraph::text::{segment, MAX_SENTENCE_TOKENS};
use newsgraph::{Document, Extractor, KnowledgeGraph};

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn failed_with(o: &std::process::Output, needle: &str) {
    assert!(!o.status.success(), "expected a failure");
    let err = stderr(o);
    assert!(err.contains(needle), "{err} should say {needle}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Names and verbs drawn at random, with no full stop: the paragraph that grew memory and
/// time with the square of its length.
fn paragraph_without_ends(words: usize) -> String {
    let pool = [
        "Mexico",
        "Sheinbaum",
        "the",
        "United",
        "States",
        "accused",
        "and",
        "cartel",
        "Rubio",
        "praised",
        "of",
        "China",
        "government",
        "police",
        "arrested",
    ];
    let mut state: u64 = 1;
    (0..words)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pool[(state % pool.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn text_without_sentence_ends_no_longer_gives_sentences_and_evidence_of_its_whole_length() {
    let text = paragraph_without_ends(20_000);
    let layout = segment(&text);
    assert!(layout
        .sentences
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    let doc = Document::new("p.txt", text.as_str());
    let ex = Extractor::new().extract(&doc);
    let mut graph = KnowledgeGraph::new();
    graph.add(&doc, &ex);
    let graph = graph.resolve();
    assert!(graph.edge_count() > 0);
    let mut json = Vec::new();
    newsgraph::export::json::write(&graph, &mut json).unwrap();
    // Before, every evidence held the whole paragraph: 5 × 130 KB per edge.
    for (_, _, e) in graph.edges() {
        for ev in &e.evidence {
            assert!(ev.text.len() <= MAX_EVIDENCE_TEXT);
            assert!(ev.end - ev.start <= text.len());
            let (from, to) = ev.window.unwrap_or((ev.start, ev.end));
            assert_eq!(&text[from..to], ev.text);
            assert!(ev.start <= from && to <= ev.end);
        }
    }
    assert!(json.len() < 40 * text.len(), "{} bytes", json.len());
}

#[test]
fn a_window_of_evidence_reads_back_from_the_graph_json() {
    let dir = tempdir();
    let input = dir.path().join("p.txt");
    fs::write(&input, paragraph_without_ends(3_000)).unwrap();
    let out = dir.path().join("g.json");
    let o = run(&["build", "-q", arg(&input), "-o", arg(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"window\""), "no evidence was windowed");
    let again = dir.path().join("again.json");
    let o = run(&["convert", arg(&out), "-o", arg(&again)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&again).unwrap(), text);
}

#[test]
fn output_to_a_fifo_is_written_through_not_replaced() {
    let dir = tempdir();
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = run(&["build", "-q", "seeds", "--format", "dot", "-o", arg(&fifo)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(reader.join().unwrap().starts_with("digraph"));
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn dash_as_output_writes_to_standard_output() {
    let o = run(&["build", "-q", "seeds", "-o", "-", "--format", "graphml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<?xml"));
    let o = run_with_stdin(&["extract", "-q", "-", "-o", "-"], "Mexico accused Peru.");
    assert!(
        stdout(&o).starts_with("{\"id\":\"stdin\""),
        "{}",
        stdout(&o)
    );
}

#[test]
fn output_through_a_symlink_replaces_its_target_not_the_link() {
    let dir = tempdir();
    let real = dir.path().join("real.json");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let o = run(&["build", "-q", "seeds", "-o", arg(&link)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("\"nodes\""));
}

#[test]
fn an_output_equal_to_an_input_is_refused_before_any_work() {
    let dir = tempdir();
    let input = dir.path().join("in.jsonl");
    let record = "{\"id\": \"a\", \"text\": \"Mexico accused Peru.\"}\n";
    fs::write(&input, record).unwrap();
    let o = run(&["extract", arg(&input), "-o", arg(&input)]);
    failed_with(&o, "is also an input");
    assert_eq!(fs::read_to_string(&input).unwrap(), record);
    // Through another name of the same file too.
    let link = dir.path().join("same.json");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let graph = dir.path().join("g.json");
    let o = run(&["build", arg(&input), "-o", arg(&graph), "-o", arg(&link)]);
    failed_with(&o, "is also an input");
    assert!(!graph.exists(), "work started before the refusal");
    assert!(run(&["build", "-q", "seeds", "-o", arg(&graph)])
        .status
        .success());
    let o = run(&["convert", arg(&graph), "--top", "2", "-o", arg(&graph)]);
    failed_with(&o, "is also an input");
}

#[test]
fn build_into_with_the_same_graph_as_o_is_refused_and_the_graph_kept() {
    let dir = tempdir();
    let graph = dir.path().join("g.json");
    assert!(run(&["build", "-q", "seeds", "--into", arg(&graph)])
        .status
        .success());
    let saved = fs::read_to_string(&graph).unwrap();
    let o = run(&[
        "build",
        "-q",
        "seeds",
        "--into",
        arg(&graph),
        "--top",
        "3",
        "-o",
        arg(&graph),
    ]);
    failed_with(&o, "is the --into graph");
    assert_eq!(fs::read_to_string(&graph).unwrap(), saved);
}

#[test]
fn threads_beyond_the_maximum_are_refused_with_a_message() {
    let o = run(&["build", "-q", "seeds", "--threads", "100000"]);
    failed_with(&o, "from 1 to 256");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        newsgraph::Pipeline::new(100_000).threads(),
        newsgraph::pipeline::MAX_THREADS
    );
}

/// Starts `extract` writing to `out`, reading standard input that stays open, and sends it
/// `signal` once its temporary output exists.
fn interrupt_extract(signal: &str) -> (std::process::ExitStatus, tempfile::TempDir) {
    let dir = tempdir();
    let out = dir.path().join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "extract",
            "-q",
            "--input-format",
            "jsonl",
            "-",
            "-o",
            arg(&out),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while fs::read_dir(dir.path()).unwrap().count() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no temporary file"
        );
        thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // `wait` closes the child's standard input first: held open here, the child cannot
    // reach the end of its input and finish before the signal is handled.
    let stdin = child.stdin.take();
    let status = child.wait().unwrap();
    drop(stdin);
    (status, dir)
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    for (signal, code) in [("-TERM", 143), ("-INT", 130)] {
        let (status, dir) = interrupt_extract(signal);
        assert_eq!(status.code(), Some(code), "{signal}");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{signal} left {left:?}");
    }
}

#[test]
fn extract_and_build_outputs_get_the_same_mode_as_a_plain_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let plain = dir.path().join("plain");
    fs::write(&plain, "").unwrap();
    let extracted = dir.path().join("e.jsonl");
    let built = dir.path().join("g.json");
    assert!(run(&["extract", "-q", "seeds", "-o", arg(&extracted)])
        .status
        .success());
    assert!(run(&["build", "-q", "seeds", "-o", arg(&built)])
        .status
        .success());
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&extracted), mode(&plain));
    assert_eq!(mode(&built), mode(&plain));
}

#[test]
fn a_byte_order_mark_is_no_longer_malformed_json() {
    let o = run_with_stdin(
        &["extract", "-q", "--input-format", "jsonl", "-"],
        "\u{feff}{\"id\": \"a\", \"text\": \"Mexico accused Peru.\"}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("{\"id\":\"a\""));
    let o = run_with_stdin(&["extract", "-q", "-"], "\u{feff}Mexico accused Peru.");
    assert!(
        stdout(&o).contains("\"start\":0,\"end\":6,\"text\":\"Mexico\""),
        "{}",
        stdout(&o)
    );
}

#[test]
fn two_records_with_one_id_are_no_longer_merged_silently() {
    let dir = tempdir();
    let input = dir.path().join("dup.jsonl");
    fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"Mexico accused Peru.\"}\n\n{\"id\": \"a\", \"text\": \"Peru met Chile.\"}\n",
    )
    .unwrap();
    let o = run(&["build", arg(&input)]);
    failed_with(&o, "dup.jsonl:3: id 'a' was given before, on line 1");
    assert_eq!(stderr(&o).lines().count(), 1);
    let o = run(&["extract", "--skip-bad", arg(&input)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stderr(&o).contains("skipped 1 malformed or repeated record(s)"));
}

#[test]
fn a_nul_byte_no_longer_makes_forced_text_binary() {
    let dir = tempdir();
    let input = dir.path().join("nul.txt");
    fs::write(&input, "Mexico accused\0 Peru of fraud.").unwrap();
    let o = run(&["extract", "--input-format", "text", arg(&input)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"mexico\""), "{}", stdout(&o));
    // Left to guess, a NUL still marks a binary file.
    let o = run(&["extract", arg(&input)]);
    assert!(stderr(&o).contains("looks like a binary file"));
}

#[test]
fn extract_no_longer_writes_raw_line_separators() {
    let o = run_with_stdin(
        &["extract", "-q", "--input-format", "jsonl", "-"],
        "{\"id\": \"a\u{2028}b\u{2029}\", \"text\": \"Mexico accused Peru.\"}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains(['\u{2028}', '\u{2029}']));
    assert!(out.starts_with(r#"{"id":"a\u2028b\u2029""#), "{out}");
}
