//! The command-line shell around the library.

pub mod args;
mod commands;

use anyhow::Result;

use args::{Cli, Command};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(a) => commands::build(a),
        Command::Extract(a) => commands::extract(a),
        Command::Convert(a) => commands::convert(a),
        Command::Stats(a) => commands::stats(a),
        Command::Merge(a) => commands::merge(a),
    }
}
