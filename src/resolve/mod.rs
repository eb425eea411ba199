//! Resolution: candidates become entities, one per actor in the document.
//!
//! - Lexicon names resolve to their canonical label; a country's aliases, demonyms and
//!   capitals used as actors resolve to the country.
//! - A shorter name joins the unique longer name of the same kind that contains it as a
//!   run of words ("Sheinbaum" → "Claudia Sheinbaum", "Zambada" → "Ismael Zambada García",
//!   "Department of Justice" → "U.S. Department of Justice").
//! - An acronym joins the organization it abbreviates: defined in the text ("Drug
//!   Enforcement Administration (DEA)") or matching its initials.
//! - A bare group ("cartels") joins the unique national group with the same head
//!   ("Mexican cartels").
//!
//! Titles and prefixes become static relations: "Mexican President X" makes X leader-of
//! Mexico, "U.S. Department of Justice" makes it part-of the United States.

mod government;
mod links;

pub use government::government_of;
pub use links::{state_body, StaticLink};

use std::collections::{BTreeSet, HashMap};

use crate::entity::{Entity, EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::recognize::Candidate;
use crate::text;

/// A document's entities, its mentions pointing at them, and the static relations that the
/// phrasing of names implies.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Static relations implied by titles and prefixes.
    pub links: Vec<StaticLink>,
}

/// What an entity is keyed by while resolving.
#[derive(Debug, Clone)]
struct Proto {
    label: String,
    kind: EntityType,
    tentative: bool,
    words: Vec<String>,
    aliases: BTreeSet<String>,
}

/// Resolves a document's candidates into entities.
pub fn resolve(doc: &str, candidates: &[Candidate], lexicon: &Lexicon) -> Resolved {
    let mut protos: Vec<Proto> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut target_of: Vec<usize> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let (label, kind) = canonical(c, lexicon);
        let key = format!("{}|{}", kind_key(kind), text::key(&label));
        let id = *by_key.entry(key).or_insert_with(|| {
            protos.push(Proto {
                words: text::key(&label).split(' ').map(str::to_string).collect(),
                label: label.clone(),
                kind,
                tentative: c.tentative,
                aliases: BTreeSet::new(),
            });
            protos.len() - 1
        });
        protos[id].tentative &= c.tentative;
        protos[id].aliases.insert(c.name.clone());
        target_of.push(id);
    }
    let merged = merge_short_names(&mut protos, doc, candidates, &target_of);
    // Entities in order of first mention; merged protos point at their target.
    let mut entity_of_proto: Vec<Option<usize>> = vec![None; protos.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(candidates.len());
    for (c, &p) in candidates.iter().zip(&target_of) {
        let root = find(&merged, p);
        let e = *entity_of_proto[root].get_or_insert_with(|| {
            let proto = &protos[root];
            entities.push(Entity {
                id: text::slug(&proto.label),
                label: proto.label.clone(),
                kind: proto.kind,
                aliases: BTreeSet::new(),
                mentions: 0,
            });
            entities.len() - 1
        });
        entities[e].mentions += 1;
        // A common noun standing for a named actor ("the government", "officials" for
        // Mexico) counts as its mention but is no name of it.
        let common_noun = !c.name.chars().any(char::is_uppercase);
        if !common_noun || entities[e].kind == EntityType::Group {
            entities[e].aliases.insert(c.name.clone());
        }
        mentions.push(Mention {
            span: c.span.clone(),
            sentence: c.sentence,
            tokens: c.tokens.clone(),
            kind: entities[e].kind,
            entity: e,
            nested: c.nested,
        });
    }
    for e in &mut entities {
        let label = e.label.clone();
        e.aliases.insert(label);
    }
    let mut resolved = Resolved {
        entities,
        mentions,
        links: Vec::new(),
    };
    links::derive(doc, candidates, lexicon, &mut resolved);
    government::resolve_governments(&mut resolved);
    resolved
}

impl Resolved {
    /// Merges entity `from` into entity `into`: mentions, aliases and links move over, and
    /// `from` is removed (later indices shift down by one).
    pub fn merge(&mut self, from: usize, into: usize) {
        if from == into {
            return;
        }
        let moved = std::mem::take(&mut self.entities[from].aliases);
        self.entities[into].aliases.extend(moved);
        self.entities[into].mentions += self.entities[from].mentions;
        let kind = self.entities[into].kind;
        let remap = |i: usize| {
            let i = if i == from { into } else { i };
            if i > from {
                i - 1
            } else {
                i
            }
        };
        for m in &mut self.mentions {
            if m.entity == from {
                m.kind = kind;
            }
            m.entity = remap(m.entity);
        }
        for l in &mut self.links {
            l.source = remap(l.source);
            l.target = remap(l.target);
        }
        self.links.retain(|l| l.source != l.target);
        self.entities.remove(from);
    }
}

/// The label and type a candidate proposes.
fn canonical(c: &Candidate, lexicon: &Lexicon) -> (String, EntityType) {
    // A country, a capital acting for it, a seat of government, "U.S. officials": the state.
    if c.kind == EntityType::Country {
        let country = c
            .entry
            .and_then(|e| lexicon.names.entries[e].country)
            .or(c.country);
        if let Some(country) = country {
            return (lexicon.countries[country].name.clone(), EntityType::Country);
        }
    }
    if let Some(entry) = c.entry.map(|e| &lexicon.names.entries[e]) {
        return (entry.label.clone(), c.kind);
    }
    (c.name.clone(), c.kind)
}

fn kind_key(kind: EntityType) -> &'static str {
    match kind {
        // Tentative single names and people share a key space so "Trump" meets "Trump".
        EntityType::Person | EntityType::Other => "p",
        other => other.as_str(),
    }
}

/// The text between two spans, empty when they touch or overlap (a nested prefix lies
/// inside the name it modifies).
pub(crate) fn between(doc: &str, end: usize, start: usize) -> &str {
    doc.get(end..start).unwrap_or("")
}

/// Union-find parent lookup.
fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// Joins short names into the unique longer name containing them; returns the parent array.
fn merge_short_names(
    protos: &mut [Proto],
    doc: &str,
    candidates: &[Candidate],
    target_of: &[usize],
) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..protos.len()).collect();
    let defined = acronym_definitions(doc, candidates, target_of);
    for i in 0..protos.len() {
        let short = &protos[i];
        if matches!(short.kind, EntityType::Country | EntityType::Location) {
            continue;
        }
        let hosts: Vec<usize> = (0..protos.len())
            .filter(|&j| j != i && joins(short, &protos[j], defined.get(&i) == Some(&j)))
            .collect();
        if let [host] = hosts[..] {
            // Link roots, never a node to its own descendant: two acronyms defined in
            // each other's parentheses must not make a cycle.
            let (a, b) = (find(&parent, i), find(&parent, host));
            if a != b {
                parent[a] = b;
            }
        }
    }
    // Flatten chains and let a joined tentative name take its host's type.
    for i in 0..protos.len() {
        let root = find(&parent, i);
        parent[i] = root;
    }
    parent
}

/// Whether `short` names the same actor as the longer `long`.
fn joins(short: &Proto, long: &Proto, defined_acronym: bool) -> bool {
    if defined_acronym {
        return true;
    }
    let compatible = short.kind == long.kind
        || short.tentative
        || (short.kind == EntityType::Group && long.kind == EntityType::Group);
    if !compatible || long.words.len() <= short.words.len() {
        return false;
    }
    match long.kind {
        EntityType::Person => contains_run(&long.words, &short.words),
        EntityType::Organization | EntityType::Other => {
            long.words.ends_with(&short.words) && short.words.len() >= 2
                || is_acronym_of(&short.label, &long.words)
        }
        // "cartels" joins "Mexican cartels".
        EntityType::Group => long.words.ends_with(&short.words),
        _ => false,
    }
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    long.windows(short.len()).any(|w| w == short)
}

const MINOR: &[&str] = &["of", "the", "and", "for", "de", "del", "la", "&", "us"];

/// "DEA" abbreviates "drug enforcement administration"; country prefixes may be skipped.
fn is_acronym_of(acronym: &str, words: &[String]) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.chars().any(char::is_lowercase) {
        return false;
    }
    let initials: String = words
        .iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase();
    initials == letters
}

/// Acronyms defined in parentheses right after a name: proto of acronym → proto of name.
fn acronym_definitions(
    doc: &str,
    candidates: &[Candidate],
    target_of: &[usize],
) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    for (k, pair) in candidates.windows(2).enumerate() {
        let (long, short) = (&pair[0], &pair[1]);
        let between = between(doc, long.span.end, short.span.start);
        let after = &doc[short.span.end..];
        if between.trim() == "(" && after.trim_start().starts_with(')') {
            // "Name (ACR)" or "ACR (Name)": the acronym joins the name.
            let is_acronym = |c: &Candidate| {
                !c.name.contains(' ')
                    && c.name
                        .chars()
                        .filter(|ch| ch.is_alphabetic())
                        .all(char::is_uppercase)
            };
            if is_acronym(short) && !is_acronym(long) {
                out.insert(target_of[k + 1], target_of[k]);
            } else if is_acronym(long) && !is_acronym(short) {
                out.insert(target_of[k], target_of[k + 1]);
            }
        }
    }
    out
}
