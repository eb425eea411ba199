//! The named-entity tagger: score floors of the committed model on the public test sets, and
//! the `train ner` and `evaluate-ner` commands end to end.

use crate::util::{run, stderr, tempdir};
use newsgraph::ner::corpus;
use newsgraph::ner::eval::{evaluate, Scores, Tokens};
use newsgraph::ner::{EntityKind, Ner};
use std::fs;
use std::path::PathBuf;

const REQUIRE: &str = "NEWSGRAPH_REQUIRE_DATA";

/// A file of the shared data directory (`../shared/data`, or `$NEWSGRAPH_DATA`), if present.
fn data(path: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSGRAPH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::util::root().join("../shared/data"));
    let file = dir.join(path);
    if file.is_file() {
        return Some(file);
    }
    assert!(
        std::env::var_os(REQUIRE).is_none(),
        "{} is required ({REQUIRE} is set) but was not found",
        file.display()
    );
    eprintln!(
        "skipping: {} not found (set {REQUIRE}=1 to require it)",
        file.display()
    );
    None
}

fn scores(path: &str) -> Option<Scores> {
    let (_, sentences) = corpus::read(&data(path)?, None).unwrap();
    Some(evaluate(Ner::embedded(), &sentences, Tokens::Given))
}

/// F1 floors a few points under what the committed model measured (models/NER.md), so a
/// regression shows.
fn check(scores: &Scores, micro: f64, per_kind: [f64; 3]) {
    let f = scores.micro().f1();
    assert!(f >= micro, "micro F1 {f:.3} < {micro}\n{scores}");
    for (kind, floor) in [EntityKind::Per, EntityKind::Org, EntityKind::Loc]
        .into_iter()
        .zip(per_kind)
    {
        let f = scores.kind(kind).f1();
        assert!(f >= floor, "{kind} F1 {f:.3} < {floor}\n{scores}");
    }
}

#[test]
fn crossner_politics_test_floor() {
    // Measured: micro 0.812; PER 0.847, ORG 0.800, LOC 0.799.
    if let Some(s) = scores("crossner-politics/test.txt") {
        check(&s, 0.79, [0.82, 0.77, 0.77]);
    }
}

#[test]
fn universal_ner_ewt_test_floor() {
    // Measured: micro 0.730; PER 0.796, ORG 0.556, LOC 0.791.
    if let Some(s) = scores("uner-english-ewt/en_ewt-ud-test.iob2") {
        check(&s, 0.70, [0.76, 0.52, 0.76]);
    }
}

#[test]
fn gum_test_floor() {
    // Named person, organization and place mentions of GUM's test documents (src/ner/gum.rs).
    let Some(text) = crate::util::gum_test(&[]) else {
        return;
    };
    let sentences = corpus::parse(&text, corpus::Format::Gum, "GUM test").unwrap();
    let s = evaluate(Ner::embedded(), &sentences, Tokens::Given);
    check(&s, 0.55, [0.5, 0.4, 0.55]);
}

#[test]
fn train_then_evaluate_from_the_command_line() {
    let dir = tempdir();
    let train = dir.path().join("train.txt");
    let mut text = String::new();
    for (first, last, place) in [
        ("Anna", "Berg", "Oslo"),
        ("Tomas", "Kral", "Lima"),
        ("Lea", "Moreau", "Quito"),
    ] {
        text.push_str(&format!(
            "{first}\tB-person\n{last}\tI-person\nvisited\tO\n{place}\tB-location\n.\tO\n\n"
        ));
    }
    fs::write(&train, &text).unwrap();
    let model = dir.path().join("m.bin");
    let (t, m) = (train.to_str().unwrap(), model.to_str().unwrap());
    let o = run(&[
        "train", "ner", "--train", t, "--dev", t, "-o", m, "--epochs", "3", "--cutoff", "1",
        "--models", "1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("epoch  3"), "{}", stderr(&o));
    let o = run(&["evaluate-ner", "--model", m, "--format", "crossner", t]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("3 sentences, 15 tokens"), "{out}");
    let micro = out.lines().find(|l| l.starts_with("micro")).unwrap();
    assert!(micro.ends_with("1.000"), "{out}");
}

#[test]
fn a_damaged_model_file_is_a_one_line_error() {
    let dir = tempdir();
    let model = dir.path().join("bad.bin");
    fs::write(&model, b"NGNERMDL\x01\x00\x00\x00garbage").unwrap();
    let corpus = dir.path().join("c.txt");
    fs::write(&corpus, "Paris\tB-location\n").unwrap();
    let o = run(&[
        "evaluate-ner",
        "--model",
        model.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.starts_with("newsgraph: error: "), "{err}");
    assert!(err.contains("bad.bin"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
