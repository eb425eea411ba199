//! The trained weights: an open-addressing table from feature key to one quantized weight per
//! label, and the versioned binary file it is saved as.
//!
//! File layout (little endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `NGNERMDL` |
//! | 4 | format version ([`FORMAT_VERSION`]) |
//! | 4 | features version (what `features.rs` computes) |
//! | 4 | number of labels (9) |
//! | 4 | weight scale (f32: a stored weight times the scale is the averaged weight) |
//! | 8 | fingerprint of the lexicon the model was trained with |
//! | 4 | beam width (0: greedy) |
//! | 4 + n | description (UTF-8): data and settings of the training run |
//! | 4 | number of features |
//! | … | per feature, keys ascending: varint key delta, u16 label mask, zigzag varint per label |
//! | 4 | CRC-32 of everything before |

use super::features::FEATURES_VERSION;
use super::hash::crc32;
use super::label::N_LABELS;

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"NGNERMDL";
/// The layout version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Why model bytes were refused.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Reading or writing the model file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The bytes do not start with the model magic.
    #[error("not a newsgraph NER model (bad magic bytes)")]
    BadMagic,
    /// The bytes end before the model does.
    #[error("truncated NER model: {0}")]
    Truncated(&'static str),
    /// Written by another layout version.
    #[error("NER model format version {found} is not supported (this build reads {expected})")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// Trained with other features than this build computes.
    #[error("NER model was trained with features version {found}, this build computes {expected}: retrain it")]
    Features {
        /// Version in the file.
        found: u32,
        /// Version this build computes.
        expected: u32,
    },
    /// The checksum does not match: the bytes were damaged.
    #[error("NER model checksum mismatch (stored {stored:08x}, computed {computed:08x})")]
    Checksum {
        /// Stored CRC-32.
        stored: u32,
        /// CRC-32 of the bytes read.
        computed: u32,
    },
    /// The checksum matches but a field is impossible.
    #[error("malformed NER model: {0}")]
    Malformed(String),
}

/// Feature key → quantized weight per label: open addressing with linear probing over an
/// array of keys (0 = empty), with the weights in a parallel array. Probing touches the small
/// key array only, so the many lookups of features the model does not have stay in cache.
#[derive(Clone, PartialEq)]
pub(crate) struct Weights {
    keys: Vec<u32>,
    rows: Vec<[i16; N_LABELS]>,
    mask: usize,
    len: usize,
    /// Stored weight × scale = the averaged perceptron weight.
    pub(crate) scale: f32,
}

impl std::fmt::Debug for Weights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Weights")
            .field("features", &self.len)
            .field("slots", &self.keys.len())
            .field("scale", &self.scale)
            .finish()
    }
}

impl Weights {
    /// A table of `features` (key, weights), keys distinct and non-zero.
    pub(crate) fn new(features: &[(u32, [i16; N_LABELS])], scale: f32) -> Weights {
        // At most 5/8 full: probes stay short (a fuller table of half the size measured 10%
        // slower).
        let size = (features.len() * 8 / 5 + 1).next_power_of_two().max(16);
        let mut w = Weights {
            keys: vec![0; size],
            rows: vec![[0; N_LABELS]; size],
            mask: size - 1,
            len: 0,
            scale,
        };
        for &(key, weights) in features {
            w.insert(key, weights);
        }
        w
    }

    fn insert(&mut self, key: u32, weights: [i16; N_LABELS]) {
        let mut i = self.slot_of(key);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & self.mask;
        }
        if self.keys[i] == 0 {
            self.len += 1;
        }
        self.keys[i] = key;
        self.rows[i] = weights;
    }

    #[inline]
    fn slot_of(&self, key: u32) -> usize {
        // Keys are already well mixed hashes.
        key as usize & self.mask
    }

    /// Adds the weights of feature `key`, if it has any, to `scores`.
    #[inline]
    pub(crate) fn add(&self, key: u32, scores: &mut [i32; N_LABELS]) {
        let mut i = self.slot_of(key);
        loop {
            let k = self.keys[i];
            if k == key {
                for (s, &w) in scores.iter_mut().zip(&self.rows[i]) {
                    *s += i32::from(w);
                }
                return;
            }
            if k == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The features, keys ascending.
    pub(crate) fn sorted(&self) -> Vec<(u32, [i16; N_LABELS])> {
        let mut v: Vec<_> = self
            .keys
            .iter()
            .zip(&self.rows)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, &r)| (k, r))
            .collect();
        v.sort_unstable_by_key(|&(k, _)| k);
        v
    }
}

/// Everything a model file holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ModelData {
    pub weights: Weights,
    pub lexicon_fingerprint: u64,
    pub beam: u32,
    pub description: String,
}

/// Serializes a model.
pub(crate) fn encode(model: &ModelData) -> Vec<u8> {
    let features = model.weights.sorted();
    let mut out = Vec::with_capacity(features.len() * 8 + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
    out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
    out.extend_from_slice(&model.weights.scale.to_le_bytes());
    out.extend_from_slice(&model.lexicon_fingerprint.to_le_bytes());
    out.extend_from_slice(&model.beam.to_le_bytes());
    out.extend_from_slice(&(model.description.len() as u32).to_le_bytes());
    out.extend_from_slice(model.description.as_bytes());
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    let mut last = 0u32;
    for (key, weights) in &features {
        varint(&mut out, u64::from(key - last));
        last = *key;
        let mask: u16 = weights
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .fold(0, |m, (i, _)| m | 1 << i);
        out.extend_from_slice(&mask.to_le_bytes());
        for &w in weights.iter().filter(|&&w| w != 0) {
            varint(&mut out, zigzag(w));
        }
    }
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// Parses and checks model bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<ModelData, ModelError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let mut r = Reader {
        bytes,
        pos: MAGIC.len(),
    };
    let version = r.u32("header")?;
    if version != FORMAT_VERSION {
        return Err(ModelError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    // Every version ends with the checksum: check it before reading any other field, so a
    // damaged file is called damaged.
    if bytes.len() < r.pos + 8 {
        return Err(ModelError::Truncated("header"));
    }
    let body = &bytes[..bytes.len() - 4];
    let stored = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("4 bytes"));
    let computed = crc32(body);
    if stored != computed {
        return Err(ModelError::Checksum { stored, computed });
    }
    let mut r = Reader {
        bytes: body,
        pos: r.pos,
    };
    let features_version = r.u32("header")?;
    if features_version != FEATURES_VERSION {
        return Err(ModelError::Features {
            found: features_version,
            expected: FEATURES_VERSION,
        });
    }
    let labels = r.u32("header")?;
    if labels as usize != N_LABELS {
        return Err(ModelError::Malformed(format!(
            "{labels} labels, expected {N_LABELS}"
        )));
    }
    let scale = f32::from_bits(r.u32("header")?);
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ModelError::Malformed(format!("weight scale {scale}")));
    }
    let lexicon_fingerprint = r.u64("header")?;
    let beam = r.u32("header")?;
    if beam > 81 {
        return Err(ModelError::Malformed(format!("beam width {beam}")));
    }
    let n = r.u32("description")? as usize;
    let description = std::str::from_utf8(r.take(n, "description")?)
        .map_err(|_| ModelError::Malformed("description is not UTF-8".to_string()))?
        .to_string();
    let count = r.u32("feature count")? as usize;
    // Every feature takes at least 3 bytes: refuse absurd counts before allocating.
    if count > (body.len() - r.pos) / 3 {
        return Err(ModelError::Malformed(format!(
            "{count} features cannot fit in {} bytes",
            body.len() - r.pos
        )));
    }
    let mut features = Vec::with_capacity(count);
    let mut key = 0u32;
    for _ in 0..count {
        let delta = r.varint()?;
        key = u32::try_from(u64::from(key) + delta)
            .ok()
            .filter(|_| delta > 0)
            .ok_or_else(|| ModelError::Malformed("feature keys out of order".to_string()))?;
        let mask = u16::from_le_bytes(r.take(2, "features")?.try_into().expect("2 bytes"));
        if mask == 0 || mask >> N_LABELS != 0 {
            return Err(ModelError::Malformed(format!("label mask {mask:#x}")));
        }
        let mut weights = [0i16; N_LABELS];
        for (i, w) in weights.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                let z = r.varint()?;
                *w = unzigzag(z)
                    .filter(|&v| v != 0)
                    .ok_or_else(|| ModelError::Malformed(format!("weight {z} out of range")))?;
            }
        }
        features.push((key, weights));
    }
    if r.pos != body.len() {
        return Err(ModelError::Malformed(format!(
            "{} bytes after the last feature",
            body.len() - r.pos
        )));
    }
    Ok(ModelData {
        weights: Weights::new(&features, scale),
        lexicon_fingerprint,
        beam,
        description,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Truncated(what))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4, what)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8, what)?.try_into().expect("8 bytes"),
        ))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1, "features")?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Malformed("varint too long".to_string()))
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i16) -> u64 {
    let v = i64::from(v);
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(z: u64) -> Option<i16> {
    let v = (z >> 1) as i64 ^ -((z & 1) as i64);
    i16::try_from(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelData {
        let mut w = [0i16; N_LABELS];
        w[0] = 5;
        w[8] = -32768;
        let mut v = [0i16; N_LABELS];
        v[3] = 32767;
        ModelData {
            weights: Weights::new(&[(7, w), (u32::MAX, v), (1, v)], 0.5),
            lexicon_fingerprint: 42,
            beam: 4,
            description: "test – ünïcode".to_string(),
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let m = sample();
        let bytes = encode(&m);
        let back = decode(&bytes).unwrap();
        assert_eq!(back.weights.sorted(), m.weights.sorted());
        assert_eq!(back.description, m.description);
        assert_eq!(back.lexicon_fingerprint, 42);
        assert_eq!(encode(&back), bytes);
        let mut s = [0i32; N_LABELS];
        back.weights.add(7, &mut s);
        back.weights.add(8, &mut s); // unknown: nothing
        assert_eq!(s[0], 5);
        assert_eq!(s[8], -32768);
    }

    #[test]
    fn damaged_bytes_are_typed_errors() {
        let bytes = encode(&sample());
        assert!(matches!(decode(b"hello"), Err(ModelError::BadMagic)));
        assert!(matches!(decode(&[]), Err(ModelError::BadMagic)));
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x10;
        assert!(matches!(decode(&flipped), Err(ModelError::Checksum { .. })));
        let mut version = bytes.clone();
        version[8] = 99;
        assert!(matches!(decode(&version), Err(ModelError::Version { .. })));
        let mut garbage = bytes[..12].to_vec();
        garbage.extend_from_slice(b"garbage bytes");
        assert!(matches!(decode(&garbage), Err(ModelError::Checksum { .. })));
        let mut features = bytes.clone();
        features[12] = 99;
        let n = features.len() - 4;
        let crc = crc32(&features[..n]).to_le_bytes();
        features[n..].copy_from_slice(&crc);
        assert!(matches!(
            decode(&features),
            Err(ModelError::Features { found: 99, .. })
        ));
        // Every truncation is refused, none panics.
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "length {n}");
        }
    }

    #[test]
    fn zigzag_round_trips() {
        for v in [0i16, 1, -1, 300, -300, i16::MAX, i16::MIN] {
            assert_eq!(unzigzag(zigzag(v)), Some(v));
        }
        assert_eq!(unzigzag(1 << 20), None);
    }
}
