//! Relations: who did what to whom, sentence by sentence, each with a confidence and a
//! reason.
//!
//! 1. **Mentions.** A sentence's actors are its entity mentions, names nested in a larger
//!    name included ("Mexican" in "Mexican President X"), with pronouns resolved to the
//!    nearest compatible entity before them ([`rules::pronouns`]).
//! 2. **Rules.** The hand-written rules ([`rules`]) read the sentence's triggers, its
//!    dependency parse ([`parsed`]) or word order ([`rules::order`]), and its modality
//!    ([`rules::order_truth`]), and propose relations; resolution's titles and prefixes
//!    propose static ones.
//! 3. **Candidates.** Every ordered pair of mentions of two different actors in the sentence
//!    is a candidate, whatever the rules said: its features ([`features`]) are the
//!    dependency path between the two and the trigger on it, the words around them, the
//!    entity types, the rules' verdicts on the pair and cues of the document.
//! 4. **Model.** A logistic regression trained on the project's annotated news
//!    ([`model`], [`train`]) gives each candidate the probability of each relation type, and
//!    of negation. A type whose probability reaches the threshold (chosen on the annotated
//!    dev documents, or `min_confidence`) becomes a relation, with that probability as its
//!    `confidence` and the rule and the strongest features as its `reason`.

mod classes;
mod features;
mod gold;
pub mod model;
mod parsed;
mod rules;
pub mod train;

#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::entity::{EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::nlp::Models;
use crate::relation::{Relation, RelationType};
use crate::resolve::Resolved;
use crate::text::{Layout, SentenceKind};

use classes::Classes;
use features::{DocumentCues, PairView, RuleVerdict};
pub use model::{Backing, RelationModel, RelationModelError};

/// The sentences that can state a relation (not page furniture), each with its index and
/// the range of `resolved.mentions` that falls in it (mentions are in text order).
fn prose_sentences<'a>(
    layout: &'a Layout,
    resolved: &'a Resolved,
) -> impl Iterator<Item = (usize, &'a crate::text::Sentence, Range<usize>)> {
    let mentions = &resolved.mentions;
    let mut first = 0;
    layout
        .sentences
        .iter()
        .enumerate()
        .map(move |(index, sentence)| {
            first += mentions[first..].partition_point(|m| m.sentence < index);
            let last = first + mentions[first..].partition_point(|m| m.sentence == index);
            (index, sentence, first..last)
        })
        .filter(|(_, sentence, _)| sentence.kind != SentenceKind::Furniture)
}

/// At most this many mentions of a sentence are paired (the first ones): candidates grow
/// with the square of the mentions, and a sentence naming more actors is a list.
const MAX_MENTIONS: usize = 24;

/// How relations are decided.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RelateOptions {
    /// Keep relations whose confidence is at least this, instead of the model's thresholds
    /// (chosen on the annotated dev documents).
    pub min_confidence: Option<f32>,
}

/// Extracts the relations of one resolved document with the embedded model.
pub fn relate(doc: &str, layout: &Layout, resolved: &Resolved, lexicon: &Lexicon) -> Vec<Relation> {
    relate_with(
        doc,
        layout,
        resolved,
        lexicon,
        RelationModel::embedded(),
        RelateOptions::default(),
        None,
    )
}

/// Extracts the relations of one resolved document; with `trace`, writes there for every
/// sentence with candidates its mentions, triggers, parse, rule proposals and candidates
/// with their probabilities and features.
pub fn relate_with(
    doc: &str,
    layout: &Layout,
    resolved: &Resolved,
    lexicon: &Lexicon,
    model: &RelationModel,
    options: RelateOptions,
    trace: Option<&mut String>,
) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let tracing = trace.is_some();
    each_sentence(doc, layout, resolved, lexicon, trace, |s| {
        let mut chosen: Vec<Relation> = Vec::new();
        for c in &s.candidates {
            let floor = options.min_confidence.map_or(0.05, |m| m.min(0.05));
            let kinds = (s.mentions[c.a].kind, s.mentions[c.b].kind);
            let decisions = model.decide(&c.keys, kinds, &c.rules, floor);
            let mut line = String::new();
            for d in decisions {
                if tracing {
                    let _ = write!(line, " {}={:.2}", d.kind, d.confidence);
                }
                let threshold = options
                    .min_confidence
                    .unwrap_or_else(|| model.threshold(d.kind, d.by_rule));
                if d.confidence < threshold {
                    continue;
                }
                let (source, target) = (s.mentions[c.a].entity, s.mentions[c.b].entity);
                let rule = c
                    .rules
                    .iter()
                    .find(|v| v.relation == d.kind)
                    .map_or("model", |v| v.rule);
                let names = s.view.features(c.a, c.b, &c.rules, &c.reverse, true).0;
                let relation = Relation {
                    source,
                    target,
                    kind: d.kind,
                    negated: d.negated,
                    sentence: s.span.clone(),
                    trigger: c.trigger.clone(),
                    confidence: d.confidence,
                    reason: reason(model, model::type_label(d.kind), rule, &names),
                };
                keep_strongest(&mut chosen, relation);
            }
            if let Some(t) = s.trace.as_deref_mut() {
                if !line.is_empty() {
                    let _ = writeln!(
                        t,
                        "  candidate {:?} -> {:?}:{line}",
                        &doc[s.mentions[c.a].span.clone()],
                        &doc[s.mentions[c.b].span.clone()],
                    );
                }
            }
        }
        out.extend(chosen);
    });
    // Static relations first, then events, each in text order.
    out.sort_by_key(|r| (!r.kind.is_static(), r.sentence.start, r.trigger.start));
    out
}

/// Adds a relation to a sentence's relations, keeping one per pair, type and polarity (the
/// most confident; symmetric types in either direction).
fn keep_strongest(chosen: &mut Vec<Relation>, r: Relation) {
    let same = |x: &Relation| {
        x.kind == r.kind
            && x.negated == r.negated
            && (x.source == r.source && x.target == r.target
                || r.kind.is_symmetric() && x.source == r.target && x.target == r.source)
    };
    match chosen.iter_mut().find(|x| same(x)) {
        Some(x) if x.confidence < r.confidence => *x = r,
        Some(_) => {}
        None => chosen.push(r),
    }
}

/// What proposed and decided a relation: the rule that proposed it (or "model") and the
/// three features that weigh most for its type against no relation.
fn reason(model: &RelationModel, label: usize, rule: &str, f: &features::Features) -> String {
    let names = f.names.as_deref().unwrap_or(&[]);
    let mut weighed: Vec<(f32, &str)> = names
        .iter()
        .map(|n| {
            let key = features::key_of(n);
            (
                model.types.weight(key, label) - model.types.weight(key, 0),
                n.as_str(),
            )
        })
        .filter(|(w, n)| *w > 0.0 && *n != "bias")
        .collect();
    weighed.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    weighed.dedup_by(|x, y| x.1 == y.1);
    let mut out = format!("rule {rule}");
    for (_, n) in weighed.iter().take(3) {
        out.push_str("; ");
        out.push_str(n);
    }
    out
}

/// One candidate pair: mentions `a` (source) and `b` (target) of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub a: usize,
    pub b: usize,
    pub keys: Vec<u32>,
    /// The words that state it: a rule's trigger, else the top of the path between them.
    pub trigger: Range<usize>,
    pub rules: Vec<RuleVerdict>,
    pub reverse: Vec<RuleVerdict>,
}

/// A sentence with its candidates, as the relation stage and training see it.
pub(crate) struct SentenceCandidates<'s, 'a> {
    pub span: Range<usize>,
    pub mentions: &'s [Mention],
    pub view: &'s PairView<'a>,
    pub candidates: Vec<Candidate>,
    pub trace: Option<&'s mut String>,
}

/// Runs the stage's steps 1–3 on every sentence with two actors or more and hands each
/// sentence's candidates to `visit`.
pub(crate) fn each_sentence(
    doc: &str,
    layout: &Layout,
    resolved: &Resolved,
    lexicon: &Lexicon,
    mut trace: Option<&mut String>,
    mut visit: impl FnMut(&mut SentenceCandidates),
) {
    let classes = Classes::builtin();
    let cues = DocumentCues::read(doc, classes);
    let models = Models::embedded();
    for (
        index,
        sentence,
        Range {
            start: first,
            end: last,
        },
    ) in prose_sentences(layout, resolved)
    {
        let rule_mentions = rules::mentions(doc, layout, index, resolved, first..last, lexicon);
        // The candidates' mentions: the rules' and every name they leave out (nested
        // names, sources of information, nationalities), each once.
        let mut mentions = rule_mentions.clone();
        for m in &resolved.mentions[first..last] {
            if !mentions.iter().any(|x| x.tokens == m.tokens) {
                mentions.push(m.clone());
            }
        }
        mentions.sort_by_key(|m| (m.tokens.start, m.tokens.end));
        mentions.retain(|m| m.kind != EntityType::Other);
        mentions.truncate(MAX_MENTIONS);
        let distinct = mentions.iter().any(|m| m.entity != mentions[0].entity);
        if !distinct {
            continue;
        }
        let parse = parsed::Parse::new(doc, layout, sentence, &rule_mentions, models);
        let mut text = trace.as_deref_mut();
        if let Some(t) = text.as_deref_mut() {
            let _ = writeln!(t, "sentence: {}", &doc[sentence.span.clone()]);
            for (k, m) in mentions.iter().enumerate() {
                let _ = writeln!(t, "  m{k} {:?} {:?}", &doc[m.span.clone()], m.kind);
            }
            t.push_str(&parse.dump());
        }
        let mut proposals = rules::propose(
            doc,
            layout,
            sentence,
            &rule_mentions,
            Some(&parse),
            resolved,
            lexicon,
            text.as_deref_mut(),
        );
        proposals.extend(rules::static_links(layout, resolved, index));
        let mut verdicts: FxHashMap<(usize, usize), Vec<RuleVerdict>> = FxHashMap::default();
        for p in &proposals {
            if let Some(t) = text.as_deref_mut() {
                let r = &p.relation;
                let _ = writeln!(
                    t,
                    "  rule {}: {} {}{} {}",
                    p.rule,
                    resolved.entities[r.source].label,
                    r.kind,
                    if r.negated { " (negated)" } else { "" },
                    resolved.entities[r.target].label
                );
            }
            verdicts
                .entry((p.relation.source, p.relation.target))
                .or_default()
                .push(RuleVerdict {
                    relation: p.relation.kind,
                    negated: p.relation.negated,
                    rule: p.rule,
                    trigger: p.relation.trigger.clone(),
                });
        }
        let own: Vec<bool> = mentions
            .iter()
            .map(|m| {
                resolved.mentions[first..last]
                    .iter()
                    .any(|x| x.tokens == m.tokens)
            })
            .collect();
        let pronoun: Vec<bool> = own.iter().map(|o| !o).collect();
        let setting: Vec<&'static str> = mentions
            .iter()
            .map(|m| rules::setting_name(doc, layout, sentence, &parse, m, lexicon))
            .collect();
        let press: Vec<bool> = mentions
            .iter()
            .map(|m| rules::news_organization(m, &resolved.entities[m.entity].label, lexicon))
            .collect();
        let informant: Vec<bool> = mentions
            .iter()
            .map(|m| rules::left_out(doc, layout, sentence, m, lexicon))
            .collect();
        let words = features::Words::new(&parse, lexicon, classes);
        let view = PairView {
            words: &words,
            parse: &parse,
            mentions: &mentions,
            pronoun: &pronoun,
            setting: &setting,
            press: &press,
            informant: &informant,
            lexicon,
            classes,
            cues,
        };
        let mut candidates = Vec::new();
        for a in 0..mentions.len() {
            for b in 0..mentions.len() {
                let (ea, eb) = (mentions[a].entity, mentions[b].entity);
                if ea == eb {
                    continue;
                }
                let rules = verdicts.get(&(ea, eb)).cloned().unwrap_or_default();
                let reverse = verdicts.get(&(eb, ea)).cloned().unwrap_or_default();
                let (f, top) = view.features(a, b, &rules, &reverse, false);
                let trigger = rules
                    .first()
                    .map(|v| v.trigger.clone())
                    .or_else(|| top.map(|w| layout.tokens[sentence.tokens.start + w].span.clone()))
                    .unwrap_or_else(|| between(&mentions[a], &mentions[b]));
                candidates.push(Candidate {
                    a,
                    b,
                    keys: f.keys,
                    trigger,
                    rules,
                    reverse,
                });
            }
        }
        visit(&mut SentenceCandidates {
            span: sentence.span.clone(),
            mentions: &mentions,
            view: &view,
            candidates,
            trace: text,
        });
    }
}

/// The text between two mentions (or the first one, when they touch).
fn between(a: &Mention, b: &Mention) -> Range<usize> {
    let (x, y) = if a.span.start <= b.span.start {
        (a, b)
    } else {
        (b, a)
    };
    if x.span.end < y.span.start {
        x.span.end..y.span.start
    } else {
        x.span.clone()
    }
}

/// The relations the rules alone propose in a document, as the extractor gave them before
/// the model decided (what the rules' tests check).
#[cfg(test)]
pub(crate) fn rule_relations(
    doc: &str,
    layout: &Layout,
    resolved: &Resolved,
    lexicon: &Lexicon,
) -> Vec<Relation> {
    let mut out: Vec<Relation> = (0..layout.sentences.len())
        .flat_map(|i| rules::static_links(layout, resolved, i))
        .map(|p| p.relation)
        .collect();
    let models = Models::embedded();
    for (
        index,
        sentence,
        Range {
            start: first,
            end: last,
        },
    ) in prose_sentences(layout, resolved)
    {
        let mentions = rules::mentions(doc, layout, index, resolved, first..last, lexicon);
        if mentions.len() < 2 {
            continue;
        }
        let parse = parsed::Parse::new(doc, layout, sentence, &mentions, models);
        out.extend(
            rules::propose(
                doc,
                layout,
                sentence,
                &mentions,
                Some(&parse),
                resolved,
                lexicon,
                None,
            )
            .into_iter()
            .map(|p| p.relation),
        );
    }
    out
}

/// How true a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modality {
    /// Stated as fact.
    Asserted,
    /// Stated as not so ("did not accuse", "refused to meet").
    Negated,
    /// A possibility or an obligation ("could attack", "must hand over"): states nothing.
    Hedged,
    /// An intention ("will support", "vowed to strike"): an intent to cooperate or a threat.
    Intended,
    /// An attempt ("tried to assassinate X"): an attempted attack is an attack, as CAMEO
    /// codes it; an attempt at anything else is an intention.
    Attempted,
    /// What someone demands be done ("demanded that X withdraw"): states nothing.
    Demanded,
}

/// What one trigger states: its relation and the mentions on each side.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// The trigger's relation.
    pub relation: RelationType,
    /// Indices of source mentions in the sentence's mention list.
    pub sources: Vec<usize>,
    /// Indices of target mentions.
    pub targets: Vec<usize>,
    /// How true it is.
    pub modality: Modality,
    /// The target came through the trigger's preposition ("handed over … to Y").
    pub prepositional: bool,
    /// The act states a relation only as an intention ("will release X").
    pub intended_only: bool,
    /// The parse settled that the trigger has no actor to act on ("held a press
    /// conference", "received the party's nomination"): the word-order rules must not look
    /// for one among the neighbours.
    pub closed: bool,
}

impl Statement {
    /// Whether it names at least one pair of actors.
    fn has_pair(&self) -> bool {
        !self.sources.is_empty() && !self.targets.is_empty()
            || self.relation.is_symmetric() && self.sources.len() >= 2
    }
}

/// What stating the intention of an act amounts to, as CAMEO codes it: an intent to
/// cooperate (03) or a threat (13). Intentions of other acts state nothing.
fn intended(act: RelationType) -> Option<RelationType> {
    use RelationType::*;
    match act {
        CooperatesWith | MeetsWith | NegotiatesWith | Aids | Praises => Some(CooperatesWith),
        Attacks | Sanctions | Arrests | Prosecutes | Threatens => Some(Threatens),
        _ => None,
    }
}
