//! Truth and modality: negation, hedges, questions, participles used as adjectives, and
//! sources of information.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::entity::Mention;
use crate::text::{Layout, Sentence};

/// Words that negate the verb or noun they precede.
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Verbs that deny the noun after them ("refuted the existence of any such agreement").
const DENIALS: &[&str] = &[
    "refuted",
    "denied",
    "denies",
    "deny",
    "refutes",
    "dismissed",
];

/// Words that make what follows a possibility or an obligation, not a statement of fact
/// ("could attack", "must hand over"). Intent ("willing to", "plans to") and report
/// ("reportedly") are kept: news states them as facts.
const HEDGES: &[&str] = &[
    "could",
    "might",
    "may",
    "potentially",
    "possibly",
    "perhaps",
    "would",
    "probably",
    "likely",
    "unlikely",
];

/// Adjectives whose infinitive complement is what their subject intends, as "plans to" is:
/// "is willing to withdraw", "ready to contribute troops", "prepared to lift the ban".
pub(super) const INTENT_ADJECTIVES: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "determined",
    "eager",
    "keen",
    "poised",
    "resolved",
];

/// Adjectives whose complement is an act not intended ("unwilling to meet X").
pub(super) const UNWILLING: &[&str] = &["unwilling", "reluctant"];

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

/// Whether a negator stands within four words before token `at`, or a verb of denial
/// within six ("refuted the existence of any such agreement").
pub(super) fn negated(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    any_before(doc, layout, sentence, at, 4, NEGATORS)
        || any_before(doc, layout, sentence, at, 6, DENIALS)
}

/// Whether a hedge stands within three words before token `at`.
pub(super) fn hedged(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    any_before(doc, layout, sentence, at, 3, HEDGES)
}

/// Words after which a past participle is an adjective ("the accused", "alleged bribes").
pub(super) const ADJECTIVE_CONTEXT: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "his", "her", "their", "its", "our", "your", "my", "for",
    "to", "with", "these", "those", "this", "that", "some", "many", "several", "two", "three",
    "dozens", "all", "any", "other",
];

/// Prepositions after which a past participle opens a noun phrase ("over alleged plots").
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "over",
    "about",
    "amid",
    "despite",
    "against",
    "following",
    "after",
    "in",
    "on",
    "by",
    "from",
    "into",
    "of",
    "for",
    "with",
    "without",
];

/// The lowercase word before token `at`, when a word follows it: the frame of a participle
/// that modifies the noun after it.
fn noun_frame(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> Option<String> {
    let next_is_word = at + 1 < sentence.tokens.end
        && layout.tokens[at + 1]
            .text(doc)
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
    (at > sentence.tokens.start && next_is_word)
        .then(|| layout.tokens[at - 1].text(doc).to_lowercase())
}

/// Whether a past-tense form at `at` modifies the noun after it ("accused cartel members").
pub(super) fn adjectival(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    noun_frame(doc, layout, sentence, at).is_some_and(|before| {
        // "extradited suspected militant X": a participle right after a verb in the past.
        let after_past_verb = before.len() > 4 && before.ends_with("ed") && at >= 2;
        ADJECTIVE_CONTEXT.contains(&before.as_str()) || after_past_verb
    })
}

/// Whether a participle at `at` stands between a preposition and its noun ("sanctioned X
/// over alleged plots", "amid alleged fraud"): it describes the noun, whatever the parse.
pub(super) fn after_preposition(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    at: usize,
) -> bool {
    noun_frame(doc, layout, sentence, at)
        .is_some_and(|before| PARTICIPLE_PREPOSITIONS.contains(&before.as_str()))
}

/// Whether a mention is cited as a source ("according to La Politica Online") or a medium
/// ("via Twitter"): it backs the evidence but takes no part in the events.
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
    // "criticized the decision via Twitter": the medium a message went through.
    start > sentence.tokens.start && word(start - 1) == "via"
        || start >= sentence.tokens.start + 2
            && word(start - 2) == "according"
            && word(start - 1) == "to"
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

/// Whether the trigger at `at` is the verb of a to-infinitive governed by an intent verb
/// ("threatened to cut off", "promised to continue", "refused to meet"): `Some(false)` for an
/// intention (no event stated), `Some(true)` for a refusal or failure (the event is
/// negated), `None` otherwise.
pub(super) fn intent(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> Option<bool> {
    let word = |i: usize| layout.tokens[i].text(doc).to_lowercase();
    // The future is an intention too: "Portugal will support Turkey".
    let floor = at.saturating_sub(3).max(sentence.tokens.start);
    if (floor..at).any(|i| matches!(word(i).as_str(), "will" | "'ll" | "shall")) {
        return Some(false);
    }
    // The infinitive marker, right before the trigger or before a light verb and article
    // ("failed to reach agreement", "agreed to sign a treaty").
    let to = (at.saturating_sub(3).max(sentence.tokens.start)..at)
        .rev()
        .find(|&i| word(i) == "to")?;
    if to < sentence.tokens.start + 1 || (to + 1..at).any(|i| is_boundary_word(&word(i))) {
        return None;
    }
    // The governing verb, possibly after a time word: "threatened on Monday to".
    let floor = to.saturating_sub(4).max(sentence.tokens.start);
    for i in (floor..to).rev() {
        let w = word(i);
        if let Some(lemma) = intent_forms().get(&w) {
            return Some(matches!(*lemma, "refuse" | "decline" | "fail"));
        }
        // "is willing to", "is unwilling to".
        if INTENT_ADJECTIVES.contains(&w.as_str()) || UNWILLING.contains(&w.as_str()) {
            return Some(UNWILLING.contains(&w.as_str()));
        }
    }
    None
}

fn is_boundary_word(w: &str) -> bool {
    matches!(w, "," | ";" | "and" | "but" | "or" | "that" | "which")
}

/// Verbs whose complement is what someone wants done, not what happened: "demanded that
/// Israel ease restrictions", "called for the withdrawal of troops".
pub(super) const DEMAND_VERBS: &[&str] = &[
    "demand",
    "urge",
    "insist",
    "ask",
    "call",
    "request",
    "recommend",
    "propose",
    "suggest",
    "want",
    "seek",
    "press",
    "appeal",
    "plead",
    "order",
    "require",
];

/// Whether the trigger at `at` sits in the complement of a demand ("demanded that X
/// provide", "demanded the withdrawal of"): what is demanded has not happened.
pub(super) fn demanded(doc: &str, layout: &Layout, sentence: &Sentence, at: usize) -> bool {
    let word = |i: usize| layout.tokens[i].text(doc).to_lowercase();
    let is_demand_verb = |i: usize| {
        let w = word(i);
        // "the demand" and "a call" are nouns, not the verbs that govern a complement.
        let after_article =
            i > sentence.tokens.start && matches!(word(i - 1).as_str(), "a" | "an" | "the");
        !after_article && demand_forms().contains_key(&w)
    };
    let floor = at.saturating_sub(8).max(sentence.tokens.start);
    (floor..at).rev().any(|i| {
        is_demand_verb(i)
            && (i + 1..at).all(|k| {
                !matches!(
                    word(k).as_str(),
                    "," | ";" | "but" | "while" | "after" | "because" | "as"
                )
            })
    })
}

/// Every inflected form of the intent verbs, with its lemma (the first in
/// [`super::arguments::INTENT_VERBS`] that has the form), built once.
fn intent_forms() -> &'static HashMap<String, &'static str> {
    static FORMS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| forms_of(super::arguments::INTENT_VERBS))
}

/// Every inflected form of the demand verbs, built once.
fn demand_forms() -> &'static HashMap<String, &'static str> {
    static FORMS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| forms_of(DEMAND_VERBS))
}

/// The inflected forms of verb lemmas, each with the first lemma that has it.
fn forms_of(lemmas: &[&'static str]) -> HashMap<String, &'static str> {
    let mut forms = HashMap::new();
    for lemma in lemmas {
        for (form, _) in crate::lexicon::verb_forms(lemma) {
            forms.entry(form).or_insert(*lemma);
        }
    }
    forms
}
