//! Recognition: which token spans name an actor, and what type of actor.
//!
//! Mentions come from three sources, tried in this order at every token:
//! 1. the lexicon (countries, capitals, places, organizations, user entries), longest match
//!    first, with case rules that keep "us" and "who" out;
//! 2. capitalized name sequences, with connectors ("Ursula von der Leyen"), initials, and
//!    titles stripped off the front ("Mexican President Claudia Sheinbaum" names Claudia
//!    Sheinbaum, with Mexico and "President" kept as context);
//! 3. demonyms with actor nouns: "Mexican officials" stands for Mexico, "Mexican cartels" is
//!    a group.
//!
//! Capitals mean little at the start of a sentence or in a heading, so there a word that is
//! common English ("However", "Understanding") only counts when the document also uses it as
//! a name in running text.

mod candidate;
mod context;
mod names;

pub use candidate::Candidate;

#[cfg(test)]
mod tests;

use crate::lexicon::Lexicon;
use crate::text::Layout;

/// Finds the candidate mentions of a document, in text order, without overlaps.
pub fn recognize(text: &str, layout: &Layout, lexicon: &Lexicon) -> Vec<Candidate> {
    let keys: Vec<String> = layout
        .tokens
        .iter()
        .map(|t| crate::text::token_key(t.text(text)))
        .collect();
    let known = context::KnownNames::scan(text, layout, &keys, lexicon);
    let ctx = names::DocContext {
        doc: text,
        layout,
        keys: &keys,
        lexicon,
        known: &known,
    };
    let mut out = Vec::new();
    for (index, sentence) in layout.sentences.iter().enumerate() {
        names::sentence_candidates(&ctx, index, sentence, &mut out);
    }
    out
}
