//! Recognition and resolution on sentences written for the purpose.

use crate::{Document, EntityType, Extractor};

/// (label, type) of every entity the extractor finds in `text`.
fn entities(text: &str) -> Vec<(String, EntityType)> {
    let ex = Extractor::new().extract(&Document::new("t", text));
    ex.entities
        .iter()
        .map(|e| (e.label.clone(), e.kind))
        .collect()
}

fn has(text: &str, label: &str, kind: EntityType) -> bool {
    entities(text).iter().any(|(l, k)| l == label && *k == kind)
}

fn labels(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|(l, _)| l).collect()
}

use EntityType::*;

#[test]
fn names_with_connectors_and_accents() {
    for (text, name) in [
        (
            "Officials said Ismael Zambada García testified.",
            "Ismael Zambada García",
        ),
        (
            "Reporters asked Andrés Manuel López Obrador about it.",
            "Andrés Manuel López Obrador",
        ),
        (
            "The envoy met Mohammed bin Salman on Monday.",
            "Mohammed bin Salman",
        ),
        (
            "The envoy met Ursula von der Leyen on Monday.",
            "Ursula von der Leyen",
        ),
        ("The envoy met Xi Jinping and Kim Jong Un.", "Xi Jinping"),
        ("The envoy met Xi Jinping and Kim Jong Un.", "Kim Jong Un"),
        // Hyphens split tokens (as UD does) but not names.
        ("Critics say Jean-Luc Mélenchon won.", "Jean-Luc Mélenchon"),
        ("Readers of J. R. R. Tolkien know it.", "J. R. R. Tolkien"),
        ("They said George W. Bush agreed.", "George W. Bush"),
    ] {
        assert!(has(text, name, Person), "{name} in {:?}", entities(text));
    }
}

#[test]
fn sentence_initial_and_heading_capitals_are_not_names() {
    let text = "However, the talks ended.\nCurrently, nothing is agreed.\nUnderstanding the context matters.\nDecades of mistrust remain.\nThe Threat of Military Action\n\nNevertheless, Peru waits.";
    let found = labels(text);
    assert_eq!(found, ["Peru"], "{found:?}");
}

#[test]
fn titles_give_person_names_and_context() {
    let text = "Mexican President Claudia Sheinbaum spoke. Secretary of State Marco Rubio listened. Police arrested former Olympic snowboarder Ryan Wedding.";
    let found = entities(text);
    for name in ["Claudia Sheinbaum", "Marco Rubio", "Ryan Wedding"] {
        assert!(
            found.contains(&(name.to_string(), Person)),
            "{name}: {found:?}"
        );
    }
    assert!(found.contains(&("Mexico".to_string(), Country)));
    assert!(
        !found
            .iter()
            .any(|(l, _)| l == "Olympic" || l.contains("Secretary")),
        "{found:?}"
    );
}

#[test]
fn surnames_join_full_names() {
    let ex = Extractor::new().extract(&Document::new(
        "t",
        "Ismael Zambada García testified. Prosecutors said Zambada paid them. Later García spoke.",
    ));
    // One person, named three ways (the prosecutors are a group of their own).
    let people: Vec<_> = ex.entities.iter().filter(|e| e.kind == Person).collect();
    assert_eq!(people.len(), 1, "{:?}", ex.entities);
    assert_eq!(people[0].mentions, 3);
}

#[test]
fn acronyms_defined_in_text_and_known_ones_join() {
    let ex = Extractor::new().extract(&Document::new(
        "t",
        "The Federal Anti-Fraud Office (FAFO) said it would act. Later FAFO acted. The U.S. Drug Enforcement Administration (DEA) agreed, and the DEA said so.",
    ));
    let fafo = ex
        .entities
        .iter()
        .find(|e| e.label == "Federal Anti-Fraud Office")
        .unwrap();
    assert!(fafo.aliases.contains("FAFO"), "{:?}", ex.entities);
    let dea = ex
        .entities
        .iter()
        .find(|e| e.aliases.contains("DEA"))
        .unwrap();
    assert_eq!(dea.label, "Drug Enforcement Administration");
    assert_eq!(dea.kind, Organization);
}

#[test]
fn country_names_and_demonyms_are_one_country() {
    let text = "The U.S. and the United States of America, the US and USA: American officials agreed. Mexican authorities did too.";
    let found = entities(text);
    assert_eq!(
        found,
        [
            ("United States".to_string(), Country),
            ("Mexico".to_string(), Country)
        ],
        "{found:?}"
    );
}

#[test]
fn capitals_act_for_their_country_but_stay_places_after_prepositions() {
    assert!(has(
        "Washington believes the deal is fair.",
        "United States",
        Country
    ));
    assert!(has("Beijing warned against the sale.", "China", Country));
    assert!(has(
        "He spoke at a press briefing in Mexico City.",
        "Mexico City",
        Location
    ));
}

#[test]
fn head_words_decide_organizations_and_other() {
    assert!(has(
        "Leaders of the Blue Lotus Cartel fled.",
        "Blue Lotus Cartel",
        Organization
    ));
    assert!(has(
        "The vote split the Green Future Party badly.",
        "Green Future Party",
        Organization
    ));
    assert!(has(
        "Funds from the Andes Water Initiative arrived.",
        "Andes Water Initiative",
        Other
    ));
    assert!(has(
        "Members of Sheinbaum's Morena party met.",
        "Morena",
        Organization
    ));
}

#[test]
fn groups_without_names_and_governments() {
    let text = "Mexican President Ana Vidal met reporters. The Vidal Administration accused drug cartels of violence, and cartel members threatened Mexican officials.";
    let ex = Extractor::new().extract(&Document::new("t", text));
    let labels: Vec<(&str, EntityType)> = ex
        .entities
        .iter()
        .map(|e| (e.label.as_str(), e.kind))
        .collect();
    assert!(labels.contains(&("cartels", Group)), "{labels:?}");
    // The leader's administration is her country; officials of a country are that country.
    assert!(
        !labels.iter().any(|(l, _)| l.contains("Administration")),
        "{labels:?}"
    );
    let mexico = ex.entities.iter().find(|e| e.label == "Mexico").unwrap();
    assert!(
        mexico.aliases.contains("Vidal Administration"),
        "{:?}",
        mexico.aliases
    );
}

#[test]
fn headings_use_names_the_text_confirms() {
    let text = "Vidal Rejects Peru Deal Amid Sovereignty Concerns\n\nPresident Ana Vidal said no to Peru on Monday.";
    let found = labels(text);
    assert!(
        found.contains(&"Ana Vidal".to_string()) && found.contains(&"Peru".to_string()),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|l| l.contains("Sovereignty") || l.contains("Deal")),
        "{found:?}"
    );
}

#[test]
fn bylines_and_furniture_yield_nothing() {
    let text = "by Chief Editor\n\nLeave a Comment\n\nYou may also like\n\nFAQ\n\nPro Tip:\n\nQ: Will it rain?\nA: No.";
    assert_eq!(labels(text), Vec::<String>::new());
}

#[test]
fn ambiguous_place_names_need_to_stand_alone() {
    assert!(!labels("Basketball legend Michael Jordan retired.").contains(&"Jordan".to_string()));
    assert!(labels("Refugees crossed into Jordan on Monday.").contains(&"Jordan".to_string()));
}

#[test]
fn acronyms_defined_in_each_others_parentheses_do_not_loop() {
    // Regression: two names each defined in the other's parentheses made a cycle in the
    // union-find of resolution, and extraction never returned.
    let text =
        "The Railway Police Force (RPF) spoke. Later RPF (Railway Police Force) staff spoke.";
    let found = labels(text);
    assert_eq!(found, ["Railway Police Force"], "{found:?}");
}

#[test]
fn a_headline_surname_keeps_the_reading_the_text_confirms() {
    // Title Case headlines mislead the statistical model; the titled full name in the body
    // vouches for the bare surname in the headline.
    let text = "Okonkwo Dismisses Border Claims Amid Trade Dispute\n\n\
                Nigerian President Adaeze Okonkwo dismissed the claims on Monday.\n";
    let ex = Extractor::new().extract(&Document::new("t", text));
    let headline: Vec<_> = ex.mentions.iter().filter(|m| m.span.start == 0).collect();
    assert_eq!(headline.len(), 1, "{:?}", ex.mentions);
    assert_eq!(headline[0].kind, Person);
    assert_eq!(ex.entities[headline[0].entity].label, "Adaeze Okonkwo");
}

#[test]
fn a_function_word_is_never_a_name() {
    // "The" written capitalized mid-sentence (a title) must not make "The company" a name.
    let text = "The actor came straight from filming The Professionals in Spain. \
                Hasbro hosted a panel. The company's new helmet sold out.";
    assert!(
        !labels(text).iter().any(|l| l == "The"),
        "{:?}",
        labels(text)
    );
}

#[test]
fn demonyms_of_several_words_are_their_country() {
    for (text, country) in [
        ("The Sri Lankan army attacked the village.", "Sri Lanka"),
        (
            "Officials said South Korean troops attacked the camp.",
            "South Korea",
        ),
        ("Saudi Arabian officials criticized Peru.", "Saudi Arabia"),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(country.to_string(), Country)),
            "{country} in {found:?}"
        );
        assert!(
            !found.iter().any(|(_, k)| *k == Person || *k == Location),
            "{found:?}"
        );
    }
}

#[test]
fn community_bloc_and_caucus_head_organizations() {
    for (text, name) in [
        (
            "The Sahel Community may halt talks with Peru.",
            "Sahel Community",
        ),
        ("The Caspian Bloc may halt talks with Peru.", "Caspian Bloc"),
        (
            "Peru criticized the Andean Caucus on Monday.",
            "Andean Caucus",
        ),
    ] {
        assert!(
            has(text, name, Organization),
            "{name} in {:?}",
            entities(text)
        );
    }
}

#[test]
fn qualified_singular_and_irregular_plural_groups() {
    let text =
        "A human rights group accused Peru of abuses. Masked gunmen attacked Chilean settlers.";
    let found = entities(text);
    for name in ["human rights group", "gunmen", "Chilean settlers"] {
        assert!(
            found.contains(&(name.to_string(), Group)),
            "{name} in {found:?}"
        );
    }
    // A bare singular group noun is no collective actor.
    assert!(!has("A group attacked Peru.", "group", Group));
}

#[test]
fn a_sentence_initial_name_before_its_members_is_an_organization() {
    let text = "Blue Lantern officials accused Peru of fraud.";
    assert!(
        has(text, "Blue Lantern", Organization),
        "{:?}",
        entities(text)
    );
    // A rank opens no name.
    assert!(!has(
        "Senior Defense officials accused Peru.",
        "Senior Defense",
        Organization
    ));
    // A lone name before "officials" is not made an organization by it.
    assert!(!has("Vidal officials accused Peru.", "Vidal", Organization));
}

#[test]
fn a_compass_word_before_a_country_name_is_a_place() {
    let text = "Chile today mounted an invasion of South Peru, officials said.";
    let found = entities(text);
    assert!(
        found.contains(&("South Peru".to_string(), Location)),
        "{found:?}"
    );
}

#[test]
fn a_common_noun_for_a_country_is_no_alias_of_it() {
    let text =
        "The Haitian government accused Peru of fraud. Later the government threatened Chile.";
    let ex = Extractor::new().extract(&Document::new("t", text));
    let haiti = ex
        .entities
        .iter()
        .find(|e| e.label == "Haiti")
        .expect("Haiti");
    assert!(
        haiti
            .aliases
            .iter()
            .all(|a| a.chars().any(char::is_uppercase)),
        "{:?}",
        haiti.aliases
    );
}

#[test]
fn a_sentence_initial_group_noun_is_a_group_though_rare_in_lowercase_text() {
    // "Villagers" and "Settlers" are not common English by the word list, so the name rules
    // looked at them first, found no name, and the group rule never saw them.
    for (text, group) in [
        ("Villagers attacked the Peruvian army.", "villagers"),
        ("Settlers accused Peru of fraud.", "settlers"),
    ] {
        assert!(has(text, group, Group), "{group} in {:?}", entities(text));
    }
}

#[test]
fn a_modifier_before_a_demonym_does_not_hide_the_country() {
    let text = "Peru accused current Chilean government officials of fraud.";
    assert!(has(text, "Chile", Country), "{:?}", entities(text));
    // A title after the country still makes a person, without the modifier in the name; a
    // former holder leads nothing.
    let text = "Peru accused former Chilean President Ana Ruiz of fraud. \
                Chilean President Eva Soto met Peru.";
    let ex = Extractor::new().extract(&Document::new("t", text));
    let label = |i: usize| ex.entities[i].label.as_str();
    let leads: Vec<(&str, &str)> = ex
        .relations
        .iter()
        .filter(|r| r.kind == crate::RelationType::LeaderOf)
        .map(|r| (label(r.source), label(r.target)))
        .collect();
    assert_eq!(leads, [("Eva Soto", "Chile")]);
    assert!(ex.entities.iter().any(|e| e.label == "Ana Ruiz"));
}

#[test]
fn modifiers_between_a_demonym_and_its_group_noun() {
    for (text, group) in [
        // An adjective or a noun between them.
        (
            "Peruvian rebels kidnapped Chilean civilian advisers.",
            "Chilean advisers",
        ),
        // A second demonym stays in the label.
        (
            "Croatian Serb refugees accused Peru.",
            "Croatian Serb refugees",
        ),
        // A group noun's singular before its people or forces.
        ("Peruvian rebel leaders attacked Lima.", "Peruvian rebels"),
        (
            "Bolivian rebel forces attacked Lima.",
            "Bolivian rebel forces",
        ),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(group.to_string(), Group)),
            "{group} in {found:?}"
        );
    }
    // Rebel forces are not the state's forces; a former name of a country is its demonym.
    let text = "Kampuchean guerrillas attacked Peru.";
    assert!(
        has(text, "Kampuchean guerrillas", Group),
        "{:?}",
        entities(text)
    );
    let text = "Peruvian forces shelled Lima. Later rebel forces attacked Peruvian forces.";
    assert!(has(text, "rebel forces", Group), "{:?}", entities(text));
}

#[test]
fn state_nouns_after_modifiers_are_the_country() {
    // "federal government officials": the country's phrase reaches its state noun, so a later
    // "the government" is that country.
    // An adjective before a state noun is no group's singular: civilian authorities are the
    // state's.
    let text = "Chilean civilian authorities accused Peru.";
    let found = entities(text);
    assert!(found.contains(&("Chile".to_string(), Country)), "{found:?}");
    assert!(!found.iter().any(|(_, k)| *k == Group), "{found:?}");
    let text = "Chilean federal government officials accused Peru. Later the government \
                threatened Bolivia.";
    let ex = Extractor::new().extract(&Document::new("t", text));
    let says = |a: &str, rel: &str, b: &str| {
        ex.relations.iter().any(|r| {
            ex.entities[r.source].label == a
                && r.kind.as_str() == rel
                && ex.entities[r.target].label == b
        })
    };
    assert!(says("Chile", "threatens", "Bolivia"), "{:?}", ex.relations);
}

#[test]
fn a_demonym_before_a_capitalized_name_still_opens_the_name() {
    // Neither a capitalized group noun nor a modifier makes "Veterans" of a name a group.
    let text = "Peru praised the Chilean Veterans Association.";
    assert!(
        has(text, "Chilean Veterans Association", Organization),
        "{:?}",
        entities(text)
    );
}

#[test]
fn organizations_named_after_places_and_one_word_clubs() {
    let text = "Kelmarsh beat Ostrava Rovers 2-1 on Saturday. On Sunday, Rapid Tolna drew 1-1 with Sturm Velden. \
                Striker Tomas Varga signed for Kolvane in June, and Kolvane paid a record fee.";
    let found = entities(text);
    for name in [
        "Kelmarsh",
        "Ostrava Rovers",
        "Rapid Tolna",
        "Sturm Velden",
        "Kolvane",
    ] {
        assert!(
            found.contains(&(name.to_string(), Organization)),
            "{name}: {found:?}"
        );
    }
    assert!(
        found.contains(&("Tomas Varga".to_string(), Person)),
        "{found:?}"
    );
}

#[test]
fn all_caps_headlines_and_datelines_need_the_body_or_the_lexicon() {
    let text = "VARGA BACK FOR HUNGARY AFTER LONG INJURY\n\nBUDAPEST 1996-08-30\n\n\
                Tomas Varga returned to the Hungary squad on Friday after three months out.";
    let found = entities(text);
    assert!(
        found.contains(&("Tomas Varga".to_string(), Person)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Hungary".to_string(), Country)),
        "{found:?}"
    );
    for word in ["BACK", "AFTER", "LONG INJURY", "INJURY", "LONG"] {
        assert!(!found.iter().any(|(l, _)| l == word), "{word}: {found:?}");
    }
    // A headline name the body never writes and the lexicon does not know is no name.
    let found = labels("KOLDERAN STUNS CROWD\n\nThe match ended late on Sunday.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn names_in_results_lineups_and_tables_are_names() {
    let text = "Results of the men's 500 metres on Saturday:\n\
                1. Andrei Volkan (Russia) 35.12\n\
                2. Pavel Ostrik (Ukraine) 35.40\n\
                3. Lars Hemming (Norway) 35.51\n\
                Attendance: 12,000\n\
                Squad: Tomas Varga, Mirko Dalic, Eino Saarela\n\
                Bowling: Hemming 10-2-34-3, Dalic 8-1-40-1\n";
    let found = entities(text);
    for name in [
        "Andrei Volkan",
        "Pavel Ostrik",
        "Lars Hemming",
        "Tomas Varga",
        "Mirko Dalic",
        "Eino Saarela",
    ] {
        assert!(
            found.contains(&(name.to_string(), Person)),
            "{name}: {found:?}"
        );
    }
    for country in ["Russia", "Ukraine", "Norway"] {
        assert!(
            found.contains(&(country.to_string(), Country)),
            "{country}: {found:?}"
        );
    }
    for word in ["Attendance", "Squad", "Bowling", "Results"] {
        assert!(!found.iter().any(|(l, _)| l == word), "{word}: {found:?}");
    }
}

#[test]
fn a_person_of_an_organization_is_two_names() {
    let found = entities(
        "Carl Lipo of Binghamton University said the statues walked. \
         Senator Ana Vidal of the Blue Party voted against it.",
    );
    for (name, kind) in [
        ("Carl Lipo", Person),
        ("Binghamton University", Organization),
        ("Ana Vidal", Person),
        ("Blue Party", Organization),
    ] {
        assert!(
            found.contains(&(name.to_string(), kind)),
            "{name}: {found:?}"
        );
    }
    // Names whose "of" follows a common noun stay whole.
    let found = labels("The National Library of the Netherlands and the Bank of Lisbon reopened.");
    assert!(
        found.contains(&"National Library of the Netherlands".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"Bank of Lisbon".to_string()), "{found:?}");
}

#[test]
fn role_words_are_not_part_of_names() {
    for (text, name) in [
        (
            "Defender Karim Osei scored in the second half.",
            "Karim Osei",
        ),
        (
            "The club said midfielder Ruben Talbot would miss the game.",
            "Ruben Talbot",
        ),
        ("Kelmarsh Striker Jonas Brekke was booked.", "Jonas Brekke"),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(name.to_string(), Person)),
            "{name}: {found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|(l, _)| l.contains("Defender") || l.contains("Striker")),
            "{found:?}"
        );
    }
}
