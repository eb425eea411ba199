//! One document in, its entities, mentions and relations out: the per-document stage that
//! needs no state shared between documents.

use std::borrow::Cow;

use crate::document::Document;
use crate::entity::{Entity, Mention};
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
        Extraction {
            document: doc.id.clone(),
            entities: resolved.entities,
            mentions: resolved.mentions,
            relations,
        }
    }
}
