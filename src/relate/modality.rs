//! Truth and modality: negation, hedges, questions, participles used as adjectives, and
//! sources of information.

use crate::entity::Mention;
use crate::text::{Layout, Sentence};

/// Words that negate the verb or noun they precede.
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Words that make what follows a possibility, not a statement of fact. Intent ("willing
/// to", "plans to") and report ("reportedly") are kept: news states them as facts.
const HEDGES: &[&str] = &[
    "could",
    "might",
    "may",
    "potentially",
    "possibly",
    "perhaps",
    "would",
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

fn any_before(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    at: usize,
    window: usize,
    words: &[&str],
) -> bool {
    let start = at.saturating_sub(window).max(sentence.tokens.start);
    (start..at).rev().any(|i| {
        let w = layout.tokens[i].text(doc).to_lowercase();
        words.contains(&w.as_str())
    })
}

/// Whether a negator stands within four words before token `at`.
pub(super) fn negated(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    any_before(doc, layout, sentence, at, 4, NEGATORS)
}

/// Whether a hedge stands within three words before token `at`.
pub(super) fn hedged(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    any_before(doc, layout, sentence, at, 3, HEDGES)
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

/// Whether a mention is cited as a source ("according to La Politica Online"): it backs the
/// evidence but takes no part in the events.
pub(super) fn information_source(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    m: &Mention,
) -> bool {
    let word = |i: usize| layout.tokens[i].text(doc).to_lowercase();
    let mut start = m.tokens.start;
    if start > sentence.tokens.start && word(start - 1) == "the" {
        start -= 1;
    }
    start >= sentence.tokens.start + 2 && word(start - 2) == "according" && word(start - 1) == "to"
}

/// Whether a verb trigger's word is used as a noun: right after an article or possessive
/// ("a press briefing", "the strike", "their attack").
pub(super) fn nominal_use(doc: &str, layout: &Layout, at: usize) -> bool {
    at > 0
        && matches!(
            layout.tokens[at - 1].text(doc).to_lowercase().as_str(),
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "'s"
                | "’s"
        )
}
