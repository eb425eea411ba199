//! Joining nodes across documents.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::KnowledgeGraph;
use crate::entity::EntityType;
use crate::relation::RelationType;
use crate::text;

impl KnowledgeGraph {
    /// Joins nodes that name the same actor across documents and returns the joined graph:
    /// a node whose label another node has as an alias ("Sheinbaum" when some document said
    /// "Claudia Sheinbaum … Sheinbaum"), a person named by part of exactly one longer
    /// person's name, an acronym of exactly one organization. Countries and places are
    /// joined only by identical ids.
    ///
    /// The result remembers what was joined (see [`KnowledgeGraph::joined`]); resolving a
    /// resolved graph, or one merged from resolved graphs, starts from the names as the
    /// documents wrote them, so it gives what one build over all the documents gives.
    pub fn resolve(&self) -> KnowledgeGraph {
        if self.joined.is_empty() {
            self.joined_by(&self.joins())
        } else {
            let base = self.unresolved();
            base.joined_by(&base.joins())
        }
    }

    /// The rules: for each node that joins another, the id of the node it joins.
    fn joins(&self) -> BTreeMap<String, String> {
        let nodes: Vec<_> = self.nodes().collect();
        let words: Vec<Vec<String>> = nodes
            .iter()
            .map(|n| text::key(&n.label).split(' ').map(str::to_string).collect())
            .collect();
        let alias_keys: Vec<BTreeSet<String>> = nodes
            .iter()
            .map(|n| n.aliases.iter().map(|a| text::key(a)).collect())
            .collect();
        // Indexes narrow the hosts to look at (every node was compared with every other,
        // quadratic in a year of news); the rule below still decides.
        let mut by_alias: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, keys) in alias_keys.iter().enumerate() {
            for k in keys {
                by_alias.entry(k.as_str()).or_default().push(j);
            }
        }
        let mut people_by_word: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, n) in nodes.iter().enumerate() {
            if n.kind == EntityType::Person {
                let distinct: BTreeSet<&str> = words[j].iter().map(String::as_str).collect();
                for w in distinct {
                    people_by_word.entry(w).or_default().push(j);
                }
            }
        }
        let mut into: BTreeMap<String, String> = BTreeMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if matches!(n.kind, EntityType::Country | EntityType::Location) {
                continue;
            }
            let key = text::key(&n.label);
            let mut candidates: BTreeSet<usize> = BTreeSet::new();
            candidates.extend(by_alias.get(key.as_str()).into_iter().flatten());
            if n.kind == EntityType::Person {
                candidates.extend(
                    people_by_word
                        .get(words[i][0].as_str())
                        .into_iter()
                        .flatten(),
                );
            }
            let hosts: Vec<usize> = candidates
                .into_iter()
                .filter(|&j| j != i && words[j].len() > words[i].len())
                .filter(|&j| compatible(n.kind, nodes[j].kind))
                .filter(|&j| {
                    alias_keys[j].contains(&key)
                        || nodes[j].kind == EntityType::Person
                            && n.kind == EntityType::Person
                            && words[j]
                                .windows(words[i].len())
                                .any(|w| w == words[i].as_slice())
                })
                .collect();
            if let [host] = hosts[..] {
                into.insert(n.id.clone(), nodes[host].id.clone());
            }
        }
        // A leader's government joins the country the leader heads ("Sheinbaum
        // Administration" → Mexico once some document says "Mexican President … Sheinbaum").
        let mut leads: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (a, b, e) in self.edges() {
            if e.relation == RelationType::LeaderOf && b.kind == EntityType::Country && !e.negated {
                leads.entry(a.id.as_str()).or_default().push(b.id.as_str());
            }
        }
        for n in &nodes {
            let Some(name) = crate::resolve::government_of(&n.label) else {
                continue;
            };
            if !matches!(n.kind, EntityType::Country | EntityType::Organization)
                || into.contains_key(&n.id)
            {
                continue;
            }
            let countries: BTreeSet<&str> = nodes
                .iter()
                .filter(|p| p.kind == EntityType::Person)
                .filter(|p| {
                    let label = text::key(&p.label);
                    label == name || label.ends_with(&format!(" {name}"))
                })
                .filter_map(|p| leads.get(p.id.as_str()))
                .flatten()
                .copied()
                .collect();
            if let [country] = countries.into_iter().collect::<Vec<_>>()[..] {
                into.insert(n.id.clone(), country.to_string());
            }
        }
        into
    }
}

fn compatible(short: EntityType, long: EntityType) -> bool {
    short == long
        || short == EntityType::Other
        || (short == EntityType::Person && long == EntityType::Other)
}
