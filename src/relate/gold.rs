//! The project's news gold (`eval/gold/*.jsonl`, described in `eval/gold/README.md`) as
//! training and dev data: its documents with their texts, and the label of every candidate
//! pair the relation stage makes in them.
//!
//! Texts are not in the gold: Wikinews articles are read from the corpus file, GUM documents
//! rebuilt from their CoNLL-U files by [`gum_text`] (the rule `eval/gold/docs.py` documents).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::entity::Mention;
use crate::error::Error;
use crate::relation::RelationType;

/// One annotated actor: its type and every name the document uses for it.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    /// person, organization, country, location or group.
    #[serde(rename = "type")]
    pub kind: String,
    /// The names, as written.
    pub names: Vec<String>,
}

/// A mention of a gold relation: its text and byte range, and the actor it stands for.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldMention {
    /// As written.
    pub text: String,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The key of its actor in [`GoldDocument::actors`].
    pub actor: String,
}

/// A byte range of the document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
}

/// One annotated relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    /// The source's mention.
    pub source: GoldMention,
    /// The target's mention.
    pub target: GoldMention,
    /// Its types (more than one when the annotator hesitated between them).
    pub types: Vec<String>,
    /// `must` or `may`.
    pub level: String,
    /// Stated as not holding.
    pub negated: bool,
    /// The sentence(s) that state it.
    pub evidence: GoldSpan,
}

/// One annotated document, with its text.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    /// The document's id.
    pub id: String,
    /// `wikinews` or `gum-news`.
    pub corpus: String,
    /// `train`, `dev` or `test`.
    pub split: String,
    /// Its actors by key.
    pub actors: BTreeMap<String, GoldActor>,
    /// Every relation it states.
    pub relations: Vec<GoldRelation>,
    /// The text (read from the corpus, not the gold file).
    #[serde(skip)]
    pub text: String,
    /// Only the listed relations are known: pairs not listed are no negatives (PLOVER
    /// records code one event per sentence).
    #[serde(skip)]
    pub partial: bool,
}

/// The text of a GUM document from its CoNLL-U source: the `# text` lines of its sentences
/// joined by one space, or by a newline where `# newpar` opens a paragraph.
pub fn gum_text(conllu: &str) -> String {
    let mut out = String::new();
    let mut newpar = false;
    let mut first = true;
    for line in conllu.lines() {
        if line.trim() == "# newpar" || line.starts_with("# newpar ") {
            newpar = true;
        } else if let Some(text) = line.strip_prefix("# text = ") {
            if !first {
                out.push(if newpar { '\n' } else { ' ' });
            }
            out.push_str(text);
            first = false;
            newpar = false;
        }
    }
    out
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads the gold documents of `gold_dir` (`wikinews.jsonl`, `gum-news.jsonl`) with their
/// texts from the Wikinews corpus file and the GUM CoNLL-U directory.
pub fn read_gold(
    gold_dir: &Path,
    wikinews: &Path,
    gum_dir: &Path,
) -> Result<Vec<GoldDocument>, Error> {
    #[derive(Deserialize)]
    struct Article {
        id: String,
        text: String,
    }
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let corpus = std::fs::read_to_string(wikinews).map_err(io(wikinews))?;
    for (n, line) in corpus.lines().enumerate() {
        let a: Article = serde_json::from_str(line).map_err(|e| Error::Record {
            path: wikinews.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        texts.insert(a.id, a.text);
    }
    let mut docs = Vec::new();
    for corpus in ["wikinews", "gum-news"] {
        let path = gold_dir.join(format!("{corpus}.jsonl"));
        let data = std::fs::read_to_string(&path).map_err(io(&path))?;
        for (n, line) in data.lines().enumerate() {
            let record = |message: String| Error::Record {
                path: path.display().to_string(),
                line: n + 1,
                message,
            };
            let mut doc: GoldDocument =
                serde_json::from_str(line).map_err(|e| record(e.to_string()))?;
            doc.text = if corpus == "wikinews" {
                texts
                    .get(&doc.id)
                    .cloned()
                    .ok_or_else(|| record(format!("{} is not in {}", doc.id, wikinews.display())))?
            } else {
                let file = gum_dir.join(format!("{}.conllu", doc.id));
                gum_text(&std::fs::read_to_string(&file).map_err(io(&file))?)
            };
            for r in &doc.relations {
                for m in [&r.source, &r.target] {
                    if doc.text.get(m.start..m.end) != Some(m.text.as_str()) {
                        return Err(record(format!(
                            "{}: mention {:?} does not match the text at {}..{}",
                            doc.id, m.text, m.start, m.end
                        )));
                    }
                }
            }
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// The relation types a PLOVER category counts as (as `eval/plover.py` scores them).
fn plover_types(category: &str) -> &'static [&'static str] {
    match category {
        "AGREE" | "COOPERATE" => &["cooperates-with"],
        "CONSULT" => &["meets-with", "negotiates-with"],
        "SUPPORT" => &["praises"],
        "AID" => &["aids"],
        "DEMAND" => &["demands"],
        "DISAPPROVE" => &["accuses", "criticizes"],
        "REJECT" => &["rejects"],
        "THREATEN" => &["threatens"],
        "SANCTION" => &["sanctions"],
        "COERCE" => &["arrests", "prosecutes", "extradites"],
        "ASSAULT" | "FIGHT" => &["attacks"],
        _ => &[],
    }
}

/// The PLOVER gold records (CAMEO manual example sentences, one coded event each) as extra
/// training documents of split `extra`: each record's event as relations between its
/// source and target actors (reciprocal sources with each other), other pairs unknown.
pub fn read_plover(path: &Path) -> Result<Vec<GoldDocument>, Error> {
    #[derive(Deserialize)]
    struct Actor {
        #[serde(rename = "actorText")]
        text: String,
    }
    #[derive(Deserialize)]
    struct Record {
        id: String,
        event: String,
        #[serde(default)]
        text: String,
        #[serde(default)]
        source: Option<serde_json::Value>,
        #[serde(default)]
        target: Option<serde_json::Value>,
    }
    let data = std::fs::read_to_string(path).map_err(io(path))?;
    let records: Vec<Record> = serde_json::from_str(&data).map_err(|e| Error::Record {
        path: path.display().to_string(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let actors_of = |v: &Option<serde_json::Value>| -> Vec<String> {
        v.as_ref()
            .and_then(|v| serde_json::from_value::<Vec<Actor>>(v.clone()).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.text)
            .collect()
    };
    let mut docs = Vec::new();
    for r in records {
        let types = plover_types(&r.event);
        if types.is_empty() || r.text.is_empty() {
            continue;
        }
        let (sources, targets) = (actors_of(&r.source), actors_of(&r.target));
        let mut actors = BTreeMap::new();
        let mut key_of = |name: &str| -> Option<(String, usize)> {
            let at = whole_word_occurrences(&r.text, name).next()?.start;
            let key = format!("a{}", actors.len());
            let key = actors
                .iter()
                .find(|(_, a): &(&String, &GoldActor)| a.names[0] == name)
                .map_or(key, |(k, _)| k.clone());
            actors.entry(key.clone()).or_insert_with(|| GoldActor {
                kind: String::new(),
                names: vec![name.to_string()],
            });
            Some((key, at))
        };
        let mut pairs = Vec::new();
        let located =
            |names: &[String], key_of: &mut dyn FnMut(&str) -> Option<(String, usize)>| {
                names
                    .iter()
                    .filter_map(|n| key_of(n).map(|k| (k, n.clone())))
                    .collect::<Vec<_>>()
            };
        let s = located(&sources, &mut key_of);
        let t = located(&targets, &mut key_of);
        if t.is_empty() {
            for (i, a) in s.iter().enumerate() {
                for b in &s[i + 1..] {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        } else {
            for a in &s {
                for b in &t {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
        let relations = pairs
            .into_iter()
            .filter(|(a, b)| a.0 .0 != b.0 .0)
            .map(|(((ka, sa), na), ((kb, sb), nb))| GoldRelation {
                source: GoldMention {
                    text: na.clone(),
                    start: sa,
                    end: sa + na.len(),
                    actor: ka,
                },
                target: GoldMention {
                    text: nb.clone(),
                    start: sb,
                    end: sb + nb.len(),
                    actor: kb,
                },
                types: types.iter().map(|t| t.to_string()).collect(),
                level: "must".to_string(),
                negated: false,
                evidence: GoldSpan {
                    start: 0,
                    end: r.text.len(),
                },
            })
            .collect::<Vec<_>>();
        if relations.is_empty() {
            continue;
        }
        docs.push(GoldDocument {
            id: r.id,
            corpus: "plover".to_string(),
            split: "extra".to_string(),
            actors,
            relations,
            text: r.text,
            partial: true,
        });
    }
    Ok(docs)
}

/// A gold fact: source actor, type, target actor, negated (symmetric types ordered).
pub(crate) type Fact = (String, RelationType, String, bool);

pub(crate) fn fact(s: &str, kind: RelationType, t: &str, negated: bool) -> Fact {
    if kind.is_symmetric() && s > t {
        (t.to_string(), kind, s.to_string(), negated)
    } else {
        (s.to_string(), kind, t.to_string(), negated)
    }
}

/// A gold document made ready for labelling candidates.
pub(crate) struct Labeller<'g> {
    doc: &'g GoldDocument,
    /// Byte spans of every whole-word occurrence of each actor's names.
    occurrences: Vec<(Range<usize>, &'g str)>,
    /// Every fact of the document (any level), with its level and evidence.
    facts: BTreeMap<Fact, Vec<(&'g str, Range<usize>)>>,
}

fn whole_word_occurrences<'t>(
    text: &'t str,
    name: &'t str,
) -> impl Iterator<Item = Range<usize>> + 't {
    text.match_indices(name).filter_map(move |(at, _)| {
        let end = at + name.len();
        let before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (before && after).then_some(at..end)
    })
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

impl<'g> Labeller<'g> {
    pub(crate) fn new(doc: &'g GoldDocument) -> Labeller<'g> {
        let mut occurrences = Vec::new();
        for (key, actor) in &doc.actors {
            for name in &actor.names {
                for span in whole_word_occurrences(&doc.text, name) {
                    occurrences.push((span, key.as_str()));
                }
            }
        }
        // Relation mentions (pronouns among them) name their actor where they stand.
        for r in &doc.relations {
            for m in [&r.source, &r.target] {
                occurrences.push((m.start..m.end, m.actor.as_str()));
            }
        }
        let mut facts: BTreeMap<Fact, Vec<(&str, Range<usize>)>> = BTreeMap::new();
        for r in &doc.relations {
            for t in &r.types {
                if let Ok(kind) = t.parse::<RelationType>() {
                    facts
                        .entry(fact(&r.source.actor, kind, &r.target.actor, r.negated))
                        .or_default()
                        .push((r.level.as_str(), r.evidence.start..r.evidence.end));
                }
            }
        }
        Labeller {
            doc,
            occurrences,
            facts,
        }
    }

    /// The gold actor a mention stands for: the one whose names (or relation mentions)
    /// overlap it most; for a mention that overlaps none (a pronoun the gold did not use),
    /// the actor its entity's other mentions stand for.
    pub(crate) fn actor(&self, m: &Mention, entity_mentions: &[Mention]) -> Option<&'g str> {
        self.by_overlap(&m.span).or_else(|| {
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for other in entity_mentions.iter().filter(|x| x.entity == m.entity) {
                if let Some(a) = self.by_overlap(&other.span) {
                    *votes.entry(a).or_default() += 1;
                }
            }
            votes
                .into_iter()
                .max_by_key(|&(a, n)| (n, std::cmp::Reverse(a)))
                .map(|(a, _)| a)
        })
    }

    /// The actor of the name occurrence that fits a span best (overlap over union: the
    /// nested "United States" of "United States Navy" is the country, the whole the navy).
    fn by_overlap(&self, span: &Range<usize>) -> Option<&'g str> {
        let mut best: Option<(f32, &str)> = None;
        for (s, a) in &self.occurrences {
            let o = overlap(s, span);
            if o == 0 {
                continue;
            }
            let union = s.end.max(span.end) - s.start.min(span.start);
            let fit = o as f32 / union as f32;
            if best.is_none_or(|(f, b)| fit > f || fit == f && *a < b) {
                best = Some((fit, a));
            }
        }
        best.map(|(_, a)| a)
    }

    /// The label of candidate "actor `a` does something to actor `b`" in the sentence
    /// `sentence`: the types of the gold relations of that direction whose evidence holds
    /// the sentence, split by level, and whether those are negated.
    pub(crate) fn label(&self, a: &str, b: &str, sentence: &Range<usize>) -> Label {
        let mut label = Label::default();
        for ((s, kind, t, negated), evidence) in &self.facts {
            let forward = s == a && t == b;
            let backward = kind.is_symmetric() && s == b && t == a;
            if !forward && !backward {
                continue;
            }
            let here = evidence.iter().filter(|(_, e)| overlap(e, sentence) > 0);
            let mut stated_here = false;
            for (level, _) in here {
                stated_here = true;
                if *level == "must" {
                    if !label.must.contains(kind) {
                        label.must.push(*kind);
                    }
                    label.negated |= *negated;
                } else if !label.may.contains(kind) {
                    label.may.push(*kind);
                }
            }
            if !stated_here {
                label.elsewhere = true;
            }
        }
        label
    }

    /// Every fact of the document with whether it is `must`.
    pub(crate) fn facts(&self) -> impl Iterator<Item = (&Fact, bool)> {
        self.facts
            .iter()
            .map(|(f, ev)| (f, ev.iter().any(|(level, _)| *level == "must")))
    }

    pub(crate) fn document(&self) -> &GoldDocument {
        self.doc
    }
}

/// What the gold says of one candidate pair in one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Label {
    /// Types of `must` relations stated in this sentence.
    pub must: Vec<RelationType>,
    /// Types of `may` relations stated in this sentence.
    pub may: Vec<RelationType>,
    /// The pair has a relation of this direction stated in another sentence only.
    pub elsewhere: bool,
    /// The `must` relations here are negated.
    pub negated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gum_text_joins_sentences_and_paragraphs() {
        let conllu = "# newdoc id = d\n# newpar\n# sent_id = 1\n# text = Title here\n1\tTitle\n\n\
                      # newpar\n# newpar_block = p\n# text = First one.\n1\tFirst\n\n\
                      # text = Second one.\n1\tSecond\n";
        assert_eq!(gum_text(conllu), "Title here\nFirst one. Second one.");
    }

    #[test]
    fn whole_words_only() {
        let spans: Vec<_> = whole_word_occurrences("Peru, Peruvian and Peru.", "Peru").collect();
        assert_eq!(spans, vec![0..4, 19..23]);
    }
}
