//! Governments as actors: "the Sheinbaum Administration", "the Lula government".
//!
//! The model: a government acts for its state, so "<leader> Administration" (or government,
//! regime, cabinet, presidency) is a country-type actor. When the document says which state
//! the leader heads ("Mexican President Claudia Sheinbaum"), it joins that country;
//! otherwise it stays a country-type node named after the leader, which the graph joins to
//! the country once any document states the leadership.

use std::collections::HashMap;

use super::Resolved;
use crate::entity::EntityType;
use crate::relation::RelationType;
use crate::text;

/// Head words that make "<leader> <head>" a government.
const HEADS: &[&str] = &[
    "administration",
    "government",
    "regime",
    "cabinet",
    "presidency",
];

/// If `label` is "<name> <government head>", the name's key ("sheinbaum").
pub fn government_of(label: &str) -> Option<String> {
    let key = text::key(label);
    let (name, head) = key.rsplit_once(' ')?;
    HEADS.contains(&head).then(|| name.to_string())
}

/// Retypes leaders' governments as country actors and joins them to the country their
/// leader heads, when the document says it. The leaders and their first leader-of links are
/// looked up in maps built once, and the joins are made in one pass at the end, so a
/// document with many governments takes time in proportion to its size.
pub(super) fn resolve_governments(resolved: &mut Resolved) {
    // A name → the first person the document names with it (full name, a final run of its
    // words, or an alias).
    let mut leaders: HashMap<String, usize> = HashMap::new();
    for (p, person) in resolved.entities.iter().enumerate() {
        if person.kind != EntityType::Person {
            continue;
        }
        let label = text::key(&person.label);
        for (space, _) in label.match_indices(' ') {
            leaders.entry(label[space + 1..].to_string()).or_insert(p);
        }
        leaders.entry(label).or_insert(p);
        for alias in &person.aliases {
            leaders.entry(text::key(alias)).or_insert(p);
        }
    }
    // A person → the target of their first leader-of link.
    let mut heads: HashMap<usize, usize> = HashMap::new();
    for l in &resolved.links {
        if l.relation == RelationType::LeaderOf {
            heads.entry(l.source).or_insert(l.target);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; resolved.entities.len()];
    let mut retyped = vec![false; resolved.entities.len()];
    for e in 0..resolved.entities.len() {
        let entity = &resolved.entities[e];
        if entity.kind != EntityType::Organization {
            continue;
        }
        let Some(name) = government_of(&entity.label) else {
            continue;
        };
        let Some(&leader) = leaders.get(&name) else {
            continue;
        };
        // A government joined earlier is its country now.
        let country = heads
            .get(&leader)
            .map(|&t| into[t].unwrap_or(t))
            .filter(|&c| resolved.entities[c].kind == EntityType::Country);
        match country {
            Some(c) => into[e] = Some(c),
            None => {
                resolved.entities[e].kind = EntityType::Country;
                retyped[e] = true;
            }
        }
    }
    for m in &mut resolved.mentions {
        if retyped[m.entity] {
            m.kind = EntityType::Country;
        }
    }
    resolved.merge_all(&into);
}
