//! `train relations`: the relation model's training on the news gold.

use anyhow::Result;

use super::args::{ExplainArgs, TrainRelationsArgs};
use newsgraph::lexicon::Lexicon;
use newsgraph::relate::train::{self, TrainOptions};

/// `newsgraph train relations`.
pub fn train(args: TrainRelationsArgs) -> Result<()> {
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        anyhow::ensure!(
            dir.is_dir(),
            "{}: cannot write: directory {} does not exist",
            args.output.display(),
            dir.display()
        );
    }
    let mut docs = train::read_gold(&args.gold, &args.wikinews, &args.gum)?;
    if let Some(path) = &args.plover {
        docs.extend(train::read_plover(path)?);
    }
    let options = TrainOptions {
        epochs: args.epochs,
        rate: args.rate,
        l2: args.l2,
        min_count: args.min_count,
        seed: args.seed,
        may_weight: args.may_weight,
        ..TrainOptions::default()
    };
    let (model, report) = train::train(&docs, Lexicon::builtin(), &options);
    for line in &report.lines {
        println!("{line}");
    }
    if let Some(path) = &args.dump_dev {
        let mut text = report.dev_dump.join("\n");
        text.push('\n');
        super::nlp::write_atomically(path, text.as_bytes())?;
    }
    let bytes = model.to_bytes();
    super::nlp::write_atomically(&args.output, &bytes)?;
    println!("wrote {} ({} bytes)", args.output.display(), bytes.len());
    Ok(())
}

/// `newsgraph explain`.
pub fn explain(args: ExplainArgs) -> Result<()> {
    use anyhow::Context;
    use std::io::Read;
    let text = match (&args.text, &args.input) {
        (Some(t), _) => t.clone(),
        (None, Some(p)) if p.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("standard input: cannot read")?;
            s
        }
        (None, Some(p)) => {
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?
        }
        (None, None) => unreachable!("clap requires one"),
    };
    let doc = newsgraph::Document::new("text", text);
    let (ex, trace) = newsgraph::Extractor::new().explain(&doc);
    print!("{trace}");
    println!("relations:");
    for r in &ex.relations {
        println!(
            "  {} {}{} {}  (confidence {:.2}; {})",
            ex.entities[r.source].label,
            r.kind,
            if r.negated { " (negated)" } else { "" },
            ex.entities[r.target].label,
            r.confidence,
            r.reason
        );
    }
    Ok(())
}
