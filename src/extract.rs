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
        }
    }

    /// An extractor with a lexicon of one's own (built-in plus a user lexicon, say).
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        Extractor {
            lexicon: Cow::Owned(lexicon),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Runs text → sentences and tokens → mentions → entities → relations on one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let layout = text::segment(&doc.text);
        let candidates = recognize::recognize(&doc.text, &layout, &self.lexicon);
        let resolved = resolve::resolve(&doc.text, &candidates, &self.lexicon);
        let relations = relate::relate(&doc.text, &layout, &resolved, &self.lexicon);
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
