//! Truth and modality read off the parse around a trigger: negation, hedges, allegations,
//! intentions, attempts, demands, and the future of a reported intention.

use crate::entity::Mention;
use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};
use crate::relate::Modality;

use super::words::words;

/// Negation, hedges, intentions and demands, read off the tree around word `t`.
pub(super) fn modality(parse: &Parse, t: usize, mentions: &[Mention]) -> Modality {
    // The clause the trigger belongs to: a noun trigger takes its verb's auxiliaries.
    let mut clause = t;
    if matches!(parse.upos(t), Upos::NOUN | Upos::PROPN) {
        if let (Some(h), "obj" | "nsubj" | "obl") = (parse.heads[t], base(parse.rels[t])) {
            clause = h;
        }
    }
    let negated_here = |w: usize| {
        parse.children[w].iter().any(|&c| {
            matches!(
                parse.lower(c).as_str(),
                "not" | "n't" | "never" | "no" | "neither"
            ) && matches!(base(parse.rels[c]), "advmod" | "det" | "neg" | "cc")
        })
    };
    // "would" in a reported clause is the future of the report, not a hedge.
    let hedged_here = |w: usize| {
        parse.children[w].iter().any(|&c| {
            let word = parse.lower(c);
            base(parse.rels[c]) == "aux"
                && words().hedge_aux.contains(&word.as_str())
                && !(word == "would" && reported_future(parse, w, mentions))
                || base(parse.rels[c]) == "advmod" && words().hedge_adv.contains(&word.as_str())
        })
    };
    if hedged_here(t) || hedged_here(clause) {
        return Modality::Hedged;
    }
    if matches!(parse.upos(t), Upos::NOUN | Upos::PROPN)
        && parse
            .children_with(t, &["amod"])
            .any(|c| words().alleged_adj.contains(&parse.lower(c).as_str()))
    {
        return Modality::Hedged;
    }
    // "demanded the removal of X": the act is what is demanded.
    if clause != t
        && parse.upos(clause) == Upos::VERB
        && words().demand_verbs.contains(&parse.lemma(clause).as_ref())
    {
        return Modality::Demanded;
    }
    let mut negated = negated_here(t) || negated_here(clause);
    let future = [t, clause].iter().any(|&w| {
        parse.children_with(w, &["aux"]).any(|c| {
            let word = parse.lower(c);
            matches!(word.as_str(), "will" | "'ll" | "shall")
                || word == "would" && reported_future(parse, w, mentions)
        })
    });
    // "pledged aid to X", "vowed support for X": the act promised is an intention.
    if clause != t
        && base(parse.rels[t]) == "obj"
        && parse.upos(clause) == Upos::VERB
        && parse.is_lemma(clause, &words().pledges)
    {
        return if negated {
            Modality::Negated
        } else {
            Modality::Intended
        };
    }
    // Walk up through complements: an intention, a refusal, a demand or a denial governs.
    let mut w = clause;
    for _ in 0..4 {
        let (Some(h), rel) = (parse.heads[w], base(parse.rels[w])) else {
            break;
        };
        // A purpose is not an act: "hosted a summit to hammer out an agreement between X
        // and Y", "sent troops to fight X" state the hosting and the sending only. The
        // purpose of an intended act is intended too ("is willing to send arms to help
        // defend X").
        if rel == "advcl"
            && parse
                .children_with(w, &["mark"])
                .any(|m| parse.lower(m) == "to")
        {
            return match modality(parse, h, mentions) {
                Modality::Intended => Modality::Intended,
                _ => Modality::Hedged,
            };
        }
        // "accused X of siding with Y", "alleged that X attacked Y", "denied allegations
        // that X assisted Y": the content of an accusation is claimed, not stated. (The
        // accusation itself is the accuser's act, read at its own word.)
        if matches!(rel, "xcomp" | "ccomp" | "acl" | "advcl")
            && (parse.is_lemma(h, &words().alleging)
                || rel == "acl"
                    && base(parse.rels[h]) == "obj"
                    && parse.heads[h].is_some_and(|g| {
                        parse.upos(g) == Upos::VERB && parse.is_lemma(g, &words().alleging)
                    }))
        {
            return Modality::Hedged;
        }
        if !matches!(rel, "xcomp" | "ccomp" | "obj" | "nmod" | "acl") {
            break;
        }
        let lemma = parse.lemma(h);
        // "should stop arming X", "would be a mistake to attack X": the word it completes
        // is hedged.
        if matches!(rel, "xcomp" | "acl") && hedged_here(h) {
            return Modality::Hedged;
        }
        // "is willing to withdraw", "is unwilling to meet", "is likely to attack" (the words
        // of these lists are adjectives however the tagger read them).
        let listed = |w: &str| {
            words().likely.contains(&w)
                || words().unwilling.contains(&w)
                || words().intent_adjectives.contains(&w)
        };
        if rel == "xcomp" && (parse.upos(h) == Upos::ADJ || listed(&parse.lower(h))) {
            let lemma: std::borrow::Cow<'_, str> = if parse.upos(h) == Upos::ADJ {
                lemma.clone()
            } else {
                std::borrow::Cow::Owned(parse.lower(h))
            };
            if words().likely.contains(&lemma.as_ref()) {
                return Modality::Hedged;
            }
            if words().unwilling.contains(&lemma.as_ref()) {
                negated = true;
                break;
            }
            if words().intent_adjectives.contains(&lemma.as_ref()) {
                if negated_here(h) {
                    negated = true;
                    break;
                }
                return Modality::Intended;
            }
        }
        if rel == "xcomp" && words().intent_verbs.contains(&lemma.as_ref()) {
            // "did not agree to meet X", "is not prepared to lift the ban": no intention.
            if matches!(lemma.as_ref(), "refuse" | "decline" | "fail") || negated_here(h) {
                negated = true;
                break;
            }
            if matches!(lemma.as_ref(), "attempt" | "try") {
                return Modality::Attempted;
            }
            return Modality::Intended;
        }
        if words().demand_verbs.contains(&lemma.as_ref()) && parse.upos(h) == Upos::VERB {
            return Modality::Demanded;
        }
        // An act that a request, offer or plan proposes has not happened: "rejected a request
        // to question the detainees", "an offer to host a summit".
        if matches!(rel, "acl" | "nmod")
            && matches!(parse.upos(h), Upos::NOUN)
            && words().proposals.contains(&lemma.as_ref())
        {
            return Modality::Hedged;
        }
        // … and so has one that a means or a chance allows: "a key tool for X to prosecute
        // Y", "the right of X to fire on Y", "an opportunity to meet X".
        if rel == "acl"
            && matches!(parse.upos(h), Upos::NOUN)
            && words().enabling_nouns.contains(&lemma.as_ref())
            && parse
                .children_with(w, &["mark"])
                .any(|m| parse.lower(m) == "to")
        {
            return Modality::Hedged;
        }
        if parse.is_lemma(h, &words().denial_verbs) {
            negated = true;
            break;
        }
        w = h;
    }
    if negated {
        Modality::Negated
    } else if future {
        Modality::Intended
    } else {
        Modality::Asserted
    }
}

/// Whether "would" on the verb or adjective `w` is the future of a reported intention: its
/// clause is reported by a verb of announcement ("said it would boycott", "confirmed on
/// Wednesday it would tighten", "would meet X, the minister said") and speaks of the speaker
/// (a pronoun, or the speaker's own name): "analysts said X would invade Y" predicts. "Would
/// have" is a past condition, and an announcement itself hedged or denied reports nothing.
fn reported_future(parse: &Parse, w: usize, mentions: &[Mention]) -> bool {
    if parse
        .children_with(w, &["aux"])
        .any(|c| matches!(parse.lower(c).as_str(), "have" | "'ve"))
    {
        return false;
    }
    // "said it would be a mistake to attack X" judges an act; "would be ready to" intends it.
    if parse.children_with(w, &["cop"]).next().is_some()
        && !parse.is_lemma(w, &words().intent_adjectives)
    {
        return false;
    }
    // "said it would X and would Y": the second verb is reported with the first.
    let mut clause = w;
    if base(parse.rels[clause]) == "conj" {
        match parse.heads[clause] {
            Some(h) => clause = h,
            None => return false,
        }
    }
    let speaker = match (parse.heads[clause], base(parse.rels[clause])) {
        (Some(h), "ccomp") => Some(h),
        // "they would meet X, the minister said": the report follows the clause.
        (None, _) => parse
            .children_with(clause, &["parataxis", "conj", "advcl"])
            .find(|&c| c > clause && parse.is_lemma(c, &["say"])),
        _ => None,
    };
    let Some(h) = speaker else {
        return false;
    };
    let Some(subject) = parse.subject(w) else {
        return false;
    };
    let pronoun = parse.upos(subject) == Upos::PRON
        && matches!(
            parse.lower(subject).as_str(),
            "he" | "she" | "it" | "they" | "we" | "i"
        );
    let entities = |v: usize| -> Vec<usize> {
        parse
            .subject(v)
            .map(|s| parse.mentions_of(s))
            .unwrap_or_default()
            .into_iter()
            .map(|k| mentions[k].entity)
            .collect()
    };
    let own = pronoun || {
        let speakers = entities(h);
        entities(w).iter().any(|e| speakers.contains(e))
    };
    own && parse.upos(h) == Upos::VERB
        && parse.is_lemma(h, &words().announcing_verbs)
        && !parse.children[h].iter().any(|&c| {
            matches!(parse.lower(c).as_str(), "not" | "n't" | "never")
                || base(parse.rels[c]) == "aux"
                    && words().hedge_aux.contains(&parse.lower(c).as_str())
        })
}
