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
pub use links::StaticLink;

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
        let mut target = vec![None; self.entities.len()];
        if from != into {
            target[from] = Some(into);
        }
        self.merge_all(&target);
    }

    /// Merges every entity `e` with `into[e] = Some(k)` into entity `k`, in one pass over the
    /// mentions and links: as [`Resolved::merge`] one at a time, for entities merged into
    /// ones that stay.
    pub fn merge_all(&mut self, into: &[Option<usize>]) {
        let target = |e: usize| into.get(e).copied().flatten().unwrap_or(e);
        let mut new_index = vec![0; self.entities.len()];
        let mut kept = 0;
        for (e, slot) in new_index.iter_mut().enumerate() {
            *slot = kept;
            if target(e) == e {
                kept += 1;
            }
        }
        if kept == self.entities.len() {
            return;
        }
        for e in 0..self.entities.len() {
            let k = target(e);
            if k != e {
                let moved = std::mem::take(&mut self.entities[e].aliases);
                self.entities[k].aliases.extend(moved);
                self.entities[k].mentions += self.entities[e].mentions;
            }
        }
        for m in &mut self.mentions {
            let k = target(m.entity);
            if k != m.entity {
                m.kind = self.entities[k].kind;
            }
            m.entity = new_index[k];
        }
        for l in &mut self.links {
            l.source = target(l.source);
            l.target = target(l.target);
        }
        self.links.retain(|l| l.source != l.target);
        for l in &mut self.links {
            l.source = new_index[l.source];
            l.target = new_index[l.target];
        }
        let mut e = 0;
        self.entities.retain(|_| {
            e += 1;
            target(e - 1) == e - 1
        });
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
    let index = HostIndex::new(protos);
    for i in 0..protos.len() {
        let short = &protos[i];
        if matches!(short.kind, EntityType::Country | EntityType::Location) {
            continue;
        }
        let hosts: Vec<usize> = index
            .candidates(short, defined.get(&i).copied())
            .into_iter()
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

/// The names a short name could join, found by its words rather than by trying every name of
/// the document, so that resolution takes time in proportion to the names, not their square.
/// [`HostIndex::candidates`] returns every name [`joins`] can accept, and some it rejects.
struct HostIndex<'p> {
    /// Word → the people whose name holds it.
    people_by_word: HashMap<&'p str, Vec<usize>>,
    /// Last two words → the organizations, other names and groups ending with them.
    by_last_words: HashMap<(&'p str, &'p str), Vec<usize>>,
    /// Last word → the groups ending with it.
    groups_by_last_word: HashMap<&'p str, Vec<usize>>,
    /// Initials (as [`is_acronym_of`] reads them) → the organizations and other names.
    by_initials: HashMap<String, Vec<usize>>,
}

impl<'p> HostIndex<'p> {
    fn new(protos: &'p [Proto]) -> HostIndex<'p> {
        let mut index = HostIndex {
            people_by_word: HashMap::new(),
            by_last_words: HashMap::new(),
            groups_by_last_word: HashMap::new(),
            by_initials: HashMap::new(),
        };
        for (j, p) in protos.iter().enumerate() {
            match p.kind {
                EntityType::Person => {
                    let words: BTreeSet<&str> = p.words.iter().map(String::as_str).collect();
                    for w in words {
                        index.people_by_word.entry(w).or_default().push(j);
                    }
                }
                EntityType::Organization | EntityType::Other | EntityType::Group => {
                    if let [.., a, b] = &p.words[..] {
                        index.by_last_words.entry((a, b)).or_default().push(j);
                    }
                    if p.kind == EntityType::Group {
                        let last = p.words.last().map_or("", String::as_str);
                        index.groups_by_last_word.entry(last).or_default().push(j);
                    } else {
                        index
                            .by_initials
                            .entry(initials(&p.words))
                            .or_default()
                            .push(j);
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// Every name `short` may join, in index order: people holding its rarest word, names
    /// ending with its words (organizations and other names join a short name of two words or
    /// more only), names with its letters for initials, and the name it was defined as an
    /// acronym of.
    fn candidates(&self, short: &Proto, defined: Option<usize>) -> Vec<usize> {
        let none: &[usize] = &[];
        let people = short
            .words
            .iter()
            .map(|w| {
                self.people_by_word
                    .get(w.as_str())
                    .map_or(none, Vec::as_slice)
            })
            .min_by_key(|js| js.len())
            .unwrap_or(none);
        let ending = match &short.words[..] {
            [.., a, b] => self.by_last_words.get(&(a.as_str(), b.as_str())),
            [last] => self.groups_by_last_word.get(last.as_str()),
            [] => None,
        }
        .map_or(none, Vec::as_slice);
        let letters = acronym_letters(&short.label);
        let initialed = self.by_initials.get(&letters).map_or(none, Vec::as_slice);
        let mut out: Vec<usize> = people
            .iter()
            .chain(ending)
            .chain(initialed)
            .copied()
            .chain(defined)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
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
    let letters = acronym_letters(acronym);
    if letters.len() < 2 || letters.chars().any(char::is_lowercase) {
        return false;
    }
    initials(words) == letters
}

/// The letters of a would-be acronym.
fn acronym_letters(acronym: &str) -> String {
    acronym.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The initials of a name's words, minor words skipped, in capitals.
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
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
