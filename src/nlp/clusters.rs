//! Word clusters: groups of words whose vectors lie close together, at three nested
//! granularities (fine, mid, coarse). They let the tagger, the parser and the named-entity
//! recognizer generalize from the words they were trained on to words they never saw: a rare
//! town, surname or verb shares the weights its cluster learned.
//!
//! The clusters are built by `examples/word_clusters.rs` from GloVe vectors (see
//! `data/clusters/NOTICE.md`) and embedded in the binary. Words are looked up lowercased, by
//! the same 64-bit hash the tagger's features use, so a lookup builds no string.

use std::sync::OnceLock;

use super::features::lower_hash;

/// The embedded cluster file.
const EMBEDDED: &str = include_str!("../../data/clusters/word_clusters.txt");

/// The clusters of one word, as 1-based ids (0: the word has no cluster).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Cluster {
    /// Fine cluster (about a thousand).
    pub fine: u16,
    /// Mid cluster (a few hundred), containing the fine one.
    pub mid: u16,
    /// Coarse cluster (a few dozen), containing the mid one.
    pub coarse: u16,
}

/// A word-to-cluster table. Open addressing over 64-bit slots, each holding the top 48 bits
/// of a word's hash and its fine cluster (the slot index gives the low bits): one probe, one
/// cache line per lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clusters {
    slots: Vec<u64>,
    /// Mid and coarse cluster of each fine cluster (index 0: none).
    parents: Vec<(u16, u16)>,
    /// CRC-32 of the file the clusters were read from.
    fingerprint: u32,
}

/// A cluster file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("word clusters, line {line}: {message}")]
pub struct ClusterError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Clusters {
    /// The clusters embedded in the binary, read on first use.
    ///
    /// # Panics
    /// If the embedded file is malformed, which the tests rule out.
    pub fn embedded() -> &'static Clusters {
        static CLUSTERS: OnceLock<Clusters> = OnceLock::new();
        CLUSTERS.get_or_init(|| {
            Clusters::parse(EMBEDDED).expect("the embedded word clusters parse (tested)")
        })
    }

    /// Reads a cluster file: `#` comments, then `FINE<TAB>MID<TAB>COARSE<TAB>words…` lines
    /// (ids from 0, words separated by spaces).
    pub fn parse(text: &str) -> Result<Clusters, ClusterError> {
        let mut entries: Vec<(u64, u16)> = Vec::new();
        let mut parents = vec![(0u16, 0u16)];
        for (n, line) in text.lines().enumerate() {
            let err = |message: &str| ClusterError {
                line: n + 1,
                message: message.to_owned(),
            };
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.splitn(4, '\t');
            let mut id = || -> Result<u16, ClusterError> {
                cols.next()
                    .and_then(|c| c.parse::<u16>().ok())
                    .filter(|&c| c < u16::MAX)
                    .map(|c| c + 1)
                    .ok_or_else(|| err("expected FINE<TAB>MID<TAB>COARSE<TAB>words"))
            };
            let (fine, mid, coarse) = (id()?, id()?, id()?);
            if usize::from(fine) != parents.len() {
                return Err(err("fine clusters must be numbered 0, 1, 2, … in order"));
            }
            parents.push((mid, coarse));
            let words = cols.next().ok_or_else(|| err("no words"))?;
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                entries.push((lower_hash(w), fine));
            }
        }
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u64; size];
        for (h, fine) in entries {
            let mut i = h as usize & (size - 1);
            loop {
                if slots[i] == 0 {
                    slots[i] = slot(h, fine);
                    break;
                }
                if slots[i] >> 16 == slot(h, 0) >> 16 {
                    // The same word twice (or a hash collision): the first line wins.
                    break;
                }
                i = (i + 1) & (size - 1);
            }
        }
        Ok(Clusters {
            slots,
            parents,
            fingerprint: super::model_io::crc32(text.as_bytes()),
        })
    }

    /// A fingerprint of the clusters (the CRC-32 of their file): models store the one they
    /// were trained with.
    pub fn fingerprint(&self) -> u32 {
        self.fingerprint
    }

    /// The clusters of a word (any case), or all zeros when it has none.
    pub fn get(&self, word: &str) -> Cluster {
        self.get_hashed(lower_hash(word))
    }

    /// The clusters of a word given by the hash of its lowercased form (see
    /// `features::lower_hash`).
    #[inline]
    pub(crate) fn get_hashed(&self, h: u64) -> Cluster {
        let mask = self.slots.len() - 1;
        let tag = slot(h, 0) >> 16;
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return Cluster::default();
            }
            if s >> 16 == tag {
                let fine = s as u16;
                let (mid, coarse) = self.parents[usize::from(fine)];
                return Cluster { fine, mid, coarse };
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of fine clusters.
    pub fn len(&self) -> usize {
        self.parents.len() - 1
    }

    /// Whether there are no clusters.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A table slot: the top 48 bits of the hash (never all zero: the top bit is set) and the
/// fine cluster.
#[inline(always)]
fn slot(h: u64, fine: u16) -> u64 {
    ((h | 1 << 63) & !0xFFFF) | u64::from(fine)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_looks_up_in_any_case() {
        let c = Clusters::parse("# x\n0\t0\t0\tmonday tuesday\n1\t0\t0\tparis\n2\t1\t1\tran\n")
            .unwrap();
        assert_eq!(c.len(), 3);
        let monday = c.get("Monday");
        assert_eq!(monday, c.get("tuesday"));
        assert_eq!((monday.fine, monday.mid, monday.coarse), (1, 1, 1));
        assert_eq!(c.get("PARIS").fine, 2);
        assert_eq!(c.get("Paris").mid, monday.mid);
        assert_eq!(c.get("ran").coarse, 2);
        assert_eq!(c.get("zzyzx"), Cluster::default());
    }

    #[test]
    fn bad_lines_are_errors() {
        assert_eq!(Clusters::parse("1\t0\t0\ta\n").unwrap_err().line, 1);
        assert!(Clusters::parse("0\t0\n").is_err());
        assert!(Clusters::parse("x\t0\t0\ta\n").is_err());
    }

    #[test]
    fn embedded_clusters_group_similar_words() {
        let c = Clusters::embedded();
        assert!(c.len() >= 500);
        // Days of the week share a fine cluster, towns another; a weekday and a town do not.
        assert_eq!(c.get("Tuesday").fine, c.get("Thursday").fine);
        assert_ne!(c.get("tuesday").fine, 0);
        assert_ne!(c.get("Tuesday").mid, c.get("Leeds").mid);
        assert_eq!(c.get("zzxqv"), Cluster::default());
    }
}
