//! Truth and modality: negation, questions, and participles used as adjectives.

use crate::text::{Layout, Sentence};

/// Words that negate the verb or noun they precede.
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "neither", "nor", "without", "refused", "declined", "denied",
];

/// Whether the sentence is a question (it ends with "?").
pub(super) fn is_question(doc: &str, layout: &Layout, sentence: &Sentence) -> bool {
    sentence
        .tokens
        .clone()
        .rev()
        .map(|i| layout.tokens[i].text(doc))
        .find(|t| !matches!(*t, "”" | "\"" | "’" | "'" | ")"))
        == Some("?")
}

/// Whether a negator stands within three words before token `at` (same clause).
pub(super) fn negated(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    let start = at.saturating_sub(4).max(sentence.tokens.start);
    (start..at).rev().any(|i| {
        let w = layout.tokens[i].text(doc).to_lowercase();
        NEGATORS.contains(&w.as_str())
    })
}

/// Words after which a past participle is an adjective ("the accused", "alleged bribes").
const ADJECTIVE_CONTEXT: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "his", "her", "their", "its", "our", "your", "my", "for",
    "to", "with", "these", "those", "this", "that", "some", "many", "several", "two", "three",
    "dozens", "all", "any", "other",
];

/// Whether a past-tense form at `at` modifies the noun after it ("accused cartel members").
pub(super) fn adjectival(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    if at == sentence.tokens.start {
        return false;
    }
    let before = layout.tokens[at - 1].text(doc).to_lowercase();
    let next_is_word = at + 1 < sentence.tokens.end
        && layout.tokens[at + 1]
            .text(doc)
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
    ADJECTIVE_CONTEXT.contains(&before.as_str()) && next_is_word
}
