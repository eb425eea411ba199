//! Beam search over label sequences. A hypothesis's future depends only on its last two labels
//! (the history features), so of two hypotheses that end in the same two labels only the better
//! is kept; with a beam of 81 the search is exact.

use super::features::START;
use super::label::{Label, N_LABELS};

/// Distinct (label, previous label) states.
const STATES: usize = N_LABELS * (N_LABELS + 1);

/// One hypothesis: a label sequence, kept as a label and a pointer into the previous layer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hyp {
    pub score: i64,
    pub label: u8,
    pub prev: u8,
    /// Index of the parent in the previous layer.
    back: u8,
    /// Whether every label so far satisfies the constraints (gold labels, in training).
    pub ok: bool,
}

/// The layers of a beam search over one sentence, stored flat.
#[derive(Debug)]
pub(crate) struct Beam {
    width: usize,
    hyps: Vec<Hyp>,
    /// Start of each layer in `hyps`.
    layers: Vec<usize>,
    candidates: Vec<Hyp>,
}

impl Beam {
    pub(crate) fn new(width: usize) -> Beam {
        Beam {
            width: width.clamp(1, STATES),
            hyps: Vec::new(),
            layers: Vec::new(),
            candidates: Vec::with_capacity(STATES * N_LABELS),
        }
    }

    pub(crate) fn clear(&mut self) {
        self.hyps.clear();
        self.layers.clear();
    }

    fn last(&self) -> &[Hyp] {
        match self.layers.last() {
            Some(&start) => &self.hyps[start..],
            None => &[],
        }
    }

    /// Extends every hypothesis by one token. `scores(prev, prev2)` gives the label scores of
    /// the token after those labels; `allowed(y)` restricts the labels (constraints) and
    /// `consistent(y)` says whether `y` satisfies them.
    pub(crate) fn step(
        &mut self,
        scores: &mut dyn FnMut(usize, usize) -> [i32; N_LABELS],
        allowed: &dyn Fn(usize) -> bool,
        consistent: &dyn Fn(usize) -> bool,
    ) {
        self.candidates.clear();
        let start = self.layers.last().copied();
        let parents = start.map_or(1, |s| self.hyps.len() - s);
        for pi in 0..parents {
            let parent = start.map(|s| self.hyps[s + pi]);
            let (prev, prev2, base, ok) = match parent {
                None => (START, START, 0, true),
                Some(h) => (usize::from(h.label), usize::from(h.prev), h.score, h.ok),
            };
            let s = scores(prev, prev2);
            let prev_label = (prev < N_LABELS).then(|| Label::from_index(prev));
            for (y, &sy) in s.iter().enumerate() {
                if !allowed(y) || !Label::from_index(y).may_follow(prev_label) {
                    continue;
                }
                self.candidates.push(Hyp {
                    score: base + i64::from(sy),
                    label: y as u8,
                    prev: prev as u8,
                    back: pi as u8,
                    ok: ok && consistent(y),
                });
            }
        }
        // Of the candidates ending in the same two labels, the best (the first generated on a
        // tie); of those, the best `width` (again first generated on a tie). Scores and
        // generation order decide everything, so the search is deterministic.
        let cands = &self.candidates;
        let better = |a: usize, b: usize| {
            cands[a].score > cands[b].score || (cands[a].score == cands[b].score && a < b)
        };
        let mut by_state = [u16::MAX; STATES];
        let mut survivors = [0u16; STATES];
        let mut n_survivors = 0;
        for (ci, c) in cands.iter().enumerate() {
            let state = usize::from(c.label) * (N_LABELS + 1) + usize::from(c.prev);
            match by_state[state] {
                u16::MAX => {
                    by_state[state] = n_survivors as u16;
                    survivors[n_survivors] = ci as u16;
                    n_survivors += 1;
                }
                held => {
                    let held = usize::from(held);
                    if better(ci, usize::from(survivors[held])) {
                        survivors[held] = ci as u16;
                    }
                }
            }
        }
        let mut top = [0u16; STATES];
        let mut n_top = 0;
        for &ci in &survivors[..n_survivors] {
            let ci = usize::from(ci);
            let at = (0..n_top)
                .find(|&t| better(ci, usize::from(top[t])))
                .unwrap_or(n_top);
            if at < self.width {
                let end = n_top.min(self.width - 1);
                top.copy_within(at..end, at + 1);
                top[at] = ci as u16;
                n_top = (n_top + 1).min(self.width);
            }
        }
        self.layers.push(self.hyps.len());
        for &ci in &top[..n_top] {
            self.hyps.push(self.candidates[usize::from(ci)]);
        }
    }

    /// Whether some hypothesis of the last layer satisfies the constraints.
    pub(crate) fn any_ok(&self) -> bool {
        self.last().iter().any(|h| h.ok)
    }

    /// Whether the last layer's best hypothesis satisfies the constraints.
    pub(crate) fn best_ok(&self) -> bool {
        self.last().first().is_some_and(|h| h.ok)
    }

    /// The best label sequence of the last layer (empty before any step).
    pub(crate) fn best_path(&self) -> Vec<usize> {
        let mut out = vec![0; self.layers.len()];
        let mut idx = 0usize;
        for (i, &start) in self.layers.iter().enumerate().rev() {
            let h = self.hyps[start + idx];
            out[i] = usize::from(h.label);
            idx = usize::from(h.back);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores that favour one fixed sequence, whatever the history.
    fn run(width: usize, want: &[usize]) -> Vec<usize> {
        let mut beam = Beam::new(width);
        for &y in want {
            let mut scores = |_, _| {
                let mut s = [0i32; N_LABELS];
                s[y] = 10;
                s
            };
            beam.step(&mut scores, &|_| true, &|_| true);
        }
        beam.best_path()
    }

    #[test]
    fn finds_the_best_valid_sequence() {
        let want = [1, 2, 0, 5, 6, 6, 0];
        for width in [1, 2, 4, 81] {
            assert_eq!(run(width, &want), want);
        }
        assert!(run(4, &[]).is_empty());
    }

    #[test]
    fn never_starts_with_an_inside_label() {
        // I-PER scores best at the start but is not allowed there.
        let path = run(4, &[2, 2]);
        assert_eq!(path[0], 1);
    }

    #[test]
    fn constraints_restrict_and_flag() {
        let mut beam = Beam::new(4);
        let mut scores = |_, _| [0, 5, 0, 0, 0, 0, 0, 0, 0];
        beam.step(&mut scores, &|y| y == 0, &|_| true);
        assert_eq!(beam.best_path(), [0]);
        let mut free = Beam::new(4);
        free.step(&mut scores, &|_| true, &|y| y == 0);
        assert!(!free.best_ok());
        assert!(free.any_ok());
    }
}
