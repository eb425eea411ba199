//! Integration tests: one binary, one module per area.

mod util;

mod bad_input;
mod determinism;
mod distributed;
mod graphviz;
mod json_output;
mod merge;
mod regressions;
mod scale;
mod seeds;
