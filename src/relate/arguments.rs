//! Choosing the source and target of a trigger among the mentions of its sentence.

use super::modality;
use super::triggers::Found;
use crate::entity::Mention;
use crate::lexicon::{Form, Lexicon, TriggerPos};
use crate::relation::Relation;
use crate::text::{Layout, Sentence};

/// Forms of "be" and "get" that make a following participle passive.
const PASSIVE_AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "gets", "got", "gotten",
];

/// Prepositions after which a mention is not a clause's subject.
const PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "from", "with", "to", "for", "by", "on", "into", "about", "against", "over",
    "under", "between", "among", "through", "within", "toward", "towards", "than", "as",
];

/// How far back a subject and forward an object may be, in tokens.
const SUBJECT_WINDOW: usize = 16;
const OBJECT_WINDOW: usize = 12;

struct Ctx<'a> {
    doc: &'a str,
    layout: &'a Layout,
    sentence: &'a Sentence,
    mentions: &'a [&'a Mention],
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> String {
        self.layout.tokens[i].text(self.doc).to_lowercase()
    }

    /// Clause boundaries: semicolons, colons and dashes.
    fn boundary(&self, i: usize) -> bool {
        matches!(self.layout.tokens[i].text(self.doc), ";" | ":" | "—" | "–")
    }

    /// Mentions ending before token `at`, nearest first, within the clause and window.
    fn before(&self, at: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let floor = at
            .saturating_sub(SUBJECT_WINDOW)
            .max(self.sentence.tokens.start);
        for (k, m) in self.mentions.iter().enumerate().rev() {
            if m.tokens.end > at {
                continue;
            }
            if m.tokens.start < floor || (m.tokens.end..at).any(|i| self.boundary(i)) {
                break;
            }
            out.push(k);
        }
        out
    }

    /// Mentions starting at or after token `at`, nearest first, within the clause and window.
    fn after(&self, at: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let ceiling = (at + OBJECT_WINDOW).min(self.sentence.tokens.end);
        for (k, m) in self.mentions.iter().enumerate() {
            if m.tokens.start < at {
                continue;
            }
            if m.tokens.start >= ceiling || (at..m.tokens.start).any(|i| self.boundary(i)) {
                break;
            }
            out.push(k);
        }
        out
    }

    /// Whether the mention is the object of a preposition.
    fn after_preposition(&self, k: usize) -> bool {
        let start = self.mentions[k].tokens.start;
        start > self.sentence.tokens.start && PREPOSITIONS.contains(&self.word(start - 1).as_str())
    }

    /// The mention and those coordinated with it ("Mexico and Canada", "X, Y and Z").
    fn coordinated(&self, k: usize, backwards: bool) -> Vec<usize> {
        let mut group = vec![k];
        let mut cur = k;
        loop {
            let next = if backwards {
                cur.checked_sub(1)
            } else {
                Some(cur + 1).filter(|&n| n < self.mentions.len())
            };
            let Some(n) = next else { break };
            let (a, b) = if backwards { (n, cur) } else { (cur, n) };
            let gap: Vec<String> = (self.mentions[a].tokens.end..self.mentions[b].tokens.start)
                .map(|i| self.word(i))
                .collect();
            let joined = matches!(
                gap.iter().map(String::as_str).collect::<Vec<_>>()[..],
                ["and"] | [","] | ["and", "the"] | ["or"]
            );
            if !joined {
                break;
            }
            group.push(n);
            cur = n;
        }
        group
    }

    /// The token index after the first `preposition` at or after `from`, within the window.
    fn preposition_after(&self, from: usize, preposition: &str) -> Option<usize> {
        let ceiling = (from + OBJECT_WINDOW).min(self.sentence.tokens.end);
        (from..ceiling)
            .take_while(|&i| !self.boundary(i))
            .find(|&i| self.word(i) == preposition)
            .map(|i| i + 1)
    }

    /// A possessor right before a noun trigger: "Trump's repeated threats".
    fn possessor(&self, at: usize) -> Option<usize> {
        let floor = at.saturating_sub(5).max(self.sentence.tokens.start);
        let apostrophe = (floor..at)
            .rev()
            .find(|&i| matches!(self.word(i).as_str(), "'s" | "’s" | "'" | "’"))?;
        let between_are_modifiers = (apostrophe + 1..at).all(|i| {
            self.layout.tokens[i]
                .text(self.doc)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        if !between_are_modifiers {
            return None;
        }
        self.mentions
            .iter()
            .position(|m| m.tokens.end == apostrophe)
    }
}

/// Adds the relations a found trigger states.
pub(super) fn relations_for(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    mentions: &[&Mention],
    found: &Found,
    _lexicon: &Lexicon,
    out: &mut Vec<Relation>,
) {
    let ctx = Ctx {
        doc,
        layout,
        sentence,
        mentions,
    };
    let t = found.trigger;
    let (sources, targets) = match t.pos {
        TriggerPos::Verb => {
            if found.form == Form::Past && modality::adjectival(doc, layout, sentence, found.start)
            {
                return;
            }
            verb_arguments(&ctx, found)
        }
        TriggerPos::Noun | TriggerPos::Adj => noun_arguments(&ctx, found),
    };
    let negated = modality::negated(doc, layout, sentence, found.start);
    let symmetric = t.relation.is_symmetric();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if targets.is_empty() && symmetric && sources.len() >= 2 {
        // "The U.S. and Mexico are establishing an alliance": the coordinated sides.
        for (a, &x) in sources.iter().enumerate() {
            for &y in &sources[a + 1..] {
                pairs.push((x, y));
            }
        }
    }
    for &s in &sources {
        for &g in &targets {
            pairs.push((s, g));
        }
    }
    for (s, g) in pairs {
        let (source, target) = (mentions[s].entity, mentions[g].entity);
        if source == target {
            continue;
        }
        let relation = Relation {
            source,
            target,
            kind: t.relation,
            negated,
            sentence: sentence.span.clone(),
            trigger: found.span(layout),
        };
        if !out.iter().any(|r| same_statement(r, &relation)) {
            out.push(relation);
        }
    }
}

fn same_statement(a: &Relation, b: &Relation) -> bool {
    a.kind == b.kind
        && a.negated == b.negated
        && a.sentence == b.sentence
        && (a.source == b.source && a.target == b.target
            || a.kind.is_symmetric() && a.source == b.target && a.target == b.source)
}

fn verb_arguments(ctx: &Ctx, found: &Found) -> (Vec<usize>, Vec<usize>) {
    let t = found.trigger;
    let aux_floor = found.start.saturating_sub(3).max(ctx.sentence.tokens.start);
    let passive = found.form == Form::Past
        && (aux_floor..found.start).any(|i| PASSIVE_AUX.contains(&ctx.word(i).as_str()));
    if passive {
        // "X was extradited by Y": Y is the source, X the target.
        let subject = ctx
            .before(found.start)
            .into_iter()
            .find(|&k| !ctx.after_preposition(k));
        let agent = ctx
            .preposition_after(found.end, "by")
            .filter(|&p| p <= found.end + 4)
            .and_then(|p| {
                ctx.after(p).first().copied().filter(|&k| {
                    ctx.mentions[k].tokens.start == p || ctx.mentions[k].tokens.start == p + 1
                })
            });
        return match (agent, subject) {
            (Some(a), Some(s)) => (ctx.coordinated(a, false), ctx.coordinated(s, true)),
            _ => (Vec::new(), Vec::new()),
        };
    }
    let before = ctx.before(found.start);
    // A mention inside a prepositional phrase ("a briefing in Mexico City") is no subject.
    let subject = before.iter().copied().find(|&k| !ctx.after_preposition(k));
    let sources = subject.map_or(Vec::new(), |k| ctx.coordinated(k, true));
    let object_from = match &t.preposition {
        Some(p) => ctx.preposition_after(found.end, p).unwrap_or(found.end),
        None => found.end,
    };
    let targets = ctx
        .after(object_from)
        .first()
        .map_or(Vec::new(), |&k| ctx.coordinated(k, false));
    (sources, targets)
}

fn noun_arguments(ctx: &Ctx, found: &Found) -> (Vec<usize>, Vec<usize>) {
    let t = found.trigger;
    let mut sources = ctx.possessor(found.start).map_or(Vec::new(), |k| vec![k]);
    if sources.is_empty() {
        if let Some(p) = ctx
            .preposition_after(found.end, "by")
            .filter(|&p| p <= found.end + 2)
        {
            sources = ctx.after(p).first().map_or(Vec::new(), |&k| vec![k]);
        }
    }
    if sources.is_empty() {
        // The subject of a light verb: "X signed an agreement", "X and Y are establishing an
        // alliance".
        let before = ctx.before(found.start);
        if let Some(&k) = before.iter().find(|&&k| !ctx.after_preposition(k)) {
            sources = ctx.coordinated(k, true);
        }
    }
    let mut targets = Vec::new();
    if let Some(p) = ctx
        .preposition_after(found.end, "between")
        .filter(|&p| p <= found.end + 3)
    {
        // "cooperation between X and Y": both sides, no subject needed.
        if let Some(&k) = ctx.after(p).first() {
            let sides = ctx.coordinated(k, false);
            if sides.len() >= 2 {
                return (sides, Vec::new());
            }
        }
    }
    let preposition = t.preposition.as_deref().unwrap_or("of");
    if let Some(p) = ctx
        .preposition_after(found.end, preposition)
        .filter(|&p| p <= found.end + 6)
    {
        if let Some(&k) = ctx.after(p).first() {
            targets = ctx.coordinated(k, false);
        }
    }
    (sources, targets)
}
