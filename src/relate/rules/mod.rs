//! The hand-written rules: a trigger from the lexicon ("accused", "threats", "hand over")
//! anchors an act; its source and target are read from the dependency parse ([`statement`])
//! or, where the parse finds none, from word order ([`order`]); negation, hedges, demands and
//! intentions decide how true it is ([`truth`] from the parse, [`order_truth`] from the words
//! before the trigger). The rules propose; the model decides: what a rule says of a pair is
//! one of the model's features ([`super::features`]), never the verdict.
//!
//! Reading the parse, step by step: the trigger's rows that fit the tagging and the truth of
//! its clause ([`statement`], [`truth`]); its arguments ([`verb_arguments`],
//! [`noun_arguments`]), read through what the phrases of the parse name ([`phrases`]); the
//! parties the act takes ([`parties`]); the sense the clause gives it ([`senses`]); special
//! readings that these steps share ([`readings`]: a mediator, a halted tie, a verbal attack,
//! material support, a condition). Around them: the triggers ([`triggers`]), pronouns
//! ([`pronouns`]), where a place stands ([`places`]), obligations ([`obligations`]) and the
//! rules' word lists ([`words`], from `data/lexicon/rule_words.tsv`).
//!
//! Each proposal names the rule that made it:
//!
//! | rule | what it reads |
//! |---|---|
//! | `parse` | the trigger's arguments in the dependency parse |
//! | `order+parse-truth` | arguments by word order, truth (negation, hedges) from the parse |
//! | `order` | arguments by word order, where the parse found none |
//! | `obligation` | "X said Y must …": an obligation stated on someone, a demand |
//! | `prefix-title`, `prefix-state-body`, `role-after-organization`, `person-party`, `apposition-role`, `based-in` | static relations of titles, name prefixes, roles in apposition and seats of organizations ([`crate::resolve`]) |

mod noun_arguments;
mod obligations;
mod order;
mod order_truth;
mod parties;
mod phrases;
mod places;
mod pronouns;
mod readings;
mod senses;
mod statement;
mod triggers;
mod truth;
mod verb_arguments;
pub(super) mod words;

use std::fmt::Write as _;
use std::ops::Range;

use super::{intended, parsed, Modality, Statement};
use crate::entity::{EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::relation::{Relation, RelationType};
use crate::resolve::Resolved;
use crate::text::{Layout, Sentence};
use places::{nationality, plural_demonym, setting_of, Setting};

pub(super) use places::setting_name;

/// A relation a rule proposes, with the rule's name.
#[derive(Debug, Clone)]
pub(crate) struct Proposal {
    pub relation: Relation,
    pub rule: &'static str,
}

/// The static relations of titles and prefixes that resolution found in sentence `index`.
pub(super) fn static_links(layout: &Layout, resolved: &Resolved, index: usize) -> Vec<Proposal> {
    resolved
        .links
        .iter()
        .filter(|link| link.sentence == index)
        .map(|link| Proposal {
            relation: Relation {
                source: link.source,
                target: link.target,
                kind: link.relation,
                negated: false,
                sentence: layout.sentences[link.sentence].span.clone(),
                trigger: link.trigger.clone(),
                confidence: 1.0,
                reason: String::new(),
            },
            rule: link.rule,
        })
        .collect()
}

/// The mentions the rules read in sentence `index` (the document's mentions `first..last`):
/// names that are no modifier inside a larger name, no source of information ("according
/// to X") and no nationality of private people ("a Canadian tourist"), with the sentence's
/// pronouns resolved; plural demonyms stand for groups.
pub(super) fn mentions(
    doc: &str,
    layout: &Layout,
    index: usize,
    resolved: &Resolved,
    span: Range<usize>,
    lexicon: &Lexicon,
) -> Vec<Mention> {
    let sentence = &layout.sentences[index];
    let (first, last) = (span.start, span.end);
    let mut mentions: Vec<Mention> = resolved.mentions[first..last]
        .iter()
        .filter(|m| !m.nested && !order_truth::information_source(doc, layout, sentence, m))
        .filter(|m| !nationality(doc, layout, sentence.tokens.end, m, lexicon))
        .filter(|m| {
            m.kind != EntityType::Group
                || !crate::recognize::inner_acting_body(
                    doc,
                    layout,
                    sentence,
                    &crate::text::key(&resolved.entities[m.entity].label),
                    &m.tokens,
                )
        })
        .cloned()
        .collect();
    mentions.extend(pronouns::resolve(
        doc,
        layout,
        index,
        &resolved.mentions[..last],
        lexicon,
    ));
    mentions.sort_by_key(|m| m.tokens.start);
    // "arrested 100 Palestinians": a plural demonym names people of the country, who
    // can be arrested or handed over as a group can.
    for m in &mut mentions {
        if m.kind == EntityType::Country && plural_demonym(&doc[m.span.clone()], lexicon) {
            m.kind = EntityType::Group;
        }
    }
    mentions
}

/// What the rules propose for one sentence, given its rule mentions and its parse.
#[allow(clippy::too_many_arguments)]
pub(super) fn propose(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    mentions: &[Mention],
    parse: Option<&parsed::Parse>,
    resolved: &Resolved,
    lexicon: &Lexicon,
    mut trace: Option<&mut String>,
) -> Vec<Proposal> {
    let mut out = Vec::new();
    if mentions.len() < 2 || order_truth::is_question(doc, layout, sentence) {
        return out;
    }
    let mut found = triggers::find(doc, layout, sentence, mentions, lexicon);
    // "sanctioned X over alleged plots", "amid alleged fraud": a past participle between a
    // preposition and its noun describes the noun; it is no act, whatever the parse.
    found.retain(|f| {
        !(f.end - f.start == 1
            && f.rows
                .iter()
                .all(|(_, form)| *form == crate::lexicon::Form::Past)
            && order_truth::after_preposition(doc, layout, sentence, f.start))
    });
    // "X said Y must …": an obligation stated on someone is a demand without a trigger.
    let obliges = sentence.tokens.clone().any(|i| {
        matches!(
            layout.tokens[i].text(doc).to_lowercase().as_str(),
            "must" | "should" | "ought"
        )
    });
    if found.is_empty() && !obliges {
        return out;
    }
    if let Some(t) = trace.as_deref_mut() {
        for f in &found {
            let rows: Vec<String> = f
                .rows
                .iter()
                .map(|(r, _)| format!("{:?}/{:?}/{:?}", r.relation, r.pos, r.preposition))
                .collect();
            let _ = writeln!(
                t,
                "  trigger {:?}: {}",
                &doc[f.span(layout)],
                rows.join(" ")
            );
        }
    }
    // "attorneys general from Maine", "an Ohio man": a city or region named as where
    // someone comes from is the setting of the act, not a party to it.
    let settings: Vec<Setting> = mentions
        .iter()
        .map(|m| setting_of(doc, layout, sentence, parse, m, lexicon))
        .collect();
    let press: Vec<bool> = mentions
        .iter()
        .map(|m| news_organization(m, &resolved.entities[m.entity].label, lexicon))
        .collect();
    // "the invasion of X", "the bombing of X": the "of" of a noun trigger names whom the
    // act is done to, as its object would.
    let settings_for = |f: &triggers::Found| -> Vec<Setting> {
        settings
            .iter()
            .zip(mentions)
            .map(|(&x, m)| {
                let of_trigger = m.tokens.start == f.end + 1
                    && layout.tokens[f.end].text(doc).eq_ignore_ascii_case("of");
                if x == Setting::Elsewhere && of_trigger {
                    Setting::Party
                } else {
                    x
                }
            })
            .collect()
    };
    for f in &found {
        let by_parse = parse.and_then(|p| statement::statement(p, f, mentions, lexicon));
        if let Some(t) = trace.as_deref_mut() {
            let _ = writeln!(
                t,
                "  parse statement for {:?}: {by_parse:?}",
                &doc[f.span(layout)]
            );
        }
        let fits = parse.is_some_and(|p| statement::fits(p, f));
        let chosen = match by_parse {
            Some(s) if s.has_pair() => Some((s, "parse")),
            // The parse found that nothing is stated (a hedge, a demanded act, a thing
            // for an object): the word-order rules must not find an act here.
            Some(s) if s.closed => None,
            // The parse read the truth of the clause ("would not meet their demands")
            // better than a word window does: the rules' arguments keep it.
            Some(s) if fits => {
                order::statement(doc, layout, sentence, mentions, f).map(|mut r| {
                    if s.modality != Modality::Asserted {
                        r.modality = s.modality;
                    }
                    // The parse read the sense from the whole clause ("attacked X
                    // during the debate and blasted Y": words, not force; "supported
                    // X" with no means given: an endorsement, not aid), where the
                    // rules see only the trigger's row: the parse's sense is kept.
                    if matches!(
                        (r.relation, s.relation),
                        (RelationType::Attacks, RelationType::Criticizes)
                            | (RelationType::Aids, RelationType::Praises)
                    ) {
                        r.relation = s.relation;
                    }
                    (r, "order+parse-truth")
                })
            }
            _ if fits => order::statement(doc, layout, sentence, mentions, f).map(|r| (r, "order")),
            _ => None,
        };
        if let Some((statement, rule)) = chosen {
            emit(
                &statement,
                mentions,
                &settings_for(f),
                &press,
                sentence.span.clone(),
                f.span(layout),
                rule,
                &mut out,
            );
        }
    }
    if obliges {
        if let Some(p) = parse {
            for (at, statement) in obligations::obligations(p) {
                let trigger = layout.tokens[at].span.clone();
                emit(
                    &statement,
                    mentions,
                    &settings,
                    &press,
                    sentence.span.clone(),
                    trigger,
                    "obligation",
                    &mut out,
                );
            }
        }
    }
    out
}

/// Whether an organization's mention names a news organization: one the lexicon lists as
/// media, or one named the way English names news outlets ("Fox News", "NBC News", "The
/// Washington Post", "The Daily Telegraph": a last word "news", "times", "post", …).
pub(super) fn news_organization(m: &Mention, label: &str, lexicon: &Lexicon) -> bool {
    if lexicon.media.contains(&crate::text::key(label)) {
        return true;
    }
    let last = label.split_whitespace().last().unwrap_or("").to_lowercase();
    // A name ending in "news" is no person's or place's, whatever the recognizer guessed
    // ("Wikinews", "Sky News"); "Times" or "Post" ends a surname too ("Emily Post").
    last.ends_with("news")
        || m.kind == EntityType::Organization
            && matches!(
                last.as_str(),
                "times"
                    | "post"
                    | "journal"
                    | "herald"
                    | "tribune"
                    | "gazette"
                    | "telegraph"
                    | "press"
            )
}

/// Whether the rules leave a name out of their mentions: a source of information ("according
/// to X", "via Twitter") or the nationality of private people ("a Canadian tourist").
pub(super) fn left_out(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    m: &Mention,
    lexicon: &Lexicon,
) -> bool {
    order_truth::information_source(doc, layout, sentence, m)
        || nationality(doc, layout, sentence.tokens.end, m, lexicon)
}

/// Whether entities of this type can act or be acted on in an event.
fn is_actor(kind: EntityType) -> bool {
    kind != EntityType::Other
}

/// Turns a statement into relations between entities, once per pair and sentence.
#[allow(clippy::too_many_arguments)]
fn emit(
    statement: &Statement,
    mentions: &[Mention],
    settings: &[Setting],
    press: &[bool],
    sentence: Range<usize>,
    trigger: Range<usize>,
    rule: &'static str,
    out: &mut Vec<Proposal>,
) {
    // "will release X" intends to cooperate; "released X" is outside the vocabulary.
    if statement.intended_only
        && !matches!(statement.modality, Modality::Intended | Modality::Attempted)
    {
        return;
    }
    let (kind, negated) = match statement.modality {
        Modality::Hedged | Modality::Demanded => return,
        Modality::Attempted if statement.relation == RelationType::Attacks => {
            (RelationType::Attacks, false)
        }
        Modality::Intended | Modality::Attempted => match intended(statement.relation) {
            Some(kind) => (kind, false),
            None => return,
        },
        Modality::Negated => (statement.relation, true),
        Modality::Asserted => (statement.relation, false),
    };
    let mut targets = statement.targets.clone();
    // One arrests people ("held caucuses in X" arrests no one) and hands over people, or to
    // a state ("extradited X", "handed them over to Y").
    let of_people = match kind {
        RelationType::Arrests => true,
        RelationType::Extradites => !statement.prepositional,
        _ => false,
    };
    if of_people {
        targets.retain(|&k| matches!(mentions[k].kind, EntityType::Person | EntityType::Group));
    }
    let sources = &statement.sources;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if targets.is_empty() && kind.is_symmetric() && sources.len() >= 2 {
        // "The U.S. and Mexico are establishing an alliance": the coordinated sides.
        for (a, &x) in sources.iter().enumerate() {
            for &y in &sources[a + 1..] {
                pairs.push((x, y));
            }
        }
    }
    for &s in sources {
        for &g in &targets {
            pairs.push((s, g));
        }
    }
    for (s, g) in pairs {
        // Events happen between actors. A law, an event or a storm ("signed the Act",
        // "Hurricane Lorenzo hit") is not one; a place is, as CAMEO codes it ("shelled Juba":
        // the place and its people), except as a party to a meeting (below).
        if !is_actor(mentions[s].kind) || !is_actor(mentions[g].kind) {
            continue;
        }
        // A place where an act happens is where it is done to people: shelled or put under
        // curfew there, the place is its target (CAMEO codes it so); it is no party to any
        // other act, and a place someone comes from is none to any.
        let place_target = matches!(kind, RelationType::Attacks | RelationType::Sanctions);
        let elsewhere = |k: usize| match settings[k] {
            Setting::Party => false,
            Setting::Within => !place_target || k == s,
            Setting::Elsewhere => true,
        };
        if elsewhere(s) || elsewhere(g) {
            continue;
        }
        // One meets people, not a city or a region ("Biden visited Kenosha"): a visit to a
        // country is a visit to its state, a visit to a place meets no one.
        if kind == RelationType::MeetsWith
            && (mentions[s].kind == EntityType::Location
                || mentions[g].kind == EntityType::Location)
        {
            continue;
        }
        // A news organization reports and interviews: "spoke with CNN", "told the BBC",
        // "answered questions for the Times", "CNN called the election for X", "a Times
        // story alleging X" are the work of the press, no act between parties. It is a party
        // only to what is done to it (attacked, banned, criticized, sued, called on) and to
        // what it files itself (a lawsuit); never a partner in meeting or cooperation.
        if press[s] && kind != RelationType::Prosecutes
            || press[g]
                && matches!(
                    kind,
                    RelationType::MeetsWith
                        | RelationType::CooperatesWith
                        | RelationType::NegotiatesWith
                        | RelationType::Aids
                )
        {
            continue;
        }
        let (source, target) = (mentions[s].entity, mentions[g].entity);
        if source == target {
            continue;
        }
        let relation = Relation {
            source,
            target,
            kind,
            negated,
            sentence: sentence.clone(),
            trigger: trigger.clone(),
            confidence: 1.0,
            reason: String::new(),
        };
        if !out.iter().any(|p| same_statement(&p.relation, &relation)) {
            out.push(Proposal { relation, rule });
        }
    }
}

fn same_statement(a: &Relation, b: &Relation) -> bool {
    a.kind == b.kind
        && a.negated == b.negated
        && a.sentence == b.sentence
        && (a.source == b.source && a.target == b.target
            || a.kind.is_symmetric() && a.source == b.target && a.target == b.source)
}
