//! Relations: who did what to whom, sentence by sentence.
//!
//! A trigger from the lexicon ("accused", "threats", "hand over") anchors each event. Its
//! source and target are chosen among the entity mentions of the sentence (pronouns resolved
//! to the nearest compatible entity before them) by the trigger's part of speech and voice:
//! the subject before an active verb and the object after it, or after the trigger's
//! preposition ("cooperate with Y"); the agent after "by" and the subject before a passive;
//! the possessor ("X's threats") and the object of the trigger's preposition ("against Y")
//! for nouns; the two sides of "between X and Y" or of a coordinated subject for symmetric
//! relations. Negation in front of the trigger marks the relation `negated`; hedged
//! statements ("could attack", "potentially allied") and questions state nothing; a source
//! of information ("according to X") is not an actor.
//!
//! Static relations come from resolution (titles, prefixes, possessives) and are added here
//! with their evidence.

mod arguments;
mod modality;
mod pronouns;
mod triggers;

#[cfg(test)]
mod tests;

use crate::entity::Mention;
use crate::lexicon::Lexicon;
use crate::relation::Relation;
use crate::resolve::Resolved;
use crate::text::{Layout, SentenceKind};

/// Extracts the relations of one resolved document.
pub fn relate(doc: &str, layout: &Layout, resolved: &Resolved, lexicon: &Lexicon) -> Vec<Relation> {
    let mut out = Vec::new();
    for link in &resolved.links {
        out.push(Relation {
            source: link.source,
            target: link.target,
            kind: link.relation,
            negated: false,
            sentence: layout.sentences[link.sentence].span.clone(),
            trigger: link.trigger.clone(),
        });
    }
    let mut first = 0;
    for (index, sentence) in layout.sentences.iter().enumerate() {
        // Mentions are in text order: take this sentence's slice.
        while first < resolved.mentions.len() && resolved.mentions[first].sentence < index {
            first += 1;
        }
        let mut last = first;
        while last < resolved.mentions.len() && resolved.mentions[last].sentence == index {
            last += 1;
        }
        if sentence.kind == SentenceKind::Furniture || modality::is_question(doc, layout, sentence)
        {
            continue;
        }
        let mut mentions: Vec<Mention> = resolved.mentions[first..last]
            .iter()
            .filter(|m| !m.nested && !modality::information_source(doc, layout, sentence, m))
            .cloned()
            .collect();
        mentions.extend(pronouns::resolve(
            doc,
            layout,
            index,
            &resolved.mentions[..last],
        ));
        mentions.sort_by_key(|m| m.tokens.start);
        if mentions.len() < 2 {
            continue;
        }
        for found in triggers::find(doc, layout, sentence, &mentions, lexicon) {
            arguments::relations_for(doc, layout, sentence, &mentions, &found, &mut out);
        }
    }
    out
}
