//! Pronouns as arguments: "he", "she", "they", "it" stand for the nearest compatible entity
//! mentioned before them, in the same or the previous sentence.

use crate::entity::{EntityType, Mention};
use crate::text::Layout;

/// Subject pronouns.
const SUBJECTS: &[&str] = &["he", "she", "they", "it"];

/// Possessive determiners.
pub(super) const POSSESSIVES: &[&str] = &["his", "her", "their", "its"];

/// What a pronoun may refer to.
pub(super) fn compatible(pronoun: &str, kind: EntityType) -> Option<bool> {
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
        // "it" is often no actor at all ("it remains unlikely", "it is said"): trusted only
        // before a verb that is not a copula or an auxiliary of that kind.
        if word == "it" {
            let next = layout
                .tokens
                .get(i + 1)
                .map_or(String::new(), |t| t.text(doc).to_lowercase());
            let expletive = matches!(
                next.as_str(),
                "is" | "was"
                    | "'s"
                    | "’s"
                    | "remains"
                    | "remained"
                    | "seems"
                    | "seemed"
                    | "appears"
                    | "appeared"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "has"
                    | "had"
                    | "takes"
                    | "took"
                    | "becomes"
                    | "became"
                    | "looks"
                    | "means"
                    | "meant"
                    | "."
                    | ","
            );
            // "said it had expelled", "said it would boycott", "says it is willing to": a
            // perfect, a future or an intention after a verb of saying continues its subject
            // ("said it would be a mistake" does not).
            let after = |k: usize| {
                layout
                    .tokens
                    .get(i + k)
                    .filter(|_| i + k < sentence.tokens.end)
                    .map_or(String::new(), |t| t.text(doc).to_lowercase())
            };
            // The word before, past a time phrase ("confirmed on Wednesday it would").
            let mut b = i;
            while b > sentence.tokens.start
                && i - b < 3
                && is_time_word(&layout.tokens[b - 1].text(doc).to_lowercase())
            {
                b -= 1;
            }
            let before = if b > sentence.tokens.start {
                layout.tokens[b - 1].text(doc).to_lowercase()
            } else {
                String::new()
            };
            let intent = |w: &str| {
                super::modality::INTENT_ADJECTIVES.contains(&w)
                    || super::modality::UNWILLING.contains(&w)
            };
            let continued = match next.as_str() {
                "has" | "had" => after(2).ends_with("ed") && after(2) != "been",
                "will" | "would" => after(2) != "be" || intent(&after(3)),
                "is" | "was" => intent(&after(2)),
                _ => false,
            };
            let reported = continued
                && matches!(
                    before.as_str(),
                    "said" | "says" | "that" | "announced" | "confirmed" | "declared"
                );
            if expletive && !reported || i + 1 >= sentence.tokens.end {
                continue;
            }
        }
        let Some(_) = compatible(&word, EntityType::Person) else {
            continue;
        };
        let candidates: Vec<&Mention> = mentions
            .iter()
            .rev()
            .filter(|m| !m.nested && m.tokens.end <= i)
            .take_while(|m| m.sentence + 1 >= index)
            .filter(|m| compatible(&word, m.kind) == Some(true))
            .collect();
        // A subject pronoun continues a subject: the nearest antecedent that opens its clause
        // ("Peru will not accuse Chile, but it did" → Peru), else the nearest of all.
        let subject_like = |m: &Mention| {
            m.tokens.start == 0 || m.tokens.start == layout.sentences[m.sentence].tokens.start || {
                let before = layout.tokens[m.tokens.start - 1].text(doc).to_lowercase();
                matches!(
                    before.as_str(),
                    "," | "and"
                        | "but"
                        | "the"
                        | "that"
                        | "while"
                        | "as"
                        | "when"
                        | "“"
                        | "\""
                        | ";"
                )
            }
        };
        let antecedent = if SUBJECTS.contains(&word.as_str()) {
            candidates
                .iter()
                .copied()
                .find(|m| subject_like(m))
                .or(candidates.first().copied())
        } else {
            candidates.first().copied()
        };
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

/// Words of a short time phrase: "on Wednesday", "today".
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}
