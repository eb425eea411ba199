//! Beyond one machine, with engines that exist: shards built by GNU parallel and by a Spark
//! job (PySpark in local mode) merge into the graph one build gives, byte for byte. The
//! commands are the README's, with the binary under test for `newsgraph`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::{available, root, tempdir, wikinews};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newsgraph")
}

/// The archive to shard: wikinews, or the seeds as JSONL records when it is missing.
fn archive(dir: &Path) -> PathBuf {
    if let Some(path) = wikinews() {
        return path;
    }
    let mut out = String::new();
    for entry in fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let record = serde_json::json!({
            "id": path.file_name().unwrap().to_string_lossy(),
            "text": fs::read_to_string(&path).unwrap(),
        });
        out.push_str(&format!("{record}\n"));
    }
    let path = dir.join("seeds.jsonl");
    fs::write(&path, out).unwrap();
    path
}

/// One build over the whole archive read from standard input, as the shards read theirs.
fn one_build(archive: &Path, dir: &Path) -> Vec<u8> {
    let out = dir.join("one.json");
    let status = Command::new(bin())
        .args(["build", "--input-format", "jsonl", "-", "-q", "-o"])
        .arg(&out)
        .stdin(fs::File::open(archive).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    fs::read(out).unwrap()
}

#[test]
fn gnu_parallel_shards_merge_into_one_build() {
    if !available("parallel", "--version", "NEWSGRAPH_REQUIRE_PARALLEL") {
        return;
    }
    let dir = tempdir();
    let archive = archive(dir.path());
    let shards = dir.path().join("shards");
    fs::create_dir(&shards).unwrap();
    // Blocks of about a third of the archive: at least two shards, whatever its size.
    let block = (fs::metadata(&archive).unwrap().len() / 3).max(1000);
    let o = Command::new("parallel")
        .args(["--pipepart", "-a"])
        .arg(&archive)
        .args(["--block", &block.to_string(), "-j", "2"])
        .arg(format!(
            "{} build --input-format jsonl - --threads 1 -q -o {}/{{#}}.json",
            bin(),
            shards.display()
        ))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut parts: Vec<PathBuf> = fs::read_dir(&shards)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    parts.sort();
    assert!(parts.len() >= 2, "{parts:?}");
    let merged = dir.path().join("all.json");
    let o = Command::new(bin())
        .arg("merge")
        .args(&parts)
        .args(["-q", "-o"])
        .arg(&merged)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let one = one_build(&archive, dir.path());
    assert!(
        fs::read(&merged).unwrap() == one,
        "the merged shards differ from one build"
    );
    // The variant for several hosts: every shard's graph on parallel's standard output.
    let o = Command::new("parallel")
        .args(["--pipepart", "-a"])
        .arg(&archive)
        .args(["--block", &block.to_string()])
        .arg(format!(
            "{} build --input-format jsonl - --threads 1 -q",
            bin()
        ))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stream = dir.path().join("shards.json");
    fs::write(&stream, &o.stdout).unwrap();
    let o = Command::new(bin())
        .arg("merge")
        .arg(&stream)
        .arg("-q")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stdout == one,
        "the merged stream of shards differs from one build"
    );
}

#[test]
fn spark_job_pipes_shards_through_build_and_merges_them() {
    if !available("java", "-version", "NEWSGRAPH_REQUIRE_SPARK") {
        return;
    }
    let pyspark = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !pyspark {
        assert!(
            std::env::var_os("NEWSGRAPH_REQUIRE_SPARK").is_none(),
            "pyspark is required (NEWSGRAPH_REQUIRE_SPARK is set) but missing"
        );
        eprintln!("skipping: pyspark not installed (pip install pyspark)");
        return;
    }
    let dir = tempdir();
    let archive = archive(dir.path());
    let merged = dir.path().join("spark.json");
    let o = Command::new("python3")
        .arg(root().join("scripts/spark_build.py"))
        .arg(&archive)
        .arg(&merged)
        .args([
            "--partitions",
            "3",
            "--master",
            "local[2]",
            "--newsgraph",
            bin(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        fs::read(&merged).unwrap() == one_build(&archive, dir.path()),
        "the Spark job's graph differs from one build"
    );
}
