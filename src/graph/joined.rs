//! What resolving changed, kept so it can be undone: the mechanics that make merging resolved
//! graphs give the same graph as one build.
//!
//! Resolving maps every node to a root (itself, or the node it joins) and every edge to the
//! edge between the roots of its endpoints. [`Joined`] keeps the nodes and edges that mapping
//! does not leave as they were: nodes joined into another, the nodes they joined (whose
//! counts they now include), and every edge of a resolved edge that a joined node contributed
//! to, including the edges a join turned into loops and dropped. Everything else in a resolved
//! graph is its own unresolved self, so the graph before resolving is the resolved graph with
//! those nodes and edges put back.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::{Edge, KnowledgeGraph, Node};
use crate::relation::RelationType;

/// The nodes and edges a resolved graph's joins touched, as they were before joining.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Joined {
    /// Nodes before joining, sorted by id: each node joined into another, with the id of the
    /// node it ended up in, and each node others joined, with `None`.
    pub nodes: Vec<(Node, Option<String>)>,
    /// Edges before joining, as (source id, target id, edge), for every resolved edge that a
    /// joined node contributed to (sorted by source, target, relation, negation).
    pub edges: Vec<(String, String, Edge)>,
}

impl Joined {
    /// Whether nothing was joined.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }
}

/// An edge's identity by node ids, endpoints ordered for symmetric relations.
type IdKey = (String, String, RelationType, bool);

fn id_key(source: &str, target: &str, relation: RelationType, negated: bool) -> IdKey {
    let (a, b) = if relation.is_symmetric() && source > target {
        (target, source)
    } else {
        (source, target)
    };
    (a.to_string(), b.to_string(), relation, negated)
}

impl KnowledgeGraph {
    /// The graph as it was before [`KnowledgeGraph::resolve`] joined names: the graph itself
    /// when nothing was joined. Merging and adding start from here, so that resolving again
    /// sees every name as its own documents wrote it.
    pub fn unresolved(&self) -> KnowledgeGraph {
        if self.joined.is_empty() {
            return self.clone();
        }
        let root: BTreeMap<&str, &str> = self
            .joined
            .nodes
            .iter()
            .filter_map(|(n, into)| into.as_deref().map(|r| (n.id.as_str(), r)))
            .collect();
        let root = |id: &str| -> String { root.get(id).copied().unwrap_or(id).to_string() };
        let kept: BTreeSet<&str> = self
            .joined
            .nodes
            .iter()
            .map(|(n, _)| n.id.as_str())
            .collect();
        let mut base = KnowledgeGraph::new();
        for d in self.documents() {
            base.add_document(d.clone());
        }
        for (n, _) in &self.joined.nodes {
            base.add_node(n.clone());
        }
        for n in self.nodes().filter(|n| !kept.contains(n.id.as_str())) {
            base.add_node(n.clone());
        }
        let replaced: HashSet<IdKey> = self
            .joined
            .edges
            .iter()
            .map(|(a, b, e)| id_key(&root(a), &root(b), e.relation, e.negated))
            .collect();
        for (a, b, e) in &self.joined.edges {
            base.insert_edge(a, b, e.clone());
        }
        for (a, b, e) in self.edges() {
            if !replaced.contains(&id_key(&a.id, &b.id, e.relation, e.negated)) {
                base.insert_edge(&a.id, &b.id, e.clone());
            }
        }
        base
    }

    /// Before changing a resolved graph, puts back what its joins changed.
    pub(super) fn undo_joins(&mut self) {
        if !self.joined.is_empty() {
            *self = self.unresolved();
        }
    }

    /// Records what a resolved graph's joins changed (for a graph read back from a file).
    pub(crate) fn set_joined(&mut self, joined: Joined) {
        self.joined = joined;
    }

    /// This graph with every node moved into the node `into` maps it to (following chains),
    /// recording what changed.
    pub(super) fn joined_by(&self, into: &BTreeMap<String, String>) -> KnowledgeGraph {
        let limit = self.node_count();
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
        let roots: BTreeMap<&str, String> = self
            .nodes()
            .map(|n| (n.id.as_str(), root(&n.id)))
            .filter(|(id, r)| id != r)
            .collect();
        let root =
            |id: &str| -> String { roots.get(id).cloned().unwrap_or_else(|| id.to_string()) };
        let hosts: BTreeSet<&str> = roots.values().map(String::as_str).collect();
        let mut joined = Joined::default();
        let mut out = KnowledgeGraph::new();
        for d in self.documents() {
            out.add_document(d.clone());
        }
        for n in self.nodes() {
            let target = root(&n.id);
            if target != n.id {
                joined.nodes.push((n.clone(), Some(target.clone())));
                let host = self.node(&target).expect("roots are nodes");
                let mut n = n.clone();
                n.id = host.id.clone();
                n.label = host.label.clone();
                out.add_node(n);
            } else {
                if hosts.contains(n.id.as_str()) {
                    joined.nodes.push((n.clone(), None));
                }
                out.add_node(n.clone());
            }
        }
        // A resolved edge is replaced when a joined node contributed to it: then every edge
        // that maps to it is kept, the host's own included.
        let edges = self.edges();
        let touched: HashSet<IdKey> = edges
            .iter()
            .filter(|(a, b, _)| {
                roots.contains_key(a.id.as_str()) || roots.contains_key(b.id.as_str())
            })
            .map(|(a, b, e)| id_key(&root(&a.id), &root(&b.id), e.relation, e.negated))
            .collect();
        for (a, b, e) in edges {
            let (ra, rb) = (root(&a.id), root(&b.id));
            if touched.contains(&id_key(&ra, &rb, e.relation, e.negated)) {
                joined.edges.push((a.id.clone(), b.id.clone(), e.clone()));
            }
            out.insert_edge(&ra, &rb, e.clone());
        }
        out.joined = joined;
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::entity::EntityType;
    use crate::export::json;

    fn node(label: &str, kind: EntityType, doc: &str, mentions: usize) -> Node {
        Node {
            id: crate::text::slug(label),
            label: label.to_string(),
            kind,
            aliases: BTreeSet::from([label.to_string()]),
            mentions,
            documents: BTreeSet::from([doc.to_string()]),
            type_votes: BTreeMap::from([(kind, mentions)]),
            dates: BTreeMap::new(),
        }
    }

    fn edge(g: &mut KnowledgeGraph, a: &str, rel: RelationType, b: &str, doc: &str) {
        let evidence = super::super::Evidence {
            document: doc.to_string(),
            start: 0,
            end: 10,
            text: format!("{a} {rel} {b}"),
            window: None,
            trigger: None,
            confidence: 1.0,
            reason: String::new(),
        };
        assert!(g.add_edge(a, b, rel, false, 1, vec![evidence]));
    }

    fn bytes(g: &KnowledgeGraph) -> Vec<u8> {
        let mut out = Vec::new();
        json::write(g, &mut out).unwrap();
        out
    }

    fn round_trip(g: &KnowledgeGraph) -> KnowledgeGraph {
        json::read(std::str::from_utf8(&bytes(g)).unwrap()).unwrap()
    }

    /// Shard one: "John Smith" in one document, "Smith" (who accuses Mexico and praises
    /// John Smith) in another. Shard two: "Jane Smith".
    fn shards() -> (KnowledgeGraph, KnowledgeGraph) {
        let mut one = KnowledgeGraph::new();
        one.add_node(node("John Smith", EntityType::Person, "a", 2));
        one.add_node(node("Smith", EntityType::Person, "b", 3));
        one.add_node(node("Mexico", EntityType::Country, "b", 1));
        edge(&mut one, "smith", RelationType::Accuses, "mexico", "b");
        edge(&mut one, "smith", RelationType::Praises, "john-smith", "b");
        let mut two = KnowledgeGraph::new();
        two.add_node(node("Jane Smith", EntityType::Person, "c", 1));
        (one, two)
    }

    #[test]
    fn a_join_that_another_shard_makes_ambiguous_is_undone() {
        let (one, two) = shards();
        // Alone, shard one joins "Smith" into "John Smith" and drops the loop it makes.
        let resolved = one.resolve();
        assert!(resolved.node("smith").is_none());
        assert_eq!(resolved.edge_count(), 1);
        let mut all = one.clone();
        all.merge(&two);
        let expected = all.resolve();
        // With "Jane Smith" there, "Smith" is ambiguous and stays apart, loop and all.
        assert!(expected.node("smith").is_some());
        assert_eq!(expected.edge_count(), 2);
        let mut merged = round_trip(&resolved);
        merged.merge(&round_trip(&two.resolve()));
        assert_eq!(bytes(&merged.resolve()), bytes(&expected));
    }

    #[test]
    fn unresolved_puts_back_what_resolve_changed() {
        let (one, _) = shards();
        let resolved = round_trip(&one.resolve());
        assert_eq!(bytes(&resolved.unresolved()), bytes(&one));
        // Resolving again starts from there: nothing changes.
        assert_eq!(bytes(&resolved.resolve()), bytes(&one.resolve()));
    }

    #[test]
    fn type_votes_survive_the_file_format() {
        // Three person mentions and two organization ones in shard one; four organization
        // mentions in shard two: together the organizations win, 6 to 3.
        let mut one = KnowledgeGraph::new();
        one.add_node(node("Acme", EntityType::Person, "a", 3));
        one.add_node(node("Acme", EntityType::Organization, "b", 2));
        assert_eq!(one.node("acme").unwrap().kind, EntityType::Person);
        let mut two = KnowledgeGraph::new();
        two.add_node(node("Acme", EntityType::Organization, "c", 4));
        let mut merged = round_trip(&one.resolve());
        merged.merge(&round_trip(&two.resolve()));
        assert_eq!(
            merged.resolve().node("acme").unwrap().kind,
            EntityType::Organization
        );
    }
}
