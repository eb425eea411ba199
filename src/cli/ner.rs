//! `train ner` and `evaluate-ner`: the named-entity tagger's training and scoring.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use super::args::{EvaluateNerArgs, NerFormatArg, TrainNerArgs};
use newsgraph::ner::corpus::{self, Format, Sentence};
use newsgraph::ner::eval::{self, Rules, Tokens};
use newsgraph::ner::train::{self, TrainOptions};
use newsgraph::ner::{ModelError, Ner};

fn format(arg: Option<NerFormatArg>) -> Option<Format> {
    arg.map(|f| match f {
        NerFormatArg::Crossner => Format::CrossNer,
        NerFormatArg::Uner => Format::Uner,
        NerFormatArg::Conll => Format::Conll,
        NerFormatArg::Gum => Format::Gum,
    })
}

fn read(path: &Path, arg: Option<NerFormatArg>) -> Result<(Format, Vec<Sentence>)> {
    Ok(corpus::read(path, format(arg))?)
}

/// `newsgraph train ner`.
pub fn train(args: TrainNerArgs) -> Result<()> {
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        anyhow::ensure!(
            dir.is_dir(),
            "{}: cannot write: directory {} does not exist",
            args.output.display(),
            dir.display()
        );
    }
    let mut sentences = Vec::new();
    let mut sources = Vec::new();
    for path in &args.train {
        let (fmt, s) = read(path, args.format)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        sources.push(format!("{name} ({fmt}, {} sentences)", s.len()));
        eprintln!("train: {}: {} sentences ({fmt})", path.display(), s.len());
        sentences.extend(s);
    }
    let mut dev = Vec::new();
    for path in &args.dev {
        let (_, s) = read(path, args.format)?;
        dev.push((path.display().to_string(), s));
    }
    let options = TrainOptions {
        epochs: args.epochs,
        cutoff: args.cutoff,
        seed: args.seed,
        prune: args.prune,
        beam: args.beam,
        models: args.models,
        description: format!(
            "averaged perceptron, BIO, beam {}; trained on {}; epochs {}, cutoff {}, seed {}, \
             models {}, prune {}",
            args.beam,
            sources.join(", "),
            args.epochs,
            args.cutoff,
            args.seed,
            args.models,
            args.prune
        ),
    };
    let started = Instant::now();
    let ner = train::train(&sentences, &options, &mut |report, ner| {
        let mut line = format!(
            "model {} epoch {:>2}: {} errors in {} tokens ({:.1}%), {:.1} s, {} features",
            report.model,
            report.epoch,
            report.errors,
            report.tokens,
            100.0 * report.errors as f64 / report.tokens.max(1) as f64,
            report.seconds,
            ner.feature_count()
        );
        for (name, s) in &dev {
            let scores = eval::evaluate(ner, s, Tokens::Given);
            let short = Path::new(name)
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            line.push_str(&format!("; {short} F1 {:.4}", scores.micro().f1()));
        }
        eprintln!("{line}");
    });
    ner.save(&args.output)?;
    eprintln!(
        "wrote {} ({} features, {} bytes) in {:.1} s",
        args.output.display(),
        ner.feature_count(),
        ner.to_bytes().len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `newsgraph evaluate-ner`.
pub fn evaluate(args: EvaluateNerArgs) -> Result<()> {
    let loaded;
    let ner = match &args.model {
        Some(path) => {
            loaded = Ner::load(path).map_err(|e| match e {
                // Already names the file.
                ModelError::Io { .. } => anyhow::Error::new(e),
                e => anyhow::Error::new(e).context(path.display().to_string()),
            })?;
            &loaded
        }
        None => Ner::try_embedded().map_err(|e| anyhow::anyhow!("embedded NER model: {e}"))?,
    };
    if !ner.lexicon_matches() {
        eprintln!(
            "newsgraph: warning: the NER model was trained with another lexicon; \
             retrain it (models/NER.md)"
        );
    }
    let tokens = if args.retokenize {
        Tokens::Retokenized
    } else {
        Tokens::Given
    };
    for (n, path) in args.files.iter().enumerate() {
        let (fmt, sentences) = read(path, args.format)?;
        let rules = if args.lenient {
            Rules::Lenient
        } else {
            Rules::Strict
        };
        let scores = eval::evaluate_with(ner, &sentences, tokens, rules);
        if n > 0 {
            println!();
        }
        println!(
            "{} ({fmt}{}{}): {} sentences, {} tokens, {:.0} tokens/s",
            path.display(),
            if args.retokenize { ", retokenized" } else { "" },
            if args.lenient { ", lenient" } else { "" },
            scores.sentences,
            scores.tokens,
            scores.tokens as f64 / scores.seconds.max(1e-9)
        );
        print!("{scores}");
    }
    Ok(())
}
