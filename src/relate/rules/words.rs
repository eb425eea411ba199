//! The rules' word lists, each read by its name from `data/lexicon/rule_words.tsv` (where a
//! comment says what each is for), loaded once.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::verb_forms;

const DATA: &str = include_str!("../../../data/lexicon/rule_words.tsv");

/// Declares the lists: a field of [`Words`] per list, named as in the data file.
macro_rules! word_lists {
    ($($list:ident,)*) => {
        /// The rules' word lists, each in the order of the data file.
        #[derive(Debug)]
        pub(in crate::relate) struct Words {
            $(pub(in crate::relate) $list: Vec<&'static str>,)*
        }

        impl Words {
            /// Takes every list out of `lists` by name: a list missing, or one left over that
            /// no rule reads, is an error.
            fn take(mut lists: BTreeMap<&'static str, Vec<&'static str>>) -> Result<Words, String> {
                let words = Words {
                    $($list: lists
                        .remove(stringify!($list))
                        .ok_or(concat!("rule_words.tsv: no list ", stringify!($list)))?,)*
                };
                match lists.keys().next() {
                    Some(name) => Err(format!("rule_words.tsv: unknown list {name:?}")),
                    None => Ok(words),
                }
            }
        }
    };
}

word_lists! {
    private_people,
    within_prepositions,
    elsewhere_prepositions,
    place_nouns,
    custody,
    subject_pronouns,
    possessive_pronouns,
    passive_aux,
    time_and_quantity,
    message_nouns,
    intent_verbs,
    auxiliaries,
    prepositions,
    light_verbs,
    negators,
    denial_forms,
    hedges,
    intent_adjectives,
    unwilling,
    adjective_context,
    participle_prepositions,
    demand_verbs,
    state_heads,
    people_of_a_place,
    speech_nouns,
    target_cases,
    object_phrase_cases,
    locatives,
    hedge_aux,
    hedge_adv,
    alleged_adj,
    alleging,
    likely,
    announcing_verbs,
    pledges,
    denial_verbs,
    time_nouns,
    refusals,
    membership_verbs,
    proposals,
    enabling_nouns,
    speech_verbs,
    hazards,
    mediation,
    involvement,
    halting,
    relational,
    halting_nouns,
    easing,
    counted_prepositions,
    comparative_quantities,
    disapproving_speech,
    attack_time_nouns,
    stances,
    speech_settings,
    support_means,
    giving_verbs,
    question_verbs,
    expelling_verbs,
    backing_words,
}

/// The built-in lists, parsed once.
pub(in crate::relate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| parse(DATA).expect("data/lexicon/rule_words.tsv is valid"))
}

/// Reads `name<TAB>words` lines; the lines of one name make one list, in order.
fn parse(data: &'static str) -> Result<Words, String> {
    let mut lists: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (name, list) = line
            .split_once('\t')
            .ok_or_else(|| format!("rule_words.tsv:{}: no tab", n + 1))?;
        lists
            .entry(name)
            .or_default()
            .extend(list.split_whitespace());
    }
    Words::take(lists)
}

/// Every inflected form of the light verbs, built once.
pub(in crate::relate) fn light_verb_forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        words()
            .light_verbs
            .iter()
            .flat_map(|v| verb_forms(v).into_iter().map(|(f, _)| f))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse_in_file_order() {
        let w = words();
        assert_eq!(w.subject_pronouns, ["he", "she", "they", "it"]);
        // A list over several lines reads on in order.
        assert_eq!(w.private_people.first(), Some(&"tourist"));
        assert_eq!(w.private_people.last(), Some(&"pilgrims"));
        assert!(w.light_verbs.len() > 60);
        assert!(light_verb_forms().contains("signed"));
    }

    #[test]
    fn unknown_or_missing_lists_are_refused() {
        let extra = concat!(
            include_str!("../../../data/lexicon/rule_words.tsv"),
            "no_such_list\tword\n"
        );
        assert!(parse(extra).unwrap_err().contains("no_such_list"));
        assert!(parse("hedges\tcould\n").unwrap_err().contains("no list"));
        assert!(parse("hedges could\n").unwrap_err().contains("no tab"));
    }
}
