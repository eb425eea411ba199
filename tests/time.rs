//! Time, from the records to every edge: dates of JSONL records and `--date`, a bad date
//! warned about by file and line, dates on documents, evidence, edges and nodes, `--since` and
//! `--until` counting what they keep, relations per month in `stats`, dates and sources in
//! `show`, and merging and `--into` keeping all of it, byte for byte whatever the order.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use newsgraph::date::{Date, DateRange};
use serde_json::Value;

use crate::util::{run, run_with_stdin, stderr, stdout, tempdir};

/// Articles about invented states and people, dated by the day, the month, the year, with a
/// time and zone, not at all, and wrongly.
const RECORDS: [&str; 6] = [
    r#"{"id": "a", "title": "Weber accuses Borduria", "date": "2024-01-15", "url": "https://example.org/a", "text": "Ruritanian President Anna Weber accused Borduria of shelling the border town of Klow. Borduria rejected the accusation."}"#,
    r#"{"id": "b", "title": "Weber again", "date": "2024-02", "url": "https://example.org/b", "text": "President Anna Weber accused Borduria again on Tuesday. Weber met French officials in Paris."}"#,
    r#"{"id": "c", "date": "2024-03-20T23:30:00-05:00", "text": "Borduria threatened Ruritania with sanctions. Anna Weber criticized Borduria."}"#,
    r#"{"id": "d", "text": "Anna Weber accused Borduria of lying. Ruritania and Syldavia signed a cooperation agreement."}"#,
    r#"{"id": "e", "date": "next Tuesday", "text": "Syldavia praised Ruritania for its restraint."}"#,
    r#"{"id": "f", "date": "2024", "text": "Syldavia and Ruritania agreed to cooperate on border security."}"#,
];

fn corpus(dir: &Path) -> PathBuf {
    let path = dir.join("dated.jsonl");
    fs::write(&path, RECORDS.join("\n") + "\n").unwrap();
    path
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Builds the records into `dir/g.json`, or `dir/filtered.json` when filtered.
fn build(dir: &Path, extra: &[&str]) -> Value {
    let input = corpus(dir);
    let out = dir.join(if extra.is_empty() {
        "g.json"
    } else {
        "filtered.json"
    });
    let mut args = vec![
        "build",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    read(&out)
}

fn date(v: &Value) -> Date {
    v.as_str().unwrap().parse().unwrap()
}

fn dates(v: &Value) -> BTreeMap<Date, u64> {
    v.get("dates")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, n)| (k.parse().unwrap(), n.as_u64().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

/// `first_date` and `last_date` are the first and last of `dates`, or absent with them.
fn check_span(what: &str, v: &Value) {
    let d = dates(v);
    match (d.keys().next(), d.keys().next_back()) {
        (Some(first), Some(last)) => {
            assert_eq!(date(&v["first_date"]), *first, "{what}");
            assert_eq!(date(&v["last_date"]), *last, "{what}");
        }
        _ => assert!(v.get("first_date").is_none() && v.get("last_date").is_none()),
    }
}

#[test]
fn dates_run_from_the_records_to_every_edge_and_node() {
    let dir = tempdir();
    let input = corpus(dir.path());
    let out = dir.path().join("g.json");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let warning = format!(
        "newsgraph: warning: {}:5: \"date\": 'next Tuesday' is not an ISO 8601 date",
        input.display()
    );
    assert!(stderr(&o).contains(&warning), "{}", stderr(&o));
    let g = read(&out);
    let documents: BTreeMap<&str, &Value> = g["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d))
        .collect();
    let doc_date = |id: &str| documents[id].get("date").and_then(Value::as_str);
    // Days, months and years as written; a time and zone kept to the day written.
    assert_eq!(doc_date("a"), Some("2024-01-15"));
    assert_eq!(doc_date("b"), Some("2024-02"));
    assert_eq!(doc_date("c"), Some("2024-03-20"));
    assert_eq!(doc_date("d"), None);
    assert_eq!(doc_date("e"), None, "a bad date is dropped");
    assert_eq!(doc_date("f"), Some("2024"));
    assert_eq!(documents["a"]["url"], "https://example.org/a");
    let mut spread = false;
    for e in g["edges"].as_array().unwrap() {
        check_span("edge", e);
        let d = dates(e);
        assert!(d.values().sum::<u64>() <= e["weight"].as_u64().unwrap());
        spread |= d.len() > 1;
        for ev in e["evidence"].as_array().unwrap() {
            let document = ev["document"].as_str().unwrap();
            assert_eq!(
                ev.get("date").and_then(Value::as_str),
                doc_date(document),
                "evidence carries its document's date"
            );
        }
    }
    assert!(spread, "some relation is stated on several dates");
    for n in g["nodes"].as_array().unwrap() {
        check_span("node", n);
        assert!(dates(n).values().sum::<u64>() <= n["mentions"].as_u64().unwrap());
    }
}

#[test]
fn since_and_until_keep_what_was_stated_in_the_range_and_count_it() {
    let dir = tempdir();
    let all = build(dir.path(), &[]);
    let graph = dir.path().join("g.json");
    let ranges: [(&[&str], DateRange); 4] = [
        (&["--since", "2024-02"], range(Some("2024-02"), None)),
        (&["--until", "2024-02"], range(None, Some("2024-02"))),
        (
            &["--since", "2024-01-16", "--until", "2024-03-20"],
            range(Some("2024-01-16"), Some("2024-03-20")),
        ),
        (&["--since", "2024"], range(Some("2024"), None)),
    ];
    for (flags, range) in ranges {
        let mut args = vec!["convert", graph.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(flags);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let cut: Value = serde_json::from_str(&stdout(&o)).unwrap();
        // Each edge with statements in the range, weighed by them.
        let mut want: BTreeMap<String, u64> = BTreeMap::new();
        for e in all["edges"].as_array().unwrap() {
            let n: u64 = dates(e)
                .iter()
                .filter(|(d, _)| range.contains(**d))
                .map(|(_, n)| n)
                .sum();
            if n > 0 {
                want.insert(edge_id(e), n);
            }
        }
        let got: BTreeMap<String, u64> = cut["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (edge_id(e), e["weight"].as_u64().unwrap()))
            .collect();
        assert_eq!(got, want, "{flags:?}");
        for e in cut["edges"].as_array().unwrap() {
            check_span("edge", e);
            for ev in e["evidence"].as_array().unwrap() {
                assert!(range.contains(date(&ev["date"])), "{flags:?}: {ev}");
            }
        }
        for n in cut["nodes"].as_array().unwrap() {
            check_span("node", n);
            assert!(dates(n).keys().all(|d| range.contains(*d)));
            assert_eq!(
                n["mentions"].as_u64().unwrap(),
                dates(n).values().sum::<u64>()
            );
        }
        assert_eq!(cut["graph"], all["graph"], "every document stays listed");
        // build filters the same way.
        let built = build(dir.path(), flags);
        assert_eq!(built["edges"], cut["edges"], "{flags:?}");
    }
}

fn range(since: Option<&str>, until: Option<&str>) -> DateRange {
    DateRange {
        since: since.map(|s| s.parse().unwrap()),
        until: until.map(|s| s.parse().unwrap()),
    }
}

fn edge_id(e: &Value) -> String {
    format!("{}->{}:{}", e["source"], e["target"], e["key"])
}

#[test]
fn text_files_take_the_date_given() {
    let dir = tempdir();
    let out = dir.path().join("g.json");
    let o = run(&[
        "build",
        "seeds",
        "--date",
        "2025-03-14T08:00:00Z",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g = read(&out);
    for d in g["graph"]["documents"].as_array().unwrap() {
        assert_eq!(d["date"], "2025-03-14");
    }
    for e in g["edges"].as_array().unwrap() {
        assert_eq!(e["first_date"], "2025-03-14");
        assert_eq!(e["last_date"], "2025-03-14");
    }
}

fn one_line_error(args: &[&str], needle: &str) {
    let o = run(args);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(needle), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_bad_date_on_the_command_line_is_an_error() {
    one_line_error(
        &["build", "seeds", "--date", "tomorrow"],
        "'tomorrow' is not an ISO 8601 date",
    );
    one_line_error(
        &["convert", "graphs/seeds.json", "--since", "2024-13"],
        "'2024-13' is not an ISO 8601 date",
    );
    one_line_error(
        &[
            "convert",
            "graphs/seeds.json",
            "--since",
            "2024-05",
            "--until",
            "2024-04-30",
        ],
        "--since 2024-05 is after --until 2024-04-30",
    );
}

#[test]
fn stats_counts_relations_per_month() {
    let dir = tempdir();
    let g = build(dir.path(), &[]);
    let o = run(&["stats", dir.path().join("g.json").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut undated = 0;
    for e in g["edges"].as_array().unwrap() {
        let mut stated: BTreeMap<String, u64> = BTreeMap::new();
        for (d, n) in dates(e) {
            let key = match d.to_month() {
                Some(m) => m.to_string(),
                None => format!("{d} (no month)"),
            };
            *stated.entry(key).or_default() += n;
        }
        undated += e["weight"].as_u64().unwrap() - dates(e).values().sum::<u64>();
        for (m, n) in stated {
            let entry = months.entry(m).or_default();
            entry.0 += 1;
            entry.1 += n;
        }
    }
    assert!(months.len() >= 2, "{months:?}");
    for (month, (relations, statements)) in months {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&month))
            .unwrap_or_else(|| panic!("no line for {month}:\n{out}"));
        let numbers: Vec<&str> = line[month.len() + 2..].split_whitespace().collect();
        assert_eq!(
            numbers,
            [relations.to_string(), statements.to_string()],
            "{line}"
        );
    }
    assert_eq!(out.contains("undated"), undated > 0, "{out}");
}

#[test]
fn show_lists_relations_strongest_first_with_sentences_sources_and_dates() {
    let dir = tempdir();
    build(dir.path(), &[]);
    let graph = dir.path().join("g.json");
    let graph = graph.to_str().unwrap();
    let o = run(&["show", graph, "Weber"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Anna Weber (anna-weber)\n"), "{out}");
    // The strongest relation first, with its dates, its sentences (trigger in brackets) and
    // where they come from.
    let first = out.split("\n1. ").nth(1).unwrap();
    assert!(
        first.starts_with("Anna Weber -accuses-> Borduria  (3 statements, 2024-01-15 to 2024-02)"),
        "{out}"
    );
    assert!(first.contains("Anna Weber [accused] Borduria"), "{out}");
    assert!(
        first.contains("\"Weber accuses Borduria\" (a), 2024-01-15, https://example.org/a"),
        "{out}"
    );
    let o = run(&["show", graph, "anna-weber", "--relation", "criticizes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("1 relation of criticizes:"), "{out}");
    assert!(!out.contains("accuses"), "{out}");
    // A near miss gets suggestions.
    let o = run(&["show", graph, "Ana Webber"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no entity 'Ana Webber' in ")
            && stderr(&o).contains("did you mean Anna Weber (anna-weber)?"),
        "{}",
        stderr(&o)
    );
}

/// The graph one build of these records gives, read from standard input (no paths).
fn build_stdin(records: &[&str], into: Option<&Path>) -> Vec<u8> {
    let dir = tempdir();
    let out = dir.path().join("g.json");
    let mut args = vec!["build", "--input-format", "jsonl", "-", "-q"];
    match into {
        Some(graph) => args.extend(["--into", graph.to_str().unwrap()]),
        None => args.extend(["-o", out.to_str().unwrap()]),
    }
    let o = run_with_stdin(&args, &(records.join("\n") + "\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    fs::read(into.unwrap_or(&out)).unwrap()
}

#[test]
fn merge_and_into_keep_the_dates_whatever_the_order() {
    let one = build_stdin(&RECORDS, None);
    let dir = tempdir();
    // One graph per record, merged in two orders.
    let mut shards = Vec::new();
    for (i, r) in RECORDS.iter().enumerate() {
        let path = dir.path().join(format!("{i}.json"));
        fs::write(&path, build_stdin(&[r], None)).unwrap();
        shards.push(path.to_str().unwrap().to_string());
    }
    for order in [shards.clone(), shards.iter().rev().cloned().collect()] {
        let out = dir.path().join("merged.json");
        let mut args = vec!["merge", "-q", "-o", out.to_str().unwrap()];
        args.extend(order.iter().map(String::as_str));
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(fs::read(&out).unwrap() == one, "merging gave another graph");
    }
    // Added in two steps to a saved graph, the later records first.
    let saved = dir.path().join("saved.json");
    build_stdin(&RECORDS[3..], Some(&saved));
    let added = build_stdin(&RECORDS[..3], Some(&saved));
    assert!(added == one, "--into gave another graph");
    assert!(String::from_utf8(one).unwrap().contains("\"first_date\""));
}

#[test]
fn the_page_of_a_dated_graph_is_the_same_whatever_the_order() {
    let dir = tempdir();
    let mut pages = Vec::new();
    for (i, order) in [RECORDS.to_vec(), RECORDS.iter().rev().copied().collect()]
        .iter()
        .enumerate()
    {
        let page = dir.path().join(format!("{i}.html"));
        let o = run_with_stdin(
            &[
                "build",
                "--input-format",
                "jsonl",
                "-",
                "-q",
                "-o",
                page.to_str().unwrap(),
            ],
            &(order.join("\n") + "\n"),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        pages.push(fs::read(&page).unwrap());
    }
    assert!(pages[0] == pages[1], "the page depends on the input order");
    let page = String::from_utf8(pages.pop().unwrap()).unwrap();
    assert!(page.contains("\"first_date\":\"2024-01-15\""));
}

#[test]
fn a_graph_whose_dates_are_wrong_is_refused_by_name() {
    let dir = tempdir();
    let mut g = build(dir.path(), &[]);
    let path = dir.path().join("wrong.json");
    let edge = &mut g["edges"][0];
    let too_many = edge["weight"].as_u64().unwrap() + 1;
    let (source, target) = (edge["source"].clone(), edge["target"].clone());
    edge["dates"] = serde_json::json!({"2024-01-15": too_many});
    fs::write(&path, g.to_string()).unwrap();
    one_line_error(
        &["convert", path.to_str().unwrap()],
        &format!(
            "{}: not a newsgraph graph: edge {} -> {}: dates count {too_many} statements",
            path.display(),
            source.as_str().unwrap(),
            target.as_str().unwrap()
        ),
    );
    g["edges"][0]["dates"] = serde_json::json!({"2024-02-30": 1});
    fs::write(&path, g.to_string()).unwrap();
    one_line_error(
        &["stats", path.to_str().unwrap()],
        "dates: '2024-02-30' is not an ISO 8601 date",
    );
}
