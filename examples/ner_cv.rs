//! Settings search for the NER tagger: scores every epoch on UNER dev and CrossNER dev
//! (trained on UNER train + CrossNER train), and with 2-fold cross-validation over CrossNER dev
//! halves added to the training data (as the final model is trained).
//! `cargo run --release --example ner_cv -- [--epochs N] [--repeat N] [--cutoff N] [--no-cv]`

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
    let repeat = opt("--repeat", 1);
    let cutoff = opt("--cutoff", 2) as u32;
    let beam = opt("--beam", 0);
    let cv = !args.iter().any(|a| a == "--no-cv");
    let uner_train = read("uner-english-ewt/en_ewt-ud-train.iob2");
    let uner_dev = read("uner-english-ewt/en_ewt-ud-dev.iob2");
    let cn_train = read("crossner-politics/train.txt");
    let cn_dev = read("crossner-politics/dev.txt");
    let options = TrainOptions {
        epochs,
        cutoff,
        beam,
        ..TrainOptions::default()
    };
    let with = |extra: &[Sentence]| {
        let mut v = uner_train.clone();
        for _ in 0..repeat {
            v.extend(cn_train.iter().cloned());
            v.extend(extra.iter().cloned());
        }
        v
    };
    let mut standard = vec![(0.0, 0.0); epochs];
    train(&with(&[]), &options, &mut |r, ner| {
        let u = evaluate(ner, &uner_dev, Tokens::Given).micro().f1();
        let c = evaluate(ner, &cn_dev, Tokens::Given).micro().f1();
        standard[r.epoch - 1] = (u, c);
    });
    let mut folds = vec![(0.0, 0.0); epochs];
    if cv {
        let half = cn_dev.len() / 2;
        for k in 0..2 {
            let (held, used) = if k == 0 {
                (&cn_dev[..half], &cn_dev[half..])
            } else {
                (&cn_dev[half..], &cn_dev[..half])
            };
            train(&with(used), &options, &mut |r, ner| {
                let u = evaluate(ner, &uner_dev, Tokens::Given).micro().f1();
                let c = evaluate(ner, held, Tokens::Given).micro().f1();
                folds[r.epoch - 1].0 += u / 2.0;
                folds[r.epoch - 1].1 += c / 2.0;
            });
        }
    }
    println!("epoch  uner-dev  cn-dev  | cv: uner-dev  cn-dev-halves");
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
}
