//! The news gold (`eval/gold/`): valid against its texts, the GUM text rule the same in Python
//! and Rust, and the relation model reproducible from it. These read `../shared` (texts, GUM)
//! and skip when it is absent, failing instead when `NEWSGRAPH_REQUIRE_DATA` is set (CI).

use std::fs;
use std::process::Command;

use crate::util::{available, root, run, stderr, tempdir};

fn shared_data() -> bool {
    let gum = root().join("../shared/data/gum/dep");
    let wikinews = root().join("../shared/corpus/wikinews/wikinews.jsonl");
    if gum.is_dir() && wikinews.is_file() {
        return available("python3", "--version", "NEWSGRAPH_REQUIRE_DATA");
    }
    assert!(
        std::env::var_os("NEWSGRAPH_REQUIRE_DATA").is_none(),
        "../shared/data/gum and ../shared/corpus/wikinews are required (NEWSGRAPH_REQUIRE_DATA is set)"
    );
    eprintln!("skipping: ../shared data not found");
    false
}

#[test]
fn news_gold_passes_its_validator() {
    if !shared_data() {
        return;
    }
    let o = Command::new("python3")
        .arg("eval/gold/check.py")
        .current_dir(root())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains("news gold: 338 documents"), "{out}");
}

#[test]
fn gum_texts_are_the_same_in_python_and_rust() {
    if !shared_data() {
        return;
    }
    let script = "import json, sys; sys.path.insert(0, 'eval/gold'); import docs; \
                  print(json.dumps({d['id']: d['text'] for d in docs.load_gum()}))";
    let o = Command::new("python3")
        .args(["-c", script])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let texts: std::collections::BTreeMap<String, String> =
        serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(texts.len(), 43);
    for (id, text) in &texts {
        let path = root().join(format!("../shared/data/gum/dep/{id}.conllu"));
        let rust = newsgraph::relate::train::gum_text(&fs::read_to_string(path).unwrap());
        assert_eq!(&rust, text, "{id}");
        assert!(!text.starts_with(' ') && text.contains('\n'), "{id}");
    }
}

/// `newsgraph train relations` with the shipped model's command gives the shipped model,
/// byte for byte: training is deterministic and the model in `models/` is what the gold
/// and the code make.
#[test]
fn relation_model_is_reproducible_from_the_gold() {
    if !shared_data() {
        return;
    }
    let dir = tempdir();
    let out = dir.path().join("relations.bin");
    let o = run(&[
        "train",
        "relations",
        "--gold",
        root().join("eval/gold").to_str().unwrap(),
        "--wikinews",
        root()
            .join("../shared/corpus/wikinews/wikinews.jsonl")
            .to_str()
            .unwrap(),
        "--gum",
        root().join("../shared/data/gum/dep").to_str().unwrap(),
        "--plover",
        root()
            .join("../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt")
            .to_str()
            .unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read(&out).unwrap() == fs::read(root().join("models/relations.bin")).unwrap(),
        "models/relations.bin is stale: retrain it with the command in models/README.md"
    );
}
