//! The page's layout, computed when the page is written: force-directed (Fruchterman and
//! Reingold, with a Barnes-Hut quadtree for the repulsion of large components), each
//! connected component on its own, overlaps between nodes and their labels pushed apart, and
//! the components packed in rows, largest first, entities without relations last and grouped
//! by type. The page opens drawn, however large the graph, and the same graph gives the
//! same positions on every machine: the layout uses only the arithmetic IEEE 754 fixes
//! exactly (no transcendental functions), in a fixed order, from a fixed seed.

use std::collections::HashMap;

use crate::graph::KnowledgeGraph;

/// The ideal length of an edge, in page pixels.
const EDGE_LENGTH: f64 = 130.0;
/// The space kept between components and between nodes pushed apart.
const GAP: f64 = 30.0;
/// The labels' font size in the page, and the width of one character of it (an average for
/// proportional fonts; labels are measured to push them apart, not exactly).
pub const FONT_SIZE: f64 = 16.0;
const CHAR_WIDTH: f64 = 8.8;
/// Above this many nodes a component's repulsion uses the quadtree rather than every pair.
const EXACT_LIMIT: usize = 300;
/// Above this many nodes a component's labels are not pushed apart: the page shows labels
/// only when zoomed in.
const LABEL_LIMIT: usize = 1500;
/// The Barnes-Hut opening angle: a cell this small for its distance counts as one body.
const THETA: f64 = 0.9;

/// The diameter of a node with this many mentions, in page pixels: growing with the square
/// root, so that area follows mentions, up to a cap.
pub fn node_size(mentions: usize) -> f64 {
    (18.0 + 6.0 * (mentions.max(1) as f64).sqrt()).min(72.0)
}

/// A position per node, in the order of [`KnowledgeGraph::nodes`].
pub fn layout(graph: &KnowledgeGraph) -> Vec<(f64, f64)> {
    let nodes: Vec<_> = graph.nodes().collect();
    let n = nodes.len();
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i))
        .collect();
    // Undirected links, one per pair of nodes however many relations join them.
    let mut pairs: Vec<(usize, usize)> = graph
        .edges()
        .iter()
        .map(|(a, b, _)| {
            let (i, j) = (index[a.id.as_str()], index[b.id.as_str()]);
            (i.min(j), i.max(j))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(i, j) in &pairs {
        neighbours[i].push(j);
        neighbours[j].push(i);
    }
    let boxes: Vec<(f64, f64)> = nodes
        .iter()
        .map(|node| {
            let size = node_size(node.mentions);
            let label = node.label.chars().count().min(40) as f64 * CHAR_WIDTH;
            (size.max(label), size + FONT_SIZE * 1.6)
        })
        .collect();

    let mut components = components(&neighbours);
    // Largest first; entities without relations last, by type, then most mentioned.
    components.sort_by(|a, b| {
        let key = |c: &Vec<usize>| {
            let first = &nodes[c[0]];
            (
                std::cmp::Reverse(c.len()),
                if c.len() == 1 { first.kind as usize } else { 0 },
                std::cmp::Reverse(if c.len() == 1 { first.mentions } else { 0 }),
                first.id.as_str(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mut position = vec![(0.0, 0.0); n];
    let placed: Vec<Placed> = components
        .iter()
        .map(|members| {
            let local = force_directed(members, &neighbours);
            let local = if members.len() <= LABEL_LIMIT {
                separate(&local, members, &boxes)
            } else {
                local
            };
            Placed::new(members, local, &boxes)
        })
        .collect();
    pack(&placed, &mut position);
    position
}

/// The connected components, each listing its nodes in index order.
fn components(neighbours: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; neighbours.len()];
    let mut out = Vec::new();
    for start in 0..neighbours.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut members = vec![start];
        let mut next = 0;
        while next < members.len() {
            for &j in &neighbours[members[next]] {
                if !seen[j] {
                    seen[j] = true;
                    members.push(j);
                }
            }
            next += 1;
        }
        members.sort_unstable();
        out.push(members);
    }
    out
}

/// A small fixed-seed generator (xorshift64*): starting positions that look random and are
/// the same everywhere.
struct Rng(u64);

impl Rng {
    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Fruchterman–Reingold on one component, with gravity towards its centre; positions in the
/// order of `members`.
fn force_directed(members: &[usize], neighbours: &[Vec<usize>]) -> Vec<(f64, f64)> {
    let m = members.len();
    if m == 1 {
        return vec![(0.0, 0.0)];
    }
    let local: HashMap<usize, usize> = members.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let links: Vec<(usize, usize)> = members
        .iter()
        .enumerate()
        .flat_map(|(l, g)| {
            neighbours[*g]
                .iter()
                .map(|j| local[j])
                .filter(move |&k| l < k)
                .map(move |k| (l, k))
        })
        .collect();
    let k = EDGE_LENGTH;
    let side = k * (m as f64).sqrt();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ m as u64);
    let mut pos: Vec<(f64, f64)> = (0..m)
        .map(|_| ((rng.unit() - 0.5) * side, (rng.unit() - 0.5) * side))
        .collect();
    let iterations = if m <= 100 {
        500
    } else if m <= 1000 {
        300
    } else {
        150
    };
    let start = side / 6.0;
    // A weak pull towards the centre: it keeps chains and stars compact, not the core.
    let gravity = 0.15;
    let mut disp = vec![(0.0, 0.0); m];
    for it in 0..iterations {
        disp.fill((0.0, 0.0));
        if m <= EXACT_LIMIT {
            for i in 0..m {
                for j in i + 1..m {
                    let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                    let d2 = (dx * dx + dy * dy).max(1.0);
                    let f = k * k / d2;
                    disp[i].0 += dx * f;
                    disp[i].1 += dy * f;
                    disp[j].0 -= dx * f;
                    disp[j].1 -= dy * f;
                }
            }
        } else {
            let tree = QuadTree::new(&pos);
            for (i, d) in disp.iter_mut().enumerate() {
                let (fx, fy) = tree.repulsion(pos[i], k * k);
                d.0 += fx;
                d.1 += fy;
            }
        }
        for &(i, j) in &links {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt();
            let f = d / k;
            disp[i].0 -= dx * f;
            disp[i].1 -= dy * f;
            disp[j].0 += dx * f;
            disp[j].1 += dy * f;
        }
        // Cooling: the step shrinks linearly to a tenth of a pixel.
        let t = start * (1.0 - it as f64 / iterations as f64) + 0.1;
        for (p, d) in pos.iter_mut().zip(&disp) {
            let (dx, dy) = (d.0 - p.0 * gravity, d.1 - p.1 * gravity);
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(t) / len;
                p.0 += dx * step;
                p.1 += dy * step;
            }
        }
    }
    pos
}

/// A Barnes-Hut quadtree over points, each of mass one.
struct QuadTree {
    cells: Vec<Cell>,
}

struct Cell {
    /// Centre and half the side of the square.
    centre: (f64, f64),
    half: f64,
    /// Number of points and their centre of mass.
    mass: f64,
    com: (f64, f64),
    /// The first of four children, or `None` for a leaf.
    children: Option<usize>,
    /// A leaf's point, if it holds one.
    point: Option<(f64, f64)>,
}

impl QuadTree {
    fn new(points: &[(f64, f64)]) -> QuadTree {
        let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        for p in points {
            lo = (lo.0.min(p.0), lo.1.min(p.1));
            hi = (hi.0.max(p.0), hi.1.max(p.1));
        }
        let half = ((hi.0 - lo.0).max(hi.1 - lo.1) / 2.0).max(1.0) * 1.01;
        let centre = ((lo.0 + hi.0) / 2.0, (lo.1 + hi.1) / 2.0);
        let mut tree = QuadTree {
            cells: vec![Cell::leaf(centre, half)],
        };
        for &p in points {
            tree.insert(0, p, 0);
        }
        tree
    }

    fn insert(&mut self, mut cell: usize, p: (f64, f64), mut depth: usize) {
        loop {
            let c = &mut self.cells[cell];
            let mass = c.mass + 1.0;
            c.com = (
                c.com.0 + (p.0 - c.com.0) / mass,
                c.com.1 + (p.1 - c.com.1) / mass,
            );
            c.mass = mass;
            // Coincident points stop splitting at some depth and share a leaf.
            if depth > 40 {
                return;
            }
            match (c.children, c.point) {
                (Some(first), _) => {
                    cell = first + quadrant(c.centre, p);
                }
                (None, None) if mass == 1.0 => {
                    c.point = Some(p);
                    return;
                }
                (None, old) => {
                    let (centre, half) = (c.centre, c.half / 2.0);
                    let first = self.cells.len();
                    for q in 0..4 {
                        let sx = if q & 1 == 0 { -half } else { half };
                        let sy = if q & 2 == 0 { -half } else { half };
                        self.cells
                            .push(Cell::leaf((centre.0 + sx, centre.1 + sy), half));
                    }
                    let c = &mut self.cells[cell];
                    c.children = Some(first);
                    c.point = None;
                    if let Some(old) = old {
                        let q = first + quadrant(centre, old);
                        let child = &mut self.cells[q];
                        child.mass = 1.0;
                        child.com = old;
                        child.point = Some(old);
                    }
                    cell = first + quadrant(centre, p);
                }
            }
            depth += 1;
        }
    }

    /// The repulsion on a point at `p` from every other point, `k2 / distance` each.
    fn repulsion(&self, p: (f64, f64), k2: f64) -> (f64, f64) {
        let mut force = (0.0, 0.0);
        let mut stack = vec![0];
        while let Some(i) = stack.pop() {
            let c = &self.cells[i];
            if c.mass == 0.0 {
                continue;
            }
            let (dx, dy) = (p.0 - c.com.0, p.1 - c.com.1);
            let d2 = dx * dx + dy * dy;
            match c.children {
                Some(first) if (2.0 * c.half) * (2.0 * c.half) > THETA * THETA * d2 => {
                    stack.extend(first..first + 4);
                }
                _ => {
                    // The point itself (distance zero) exerts no force.
                    if d2 < 1e-9 && c.children.is_none() && c.mass == 1.0 {
                        continue;
                    }
                    let f = c.mass * k2 / d2.max(1.0);
                    force.0 += dx * f;
                    force.1 += dy * f;
                }
            }
        }
        force
    }
}

impl Cell {
    fn leaf(centre: (f64, f64), half: f64) -> Cell {
        Cell {
            centre,
            half,
            mass: 0.0,
            com: (0.0, 0.0),
            children: None,
            point: None,
        }
    }
}

fn quadrant(centre: (f64, f64), p: (f64, f64)) -> usize {
    usize::from(p.0 >= centre.0) + 2 * usize::from(p.1 >= centre.1)
}

/// Pushes apart the nodes of a component whose boxes (node and label) overlap, a few rounds
/// at most; positions in the order of `members`.
fn separate(pos: &[(f64, f64)], members: &[usize], boxes: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut pos = pos.to_vec();
    let size: Vec<(f64, f64)> = members.iter().map(|&g| boxes[g]).collect();
    let cell = size.iter().fold(1.0_f64, |m, s| m.max(s.0).max(s.1)) + GAP;
    for _ in 0..60 {
        let mut moved = false;
        // A grid of cells at least as large as any box: overlapping boxes are in
        // neighbouring cells.
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        let key = |p: (f64, f64)| ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
        for (i, &p) in pos.iter().enumerate() {
            grid.entry(key(p)).or_default().push(i);
        }
        for i in 0..pos.len() {
            let (cx, cy) = key(pos[i]);
            let mut others: Vec<usize> = Vec::new();
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    if let Some(v) = grid.get(&(gx, gy)) {
                        others.extend(v.iter().copied().filter(|&j| j > i));
                    }
                }
            }
            // Cells are visited in a fixed order; sorting keeps the pushes in one too.
            others.sort_unstable();
            for j in others {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let ox = (size[i].0 + size[j].0) / 2.0 + GAP / 3.0 - dx.abs();
                let oy = (size[i].1 + size[j].1) / 2.0 + GAP / 3.0 - dy.abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                // Along the axis that needs the shorter push; ties (same spot) by index.
                if ox < oy {
                    let s = if dx > 0.0 || dx == 0.0 && i < j {
                        ox / 2.0
                    } else {
                        -ox / 2.0
                    };
                    pos[i].0 -= s;
                    pos[j].0 += s;
                } else {
                    let s = if dy > 0.0 || dy == 0.0 && i < j {
                        oy / 2.0
                    } else {
                        -oy / 2.0
                    };
                    pos[i].1 -= s;
                    pos[j].1 += s;
                }
            }
        }
        if !moved {
            break;
        }
    }
    pos
}

/// A component laid out on its own: its nodes, their positions relative to its box's
/// top-left corner, and the box's size.
struct Placed {
    members: Vec<usize>,
    pos: Vec<(f64, f64)>,
    width: f64,
    height: f64,
}

impl Placed {
    fn new(members: &[usize], pos: Vec<(f64, f64)>, boxes: &[(f64, f64)]) -> Placed {
        let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        for (&g, p) in members.iter().zip(&pos) {
            let (w, h) = boxes[g];
            lo = (lo.0.min(p.0 - w / 2.0), lo.1.min(p.1 - h / 2.0));
            hi = (hi.0.max(p.0 + w / 2.0), hi.1.max(p.1 + h / 2.0));
        }
        Placed {
            members: members.to_vec(),
            pos: pos.iter().map(|p| (p.0 - lo.0, p.1 - lo.1)).collect(),
            width: hi.0 - lo.0,
            height: hi.1 - lo.1,
        }
    }
}

/// Packs the components in rows ("shelves") about as wide as the whole is tall, largest
/// first; the entities without relations start rows of their own below the rest.
fn pack(placed: &[Placed], position: &mut [(f64, f64)]) {
    let area: f64 = placed
        .iter()
        .map(|p| (p.width + GAP) * (p.height + GAP))
        .sum();
    let widest = placed.iter().fold(0.0_f64, |m, p| m.max(p.width));
    let row_width = widest.max((area * 1.5).sqrt());
    let (mut x, mut y, mut row_height) = (0.0, 0.0, 0.0_f64);
    let mut lone = false;
    for p in placed {
        let first_lone = !lone && p.members.len() == 1;
        lone |= first_lone;
        if x > 0.0 && (x + p.width > row_width || first_lone) {
            x = 0.0;
            y += row_height + GAP;
            row_height = 0.0;
        }
        for (&g, local) in p.members.iter().zip(&p.pos) {
            position[g] = (x + local.0, y + local.1);
        }
        x += p.width + GAP;
        row_height = row_height.max(p.height);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::entity::EntityType;
    use crate::graph::Node;
    use crate::relation::RelationType;

    fn graph(n: usize, edges: &[(usize, usize)]) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for i in 0..n {
            g.add_node(Node {
                id: format!("n{i:04}"),
                label: format!("Node {i}"),
                kind: EntityType::Person,
                aliases: BTreeSet::new(),
                mentions: 1 + i % 7,
                documents: BTreeSet::new(),
                type_votes: BTreeMap::from([(EntityType::Person, 1)]),
                dates: BTreeMap::new(),
            });
        }
        for &(a, b) in edges {
            g.add_edge(
                &format!("n{a:04}"),
                &format!("n{b:04}"),
                RelationType::Accuses,
                false,
                1,
                Vec::new(),
            );
        }
        g
    }

    fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
        ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).sqrt()
    }

    #[test]
    fn related_nodes_end_up_closer_than_unrelated_ones_and_none_overlap() {
        // Two triangles joined by one edge, and two entities without relations.
        let g = graph(8, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]);
        let pos = layout(&g);
        assert_eq!(pos.len(), 8);
        assert!(distance(pos[0], pos[1]) < distance(pos[0], pos[5]));
        for i in 0..8 {
            for j in i + 1..8 {
                assert!(distance(pos[i], pos[j]) > 20.0, "{i} and {j} overlap");
            }
        }
        // The same graph, the same positions.
        assert_eq!(pos, layout(&g));
    }

    #[test]
    fn a_large_graph_is_laid_out_with_finite_positions() {
        let mut rng = Rng(7);
        let n = 2000;
        let edges: Vec<(usize, usize)> = (0..6000)
            .map(|_| {
                let a = (rng.unit() * n as f64) as usize;
                let b = (rng.unit() * n as f64) as usize;
                (a, b)
            })
            .collect();
        let pos = layout(&graph(n, &edges));
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        let distinct: BTreeSet<(i64, i64)> = pos.iter().map(|p| (p.0 as i64, p.1 as i64)).collect();
        assert!(distinct.len() > n * 9 / 10, "nodes piled up");
    }
}
