//! Tokens with byte offsets, split the way Universal Dependencies English splits them, so the
//! tagger and parser see what they were trained on: clitics apart ("Mexico" "'s", "do" "n't"),
//! punctuation apart, hyphenated compounds apart ("U.S." "-" "Mexico") except for a few
//! bound prefixes ("e-mail", "co-workers"), abbreviations and initials whole ("U.S.", "Mr.", "J.").

use std::ops::Range;

/// What a token is made of; enough for the rules that do not need a tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, periods of an abbreviation, or apostrophes inside).
    Word,
    /// Digits, possibly with separators ("70,000", "2.5").
    Number,
    /// Punctuation or a symbol.
    Punct,
}

/// One token: a byte range into the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range into the document's text.
    pub span: Range<usize>,
    /// Coarse kind.
    pub kind: TokenKind,
    /// True when whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.clone()]
    }
}

/// Abbreviations that keep their final period. Lowercase, without the final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "cmdr", "sgt", "adm", "cpl", "pvt", "gens", "reps", "sens", "supt", "insp", "det", "fr", "rev",
    "hon", "pres", "amb", "jr", "sr", "st", "mt", "ft", "ave", "blvd", "rd", "inc", "corp", "ltd",
    "co", "bros", "llc", "plc", "dept", "univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "no", "nos", "vs", "etc", "approx", "est", "vol", "fig", "al", "cf", "ca",
    "op", "pp", "mln", "bln", "gov't", "govt", "u.s", "a.m", "p.m", "e.g", "i.e",
];

/// Lowercase words before a hyphen that UD English keeps attached ("e-mail", "co-workers").
const BOUND_PREFIXES: &[&str] = &[
    "e", "co", "pre", "post", "non", "re", "semi", "anti", "multi", "ex", "mid", "pro", "sub",
    "inter", "intra", "self", "counter", "over", "under", "bi", "tri", "neo", "quasi", "pseudo",
    "ultra", "cross", "mis", "de", "un", "x", "t", "u",
];

/// Words UD English splits in two, with the length of the first part.
const SPLIT_WORDS: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("outta", 3),
];

/// Clitics split off the end of a word, as UD English does ("Mexico's" → "Mexico" "'s").
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "s'"];

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut space_before = true;
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(text, start, i, space_before, &mut tokens);
            }
            space_before = true;
            continue;
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, start, text.len(), space_before, &mut tokens);
    }
    tokens
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, space_before: bool, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    // URLs, e-mail addresses and handles stay whole; brackets and quotes around them do not.
    if let Some(at) = url_start(chunk) {
        if at > 0 {
            split_chunk(text, start, start + at, space_before, out);
        }
        let url = &chunk[at..];
        let trimmed = url.trim_end_matches(|c: char| ".,;:!?)]>\"'”’".contains(c));
        out.push(Token {
            span: start + at..start + at + trimmed.len(),
            kind: TokenKind::Word,
            space_before: space_before && at == 0,
        });
        if trimmed.len() < url.len() {
            split_chunk(text, start + at + trimmed.len(), end, false, out);
        }
        return;
    }
    let mut pieces: Vec<Range<usize>> = Vec::new();
    split_pieces(chunk, 0, &mut pieces);
    for (n, piece) in pieces.into_iter().enumerate() {
        let s = &chunk[piece.clone()];
        let kind = classify(s);
        out.push(Token {
            span: start + piece.start..start + piece.end,
            kind,
            space_before: space_before && n == 0,
        });
    }
}

/// Where a URL or an e-mail address starts in a whitespace-free chunk, if it holds one.
fn url_start(chunk: &str) -> Option<usize> {
    let scheme = ["https://", "http://", "ftp://", "www.", "mailto:"]
        .iter()
        .filter_map(|p| chunk.find(p))
        .min();
    if scheme.is_some() {
        return scheme;
    }
    // An e-mail address: the name before '@' is letters, digits and ._%+- (and "..." where
    // an archive hid part of it). A handle ("@name") stays whole too.
    let at = chunk.find('@')?;
    if chunk.len() <= 3 || at + 1 >= chunk.len() {
        return None;
    }
    let start = chunk[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || "._%+-".contains(c))
        .last()
        .map_or(at, |(i, _)| i);
    // With no name before it, "@" starts a handle.
    Some(start)
}

fn classify(s: &str) -> TokenKind {
    let first = s.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() && s.chars().all(|c| c.is_ascii_digit() || ",.:/-".contains(c)) {
        TokenKind::Number
    } else if s.chars().any(|c| c.is_alphanumeric()) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{00AD}'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `chunk` (offsets relative to `base`) into pieces, left to right.
fn split_pieces(chunk: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if is_word_char(c) {
            let end_idx = scan_word(&chars, i);
            let end = chars.get(end_idx).map_or(chunk.len(), |&(p, _)| p);
            push_word(chunk, pos, end, base, out);
            i = end_idx;
        } else if is_run_char(c) && chars.get(i + 1).is_some_and(|&(_, d)| d == c) {
            // A run of one punctuation mark is one token, as in UD: "...", "--", "!!!".
            let mut j = i;
            while j < chars.len() && chars[j].1 == c {
                j += 1;
            }
            let end = chars.get(j).map_or(chunk.len(), |&(p, _)| p);
            out.push(base + pos..base + end);
            i = j;
        } else {
            let end = chars.get(i + 1).map_or(chunk.len(), |&(p, _)| p);
            out.push(base + pos..base + end);
            i += 1;
        }
    }
}

/// Punctuation marks whose runs are one token ("...", "--", "!!!", "??", "====").
fn is_run_char(c: char) -> bool {
    ".-!?=_*~".contains(c)
}

/// Returns the index just past a word starting at `i`: letters and digits, joined by inner
/// periods (U.S.), apostrophes (O'Brien), commas and periods between digits (70,000; 2.5),
/// slashes, colons and hyphens between digits (02/13/2001, 8:30, 713-853-3242), and a final
/// period when the word is a known abbreviation or an initial.
fn scan_word(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut segment = i;
    loop {
        while at(j).is_some_and(is_word_char) {
            j += 1;
        }
        match (at(j), at(j + 1)) {
            // A bound prefix keeps its hyphen: "e-mail", "co-workers", "re-elected".
            (Some('-'), Some(n))
                if n.is_alphabetic() && is_bound_prefix(&collect(&chars[segment..j])) =>
            {
                j += 1;
                segment = j;
            }
            // Inner joiners followed by a word character.
            (Some('.'), Some(n)) if is_word_char(n) => j += 1,
            (Some(sep @ (',' | '/' | ':' | '-')), Some(n))
                if n.is_ascii_digit()
                    && at(j.wrapping_sub(1)).is_some_and(|p| p.is_ascii_digit())
                    && joins_digits(chars, j, sep) =>
            {
                j += 1
            }
            (Some(a), Some(n)) if is_apostrophe(a) && n.is_alphabetic() => j += 1,
            _ => break,
        }
    }
    // A period directly after: keep it when the word is an abbreviation, an initial or an
    // acronym with inner periods.
    if at(j) == Some('.') {
        let word = collect(&chars[i..j]);
        let lower = word.to_lowercase();
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        // "U.S", "a.m", "Ph.D": letters in groups of one or two, joined by periods.
        let acronym = word.contains('.')
            && word.split('.').all(|g| {
                (1..=2).contains(&g.chars().count()) && g.chars().all(char::is_alphabetic)
            });
        if single_letter || acronym || ABBREVIATIONS.contains(&lower.as_str()) {
            j += 1;
        }
    }
    j
}

/// Whether the separator at `j`, between digits, joins them into one token: thousands
/// ("70,000", not "11,2000"), dates and times ("02/13/2001", "8:30"), and phone and postal
/// codes ("713-853-3242", "77415-0027"), but not ranges and scores ("1990-95", "5-3"), which UD
/// splits.
fn joins_digits(chars: &[(usize, char)], j: usize, sep: char) -> bool {
    let digits = |range: &mut dyn Iterator<Item = usize>| {
        range
            .take_while(|&k| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit()))
            .count()
    };
    match sep {
        ',' => digits(&mut (j + 1..chars.len())) == 3,
        '-' => {
            let before = digits(&mut (0..j).rev());
            (before == 3 || before == 5) && digits(&mut (j + 1..chars.len())) >= 3
        }
        _ => true,
    }
}

fn collect(chars: &[(usize, char)]) -> String {
    chars.iter().map(|&(_, c)| c).collect()
}

/// Pushes a word, splitting off clitics and hyphenated parts the UD way.
fn push_word(chunk: &str, start: usize, end: usize, base: usize, out: &mut Vec<Range<usize>>) {
    let word = &chunk[start..end];
    // Most words are ASCII: one copy, no curly apostrophe to straighten.
    let lower = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase().replace('’', "'")
    };
    // Words UD writes as two: "cannot" → "can" "not", "gonna" → "gon" "na".
    if let Some(&(_, head)) = SPLIT_WORDS.iter().find(|(w, _)| *w == lower) {
        out.push(base + start..base + start + head);
        out.push(base + start + head..base + end);
        return;
    }
    for clitic in CLITICS {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            // "s'" is the plural possessive: "officials'" → "officials" "'".
            let (stem_len, tail_len) = if *clitic == "s'" {
                (word.len() - word_tail_len(word, 1), word_tail_len(word, 1))
            } else {
                let n = clitic.chars().count();
                (word.len() - word_tail_len(word, n), word_tail_len(word, n))
            };
            if stem_len == 0 {
                break;
            }
            out.push(base + start..base + start + stem_len);
            out.push(base + start + stem_len..base + start + stem_len + tail_len);
            return;
        }
    }
    out.push(base + start..base + end);
}

/// Byte length of the last `n` characters of `word`.
fn word_tail_len(word: &str, n: usize) -> usize {
    word.char_indices()
        .rev()
        .nth(n - 1)
        .map_or(word.len(), |(p, _)| word.len() - p)
}

/// True for the lowercase prefixes UD English keeps hyphenated to the next word.
fn is_bound_prefix(word: &str) -> bool {
    BOUND_PREFIXES.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_clitics_like_ud() {
        assert_eq!(words("Mexico's"), ["Mexico", "'s"]);
        assert_eq!(words("Sheinbaum’s party"), ["Sheinbaum", "’s", "party"]);
        assert_eq!(words("don't"), ["do", "n't"]);
        assert_eq!(words("officials' views"), ["officials", "'", "views"]);
        assert_eq!(words("won't"), ["wo", "n't"]);
        assert_eq!(words("Cannot"), ["Can", "not"]);
        assert_eq!(words("gonna go"), ["gon", "na", "go"]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_acronyms() {
        assert_eq!(words("U.S. officials"), ["U.S.", "officials"]);
        assert_eq!(words("Mr. Smith"), ["Mr.", "Smith"]);
        assert_eq!(words("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(words("at 9 a.m. today."), ["at", "9", "a.m.", "today", "."]);
        assert_eq!(words("the end."), ["the", "end", "."]);
    }

    #[test]
    fn splits_hyphens_except_bound_prefixes() {
        assert_eq!(words("U.S.-Mexico"), ["U.S.", "-", "Mexico"]);
        assert_eq!(words("Mexican-led"), ["Mexican", "-", "led"]);
        assert_eq!(words("e-mail co-workers"), ["e-mail", "co-workers"]);
    }

    #[test]
    fn numbers_quotes_and_dashes() {
        assert_eq!(words("70,000 deaths"), ["70,000", "deaths"]);
        assert_eq!(words("15%"), ["15", "%"]);
        assert_eq!(words("“too scared”"), ["“", "too", "scared", "”"]);
        assert_eq!(
            words("crime – particularly"),
            ["crime", "–", "particularly"]
        );
        assert_eq!(words("Wait..."), ["Wait", "..."]);
    }

    #[test]
    fn punctuation_runs_stay_whole_like_ud() {
        assert_eq!(
            words("term -- particularly"),
            ["term", "--", "particularly"]
        );
        assert_eq!(words("Wow!!! Really??"), ["Wow", "!!!", "Really", "??"]);
        assert_eq!(words("====="), ["====="]);
        assert_eq!(words("no - dash"), ["no", "-", "dash"]);
        assert_eq!(words("(!)"), ["(", "!", ")"]);
    }

    #[test]
    fn dates_times_and_phone_numbers_stay_whole() {
        assert_eq!(
            words("on 02/13/2001 at 08:02 PM"),
            ["on", "02/13/2001", "at", "08:02", "PM"]
        );
        assert_eq!(words("call 713-853-3242."), ["call", "713-853-3242", "."]);
        assert_eq!(words("Houston 77415-0027"), ["Houston", "77415-0027"]);
        assert_eq!(words("a 5-3 vote"), ["a", "5", "-", "3", "vote"]);
        assert_eq!(words("1990-95"), ["1990", "-", "95"]);
        assert_eq!(words("August 11,2000"), ["August", "11", ",", "2000"]);
        assert_eq!(words("1,250,000 people"), ["1,250,000", "people"]);
        assert_eq!(words("at 83.5."), ["at", "83.5", "."]);
        assert_eq!(words("from 1:30 to 2:30"), ["from", "1:30", "to", "2:30"]);
        assert_eq!(tokenize("8:30")[0].kind, TokenKind::Number);
        // Letters on one side keep the split.
        assert_eq!(words("COVID-19"), ["COVID", "-", "19"]);
        assert_eq!(words("1/3-mile"), ["1/3", "-", "mile"]);
    }

    #[test]
    fn offsets_are_bytes_into_the_text() {
        let text = "Andrés López’s “plan”";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(words(text), ["Andrés", "López", "’s", "“", "plan", "”"]);
        let toks = tokenize("a  b");
        assert!(toks[1].space_before);
    }

    #[test]
    fn urls_and_addresses_lose_their_brackets() {
        assert_eq!(
            words("[http://news.bbc.co.uk/1/hi/4281450.stm]"),
            ["[", "http://news.bbc.co.uk/1/hi/4281450.stm", "]"]
        );
        assert_eq!(
            words("George <gt@manorisd.net>"),
            ["George", "<", "gt@manorisd.net", ">"]
        );
        assert_eq!(
            words("\"Julie\"<julie...@bellsouth.net>"),
            ["\"", "Julie", "\"", "<", "julie...@bellsouth.net", ">"]
        );
        assert_eq!(words("(@handle)"), ["(", "@handle", ")"]);
        assert_eq!(words("<mailto:a.b@c.com>"), ["<", "mailto:a.b@c.com", ">"]);
    }

    #[test]
    fn urls_stay_whole() {
        assert_eq!(
            words("see https://x.org/a-b."),
            ["see", "https://x.org/a-b", "."]
        );
    }
}
