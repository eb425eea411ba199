//! The rules' proposals ([`super::rules`]) on sentences written for the purpose: what each
//! rule reads. (The model decides what becomes a relation; its tests are in `model_tests.rs`.)

use crate::lexicon::Lexicon;
use crate::{recognize, resolve, text};

/// (source label, relation, target label, negated) of every relation the rules propose in
/// `text`.
fn relations(text: &str) -> Vec<(String, String, String, bool)> {
    let lexicon = Lexicon::builtin();
    let layout = text::segment(text);
    let candidates = recognize::recognize(text, &layout, lexicon);
    let resolved = resolve::resolve(text, &candidates, lexicon);
    super::rule_relations(text, &layout, &resolved, lexicon)
        .iter()
        .map(|r| {
            (
                resolved.entities[r.source].label.clone(),
                r.kind.to_string(),
                resolved.entities[r.target].label.clone(),
                r.negated,
            )
        })
        .collect()
}

fn states(text: &str, source: &str, relation: &str, target: &str) -> bool {
    let symmetric = ["cooperates-with", "meets-with", "negotiates-with"].contains(&relation);
    relations(text).iter().any(|(s, r, t, n)| {
        r == relation
            && !n
            && (s == source && t == target || symmetric && s == target && t == source)
    })
}

fn denies(text: &str, source: &str, relation: &str, target: &str) -> bool {
    relations(text)
        .iter()
        .any(|(s, r, t, n)| s == source && r == relation && t == target && *n)
}

fn nothing_between(text: &str, a: &str, b: &str) -> bool {
    !relations(text)
        .iter()
        .any(|(s, _, t, _)| (s == a && t == b) || (s == b && t == a))
}

#[test]
fn verbs_in_every_form_and_tense() {
    for text in [
        "Peru accuses Chile of spying.",
        "Peru accused Chile of spying.",
        "Peru has repeatedly accused Chile of spying.",
        "Peru is accusing Chile of spying.",
        "Officials say Peru and Bolivia accuse Chile of spying.",
        "Peru will not accuse Chile of spying, but it did accuse Chile of lying.",
    ] {
        assert!(
            states(text, "Peru", "accuses", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn phrasal_and_multiword_triggers() {
    assert!(
        states(
            "Peru handed over two suspects to Chile.",
            "Peru",
            "extradites",
            "Chile"
        ) || !relations("Peru handed over two suspects to Chile.").is_empty()
    );
    assert!(states(
        "Peru will work with Chile on trade.",
        "Peru",
        "cooperates-with",
        "Chile"
    ));
    assert!(
        states(
            "Peru imposed tariffs on Chile.",
            "Peru",
            "sanctions",
            "Chile"
        ),
        "{:?}",
        relations("Peru imposed tariffs on Chile.")
    );
}

#[test]
fn nominal_triggers() {
    let text = "Former President Ana Vidal's repeated threats of military action against Chile alarmed investors.";
    assert!(
        states(text, "Ana Vidal", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "The agreement between Peru and Chile was signed in Lima.";
    assert!(
        states(text, "Chile", "cooperates-with", "Peru"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn organizations_based_in_a_place_are_located_there() {
    let text = "The Lima Water Agency, based in Cusco, denied it.";
    assert!(
        states(text, "Lima Water Agency", "located-in", "Cusco"),
        "{:?}",
        relations(text)
    );
    let text = "The Andean Council, which is headquartered in Lima, met on Monday.";
    assert!(
        states(text, "Andean Council", "located-in", "Lima"),
        "{:?}",
        relations(text)
    );
    // A person is not placed by it, nor is a place named after "in" for another reason.
    let text = "Ana Vidal, based in Cusco, denied it.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "located-in"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn roles_in_apposition_are_static_relations() {
    let text = "Ana Vidal, the director of the Lima Water Agency, said the plan would work.";
    assert!(
        states(text, "Ana Vidal", "leader-of", "Lima Water Agency"),
        "{:?}",
        relations(text)
    );
    let text = "Pedro Soto, a spokesman for the Andean Council, declined to comment.";
    assert!(
        states(text, "Pedro Soto", "member-of", "Andean Council"),
        "{:?}",
        relations(text)
    );
    let text = "The director of the Lima Water Agency, Ana Vidal, said the plan would work.";
    assert!(
        states(text, "Ana Vidal", "leader-of", "Lima Water Agency"),
        "{:?}",
        relations(text)
    );
    let text = "Peru's transport minister, Ana Vidal, said the plan would work.";
    assert!(
        states(text, "Ana Vidal", "member-of", "Peru"),
        "{:?}",
        relations(text)
    );
    // A role that is not the person's: "X, who met the director of Y" states nothing, nor
    // does a comma between a person and a place.
    let text = "Ana Vidal, who met the director of the Lima Water Agency, left.";
    assert!(
        !states(text, "Ana Vidal", "leader-of", "Lima Water Agency"),
        "{:?}",
        relations(text)
    );
    let text = "Ana Vidal, president of Peru, spoke.";
    assert!(
        states(text, "Ana Vidal", "leader-of", "Peru"),
        "{:?}",
        relations(text)
    );
    // A demonym describing a noun is no holder: the role is in the city.
    let text = "Ana Vidal, mayor of the Peruvian city of Cusco, was stabbed.";
    assert!(
        !states(text, "Ana Vidal", "leader-of", "Peru"),
        "{:?}",
        relations(text)
    );
    let text = "Ana Vidal, Peru, and Chile signed it.";
    assert!(
        relations(text)
            .iter()
            .all(|(_, r, _, _)| r != "member-of" && r != "leader-of"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn static_relations_from_phrasing() {
    let text = "Peruvian President Ana Vidal spoke. Members of Vidal's Blue party met. Blue Cartel leader Pedro Soto fled.";
    assert!(
        states(text, "Ana Vidal", "leader-of", "Peru"),
        "{:?}",
        relations(text)
    );
    assert!(
        states(text, "Ana Vidal", "member-of", "Blue"),
        "{:?}",
        relations(text)
    );
    assert!(
        states(text, "Pedro Soto", "leader-of", "Blue Cartel"),
        "{:?}",
        relations(text)
    );
    let text = "The U.S. Drug Enforcement Administration said so.";
    assert!(
        states(
            text,
            "Drug Enforcement Administration",
            "part-of",
            "United States"
        ),
        "{:?}",
        relations(text)
    );
}

#[test]
fn passive_voice_swaps_the_arguments() {
    let text = "Pedro Soto was extradited to Chile by Peru.";
    assert!(
        relations(text)
            .iter()
            .any(|(s, r, _, _)| s == "Peru" && r == "extradites"),
        "{:?}",
        relations(text)
    );
    let text = "Chile was attacked by Peru.";
    assert!(
        states(text, "Peru", "attacks", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn coordination() {
    let text = "Peru and Chile are establishing an alliance.";
    let found = relations(text);
    assert_eq!(found.len(), 1, "one symmetric edge: {found:?}");
    let text = "Peru and Bolivia accused Chile of spying.";
    assert!(
        states(text, "Peru", "accuses", "Chile") && states(text, "Bolivia", "accuses", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn pronouns_take_the_nearest_compatible_antecedent() {
    let text = "Pedro Soto testified in a Lima court that he had bribed Chilean politicians.";
    assert!(
        states(text, "Pedro Soto", "bribes", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn it_after_a_verb_of_saying_is_the_speaker() {
    let text = "Peru said today it had expelled two Chilean diplomats based in Lima for spying.";
    assert!(
        states(text, "Peru", "sanctions", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn news_leads_keep_their_verb_and_object() {
    // The tagger reads "wounded" after a noun as a participle, and the parser may take the
    // object for a measure phrase; the attribution at the end is the only other verb.
    for text in [
        "Chilean nationalist guerrillas wounded two Peruvian soldiers in a bomb attack on Thursday, police said.",
        "The rebels wounded two Peruvian soldiers in Lima, police said.",
    ] {
        assert!(
            relations(text)
                .iter()
                .any(|(_, r, t, _)| r == "attacks" && t == "Peru"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn a_place_near_an_explosion_is_not_its_author() {
    let text = "A roadside bomb near the town of Arica killed two Peruvian soldiers on Sunday.";
    assert!(
        !relations(text)
            .iter()
            .any(|(s, r, _, _)| r == "attacks" && s == "Arica"),
        "{:?}",
        relations(text)
    );
    // A state's body in a place is that state's.
    let text = "Police in Chile arrested two Peruvian smugglers.";
    assert!(
        relations(text).iter().any(|(_, r, _, _)| r == "arrests"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn cutting_a_tie_reduces_relations() {
    for (text, source, target) in [
        ("Peru cut aid to Chile.", "Peru", "Chile"),
        (
            "Peru has suspended military assistance to Bolivia.",
            "Peru",
            "Bolivia",
        ),
        (
            "A Peruvian minister has cancelled a planned visit to Chile.",
            "Peru",
            "Chile",
        ),
        (
            "Chilean officers today ended mediation efforts between Peru and Bolivia.",
            "Chile",
            "Bolivia",
        ),
    ] {
        assert!(
            states(text, source, "sanctions", target),
            "{text}: {:?}",
            relations(text)
        );
        assert!(
            !relations(text).iter().any(|(_, r, _, _)| matches!(
                r.as_str(),
                "aids" | "meets-with" | "negotiates-with"
            )),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn what_a_demand_asks_for_is_no_act_and_not_its_addressee() {
    let text = "Peru demanded the removal of President Ana Kovic.";
    assert!(
        states(text, "Peru", "demands", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "extradites"),
        "{:?}",
        relations(text)
    );
    // The request is made of Chile; the detainees are what it is about.
    let text = "Chile has rejected a Peruvian request to interrogate Bolivian detainees.";
    assert!(
        !relations(text)
            .iter()
            .any(|(_, r, t, _)| r == "demands" && t.contains("Bolivia")),
        "{:?}",
        relations(text)
    );
}

#[test]
fn hyphenated_participles_are_adjectives() {
    let text = "Peru today mounted its long-threatened invasion of Bolivia.";
    assert!(
        states(text, "Peru", "attacks", "Bolivia"),
        "{:?}",
        relations(text)
    );
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "threatens"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn of_two_subjects_the_named_one_acts() {
    let text = "Former FBI deputy director Pedro Soto praised Ana Kovic on Twitter.";
    assert!(
        states(text, "Pedro Soto", "praises", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn complaints_and_protests_name_what_they_are_about() {
    // The UN hears the complaint; the raids are what it is about.
    let text = "Peru complained to the United Nations on Tuesday over two Chilean air raids.";
    assert!(
        !relations(text)
            .iter()
            .any(|(_, r, t, _)| r == "criticizes" && t == "United Nations"),
        "{:?}",
        relations(text)
    );
    // An article in a phrase trigger stands for any article.
    let text = "Peru lodged an official protest with Chile today.";
    assert!(
        states(text, "Peru", "criticizes", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_participle_with_its_adjectives_preposition_is_the_adjective() {
    let text = "Peru is opposed to Chilean mediation in the border dispute.";
    assert!(
        states(text, "Peru", "rejects", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Peru is allied with Chile.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn what_the_subject_owns_is_no_other_party() {
    let text = "Peru urged its citizens to leave Chile.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "demands"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn an_indefinite_apposition_is_no_conjunct() {
    let text = "Peru, a key U.S. ally in the war against drugs, has accused Chile of spying.";
    assert!(
        states(text, "Peru", "accuses", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !relations(text)
            .iter()
            .any(|(s, _, _, _)| s == "United States"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_mediator_consults_each_side() {
    for text in [
        "Norway mediated between Peru and Chile.",
        "Norway's foreign minister launched a mediation effort on Saturday between Peru and Chile.",
    ] {
        assert!(
            states(text, "Norway", "negotiates-with", "Peru")
                && states(text, "Norway", "negotiates-with", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
        assert!(
            nothing_between(text, "Peru", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn the_parse_reads_the_truth_of_what_the_rules_find() {
    let text = "Peru said it would not meet hostage-takers demands to release prisoners in Chile.";
    assert!(
        !relations(text)
            .iter()
            .any(|(_, r, _, n)| r == "demands" && !n),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_participle_after_a_past_verb_is_an_adjective() {
    let text = "Chile extradited suspected Peruvian militant Pedro Soto to Peru on Sunday.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "accuses"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_participle_modifier_is_no_light_verb() {
    let text = "Chilean settlers set fire to the offices of the Peruvian administrators following the killing of a Bolivian man, residents said.";
    assert!(
        !relations(text)
            .iter()
            .any(|(s, r, t, _)| r == "attacks" && s == "Peru" && t == "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn an_infinitive_reaches_its_target_only_through_target_prepositions() {
    let text = "Peru threatened to launch a new military offensive in its Andes war with Chile unless Lima accepted its conditions.";
    assert!(
        !relations(text)
            .iter()
            .any(|(_, r, t, _)| r == "threatens" && t == "Andes"),
        "{:?}",
        relations(text)
    );
    let text = "Peru today threatened to break off diplomatic relations with Chile on the eve of a visit here by the Organization of American States.";
    assert!(
        states(text, "Peru", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !relations(text)
            .iter()
            .any(|(_, r, t, _)| r == "threatens" && t.contains("American States")),
        "{:?}",
        relations(text)
    );
    let text = "Peru has refused to deploy peacekeepers in Bolivia.";
    assert!(
        states(text, "Peru", "rejects", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn obligations_said_by_a_noun_of_saying_or_in_a_misparsed_clause_are_demands() {
    for text in [
        "The Peruvian government declared Tuesday that Chile must drop barriers to Peruvian exports or face tariff penalties.",
        "Peruvian President Ana Kovic issued a stern reminder Saturday to Chile that it must cooperate fully with UN inspectors.",
    ] {
        assert!(
            relations(text)
                .iter()
                .any(|(_, r, t, _)| r == "demands" && t == "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn sources_of_information_are_not_actors() {
    let text = "According to Reuters, Peru accused Chile of spying.";
    assert!(states(text, "Peru", "accuses", "Chile"));
    assert!(
        nothing_between(text, "Reuters", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn negation_marks_the_edge() {
    assert!(denies(
        "Peru did not accuse Chile of spying.",
        "Peru",
        "accuses",
        "Chile"
    ));
    assert!(denies(
        "Peru never attacked Chile.",
        "Peru",
        "attacks",
        "Chile"
    ));
    let text = "Peru refused to meet Chile.";
    assert!(
        states(text, "Peru", "rejects", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn hedges_and_questions_state_nothing() {
    assert!(nothing_between("Peru could attack Chile.", "Peru", "Chile"));
    assert!(nothing_between("Will Peru attack Chile?", "Peru", "Chile"));
    // An obligation is no act, whichever path finds the arguments.
    assert!(nothing_between(
        "Peru should extradite Pedro Alves to Chile.",
        "Peru",
        "Pedro Alves"
    ));
    assert!(nothing_between(
        "Peru must hand over Pedro Alves to Chile.",
        "Peru",
        "Pedro Alves"
    ));
}

#[test]
fn an_attack_by_label_setting_or_company_is_verbal() {
    for text in [
        "Ana Kovic attacked Marco Ruiz as a career politician.",
        "Ana Kovic attacked Marco Ruiz during the televised debate.",
        "Ana Kovic attacked Marco Ruiz and blasted his record.",
        "Ana Kovic attacked Marco Ruiz's plan as \"Free Money nonsense.\"",
    ] {
        assert!(
            states(text, "Ana Kovic", "criticizes", "Marco Ruiz"),
            "{text}: {:?}",
            relations(text)
        );
        assert!(
            !states(text, "Ana Kovic", "attacks", "Marco Ruiz"),
            "{text}"
        );
    }
    // The label is no party.
    let text = "Ana Kovic attacked the plan as \"Free Money nonsense.\"";
    assert!(relations(text).is_empty(), "{:?}", relations(text));
    for text in [
        "Gunmen attacked Marco Ruiz during the night.",
        "Gunmen attacked Marco Ruiz as he left his home.",
    ] {
        assert!(
            states(text, "gunmen", "attacks", "Marco Ruiz"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn participles_used_as_adjectives_are_not_triggers() {
    let text = "Peru extradited the accused cartel members to Chile.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "accuses"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn intentions_are_threats_or_intents_to_cooperate() {
    assert!(states(
        "Peru threatened to impose sanctions on Chile.",
        "Peru",
        "threatens",
        "Chile"
    ));
    assert!(!relations("Peru threatened to impose sanctions on Chile.")
        .iter()
        .any(|(_, r, _, _)| r == "sanctions"));
    let text = "Peru will support Chile.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn complements_carry_the_target() {
    assert!(states(
        "Peru demanded that Chile withdraw its troops.",
        "Peru",
        "demands",
        "Chile"
    ));
    assert!(
        states(
            "Peru rejected recent calls by Chile for talks.",
            "Peru",
            "rejects",
            "Chile"
        ),
        "{:?}",
        relations("Peru rejected recent calls by Chile for talks.")
    );
    assert!(states(
        "Peru on Monday threatened to cut off electricity to Chile.",
        "Peru",
        "threatens",
        "Chile"
    ));
}

#[test]
fn evaluative_speech() {
    let text = "Ana Vidal spoke very positively about Chile's government.";
    assert!(
        states(text, "Ana Vidal", "praises", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn laws_events_and_storms_are_not_actors() {
    let text = "Governor Ana Ruiz signed the Coastal Protection Act on Monday.";
    assert!(nothing_between(text, "Ana Ruiz", "Coastal Protection Act"));
    let text = "Hurricane Lorenzo hit Portugal on Tuesday.";
    assert!(nothing_between(text, "Hurricane Lorenzo", "Portugal"));
}

#[test]
fn calling_something_a_name_is_no_meeting() {
    let text = "Pedro Alves founded a company called Vexa Industries in Lisbon.";
    assert!(nothing_between(text, "Pedro Alves", "Vexa Industries"));
    let text = "The colony, then called Southern Rhodesia, was ruled by Britain.";
    assert!(nothing_between(text, "Southern Rhodesia", "United Kingdom"));
}

#[test]
fn obligations_stated_on_others_are_demands() {
    let text = "Peru said on Monday that Chile must withdraw its troops from the border.";
    assert!(
        states(text, "Peru", "demands", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Bolivia should stop arming the rebels, Peru declared.";
    assert!(
        states(text, "Peru", "demands", "Bolivia"),
        "{:?}",
        relations(text)
    );
    // What someone must do has not been done.
    let text = "Peru said that Chile must cooperate with Bolivia.";
    assert!(
        !states(text, "Chile", "cooperates-with", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn proposed_acts_state_nothing() {
    let text = "Bolivia rejected a Chilean proposal to attack Peru.";
    assert!(
        !states(text, "Chile", "attacks", "Peru"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn compound_noun_triggers_are_read_at_their_head() {
    let text = "Peru has promised to continue military aid to Chile.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn expelling_diplomats_sanctions_their_state() {
    let text = "Peru said it had expelled two Chilean diplomats for spying.";
    assert!(
        states(text, "Peru", "sanctions", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn arms_supplies_and_borders() {
    let text = "Peru continued to send arms to Chile last year.";
    assert!(
        states(text, "Peru", "aids", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Peru closed its northern borders with Ecuador on Monday.";
    assert!(
        states(text, "Peru", "sanctions", "Ecuador"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn one_arrests_people_not_places() {
    let text = "The Green Party held caucuses in Portugal on Saturday.";
    assert!(nothing_between(text, "Green Party", "Portugal"));
    let text = "Peruvian police arrested Pedro Alves on Friday.";
    assert!(
        relations(text)
            .iter()
            .any(|(_, r, t, _)| r == "arrests" && t == "Pedro Alves"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_demanded_act_is_no_threat() {
    // "demand" governs what others should do: no intention of the speaker's own.
    let text = "Peru demanded to question Chile's ambassador.";
    assert!(
        !states(text, "Peru", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_possessor_yields_to_the_organization_it_owns() {
    let text = "Ana Vidal's Blue Dawn Movement terror network has threatened Peru.";
    assert!(
        states(text, "Blue Dawn Movement", "threatens", "Peru"),
        "{:?}",
        relations(text)
    );
    // A state noun stays its possessor's: "Chile's military government" is Chile.
    let text = "Chile's military government has threatened Peru.";
    assert!(
        states(text, "Chile", "threatens", "Peru"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_mediator_takes_no_side() {
    // The talks are between the sides; the mediator consults both alike (CAMEO 043).
    let text = "Norway mediated talks between Peru and Chile.";
    assert!(
        states(text, "Peru", "negotiates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    let with_norway: Vec<_> = relations(text)
        .into_iter()
        .filter(|(s, _, _, _)| s == "Norway")
        .collect();
    assert!(
        with_norway.is_empty() || with_norway.len() == 2,
        "{:?}",
        relations(text)
    );
    let text = "The deal Norway brokered between Peru and Chile ended the dispute.";
    assert!(
        nothing_between(text, "Norway", "Peru"),
        "{:?}",
        relations(text)
    );
    assert!(states(text, "Peru", "cooperates-with", "Chile"));
}

#[test]
fn two_between_phrases_are_two_pairs() {
    let text =
        "Norway announced deals between Peru and Chile and between Bolivia, Ecuador, and Peru.";
    assert!(
        nothing_between(text, "Chile", "Bolivia"),
        "{:?}",
        relations(text)
    );
    assert!(states(text, "Peru", "cooperates-with", "Chile"));
}

#[test]
fn refusing_to_disavow_is_no_rejection() {
    let text = "Peru refused to disavow Chile.";
    assert!(
        !states(text, "Peru", "rejects", "Chile"),
        "{:?}",
        relations(text)
    );
    // Refusing to act on someone still rejects them.
    assert!(states(
        "Peru refused to lift the blockade on Chile.",
        "Peru",
        "rejects",
        "Chile"
    ));
}

#[test]
fn joining_a_party_is_membership() {
    let text = "Maria Lopez joined the Green Alliance Party in May.";
    assert!(
        nothing_between(text, "Maria Lopez", "Green Alliance Party"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_bare_state_noun_is_the_country_whose_phrase_has_its_head() {
    let text =
        "The Haitian government accused Peru of fraud. Later the government threatened Chile.";
    assert!(
        states(text, "Haiti", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Chilean soldiers crossed the border. The soldiers attacked Peru.";
    assert!(
        states(text, "Chile", "attacks", "Peru"),
        "{:?}",
        relations(text)
    );
    // Two countries share the head: the bare noun is neither's.
    let text = "Chilean soldiers and Bolivian soldiers met. The soldiers attacked Peru.";
    assert!(
        !relations(text)
            .iter()
            .any(|(s, _, t, _)| t == "Peru" && (s == "Chile" || s == "Bolivia")),
        "{:?}",
        relations(text)
    );
}

#[test]
fn one_meets_or_arrests_actors_not_things() {
    let text = "Carlos Mendez received the Liberty Party's presidential nomination in March.";
    assert!(
        nothing_between(text, "Carlos Mendez", "Liberty Party"),
        "{:?}",
        relations(text)
    );
    let text = "Ana Torres held a press conference claiming Luis Vega knew about the plan.";
    assert!(
        nothing_between(text, "Ana Torres", "Luis Vega"),
        "{:?}",
        relations(text)
    );
    // A delegation named by its country is an actor.
    assert!(states(
        "Peru received the Chilean delegation in Lima.",
        "Peru",
        "meets-with",
        "Chile"
    ));
}

#[test]
fn agreeing_that_is_an_opinion() {
    let text = "Peru and Chile agreed that the vaccine works.";
    assert!(
        nothing_between(text, "Peru", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_threat_names_its_target_in_the_condition() {
    let text = "Peru threatened to close its border unless Chile withdrew its troops.";
    assert!(
        states(text, "Peru", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn between_one_and_a_list_pairs_the_first_with_each() {
    let text = "Norway brokered deals between Peru and Chile, Bolivia, and Ecuador.";
    assert!(
        nothing_between(text, "Chile", "Bolivia"),
        "{:?}",
        relations(text)
    );
    assert!(
        nothing_between(text, "Norway", "Peru"),
        "{:?}",
        relations(text)
    );
    assert!(states(text, "Peru", "cooperates-with", "Ecuador"));
}

#[test]
fn joining_without_a_partner_cooperates_with_no_one() {
    let text =
        "The project, which involves Peru, Chile and Bolivia, is open for other countries to join.";
    assert!(
        nothing_between(text, "Peru", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_trip_to_a_city_meets_no_one() {
    let text = "Maria Lopez traveled to Lima last week.";
    assert!(
        nothing_between(text, "Maria Lopez", "Lima"),
        "{:?}",
        relations(text)
    );
    assert!(states(
        "Maria Lopez traveled to Chile last week.",
        "Maria Lopez",
        "meets-with",
        "Chile"
    ));
}

#[test]
fn trying_to_act_is_no_trial() {
    let text = "Peru accused Chile of trying to scare Bolivia.";
    assert!(
        nothing_between(text, "Chile", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn pushing_an_actor_to_nothing_is_no_demand() {
    let text = "Peru pushed Chile.";
    assert!(
        nothing_between(text, "Peru", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(states(
        "Peru pushed Chile to withdraw its troops.",
        "Peru",
        "demands",
        "Chile"
    ));
}

#[test]
fn an_attack_with_grounds_is_verbal() {
    let text = "Ana Torres attacked Luis Vega over his tax returns.";
    assert!(
        states(text, "Ana Torres", "criticizes", "Luis Vega"),
        "{:?}",
        relations(text)
    );
    assert!(!states(text, "Ana Torres", "attacks", "Luis Vega"));
    let text = "Ana Torres attacked Luis Vega on paying fewer taxes.";
    assert!(
        states(text, "Ana Torres", "criticizes", "Luis Vega"),
        "{:?}",
        relations(text)
    );
    assert!(states(
        "Ana Torres attacked Luis Vega with a knife.",
        "Ana Torres",
        "attacks",
        "Luis Vega"
    ));
}

#[test]
fn an_attempted_assassination_is_an_attack() {
    let text = "Rebels loyal to Peru's Shining Dawn leader Juan Ruiz said they attempted to \
                assassinate Prime Minister Carlos Mendez, in a statement.";
    assert!(
        states(text, "rebels", "attacks", "Carlos Mendez"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_plural_demonym_names_people_who_can_be_arrested() {
    let text = "Peru arrested more than 100 Bolivians on Saturday.";
    assert!(
        states(text, "Peru", "arrests", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_particle_makes_another_verb() {
    let text = "Carlos Mendez held up Luis Vega at the border.";
    assert!(
        nothing_between(text, "Carlos Mendez", "Luis Vega"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn speaking_at_an_event_meets_no_one() {
    let text = "Carlos Mendez was speaking at the opening of the Lima Peace Forum.";
    assert!(
        nothing_between(text, "Carlos Mendez", "Lima Peace Forum"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_noun_modifying_a_noun_is_no_verb() {
    let text = "Peru acquired Chilean mortar and shell manufacturer Andes Defence Group.";
    assert!(
        nothing_between(text, "Chile", "Andes Defence Group"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn sending_someone_to_act_hands_no_one_over() {
    let text = "Peru sent Foreign Minister Luis Vega to join the talks in Chile.";
    assert!(
        !states(text, "Peru", "extradites", "Luis Vega"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn groups_and_forces_that_open_a_sentence_are_actors() {
    let text = "Rebels attacked Peru on Monday.";
    assert!(
        states(text, "rebels", "attacks", "Peru"),
        "{:?}",
        relations(text)
    );
    let text = "Police arrested three rebels in Lima.";
    assert!(
        states(text, "police", "arrests", "rebels"),
        "{:?}",
        relations(text)
    );
    // Forces inside a sentence are no actor of their own.
    let text = "Peru criticized the decision of sending troops to Chile.";
    assert!(
        !relations(text)
            .iter()
            .any(|(s, _, t, _)| s == "troops" || t == "troops"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn would_in_reported_speech_is_an_intention() {
    // The future seen from the past: what the speaker says it would do, it intends.
    for text in [
        "Peru said it would impose sanctions on Chile.",
        "Peru said on Monday that it would impose sanctions on Chile.",
        "Peru confirmed on Wednesday it would tighten the naval blockade of Chile.",
    ] {
        assert!(
            states(text, "Peru", "threatens", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
    for text in [
        "Minister Ana Kovic said she would meet President Pedro Alves next week.",
        "Minister Ana Kovic spoke on Monday. She would meet President Pedro Alves next week, \
         her spokesman said.",
    ] {
        assert!(
            states(text, "Ana Kovic", "cooperates-with", "Pedro Alves"),
            "{text}: {:?}",
            relations(text)
        );
    }
    // A condition outside reported speech, a past condition, a judgement and a denied
    // announcement state nothing.
    for text in [
        "Peru would attack Chile if provoked.",
        "Peru said it would have attacked Chile.",
        "Peru said it would be a mistake to attack Chile.",
        "Peru did not say it would attack Chile.",
        // What others say someone would do is a prediction.
        "Analysts said Peru would attack Chile.",
    ] {
        assert!(
            nothing_between(text, "Peru", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn adjectives_of_intent_govern_an_intention() {
    for text in [
        "Peru is willing to meet Chile.",
        "Peru says it is ready to work with Chile.",
        "Peru said it would be prepared to meet Chile.",
    ] {
        assert!(
            states(text, "Peru", "cooperates-with", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
        assert!(
            !relations(text).iter().any(|(_, r, _, _)| r == "meets-with"),
            "{text}: {:?}",
            relations(text)
        );
    }
    let text = "Peru is determined to impose sanctions on Chile.";
    assert!(
        states(text, "Peru", "threatens", "Chile"),
        "{:?}",
        relations(text)
    );
    // Unwillingness, a denied intention and a prediction state no act.
    for text in [
        "Peru is unwilling to meet Chile.",
        "Peru is not willing to meet Chile.",
        "Peru did not agree to meet Chile.",
        "Peru is likely to attack Chile.",
        "Peru will probably attack Chile.",
    ] {
        assert!(
            !relations(text)
                .iter()
                .any(|(s, r, t, n)| !n && s == "Peru" && t == "Chile" && r != "rejects"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

/// Whether any non-negated relation of kind `relation` links `a` and `b`, either way.
fn links(text: &str, a: &str, relation: &str, b: &str) -> bool {
    relations(text)
        .iter()
        .any(|(s, r, t, n)| r == relation && !n && (s == a && t == b || s == b && t == a))
}

#[test]
fn announced_coercive_acts_are_threats() {
    for text in [
        "Peru said it would boycott all official contact with Chile.",
        "Peru announced that it will withdraw its peacekeepers from Chile.",
        "Peru announced that it will withdraw its troops from Chile unless Chile holds elections.",
        "Peru threatened to stop negotiations to reduce nuclear weapons if Chile goes ahead with the deployment.",
        "Peru said it would impose a curfew in Chile.",
    ] {
        assert!(
            states(text, "Peru", "threatens", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
        assert!(
            !links(text, "Peru", "rejects", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
    let text = "President Ana Kovic announced that she will extend the curfew in Lima.";
    assert!(
        states(text, "Ana Kovic", "threatens", "Lima"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn withdrawing_troops_rejects_no_one() {
    for text in [
        "Peru is willing to withdraw its troops from Chile.",
        "Peru withdrew its troops from Chile.",
    ] {
        assert!(
            nothing_between(text, "Peru", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
    // Inspectors and peacekeepers keep a state involved: withdrawing them reduces relations.
    let text = "Peru withdrew its inspectors from Chile.";
    assert!(
        states(text, "Peru", "sanctions", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn ending_an_act_reverses_it() {
    for text in [
        "Peru suspended talks with Chile.",
        "Peru stopped military aid to Chile.",
        "Peru ended its cooperation with Chile.",
        "Peru cancelled a planned visit to Chile.",
        "Peru withdrew its support for Chile.",
    ] {
        assert!(
            states(text, "Peru", "sanctions", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
        for kind in ["meets-with", "negotiates-with", "aids", "cooperates-with"] {
            assert!(
                !links(text, "Peru", kind, "Chile"),
                "{text}: {:?}",
                relations(text)
            );
        }
    }
    // A visit ended has taken place; a deal cut is made.
    let text = "Peru ended its three-day visit to Chile.";
    assert!(
        states(text, "Peru", "meets-with", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Peru cut a deal with Chile.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    // Lifting a sanction or ending an attack is no hostile act; announced, it is an intention
    // to cooperate.
    for text in [
        "Peru lifted the ban on the Blue Dawn Movement.",
        "Peru ended its blockade of Chile.",
        "Peru reduced tariffs on Chile.",
    ] {
        assert!(
            !relations(text)
                .iter()
                .any(|(s, r, _, _)| s == "Peru" && matches!(r.as_str(), "sanctions" | "attacks")),
            "{text}: {:?}",
            relations(text)
        );
    }
    let text = "Peru is prepared to lift the ban on the Blue Dawn Movement.";
    assert!(
        states(text, "Peru", "cooperates-with", "Blue Dawn Movement"),
        "{:?}",
        relations(text)
    );
    assert!(
        !states(text, "Peru", "threatens", "Blue Dawn Movement"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn rejecting_an_act_is_not_doing_it() {
    let text = "Peru boycotted the talks with Chile.";
    assert!(
        states(text, "Peru", "rejects", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !links(text, "Peru", "negotiates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Protesters of the Blue Dawn Movement defied the curfew in Lima.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "sanctions"),
        "{:?}",
        relations(text)
    );
    // The owner of the act still does it.
    let text = "Peru rejected Bolivia's accusations against Chile.";
    assert!(
        states(text, "Bolivia", "accuses", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_host_intends_to_meet_both_parties() {
    let text = "Peru will host talks between Chile and Bolivia.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        states(text, "Peru", "cooperates-with", "Bolivia"),
        "{:?}",
        relations(text)
    );
    assert!(
        nothing_between(text, "Chile", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_pledged_act_is_an_intention() {
    let text = "Peru pledged military aid to Chile.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !links(text, "Peru", "aids", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn curfews_and_martial_law_are_administrative_sanctions() {
    let text = "Peru declared martial law in the province of Cusco.";
    assert!(
        states(text, "Peru", "sanctions", "Cusco"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn an_announced_hand_over_cooperates_with_the_receiver() {
    for text in [
        "Peru will hand over the suspects to Chile.",
        "Peru has offered to hand over two of its nationals to Chile.",
    ] {
        assert!(
            states(text, "Peru", "cooperates-with", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
    // Things returned hand over no one; an announced expulsion is no cooperation.
    for text in [
        "Peru will return the stolen paintings to Chile.",
        "Peru will expel the suspects to Chile.",
    ] {
        assert!(
            !links(text, "Peru", "cooperates-with", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn releasing_and_allowing_state_a_relation_only_as_intentions() {
    let text = "The Blue Dawn Movement said it will release Minister Ana Kovic.";
    assert!(
        states(text, "Blue Dawn Movement", "cooperates-with", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
    let text = "Peru will allow Chilean inspectors into the country.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
    // Done, the act is a concession outside the vocabulary; a video released is no person.
    for (text, a, b) in [
        (
            "The Blue Dawn Movement released Minister Ana Kovic.",
            "Blue Dawn Movement",
            "Ana Kovic",
        ),
        (
            "The Blue Dawn Movement will release a video of Minister Ana Kovic.",
            "Blue Dawn Movement",
            "Ana Kovic",
        ),
        (
            "Peru allowed Chilean inspectors into the country.",
            "Peru",
            "Chile",
        ),
    ] {
        assert!(nothing_between(text, a, b), "{text}: {:?}", relations(text));
    }
}

#[test]
fn a_recipient_may_be_the_indirect_object() {
    let text = "Peru gave Chile a loan of five million dollars.";
    assert!(
        states(text, "Peru", "aids", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_bare_verb_shares_the_arguments_of_the_verb_coordinated_with_it() {
    // "donated" has no object of its own: it shares "delivered"'s, and the "to"-phrase of
    // the quantity's "of"-phrase.
    let text = "The government of Peru donated and personally delivered 500 tons of medicine to Bolivia last week.";
    assert!(
        states(text, "Peru", "aids", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_counted_object_is_an_object() {
    for text in [
        "Chilean rebels kidnapped up to 16 Peruvian soldiers.",
        "Peruvian soldiers kidnapped as many as 16 Bolivian farmers on Monday.",
    ] {
        assert!(
            relations(text).iter().any(|(_, r, t, n)| r == "attacks"
                && !n
                && (t == "Peru" || t == "Bolivian farmers")),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn a_disapproving_reporting_clause_after_the_report_targets_its_subject() {
    let text = "Chile is violating the rights of Bolivian workers, Peru complained on Monday.";
    assert!(
        states(text, "Peru", "criticizes", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Chilean police have beaten hundreds of protesters, a Peruvian rights group charged on Saturday.";
    assert!(
        states(text, "Peruvian rights group", "accuses", "Chile"),
        "{:?}",
        relations(text)
    );
    // The speaker is not an object of the reported act, though the parser joins it there.
    let text =
        "The Chilean army has been mistreating Bolivian migrants, Peruvian officials alleged.";
    assert!(
        states(text, "Peru", "accuses", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !states(text, "Chile", "attacks", "Peru"),
        "{:?}",
        relations(text)
    );
    // Saying is no disapproval.
    let text = "Chile is violating the rights of Bolivian workers, Peru said on Monday.";
    assert!(
        nothing_between(text, "Peru", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn abuse_and_expulsion_are_attacks() {
    let text = "Peruvian guards abused Bolivian prisoners.";
    assert!(
        states(text, "Peru", "attacks", "Bolivian prisoners"),
        "{:?}",
        relations(text)
    );
    let text = "Peruvian troops drove Bolivian farmers out of the village on Monday.";
    assert!(
        states(text, "Peru", "attacks", "Bolivian farmers"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn prohibiting_or_denying_aid_sanctions() {
    let text = "Peru prohibited all military aid to Chile on Monday.";
    assert!(
        !states(text, "Peru", "aids", "Chile"),
        "{:?}",
        relations(text)
    );
    let text = "Peru denied humanitarian aid to Bolivian refugees.";
    assert!(
        states(text, "Peru", "sanctions", "Bolivian refugees")
            && !states(text, "Peru", "aids", "Bolivian refugees"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn exploding_bombs_in_a_place_attacks_it() {
    let text = "Peruvian rebels kidnapped two Chilean engineers and exploded several bombs in Lima on Monday.";
    assert!(
        states(text, "Peruvian rebels", "attacks", "Lima")
            && states(text, "Peruvian rebels", "attacks", "Chile"),
        "{:?}",
        relations(text)
    );
    // The preposition before a title, hung on the title: "in the capital Santiago".
    let text = "Peruvian rebels exploded a bomb in the capital Santiago.";
    assert!(
        states(text, "Peruvian rebels", "attacks", "Santiago"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_preposition_hung_on_a_name_s_first_word_is_the_name_s() {
    // The parser hangs "with" on "Tomás", a compound of "Vidal".
    let text = "The announcement was made after Ana Kovic had a phone conversation with Chilean President Tomás Ruiz Vidal.";
    assert!(
        states(text, "Ana Kovic", "meets-with", "Tomás Ruiz Vidal"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn the_indirect_object_receives_what_the_verb_gives() {
    let text = "Peru gave Bolivia a loan of 50 million dollars on Monday.";
    assert!(
        states(text, "Peru", "aids", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn an_object_after_the_as_phrase_is_the_object() {
    let text =
        "Peru on Monday denounced as a grave violation Chile's treatment of Bolivian migrants.";
    assert!(
        states(text, "Peru", "accuses", "Chile") || states(text, "Peru", "criticizes", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_possessor_comes_before_a_prepositional_modifier() {
    // "Chile's embassy in Bolivia" is Chile's.
    let text = "Peruvian rebels attacked Chile's embassy in Bolivia on Monday.";
    assert!(
        states(text, "Peruvian rebels", "attacks", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_preposition_read_as_the_adverb_of_a_number_is_the_preposition() {
    // "over two air strikes", parsed as "over two" = "more than two".
    let text = "Peru complained to the Organization of American States over two Chilean air raids.";
    assert!(
        states(text, "Peru", "criticizes", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn protesting_over_an_act_criticizes_its_actor_not_the_one_addressed() {
    let text =
        "Peru protested to the United Nations on Monday over three Chilean border incidents.";
    assert!(
        states(text, "Peru", "criticizes", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn welcoming_what_someone_said_praises_them() {
    let text = "The Peruvian government today welcomed President Ana Kovic's latest policy statement as proof of Chile's earnest wish for a settlement.";
    assert!(
        states(text, "Peru", "praises", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "meets-with"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_visit_to_a_place_meets_no_one() {
    let text = "President Ana Kovic visited Arequipa, Peru, where riots had broken out.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "meets-with"),
        "{:?}",
        relations(text)
    );
    let text = "President Ana Kovic visited Chile on Monday.";
    assert!(
        states(text, "Ana Kovic", "meets-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_country_prefix_acts_when_the_phrase_it_opened_is_no_name() {
    let text = "Recent US Predator attacks have killed eight Peruvian soldiers, officials said.";
    assert!(
        states(text, "United States", "attacks", "Peru"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_fronted_prepositional_phrase_is_no_subject() {
    // The parser takes "in a Swiss chess tournament" for the subject of "refused".
    let text = "In 2016, in a Swiss chess tournament at Cusco, Iranian Grand Master Ana Kovic \
                refused to play against an Israeli player.";
    let found = relations(text);
    assert!(states(text, "Ana Kovic", "rejects", "Israel"), "{found:?}");
    assert!(
        !found.iter().any(|(s, _, _, _)| s == "Switzerland"),
        "{found:?}"
    );
}

#[test]
fn a_preposition_hung_on_a_coordinated_object_or_a_date_is_the_verbs() {
    let text = "Peru is providing aerial photographs and other military intelligence to Bolivia \
                which is preparing a major offensive against rebels, the newspaper said.";
    assert!(
        states(text, "Peru", "aids", "Bolivia"),
        "{:?}",
        relations(text)
    );
    let text = "President Ana Kovic gave a warm welcome on Thursday to Bolivian leader Marco \
                Tello who is trying to end his country's isolation.";
    assert!(
        states(text, "Ana Kovic", "meets-with", "Marco Tello"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn reaching_a_consensus_is_cooperation() {
    let text = "Peru and Chile reached a consensus to exchange information on fisheries at a \
                regional conference on Thursday.";
    assert!(
        states(text, "Peru", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_suspension_of_ties_sanctions_the_partner() {
    let text = "Bolivia announced a suspension of air links with Chile on Wednesday.";
    assert!(
        states(text, "Bolivia", "sanctions", "Chile"),
        "{:?}",
        relations(text)
    );
    assert!(
        !states(text, "Bolivia", "cooperates-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_light_verbs_preposition_belongs_to_its_object() {
    let text = "Chilean forces launched artillery and rocket fire against Bolivian rebel camps \
                near the border.";
    assert!(
        states(text, "Chile", "attacks", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn going_back_on_ones_word_rejects_whom_it_was_given_to() {
    let text = "President Ana Kovic has reneged on her commitment to the Bolivian people for \
                holding elections.";
    assert!(
        states(text, "Ana Kovic", "rejects", "Bolivia"),
        "{:?}",
        relations(text)
    );
    let text = "Peru opened its borders to most migrants, but was still refusing admittance to \
                Bolivians, Peruvian police said.";
    assert!(
        states(text, "Peru", "rejects", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_purpose_is_not_an_act() {
    let text = "Chile rejected a Peruvian offer to host a summit to hammer out an agreement \
                between the Bolivians and the Ecuadorians.";
    let found = relations(text);
    assert!(states(text, "Chile", "rejects", "Peru"), "{found:?}");
    assert!(nothing_between(text, "Bolivia", "Ecuador"), "{found:?}");
    // The purpose of an intended act is intended.
    let text = "Peru is willing to send equipment to help defend Bolivia, the foreign minister \
                said.";
    assert!(
        states(text, "Peru", "cooperates-with", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_mediator_between_unnamed_sides_pairs_no_neighbours() {
    let text = "President Ana Kovic will visit Peru and Chile to mediate in a border dispute \
                between the two neighbors, sources said.";
    let found = relations(text);
    assert!(nothing_between(text, "Peru", "Chile"), "{found:?}");
    assert!(
        states(text, "Ana Kovic", "cooperates-with", "Peru"),
        "{found:?}"
    );
}

#[test]
fn an_ally_is_not_its_possessor() {
    let text = "Bolivian rebels killed the commander of Chile's closest ally on Sunday.";
    assert!(
        nothing_between(text, "Bolivian rebels", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn an_act_whose_subject_names_no_one_is_not_given_to_another_name() {
    // The prince ordered it, not the one who believes it.
    let text = "The Peruvian Senate believes the prince ordered Ana Kovic's arrest.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "demands"),
        "{:?}",
        relations(text)
    );
    let text = "Bolivia claims the general wanted to attack Chile.";
    assert!(
        nothing_between(text, "Bolivia", "Chile"),
        "{:?}",
        relations(text)
    );
    // A named subject still acts.
    assert!(
        states(
            "Bolivia believes Peru ordered the arrest of Ana Kovic.",
            "Peru",
            "demands",
            "Ana Kovic"
        ) || states(
            "Bolivia believes Peru attacked Chile.",
            "Peru",
            "attacks",
            "Chile"
        )
    );
}

#[test]
fn what_an_accusation_claims_is_not_stated() {
    for text in [
        "Peru accused Ana Kovic of siding with Chile.",
        "The arrest came after an allegation that Ana Kovic assaulted Marco Ruiz.",
        "Protesters allegedly threatened Marco Ruiz in Lima.",
    ] {
        let rels = relations(text);
        assert!(
            rels.iter().all(|(s, r, _, _)| r == "accuses"
                || r == "rejects"
                || !["Ana Kovic", "protesters", "Protesters"].contains(&s.as_str())),
            "{text}: {rels:?}"
        );
    }
    // The accusation itself stands.
    assert!(states(
        "Peru accused Ana Kovic of siding with Chile.",
        "Peru",
        "accuses",
        "Ana Kovic"
    ));
}

#[test]
fn a_warning_of_weather_threatens_no_one() {
    let text = "The Peruvian weather service issued a hurricane warning for Chile.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "threatens"),
        "{:?}",
        relations(text)
    );
    // A warning by a state to a state is one.
    assert!(states(
        "Peru issued a warning to Chile.",
        "Peru",
        "threatens",
        "Chile"
    ));
}

#[test]
fn a_word_of_a_fixed_expression_or_a_graded_adjective_is_no_trigger() {
    for text in [
        "Bolivia requires Peru to pay in order to reopen the border with Chile.",
        "Ana Kovic said Peru is more welcoming than Chile would ever be.",
    ] {
        let rels = relations(text);
        assert!(
            rels.iter().all(|(_, _, t, _)| t != "Chile"),
            "{text}: {rels:?}"
        );
    }
}

#[test]
fn asking_a_question_demands_nothing() {
    for text in [
        "Ana Kovic asked whether Chile was part of Peru.",
        "Ana Kovic repeatedly asked why Marco Ruiz did not act.",
    ] {
        let rels = relations(text);
        assert!(
            rels.iter().all(|(_, r, _, _)| r != "demands"),
            "{text}: {rels:?}"
        );
    }
    assert!(states(
        "Ana Kovic asked Marco Ruiz to resign.",
        "Ana Kovic",
        "demands",
        "Marco Ruiz"
    ));
}

#[test]
fn sending_a_thing_hands_over_no_one() {
    let text = "Ana Kovic sent an email to Marco Ruiz on Monday.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "extradites"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_place_where_someone_is_or_comes_from_is_no_party() {
    for (text, place) in [
        (
            "Judge Ana Kovic sentenced Ohio man Marco Ruiz to life in prison.",
            "Ohio",
        ),
        (
            "Ana Kovic is joined in the lawsuit by officials from Maine.",
            "Maine",
        ),
        (
            "The Cusco district attorney's office is investigating Marco Ruiz.",
            "Cusco",
        ),
    ] {
        let rels = relations(text);
        assert!(
            rels.iter().all(|(s, r, t, _)| r == "located-in"
                || r == "part-of"
                || s != place && t != place),
            "{text}: {rels:?}"
        );
    }
}

#[test]
fn an_act_a_means_allows_is_not_done() {
    let text = "Extradition is a key tool for Peru to prosecute Chilean smugglers.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "prosecutes"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn people_of_a_non_group_noun_keep_their_label() {
    // "cartel members" are the cartels; "world leaders" are no "worlds".
    let text = "Ana Kovic met with multiple world leaders on Monday.";
    assert!(
        states(text, "Ana Kovic", "meets-with", "world leaders"),
        "{:?}",
        relations(text)
    );
    let text = "Peruvian police arrested three cartel members on Monday.";
    assert!(
        states(text, "Peru", "arrests", "cartels"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_medium_is_no_party() {
    let text = "Ana Kovic also criticized the decision via Twitter.";
    let found = relations(text);
    assert!(
        found
            .iter()
            .all(|(_, _, t, _)| t != "Twitter" && t != "X Corp"),
        "{found:?}"
    );
}

#[test]
fn a_verb_trigger_read_as_the_object_of_another_verb_is_a_noun() {
    let text = "Critics in the Peruvian Congress raised questions about Ana Kovic's eligibility.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "arrests"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_person_named_by_a_participle_is_the_target() {
    let text = "Ruiz, a self-described Neo-Nazi, killed a woman named Ana Kovic.";
    let found = relations(text);
    assert!(states(text, "Ruiz", "attacks", "Ana Kovic"), "{found:?}");
    assert!(
        found.iter().all(|(s, _, _, _)| s != "Neo-Nazi"),
        "{found:?}"
    );
}

#[test]
fn support_without_means_is_an_endorsement() {
    for (text, source, target) in [
        (
            "Ana Kovic supported the presidential campaign of Marco Ruiz.",
            "Ana Kovic",
            "Marco Ruiz",
        ),
        (
            "Marco Ruiz was aided by the support of Ana Kovic.",
            "Ana Kovic",
            "Marco Ruiz",
        ),
        ("Peru announced its support for Chile.", "Peru", "Chile"),
    ] {
        assert!(
            states(text, source, "praises", target),
            "{text}: {:?}",
            relations(text)
        );
        assert!(!states(text, source, "aids", target), "{text}");
    }
    for text in [
        "Peru supported Chile with troops and weapons.",
        "Peru provided support to Chile.",
        "Peru supported Chile against the rebels.",
    ] {
        assert!(
            states(text, "Peru", "aids", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
    }
}

#[test]
fn a_verb_form_used_as_a_noun_object_is_no_act() {
    for text in [
        "Asked about the claim, Ana Kovic told host Marco Ruiz \"No, it is not true.\"",
        "Lima played host to Ana Kovic.",
    ] {
        assert!(
            nothing_between(text, "Ana Kovic", "Marco Ruiz")
                && !relations(text).iter().any(|(_, r, _, _)| r == "meets-with"),
            "{text}: {:?}",
            relations(text)
        );
    }
    let text = "Peru hosted Chile for talks.";
    assert!(
        states(text, "Peru", "meets-with", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn the_parties_of_a_brokered_arrangement_cooperate() {
    for text in [
        "Norway brokered an arrangement between Peru and Chile.",
        "The arrangements Norway brokered between Peru and Chile, Bolivia, and Ecuador held.",
    ] {
        assert!(
            states(text, "Peru", "cooperates-with", "Chile"),
            "{text}: {:?}",
            relations(text)
        );
        assert!(!states(text, "Peru", "negotiates-with", "Chile"), "{text}");
        assert!(nothing_between(text, "Norway", "Peru"), "{text}");
    }
}

#[test]
fn contacting_someone_is_no_meeting() {
    let text = "The Lima Herald contacted Ana Kovic about the incident.";
    assert!(
        !relations(text).iter().any(|(_, r, _, _)| r == "meets-with"),
        "{:?}",
        relations(text)
    );
    let text = "Ana Kovic met Marco Ruiz about the incident.";
    assert!(states(text, "Ana Kovic", "meets-with", "Marco Ruiz"));
}

#[test]
fn the_code_of_an_aircraft_is_no_actor() {
    let text = "Peru said Chile must return a Su-35 jet that was captured by Chilean authorities \
                last week.";
    let found = relations(text);
    assert!(states(text, "Peru", "demands", "Chile"), "{found:?}");
    assert!(found.iter().all(|(_, r, _, _)| r != "arrests"), "{found:?}");
}

#[test]
fn what_a_charge_claims_is_not_stated() {
    let text = "Peru charged Ana Kovic with attacking Chilean diplomats.";
    let found = relations(text);
    assert!(states(text, "Peru", "accuses", "Ana Kovic"), "{found:?}");
    assert!(nothing_between(text, "Ana Kovic", "Chile"), "{found:?}");
}

#[test]
fn designating_someone_to_an_office_sanctions_no_one() {
    let text = "President Marco Ruiz designated Ana Kovic, a former general, as the nation's \
                security minister.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "sanctions"),
        "{:?}",
        relations(text)
    );
    let text = "Chile designated Hezbollah a terrorist organization on Monday.";
    assert!(
        states(text, "Chile", "sanctions", "Hezbollah"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_name_after_a_prepositional_phrase_is_not_the_objects_apposition() {
    // The parser hangs "Marco Ruiz" on "letter" as an apposition: a letter is still a thing.
    let text = "On Monday, agency administrator Ana Kovic sent a letter to President-elect \
                Marco Ruiz.";
    assert!(
        relations(text).iter().all(|(_, r, _, _)| r != "extradites"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_participle_before_a_noun_after_a_preposition_is_no_act() {
    let text = "The European Union sanctioned Peru last month over alleged Shining Path \
                assassination plots against dissidents.";
    let found = relations(text);
    assert!(
        states(text, "European Union", "sanctions", "Peru"),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, r, _, _)| r != "accuses"), "{found:?}");
}

#[test]
fn a_news_organization_is_no_partner_of_speaking_or_meeting() {
    for (text, person, outlet) in [
        (
            "Ana Kovic spoke with Andes News about her campaign.",
            "Ana Kovic",
            "Andes News",
        ),
        (
            "Marco Ruiz spoke with Andesnews about the election in Peru.",
            "Marco Ruiz",
            "Andesnews",
        ),
        (
            "Marco Ruiz spoke with the BBC about the election in Peru.",
            "Marco Ruiz",
            "British Broadcasting Corporation",
        ),
        (
            "Ana Kovic agreed to answer questions for The Lima Times.",
            "Ana Kovic",
            "The Lima Times",
        ),
        ("Reuters met Marco Ruiz in Lima.", "Marco Ruiz", "Reuters"),
        (
            "The Lima Herald accused Marco Ruiz of fraud.",
            "Marco Ruiz",
            "Lima Herald",
        ),
    ] {
        assert!(
            nothing_between(text, person, outlet),
            "{text}: {:?}",
            relations(text)
        );
    }
    // What is done to it still is an act.
    let text = "Chile banned the BBC last year.";
    assert!(states(
        text,
        "Chile",
        "sanctions",
        "British Broadcasting Corporation"
    ));
    let text = "Marco Ruiz criticized CNN on Monday.";
    assert!(states(text, "Marco Ruiz", "criticizes", "CNN"));
}

#[test]
fn holding_is_an_arrest_only_in_custody() {
    for (text, a, b) in [
        (
            "The Peruvian Congress voted to hold Marco Ruiz in contempt.",
            "Peru",
            "Marco Ruiz",
        ),
        (
            "Ana Kovic holds the Grand Master title, as does Marco Ruiz.",
            "Ana Kovic",
            "Marco Ruiz",
        ),
    ] {
        assert!(nothing_between(text, a, b), "{text}: {:?}", relations(text));
    }
    let text = "Bolivian police held Marco Ruiz in custody for three days.";
    assert!(
        states(text, "Bolivia", "arrests", "Marco Ruiz"),
        "{:?}",
        relations(text)
    );
    let text = "Rebels in Peru held Ana Kovic hostage for a month.";
    assert!(
        states(text, "rebels", "arrests", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_thing_for_an_object_leaves_no_target_to_the_neighbours() {
    for (text, a, b) in [
        (
            "Ana Kovic said she did not support the policies Marco Ruiz mentioned.",
            "Ana Kovic",
            "Marco Ruiz",
        ),
        (
            "Ana Kovic refused to answer whether Chile would join the pact.",
            "Ana Kovic",
            "Chile",
        ),
        (
            "Ana Kovic refused to turn over documents related to the Andes Mining Company.",
            "Ana Kovic",
            "Andes Mining Company",
        ),
        (
            "Marco Ruiz refused to release files that Chile had requested.",
            "Marco Ruiz",
            "Chile",
        ),
    ] {
        assert!(nothing_between(text, a, b), "{text}: {:?}", relations(text));
    }
    let text = "Ana Kovic and Marco Ruiz both refused to answer whether they would support \
                Supreme Court packing.";
    assert!(
        nothing_between(text, "Ana Kovic", "Supreme Court"),
        "{:?}",
        relations(text)
    );
    // A refusal of an act done to an actor, or of calls by one, still rejects it.
    let text = "Peru refused to extradite Marco Ruiz.";
    assert!(
        states(text, "Peru", "rejects", "Marco Ruiz"),
        "{:?}",
        relations(text)
    );
    let text = "Peru rejected recent calls by Chile for immediate talks.";
    assert!(
        states(text, "Peru", "rejects", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_plural_pronoun_stands_for_people_before_a_state() {
    // A group of people named nearby, not the state named after it.
    let text = "Protesters' demands include an inquiry into violence against protesters, and \
                that the Peruvian government drop the bill. They had asked Ana Kovic to resign.";
    assert!(
        states(text, "protesters", "demands", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
    assert!(
        !states(text, "Peru", "demands", "Ana Kovic"),
        "{:?}",
        relations(text)
    );
    // People the recognizer made no actor of, between the state and the pronoun.
    let text = "Bolivia hosted the foreign ministers on Monday. They called on Chile to halt \
                its drilling.";
    assert!(
        nothing_between(text, "Bolivia", "Chile"),
        "{:?}",
        relations(text)
    );
    // One of coordinated actors is not all of them.
    let text = "Their ministers signed a statement on the pact between Chile and Bolivia. They \
                called on Chile to halt its drilling.";
    assert!(
        !states(text, "Bolivia", "demands", "Chile"),
        "{:?}",
        relations(text)
    );
    // A state alone stays the antecedent.
    let text = "Peru said on Monday that it would not attend. They called on Chile to halt its \
                drilling.";
    assert!(
        states(text, "Peru", "demands", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_region_moved_through_is_no_actor_after_its_article() {
    let text = "The airline transports weapons and fighters across the Middle East, supporting \
                the Bolivian regime's ambitions in the region.";
    assert!(
        nothing_between(text, "Middle East", "Bolivia"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn the_nationality_of_private_people_is_no_state() {
    for (text, a, b) in [
        (
            "Two Peruvian police officers were found guilty of raping a Chilean tourist.",
            "Peru",
            "Chile",
        ),
        (
            "Ana Kovic helped a Bolivian teenager escape to Chile.",
            "Ana Kovic",
            "Bolivia",
        ),
        (
            "A Chilean businessman is suing Peru for damages to his plant.",
            "Chile",
            "Peru",
        ),
    ] {
        assert!(nothing_between(text, a, b), "{text}: {:?}", relations(text));
    }
    // A state's agent stands for the state.
    let text = "Peru expelled the Chilean ambassador on Monday.";
    assert!(
        states(text, "Peru", "sanctions", "Chile"),
        "{:?}",
        relations(text)
    );
}

#[test]
fn a_name_after_a_conjunction_and_before_the_verb_is_its_subject() {
    let text = "The statement tonight on Peru after Ana Kovic spoke with Marco Ruiz shows a lack \
                of understanding.";
    assert!(
        states(text, "Ana Kovic", "meets-with", "Marco Ruiz"),
        "{:?}",
        relations(text)
    );
    assert!(
        nothing_between(text, "Peru", "Marco Ruiz"),
        "{:?}",
        relations(text)
    );
}
