//! Governments as actors: "the Sheinbaum Administration", "the Lula government".
//!
//! The model: a government acts for its state, so "<leader> Administration" (or government,
//! regime, cabinet, presidency) is a country-type actor. When the document says which state
//! the leader heads ("Mexican President Claudia Sheinbaum"), it joins that country;
//! otherwise it stays a country-type node named after the leader, which the graph joins to
//! the country once any document states the leadership.

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
/// leader heads, when the document says it.
pub(super) fn resolve_governments(resolved: &mut Resolved) {
    let mut e = 0;
    while e < resolved.entities.len() {
        let entity = &resolved.entities[e];
        if entity.kind != EntityType::Organization {
            e += 1;
            continue;
        }
        let Some(name) = government_of(&entity.label) else {
            e += 1;
            continue;
        };
        // The leader: a person the document names with this name (full name or surname).
        let leader = resolved.entities.iter().position(|p| {
            let label = text::key(&p.label);
            p.kind == EntityType::Person
                && (label == name
                    || label.ends_with(&format!(" {name}"))
                    || p.aliases.iter().any(|a| text::key(a) == name))
        });
        let Some(leader) = leader else {
            e += 1;
            continue;
        };
        let country = resolved
            .links
            .iter()
            .find(|l| l.source == leader && l.relation == RelationType::LeaderOf)
            .map(|l| l.target)
            .filter(|&c| resolved.entities[c].kind == EntityType::Country);
        match country {
            Some(c) => {
                resolved.merge(e, c);
                // Indices after `e` moved down; `e` now holds the next entity.
            }
            None => {
                resolved.entities[e].kind = EntityType::Country;
                for m in resolved.mentions.iter_mut().filter(|m| m.entity == e) {
                    m.kind = EntityType::Country;
                }
                e += 1;
            }
        }
    }
}
