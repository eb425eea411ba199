//! Repairs of tagging errors typical of news prose, applied before parsing.
//!
//! The tagger learned from web text (EWT), where a past participle after a noun usually
//! starts a reduced relative ("soldiers wounded in the attack"). News leads put the
//! simple past there instead ("Rebels wounded two soldiers, police said."), and a sentence
//! whose only finite verb is the attribution at its end loses its main act. When no finite
//! verb comes before such a word and it is followed by the start of a noun phrase, not by a
//! preposition, it is the clause's verb.

use super::{Arc, TagOut, Upos};

/// Participles that start a reduced relative before a name or a noun phrase ("an
/// organization named X", "a book titled Y", "a group based in Z").
const NAMING: &[&str] = &[
    "named",
    "called",
    "titled",
    "entitled",
    "dubbed",
    "labeled",
    "labelled",
    "based",
    "nicknamed",
    "codenamed",
    "termed",
];

/// Retags, in place, "-ed" words read as adjectives or participles that are the past-tense
/// verb of a clause with no finite verb before them: `NOUN/PROPN wounded DET/NUM/ADJ/NOUN…`.
pub fn repair_news_verbs(words: &[&str], tags: &mut [TagOut]) {
    let finite = |t: &TagOut| {
        matches!(t.xpos, "VBD" | "VBZ" | "VBP" | "MD")
            || t.upos == Upos::AUX && t.xpos != "VBN" && t.xpos != "VBG"
    };
    for i in 1..words.len().saturating_sub(1) {
        if tags[..i].iter().any(finite) {
            return;
        }
        let w = words[i].to_lowercase();
        let participle = tags[i].upos == Upos::ADJ || tags[i].xpos == "VBN";
        // A capitalized word is a heading's or a name's ("Rated Attorney").
        let lower = words[i].chars().next().is_some_and(char::is_lowercase);
        if !participle
            || !lower
            || !w.ends_with("ed")
            || w.len() < 5
            || NAMING.contains(&w.as_str())
        {
            continue;
        }
        // The subject's head right before: a noun ("guerrillas", "the army", "Israel").
        let subject = matches!(tags[i - 1].xpos, "NN" | "NNS" | "NNP" | "NNPS");
        // What follows opens an object: a determiner, number, pronoun, adjective or noun.
        let object = matches!(
            tags[i + 1].upos,
            Upos::DET | Upos::NUM | Upos::PRON | Upos::PROPN
        ) || matches!(tags[i + 1].xpos, "JJ" | "NNS" | "NNP" | "NNPS" | "PRP$");
        if subject && object {
            tags[i] = TagOut {
                upos: Upos::VERB,
                xpos: "VBD",
            };
            return;
        }
    }
}

/// Retags, in place, a form of "have" read as a main verb right before a past participle:
/// "has threatened", "had expelled" make a perfect, whose "have" is the auxiliary. (A main
/// "have" takes its object first: "has the car repaired".)
pub fn repair_perfect_auxiliaries(words: &[&str], tags: &mut [TagOut]) {
    for i in 0..words.len().saturating_sub(1) {
        let have = matches!(
            words[i].to_lowercase().as_str(),
            "have" | "has" | "had" | "having" | "'ve" | "'d"
        );
        if have && tags[i].upos == Upos::VERB && tags[i + 1].xpos == "VBN" {
            tags[i].upos = Upos::AUX;
        }
    }
}

/// Retags, in place, an "-ing" word read as a noun between a preposition and what it governs
/// ("accused X of siding with Y", "by shelling the town"): there it is a gerund, a verb with
/// its own complement. A noun after a determiner ("the meeting with Y") stays a noun.
pub fn repair_gerunds(words: &[&str], tags: &mut [TagOut]) {
    const PREPOSITIONS: &[&str] = &[
        "of", "for", "by", "from", "about", "without", "after", "before",
    ];
    const COMPLEMENTS: &[&str] = &["with", "to", "against", "into", "on"];
    for i in 1..words.len().saturating_sub(1) {
        let w = words[i].to_lowercase();
        let gerund = tags[i].upos == Upos::NOUN && w.ends_with("ing") && w.len() > 5;
        let after_preposition = PREPOSITIONS.contains(&words[i - 1].to_lowercase().as_str());
        let next = &tags[i + 1];
        let governs = matches!(next.upos, Upos::DET | Upos::PROPN | Upos::PRON)
            || COMPLEMENTS.contains(&words[i + 1].to_lowercase().as_str());
        if gerund && after_preposition && governs {
            tags[i] = TagOut {
                upos: Upos::VERB,
                xpos: "VBG",
            };
        }
    }
}

/// Words for a time, which take no "that" clause of their own.
const TIME_NOUNS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "day",
];

/// Re-hangs, in place, a "that" clause the parser attached to a time adjunct of a verb ("said
/// on Monday that it would …", "announced Tuesday that …"): a time takes no "that" clause, so
/// the clause is the verb's complement. (A noun's own content clause, "after an allegation
/// that …", stays.)
pub fn repair_that_clauses(words: &[&str], arcs: &mut [Arc]) {
    for v in 0..arcs.len() {
        if !arcs[v].deprel.starts_with("acl") || arcs[v].head == 0 {
            continue;
        }
        // Opened by "that" as a conjunction: its "mark", or a "that" before a subject of the
        // clause's own (then no relative pronoun: "said on Monday that Chile must …").
        let that = (0..v).find(|&c| arcs[c].head == v + 1 && words[c].eq_ignore_ascii_case("that"));
        let own_subject = |t: usize| {
            (t + 1..v).any(|c| arcs[c].head == v + 1 && arcs[c].deprel.starts_with("nsubj"))
        };
        let opened = that.is_some_and(|t| arcs[t].deprel == "mark" || own_subject(t));
        let noun = arcs[v].head - 1;
        let adjunct = arcs[noun].deprel.starts_with("obl")
            && arcs[noun].head > 0
            && TIME_NOUNS.contains(&words[noun].to_lowercase().as_str());
        let verb = arcs[noun].head;
        let has_complement = arcs.iter().any(|a| a.head == verb && a.deprel == "ccomp");
        if opened && adjunct && !has_complement {
            arcs[v] = Arc {
                head: verb,
                deprel: "ccomp",
            };
            if let Some(t) = that {
                arcs[t].deprel = "mark";
            }
        }
    }
}

/// Nouns ending in "-ly" that the tagger, led by the suffix, reads as adverbs or adjectives
/// ("Chile's closest ally"). None of them is an adverb; their verb uses ("to ally with",
/// "to rally") are tagged as verbs and stay.
const LY_NOUNS: &[&str] = &[
    "ally",
    "allies",
    "rally",
    "rallies",
    "assembly",
    "assemblies",
    "family",
    "families",
    "monopoly",
    "anomaly",
    "homily",
];

/// Retags, in place, "-ly" nouns read as adverbs or adjectives.
pub fn repair_ly_nouns(words: &[&str], tags: &mut [TagOut]) {
    for (w, t) in words.iter().zip(tags.iter_mut()) {
        if matches!(t.upos, Upos::ADV | Upos::ADJ) && LY_NOUNS.contains(&w.to_lowercase().as_str())
        {
            let plural = w.ends_with('s') || w.ends_with('S');
            *t = TagOut {
                upos: Upos::NOUN,
                xpos: if plural { "NNS" } else { "NN" },
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Models;

    fn tags_of(sentence: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let (tags, _) = Models::embedded().analyze_news(&words);
        words
            .iter()
            .zip(tags)
            .map(|(w, t)| (w.to_string(), t.xpos))
            .collect()
    }

    fn xpos(sentence: &str, word: &str) -> &'static str {
        tags_of(sentence)
            .into_iter()
            .find(|(w, _)| w == word)
            .map(|(_, t)| t)
            .unwrap()
    }

    #[test]
    fn a_lead_verb_before_its_object_is_past_tense() {
        let s = "Freedonian nationalist guerrillas wounded two Sylvanian soldiers in a bomb attack , police said .";
        assert_eq!(xpos(s, "wounded"), "VBD");
    }

    #[test]
    fn a_reduced_relative_stays_as_tagged() {
        for (s, word) in [
            ("Soldiers wounded in the attack were flown to Sylvania .", 1),
            ("Guerrillas armed by the regime attacked the capital .", 1),
            ("An organization named Free Sylvania protested .", 2),
        ] {
            let words: Vec<&str> = s.split(' ').collect();
            let m = Models::embedded();
            assert_eq!(
                m.analyze(&words).0[word],
                m.analyze_news(&words).0[word],
                "{s}"
            );
        }
    }

    #[test]
    fn the_main_verb_after_a_reduced_relative_is_past_tense() {
        let s = "Guerrillas armed by the regime attacked the capital .";
        assert_eq!(xpos(s, "attacked"), "VBD");
    }

    #[test]
    fn have_before_a_participle_is_the_auxiliary() {
        let tag = |upos, xpos| TagOut { upos, xpos };
        let words = [
            "Tolvania",
            "has",
            "threatened",
            "Sylvania",
            "and",
            "has",
            "the",
            "car",
        ];
        let mut tags = vec![
            tag(Upos::PROPN, "NNP"),
            tag(Upos::VERB, "VBZ"),
            tag(Upos::VERB, "VBN"),
            tag(Upos::PROPN, "NNP"),
            tag(Upos::CCONJ, "CC"),
            tag(Upos::VERB, "VBZ"),
            tag(Upos::DET, "DT"),
            tag(Upos::NOUN, "NN"),
        ];
        repair_perfect_auxiliaries(&words, &mut tags);
        assert_eq!(tags[1], tag(Upos::AUX, "VBZ"));
        // A "have" with an object after it stays the main verb.
        assert_eq!(tags[5], tag(Upos::VERB, "VBZ"));
    }

    #[test]
    fn an_ing_noun_between_a_preposition_and_its_complement_is_a_gerund() {
        let tag = |upos, xpos| TagOut { upos, xpos };
        let words = [
            "accused", "Tolvania", "of", "siding", "with", "Sylvania", "at", "the", "meeting",
        ];
        let mut tags = vec![
            tag(Upos::VERB, "VBD"),
            tag(Upos::PROPN, "NNP"),
            tag(Upos::ADP, "IN"),
            tag(Upos::NOUN, "NN"),
            tag(Upos::ADP, "IN"),
            tag(Upos::PROPN, "NNP"),
            tag(Upos::ADP, "IN"),
            tag(Upos::DET, "DT"),
            tag(Upos::NOUN, "NN"),
        ];
        repair_gerunds(&words, &mut tags);
        assert_eq!(tags[3], tag(Upos::VERB, "VBG"));
        assert_eq!(tags[8], tag(Upos::NOUN, "NN"));
    }

    #[test]
    fn a_that_clause_after_an_adjunct_is_the_verbs() {
        let words = [
            "Tolvania", "said", "on", "Monday", "that", "it", "would", "leave",
        ];
        let arc = |head, deprel| Arc { head, deprel };
        let mut arcs = vec![
            arc(2, "nsubj"),
            arc(0, "root"),
            arc(4, "case"),
            arc(2, "obl"),
            arc(8, "mark"),
            arc(8, "nsubj"),
            arc(8, "aux"),
            arc(4, "acl:relcl"),
        ];
        repair_that_clauses(&words, &mut arcs);
        assert_eq!(arcs[7], arc(2, "ccomp"));
        // A noun's own content clause stays: "the claim that it would leave".
        let words = [
            "They", "denied", "the", "claim", "that", "it", "would", "leave",
        ];
        let mut arcs = vec![
            arc(2, "nsubj"),
            arc(0, "root"),
            arc(4, "det"),
            arc(2, "obj"),
            arc(8, "mark"),
            arc(8, "nsubj"),
            arc(8, "aux"),
            arc(4, "acl"),
        ];
        let before = arcs.clone();
        repair_that_clauses(&words, &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn a_clause_with_a_finite_verb_before_is_left_alone() {
        let tag = |upos, xpos| TagOut { upos, xpos };
        let words = ["Police", "said", "rebels", "wounded", "two", "soldiers"];
        let mut tags = vec![
            tag(Upos::NOUN, "NNS"),
            tag(Upos::VERB, "VBD"),
            tag(Upos::NOUN, "NNS"),
            tag(Upos::ADJ, "JJ"),
            tag(Upos::NUM, "CD"),
            tag(Upos::NOUN, "NNS"),
        ];
        let before = tags.clone();
        repair_news_verbs(&words, &mut tags);
        assert_eq!(tags, before);
        // Without the verb of saying, the same words are repaired.
        let mut tags = before[2..].to_vec();
        repair_news_verbs(&words[2..], &mut tags);
        assert_eq!(tags[1].xpos, "VBD");
    }

    #[test]
    fn ly_nouns_are_nouns() {
        let tags = tags_of("Rebels killed the commander of Chile 's closest ally on Sunday .");
        assert_eq!(tags[8], ("ally".to_string(), "NN"));
    }
}
