//! Choosing the source and target of a trigger among the mentions of its sentence.

use super::order_truth;
use super::triggers::Found;
use super::words::{light_verb_forms, words};
use crate::entity::Mention;
use crate::lexicon::{Form, Trigger, TriggerPos};
use crate::relate::{Modality, Statement};
use crate::relation::RelationType;
use crate::text::{Layout, Sentence};

/// How far back a subject and forward an object may be, in tokens.
const SUBJECT_WINDOW: usize = 16;
const OBJECT_WINDOW: usize = 12;
/// How far after a trigger its preposition may come ("cooperate closely with").
const PREPOSITION_WINDOW: usize = 6;

struct Ctx<'a> {
    doc: &'a str,
    layout: &'a Layout,
    sentence: &'a Sentence,
    mentions: &'a [Mention],
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
            if m.tokens.end > at || m.nested {
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
            if m.tokens.start < at || m.nested {
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
        let mut start = self.mentions[k].tokens.start;
        if start > self.sentence.tokens.start && self.word(start - 1) == "the" {
            start -= 1;
        }
        start > self.sentence.tokens.start
            && words()
                .prepositions
                .contains(&self.word(start - 1).as_str())
    }

    /// The subject before token `at`: the nearest mention that is not a prepositional object.
    fn subject(&self, at: usize) -> Option<usize> {
        self.before(at)
            .into_iter()
            .find(|&k| !self.after_preposition(k))
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
            let gap: Vec<&str> = gap.iter().map(String::as_str).collect();
            if !matches!(gap[..], ["and"] | [","] | ["and", "the"] | ["or"]) {
                break;
            }
            group.push(n);
            cur = n;
        }
        group
    }

    /// The token after the first `preposition` within `window` tokens from `from`.
    fn preposition_after(&self, from: usize, preposition: &str, window: usize) -> Option<usize> {
        let ceiling = (from + window).min(self.sentence.tokens.end);
        (from..ceiling)
            .take_while(|&i| !self.boundary(i))
            .find(|&i| self.word(i) == preposition)
            .map(|i| i + 1)
    }

    /// The first mention right after token `at`, allowing lowercase modifiers and "of"
    /// phrases before it ("against powerful drug cartels", "with the son of X").
    fn object_at(&self, at: usize) -> Option<usize> {
        let k = *self.after(at).first()?;
        let start = self.mentions[k].tokens.start;
        // Only a noun phrase's own words may come between (no preposition, no auxiliary),
        // and time or quantity expressions ("Thursday", "more than 100").
        let modifiers = (at..start).all(|i| {
            let t = self.layout.tokens[i].text(self.doc);
            let w = self.word(i);
            self.time_or_quantity(i)
                || (t.chars().next().is_some_and(char::is_lowercase) || t == "-")
                    && (w == "of" || !words().prepositions.contains(&w.as_str()))
                    && !words().auxiliaries.contains(&w.as_str())
        });
        (start <= at + 8 && modifiers).then_some(k)
    }

    /// Time and quantity words that may stand between a verb and its object or after a
    /// subject: "rejected Thursday a call", "arrested more than 100 Palestinians".
    fn time_or_quantity(&self, i: usize) -> bool {
        let t = self.layout.tokens[i].text(self.doc);
        t.chars().next().is_some_and(|c| c.is_ascii_digit())
            || words().time_and_quantity.contains(&self.word(i).as_str())
    }

    /// The token after time words and adverbs following `at` ("threatened on Monday to").
    fn skip_adjuncts(&self, mut at: usize) -> usize {
        let ceiling = (at + 4).min(self.sentence.tokens.end);
        while at < ceiling
            && (self.time_or_quantity(at)
                || self.word(at).ends_with("ly") && self.word(at).len() > 3)
        {
            at += 1;
        }
        at
    }

    /// The actor behind a message noun right after `at`: "rejected recent calls by X",
    /// "dismissed an appeal from X".
    fn message_source(&self, at: usize) -> Option<usize> {
        let ceiling = (at + 5).min(self.sentence.tokens.end);
        let noun = (at..ceiling)
            .take_while(|&i| {
                !self.boundary(i) && !words().prepositions.contains(&self.word(i).as_str())
            })
            .find(|&i| words().message_nouns.contains(&self.word(i).as_str()))?;
        let preposition = noun + 1;
        if preposition < self.sentence.tokens.end
            && matches!(self.word(preposition).as_str(), "by" | "from" | "of")
        {
            self.object_at(preposition + 1)
        } else {
            None
        }
    }

    /// The target inside a complement clause after `at`: the subject of a that-clause
    /// ("demanded that the DPRK forsake …") or the first actor of a to-infinitive
    /// ("threatened to cut off electricity to X").
    fn complement_target(&self, at: usize) -> Option<usize> {
        if at >= self.sentence.tokens.end {
            return None;
        }
        match self.word(at).as_str() {
            "that" => self.object_at(at + 1),
            "to" => {
                let verb = at + 1;
                let lowercase_verb = verb < self.sentence.tokens.end
                    && self.layout.tokens[verb]
                        .text(self.doc)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                if !lowercase_verb {
                    return None;
                }
                self.after(verb + 1).first().copied().filter(|&k| {
                    // The complement's first actor, within the clause and before any
                    // subordinate "if"/"unless".
                    let start = self.mentions[k].tokens.start;
                    !(verb + 1..start).any(|i| {
                        matches!(
                            self.word(i).as_str(),
                            "if" | "unless" | "because" | "while" | "after"
                        )
                    })
                })
            }
            _ => None,
        }
    }

    /// A possessor right before a noun trigger: "Trump's repeated threats", "his threats".
    fn possessor(&self, at: usize) -> Option<usize> {
        let floor = at.saturating_sub(5).max(self.sentence.tokens.start);
        let modifiers_only = |from: usize| {
            (from..at).all(|i| {
                let t = self.layout.tokens[i].text(self.doc);
                t.chars().next().is_some_and(char::is_lowercase) || t == "-"
            })
        };
        for i in (floor..at).rev() {
            let w = self.word(i);
            if matches!(w.as_str(), "'s" | "’s" | "'" | "’") {
                return modifiers_only(i + 1)
                    .then(|| self.mentions.iter().position(|m| m.tokens.end == i))
                    .flatten();
            }
            if matches!(w.as_str(), "his" | "her" | "their" | "its") {
                return modifiers_only(i + 1)
                    .then(|| self.mentions.iter().position(|m| m.tokens.start == i))
                    .flatten();
            }
        }
        None
    }

    /// The subject of a light verb whose object is the noun at `at`.
    fn light_verb_subject(&self, at: usize) -> Option<usize> {
        let k = self.subject(at)?;
        let between = self.mentions[k].tokens.end..at;
        let has_light_verb = between
            .clone()
            .any(|i| light_verb_forms().contains(&self.word(i)));
        let clean = between.len() <= 8;
        (has_light_verb && clean).then_some(k)
    }
}

/// The lexicon row that fits the sentence best, its form, and where its target starts.
///
/// A word after an article or possessive is a noun ("the attack"), otherwise verb rows win
/// over noun and adjective rows of the same word ("accused Canada"). Within them, a row
/// whose preposition follows the trigger beats a row that takes a direct object; a noun with
/// neither may still join a coordinated subject ("X and Y formed an alliance").
fn choose_row<'l>(ctx: &Ctx, found: &Found<'l>) -> Option<(&'l Trigger, Form, Option<usize>)> {
    let nominal = order_truth::nominal_use(ctx.doc, ctx.layout, found.start);
    let has_verb = found.rows.iter().any(|(r, _)| r.pos == TriggerPos::Verb);
    let wanted = |pos: TriggerPos| {
        if nominal {
            pos != TriggerPos::Verb
        } else if has_verb {
            pos == TriggerPos::Verb
        } else {
            true
        }
    };
    let mut fallback = None;
    for &(row, form) in found.rows.iter().filter(|(r, _)| wanted(r.pos)) {
        match &row.preposition {
            Some(p) => {
                if let Some(at) = ctx.preposition_after(found.end, p, PREPOSITION_WINDOW) {
                    return Some((row, form, Some(at)));
                }
                // Without its preposition the row may still take a direct object ("refused
                // to meet X"), or none at all (a noun; a symmetric verb with a coordinated
                // subject: "X and Y signed an agreement").
                if fallback.is_none() {
                    fallback = Some((row, form, None));
                }
            }
            None => {
                if fallback.is_none_or(|(d, _, _): (&Trigger, Form, _)| d.preposition.is_some()) {
                    fallback = Some((row, form, None));
                }
            }
        }
    }
    fallback
}

/// What the rules say one trigger states: `None` when it states nothing.
pub(super) fn statement(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    mentions: &[Mention],
    found: &Found,
) -> Option<Statement> {
    let ctx = Ctx {
        doc,
        layout,
        sentence,
        mentions,
    };
    let is_demand = found
        .rows
        .iter()
        .any(|(r, _)| r.relation == RelationType::Demands);
    let intent = order_truth::intent(doc, layout, sentence, found.start);
    let modality = if order_truth::hedged(doc, layout, sentence, found.start) {
        Modality::Hedged
    } else if !is_demand && order_truth::demanded(doc, layout, sentence, found.start) {
        Modality::Demanded
    } else if intent == Some(false) {
        Modality::Intended
    } else if intent == Some(true) || order_truth::negated(doc, layout, sentence, found.start) {
        // "refused to meet X", "failed to reach agreement": the event is denied.
        Modality::Negated
    } else {
        Modality::Asserted
    };
    let (row, form, object_from) = choose_row(&ctx, found)?;
    let (sources, targets) = match row.pos {
        TriggerPos::Verb => {
            if form == Form::Past && order_truth::adjectival(doc, layout, sentence, found.start) {
                return None;
            }
            verb_arguments(&ctx, found, form, object_from)
        }
        TriggerPos::Noun | TriggerPos::Adj => noun_arguments(&ctx, found, object_from),
    };
    let (mut sources, mut targets) = if row.reverse {
        (targets, sources)
    } else {
        (sources, targets)
    };
    // The mediator consults each side (see `parsed::mediator`).
    if row.relation == RelationType::NegotiatesWith && ctx.word(found.start).starts_with("mediat") {
        let mediator = match row.pos {
            TriggerPos::Verb => ctx.subject(found.start),
            _ => ctx
                .possessor(found.start)
                .or_else(|| ctx.light_verb_subject(found.start)),
        };
        if let Some(m) = mediator.filter(|m| !sources.contains(m) && !targets.contains(m)) {
            targets.extend(std::mem::replace(&mut sources, vec![m]));
        }
    }
    Some(Statement {
        relation: row.relation,
        sources,
        targets,
        modality,
        prepositional: object_from.is_some(),
        intended_only: row.intended_only,
        closed: false,
    })
}

fn verb_arguments(
    ctx: &Ctx,
    found: &Found,
    form: Form,
    object_from: Option<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let aux_floor = found.start.saturating_sub(3).max(ctx.sentence.tokens.start);
    let passive = form == Form::Past
        && (aux_floor..found.start).any(|i| words().passive_aux.contains(&ctx.word(i).as_str()));
    if passive {
        // "X was extradited by Y": Y is the source, X the target.
        let agent = ctx
            .preposition_after(found.end, "by", 4)
            .and_then(|p| ctx.object_at(p));
        return match (agent, ctx.subject(found.start)) {
            (Some(a), Some(s)) => (ctx.coordinated(a, false), ctx.coordinated(s, true)),
            _ => (Vec::new(), Vec::new()),
        };
    }
    let sources = ctx
        .subject(found.start)
        .map_or(Vec::new(), |k| ctx.coordinated(k, true));
    let after = ctx.skip_adjuncts(found.end);
    // A verb whose every row takes its target through a preposition ("complain about X")
    // takes no direct object; a phrase may end in a verb that does ("refused to meet X").
    let prepositional_only = found.end - found.start == 1
        && found
            .rows
            .iter()
            .all(|(r, _)| r.pos != TriggerPos::Verb || r.preposition.is_some());
    let target = match object_from {
        Some(at) => ctx.object_at(at),
        // A direct object follows no preposition but the trigger's own ("called on X"):
        // "complained to the UN over X" names no one complained about when the parser
        // missed "over".
        None => ctx
            .object_at(after)
            .filter(|_| !prepositional_only)
            .filter(|&k| !ctx.after_preposition(k) || ctx.mentions[k].tokens.start <= found.end + 1)
            .or_else(|| ctx.message_source(after))
            .or_else(|| ctx.complement_target(after)),
    };
    let targets = target.map_or(Vec::new(), |k| ctx.coordinated(k, false));
    (sources, targets)
}

fn noun_arguments(
    ctx: &Ctx,
    found: &Found,
    object_from: Option<usize>,
) -> (Vec<usize>, Vec<usize>) {
    if let Some(p) = ctx.preposition_after(found.end, "between", 3) {
        // "cooperation between X and Y": both sides, no subject needed.
        if let Some(k) = ctx.object_at(p) {
            let sides = ctx.coordinated(k, false);
            if sides.len() >= 2 {
                return (sides, Vec::new());
            }
        }
    }
    // "the deal X brokered between Y and Z": the parties, not the broker.
    if let Some(at) = object_from.filter(|&at| at > 0 && ctx.word(at - 1) == "between") {
        if let Some(k) = ctx.object_at(at) {
            let sides = ctx.coordinated(k, false);
            if sides.len() >= 2 {
                return (sides, Vec::new());
            }
        }
    }
    let mut sources = ctx.possessor(found.start).map_or(Vec::new(), |k| vec![k]);
    if sources.is_empty() {
        if let Some(k) = ctx
            .preposition_after(found.end, "by", 3)
            .and_then(|p| ctx.object_at(p))
        {
            sources = vec![k];
        }
    }
    if sources.is_empty() {
        // "X signed an agreement", "X and Y are establishing an alliance".
        if let Some(k) = ctx.light_verb_subject(found.start) {
            sources = ctx.coordinated(k, true);
        }
    }
    let targets = object_from
        .and_then(|at| ctx.object_at(at))
        .map_or(Vec::new(), |k| ctx.coordinated(k, false));
    (sources, targets)
}
