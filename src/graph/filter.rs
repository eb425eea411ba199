//! Cutting a graph down for export: by weight, type, relation, the neighbourhood of one entity,
//! or the most connected entities. A filter makes a new [`KnowledgeGraph`]; what it keeps is
//! unchanged (labels, aliases, mentions, weights, evidence), and the documents stay listed.
//!
//! The steps run in this order, each on what the previous one kept:
//!
//! 0. **Dates** (`dates`) keep what was stated and mentioned in the range: an edge with some
//!    statement in it, its weight the statements in it and its evidence the kept sentences
//!    in it (possibly none of the few kept); an entity mentioned in it, its mentions and
//!    documents those in it. Undated documents fall in no range.
//! 1. **Relation filters** (`min_weight`, `min_confidence`, `relations`) keep the edges that pass, and the
//!    entities at their ends: asking for who accuses whom drops whoever accuses no one.
//! 2. **`types`** keeps the entities of those types, related or not, and the edges between
//!    them.
//! 3. **`focus`** keeps the entities within `depth` edges of one entity (either direction),
//!    and the edges among them. The focus itself stays even if nothing is left around it.
//! 4. **`top`** keeps the `top` entities with most edges (ties: more mentions, then id), and
//!    the edges among them.

use std::collections::{BTreeMap, BTreeSet};

use super::{Edge, KnowledgeGraph, Node};
use crate::date::{Date, DateRange};
use crate::entity::EntityType;
use crate::relation::RelationType;

/// What a filter can reject.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// A type name that is not an entity type.
    #[error(
        "unknown entity type '{0}' (use person, organization, country, location, group or other)"
    )]
    UnknownType(String),
    /// A relation name that is not a relation.
    #[error("unknown relation '{name}' (use {known})")]
    UnknownRelation {
        /// The name given.
        name: String,
        /// The relations there are, comma-separated.
        known: String,
    },
    /// The focus names no entity of the graph.
    #[error("no entity '{0}' in the graph (give an id or an alias, as in the graph JSON)")]
    UnknownEntity(String),
    /// The focus names several entities.
    #[error("'{name}' names several entities: {ids} (give one id)")]
    AmbiguousEntity {
        /// The name given.
        name: String,
        /// The ids it matches, comma-separated.
        ids: String,
    },
}

/// What to keep of a graph; the default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep edges with at least this many statements.
    pub min_weight: Option<usize>,
    /// Keep edges whose confidence is at least this.
    pub min_confidence: Option<f32>,
    /// Keep only entities of these types.
    pub types: Option<BTreeSet<EntityType>>,
    /// Keep only edges of these relations.
    pub relations: Option<BTreeSet<RelationType>>,
    /// Keep only the neighbourhood of this entity (id, label or alias) …
    pub focus: Option<String>,
    /// … up to this many edges away (default 1).
    pub depth: Option<usize>,
    /// Keep only this many of the most connected entities.
    pub top: Option<usize>,
    /// Keep only what was stated or mentioned in documents of this range.
    pub dates: DateRange,
}

/// Parses a comma-separated list of entity types ("person,organization").
pub fn parse_types(list: &str) -> Result<BTreeSet<EntityType>, FilterError> {
    names(list)
        .map(|name| {
            name.parse::<EntityType>()
                .map_err(|_| FilterError::UnknownType(name.to_string()))
        })
        .collect()
}

/// Parses a comma-separated list of relations ("accuses,threatens").
pub fn parse_relations(list: &str) -> Result<BTreeSet<RelationType>, FilterError> {
    names(list)
        .map(|name| {
            name.parse::<RelationType>()
                .map_err(|_| FilterError::UnknownRelation {
                    name: name.to_string(),
                    known: RelationType::ALL.map(|r| r.as_str()).join(", "),
                })
        })
        .collect()
}

fn names(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filtered graph. Fails only when the focus names no entity, or several.
    pub fn apply(&self, graph: &KnowledgeGraph) -> Result<KnowledgeGraph, FilterError> {
        if self.is_empty() {
            return Ok(graph.clone());
        }
        // 0. Dates: what the rest sees is the graph of the range.
        let restricted;
        let graph = if self.dates.is_unbounded() {
            graph
        } else {
            restricted = within(graph, &self.dates);
            &restricted
        };
        let mut nodes: BTreeSet<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
        let mut edges = graph.edges();

        // 1. Relation filters, and the entities at the ends of what is left.
        if self.min_weight.is_some() || self.min_confidence.is_some() || self.relations.is_some() {
            edges.retain(|(_, _, e)| {
                self.min_weight.is_none_or(|w| e.weight >= w)
                    && self.min_confidence.is_none_or(|p| e.confidence >= p)
                    && self
                        .relations
                        .as_ref()
                        .is_none_or(|r| r.contains(&e.relation))
            });
            nodes = ends(&edges);
        }
        // 2. Types.
        if let Some(types) = &self.types {
            nodes.retain(|id| graph.node(id).is_some_and(|n| types.contains(&n.kind)));
            keep_among(&mut edges, &nodes);
        }
        // 3. The neighbourhood of the focus.
        if let Some(name) = &self.focus {
            let start = graph.find(name)?.id.as_str();
            let mut seen = BTreeSet::from([start]);
            let mut frontier = BTreeSet::from([start]);
            for _ in 0..self.depth.unwrap_or(1) {
                let mut next = BTreeSet::new();
                for (a, b, _) in &edges {
                    let (a, b) = (a.id.as_str(), b.id.as_str());
                    for (from, to) in [(a, b), (b, a)] {
                        if frontier.contains(from) && seen.insert(to) {
                            next.insert(to);
                        }
                    }
                }
                frontier = next;
            }
            // The focus may itself have been filtered out by the steps before.
            nodes.retain(|id| seen.contains(id));
            nodes.insert(start);
            keep_among(&mut edges, &nodes);
        }
        // 4. The most connected entities.
        if let Some(top) = self.top {
            let mut degree: BTreeMap<&str, usize> = nodes.iter().map(|id| (*id, 0)).collect();
            for (a, b, _) in &edges {
                *degree.entry(a.id.as_str()).or_default() += 1;
                *degree.entry(b.id.as_str()).or_default() += 1;
            }
            let mut ranked: Vec<&str> = nodes.iter().copied().collect();
            let mentions = |id: &str| graph.node(id).map_or(0, |n| n.mentions);
            ranked.sort_by(|a, b| {
                (degree[b], mentions(b))
                    .cmp(&(degree[a], mentions(a)))
                    .then(a.cmp(b))
            });
            ranked.truncate(top);
            nodes = ranked.into_iter().collect();
            keep_among(&mut edges, &nodes);
        }

        let mut out = KnowledgeGraph::new();
        for d in graph.documents() {
            out.add_document(d.clone());
        }
        for n in graph.nodes().filter(|n| nodes.contains(n.id.as_str())) {
            out.add_node(n.clone());
        }
        for (a, b, e) in edges {
            out.insert_edge(&a.id, &b.id, e.clone());
        }
        Ok(out)
    }
}

/// The graph of what was stated and mentioned in documents of `range` (step 0).
fn within(graph: &KnowledgeGraph, range: &DateRange) -> KnowledgeGraph {
    let in_range = |dates: &BTreeMap<Date, usize>| -> BTreeMap<Date, usize> {
        dates
            .iter()
            .filter(|(d, _)| range.contains(**d))
            .map(|(d, n)| (*d, *n))
            .collect()
    };
    let document_in_range = |id: &str| range.keeps(graph.document(id).and_then(|d| d.date));
    let mut out = KnowledgeGraph::new();
    for d in graph.documents() {
        out.add_document(d.clone());
    }
    for n in graph.nodes() {
        let dates = in_range(&n.dates);
        if dates.is_empty() {
            continue;
        }
        let mut n = n.clone();
        n.mentions = dates.values().sum();
        n.documents.retain(|d| document_in_range(d));
        n.dates = dates;
        out.add_node(n);
    }
    for (a, b, e) in graph.edges() {
        let dates = in_range(&e.dates);
        if dates.is_empty() {
            continue;
        }
        let mut e = e.clone();
        e.weight = dates.values().sum();
        e.evidence.retain(|ev| document_in_range(&ev.document));
        e.dates = dates;
        out.insert_edge(&a.id, &b.id, e);
    }
    out
}

type EdgeRef<'a> = (&'a Node, &'a Node, &'a Edge);

/// The ids at the ends of `edges`.
fn ends<'a>(edges: &[EdgeRef<'a>]) -> BTreeSet<&'a str> {
    edges
        .iter()
        .flat_map(|(a, b, _)| [a.id.as_str(), b.id.as_str()])
        .collect()
}

/// Keeps the edges between kept nodes.
fn keep_among(edges: &mut Vec<EdgeRef<'_>>, nodes: &BTreeSet<&str>) {
    edges.retain(|(a, b, _)| nodes.contains(a.id.as_str()) && nodes.contains(b.id.as_str()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{DocumentInfo, Evidence};
    use std::collections::BTreeMap;

    fn node(id: &str, aliases: &[&str], kind: EntityType, mentions: usize) -> Node {
        Node {
            id: id.to_string(),
            label: aliases[0].to_string(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions,
            documents: BTreeSet::from(["d".to_string()]),
            type_votes: BTreeMap::from([(kind, mentions)]),
            dates: BTreeMap::new(),
        }
    }

    /// ana → mexico (leader-of), ana → usa (accuses ×3), usa → cartel (threatens),
    /// cartel — mexico (cooperates-with), lone (no edges).
    fn graph() -> KnowledgeGraph {
        use EntityType::*;
        use RelationType::*;
        let mut g = KnowledgeGraph::new();
        g.add_document(DocumentInfo {
            id: "d".into(),
            ..DocumentInfo::default()
        });
        g.add_node(node("ana-vidal", &["Ana Vidal", "Vidal"], Person, 5));
        g.add_node(node("mexico", &["Mexico"], Country, 9));
        g.add_node(node(
            "united-states",
            &["United States", "U.S."],
            Country,
            7,
        ));
        g.add_node(node("blue-cartel", &["Blue Cartel"], Organization, 2));
        g.add_node(node("lone", &["Lone"], Person, 1));
        let ev = || {
            vec![Evidence {
                document: "d".into(),
                start: 0,
                end: 1,
                text: "s".into(),
                window: None,
                trigger: None,
                confidence: 1.0,
                reason: String::new(),
            }]
        };
        g.add_edge("ana-vidal", "mexico", LeaderOf, false, 1, ev());
        g.add_edge("ana-vidal", "united-states", Accuses, false, 3, ev());
        g.add_edge("united-states", "blue-cartel", Threatens, false, 1, ev());
        g.add_edge("blue-cartel", "mexico", CooperatesWith, false, 1, ev());
        g
    }

    fn ids(g: &KnowledgeGraph) -> Vec<&str> {
        g.nodes().map(|n| n.id.as_str()).collect()
    }

    fn relations(g: &KnowledgeGraph) -> Vec<&str> {
        g.edges().iter().map(|e| e.2.relation.as_str()).collect()
    }

    #[test]
    fn relation_filters_drop_entities_left_without_edges() {
        let f = Filter {
            min_weight: Some(2),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!(ids(&g), ["ana-vidal", "united-states"]);
        assert_eq!(g.edges()[0].2.evidence.len(), 1, "edge data kept");
        assert_eq!(g.documents().count(), 1);
        let f = Filter {
            relations: Some(parse_relations("threatens, cooperates-with").unwrap()),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!(ids(&g), ["blue-cartel", "mexico", "united-states"]);
        assert_eq!(relations(&g), ["cooperates-with", "threatens"]);
    }

    #[test]
    fn types_keep_unrelated_entities_of_those_types() {
        let f = Filter {
            types: Some(parse_types("person,country").unwrap()),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!(ids(&g), ["ana-vidal", "lone", "mexico", "united-states"]);
        assert_eq!(relations(&g), ["leader-of", "accuses"]);
    }

    #[test]
    fn focus_keeps_the_neighbourhood_by_id_or_alias() {
        let f = Filter {
            focus: Some("Vidal".into()),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!(ids(&g), ["ana-vidal", "mexico", "united-states"]);
        assert_eq!(relations(&g), ["leader-of", "accuses"]);
        let f = Filter {
            focus: Some("ana-vidal".into()),
            depth: Some(2),
            ..Filter::default()
        };
        assert_eq!(f.apply(&graph()).unwrap().edge_count(), 4);
        let f = Filter {
            focus: Some("lone".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&f.apply(&graph()).unwrap()), ["lone"]);
    }

    #[test]
    fn top_keeps_the_most_connected_and_the_edges_among_them() {
        let f = Filter {
            top: Some(2),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        // Everyone but lone has degree 2; mentions break the tie.
        assert_eq!(ids(&g), ["mexico", "united-states"]);
        assert_eq!(g.edge_count(), 0);
    }

    #[test]
    fn unknown_names_are_errors() {
        assert_eq!(
            parse_types("person,planet").unwrap_err(),
            FilterError::UnknownType("planet".into())
        );
        assert!(parse_relations("hugs")
            .unwrap_err()
            .to_string()
            .contains("unknown relation 'hugs' (use cooperates-with"));
        let f = Filter {
            focus: Some("Atlantis".into()),
            ..Filter::default()
        };
        assert_eq!(
            f.apply(&graph()).unwrap_err(),
            FilterError::UnknownEntity("Atlantis".into())
        );
    }

    #[test]
    fn an_alias_shared_by_two_entities_is_ambiguous() {
        let mut g = graph();
        g.add_node(node(
            "vidal-group",
            &["Vidal Group", "Vidal"],
            EntityType::Organization,
            1,
        ));
        let f = Filter {
            focus: Some("vidal".into()),
            ..Filter::default()
        };
        assert!(matches!(
            f.apply(&g).unwrap_err(),
            FilterError::AmbiguousEntity { .. }
        ));
    }

    /// Ana accuses the United States in a January document (twice), a March one and an
    /// undated one; she leads Mexico in March only.
    fn dated() -> KnowledgeGraph {
        let date = |s: &str| s.parse::<Date>().unwrap();
        let mut g = KnowledgeGraph::new();
        for (id, d) in [
            ("jan", Some("2025-01-10")),
            ("mar", Some("2025-03")),
            ("none", None),
        ] {
            g.add_document(DocumentInfo {
                id: id.into(),
                date: d.map(date),
                ..DocumentInfo::default()
            });
        }
        let mut ana = node("ana-vidal", &["Ana Vidal"], EntityType::Person, 5);
        ana.documents = BTreeSet::from(["jan".into(), "mar".into(), "none".into()]);
        ana.dates = BTreeMap::from([(date("2025-01-10"), 3), (date("2025-03"), 1)]);
        g.add_node(ana);
        let mut us = node("united-states", &["United States"], EntityType::Country, 4);
        us.dates = BTreeMap::from([(date("2025-01-10"), 2), (date("2025-03"), 1)]);
        g.add_node(us);
        let mut mexico = node("mexico", &["Mexico"], EntityType::Country, 1);
        mexico.dates = BTreeMap::from([(date("2025-03"), 1)]);
        g.add_node(mexico);
        let ev = |doc: &str, start: usize| Evidence {
            document: doc.into(),
            start,
            end: start + 1,
            text: "s".into(),
            trigger: None,
            window: None,
            confidence: 1.0,
            reason: String::new(),
        };
        let edge = |relation, weight, evidence, dates: &[(&str, usize)]| Edge {
            relation,
            negated: false,
            weight,
            confidence: 1.0,
            evidence,
            dates: dates.iter().map(|(d, n)| (date(d), *n)).collect(),
        };
        g.insert_edge(
            "ana-vidal",
            "united-states",
            edge(
                RelationType::Accuses,
                4,
                vec![ev("jan", 0), ev("jan", 9), ev("mar", 0), ev("none", 0)],
                &[("2025-01-10", 2), ("2025-03", 1)],
            ),
        );
        g.insert_edge(
            "ana-vidal",
            "mexico",
            edge(
                RelationType::LeaderOf,
                1,
                vec![ev("mar", 5)],
                &[("2025-03", 1)],
            ),
        );
        g
    }

    fn range(since: Option<&str>, until: Option<&str>) -> Filter {
        Filter {
            dates: DateRange {
                since: since.map(|s| s.parse().unwrap()),
                until: until.map(|s| s.parse().unwrap()),
            },
            ..Filter::default()
        }
    }

    #[test]
    fn dates_keep_what_was_stated_in_the_range_and_count_it() {
        let g = range(None, Some("2025-02")).apply(&dated()).unwrap();
        assert_eq!(ids(&g), ["ana-vidal", "united-states"]);
        let (_, _, e) = g.edges()[0];
        assert_eq!((e.relation, e.weight), (RelationType::Accuses, 2));
        assert_eq!(e.evidence.len(), 2, "the January sentences");
        let ana = g.node("ana-vidal").unwrap();
        assert_eq!(ana.mentions, 3);
        assert_eq!(ana.documents, BTreeSet::from(["jan".to_string()]));
        assert_eq!(g.documents().count(), 3, "every document stays listed");
        // March: both relations, one statement each; the undated one falls in no range.
        let g = range(Some("2025-03-01"), None).apply(&dated()).unwrap();
        let weights: Vec<(&str, usize)> = g
            .edges()
            .iter()
            .map(|(_, _, e)| (e.relation.as_str(), e.weight))
            .collect();
        assert_eq!(weights, [("leader-of", 1), ("accuses", 1)]);
        // A range of a day in March holds no statement dated by the month alone.
        let g = range(Some("2025-03-02"), Some("2025-03-30"))
            .apply(&dated())
            .unwrap();
        assert_eq!(g.node_count() + g.edge_count(), 0);
    }

    #[test]
    fn the_date_range_comes_before_the_weight_filter() {
        let f = Filter {
            min_weight: Some(2),
            ..range(Some("2025-03"), None)
        };
        // Four statements in all, one in March: too few.
        assert_eq!(f.apply(&dated()).unwrap().edge_count(), 0);
        let f = Filter {
            min_weight: Some(2),
            ..range(Some("2025-01"), Some("2025-01"))
        };
        assert_eq!(f.apply(&dated()).unwrap().edge_count(), 1);
    }
}
