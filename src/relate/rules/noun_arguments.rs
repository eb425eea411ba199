//! A noun trigger's arguments in the parse: its source is its possessor (`nmod:poss`), its
//! `by`-phrase, or the subject of the light verb whose object it is; its target hangs from it
//! with the trigger's preposition, possibly through an "of"-phrase ("threats of military
//! action against X").

use crate::lexicon::{Form, Trigger};
use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};

use super::phrases::{collect, Arguments};
use super::words::light_verb_forms;

pub(super) fn noun_arguments<'l>(
    parse: &Parse,
    t: usize,
    rows: &[(&'l Trigger, Form)],
) -> Option<Arguments<'l>> {
    // "security cooperation agreement": the phrase's head carries the dependents.
    let n = parse.phrase_head(t);
    // Modifiers with their prepositions, one "of"-phrase deep ("threats of military action
    // against X").
    let mut modifiers: Vec<(String, usize)> = Vec::new();
    for c in parse.children_with(n, &["nmod", "obl"]) {
        if let Some(case) = parse.case_of(c) {
            if case == "of" {
                for d in parse.children_with(c, &["nmod"]) {
                    if let Some(inner) = parse.case_of(d) {
                        modifiers.push((inner, d));
                    }
                }
            }
            modifiers.push((case, c));
        }
    }
    // The object of a light verb ("launched rocket fire against X", "gave aid to X"): a
    // phrase after it that the parser hung on the verb is the noun's.
    let light = parse.heads[n].filter(|&h| {
        let object = base(parse.rels[n]) == "obj"
            || base(parse.rels[n]) == "obl" && parse.case_of(n).is_none();
        object && parse.upos(h) == Upos::VERB && light_verb_forms().contains(&parse.lower(h))
    });
    if let Some(h) = light {
        for c in parse.children_with(h, &["obl"]).filter(|&c| c > n) {
            if let Some(case) = parse.case_of(c) {
                modifiers.push((case, c));
            }
        }
    }
    // "cooperation between X and Y": both sides, no subject needed.
    if let Some(&(_, w)) = modifiers.iter().find(|(c, _)| c == "between") {
        if let Some((sources, targets)) = parse.parties(w) {
            return Some((rows[0].0, sources, targets, false));
        }
    }
    let possessor = parse
        .children_with(n, &["nmod:poss"])
        .find_map(|c| parse.mention_at[c].or(parse.possessive_at[c]));
    let mut sources: Vec<usize> = possessor.into_iter().collect();
    if sources.is_empty() {
        if let Some(&(_, w)) = modifiers.iter().find(|(c, _)| c == "by") {
            sources = collect(parse, &[w]);
        }
    }
    if sources.is_empty() {
        // The subject of a light verb: "X signed an agreement", "X and Y are establishing an
        // alliance". A participle modifying a noun has none ("the administrators … following
        // the killing of X").
        let object = base(parse.rels[n]) == "obj" || light.is_some();
        if let (Some(h), true) = (parse.heads[n], object) {
            if let Some(s) = parse.subject(h).filter(|_| base(parse.rels[h]) != "acl") {
                sources = parse.mentions_of(s);
            }
        }
    }
    for &(row, _) in rows {
        let p = row.preposition.as_deref().unwrap_or("of");
        let words: Vec<usize> = modifiers
            .iter()
            .filter(|(c, _)| c == p)
            .map(|&(_, w)| w)
            .collect();
        let targets = collect(parse, &words);
        if !targets.is_empty() {
            return Some((row, sources, targets, false));
        }
    }
    // "gave Tanzania a grant", "offered Chile assistance": the recipient is the indirect
    // object of the verb that gives it.
    if let (Some(h), "obj") = (parse.heads[n], base(parse.rels[n])) {
        let recipients: Vec<usize> = parse.children_with(h, &["iobj"]).collect();
        let targets = collect(parse, &recipients);
        let row = rows
            .iter()
            .find(|(r, _)| matches!(r.preposition.as_deref(), Some("to" | "for")) && !r.reverse);
        if let (Some(&(row, _)), false) = (row, targets.is_empty()) {
            return Some((row, sources, targets, false));
        }
    }
    Some((rows[0].0, sources, Vec::new(), false))
}
