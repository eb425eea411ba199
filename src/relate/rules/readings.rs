//! Special readings of a clause, as CAMEO coders read news: a warning of a natural hazard, a
//! question put, an unnamed doer, a mediator, an involvement ended, a cooperative act halted or a
//! hostile one eased, a condition that makes a threat, a reporting clause that disapproves, a
//! verbal attack, material support.

use crate::lexicon::{Form, Lexicon, RoleCategory, Trigger, TriggerPos};
use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};
use crate::relation::RelationType;

use super::phrases::Arguments;
use super::triggers::Found;
use super::words::words;

/// Whether a warning trigger ("issued a flash flood warning", "hurricane warnings") warns of
/// a hazard of nature: a hazard word inside the trigger, or modifying its warning noun.
pub(super) fn natural_hazard(parse: &Parse, found: &Found) -> bool {
    let (Some(first), Some(last)) = (
        found.start.checked_sub(parse.start),
        found.end.checked_sub(parse.start + 1),
    ) else {
        return false;
    };
    let last = last.min(parse.words.len().saturating_sub(1));
    let hazard = |w: usize| {
        let word = parse.lower(w);
        words()
            .hazards
            .contains(&word.strip_suffix('s').unwrap_or(&word))
            || words().hazards.contains(&word.as_str())
    };
    (first..=last).any(|w| {
        hazard(w)
            || parse.upos(w) == Upos::NOUN
                && parse
                    .children_with(w, &["compound", "amod", "nmod"])
                    .any(|c| hazard(c) || parse.children_with(c, &["compound"]).any(hazard))
    })
}

/// Whether clause `c`, a complement of the verb `t`, is a question put by it ("asked
/// whether X was …", "asked X why Y did not …"): it opens with a question word, with no
/// other verb between the two ("asked voters to vote for what they believe" asks an act).
pub(super) fn interrogative(parse: &Parse, t: usize, c: usize) -> bool {
    std::iter::once(c)
        .chain(parse.children[c].iter().copied())
        .filter(|&w| w > t && w <= c)
        .any(|w| {
            matches!(
                parse.lower(w).as_str(),
                "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who" | "which"
            ) && (t + 1..w).all(|x| {
                !matches!(
                    parse.upos(x),
                    Upos::VERB | Upos::AUX | Upos::PART | Upos::SCONJ
                )
            })
        })
}

/// Whether verb `t` has a subject of its own (or, through control, of the verb it completes:
/// "the prince wanted to kill X") that is a common noun phrase naming no actor ("the prince",
/// "his campaign"). Not a pronoun, which may stand for a name; not a capitalized word, which
/// may be a title or a name the recognizer missed; not a subject reached through a
/// coordinated or relative clause, where parses of long sentences go wrong.
///
/// A verb the parser hung on a noun as its modifier, but with an object of its own and no
/// subject, is active and the noun its subject ("believes the prince | ordered X's arrest"
/// read as "the prince [who] ordered"): a participle that describes a noun takes no object.
pub(super) fn unnamed_subject(parse: &Parse, t: usize) -> bool {
    let mut v = t;
    for _ in 0..3 {
        let own = parse.children_with(v, &["nsubj"]).next();
        let described = || {
            let active = parse.rels[v] == "acl"
                && parse.children_with(v, &["obj"]).next().is_some()
                && parse.children_with(v, &["aux:pass"]).next().is_none();
            parse.heads[v].filter(|&h| active && h < v)
        };
        if let Some(s) = own.or_else(described) {
            return (own.is_none() || parse.rels[s] == "nsubj")
                && parse.upos(s) == Upos::NOUN
                && parse.possessive_at[s].is_none()
                && parse.agents_of(s).is_empty()
                && parse.mentions_of(s).is_empty()
                && parse.children_with(s, &["appos"]).next().is_none();
        }
        match (parse.rels[v], parse.heads[v]) {
            ("xcomp", Some(h)) => v = h,
            _ => return false,
        }
    }
    false
}

/// Who mediates, for a mediation word at `t`: the subject of the verb, or the possessor of
/// the noun's phrase, or the subject of the verb whose object that phrase is ("launched a
/// mediation effort").
pub(super) fn mediator(parse: &Parse, t: usize) -> Vec<usize> {
    if parse.upos(t) == Upos::VERB {
        return parse
            .subject(t)
            .map(|s| parse.agents_of(s))
            .unwrap_or_default();
    }
    let n = parse.phrase_head(t);
    if let Some(k) = parse
        .children_with(n, &["nmod"])
        .filter(|&c| parse.rels[c] == "nmod:poss")
        .find_map(|c| parse.mention_at[c].or(parse.possessive_at[c]))
    {
        return vec![k];
    }
    match (parse.heads[n], base(parse.rels[n])) {
        (Some(h), "obj") if parse.upos(h) == Upos::VERB => parse
            .subject(h)
            .map(|s| parse.agents_of(s))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether the phrase headed by `o` names an involvement ("weapons inspectors and aid
/// workers", "its peacekeeping force").
pub(super) fn involvement(parse: &Parse, o: usize) -> bool {
    std::iter::once(o)
        .chain(parse.children_with(o, &["conj"]))
        .any(|w| {
            std::iter::once(w)
                .chain(parse.children_with(w, &["compound", "amod"]))
                .any(|x| words().involvement.contains(&parse.lower(x).as_str()))
        })
}

/// The noun of halting whose "of"-phrase headed by the trigger `t` is: "suspension" of "a
/// suspension of air links with X".
pub(super) fn halting_noun(parse: &Parse, t: usize) -> Option<usize> {
    let n = parse.phrase_head(t);
    let m = parse.heads[n]?;
    (base(parse.rels[n]) == "nmod"
        && parse.case_of(n).as_deref() == Some("of")
        && words()
            .halting_nouns
            .contains(&parse.lemma(m).to_lowercase().as_str()))
    .then_some(m)
}

/// Whether verb `h` halts the act of noun `t`, of kind `relation`: a visit ended has taken
/// place, and one who cuts a deal makes it.
pub(super) fn halts(parse: &Parse, h: usize, t: usize, relation: RelationType) -> bool {
    let particle = |p: &str| {
        parse
            .children_with(h, &["compound:prt"])
            .any(|c| parse.lower(c) == p)
    };
    if parse.is_lemma(h, &["break", "call"]) {
        return particle("off");
    }
    parse.is_lemma(h, &words().halting)
        && !(relation == RelationType::MeetsWith && parse.is_lemma(h, &["end"]))
        && !(parse.lower(t).starts_with("deal") && parse.is_lemma(h, &["cut"]))
}

/// Whether verb `h` eases an act ("lifted", "called off", "rolled back").
pub(super) fn eases(parse: &Parse, h: usize) -> bool {
    let particle = |p: &str| {
        parse
            .children_with(h, &["compound:prt"])
            .any(|c| parse.lower(c) == p)
    };
    parse.is_lemma(h, &words().easing)
        || parse.is_lemma(h, &["call"]) && particle("off")
        || parse.is_lemma(h, &["roll"]) && particle("back")
}

/// The verb whose object a noun trigger's phrase is ("lifted the arms embargo on X",
/// "suspended the talks and the aid"), or a participle misread as its modifier ("X lifted
/// sanctions on Y" parsed as "lifted sanctions").
pub(super) fn governing_verb(parse: &Parse, t: usize) -> Option<usize> {
    let mut n = parse.phrase_head(t);
    if let Some(a) = parse
        .children_with(n, &["amod"])
        .find(|&a| a < n && parse.upos(a) == Upos::VERB && parse.is_lemma(a, &words().easing))
    {
        return Some(a);
    }
    if base(parse.rels[n]) == "conj" {
        n = parse.heads[n]?;
    }
    let h = parse.heads[n]?;
    (base(parse.rels[n]) == "obj" && matches!(parse.upos(h), Upos::VERB)).then_some(h)
}

/// Whether verb `h` is a trigger of rejection ("rejected", "boycotted", "vetoed").
pub(super) fn rejects(lexicon: &Lexicon, parse: &Parse, h: usize) -> bool {
    lexicon
        .triggers
        .candidates(parse.words[h])
        .iter()
        .any(|&(i, _)| {
            let r = &lexicon.triggers.list[i];
            r.pos == TriggerPos::Verb && r.words.len() == 1 && r.relation == RelationType::Rejects
        })
}

/// The "between" phrase hanging from the phrase of word `w` ("talks between X and Y").
pub(super) fn between_of(parse: &Parse, w: usize) -> Option<usize> {
    let n = parse.phrase_head(w);
    parse
        .children_with(n, &["nmod", "obl"])
        .find(|&c| parse.case_of(c).as_deref() == Some("between"))
}

/// The clauses of condition ("if", "unless") of the clause around `t`: on its verb, on the
/// verbs it completes ("announced that it will withdraw … unless"), or on the infinitives and
/// adverbial clauses below them ("threatened to stop talks to reduce arms if X goes ahead").
pub(super) fn conditions(parse: &Parse, t: usize) -> Vec<usize> {
    let mut clauses = vec![t];
    let mut w = t;
    for _ in 0..4 {
        match (parse.heads[w], base(parse.rels[w])) {
            (Some(h), "obj" | "xcomp" | "ccomp" | "conj") => {
                clauses.push(h);
                w = h;
            }
            _ => break,
        }
    }
    let is_condition = |a: usize| {
        parse
            .children_with(a, &["mark"])
            .any(|m| matches!(parse.lower(m).as_str(), "unless" | "if"))
    };
    let mut out = Vec::new();
    for _ in 0..3 {
        let mut next = Vec::new();
        for &v in &clauses {
            for c in parse.children_with(v, &["advcl", "xcomp"]) {
                if base(parse.rels[c]) == "advcl" && is_condition(c) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                } else {
                    next.push(c);
                }
            }
        }
        clauses = next;
    }
    out
}

/// Whether an act is announced on a condition ("will withdraw … unless X").
pub(super) fn conditional(parse: &Parse, t: usize) -> bool {
    !conditions(parse, t).is_empty()
}

/// The subjects of the conditions of the clause around `t`.
pub(super) fn condition_subjects(parse: &Parse, t: usize) -> Vec<usize> {
    conditions(parse, t)
        .into_iter()
        .filter_map(|a| parse.children_with(a, &["nsubj", "nsubj:pass"]).next())
        .collect()
}

/// A reporting clause after what it reports, whose verb disapproves of it: "X is failing to
/// uphold the rights of refugees, a human rights group protested" criticizes X (CAMEO 111;
/// "charged", "alleged": 112). The speaker is the subject between the last comma and the
/// verb; the one disapproved of is the subject of the clause reported before the comma (the
/// agent of a passive one). Read off word order and the reported clause's own parse: the
/// parser hangs such a verb anywhere (a parataxis, a conjunct, a clause on the last noun).
pub(super) fn reported_disapproval<'l>(
    parse: &Parse,
    t: usize,
    rows: &[(&'l Trigger, Form)],
) -> Option<Arguments<'l>> {
    if !parse.is_lemma(t, &words().disapproving_speech) {
        return None;
    }
    let disapproval =
        |r: &Trigger| matches!(r.relation, RelationType::Criticizes | RelationType::Accuses);
    // The row of the verb alone ("charge X"), else any ("complain about X").
    let &(row, _) = rows
        .iter()
        .find(|(r, _)| disapproval(r) && r.preposition.is_none())
        .or_else(|| rows.iter().find(|(r, _)| disapproval(r)))?;
    // The speaker: the names between the comma and the verb ("a human rights group").
    let (comma, verb) = parse.reporting_tail()?;
    if verb != t {
        return None;
    }
    let mut sources: Vec<usize> = Vec::new();
    for w in comma + 1..t {
        if let Some(k) = parse.mention_at[w].filter(|k| !sources.contains(k)) {
            sources.push(k);
        }
    }
    if sources.is_empty() {
        return None;
    }
    // The reported clause: its verb is the one word before the comma that hangs outside it.
    let clause = (0..comma)
        .find(|&w| parse.heads[w].is_none_or(|h| h >= comma) && parse.upos(w) != Upos::PUNCT)?;
    if !matches!(parse.upos(clause), Upos::VERB | Upos::AUX) {
        return None;
    }
    let mut actors: Vec<usize> = parse
        .children_with(clause, &["nsubj"])
        .filter(|&s| parse.rels[s] != "nsubj:pass")
        .collect();
    if parse
        .children_with(clause, &["nsubj:pass", "aux:pass"])
        .next()
        .is_some()
    {
        actors = parse
            .children_with(clause, &["obl:agent", "obl"])
            .filter(|&o| parse.case_of(o).as_deref() == Some("by"))
            .collect();
    }
    let mut targets: Vec<usize> = Vec::new();
    for k in actors.into_iter().flat_map(|a| parse.agents_of(a)) {
        if !sources.contains(&k) && !targets.contains(&k) {
            targets.push(k);
        }
    }
    if targets.is_empty() {
        return None;
    }
    Some((row, sources, targets, false))
}

/// Whether an attack verb states its grounds ("attacked X for his record", "over the
/// decision", "on his taxes"): a verbal attack. Time phrases ("over the weekend", "on
/// Monday") are no grounds. News uses "attack" for words as often as for force, and these
/// mark the words:
/// - an "as"-phrase characterizes the one attacked ("attacked X as a liar", "attacked the
///   probe as a witch hunt"): one calls names, one does not strike with a label;
/// - the thing attacked is a stance, plan or statement ("attacked the plan", "attacked his
///   record"): only words can reach it;
/// - the setting is speech ("during the debate", "in an interview", "on Twitter");
/// - the verb is coordinated with one of disapproval ("attacked X and blasted Y").
pub(super) fn verbal_attack(parse: &Parse, lexicon: &Lexicon, t: usize) -> bool {
    // "attacked X on paying fewer taxes", "for backing Y".
    let reason_clause = parse.children_with(t, &["advcl"]).any(|c| {
        parse
            .children_with(c, &["mark"])
            .any(|m| matches!(parse.lower(m).as_str(), "for" | "over" | "on"))
    });
    let stance = parse
        .children_with(t, &["obj"])
        .any(|o| parse.mention_at[o].is_none() && parse.is_lemma(o, &words().stances));
    let speech = parse.children_with(t, &["obl"]).any(|o| {
        matches!(
            parse.case_of(o).as_deref(),
            Some("during" | "in" | "on" | "at" | "via" | "through")
        ) && parse.is_lemma(o, &words().speech_settings)
    });
    let coordinated = parse
        .children_with(t, &["conj"])
        .chain(parse.heads[t].filter(|_| parse.rels[t] == "conj"))
        .any(|c| parse.upos(c) == Upos::VERB && disapproves(lexicon, &parse.lemma(c)));
    let mut heads = vec![t];
    heads.extend(parse.children_with(t, &["obj"]));
    reason_clause
        || stance
        || speech
        || coordinated
        || heads.iter().any(|&h| {
            parse.children_with(h, &["obl", "nmod"]).any(|o| {
                let grounds = match parse.case_of(o).as_deref() {
                    Some("for" | "over") => {
                        !words().attack_time_nouns.contains(&parse.lower(o).as_str())
                    }
                    Some("on") => parse.children_with(o, &["nmod:poss"]).next().is_some(),
                    // "as a liar", "as 'garbage'"; "as part of" names no label.
                    Some("as") => parse.lower(o) != "part",
                    _ => false,
                };
                grounds && parse.upos(o) == Upos::NOUN
            })
        })
}

/// Whether support names what it gives or a fight it joins: "military support",
/// "supported X with troops", "supporting X against the rebels, providing airstrikes",
/// "provided support to X", "in support of X" (said of an act done for X). Backing without
/// means is an endorsement.
pub(super) fn material_support(parse: &Parse, b: usize) -> bool {
    let near = parse
        .children_with(
            b,
            &[
                "amod", "compound", "obl", "nmod", "obj", "advcl", "conj", "xcomp",
            ],
        )
        .any(|c| {
            parse.is_lemma(c, &words().support_means)
                || matches!(parse.case_of(c).as_deref(), Some("against" | "with"))
                || parse
                    .children_with(c, &["obj"])
                    .any(|o| parse.is_lemma(o, &words().support_means))
        });
    let given = parse.heads[b].is_some_and(|h| {
        parse.is_lemma(h, &words().giving_verbs) || parse.case_of(b).as_deref() == Some("in")
    });
    near || given
}

/// Whether a verb is a trigger of disapproval: rejecting, criticizing or accusing.
pub(super) fn disapproves(lexicon: &Lexicon, lemma: &str) -> bool {
    lexicon.triggers.list.iter().any(|r| {
        r.pos == TriggerPos::Verb
            && r.words.len() == 1
            && r.words[0] == lemma
            && matches!(
                r.relation,
                RelationType::Rejects | RelationType::Criticizes | RelationType::Accuses
            )
    })
}

/// Whether a common noun names people, an institution or a place ("leaders", "ministry",
/// "capital"), which stand for the actor named in their modifier.
pub(super) fn names_actors(lexicon: &Lexicon, key: &str) -> bool {
    lexicon.roles.get(key).is_some_and(|roles| {
        roles
            .iter()
            .any(|r| !matches!(r.category, RoleCategory::OtherHead | RoleCategory::Modifier))
    })
}

/// Whether the phrase headed by `o` names a thing: a common noun that is no name, names no
/// actor by a modifier, and is no noun of people, institutions or places.
pub(super) fn thing(parse: &Parse, lexicon: &Lexicon, o: usize) -> bool {
    parse.upos(o) == Upos::NOUN
        && parse.mention_at[o].is_none()
        && !parse.names_directly(o)
        && !names_actors(lexicon, &parse.lemma(o).to_lowercase())
}
