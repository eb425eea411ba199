//! Static relations implied by how names are written.

use std::ops::Range;

use super::Resolved;
use crate::entity::EntityType;
use crate::lexicon::{state_body, Lexicon};
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
    _lexicon: &Lexicon,
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
    links.retain(|l| l.source != l.target);
    resolved.links = links;
}
