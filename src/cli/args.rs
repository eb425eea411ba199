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
    /// Build a graph from articles and write it: JSON, DOT, GraphML, GEXF, Cytoscape, Neo4j CSV.
    #[command(
        after_help = "Examples:\n  newsgraph build seeds/ -o graphs/seeds.json -o graphs/seeds.dot\n  newsgraph build archive.jsonl --format dot | dot -Tsvg > graph.svg"
    )]
    Build(BuildArgs),
    /// Print what each article holds, one JSON object per article per line, before merging.
    #[command(after_help = "Example:\n  newsgraph extract articles.jsonl > extracted.jsonl")]
    Extract(ExtractArgs),
    /// Re-export a saved graph, in other formats or filtered, without re-reading the articles.
    #[command(after_help = "Example:\n  newsgraph convert graphs/seeds.json -o graphs/seeds.dot")]
    Convert(ConvertArgs),
    /// Show counts per type and the most connected entities of a saved graph.
    #[command(after_help = "Example:\n  newsgraph stats graphs/seeds.json --top 10")]
    Stats(StatsArgs),
    /// Merge graphs built from separate sets of articles into the graph one build would give.
    #[command(
        after_help = "Examples:\n  newsgraph merge shard-*.json -o all.json\n  cat shard-*.json | newsgraph merge - -o all.json"
    )]
    Merge(MergeArgs),
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
    /// Print no warnings, progress or summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Extraction threads (default: one per core). The output is the same for any number.
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub threads: usize,
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
    /// Output file; repeat for several. The extension picks the format (.json, .dot, .gv,
    /// .graphml, .gexf, .cyjs); a Neo4j export is a directory (--format neo4j).
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format of standard output (default json) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, neo4j.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Add the articles to this graph (JSON) and write it back, whole (filters apply to the
    /// -o outputs only); articles it already holds (same id) are skipped. Created if missing.
    #[arg(long, value_name = "GRAPH.json")]
    pub into: Option<PathBuf>,
    /// Layout and filters.
    #[command(flatten)]
    pub export: ExportArgs,
}

/// Flags of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graphs written by newsgraph (JSON), or - for standard input; a file may hold several
    /// graphs one after another.
    #[arg(required = true, value_name = "GRAPH.json")]
    pub graphs: Vec<PathBuf>,
    /// Output file; repeat for several. The extension picks the format (.json, .dot, .gv,
    /// .graphml, .gexf, .cyjs); a Neo4j export is a directory (--format neo4j).
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format of standard output (default json) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, neo4j.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layout and filters.
    #[command(flatten)]
    pub export: ExportArgs,
    /// Print no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
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
    /// Format of standard output (default dot) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, neo4j.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layout and filters.
    #[command(flatten)]
    pub export: ExportArgs,
}

/// What `build`, `convert` and `merge` share: the DOT layout and the filters, applied in the
/// order listed (see `newsgraph::graph::filter`).
#[derive(Debug, Args)]
#[command(next_help_heading = "Export")]
pub struct ExportArgs {
    /// Graphviz layout engine the DOT output asks for (auto: dot, or sfdp for large graphs).
    #[arg(long, value_enum, value_name = "ENGINE", default_value = "auto")]
    pub layout: LayoutArg,
    /// Keep relations stated at least N times, and the entities they join.
    #[arg(long, value_name = "N")]
    pub min_weight: Option<usize>,
    /// Keep these relations (comma-separated: accuses,threatens), and the entities they join.
    #[arg(long, value_name = "RELATIONS")]
    pub relations: Option<String>,
    /// Keep entities of these types (comma-separated: person,organization), and the
    /// relations among them.
    #[arg(long, value_name = "TYPES")]
    pub types: Option<String>,
    /// Keep the neighbourhood of one entity (id, label or alias).
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// How many relations away from --focus to go.
    #[arg(long, value_name = "K", requires = "focus")]
    pub depth: Option<usize>,
    /// Keep the K entities with most relations, and the relations among them.
    #[arg(long, value_name = "K")]
    pub top: Option<usize>,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LayoutArg {
    /// dot up to 300 edges and 500 nodes, sfdp above.
    Auto,
    /// Hierarchical, left to right: clearest for small graphs.
    Dot,
    /// Force-directed, multiscale: for large graphs.
    Sfdp,
    /// Force-directed: for a few hundred nodes.
    Neato,
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
