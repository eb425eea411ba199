//! Teams named after places: in "Kelmarsh beat Ostrava 2-1" or "signed for Ostrava", a town's
//! name stands for its club, an organization. The document says so by a score after the
//! name, a result verb between two names, a transfer ("signed for X", "on loan from X") or a
//! club in brackets after a player ("Tomas Varga (Ostrava)"). One name keeps one reading in a
//! document: once a cue makes it a team, every mention of it is the team.
//!
//! A country's own name stays the country (national teams are their countries, as in most
//! annotation of news), and a name with a title or role before it stays a person.

use std::collections::HashSet;
use std::ops::Range;

use super::candidate::Candidate;
use crate::entity::EntityType;
use crate::lexicon::{Lexicon, NameSource};
use crate::text::{self, Layout, TokenKind};

/// Verbs of a result between two sides: "X beat Y", "X drew with Y", "X lost to Y".
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "thrashed",
    "thrash",
    "edged",
    "routed",
    "hammered",
    "overcame",
    "drew",
    "draw",
    "draws",
    "lost",
    "lose",
    "loses",
    "outclassed",
    "whitewashed",
];

/// Words between a result verb and the other side: "drew with", "lost to", "won against".
const RESULT_LINKS: &[&str] = &["with", "to", "against", "at"];

/// Retypes the candidates that stand for teams (see the module doc). Candidates keep their
/// order and spans.
pub(super) fn retype(
    doc: &str,
    layout: &Layout,
    mut candidates: Vec<Candidate>,
    lexicon: &Lexicon,
) -> Vec<Candidate> {
    let text = |i: usize| layout.tokens.get(i).map_or("", |t| t.text(doc));
    let is_number = |i: usize| {
        layout
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    let name_tokens = |c: &Candidate| -> Range<usize> {
        let start = layout
            .tokens
            .partition_point(|t| t.span.start < c.span.start);
        let end = layout.tokens.partition_point(|t| t.span.start < c.span.end);
        start..end
    };
    let sentence_end = |c: &Candidate| {
        layout
            .sentences
            .get(c.sentence)
            .map_or(layout.tokens.len(), |s| s.tokens.end)
    };
    // A score right after the name: "Kelmarsh 2-1", "Kelmarsh 2 Ostrava 1".
    let score_after = |c: &Candidate| {
        let r = name_tokens(c);
        let end = sentence_end(c);
        let goals = |i: usize| {
            is_number(i) && text(i).len() <= 2 && text(i).bytes().all(|b| b.is_ascii_digit())
        };
        // (Bowling figures, "10-2-34-3", are no score.)
        goals(r.end)
            && (r.end + 1 >= end
                || (text(r.end + 1) == "-" && goals(r.end + 2) && text(r.end + 3) != "-")
                || matches!(text(r.end + 1), "," | ";" | ")")
                || layout.tokens[r.end + 1].kind == TokenKind::Word
                    && text(r.end + 1).starts_with(char::is_uppercase))
    };
    let sports_document = candidates.iter().any(&score_after);
    let may_be_team = |c: &Candidate| match c.kind {
        EntityType::Country => c
            .entry
            .is_some_and(|e| lexicon.names.entries[e].source == NameSource::Capital),
        EntityType::Location | EntityType::Organization => true,
        EntityType::Person => c.title_span.is_none() && c.title_relation.is_none(),
        _ => false,
    };
    let is_place = |c: &Candidate| c.kind == EntityType::Location || c.kind == EntityType::Country;
    let mut teams: HashSet<String> = HashSet::new();
    for (k, c) in candidates.iter().enumerate() {
        if !may_be_team(c) {
            continue;
        }
        let r = name_tokens(c);
        let mut cue = score_after(c);
        // "signed for X", "on loan from X".
        let before = |n: usize| (r.start >= n).then(|| text(r.start - n).to_lowercase());
        cue |= before(1).as_deref() == Some("for") && before(2).as_deref() == Some("signed");
        cue |= matches!(before(1).as_deref(), Some("from" | "at" | "to" | "with"))
            && before(2).as_deref() == Some("loan");
        // "Tomas Varga (Ostrava)": a club in brackets after a player.
        cue |= before(1).as_deref() == Some("(")
            && text(r.end) == ")"
            && k > 0
            && candidates[k - 1].kind == EntityType::Person
            && name_tokens(&candidates[k - 1]).end + 1 == r.start;
        // "X beat Y", "X drew with Y": both sides, when the document reports results or one
        // side is a place (a town beats no one).
        if let Some(other) = result_partner(&candidates, k, &name_tokens, &text) {
            let o = &candidates[other];
            if may_be_team(o) && (sports_document || is_place(c) || is_place(o)) {
                cue = true;
                teams.insert(text::key(&o.name));
            }
        }
        if cue {
            teams.insert(text::key(&c.name));
        }
    }
    if teams.is_empty() {
        return candidates;
    }
    for c in &mut candidates {
        if may_be_team(c) && teams.contains(&text::key(&c.name)) {
            c.kind = EntityType::Organization;
            c.entry = None;
            c.country = None;
            c.tentative = false;
            c.defaulted = false;
        }
    }
    candidates
}

/// The candidate on the other side of a result verb from candidate `k`, when `k` is its
/// subject: "X beat Y", "X drew with Y".
fn result_partner<'t>(
    candidates: &[Candidate],
    k: usize,
    name_tokens: &dyn Fn(&Candidate) -> Range<usize>,
    text: &dyn Fn(usize) -> &'t str,
) -> Option<usize> {
    let r = name_tokens(&candidates[k]);
    let verb = text(r.end).to_lowercase();
    if !RESULT_VERBS.contains(&verb.as_str()) {
        return None;
    }
    let mut at = r.end + 1;
    // "drew 1-1 with", "won 2-0 against".
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text(at)) && text(at + 1) == "-" && digits(text(at + 2)) {
        at += 3;
    }
    if RESULT_LINKS.contains(&text(at).to_lowercase().as_str()) {
        at += 1;
    }
    let next = candidates.get(k + 1)?;
    (name_tokens(next).start == at && next.sentence == candidates[k].sentence).then_some(k + 1)
}

#[cfg(test)]
mod tests {
    use crate::{Document, EntityType, Extractor};

    fn kind_of(text: &str, label: &str) -> Option<EntityType> {
        let ex = Extractor::new().extract(&Document::new("t", text));
        ex.entities
            .iter()
            .find(|e| e.label == label)
            .map(|e| e.kind)
    }

    #[test]
    fn towns_with_scores_and_results_are_teams() {
        let text = "Liverpool beat Leeds 2-1 on Saturday. Leeds had won the first match.";
        assert_eq!(kind_of(text, "Liverpool"), Some(EntityType::Organization));
        assert_eq!(kind_of(text, "Leeds"), Some(EntityType::Organization));
    }

    #[test]
    fn transfers_and_clubs_in_brackets_are_teams() {
        let text = "Striker Tomas Varga signed for Kolvane last week. \
                    He scored twice for Kolvane on Sunday.";
        assert_eq!(kind_of(text, "Kolvane"), Some(EntityType::Organization));
        assert_eq!(kind_of(text, "Tomas Varga"), Some(EntityType::Person));
        let text = "Scorers: Mirko Dalic (Porto) 34, Lars Hemming (Leeds) 60.";
        assert_eq!(kind_of(text, "Porto"), Some(EntityType::Organization));
        assert_eq!(kind_of(text, "Mirko Dalic"), Some(EntityType::Person));
    }

    #[test]
    fn countries_and_places_without_cues_stay_places() {
        let text = "Italy beat France 2-1 in Paris on Sunday.";
        assert_eq!(kind_of(text, "Italy"), Some(EntityType::Country));
        assert_eq!(kind_of(text, "France"), Some(EntityType::Country));
        let text = "Protesters marched through Leeds on Saturday.";
        assert_eq!(kind_of(text, "Leeds"), Some(EntityType::Location));
    }
}
