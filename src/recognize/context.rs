//! What a document itself says about its names: the capitalized words it uses in running
//! text, away from sentence starts. A heading or a sentence-initial word counts as a name
//! only when the document confirms it this way (or the lexicon knows it).

use rustc_hash::FxHashSet;

use crate::lexicon::Lexicon;
use crate::text::{Layout, SentenceKind, TokenKind};

/// Token keys of words the document writes capitalized in the middle of prose sentences.
#[derive(Debug, Default)]
pub(crate) struct KnownNames {
    words: FxHashSet<String>,
}

impl KnownNames {
    pub(crate) fn scan(
        doc: &str,
        layout: &Layout,
        keys: &[String],
        lexicon: &Lexicon,
    ) -> KnownNames {
        let mut words = FxHashSet::default();
        for s in layout
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Prose)
        {
            let first = first_word(doc, layout, s.tokens.clone());
            for i in s.tokens.clone() {
                let t = &layout.tokens[i];
                let w = t.text(doc);
                if Some(i) == first || t.kind != TokenKind::Word {
                    continue;
                }
                let capitalized = w.chars().next().is_some_and(char::is_uppercase);
                // A capitalized word after a colon or a quote opens a clause: no evidence.
                let after_opener = i > 0
                    && matches!(
                        layout.tokens[i - 1].text(doc),
                        ":" | "“" | "\"" | "(" | "‘" | "—" | "–"
                    );
                // Parts of hyphenated names ("Sheinbaum-Rubio") are not evidence on their own.
                let hyphen = |j: usize| layout.tokens.get(j).is_some_and(|h| h.text(doc) == "-");
                let in_compound = (i > 0 && hyphen(i - 1) && !t.space_before)
                    || (hyphen(i + 1) && !layout.tokens[i + 1].space_before);
                if capitalized
                    && !after_opener
                    && !in_compound
                    && (!lexicon.is_common_key(&keys[i]) || w.len() >= 3)
                {
                    words.insert(keys[i].clone());
                }
            }
        }
        KnownNames { words }
    }

    /// Whether the document writes the word with this matching key as a name in running text.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.words.contains(key)
    }
}

/// Index of the first word token of a token range (skipping opening quotes and brackets).
pub(crate) fn first_word(
    doc: &str,
    layout: &Layout,
    range: std::ops::Range<usize>,
) -> Option<usize> {
    range
        .into_iter()
        .find(|&i| layout.tokens[i].kind != TokenKind::Punct || layout.tokens[i].text(doc) == "-")
        .filter(|&i| layout.tokens[i].kind != TokenKind::Punct)
}
