//! Command-line flags, as clap parses them. `commands` turns them into checked settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn news articles into a knowledge graph of who did what to whom, with evidence.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a graph from articles and write it as JSON or DOT.
    #[command(
        after_help = "Examples:\n  newsgraph build seeds/ -o graphs/seeds.json -o graphs/seeds.dot\n  newsgraph build archive.jsonl --format dot | dot -Tsvg > graph.svg"
    )]
    Build(BuildArgs),
    /// Print what each article holds, one JSON object per article per line, before merging.
    #[command(after_help = "Example:\n  newsgraph extract articles.jsonl > extracted.jsonl")]
    Extract(ExtractArgs),
    /// Re-export a saved graph in another format without re-reading the articles.
    #[command(after_help = "Example:\n  newsgraph convert graphs/seeds.json -o graphs/seeds.dot")]
    Convert(ConvertArgs),
    /// Show counts per type and the most connected entities of a saved graph.
    #[command(after_help = "Example:\n  newsgraph stats graphs/seeds.json --top 10")]
    Stats(StatsArgs),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score the named-entity tagger on annotated sentences (CrossNER or Universal NER).
    #[command(
        name = "evaluate-ner",
        after_help = "Example:\n  newsgraph evaluate-ner ../shared/data/crossner-politics/test.txt"
    )]
    EvaluateNer(EvaluateNerArgs),
}

/// How inputs are read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively: *.txt, *.md, *.jsonl) or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Read every input as this format (default: .jsonl files are JSONL, the rest text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// Skip malformed JSONL records and report how many, instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// A user lexicon (JSON) adding entities, aliases, suppressions and triggers.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Print no warnings or summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Input formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    /// One article per file.
    Text,
    /// One JSON record per line with a "text" field.
    Jsonl,
}

/// Flags of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file; repeat for several. The extension picks the format (.json, .dot, .gv).
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format for standard output when no -o is given.
    #[arg(long, value_name = "FORMAT", default_value = "json")]
    pub format: String,
}

/// Flags of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input selection.
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to this file instead of standard output.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Flags of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// A graph written by newsgraph (JSON).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Output file; repeat for several. The extension picks the format.
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format for standard output when no -o is given.
    #[arg(long, value_name = "FORMAT", default_value = "dot")]
    pub format: String,
}

/// Flags of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// A graph written by newsgraph (JSON).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// How many of the most connected entities to list.
    #[arg(long, default_value_t = 15)]
    pub top: usize,
}

/// What `train` trains.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger (an averaged perceptron; see models/NER.md).
    #[command(
        after_help = "Example:\n  newsgraph train ner --train ../shared/data/uner-english-ewt/en_ewt-ud-train.iob2 \\\n    ../shared/data/crossner-politics/train.txt --dev ../shared/data/crossner-politics/dev.txt -o models/ner.bin"
    )]
    Ner(TrainNerArgs),
}

/// Annotation formats of NER data.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NerFormatArg {
    /// CrossNER: token TAB tag.
    Crossner,
    /// Universal NER (.iob2).
    Uner,
}

/// Flags of `train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training files (CrossNER or Universal NER); a file given twice counts twice.
    #[arg(long = "train", required = true, num_args = 1.., value_name = "FILE")]
    pub train: Vec<PathBuf>,
    /// Development files, scored after every epoch.
    #[arg(long = "dev", num_args = 1.., value_name = "FILE")]
    pub dev: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Drop features seen fewer times than this.
    #[arg(long, default_value_t = 2)]
    pub cutoff: u32,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Drop averaged weights below this fraction of the largest.
    #[arg(long, default_value_t = 0.0)]
    pub prune: f64,
    /// Beam width (0: greedy, trained with the gold history).
    #[arg(long, default_value_t = 4)]
    pub beam: usize,
    /// Train this many models (seeds SEED, SEED+1, …) and average them into one.
    #[arg(long, default_value_t = 3)]
    pub models: usize,
    /// Format of every file (default: guessed per file).
    #[arg(long, value_enum)]
    pub format: Option<NerFormatArg>,
}

/// Flags of `evaluate-ner`.
#[derive(Debug, Args)]
pub struct EvaluateNerArgs {
    /// Annotated files, each scored on its own.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Format of every file (default: guessed per file).
    #[arg(long, value_enum)]
    pub format: Option<NerFormatArg>,
    /// A model file instead of the embedded model.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Join each sentence's tokens with spaces and split them with newsgraph's tokenizer.
    #[arg(long)]
    pub retokenize: bool,
    /// Score as eval/ner.py does: MISC unscored, predictions overlapping a gold MISC name ignored.
    #[arg(long)]
    pub lenient: bool,
}
