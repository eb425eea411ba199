//! Named entities from GUM's entity annotation (CoNLL-U, `Entity=` in the MISC column).
//!
//! GUM annotates every mention (names, common nouns, pronouns) with one of eleven types and
//! nests them. A named person, organization or place is a `person`, `organization` or `place`
//! mention whose syntactic head is a proper noun, or a common noun with a proper noun in
//! apposition ("the prominent critic Eduard Hanslick"); its name is that proper noun with the
//! words that make a name with it: `flat`, `compound`, `fixed` and `goeswith` dependents,
//! capitalized or ordinal `amod` and `nummod` ones ("United Kingdom", "51st Street"), a saint
//! before it and a "Jr." or "Inc." after it (`nmod:desc`), and an "of" complement that is a
//! proper noun ("University of Portsmouth"), but no determiner, possessive, title
//! ("NASA Administrator Charles Bolden" names Charles Bolden) or apposition.
//! Where names overlap the longer wins (then the earlier). Other named mentions (events,
//! works, objects) are not annotated as MISC, so, as in Universal NER, an `O` may be MISC.

use super::corpus::Sentence;
use super::label::{EntityKind, Label};
use crate::nlp::conllu;

/// One mention: its kind and its first and last word (0-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    kind: Option<EntityKind>,
    first: usize,
    last: usize,
}

/// The mentions of a sentence, from the `Entity=` values of its MISC column. Returns a
/// message on a malformed annotation.
fn mentions(words: &[conllu::Word]) -> Result<Vec<Mention>, String> {
    let mut open: Vec<(String, Option<EntityKind>, usize)> = Vec::new();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(value) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        let bytes = value.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'(' => {
                    let end = value[at + 1..]
                        .find(['(', ')'])
                        .map_or(value.len(), |e| at + 1 + e);
                    let fields: Vec<&str> = value[at + 1..end].split('-').collect();
                    let id = fields[0].to_owned();
                    let kind = match fields.get(1).copied() {
                        Some("person") => Some(EntityKind::Per),
                        Some("organization") => Some(EntityKind::Org),
                        Some("place") => Some(EntityKind::Loc),
                        Some(_) => None,
                        None => return Err(format!("word {}: entity without a type", i + 1)),
                    };
                    if value[end..].starts_with(')') {
                        out.push(Mention {
                            kind,
                            first: i,
                            last: i,
                        });
                        at = end + 1;
                    } else {
                        open.push((id, kind, i));
                        at = end;
                    }
                }
                b')' => at += 1,
                _ => {
                    let end = value[at..]
                        .find(')')
                        .map(|e| at + e)
                        .ok_or_else(|| format!("word {}: unclosed entity {value:?}", i + 1))?;
                    let id = &value[at..end];
                    let k = open
                        .iter()
                        .rposition(|(o, _, _)| o == id)
                        .ok_or_else(|| format!("word {}: entity {id} closed unopened", i + 1))?;
                    let (_, kind, first) = open.remove(k);
                    out.push(Mention {
                        kind,
                        first,
                        last: i,
                    });
                    at = end + 1;
                }
            }
        }
    }
    // Mentions still open run across sentences in no GUM file; they are ignored.
    Ok(out)
}

/// Whether word `d` joins the name of its head with its relation.
fn joins_name(words: &[conllu::Word], d: usize) -> bool {
    let w = &words[d];
    let capitalized = w.form.chars().next().is_some_and(char::is_uppercase);
    let ordinal = w.upos == "ADJ" && w.form.starts_with(|c: char| c.is_ascii_digit());
    match w.deprel.as_str() {
        "flat" | "compound" | "fixed" | "goeswith" => true,
        // "United Kingdom", "51st Street".
        "amod" | "nummod" => capitalized || ordinal || w.upos == "PROPN",
        // A title before the name is no part of it ("Mr.", "Governor"), a saint's is ("St.
        // Louis"), and so is what follows it ("Jr.", "Inc.").
        "nmod:desc" => {
            w.head.is_some_and(|h| d + 1 > h)
                || matches!(w.form.as_str(), "St." | "St" | "Saint" | "Ste." | "Sainte")
        }
        // "University of Portsmouth": a proper noun with "of".
        "nmod" => {
            w.upos == "PROPN"
                && words
                    .iter()
                    .any(|c| c.head == Some(d + 1) && c.deprel == "case" && c.form == "of")
        }
        // Inside a name joined by "of" ("Bank of the North"): its preposition and article
        // (`name_of` asks only about dependents of words inside the name, not of its head).
        "case" | "det" => {
            let h = w.head.unwrap_or(0);
            h > 0 && words[h - 1].deprel == "nmod"
        }
        "punct" => w.form == "-" || w.form == "&",
        _ => false,
    }
}

/// The word range of the name of a mention, if it is a named one.
fn name_of(words: &[conllu::Word], m: &Mention) -> Option<(usize, usize)> {
    let inside = |k: usize| k >= m.first && k <= m.last;
    let head =
        (m.first..=m.last).find(|&k| words[k].head.is_none_or(|h| h == 0 || !inside(h - 1)))?;
    // "the prominent critic Eduard Hanslick": a common noun with a name in apposition.
    let head = if words[head].upos == "PROPN" {
        head
    } else {
        (m.first..=m.last).find(|&k| {
            words[k].head == Some(head + 1)
                && matches!(words[k].deprel.as_str(), "appos" | "flat")
                && words[k].upos == "PROPN"
        })?
    };
    let mut name = vec![head];
    let mut k = 0;
    while k < name.len() {
        let h = name[k];
        for d in m.first..=m.last {
            let inner_only = matches!(words[d].deprel.as_str(), "case" | "det");
            if words[d].head == Some(h + 1)
                && !name.contains(&d)
                && !(inner_only && h == head)
                && joins_name(words, d)
            {
                name.push(d);
            }
        }
        k += 1;
    }
    let (first, last) = (*name.iter().min()?, *name.iter().max()?);
    // A name ends on a word, not on a hyphen or a preposition.
    let mut first_word = first;
    while first_word < last && !words[first_word].form.chars().any(char::is_alphanumeric) {
        first_word += 1;
    }
    Some((first_word, last))
}

/// The NER sentences of a GUM CoNLL-U text; `name` is used in errors.
pub(crate) fn parse(text: &str, name: &str) -> Result<Vec<Sentence>, super::corpus::CorpusError> {
    let sentences =
        conllu::read(text.as_bytes()).map_err(|e| super::corpus::CorpusError::Line {
            path: name.to_owned(),
            line: 0,
            message: e.to_string(),
        })?;
    let mut out = Vec::with_capacity(sentences.len());
    for (n, s) in sentences.iter().enumerate() {
        let found = mentions(&s.words).map_err(|message| super::corpus::CorpusError::Line {
            path: name.to_owned(),
            line: 0,
            message: format!("sentence {}: {message}", n + 1),
        })?;
        let mut names: Vec<(usize, usize, EntityKind)> = found
            .iter()
            .filter_map(|m| {
                let kind = m.kind?;
                let (a, b) = name_of(&s.words, m)?;
                Some((a, b, kind))
            })
            .collect();
        // Longer names first, then earlier ones; a name overlapping a kept one goes.
        names.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
        names.dedup_by_key(|n| (n.0, n.1));
        let mut labels = vec![Label::O; s.words.len()];
        for (a, b, kind) in names {
            if labels[a..=b].iter().all(|l| *l == Label::O) {
                labels[a] = Label::B(kind);
                for l in &mut labels[a + 1..=b] {
                    *l = Label::I(kind);
                }
            }
        }
        out.push(Sentence {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            labels,
            misc_annotated: false,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GUM-style sentence: "The Vandor Institute Director Mara Quell visited Upper Tessel ."
    const SAMPLE: &str = "\
1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-person-new-nnnss-cf1-1-coref(2-organization-new-nnnss-cf2-1-sgl
2\tVandor\tVandor\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tInstitute\tInstitute\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=2)
4\tDirector\tDirector\tPROPN\tNNP\t_\t5\tnmod:desc\t_\t_
5\tMara\tMara\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
6\tQuell\tQuell\tPROPN\tNNP\t_\t5\tflat\t_\tEntity=1)
7\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
8\tUpper\tupper\tADJ\tJJ\t_\t9\tamod\t_\tEntity=(3-place-new-nnnss-cf3-1,2-sgl
9\tTessel\tTessel\tPROPN\tNNP\t_\t7\tobj\t_\tEntity=3)
10\tits\tits\tPRON\tPRP$\t_\t11\tnmod:poss\t_\tEntity=(4-place-new-nnnss-cf3-1-sgl)
11\tcapital\tcapital\tNOUN\tNN\t_\t7\tobl\t_\t_
12\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_

";

    #[test]
    fn named_mentions_become_bio_labels() {
        let s = parse(SAMPLE, "x").unwrap();
        assert_eq!(s.len(), 1);
        let spans = super::super::label::spans(&s[0].labels);
        // The title and the organization before it are not part of the person's name; the
        // pronoun mention is no name.
        assert_eq!(
            spans,
            vec![
                (1..3, EntityKind::Org),
                (4..6, EntityKind::Per),
                (7..9, EntityKind::Loc)
            ]
        );
        assert!(!s[0].misc_annotated);
    }

    #[test]
    fn a_closing_without_opening_is_an_error() {
        let bad = "1\tX\tx\tPROPN\tNNP\t_\t0\troot\t_\tEntity=7)\n\n";
        let e = parse(bad, "f.conllu").unwrap_err().to_string();
        assert!(
            e.starts_with("f.conllu:") && e.contains("closed unopened"),
            "{e}"
        );
    }
}
