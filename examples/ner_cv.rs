//! Settings search for the NER tagger: scores every epoch on UNER dev and CrossNER dev
//! (trained on UNER train + CrossNER train), and with 2-fold cross-validation over CrossNER dev
//! halves added to the training data (as the final model is trained).
//! `cargo run --release --example ner_cv -- [--epochs N] [--repeat N] [--cutoff N] [--beam N]
//! [--seeds N] [--no-cv]` (scores averaged over seeds 1..=N)

use std::path::Path;

use newsgraph::ner::corpus::{self, Sentence};
use newsgraph::ner::eval::{evaluate, Tokens};
use newsgraph::ner::train::{train, TrainOptions};

fn read(p: &str) -> Vec<Sentence> {
    corpus::read(Path::new(&format!("../shared/data/{p}")), None)
        .expect("data")
        .1
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .map_or(default, |i| args[i + 1].parse().expect("a number"))
    };
    let epochs = opt("--epochs", 12);
    let repeat = opt("--repeat", 2);
    let cutoff = opt("--cutoff", 2) as u32;
    let beam = opt("--beam", 4);
    let seeds = opt("--seeds", 1);
    let first_seed = opt("--first-seed", 1);
    let models = opt("--models", 1);
    let cv = !args.iter().any(|a| a == "--no-cv");
    let uner_train = read("uner-english-ewt/en_ewt-ud-train.iob2");
    let uner_dev = read("uner-english-ewt/en_ewt-ud-dev.iob2");
    let cn_train = read("crossner-politics/train.txt");
    let cn_dev = read("crossner-politics/dev.txt");
    let options = |seed: usize| TrainOptions {
        epochs,
        cutoff,
        beam,
        seed: ((seed - 1) * models + first_seed) as u64,
        models,
        ..TrainOptions::default()
    };
    let w = 1.0 / seeds as f64;
    let with = |extra: &[Sentence]| {
        let mut v = uner_train.clone();
        for _ in 0..repeat {
            v.extend(cn_train.iter().cloned());
            v.extend(extra.iter().cloned());
        }
        v
    };
    let mut standard = vec![(0.0, 0.0); epochs];
    let mut final_scores = (0.0, 0.0, 0.0, 0.0);
    for seed in 1..=seeds {
        let last = train(&with(&[]), &options(seed), &mut |r, ner| {
            if r.model > 1 {
                return;
            }
            let u = evaluate(ner, &uner_dev, Tokens::Given).micro().f1();
            let c = evaluate(ner, &cn_dev, Tokens::Given).micro().f1();
            standard[r.epoch - 1].0 += u * w;
            standard[r.epoch - 1].1 += c * w;
        });
        final_scores.0 += evaluate(&last, &uner_dev, Tokens::Given).micro().f1() * w;
        final_scores.1 += evaluate(&last, &cn_dev, Tokens::Given).micro().f1() * w;
    }
    let mut folds = vec![(0.0, 0.0); epochs];
    if cv {
        let half = cn_dev.len() / 2;
        for (k, seed) in (0..2).flat_map(|k| (1..=seeds).map(move |s| (k, s))) {
            let (held, used) = if k == 0 {
                (&cn_dev[..half], &cn_dev[half..])
            } else {
                (&cn_dev[half..], &cn_dev[..half])
            };
            let last = train(&with(used), &options(seed), &mut |r, ner| {
                if r.model > 1 {
                    return;
                }
                let u = evaluate(ner, &uner_dev, Tokens::Given).micro().f1();
                let c = evaluate(ner, held, Tokens::Given).micro().f1();
                if std::env::var("NER_DEBUG").is_ok() {
                    let misc: usize = uner_dev
                        .iter()
                        .map(|s| {
                            newsgraph::ner::spans(&ner.tag(&s.words))
                                .iter()
                                .filter(|x| x.1 == newsgraph::ner::EntityKind::Misc)
                                .count()
                        })
                        .sum();
                    eprintln!("fold {k} seed {seed} epoch {}: uner {u:.4} cn {c:.4}, {misc} MISC on uner dev, {} errors", r.epoch, r.errors);
                }
                folds[r.epoch - 1].0 += u * w / 2.0;
                folds[r.epoch - 1].1 += c * w / 2.0;
            });
            final_scores.2 += evaluate(&last, &uner_dev, Tokens::Given).micro().f1() * w / 2.0;
            final_scores.3 += evaluate(&last, held, Tokens::Given).micro().f1() * w / 2.0;
        }
    }
    println!("epoch  uner-dev  cn-dev  | cv: uner-dev  cn-dev-halves   (first model of {models})");
    for e in 0..epochs {
        println!(
            "{:>5}  {:.4}    {:.4}  |     {:.4}    {:.4}",
            e + 1,
            standard[e].0,
            standard[e].1,
            folds[e].0,
            folds[e].1
        );
    }
    println!(
        "final  {:.4}    {:.4}  |     {:.4}    {:.4}   (mean of {models} models)",
        final_scores.0, final_scores.1, final_scores.2, final_scores.3
    );
}
