//! A verb trigger's arguments in the parse: its source is its subject (`nsubj`), found through
//! control and coordination when the verb has none of its own ("the U.S. collaborated … to
//! transfer Zambada": the subject of *transfer* is the U.S.); its target is its object (`obj`,
//! `iobj`), the object of its preposition (`obl` with the trigger's `case`), or the subject of
//! its that-clause (`ccomp`). In the passive the subject is the target and the `by` agent the
//! source. Coordinated arguments (`conj`) all count; an argument phrase without a name of its
//! own leads to the names inside it ("the son of the Sinaloa Cartel leader").

use crate::lexicon::{Form, Lexicon, Trigger, TriggerPos};
use crate::nlp::Upos;
use crate::relate::parsed::Parse;
use crate::relation::RelationType;

use super::phrases::{between_parties, collect, Arguments};
use super::readings::{disapproves, interrogative, names_actors, thing};
use super::triggers::Found;
use super::words::words;

/// A day or month name ("may" and "march" are words first) or a relative day: a time
/// phrase that takes no prepositional phrase of its own.
fn is_date(w: &str) -> bool {
    crate::text::is_date_word(w) && !matches!(w, "may" | "march" | "on" | "at")
        || matches!(w, "today" | "yesterday" | "tonight")
}

/// What every step of reading a verb's arguments looks at.
struct Clause<'a, 'l> {
    parse: &'a Parse<'a>,
    /// The verb.
    t: usize,
    found: &'a Found<'l>,
    rows: &'a [(&'l Trigger, Form)],
    lexicon: &'a Lexicon,
    /// The verb's prepositional phrases, with their prepositions.
    obliques: Vec<(String, usize)>,
    /// The verb whose arguments after `t` are also `t`'s ([`shared_arguments`]).
    partner: Option<usize>,
}

impl Clause<'_, '_> {
    /// The phrases of the verb with preposition `p`.
    fn with_case(&self, p: &str) -> Vec<usize> {
        self.obliques
            .iter()
            .filter(|(c, _)| c == p)
            .map(|&(_, w)| w)
            .collect()
    }
}

/// The arguments of verb trigger `t`, in steps: a particle that makes another verb, the
/// passive, the sides of "between", the object of the row's preposition, then the verb's
/// objects and complements.
pub(super) fn verb_arguments<'l>(
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
    // "donated and delivered goods to X": a bare verb shares the arguments of the verb
    // coordinated with it, those after it.
    let partner = shared_arguments(parse, t);
    let c = Clause {
        parse,
        t,
        found,
        rows,
        lexicon,
        obliques: obliques(parse, t, partner),
        partner,
    };
    // Particles and multiword verbs: the verb is the trigger's first word.
    let passive = parse
        .children_with(t, &["aux:pass", "nsubj:pass"])
        .next()
        .is_some();
    if passive {
        return Some(passive_arguments(&c));
    }
    let sources = subject_sources(parse, t);
    Some(
        between_arguments(&c, &sources)
            .or_else(|| prepositional_arguments(&c, &sources))
            .unwrap_or_else(|| object_arguments(&c, sources)),
    )
}

/// Objects of prepositions of the verb (and of its direct object: "imposed tariffs on X"),
/// with their prepositions.
fn obliques(parse: &Parse, t: usize, partner: Option<usize>) -> Vec<(String, usize)> {
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
    // The phrases of the verb it shares its arguments with.
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
        // "on Thursday to X" read as "Thursday and X": a phrase with a preposition of its
        // own coordinated with a date is another phrase of the verb.
        let date_conjuncts = parse
            .children_with(h, &["conj"])
            .filter(|&c| h != t && is_date(&parse.lower(h)) && parse.case_of(c).is_some());
        let phrases: Vec<usize> = parse
            .children_with(h, &["obl", "nmod"])
            .chain(date_conjuncts)
            .collect();
        for c in phrases {
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
    obliques
}

/// In the passive the subject is the target and the `by` agent the source.
fn passive_arguments<'l>(c: &Clause<'_, 'l>) -> Arguments<'l> {
    let (parse, t, rows) = (c.parse, c.t, c.rows);
    let mut target_words: Vec<usize> = parse.children_with(t, &["nsubj:pass", "nsubj"]).collect();
    // "a helicopter that was captured by X": the relative pronoun stands for the noun the
    // clause describes; a thing captured or held is no one arrested.
    if parse.rels[t] == "acl:relcl" {
        if let Some(h) = parse.heads[t] {
            let relative =
                |w: &usize| matches!(parse.lower(*w).as_str(), "that" | "which" | "who" | "whom");
            if target_words.iter().any(relative) {
                target_words.retain(|w| !relative(w));
                target_words.push(h);
                if collect(parse, &target_words).is_empty() {
                    return (rows[0].0, Vec::new(), Vec::new(), true);
                }
            }
        }
    }
    let agents: Vec<usize> = parse
        .children_with(t, &["obl:agent"])
        .chain(c.with_case("by"))
        .collect();
    // "X is opposed to Y", "X is allied with Y": a participle read as the adjective of the
    // same trigger, whose subject acts on the object of its preposition.
    if agents.is_empty() {
        for &(row, _) in &c.found.rows {
            let Some(p) = row
                .preposition
                .as_deref()
                .filter(|_| row.pos == TriggerPos::Adj)
            else {
                continue;
            };
            let targets = collect(parse, &c.with_case(p));
            if !targets.is_empty() {
                return (row, collect(parse, &target_words), targets, false);
            }
        }
    }
    let row = rows[0].0;
    let targets = collect(parse, &target_words);
    let sources = collect(parse, &agents);
    (row, sources, targets, false)
}

/// The actors of the active verb's subject.
fn subject_sources(parse: &Parse, t: usize) -> Vec<usize> {
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
    sources
}

/// The sides of a symmetric act "between X and Y": the parties, not the broker ("brokered a
/// deal to normalize relations between X and Y").
fn between_arguments<'l>(c: &Clause<'_, 'l>, sources: &[usize]) -> Option<Arguments<'l>> {
    let (parse, t, rows) = (c.parse, c.t, c.rows);
    let mut between = c.with_case("between");
    // "mediate in a dispute between X and Y".
    for o in parse.children_with(t, &["obl"]) {
        between.extend(
            parse
                .children_with(o, &["nmod"])
                .filter(|&w| parse.case_of(w).as_deref() == Some("between")),
        );
    }
    for x in parse.children_with(t, &["xcomp"]) {
        for h in std::iter::once(x).chain(parse.children_with(x, &["obj"])) {
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
    rows.iter()
        .find(|(r, _)| r.preposition.as_deref() == Some("between"))
        .filter(|_| !between.is_empty() && rows.len() == 1)
        .map(|&(row, _)| (row, sources.to_vec(), Vec::new(), true))
}

/// The object of a row's preposition that the verb governs: such a row wins over one taking
/// a direct object.
fn prepositional_arguments<'l>(c: &Clause<'_, 'l>, sources: &[usize]) -> Option<Arguments<'l>> {
    let parse = c.parse;
    for &(row, _) in c.rows {
        if let Some(p) = &row.preposition {
            let words = c.with_case(p);
            let mut targets = collect(parse, &words);
            // "reneged on its commitment to X": going back on one's own word rejects the
            // one it was given to.
            if targets.is_empty() && row.relation == RelationType::Rejects && !words.is_empty() {
                let to: Vec<usize> = words
                    .iter()
                    .flat_map(|&w| parse.children_with(w, &["nmod"]))
                    .chain(c.obliques.iter().map(|&(_, w)| w))
                    .filter(|&w| parse.case_of(w).as_deref() == Some("to"))
                    .collect();
                targets = collect(parse, &to);
            }
            if !targets.is_empty() {
                return Some(between_parties(parse, row, &words).unwrap_or((
                    row,
                    sources.to_vec(),
                    targets,
                    false,
                )));
            }
        }
    }
    None
}

/// The target of a row without a preposition: the verb's object, or the subject or first
/// actor of its complement; and whether the parse settled that there is none to look for.
fn object_arguments<'l>(c: &Clause<'_, 'l>, sources: Vec<usize>) -> Arguments<'l> {
    let (parse, t, rows, lexicon) = (c.parse, c.t, c.rows, c.lexicon);
    // "X and Y agreed that …": an agreement of opinion, no cooperation (the clause, or the
    // "that" opening it where the parser took it for the object).
    let that_clause = parse.children_with(t, &["ccomp"]).next().is_some()
        || parse
            .children_with(t, &["obj"])
            .any(|c| c == t + 1 && parse.lower(c) == "that");
    if rows[0].0.relation == RelationType::CooperatesWith && that_clause {
        return (rows[0].0, Vec::new(), Vec::new(), true);
    }
    // Without its preposition a row takes no object ("talk of X" is no meeting with X).
    let Some(&(mut row, _)) = rows.iter().find(|(r, _)| r.preposition.is_none()) else {
        // A phrase whose noun names the target by a modifier instead: "expelled two Chilean
        // diplomats" for "expel diplomats of Chile".
        let mut targets = Vec::new();
        if c.found.end - c.found.start > 1 {
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
        return (rows[0].0, sources, targets, closed);
    };
    let mut objects = direct_objects(c);
    // A thing received, held or hosted ("received the party's nomination", "held a press
    // conference"): one meets or arrests the actor itself, or people named by a role ("met
    // the leaders of X"), not the owner of a thing.
    let things: Vec<usize> = objects
        .iter()
        .copied()
        .filter(|&o| thing(parse, lexicon, o) && !names_actors(lexicon, &parse.lower(o)))
        .collect();
    // The verb's own object names a thing and no actor ("did not support the policies X
    // mentioned"; see the end). A noun of time the parser took for the object ("met that
    // time in X") is no object.
    let thing_object = !objects.is_empty()
        && objects.iter().all(|o| {
            things.contains(o)
                && !words()
                    .time_nouns
                    .contains(&parse.lemma(*o).to_lowercase().as_str())
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
        && parse.is_lemma(t, &words().refusals)
        && parse
            .children_with(t, &["xcomp"])
            .any(|x| disapproves(lexicon, &parse.lemma(x)))
    {
        return (row, sources, Vec::new(), true);
    }
    if objects.is_empty() {
        objects = complement_objects(parse, t);
    }
    // "refused admittance to X", "denied visas to X": a thing refused to someone rejects
    // them.
    if row.relation == RelationType::Rejects
        && !objects.is_empty()
        && objects.iter().all(|o| things.contains(o))
    {
        let to = c.with_case("to");
        if !collect(parse, &to).is_empty() {
            objects = to;
        }
    }
    let mut targets = collect(parse, &objects);
    // "boycotted the talks with X", "would boycott all contact with X": a phrase after a
    // noun object whose preposition the verb does not take but such a noun does belongs to
    // the object, wherever the parser hung it; the act on the thing is done to X.
    if targets.is_empty() && !objects.is_empty() {
        let last = objects.iter().copied().max().unwrap_or(t);
        let nouns = objects
            .iter()
            .all(|&o| parse.upos(o) == Upos::NOUN && parse.mention_at[o].is_none());
        let taken = |p: &str| {
            rows.iter()
                .any(|(r, _)| r.preposition.as_deref() == Some(p))
        };
        if nouns {
            let phrases: Vec<usize> = c
                .obliques
                .iter()
                .filter(|&&(ref p, w)| {
                    w > last
                        && parse.heads[w] == Some(t)
                        && words().object_phrase_cases.contains(&p.as_str())
                        && !taken(p)
                })
                .map(|&(_, w)| w)
                .collect();
            targets = collect(parse, &phrases);
        }
    }
    if targets.is_empty() {
        // A message the object carries: "rejected calls by X", "an offer from X".
        for &(ref case, w) in &c.obliques {
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
    let actor_oblique = c
        .obliques
        .iter()
        .any(|&(_, w)| !collect(parse, &[w]).is_empty());
    let closed = closed
        || targets.is_empty() && thing_object && !actor_oblique
        || targets.is_empty()
            && !actor_oblique
            && row.relation == RelationType::Rejects
            && refuses_nothing_named(parse, t, lexicon);
    (row, sources, targets, closed)
}

/// The verb's own objects after it: an object before an active verb is the parser's
/// misreading of a title before a name ("Palestinian leader | Yasser Arafat defended Iraq").
fn direct_objects(c: &Clause) -> Vec<usize> {
    let (parse, t) = (c.parse, c.t);
    let mut objects: Vec<usize> = parse
        .children_with(t, &["obj", "iobj"])
        .filter(|&o| o > t)
        .collect();
    if let (true, Some(p)) = (objects.is_empty(), c.partner) {
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
    // A common noun after the verb read as an oblique with no preposition at all, and no
    // noun of time, is the object the parser missed ("welcomed X's statement as proof"),
    // whether or not it names anyone: a thing done to is still the object.
    if objects.is_empty() {
        objects.extend(parse.children_with(t, &["obl"]).filter(|&o| {
            o > t
                && parse.rels[o] == "obl"
                && parse.upos(o) == Upos::NOUN
                && parse.children_with(o, &["case"]).next().is_none()
                && !words()
                    .time_nouns
                    .contains(&parse.lemma(o).to_lowercase().as_str())
        }));
    }
    objects
}

/// The subject of a that-clause ("demanded that X withdraw") or the first actor of an
/// infinitive ("threatened to cut off electricity to X").
fn complement_objects(parse: &Parse, t: usize) -> Vec<usize> {
    let mut objects = Vec::new();
    for c in parse.children_with(t, &["ccomp", "xcomp"]) {
        if let Some(s) = parse.children_with(c, &["nsubj", "nsubj:pass"]).next() {
            objects.push(s);
        } else {
            objects.extend(parse.children_with(c, &["obj"]));
            // "threatened to cut off electricity to X", "refused to deploy troops in X", not
            // "… in its war", "in retaliation for a raid on Y" or "on the eve of a visit by
            // Z": the prepositions that lead to a target, before a name itself.
            objects.extend(parse.children_with(c, &["obl"]).filter(|&o| {
                // "to turn over documents related to X": a preposition right after an
                // adjective the parser hung on the verb is the adjective's complement, not
                // the verb's; the act is done to the documents.
                let adjectives: Vec<usize> = parse
                    .children_with(c, &["advmod", "amod", "xcomp"])
                    .collect();
                let of_adjective = parse.children_with(o, &["case"]).any(|k| {
                    k > 0 && parse.upos(k - 1) == Upos::ADJ && adjectives.contains(&(k - 1))
                });
                if of_adjective {
                    return false;
                }
                let name = parse.mention_at[o].is_some();
                let named = name || parse.names_directly(o);
                parse.case_of(o).is_some_and(|p| {
                    words().target_cases.contains(&p.as_str()) && named || p == "in" && name
                })
            }));
        }
    }
    objects
}

/// "refused to answer whether X would …", "refused to turn over documents": a refusal
/// rejects whom the refused act is done to. An act put to a question, or done to a thing
/// that names no actor, rejects no one named, whoever else the sentence names.
fn refuses_nothing_named(parse: &Parse, t: usize, lexicon: &Lexicon) -> bool {
    parse.is_lemma(t, &words().refusals)
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
        })
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
        .filter(|p| words().counted_prepositions.contains(&p.as_str()))
}

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
