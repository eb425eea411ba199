//! What the phrases of a parse name: the mention a phrase stands for, the actors of a subject,
//! the sides of "between X and Y", a verb's subject through control and coordination, and a
//! reporting clause at the end of a sentence.

use crate::entity::Mention;
use crate::lexicon::Trigger;
use crate::nlp::Upos;
use crate::relate::parsed::{base, Parse};

use super::words::words;

impl Parse<'_> {
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
                    && !words().state_heads.contains(&self.lower(h).as_str())
                    && !words().people_of_a_place.contains(&self.lower(h).as_str())
            })
    }

    /// The mention a phrase headed by `w` names: its own, or the nearest one inside it. At
    /// one depth a possessor comes last: "Osama bin Laden's al-Qaeda network" is al-Qaeda's,
    /// "Trump's administration" Trump's.
    pub(super) fn mention_of(&self, w: usize) -> Option<usize> {
        self.mention_within(w, false)
    }

    /// The mention a phrase headed by `w` names, `agent` when the phrase is the subject of
    /// an act: a place where something was ("an explosion near the town of X killed") is
    /// not who did it, unless the head is a state's body ("police in X").
    pub(super) fn mention_within(&self, w: usize, agent: bool) -> Option<usize> {
        if let Some(k) = self.mention_at[w] {
            return Some(k);
        }
        // "Nicaragua's Sandinista government" is Nicaragua's state all the same.
        let state_head = words().state_heads.contains(&self.lower(w).as_str());
        let place_of = |c: usize| {
            agent
                && !state_head
                && self
                    .case_of(c)
                    .is_some_and(|p| words().locatives.contains(&p.as_str()))
        };
        let mut frontier = vec![w];
        for _ in 0..3 {
            let mut next = Vec::new();
            for &x in &frontier {
                // "Israel's ally", "its neighbor": a noun of relation names another actor
                // than its possessor.
                let relational = words()
                    .relational
                    .contains(&self.lemma(x).to_lowercase().as_str());
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
            // African leader X" is X; so is a name the parser set flat under the title
            // ("Former FBI deputy director X" is X, not the FBI).
            let rank = |c: usize| match self.rels[c] {
                "appos" | "flat" => 0,
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
    pub(super) fn mentions_of(&self, w: usize) -> Vec<usize> {
        self.mentions_within(w, false)
    }

    /// The actors a subject phrase headed by `w` names (see [`Parse::mention_within`]).
    pub(super) fn agents_of(&self, w: usize) -> Vec<usize> {
        self.mentions_within(w, true)
    }

    pub(super) fn mentions_within(&self, w: usize, agent: bool) -> Vec<usize> {
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
    pub(super) fn sides(&self, w: usize) -> Vec<usize> {
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
    pub(super) fn parties(&self, w: usize) -> Option<(Vec<usize>, Vec<usize>)> {
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
    pub(super) fn names_directly(&self, w: usize) -> bool {
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
    pub(super) fn subject(&self, mut v: usize) -> Option<usize> {
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

    /// A reporting clause closing the sentence, as (its comma, its verb): ", a rights group
    /// protested here Wednesday." The verb is one of speech, its subject has no verb between
    /// it and the comma, and no name or clause follows it.
    pub(super) fn reporting_tail(&self) -> Option<(usize, usize)> {
        let clause = |w: usize| matches!(self.upos(w), Upos::VERB | Upos::AUX | Upos::SCONJ);
        let verb = (0..self.words.len()).rev().find(|&w| clause(w))?;
        if self.upos(verb) != Upos::VERB
            || !self.is_lemma(verb, &words().speech_verbs)
                && !self.is_lemma(verb, &words().disapproving_speech)
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
}

/// The row that applies, the sources, the targets, and whether the parse settled that there
/// is no target to look for elsewhere.
pub(super) type Arguments<'l> = (&'l Trigger, Vec<usize>, Vec<usize>, bool);

/// The parties of a symmetric act stated "between X and Y": they act with each other, and
/// the subject who brokered or mediated it is neither ("X mediated talks between Y and Z").
pub(super) fn between_parties<'l>(
    parse: &Parse,
    row: &'l Trigger,
    words: &[usize],
) -> Option<Arguments<'l>> {
    if !row.relation.is_symmetric() {
        return None;
    }
    let &w = words
        .iter()
        .find(|&&w| parse.case_of(w).as_deref() == Some("between"))?;
    let (sources, targets) = parse.parties(w)?;
    Some((row, sources, targets, false))
}

/// The mentions of several argument phrases, without repeats.
pub(super) fn collect(parse: &Parse, words: &[usize]) -> Vec<usize> {
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
