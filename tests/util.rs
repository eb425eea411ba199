//! Shared helpers: running the binary, temporary directories, required outside programs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newsgraph::graph::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node};
use newsgraph::{Date, EntityType, RelationType};

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

fn node(id: &str, label: &str, aliases: &[&str], kind: EntityType) -> Node {
    Node {
        id: id.to_string(),
        label: label.to_string(),
        kind,
        aliases: std::iter::once(label)
            .chain(aliases.iter().copied())
            .map(str::to_string)
            .collect(),
        mentions: 1,
        documents: BTreeSet::from(["doc \"1\"".to_string()]),
        type_votes: BTreeMap::from([(kind, 1)]),
        dates: BTreeMap::from([(date("2025-03-14"), 1)]),
    }
}

/// A sentence of about 55 KB.
pub fn long_sentence() -> String {
    "A very long sentence. ".repeat(2500)
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A graph whose every string is hostile to some format: quotes, backslashes, accents, emoji,
/// markup, entities, control characters, CSV and array delimiters, newlines, a 55 KB sentence;
/// parallel, negated and symmetric edges, and relations with and without CAMEO codes. Its one
/// document has a date and a URL; its statements are dated by the day, the month or the year.
pub fn awkward_graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_document(DocumentInfo {
        id: "doc \"1\"".to_string(),
        title: Some("A <title> & \"quotes\"".to_string()),
        path: None,
        date: Some(date("2025-03-14")),
        url: Some("https://example.org/a?b=1&c=\"2\"".to_string()),
    });
    let nodes = [
        (
            "quote",
            "Say \"hello\" \\ back\\",
            &["O'Brien, Jr.", "semi;colon|pipe"][..],
        ),
        (
            "accents",
            "Ismael Zambada García “El Mayo”",
            &["Zambada\tGarcía"][..],
        ),
        (
            "emoji",
            "Rocket 🚀 Corp & <Sons>",
            &["]]> & <![CDATA[x]]>"][..],
        ),
        (
            "control",
            "Bell\u{7}Null\u{0}Esc\u{1b}Unit\u{1f}Del\u{7f}C1\u{85}",
            &["nonchar\u{FFFE}\u{FFFF}"][..],
        ),
        ("entity", "&amp; &#x1; &lt;", &["=cmd|' /C calc'!A0"][..]),
        ("newline", "Line one\nLine two\r\n", &["tab\there"][..]),
        ("odd \"id\", <x> & y;z", "Odd id", &[][..]),
    ];
    for (i, (id, label, aliases)) in nodes.iter().enumerate() {
        g.add_node(node(id, label, aliases, EntityType::ALL[i % 6]));
    }
    let long = long_sentence();
    let evidence = |text: &str| Evidence {
        document: "doc \"1\"".to_string(),
        start: 0,
        end: text.len(),
        text: text.to_string(),
        window: None,
        trigger: Some((0, 1, "\\".to_string())),
        confidence: 1.0,
        reason: String::new(),
    };
    let edges = [
        (
            "quote",
            "accents",
            RelationType::Accuses,
            false,
            3,
            long.as_str(),
        ),
        (
            "quote",
            "accents",
            RelationType::Accuses,
            true,
            1,
            "He did not \"accuse\" them,\nreally.",
        ),
        (
            "quote",
            "accents",
            RelationType::Threatens,
            false,
            2,
            "a, b; c | d\r\ne\tf",
        ),
        (
            "emoji",
            "control",
            RelationType::CooperatesWith,
            true,
            1,
            "<b>&\u{7}\"\u{1f}",
        ),
        ("entity", "newline", RelationType::MemberOf, false, 1, "x\\"),
        (
            "odd \"id\", <x> & y;z",
            "emoji",
            RelationType::Praises,
            false,
            1,
            "🚀 ’quoted’ ]]>",
        ),
    ];
    let dates = [
        "2025-03-14",
        "2025-03",
        "2025",
        "2024-12-31",
        "2025-03-14",
        "2025-03-14",
    ];
    for ((a, b, relation, negated, weight, text), d) in edges.into_iter().zip(dates) {
        let edge = Edge {
            relation,
            negated,
            weight,
            confidence: 1.0,
            evidence: vec![evidence(text)],
            dates: BTreeMap::from([(date(d), 1)]),
        };
        assert!(g.insert_edge(a, b, edge));
    }
    g
}

/// The CoNLL-U text of GUM's test documents (those `SPLIT.txt` marks `test`) of the given
/// genres (all when `genres` is empty), from the shared data directory (`../shared/data`, or
/// `$NEWSGRAPH_DATA`). `None`, with a note, when GUM is not there; a failure then when
/// `NEWSGRAPH_REQUIRE_DATA` is set.
pub fn gum_test(genres: &[&str]) -> Option<String> {
    let dir = std::env::var_os("NEWSGRAPH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/data"))
        .join("gum");
    let split = dir.join("SPLIT.txt");
    let Ok(list) = std::fs::read_to_string(&split) else {
        assert!(
            std::env::var_os("NEWSGRAPH_REQUIRE_DATA").is_none(),
            "{} is required (NEWSGRAPH_REQUIRE_DATA is set) but was not found",
            split.display()
        );
        eprintln!("skipped: {} not found", split.display());
        return None;
    };
    let mut text = String::new();
    for line in list.lines().filter(|l| l.starts_with("test\t")) {
        let doc = &line["test\t".len()..];
        let genre = doc.split('_').nth(1).unwrap_or("");
        if genres.is_empty() || genres.contains(&genre) {
            let path = dir.join("dep").join(format!("{doc}.conllu"));
            text.push_str(&std::fs::read_to_string(&path).expect("a GUM document"));
            text.push('\n');
        }
    }
    Some(text)
}
