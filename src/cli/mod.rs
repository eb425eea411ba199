//! The command-line shell around the library.

pub mod args;
mod clash;
mod commands;
mod ner;
mod nlp;
mod relations;
mod show;
pub mod signals;

use anyhow::Result;

use args::{Cli, Command, TrainCommand};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(a) => commands::build(a),
        Command::Extract(a) => commands::extract(a),
        Command::Convert(a) => commands::convert(a),
        Command::Stats(a) => commands::stats(a),
        Command::Explain(a) => relations::explain(a),
        Command::View(a) => commands::view(a),
        Command::Show(a) => show::show(a),
        Command::Train(TrainCommand::Tagger(a)) => nlp::train_tagger(a),
        Command::Train(TrainCommand::Parser(a)) => nlp::train_parser(a),
        Command::Evaluate(a) => nlp::evaluate(a),
        Command::Annotate(a) => nlp::annotate(a),
        Command::Train(TrainCommand::Ner(a)) => ner::train(a),
        Command::Train(TrainCommand::Relations(a)) => relations::train(a),
        Command::EvaluateNer(a) => ner::evaluate(a),
        Command::Merge(a) => commands::merge(a),
    }
}
