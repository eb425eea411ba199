//! Reading and writing CoNLL-U (<https://universaldependencies.org/format.html>).
//!
//! Sentences keep every line they were read with: comments, multiword-token ranges ("1-2") and
//! empty nodes ("8.1") are carried verbatim, so [`write()`] reproduces the input apart from the
//! columns a caller changed. Only the basic words ("1", "2", ...) are exposed for tagging and
//! parsing.

use std::fmt;
use std::io::{self, BufRead, Write};
use std::path::Path;

/// One syntactic word (a line whose ID is an integer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS ("_" when absent).
    pub upos: String,
    /// XPOS ("_" when absent).
    pub xpos: String,
    /// FEATS.
    pub feats: String,
    /// HEAD: `Some(0)` for the root, `None` when the column is "_".
    pub head: Option<usize>,
    /// DEPREL.
    pub deprel: String,
    /// DEPS (enhanced graph), kept as is.
    pub deps: String,
    /// MISC.
    pub misc: String,
}

/// A line of a sentence, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A comment, without the leading "#".
    Comment(String),
    /// The word at this index of [`Sentence::words`].
    Word(usize),
    /// A multiword-token range or an empty node, verbatim.
    Other(String),
}

/// One sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Basic words; word `i` has CoNLL-U ID `i + 1`.
    pub words: Vec<Word>,
    /// All lines, for writing back.
    pub lines: Vec<Line>,
}

impl Sentence {
    /// The words' forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// The value of a `# key = value` comment, e.g. `text` or `sent_id`.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.lines.iter().find_map(|l| match l {
            Line::Comment(c) => {
                let (k, v) = c.split_once('=')?;
                (k.trim() == key).then(|| v.trim())
            }
            _ => None,
        })
    }
}

/// A CoNLL-U file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file ("<input>" when reading from memory).
        path: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A line does not follow the format.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file ("<input>" when reading from memory).
        path: String,
        /// 1-based line number (0: the sentence as a whole).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl ConlluError {
    fn with_path(self, p: &str) -> ConlluError {
        match self {
            ConlluError::Io { source, .. } => ConlluError::Io {
                path: p.to_owned(),
                source,
            },
            ConlluError::Format { line, message, .. } => ConlluError::Format {
                path: p.to_owned(),
                line,
                message,
            },
        }
    }
}

const INPUT: &str = "<input>";

/// Reads all sentences from CoNLL-U text.
pub fn read(input: impl BufRead) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|source| ConlluError::Io {
            path: INPUT.to_owned(),
            source,
        })?;
        let line = line.trim_end_matches('\r');
        let lineno = n + 1;
        let err = |message: String| ConlluError::Format {
            path: INPUT.to_owned(),
            line: lineno,
            message,
        };
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.lines.push(Line::Comment(comment.to_owned()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            current.lines.push(Line::Other(line.to_owned()));
            continue;
        }
        let id: usize = id.parse().map_err(|_| err(format!("bad ID {id:?}")))?;
        if id != current.words.len() + 1 {
            return Err(err(format!(
                "word ID {id} out of sequence (expected {})",
                current.words.len() + 1
            )));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse().map_err(|_| err(format!("bad HEAD {h:?}")))?),
        };
        current.lines.push(Line::Word(current.words.len()));
        current.words.push(Word {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            feats: cols[5].to_owned(),
            head,
            deprel: cols[7].to_owned(),
            deps: cols[8].to_owned(),
            misc: cols[9].to_owned(),
        });
    }
    if !current.lines.is_empty() {
        sentences.push(current);
    }
    for (s, sentence) in sentences.iter().enumerate() {
        let n = sentence.words.len();
        if let Some(w) = sentence
            .words
            .iter()
            .find(|w| w.head.is_some_and(|h| h > n))
        {
            return Err(ConlluError::Format {
                path: INPUT.to_owned(),
                line: 0,
                message: format!("sentence {}: HEAD {:?} beyond the sentence", s + 1, w.head),
            });
        }
    }
    Ok(sentences)
}

/// Reads a CoNLL-U file.
pub fn read_file(path: impl AsRef<Path>) -> Result<Vec<Sentence>, ConlluError> {
    let name = path.as_ref().display().to_string();
    let file = std::fs::File::open(path.as_ref()).map_err(|source| ConlluError::Io {
        path: name.clone(),
        source,
    })?;
    read(io::BufReader::new(file)).map_err(|e| e.with_path(&name))
}

/// Parses CoNLL-U from a string.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    read(text.as_bytes())
}

/// Writes sentences as CoNLL-U, each followed by a blank line.
pub fn write(mut out: impl Write, sentences: &[Sentence]) -> io::Result<()> {
    for sentence in sentences {
        write!(out, "{}", DisplaySentence(sentence))?;
    }
    out.flush()
}

struct DisplaySentence<'a>(&'a Sentence);

impl fmt::Display for DisplaySentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.0.lines {
            match line {
                Line::Comment(c) => writeln!(f, "#{c}")?,
                Line::Other(raw) => writeln!(f, "{raw}")?,
                Line::Word(i) => {
                    let w = &self.0.words[*i];
                    let head = w.head.map_or_else(|| "_".to_owned(), |h| h.to_string());
                    writeln!(
                        f,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        i + 1,
                        w.form,
                        w.lemma,
                        w.upos,
                        w.xpos,
                        w.feats,
                        head,
                        w.deprel,
                        w.deps,
                        w.misc
                    )?;
                }
            }
        }
        writeln!(f)
    }
}

/// Writes sentences to a CoNLL-U string.
pub fn to_string(sentences: &[Sentence]) -> String {
    sentences
        .iter()
        .map(|s| DisplaySentence(s).to_string())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Three small sentences in EWT style, with a multiword token and an empty node.
    pub(crate) const SAMPLE: &str = "\
# sent_id = s1
# text = I don't know.
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = s2
# text = Dogs bark loudly.
1\tDogs\tdog\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_
2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t0:root\t_
3\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t2:advmod\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

# sent_id = s3
# text = She likes tea and he coffee.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t2:nsubj\t_
2\tlikes\tlike\tVERB\tVBZ\t_\t0\troot\t0:root\t_
3\ttea\ttea\tNOUN\tNN\t_\t2\tobj\t2:obj\t_
4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t5:cc\t_
5\the\the\tPRON\tPRP\t_\t2\tconj\t2:conj\t_
5.1\tlikes\tlike\tVERB\tVBZ\t_\t_\t_\t2:conj\tCopyOf=2
6\tcoffee\tcoffee\tNOUN\tNN\t_\t5\torphan\t5.1:obj\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

";

    #[test]
    fn reads_words_and_skips_ranges_and_empty_nodes() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].forms(), ["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].words[1].head, Some(4));
        assert_eq!(
            s[2].forms(),
            ["She", "likes", "tea", "and", "he", "coffee", "."]
        );
        assert_eq!(s[2].words[5].deprel, "orphan");
        assert_eq!(s[1].comment("text"), Some("Dogs bark loudly."));
    }

    #[test]
    fn round_trips_verbatim() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(to_string(&s), SAMPLE);
        let mut buf = Vec::new();
        write(&mut buf, &s).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), SAMPLE);
    }

    #[test]
    fn writes_changed_columns_in_place() {
        let mut s = parse(SAMPLE).unwrap();
        s[0].words[1].upos = "VERB".into();
        s[0].words[1].head = None;
        let out = to_string(&s);
        assert!(out.contains("2-3\tdon't\t_"));
        assert!(out.contains("2\tdo\tdo\tVERB\tVBP\t_\t_\taux"));
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(matches!(
            parse("1\ta\tb\n"),
            Err(ConlluError::Format { line: 1, .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.conllu");
        std::fs::write(&path, "# ok\n1\ta\tb\n").unwrap();
        let message = read_file(&path).unwrap_err().to_string();
        assert!(message.ends_with("bad.conllu:2: expected 10 tab-separated columns, found 3"));
        assert!(read_file(dir.path().join("missing")).is_err());
        let bad = "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n";
        assert!(parse(bad).is_err());
        let far = "1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n";
        assert!(parse(far).is_err());
    }
}
