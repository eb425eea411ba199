//! The same input gives byte-identical outputs, whatever the order of inputs.

use crate::util::{run, stderr, tempdir};
use std::fs;

#[test]
fn input_order_does_not_change_the_graph() {
    let dir = tempdir();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let seeds: Vec<String> = {
        let mut v: Vec<String> = fs::read_dir(crate::util::root().join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let o = run(&["build", &seeds[0], &seeds[1], "-o", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["build", &seeds[1], &seeds[0], "-o", b.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap());
}

#[test]
fn convert_round_trips_json() {
    let dir = tempdir();
    let again = dir.path().join("again.json");
    let o = run(&[
        "convert",
        "graphs/seeds.json",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        fs::read("graphs/seeds.json").unwrap(),
        fs::read(again).unwrap()
    );
}
