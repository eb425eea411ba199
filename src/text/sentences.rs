//! Sentences: prose split at terminal punctuation, headings and page furniture told apart.
//!
//! News text arrives with page furniture around it: bylines ("by Chief Editor"), calls to
//! action ("Leave a Comment", "You may also like"), section labels ("FAQ", "Pro Tip:") and
//! Title Case headings where capitals say nothing about names. Each line is classified
//! first; only prose lines are split into sentences at `.`, `!` and `?`.

use std::ops::Range;

use super::tokens::{tokenize, Token, TokenKind};

/// What kind of line a sentence comes from; recognition trusts capitals only in prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    /// Running text.
    Prose,
    /// A title or section heading (Title Case or ALL CAPS, no final period).
    Heading,
    /// Bylines, calls to action, section labels: never yields entities or relations.
    Furniture,
}

/// A sentence: a byte span and the range of its tokens in [`Layout::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the document's text.
    pub span: Range<usize>,
    /// Index range into [`Layout::tokens`].
    pub tokens: Range<usize>,
    /// Prose, heading or furniture.
    pub kind: SentenceKind,
    /// Index of the paragraph (non-blank line) the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.clone()]
    }
}

/// A document's tokens and sentences. Every token belongs to at most one sentence; tokens of
/// line labels such as "Q:" belong to none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// All sentences, in text order.
    pub sentences: Vec<Sentence>,
}

/// Abbreviations after which a capitalized word continues the sentence: titles and months.
const NAME_PREFIXES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "maj.",
    "capt.", "sgt.", "adm.", "rev.", "hon.", "pres.", "amb.", "st.", "mt.", "jan.", "feb.", "mar.",
    "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "no.", "vs.", "gens.",
    "reps.", "sens.", "det.", "insp.", "fr.", "cmdr.", "cpl.", "pvt.", "supt.", "ft.",
];

/// Capitalized words that usually open a sentence; after an abbreviation such as "U.S." or
/// "Inc." they mark a sentence boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "in",
    "on",
    "at",
    "for",
    "after",
    "before",
    "while",
    "when",
    "if",
    "as",
    "since",
    "although",
    "though",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "conversely",
    "instead",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "some",
    "many",
    "most",
    "both",
    "all",
    "one",
    "no",
    "not",
    "officials",
    "still",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
];

/// Short lines that are page furniture, compared after folding case and dropping punctuation.
const FURNITURE: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "you may also like",
    "you might also like",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "read more",
    "read next",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "advertisement",
    "sponsored",
    "subscribe",
    "sign up",
    "follow us",
    "click here",
    "faq",
    "faqs",
    "pro tip",
    "tip",
    "did you know",
    "comments",
    "tags",
    "print",
    "email",
    "menu",
    "search",
    "skip to content",
    "all rights reserved",
    "more from",
    "recommended",
    "editor's picks",
    "trending",
    "most read",
    "see also",
    "sources",
    "references",
    "external links",
    "key takeaways",
    "table of contents",
    "in this article",
    "watch",
    "listen",
    "loading",
    "newsletter",
    "back to top",
    "top stories",
    "latest news",
];

/// Labels that open a line and are not part of its sentence ("Q: Will the U.S. ...").
const LINE_LABELS: &[&str] = &[
    "q",
    "a",
    "question",
    "answer",
    "update",
    "updated",
    "note",
    "editor's note",
    "pro tip",
    "tip",
    "photo",
    "image",
    "source",
    "caption",
    "watch",
    "read more",
    "related",
    "did you know",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
];

/// The most tokens a sentence holds. A run without an end (a list or a table flattened into
/// one line, a transcript in a script whose full stop is not ours, generated text) is cut
/// into pieces of at most this many tokens, so that every later stage works on sentences of
/// bounded length and a document takes time in proportion to its length. Real sentences stay
/// far below it: the longest English sentence of the Wikinews sample has 126 tokens.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Where a run longer than [`MAX_SENTENCE_TOKENS`] is cut, strongest first: after a clause
/// mark, else before a conjunction, found in the last half of the piece; else at the bound.
const CLAUSE_MARKS: &[&str] = &[";", ":", "—", "–", "--", ","];
const CLAUSE_OPENERS: &[&str] = &["and", "but", "or", "while", "whereas", "because"];

/// Cuts a sentence's token range into pieces of at most [`MAX_SENTENCE_TOKENS`] tokens, at
/// clause boundaries where it can; a range within the bound comes back whole.
fn bounded(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let half = start + MAX_SENTENCE_TOKENS / 2;
        let word = |i: usize| tokens[i].text(text);
        let cut = CLAUSE_MARKS
            .iter()
            .find_map(|mark| {
                (half..limit)
                    .rev()
                    .find(|&i| word(i) == *mark)
                    .map(|i| i + 1)
            })
            .or_else(|| {
                (half + 1..limit).rev().find(|&i| {
                    CLAUSE_OPENERS
                        .iter()
                        .any(|w| word(i).eq_ignore_ascii_case(w))
                })
            })
            .unwrap_or(limit);
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..range.end);
    pieces
}

/// Lowercase words a Title Case heading leaves uncapitalized.
const TITLE_CASE_MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "from",
    "with", "as", "amid", "over", "into", "onto", "upon", "via", "vs", "vs.", "per", "than", "out",
    "off", "up", "is", "are", "be", "s", "'s", "’s", "n't", "about", "after", "before", "against",
];

/// Splits a document's text into tokens and sentences.
pub fn segment(text: &str) -> Layout {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first = 0;
    // Group tokens by line: a line break inside a paragraph is a boundary in news text, where
    // every line is a paragraph, a heading or a piece of furniture.
    while first < tokens.len() {
        let line_end = line_end_of(text, tokens[first].span.start);
        let mut last = first;
        while last < tokens.len() && tokens[last].span.start < line_end {
            last += 1;
        }
        classify_line(text, &tokens, first..last, paragraph, &mut sentences);
        paragraph += 1;
        first = last;
    }
    Layout { tokens, sentences }
}

fn line_end_of(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |n| from + n)
}

fn classify_line(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let line = &tokens[range.clone()];
    let span = line[0].span.start..line[line.len() - 1].span.end;
    let folded = fold_line(&text[span.clone()]);
    let words = line.iter().filter(|t| t.kind == TokenKind::Word).count();
    let push = |kind, range: Range<usize>, out: &mut Vec<Sentence>| {
        for range in bounded(text, tokens, range) {
            out.push(Sentence {
                span: tokens[range.start].span.start..tokens[range.end - 1].span.end,
                tokens: range,
                kind,
                paragraph,
            })
        }
    };
    if is_furniture(&folded, line, text, words) {
        push(SentenceKind::Furniture, range, out);
        return;
    }
    let body = skip_label(text, tokens, range.clone());
    if body.start > range.start {
        push(SentenceKind::Furniture, range.start..body.start, out);
        if body.is_empty() {
            return;
        }
    }
    if is_heading(text, &tokens[body.clone()]) {
        push(SentenceKind::Heading, body, out);
        return;
    }
    split_prose(text, tokens, body, &mut |r| {
        push(SentenceKind::Prose, r, out)
    });
}

/// Lowercase, letters, digits and single spaces only.
fn fold_line(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.replace('’', "'").trim_end().to_string()
}

fn is_furniture(folded: &str, line: &[Token], text: &str, words: usize) -> bool {
    if FURNITURE.contains(&folded) {
        return true;
    }
    // Bylines: "By Chief Editor", "by Jane Doe, Reuters", "Posted by ...".
    let first = line[0].text(text).to_lowercase();
    let ends_sentence = line
        .last()
        .is_some_and(|t| matches!(t.text(text), "." | "!" | "?"));
    if (first == "by" || folded.starts_with("posted by") || folded.starts_with("written by"))
        && words <= 8
        && !ends_sentence
    {
        return true;
    }
    // Dates and times on their own line: "Friday, January 4, 2019".
    let has_letters = line.iter().any(|t| t.kind == TokenKind::Word);
    let all_date_words = line.iter().all(|t| {
        let w = t.text(text).to_lowercase();
        t.kind != TokenKind::Word || is_date_word(&w)
    });
    if has_letters && all_date_words && line.iter().any(|t| t.kind == TokenKind::Number) {
        return true;
    }
    false
}

pub(crate) fn is_date_word(w: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "gmt",
        "utc",
        "est",
        "edt",
        "updated",
        "published",
        "posted",
        "on",
        "at",
    ];
    DATE_WORDS.contains(&w)
}

/// Returns the range after a line label such as "Q:" or "Pro Tip:".
fn skip_label(text: &str, tokens: &[Token], range: Range<usize>) -> Range<usize> {
    // A label is at most three words followed by ':' (or '?' for "Did you know?").
    for n in 1..=3 {
        let colon = range.start + n;
        if colon >= range.end {
            break;
        }
        let mark = tokens[colon].text(text);
        if mark != ":" && !(mark == "?" && n == 3) {
            continue;
        }
        let label = text[tokens[range.start].span.start..tokens[colon - 1].span.end]
            .to_lowercase()
            .replace('’', "'");
        if LINE_LABELS.contains(&label.as_str()) {
            return colon + 1..range.end;
        }
    }
    range
}

/// A heading: no final sentence punctuation, short, and Title Case or ALL CAPS.
fn is_heading(text: &str, line: &[Token]) -> bool {
    let last = line[line.len() - 1].text(text);
    if matches!(last, "." | "!" | "..." | "”" | "\"" | ";" | ",") || line.len() > 25 {
        return false;
    }
    let words: Vec<&str> = line
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    if words.is_empty() {
        return true;
    }
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    if all_caps && words.len() >= 2 {
        return true;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !TITLE_CASE_MINOR.contains(&w.to_lowercase().as_str()))
        .collect();
    if last == "?" && content.len() > 6 {
        return false;
    }
    let capitalized = content.iter().filter(|w| upper(w)).count();
    // Short lines must be capitalized throughout: "Officials met in Paris" is unfinished prose.
    let title_case = if content.len() <= 5 {
        capitalized == content.len()
    } else {
        capitalized * 5 >= content.len() * 4
    };
    !content.is_empty() && title_case && (content.len() >= 2 || last == ":")
        || words.len() <= 3 && last == ":"
}

/// Splits a prose line into sentences at terminal punctuation.
fn split_prose(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    emit: &mut dyn FnMut(Range<usize>),
) {
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = tokens[i].text(text);
        let terminal = matches!(t, "." | "!" | "?" | "...") || (t.len() > 1 && t.ends_with('.'));
        if terminal {
            // Closing quotes and brackets stay with the sentence they close.
            let mut end = i + 1;
            while end < range.end
                && matches!(tokens[end].text(text), "”" | "\"" | "’" | "'" | ")" | "]")
            {
                end += 1;
            }
            if end >= range.end {
                break;
            }
            if boundary_after(text, t, &tokens[end]) {
                emit(start..end);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < range.end {
        emit(start..range.end);
    }
}

/// Whether the punctuation or abbreviation `mark` ends a sentence before `next`.
fn boundary_after(text: &str, mark: &str, next: &Token) -> bool {
    let next_text = next.text(text);
    let first = next_text.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || first.is_ascii_digit() || "“\"‘(".contains(first);
    if !opens {
        return false;
    }
    match mark {
        "." | "!" | "?" => true,
        "..." => first.is_uppercase(),
        abbreviation => {
            let lower = abbreviation.to_lowercase();
            if NAME_PREFIXES.contains(&lower.as_str()) {
                return false;
            }
            // Initials ("George W. Bush") continue; acronyms and company suffixes end the
            // sentence only before a word that usually opens one.
            let letters = abbreviation.chars().filter(|c| c.is_alphabetic()).count();
            if letters == 1 {
                return false;
            }
            SENTENCE_OPENERS.contains(&next_text.to_lowercase().as_str()) || "“\"‘(".contains(first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<(&str, SentenceKind)> {
        segment(text)
            .sentences
            .iter()
            .map(|s| (s.text(text), s.kind))
            .collect()
    }

    fn prose(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .filter(|(_, k)| *k == SentenceKind::Prose)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            prose("Mr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol. They spoke."),
            [
                "Mr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol.",
                "They spoke."
            ]
        );
        assert_eq!(
            prose("George W. Bush spoke at 9 a.m. on Monday."),
            ["George W. Bush spoke at 9 a.m. on Monday."]
        );
    }

    #[test]
    fn an_acronym_ends_a_sentence_before_an_opener() {
        assert_eq!(
            prose("Members were sent to the U.S. The move angered critics."),
            ["Members were sent to the U.S.", "The move angered critics."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            prose("He said “we are grateful.” Then he left."),
            ["He said “we are grateful.”", "Then he left."]
        );
    }

    #[test]
    fn lines_are_boundaries_and_unfinished_paragraphs_are_sentences() {
        assert_eq!(
            prose("Officials met in Paris on Monday\nThe talks were long."),
            ["Officials met in Paris on Monday", "The talks were long."]
        );
    }

    #[test]
    fn headings_and_furniture_are_told_apart() {
        let text = "Sheinbaum Rejects US Operations in Mexico Amid Sovereignty Concerns\n\nby Chief Editor\n\nTHE LATEST NEWS\n\nPro Tip:\n\nYou may also like\n\nLeave a Comment\n\nFAQ";
        let kinds: Vec<SentenceKind> = sentences(text).into_iter().map(|(_, k)| k).collect();
        use SentenceKind::*;
        assert_eq!(
            kinds,
            [Heading, Furniture, Heading, Furniture, Furniture, Furniture, Furniture]
        );
    }

    #[test]
    fn line_labels_are_not_part_of_the_sentence() {
        let text = "Q: Will the U.S. send troops?\nA: It remains unlikely.";
        assert_eq!(
            prose(text),
            ["Will the U.S. send troops?", "It remains unlikely."]
        );
    }

    #[test]
    fn a_run_without_an_end_is_cut_at_a_clause_boundary_within_the_bound() {
        // 300 words with a comma after the 200th and no full stop: one cut, after the comma.
        let words: Vec<String> = (0..300)
            .map(|i| {
                if i == 199 {
                    "word,".to_string()
                } else {
                    "word".to_string()
                }
            })
            .collect();
        let text = words.join(" ");
        let layout = segment(&text);
        let lengths: Vec<usize> = layout.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lengths, [201, 100]);
        assert!(layout.sentences[0].text(&text).ends_with("word,"));
        // Without a clause mark or a conjunction, the cut falls at the bound.
        let text = vec!["word"; 2 * MAX_SENTENCE_TOKENS + 1].join(" ");
        let lengths: Vec<usize> = segment(&text)
            .sentences
            .iter()
            .map(|s| s.tokens.len())
            .collect();
        assert_eq!(lengths, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 1]);
        // Before a conjunction when there is one.
        let mut words = vec!["word"; 300];
        words[220] = "and";
        let text = words.join(" ");
        let first = &segment(&text).sentences[0];
        assert_eq!(first.tokens.len(), 220);
    }

    #[test]
    fn a_date_line_is_furniture() {
        let text = "Friday, January 4, 2019\n\nAn apartment building collapsed.";
        assert_eq!(sentences(text)[0].1, SentenceKind::Furniture);
    }
}
