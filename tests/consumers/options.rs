//! Choosing formats, filtering and writing a Neo4j directory from the command line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use crate::util::{run, stderr, stdout, tempdir};

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["convert", "graphs/seeds.json", "--format", "json"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn ids(g: &serde_json::Value) -> Vec<&str> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect()
}

fn error(args: &[&str], needle: &str) {
    let o = run(args);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(needle), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn extension_picks_the_format_and_format_names_the_rest() {
    let dir = tempdir();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let o = run(&[
        "convert",
        "graphs/seeds.json",
        "-o",
        &path("g.graphml"),
        "-o",
        &path("g.gexf"),
        "-o",
        &path("g.cyjs"),
        "-o",
        &path("g.gv"),
        "--format",
        "gexf",
        "-o",
        &path("g.xml"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(read("g.graphml").contains("<graphml "));
    assert!(read("g.gexf").contains("<gexf "));
    assert!(read("g.cyjs").contains("\"elements\""));
    assert!(read("g.gv").starts_with("digraph"));
    assert_eq!(
        read("g.xml"),
        read("g.gexf"),
        "no known extension: --format decides"
    );
    for (format, start) in [
        ("graphml", "<?xml"),
        ("gexf", "<?xml"),
        ("cyjs", "{"),
        ("dot", "digraph"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let o = run(&["convert", "graphs/seeds.json", "--format", format]);
        assert!(stdout(&o).starts_with(start), "{format}");
    }
    error(
        &["convert", "graphs/seeds.json", "--format", "svg"],
        "unknown format 'svg' (use json, dot, graphml, gexf, cyjs, html, neo4j)",
    );
    error(
        &["convert", "graphs/seeds.json", "--format", "neo4j"],
        "give it with -o DIR",
    );
    error(
        &["convert", "graphs/seeds.json", "-o", &path("neo4j-out")],
        "unknown output format ''",
    );
}

#[test]
fn outputs_are_readable_like_any_new_file() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempdir();
        let plain = dir.path().join("plain");
        fs::write(&plain, "").unwrap();
        let out = dir.path().join("g.json");
        let neo = dir.path().join("neo");
        let o = run(&["convert", "graphs/seeds.json", "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let o = run(&[
            "convert",
            "graphs/seeds.json",
            "--format",
            "neo4j",
            "-o",
            neo.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain));
        assert_eq!(mode(&neo.join("nodes.csv")), mode(&plain));
        fs::create_dir(dir.path().join("plain-dir")).unwrap();
        assert_eq!(mode(&neo), mode(&dir.path().join("plain-dir")));
    }
}

#[test]
fn neo4j_directory_is_replaced_whole_or_not_at_all() {
    let dir = tempdir();
    let neo = dir.path().join("neo4j");
    let neo_arg = neo.to_str().unwrap();
    let export = |args: &[&str]| {
        let mut all = vec![
            "convert",
            "graphs/seeds.json",
            "--format",
            "neo4j",
            "-o",
            neo_arg,
        ];
        all.extend_from_slice(args);
        run(&all)
    };
    // A new directory, then a previous export replaced.
    assert!(export(&[]).status.success());
    let nodes = fs::read_to_string(neo.join("nodes.csv")).unwrap();
    assert!(nodes
        .starts_with("id:ID,:LABEL,label,type,aliases:string[],mentions:int,documents:string[],first_date,last_date\n"));
    assert!(fs::read_to_string(neo.join("relationships.csv"))
        .unwrap()
        .starts_with(":START_ID,:END_ID,:TYPE,"));
    let o = export(&["--types", "person"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read_to_string(neo.join("nodes.csv"))
            .unwrap()
            .lines()
            .count()
            < nodes.lines().count()
    );
    // Nothing left behind beside it.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["neo4j"]);
    // A directory with anything else in it is left alone.
    fs::write(neo.join("notes.txt"), "mine").unwrap();
    error(
        &[
            "convert",
            "graphs/seeds.json",
            "--format",
            "neo4j",
            "-o",
            neo_arg,
        ],
        "holds 'notes.txt', which is not a newsgraph Neo4j export",
    );
    assert_eq!(fs::read_to_string(neo.join("notes.txt")).unwrap(), "mine");
    // So is a file.
    let file = dir.path().join("file");
    fs::write(&file, "x").unwrap();
    error(
        &[
            "convert",
            "graphs/seeds.json",
            "--format",
            "neo4j",
            "-o",
            file.to_str().unwrap(),
        ],
        "not a directory",
    );
    // An empty directory is filled.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let o = run(&[
        "convert",
        "graphs/seeds.json",
        "--format",
        "neo4j",
        "-o",
        empty.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(empty.join("nodes.csv").is_file());
}

/// Degree of every node of a graph JSON.
fn degrees(g: &serde_json::Value) -> BTreeMap<&str, usize> {
    let mut degree: BTreeMap<&str, usize> = ids(g).into_iter().map(|id| (id, 0)).collect();
    for e in g["edges"].as_array().unwrap() {
        *degree.get_mut(e["source"].as_str().unwrap()).unwrap() += 1;
        *degree.get_mut(e["target"].as_str().unwrap()).unwrap() += 1;
    }
    degree
}

fn sorted<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    items
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

// Expectations are computed from the whole graph, so they hold whatever the seeds yield.
#[test]
fn filters_keep_what_they_say() {
    let all = json(&[]);
    let nodes = all["nodes"].as_array().unwrap();
    let edges = all["edges"].as_array().unwrap();
    let degree = degrees(&all);
    let end = |e: &serde_json::Value, k: &str| e[k].as_str().unwrap().to_string();

    // --focus by label, depth 1: the entity and its neighbours.
    let hub = nodes
        .iter()
        .max_by_key(|n| {
            (
                degree[n["id"].as_str().unwrap()],
                std::cmp::Reverse(n["id"].as_str().unwrap()),
            )
        })
        .unwrap();
    let hub_id = hub["id"].as_str().unwrap();
    let focus = json(&["--focus", hub["label"].as_str().unwrap()]);
    let mut around = vec![hub_id.to_string()];
    for e in edges {
        if end(e, "source") == hub_id {
            around.push(end(e, "target"));
        }
        if end(e, "target") == hub_id {
            around.push(end(e, "source"));
        }
    }
    assert_eq!(ids(&focus), sorted(around.iter().map(String::as_str)));
    let wider = json(&["--focus", hub_id, "--depth", "2"]);
    assert!(ids(&wider).len() >= ids(&focus).len());

    // --types: every entity of those types, related or not.
    let people = json(&["--types", "person"]);
    let persons: Vec<&str> = nodes
        .iter()
        .filter(|n| n["type"] == "person")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids(&people), persons);

    // --relations: those edges and the entities they join.
    let wanted = ["rejects", "threatens", "cooperates-with"];
    let hostile = json(&["--relations", &wanted.join(",")]);
    let kept: Vec<&serde_json::Value> = edges
        .iter()
        .filter(|e| wanted.contains(&e["relation"].as_str().unwrap()))
        .collect();
    assert_eq!(hostile["edges"].as_array().unwrap().len(), kept.len());
    assert_eq!(
        ids(&hostile),
        sorted(
            kept.iter()
                .flat_map(|e| [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()])
        )
    );
    for e in &kept {
        assert!(
            hostile["edges"].as_array().unwrap().contains(e),
            "edges kept unchanged"
        );
    }

    // --min-weight.
    let strong = json(&["--min-weight", "2"]);
    let heavy = edges
        .iter()
        .filter(|e| e["weight"].as_u64().unwrap() >= 2)
        .count();
    assert_eq!(strong["edges"].as_array().unwrap().len(), heavy);

    // --top: by degree, then mentions, then id.
    let top = json(&["--top", "3"]);
    let mut ranked: Vec<&serde_json::Value> = nodes.iter().collect();
    ranked.sort_by_key(|n| {
        let id = n["id"].as_str().unwrap();
        (
            std::cmp::Reverse((degree[id], n["mentions"].as_u64().unwrap())),
            id,
        )
    });
    assert_eq!(
        ids(&top),
        sorted(ranked[..3].iter().map(|n| n["id"].as_str().unwrap()))
    );
    assert_eq!(top["graph"], all["graph"], "every document stays listed");
}

#[test]
fn build_filters_too() {
    let dir = tempdir();
    let out = dir.path().join("g.json");
    let o = run(&[
        "build",
        "seeds",
        "--relations",
        "cooperates-with",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["relation"] == "cooperates-with"));
}

#[test]
fn unknown_filter_names_are_errors() {
    let dir = tempdir();
    let out = dir.path().join("g.json");
    let out = out.to_str().unwrap();
    error(
        &[
            "convert",
            "graphs/seeds.json",
            "--types",
            "person,planet",
            "-o",
            out,
        ],
        "unknown entity type 'planet' (use person, organization",
    );
    error(
        &[
            "convert",
            "graphs/seeds.json",
            "--relations",
            "hugs",
            "-o",
            out,
        ],
        "unknown relation 'hugs' (use cooperates-with",
    );
    error(
        &[
            "convert",
            "graphs/seeds.json",
            "--focus",
            "Atlantis",
            "-o",
            out,
        ],
        "no entity 'Atlantis' in the graph",
    );
    // Names are checked before the articles are read.
    error(
        &["build", "seeds", "--relations", "hugs", "-o", out],
        "unknown relation 'hugs'",
    );
    assert!(!std::path::Path::new(out).exists());
}

#[test]
fn view_writes_the_page_build_writes_and_nothing_else() {
    let dir = tempdir();
    let page = dir.path().join("seeds.html");
    let o = run(&["view", "graphs/seeds.json", "-o", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read(&page).unwrap() == fs::read("graphs/seeds.html").unwrap(),
        "view of the saved graph and build give the same page"
    );
    let json = dir.path().join("seeds.json");
    error(
        &["view", "graphs/seeds.json", "-o", json.to_str().unwrap()],
        "view writes an HTML page (.html); use convert for other formats",
    );
}
