//! What the parse says one trigger states, in steps: the trigger's rows that fit the tagging,
//! the truth of its clause ([`super::truth`]), its arguments ([`super::verb_arguments`],
//! [`super::noun_arguments`], or a reporting clause that disapproves), the parties the act
//! takes ([`super::parties`]), the sense the clause gives it ([`super::senses`]), then the
//! sides a mediator and a demand's content name.

use crate::entity::Mention;
use crate::lexicon::{Form, Lexicon, Trigger, TriggerPos};
use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};
use crate::relate::{Modality, Statement};
use crate::relation::RelationType;

use super::noun_arguments::noun_arguments;
use super::parties::{parties, Ctx, Reading};
use super::readings::{mediator, reported_disapproval};
use super::triggers::Found;
use super::verb_arguments::verb_arguments;
use super::words::words;
use super::{senses, truth};

/// What the parse says about one trigger: `None` when the word is no trigger here (an
/// adjective, a noun use of a verb trigger) or the parse finds no arguments; a statement
/// without arguments, hedged or demanded, when it states nothing.
pub(super) fn statement(
    parse: &Parse,
    found: &Found,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Option<Statement> {
    let first = found.start.checked_sub(parse.start)?;
    let rows = fitting_rows(parse, found);
    if rows.is_empty() {
        return None;
    }
    let t = anchor(parse, found, rows[0].0.pos).unwrap_or(first);
    let modality = truth::modality(parse, t, mentions);
    let unstated = Statement {
        relation: rows[0].0.relation,
        sources: Vec::new(),
        targets: Vec::new(),
        modality,
        prepositional: false,
        intended_only: false,
        closed: true,
    };
    // A hedged or demanded act states nothing, and says so: the word-order rules must not
    // find an act here.
    let hedged = matches!(modality, Modality::Hedged | Modality::Demanded)
        && rows
            .iter()
            .all(|(r, _)| r.relation != RelationType::Demands);
    if hedged || names_a_kind(parse, t, rows[0].0) {
        return Some(unstated);
    }
    let arguments = match rows[0].0.pos {
        TriggerPos::Verb => reported_disapproval(parse, t, &rows)
            .or_else(|| verb_arguments(parse, t, found, &rows, lexicon))?,
        TriggerPos::Noun | TriggerPos::Adj => noun_arguments(parse, t, &rows)?,
    };
    let c = Ctx {
        parse,
        found,
        t,
        rows: &rows,
        modality,
        mentions,
        lexicon,
    };
    let mut r = parties(&c, arguments);
    senses::read(&c, &mut r);
    if r.row.reverse {
        std::mem::swap(&mut r.sources, &mut r.targets);
    }
    mediated(&c, &mut r);
    demanded_of(&c, &mut r);
    Some(Statement {
        relation: r.relation,
        sources: r.sources,
        targets: r.targets,
        modality,
        prepositional: r.row.preposition.is_some(),
        intended_only: r.row.intended_only,
        closed: r.closed,
    })
}

/// The rows that fit the word's part of speech: "accused cartel members" (ADJ) and "a press
/// briefing" (NOUN) trigger nothing through their verb rows. A compound noun is read at its
/// last word ("military aid").
fn fitting_rows<'l>(parse: &Parse, found: &Found<'l>) -> Vec<(&'l Trigger, Form)> {
    let fits = |r: &Trigger| {
        let Some(w) = anchor(parse, found, r.pos) else {
            return false;
        };
        let upos = parse.upos(w);
        // "over alleged plots", "accused cartel members": a participle modifying the noun
        // after it describes; it is no act.
        let modifier = base(parse.rels[w]) == "amod" && parse.heads[w].is_some_and(|h| h > w)
            || participle_before_noun(parse, w);
        match r.pos {
            TriggerPos::Verb => matches!(upos, Upos::VERB | Upos::AUX) && !modifier,
            TriggerPos::Noun => matches!(upos, Upos::NOUN | Upos::PROPN),
            TriggerPos::Adj => upos == Upos::ADJ,
        }
    };
    found
        .rows
        .iter()
        .copied()
        .filter(|(r, _)| fits(r))
        .collect()
}

/// "shell manufacturer", "insult comedian", "aid worker": a noun trigger naming a kind of
/// person or maker by the act, no act.
fn names_a_kind(parse: &Parse, t: usize, row: &Trigger) -> bool {
    if row.pos != TriggerPos::Noun || base(parse.rels[t]) != "compound" {
        return false;
    }
    parse.heads[t]
        .filter(|&h| h > t && parse.upos(h) == Upos::NOUN)
        .is_some_and(|h| {
            let head = parse.lower(h);
            let head = head.strip_suffix('s').unwrap_or(&head);
            ["er", "or", "ist", "ian"].iter().any(|x| head.ends_with(x))
        })
}

/// "X undertook a mediation mission between Y and Z", "X mediated between Y and Z": the
/// mediator consults each side (CAMEO 043); the sides need not talk to each other.
fn mediated(c: &Ctx, r: &mut Reading) {
    if r.relation == RelationType::NegotiatesWith && c.parse.is_lemma(c.t, &words().mediation) {
        let mediators = mediator(c.parse, c.t);
        if !mediators.is_empty() && mediators.iter().all(|m| !r.sources.contains(m)) {
            for k in std::mem::replace(&mut r.sources, mediators) {
                if !r.targets.contains(&k) {
                    r.targets.push(k);
                }
            }
        }
    }
}

/// "a request to question X", "its demand that Y ease restrictions": the one asked is the
/// subject of the demanded clause; an infinitive names only the act, not who is asked.
fn demanded_of(c: &Ctx, r: &mut Reading) {
    let (parse, t) = (c.parse, c.t);
    if r.row.pos != TriggerPos::Noun || r.relation != RelationType::Demands {
        return;
    }
    let content = parse.children_with(t, &["acl", "ccomp"]).find(|&x| {
        parse.rels[x] == "ccomp"
            || parse
                .children_with(x, &["mark"])
                .any(|m| matches!(parse.lower(m).as_str(), "to" | "that"))
    });
    if let Some(x) = content {
        r.targets = parse
            .children_with(x, &["nsubj", "nsubj:pass"])
            .flat_map(|s| parse.mentions_of(s))
            .collect();
        r.closed |= r.targets.is_empty();
    }
}

/// Whether the tagger's part of speech for the trigger's first word fits one of its rows: a
/// verb row needs a verb, a noun row a noun ("a press briefing" is no pressure).
///
/// The tagger errs on news text dense with names ("Peru and Bolivia accuse Chile" tags
/// *accuse* a noun), so a verb row is refused only where the noun reading has a noun's
/// company: a determiner, possessive, adjective or number before it.
pub(super) fn fits(parse: &Parse, found: &Found) -> bool {
    let Some(t) = found.start.checked_sub(parse.start) else {
        return false;
    };
    if t >= parse.words.len() {
        return false;
    }
    let upos = parse.upos(t);
    // "in order to", "as well as": a word of a fixed expression means nothing alone.
    if parse.rels[t] == "fixed" {
        return false;
    }
    // "more welcoming than X", "very supportive": a graded adjective describes; it is no act.
    let graded = upos == Upos::ADJ
        && parse.children_with(t, &["advmod"]).any(|c| {
            matches!(
                parse.lower(c).as_str(),
                "more" | "most" | "less" | "least" | "very" | "so" | "too" | "quite"
            )
        });
    if graded {
        return false;
    }
    // A compound noun is a noun by its last word ("military aid", "peace talks").
    let head_upos = parse.upos(anchor(parse, found, TriggerPos::Noun).unwrap_or(t));
    let nominal_context = t > 0
        && matches!(
            parse.upos(t - 1),
            Upos::DET | Upos::ADJ | Upos::NUM | Upos::PRON
        )
        || t > 0 && parse.rels[t - 1] == "case" && matches!(parse.words[t - 1], "'s" | "’s")
        // "shell manufacturer", "insult comedian": a noun modifying a noun.
        || base(parse.rels[t]) == "compound"
            && parse.heads[t].is_some_and(|h| h > t && parse.upos(h) == Upos::NOUN)
        // "raised questions about X", "faces charges": the object of another verb.
        || base(parse.rels[t]) == "obj"
            && parse.heads[t].is_some_and(|h| h < t && parse.upos(h) == Upos::VERB)
        // "told host X", "played host to the fair": tagger and parser agree on a noun
        // that is an argument of another word; a verb's form used as a title or an object
        // is no act.
        || upos == Upos::NOUN
            && matches!(
                base(parse.rels[t]),
                "iobj" | "obj" | "appos"
            )
        // "told host X \"No…\"", whatever the parser made of the phrase: a noun with the
        // name it describes right after it is that name's title, however hung ("host" with
        // the name in apposition, or describing the name).
        || upos == Upos::NOUN
            && t + 1 < parse.words.len()
            && parse.mention_at[t + 1].is_some()
            && (parse.heads[t + 1] == Some(t) && matches!(base(parse.rels[t + 1]), "appos" | "flat")
                || parse.rels[t] == "nmod:desc"
                    && parse.heads[t].is_some_and(|h| parse.mention_at[h] == parse.mention_at[t + 1]));
    found.rows.iter().any(|(r, _)| match r.pos {
        TriggerPos::Verb => match upos {
            Upos::NOUN | Upos::PROPN => !nominal_context,
            // "accused cartel members": a participle modifying a noun.
            Upos::ADJ => base(parse.rels[t]) != "amod",
            Upos::VERB => base(parse.rels[t]) != "amod" || parse.heads[t].is_none_or(|h| h < t),
            _ => true,
        },
        TriggerPos::Noun => matches!(head_upos, Upos::NOUN | Upos::PROPN),
        TriggerPos::Adj => upos == Upos::ADJ,
    })
}

/// The word of a trigger that carries a row of part of speech `pos`: the last word of a
/// compound noun ("military aid", "arms embargo"), else the first word.
/// Whether word `w` is a past participle opening a noun phrase ("… and accused cartel members
/// to the U.S.", "the detained activists"): a participle after a determiner or a conjunction,
/// with a word after it and no auxiliary or subject of its own, describes the noun however the
/// parser hung it (the word-order path reads the same frame, `order_truth::adjectival`).
fn participle_before_noun(parse: &Parse, w: usize) -> bool {
    parse.tags[w].xpos == "VBN"
        && w > 0
        && w + 1 < parse.words.len()
        && super::words::words()
            .adjective_context
            .contains(&parse.lower(w - 1).as_str())
        && parse.words[w + 1].starts_with(char::is_alphabetic)
        && parse
            .children_with(w, &["aux", "nsubj", "expl"])
            .next()
            .is_none()
}

fn anchor(parse: &Parse, found: &Found, pos: TriggerPos) -> Option<usize> {
    let first = found.start.checked_sub(parse.start)?;
    let last = found.end.checked_sub(parse.start + 1)?;
    if first >= parse.words.len() || last >= parse.words.len() {
        return None;
    }
    Some(if pos == TriggerPos::Noun { last } else { first })
}
