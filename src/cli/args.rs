//! Command-line flags, as clap parses them. `commands` turns them into checked settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgraph::Date;

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
    /// Build a graph from articles and write it: JSON, DOT, GraphML, GEXF, Cytoscape, Neo4j CSV, HTML.
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
    /// Show counts per type and per month and the most connected entities of a saved graph.
    #[command(after_help = "Example:\n  newsgraph stats graphs/seeds.json --top 10")]
    Stats(StatsArgs),
    /// Show how the relations of a text are decided: per sentence its mentions, parse, the
    /// rules' proposals and every candidate pair with the model's probabilities.
    #[command(
        after_help = "Examples:\n  newsgraph explain --text \"Police arrested Ana Vidal in Lima.\"\n  newsgraph explain article.txt"
    )]
    Explain(ExplainArgs),
    /// Write a saved graph as one self-contained interactive HTML page (no network needed).
    #[command(
        after_help = "Examples:\n  newsgraph view graphs/seeds.json -o graphs/seeds.html\n  newsgraph view graph.json --since 2025-01 --top 500 -o recent.html"
    )]
    View(ViewArgs),
    /// List one entity's relations, strongest first, with the sentences that state them.
    #[command(
        after_help = "ENTITY is an id, a label or an alias; a near miss gets suggestions.\n\nExamples:\n  newsgraph show graphs/seeds.json Sheinbaum\n  newsgraph show graphs/seeds.json united-states --relation extradites"
    )]
    Show(ShowArgs),
    /// Merge graphs built from separate sets of articles into the graph one build would give.
    #[command(
        after_help = "Examples:\n  newsgraph merge shard-*.json -o all.json\n  cat shard-*.json | newsgraph merge - -o all.json"
    )]
    Merge(MergeArgs),
    /// Train the part-of-speech tagger, the dependency parser or the named-entity tagger.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Tag and parse the words of a CoNLL-U file and score the result against its annotation.
    #[command(
        after_help = "Prints UPOS, XPOS and lemma accuracy, UAS and LAS (CoNLL 2018 style: every word counts,\nrelations without subtypes; LAS with subtypes too).\n\nExample:\n  newsgraph evaluate ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu"
    )]
    Evaluate(EvaluateArgs),
    /// Write a CoNLL-U file back with predicted LEMMA, UPOS, XPOS, HEAD and DEPREL.
    #[command(
        after_help = "Words, comments, multiword tokens and empty nodes are kept as they are, so an\nindependent scorer can compare the output with the input. FEATS and DEPS, which the\nmodels do not predict, are blanked.\n\nExample:\n  newsgraph annotate --conllu en_ewt-ud-test.conllu -o predicted.conllu\n  python3 conll18_ud_eval.py -v en_ewt-ud-test.conllu predicted.conllu"
    )]
    Annotate(AnnotateArgs),
    /// Score the named-entity tagger on annotated sentences (CrossNER or Universal NER).
    #[command(
        name = "evaluate-ner",
        after_help = "Example:\n  newsgraph evaluate-ner ../shared/data/crossner-politics/test.txt"
    )]
    EvaluateNer(EvaluateNerArgs),
}

/// What `train` trains.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the part-of-speech tagger (UPOS and XPOS).
    #[command(
        after_help = "Example:\n  newsgraph train tagger --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o models/tagger.bin"
    )]
    Tagger(TrainTaggerArgs),
    /// Train the dependency parser on tags from jackknifed taggers.
    #[command(
        after_help = "The training words are tagged by taggers trained on the other folds (--jackknife), the\ndev words by --tagger, so the parser learns from tags like those it will see.\n\nExample:\n  newsgraph train parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu \\\n      --tagger models/tagger.bin -o models/parser.bin"
    )]
    Parser(TrainParserArgs),
    /// Train the named-entity tagger (PER, ORG, LOC, MISC) on CrossNER or Universal NER files.
    #[command(
        after_help = "See models/NER.md for the command that trained the shipped model.\n\nExample:\n  newsgraph train ner --train en_ewt-ud-train.iob2 train.txt train.txt --dev en_ewt-ud-dev.iob2 \\\n      -o models/ner.bin"
    )]
    Ner(TrainNerArgs),
    /// Train the relation model on the project's annotated news (eval/gold).
    #[command(
        after_help = "Candidates and features come from the relation stage itself; labels from the gold's train\ndocuments; the softmax temperature and the event and static thresholds are chosen on its dev\ndocuments (for precision 0.80 and 0.85). Prints what it measured on dev.\n\nExample (from the project root, with ../shared beside it):\n  newsgraph train relations -o models/relations.bin"
    )]
    Relations(TrainRelationsArgs),
}

/// Flags of `train relations`.
#[derive(Debug, Args)]
pub struct TrainRelationsArgs {
    /// The gold's directory (wikinews.jsonl, gum-news.jsonl).
    #[arg(long, value_name = "DIR", default_value = "eval/gold")]
    pub gold: PathBuf,
    /// The Wikinews corpus the gold's Wikinews documents come from.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "../shared/corpus/wikinews/wikinews.jsonl"
    )]
    pub wikinews: PathBuf,
    /// The GUM CoNLL-U directory the gold's GUM documents come from.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/gum/dep")]
    pub gum: PathBuf,
    /// Where to write the model.
    #[arg(short, long = "output", value_name = "MODEL")]
    pub output: PathBuf,
    /// Passes over the training examples.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub epochs: usize,
    /// AdaGrad learning rate.
    #[arg(long, value_name = "X", default_value_t = 0.1)]
    pub rate: f32,
    /// L2 penalty.
    #[arg(long, value_name = "X", default_value_t = 1e-5)]
    pub l2: f32,
    /// Drop features seen in fewer training examples.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_count: u32,
    /// Weight of `may` relations as positives (0: left out).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub may_weight: f32,
    /// Seed for shuffling (the same seed and data give the same model bytes).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// Also learn from the PLOVER gold records (CAMEO example sentences, one event each).
    #[arg(long, value_name = "FILE")]
    pub plover: Option<PathBuf>,
    /// Write the dev candidates, their gold labels and the model's probabilities to this
    /// JSON Lines file (for error analysis).
    #[arg(long, value_name = "FILE")]
    pub dump_dev: Option<PathBuf>,
}

/// Treebanks and output of `train`.
#[derive(Debug, Args)]
pub struct TrainFiles {
    /// Training treebanks (CoNLL-U), read one after the other; a file given twice counts
    /// twice.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    pub train: Vec<PathBuf>,
    /// Development treebanks (CoNLL-U): the epoch that does best on them (the mean of their
    /// scores, each treebank counting the same) is kept.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub dev: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(short, long = "output", value_name = "MODEL")]
    pub output: PathBuf,
    /// Passes over the training data (default: the shipped model's setting).
    #[arg(long, value_name = "N")]
    pub epochs: Option<usize>,
    /// Seed for shuffling (the same seed and data give the same model bytes).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Print no progress on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Flags of `train tagger`.
#[derive(Debug, Args)]
pub struct TrainTaggerArgs {
    /// Treebanks, output and common settings.
    #[command(flatten)]
    pub files: TrainFiles,
}

/// Flags of `train parser`.
#[derive(Debug, Args)]
pub struct TrainParserArgs {
    /// Treebanks, output and common settings.
    #[command(flatten)]
    pub files: TrainFiles,
    /// Tagger for the dev words (default: the embedded one).
    #[arg(long, value_name = "MODEL")]
    pub tagger: Option<PathBuf>,
    /// Folds for the jackknifed training tags (0: train on gold tags).
    #[arg(long, value_name = "K")]
    pub jackknife: Option<usize>,
}

/// Which models to use (default: the ones embedded in the binary).
#[derive(Debug, Args)]
pub struct ModelArgs {
    /// Tagger model file instead of the embedded one.
    #[arg(long, value_name = "MODEL")]
    pub tagger: Option<PathBuf>,
    /// Parser model file instead of the embedded one.
    #[arg(long, value_name = "MODEL")]
    pub parser: Option<PathBuf>,
}

/// Flags of `evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A treebank with gold annotation (CoNLL-U).
    #[arg(value_name = "FILE.conllu")]
    pub conllu: PathBuf,
    /// Models to evaluate.
    #[command(flatten)]
    pub models: ModelArgs,
}

/// Flags of `annotate`.
#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// The CoNLL-U file whose words to annotate.
    #[arg(long, value_name = "FILE.conllu")]
    pub conllu: PathBuf,
    /// Write to this file instead of standard output.
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Models to use.
    #[command(flatten)]
    pub models: ModelArgs,
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
    /// The publication date of every document read as text (ISO 8601: 2025-03-14, 2025-03 or
    /// 2025); JSONL records give theirs in "date".
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// Extraction threads, 1 to 256 (default: one per core). The output is the same for any
    /// number.
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true,
        value_parser = threads
    )]
    pub threads: usize,
}

/// A probability: a number from 0 to 1.
pub fn probability(s: &str) -> Result<f32, String> {
    let p: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{s} is not between 0 and 1"))
    }
}

/// `--threads`: 1 to [`newsgraph::pipeline::MAX_THREADS`] (0, the default, is one per core).
fn threads(value: &str) -> Result<usize, String> {
    let max = newsgraph::pipeline::MAX_THREADS;
    match value.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!("give a number of threads from 1 to {max}")),
    }
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
    /// Output file; repeat for several; - is standard output. The extension picks the format
    /// (.json, .dot, .gv, .graphml, .gexf, .cyjs, .html); a Neo4j export is a directory
    /// (--format neo4j).
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format of standard output (default json) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, html, neo4j.
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
    /// Output file; repeat for several; - is standard output. The extension picks the format
    /// (.json, .dot, .gv, .graphml, .gexf, .cyjs, .html); a Neo4j export is a directory
    /// (--format neo4j).
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format of standard output (default json) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, html, neo4j.
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
    /// Write to this file instead of standard output (- is standard output).
    #[arg(short, long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep relations whose confidence is at least P (0 to 1), instead of the thresholds the
    /// model chose on the annotated dev documents.
    #[arg(long, value_name = "P", value_parser = probability)]
    pub min_confidence: Option<f32>,
}

/// Flags of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// A graph written by newsgraph (JSON).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Output file; repeat for several; - is standard output. The extension picks the
    /// format.
    #[arg(short, long = "output", value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Format of standard output (default dot) and of every -o without a known extension:
    /// json, dot, graphml, gexf, cyjs, html, neo4j.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Layout and filters.
    #[command(flatten)]
    pub export: ExportArgs,
}

/// What `build`, `convert` and `merge` share: the DOT layout and the filters.
#[derive(Debug, Args)]
#[command(next_help_heading = "Export")]
pub struct ExportArgs {
    /// Graphviz layout engine the DOT output asks for (auto: dot, or sfdp for large graphs).
    #[arg(long, value_enum, value_name = "ENGINE", default_value = "auto")]
    pub layout: LayoutArg,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// The filters, applied in the order listed (see `newsgraph::graph::filter`).
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Keep what documents of this date or later state (YYYY-MM-DD, YYYY-MM or YYYY): a
    /// relation's weight counts its statements in the range.
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
    /// Keep what documents of this date or earlier state (a month or year: to its end).
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
    /// Keep relations stated at least N times, and the entities they join.
    #[arg(long, value_name = "N")]
    pub min_weight: Option<usize>,
    /// Keep relations of confidence at least P (0 to 1: their most confident statement's),
    /// and the entities they join. `build` also decides relations with P as the threshold
    /// instead of the model's own.
    #[arg(long, value_name = "P", value_parser = probability)]
    pub min_confidence: Option<f32>,
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

/// Flags of `view`.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// A graph written by newsgraph (JSON).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// The HTML file to write (default: standard output).
    #[arg(short, long = "output", value_name = "FILE.html")]
    pub output: Option<PathBuf>,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Flags of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A graph written by newsgraph (JSON).
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// The entity: an id, a label or an alias.
    #[arg(value_name = "ENTITY")]
    pub entity: String,
    /// Only relations of this type.
    #[arg(long, value_name = "TYPE")]
    pub relation: Option<String>,
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

/// Flags of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A text file to explain (`-`: standard input).
    #[arg(
        value_name = "FILE",
        required_unless_present = "text",
        conflicts_with = "text"
    )]
    pub input: Option<PathBuf>,
    /// The text itself.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
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

/// Annotation formats of NER data.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NerFormatArg {
    /// CrossNER: token TAB tag.
    Crossner,
    /// Universal NER (.iob2).
    Uner,
    /// Token TAB tag with PER, ORG and LOC (the Broad Twitter Corpus).
    Conll,
    /// GUM CoNLL-U with entity annotation.
    Gum,
}

/// Flags of `train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training files (CrossNER, Universal NER, CoNLL-style BIO or GUM CoNLL-U); a file
    /// given twice counts twice.
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
