//! The recognizer's output: a typed span with the context that resolution and relation
//! extraction need.

use std::ops::Range;

use crate::entity::EntityType;
use crate::relation::RelationType;

/// A span that names an actor, before resolution gives it an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range of the name (titles and country prefixes excluded).
    pub span: Range<usize>,
    /// Token range of the whole phrase, prefixes and titles included: relation extraction
    /// treats it as one argument.
    pub tokens: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// Entity type.
    pub kind: EntityType,
    /// The name as written, whitespace normalized: the label it proposes.
    pub name: String,
    /// Lexicon entry it matched, if any.
    pub entry: Option<usize>,
    /// Country named by a prefix or demonym ("Mexican President X", "U.S. Department of X").
    pub country: Option<usize>,
    /// Relation implied by a title or role toward `country` ("President" → leader-of).
    pub title_relation: Option<RelationType>,
    /// Byte range of the title or role word, when there is one.
    pub title_span: Option<Range<usize>>,
    /// The type rests on weak evidence (a lone capitalized word): resolution may retype it.
    pub tentative: bool,
    /// A modifier inside a larger phrase (the country prefix of "Mexican President X").
    pub nested: bool,
    /// The type was a default (a capitalized run with no head word, title or lexicon entry):
    /// the statistical recognizer may retype, reshape or drop it.
    pub defaulted: bool,
}
