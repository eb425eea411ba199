//! Integration tests: one binary, one module per area.

mod util;

mod bad_input;
mod consumers;
mod determinism;
mod json_output;
mod ner;
mod nlp;
mod seeds;
