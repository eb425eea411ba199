//! What the relation model sees of a candidate pair: the dependency path between the two
//! mentions and the words on it, the trigger (the path's top word) with its dependents
//! (negation, modals, auxiliaries, voice) and the verb that governs it, the entity types,
//! the words between and around the mentions, what the rules said of the pair, and cues of
//! the document. Each feature is a string hashed to a 32-bit key; the strings themselves
//! are kept only when a trace is asked for.

use std::borrow::Cow;

use crate::entity::{EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::nlp::lemma;
use crate::relation::RelationType;

use super::classes::{Class, Classes};
use super::parsed::Parse;

/// Hashed features of one candidate, with their names when tracing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    pub keys: Vec<u32>,
    pub names: Option<Vec<String>>,
}

impl Features {
    fn new(trace: bool) -> Features {
        Features {
            keys: Vec::with_capacity(96),
            names: trace.then(Vec::new),
        }
    }

    /// Adds the feature named by `parts` joined with '|'.
    fn add(&mut self, parts: &[&str]) {
        let mut h = crate::ner::hash::Fnv::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                h.byte(b'|');
            }
            for &b in p.as_bytes() {
                h.byte(b);
            }
        }
        self.keys.push(fold(h.finish()));
        if let Some(names) = &mut self.names {
            names.push(parts.join("|"));
        }
    }

    /// Sorts and dedupes the keys (names stay in the order they were made).
    fn finish(mut self) -> Features {
        self.keys.sort_unstable();
        self.keys.dedup();
        self
    }
}

/// The key of a feature name as [`Features`] makes it.
pub(crate) fn key_of(name: &str) -> u32 {
    let mut h = crate::ner::hash::Fnv::new();
    for &b in name.as_bytes() {
        h.byte(b);
    }
    fold(h.finish())
}

/// A 64-bit hash folded to a non-zero 32-bit key.
fn fold(h: u64) -> u32 {
    let h = crate::ner::hash::mix(h);
    ((h >> 32) as u32).max(1)
}

/// What the rules said of a pair, in one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RuleVerdict {
    pub relation: RelationType,
    pub negated: bool,
    /// The rule's name ([`super::rules`]).
    pub rule: &'static str,
    /// The words the rule read as the trigger.
    pub trigger: std::ops::Range<usize>,
}

/// Cues of the whole document: what kind of report it is.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DocumentCues {
    /// Results, scores, matches: a sports report.
    pub sports: bool,
    /// Courts, juries, sentences: a court report.
    pub court: bool,
    /// Shares, indices, prices: a market report.
    pub market: bool,
    /// Questions and answers: an interview.
    pub interview: bool,
}

impl DocumentCues {
    /// Reads the cues from word counts of the document's word classes.
    pub(crate) fn read(doc: &str, classes: &Classes) -> DocumentCues {
        let mut counts = [0usize; 4];
        let mut scores = 0usize;
        for w in doc.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if w.is_empty() {
                continue;
            }
            // "2-1", "3-0": a score line.
            if w.len() <= 5
                && w.split('-').count() == 2
                && w.split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                scores += 1;
                continue;
            }
            let lower = w.to_lowercase();
            for (k, class) in [Class::SportsWord, Class::CourtWord, Class::MarketWord]
                .into_iter()
                .enumerate()
            {
                if classes.has(class, &lower) {
                    counts[k] += 1;
                }
            }
        }
        let interview = doc
            .lines()
            .filter(|l| l.trim_start().starts_with("(("))
            .count()
            >= 2
            || doc.matches("Wikinews:").count() >= 2
            || doc.matches("\n Wikinews").count() >= 2;
        DocumentCues {
            sports: counts[0] >= 3 || scores >= 2 && counts[0] >= 1,
            court: counts[1] >= 3,
            market: counts[2] >= 4,
            interview,
        }
    }

    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            (self.sports, "sports"),
            (self.court, "court"),
            (self.market, "market"),
            (self.interview, "interview"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
    }
}

/// What the features of a sentence's words are computed from, once per sentence: each word
/// lowercased, its lemma, the relations of the role words it is, and its classes.
pub(crate) struct Words {
    lower: Vec<String>,
    lemma: Vec<String>,
    roles: Vec<Vec<&'static str>>,
    classes: Vec<Vec<&'static str>>,
}

impl Words {
    pub(crate) fn new(parse: &Parse, lexicon: &Lexicon, classes: &Classes) -> Words {
        let n = parse.len();
        let mut out = Words {
            lower: Vec::with_capacity(n),
            lemma: Vec::with_capacity(n),
            roles: Vec::with_capacity(n),
            classes: Vec::with_capacity(n),
        };
        for w in 0..n {
            let lower = parse.word(w).to_lowercase();
            out.lemma.push(match lemma(parse.word(w), parse.upos(w)) {
                Cow::Borrowed(s) => s.to_lowercase(),
                Cow::Owned(s) => s.to_lowercase(),
            });
            out.roles.push(
                lexicon
                    .roles
                    .get(&crate::text::key(&lower))
                    .into_iter()
                    .flatten()
                    .map(|r| r.relation.map_or("-", |r| r.as_str()))
                    .collect(),
            );
            out.classes
                .push(classes.of(&lower).map(|c| c.name()).collect());
            out.lower.push(lower);
        }
        out
    }
}

/// What the features of a pair are computed from.
pub(crate) struct PairView<'a> {
    pub words: &'a Words,
    pub parse: &'a Parse<'a>,
    pub mentions: &'a [Mention],
    /// Per mention: a pronoun standing for an entity named elsewhere.
    pub pronoun: &'a [bool],
    /// Per mention: the kind of place mention it is (a setting, a party).
    pub setting: &'a [&'static str],
    /// Per mention: a news organization.
    pub press: &'a [bool],
    /// Per mention: a source of information ("according to X").
    pub informant: &'a [bool],
    pub lexicon: &'a Lexicon,
    pub classes: &'a Classes,
    pub cues: DocumentCues,
}

fn type_name(kind: EntityType) -> &'static str {
    kind.as_str()
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=15 => "9-15",
        _ => "16+",
    }
}

impl PairView<'_> {
    /// The word of a mention that carries it in the parse: the one whose head lies outside
    /// the mention (the last such).
    pub(crate) fn head_word(&self, k: usize) -> Option<usize> {
        let p = self.parse;
        let m = &self.mentions[k];
        let range = p.word_range(&m.tokens)?;
        let mut head = None;
        for w in range.clone() {
            if p.head(w).is_none_or(|h| !range.contains(&h)) {
                head = Some(w);
            }
        }
        head
    }

    fn lemma_of(&self, w: usize) -> &str {
        &self.words.lemma[w]
    }

    /// Document token `t` of this sentence, lowercased.
    fn lower(&self, t: usize) -> &str {
        &self.words.lower[t - self.parse.first_token()]
    }

    /// The chain of heads from `w` up to the root (`w` first).
    fn ancestors(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut at = w;
        while let Some(h) = self.parse.head(at) {
            if out.contains(&h) || out.len() > 64 {
                break;
            }
            out.push(h);
            at = h;
        }
        out
    }

    /// The features of the candidate "mention `a` is the source, `b` the target".
    pub(crate) fn features(
        &self,
        a: usize,
        b: usize,
        rules: &[RuleVerdict],
        reverse_rules: &[RuleVerdict],
        trace: bool,
    ) -> (Features, Option<usize>) {
        let mut f = Features::new(trace);
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        let ty = format!("{}>{}", type_name(ma.kind), type_name(mb.kind));
        f.add(&["bias"]);
        f.add(&["ty", &ty]);
        let before = ma.tokens.start < mb.tokens.start;
        let order = if before { "ab" } else { "ba" };
        f.add(&["ord", order, &ty]);
        let gap = if before {
            mb.tokens.start.saturating_sub(ma.tokens.end)
        } else {
            ma.tokens.start.saturating_sub(mb.tokens.end)
        };
        f.add(&["dist", bucket(gap), order]);
        for (name, k) in [("a", a), ("b", b)] {
            let m = &self.mentions[k];
            if m.nested {
                f.add(&["nested", name]);
            }
            if self.pronoun[k] {
                f.add(&["pron", name]);
            }
            if self.press[k] {
                f.add(&["press", name]);
            }
            if self.informant[k] {
                f.add(&["informant", name]);
            }
            if self.setting[k] != "party" {
                f.add(&["setting", name, self.setting[k]]);
            }
        }
        self.surface(&mut f, a, b, before, gap, &ty);
        let trigger = self.path(&mut f, a, b, &ty);
        for v in rules {
            let neg = if v.negated { "neg" } else { "pos" };
            f.add(&["rule", v.relation.as_str()]);
            f.add(&["rule", v.relation.as_str(), neg]);
            f.add(&["rulename", v.rule, v.relation.as_str()]);
        }
        for v in reverse_rules {
            f.add(&["rrule", v.relation.as_str()]);
        }
        if rules.is_empty() && reverse_rules.is_empty() {
            f.add(&["norule", &ty]);
        }
        (f.finish(), trigger)
    }

    /// Words between and around the mentions.
    fn surface(&self, f: &mut Features, a: usize, b: usize, before: bool, gap: usize, ty: &str) {
        let p = self.parse;
        let (first, second) = if before { (a, b) } else { (b, a) };
        let (m1, m2) = (&self.mentions[first], &self.mentions[second]);
        let lower = |t: usize| self.lower(t);
        if gap <= 5 {
            let mut between = String::new();
            for t in m1.tokens.end..m2.tokens.start {
                if !between.is_empty() {
                    between.push(' ');
                }
                between.push_str(lower(t));
            }
            let order = if before { "ab" } else { "ba" };
            f.add(&["btw", order, &between]);
            f.add(&["btw", order, &between, ty]);
        }
        for t in (m1.tokens.end..m2.tokens.start).take(12) {
            let w = lower(t);
            f.add(&["bw", w]);
            let at = t - p.first_token();
            for rel in &self.words.roles[at] {
                f.add(&["bwrole", rel]);
                f.add(&["bwrole", rel, ty]);
            }
            for class in &self.words.classes[at] {
                f.add(&["bwclass", class]);
            }
        }
        // The words before each mention: a title ("President", "spokesman for"), a
        // preposition ("according to", "in").
        for (name, k) in [("a", a), ("b", b)] {
            let m = &self.mentions[k];
            // Role words just before the mention ("President", "his wife", "spokesman").
            for t in m.tokens.start.saturating_sub(3)..m.tokens.start {
                if !p.has_token(t) {
                    continue;
                }
                for rel in &self.words.roles[t - p.first_token()] {
                    f.add(&["prevrole", name, rel]);
                    f.add(&["prevrole", name, rel, ty]);
                }
            }
            if let Some(t) = m.tokens.start.checked_sub(1).filter(|&t| p.has_token(t)) {
                let w1 = lower(t);
                f.add(&["prev", name, w1]);
                if let Some(t2) = t.checked_sub(1).filter(|&t2| p.has_token(t2)) {
                    f.add(&["prev2", name, lower(t2), w1]);
                }
            } else {
                f.add(&["prev", name, "<s>"]);
            }
            if p.has_token(m.tokens.end) {
                f.add(&["next", name, lower(m.tokens.end)]);
            }
        }
    }

    /// The dependency path from `a` to `b`; returns the trigger word (the top of the path,
    /// or the first word on it that is not a mention).
    fn path(&self, f: &mut Features, a: usize, b: usize, ty: &str) -> Option<usize> {
        let (Some(ha), Some(hb)) = (self.head_word(a), self.head_word(b)) else {
            f.add(&["nopath"]);
            return None;
        };
        let up = self.ancestors(ha);
        let down = self.ancestors(hb);
        let Some((ia, ib)) = up
            .iter()
            .enumerate()
            .find_map(|(i, w)| down.iter().position(|d| d == w).map(|j| (i, j)))
        else {
            f.add(&["nopath"]);
            return None;
        };
        let top = up[ia];
        let p = self.parse;
        let rel = |w: usize| p.rel(w);
        // The path's relations: up from a, then down to b.
        let mut path = String::new();
        let mut lex = String::new();
        for &w in &up[..ia] {
            path.push_str(rel(w));
            path.push('<');
            lex.push_str(rel(w));
            lex.push('<');
        }
        let top_lemma = self.lemma_of(top).to_string();
        let top_is_mention = top == ha || top == hb;
        if top_is_mention {
            path.push('*');
            lex.push('*');
        } else {
            path.push('^');
            lex.push_str(&top_lemma);
        }
        for &w in down[..ib].iter().rev() {
            path.push('>');
            path.push_str(rel(w));
            lex.push('>');
            lex.push_str(rel(w));
        }
        let length = ia + ib;
        f.add(&["plen", bucket(length)]);
        if length <= 6 {
            f.add(&["path", &path]);
            f.add(&["path", &path, ty]);
        }
        if length <= 4 {
            f.add(&["plex", &lex]);
            f.add(&["plex", &lex, ty]);
        }
        let role_a = if ia > 0 { rel(up[ia - 1]) } else { "top" };
        let role_b = if ib > 0 { rel(down[ib - 1]) } else { "top" };
        f.add(&["roles", role_a, role_b]);
        let case_b = if ib > 0 {
            p.case_word(down[ib - 1])
        } else {
            None
        };
        let case_a = if ia > 0 {
            p.case_word(up[ia - 1])
        } else {
            None
        };
        let cb = case_b.as_deref().unwrap_or("-");
        let ca = case_a.as_deref().unwrap_or("-");
        f.add(&["cases", ca, cb]);
        // Words on the path between the two mentions, the top included.
        let mut trigger = None;
        let inner = up[..ia]
            .iter()
            .skip(1)
            .chain(std::iter::once(&top))
            .chain(down[..ib].iter().skip(1).rev());
        for &w in inner {
            if p.mention_covering(w).is_some() && w != top {
                continue;
            }
            if p.mention_covering(w).is_none() && trigger.is_none() && w == top {
                trigger = Some(w);
            }
            let l = self.lemma_of(w);
            f.add(&["on", l]);
            f.add(&["on", l, ty]);
        }
        if trigger.is_none() {
            trigger = up[..ia]
                .iter()
                .skip(1)
                .chain(down[..ib].iter().skip(1))
                .copied()
                .find(|&w| p.mention_covering(w).is_none());
        }
        if top_is_mention {
            return trigger;
        }
        // The top word: the trigger, with its roles and what governs it.
        let upos = format!("{:?}", p.upos(top));
        f.add(&["top", &top_lemma]);
        f.add(&["top", &top_lemma, ty]);
        f.add(&["top", &top_lemma, role_a, role_b]);
        f.add(&["top", &top_lemma, role_a, role_b, cb]);
        f.add(&["toppos", &upos, role_a, role_b]);
        f.add(&["toprole", role_a, role_b, cb, ty]);
        for (t, _) in self.lexicon.triggers.candidates(p.word(top)) {
            let row = &self.lexicon.triggers.list[*t];
            let r = row.relation.as_str();
            f.add(&["lex", r]);
            f.add(&["lex", r, role_a, role_b]);
            let prep_ok = row.preposition.as_deref().is_none_or(|x| x == cb);
            f.add(&["lexprep", r, if prep_ok { "fits" } else { "other" }]);
        }
        self.truth(f, top, &top_lemma);
        for cue in self.cues.names() {
            f.add(&["doc", cue]);
            f.add(&["doc", cue, &top_lemma]);
        }
        trigger
    }

    /// What the trigger's dependents and its governing verb say of the statement's truth.
    fn truth(&self, f: &mut Features, top: usize, top_lemma: &str) {
        let p = self.parse;
        let c = self.classes;
        for &d in p.children(top) {
            let l = self.lemma_of(d);
            let r = p.rel(d);
            if c.has(Class::Negation, l) && matches!(r, "advmod" | "neg" | "det" | "cc:preconj") {
                f.add(&["neg"]);
                f.add(&["neg", top_lemma]);
            }
            if matches!(r, "aux" | "aux:pass") {
                f.add(&["aux", l]);
                if c.has(Class::Modal, l) {
                    f.add(&["modal"]);
                }
                if c.has(Class::Future, l) {
                    f.add(&["future"]);
                }
            }
            if r.ends_with(":pass") {
                f.add(&["passive"]);
            }
            if r == "mark" {
                f.add(&["mark", l]);
            }
            if c.has(Class::Hedge, l) && r == "advmod" {
                f.add(&["hedge"]);
            }
        }
        if p.is_question_clause(top) {
            f.add(&["question"]);
        }
        // Up to two governing words: "said that X attacked", "plans to meet", "refused to
        // meet", "demanded that X release".
        let mut at = top;
        for depth in ["gov1", "gov2"] {
            let Some(h) = p.head(at) else { break };
            let r = p.rel(at);
            if !matches!(
                r.split(':').next().unwrap_or(r),
                "ccomp"
                    | "xcomp"
                    | "advcl"
                    | "acl"
                    | "csubj"
                    | "parataxis"
                    | "conj"
                    | "nmod"
                    | "obj"
            ) {
                break;
            }
            let l = self.lemma_of(h);
            f.add(&[depth, r, l]);
            for class in c.of(l) {
                f.add(&[depth, class.name()]);
                f.add(&[depth, class.name(), r]);
            }
            for &d in p.children(h) {
                if c.has(Class::Negation, self.lemma_of(d)) && p.rel(d) == "advmod" {
                    f.add(&[depth, "neg"]);
                }
                if matches!(p.rel(d), "aux") && c.has(Class::Modal, self.lemma_of(d)) {
                    f.add(&[depth, "modal"]);
                }
            }
            at = h;
        }
    }
}
