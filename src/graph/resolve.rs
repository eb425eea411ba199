//! Joining nodes across documents.

use std::collections::{BTreeMap, BTreeSet};

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
    pub fn resolve(&self) -> KnowledgeGraph {
        let nodes: Vec<_> = self.nodes().collect();
        let words: Vec<Vec<String>> = nodes
            .iter()
            .map(|n| text::key(&n.label).split(' ').map(str::to_string).collect())
            .collect();
        let alias_keys: Vec<Vec<String>> = nodes
            .iter()
            .map(|n| n.aliases.iter().map(|a| text::key(a)).collect())
            .collect();
        let mut into: BTreeMap<String, String> = BTreeMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if matches!(n.kind, EntityType::Country | EntityType::Location) {
                continue;
            }
            let key = text::key(&n.label);
            let hosts: Vec<usize> = (0..nodes.len())
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
        let limit = nodes.len();
        let root = |id: &str| -> String {
            let mut id = id.to_string();
            // Chains are short; the step limit only guards against a cycle.
            for _ in 0..limit {
                match into.get(&id) {
                    Some(next) => id = next.clone(),
                    None => break,
                }
            }
            id
        };
        let mut out = KnowledgeGraph::new();
        for d in self.documents() {
            out.add_document(d.clone());
        }
        for n in &nodes {
            let mut n = (*n).clone();
            let target = root(&n.id);
            if target != n.id {
                let host = self.node(&target).expect("roots are nodes");
                n.id = host.id.clone();
                n.label = host.label.clone();
            }
            out.add_node(n);
        }
        for (a, b, e) in self.edges() {
            out.add_edge(
                &root(&a.id),
                &root(&b.id),
                e.relation,
                e.negated,
                e.weight,
                e.evidence.clone(),
            );
        }
        out
    }
}

fn compatible(short: EntityType, long: EntityType) -> bool {
    short == long
        || short == EntityType::Other
        || (short == EntityType::Person && long == EntityType::Other)
}
