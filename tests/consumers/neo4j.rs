//! The Neo4j CSV: read as `neo4j-admin database import` reads it (RFC 4180, one record per
//! line, typed headers, arrays split at U+001F), and imported by the README's command when a
//! scratch Neo4j installation is given.

use std::process::Command;

use super::python::{python_module, run_python};
use super::{assert_ran, exported, readme_block, sh, SAMPLES};

#[test]
fn neo4j_csv_reads_back_as_the_importer_reads_it() {
    // Only the standard library's csv module: any python3 will do.
    if !python_module("csv", "NEWSGRAPH_REQUIRE_NETWORKX") {
        return;
    }
    for sample in SAMPLES {
        let dir = exported(sample);
        run_python(
            dir.path(),
            &format!("the Neo4j CSV check on {sample:?}"),
            "import python_check\npython_check.neo4j_csv()\n",
        );
    }
}

/// The README's import command, into the scratch Neo4j 5 installation named by
/// `NEWSGRAPH_NEO4J_HOME` (its `neo4j` database is overwritten). Skipped without one, unless
/// `NEWSGRAPH_REQUIRE_NEO4J` is set.
#[test]
fn neo4j_admin_imports_the_csv() {
    let Some(home) = std::env::var_os("NEWSGRAPH_NEO4J_HOME") else {
        assert!(
            std::env::var_os("NEWSGRAPH_REQUIRE_NEO4J").is_none(),
            "NEWSGRAPH_REQUIRE_NEO4J is set but NEWSGRAPH_NEO4J_HOME does not name a Neo4j installation"
        );
        eprintln!("skipping: set NEWSGRAPH_NEO4J_HOME to a scratch Neo4j 5 installation to run neo4j-admin");
        return;
    };
    let home = std::path::PathBuf::from(home);
    for sample in SAMPLES {
        let dir = exported(sample);
        let script = format!(
            "export NEO4J_HOME={:?}; PATH=\"$NEO4J_HOME/bin:$PATH\"\n{}",
            home.to_str().unwrap(),
            readme_block("neo4j")
        );
        let o = sh(dir.path(), &script);
        assert_ran(&format!("neo4j-admin import of {sample:?}"), &o);
        let report = String::from_utf8_lossy(&o.stdout);
        assert!(report.contains("IMPORT DONE"), "{report}");
    }
    // The import tool exists where the README says it does.
    assert!(Command::new(home.join("bin/neo4j-admin"))
        .arg("--version")
        .output()
        .is_ok());
}
