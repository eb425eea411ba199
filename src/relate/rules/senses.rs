//! The sense a clause gives an act, as CAMEO codes it: a broker's deal is an agreement of the
//! parties, backing without means an endorsement, an announced boycott a sanction, an offer
//! to hand someone over an intention to cooperate, a withdrawal an end of involvement, a
//! rejection or a threat, a halted tie a reduction of relations, an eased sanction no hostile
//! act, a hosted meeting the host's intention, a condition the target of a threat.

use crate::entity::EntityType;
use crate::relate::intended;
use crate::relate::parsed::base;
use crate::relation::RelationType;

use super::parties::{Ctx, Reading};
use super::phrases::collect;
use super::readings::{
    between_of, condition_subjects, conditional, eases, governing_verb, halting_noun, halts,
    involvement, material_support, rejects, thing,
};
use super::words::words;

/// Reads the sense of the act in its clause, step by step.
pub(super) fn read(c: &Ctx, r: &mut Reading) {
    // "X and Y will release …" releases someone, not each other.
    if r.row.intended_only && r.targets.is_empty() {
        r.sources.clear();
    }
    brokered(c, r);
    endorsement(c, r);
    announced_boycott(c, r);
    offer_to_hand_over(c, r);
    withdrawal(c, r);
    halted_or_eased(c, r);
    halting_noun_sense(c, r);
    hosted(c, r);
    threatened_in_condition(c, r);
}

/// "the deal X brokered between Y and Z": a broker brings the parties to an agreement; what
/// the parties do is agree with each other (CAMEO 057), not bargain (the broker mediates,
/// CAMEO 045, and is no party).
fn brokered(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if r.relation == RelationType::NegotiatesWith && r.verb() && parse.is_lemma(t, &["broker"]) {
        let broker = parse
            .subject(t)
            .map(|s| parse.agents_of(s))
            .unwrap_or_default();
        if !r.sources.is_empty() && r.sources.iter().all(|k| !broker.contains(k)) {
            r.relation = RelationType::CooperatesWith;
        }
    }
}

/// "supported the campaign of X", "announced their support for X", "was aided by the support
/// of voters": backing that gives nothing is an endorsement (CAMEO 051), not aid (CAMEO 07),
/// which gives money, arms or troops, or takes a side in a fight.
fn endorsement(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if r.relation != RelationType::Aids {
        return;
    }
    let backing = if parse.is_lemma(t, &["support", "backing"]) {
        Some(t)
    } else {
        parse
            .children_with(t, &["obl:agent", "obl", "nsubj"])
            .find(|&a| parse.is_lemma(a, &words().backing_words))
    };
    // Withdrawn support is a reduction of relations, read below as the aid it ends.
    let ended = governing_verb(parse, t).is_some_and(|h| halts(parse, h, t, r.relation));
    if !ended && backing.is_some_and(|b| !material_support(parse, b)) {
        r.relation = RelationType::Praises;
    }
}

/// "said it would boycott X": announcing a boycott threatens one (CAMEO 1312), whatever is
/// boycotted; the act is read as the sanction it is.
fn announced_boycott(c: &Ctx, r: &mut Reading) {
    if c.intended()
        && r.relation == RelationType::Rejects
        && c.rows
            .iter()
            .any(|(x, _)| x.relation == RelationType::Sanctions && x.pos == r.row.pos)
    {
        r.relation = RelationType::Sanctions;
    }
}

/// "offered to hand over X to Y": an intention to cooperate with the one who receives (CAMEO
/// 031); an announced expulsion is none.
fn offer_to_hand_over(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if !(c.intended() && r.verb() && r.relation == RelationType::Extradites) {
        return;
    }
    let receivers: Vec<usize> = std::iter::once(t)
        .chain(parse.children_with(t, &["obj", "obl"]))
        .flat_map(|h| parse.children_with(h, &["obl", "nmod"]).collect::<Vec<_>>())
        .filter(|&o| parse.case_of(o).as_deref() == Some("to"))
        .collect();
    r.targets = collect(parse, &receivers);
    let sources = &r.sources;
    r.targets.retain(|k| !sources.contains(k));
    // One hands over people ("return this flag to Earth" hands over no one).
    let things = parse
        .children_with(t, &["obj"])
        .all(|o| thing(parse, c.lexicon, o));
    let objects = parse.children_with(t, &["obj"]).next().is_some();
    if parse.is_lemma(t, &words().expelling_verbs) || objects && things {
        r.targets.clear();
    }
    if r.targets.is_empty() {
        r.sources.clear();
        r.closed = true;
    }
    r.relation = RelationType::CooperatesWith;
}

/// "withdrew its inspectors from X" ends an involvement (CAMEO 166); "withdrew its troops from
/// X" rejects no one, and announced on a condition ("will withdraw its force from X unless
/// …") it is a threat.
fn withdrawal(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if !(r.verb() && r.relation == RelationType::Rejects && parse.is_lemma(t, &["withdraw"])) {
        return;
    }
    // "withdrew the country from the treaty" takes the actor itself out: a rejection.
    let objects: Vec<usize> = parse
        .children_with(t, &["obj"])
        .filter(|&o| {
            !parse.mention_at[o].is_some_and(|k| {
                matches!(
                    c.mentions[k].kind,
                    EntityType::Country | EntityType::Organization
                )
            })
        })
        .collect();
    if objects.iter().any(|&o| involvement(parse, o)) {
        r.relation = RelationType::Sanctions;
    } else if !objects.is_empty() {
        if c.intended() && conditional(parse, t) {
            r.relation = RelationType::Threatens;
        } else {
            r.clear();
        }
    }
}

/// A verb that ends an act reverses it: halting aid, talks or cooperation reduces relations
/// (CAMEO 16: "suspended talks with X", "cut military aid to X"); lifting a sanction or ending
/// an attack eases it (CAMEO 08), which is no hostile act, and announced it is an intention to
/// cooperate (CAMEO 035: "is prepared to lift the ban on X"). A verb trigger as the object of
/// a verb is a noun misread ("suspended talks with X").
fn halted_or_eased(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if r.row.reverse {
        return;
    }
    let Some(h) = governing_verb(parse, t) else {
        return;
    };
    // "ended its cooperation with X", the partner read as the verb's.
    if r.targets.is_empty() {
        let words: Vec<usize> = parse
            .children_with(h, &["obl"])
            .filter(|&o| {
                let case = parse.case_of(o);
                c.rows
                    .iter()
                    .any(|(x, _)| x.preposition.is_some() && x.preposition == case)
            })
            .collect();
        r.targets = collect(parse, &words);
        let sources = &r.sources;
        r.targets.retain(|k| !sources.contains(k));
    }
    let cooperative = matches!(
        r.relation,
        RelationType::Aids
            | RelationType::CooperatesWith
            | RelationType::MeetsWith
            | RelationType::NegotiatesWith
    );
    if cooperative && halts(parse, h, t, r.relation) {
        // "ended mediation between X and Y": the one who ends it, against both.
        if between_of(parse, t).is_some() {
            let halter: Vec<usize> = parse
                .subject(h)
                .map(|s| parse.mentions_of(s))
                .unwrap_or_default();
            if !halter.is_empty() {
                take_the_side(r, halter);
            }
        }
        r.relation = RelationType::Sanctions;
        r.closed = true;
    } else if rejects(c.lexicon, parse, h) {
        // "rejected the deal with X", "boycotted the talks with X", "defied the curfew in X":
        // the one who rejects an act does not do it; the verb states the rejection. An owner
        // named does ("rejected Y's accusations against X").
        let rejecter: Vec<usize> = parse
            .subject(h)
            .map(|s| parse.mentions_of(s))
            .unwrap_or_default();
        r.sources.retain(|k| !rejecter.contains(k));
        if r.sources.is_empty() {
            r.targets.clear();
            r.closed = true;
        }
    } else if !cooperative && r.relation != RelationType::Extradites && eases(parse, h) {
        if c.intended() && matches!(r.relation, RelationType::Sanctions | RelationType::Attacks) {
            r.relation = RelationType::CooperatesWith;
        } else {
            r.clear();
        }
    }
}

/// "announced a suspension of air links with X", "the severing of ties with X": a noun that
/// ends a tie reverses it as the verb does ("suspended air links with X").
fn halting_noun_sense(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if r.row.reverse || r.verb() || r.closed {
        return;
    }
    let cooperative = matches!(
        r.relation,
        RelationType::Aids | RelationType::CooperatesWith | RelationType::NegotiatesWith
    );
    let Some(m) = halting_noun(parse, t).filter(|_| cooperative) else {
        return;
    };
    let halter: Vec<usize> = parse
        .children_with(m, &["nmod:poss"])
        .next()
        .or_else(|| {
            (base(parse.rels[m]) == "obj")
                .then(|| parse.heads[m])
                .flatten()
                .and_then(|v| parse.subject(v))
        })
        .map(|s| parse.agents_of(s))
        .unwrap_or_default();
    if !halter.is_empty() {
        take_the_side(r, halter);
    }
    r.relation = RelationType::Sanctions;
    r.closed = r.targets.is_empty() || r.sources.is_empty();
}

/// The one who halts an act between parties acts against them all: the halter becomes the
/// source, the parties (but the halter) the targets.
fn take_the_side(r: &mut Reading, halter: Vec<usize>) {
    r.targets.extend(r.sources.iter().copied());
    r.targets.retain(|k| !halter.contains(k));
    r.sources = halter;
}

/// "will host talks between X and Y": the host's intention, towards both (CAMEO 039).
fn hosted(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if !(c.intended() && r.relation.is_symmetric()) {
        return;
    }
    let verb = r.verb();
    let clause = if verb {
        Some(t)
    } else {
        governing_verb(parse, t)
    };
    let between = if verb {
        std::iter::once(t)
            .chain(parse.children_with(t, &["obj"]))
            .find_map(|w| between_of(parse, w))
    } else {
        between_of(parse, t)
    };
    if let (Some(v), Some(_)) = (clause, between) {
        let host: Vec<usize> = parse
            .subject(v)
            .map(|s| parse.mentions_of(s))
            .unwrap_or_default();
        if !host.is_empty()
            && host
                .iter()
                .all(|k| !r.sources.contains(k) && !r.targets.contains(k))
        {
            r.targets.extend(r.sources.iter().copied());
            r.sources = host;
        }
    }
}

/// A threat names who is threatened in its condition: "threatened to strike unless X
/// withdraws", "will withdraw its force unless X holds elections".
fn threatened_in_condition(c: &Ctx, r: &mut Reading) {
    let threat = r.relation == RelationType::Threatens
        || c.intended() && intended(r.relation) == Some(RelationType::Threatens);
    if threat && r.targets.is_empty() && !r.sources.is_empty() {
        let subjects = condition_subjects(c.parse, c.t);
        r.targets = collect(c.parse, &subjects);
        let sources = &r.sources;
        r.targets.retain(|k| !sources.contains(k));
        if !r.targets.is_empty() {
            r.closed = false;
        }
    }
}
