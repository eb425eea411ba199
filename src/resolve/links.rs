//! Static relations implied by how names are written.

use std::ops::Range;

use super::Resolved;
use crate::entity::EntityType;
use crate::lexicon::{state_body, Lexicon, RoleCategory};
use crate::recognize::Candidate;
use crate::relation::RelationType;

/// A static relation stated by a name's phrasing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticLink {
    /// Source entity index.
    pub source: usize,
    /// Relation.
    pub relation: RelationType,
    /// Target entity index.
    pub target: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Byte range of the words that state it (the title, the prefix, the possessive).
    pub trigger: Range<usize>,
    /// Which construction states it (see [`crate::relate`]'s rules).
    pub rule: &'static str,
}

/// Derives static links from the candidates of a resolved document. Candidates and
/// `resolved.mentions` are parallel.
pub(super) fn derive(
    doc: &str,
    candidates: &[Candidate],
    lexicon: &Lexicon,
    resolved: &mut Resolved,
) {
    let entity = |k: usize| resolved.mentions[k].entity;
    let mut links = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        // The nested country prefix of this phrase, if any: it is the candidate just before.
        let prefix = k
            .checked_sub(1)
            .filter(|&p| candidates[p].nested && candidates[p].sentence == c.sentence);
        if let Some(p) = prefix {
            let relation = match (c.kind, c.title_relation) {
                (EntityType::Person, Some(rel)) => Some(rel),
                (EntityType::Organization, _) if state_body(&c.name) => Some(RelationType::PartOf),
                _ => None,
            };
            if let Some(relation) = relation {
                let trigger = c.title_span.clone().unwrap_or(candidates[p].span.clone());
                let rule = if relation == RelationType::PartOf {
                    "prefix-state-body"
                } else {
                    "prefix-title"
                };
                links.push(StaticLink {
                    source: entity(k),
                    relation,
                    target: entity(p),
                    sentence: c.sentence,
                    trigger,
                    rule,
                });
            }
        }
        // "Cartel leader X": an organization right before a role word.
        if prefix.is_none() {
            if let (Some(rel), Some(role)) = (c.title_relation, &c.title_span) {
                let before = k.checked_sub(1).filter(|&p| {
                    let prev = &candidates[p];
                    prev.sentence == c.sentence
                        && matches!(
                            prev.kind,
                            EntityType::Organization | EntityType::Country | EntityType::Group
                        )
                        && prev.span.end <= role.start
                        && super::between(doc, prev.span.end, role.start)
                            .trim()
                            .is_empty()
                });
                if let Some(p) = before {
                    links.push(StaticLink {
                        source: entity(k),
                        relation: rel,
                        target: entity(p),
                        sentence: c.sentence,
                        trigger: role.clone(),
                        rule: "role-after-organization",
                    });
                }
            }
        }
        // "X's Y party": a person's organization.
        if let Some(next) = candidates.get(k + 1) {
            let between = super::between(doc, c.span.end, next.span.start).trim();
            if c.kind == EntityType::Person
                && next.kind == EntityType::Organization
                && next.sentence == c.sentence
                && matches!(between, "'s" | "’s")
            {
                links.push(StaticLink {
                    source: entity(k),
                    relation: RelationType::MemberOf,
                    target: entity(k + 1),
                    sentence: c.sentence,
                    trigger: c.span.end..next.span.start,
                    rule: "person-party",
                });
            }
        }
    }
    links.extend(appositions(doc, candidates, lexicon, resolved));
    links.extend(seats(doc, candidates, resolved));
    links.retain(|l| l.source != l.target);
    resolved.links = links;
}

/// Each name and the next one of its sentence, neither nested in a larger name, with the text
/// between them: (index of the first, the first, the second, the gap).
fn neighbours<'a>(
    doc: &'a str,
    candidates: &'a [Candidate],
) -> impl Iterator<Item = (usize, &'a Candidate, &'a Candidate, &'a str)> {
    candidates
        .windows(2)
        .enumerate()
        .filter(|(_, w)| {
            let (a, b) = (&w[0], &w[1]);
            a.sentence == b.sentence && !a.nested && !b.nested && b.span.start >= a.span.end
        })
        .map(move |(k, w)| {
            let (a, b) = (&w[0], &w[1]);
            (k, a, b, super::between(doc, a.span.end, b.span.start))
        })
}

/// Determiners and possessives that may open a role phrase ("X, the director of Y").
const ROLE_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];
/// Prepositions that join a role to what it is a role in ("director of", "spokesman for",
/// "professor at").
const ROLE_PREPOSITIONS: &[&str] = &["of", "for", "at"];
/// Words that end a role phrase's modifiers: a clause or another phrase begins ("X, who met
/// the director of Y" gives X no role).
const CLOSED_CLASS_WORDS: &[&str] = &[
    "who", "whom", "whose", "which", "that", "and", "or", "but", "to", "of", "in", "on", "at",
    "for", "with", "by", "from", "as", "is", "was", "were", "are", "be", "been", "has", "had",
    "have", "not",
];
/// Marks that open the stretch of a sentence a role phrase before a name can take.
const CLAUSE_MARKS: &[char] = &[',', '.', ';', ':', '\n', '(', '"', '“'];
/// The most modifiers before a role word ("the current deputy foreign minister").
const MAX_ROLE_MODIFIERS: usize = 3;
/// The most words a role phrase in apposition may have, modifiers included ("the current
/// deputy foreign minister").
const MAX_ROLE_WORDS: usize = 6;

/// The relation a role phrase states ("the former director", "'s transport secretary",
/// "spokeswoman"): its last one to three words are a title or role word of the lexicon with a
/// relation, and the words before them are lowercase modifiers ("former", "deputy").
fn role_phrase(lexicon: &Lexicon, words: &[&str]) -> Option<RelationType> {
    let words = match words.first() {
        Some(w) if ROLE_DETERMINERS.contains(&w.to_lowercase().as_str()) => &words[1..],
        _ => words,
    };
    if words.is_empty() || words.len() > MAX_ROLE_WORDS {
        return None;
    }
    (1..=3.min(words.len())).rev().find_map(|n| {
        let (modifiers, role) = words.split_at(words.len() - n);
        let modifier = |w: &&str| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !CLOSED_CLASS_WORDS.contains(w)
                && !ROLE_DETERMINERS.contains(w)
        };
        if modifiers.len() > MAX_ROLE_MODIFIERS || !modifiers.iter().all(modifier) {
            return None;
        }
        let key = crate::text::key(&role.join(" "));
        [RoleCategory::Title, RoleCategory::Role]
            .iter()
            .find_map(|&cat| lexicon.role(&key, cat).and_then(|r| r.relation))
    })
}

/// Whether a mention can be what a person holds a role in: an organization, a country, a place
/// or a group named as such, not a demonym describing the noun after it ("mayor of the
/// Peruvian city of X" is no role in Peru; the city is the place).
fn role_holder(doc: &str, c: &Candidate, lexicon: &Lexicon) -> bool {
    let kind = matches!(
        c.kind,
        EntityType::Organization | EntityType::Country | EntityType::Location | EntityType::Group
    );
    let key = crate::text::key(&c.name);
    let demonym = lexicon
        .demonyms
        .get(&key)
        .is_some_and(|&i| crate::text::key(&lexicon.countries[i].name) != key);
    let before_noun = doc
        .get(c.span.end..)
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_lowercase);
    kind && !(demonym && before_noun)
}

/// Roles stated in apposition, where no title joins the name: "X, the director of Y", "X, a
/// spokeswoman for Y" (the role after the person), and "the director of Y, X", "Y's
/// transport secretary, X" (the role before).
fn appositions(
    doc: &str,
    candidates: &[Candidate],
    lexicon: &Lexicon,
    resolved: &Resolved,
) -> Vec<StaticLink> {
    let entity = |k: usize| resolved.mentions[k].entity;
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    for (k, a, b, gap) in neighbours(doc, candidates) {
        // "X, the director of Y": the person first.
        if a.kind == EntityType::Person && role_holder(doc, b, lexicon) {
            if let Some(rest) = gap.strip_prefix(", ") {
                let w = words(rest);
                let w: Vec<&str> = w.iter().map(String::as_str).collect();
                let stripped = match w.last() {
                    Some(&"the") => &w[..w.len() - 1],
                    _ => &w[..],
                };
                if let Some((prep, role)) = stripped.split_last() {
                    if ROLE_PREPOSITIONS.contains(prep) {
                        if let Some(relation) = role_phrase(lexicon, role) {
                            out.push(StaticLink {
                                source: entity(k),
                                relation,
                                target: entity(k + 1),
                                sentence: a.sentence,
                                trigger: a.span.end..b.span.start,
                                rule: "apposition-role",
                            });
                        }
                    }
                }
            }
        }
        // "Y's transport secretary, X" and "the director of Y, X": the role first.
        if b.kind == EntityType::Person && role_holder(doc, a, lexicon) {
            let possessed = gap
                .strip_prefix("'s ")
                .or_else(|| gap.strip_prefix("’s "))
                .and_then(|r| r.strip_suffix(", "))
                .and_then(|r| {
                    let w: Vec<&str> = r.split_whitespace().collect();
                    role_phrase(lexicon, &w)
                });
            let before = || {
                // The words of the sentence before Y: "... the director of (the) Y".
                let start = doc[..a.span.start]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| CLAUSE_MARKS.contains(c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let w: Vec<&str> = doc[start..a.span.start].split_whitespace().collect();
                let w = match w.last() {
                    Some(&"the") => &w[..w.len() - 1],
                    _ => &w[..],
                };
                let (prep, role) = w.split_last()?;
                if gap != ", " || *prep != "of" || role.len() > MAX_ROLE_WORDS {
                    return None;
                }
                role_phrase(lexicon, role)
            };
            if let Some(relation) = possessed.or_else(before) {
                out.push(StaticLink {
                    source: entity(k + 1),
                    relation,
                    target: entity(k),
                    sentence: a.sentence,
                    trigger: a.span.end..b.span.start,
                    rule: "apposition-role",
                });
            }
        }
    }
    out
}

/// Participles that place an organization ("based in", "headquartered in").
const SEAT_PARTICIPLES: &[&str] = &["based", "headquartered", "located", "situated"];

/// Organizations placed by a participle: "X, based in Y", "X, which is headquartered in Y",
/// "the Y-based X" (located-in, from the organization to the place).
fn seats(doc: &str, candidates: &[Candidate], resolved: &Resolved) -> Vec<StaticLink> {
    let entity = |k: usize| resolved.mentions[k].entity;
    let organization =
        |c: &Candidate| matches!(c.kind, EntityType::Organization | EntityType::Group);
    let place = |c: &Candidate| matches!(c.kind, EntityType::Location | EntityType::Country);
    let mut out = Vec::new();
    for (k, a, b, gap) in neighbours(doc, candidates) {
        let words: Vec<&str> = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        // "X, based in Y", "X, which is based in the Y": the organization first.
        let after = organization(a) && place(b) && {
            let w: &[&str] = match words.first() {
                Some(&("which" | "that")) => match words.get(1) {
                    Some(&("is" | "was")) => &words[2..],
                    _ => &[],
                },
                _ => &words[..],
            };
            let w = match w.last() {
                Some(&"the") => &w[..w.len() - 1],
                _ => w,
            };
            matches!(w, [p, "in"] if SEAT_PARTICIPLES.contains(p))
        };
        // "the Y-based X": the place first, joined by a hyphen.
        let before = place(a) && organization(b) && matches!(gap, "-based " | "–based ");
        let (org, at) = match (after, before) {
            (true, _) => (k, k + 1),
            (_, true) => (k + 1, k),
            _ => continue,
        };
        out.push(StaticLink {
            source: entity(org),
            relation: RelationType::LocatedIn,
            target: entity(at),
            sentence: a.sentence,
            trigger: a.span.end..b.span.start,
            rule: "based-in",
        });
    }
    out
}
