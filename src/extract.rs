//! One document in, its entities, mentions and relations out: the per-document stage that
//! needs no state shared between documents.

use std::borrow::Cow;

use crate::document::Document;
use crate::entity::{Entity, EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::relation::Relation;
use crate::{recognize, relate, resolve, text};

/// What was found in one document, before merging across documents.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The document's id.
    pub document: String,
    /// Its entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Its relations, static ones first, then events in text order.
    pub relations: Vec<Relation>,
}

/// The extraction pipeline with its lexicon.
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Cow<'static, Lexicon>,
    options: relate::RelateOptions,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor {
            lexicon: Cow::Borrowed(Lexicon::builtin()),
            options: relate::RelateOptions::default(),
        }
    }

    /// An extractor with a lexicon of one's own (built-in plus a user lexicon, say).
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        Extractor {
            lexicon: Cow::Owned(lexicon),
            options: relate::RelateOptions::default(),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Keeps relations whose confidence is at least `p` instead of the model's thresholds.
    pub fn with_min_confidence(mut self, p: Option<f32>) -> Extractor {
        self.options.min_confidence = p;
        self
    }

    /// Runs text → sentences and tokens → mentions → entities → relations on one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.run(doc, None)
    }

    /// Extracts a document and tells how its relations were decided: per sentence, its
    /// mentions, parse, the rules' proposals and the candidates with the model's
    /// probabilities (what `newsgraph explain` prints).
    pub fn explain(&self, doc: &Document) -> (Extraction, String) {
        let mut trace = String::new();
        let ex = self.run(doc, Some(&mut trace));
        (ex, trace)
    }

    fn run(&self, doc: &Document, trace: Option<&mut String>) -> Extraction {
        let layout = text::segment(&doc.text);
        let candidates = recognize::recognize(&doc.text, &layout, &self.lexicon);
        let resolved = resolve::resolve(&doc.text, &candidates, &self.lexicon);
        let relations = relate::relate_with(
            &doc.text,
            &layout,
            &resolved,
            &self.lexicon,
            relate::RelationModel::embedded(),
            self.options,
            trace,
        );
        drop_idle_groups(Extraction {
            document: doc.id.clone(),
            entities: resolved.entities,
            mentions: resolved.mentions,
            relations,
        })
    }
}

/// Drops groups that take part in no relation: a named actor is worth a node whenever it is
/// mentioned, but "analysts" or "residents" only when they do something.
fn drop_idle_groups(mut ex: Extraction) -> Extraction {
    let mut active = vec![false; ex.entities.len()];
    for r in &ex.relations {
        active[r.source] = true;
        active[r.target] = true;
    }
    let keep: Vec<bool> = ex
        .entities
        .iter()
        .zip(&active)
        .map(|(e, &a)| a || e.kind != EntityType::Group)
        .collect();
    let mut new_index = vec![usize::MAX; ex.entities.len()];
    let mut next = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = next;
            next += 1;
        }
    }
    let mut i = 0;
    ex.entities.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    ex.mentions.retain(|m| keep[m.entity]);
    for m in &mut ex.mentions {
        m.entity = new_index[m.entity];
    }
    for r in &mut ex.relations {
        r.source = new_index[r.source];
        r.target = new_index[r.target];
    }
    ex
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator: the same strings on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 as usize
        }
    }

    /// Regression guard: extraction never panics, whatever the words and punctuation, and
    /// every span it returns lies on character boundaries. (Index errors at the ends of
    /// sentences have slipped in twice.)
    #[test]
    fn random_text_never_panics() {
        let pieces = [
            "Mexico",
            "U.S.",
            "the",
            "of",
            "al",
            "-",
            "Qaeda",
            "'s",
            "’s",
            "President",
            "Ana",
            "Vidal",
            "(",
            ")",
            "FAFO",
            "Party",
            "accused",
            "to",
            "that",
            "Cartel",
            "leader",
            ",",
            ".",
            "?",
            "\n",
            "\n\n",
            "Q:",
            "by",
            "and",
            "von",
            "der",
            "Leyen",
            "García",
            "May",
            "Monday",
            "Washington",
            "were",
            "killed",
            "threatened",
            "calls",
            "from",
            "é",
            "🚀",
            "\"",
            "“",
            "”",
            "Sen.",
            "J.",
            "Inc.",
            "People",
            "Department",
            "Justice",
            "he",
            "they",
            "not",
            "will",
            "agreement",
            "between",
            "Peru",
            "Chile",
            "officials",
        ];
        let extractor = Extractor::new();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for n in 0..1500 {
            let len = rng.next() % 40;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(pieces[rng.next() % pieces.len()]);
                if rng.next() % 4 != 0 {
                    text.push(' ');
                }
            }
            let doc = Document::new(format!("r{n}"), text.clone());
            let ex = extractor.extract(&doc);
            for m in &ex.mentions {
                assert!(text.get(m.span.clone()).is_some(), "{text:?}");
            }
            for r in &ex.relations {
                assert!(
                    text.get(r.sentence.clone()).is_some() && text.get(r.trigger.clone()).is_some()
                );
            }
        }
    }
}
