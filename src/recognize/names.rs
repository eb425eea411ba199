//! Name sequences in one sentence: lexicon matches, capitalized runs with their titles and
//! country prefixes, and demonym phrases.

use std::ops::Range;

use super::candidate::Candidate;
use super::context::{first_word, KnownNames};
use crate::entity::EntityType;
use crate::lexicon::{Lexicon, NameSource, RoleCategory};
use crate::relation::RelationType;
use crate::text::{self, Layout, Sentence, SentenceKind, TokenKind};

/// Lowercase words that may join the capitalized words of one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "van",
    "von", "der", "den", "ter", "bin", "ibn", "al", "el", "y", "e", "for", "&", "and", "the",
];

/// Capitalized words that are never names on their own: calendar words and the pronoun I.
const NEVER_NAMES: &[&str] = &[
    "i",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "q",
    "a",
    "faq",
    "ok",
    "tv",
    "ceo",
    "cfo",
    "gdp",
    "dna",
    "hiv",
    "id",
    "phd",
    "pr",
    "it",
    "ai",
    "am",
    "pm",
    "utc",
    "gmt",
    "usd",
    "eur",
    "ad",
    "bc",
    "ii",
    "iii",
    "covid",
    "covid-19",
    "internet",
    "web",
    "english",
    "spanish",
    "french",
    "god",
];

/// Lowercase nouns after a name that make it an organization ("Morena party").
const LOWERCASE_ORG_HEADS: &[&str] = &[
    "party",
    "cartel",
    "gang",
    "militia",
    "group",
    "movement",
    "newspaper",
    "agency",
    "network",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "administration",
    "government",
    "company",
    "firm",
    "bank",
    "union",
    "faction",
];

struct Sent<'a> {
    doc: &'a str,
    layout: &'a Layout,
    index: usize,
    kind: SentenceKind,
    range: Range<usize>,
    first: Option<usize>,
    lexicon: &'a Lexicon,
    known: &'a KnownNames,
}

impl Sent<'_> {
    fn text(&self, i: usize) -> &str {
        self.layout.tokens[i].text(self.doc)
    }

    fn word(&self, i: usize) -> bool {
        i < self.range.end && self.layout.tokens[i].kind == TokenKind::Word
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase()
    }

    /// A capitalized word that may start or continue a name here.
    fn name_word(&self, i: usize) -> bool {
        if !self.capitalized(i) || NEVER_NAMES.contains(&text::key(self.text(i)).as_str()) {
            return false;
        }
        let w = self.text(i);
        let trusted_position = self.kind == SentenceKind::Prose && Some(i) != self.first;
        trusted_position
            || self.known.contains(w)
            || !self.lexicon.is_common(w) && self.kind == SentenceKind::Prose
    }

    /// Whether token `k` continues a name run: a capitalized word, a connector between
    /// capitalized words ("von der"), or a hyphen inside one name ("Ocasio-Cortez").
    fn continues_run(&self, k: usize) -> bool {
        if self.name_word(k) || (self.capitalized(k) && self.kind == SentenceKind::Prose) {
            return true;
        }
        let lower = self.lower(k);
        if CONNECTORS.contains(&lower.as_str()) {
            // "and" and "the" join only inside organization names, which the lexicon knows.
            return !self.capitalized(k)
                && self.capitalized(k + 1)
                && lower != "and"
                && lower != "the";
        }
        // "Sheinbaum-Rubio" pairs two names the document uses alone; "Ocasio-Cortez" and
        // "Al-Zaman" are one name.
        self.text(k) == "-"
            && !self.layout.tokens[k].space_before
            && self.capitalized(k + 1)
            && !self.layout.tokens[k + 1].space_before
            && !(self.known.contains(self.text(k - 1)) && self.known.contains(self.text(k + 1)))
    }

    /// The key of tokens `i..=j` as lookups grow a phrase from `i` one token at a time:
    /// the token's own key for one token (no copy), else `phrase` extended by token `j`.
    fn phrase_key<'k>(&'k self, phrase: &'k mut String, i: usize, j: usize) -> &'k str {
        let keys = &self.known.token_keys;
        if j == i {
            return &keys[i];
        }
        if j == i + 1 {
            phrase.clear();
            phrase.push_str(&keys[i]);
        }
        phrase.push(' ');
        phrase.push_str(&keys[j]);
        phrase
    }

    /// Longest lexicon name at `i`: (end token, entry).
    fn lexicon_at(&self, i: usize) -> Option<(usize, usize)> {
        if !self.word(i) {
            return None;
        }
        let max = self.lexicon.names.max_tokens.min(self.range.end - i);
        let mut phrase = String::new();
        let mut best = None;
        for n in 1..=max {
            let j = i + n - 1;
            let key = self.phrase_key(&mut phrase, i, j);
            if !self.word(j) && n == 1 {
                break;
            }
            let surface =
                &self.doc[self.layout.tokens[i].span.start..self.layout.tokens[j].span.end];
            let mut hits = self.lexicon.names.lookup(key, surface);
            if let Some(entry) = hits.next() {
                // An ambiguous name ("Georgia", "Jordan") needs the document's support.
                let e = &self.lexicon.names.entries[entry];
                if !e.ambiguous || self.known.contains(surface) {
                    best = Some((j + 1, entry));
                }
            }
            if !self.lexicon.names.extends(key) {
                break;
            }
        }
        best
    }

    /// Country of a demonym or country name at `i` ("Mexican", "U.S."), with its end token.
    fn country_at(&self, i: usize) -> Option<(usize, usize)> {
        if let Some((end, entry)) = self.lexicon_at(i) {
            let e = &self.lexicon.names.entries[entry];
            return (e.source == NameSource::Country).then_some((end, e.country?));
        }
        if self.capitalized(i) {
            return self.lexicon.demonym(self.text(i)).map(|c| (i + 1, c));
        }
        None
    }

    /// Longest role phrase at `i` among `categories`: (end token, relation).
    fn role_at(
        &self,
        i: usize,
        categories: &[RoleCategory],
    ) -> Option<(usize, Option<RelationType>)> {
        let max = self
            .lexicon
            .max_role_tokens
            .min(self.range.end.saturating_sub(i));
        let mut phrase = String::new();
        let mut best = None;
        for n in 1..=max {
            let j = i + n - 1;
            let key = self.phrase_key(&mut phrase, i, j);
            if let Some(role) = self.lexicon.roles.get(key) {
                if categories.contains(&role.category) {
                    best = Some((j + 1, role.relation));
                }
            }
            if !self.lexicon.role_prefixes.contains(key) {
                break;
            }
        }
        best
    }

    /// The end of a capitalized name run starting at `i` (exclusive).
    fn run_end(&self, i: usize) -> usize {
        let mut k = i;
        while k < self.range.end && (k == i && self.name_word(k) || k > i && self.continues_run(k))
        {
            k += 1;
        }
        // A run never ends on a connector.
        while k > i && !self.capitalized(k - 1) {
            k -= 1;
        }
        k
    }

    fn span(&self, tokens: Range<usize>) -> Range<usize> {
        self.layout.tokens[tokens.start].span.start..self.layout.tokens[tokens.end - 1].span.end
    }

    fn surface(&self, tokens: Range<usize>) -> String {
        let mut out = String::new();
        for i in tokens {
            let t = &self.layout.tokens[i];
            if !out.is_empty() && t.space_before {
                out.push(' ');
            }
            out.push_str(t.text(self.doc));
        }
        out
    }

    fn candidate(&self, name: Range<usize>, phrase: Range<usize>, kind: EntityType) -> Candidate {
        Candidate {
            span: self.span(name.clone()),
            tokens: phrase,
            sentence: self.index,
            kind,
            name: self.surface(name),
            entry: None,
            country: None,
            title_relation: None,
            title_span: None,
            tentative: false,
            nested: false,
        }
    }
}

/// Appends the candidates of one sentence to `out`.
pub(super) fn sentence_candidates(
    doc: &str,
    layout: &Layout,
    index: usize,
    sentence: &Sentence,
    lexicon: &Lexicon,
    known: &KnownNames,
    out: &mut Vec<Candidate>,
) {
    if sentence.kind == SentenceKind::Furniture {
        return;
    }
    let s = Sent {
        doc,
        layout,
        index,
        kind: sentence.kind,
        range: sentence.tokens.clone(),
        first: first_word(doc, layout, sentence.tokens.clone()),
        lexicon,
        known,
    };
    let mut i = s.range.start;
    while i < s.range.end {
        match phrase_at(&s, i) {
            Some((next, found)) => {
                out.extend(
                    found
                        .into_iter()
                        .filter(|c| !lexicon.suppressed.contains(&text::key(&c.name))),
                );
                i = next.max(i + 1);
            }
            None => {
                if let Some((next, group)) = lowercase_group(&s, i) {
                    out.push(group);
                    i = next;
                } else {
                    i += 1;
                }
            }
        }
    }
}

/// A name phrase starting at `i`: returns the token after it and its candidates.
fn phrase_at(s: &Sent, i: usize) -> Option<(usize, Vec<Candidate>)> {
    if !s.word(i) {
        return None;
    }
    let mut p = i;
    // 1. A country prefix: "Mexican President ...", "U.S. Department of ...", "U.S. officials".
    let mut country = None;
    if let Some((end, c)) = s.country_at(p) {
        let lexicon_end = s.lexicon_at(p).map(|(e, _)| e);
        let continues = s.capitalized(end)
            && (s.name_word(end) || s.role_at(end, &[RoleCategory::Title]).is_some());
        // "Mexico City" is a place, not Mexico + "City": the longest lexicon name wins.
        if continues && lexicon_end.is_none_or(|e| e <= end) {
            country = Some((p..end, c));
            p = end;
        } else {
            return Some(country_phrase(s, p, end, c));
        }
    }
    // 2. Titles, possibly after modifiers: "Former President", "Secretary of State".
    let mut title: Option<(Range<usize>, Option<RelationType>)> = None;
    let title_start = p;
    loop {
        if let Some((end, _)) = s.role_at(p, &[RoleCategory::Modifier]) {
            if end < s.range.end && s.capitalized(end) {
                p = end;
                continue;
            }
        }
        match s.role_at(p, &[RoleCategory::Title]) {
            Some((end, rel)) if s.capitalized(p) => {
                title = Some((title_start..end, rel.or(title.as_ref().and_then(|t| t.1))));
                p = end;
            }
            _ => break,
        }
    }
    // An office without a holder's name: "Secretary of Public Security".
    if let Some((t, rel)) = &title {
        if p < s.range.end && s.lower(p) == "of" && s.capitalized(p + 1) {
            let end = s.run_end(p + 1);
            let mut c = s.candidate(t.start..end, i..end, EntityType::Person);
            c.title_relation = *rel;
            c.country = country.as_ref().map(|(_, c)| *c);
            return Some((end, vec![c]));
        }
    }
    // 3. The name itself.
    if !s.name_word(p) {
        // A prefix or title with no name after it: the country alone, or nothing.
        let found: Vec<Candidate> = country
            .map(|(range, c)| country_candidate(s, range.clone(), range, c))
            .into_iter()
            .collect();
        if found.is_empty() && p == i {
            return None;
        }
        return Some((p.max(i + 1), found));
    }
    let end = s.run_end(p);
    let mut found = Vec::new();
    let name = p..end;
    let mut c = name_candidate(s, name, title.is_some());
    if c.is_none() {
        // Nothing nameable after the prefix: the prefix alone is the country.
        if let Some((range, ctry)) = country {
            found.push(country_candidate(s, range.clone(), range, ctry));
        }
        return Some((end.max(i + 1), found));
    }
    if let Some(c) = c.as_mut() {
        c.tokens = i..c.tokens.end;
        if let Some((range, ctry)) = &country {
            c.country = Some(*ctry);
            let mut prefix = country_candidate(s, range.clone(), range.clone(), *ctry);
            prefix.nested = true;
            found.push(prefix);
        }
        if let Some((t, rel)) = &title {
            c.title_relation = *rel;
            c.title_span = Some(s.span(t.clone()));
            c.kind = EntityType::Person;
            c.tentative = false;
        } else if let Some((role, rel)) = role_before(s, i) {
            c.title_relation = rel;
            c.title_span = Some(s.span(role));
            if c.entry.is_none() {
                c.kind = EntityType::Person;
                c.tentative = false;
            }
        }
        found.push(c.clone());
    }
    Some((c.map_or(end, |c| c.tokens.end), found))
}

/// A country name or demonym at `p..end` with what follows it: "U.S. officials" stands for
/// the country, "Mexican cartels" is a group, a bare "Mexican" or "Mexico" is the country.
fn country_phrase(s: &Sent, p: usize, end: usize, country: usize) -> (usize, Vec<Candidate>) {
    if let Some((gend, _)) = s.role_at(end, &[RoleCategory::Group]) {
        let mut c = s.candidate(p..gend, p..gend, EntityType::Group);
        c.country = Some(country);
        c.name = group_label(s, Some(p..end), end..gend);
        return (gend, vec![c]);
    }
    let phrase_end = s
        .role_at(end, &[RoleCategory::State])
        .map_or(end, |(e, _)| e);
    (
        phrase_end,
        vec![country_candidate(s, p..end, p..phrase_end, country)],
    )
}

fn country_candidate(
    s: &Sent,
    name: Range<usize>,
    phrase: Range<usize>,
    country: usize,
) -> Candidate {
    let mut c = s.candidate(name.clone(), phrase, EntityType::Country);
    c.country = Some(country);
    if let Some((_, entry)) = s.lexicon_at(name.start) {
        c.entry = Some(entry);
    }
    c
}

/// A group's label: the demonym, if any, and the plural head ("cartel members" → "cartels").
fn group_label(s: &Sent, demonym: Option<Range<usize>>, group: Range<usize>) -> String {
    let words: Vec<String> = group.clone().map(|i| s.lower(i)).collect();
    let people = ["members", "leaders", "fighters", "bosses"];
    let head = if words.len() >= 2 && people.contains(&words[words.len() - 1].as_str()) {
        crate::lexicon::plural(&words[words.len() - 2])
    } else {
        words.join(" ")
    };
    match demonym {
        Some(d) => format!("{} {}", s.surface(d), head),
        None => head,
    }
}

/// Lowercase group phrases without a demonym: "cartel members", "drug cartels".
fn lowercase_group(s: &Sent, i: usize) -> Option<(usize, Candidate)> {
    if !s.word(i) || s.capitalized(i) {
        return None;
    }
    // "cartel members", "gang leaders": a singular group noun before a plural of people.
    let compound = (i + 1 < s.range.end)
        .then(|| s.lower(i + 1))
        .filter(|next| matches!(next.as_str(), "members" | "leaders" | "fighters" | "bosses"))
        .and_then(|_| s.lexicon.roles.get(&crate::lexicon::plural(&s.lower(i))))
        .is_some_and(|r| r.category == RoleCategory::Group);
    let (end, _) = if compound {
        (i + 2, None)
    } else {
        s.role_at(i, &[RoleCategory::Group])?
    };
    let head = s.lower(end - 1);
    // Only plural heads make a collective actor: "a cartel" is not the cartels.
    if !head.ends_with('s') {
        return None;
    }
    let mut c = s.candidate(i..end, i..end, EntityType::Group);
    c.name = group_label(s, None, i..end);
    Some((end, c))
}

/// Types a capitalized run `name`; `titled` when a title precedes it.
fn name_candidate(s: &Sent, name: Range<usize>, titled: bool) -> Option<Candidate> {
    // The lexicon first: the whole run, or its longest known prefix.
    if let Some((end, entry)) = s.lexicon_at(name.start) {
        if end >= name.end || !s.name_word(end) {
            let e = &s.lexicon.names.entries[entry];
            let mut c = s.candidate(name.start..end, name.start..end, e.kind);
            c.entry = Some(entry);
            c.country = e.country;
            if e.source == NameSource::Capital {
                c.kind = capital_kind(s, name.start);
            }
            return Some(c);
        }
    }
    let words: Vec<String> = name.clone().map(|i| text::token_key(s.text(i))).collect();
    let last = words.last()?.clone();
    let role = |w: &str| s.lexicon.roles.get(w).map(|r| r.category);
    let mut kind = EntityType::Person;
    let mut tentative = false;
    if words.len() == 1 && role(&last).is_some() {
        // A lone head or role word ("her Administration", "the President") is no name.
        return None;
    }
    let head_of = words
        .iter()
        .position(|w| w == "of")
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| role(&words[k]));
    if role(&last) == Some(RoleCategory::OrgHead) || head_of == Some(RoleCategory::OrgHead) {
        kind = EntityType::Organization;
    } else if role(&last) == Some(RoleCategory::OtherHead)
        || head_of == Some(RoleCategory::OtherHead)
    {
        kind = EntityType::Other;
    } else if role(&last) == Some(RoleCategory::LocHead) {
        kind = EntityType::Location;
    } else if s.lexicon.demonym(s.text(name.end - 1)).is_some() {
        // "Latin American", "Pro-Russian": an adjective, not a name.
        return None;
    } else if name.end < s.range.end
        && !s.capitalized(name.end)
        && LOWERCASE_ORG_HEADS.contains(&s.lower(name.end).as_str())
    {
        kind = EntityType::Organization;
    } else if !titled && words.len() == 1 {
        let w = s.text(name.start);
        let at_start = Some(name.start) == s.first;
        let followed_by_comma = name.end < s.range.end && s.text(name.end) == ",";
        if at_start && followed_by_comma && !s.known.contains(w) {
            // "Nevertheless,", "Currently,": a sentence adverb, not a name.
            return None;
        }
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        if acronym {
            kind = EntityType::Organization;
        } else if name.end < s.range.end
            && s.role_at(name.end, &[RoleCategory::Role, RoleCategory::Title])
                .is_some()
            && !s.capitalized(name.end)
        {
            // "Olympic snowboarder", "Democratic senator": a modifier of a role noun.
            return None;
        } else {
            tentative = true;
        }
    }
    let mut c = s.candidate(name.clone(), name, kind);
    c.tentative = tentative;
    Some(c)
}

/// A capital is its country when it acts ("Washington believes") and a place after a
/// locative preposition ("a briefing in Mexico City").
fn capital_kind(s: &Sent, i: usize) -> EntityType {
    let before = (i > s.range.start).then(|| s.lower(i - 1));
    match before.as_deref() {
        Some(
            "in" | "at" | "to" | "from" | "near" | "into" | "outside" | "around" | "across" | "of"
            | "toward" | "towards" | "via" | "through",
        ) => EntityType::Location,
        _ => EntityType::Country,
    }
}

/// A lowercase role phrase right before `i` ("drug lord X", "Cartel leader X"): its tokens
/// and relation.
fn role_before(s: &Sent, i: usize) -> Option<(Range<usize>, Option<RelationType>)> {
    // An apposition's comma may stand between: "the Cartel leader, X".
    let i = if i > s.range.start && s.text(i - 1) == "," {
        i - 1
    } else {
        i
    };
    for n in 1..=s.lexicon.max_role_tokens.min(i - s.range.start) {
        let start = i - n;
        if let Some((end, rel)) = s.role_at(start, &[RoleCategory::Role, RoleCategory::Title]) {
            if end == i && !s.capitalized(start) {
                return Some((start..end, rel));
            }
        }
    }
    None
}
