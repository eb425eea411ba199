//! Recognition: which token spans name an actor, and what type of actor.
//!
//! Mentions come from three sources, tried in this order at every token:
//! 1. the lexicon (countries, capitals, places, organizations, user entries), longest match
//!    first, with case rules that keep "us" and "who" out;
//! 2. capitalized name sequences, with connectors ("Ursula von der Leyen"), initials, and
//!    titles stripped off the front ("Mexican President Claudia Sheinbaum" names Claudia
//!    Sheinbaum, with Mexico and "President" kept as context);
//! 3. demonyms with actor nouns, possibly after modifiers: "Mexican officials" and "U.S.
//!    border patrol agents" stand for their country, "Mexican cartels" and "Russian civilian
//!    advisers" are groups; group nouns without a demonym ("cartel members", "Farmers" opening
//!    a sentence) are groups too.
//!
//! Capitals mean little at the start of a sentence or in a heading, so there a word that is
//! common English ("However", "Understanding") only counts when the document also uses it as
//! a name in running text.

mod candidate;
mod context;
mod model;
mod names;
mod structure;
mod teams;

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
    let mut refined = model::refine(text, layout, out, lexicon);
    refined.retain(|c| c.entry.is_some() || !designation(text, layout, c.tokens.end));
    let joined = join_bare_state_nouns(refined, &keys, lexicon);
    teams::retype(text, layout, joined, lexicon)
}

/// Whether a group named `key` (its folded words) is a bare acting body ("police", "the
/// jury") and mention `tokens` of it does not open its sentence: the rules read such a group
/// as an actor only where it opens the sentence ("Police arrested ...", not "sending troops
/// to X"); the relation model sees it everywhere.
pub(crate) fn inner_acting_body(
    text: &str,
    layout: &Layout,
    sentence: &crate::text::Sentence,
    key: &str,
    tokens: &std::ops::Range<usize>,
) -> bool {
    ACTING_BODIES.contains(&key)
        && context::first_word(text, layout, sentence.tokens.clone()) != Some(tokens.start)
}

/// Bare state nouns that stay a group of their own when no country claims them: the bodies
/// that act on their own ("Police arrested ...", "a jury convicted ...").
const ACTING_BODIES: &[&str] = &[
    "police",
    "policemen",
    "police officers",
    "officers",
    "troops",
    "soldiers",
    "security forces",
    "special forces",
    "border guards",
    "court",
    "jury",
    "prosecutors",
    "federal prosecutors",
    "investigators",
    "detectives",
];

/// A bare state noun ("the soldiers", "the government") stands for the one country whose
/// phrase in the document has the same head ("Israeli soldiers", "the Haitian government").
/// With no such country, the bodies that act on their own (police and armed forces, courts,
/// juries, prosecutors) stay a group, and other state nouns ("officials", "the government")
/// name no actor. Whether such a group takes part in anything the relation stage decides; a
/// group that takes part in nothing is dropped from the extraction.
fn join_bare_state_nouns(
    candidates: Vec<Candidate>,
    keys: &[String],
    lexicon: &Lexicon,
) -> Vec<Candidate> {
    use crate::entity::EntityType;
    use crate::lexicon::RoleCategory;
    let phrase = |r: std::ops::Range<usize>| keys[r].join(" ");
    let state = |k: &str| lexicon.role(k, RoleCategory::State).is_some();
    // Head → its country, or None when several countries share it.
    let mut heads: std::collections::HashMap<String, Option<usize>> = Default::default();
    for c in &candidates {
        let Some(country) = c
            .country
            .filter(|_| c.kind == EntityType::Country && !c.nested)
        else {
            continue;
        };
        let end = c.tokens.end;
        let head = (1..=3.min(c.tokens.len() - 1))
            .rev()
            .map(|n| phrase(end - n..end))
            .find(|k| state(k));
        if let Some(head) = head {
            let e = heads.entry(head).or_insert(Some(country));
            if *e != Some(country) {
                *e = None;
            }
        }
    }
    let mut out = Vec::with_capacity(candidates.len());
    for mut c in candidates {
        let key = phrase(c.tokens.clone());
        let bare = c.kind == EntityType::Group
            && c.country.is_none()
            && state(&key)
            && lexicon.role(&key, RoleCategory::Group).is_none();
        if bare {
            if let Some(&Some(country)) = heads.get(&key) {
                c.kind = EntityType::Country;
                c.country = Some(country);
                c.entry = None;
            } else if !ACTING_BODIES.contains(&key.as_str()) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether a name ending before token `end` is the letters of a designation: a hyphen and a
/// number joined to it without spaces ("Mi-26", "F-16", "Su-35") make the code of an aircraft,
/// a missile or a model, which is no actor.
fn designation(text: &str, layout: &Layout, end: usize) -> bool {
    use crate::text::TokenKind;
    let (Some(hyphen), Some(number)) = (layout.tokens.get(end), layout.tokens.get(end + 1)) else {
        return false;
    };
    hyphen.text(text) == "-"
        && number.kind == TokenKind::Number
        && layout.tokens[end - 1].span.end == hyphen.span.start
        && hyphen.span.end == number.span.start
}
