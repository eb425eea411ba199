//! The subcommands: flags checked into settings, the library run, results written.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::args::{
    BuildArgs, ConvertArgs, ExportArgs, ExtractArgs, FilterArgs, InputArgs, InputFormatArg,
    LayoutArg, MergeArgs, StatsArgs, ViewArgs,
};
use super::clash;
use newsgraph::date::DateRange;
use newsgraph::export::staging::OutputFile;
use newsgraph::export::{self, json, Format, Layout};
use newsgraph::extract::Extractor;
use newsgraph::graph::filter::{self, Filter};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::lexicon::{Lexicon, UserLexicon};
use newsgraph::load::{self, Input, InputFormat, ReadOptions, ReadReport};
use newsgraph::pipeline::{Pipeline, Totals};

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
            if p.as_os_str() == "-" {
                let format = named.unwrap_or(default);
                if format.is_directory() {
                    bail!(
                        "the {} format is a directory: -o - cannot take it",
                        format.name()
                    );
                }
                return Ok(Output { path: None, format });
            }
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

/// The files among `outputs`.
fn output_paths(outputs: &[Output]) -> impl Iterator<Item = &Path> + Clone {
    outputs.iter().filter_map(|o| o.path.as_deref())
}

/// The files a run reads: its inputs and its lexicon.
fn input_paths<'a>(
    inputs: &'a [Input],
    args: &'a InputArgs,
) -> impl Iterator<Item = &'a Path> + Clone {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, .. } => Some(path.as_path()),
            Input::Stdin => None,
        })
        .chain(args.lexicon.as_deref())
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

fn extractor(args: &InputArgs, min_confidence: Option<f32>) -> Result<Extractor> {
    let extractor = match &args.lexicon {
        Some(path) => Extractor::with_lexicon(Lexicon::with_user(&UserLexicon::load(path)?)),
        None => Extractor::new(),
    };
    Ok(extractor.with_min_confidence(min_confidence))
}

fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        format: args.input_format.map(|f| match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }),
        skip_bad: args.skip_bad,
        date: args.date,
    }
}

/// Prints reading's warnings and skipped records unless quiet.
fn print_report(report: &ReadReport, quiet: bool) {
    if quiet {
        return;
    }
    for w in &report.warnings {
        eprintln!("newsgraph: warning: {w}");
    }
    if report.skipped > 0 {
        eprintln!(
            "newsgraph: skipped {} malformed or repeated record(s)",
            report.skipped
        );
    }
}

/// A progress bar on stderr for a long run, only when stderr is a terminal and not quiet.
fn progress_bar(inputs: &[Input], quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = |template: &str| {
        ProgressStyle::with_template(template).expect("the progress template is valid")
    };
    match load::total_bytes(inputs) {
        Some(total) => ProgressBar::new(total).with_style(style(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
        )),
        None => ProgressBar::new_spinner().with_style(style(
            "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}",
        )),
    }
}

/// Called as documents finish: moves the bar.
fn advance(bar: &ProgressBar) -> impl Fn(&Totals) + '_ {
    move |t: &Totals| {
        bar.set_position(t.input_bytes);
        bar.set_message(format!("{} documents", t.documents));
    }
}

/// The final line of a run: documents, entities, relations, time and throughput.
fn summary(totals: &Totals, entities: usize, relations: usize, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "newsgraph: {} document(s), {entities} entities, {relations} relations in {seconds:.2} s ({:.1} MB/s)",
        totals.documents,
        totals.input_bytes as f64 / 1e6 / seconds.max(1e-9)
    );
}

/// The graph `--into` names: read if it exists, empty if not; it must be JSON.
fn into_graph(path: &Path) -> Result<KnowledgeGraph> {
    if Format::from_path(path)? != Format::Json {
        bail!("{}: --into needs a JSON graph (.json)", path.display());
    }
    check_parent(path)?;
    if path.exists() {
        read_graph(path)
    } else {
        Ok(KnowledgeGraph::new())
    }
}

/// The export settings and filter the flags ask for, checked before any work.
fn export_settings(args: &ExportArgs) -> Result<(export::Options, Filter)> {
    let layout = match args.layout {
        LayoutArg::Auto => Layout::Auto,
        LayoutArg::Dot => Layout::Dot,
        LayoutArg::Sfdp => Layout::Sfdp,
        LayoutArg::Neato => Layout::Neato,
    };
    Ok((export::Options { layout }, filter_settings(&args.filters)?))
}

/// The filter the flags ask for, checked before any work.
fn filter_settings(args: &FilterArgs) -> Result<Filter> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since.first_day() > until.last_day() {
            bail!("--since {since} is after --until {until}: nothing would be kept");
        }
    }
    Ok(Filter {
        min_weight: args.min_weight,
        min_confidence: args.min_confidence,
        types: args.types.as_deref().map(filter::parse_types).transpose()?,
        relations: args
            .relations
            .as_deref()
            .map(filter::parse_relations)
            .transpose()?,
        focus: args.focus.clone(),
        depth: args.depth,
        top: args.top,
        dates: DateRange {
            since: args.since,
            until: args.until,
        },
    })
}

/// The filtered graph, without copying it when nothing is filtered out.
fn filtered(graph: KnowledgeGraph, filter: &Filter) -> Result<KnowledgeGraph> {
    Ok(if filter.is_empty() {
        graph
    } else {
        filter.apply(&graph)?
    })
}

/// `newsgraph build`.
pub fn build(args: BuildArgs) -> Result<()> {
    let outputs = if args.into.is_some() && args.outputs.is_empty() {
        Vec::new()
    } else {
        outputs(&args.outputs, args.format.as_deref(), Format::Json)?
    };
    let (options, filter) = export_settings(&args.export)?;
    let inputs = load::expand(&args.input.inputs)?;
    let written = || output_paths(&outputs).chain(args.into.as_deref());
    clash::outputs_are_not_inputs(written(), input_paths(&inputs, &args.input))?;
    if let Some(into) = &args.into {
        clash::outputs_spare_into(output_paths(&outputs), into)?;
    }
    let mut graph = match &args.into {
        Some(path) => into_graph(path)?,
        None => KnowledgeGraph::new(),
    };
    let extractor = extractor(&args.input, args.export.filters.min_confidence)?;
    let started = Instant::now();
    let bar = progress_bar(&inputs, args.input.quiet);
    let built = Pipeline::new(args.input.threads).build(
        &extractor,
        &inputs,
        read_options(&args.input),
        &mut graph,
        &advance(&bar),
    );
    bar.finish_and_clear();
    let built = built?;
    print_report(&built.report, args.input.quiet);
    // The graph before resolving goes before writing: memory holds one graph, not two.
    let resolved = { graph }.resolve();
    let (entities, relations) = (resolved.node_count(), resolved.edge_count());
    if let Some(path) = &args.into {
        // The saved graph stays whole, whatever the filters: more articles go into it.
        export::write_file_with(&resolved, Format::Json, &options, path)?;
    }
    write_outputs(&filtered(resolved, &filter)?, &outputs, &options)?;
    if !args.input.quiet {
        if built.skipped > 0 {
            eprintln!(
                "newsgraph: skipped {} document(s) the graph already holds",
                built.skipped
            );
        }
        summary(&built.totals, entities, relations, started);
    }
    Ok(())
}

/// `newsgraph extract`: one JSON line per document, in input order whatever the threads.
pub fn extract(args: ExtractArgs) -> Result<()> {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(path) = output {
        check_parent(path)?;
    }
    let inputs = load::expand(&args.input.inputs)?;
    clash::outputs_are_not_inputs(output, input_paths(&inputs, &args.input))?;
    let extractor = extractor(&args.input, args.min_confidence)?;
    let started = Instant::now();
    let (name, mut file) = match output {
        Some(path) => {
            let name = path.display().to_string();
            let file =
                OutputFile::create(path).with_context(|| format!("{name}: cannot create"))?;
            (name, Some(file))
        }
        None => ("standard output".to_string(), None),
    };
    let stdout = io::stdout();
    let mut w: BufWriter<Box<dyn Write>> = BufWriter::new(match &mut file {
        Some(file) => Box::new(file.file()),
        None => Box::new(stdout.lock()),
    });
    let bar = progress_bar(&inputs, args.input.quiet);
    let (mut entities, mut relations) = (0, 0);
    let mut report = ReadReport::default();
    // Lines are written on the worker threads; the main thread only copies them out in order.
    let run = Pipeline::new(args.input.threads).run(
        &inputs,
        read_options(&args.input),
        &mut report,
        |doc| {
            let ex = extractor.extract(&doc);
            let mut line = Vec::new();
            export::extraction::write_line(&doc, &ex, &mut line).expect("writing to memory");
            (line, ex.entities.len(), ex.relations.len())
        },
        |(line, e, r)| {
            entities += e;
            relations += r;
            w.write_all(&line)
                .map_err(|e| newsgraph::Error::io(&name, e))
        },
        &advance(&bar),
    );
    bar.finish_and_clear();
    // Errors name their file already (the input's, or the output's).
    let totals = run?;
    w.flush().with_context(|| format!("writing to {name}"))?;
    drop(w);
    if let Some(file) = file {
        file.commit()
            .with_context(|| format!("{name}: cannot write"))?;
    }
    print_report(&report, args.input.quiet);
    if !args.input.quiet {
        summary(&totals, entities, relations, started);
    }
    Ok(())
}

/// Reads a graph written by newsgraph.
pub(super) fn read_graph(path: &Path) -> Result<KnowledgeGraph> {
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
    clash::outputs_are_not_inputs(output_paths(&outputs), [args.graph.as_path()])?;
    let (options, filter) = export_settings(&args.export)?;
    let graph = filter.apply(&read_graph(&args.graph)?)?;
    write_outputs(&graph, &outputs, &options)
}

/// `newsgraph view`: `convert` to one HTML page.
pub fn view(args: ViewArgs) -> Result<()> {
    let paths: Vec<PathBuf> = args.output.iter().cloned().collect();
    let outputs = outputs(&paths, Some(Format::Html.name()), Format::Html)?;
    if let Some(o) = outputs.iter().find(|o| o.format != Format::Html) {
        let path = o.path.as_deref().unwrap_or(Path::new("-"));
        bail!(
            "{}: view writes an HTML page (.html); use convert for other formats",
            path.display()
        );
    }
    let filter = filter_settings(&args.filters)?;
    let graph = filter.apply(&read_graph(&args.graph)?)?;
    write_outputs(&graph, &outputs, &export::Options::default())
}

/// `newsgraph merge`.
pub fn merge(args: MergeArgs) -> Result<()> {
    let outputs = outputs(&args.outputs, args.format.as_deref(), Format::Json)?;
    clash::outputs_are_not_inputs(
        output_paths(&outputs),
        args.graphs.iter().map(PathBuf::as_path),
    )?;
    let (options, filter) = export_settings(&args.export)?;
    let started = Instant::now();
    let mut graph = KnowledgeGraph::new();
    // Which input each document came from, to name both files when one repeats.
    let mut source: BTreeMap<String, String> = BTreeMap::new();
    let mut repeated = None;
    let mut count = 0;
    for path in &args.graphs {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let mut input: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(io::stdin())
        } else {
            Box::new(fs::File::open(path).map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => newsgraph::Error::Missing { path: name.clone() },
                _ => newsgraph::Error::io(&name, e),
            })?)
        };
        let read = json::read_stream(&mut input, &mut |part| {
            for d in part.documents() {
                if let Some(other) = source.insert(d.id.clone(), name.clone()) {
                    repeated = Some((d.id.clone(), other));
                    return Err(String::new());
                }
            }
            graph.merge(&part);
            Ok(())
        });
        if let Some((id, other)) = repeated {
            bail!(
                "{name}: document '{id}' is also in {other}: a document must be in one graph only, or its counts would double"
            );
        }
        let found = read.map_err(|message| newsgraph::Error::NotAGraph {
            path: name.clone(),
            message,
        })?;
        if found == 0 && path.as_os_str() != "-" {
            return Err(newsgraph::Error::NotAGraph {
                path: name,
                message: "the file holds no graph".to_string(),
            }
            .into());
        }
        count += found;
    }
    // The graph before resolving goes before writing: memory holds one graph, not two.
    let graph = { graph }.resolve();
    let documents = graph.documents().count();
    let (entities, relations) = (graph.node_count(), graph.edge_count());
    write_outputs(&filtered(graph, &filter)?, &outputs, &options)?;
    if !args.quiet {
        eprintln!(
            "newsgraph: merged {count} graph(s): {documents} document(s), {entities} entities, {relations} relations in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
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
    if !s.months.is_empty() {
        writeln!(w, "\nRelations by month    relations  statements")?;
        for (month, relations, statements) in &s.months {
            // A date that names a year alone is counted under the year.
            let name = if month.to_month().is_some() {
                month.to_string()
            } else {
                format!("{month} (no month)")
            };
            writeln!(w, "  {name:<18} {relations:>11} {statements:>11}")?;
        }
        if s.undated > 0 {
            writeln!(w, "  {:<18} {:>11} {:>11}", "undated", "", s.undated)?;
        }
    }
    // Names are never cut: the column is as wide as the longest.
    let width = s
        .central
        .iter()
        .map(|c| c.label.chars().count())
        .max()
        .unwrap_or(0)
        .max("Most connected entities".len() - 2);
    writeln!(
        w,
        "\n{:<width$}  relations  statements  pagerank",
        "Most connected entities",
        width = width + 2
    )?;
    for c in &s.central {
        writeln!(
            w,
            "  {:<width$}  {:>9}  {:>10}  {:>8.4}",
            c.label, c.relations, c.statements, c.pagerank
        )?;
    }
    w.flush()?;
    Ok(())
}
