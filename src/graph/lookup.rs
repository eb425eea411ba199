//! Finding entities by name, near misses included, and listing an entity's relations: what
//! `--focus` and `newsgraph show` look up.

use super::filter::FilterError;
use super::{Edge, KnowledgeGraph, Node};
use crate::text;

/// How many near misses [`KnowledgeGraph::suggest`] offers at most.
pub const MAX_SUGGESTIONS: usize = 5;

/// One relation of an entity, as [`KnowledgeGraph::relations_of`] lists it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related<'a> {
    /// The relation's source.
    pub source: &'a Node,
    /// The relation's target.
    pub target: &'a Node,
    /// The relation.
    pub edge: &'a Edge,
}

impl<'a> Related<'a> {
    /// The entity at the other end from `id`.
    pub fn other(&self, id: &str) -> &'a Node {
        if self.source.id == id {
            self.target
        } else {
            self.source
        }
    }
}

impl KnowledgeGraph {
    /// The entity `name` names: its id; else the one entity whose id or label folds to the
    /// same key; else the one whose alias does ("sheinbaum" finds Claudia Sheinbaum when she
    /// is the only one called that). A label beats an alias: "Trump" finds the entity
    /// labelled "Trump" though another has it as an alias. When none does, the error is
    /// [`FilterError::UnknownEntity`] and [`KnowledgeGraph::suggest`] finds near misses.
    pub fn find(&self, name: &str) -> Result<&Node, FilterError> {
        if let Some(n) = self.node(name) {
            return Ok(n);
        }
        let key = text::key(name);
        if key.is_empty() {
            return Err(FilterError::UnknownEntity(name.to_string()));
        }
        let by_label = |n: &&Node| text::key(&n.id) == key || text::key(&n.label) == key;
        let by_alias = |n: &&Node| n.aliases.iter().any(|a| text::key(a) == key);
        for tier in [&by_label as &dyn Fn(&&Node) -> bool, &by_alias] {
            let matches: Vec<&Node> = self.nodes().filter(|n| tier(n)).collect();
            match matches[..] {
                [] => continue,
                [n] => return Ok(n),
                _ => {
                    return Err(FilterError::AmbiguousEntity {
                        name: name.to_string(),
                        ids: matches
                            .iter()
                            .map(|n| n.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
                }
            }
        }
        Err(FilterError::UnknownEntity(name.to_string()))
    }

    /// Entities whose id, label or an alias comes close to `name`, best first: a name that
    /// holds it or that it holds ("El Chapo" → "El Chapo Guzmán"), then one whose words start
    /// with its words ("Zambada G" → "Ismael Zambada García"), then one a typo or two away
    /// ("Sheinbam"). Ties go to the entity with more mentions, then to the smaller id.
    pub fn suggest(&self, name: &str) -> Vec<&Node> {
        let key = text::key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let words: Vec<&str> = key.split(' ').collect();
        let mut scored: Vec<(usize, &Node)> = self
            .nodes()
            .filter_map(|n| {
                let score = names(n).map(|k| closeness(&key, &words, &k)).max()?;
                (score > 0).then_some((score, n))
            })
            .collect();
        scored.sort_by(|(sa, a), (sb, b)| {
            sb.cmp(sa)
                .then(b.mentions.cmp(&a.mentions))
                .then(a.id.cmp(&b.id))
        });
        scored
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, n)| n)
            .collect()
    }

    /// The relations of the entity `id`, in either direction, strongest first (more
    /// statements, then relation, then the other entity's id).
    pub fn relations_of(&self, id: &str) -> Vec<Related<'_>> {
        let mut out: Vec<Related<'_>> = self
            .edges()
            .into_iter()
            .filter(|(a, b, _)| a.id == id || b.id == id)
            .map(|(source, target, edge)| Related {
                source,
                target,
                edge,
            })
            .collect();
        out.sort_by(|x, y| {
            y.edge
                .weight
                .cmp(&x.edge.weight)
                .then(x.edge.relation.cmp(&y.edge.relation))
                .then(x.edge.negated.cmp(&y.edge.negated))
                .then(x.other(id).id.cmp(&y.other(id).id))
        });
        out
    }
}

/// The lookup keys of an entity's id, label and aliases.
fn names(n: &Node) -> impl Iterator<Item = String> + '_ {
    [n.id.as_str(), n.label.as_str()]
        .into_iter()
        .chain(n.aliases.iter().map(String::as_str))
        .map(text::key)
}

/// How close a name's key is to the key asked for: 3 when one holds the other, 2 when each
/// word asked for starts a word of the name, 1 within a few typos, 0 otherwise.
fn closeness(key: &str, words: &[&str], name: &str) -> usize {
    // Very short keys are held by too many names to say anything.
    let holds = |a: &str, b: &str| b.len() >= 3 && format!(" {a} ").contains(&format!(" {b} "));
    if holds(name, key) || holds(key, name) || key.len() >= 4 && name.contains(key) {
        return 3;
    }
    let name_words: Vec<&str> = name.split(' ').collect();
    if words
        .iter()
        .all(|w| name_words.iter().any(|n| n.starts_with(w)))
    {
        return 2;
    }
    let allowed = (key.chars().count() / 4).clamp(1, 3);
    if edit_distance(key, name, allowed) <= allowed {
        return 1;
    }
    0
}

/// Levenshtein distance in characters, stopping early once it must exceed `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().all(|&d| d > limit) {
            return limit + 1;
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::entity::EntityType;
    use crate::relation::RelationType;

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for (label, aliases, mentions) in [
            ("Pablo Ortega Ruiz", &["Ortega", "El Zorro Ortega"][..], 4),
            ("Pablo Ortiz", &[][..], 1),
            ("Northern Alliance", &[][..], 2),
        ] {
            g.add_node(Node {
                id: text::slug(label),
                label: label.to_string(),
                kind: EntityType::Person,
                aliases: std::iter::once(label)
                    .chain(aliases.iter().copied())
                    .map(str::to_string)
                    .collect(),
                mentions,
                documents: BTreeSet::from(["d".to_string()]),
                type_votes: BTreeMap::from([(EntityType::Person, mentions)]),
                dates: BTreeMap::new(),
            });
        }
        g.add_edge(
            "pablo-ortega-ruiz",
            "northern-alliance",
            RelationType::Accuses,
            false,
            1,
            Vec::new(),
        );
        g.add_edge(
            "northern-alliance",
            "pablo-ortega-ruiz",
            RelationType::Threatens,
            false,
            3,
            Vec::new(),
        );
        g.add_edge(
            "pablo-ortiz",
            "northern-alliance",
            RelationType::Praises,
            false,
            2,
            Vec::new(),
        );
        g
    }

    fn ids(nodes: Vec<&Node>) -> Vec<&str> {
        nodes.into_iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn an_entity_is_found_by_id_label_or_alias() {
        let g = graph();
        for name in [
            "pablo-ortega-ruiz",
            "Pablo Ortega Ruiz",
            "ortega",
            "EL ZORRO ORTEGA",
        ] {
            assert_eq!(g.find(name).unwrap().id, "pablo-ortega-ruiz", "{name}");
        }
        assert!(matches!(
            g.find("El Zorro"),
            Err(FilterError::UnknownEntity(_))
        ));
        // A label beats another entity's alias.
        let mut g = g;
        g.add_node(Node {
            id: "ortega".into(),
            label: "Ortega".into(),
            kind: EntityType::Organization,
            aliases: BTreeSet::from(["Ortega".to_string()]),
            mentions: 1,
            documents: BTreeSet::new(),
            type_votes: BTreeMap::from([(EntityType::Organization, 1)]),
            dates: BTreeMap::new(),
        });
        assert_eq!(g.find("ORTEGA").unwrap().id, "ortega");
    }

    #[test]
    fn near_misses_are_suggested_best_first() {
        let g = graph();
        // A part of a name.
        assert_eq!(ids(g.suggest("El Zorro")), ["pablo-ortega-ruiz"]);
        // Both Pablos hold "Pablo"; more mentions first.
        assert_eq!(
            ids(g.suggest("pablo")),
            ["pablo-ortega-ruiz", "pablo-ortiz"]
        );
        // Word starts.
        assert_eq!(ids(g.suggest("North All")), ["northern-alliance"]);
        // A typo.
        assert_eq!(ids(g.suggest("Pablo Ortis")), ["pablo-ortiz"]);
        assert!(g.suggest("Quetzal").is_empty());
        assert!(g.suggest("...").is_empty());
    }

    #[test]
    fn relations_come_strongest_first_in_either_direction() {
        let g = graph();
        let rels = g.relations_of("pablo-ortega-ruiz");
        let listed: Vec<(&str, usize)> = rels
            .iter()
            .map(|r| (r.edge.relation.as_str(), r.edge.weight))
            .collect();
        assert_eq!(listed, [("threatens", 3), ("accuses", 1)]);
        assert_eq!(rels[0].other("pablo-ortega-ruiz").id, "northern-alliance");
        let all = g.relations_of("northern-alliance");
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].source.id, "pablo-ortiz");
    }
}
