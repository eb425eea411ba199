//! `train relations`: the relation model's training on the news gold.

use anyhow::Result;

use super::args::TrainRelationsArgs;
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
    let docs = train::read_gold(&args.gold, &args.wikinews, &args.gum)?;
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
    let bytes = model.to_bytes();
    super::nlp::write_atomically(&args.output, &bytes)?;
    println!("wrote {} ({} bytes)", args.output.display(), bytes.len());
    Ok(())
}
