//! Reading annotated sentences: CrossNER (token TAB tag, CrossNER politics types), CoNLL-style
//! BIO files with PER/ORG/LOC (token TAB tag: the Broad Twitter Corpus), Universal NER
//! (`.iob2`: CoNLL-U-like columns, PER/ORG/LOC) and GUM (`.conllu` with entity annotation,
//! see `gum.rs`).
//!
//! CrossNER politics types map to the four kinds: politician, person → PER; politicalparty,
//! organisation → ORG; country, location → LOC; election, event, misc → MISC. Universal NER,
//! the Twitter corpus and GUM do not annotate MISC, so their `O` tokens may be MISC names
//! ([`Sentence::misc_annotated`]).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::label::{EntityKind, Label};

/// An annotation format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CrossNER: `token<TAB>tag` per line, blank line between sentences.
    CrossNer,
    /// Universal NER: `id<TAB>token<TAB>tag<TAB>…`, `#` comment lines.
    Uner,
    /// `token<TAB>tag` per line with PER, ORG and LOC tags and no MISC (the Broad Twitter
    /// Corpus).
    Conll,
    /// GUM's CoNLL-U files: named person, organization and place mentions.
    Gum,
}

impl Format {
    /// Guesses the format from a file's name and first data line.
    pub fn detect(path: &Path, text: &str) -> Option<Format> {
        if path.extension().is_some_and(|e| e == "iob2") {
            return Some(Format::Uner);
        }
        if path.extension().is_some_and(|e| e == "conllu") {
            return Some(Format::Gum);
        }
        let line = text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'))?;
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.len() {
            // PER/ORG/LOC tags tell CoNLL-style files from CrossNER's long type names.
            2 => Some(if conll_tags(text) {
                Format::Conll
            } else {
                Format::CrossNer
            }),
            n if n >= 10 && cols[0].parse::<u32>().is_ok() && text.contains("Entity=") => {
                Some(Format::Gum)
            }
            n if n >= 3 && cols[0].parse::<u32>().is_ok() => Some(Format::Uner),
            _ => None,
        }
    }

    /// Whether the format annotates MISC names (else they are `O`).
    pub fn annotates_misc(self) -> bool {
        self == Format::CrossNer
    }

    /// The label of a tag in this format.
    fn label(self, tag: &str) -> Result<Label, String> {
        if tag == "O" {
            return Ok(Label::O);
        }
        let (prefix, name) = tag
            .split_once('-')
            .ok_or_else(|| format!("not a BIO tag: '{tag}'"))?;
        let kind = match (self, name) {
            (Format::CrossNer, "politician" | "person") => EntityKind::Per,
            (Format::CrossNer, "politicalparty" | "organisation") => EntityKind::Org,
            (Format::CrossNer, "country" | "location") => EntityKind::Loc,
            (Format::CrossNer, "election" | "event" | "misc") => EntityKind::Misc,
            (Format::Uner | Format::Conll, "PER") => EntityKind::Per,
            (Format::Uner | Format::Conll, "ORG") => EntityKind::Org,
            (Format::Uner | Format::Conll, "LOC") => EntityKind::Loc,
            _ => return Err(format!("unknown entity type in tag '{tag}'")),
        };
        match prefix {
            "B" => Ok(Label::B(kind)),
            "I" => Ok(Label::I(kind)),
            _ => Err(format!("not a BIO tag: '{tag}'")),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::CrossNer => "crossner",
            Format::Uner => "uner",
            Format::Conll => "conll",
            Format::Gum => "gum",
        })
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "crossner" => Ok(Format::CrossNer),
            "uner" => Ok(Format::Uner),
            "conll" => Ok(Format::Conll),
            "gum" => Ok(Format::Gum),
            _ => Err(format!(
                "unknown format '{s}' (use crossner, uner, conll or gum)"
            )),
        }
    }
}

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as the file gives them.
    pub words: Vec<String>,
    /// One label per token.
    pub labels: Vec<Label>,
    /// False when the source leaves MISC names unannotated, so an `O` may be MISC.
    pub misc_annotated: bool,
}

/// A corpus file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// Reading the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The format cannot be told from the file.
    #[error("{path}: cannot tell the format (use crossner, uner, conll or gum)")]
    UnknownFormat {
        /// The file.
        path: String,
    },
    /// A line is malformed.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads a file in `format`, or in the format [`Format::detect`] finds.
pub fn read(path: &Path, format: Option<Format>) -> Result<(Format, Vec<Sentence>), CorpusError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: name.clone(),
        source,
    })?;
    let format = format
        .or_else(|| Format::detect(path, &text))
        .ok_or(CorpusError::UnknownFormat { path: name.clone() })?;
    Ok((format, parse(&text, format, &name)?))
}

/// Parses annotated text; `name` is used in errors.
pub fn parse(text: &str, format: Format, name: &str) -> Result<Vec<Sentence>, CorpusError> {
    if format == Format::Gum {
        return super::gum::parse(text, name);
    }
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        labels: Vec::new(),
        misc_annotated: format.annotates_misc(),
    };
    let mut flush = |cur: &mut Sentence| {
        if !cur.words.is_empty() {
            out.push(std::mem::replace(
                cur,
                Sentence {
                    words: Vec::new(),
                    labels: Vec::new(),
                    misc_annotated: format.annotates_misc(),
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let err = |message: String| CorpusError::Line {
            path: name.to_string(),
            line: n + 1,
            message,
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (word, tag) = match format {
            Format::Uner if line.starts_with('#') => continue,
            Format::Uner => {
                if cols.len() < 3 {
                    return Err(err(format!("expected id, token and tag, got '{line}'")));
                }
                // Multiword-token and empty-node lines carry no tag of their own.
                if cols[0].contains(['-', '.']) {
                    continue;
                }
                (cols[1], cols[2])
            }
            Format::Gum => unreachable!("parsed above"),
            Format::CrossNer | Format::Conll => {
                if cols.len() != 2 {
                    return Err(err(format!("expected token TAB tag, got '{line}'")));
                }
                (cols[0], cols[1])
            }
        };
        if word.is_empty() {
            // The Twitter corpus has a few tokens whose characters were lost (emoji, zero-width
            // characters): outside any name, they are skipped.
            if format == Format::Conll && tag.trim() == "O" {
                continue;
            }
            return Err(err("empty token".to_string()));
        }
        cur.words.push(word.to_string());
        cur.labels.push(format.label(tag.trim()).map_err(err)?);
    }
    flush(&mut cur);
    Ok(out)
}

/// Whether the tags of a two-column file are PER/ORG/LOC/MISC (CoNLL style) rather than
/// CrossNER's type names.
fn conll_tags(text: &str) -> bool {
    text.lines()
        .filter_map(|l| l.split('\t').nth(1))
        .filter_map(|tag| tag.trim().split_once('-'))
        .take(100)
        .any(|(_, kind)| matches!(kind, "PER" | "ORG" | "LOC" | "MISC"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossner_types_map_to_four_kinds() {
        let text = "Angela\tB-politician\nMerkel\tI-politician\nof\tO\nCDU\tB-politicalparty\n\n\
                    2005\tB-election\nvote\tI-election\n";
        let s = parse(text, Format::CrossNer, "x").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["Angela", "Merkel", "of", "CDU"]);
        assert_eq!(
            s[0].labels,
            [
                Label::B(EntityKind::Per),
                Label::I(EntityKind::Per),
                Label::O,
                Label::B(EntityKind::Org)
            ]
        );
        assert_eq!(s[1].labels[0], Label::B(EntityKind::Misc));
        assert!(s[0].misc_annotated);
    }

    #[test]
    fn uner_skips_comments_and_reads_the_tag_column() {
        let text = "# sent_id = 1\n# text = Paris is big\n1\tParis\tB-LOC\t-\t-\n2\tis\tO\t-\t-\n\
                    3\tbig\tO\t-\t-\n\n";
        let s = parse(text, Format::Uner, "x").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].labels[0], Label::B(EntityKind::Loc));
        assert!(!s[0].misc_annotated);
        assert_eq!(Format::detect(Path::new("a.txt"), text), Some(Format::Uner));
        assert_eq!(
            Format::detect(Path::new("a.txt"), "Paris\tB-location\n"),
            Some(Format::CrossNer)
        );
    }

    #[test]
    fn conll_files_have_per_org_loc_and_no_misc() {
        let text = "Lina\tB-PER\nOkafor\tI-PER\njoined\tO\nFC\tB-ORG\nBrandt\tI-ORG\n";
        assert_eq!(
            Format::detect(Path::new("btc.train"), text),
            Some(Format::Conll)
        );
        let s = parse(text, Format::Conll, "x").unwrap();
        assert_eq!(s[0].labels[3], Label::B(EntityKind::Org));
        let lost = parse("Hi\tO\n\tO\nLina\tB-PER\n", Format::Conll, "x").unwrap();
        assert_eq!(lost[0].words, ["Hi", "Lina"]);
        assert!(parse("\tB-PER\n", Format::Conll, "x").is_err());
        assert!(!s[0].misc_annotated);
        assert_eq!(
            Format::detect(Path::new("a.conllu"), "1\tA\n"),
            Some(Format::Gum)
        );
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = parse("Paris\tB-city\n", Format::CrossNer, "f.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.txt:1: unknown entity type in tag 'B-city'"
        );
        let e = parse("ok\tO\nbad\n", Format::CrossNer, "f.txt").unwrap_err();
        assert!(e.to_string().starts_with("f.txt:2:"), "{e}");
    }
}
