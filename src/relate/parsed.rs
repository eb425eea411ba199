//! Arguments from the dependency parse: the subject and object of a trigger, not its
//! neighbours.
//!
//! A verb's source is its subject (`nsubj`), found through control and coordination when the
//! verb has none of its own ("the U.S. collaborated … to transfer Zambada": the subject of
//! *transfer* is the U.S.); its target is its object (`obj`, `iobj`), the object of its
//! preposition (`obl` with the trigger's `case`), or the subject of its that-clause
//! (`ccomp`). In the passive the subject is the target and the `by` agent the source. A
//! noun's source is its possessor (`nmod:poss`) or the subject of the light verb whose object
//! it is; its target hangs from it with the trigger's preposition, possibly through an
//! "of"-phrase ("threats of military action against X"). Coordinated arguments (`conj`) all
//! count; an argument phrase without a name of its own leads to the names inside it ("the son
//! of the Sinaloa Cartel leader").

use std::borrow::Cow;

use super::triggers::Found;
use super::{Modality, Statement};
use crate::entity::{EntityType, Mention};
use crate::lexicon::{verb_forms, Form, Lexicon, RoleCategory, Trigger, TriggerPos};
use crate::nlp::{lemma, Models, TagOut, Upos};
use crate::relation::RelationType;
use crate::text::{Layout, Sentence};

/// Heads of a phrase that stand for a possessor's state ("Nicaragua's Sandinista government").
const STATE_HEADS: &[&str] = &[
    "government",
    "regime",
    "administration",
    "army",
    "military",
    "forces",
    "troops",
    "officials",
    "authorities",
    "police",
    "cabinet",
];

/// Nouns for the fighters or the people of a place ("Artsakh soldiers", "Gaza residents").
const PEOPLE_OF_A_PLACE: &[&str] = &[
    "soldiers",
    "fighters",
    "militants",
    "rebels",
    "militia",
    "militias",
    "guerrillas",
    "separatists",
    "insurgents",
    "protesters",
    "demonstrators",
    "residents",
    "people",
    "civilians",
    "citizens",
    "villagers",
];

/// Nouns of saying: a "that"-clause of theirs is said by whoever issues them.
const SPEECH_NOUNS: &[&str] = &[
    "reminder",
    "warning",
    "statement",
    "message",
    "declaration",
    "notice",
    "ultimatum",
    "letter",
];

/// Prepositions that lead from an act to whom it is done.
const TARGET_CASES: &[&str] = &[
    "to", "against", "on", "at", "with", "into", "from", "toward", "towards", "upon", "over",
];

/// Prepositions of place: the phrases they head say where, not who.
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "within",
    "along",
];

/// A parsed sentence, words indexed from 0.
pub(super) struct Parse<'a> {
    /// Token index of the first word.
    start: usize,
    words: Vec<&'a str>,
    tags: Vec<TagOut>,
    heads: Vec<Option<usize>>,
    rels: Vec<&'static str>,
    children: Vec<Vec<usize>>,
    /// For each word, the argument mention that covers it.
    mention_at: Vec<Option<usize>>,
    /// For each word, a possessive pronoun's mention ("his threats").
    possessive_at: Vec<Option<usize>>,
}

impl<'a> Parse<'a> {
    /// Tags and parses a sentence and maps its mentions onto words.
    pub(super) fn new(
        doc: &'a str,
        layout: &Layout,
        sentence: &Sentence,
        mentions: &[Mention],
        models: &Models,
    ) -> Parse<'a> {
        let words: Vec<&str> = layout.tokens[sentence.tokens.clone()]
            .iter()
            .map(|t| t.text(doc))
            .collect();
        let (tags, arcs) = models.analyze_news(&words);
        let n = words.len();
        let heads: Vec<Option<usize>> = arcs.iter().map(|a| a.head.checked_sub(1)).collect();
        let mut children = vec![Vec::new(); n];
        for (w, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(w);
            }
        }
        let start = sentence.tokens.start;
        let mut mention_at = vec![None; n];
        let mut possessive_at = vec![None; n];
        for (k, m) in mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                let Some(w) = t.checked_sub(start).filter(|&w| w < n) else {
                    continue;
                };
                if m.nested {
                    possessive_at[w] = Some(k);
                } else {
                    mention_at[w] = Some(k);
                }
            }
        }
        Parse {
            start,
            words,
            tags,
            heads,
            rels: arcs.iter().map(|a| a.deprel).collect(),
            children,
            mention_at,
            possessive_at,
        }
    }

    /// Whether a mention modifies a common noun after it ("an Ohio man", "the Manhattan
    /// district attorney's office"): its last word is a compound or adjective of that noun.
    pub(super) fn modifies_noun(&self, m: &Mention) -> bool {
        let Some(last) = m
            .tokens
            .end
            .checked_sub(self.start + 1)
            .filter(|&w| w < self.words.len())
        else {
            return false;
        };
        // "Artsakh soldiers", "Gaza residents", "Kenosha police": the people or forces of a
        // place act and are acted on as its people.
        matches!(base(self.rels[last]), "compound" | "amod")
            && self.heads[last].is_some_and(|h| {
                h > last
                    && self.upos(h) == Upos::NOUN
                    && self.mention_at[h].is_none()
                    && !STATE_HEADS.contains(&self.lower(h).as_str())
                    && !PEOPLE_OF_A_PLACE.contains(&self.lower(h).as_str())
            })
    }

    fn upos(&self, w: usize) -> Upos {
        self.tags[w].upos
    }

    /// The head of the compound noun that word `w` is part of ("mediation" in "a mediation
    /// effort" → "effort"): the word that carries the phrase's dependents.
    fn phrase_head(&self, mut w: usize) -> usize {
        while base(self.rels[w]) == "compound" {
            match self.heads[w] {
                Some(h) => w = h,
                None => break,
            }
        }
        w
    }

    /// The parse as CoNLL-like lines, for `NEWSGRAPH_TRACE`.
    pub(super) fn dump(&self) -> String {
        let mut out = String::new();
        for w in 0..self.words.len() {
            out.push_str(&format!(
                "    {:>2} {:<16} {:<6?} {:>2} {:<12} {}\n",
                w + 1,
                self.words[w],
                self.upos(w),
                self.heads[w].map_or(0, |h| h + 1),
                self.rels[w],
                self.mention_at[w].map_or(String::new(), |k| format!("m{k}")),
            ));
        }
        out
    }

    fn lemma(&self, w: usize) -> Cow<'_, str> {
        lemma(self.words[w], self.upos(w))
    }

    fn lower(&self, w: usize) -> String {
        self.words[w].to_lowercase()
    }

    /// Children of `w` whose relation, without subtype, is one of `rels`.
    fn children_with<'s>(&'s self, w: usize, rels: &'s [&str]) -> impl Iterator<Item = usize> + 's {
        self.children[w]
            .iter()
            .copied()
            .filter(move |&c| rels.contains(&base(self.rels[c])) || rels.contains(&self.rels[c]))
    }

    /// The preposition of an oblique or nominal modifier (its `case` child), lowercased; or
    /// that of a title before a name that the parser hung on the title ("in the capital
    /// Kabul" with *in* under *capital*).
    fn case_of(&self, w: usize) -> Option<String> {
        self.children_with(w, &["case"])
            .next()
            .or_else(|| {
                self.children_with(w, &["compound"])
                    .find(|&c| c < w)
                    .and_then(|c| self.children_with(c, &["case"]).next())
            })
            .map(|c| self.lower(c))
    }

    /// The mention a phrase headed by `w` names: its own, or the nearest one inside it. At
    /// one depth a possessor comes last: "Osama bin Laden's al-Qaeda network" is al-Qaeda's,
    /// "Trump's administration" Trump's.
    fn mention_of(&self, w: usize) -> Option<usize> {
        self.mention_within(w, false)
    }

    /// The mention a phrase headed by `w` names, `agent` when the phrase is the subject of
    /// an act: a place where something was ("an explosion near the town of X killed") is
    /// not who did it, unless the head is a state's body ("police in X").
    fn mention_within(&self, w: usize, agent: bool) -> Option<usize> {
        if let Some(k) = self.mention_at[w] {
            return Some(k);
        }
        // "Nicaragua's Sandinista government" is Nicaragua's state all the same.
        let state_head = STATE_HEADS.contains(&self.lower(w).as_str());
        let place_of = |c: usize| {
            agent
                && !state_head
                && self
                    .case_of(c)
                    .is_some_and(|p| LOCATIVES.contains(&p.as_str()))
        };
        let mut frontier = vec![w];
        for _ in 0..3 {
            let mut next = Vec::new();
            for &x in &frontier {
                // "Israel's ally", "its neighbor": a noun of relation names another actor
                // than its possessor.
                let relational = RELATIONAL.contains(&self.lemma(x).to_lowercase().as_str());
                next.extend(
                    self.children_with(
                        x,
                        &["compound", "flat", "nmod", "appos", "amod", "obl", "det"],
                    )
                    .filter(|&c| !place_of(c))
                    .filter(|&c| !(relational && self.rels[c] == "nmod:poss")),
                );
                // "a woman named X": the name a participle gives.
                for a in self.children_with(x, &["acl"]) {
                    if matches!(self.lower(a).as_str(), "named" | "called" | "dubbed") {
                        next.extend(self.children_with(a, &["xcomp", "obj"]));
                    }
                }
            }
            // The phrase's own words first, then its possessor, then modifiers with a
            // preposition: "X's treatment of Y" and "X's embassy in Y" are X's.
            // A name in apposition to a title comes before the title's modifiers: "South
            // African leader X" is X.
            let rank = |c: usize| match self.rels[c] {
                "appos" => 0,
                "nmod:poss" if state_head => 1,
                "nmod:poss" => 2,
                _ if matches!(base(self.rels[c]), "nmod" | "obl") && self.case_of(c).is_some() => 3,
                _ => 1,
            };
            let mut ranked = next.clone();
            ranked.sort_by_key(|&c| rank(c));
            let found = ranked.iter().find_map(|&c| self.mention_at[c]);
            if found.is_some() {
                return found;
            }
            frontier = next;
        }
        None
    }

    /// The mentions a phrase headed by `w` names, with those coordinated with it.
    fn mentions_of(&self, w: usize) -> Vec<usize> {
        self.mentions_within(w, false)
    }

    /// The actors a subject phrase headed by `w` names (see [`Parse::mention_within`]).
    fn agents_of(&self, w: usize) -> Vec<usize> {
        self.mentions_within(w, true)
    }

    fn mentions_within(&self, w: usize, agent: bool) -> Vec<usize> {
        let mut out: Vec<usize> = self.mention_within(w, agent).into_iter().collect();
        // "the Turkish and Greek sides": modifiers coordinated under one noun.
        for c in self.children_with(w, &["amod", "compound"]) {
            if self.mention_at[c].is_some() {
                for d in self.children_with(c, &["conj"]) {
                    if let Some(k) = self.mention_at[d].filter(|k| !out.contains(k)) {
                        out.push(k);
                    }
                }
            }
        }
        // The speaker of a reporting clause at the end is no coordinated name, whatever the
        // parser joined it to ("abused Bolivian migrants, Peruvian officials alleged").
        let speaker = self.reporting_tail().map(|(comma, verb)| comma + 1..verb);
        for c in self.children_with(w, &["conj"]) {
            // "Pakistan, a key U.S. ally, …": an indefinite phrase after a comma, with no
            // "and", describes the name before it; the parser may take it for a conjunct.
            let indefinite = self
                .children_with(c, &["det"])
                .any(|d| matches!(self.lower(d).as_str(), "a" | "an"));
            let speaks = speaker.as_ref().is_some_and(|s| s.contains(&c));
            if (indefinite || speaks) && self.children_with(c, &["cc"]).next().is_none() {
                continue;
            }
            if let Some(k) = self.mention_within(c, agent) {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// The sides of "between X and Y": the names coordinated in one phrase, without those of
    /// a second "between" phrase coordinated with it ("between X and Y and between Z and W").
    fn sides(&self, w: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.mention_of(w).into_iter().collect();
        for c in self.children_with(w, &["conj"]) {
            if self.case_of(c).is_some() {
                continue;
            }
            if let Some(k) = self.mention_of(c) {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// The parties of "between X and Y" as (sources, targets) of a symmetric relation: all
    /// with all ("between X, Y and Z"), or the first with each of a list joined to it by
    /// "and" ("between X and Y, Z and W": X with Y, with Z and with W).
    fn parties(&self, w: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        let sides = self.sides(w);
        if sides.len() < 2 {
            return None;
        }
        let second = self.children_with(w, &["conj"]).next();
        let star = sides.len() >= 3
            && second.is_some_and(|c| {
                self.children_with(c, &["cc"]).next().is_some()
                    && self.children_with(c, &["punct"]).next().is_none()
            });
        Some(if star {
            (sides[..1].to_vec(), sides[1..].to_vec())
        } else {
            (sides, Vec::new())
        })
    }

    /// Whether a phrase headed by `w` names an actor in its own words ("President X", "the
    /// Israeli delegation"), not through a modifier ("the party's nomination").
    fn names_directly(&self, w: usize) -> bool {
        self.children_with(w, &["compound", "flat", "appos", "amod"])
            .any(|c| {
                // An apposition names the noun only right after it ("the group, Hamas"); one
                // after a prepositional phrase is the parser's misreading of that phrase's
                // name ("a letter to President-elect | X").
                let next_to = self.rels[c] != "appos"
                    || !self.children[w]
                        .iter()
                        .any(|&d| d > w && d < c && base(self.rels[d]) == "nmod");
                next_to && self.mention_at[c].is_some()
            })
    }

    /// The subject of verb `v`, through control ("threatened to cut": the subject of
    /// *cut*), coordination and relative clauses ("Rubio, who spoke").
    fn subject(&self, mut v: usize) -> Option<usize> {
        for _ in 0..4 {
            // Two subjects are a parser's split of one phrase ("deputy director | Michael
            // Morell praised"): the one that is a name, else the first.
            let mut subjects = self.children_with(v, &["nsubj", "csubj"]);
            if let Some(first) = subjects.next() {
                let named = std::iter::once(first)
                    .chain(subjects)
                    .find(|&s| self.mention_at[s].is_some());
                let s = named.unwrap_or(first);
                // A "subject" with a preposition is a fronted adverbial the parser misread
                // ("in a Swiss tournament, Grandmaster X refused"): the name set beside it
                // is the subject, else there is none.
                let preposition = self
                    .children_with(s, &["case"])
                    .any(|c| self.upos(c) == Upos::ADP && !matches!(self.words[c], "'s" | "’s"));
                if preposition && self.mention_at[s].is_none() && self.upos(s) != Upos::PRON {
                    return self
                        .children_with(s, &["appos"])
                        .find(|&a| self.mention_at[a].is_some());
                }
                return Some(s);
            }
            // "X opened its borders, but was refusing …": a clause joined by a conjunction
            // that the parser took for an adverbial shares the subject as a conjunct does.
            let joined = self.rels[v] == "advcl"
                && self.children_with(v, &["cc"]).next().is_some()
                && self.children_with(v, &["mark"]).next().is_none();
            match (self.rels[v], self.heads[v]) {
                ("xcomp" | "conj", Some(h)) => v = h,
                ("advcl", Some(h)) if joined => v = h,
                ("acl:relcl" | "acl", Some(h)) => return Some(h),
                _ => return None,
            }
        }
        None
    }

    /// Whether the tagger's part of speech for the trigger's first word fits one of its rows:
    /// a verb row needs a verb, a noun row a noun ("a press briefing" is no pressure).
    ///
    /// The tagger errs on news text dense with names ("Peru and Bolivia accuse Chile" tags
    /// *accuse* a noun), so a verb row is refused only where the noun reading has a noun's
    /// company: a determiner, possessive, adjective or number before it.
    pub(super) fn fits(&self, found: &Found) -> bool {
        let Some(t) = found.start.checked_sub(self.start) else {
            return false;
        };
        if t >= self.words.len() {
            return false;
        }
        let upos = self.upos(t);
        // "in order to", "as well as": a word of a fixed expression means nothing alone.
        if self.rels[t] == "fixed" {
            return false;
        }
        // "more welcoming than X", "very supportive": a graded adjective describes; it is no act.
        let graded = upos == Upos::ADJ
            && self.children_with(t, &["advmod"]).any(|c| {
                matches!(
                    self.lower(c).as_str(),
                    "more" | "most" | "less" | "least" | "very" | "so" | "too" | "quite"
                )
            });
        if graded {
            return false;
        }
        // A compound noun is a noun by its last word ("military aid", "peace talks").
        let head_upos = self.upos(anchor(self, found, TriggerPos::Noun).unwrap_or(t));
        let nominal_context = t > 0
            && matches!(
                self.upos(t - 1),
                Upos::DET | Upos::ADJ | Upos::NUM | Upos::PRON
            )
            || t > 0 && self.rels[t - 1] == "case" && matches!(self.words[t - 1], "'s" | "’s")
            // "shell manufacturer", "insult comedian": a noun modifying a noun.
            || base(self.rels[t]) == "compound"
                && self.heads[t].is_some_and(|h| h > t && self.upos(h) == Upos::NOUN)
            // "raised questions about X", "faces charges": the object of another verb.
            || base(self.rels[t]) == "obj"
                && self.heads[t].is_some_and(|h| h < t && self.upos(h) == Upos::VERB)
            // "told host X", "played host to the fair": tagger and parser agree on a noun
            // that is an argument of another word; a verb's form used as a title or an object
            // is no act.
            || upos == Upos::NOUN
                && matches!(
                    base(self.rels[t]),
                    "iobj" | "obj" | "appos"
                );
        found.rows.iter().any(|(r, _)| match r.pos {
            TriggerPos::Verb => match upos {
                Upos::NOUN | Upos::PROPN => !nominal_context,
                // "accused cartel members": a participle modifying a noun.
                Upos::ADJ => base(self.rels[t]) != "amod",
                Upos::VERB => base(self.rels[t]) != "amod" || self.heads[t].is_none_or(|h| h < t),
                _ => true,
            },
            TriggerPos::Noun => matches!(head_upos, Upos::NOUN | Upos::PROPN),
            TriggerPos::Adj => upos == Upos::ADJ,
        })
    }

    /// A reporting clause closing the sentence, as (its comma, its verb): ", a rights group
    /// protested here Wednesday." The verb is one of speech, its subject has no verb between
    /// it and the comma, and no name or clause follows it.
    fn reporting_tail(&self) -> Option<(usize, usize)> {
        let clause = |w: usize| matches!(self.upos(w), Upos::VERB | Upos::AUX | Upos::SCONJ);
        let verb = (0..self.words.len()).rev().find(|&w| clause(w))?;
        if self.upos(verb) != Upos::VERB
            || !self.is_lemma(verb, SPEECH_VERBS) && !self.is_lemma(verb, DISAPPROVING_SPEECH)
            || (verb + 1..self.words.len()).any(|w| self.mention_at[w].is_some())
        {
            return None;
        }
        let comma = (0..verb).rev().find(|&w| self.upos(w) == Upos::PUNCT)?;
        let subject = comma + 1..verb;
        (self.words[comma] == ","
            && !subject.is_empty()
            && !subject.clone().any(clause)
            && subject
                .clone()
                .any(|w| matches!(self.upos(w), Upos::NOUN | Upos::PROPN | Upos::PRON)))
        .then_some((comma, verb))
    }

    /// Whether word `w` is the "up" of "up to" before a number ("kidnapped up to 16
    /// soldiers"), which the parser reads as a particle and a preposition.
    fn quantifier_up(&self, w: usize) -> bool {
        self.lower(w) == "up"
            && self
                .words
                .get(w + 1)
                .is_some_and(|&x| x.eq_ignore_ascii_case("to"))
            && (w + 2..(w + 4).min(self.words.len())).any(|k| self.upos(k) == Upos::NUM)
    }

    /// Whether a `case` word is the "up" or the "to" of "up to" before a number.
    fn quantity_case(&self, c: usize) -> bool {
        self.quantifier_up(c) || c > 0 && self.quantifier_up(c - 1)
    }

    /// Whether a word is a form of one of `lemmas`. A verb is also matched by its inflected
    /// forms, which the lemmatizer may miss ("boycotted"), British ones included
    /// ("cancelled").
    fn is_lemma(&self, w: usize, lemmas: &[&str]) -> bool {
        lemmas.contains(&self.lemma(w).as_ref())
            || matches!(self.upos(w), Upos::VERB | Upos::AUX) && {
                let word = self.lower(w);
                // Every form of a verb but "went" and "was" starts as its lemma does: the
                // forms are built only for lemmas that can match.
                lemmas.iter().any(|l| {
                    l.as_bytes().first() == word.as_bytes().first()
                        && (verb_forms(l).iter().any(|(f, _)| *f == word)
                            || l.ends_with('l')
                                && (word == format!("{l}led") || word == format!("{l}ling")))
                })
            }
    }
}

/// The word of a trigger that carries a row of part of speech `pos`: the last word of a
/// compound noun ("military aid", "arms embargo"), else the first word.
/// Whether word `w` is a past participle opening a noun phrase ("… and accused cartel members
/// to the U.S.", "the detained activists"): a participle after a determiner or a conjunction,
/// with a word after it and no auxiliary or subject of its own, describes the noun however the
/// parser hung it (the word-order path reads the same frame, `modality::adjectival`).
fn participle_before_noun(parse: &Parse, w: usize) -> bool {
    parse.tags[w].xpos == "VBN"
        && w > 0
        && w + 1 < parse.words.len()
        && super::modality::ADJECTIVE_CONTEXT.contains(&parse.lower(w - 1).as_str())
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

/// The relation name's base, without subtype ("nsubj:pass" → "nsubj").
fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Words of obligation and possibility ("could attack", "must hand over").
const HEDGE_AUX: &[&str] = &["could", "might", "may", "would", "must", "should", "ought"];
const HEDGE_ADV: &[&str] = &[
    "potentially",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    // "allegedly threatened X": the reporter passes on a claim and does not state the act.
    "allegedly",
    "supposedly",
    "purportedly",
];
/// Adjectives that make an act a claim ("the alleged attack on X", "a suspected strike").
const ALLEGED_ADJ: &[&str] = &["alleged", "suspected", "purported", "supposed"];
/// Words of accusing: the act they name ("accused X of siding with Y", "allegations that X
/// is meant to assist Y") is what someone claims, not what the reporter states.
const ALLEGING: &[&str] = &[
    "charge",
    "accuse",
    "allege",
    "allegation",
    "accusation",
    "accused",
    "alleged",
];
/// Adjectives whose complement is a prediction ("is likely to attack X"): it states nothing.
const LIKELY: &[&str] = &["likely", "unlikely"];
/// Verbs that announce what their subject is to do: "would" in the clause they report is the
/// future seen from the past ("said it would boycott the talks", "confirmed it would tighten
/// the blockade"), not a condition.
const ANNOUNCING_VERBS: &[&str] = &[
    "say",
    "tell",
    "announce",
    "confirm",
    "declare",
    "state",
    "add",
    "insist",
    "reiterate",
    "repeat",
    "stress",
    "emphasize",
    "emphasise",
    "warn",
    "indicate",
    "affirm",
    "assert",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "decide",
    "agree",
    "inform",
    "notify",
    "signal",
];
/// Verbs whose object is an act promised, not done ("pledged aid to X", "vowed support").
const PLEDGES: &[&str] = &["promise", "pledge", "vow", "offer", "threaten"];
/// Verbs that deny the act they govern ("refuted the existence of any such agreement").
const DENIALS: &[&str] = &["deny", "refute"];
/// Nouns of time, which the parser may take for an object ("met that time", "left the
/// next day").
const TIME_NOUNS: &[&str] = &[
    "time",
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "hour",
    "moment",
    "decade",
    "season",
];

/// Verbs of refusal: their complement is an act not done.
const REFUSALS: &[&str] = &["refuse", "decline"];
/// Verbs of joining: one who joins an organization becomes a member, and cooperates with no
/// one by it.
const MEMBERSHIP_VERBS: &[&str] = &["join", "rejoin"];
/// Nouns whose complement is an act proposed, not done ("a request to question X").
const PROPOSALS: &[&str] = &[
    "request",
    "demand",
    "offer",
    "proposal",
    "invitation",
    "call",
    "plan",
    "appeal",
    "bid",
    "plea",
    "ultimatum",
    "suggestion",
    "idea",
];
/// Nouns of a means, a chance or a right, whose infinitive is an act made possible, not done.
const ENABLING_NOUNS: &[&str] = &[
    "tool",
    "way",
    "means",
    "chance",
    "opportunity",
    "right",
    "power",
    "ability",
    "capacity",
    "authority",
    "mechanism",
    "instrument",
    "leverage",
    "option",
    "reason",
    "need",
    "incentive",
];
/// Verbs that report what their subject says ("X said that Y must leave").
const SPEECH_VERBS: &[&str] = &[
    "say",
    "declare",
    "announce",
    "reiterate",
    "insist",
    "conclude",
    "stress",
    "warn",
    "tell",
    "state",
    "add",
    "argue",
    "repeat",
    "emphasize",
    "emphasise",
    "maintain",
    "assert",
    "affirm",
    "remind",
    "write",
    "confirm",
    "underline",
    "indicate",
];

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
                if parse.upos(n) == Upos::NOUN && parse.is_lemma(n, SPEECH_NOUNS) =>
            {
                match (parse.heads[n], base(parse.rels[n])) {
                    (Some(v), "obj") if parse.upos(v) == Upos::VERB => Some(v),
                    _ => None,
                }
            }
            (Some(h), "ccomp" | "parataxis") => Some(h),
            // "declared Tuesday that Y must": a that-clause the parser took for an adverbial.
            (Some(h), "advcl") if that => Some(h),
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
        let by_noun = parse.heads[clause].is_some_and(|n| parse.upos(n) == Upos::NOUN);
        if !by_noun && !parse.is_lemma(h, SPEECH_VERBS) || parse.upos(h) != Upos::VERB {
            continue;
        }
        let negated = parse.children[h].iter().any(|&c| {
            matches!(parse.lower(c).as_str(), "not" | "n't" | "never")
                || base(parse.rels[c]) == "aux" && HEDGE_AUX.contains(&parse.lower(c).as_str())
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
    // The rows that fit the word's part of speech: "accused cartel members" (ADJ) and "a
    // press briefing" (NOUN) trigger nothing through their verb rows. A compound noun is
    // read at its last word ("military aid").
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
    let rows: Vec<(&Trigger, Form)> = found
        .rows
        .iter()
        .copied()
        .filter(|(r, _)| fits(r))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let t = anchor(parse, found, rows[0].0.pos).unwrap_or(first);
    let modality = modality(parse, t, mentions);
    match modality {
        Modality::Hedged | Modality::Demanded
            if rows
                .iter()
                .all(|(r, _)| r.relation != RelationType::Demands) =>
        {
            // States nothing, and says so: the word-order rules must not find an act here.
            return Some(Statement {
                relation: rows[0].0.relation,
                sources: Vec::new(),
                targets: Vec::new(),
                modality,
                prepositional: false,
                intended_only: false,
                closed: true,
            });
        }
        _ => {}
    }
    // "shell manufacturer", "insult comedian", "aid worker": a noun naming a kind of
    // person or maker by the act, no act.
    if rows[0].0.pos == TriggerPos::Noun && base(parse.rels[t]) == "compound" {
        if let Some(h) = parse.heads[t].filter(|&h| h > t && parse.upos(h) == Upos::NOUN) {
            let head = parse.lower(h);
            let head = head.strip_suffix('s').unwrap_or(&head);
            if ["er", "or", "ist", "ian"].iter().any(|x| head.ends_with(x)) {
                return Some(Statement {
                    relation: rows[0].0.relation,
                    sources: Vec::new(),
                    targets: Vec::new(),
                    modality,
                    prepositional: false,
                    intended_only: false,
                    closed: true,
                });
            }
        }
    }
    let (row, mut sources, mut targets, mut closed) = match rows[0].0.pos {
        TriggerPos::Verb => reported_disapproval(parse, t, &rows)
            .or_else(|| verb_arguments(parse, t, found, &rows, lexicon))?,
        TriggerPos::Noun | TriggerPos::Adj => noun_arguments(parse, t, &rows)?,
    };
    // "believes the prince ordered X's killing", "claimed Democrats pushed X", "the police
    // shooting of X": a verb whose own subject is a phrase naming no actor was done by that
    // unnamed one. Nobody named did it, and the word-order rules must not hand the act to
    // another name of the sentence (the believer, the claimant, the place).
    if row.pos == TriggerPos::Verb && sources.is_empty() && unnamed_subject(parse, t) {
        closed = true;
    }
    // "issued a flood warning for X", "hurricane warnings": a warning of weather or of a
    // disaster threatens no one with an act (CAMEO 13 is a threat by an actor).
    if row.relation == RelationType::Threatens && natural_hazard(parse, found) {
        sources.clear();
        targets.clear();
        closed = true;
    }
    // "asked whether X was part of Y", "asked why X did not act": a question asks for an
    // answer, and demands no act of anyone.
    if row.relation == RelationType::Demands
        && row.pos == TriggerPos::Verb
        && parse.is_lemma(t, &["ask", "inquire", "enquire", "wonder"])
        && parse
            .children_with(t, &["ccomp", "advcl"])
            .any(|c| interrogative(parse, t, c))
    {
        sources.clear();
        targets.clear();
        closed = true;
    }
    // "sent an email to X", "returned the documents to X": one hands over people; sending or
    // returning a thing hands over no one.
    if row.relation == RelationType::Extradites
        && row.pos == TriggerPos::Verb
        && parse.is_lemma(t, &["send", "return"])
        && parse.children_with(t, &["obj"]).next().is_some()
        && parse.children_with(t, &["obj"]).all(|o| {
            parse.upos(o) == Upos::NOUN
                && parse.mention_at[o].is_none()
                && !parse.names_directly(o)
                && !names_actors(lexicon, &parse.lemma(o).to_lowercase())
        })
    {
        sources.clear();
        targets.clear();
        closed = true;
    }
    // "urged its citizens to leave", "withdrew their own troops": what the subject owns is
    // no other party.
    if row.pos == TriggerPos::Verb {
        let own = |k: usize| {
            (0..parse.words.len()).any(|w| {
                parse.mention_at[w] == Some(k)
                    && parse.children_with(w, &["nmod"]).any(|c| {
                        // The possessive names the subject, or can: a possessive in the
                        // object binds to the subject before any other antecedent.
                        parse.rels[c] == "nmod:poss"
                            && parse.possessive_at[c].is_some_and(|p| {
                                sources.iter().any(|&s| {
                                    mentions[s].entity == mentions[p].entity
                                        || super::pronouns::compatible(
                                            &parse.lower(c),
                                            mentions[s].kind,
                                        ) == Some(true)
                                })
                            })
                    })
            })
        };
        let before = targets.len();
        targets.retain(|&k| !own(k));
        closed |= before > 0 && targets.is_empty();
    }
    // One hands over people: "expelled two diplomats of X" names a state, and the verb's
    // other sense applies (expelling diplomats sanctions their state).
    let mut row = match rows.iter().find(|(r, _)| {
        r.relation != RelationType::Extradites && r.preposition.is_none() && !r.reverse
    }) {
        Some(&(other, _))
            if row.relation == RelationType::Extradites
                && row.preposition.is_none()
                && !targets.is_empty()
                && targets.iter().all(|&k| {
                    !matches!(mentions[k].kind, EntityType::Person | EntityType::Group)
                }) =>
        {
            other
        }
        _ => row,
    };
    let verb = row.pos == TriggerPos::Verb;
    let before = targets.len();
    // "joined the party": membership, not cooperation; joining without a partner named
    // ("open for other countries to join") cooperates with no one.
    if row.relation == RelationType::CooperatesWith && verb && parse.is_lemma(t, MEMBERSHIP_VERBS) {
        targets.retain(|&k| mentions[k].kind != EntityType::Organization);
        if targets.is_empty() {
            sources.clear();
            closed = true;
        }
    }
    // A trip to a city or region meets no one; a trip to a country is a visit to its state.
    if row.relation == RelationType::MeetsWith && verb && row.preposition.as_deref() == Some("to") {
        targets.retain(|&k| mentions[k].kind != EntityType::Location);
    }
    // An attempt is no trial ("tried to scare X"), and sending someone to do something
    // ("sent its envoy to join the talks") hands no one over.
    if matches!(
        row.relation,
        RelationType::Prosecutes | RelationType::Extradites
    ) && verb
        && parse.children_with(t, &["xcomp", "advcl"]).any(|c| {
            parse
                .children_with(c, &["mark"])
                .any(|m| parse.lower(m) == "to")
        })
    {
        sources.clear();
        targets.clear();
        closed = true;
    }
    // One demands of an actor an act: "urged X to withdraw", "pressed X for answers"; with
    // no act asked for, "pushed X" is no demand.
    if row.relation == RelationType::Demands
        && verb
        && row.preposition.is_none()
        && parse
            .children_with(t, &["xcomp", "ccomp", "advcl", "obl"])
            .next()
            .is_none()
        && parse
            .children_with(t, &["obj"])
            .any(|o| parse.mention_at[o].is_some())
    {
        targets.clear();
    }
    closed |= before > 0 && targets.is_empty();
    // "attacked X over his record": a verbal attack.
    if row.relation == RelationType::Attacks && verb && verbal_attack(parse, lexicon, t) {
        if let Some(&(other, _)) = rows
            .iter()
            .find(|(r, _)| r.relation == RelationType::Criticizes && r.pos == TriggerPos::Verb)
        {
            row = other;
        }
        // "attacked the probe as 'Witch Hunt garbage'": the label is what the attacked is
        // called, not a party to the attack.
        let mut heads = vec![t];
        heads.extend(parse.children_with(t, &["obj"]));
        for &h in &heads {
            for o in parse.children_with(h, &["obl", "nmod"]) {
                if parse.case_of(o).as_deref() == Some("as") {
                    let label = parse.mentions_of(o);
                    targets.retain(|k| !label.contains(k));
                }
            }
        }
    }
    let mut relation = row.relation;
    let intended = matches!(modality, Modality::Intended | Modality::Attempted);
    // "X and Y will release …" releases someone, not each other.
    if row.intended_only && targets.is_empty() {
        sources.clear();
    }
    // "the deal X brokered between Y and Z": a broker brings the parties to an agreement;
    // what the parties do is agree with each other (CAMEO 057), not bargain (the broker
    // mediates, CAMEO 045, and is no party).
    if relation == RelationType::NegotiatesWith && verb && parse.is_lemma(t, &["broker"]) {
        let broker = parse
            .subject(t)
            .map(|s| parse.agents_of(s))
            .unwrap_or_default();
        if !sources.is_empty() && sources.iter().all(|k| !broker.contains(k)) {
            relation = RelationType::CooperatesWith;
        }
    }
    // "supported the campaign of X", "announced their support for X", "was aided by the
    // support of voters": backing that gives nothing is an endorsement (CAMEO 051), not aid
    // (CAMEO 07), which gives money, arms or troops, or takes a side in a fight.
    if relation == RelationType::Aids {
        let backing = if parse.is_lemma(t, &["support", "backing"]) {
            Some(t)
        } else {
            parse
                .children_with(t, &["obl:agent", "obl", "nsubj"])
                .find(|&a| parse.is_lemma(a, &["support", "backing", "endorsement", "vote"]))
        };
        // Withdrawn support is a reduction of relations, read below as the aid it ends.
        let ended = governing_verb(parse, t).is_some_and(|h| halts(parse, h, t, relation));
        if !ended && backing.is_some_and(|b| !material_support(parse, b)) {
            relation = RelationType::Praises;
        }
    }
    // "said it would boycott X": announcing a boycott threatens one (CAMEO 1312), whatever is
    // boycotted; the act is read as the sanction it is.
    if intended
        && relation == RelationType::Rejects
        && rows
            .iter()
            .any(|(r, _)| r.relation == RelationType::Sanctions && r.pos == row.pos)
    {
        relation = RelationType::Sanctions;
    }
    // "offered to hand over X to Y": an intention to cooperate with the one who receives
    // (CAMEO 031); an announced expulsion is none.
    if intended && verb && relation == RelationType::Extradites {
        let receivers: Vec<usize> = std::iter::once(t)
            .chain(parse.children_with(t, &["obj", "obl"]))
            .flat_map(|h| parse.children_with(h, &["obl", "nmod"]).collect::<Vec<_>>())
            .filter(|&o| parse.case_of(o).as_deref() == Some("to"))
            .collect();
        targets = collect(parse, &receivers);
        targets.retain(|k| !sources.contains(k));
        // One hands over people ("return this flag to Earth" hands over no one).
        let things = parse.children_with(t, &["obj"]).all(|o| {
            parse.upos(o) == Upos::NOUN
                && parse.mention_at[o].is_none()
                && !parse.names_directly(o)
                && !names_actors(lexicon, &parse.lemma(o).to_lowercase())
        });
        let objects = parse.children_with(t, &["obj"]).next().is_some();
        if parse.is_lemma(t, &["expel", "banish", "deport", "exile"]) || objects && things {
            targets.clear();
        }
        if targets.is_empty() {
            sources.clear();
            closed = true;
        }
        relation = RelationType::CooperatesWith;
    }
    // "withdrew its inspectors from X" ends an involvement (CAMEO 166); "withdrew its troops
    // from X" rejects no one, and announced on a condition ("will withdraw its force from X
    // unless …") it is a threat.
    if verb && relation == RelationType::Rejects && parse.is_lemma(t, &["withdraw"]) {
        // "withdrew the country from the treaty" takes the actor itself out: a rejection.
        let objects: Vec<usize> = parse
            .children_with(t, &["obj"])
            .filter(|&o| {
                !parse.mention_at[o].is_some_and(|k| {
                    matches!(
                        mentions[k].kind,
                        EntityType::Country | EntityType::Organization
                    )
                })
            })
            .collect();
        if objects.iter().any(|&o| involvement(parse, o)) {
            relation = RelationType::Sanctions;
        } else if !objects.is_empty() {
            if intended && conditional(parse, t) {
                relation = RelationType::Threatens;
            } else {
                sources.clear();
                targets.clear();
                closed = true;
            }
        }
    }
    // A verb that ends an act reverses it: halting aid, talks or cooperation reduces relations
    // (CAMEO 16: "suspended talks with X", "cut military aid to X"); lifting a sanction or
    // ending an attack eases it (CAMEO 08), which is no hostile act, and announced it is an
    // intention to cooperate (CAMEO 035: "is prepared to lift the ban on X").
    // A verb trigger as the object of a verb is a noun misread ("suspended talks with X").
    if !row.reverse {
        if let Some(h) = governing_verb(parse, t) {
            // "ended its cooperation with X", the partner read as the verb's.
            if targets.is_empty() {
                let words: Vec<usize> = parse
                    .children_with(h, &["obl"])
                    .filter(|&o| {
                        let case = parse.case_of(o);
                        rows.iter()
                            .any(|(r, _)| r.preposition.is_some() && r.preposition == case)
                    })
                    .collect();
                targets = collect(parse, &words);
                targets.retain(|k| !sources.contains(k));
            }
            let cooperative = matches!(
                relation,
                RelationType::Aids
                    | RelationType::CooperatesWith
                    | RelationType::MeetsWith
                    | RelationType::NegotiatesWith
            );
            if cooperative && halts(parse, h, t, relation) {
                // "ended mediation between X and Y": the one who ends it, against both.
                if between_of(parse, t).is_some() {
                    let halter: Vec<usize> = parse
                        .subject(h)
                        .map(|s| parse.mentions_of(s))
                        .unwrap_or_default();
                    if !halter.is_empty() {
                        targets.extend(sources.iter().copied());
                        targets.retain(|k| !halter.contains(k));
                        sources = halter;
                    }
                }
                relation = RelationType::Sanctions;
                closed = true;
            } else if rejects(lexicon, parse, h) {
                // "rejected the deal with X", "boycotted the talks with X", "defied the
                // curfew in X": the one who rejects an act does not do it; the verb states
                // the rejection. An owner named does ("rejected Y's accusations against X").
                let rejecter: Vec<usize> = parse
                    .subject(h)
                    .map(|s| parse.mentions_of(s))
                    .unwrap_or_default();
                sources.retain(|k| !rejecter.contains(k));
                if sources.is_empty() {
                    targets.clear();
                    closed = true;
                }
            } else if !cooperative && relation != RelationType::Extradites && eases(parse, h) {
                if intended && matches!(relation, RelationType::Sanctions | RelationType::Attacks) {
                    relation = RelationType::CooperatesWith;
                } else {
                    sources.clear();
                    targets.clear();
                    closed = true;
                }
            }
        }
    }
    // "announced a suspension of air links with X", "the severing of ties with X": a noun
    // that ends a tie reverses it as the verb does ("suspended air links with X").
    if !row.reverse && !verb && !closed {
        let cooperative = matches!(
            relation,
            RelationType::Aids | RelationType::CooperatesWith | RelationType::NegotiatesWith
        );
        if let Some(m) = halting_noun(parse, t).filter(|_| cooperative) {
            let halter: Vec<usize> = parse
                .children_with(m, &["nmod:poss"])
                .next()
                .or_else(|| {
                    (base(parse.rels[m]) == "obj")
                        .then(|| parse.heads[m])
                        .flatten()
                        .and_then(|v| parse.subject(v))
                })
                .map(|s| parse.agents_of(s))
                .unwrap_or_default();
            if !halter.is_empty() {
                targets.extend(sources.iter().copied());
                targets.retain(|k| !halter.contains(k));
                sources = halter;
            }
            relation = RelationType::Sanctions;
            closed = targets.is_empty() || sources.is_empty();
        }
    }
    // "will host talks between X and Y": the host's intention, towards both (CAMEO 039).
    if intended && relation.is_symmetric() {
        let clause = if verb {
            Some(t)
        } else {
            governing_verb(parse, t)
        };
        let between = if verb {
            std::iter::once(t)
                .chain(parse.children_with(t, &["obj"]))
                .find_map(|w| between_of(parse, w))
        } else {
            between_of(parse, t)
        };
        if let (Some(v), Some(_)) = (clause, between) {
            let host: Vec<usize> = parse
                .subject(v)
                .map(|s| parse.mentions_of(s))
                .unwrap_or_default();
            if !host.is_empty()
                && host
                    .iter()
                    .all(|k| !sources.contains(k) && !targets.contains(k))
            {
                targets.extend(sources.iter().copied());
                sources = host;
            }
        }
    }
    // A threat names who is threatened in its condition: "threatened to strike unless X
    // withdraws", "will withdraw its force unless X holds elections".
    let threat = relation == RelationType::Threatens
        || intended && super::intended(relation) == Some(RelationType::Threatens);
    if threat && targets.is_empty() && !sources.is_empty() {
        let subjects = condition_subjects(parse, t);
        targets = collect(parse, &subjects);
        targets.retain(|k| !sources.contains(k));
        if !targets.is_empty() {
            closed = false;
        }
    }
    let (mut sources, mut targets) = if row.reverse {
        (targets, sources)
    } else {
        (sources, targets)
    };
    // "X undertook a mediation mission between Y and Z", "X mediated between Y and Z": the
    // mediator consults each side (CAMEO 043); the sides need not talk to each other.
    if relation == RelationType::NegotiatesWith && parse.is_lemma(t, MEDIATION) {
        let mediators = mediator(parse, t);
        if !mediators.is_empty() && mediators.iter().all(|m| !sources.contains(m)) {
            for k in std::mem::replace(&mut sources, mediators) {
                if !targets.contains(&k) {
                    targets.push(k);
                }
            }
        }
    }
    // "a request to question X", "its demand that Y ease restrictions": the one asked is the
    // subject of the demanded clause; an infinitive names only the act, not who is asked.
    if row.pos == TriggerPos::Noun && relation == RelationType::Demands {
        let content = parse.children_with(t, &["acl", "ccomp"]).find(|&c| {
            parse.rels[c] == "ccomp"
                || parse
                    .children_with(c, &["mark"])
                    .any(|m| matches!(parse.lower(m).as_str(), "to" | "that"))
        });
        if let Some(c) = content {
            targets = parse
                .children_with(c, &["nsubj", "nsubj:pass"])
                .flat_map(|s| parse.mentions_of(s))
                .collect();
            closed |= targets.is_empty();
        }
    }
    Some(Statement {
        relation,
        sources,
        targets,
        modality,
        prepositional: row.preposition.is_some(),
        intended_only: row.intended_only,
        closed,
    })
}

/// Hazards of nature that are warned of ("a hurricane warning", "flood alerts").
const HAZARDS: &[&str] = &[
    "hurricane",
    "storm",
    "tropical",
    "flood",
    "flash",
    "tornado",
    "tsunami",
    "weather",
    "heat",
    "frost",
    "gale",
    "wind",
    "snow",
    "blizzard",
    "cyclone",
    "typhoon",
    "surge",
    "rain",
    "thunderstorm",
    "fog",
    "ice",
    "avalanche",
    "wildfire",
    "fire",
    "drought",
    "earthquake",
    "landslide",
    "volcano",
    "volcanic",
    "ash",
];

/// Whether a warning trigger ("issued a flash flood warning", "hurricane warnings") warns of
/// a hazard of nature: a hazard word inside the trigger, or modifying its warning noun.
fn natural_hazard(parse: &Parse, found: &Found) -> bool {
    let (Some(first), Some(last)) = (
        found.start.checked_sub(parse.start),
        found.end.checked_sub(parse.start + 1),
    ) else {
        return false;
    };
    let last = last.min(parse.words.len().saturating_sub(1));
    let hazard = |w: usize| {
        let word = parse.lower(w);
        HAZARDS.contains(&word.strip_suffix('s').unwrap_or(&word))
            || HAZARDS.contains(&word.as_str())
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
fn interrogative(parse: &Parse, t: usize, c: usize) -> bool {
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
fn unnamed_subject(parse: &Parse, t: usize) -> bool {
    let mut v = t;
    for _ in 0..3 {
        if let Some(s) = parse.children_with(v, &["nsubj"]).next() {
            return parse.rels[s] == "nsubj"
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

/// Words of mediation: who mediates consults each side.
const MEDIATION: &[&str] = &["mediate", "mediation", "mediator"];

/// Who mediates, for a mediation word at `t`: the subject of the verb, or the possessor of
/// the noun's phrase, or the subject of the verb whose object that phrase is ("launched a
/// mediation effort").
fn mediator(parse: &Parse, t: usize) -> Vec<usize> {
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

/// Nouns of a presence that keeps a state involved somewhere: withdrawing them ends the
/// involvement (CAMEO 166), as withdrawing troops does not.
const INVOLVEMENT: &[&str] = &[
    "peacekeeper",
    "peacekeepers",
    "peacekeeping",
    "inspector",
    "inspectors",
    "monitor",
    "monitors",
    "observer",
    "observers",
    "mission",
    "ambassador",
    "envoy",
    "diplomat",
    "diplomats",
    "embassy",
    "aid",
    "worker",
    "workers",
    "volunteers",
];

/// Whether the phrase headed by `o` names an involvement ("weapons inspectors and aid
/// workers", "its peacekeeping force").
fn involvement(parse: &Parse, o: usize) -> bool {
    std::iter::once(o)
        .chain(parse.children_with(o, &["conj"]))
        .any(|w| {
            std::iter::once(w)
                .chain(parse.children_with(w, &["compound", "amod"]))
                .any(|x| INVOLVEMENT.contains(&parse.lower(x).as_str()))
        })
}

/// Verbs that halt a cooperative act ("suspended talks", "cut aid").
const HALTING: &[&str] = &[
    "stop",
    "halt",
    "suspend",
    "freeze",
    "cancel",
    "abandon",
    "terminate",
    "prohibit",
    "withhold",
    "reduce",
    "curtail",
    "cut",
    "end",
    "withdraw",
    // Refusing a tie: "prohibited all aid to X", "denied aid to X", "blocked talks with X".
    "ban",
    "forbid",
    "deny",
    "block",
];

/// Nouns of a relation to another actor, whose possessor is not who they name ("X's
/// ally", "its neighbour").
const RELATIONAL: &[&str] = &[
    "ally",
    "neighbor",
    "neighbour",
    "rival",
    "enemy",
    "foe",
    "opponent",
    "adversary",
    "critic",
    "partner",
    "proxy",
    "client",
    "patron",
    "successor",
    "predecessor",
];

/// Nouns of halting, whose "of"-phrase is the act halted ("a suspension of aid to X").
const HALTING_NOUNS: &[&str] = &[
    "suspension",
    "severance",
    "severing",
    "halt",
    "freeze",
    "freezing",
    "cutoff",
    "cut-off",
    "termination",
    "cancellation",
    "downgrading",
    "downgrade",
    "rupture",
];

/// The noun of halting whose "of"-phrase headed by the trigger `t` is: "suspension" of "a
/// suspension of air links with X".
fn halting_noun(parse: &Parse, t: usize) -> Option<usize> {
    let n = parse.phrase_head(t);
    let m = parse.heads[n]?;
    (base(parse.rels[n]) == "nmod"
        && parse.case_of(n).as_deref() == Some("of")
        && HALTING_NOUNS.contains(&parse.lemma(m).to_lowercase().as_str()))
    .then_some(m)
}

/// Verbs that ease a hostile act ("lifted the ban", "ended the blockade", "cut tariffs").
const EASING: &[&str] = &[
    "lift", "ease", "end", "remove", "relax", "scrap", "loosen", "waive", "rescind", "revoke",
    "repeal", "stop", "halt", "suspend", "cancel", "drop", "withdraw", "unfreeze", "reduce", "cut",
    "lower", "slash",
];

/// Whether verb `h` halts the act of noun `t`, of kind `relation`: a visit ended has taken
/// place, and one who cuts a deal makes it.
fn halts(parse: &Parse, h: usize, t: usize, relation: RelationType) -> bool {
    let particle = |p: &str| {
        parse
            .children_with(h, &["compound:prt"])
            .any(|c| parse.lower(c) == p)
    };
    if parse.is_lemma(h, &["break", "call"]) {
        return particle("off");
    }
    parse.is_lemma(h, HALTING)
        && !(relation == RelationType::MeetsWith && parse.is_lemma(h, &["end"]))
        && !(parse.lower(t).starts_with("deal") && parse.is_lemma(h, &["cut"]))
}

/// Whether verb `h` eases an act ("lifted", "called off", "rolled back").
fn eases(parse: &Parse, h: usize) -> bool {
    let particle = |p: &str| {
        parse
            .children_with(h, &["compound:prt"])
            .any(|c| parse.lower(c) == p)
    };
    parse.is_lemma(h, EASING)
        || parse.is_lemma(h, &["call"]) && particle("off")
        || parse.is_lemma(h, &["roll"]) && particle("back")
}

/// The verb whose object a noun trigger's phrase is ("lifted the arms embargo on X",
/// "suspended the talks and the aid"), or a participle misread as its modifier ("X lifted
/// sanctions on Y" parsed as "lifted sanctions").
fn governing_verb(parse: &Parse, t: usize) -> Option<usize> {
    let mut n = parse.phrase_head(t);
    if let Some(a) = parse
        .children_with(n, &["amod"])
        .find(|&a| a < n && parse.upos(a) == Upos::VERB && parse.is_lemma(a, EASING))
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
fn rejects(lexicon: &Lexicon, parse: &Parse, h: usize) -> bool {
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
fn between_of(parse: &Parse, w: usize) -> Option<usize> {
    let n = parse.phrase_head(w);
    parse
        .children_with(n, &["nmod", "obl"])
        .find(|&c| parse.case_of(c).as_deref() == Some("between"))
}

/// The clauses of condition ("if", "unless") of the clause around `t`: on its verb, on the
/// verbs it completes ("announced that it will withdraw … unless"), or on the infinitives and
/// adverbial clauses below them ("threatened to stop talks to reduce arms if X goes ahead").
fn conditions(parse: &Parse, t: usize) -> Vec<usize> {
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
fn conditional(parse: &Parse, t: usize) -> bool {
    !conditions(parse, t).is_empty()
}

/// The subjects of the conditions of the clause around `t`.
fn condition_subjects(parse: &Parse, t: usize) -> Vec<usize> {
    conditions(parse, t)
        .into_iter()
        .filter_map(|a| parse.children_with(a, &["nsubj", "nsubj:pass"]).next())
        .collect()
}

/// Negation, hedges, intentions and demands, read off the tree around word `t`.
fn modality(parse: &Parse, t: usize, mentions: &[Mention]) -> Modality {
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
                && HEDGE_AUX.contains(&word.as_str())
                && !(word == "would" && reported_future(parse, w, mentions))
                || base(parse.rels[c]) == "advmod" && HEDGE_ADV.contains(&word.as_str())
        })
    };
    if hedged_here(t) || hedged_here(clause) {
        return Modality::Hedged;
    }
    if matches!(parse.upos(t), Upos::NOUN | Upos::PROPN)
        && parse
            .children_with(t, &["amod"])
            .any(|c| ALLEGED_ADJ.contains(&parse.lower(c).as_str()))
    {
        return Modality::Hedged;
    }
    // "demanded the removal of X": the act is what is demanded.
    if clause != t
        && parse.upos(clause) == Upos::VERB
        && super::modality::DEMAND_VERBS.contains(&parse.lemma(clause).as_ref())
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
        && parse.is_lemma(clause, PLEDGES)
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
            && (parse.is_lemma(h, ALLEGING)
                || rel == "acl"
                    && base(parse.rels[h]) == "obj"
                    && parse.heads[h].is_some_and(|g| {
                        parse.upos(g) == Upos::VERB && parse.is_lemma(g, ALLEGING)
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
            LIKELY.contains(&w)
                || super::modality::UNWILLING.contains(&w)
                || super::modality::INTENT_ADJECTIVES.contains(&w)
        };
        if rel == "xcomp" && (parse.upos(h) == Upos::ADJ || listed(&parse.lower(h))) {
            let lemma: Cow<'_, str> = if parse.upos(h) == Upos::ADJ {
                lemma.clone()
            } else {
                Cow::Owned(parse.lower(h))
            };
            if LIKELY.contains(&lemma.as_ref()) {
                return Modality::Hedged;
            }
            if super::modality::UNWILLING.contains(&lemma.as_ref()) {
                negated = true;
                break;
            }
            if super::modality::INTENT_ADJECTIVES.contains(&lemma.as_ref()) {
                if negated_here(h) {
                    negated = true;
                    break;
                }
                return Modality::Intended;
            }
        }
        if rel == "xcomp" && super::arguments::INTENT_VERBS.contains(&lemma.as_ref()) {
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
        if super::modality::DEMAND_VERBS.contains(&lemma.as_ref()) && parse.upos(h) == Upos::VERB {
            return Modality::Demanded;
        }
        // An act that a request, offer or plan proposes has not happened: "rejected a request
        // to question the detainees", "an offer to host a summit".
        if matches!(rel, "acl" | "nmod")
            && matches!(parse.upos(h), Upos::NOUN)
            && PROPOSALS.contains(&lemma.as_ref())
        {
            return Modality::Hedged;
        }
        // … and so has one that a means or a chance allows: "a key tool for X to prosecute
        // Y", "the right of X to fire on Y", "an opportunity to meet X".
        if rel == "acl"
            && matches!(parse.upos(h), Upos::NOUN)
            && ENABLING_NOUNS.contains(&lemma.as_ref())
            && parse
                .children_with(w, &["mark"])
                .any(|m| parse.lower(m) == "to")
        {
            return Modality::Hedged;
        }
        if parse.is_lemma(h, DENIALS) {
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
        && !parse.is_lemma(w, super::modality::INTENT_ADJECTIVES)
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
        && parse.is_lemma(h, ANNOUNCING_VERBS)
        && !parse.children[h].iter().any(|&c| {
            matches!(parse.lower(c).as_str(), "not" | "n't" | "never")
                || base(parse.rels[c]) == "aux" && HEDGE_AUX.contains(&parse.lower(c).as_str())
        })
}

/// The row that applies, the sources, the targets, and whether the parse settled that there
/// is no target to look for elsewhere.
type Arguments<'l> = (&'l Trigger, Vec<usize>, Vec<usize>, bool);

/// A day or month name ("may" and "march" are words first) or a relative day: a time
/// phrase that takes no prepositional phrase of its own.
fn is_date(w: &str) -> bool {
    crate::text::is_date_word(w) && !matches!(w, "may" | "march" | "on" | "at")
        || matches!(w, "today" | "yesterday" | "tonight")
}

fn verb_arguments<'l>(
    parse: &Parse,
    t: usize,
    found: &Found<'l>,
    rows: &[(&'l Trigger, Form)],
    lexicon: &Lexicon,
) -> Option<Arguments<'l>> {
    // A particle the trigger lacks makes another verb: "held up a Bible" holds no one; the
    // "up" of "up to 16 soldiers" is no particle.
    if found.end - found.start == 1
        && parse
            .children_with(t, &["compound:prt"])
            .any(|p| !parse.quantifier_up(p))
    {
        return Some((rows[0].0, Vec::new(), Vec::new(), true));
    }
    // Particles and multiword verbs: the verb is the trigger's first word.
    let passive = parse
        .children_with(t, &["aux:pass", "nsubj:pass"])
        .next()
        .is_some();
    // Objects of prepositions of the verb (and of its direct object: "imposed tariffs on X").
    let mut obliques: Vec<(String, usize)> = Vec::new();
    let mut heads = vec![t];
    for o in parse.children_with(t, &["obj"]) {
        heads.push(o);
        // "provided photographs and intelligence to X": the preposition may hang on the
        // last of coordinated objects.
        heads.extend(parse.children_with(o, &["conj"]));
    }
    // … or on a noun the parser coordinated with the verb itself.
    heads.extend(
        parse
            .children_with(t, &["conj"])
            .filter(|&c| c > t && parse.upos(c) == Upos::NOUN),
    );
    // "gave a warm welcome on Thursday to X": a phrase hung on a day or month name belongs
    // to the verb; no date takes a "to"-phrase of its own.
    heads.extend(
        parse
            .children_with(t, &["obl", "obl:tmod", "obl:unmarked", "obl:npmod"])
            .filter(|&o| is_date(&parse.lower(o))),
    );
    // "donated and delivered goods to X": a bare verb shares the arguments of the verb
    // coordinated with it, those after it.
    let partner = shared_arguments(parse, t);
    if let Some(p) = partner {
        heads.push(p);
        heads.extend(parse.children_with(p, &["obj"]).filter(|&o| o > t));
    }
    // "delivered tons of food to X": the quantity's "of"-phrase carries the preposition.
    for h in heads.clone() {
        if h != t && Some(h) != partner && parse.mention_at[h].is_none() {
            heads.extend(
                parse
                    .children_with(h, &["nmod"])
                    .filter(|&n| parse.case_of(n).as_deref() == Some("of")),
            );
        }
    }
    for &h in &heads {
        for c in parse.children_with(h, &["obl", "nmod"]) {
            // Not the "to" of "up to 16 soldiers".
            let quantity = parse
                .children_with(c, &["case"])
                .any(|k| parse.quantity_case(k));
            if c < t && Some(h) == partner || quantity {
                continue;
            }
            if let Some(case) = parse.case_of(c).or_else(|| counted_case(parse, c)) {
                obliques.push((case, c));
            }
        }
    }
    if passive {
        let mut target_words: Vec<usize> =
            parse.children_with(t, &["nsubj:pass", "nsubj"]).collect();
        // "a helicopter that was captured by X": the relative pronoun stands for the noun
        // the clause describes; a thing captured or held is no one arrested.
        if parse.rels[t] == "acl:relcl" {
            if let Some(h) = parse.heads[t] {
                let relative = |w: &usize| {
                    matches!(parse.lower(*w).as_str(), "that" | "which" | "who" | "whom")
                };
                if target_words.iter().any(relative) {
                    target_words.retain(|w| !relative(w));
                    target_words.push(h);
                    if collect(parse, &target_words).is_empty() {
                        return Some((rows[0].0, Vec::new(), Vec::new(), true));
                    }
                }
            }
        }
        let agents: Vec<usize> = parse
            .children_with(t, &["obl:agent"])
            .chain(obliques.iter().filter(|(c, _)| c == "by").map(|&(_, w)| w))
            .collect();
        // "X is opposed to Y", "X is allied with Y": a participle read as the adjective of
        // the same trigger, whose subject acts on the object of its preposition.
        if agents.is_empty() {
            for &(row, _) in &found.rows {
                let Some(p) = row
                    .preposition
                    .as_deref()
                    .filter(|_| row.pos == TriggerPos::Adj)
                else {
                    continue;
                };
                let words: Vec<usize> = obliques
                    .iter()
                    .filter(|(c, _)| c == p)
                    .map(|&(_, w)| w)
                    .collect();
                let targets = collect(parse, &words);
                if !targets.is_empty() {
                    return Some((row, collect(parse, &target_words), targets, false));
                }
            }
        }
        let row = rows[0].0;
        let targets = collect(parse, &target_words);
        let sources = collect(parse, &agents);
        return Some((row, sources, targets, false));
    }
    let mut sources = parse
        .subject(t)
        .map(|s| parse.agents_of(s))
        .unwrap_or_default();
    // "The statement on X after Trump spoke with Y": a name right after a word that is both
    // a preposition and a conjunction, and right before the verb, is the subject of the
    // clause the conjunction opens, whatever phrase the parser hung it on.
    if t >= 2 {
        if let Some(k) = parse.mention_at[t - 1] {
            let mut w = t - 1;
            while w > 0 && parse.mention_at[w - 1] == Some(k) {
                w -= 1;
            }
            if w > 0
                && matches!(
                    parse.lower(w - 1).as_str(),
                    "after" | "before" | "since" | "until" | "once" | "because" | "when" | "while"
                )
                && !sources.contains(&k)
            {
                sources = vec![k];
            }
        }
    }
    // "brokered a deal to normalize relations between X and Y": the parties, not the broker.
    let mut between: Vec<usize> = obliques
        .iter()
        .filter(|(c, _)| c == "between")
        .map(|&(_, w)| w)
        .collect();
    // "mediate in a dispute between X and Y".
    for o in parse.children_with(t, &["obl"]) {
        between.extend(
            parse
                .children_with(o, &["nmod"])
                .filter(|&w| parse.case_of(w).as_deref() == Some("between")),
        );
    }
    for c in parse.children_with(t, &["xcomp"]) {
        for h in std::iter::once(c).chain(parse.children_with(c, &["obj"])) {
            between.extend(
                parse
                    .children_with(h, &["obl", "nmod"])
                    .filter(|&w| parse.case_of(w).as_deref() == Some("between")),
            );
        }
    }
    if let Some(parties) = rows
        .iter()
        .find_map(|&(row, _)| between_parties(parse, row, &between))
    {
        return Some(parties);
    }
    // "to mediate in a dispute between the two neighbours": the parties are those the
    // between-phrase names, here none; the names nearby are not they.
    if let Some(&(row, _)) = rows
        .iter()
        .find(|(r, _)| r.preposition.as_deref() == Some("between"))
        .filter(|_| !between.is_empty() && rows.len() == 1)
    {
        return Some((row, sources, Vec::new(), true));
    }
    // A row whose preposition the verb governs wins; then a row taking a direct object.
    for &(row, _) in rows {
        if let Some(p) = &row.preposition {
            let words: Vec<usize> = obliques
                .iter()
                .filter(|(c, _)| c == p)
                .map(|&(_, w)| w)
                .collect();
            let mut targets = collect(parse, &words);
            // "reneged on its commitment to X": going back on one's own word rejects the
            // one it was given to.
            if targets.is_empty() && row.relation == RelationType::Rejects && !words.is_empty() {
                let to: Vec<usize> = words
                    .iter()
                    .flat_map(|&w| parse.children_with(w, &["nmod"]))
                    .chain(obliques.iter().map(|&(_, w)| w))
                    .filter(|&w| parse.case_of(w).as_deref() == Some("to"))
                    .collect();
                targets = collect(parse, &to);
            }
            if !targets.is_empty() {
                return Some(
                    between_parties(parse, row, &words).unwrap_or((row, sources, targets, false)),
                );
            }
        }
    }
    // "X and Y agreed that …": an agreement of opinion, no cooperation (the clause, or the
    // "that" opening it where the parser took it for the object).
    let that_clause = parse.children_with(t, &["ccomp"]).next().is_some()
        || parse
            .children_with(t, &["obj"])
            .any(|c| c == t + 1 && parse.lower(c) == "that");
    if rows[0].0.relation == RelationType::CooperatesWith && that_clause {
        return Some((rows[0].0, Vec::new(), Vec::new(), true));
    }
    // Without its preposition a row takes no object ("talk of X" is no meeting with X).
    let Some(&(mut row, _)) = rows.iter().find(|(r, _)| r.preposition.is_none()) else {
        // A phrase whose noun names the target by a modifier instead: "expelled two Chilean
        // diplomats" for "expel diplomats of Chile".
        let mut targets = Vec::new();
        if found.end - found.start > 1 {
            for o in parse.children_with(t, &["obj"]) {
                targets.extend(parse.mention_of(o));
            }
        }
        // "speaking at the opening of X": a meeting needs its partner after the row's
        // preposition ("speak with"); the neighbours are none.
        let closed = targets.is_empty()
            && rows
                .iter()
                .all(|(r, _)| r.relation == RelationType::MeetsWith);
        return Some((rows[0].0, sources, targets, closed));
    };
    // An object before an active verb is the parser's misreading of a title before a name
    // ("Palestinian leader | Yasser Arafat defended Iraq").
    let mut objects: Vec<usize> = parse
        .children_with(t, &["obj", "iobj"])
        .filter(|&o| o > t)
        .collect();
    if let (true, Some(p)) = (objects.is_empty(), partner) {
        objects.extend(parse.children_with(p, &["obj", "iobj"]).filter(|&o| o > t));
    }
    if objects.is_empty() {
        objects.extend(shifted_object(parse, t));
    }
    // A bare noun phrase after the verb that the parser took for a time or measure phrase
    // ("wounded two British soldiers" as `obl:unmarked`) is its object when it names actors;
    // so is a counted one read as an oblique ("kidnapped more than 16 soldiers", "up to 16
    // soldiers" with the "to" of "up to" for a preposition).
    if objects.is_empty() {
        objects.extend(parse.children_with(t, &["obl"]).filter(|&o| {
            let bare = match parse.rels[o] {
                "obl:unmarked" | "obl:npmod" | "obl:tmod" => parse.case_of(o).is_none(),
                "obl" => {
                    parse.children_with(o, &["nummod"]).next().is_some()
                        && parse
                            .children_with(o, &["case"])
                            .all(|c| parse.quantity_case(c))
                }
                _ => false,
            };
            o > t && bare && (parse.mention_at[o].is_some() || parse.names_directly(o))
        }));
    }
    // A thing received, held or hosted ("received the party's nomination", "held a press
    // conference"): one meets or arrests the actor itself, or people named by a role ("met
    // the leaders of X"), not the owner of a thing.
    let things: Vec<usize> = objects
        .iter()
        .copied()
        .filter(|&o| {
            parse.upos(o) == Upos::NOUN
                && parse.mention_at[o].is_none()
                && !parse.names_directly(o)
                && !names_actors(lexicon, &parse.lemma(o).to_lowercase())
                && !names_actors(lexicon, &parse.lower(o))
        })
        .collect();
    // The verb's own object names a thing and no actor ("did not support the policies X
    // mentioned"; see the end). A noun of time the parser took for the object ("met that
    // time in X") is no object.
    let thing_object = !objects.is_empty()
        && objects.iter().all(|o| {
            things.contains(o) && !TIME_NOUNS.contains(&parse.lemma(*o).to_lowercase().as_str())
        });
    // One releases or lets in people, not a report or a video of them; one hands over or
    // sends people, not a letter to them.
    let takes_actor = matches!(
        row.relation,
        RelationType::MeetsWith | RelationType::Arrests | RelationType::Extradites
    ) || row.intended_only;
    if takes_actor {
        objects.retain(|o| !things.contains(o));
    }
    // "welcomed X's statement": one meets people, but praises what they say or do; the
    // verb's other sense takes the thing, and its owner is the target.
    if takes_actor && objects.is_empty() && !things.is_empty() {
        if let Some(&(other, _)) = rows.iter().find(|(r, _)| {
            r.preposition.is_none() && !r.intended_only && r.relation == RelationType::Praises
        }) {
            row = other;
            objects = things.clone();
        }
    }
    let closed = takes_actor && !things.is_empty() && objects.is_empty();
    // Refusing to act on X rejects X ("refused to lift the curfew on X"), but refusing to
    // disavow or condemn X is no rejection of X: the refused act is itself negated.
    if objects.is_empty()
        && row.relation == RelationType::Rejects
        && parse.is_lemma(t, REFUSALS)
        && parse
            .children_with(t, &["xcomp"])
            .any(|c| disapproves(lexicon, &parse.lemma(c)))
    {
        return Some((row, sources, Vec::new(), true));
    }
    if objects.is_empty() {
        // The subject of a that-clause ("demanded that X withdraw") or the first actor of an
        // infinitive ("threatened to cut off electricity to X").
        for c in parse.children_with(t, &["ccomp", "xcomp"]) {
            if let Some(s) = parse.children_with(c, &["nsubj", "nsubj:pass"]).next() {
                objects.push(s);
            } else {
                objects.extend(parse.children_with(c, &["obj"]));
                // "threatened to cut off electricity to X", "refused to deploy troops in X",
                // not "… in its war", "in retaliation for a raid on Y" or "on the eve of a
                // visit by Z": the prepositions that lead to a target, before a name itself.
                objects.extend(parse.children_with(c, &["obl"]).filter(|&o| {
                    let name = parse.mention_at[o].is_some();
                    let named = name || parse.names_directly(o);
                    parse.case_of(o).is_some_and(|p| {
                        TARGET_CASES.contains(&p.as_str()) && named || p == "in" && name
                    })
                }));
            }
        }
    }
    // "refused admittance to X", "denied visas to X": a thing refused to someone rejects
    // them.
    if row.relation == RelationType::Rejects
        && !objects.is_empty()
        && objects.iter().all(|o| things.contains(o))
    {
        let to: Vec<usize> = obliques
            .iter()
            .filter(|(c, _)| c == "to")
            .map(|&(_, w)| w)
            .collect();
        if !collect(parse, &to).is_empty() {
            objects = to;
        }
    }
    let mut targets = collect(parse, &objects);
    if targets.is_empty() {
        // A message the object carries: "rejected calls by X", "an offer from X".
        for &(ref case, w) in &obliques {
            if matches!(case.as_str(), "by" | "from") && parse.heads[w] != Some(t) {
                targets = collect(parse, &[w]);
                break;
            }
        }
    }
    // "did not support the policies X mentioned", "rejected the plan": the act is done to
    // the thing the verb's own object names, which names no actor and no owner; a name
    // elsewhere in the sentence (in a clause on the thing, in another clause) is not its
    // target, and the word-order rules must not take it for one.
    // A phrase of the verb or of its object that names an actor ("rejected calls by X",
    // however the parser hung it) may still be the target: the rules may look.
    let actor_oblique = obliques
        .iter()
        .any(|&(_, w)| !collect(parse, &[w]).is_empty());
    let mut closed = closed || targets.is_empty() && thing_object && !actor_oblique;
    // "refused to answer whether X would …", "refused to turn over documents": a refusal
    // rejects whom the refused act is done to, searched above. An act put to a question, or
    // done to a thing that names no actor, rejects no one named, whoever else the sentence
    // names.
    closed |= targets.is_empty()
        && !actor_oblique
        && row.relation == RelationType::Rejects
        && parse.is_lemma(t, REFUSALS)
        && parse.children_with(t, &["xcomp"]).any(|c| {
            parse
                .children_with(c, &["ccomp", "advcl"])
                .any(|x| interrogative(parse, c, x))
                || parse.children_with(c, &["obj"]).next().is_some()
                    && parse.children_with(c, &["obj"]).all(|o| {
                        parse.upos(o) == Upos::NOUN
                            && parse.mention_of(o).is_none()
                            && !names_actors(lexicon, &parse.lemma(o).to_lowercase())
                            && parse
                                .children_with(o, &["nmod", "obl"])
                                .all(|n| collect(parse, &[n]).is_empty())
                    })
        });
    Some((row, sources, targets, closed))
}

/// The preposition of a counted phrase that the parser read as an adverb of the number
/// ("complained over two air raids", *over* as in "over two hundred"): the phrase's first
/// word, when it is a preposition.
fn counted_case(parse: &Parse, c: usize) -> Option<String> {
    let n = parse.children_with(c, &["nummod"]).next()?;
    let a = parse.children_with(n, &["advmod"]).find(|&a| a < n)?;
    let first = (0..c)
        .rev()
        .take_while(|&w| parse.heads[w].is_some_and(|h| h == c || h == n));
    (first.last() == Some(a) && parse.upos(a) == Upos::ADV)
        .then(|| parse.lower(a))
        .filter(|p| PREPOSITIONS.contains(&p.as_str()))
}

/// Prepositions that introduce a trigger's target.
const PREPOSITIONS: &[&str] = &["over", "about", "against", "with", "on", "for", "to"];

/// An object moved after the verb's "as"-phrase, which the parser hangs on that phrase: as
/// a modifier without a preposition or an apposition ("denounced as an ugly crime X's
/// suppression of Y"), or as the object of an adjective ("condemned as illegal X's
/// decision").
fn shifted_object(parse: &Parse, t: usize) -> Option<usize> {
    let as_phrase = |o: usize| {
        o > t
            && (parse.case_of(o).as_deref() == Some("as")
                || parse
                    .children_with(o, &["mark"])
                    .any(|m| parse.lower(m) == "as"))
    };
    parse
        .children_with(t, &["obl", "advcl"])
        .filter(|&o| as_phrase(o))
        .find_map(|o| {
            parse
                .children_with(o, &["nmod", "appos", "obj"])
                .find(|&n| n > o && parse.case_of(n).is_none())
        })
}

/// Verbs of speech that disapprove of what they report ("…, a rights group protested").
const DISAPPROVING_SPEECH: &[&str] = &[
    "protest",
    "complain",
    "charge",
    "allege",
    "accuse",
    "denounce",
    "condemn",
    "criticize",
    "criticise",
];

/// A reporting clause after what it reports, whose verb disapproves of it: "X is failing to
/// uphold the rights of refugees, a human rights group protested" criticizes X (CAMEO 111;
/// "charged", "alleged": 112). The speaker is the subject between the last comma and the
/// verb; the one disapproved of is the subject of the clause reported before the comma (the
/// agent of a passive one). Read off word order and the reported clause's own parse: the
/// parser hangs such a verb anywhere (a parataxis, a conjunct, a clause on the last noun).
fn reported_disapproval<'l>(
    parse: &Parse,
    t: usize,
    rows: &[(&'l Trigger, Form)],
) -> Option<Arguments<'l>> {
    if !parse.is_lemma(t, DISAPPROVING_SPEECH) {
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

/// The verb coordinated with a bare verb `t`, whose objects and obliques after `t` are also
/// `t`'s: the next verb ("donated and personally delivered goods to X") or, the parser
/// having hung the shared object on the first verb, the one before ("arrested and later
/// charged X"). A verb with arguments or a complement of its own, or a next verb with a
/// subject of its own ("X arrested and Y charged Z"), shares nothing.
fn shared_arguments(parse: &Parse, t: usize) -> Option<usize> {
    let own = parse
        .children_with(t, &["obj", "iobj", "obl", "ccomp", "xcomp", "nsubj:pass"])
        .next()
        .is_some();
    if own || parse.upos(t) != Upos::VERB {
        return None;
    }
    let next = parse.children_with(t, &["conj"]).find(|&c| {
        c > t
            && parse.upos(c) == Upos::VERB
            && parse
                .children_with(c, &["nsubj", "nsubj:pass"])
                .next()
                .is_none()
            && parse
                .children_with(c, &["cc"])
                .any(|k| matches!(parse.lower(k).as_str(), "and" | "or"))
    });
    if next.is_some() {
        return next;
    }
    let h = parse.heads[t].filter(|&h| h < t && parse.rels[t] == "conj")?;
    (parse.upos(h) == Upos::VERB && parse.children_with(h, &["obj"]).any(|o| o > t)).then_some(h)
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
fn verbal_attack(parse: &Parse, lexicon: &Lexicon, t: usize) -> bool {
    const TIME: &[&str] = &[
        "weekend", "week", "night", "day", "days", "month", "months", "year", "years", "period",
        "course", "hours", "morning", "evening", "time",
    ];
    // Things only words can attack.
    const STANCES: &[&str] = &[
        "plan",
        "policy",
        "decision",
        "proposal",
        "investigation",
        "inquiry",
        "probe",
        "record",
        "remark",
        "comment",
        "statement",
        "bill",
        "law",
        "idea",
        "report",
        "claim",
        "ruling",
        "stance",
        "position",
        "response",
        "handling",
        "approach",
        "agenda",
        "rhetoric",
        "legislation",
        "measure",
        "budget",
        "program",
        "programme",
        "move",
        "speech",
        "views",
        "view",
        "candidacy",
        "campaign",
        "leadership",
        "performance",
        "announcement",
        "media",
        "press",
        "impeachment",
        "reform",
        "tweet",
    ];
    // Settings of speech.
    const SPEECH: &[&str] = &[
        "debate",
        "interview",
        "speech",
        "tweet",
        "statement",
        "rally",
        "post",
        "hearing",
        "address",
        "op-ed",
        "column",
        "conference",
        "remarks",
        "broadcast",
        "podcast",
        "show",
        "twitter",
        "letter",
        "video",
        "editorial",
        "message",
        "briefing",
        "campaign",
    ];
    // "attacked X on paying fewer taxes", "for backing Y".
    let reason_clause = parse.children_with(t, &["advcl"]).any(|c| {
        parse
            .children_with(c, &["mark"])
            .any(|m| matches!(parse.lower(m).as_str(), "for" | "over" | "on"))
    });
    let stance = parse
        .children_with(t, &["obj"])
        .any(|o| parse.mention_at[o].is_none() && parse.is_lemma(o, STANCES));
    let speech = parse.children_with(t, &["obl"]).any(|o| {
        matches!(
            parse.case_of(o).as_deref(),
            Some("during" | "in" | "on" | "at" | "via" | "through")
        ) && parse.is_lemma(o, SPEECH)
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
                    Some("for" | "over") => !TIME.contains(&parse.lower(o).as_str()),
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
fn material_support(parse: &Parse, b: usize) -> bool {
    const MEANS: &[&str] = &[
        "military",
        "financial",
        "logistical",
        "material",
        "economic",
        "humanitarian",
        "air",
        "naval",
        "troop",
        "troops",
        "weapon",
        "arms",
        "fund",
        "money",
        "funding",
        "aid",
        "equipment",
        "intelligence",
        "training",
        "ammunition",
        "airstrike",
        "loan",
        "cash",
        "budget",
        "food",
        "supply",
        "fighter",
        "soldier",
        "technical",
        "medical",
    ];
    const GIVING: &[&str] = &[
        "provide", "give", "send", "offer", "supply", "extend", "deliver",
    ];
    let near = parse
        .children_with(
            b,
            &[
                "amod", "compound", "obl", "nmod", "obj", "advcl", "conj", "xcomp",
            ],
        )
        .any(|c| {
            parse.is_lemma(c, MEANS)
                || matches!(parse.case_of(c).as_deref(), Some("against" | "with"))
                || parse
                    .children_with(c, &["obj"])
                    .any(|o| parse.is_lemma(o, MEANS))
        });
    let given = parse.heads[b]
        .is_some_and(|h| parse.is_lemma(h, GIVING) || parse.case_of(b).as_deref() == Some("in"));
    near || given
}

/// Whether a verb is a trigger of disapproval: rejecting, criticizing or accusing.
fn disapproves(lexicon: &Lexicon, lemma: &str) -> bool {
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
fn names_actors(lexicon: &Lexicon, key: &str) -> bool {
    lexicon.roles.get(key).is_some_and(|roles| {
        roles
            .iter()
            .any(|r| !matches!(r.category, RoleCategory::OtherHead | RoleCategory::Modifier))
    })
}

/// The parties of a symmetric act stated "between X and Y": they act with each other, and
/// the subject who brokered or mediated it is neither ("X mediated talks between Y and Z").
fn between_parties<'l>(parse: &Parse, row: &'l Trigger, words: &[usize]) -> Option<Arguments<'l>> {
    if !row.relation.is_symmetric() {
        return None;
    }
    let &w = words
        .iter()
        .find(|&&w| parse.case_of(w).as_deref() == Some("between"))?;
    let (sources, targets) = parse.parties(w)?;
    Some((row, sources, targets, false))
}

fn noun_arguments<'l>(
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
        object
            && parse.upos(h) == Upos::VERB
            && super::arguments::light_verb_forms().contains(&parse.lower(h))
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

/// The mentions of several argument phrases, without repeats.
fn collect(parse: &Parse, words: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &w in words {
        for k in parse.mentions_of(w) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}
