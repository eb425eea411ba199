//! Integration tests: one binary, one module per area.

mod util;

mod bad_input;
mod consumers;
mod determinism;
mod distributed;
mod fuzz;
mod gold;
mod json_output;
mod large_graph;
mod merge;
mod ner;
mod nlp;
mod regressions;
mod safety;
mod scale;
mod seeds;
mod time;
