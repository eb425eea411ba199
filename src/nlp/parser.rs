//! The dependency parser: the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and
//! Satta 2011) with its dynamic oracle (Goldberg and Nivre 2013), an averaged perceptron
//! choosing the transitions greedily, and a second perceptron labelling each arc as it is made.
//!
//! The root is a token at the end of the buffer (Ballesteros and Nivre 2013, "Going to the
//! roots"), and it may take a dependent only when that dependent is the last word left on the
//! stack, so every parse is a tree with exactly one word attached to the root, as UD requires.

use std::path::Path;

use super::clusters::Clusters;
use super::features::{label_features, lower_hash, parser_features, ArcView, Node, ParseView};
use super::hash::{mix, str_hash};
use super::intern::intern;
use super::model_io::{self, Decoder, Encoder, ModelError, ModelKind};
use super::perceptron::{argmax, SmallWeights, Weights, MAX_CLASSES};
use super::{Arc, TagOut};

/// Push the front of the buffer onto the stack.
pub(crate) const SHIFT: usize = 0;
/// Attach the top of the stack to the front of the buffer, and pop it.
pub(crate) const LEFT: usize = 1;
/// Attach the top of the stack to the word below it, and pop it.
pub(crate) const RIGHT: usize = 2;
/// Number of transitions.
pub(crate) const MOVES: usize = 3;

/// Node index of "nothing there" in a [`State`]; 0 is the root, 1..=n the words.
const NONE: u32 = u32::MAX;
/// Label index of a word not attached yet.
const NO_LABEL: u8 = u8::MAX;

/// Hash of a tag for the parser's features.
pub(crate) fn tag_hash(t: &TagOut) -> u64 {
    mix(t.upos as u64 + 1, str_hash(t.xpos))
}

/// A parser configuration: stack, buffer and the arcs made so far, plus what the features need
/// to know about each word's children.
#[derive(Debug, Clone)]
pub(crate) struct State {
    n: u32,
    stack: Vec<u32>,
    /// Front of the buffer: a word in 1..=n, or n + 1 when only the root is left.
    b: u32,
    /// Head of each node (index 0 unused), `NONE` while unattached.
    pub(crate) heads: Vec<u32>,
    /// Label of each node's arc, `NO_LABEL` while unattached.
    pub(crate) labels: Vec<u8>,
    /// Leftmost, second leftmost, rightmost, second rightmost child (`NONE` if missing).
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    /// Numbers of left and right children, and the sets of their labels.
    nl: Vec<u8>,
    nr: Vec<u8>,
    sl: Vec<u64>,
    sr: Vec<u64>,
}

impl State {
    /// The initial configuration for `n` words: empty stack, all words and the root in the
    /// buffer.
    pub(crate) fn new(n: usize) -> State {
        let m = n + 1;
        State {
            n: n as u32,
            stack: Vec::with_capacity(n),
            b: 1,
            heads: vec![NONE; m],
            labels: vec![NO_LABEL; m],
            lc1: vec![NONE; m],
            lc2: vec![NONE; m],
            rc1: vec![NONE; m],
            rc2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            sl: vec![0; m],
            sr: vec![0; m],
        }
    }

    /// True when parsing is over: empty stack, only the root left in the buffer.
    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b > self.n
    }

    /// The front of the buffer as a node (0 for the root).
    fn b0(&self) -> u32 {
        if self.b <= self.n {
            self.b
        } else {
            0
        }
    }

    /// The word after the front of the buffer (0 for the root, `NONE` past it).
    fn b1(&self) -> u32 {
        if self.b < self.n {
            self.b + 1
        } else if self.b == self.n {
            0
        } else {
            NONE
        }
    }

    fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// Whether `mv` can be applied.
    pub(crate) fn is_valid(&self, mv: usize) -> bool {
        match mv {
            SHIFT => self.b <= self.n,
            // The root takes a dependent only when it is the last word left.
            LEFT => !self.stack.is_empty() && (self.b <= self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    /// The arc `mv` would make, as (head, dependent).
    pub(crate) fn arc(&self, mv: usize) -> Option<(u32, u32)> {
        match mv {
            LEFT => Some((self.b0(), self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    /// Applies a valid move; `label` is the arc's label for LEFT and RIGHT.
    pub(crate) fn apply(&mut self, mv: usize, label: u8) {
        match mv {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(mv).expect("arc move");
                self.stack.pop();
                self.attach(h, d, label);
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = label;
        if h == 0 {
            return;
        }
        let bit = 1u64 << (label % 64);
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.sl[hu] |= bit;
            if self.lc1[hu] == NONE || d < self.lc1[hu] {
                self.lc2[hu] = self.lc1[hu];
                self.lc1[hu] = d;
            } else if self.lc2[hu] == NONE || d < self.lc2[hu] {
                self.lc2[hu] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.sr[hu] |= bit;
            if self.rc1[hu] == NONE || d > self.rc1[hu] {
                self.rc2[hu] = self.rc1[hu];
                self.rc1[hu] = d;
            } else if self.rc2[hu] == NONE || d > self.rc2[hu] {
                self.rc2[hu] = d;
            }
        }
    }

    /// What the features see. `nodes[i]` describes node `i` (0 = root); `none` stands in for
    /// missing positions.
    pub(crate) fn view(&self, nodes: &[Node], none: &Node) -> ParseView {
        let node = |i: u32| -> Node {
            if i == NONE {
                *none
            } else {
                let mut n = nodes[i as usize];
                n.l = u64::from(self.labels[i as usize]);
                n
            }
        };
        let child = |v: &[u32], i: u32| {
            if i == NONE || i == 0 {
                *none
            } else {
                node(v[i as usize])
            }
        };
        let count = |v: &[u8], i: u32| {
            if i == NONE || i == 0 {
                99
            } else {
                u64::from(v[i as usize])
            }
        };
        let set = |v: &[u64], i: u32| {
            if i == NONE || i == 0 {
                1 << 63
            } else {
                v[i as usize]
            }
        };
        let (s0, s1, b0) = (self.s(0), self.s(1), self.b0());
        let b1 = self.b1();
        let b2 = if self.b + 1 < self.n {
            self.b + 2
        } else if self.b + 1 == self.n {
            0
        } else {
            NONE
        };
        let dist = |a: u32, b: u32| -> u64 {
            if a == NONE || b == NONE {
                return 0;
            }
            // The root sits after the last word.
            let pos = |x: u32| if x == 0 { self.n + 1 } else { x };
            match pos(b).abs_diff(pos(a)) {
                d @ 0..=4 => u64::from(d),
                5..=9 => 5,
                _ => 6,
            }
        };
        ParseView {
            s0: node(s0),
            s1: node(s1),
            s2: node(self.s(2)),
            b0: node(b0),
            b1: node(b1),
            b2: node(b2),
            s0l: child(&self.lc1, s0),
            s0l2: child(&self.lc2, s0),
            s0r: child(&self.rc1, s0),
            s0r2: child(&self.rc2, s0),
            b0l: child(&self.lc1, b0),
            b0l2: child(&self.lc2, b0),
            s1l: child(&self.lc1, s1),
            s1r: child(&self.rc1, s1),
            d: dist(s0, b0),
            d1: dist(s1, s0),
            s0vl: count(&self.nl, s0),
            s0vr: count(&self.nr, s0),
            b0vl: count(&self.nl, b0),
            s1vr: count(&self.nr, s1),
            s0sl: set(&self.sl, s0),
            s0sr: set(&self.sr, s0),
            b0sl: set(&self.sl, b0),
        }
    }

    /// What the label classifier sees of the arc `mv` makes from `h` to `d`.
    pub(crate) fn arc_view(
        &self,
        mv: usize,
        h: u32,
        d: u32,
        nodes: &[Node],
        none: &Node,
    ) -> ArcView {
        let node = |i: u32| -> Node {
            if i == NONE {
                *none
            } else {
                let mut n = nodes[i as usize];
                n.l = u64::from(self.labels[i as usize]);
                n
            }
        };
        let pos = |x: u32| if x == 0 { self.n + 1 } else { x };
        let dist = match pos(h).abs_diff(pos(d)) {
            d @ 0..=4 => u64::from(d),
            5..=9 => 5,
            _ => 6,
        };
        let (hu, du) = (h as usize, d as usize);
        let (hsl, hsr) = if h == 0 {
            (1 << 63, 1 << 63)
        } else {
            (self.sl[hu], self.sr[hu])
        };
        ArcView {
            mv: mv as u64,
            h: node(h),
            d: node(d),
            dist,
            dl: node(self.lc1[du]),
            dr: node(self.rc1[du]),
            dsl: self.sl[du],
            dsr: self.sr[du],
            hsl,
            hsr,
            dm1: if d > 1 { node(d - 1) } else { *none },
            dp1: if d < self.n { node(d + 1) } else { *none },
            c1: node(if mv == RIGHT { self.b0() } else { self.s(1) }),
            c2: node(if mv == RIGHT { self.s(2) } else { self.b1() }),
        }
    }

    /// The dynamic oracle: how many gold arcs still reachable before `mv` become unreachable
    /// after it (Goldberg and Nivre 2013; arc-hybrid costs are arc-decomposable, so this
    /// is exact for projective gold trees). `gold[d]` is the gold head of word `d` (0 =
    /// root; index 0 unused) and `in_stack` marks the words on the stack.
    pub(crate) fn cost(&self, mv: usize, gold: &[u32], in_stack: &[bool]) -> u32 {
        let n = self.n;
        let in_buffer = |k: u32| k == 0 || (k >= self.b && k <= n);
        // Gold dependents of `h` among the words for which `pick` holds.
        let deps = |h: u32, pick: &dyn Fn(u32) -> bool| -> u32 {
            (1..=n)
                .filter(|&k| gold[k as usize] == h && pick(k))
                .count() as u32
        };
        match mv {
            SHIFT => {
                let b = self.b;
                let s0 = self.s(0);
                let g = gold[b as usize];
                // b can no longer take dependents from the stack, nor a head from the stack
                // other than s0.
                deps(b, &|k| in_stack[k as usize])
                    + u32::from(g != 0 && g != s0 && in_stack[g as usize])
            }
            LEFT => {
                let (s0, s1, b0) = (self.s(0), self.s(1), self.b0());
                let g = gold[s0 as usize];
                // s0 loses its dependents in the buffer, and its head if that is s1 or a
                // buffer word other than b0.
                deps(s0, &|k| k >= self.b && k <= n)
                    + u32::from(g != b0 && (g == s1 || in_buffer(g)))
            }
            RIGHT => {
                let s0 = self.s(0);
                let g = gold[s0 as usize];
                deps(s0, &|k| k >= self.b && k <= n) + u32::from(in_buffer(g))
            }
            _ => u32::MAX,
        }
    }

    /// Marks the words on the stack into `in_stack` (length n + 1).
    pub(crate) fn mark_stack(&self, in_stack: &mut [bool]) {
        in_stack.fill(false);
        for &s in &self.stack {
            in_stack[s as usize] = true;
        }
    }
}

/// A trained dependency parser. Read-only, so it can be shared across threads.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    labels: Vec<&'static str>,
    /// Index of "root": the label of the root's dependent, and of nothing else.
    root: Option<usize>,
    moves: SmallWeights,
    label_weights: Weights,
}

impl Parser {
    pub(crate) fn new(
        labels: Vec<&'static str>,
        moves: SmallWeights,
        label_weights: Weights,
    ) -> Parser {
        Parser {
            root: labels.iter().position(|l| *l == "root"),
            labels,
            moves,
            label_weights,
        }
    }

    /// Number of weight rows of the transition and the label classifiers.
    pub fn size(&self) -> (usize, usize) {
        (self.moves.len(), self.label_weights.len())
    }

    /// The relations this parser assigns.
    pub fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// Parses a tagged sentence: one arc per word, heads 1-based (0 = root).
    ///
    /// `tags` has one entry per word, as [`super::Tagger::tag`] returns. The result is always
    /// a tree: exactly one word is attached to the root, with the relation "root".
    ///
    /// # Panics
    /// If `words` and `tags` differ in length.
    pub fn parse(&self, words: &[&str], tags: &[TagOut]) -> Vec<Arc> {
        assert_eq!(words.len(), tags.len(), "one tag per word");
        let nodes = nodes(words, tags);
        let mut state = State::new(words.len());
        let none = none_node();
        let mut move_scores = [0i16; MOVES];
        let mut label_scores = vec![0i16; self.labels.len()];
        while !state.is_final() {
            let features = parser_features(&state.view(&nodes, &none));
            move_scores.fill(0);
            self.moves.score(&features, &mut move_scores);
            let mv = argmax(&move_scores, |m| state.is_valid(m)).expect("a move is always valid");
            let label = match state.arc(mv) {
                None => 0,
                Some((h, d)) => {
                    label_scores.fill(0);
                    let lf = label_features(&state.arc_view(mv, h, d, &nodes, &none));
                    self.label_weights.score(&lf, &mut label_scores);
                    let allowed = |l| self.root.is_none() || (h == 0) == (Some(l) == self.root);
                    argmax(&label_scores, allowed).unwrap_or(0) as u8
                }
            };
            state.apply(mv, label);
        }
        (1..=words.len())
            .map(|d| Arc {
                head: state.heads[d] as usize,
                deprel: self
                    .labels
                    .get(usize::from(state.labels[d]))
                    .copied()
                    .unwrap_or("dep"),
            })
            .collect()
    }

    /// Serializes the parser in the model file format (see [`model_io`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Encoder::default();
        e.varint(self.labels.len() as u64);
        for l in &self.labels {
            e.str(l);
        }
        e.small_weights(&self.moves);
        e.weights(&self.label_weights);
        model_io::seal(ModelKind::Parser, &e.buf)
    }

    /// Decodes a parser from model bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut d = Decoder::new(model_io::open(ModelKind::Parser, bytes)?);
        // Labels are bytes in a parse state, NO_LABEL excluded.
        let n = d.count(MAX_CLASSES.min(usize::from(NO_LABEL)), "label count")?;
        if n == 0 {
            return Err(ModelError::Malformed("parser has no labels".into()));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(intern(d.str()?));
        }
        let moves = d.small_weights(MOVES)?;
        let label_weights = d.weights(n)?;
        d.finish()?;
        Ok(Parser::new(labels, moves, label_weights))
    }

    /// Loads a parser model file.
    pub fn load(path: impl AsRef<Path>) -> Result<Parser, ModelError> {
        model_io::load(path.as_ref(), Parser::from_bytes)
    }

    /// Writes the parser to a model file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), ModelError> {
        model_io::write_path(path.as_ref(), &self.to_bytes())
    }
}

/// Feature nodes of a sentence: index 0 is the root, then the words.
pub(crate) fn nodes(words: &[&str], tags: &[TagOut]) -> Vec<Node> {
    let root = Node {
        w: 0x1007,
        t: 0x1007,
        l: 0,
        c: 0x1007,
        k: 0x1007,
    };
    let clusters = Clusters::embedded();
    std::iter::once(root)
        .chain(words.iter().zip(tags).map(|(w, t)| {
            let h = lower_hash(w);
            let c = clusters.get_hashed(h);
            Node {
                w: h,
                t: tag_hash(t),
                l: 0,
                c: u64::from(c.mid),
                k: u64::from(c.coarse),
            }
        }))
        .collect()
}

/// The node standing in for missing positions.
pub(crate) fn none_node() -> Node {
    Node {
        w: 0x2009,
        t: 0x2009,
        l: 0x2009,
        c: 0x2009,
        k: 0x2009,
    }
}

#[cfg(test)]
mod tests {
    use super::super::conllu::{parse, tests::SAMPLE};
    use super::*;

    /// Gold heads of a sentence, index 0 unused.
    fn gold(s: &super::super::conllu::Sentence) -> Vec<u32> {
        std::iter::once(0)
            .chain(s.words.iter().map(|w| w.head.unwrap() as u32))
            .collect()
    }

    /// Follows the dynamic oracle, checking on the way that some valid move has cost 0.
    fn oracle_parse(g: &[u32]) -> Vec<u32> {
        let n = g.len() - 1;
        let mut state = State::new(n);
        let mut in_stack = vec![false; n + 1];
        while !state.is_final() {
            state.mark_stack(&mut in_stack);
            let mv = (0..MOVES)
                .filter(|&m| state.is_valid(m))
                .find(|&m| state.cost(m, g, &in_stack) == 0)
                .expect("a zero-cost move on a gold path");
            state.apply(mv, 0);
        }
        state.heads[1..].to_vec()
    }

    #[test]
    fn oracle_reproduces_projective_gold_trees() {
        for s in parse(SAMPLE).unwrap() {
            let g = gold(&s);
            assert_eq!(oracle_parse(&g), &g[1..]);
        }
        // A longer right-branching chain and a tree with the root in the middle.
        let chain: Vec<u32> = vec![0, 0, 1, 2, 3, 4];
        assert_eq!(oracle_parse(&chain), &chain[1..]);
        let mid: Vec<u32> = vec![0, 3, 3, 0, 5, 3, 3];
        assert_eq!(oracle_parse(&mid), &mid[1..]);
    }

    #[test]
    fn costs_count_lost_arcs() {
        // "a b c": b is the root, a and c depend on it.
        let g = [0, 2, 0, 2];
        let mut state = State::new(3);
        let mut in_stack = vec![false; 4];
        state.apply(SHIFT, 0);
        state.mark_stack(&mut in_stack);
        // Attaching a to the root side (RIGHT is invalid) or to b (LEFT): LEFT is right.
        assert_eq!(state.cost(LEFT, &g, &in_stack), 0);
        // Shifting b over a loses a's arc to b (b cannot take dependents from the stack).
        assert_eq!(state.cost(SHIFT, &g, &in_stack), 1);
        state.apply(SHIFT, 0);
        state.mark_stack(&mut in_stack);
        // Now b is on the stack above a: RIGHT would make a the head of b (loses b→root... and
        // a's head); b's dependent c is still in the buffer.
        assert_eq!(state.cost(RIGHT, &g, &in_stack), 2);
    }

    fn small_parser() -> Parser {
        use super::super::train::{train_parser, train_tagger, ParserOptions, TaggerOptions};
        let data = parse(SAMPLE).unwrap();
        let topts = TaggerOptions {
            lex_folds: 0,
            lex_min: 1,
            min_updates: 1,
            ..TaggerOptions::default()
        };
        let tagger = train_tagger(&data, &[], &topts, &mut |_| {}).unwrap();
        let popts = ParserOptions {
            jackknife: 0,
            min_updates: 1,
            label_min_updates: 1,
            ..ParserOptions::default()
        };
        train_parser(&data, &[], &tagger, &popts, &mut |_| {}).unwrap()
    }

    #[test]
    fn learns_its_training_data_and_round_trips() {
        let parser = small_parser();
        let s = &parse(SAMPLE).unwrap()[1];
        let tags: Vec<TagOut> = s
            .words
            .iter()
            .map(|w| TagOut {
                upos: super::super::Upos::parse(&w.upos).unwrap(),
                xpos: intern(&w.xpos),
            })
            .collect();
        let arcs = parser.parse(&s.forms(), &tags);
        let got: Vec<(usize, &str)> = arcs.iter().map(|a| (a.head, a.deprel)).collect();
        assert_eq!(
            got,
            [(2, "nsubj"), (0, "root"), (2, "advmod"), (2, "punct")]
        );
        let bytes = parser.to_bytes();
        let back = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(back, parser);
        assert_eq!(back.to_bytes(), bytes);
        let mut bad = bytes.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 1;
        assert!(matches!(
            Parser::from_bytes(&bad),
            Err(ModelError::Checksum)
        ));
        assert!(matches!(
            Parser::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Truncated)
        ));
        // Training again gives the same bytes.
        assert_eq!(small_parser().to_bytes(), bytes);
    }

    #[test]
    fn every_parse_is_a_tree_with_one_root() {
        // An untrained parser chooses among valid moves only; the result must still be a tree.
        let parser = Parser::new(
            vec!["dep", "root"],
            SmallWeights::new(MOVES, 1.0, vec![], vec![]),
            Weights::new(2, 1.0, vec![], vec![]),
        );
        for n in [1usize, 2, 5, 17] {
            let words: Vec<&str> = (0..n).map(|_| "x").collect();
            let tags = vec![
                TagOut {
                    upos: super::super::Upos::X,
                    xpos: "XX"
                };
                n
            ];
            let arcs = parser.parse(&words, &tags);
            assert_eq!(arcs.len(), n);
            assert_eq!(arcs.iter().filter(|a| a.head == 0).count(), 1);
            for (d, a) in arcs.iter().enumerate() {
                // Following heads from any word reaches the root without a cycle.
                let (mut h, mut steps) = (a.head, 0);
                while h != 0 && steps <= n {
                    h = arcs[h - 1].head;
                    steps += 1;
                }
                assert_eq!(h, 0, "word {} does not reach the root", d + 1);
            }
        }
    }
}
