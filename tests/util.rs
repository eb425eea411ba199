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
        trigger: Some((0, 1, "\\".to_string())),
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
            evidence: vec![evidence(text)],
            dates: BTreeMap::from([(date(d), 1)]),
        };
        assert!(g.insert_edge(a, b, edge));
    }
    g
}

/// A news-like graph of `nodes` entities and `edges` relations, dated: hubs and a long tail,
/// a few entities without relations, every relation stated one to four times in documents
/// of 2023 and 2024 (some dated by the month or the year only), each with an evidence
/// sentence, a title and a URL. Deterministic.
pub fn large_dated_graph(nodes: usize, edges: usize) -> KnowledgeGraph {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 33) as usize % n
    };
    let mut g = KnowledgeGraph::new();
    let documents = (edges / 10).max(10);
    let mut dates = Vec::with_capacity(documents);
    for d in 0..documents {
        let (year, month, day) = (2023 + next(2), 1 + next(12), 1 + next(28));
        let date = match d % 20 {
            0 => format!("{year}"),
            1 | 2 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let date = self::date(&date);
        dates.push(date);
        g.add_document(DocumentInfo {
            id: format!("doc-{d:05}"),
            title: Some(format!("Report number {d} on the region")),
            path: None,
            date: Some(date),
            url: Some(format!("https://news.example.org/{d}")),
        });
    }
    let labels: Vec<String> = (0..nodes)
        .map(|i| {
            format!(
                "{} {i}",
                ["Agency", "Minister", "Republic", "City", "Militia", "Accord"][i % 6]
            )
        })
        .collect();
    let mut statements: Vec<Vec<(usize, usize, RelationType, Vec<usize>)>> = Vec::new();
    let mut seen = BTreeSet::new();
    let related = nodes - nodes / 20;
    let mut mentioned: Vec<BTreeMap<Date, usize>> = vec![BTreeMap::new(); nodes];
    let mut in_documents: Vec<BTreeSet<String>> = vec![BTreeSet::new(); nodes];
    while seen.len() < edges {
        // Sources spread out, targets favour a few hubs.
        let a = next(related);
        let b = if next(3) == 0 {
            next(20)
        } else {
            next(related)
        };
        let relation = RelationType::ALL[next(RelationType::ALL.len())];
        if a == b || !seen.insert((a.min(b), a.max(b), relation)) {
            continue;
        }
        let docs: Vec<usize> = (0..1 + next(4)).map(|_| next(documents)).collect();
        for &d in &docs {
            for n in [a, b] {
                *mentioned[n].entry(dates[d]).or_insert(0) += 1;
                in_documents[n].insert(format!("doc-{d:05}"));
            }
        }
        statements.push(vec![(a, b, relation, docs)]);
    }
    for i in 0..nodes {
        let kind = EntityType::ALL[i % 6];
        let mut dates_of = mentioned[i].clone();
        let mut documents_of = in_documents[i].clone();
        if dates_of.is_empty() {
            dates_of.insert(dates[i % documents], 1);
            documents_of.insert(format!("doc-{:05}", i % documents));
        }
        g.add_node(Node {
            id: format!("entity-{i:05}"),
            label: labels[i].clone(),
            kind,
            aliases: BTreeSet::from([labels[i].clone(), format!("E{i}")]),
            mentions: dates_of.values().sum(),
            documents: documents_of,
            type_votes: BTreeMap::from([(kind, 1)]),
            dates: dates_of,
        });
    }
    for (a, b, relation, docs) in statements.into_iter().flatten() {
        let evidence = docs
            .iter()
            .map(|&d| {
                let text = format!("{} {relation} {} again.", labels[a], labels[b]);
                let start = labels[a].len() + 1;
                Evidence {
                    document: format!("doc-{d:05}"),
                    start: 0,
                    end: text.len(),
                    trigger: Some((start, start + relation.as_str().len(), relation.to_string())),
                    text,
                }
            })
            .collect();
        let mut dated = BTreeMap::new();
        for &d in &docs {
            *dated.entry(dates[d]).or_insert(0) += 1;
        }
        let edge = Edge {
            relation,
            negated: next(10) == 0,
            weight: docs.len(),
            evidence,
            dates: dated,
        };
        assert!(g.insert_edge(&format!("entity-{a:05}"), &format!("entity-{b:05}"), edge));
    }
    g
}
