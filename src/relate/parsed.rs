//! The dependency parse of a sentence, as the relation stage reads it: its words, their tags,
//! heads and relations, and the mention that covers each word. The model's features
//! ([`super::features`]) read it through its accessors; the rules ([`super::rules`]) read its
//! phrases too.

use std::borrow::Cow;
use std::ops::Range;

use crate::entity::Mention;
use crate::lexicon::verb_forms;
use crate::nlp::{lemma, Models, TagOut, Upos};
use crate::text::{Layout, Sentence};

use super::rules;

/// A parsed sentence, words indexed from 0.
pub(crate) struct Parse<'a> {
    /// Token index of the first word.
    pub(super) start: usize,
    pub(super) words: Vec<&'a str>,
    pub(super) tags: Vec<TagOut>,
    pub(super) heads: Vec<Option<usize>>,
    pub(super) rels: Vec<&'static str>,
    pub(super) children: Vec<Vec<usize>>,
    /// For each word, the argument mention that covers it.
    pub(super) mention_at: Vec<Option<usize>>,
    /// For each word, a possessive pronoun's mention ("his threats").
    pub(super) possessive_at: Vec<Option<usize>>,
}

impl<'a> Parse<'a> {
    /// Tags and parses a sentence and maps its mentions onto words.
    pub(super) fn new(
        doc: &'a str,
        layout: &Layout,
        sentence: &Sentence,
        mentions: &[Mention],
        models: &Models,
    ) -> Parse<'a> {
        let words: Vec<&str> = layout.tokens[sentence.tokens.clone()]
            .iter()
            .map(|t| t.text(doc))
            .collect();
        let (tags, arcs) = models.analyze_news(&words);
        let n = words.len();
        let mut heads: Vec<Option<usize>> = arcs.iter().map(|a| a.head.checked_sub(1)).collect();
        let mut rels: Vec<&'static str> = arcs.iter().map(|a| a.deprel).collect();
        repair_comparative_quantities(&words, &tags, &mut heads, &mut rels);
        let mut children = vec![Vec::new(); n];
        for (w, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(w);
            }
        }
        let start = sentence.tokens.start;
        let mut mention_at = vec![None; n];
        let mut possessive_at = vec![None; n];
        for (k, m) in mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                let Some(w) = t.checked_sub(start).filter(|&w| w < n) else {
                    continue;
                };
                if m.nested {
                    possessive_at[w] = Some(k);
                } else {
                    mention_at[w] = Some(k);
                }
            }
        }
        Parse {
            start,
            words,
            tags,
            heads,
            rels,
            children,
            mention_at,
            possessive_at,
        }
    }

    pub(super) fn upos(&self, w: usize) -> Upos {
        self.tags[w].upos
    }

    /// The words of a token range of the document, if it lies in this sentence.
    pub(super) fn word_range(&self, tokens: &Range<usize>) -> Option<Range<usize>> {
        let s = tokens.start.checked_sub(self.start)?;
        let e = tokens.end.checked_sub(self.start)?.min(self.words.len());
        (s < e).then_some(s..e)
    }

    /// The number of words.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    /// The document token of word 0.
    pub(super) fn first_token(&self) -> usize {
        self.start
    }

    /// Whether document token `t` is a word of this sentence.
    pub(super) fn has_token(&self, t: usize) -> bool {
        t >= self.start && t - self.start < self.words.len()
    }

    pub(super) fn word(&self, w: usize) -> &str {
        self.words[w]
    }

    pub(super) fn head(&self, w: usize) -> Option<usize> {
        self.heads[w]
    }

    pub(super) fn rel(&self, w: usize) -> &'static str {
        self.rels[w]
    }

    pub(super) fn children(&self, w: usize) -> &[usize] {
        &self.children[w]
    }

    /// The argument mention that covers word `w`.
    pub(super) fn mention_covering(&self, w: usize) -> Option<usize> {
        self.mention_at[w]
    }

    /// The preposition of word `w`'s phrase (its `case` child), lowercased.
    pub(super) fn case_word(&self, w: usize) -> Option<String> {
        self.case_of(w)
    }

    /// Whether the clause of word `w` is a question: "whether", "if" as its marker, or a
    /// question mark closing the sentence with `w` in the main clause.
    pub(super) fn is_question_clause(&self, w: usize) -> bool {
        self.children_with(w, &["mark"])
            .any(|m| matches!(self.lower(m).as_str(), "whether" | "if"))
            || self.heads[w].is_none() && self.words.last() == Some(&"?")
    }

    /// The head of the compound noun that word `w` is part of ("mediation" in "a mediation
    /// effort" → "effort"): the word that carries the phrase's dependents.
    pub(super) fn phrase_head(&self, mut w: usize) -> usize {
        while base(self.rels[w]) == "compound" {
            match self.heads[w] {
                Some(h) => w = h,
                None => break,
            }
        }
        w
    }

    /// The parse as CoNLL-like lines, for `newsgraph explain`.
    pub(super) fn dump(&self) -> String {
        let mut out = String::new();
        for w in 0..self.words.len() {
            out.push_str(&format!(
                "    {:>2} {:<16} {:<6?} {:>2} {:<12} {}\n",
                w + 1,
                self.words[w],
                self.upos(w),
                self.heads[w].map_or(0, |h| h + 1),
                self.rels[w],
                self.mention_at[w].map_or(String::new(), |k| format!("m{k}")),
            ));
        }
        out
    }

    pub(super) fn lemma(&self, w: usize) -> Cow<'_, str> {
        lemma(self.words[w], self.upos(w))
    }

    pub(super) fn lower(&self, w: usize) -> String {
        self.words[w].to_lowercase()
    }

    /// Children of `w` whose relation, without subtype, is one of `rels`.
    pub(super) fn children_with<'s>(
        &'s self,
        w: usize,
        rels: &'s [&str],
    ) -> impl Iterator<Item = usize> + 's {
        self.children[w]
            .iter()
            .copied()
            .filter(move |&c| rels.contains(&base(self.rels[c])) || rels.contains(&self.rels[c]))
    }

    /// The preposition of an oblique or nominal modifier (its `case` child), lowercased; or
    /// that of a title before a name that the parser hung on the title ("in the capital
    /// Kabul" with *in* under *capital*; "to Bolivian leader Marco Tello" with *leader* a
    /// describing modifier of the name).
    pub(super) fn case_of(&self, w: usize) -> Option<String> {
        self.children_with(w, &["case"])
            .next()
            .or_else(|| {
                self.children_with(w, &["compound", "nmod:desc"])
                    .find(|&c| c < w)
                    .and_then(|c| self.children_with(c, &["case"]).next())
            })
            .map(|c| self.lower(c))
    }

    /// Whether word `w` is the "up" of "up to" before a number ("kidnapped up to 16
    /// soldiers"), which the parser reads as a particle and a preposition.
    pub(super) fn quantifier_up(&self, w: usize) -> bool {
        self.lower(w) == "up"
            && self
                .words
                .get(w + 1)
                .is_some_and(|&x| x.eq_ignore_ascii_case("to"))
            && (w + 2..(w + 4).min(self.words.len())).any(|k| self.upos(k) == Upos::NUM)
    }

    /// Whether a `case` word is the "up" or the "to" of "up to" before a number.
    pub(super) fn quantity_case(&self, c: usize) -> bool {
        self.quantifier_up(c) || c > 0 && self.quantifier_up(c - 1)
    }

    /// Whether a word is a form of one of `lemmas`. A verb is also matched by its inflected
    /// forms, which the lemmatizer may miss ("boycotted"), British ones included
    /// ("cancelled").
    pub(super) fn is_lemma(&self, w: usize, lemmas: &[&str]) -> bool {
        lemmas.contains(&self.lemma(w).as_ref())
            || matches!(self.upos(w), Upos::VERB | Upos::AUX) && {
                let word = self.lower(w);
                // Every form of a verb but "went" and "was" starts as its lemma does: the
                // forms are built only for lemmas that can match.
                lemmas.iter().any(|l| {
                    l.as_bytes().first() == word.as_bytes().first()
                        && (verb_forms(l).iter().any(|(f, _)| *f == word)
                            || l.ends_with('l')
                                && (word == format!("{l}led") || word == format!("{l}ling")))
                })
            }
    }
}

/// "as many as 16 farmers": the comparison is a quantity of the noun, as "16" is; the noun
/// phrase keeps the place its quantity's words took. The parser may read "many" as the
/// verb's object, adverb or conjunct and the noun as an oblique of it or of the verb with
/// the second "as" for its preposition: the noun takes the place of "many" (its relation
/// when that is a noun's, else the verb's object), "as many as" becomes the number's
/// adverb.
fn repair_comparative_quantities(
    words: &[&str],
    tags: &[TagOut],
    heads: &mut [Option<usize>],
    rels: &mut [&'static str],
) {
    let n = words.len();
    for a in 0..n.saturating_sub(3) {
        let is = |w: usize, x: &str| words[w].eq_ignore_ascii_case(x);
        let amount = words[a + 1].to_lowercase();
        if !(is(a, "as")
            && rules::words::words()
                .comparative_quantities
                .contains(&amount.as_str())
            && is(a + 2, "as")
            && tags[a + 3].upos == Upos::NUM)
        {
            continue;
        }
        let (m, b, num) = (a + 1, a + 2, a + 3);
        // The counted noun: the number's head, after it.
        let Some(noun) = heads[num].filter(|&h| h > num && tags[h].upos != Upos::VERB) else {
            continue;
        };
        let inside = |w: Option<usize>| w.is_some_and(|w| (a..=noun).contains(&w));
        // The place the phrase takes: that of "many" unless "many" hangs inside it.
        let (head, rel) = if !inside(heads[m]) {
            (heads[m], rels[m])
        } else if !inside(heads[a]) {
            (heads[a], rels[a])
        } else {
            (heads[noun], rels[noun])
        };
        if inside(head) {
            continue;
        }
        let nominal = matches!(
            base(rel),
            "nsubj" | "obj" | "iobj" | "nmod" | "appos" | "root"
        );
        let rel = match head {
            Some(h) if !nominal && h < noun && tags[h].upos == Upos::VERB => "obj",
            _ => rel,
        };
        heads[noun] = head;
        rels[noun] = rel;
        heads[a] = Some(num);
        rels[a] = "advmod";
        for w in [m, b] {
            heads[w] = Some(a);
            rels[w] = "fixed";
        }
        // What else hung on "many" hangs on the noun.
        for h in heads.iter_mut().filter(|h| **h == Some(m)) {
            *h = Some(noun);
        }
    }
}

/// The relation name's base, without subtype ("nsubj:pass" → "nsubj").
pub(super) fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}
