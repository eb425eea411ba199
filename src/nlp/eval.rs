//! Annotating CoNLL-U sentences with the models, and scoring the result against gold.
//!
//! Scores follow the CoNLL 2018 shared task on gold tokenization: every word counts
//! (punctuation included), and LAS compares relations without their subtypes ("nsubj:pass"
//! counts as "nsubj"). The full-label LAS is reported too.

use super::conllu::Sentence;
use super::{lemma, Models};

/// Word counts behind the accuracy figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words compared.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos: usize,
    /// Words with the right XPOS.
    pub xpos: usize,
    /// Words with the right lemma.
    pub lemma: usize,
    /// Words with the right head.
    pub uas: usize,
    /// Words with the right head and relation (universal part, as CoNLL 2018 scores it).
    pub las: usize,
    /// Words with the right head and the full relation, subtype included.
    pub las_full: usize,
}

impl Scores {
    fn ratio(&self, n: usize) -> f64 {
        n as f64 / self.words.max(1) as f64
    }

    /// UPOS accuracy in [0, 1].
    pub fn upos(&self) -> f64 {
        self.ratio(self.upos)
    }

    /// XPOS accuracy in [0, 1].
    pub fn xpos(&self) -> f64 {
        self.ratio(self.xpos)
    }

    /// Lemma accuracy in [0, 1].
    pub fn lemma(&self) -> f64 {
        self.ratio(self.lemma)
    }

    /// Unlabelled attachment score in [0, 1].
    pub fn uas(&self) -> f64 {
        self.ratio(self.uas)
    }

    /// Labelled attachment score in [0, 1] (universal relations).
    pub fn las(&self) -> f64 {
        self.ratio(self.las)
    }

    /// Labelled attachment score in [0, 1] with relation subtypes.
    pub fn las_full(&self) -> f64 {
        self.ratio(self.las_full)
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "words {}  UPOS {:.2}%  XPOS {:.2}%  lemma {:.2}%  UAS {:.2}%  LAS {:.2}%  (LAS with subtypes {:.2}%)",
            self.words,
            100.0 * self.upos(),
            100.0 * self.xpos(),
            100.0 * self.lemma(),
            100.0 * self.uas(),
            100.0 * self.las(),
            100.0 * self.las_full()
        )
    }
}

/// Replaces LEMMA, UPOS, XPOS, HEAD and DEPREL of every word with the models' predictions, and
/// blanks FEATS and DEPS, which the models do not predict (so a scorer does not credit them
/// with the input's). Words, comments, multiword tokens and empty nodes are left as they are.
pub fn annotate(models: &Models, sentences: &mut [Sentence]) {
    for s in sentences {
        let forms = s.forms();
        let (tags, arcs) = models.analyze(&forms);
        let lemmas: Vec<String> = forms
            .iter()
            .zip(&tags)
            .map(|(f, t)| lemma(f, t.upos).into_owned())
            .collect();
        for (((w, t), a), l) in s.words.iter_mut().zip(tags).zip(arcs).zip(lemmas) {
            w.lemma = l;
            w.upos = t.upos.as_str().to_owned();
            w.xpos = t.xpos.to_owned();
            w.feats = "_".to_owned();
            w.head = Some(a.head);
            w.deprel = a.deprel.to_owned();
            w.deps = "_".to_owned();
        }
    }
}

/// Compares predicted sentences with gold ones (the same words, in the same order).
///
/// # Panics
/// If the two do not have the same number of sentences and words.
pub fn compare(gold: &[Sentence], predicted: &[Sentence]) -> Scores {
    assert_eq!(gold.len(), predicted.len(), "same number of sentences");
    let mut s = Scores::default();
    let universal = |r: &str| r.split(':').next().unwrap_or("").to_owned();
    for (g, p) in gold.iter().zip(predicted) {
        assert_eq!(g.words.len(), p.words.len(), "same words");
        for (g, p) in g.words.iter().zip(&p.words) {
            s.words += 1;
            s.upos += usize::from(g.upos == p.upos);
            s.xpos += usize::from(g.xpos == p.xpos);
            s.lemma += usize::from(g.lemma == p.lemma);
            if g.head == p.head {
                s.uas += 1;
                s.las += usize::from(universal(&g.deprel) == universal(&p.deprel));
                s.las_full += usize::from(g.deprel == p.deprel);
            }
        }
    }
    s
}

/// Tags, lemmatizes and parses the gold words of `gold` and scores the result.
pub fn evaluate(models: &Models, gold: &[Sentence]) -> Scores {
    let mut predicted = gold.to_vec();
    annotate(models, &mut predicted);
    compare(gold, &predicted)
}
