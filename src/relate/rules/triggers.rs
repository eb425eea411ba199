//! Finding trigger occurrences in a sentence.

use std::ops::Range;

use super::words::words;
use crate::entity::Mention;
use crate::lexicon::{Form, Lexicon, Trigger};
use crate::relation::RelationType;
use crate::text::{Layout, Sentence};

/// A trigger found in a sentence, with every lexicon row that spells it the same way (the
/// rows differ by the preposition that introduces the target).
#[derive(Debug, Clone)]
pub(in crate::relate) struct Found<'l> {
    /// The lexicon rows, in lexicon order, each with the form its first word takes here.
    pub rows: Vec<(&'l Trigger, Form)>,
    /// Token index of its first word.
    pub start: usize,
    /// Token index just past its last word.
    pub end: usize,
}

impl Found<'_> {
    /// Byte range of the trigger text.
    pub fn span(&self, layout: &Layout) -> Range<usize> {
        layout.tokens[self.start].span.start..layout.tokens[self.end - 1].span.end
    }
}

/// Longest gap allowed between the words of a multiword trigger ("hand them over").
const MAX_GAP: usize = 2;

/// Finds triggers outside mentions in a sentence. At each word the longest trigger wins; a
/// word inside a trigger already found starts no other.
pub(super) fn find<'l>(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    mentions: &[Mention],
    lexicon: &'l Lexicon,
) -> Vec<Found<'l>> {
    let inside = |i: usize| mentions.iter().any(|m| m.tokens.contains(&i));
    let mut out: Vec<Found> = Vec::new();
    for i in sentence.tokens.clone() {
        if inside(i) || out.last().is_some_and(|f| i < f.end) {
            continue;
        }
        let word = layout.tokens[i].text(doc);
        // "its long-threatened invasion", "the US-led war": a participle joined by a hyphen
        // is an adjective of the noun after it, not an act.
        let after_auxiliary = i >= sentence.tokens.start + 3
            && matches!(
                layout.tokens[i - 3].text(doc).to_lowercase().as_str(),
                "has" | "have" | "had" | "was" | "were" | "is" | "are" | "been" | "be"
            );
        if word.ends_with("ed") && hyphen_joined(doc, layout, sentence, i) && !after_auxiliary {
            continue;
        }
        let mut best: Option<Found> = None;
        for &(t, form) in lexicon.triggers.candidates(word) {
            let trigger = &lexicon.triggers.list[t];
            let Some(end) = rest_matches(doc, layout, sentence, i + 1, &trigger.words[1..]) else {
                continue;
            };
            // Rows ending at the same word compete in `order::choose_row`; a longer
            // trigger replaces shorter ones.
            match &mut best {
                Some(b) if b.end == end => b.rows.push((trigger, form)),
                Some(b) if end < b.end => {}
                _ => {
                    best = Some(Found {
                        rows: vec![(trigger, form)],
                        start: i,
                        end,
                    })
                }
            }
        }
        // "hold" is a generic verb: one holds a title, a rally, a vote, an office, a view,
        // or someone "in contempt" or "responsible". It is an arrest only where the sentence
        // speaks of custody ("held in custody", "held hostage", "held captive", "held
        // without charge"); elsewhere the row is no arrest.
        if let Some(b) = &mut best {
            b.rows.retain(|(t, _)| {
                !(t.relation == RelationType::Arrests
                    && t.words.len() == 1
                    && t.words[0] == "hold"
                    && !custody_spoken_of(doc, layout, sentence))
            });
            if b.rows.is_empty() {
                best = None;
            }
        }
        out.extend(best);
    }
    out
}

/// Whether the sentence speaks of holding people in custody (the `custody` words).
fn custody_spoken_of(doc: &str, layout: &Layout, sentence: &Sentence) -> bool {
    sentence.tokens.clone().any(|i| {
        let w = layout.tokens[i].text(doc).to_lowercase();
        words().custody.contains(&w.as_str())
    })
}

/// Whether token `i` is joined to the word before it by a hyphen, without spaces.
fn hyphen_joined(doc: &str, layout: &Layout, sentence: &Sentence, i: usize) -> bool {
    i >= sentence.tokens.start + 2 && {
        let hyphen = &layout.tokens[i - 1];
        matches!(hyphen.text(doc), "-" | "‐" | "‑")
            && hyphen.span.end == layout.tokens[i].span.start
            && layout.tokens[i - 2].span.end == hyphen.span.start
    }
}

/// Matches the remaining words of a multiword trigger from token `from`, allowing short gaps.
fn rest_matches(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    from: usize,
    words: &[String],
) -> Option<usize> {
    let mut at = from;
    for word in words {
        let limit = (at + MAX_GAP + 1).min(sentence.tokens.end);
        // An article in a phrase stands for any article, or none: "lodge a protest" matches
        // "lodged an official protest" and "lodged protests".
        if is_article(word) {
            if let Some(k) = (at..limit).find(|&k| is_article(layout.tokens[k].text(doc))) {
                at = k + 1;
            }
            continue;
        }
        let found = (at..limit).find(|&k| layout.tokens[k].text(doc).eq_ignore_ascii_case(word))?;
        at = found + 1;
    }
    Some(at)
}

fn is_article(word: &str) -> bool {
    ["a", "an", "the"]
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
}
