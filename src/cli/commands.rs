//! The subcommands: flags checked into settings, the library run, results written.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use super::args::{
    BuildArgs, ConvertArgs, ExportArgs, ExtractArgs, InputArgs, InputFormatArg, LayoutArg,
    StatsArgs,
};
use newsgraph::export::{self, Format, Layout};
use newsgraph::extract::Extractor;
use newsgraph::graph::filter::{self, Filter};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::lexicon::{Lexicon, UserLexicon};
use newsgraph::load::{self, InputFormat, ReadOptions, ReadReport};
use newsgraph::Document;

/// Where a graph goes: a file, or standard output.
struct Output {
    path: Option<PathBuf>,
    format: Format,
}

/// Checks output paths before any work: known format, existing directory. A path's extension
/// picks its format; `format` (else `default`) is standard output's, and that of paths whose
/// extension names none (a Neo4j directory).
fn outputs(paths: &[PathBuf], format: Option<&str>, default: Format) -> Result<Vec<Output>> {
    let named = match format {
        Some(name) => match Format::from_name(name) {
            Some(f) => Some(f),
            None => bail!("unknown format '{name}' (use {})", Format::names()),
        },
        None => None,
    };
    if paths.is_empty() {
        let format = named.unwrap_or(default);
        if format.is_directory() {
            bail!(
                "the {} format is a directory: give it with -o DIR",
                format.name()
            );
        }
        return Ok(vec![Output { path: None, format }]);
    }
    paths
        .iter()
        .map(|p| {
            let format = match (Format::from_path(p), named) {
                (Ok(f), _) => f,
                (Err(_), Some(f)) => f,
                (Err(e), None) => return Err(e.into()),
            };
            check_parent(p)?;
            Ok(Output {
                path: Some(p.clone()),
                format,
            })
        })
        .collect()
}

fn check_parent(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            bail!(
                "{}: cannot write: directory {} does not exist",
                path.display(),
                dir.display()
            );
        }
    }
    Ok(())
}

fn write_outputs(
    graph: &KnowledgeGraph,
    outputs: &[Output],
    options: &export::Options,
) -> Result<()> {
    for o in outputs {
        match &o.path {
            Some(path) => export::write_file_with(graph, o.format, options, path)?,
            None => {
                let stdout = io::stdout();
                let mut w = BufWriter::new(stdout.lock());
                export::write_with(graph, o.format, options, &mut w)
                    .and_then(|_| w.flush())
                    .context("writing to standard output")?;
            }
        }
    }
    Ok(())
}

fn extractor(args: &InputArgs) -> Result<Extractor> {
    Ok(match &args.lexicon {
        Some(path) => Extractor::with_lexicon(Lexicon::with_user(&UserLexicon::load(path)?)),
        None => Extractor::new(),
    })
}

fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        format: args.input_format.map(|f| match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }),
        skip_bad: args.skip_bad,
    }
}

/// Reads every input, handing each document to `each`; prints warnings unless quiet.
fn for_each_document(
    args: &InputArgs,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<ReadReport> {
    let inputs = load::expand(&args.inputs)?;
    let options = read_options(args);
    let mut report = ReadReport::default();
    let mut failure = None;
    for input in &inputs {
        load::read(input, options, &mut report, &mut |doc| {
            if failure.is_none() {
                if let Err(e) = each(doc) {
                    failure = Some(e);
                }
            }
        })?;
        if let Some(e) = failure.take() {
            return Err(e);
        }
    }
    if !args.quiet {
        for w in &report.warnings {
            eprintln!("newsgraph: warning: {w}");
        }
        if report.skipped > 0 {
            eprintln!("newsgraph: skipped {} malformed record(s)", report.skipped);
        }
    }
    Ok(report)
}

/// The export settings and filter the flags ask for, checked before any work.
fn export_settings(args: &ExportArgs) -> Result<(export::Options, Filter)> {
    let layout = match args.layout {
        LayoutArg::Auto => Layout::Auto,
        LayoutArg::Dot => Layout::Dot,
        LayoutArg::Sfdp => Layout::Sfdp,
        LayoutArg::Neato => Layout::Neato,
    };
    let filter = Filter {
        min_weight: args.min_weight,
        types: args.types.as_deref().map(filter::parse_types).transpose()?,
        relations: args
            .relations
            .as_deref()
            .map(filter::parse_relations)
            .transpose()?,
        focus: args.focus.clone(),
        depth: args.depth,
        top: args.top,
    };
    Ok((export::Options { layout }, filter))
}

/// `newsgraph build`.
pub fn build(args: BuildArgs) -> Result<()> {
    let outputs = outputs(&args.outputs, args.format.as_deref(), Format::Json)?;
    let (options, filter) = export_settings(&args.export)?;
    let extractor = extractor(&args.input)?;
    let started = Instant::now();
    let mut graph = KnowledgeGraph::new();
    let mut documents = 0usize;
    let mut bytes = 0usize;
    for_each_document(&args.input, &mut |doc| {
        let extraction = extractor.extract(&doc);
        graph.add(&doc, &extraction);
        documents += 1;
        bytes += doc.text.len();
        Ok(())
    })?;
    let graph = filter.apply(&graph.resolve())?;
    write_outputs(&graph, &outputs, &options)?;
    if !args.input.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "newsgraph: {documents} document(s), {} entities, {} relations in {seconds:.2} s ({:.1} MB/s)",
            graph.node_count(),
            graph.edge_count(),
            bytes as f64 / 1e6 / seconds.max(1e-9)
        );
    }
    Ok(())
}

/// `newsgraph extract`.
pub fn extract(args: ExtractArgs) -> Result<()> {
    let extractor = extractor(&args.input)?;
    match &args.output {
        Some(path) => {
            check_parent(path)?;
            let name = path.display().to_string();
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("{name}: cannot create"))?;
            {
                let mut w = BufWriter::new(tmp.as_file_mut());
                for_each_document(&args.input, &mut |doc| {
                    let ex = extractor.extract(&doc);
                    export::extraction::write_line(&doc, &ex, &mut w).with_context(|| name.clone())
                })?;
                w.flush().with_context(|| name.clone())?;
            }
            tmp.persist(path)
                .with_context(|| format!("{name}: cannot write"))?;
        }
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            for_each_document(&args.input, &mut |doc| {
                let ex = extractor.extract(&doc);
                export::extraction::write_line(&doc, &ex, &mut w)
                    .context("writing to standard output")
            })?;
            w.flush().context("writing to standard output")?;
        }
    }
    Ok(())
}

/// Reads a graph written by newsgraph.
fn read_graph(path: &Path) -> Result<KnowledgeGraph> {
    let name = path.display().to_string();
    let data = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(newsgraph::Error::Missing { path: name }.into())
        }
        Err(e) => return Err(newsgraph::Error::io(name, e).into()),
    };
    let text = String::from_utf8(data).map_err(|_| newsgraph::Error::NotAGraph {
        path: name.clone(),
        message: "not UTF-8 text".to_string(),
    })?;
    export::json::read(&text).map_err(|message| {
        newsgraph::Error::NotAGraph {
            path: name,
            message,
        }
        .into()
    })
}

/// `newsgraph convert`.
pub fn convert(args: ConvertArgs) -> Result<()> {
    let outputs = outputs(&args.outputs, args.format.as_deref(), Format::Dot)?;
    let (options, filter) = export_settings(&args.export)?;
    let graph = filter.apply(&read_graph(&args.graph)?)?;
    write_outputs(&graph, &outputs, &options)
}

/// `newsgraph stats`.
pub fn stats(args: StatsArgs) -> Result<()> {
    let graph = read_graph(&args.graph)?;
    let s = graph.stats(args.top);
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    writeln!(
        w,
        "{} documents, {} entities, {} relations",
        s.documents,
        graph.node_count(),
        graph.edge_count()
    )?;
    writeln!(w, "\nEntities by type")?;
    for (kind, n) in &s.entity_types {
        writeln!(w, "  {:<16} {n:>7}", kind.as_str())?;
    }
    writeln!(w, "\nRelations by type         edges  statements")?;
    for (rel, (edges, statements)) in &s.relation_types {
        writeln!(w, "  {:<22} {edges:>7} {statements:>11}", rel.as_str())?;
    }
    writeln!(w, "\nMost connected entities    degree  pagerank")?;
    for (_, label, degree, rank) in &s.central {
        let label: String = label.chars().take(24).collect();
        writeln!(w, "  {label:<24} {degree:>7}  {rank:>8.4}")?;
    }
    w.flush()?;
    Ok(())
}
