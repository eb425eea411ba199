//! Obligations stated on someone else: "X said (that) Y must withdraw" is a demand of Y by X.

use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};
use crate::relate::{Modality, Statement};
use crate::relation::RelationType;

use super::words::words;

/// Obligations stated on someone else: "X said (that) Y must / should withdraw" demands of Y
/// what X says Y must do (CAMEO 10). The obliged act itself states nothing.
/// Each comes with the token index of its modal, the trigger.
pub(super) fn obligations(parse: &Parse) -> Vec<(usize, Statement)> {
    let mut out = Vec::new();
    for a in 0..parse.words.len() {
        if base(parse.rels[a]) != "aux"
            || !matches!(parse.lower(a).as_str(), "must" | "should" | "ought")
        {
            continue;
        }
        let Some(v) = parse.heads[a] else { continue };
        // The obliged party: the subject of the obliged verb, in a clause reported by a verb
        // of speech ("said that Y must", "Y must go, X said").
        let Some(subject) = parse.children_with(v, &["nsubj", "nsubj:pass"]).next() else {
            continue;
        };
        let mut clause = v;
        if parse.rels[clause] == "conj" {
            clause = match parse.heads[clause] {
                Some(h) => h,
                None => continue,
            };
        }
        let that = parse
            .children_with(clause, &["mark"])
            .any(|m| parse.lower(m) == "that");
        let speaker = match (parse.heads[clause], base(parse.rels[clause])) {
            // "issued a stern reminder to Y that it must": the clause of a noun of saying,
            // said by whoever issues it.
            (Some(n), "acl" | "ccomp")
                if parse.upos(n) == Upos::NOUN && parse.is_lemma(n, &words().speech_nouns) =>
            {
                match (parse.heads[n], base(parse.rels[n])) {
                    (Some(v), "obj") if parse.upos(v) == Upos::VERB => Some(v),
                    _ => None,
                }
            }
            (Some(h), "ccomp" | "parataxis") => Some(h),
            // "declared Tuesday that Y must": a that-clause the parser took for an adverbial.
            (Some(h), "advcl") if that => Some(h),
            // "Y should stop, X declared": a clause without a subordinator of its own
            // before a reporting clause that ends the sentence is what it reports, though
            // the parser took it for the speech verb's adverbial.
            (Some(h), "advcl")
                if clause < h
                    && parse.children_with(clause, &["mark"]).next().is_none()
                    && parse.reporting_tail().is_some_and(|(_, verb)| verb == h) =>
            {
                Some(h)
            }
            // "Y must go, X said", parsed as a coordination or a parataxis of the clause.
            (None, _) => parse
                .children_with(clause, &["conj", "parataxis"])
                .find(|&c| {
                    c > clause && parse.children_with(c, &["obj", "ccomp"]).next().is_none()
                }),
            _ => None,
        };
        let Some(h) = speaker else {
            continue;
        };
        // "issued a reminder to Y that it must", with the that-clause hung on the verb: the
        // clause is the noun of saying's, which the verb issues.
        let speech_object = base(parse.rels[clause]) == "ccomp"
            && parse.children_with(h, &["obj"]).any(|o| {
                o < clause
                    && parse.upos(o) == Upos::NOUN
                    && parse.is_lemma(o, &words().speech_nouns)
            });
        let by_noun =
            parse.heads[clause].is_some_and(|n| parse.upos(n) == Upos::NOUN) || speech_object;
        if !by_noun && !parse.is_lemma(h, &words().speech_verbs) || parse.upos(h) != Upos::VERB {
            continue;
        }
        let negated = parse.children[h].iter().any(|&c| {
            matches!(parse.lower(c).as_str(), "not" | "n't" | "never")
                || base(parse.rels[c]) == "aux"
                    && words().hedge_aux.contains(&parse.lower(c).as_str())
        });
        if negated {
            continue;
        }
        let sources = parse
            .subject(h)
            .map(|s| parse.mentions_of(s))
            .unwrap_or_default();
        let targets = parse.mentions_of(subject);
        if sources.is_empty() || targets.is_empty() {
            continue;
        }
        let statement = Statement {
            relation: RelationType::Demands,
            sources,
            targets,
            modality: Modality::Asserted,
            prepositional: false,
            intended_only: false,
            closed: false,
        };
        out.push((parse.start + a, statement));
    }
    out
}
