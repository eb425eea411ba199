//! Repairs of tagging errors typical of news prose, applied before parsing.
//!
//! The tagger learned from web text (EWT), where a past participle after a noun usually
//! starts a reduced relative ("soldiers wounded in the attack"). News leads put the
//! simple past there instead ("Rebels wounded two soldiers, police said."), and a sentence
//! whose only finite verb is the attribution at its end loses its main act. When no finite
//! verb comes before such a word and it is followed by the start of a noun phrase, not by a
//! preposition, it is the clause's verb.

use super::{TagOut, Upos};

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
