//! Name sequences in one sentence: lexicon matches, capitalized runs with their titles and
//! country prefixes, and demonym phrases.

use std::ops::Range;

use super::candidate::Candidate;
use super::context::{first_word, KnownNames};
use crate::entity::EntityType;
use crate::lexicon::{Lexicon, NameSource, RoleCategory};
use crate::nlp::Upos;
use crate::relation::RelationType;
use crate::text::{self, Layout, Sentence, SentenceKind, TokenKind};

/// Lowercase words that may join the capitalized words of one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "van",
    "von", "der", "den", "ter", "bin", "ibn", "al", "el", "y", "e", "for", "&", "and", "the",
];

/// Closed-class words that make no name on their own (though "The Hague" starts with one).
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "any", "no", "every", "each", "and", "or", "but", "of", "in", "on", "at", "to",
    "for", "with", "by", "from", "he", "she", "it", "they", "we", "i", "you",
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

/// Lowercase nouns for the people of an organization: after a name of several words they make
/// it an organization ("Red Cross officials", "Border Patrol agents").
const MEMBER_NOUNS: &[&str] = &[
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "workers",
    "staff",
    "employees",
    "volunteers",
    "delegates",
    "agents",
    "officers",
];

struct Sent<'a> {
    doc: &'a str,
    layout: &'a Layout,
    /// Matching key of every token of the document, computed once.
    keys: &'a [String],
    index: usize,
    kind: SentenceKind,
    range: Range<usize>,
    first: Option<usize>,
    lexicon: &'a Lexicon,
    known: &'a KnownNames,
    /// A line of a table, a results list or a line-up rather than a heading or prose (see
    /// `structure.rs`): its capitalized words that are not common English are names.
    structured: bool,
    /// Parts of speech of the sentence's tokens, tagged only when a rule asks.
    tags: std::cell::OnceCell<Vec<Upos>>,
}

impl Sent<'_> {
    /// The tagger's part of speech of token `i` of the sentence (the sentence is tagged on
    /// first use).
    fn upos(&self, i: usize) -> Upos {
        let tags = self.tags.get_or_init(|| {
            let words: Vec<&str> = self.range.clone().map(|k| self.text(k)).collect();
            crate::nlp::Models::embedded()
                .tag_news(&words)
                .into_iter()
                .map(|t| t.upos)
                .collect()
        });
        tags[i - self.range.start]
    }

    /// The token's text; empty past the end of the document.
    fn text(&self, i: usize) -> &str {
        self.layout.tokens.get(i).map_or("", |t| t.text(self.doc))
    }

    fn word(&self, i: usize) -> bool {
        i < self.range.end && self.layout.tokens[i].kind == TokenKind::Word
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The token's matching key ("U.S." → "us").
    fn key(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", String::as_str)
    }

    /// The key of tokens `i..=j` as lookups grow a phrase from `i` one token at a time: the
    /// token's own key for one token (no copy), else `phrase` extended by token `j`.
    fn phrase_key<'k>(&'k self, phrase: &'k mut String, i: usize, j: usize) -> &'k str {
        if j == i {
            return self.key(i);
        }
        if j == i + 1 {
            phrase.clear();
            phrase.push_str(self.key(i));
        }
        phrase.push(' ');
        phrase.push_str(self.key(j));
        phrase
    }

    fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase()
    }

    /// A capitalized word that may start or continue a name here.
    fn name_word(&self, i: usize) -> bool {
        if !self.capitalized(i) || NEVER_NAMES.contains(&self.key(i)) {
            return false;
        }
        let trusted_position = self.kind == SentenceKind::Prose && Some(i) != self.first;
        if trusted_position || self.known.contains_key(self.key(i)) {
            return true;
        }
        // In a results line or a line-up, a capitalized word is a name unless it is common
        // English ("Attendance", "Squad") or all capitals (a run of capitals is a heading's).
        // (Not its first word, nor the label before its colon: "Squad: …", "Bowling: …".)
        if self.structured && Some(i) != self.first && !self.in_label(i) {
            let w = self.text(i);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let all_caps = letters >= 2 && !w.chars().any(char::is_lowercase);
            return !all_caps && !self.lexicon.is_common_key(self.key(i));
        }
        if self.kind == SentenceKind::Prose && self.opens_org_before_members(i) {
            return true;
        }
        // At a sentence start, a word the text never writes as a name elsewhere is a name
        // only if it is rare in English and not a noun heading a phrase ("Readers of ...").
        let heads_phrase = i + 1 < self.range.end
            && matches!(
                self.lower(i + 1).as_str(),
                "of" | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "from"
                    | "with"
                    | "and"
                    | "or"
                    | "who"
                    | "that"
            )
            && self.lexicon_at(i).is_none();
        self.kind == SentenceKind::Prose
            && !self.lexicon.is_common_key(self.key(i))
            && !heads_phrase
    }

    /// Whether token `i` is in the label that opens the line before a colon ("Squad:").
    fn in_label(&self, i: usize) -> bool {
        (self.range.start..(self.range.start + 4).min(self.range.end))
            .find(|&k| self.text(k) == ":")
            .is_some_and(|colon| i < colon)
    }

    /// Whether a sentence-initial capitalized word opens a name of several words that its
    /// people follow: "Red Cross officials said", where "Red" alone is common English.
    fn opens_org_before_members(&self, i: usize) -> bool {
        // "Senior Defense officials": a rank or level, not the first word of a name.
        const RANKS: &[&str] = &[
            "senior",
            "top",
            "junior",
            "local",
            "regional",
            "provincial",
            "federal",
            "national",
            "foreign",
            "western",
            "military",
            "government",
            "security",
        ];
        if RANKS.contains(&self.key(i))
            || self
                .lexicon
                .role(self.key(i), RoleCategory::Modifier)
                .is_some()
        {
            return false;
        }
        let mut k = i + 1;
        while self.capitalized(k)
            && !self.lexicon.is_role_word(self.key(k))
            && self.lexicon_at(k).is_none()
        {
            k += 1;
        }
        k >= i + 2 && self.word(k) && MEMBER_NOUNS.contains(&self.lower(k).as_str())
    }

    /// How many tokens from `k` continue a name run (0: the run ends before `k`): a
    /// capitalized word, a chain of connectors before one ("von der Leyen", "Association
    /// for the Advancement"), a hyphen inside one name ("Ocasio-Cortez"), or the possessive
    /// of a common noun inside a name ("People's Party").
    fn run_step(&self, k: usize, start: usize) -> usize {
        if self.capitalized(k) {
            let calendar = NEVER_NAMES.contains(&self.key(k)) && self.key(k) != "may";
            if calendar || self.ends_complement(k, start) || self.after_org_head(k) {
                return 0;
            }
            // A title between two names ends the first: "Kelmarsh Striker Jonas Brekke" is a
            // club and its player.
            if k > start && self.title_before_name(k) {
                return 0;
            }
            let trusted = self.name_word(k) || self.kind == SentenceKind::Prose;
            return usize::from(trusted);
        }
        let lower = self.lower(k);
        if lower == "of" && self.person_before_of(k, start) {
            return 0;
        }
        if CONNECTORS.contains(&lower.as_str()) && lower != "and" && lower != "the" {
            // Particles may chain, and "the" may follow one: "de la Fuente", "Friends of the
            // Earth". "and" joins only inside names the lexicon knows.
            let mut next = k + 1;
            while next < self.range.end
                && next < k + 3
                && !self.capitalized(next)
                && (CONNECTORS.contains(&self.lower(next).as_str()) || self.lower(next) == "the")
            {
                next += 1;
            }
            return if self.capitalized(next) { next - k } else { 0 };
        }
        if matches!(self.text(k), "'s" | "’s") && k + 1 < self.range.end && self.capitalized(k + 1)
        {
            // "People's Party", "Women's Day": a common noun's possessive inside a name;
            // "Sheinbaum's Morena party" is two names.
            let noun = self.key(k - 1);
            let common_noun = self.lexicon.is_common_key(noun) && !self.known.contains_key(noun);
            return usize::from(common_noun && !self.lexicon.names.by_key.contains_key(noun));
        }
        // "Sheinbaum-Rubio" pairs two names the document uses alone; "Ocasio-Cortez" and
        // "Al-Zaman" are one name.
        let hyphen = self.text(k) == "-"
            && !self.layout.tokens[k].space_before
            && self.capitalized(k + 1)
            && !self.layout.tokens[k + 1].space_before
            && !(self.known.contains_key(self.key(k - 1))
                && self.known.contains_key(self.key(k + 1)));
        usize::from(hyphen)
    }

    /// Whether the run from `start` to the "of" at `k` is a person's name and the "of" gives
    /// their affiliation: "Carl Lipo of Binghamton University", "Senator Ana Vidal of the Blue
    /// Party". Names of organizations and places join "of" after a common noun or a head word
    /// ("Bank of America", "University of Chicago", "Duke of Edinburgh", "Party of Canada");
    /// two words before it that are neither end a person's name.
    fn person_before_of(&self, k: usize, start: usize) -> bool {
        if k < start + 2 || !self.capitalized(k - 1) || !self.capitalized(k - 2) {
            return false;
        }
        // Both words rare in English and neither a role nor a known name: "National Library
        // of the Netherlands" keeps its "of".
        [k - 2, k - 1].iter().all(|&w| {
            let key = self.key(w);
            !self.lexicon.is_common_key(key)
                && !self.lexicon.is_role_word(key)
                && self.lexicon_at(w).is_none()
        })
    }

    /// Whether a capitalized title at `k` is followed by a name: "Striker Jonas Brekke".
    fn title_before_name(&self, k: usize) -> bool {
        self.role_at(k, &[RoleCategory::Title])
            .is_some_and(|(end, _)| {
                end < self.range.end && self.capitalized(end) && self.name_word(end)
            })
    }

    /// Whether a capitalized word at `k` follows a completed organization name: "Maine
    /// Democratic Party John Baldacci" is a party and a person.
    fn after_org_head(&self, k: usize) -> bool {
        k > 0
            && self.capitalized(k - 1)
            && self
                .lexicon
                .role(self.key(k - 1), RoleCategory::OrgHead)
                .is_some()
            && self
                .lexicon
                .role(self.key(k), RoleCategory::OrgHead)
                .is_none()
            && self
                .lexicon
                .role(self.key(k), RoleCategory::OtherHead)
                .is_none()
            && !self.lexicon.is_common_key(self.key(k))
    }

    /// Whether `k` comes right after an "of"-complement that is a complete place name:
    /// "Liberal Party of Canada Alan MacNaughton" ends after "Canada".
    fn ends_complement(&self, k: usize, start: usize) -> bool {
        let floor = k.saturating_sub(4).max(start);
        (floor..k).rev().any(|of| {
            self.lower(of) == "of"
                && self.lexicon_at(of + 1).is_some_and(|(end, entry)| {
                    end == k
                        && matches!(
                            self.lexicon.names.entries[entry].kind,
                            EntityType::Country | EntityType::Location
                        )
                })
        })
    }

    /// Longest lexicon name at `i`: (end token, entry).
    fn lexicon_at(&self, i: usize) -> Option<(usize, usize)> {
        if !self.word(i) {
            return None;
        }
        let max = self.lexicon.names.max_tokens.min(self.range.end - i);
        let mut phrase = String::new();
        let mut surface: Vec<&str> = Vec::new();
        let mut best = None;
        for n in 1..=max {
            let j = i + n - 1;
            let key = self.phrase_key(&mut phrase, i, j);
            if !self.lexicon.names.may_continue(key) && !self.lexicon.names.by_key.contains_key(key)
            {
                break;
            }
            // Most words start no name: the surface is gathered only past the check above.
            while surface.len() < n {
                surface.push(self.text(i + surface.len()));
            }
            let accepted = self
                .lexicon
                .names
                .lookup(key, &surface)
                .find(|a| a.preferred || !a.ambiguous || self.stands_alone(i, j + 1));
            if let Some(alias) = accepted {
                best = Some((j + 1, alias.entry));
            }
        }
        best
    }

    /// Whether tokens `start..end` are not part of a longer capitalized name: an ambiguous
    /// form ("Jordan", "Victoria") next to another capitalized word is likely a person's name.
    fn stands_alone(&self, start: usize, end: usize) -> bool {
        let before = start > self.range.start
            && Some(start - 1) != self.first
            && self.capitalized(start - 1);
        !before && !self.capitalized(end)
    }

    /// Country of a demonym or country name at `i` ("Mexican", "U.S."), with its end token.
    fn country_at(&self, i: usize) -> Option<(usize, usize)> {
        // A demonym of several words ("Sri Lankan", "South Korean") is no lexicon name of its
        // own, and a shorter name inside it ("South") must not cut it.
        if self.capitalized(i) {
            if let Some((end, c)) = self.country_words_at(i) {
                let longer_name = self.lexicon_at(i).is_some_and(|(e, _)| e > end);
                if end > i + 1 && !longer_name {
                    return Some((end, c));
                }
            }
        }
        if let Some((end, entry)) = self.lexicon_at(i) {
            let e = &self.lexicon.names.entries[entry];
            return (e.source == NameSource::Country).then_some((end, e.country?));
        }
        if self.capitalized(i) {
            return self.lexicon.demonym(self.text(i)).map(|c| (i + 1, c));
        }
        None
    }

    /// A country name or demonym of up to three words at `i`, ignoring longer names that
    /// contain it: (end token, country).
    fn country_words_at(&self, i: usize) -> Option<(usize, usize)> {
        let mut key = String::new();
        let mut best = None;
        for j in i..(i + 3).min(self.range.end) {
            if j > i {
                key.push(' ');
            }
            key.push_str(self.key(j));
            if let Some(&c) = self.lexicon.demonyms.get(&key) {
                best = Some((j + 1, c));
            }
        }
        best
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
            let roles = self.lexicon.roles.get(key);
            if roles.is_none() && !self.lexicon.role_prefixes.contains(key) {
                break;
            }
            if let Some(role) =
                roles.and_then(|roles| roles.iter().find(|r| categories.contains(&r.category)))
            {
                best = Some((j + 1, role.relation));
            }
        }
        best
    }

    /// The end of a capitalized name run starting at `i` (exclusive).
    fn run_end(&self, i: usize) -> usize {
        let mut k = i;
        if k < self.range.end && (self.name_word(k) || self.arabic_article(k)) {
            k += if self.arabic_article(k) { 2 } else { 1 };
            while k < self.range.end {
                let step = self.run_step(k, i);
                if step == 0 {
                    break;
                }
                k += step;
            }
        }
        // A run never ends on a connector.
        while k > i && !self.capitalized(k - 1) {
            k -= 1;
        }
        k
    }

    /// "al-Qaeda", "el-Sisi": a lowercase article hyphenated to a name starts it.
    fn arabic_article(&self, k: usize) -> bool {
        k + 2 < self.range.end
            && matches!(
                self.text(k),
                "al" | "el" | "as" | "ad" | "ash" | "at" | "az"
            )
            && self.text(k + 1) == "-"
            && !self.layout.tokens[k + 1].space_before
            && self.capitalized(k + 2)
            && !self.layout.tokens[k + 2].space_before
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
            defaulted: false,
        }
    }
}

/// What recognition knows about a whole document.
pub(super) struct DocContext<'a> {
    pub doc: &'a str,
    pub layout: &'a Layout,
    /// Matching key of every token.
    pub keys: &'a [String],
    pub lexicon: &'a Lexicon,
    pub known: &'a KnownNames,
}

/// Appends the candidates of one sentence to `out`.
pub(super) fn sentence_candidates(
    ctx: &DocContext,
    index: usize,
    sentence: &Sentence,
    out: &mut Vec<Candidate>,
) {
    let DocContext {
        doc,
        layout,
        keys,
        lexicon,
        known,
    } = *ctx;
    if sentence.kind == SentenceKind::Furniture {
        return;
    }
    let s = Sent {
        doc,
        layout,
        keys,
        index,
        kind: sentence.kind,
        range: sentence.tokens.clone(),
        first: first_word(doc, layout, sentence.tokens.clone()),
        lexicon,
        known,
        structured: super::structure::is_structured(doc, layout, sentence),
        tags: Default::default(),
    };
    let mut i = s.range.start;
    while i < s.range.end {
        // A capitalized word that makes no name may still open a group: "Farmers blocked
        // the road" (a sentence's first word is capitalized all the same).
        match phrase_at(&s, i) {
            Some((next, found)) if !found.is_empty() || lowercase_group(&s, i).is_none() => {
                out.extend(
                    found
                        .into_iter()
                        .filter(|c| !lexicon.suppressed.contains(&text::key(&c.name))),
                );
                i = next.max(i + 1);
            }
            _ => {
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
        // "Croatian Serb refugees" is a group, not Croatia and a name ("Vietnam Veterans of
        // America" is a name).
        let group = matches!(actor_after(s, end), Some(ActorNoun::Group { head, .. }) if !s.capitalized(head));
        if continues && lexicon_end.is_none_or(|e| e <= end) && !group {
            country = Some((p..end, c));
            p = end;
        } else {
            return Some(country_phrase(s, p, end, c));
        }
    }
    // 2. Titles, possibly after modifiers: "Former President", "Secretary of State".
    let mut title: Option<(Range<usize>, Option<RelationType>)> = None;
    let mut title_start = p;
    loop {
        if let Some((end, _)) = s.role_at(p, &[RoleCategory::Modifier]) {
            if end < s.range.end && s.capitalized(end) {
                p = end;
                if title.is_none() {
                    // "former" qualifies the title; it is not part of an office's name.
                    title_start = p;
                }
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
    // A modifier before a country's phrase qualifies what follows the country: "former
    // Mexican President X", "current Haitian government officials". Go on from the country
    // (in "former Canadian Alliance leader X" the demonym opens a name).
    if title.is_none() && country.is_none() && p > i {
        if let Some((end, _)) = s.country_at(p) {
            let titled = s.capitalized(end) && s.role_at(end, &[RoleCategory::Title]).is_some();
            if titled || !s.capitalized(end) {
                return Some((p, Vec::new()));
            }
        }
    }
    // "former Mexican President X" (begun at the country, the modifier skipped): the title
    // makes a person, but one who no longer holds the office.
    if country.is_some() && past_modifier_before(s, i) {
        if let Some(t) = title.as_mut() {
            t.1 = None;
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
    // A modifier that turned out to be part of a name: "Democratic Party", "Independent
    // Commission" (a lone head word after it).
    if title.is_none()
        && p > i
        && country.is_none()
        && s.capitalized(p)
        && !s.capitalized(p + 1)
        && s.lexicon.is_role_word(s.key(p))
    {
        p = i;
    }
    // 3. The name itself.
    if !s.name_word(p) && !s.arabic_article(p) {
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
        // A lexicon organization whose name opens with its country ("U.S. Drug Enforcement
        // Administration") names the country too.
        if country.is_none() && c.kind == EntityType::Organization && c.entry.is_some() {
            if let Some((cend, ctry)) = s.country_words_at(c.tokens.start) {
                if cend < c.tokens.end && c.country == Some(ctry) {
                    country = Some((c.tokens.start..cend, ctry));
                }
            }
        }
        if let Some((range, ctry)) = &country {
            c.country = Some(*ctry);
            // The country is an actor of its own beside a person it titles ("Mexican
            // President X") and a state body it owns ("U.S. Department of Justice"); in
            // "New Zealand National Party" it is only part of the name.
            let actor = c.kind != EntityType::Organization
                || title.is_some()
                || crate::lexicon::state_body(&s.surface(c.tokens.clone()));
            if actor {
                let mut prefix = country_candidate(s, range.clone(), range.clone(), *ctry);
                prefix.nested = true;
                found.push(prefix);
            }
            // An organization the lexicon does not know keeps its country in its name:
            // "Hungarian Socialist Party", "U.S. Department of Justice".
            if c.kind == EntityType::Organization && c.entry.is_none() && title.is_none() {
                c.span = s.layout.tokens[range.start].span.start..c.span.end;
                c.name = s.surface(range.start..c.tokens.end);
            }
        }
        if let Some((t, rel)) = &title {
            c.title_relation = *rel;
            c.title_span = Some(s.span(t.clone()));
            c.kind = EntityType::Person;
            c.tentative = false;
            c.defaulted = false;
        } else if let Some((role, rel)) = role_before(s, i) {
            c.title_relation = rel;
            c.title_span = Some(s.span(role));
            if c.entry.is_none() {
                c.kind = EntityType::Person;
                c.tentative = false;
                c.defaulted = false;
            }
        }
        found.push(c.clone());
    }
    Some((c.map_or(end, |c| c.tokens.end), found))
}

/// A country name or demonym at `p..end` with what follows it: "U.S. officials" and "U.S.
/// border patrol agents" stand for the country, "Mexican cartels" and "Russian civilian
/// advisers" are groups, a bare "Mexican" or "Mexico" is the country.
fn country_phrase(s: &Sent, p: usize, end: usize, country: usize) -> (usize, Vec<Candidate>) {
    match actor_after(s, end) {
        Some(ActorNoun::Group { head, end: gend }) => {
            let mut c = s.candidate(p..gend, p..gend, EntityType::Group);
            c.country = Some(country);
            // The label keeps the demonyms ("Croatian Serb refugees") and drops other
            // modifiers, as a bare group does ("powerful cartels" are the cartels).
            let mut demonyms = s.surface(p..end);
            for k in (end..head).filter(|&k| s.capitalized(k)) {
                demonyms.push(' ');
                demonyms.push_str(s.text(k));
            }
            c.name = format!("{demonyms} {}", group_label(s, None, head..gend));
            (gend, vec![c])
        }
        Some(ActorNoun::State { end: phrase_end }) => (
            phrase_end,
            vec![country_candidate(s, p..end, p..phrase_end, country)],
        ),
        None => (end, vec![country_candidate(s, p..end, p..end, country)]),
    }
}

/// Whether a modifier for a past office ("former", "ex-", "late") ends right before `i`.
fn past_modifier_before(s: &Sent, i: usize) -> bool {
    let word = |k: usize| (k >= s.range.start && k < i).then(|| s.lower(k));
    match word(i.wrapping_sub(1)).as_deref() {
        Some("former" | "late") => true,
        Some("-") => word(i.wrapping_sub(2)).as_deref() == Some("ex"),
        _ => false,
    }
}

/// The actor noun after a country's name or demonym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActorNoun {
    /// A group noun ("cartels", "rebel leaders") from `head` to `end`.
    Group { head: usize, end: usize },
    /// A noun for the state itself ("officials", "government"), ending at `end`.
    State { end: usize },
}

/// Most modifiers that may stand between a demonym and its actor noun.
const MAX_MODIFIERS: usize = 2;

/// The group or state noun after a country's name or demonym ending at `end`, right after it
/// or after up to [`MAX_MODIFIERS`] modifiers: adjectives and nouns ("Russian civilian
/// advisers", "U.S. border patrol agents") or another demonym ("Croatian Serb refugees").
fn actor_after(s: &Sent, end: usize) -> Option<ActorNoun> {
    for k in end..=end + MAX_MODIFIERS {
        if k > end && !noun_modifier(s, k - 1) {
            return None;
        }
        if let Some(gend) = group_at(s, k) {
            return Some(ActorNoun::Group { head: k, end: gend });
        }
        if let Some((send, _)) = s.role_at(k, &[RoleCategory::State]) {
            // After a modifier the state noun must be the whole role phrase there: "army
            // chief" is a person's role, not the army.
            let all = [
                RoleCategory::Title,
                RoleCategory::Role,
                RoleCategory::State,
                RoleCategory::Group,
            ];
            if k == end || s.role_at(k, &all).map(|(e, _)| e) == Some(send) {
                return Some(ActorNoun::State { end: send });
            }
            return None;
        }
    }
    None
}

/// Whether token `k` may modify an actor noun after a demonym: another demonym ("Serb"), or
/// a lowercase word the tagger reads as an adjective or a noun ("civilian", "border").
fn noun_modifier(s: &Sent, k: usize) -> bool {
    if !s.word(k) || Some(k) == s.first {
        return false;
    }
    if s.capitalized(k) {
        return s.lexicon.demonym(s.text(k)).is_some()
            && s.lexicon_at(k).is_none_or(|(e, _)| e == k + 1);
    }
    !FUNCTION_WORDS.contains(&s.key(k)) && matches!(s.upos(k), Upos::ADJ | Upos::NOUN)
}

/// The end of a group noun phrase at `i`: one the lexicon lists ("cartels", "human rights
/// group"), or a group noun's singular before its people ("cartel members", "rebel leaders")
/// or before a noun that alone would be a state's ("rebel forces", "opposition lawmakers").
fn group_at(s: &Sent, i: usize) -> Option<usize> {
    let group = |key: &str| s.lexicon.role(key, RoleCategory::Group).is_some();
    // A singular: "rebel" of "rebels", or a collective noun ("opposition").
    let stem = s.word(i) && {
        let key = s.lower(i);
        let plural = key.ends_with('s') || key.ends_with("men");
        group(&crate::lexicon::plural(&key)) || group(&key) && !plural
    };
    if stem && i + 1 < s.range.end {
        if GROUP_PEOPLE.contains(&s.lower(i + 1).as_str()) {
            return Some(i + 2);
        }
        // The tagger tells the noun ("rebel forces") from the adjective ("civilian
        // authorities" are the state's).
        if let Some((end, _)) = s.role_at(i + 1, &[RoleCategory::State]) {
            if s.upos(i) != Upos::ADJ {
                return Some(end);
            }
        }
    }
    s.role_at(i, &[RoleCategory::Group]).map(|(end, _)| end)
}

/// Plural nouns for the people of a group, after its singular: "cartel members".
const GROUP_PEOPLE: &[&str] = &["members", "leaders", "fighters", "bosses"];

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
    let last = &words[words.len() - 1];
    // "cartel members" are the cartels, but "world leaders" are no worlds: only a group noun
    // before the people stands for them.
    let before = words.len() >= 2 && {
        let w = &words[words.len() - 2];
        s.lexicon.role(w, RoleCategory::Group).is_some()
            || s.lexicon
                .role(&crate::lexicon::plural(w), RoleCategory::Group)
                .is_some()
    };
    let head = if before && GROUP_PEOPLE.contains(&last.as_str()) {
        crate::lexicon::plural(&words[words.len() - 2])
    } else if words.len() >= 2 && s.lexicon.role(last, RoleCategory::Group).is_some() {
        // "drug cartels" and "powerful cartels" are the cartels.
        last.clone()
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
    // A sentence's first word is capitalized all the same: "Police arrested ...".
    if !s.word(i) || s.capitalized(i) && Some(i) != s.first {
        return None;
    }
    // "cartels", "human rights group", and "cartel members", "gang leaders": a singular
    // group noun before a plural of people.
    let (end, bare_state) = if let Some(end) = group_at(s, i) {
        (end, false)
    } else {
        // A bare state noun ("the soldiers", "police", "the government"): a group for now,
        // which joins the country whose phrase has the same head in the document.
        let (end, _) = s.role_at(i, &[RoleCategory::State])?;
        let all = [
            RoleCategory::Title,
            RoleCategory::Role,
            RoleCategory::State,
            RoleCategory::Group,
        ];
        // "army chief" is a role, not the army.
        if s.role_at(i, &all).map(|(e, _)| e) != Some(end) {
            return None;
        }
        (end, true)
    };
    let head = s.lower(end - 1);
    // Only plural heads make a collective actor ("a cartel" is not the cartels), or a
    // qualified singular the lexicon lists as one actor ("a human rights group").
    let plural = head.ends_with('s') || head.ends_with("men") || head == "police";
    if !plural && end - i < 2 && !bare_state {
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
            // A capital ("Washington", whichever row the lexicon prefers for the name) acts
            // for its country unless a preposition makes it a place.
            let key: Vec<String> = (name.start..end)
                .map(|i| text::token_key(s.text(i)))
                .collect();
            if let Some(&country) = s.lexicon.capitals.get(&key.join(" ")) {
                if e.kind == EntityType::Location {
                    c.country = Some(country);
                    c.kind = capital_kind(s, name.start, end);
                }
            }
            return Some(c);
        }
    }
    let words: Vec<String> = name.clone().map(|i| s.key(i).to_string()).collect();
    let last = words.last()?.clone();
    let role = |w: &str| {
        [
            RoleCategory::CountryHead,
            RoleCategory::OrgHead,
            RoleCategory::OtherHead,
            RoleCategory::LocHead,
        ]
        .into_iter()
        .find(|&c| s.lexicon.role(w, c).is_some())
    };
    let mut kind = EntityType::Person;
    let mut tentative = false;
    if words.len() == 1 && s.lexicon.is_role_word(&last) {
        // A lone head or role word ("her Administration", "the President") is no name.
        return None;
    }
    if words.iter().all(|w| FUNCTION_WORDS.contains(&w.as_str())) {
        // "The" known from a title ("filming The Professionals") does not make "The company"
        // a name.
        return None;
    }
    let head_of = words
        .iter()
        .position(|w| w == "of")
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| role(&words[k]));
    if role(&last) == Some(RoleCategory::CountryHead) || head_of == Some(RoleCategory::CountryHead)
    {
        kind = EntityType::Country;
    } else if role(&last) == Some(RoleCategory::OrgHead) || head_of == Some(RoleCategory::OrgHead) {
        kind = EntityType::Organization;
    } else if role(&last) == Some(RoleCategory::OtherHead)
        || head_of == Some(RoleCategory::OtherHead)
    {
        kind = EntityType::Other;
    } else if role(&last) == Some(RoleCategory::LocHead) {
        kind = EntityType::Location;
    } else if words.len() > 1 && role(&words[0]) == Some(RoleCategory::OtherHead) {
        // A head word in front: "Hurricane Lorenzo", "Operation Fast and Furious".
        kind = EntityType::Other;
    } else if words.len() > 1 && role(&words[0]) == Some(RoleCategory::LocHead) {
        // "Lake Victoria", "Mount Kenya", "Cape Horn".
        kind = EntityType::Location;
    } else if s.lexicon.demonym(s.text(name.end - 1)).is_some()
        && s.lexicon_at(name.end - 1)
            .is_none_or(|(_, e)| s.lexicon.names.entries[e].source != NameSource::Country)
    {
        // "Latin American", "Pro-Russian": an adjective, not a name ("South Lebanon", with
        // the country's own name, is one).
        return None;
    } else if name.end < s.range.end
        && !s.capitalized(name.end)
        && LOWERCASE_ORG_HEADS.contains(&s.lower(name.end).as_str())
    {
        kind = EntityType::Organization;
    } else if words.len() >= 2
        && !titled
        && s.word(name.end)
        && !s.capitalized(name.end)
        && MEMBER_NOUNS.contains(&s.lower(name.end).as_str())
    {
        // "Red Cross officials": the people of an organization.
        kind = EntityType::Organization;
    } else if !titled && words.len() == 1 {
        let w = s.text(name.start);
        let at_start = Some(name.start) == s.first;
        let followed_by_comma = name.end < s.range.end && s.text(name.end) == ",";
        if at_start && followed_by_comma && !s.known.contains_key(s.key(name.start)) {
            // "Nevertheless,", "Currently,": a sentence adverb, not a name.
            return None;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            // "L2", "A380", "G7": a code or a designation, no name of its own.
            return None;
        }
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        if acronym {
            kind = EntityType::Organization;
        } else if !at_start
            && name.end < s.range.end
            && s.role_at(name.end, &[RoleCategory::Role, RoleCategory::Title])
                .is_some()
            && !s.capitalized(name.end)
            && s.lexicon.triggers.candidates(s.text(name.end)).is_empty()
        {
            // "Olympic snowboarder", "Democratic senator": a modifier of a role noun.
            return None;
        } else {
            tentative = true;
        }
    }
    // A name right before a title and a person's name employs that person: "Kelmarsh
    // Striker Jonas Brekke", "Tolvar Industries Chairman Ana Lind".
    let employer = !titled
        && kind == EntityType::Person
        && name.end < s.range.end
        && s.capitalized(name.end)
        && s.title_before_name(name.end);
    if employer {
        kind = EntityType::Organization;
        tentative = false;
    }
    let acronym = words.len() == 1
        && kind == EntityType::Organization
        && !s.text(name.start).chars().any(char::is_lowercase);
    let mut c = s.candidate(name.clone(), name, kind);
    c.tentative = tentative;
    c.defaulted = !titled && !employer && (kind == EntityType::Person || acronym);
    Some(c)
}

/// A capital is its country when it acts ("Washington believes") and a place after a
/// locative preposition ("a briefing in Mexico City").
fn capital_kind(s: &Sent, i: usize, end: usize) -> EntityType {
    let before = (i > s.range.start).then(|| s.lower(i - 1));
    if matches!(
        before.as_deref(),
        Some(
            "in" | "at"
                | "to"
                | "from"
                | "near"
                | "into"
                | "outside"
                | "around"
                | "across"
                | "of"
                | "toward"
                | "towards"
                | "via"
                | "through"
        )
    ) {
        return EntityType::Location;
    }
    // Acting means a verb or a possessive follows: "Washington believes", "Beijing's
    // position", "Moscow on Monday rejected"; a capital in a list of places stays a place.
    let mut next = end;
    loop {
        match s.lower(next).as_str() {
            "has" | "have" | "had" | "is" | "was" | "will" | "would" | "did" | "does" => {
                return EntityType::Country
            }
            "on" | "today" | "yesterday" | "again" | "also" if next < s.range.end => next += 1,
            _ => break,
        }
    }
    let word = s.lower(next);
    let acts = matches!(
        word.as_str(),
        "'s" | "’s"
            | "says"
            | "said"
            | "say"
            | "believes"
            | "believe"
            | "insists"
            | "insisted"
            | "wants"
            | "wanted"
            | "hopes"
            | "hoped"
            | "announced"
            | "claims"
            | "claimed"
            | "fears"
            | "feared"
            | "argues"
            | "argued"
            | "responded"
            | "reacted"
            | "denied"
            | "denies"
    ) || !s.lexicon.triggers.candidates(&word).is_empty() && !s.capitalized(next);
    if acts {
        EntityType::Country
    } else {
        EntityType::Location
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
