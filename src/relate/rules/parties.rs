//! The parties of a trigger's statement: the arguments the parse found, less those the act
//! cannot take (an unnamed doer's act, a warning of weather, a question put, a thing sent,
//! what the subject owns, a city visited, an attempt), with the row that fits what is left.

use crate::entity::{EntityType, Mention};
use crate::lexicon::{Form, Lexicon, Trigger, TriggerPos};
use crate::relate::parsed::Parse;
use crate::relate::Modality;
use crate::relation::RelationType;

use super::phrases::Arguments;
use super::pronouns;
use super::readings::{interrogative, natural_hazard, thing, unnamed_subject, verbal_attack};
use super::triggers::Found;
use super::words::words;

/// What every step of reading one trigger looks at.
pub(super) struct Ctx<'a, 'l> {
    pub parse: &'a Parse<'a>,
    pub found: &'a Found<'l>,
    /// The trigger's word that carries its rows.
    pub t: usize,
    /// The trigger's rows that fit its part of speech.
    pub rows: &'a [(&'l Trigger, Form)],
    pub modality: Modality,
    pub mentions: &'a [Mention],
    pub lexicon: &'a Lexicon,
}

impl Ctx<'_, '_> {
    /// Whether the act is intended or attempted, not done.
    pub fn intended(&self) -> bool {
        matches!(self.modality, Modality::Intended | Modality::Attempted)
    }
}

/// A statement as it is read: the lexicon row that applies, the relation stated, the mentions
/// on each side, and whether the parse settled that there is no one else to look for.
pub(super) struct Reading<'l> {
    pub row: &'l Trigger,
    /// The row's relation, until the clause gives the act another sense.
    pub relation: RelationType,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// The word-order rules must not look for an actor among the neighbours.
    pub closed: bool,
}

impl<'l> Reading<'l> {
    /// Takes another row of the trigger, with its relation.
    fn take_row(&mut self, row: &'l Trigger) {
        self.row = row;
        self.relation = row.relation;
    }

    /// Whether the row is a verb's.
    pub fn verb(&self) -> bool {
        self.row.pos == TriggerPos::Verb
    }

    /// States nothing, and says so.
    pub fn clear(&mut self) {
        self.sources.clear();
        self.targets.clear();
        self.closed = true;
    }
}

/// The parties of the statement that the trigger makes with the arguments the parse found.
pub(super) fn parties<'l>(c: &Ctx<'_, 'l>, arguments: Arguments<'l>) -> Reading<'l> {
    let (row, sources, targets, closed) = arguments;
    let mut r = Reading {
        row,
        relation: row.relation,
        sources,
        targets,
        closed,
    };
    // "believes the prince ordered X's killing", "claimed Democrats pushed X", "the police
    // shooting of X": a verb whose own subject is a phrase naming no actor was done by that
    // unnamed one. Nobody named did it, and the word-order rules must not hand the act to
    // another name of the sentence (the believer, the claimant, the place).
    if r.row.pos == TriggerPos::Verb && r.sources.is_empty() && unnamed_subject(c.parse, c.t) {
        r.closed = true;
    }
    if no_act(c, r.row) {
        r.clear();
    }
    leave_out_own(c, &mut r);
    if let Some(other) = sense_for_states(c, &r) {
        r.take_row(other);
    }
    targets_the_act_takes(c, &mut r);
    // "attacked X over his record": a verbal attack.
    if r.row.relation == RelationType::Attacks
        && r.row.pos == TriggerPos::Verb
        && verbal_attack(c.parse, c.lexicon, c.t)
    {
        verbal(c, &mut r);
    }
    r
}

/// Whether the trigger, read with `row`, names no act of an actor at all.
fn no_act(c: &Ctx, row: &Trigger) -> bool {
    let (parse, t) = (c.parse, c.t);
    let verb = row.pos == TriggerPos::Verb;
    // "issued a flood warning for X", "hurricane warnings": a warning of weather or of a
    // disaster threatens no one with an act (CAMEO 13 is a threat by an actor).
    row.relation == RelationType::Threatens && natural_hazard(parse, c.found)
        // "asked whether X was part of Y", "asked why X did not act": a question asks for
        // an answer, and demands no act of anyone.
        || row.relation == RelationType::Demands
            && verb
            && parse.is_lemma(t, &words().question_verbs)
            && parse
                .children_with(t, &["ccomp", "advcl"])
                .any(|x| interrogative(parse, t, x))
        // "sent an email to X", "returned the documents to X": one hands over people;
        // sending or returning a thing hands over no one.
        || row.relation == RelationType::Extradites
            && verb
            && parse.is_lemma(t, &["send", "return"])
            && parse.children_with(t, &["obj"]).next().is_some()
            && parse
                .children_with(t, &["obj"])
                .all(|o| thing(parse, c.lexicon, o))
}

/// "urged its citizens to leave", "withdrew their own troops": what the subject owns is no
/// other party.
fn leave_out_own(ctx: &Ctx, r: &mut Reading) {
    if r.row.pos != TriggerPos::Verb {
        return;
    }
    let (parse, mentions) = (ctx.parse, ctx.mentions);
    let sources = &r.sources;
    let own = |k: usize| {
        (0..parse.words.len()).any(|w| {
            parse.mention_at[w] == Some(k)
                && parse.children_with(w, &["nmod"]).any(|c| {
                    // The possessive names the subject, or can: a possessive in the object
                    // binds to the subject before any other antecedent.
                    parse.rels[c] == "nmod:poss"
                        && parse.possessive_at[c].is_some_and(|p| {
                            sources.iter().any(|&s| {
                                mentions[s].entity == mentions[p].entity
                                    || pronouns::compatible(&parse.lower(c), mentions[s].kind)
                                        == Some(true)
                            })
                        })
                })
        })
    };
    let before = r.targets.len();
    r.targets.retain(|&k| !own(k));
    r.closed |= before > 0 && r.targets.is_empty();
}

/// One hands over people: "expelled two diplomats of X" names a state, and the verb's other
/// sense applies (expelling diplomats sanctions their state). The row of that sense.
fn sense_for_states<'l>(c: &Ctx<'_, 'l>, r: &Reading) -> Option<&'l Trigger> {
    let of_people =
        |k: &usize| matches!(c.mentions[*k].kind, EntityType::Person | EntityType::Group);
    if r.row.relation != RelationType::Extradites
        || r.row.preposition.is_some()
        || r.targets.is_empty()
        || r.targets.iter().any(of_people)
    {
        return None;
    }
    c.rows
        .iter()
        .find(|(x, _)| {
            x.relation != RelationType::Extradites && x.preposition.is_none() && !x.reverse
        })
        .map(|&(x, _)| x)
}

/// The targets an act of the row takes: no organization joined, no city visited, no one by
/// an attempt or a sending, no one pushed without an act asked for.
fn targets_the_act_takes(c: &Ctx, r: &mut Reading) {
    let (parse, t, mentions) = (c.parse, c.t, c.mentions);
    let verb = r.row.pos == TriggerPos::Verb;
    let before = r.targets.len();
    // "joined the party": membership, not cooperation; joining without a partner named
    // ("open for other countries to join") cooperates with no one.
    if r.row.relation == RelationType::CooperatesWith
        && verb
        && parse.is_lemma(t, &words().membership_verbs)
    {
        r.targets
            .retain(|&k| mentions[k].kind != EntityType::Organization);
        if r.targets.is_empty() {
            r.sources.clear();
            r.closed = true;
        }
    }
    // A trip to a city or region meets no one; a trip to a country is a visit to its state.
    if r.row.relation == RelationType::MeetsWith
        && verb
        && r.row.preposition.as_deref() == Some("to")
    {
        r.targets
            .retain(|&k| mentions[k].kind != EntityType::Location);
    }
    // An attempt is no trial ("tried to scare X"), and sending someone to do something
    // ("sent its envoy to join the talks") hands no one over.
    if matches!(
        r.row.relation,
        RelationType::Prosecutes | RelationType::Extradites
    ) && verb
        && parse.children_with(t, &["xcomp", "advcl"]).any(|x| {
            parse
                .children_with(x, &["mark"])
                .any(|m| parse.lower(m) == "to")
        })
    {
        r.clear();
    }
    // One demands of an actor an act: "urged X to withdraw", "pressed X for answers"; with
    // no act asked for, "pushed X" is no demand.
    if r.row.relation == RelationType::Demands
        && verb
        && r.row.preposition.is_none()
        && parse
            .children_with(t, &["xcomp", "ccomp", "advcl", "obl"])
            .next()
            .is_none()
        && parse
            .children_with(t, &["obj"])
            .any(|o| parse.mention_at[o].is_some())
    {
        r.targets.clear();
    }
    r.closed |= before > 0 && r.targets.is_empty();
}

/// An attack in words: the trigger's sense of criticism, and no label for a party.
fn verbal<'l>(c: &Ctx<'_, 'l>, r: &mut Reading<'l>) {
    let (parse, t) = (c.parse, c.t);
    if let Some(&(other, _)) = c
        .rows
        .iter()
        .find(|(x, _)| x.relation == RelationType::Criticizes && x.pos == TriggerPos::Verb)
    {
        r.take_row(other);
    }
    // "attacked the probe as 'Witch Hunt garbage'": the label is what the attacked is
    // called, not a party to the attack.
    let mut heads = vec![t];
    heads.extend(parse.children_with(t, &["obj"]));
    for &h in &heads {
        for o in parse.children_with(h, &["obl", "nmod"]) {
            if parse.case_of(o).as_deref() == Some("as") {
                let label = parse.mentions_of(o);
                r.targets.retain(|k| !label.contains(k));
            }
        }
    }
}
