//! Pronouns as arguments: "he", "she", "they", "it" stand for the nearest compatible entity
//! mentioned before them, in the same or the previous sentence.

use super::words::words;
use crate::entity::{EntityType, Mention};
use crate::lexicon::{Lexicon, RoleCategory};
use crate::text::Layout;

/// What a pronoun may refer to.
pub(in crate::relate) fn compatible(pronoun: &str, kind: EntityType) -> Option<bool> {
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
    lexicon: &Lexicon,
) -> Vec<Mention> {
    let sentence = &layout.sentences[index];
    // Only the mentions of this sentence and the one before can be antecedents or stand
    // between: the rest of the document is never looked at.
    let mentions = &mentions[mentions.partition_point(|m| m.sentence + 1 < index)..];
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
            let intent =
                |w: &str| words().intent_adjectives.contains(&w) || words().unwilling.contains(&w);
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
        let plural = matches!(word.as_str(), "they" | "them" | "their" | "themselves");
        // "Protesters' demands include … that the government cease …. They had asked X":
        // a plural pronoun stands for people more often than for a state or a company, which
        // English calls "it". A group of people named nearby is its antecedent before any
        // country or organization.
        let groups: Vec<&Mention> = candidates
            .iter()
            .copied()
            .filter(|m| plural && m.kind == EntityType::Group)
            .collect();
        let pool = if groups.is_empty() {
            &candidates
        } else {
            &groups
        };
        let antecedent = if words().subject_pronouns.contains(&word.as_str()) {
            pool.iter()
                .copied()
                .find(|m| subject_like(m))
                .or(pool.first().copied())
        } else {
            pool.first().copied()
        };
        // A plural pronoun does not stand for one country or organization when the
        // text between them names people the recognizer made no actor of ("the foreign
        // ministers met …. They called on X"), or when that one is coordinated with
        // another ("the agreement between X and Y …. They"): it stands for the people, or
        // for all the coordinated, not for the one.
        let antecedent = antecedent.filter(|a| {
            !plural
                || a.kind == EntityType::Group
                || !(coordinated(doc, layout, a, mentions)
                    || people_between(doc, layout, a.tokens.end, i, mentions, lexicon))
        });
        if let Some(a) = antecedent {
            out.push(Mention {
                span: layout.tokens[i].span.clone(),
                sentence: index,
                tokens: i..i + 1,
                kind: a.kind,
                entity: a.entity,
                // A possessive ("their respective nations") is no argument of its own; it
                // serves only as the possessor of a nominal trigger ("his threats").
                nested: words().possessive_pronouns.contains(&word.as_str()),
            });
        }
    }
    out
}

/// Whether mention `a` is coordinated with another mention: "X and Y", "X, Y", "Y and X".
fn coordinated(doc: &str, layout: &Layout, a: &Mention, mentions: &[Mention]) -> bool {
    let joins = |k: usize| matches!(layout.tokens[k].text(doc), "and" | "or" | ",");
    mentions.iter().any(|m| {
        m.sentence == a.sentence
            && !m.nested
            && m.entity != a.entity
            && (m.tokens.start == a.tokens.end + 1 && joins(a.tokens.end)
                || a.tokens.start == m.tokens.end + 1 && joins(m.tokens.end))
    })
}

/// Whether a word between tokens `from` and `to`, in no mention, names people in the plural
/// ("ministers", "officials", "delegates").
fn people_between(
    doc: &str,
    layout: &Layout,
    from: usize,
    to: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> bool {
    (from..to).any(|k| {
        let w = layout.tokens[k].text(doc);
        if !w.ends_with('s') || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if mentions.iter().any(|m| m.tokens.contains(&k)) {
            return false;
        }
        lexicon.role(w, RoleCategory::Group).is_some()
            || lexicon
                .role(&w[..w.len() - 1], RoleCategory::Role)
                .is_some()
    })
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
