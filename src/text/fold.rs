//! Matching keys: case and accents folded, punctuation dropped. Keys are for lookup only;
//! labels and offsets always keep the original text.

/// Folds a surface form to its lookup key: ASCII transliteration, lowercase, curly quotes
/// straightened, periods dropped ("U.S." → "us"), a trailing possessive removed and
/// whitespace collapsed.
pub fn key(text: &str) -> String {
    // ASCII text transliterates to itself: no copy (most words of English news).
    let ascii = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(text))
    };
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        match c {
            '.' => {}
            c if c.is_whitespace() || c == '-' || c == '_' => pending_space = !out.is_empty(),
            c if c.is_alphanumeric() || c == '\'' || c == '&' => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            _ => {}
        }
    }
    for suffix in ["'s", "'"] {
        if let Some(stripped) = out.strip_suffix(suffix) {
            out.truncate(stripped.len());
        }
    }
    out
}

/// The matching key of one token: its [`key`], or the token itself for punctuation.
pub fn token_key(token: &str) -> String {
    let k = key(token);
    if k.is_empty() {
        token.to_string()
    } else {
        k
    }
}

/// The matching key of a phrase, token by token ("Washington, D.C." → "washington , dc"),
/// and its number of tokens. The recognizer builds the same key from a document's tokens.
pub fn phrase_key(phrase: &str) -> (String, usize) {
    let keys = token_keys(phrase);
    (keys.join(" "), keys.len())
}

/// The matching key of each token of a phrase.
pub fn token_keys(phrase: &str) -> Vec<String> {
    super::tokenize(phrase)
        .iter()
        .map(|t| token_key(t.text(phrase)))
        .collect()
}

/// The keys of every proper token prefix of a phrase, for early exit in longest-match
/// lookups ("secretary", "secretary of" for "Secretary of State").
pub fn prefix_keys(phrase: &str) -> Vec<String> {
    let keys = token_keys(phrase);
    (1..keys.len()).map(|n| keys[..n].join(" ")).collect()
}

/// A stable identifier for a canonical label: ASCII, accents folded, lowercase, words
/// joined by hyphens ("Ismael Zambada García" → "ismael-zambada-garcia").
pub fn slug(label: &str) -> String {
    let ascii = deunicode::deunicode(label);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '.' || c == '\'' {
            // "U.S." is "us", "O'Brien" is "obrien": no hyphen inside a word.
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_case_accents_periods_and_possessives() {
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("García"), "garcia");
        assert_eq!(key("Sheinbaum’s"), "sheinbaum");
        assert_eq!(key("  New   York "), "new york");
        assert_eq!(key("U.S.-Mexico"), "us mexico");
    }

    #[test]
    fn phrase_keys_follow_tokens() {
        assert_eq!(
            phrase_key("Washington, D.C."),
            ("washington , dc".to_string(), 3)
        );
        assert_eq!(
            phrase_key("U.S. Drug Enforcement Administration").0,
            "us drug enforcement administration"
        );
    }

    #[test]
    fn slug_is_ascii_lowercase_hyphenated() {
        assert_eq!(slug("Ismael Zambada García"), "ismael-zambada-garcia");
        assert_eq!(
            slug("U.S. Department of Justice"),
            "us-department-of-justice"
        );
        assert_eq!(slug("O'Brien"), "obrien");
        assert_eq!(slug("¿?"), "entity");
    }
}
