//! Scoring a tagger on annotated sentences: entity-level exact spans, per kind.
//!
//! A predicted name is correct when its span is exactly a gold span and its kind the gold kind.
//! The micro average is over PER, ORG and LOC; MISC is reported on its own, and only when the
//! source annotates it (Universal NER does not: predicted MISC names are dropped there). A
//! predicted PER/ORG/LOC over a gold MISC span counts as wrong. The boundary row scores spans
//! whatever their kinds.
//!
//! [`Rules::Lenient`] scores the way `eval/ner.py` does: MISC is not scored, and a predicted name
//! that overlaps a gold MISC name without being exactly a scored gold name is ignored.

use std::fmt;
use std::ops::Range;
use std::time::Instant;

use super::corpus::Sentence;
use super::label::{spans, EntityKind};
use super::Ner;
use crate::text;

/// Gold, predicted and correct counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold names.
    pub gold: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Predicted names that are exactly gold names.
    pub correct: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// How sentences reach the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tokens {
    /// The file's tokens.
    #[default]
    Given,
    /// The file's tokens joined by spaces and split again by [`text::tokenize`], as at run
    /// time; spans are compared as character ranges of the joined text.
    Retokenized,
}

/// Which predictions count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rules {
    /// Every prediction of an annotated kind.
    #[default]
    Strict,
    /// As `eval/ner.py`: predicted MISC names, and predictions overlapping a gold MISC name
    /// (unless exactly a gold PER/ORG/LOC name), are ignored.
    Lenient,
}

/// Scores of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per kind, in [`EntityKind::ALL`] order.
    pub kinds: [Counts; 4],
    /// Spans alone.
    pub boundary: Counts,
    /// Whether MISC was scored.
    pub misc_scored: bool,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens tagged.
    pub tokens: usize,
    /// Seconds spent tagging (features, lexicon and decoding).
    pub seconds: f64,
}

impl Scores {
    /// Counts of one kind.
    pub fn kind(&self, kind: EntityKind) -> Counts {
        self.kinds[EntityKind::ALL
            .iter()
            .position(|&k| k == kind)
            .expect("a kind")]
    }

    /// Micro average over PER, ORG and LOC.
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for k in [EntityKind::Per, EntityKind::Org, EntityKind::Loc] {
            c.add(self.kind(k));
        }
        c
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10}{:>7}{:>7}{:>8}{:>8}{:>8}{:>8}",
            "type", "gold", "pred", "correct", "P", "R", "F1"
        )?;
        let mut rows: Vec<(&str, Counts)> = vec![
            ("PER", self.kind(EntityKind::Per)),
            ("ORG", self.kind(EntityKind::Org)),
            ("LOC", self.kind(EntityKind::Loc)),
            ("micro", self.micro()),
        ];
        if self.misc_scored {
            rows.push(("MISC", self.kind(EntityKind::Misc)));
        }
        rows.push(("boundary", self.boundary));
        for (name, c) in rows {
            writeln!(
                f,
                "{name:<10}{:>7}{:>7}{:>8}{:>8.3}{:>8.3}{:>8.3}",
                c.gold,
                c.predicted,
                c.correct,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

/// Tags every sentence and scores the names found against the gold ones.
pub fn evaluate(ner: &Ner, sentences: &[Sentence], tokens: Tokens) -> Scores {
    evaluate_with(ner, sentences, tokens, Rules::Strict)
}

/// [`evaluate`] with a choice of [`Rules`].
pub fn evaluate_with(ner: &Ner, sentences: &[Sentence], tokens: Tokens, rules: Rules) -> Scores {
    let mut scores = Scores {
        misc_scored: rules == Rules::Strict && sentences.iter().any(|s| s.misc_annotated),
        ..Scores::default()
    };
    for s in sentences {
        let gold = spans(&s.labels);
        let started = Instant::now();
        let (predicted, gold): (Vec<(Range<usize>, EntityKind)>, Vec<_>) = match tokens {
            Tokens::Given => {
                scores.tokens += s.words.len();
                (spans(&ner.tag(&s.words)), gold)
            }
            Tokens::Retokenized => {
                let joined = s.words.join(" ");
                let mut starts = Vec::with_capacity(s.words.len() + 1);
                let mut pos = 0;
                for w in &s.words {
                    starts.push(pos);
                    pos += w.len() + 1;
                }
                starts.push(pos);
                let toks = text::tokenize(&joined);
                let words: Vec<&str> = toks.iter().map(|t| t.text(&joined)).collect();
                scores.tokens += words.len();
                let predicted = spans(&ner.tag(&words))
                    .into_iter()
                    .map(|(r, k)| (toks[r.start].span.start..toks[r.end - 1].span.end, k))
                    .collect();
                let gold = gold
                    .into_iter()
                    .map(|(r, k)| (starts[r.start]..starts[r.end] - 1, k))
                    .collect();
                (predicted, gold)
            }
        };
        scores.seconds += started.elapsed().as_secs_f64();
        let scored_misc = s.misc_annotated && rules == Rules::Strict;
        let predicted = match rules {
            Rules::Strict => predicted,
            Rules::Lenient => lenient(predicted, &gold),
        };
        let gold: Vec<_> = gold
            .into_iter()
            .filter(|(_, k)| scored_misc || *k != EntityKind::Misc)
            .collect();
        score_sentence(&mut scores, &gold, &predicted, scored_misc);
        scores.sentences += 1;
    }
    scores
}

/// The predictions `eval/ner.py` scores: no MISC, nothing overlapping a gold MISC name unless it
/// is exactly another gold name.
fn lenient(
    predicted: Vec<(Range<usize>, EntityKind)>,
    gold: &[(Range<usize>, EntityKind)],
) -> Vec<(Range<usize>, EntityKind)> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    predicted
        .into_iter()
        .filter(|(r, k)| {
            *k != EntityKind::Misc
                && (gold.iter().any(|(g, gk)| g == r && *gk != EntityKind::Misc)
                    || !gold
                        .iter()
                        .any(|(g, gk)| *gk == EntityKind::Misc && overlaps(g, r)))
        })
        .collect()
}

fn score_sentence(
    scores: &mut Scores,
    gold: &[(Range<usize>, EntityKind)],
    predicted: &[(Range<usize>, EntityKind)],
    misc_annotated: bool,
) {
    let predicted: Vec<&(Range<usize>, EntityKind)> = predicted
        .iter()
        .filter(|(_, k)| misc_annotated || *k != EntityKind::Misc)
        .collect();
    for (i, kind) in EntityKind::ALL.iter().enumerate() {
        let c = &mut scores.kinds[i];
        c.gold += gold.iter().filter(|(_, k)| k == kind).count();
        c.predicted += predicted.iter().filter(|(_, k)| k == kind).count();
        c.correct += predicted
            .iter()
            .filter(|p| p.1 == *kind && gold.contains(p))
            .count();
    }
    scores.boundary.gold += gold.len();
    scores.boundary.predicted += predicted.len();
    scores.boundary.correct += predicted
        .iter()
        .filter(|p| gold.iter().any(|g| g.0 == p.0))
        .count();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_and_kinds_count() {
        use EntityKind::*;
        let mut s = Scores::default();
        let gold = [(0..2, Per), (3..4, Loc), (5..6, Misc)];
        let pred = [(0..2, Per), (3..4, Org), (5..6, Misc), (7..8, Loc)];
        score_sentence(&mut s, &gold, &pred, true);
        assert_eq!(
            s.kind(Per),
            Counts {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!(
            s.kind(Loc),
            Counts {
                gold: 1,
                predicted: 1,
                correct: 0
            }
        );
        assert_eq!(
            s.micro(),
            Counts {
                gold: 2,
                predicted: 3,
                correct: 1
            }
        );
        assert_eq!(
            s.boundary,
            Counts {
                gold: 3,
                predicted: 4,
                correct: 3
            }
        );
        // Without MISC annotation, predicted MISC names are dropped.
        let mut s = Scores::default();
        score_sentence(&mut s, &[(0..1, Per)], &[(0..1, Per), (2..3, Misc)], false);
        assert_eq!(
            s.boundary,
            Counts {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert!((s.micro().f1() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn lenient_rules_ignore_what_overlaps_unscored_names() {
        use EntityKind::*;
        let gold = [(0..3, Misc), (5..6, Loc)];
        let pred = vec![(1..2, Loc), (0..3, Misc), (5..6, Loc), (7..8, Org)];
        assert_eq!(lenient(pred, &gold), vec![(5..6, Loc), (7..8, Org)]);
    }
}
