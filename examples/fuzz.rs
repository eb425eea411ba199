//! The fuzz harness's long run: the targets of `tests/fuzz.rs`, round after round of fresh
//! seeds, with the cases done clean so far printed after each round.
//!
//! `nice cargo run --release --example fuzz -- [ROUNDS] [CASES_PER_ROUND] [FIRST_SEED]`
//! (defaults: 1000 rounds of 10,000 cases of each target, seed 1). It stops at the first
//! failure, printing the input that fails (shrunk) and the seed that reproduces it.

#[allow(dead_code)]
#[path = "../tests/fuzz.rs"]
mod fuzz;

use std::time::Instant;

fn main() {
    let arg = |n: usize, default: u64| {
        std::env::args()
            .nth(n)
            .map_or(default, |a| a.parse().expect("a number"))
    };
    let (rounds, cases, first) = (arg(1, 1000), arg(2, 10_000), arg(3, 1));
    let started = Instant::now();
    for round in 0..rounds {
        let seed = first + round;
        if let Err(failure) = fuzz::run(cases as u32, seed) {
            println!("seed {seed}: FAILED: {failure}");
            std::process::exit(1);
        }
        println!(
            "seed {seed}: {} cases of each target clean ({} in all), {:.0} s",
            (round + 1) * cases,
            2 * (round + 1) * cases,
            started.elapsed().as_secs_f64()
        );
    }
}
