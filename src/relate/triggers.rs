//! Finding trigger occurrences in a sentence.

use std::ops::Range;

use crate::entity::Mention;
use crate::lexicon::{Form, Lexicon, Trigger};
use crate::text::{Layout, Sentence};

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Found<'l> {
    /// The lexicon trigger.
    pub trigger: &'l Trigger,
    /// The form of its first word.
    pub form: Form,
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

/// Finds triggers outside mentions in a sentence.
pub(super) fn find<'l>(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    mentions: &[&Mention],
    lexicon: &'l Lexicon,
) -> Vec<Found<'l>> {
    let inside = |i: usize| mentions.iter().any(|m| m.tokens.contains(&i));
    let mut out: Vec<Found> = Vec::new();
    for i in sentence.tokens.clone() {
        if inside(i) {
            continue;
        }
        let word = layout.tokens[i].text(doc);
        let mut best: Option<Found> = None;
        for &(t, form) in lexicon.triggers.candidates(word) {
            let trigger = &lexicon.triggers.list[t];
            if let Some(end) = rest_matches(doc, layout, sentence, i + 1, &trigger.words[1..]) {
                let longer = best
                    .as_ref()
                    .is_none_or(|b| trigger.words.len() > b.trigger.words.len());
                if longer {
                    best = Some(Found {
                        trigger,
                        form,
                        start: i,
                        end,
                    });
                }
            }
        }
        if let Some(found) = best {
            // A word inside a longer trigger already found is not a trigger of its own.
            if !out.iter().any(|f| f.start <= i && i < f.end) {
                out.push(found);
            }
        }
    }
    out
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
        let found = (at..limit).find(|&k| layout.tokens[k].text(doc).eq_ignore_ascii_case(word))?;
        at = found + 1;
    }
    Some(at)
}
