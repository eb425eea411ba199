//! Pronouns as arguments: "he", "she", "they", "it" stand for the nearest compatible entity
//! mentioned before them, in the same or the previous sentence.

use crate::entity::{EntityType, Mention};
use crate::text::Layout;

/// Possessive determiners.
pub(super) const POSSESSIVES: &[&str] = &["his", "her", "their", "its"];

/// What a pronoun may refer to.
fn compatible(pronoun: &str, kind: EntityType) -> Option<bool> {
    Some(match pronoun {
        "he" | "him" | "his" | "she" | "her" | "himself" | "herself" => kind == EntityType::Person,
        "they" | "them" | "their" | "themselves" => {
            matches!(
                kind,
                EntityType::Group | EntityType::Country | EntityType::Organization
            )
        }
        "it" | "its" | "itself" => matches!(kind, EntityType::Country | EntityType::Organization),
        _ => return None,
    })
}

/// Pseudo-mentions for the pronouns of sentence `index`, resolved against the mentions of
/// that sentence and the one before. `mentions` are the document's, in text order.
pub(super) fn resolve(
    doc: &str,
    layout: &Layout,
    index: usize,
    mentions: &[Mention],
) -> Vec<Mention> {
    let sentence = &layout.sentences[index];
    let mut out = Vec::new();
    for i in sentence.tokens.clone() {
        let word = layout.tokens[i].text(doc).to_lowercase();
        // "it" rarely names an actor in news ("it remains unlikely"); only possessive "its" and
        // personal pronouns are trusted.
        if word == "it" {
            continue;
        }
        let Some(_) = compatible(&word, EntityType::Person) else {
            continue;
        };
        let antecedent = mentions
            .iter()
            .rev()
            .filter(|m| !m.nested && m.tokens.end <= i)
            .take_while(|m| m.sentence + 1 >= index)
            .find(|m| compatible(&word, m.kind) == Some(true));
        if let Some(a) = antecedent {
            out.push(Mention {
                span: layout.tokens[i].span.clone(),
                sentence: index,
                tokens: i..i + 1,
                kind: a.kind,
                entity: a.entity,
                // A possessive ("their respective nations") is no argument of its own; it
                // serves only as the possessor of a nominal trigger ("his threats").
                nested: POSSESSIVES.contains(&word.as_str()),
            });
        }
    }
    out
}
