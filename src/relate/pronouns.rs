//! Pronouns as arguments: "he", "she", "they", "it" stand for the nearest compatible entity
//! mentioned before them, in the same or the previous sentence.

use crate::entity::{EntityType, Mention};
use crate::text::Layout;

/// Subject pronouns.
const SUBJECTS: &[&str] = &["he", "she", "they", "it"];

/// Verbs of saying and "that": an "it" right after them is the subject of what is reported
/// ("Freedonia said today it had expelled …").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "stated",
    "declared",
    "confirmed",
    "added",
    "insisted",
    "warned",
    "that",
];

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
            // "said it had expelled", "announced on Monday that it would allow": right after
            // a verb of saying, "it" continues the speaker's subject.
            let reported = (i.saturating_sub(4).max(sentence.tokens.start)..i)
                .any(|k| REPORTING.contains(&layout.tokens[k].text(doc).to_lowercase().as_str()))
                && !matches!(next.as_str(), "." | ",");
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
