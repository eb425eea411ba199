//! Regressions found by running whole corpora, each named after what broke.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use newsgraph::{Document, Extractor};

/// Runs the extractor on `text` in a thread and fails if it takes longer than a few seconds
/// (a hang would otherwise stall the whole test run).
fn extract_within_seconds(text: &str) -> newsgraph::Extraction {
    let (tx, rx) = mpsc::channel();
    let doc = Document::new("doc.txt", text);
    thread::spawn(move || {
        let _ = tx.send(Extractor::new().extract(&doc));
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("extraction finishes (it hung before)")
}

// Wikinews' CentOS article writes "End of Life (EOL)" and later "EOL (End Of Life)": each
// name was defined as the other's acronym and joining both ways looped forever.
#[test]
fn acronym_defined_both_ways_does_not_hang() {
    let ex = extract_within_seconds(
        "The project reaches its End of Life (EOL) in June, developers said.\n\n\
         After that, the project lists it as EOL (End Of Life) on its website.\n",
    );
    assert_eq!(ex.entities.len(), 1, "{:?}", ex.entities);
}
