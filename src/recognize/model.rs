//! The statistical recognizer's say: where the rules only guessed, the trained model
//! (`crate::ner`) decides.
//!
//! The rules are sure of what the lexicon knows, of head words ("… Cartel" is an
//! organization), of titles ("President X" is a person) and of demonym phrases. A
//! capitalized run with none of these they can only call a person; there the model retypes it
//! ("Kuomintang" is an organization, "Mississauga" a place), splits it ("Vermont Bernie
//! Sanders" is a place and a person) or drops it when it is sure there is no name ("Fax",
//! "Download"). Names the rules missed entirely come from the model when it is confident.

use std::collections::HashMap;
use std::ops::Range;

use super::candidate::Candidate;
use crate::entity::EntityType;
use crate::lexicon::Lexicon;
use crate::ner::{spans, EntityKind, Ner};
use crate::text::{self, Layout, SentenceKind};

/// Below this margin the model's word on a name is not trusted to add or drop one.
const CONFIDENT: f32 = 40.0;
/// Below this margin an "O" does not overrule a capitalized run.
const SURE_NOT_A_NAME: f32 = 30.0;

/// A name the model found: doc token range, kind and the smallest margin over its tokens.
#[derive(Debug, Clone)]
struct ModelSpan {
    tokens: Range<usize>,
    kind: EntityKind,
    margin: f32,
}

/// What the model says about a document: its names and, per token, how sure it is that
/// the token is outside any name.
struct Tagging {
    spans: Vec<ModelSpan>,
    outside: Vec<Option<f32>>,
}

fn tag(doc: &str, layout: &Layout) -> Tagging {
    let ner = Ner::embedded();
    let mut spans_out = Vec::new();
    let mut outside = vec![None; layout.tokens.len()];
    for sentence in &layout.sentences {
        if sentence.kind == SentenceKind::Furniture {
            continue;
        }
        let range = sentence.tokens.clone();
        let words: Vec<&str> = layout.tokens[range.clone()]
            .iter()
            .map(|t| t.text(doc))
            .collect();
        let tagged = ner.tag_with_margins(&words);
        for (w, t) in tagged.iter().enumerate() {
            if t.label.kind().is_none() {
                outside[range.start + w] = Some(t.margin);
            }
        }
        let labels: Vec<_> = tagged.iter().map(|t| t.label).collect();
        for (r, kind) in spans(&labels) {
            let margin = tagged[r.clone()]
                .iter()
                .map(|t| t.margin)
                .fold(f32::INFINITY, f32::min);
            spans_out.push(ModelSpan {
                tokens: range.start + r.start..range.start + r.end,
                kind,
                margin,
            });
        }
    }
    Tagging {
        spans: spans_out,
        outside,
    }
}

/// Token range of a byte span.
fn tokens_of(layout: &Layout, span: &Range<usize>) -> Range<usize> {
    let start = layout.tokens.partition_point(|t| t.span.start < span.start);
    let end = layout.tokens.partition_point(|t| t.span.start < span.end);
    start..end
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The entity type of a model span: a place is a country when the lexicon says so.
fn kind_of(
    doc: &str,
    layout: &Layout,
    tokens: &Range<usize>,
    kind: EntityKind,
    lexicon: &Lexicon,
) -> (EntityType, Option<usize>, Option<usize>) {
    match kind {
        EntityKind::Per => (EntityType::Person, None, None),
        EntityKind::Org => (EntityType::Organization, None, None),
        EntityKind::Misc => (EntityType::Other, None, None),
        EntityKind::Loc => {
            let words: Vec<&str> = layout.tokens[tokens.clone()]
                .iter()
                .map(|t| t.text(doc))
                .collect();
            let key: Vec<String> = words.iter().map(|w| text::token_key(w)).collect();
            let entry = lexicon
                .names
                .lookup(&key.join(" "), &words)
                .next()
                .map(|a| a.entry);
            match entry.map(|e| &lexicon.names.entries[e]) {
                Some(e) if e.kind == EntityType::Country => (EntityType::Country, entry, e.country),
                Some(e) => (EntityType::Location, entry, e.country),
                None => (EntityType::Location, None, None),
            }
        }
    }
}

fn candidate_from(
    doc: &str,
    layout: &Layout,
    m: &ModelSpan,
    sentence: usize,
    lexicon: &Lexicon,
) -> Candidate {
    let (kind, entry, country) = kind_of(doc, layout, &m.tokens, m.kind, lexicon);
    let span = layout.tokens[m.tokens.start].span.start..layout.tokens[m.tokens.end - 1].span.end;
    let mut name = String::new();
    for t in &layout.tokens[m.tokens.clone()] {
        if !name.is_empty() && t.space_before {
            name.push(' ');
        }
        name.push_str(t.text(doc));
    }
    Candidate {
        span,
        tokens: m.tokens.clone(),
        sentence,
        kind,
        name,
        entry,
        country,
        title_relation: None,
        title_span: None,
        tentative: false,
        nested: false,
        defaulted: false,
    }
}

/// Names the rules were sure of (a title, a head word, the lexicon), by folded full name
/// and, for people, by surname, with their type.
fn confirmed_names(candidates: &[Candidate]) -> HashMap<String, EntityType> {
    let mut out = HashMap::new();
    for c in candidates.iter().filter(|c| !c.defaulted && !c.nested) {
        out.entry(text::key(&c.name)).or_insert(c.kind);
        if c.kind == EntityType::Person {
            if let Some(last) = c.name.split_whitespace().last() {
                out.entry(text::key(last)).or_insert(c.kind);
            }
        }
    }
    out
}

/// Whether model spans of one kind cover a run exactly, apart from the hyphens joining them
/// without spaces.
fn covers(doc: &str, layout: &Layout, spans: &[&ModelSpan], name: &Range<usize>) -> bool {
    let Some(first) = spans.first() else {
        return false;
    };
    if spans.iter().any(|m| m.kind != first.kind) {
        return false;
    }
    let mut at = name.start;
    for m in spans {
        if m.tokens.start < at {
            return false;
        }
        for t in at..m.tokens.start {
            let token = &layout.tokens[t];
            let next = &layout.tokens[t + 1];
            if token.text(doc) != "-" || token.space_before || next.space_before {
                return false;
            }
        }
        at = m.tokens.end;
    }
    at == name.end
}

/// Lets the model retype, split or drop the candidates the rules only guessed, and add the
/// names the rules missed. Candidates stay in text order.
pub(super) fn refine(
    doc: &str,
    layout: &Layout,
    candidates: Vec<Candidate>,
    lexicon: &Lexicon,
) -> Vec<Candidate> {
    let tagging = tag(doc, layout);
    let confirmed = confirmed_names(&candidates);
    let mut votes = Votes::default();
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut dropped = Vec::new();
    for mut c in candidates {
        if !c.defaulted || c.nested {
            out.push(c);
            continue;
        }
        // The document itself vouches for the name elsewhere ("Sheinbaum" in a Title Case
        // headline, "President Claudia Sheinbaum" in the text): one name, one reading per
        // document, whatever the model makes of this occurrence.
        if let Some(&kind) = confirmed.get(&text::key(&c.name)) {
            c.kind = kind;
            c.tentative = false;
            c.defaulted = false;
            out.push(c);
            continue;
        }
        let name = tokens_of(layout, &c.span);
        let near = tagging.overlapping(&name);
        let inside: Vec<&ModelSpan> = near
            .iter()
            .filter(|m| overlaps(&m.tokens, &name) && m.kind != EntityKind::Misc)
            .collect();
        match inside.as_slice() {
            [] => {
                // Sure there is no name here ("Fax", "Download"): drop the guess. Where
                // capitals say nothing (a sentence's first word, a heading), the guess needs
                // the model's support ("Winter is low season", "Homeopathy is …").
                let threshold = if no_evidence(doc, layout, &c, &name) {
                    f32::NEG_INFINITY
                } else {
                    SURE_NOT_A_NAME
                };
                let sure = name
                    .clone()
                    .all(|t| tagging.outside[t].is_some_and(|m| m >= threshold));
                let misc = near
                    .iter()
                    .any(|m| m.kind == EntityKind::Misc && overlaps(&m.tokens, &name));
                if !(sure || misc) {
                    out.push(c);
                } else {
                    unnest_prefix(&mut out, &c);
                    dropped.push(c);
                }
            }
            spans if covers(doc, layout, spans, &name) => {
                // One name in pieces only where hyphens cut it ("Jean-Luc Mélenchon").
                let m = spans[0];
                let (kind, entry, country) = kind_of(doc, layout, &name, m.kind, lexicon);
                c.kind = kind;
                c.entry = c.entry.or(entry);
                c.country = c.country.or(country);
                c.tentative = false;
                c.defaulted = false;
                votes.cast(&c, m.kind, m.margin, out.len());
                out.push(c);
            }
            spans => {
                // The model draws other boundaries: its names replace the run.
                for m in spans {
                    if m.tokens.start >= name.start && m.tokens.end <= name.end
                        || m.margin >= CONFIDENT
                    {
                        let c = candidate_from(doc, layout, m, c.sentence, lexicon);
                        votes.cast(&c, m.kind, m.margin, out.len());
                        out.push(c);
                    }
                }
            }
        }
    }
    // A surname the model saw no name in, where the document names the person in full
    // ("Later García spoke" after "Ismael Zambada García testified").
    let people = confirmed_names(&out);
    for mut c in dropped {
        if people.get(&text::key(&c.name)) == Some(&EntityType::Person) {
            c.kind = EntityType::Person;
            c.defaulted = false;
            c.tentative = false;
            out.push(c);
        }
    }
    // Confident names no candidate touches: the rules missed them. Titles and roles alone
    // ("the Secretary", "Emperor") are no names, as the rules have it. (The names added
    // here touch no later model name: the model's names do not overlap.)
    let taken = Taken::new(
        out.iter()
            .flat_map(|c| [c.tokens.clone(), tokens_of(layout, &c.span)]),
    );
    for m in &tagging.spans {
        if m.kind == EntityKind::Misc || m.margin < CONFIDENT {
            continue;
        }
        let only_roles = layout.tokens[m.tokens.clone()].iter().all(|t| {
            let w = t.text(doc);
            t.kind != crate::text::TokenKind::Word
                || lexicon.is_role_word(&text::token_key(w))
                || CONNECTOR_WORDS.contains(&w.to_lowercase().as_str())
        });
        if only_roles {
            continue;
        }
        let touched = taken.touches(&m.tokens);
        let sentence = layout
            .sentences
            .partition_point(|s| s.tokens.end <= m.tokens.start);
        // In prose, or in a row of results or a line-up, whose names are names.
        let prose = layout.sentences.get(sentence).is_some_and(|s| {
            s.kind == SentenceKind::Prose || super::structure::is_structured(doc, layout, s)
        });
        if !touched && prose {
            let c = candidate_from(doc, layout, m, sentence, lexicon);
            votes.cast(&c, m.kind, m.margin, out.len());
            out.push(c);
        }
    }
    votes.settle(doc, layout, &mut out, lexicon);
    out.sort_by_key(|c| c.tokens.start);
    // One candidate per stretch of text: a later one overlapping a kept one goes (nested
    // prefixes excepted, which lie inside their phrase by design).
    // Sorted by start, a kept candidate overlaps a later non-empty one exactly when it ends
    // after that one's start: the furthest end of the kept ones says it.
    let mut kept: Vec<Candidate> = Vec::with_capacity(out.len());
    let mut reach = 0;
    for c in out {
        let clash = !c.nested
            && if c.tokens.is_empty() {
                kept.iter()
                    .any(|k| !k.nested && overlaps(&k.tokens, &c.tokens))
            } else {
                reach > c.tokens.start
            };
        if !clash {
            if !c.nested {
                reach = reach.max(c.tokens.end);
            }
            kept.push(c);
        }
    }
    kept
}

impl Tagging {
    /// The model's names that may overlap `tokens`: those from the first ending after its
    /// start to the last starting before its end (the names are in text order and do not
    /// overlap, so their ends are in order too).
    fn overlapping(&self, tokens: &Range<usize>) -> &[ModelSpan] {
        let from = self.spans.partition_point(|m| m.tokens.end <= tokens.start);
        let to = self.spans.partition_point(|m| m.tokens.start < tokens.end);
        &self.spans[from..to.max(from)]
    }
}

/// Token ranges taken by candidates, sorted by start with the furthest end up to each, to
/// ask in logarithmic time whether a range touches any of them.
struct Taken {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Taken {
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Taken {
        let mut ranges: Vec<Range<usize>> = ranges.collect();
        ranges.sort_by_key(|r| r.start);
        let mut furthest = 0;
        let reach = ranges
            .iter()
            .map(|r| {
                furthest = furthest.max(r.end);
                furthest
            })
            .collect();
        Taken {
            starts: ranges.iter().map(|r| r.start).collect(),
            reach,
        }
    }

    /// Whether `tokens` overlaps a taken range as [`overlaps`] has it: one of those starting
    /// before its end reaches past its start.
    fn touches(&self, tokens: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s < tokens.end);
        before > 0 && self.reach[before - 1] > tokens.start
    }
}

/// The model's readings of the names it typed, by folded name: one name keeps one type in a
/// document ("Oakland" is the place in every sentence, even where the sentence alone would
/// let the model take it for a person), the type whose mentions the model was surest of in
/// all (margins summed).
#[derive(Default)]
struct Votes {
    /// Folded name → margin summed per kind (PER, ORG, LOC).
    by_name: HashMap<String, [f32; 3]>,
    /// Index in the output and folded name of every candidate the model typed.
    typed: Vec<(usize, String)>,
}

impl Votes {
    fn slot(kind: EntityKind) -> Option<usize> {
        match kind {
            EntityKind::Per => Some(0),
            EntityKind::Org => Some(1),
            EntityKind::Loc => Some(2),
            EntityKind::Misc => None,
        }
    }

    /// Records that the model typed candidate `c` (at `index` in the output) as `kind`.
    fn cast(&mut self, c: &Candidate, kind: EntityKind, margin: f32, index: usize) {
        let Some(slot) = Votes::slot(kind) else {
            return;
        };
        let key = text::key(&c.name);
        self.by_name.entry(key.clone()).or_default()[slot] += margin.max(1.0);
        self.typed.push((index, key));
    }

    /// Gives every candidate the model typed the type its name won.
    fn settle(&self, doc: &str, layout: &Layout, out: &mut [Candidate], lexicon: &Lexicon) {
        const KINDS: [EntityKind; 3] = [EntityKind::Per, EntityKind::Org, EntityKind::Loc];
        for (index, key) in &self.typed {
            let sums = &self.by_name[key];
            let best = (0..3)
                .max_by(|&a, &b| sums[a].total_cmp(&sums[b]).then(b.cmp(&a)))
                .expect("three kinds");
            let c = &mut out[*index];
            let tokens = tokens_of(layout, &c.span);
            let (kind, entry, country) = kind_of(doc, layout, &tokens, KINDS[best], lexicon);
            let place = |k: EntityType| matches!(k, EntityType::Location | EntityType::Country);
            if place(kind) && place(c.kind) || kind == c.kind {
                continue;
            }
            c.kind = kind;
            c.entry = entry;
            c.country = country;
        }
    }
}

/// Lowercase words inside an office's name ("Emperor of the United States" is all title).
const CONNECTOR_WORDS: &[&str] = &["of", "the", "and", "for"];

/// Whether the capitals of a candidate say nothing: a one-word name opening its sentence, or
/// any name in a heading (not a row of structured data, whose names are names).
fn no_evidence(doc: &str, layout: &Layout, c: &Candidate, name: &Range<usize>) -> bool {
    let Some(sentence) = layout.sentences.get(c.sentence) else {
        return false;
    };
    match sentence.kind {
        SentenceKind::Heading => !super::structure::is_structured(doc, layout, sentence),
        SentenceKind::Prose => {
            name.len() == 1
                && super::context::first_word(doc, layout, sentence.tokens.clone())
                    == Some(name.start)
        }
        SentenceKind::Furniture => true,
    }
}

/// A country prefix stands alone once the phrase it prefixed is gone: "US" of "US Predator
/// attacks" when "Predator" is no name is the country acting, as any demonym before a noun.
fn unnest_prefix(out: &mut [Candidate], phrase: &Candidate) {
    if let Some(p) = out.last_mut() {
        if p.nested && p.tokens.start < phrase.tokens.end && phrase.tokens.start <= p.tokens.end + 1
        {
            p.nested = false;
        }
    }
}
