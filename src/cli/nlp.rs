//! The tagger and parser subcommands: `train`, `evaluate`, `annotate`.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};

use super::args::{
    AnnotateArgs, EvaluateArgs, ModelArgs, TrainFiles, TrainParserArgs, TrainTaggerArgs,
};
use newsgraph::nlp::train::{self, ParserOptions, TaggerOptions};
use newsgraph::nlp::{conllu, eval, Models, Tagger};

/// Reads the training treebanks into one list of sentences.
fn training_set(paths: &[PathBuf]) -> Result<Vec<conllu::Sentence>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(conllu::read_file(p)?);
    }
    Ok(out)
}

/// Reads the development treebanks, each a set of its own.
fn dev_sets(paths: &[PathBuf]) -> Result<Vec<Vec<conllu::Sentence>>> {
    paths.iter().map(|p| Ok(conllu::read_file(p)?)).collect()
}

/// The training files for error messages.
fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A progress printer for training, silent with `--quiet`.
fn progress(quiet: bool) -> impl FnMut(&str) {
    move |line: &str| {
        if !quiet {
            eprintln!("newsgraph: {line}");
        }
    }
}

/// Writes a file through a temporary file, so a failed run leaves no partial output.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).with_context(|| format!("{name}: cannot create"))?;
    tmp.write_all(bytes)
        .with_context(|| format!("{name}: cannot write"))?;
    tmp.persist(path)
        .with_context(|| format!("{name}: cannot write"))?;
    Ok(())
}

fn report(files: &TrainFiles, started: Instant, bytes: usize) {
    if !files.quiet {
        eprintln!(
            "newsgraph: wrote {} ({:.1} MB) in {:.0} s",
            files.output.display(),
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
}

/// `newsgraph train tagger`.
pub fn train_tagger(args: TrainTaggerArgs) -> Result<()> {
    let files = &args.files;
    let started = Instant::now();
    let train_set = training_set(&files.train)?;
    let dev = dev_sets(&files.dev)?;
    let mut opts = TaggerOptions::default();
    if let Some(e) = files.epochs {
        opts.epochs = e;
    }
    if let Some(s) = files.seed {
        opts.seed = s;
    }
    let tagger = train::train_tagger(&train_set, &dev, &opts, &mut progress(files.quiet))
        .with_context(|| names(&files.train))?;
    let bytes = tagger.to_bytes();
    write_atomically(&files.output, &bytes)?;
    report(files, started, bytes.len());
    Ok(())
}

/// `newsgraph train parser`.
pub fn train_parser(args: TrainParserArgs) -> Result<()> {
    let files = &args.files;
    let started = Instant::now();
    let train_set = training_set(&files.train)?;
    let dev = dev_sets(&files.dev)?;
    let tagger = match &args.tagger {
        Some(p) => Tagger::load(p)?,
        None => Models::embedded().tagger.clone(),
    };
    let mut opts = ParserOptions::default();
    if let Some(e) = files.epochs {
        opts.epochs = e;
    }
    if let Some(s) = files.seed {
        opts.seed = s;
    }
    if let Some(k) = args.jackknife {
        opts.jackknife = k;
    }
    let parser = train::train_parser(&train_set, &dev, &tagger, &opts, &mut progress(files.quiet))
        .with_context(|| names(&files.train))?;
    let bytes = parser.to_bytes();
    write_atomically(&files.output, &bytes)?;
    report(files, started, bytes.len());
    Ok(())
}

fn models(args: &ModelArgs) -> Result<Models> {
    Ok(Models::load_or_embedded(
        args.tagger.as_deref(),
        args.parser.as_deref(),
    )?)
}

/// `newsgraph evaluate`.
pub fn evaluate(args: EvaluateArgs) -> Result<()> {
    let models = models(&args.models)?;
    let gold = conllu::read_file(&args.conllu)?;
    let started = Instant::now();
    let scores = eval::evaluate(&models, &gold);
    let seconds = started.elapsed().as_secs_f64();
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    writeln!(w, "{}", args.conllu.display())?;
    writeln!(w, "  words  {:>8}", scores.words)?;
    for (name, value) in [
        ("UPOS", scores.upos()),
        ("XPOS", scores.xpos()),
        ("lemma", scores.lemma()),
        ("UAS", scores.uas()),
        ("LAS", scores.las()),
        ("LAS with subtypes", scores.las_full()),
    ] {
        writeln!(w, "  {name:<17} {:>6.2}%", 100.0 * value)?;
    }
    writeln!(
        w,
        "  {:.0} words/s (tagging, lemmas and parsing, one thread)",
        scores.words as f64 / seconds.max(1e-9)
    )?;
    w.flush()?;
    Ok(())
}

/// `newsgraph annotate`.
pub fn annotate(args: AnnotateArgs) -> Result<()> {
    let models = models(&args.models)?;
    let mut sentences = conllu::read_file(&args.conllu)?;
    eval::annotate(&models, &mut sentences);
    match &args.output {
        Some(path) => write_atomically(path, conllu::to_string(&sentences).as_bytes()),
        None => {
            let stdout = io::stdout();
            conllu::write(BufWriter::new(stdout.lock()), &sentences)
                .context("writing to standard output")
        }
    }
}
