//! Structured lines: the rows of results, standings, line-ups, scorecards and market tables
//! that news carries between its sentences ("2. Andrei Ivanov (Russia) 24.88", "Squad: Ana
//! Lind, Jon Berg, Eva Moss", "Bowling: Smith 10-2-34-3"). They have no final period and their
//! names are capitalized, so the text layer reads them as headings, where only names the body
//! confirms count; but the names in them are names, and the words that label them
//! ("Attendance", "Squad", "Bowling") are common English, not people.

use crate::text::{Layout, Sentence, SentenceKind, TokenKind};

/// Whether a sentence the layout calls a heading is a row of structured data: it opens with a
/// rank ("1.", "12)") before a name, ends with a figure (a time, a score, a price; not a
/// year), or labels a list ("Squad: A, B, C"). A line in capitals is a headline whatever it
/// holds.
pub(super) fn is_structured(doc: &str, layout: &Layout, sentence: &Sentence) -> bool {
    if sentence.kind != SentenceKind::Heading {
        return false;
    }
    let tokens = &layout.tokens[sentence.tokens.clone()];
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(doc))
        .collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.iter().any(capitalized) || words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
        return false;
    }
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text(doc));
    let kind = |i: usize| tokens.get(i).map(|t| t.kind);
    // "1. Name", "12) Name", "3 Name".
    let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
    let ranked = kind(0) == Some(TokenKind::Number)
        && first_word.is_some_and(|w| w <= 2 && capitalized(&text(w)))
        && tokens[1..first_word.unwrap_or(1)]
            .iter()
            .all(|t| matches!(t.text(doc), "." | ")"));
    // A figure at the end: "24.88", "2-1", "10-2-34-3", "1:45.2"; a year ends headlines.
    let last = tokens.len() - 1;
    let year = |s: &str| s.len() == 4 && s.starts_with(['1', '2']);
    let figure = kind(last) == Some(TokenKind::Number)
        && (!year(text(last)) || last >= 2 && matches!(text(last - 1), "-" | ":"));
    // "Squad: A, B, C": a label of at most three words, then a list.
    let colon = (1..=3.min(last)).find(|&i| text(i) == ":");
    let list = colon.is_some_and(|c| {
        tokens[c + 1..]
            .iter()
            .filter(|t| matches!(t.text(doc), "," | ";"))
            .count()
            >= 2
    });
    ranked || figure || list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn structured(line: &str) -> bool {
        let l = segment(line);
        l.sentences.iter().any(|s| is_structured(line, &l, s))
    }

    #[test]
    fn results_lineups_and_tables_are_structured() {
        for line in [
            "2. Andrei Volkan (Russia) 35.12",
            "Kelmarsh 2 Ostrava Rovers 1",
            "Squad: Tomas Varga, Mirko Dalic, Lars Hemming",
            "Bowling: Hemming 10-2-34-3",
        ] {
            assert!(structured(line), "{line}");
        }
    }

    #[test]
    fn headlines_and_prose_are_not() {
        for line in [
            "Varga Scores Twice in Kelmarsh Win",
            "VARGA BACK FOR HUNGARY AFTER 2-1 WIN",
            "Elections in Tolvania 2024",
            "Tomas Varga scored twice on Saturday.",
        ] {
            assert!(!structured(line), "{line}");
        }
    }
}
