//! The model file format.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "NGNLPMDL"
//! 8       2     format version, u16 little-endian (FORMAT_VERSION)
//! 10      1     kind: 1 = tagger, 2 = parser
//! 11      1     reserved, 0
//! 12      8     payload length n, u64 little-endian
//! 20      4     fingerprint of the word clusters the model was trained with (CRC-32 of
//!               `data/clusters/word_clusters.txt`), u32 little-endian
//! 24      n-4   the rest of the payload (layout owned by tagger.rs / parser.rs, built from
//!               the helpers below)
//! 20+n    4     CRC-32 (IEEE) of bytes 0..20+n
//! ```
//!
//! The clusters are features: a model is refused with any clusters but its own.
//!
//! Weight tables are stored sparsely: keys sorted and delta-coded as varints, then per row a
//! bitmap of non-zero classes followed by those weights as little-endian i16. Every read is
//! bounds-checked, so a damaged file gives a [`ModelError`], never a panic.

use std::path::Path;

use super::clusters::Clusters;
use super::perceptron::{SmallWeights, Weights, WeightsBuilder, MAX_CLASSES};

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"NGNLPMDL";
/// Version of the layout this build reads and writes.
pub const FORMAT_VERSION: u16 = 2;

/// What a model file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// A part-of-speech tagger.
    Tagger = 1,
    /// A dependency parser.
    Parser = 2,
}

impl std::fmt::Display for ModelKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelKind::Tagger => "tagger",
            ModelKind::Parser => "parser",
        })
    }
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("model file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Not a newsgraph model at all.
    #[error("not a newsgraph model (bad magic bytes)")]
    BadMagic,
    /// Written by a different version of the format.
    #[error("model format version {found} is not supported (this build reads version {expected})")]
    UnsupportedVersion {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        expected: u16,
    },
    /// A tagger where a parser was expected, or the other way round.
    #[error("expected a {expected} model, found a {found} model")]
    WrongKind {
        /// What the caller asked for.
        expected: ModelKind,
        /// What the file holds (or "unknown").
        found: String,
    },
    /// The file is shorter than its header says.
    #[error("model file is truncated")]
    Truncated,
    /// The checksum does not match: the file is damaged.
    #[error("model checksum mismatch (file is corrupt)")]
    Checksum,
    /// The payload is inconsistent.
    #[error("malformed model: {0}")]
    Malformed(String),
    /// Trained with other word clusters than the ones built in.
    #[error("model was trained with other word clusters; retrain it (models/README.md)")]
    OtherClusters,
    /// One of the above, in a model file.
    #[error("{path}: {source}")]
    InFile {
        /// The file.
        path: String,
        /// What is wrong with it.
        source: Box<ModelError>,
    },
}

/// Decodes the model file at `path` with `decode`, naming the file in any error.
pub(crate) fn load<T>(
    path: &Path,
    decode: impl FnOnce(&[u8]) -> Result<T, ModelError>,
) -> Result<T, ModelError> {
    let bytes = read_path(path)?;
    decode(&bytes).map_err(|e| ModelError::InFile {
        path: path.display().to_string(),
        source: Box::new(e),
    })
}

/// Wraps a payload in the header and checksum.
pub(crate) fn seal(kind: ModelKind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 24);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(kind as u8);
    out.push(0);
    out.extend_from_slice(&(payload.len() as u64 + 4).to_le_bytes());
    out.extend_from_slice(&Clusters::embedded().fingerprint().to_le_bytes());
    out.extend_from_slice(payload);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// Checks the header and checksum and returns the payload.
pub(crate) fn open(kind: ModelKind, bytes: &[u8]) -> Result<&[u8], ModelError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    if bytes.len() < 20 {
        return Err(ModelError::Truncated);
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version != FORMAT_VERSION {
        return Err(ModelError::UnsupportedVersion {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    if bytes[10] != kind as u8 {
        let found = match bytes[10] {
            1 => "tagger".to_owned(),
            2 => "parser".to_owned(),
            k => format!("unknown ({k})"),
        };
        return Err(ModelError::WrongKind {
            expected: kind,
            found,
        });
    }
    let len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
    let end = 20u64.checked_add(len).ok_or(ModelError::Truncated)?;
    if (bytes.len() as u64) < end + 4 {
        return Err(ModelError::Truncated);
    }
    let end = end as usize;
    if bytes.len() != end + 4 {
        return Err(ModelError::Malformed(
            "trailing bytes after the checksum".into(),
        ));
    }
    let stored = u32::from_le_bytes(bytes[end..end + 4].try_into().expect("4 bytes"));
    if crc32(&bytes[..end]) != stored {
        return Err(ModelError::Checksum);
    }
    let payload = &bytes[20..end];
    if payload.len() < 4 {
        return Err(ModelError::Truncated);
    }
    let clusters = u32::from_le_bytes(payload[..4].try_into().expect("4 bytes"));
    if clusters != Clusters::embedded().fingerprint() {
        return Err(ModelError::OtherClusters);
    }
    Ok(&payload[4..])
}

/// Reads a whole model file.
pub(crate) fn read_path(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Writes a whole model file.
pub(crate) fn write_path(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    std::fs::write(path, bytes).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// CRC-32 lookup tables for slicing by 8 (table `k` advances a byte through `k` more zero
/// bytes), so the check costs a few milliseconds on a multi-megabyte model.
const CRC_TABLES: [[u32; 256]; 8] = {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut k = 1;
        while k < 8 {
            let prev = t[k - 1][i];
            t[k][i] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            k += 1;
        }
        i += 1;
    }
    t
};

/// CRC-32 (IEEE 802.3, as in zip and PNG).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut c = !0u32;
    let mut chunks = bytes.chunks_exact(8);
    for b in &mut chunks {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) ^ c;
        let hi = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
        c = t[7][(lo & 0xFF) as usize]
            ^ t[6][((lo >> 8) & 0xFF) as usize]
            ^ t[5][((lo >> 16) & 0xFF) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xFF) as usize]
            ^ t[2][((hi >> 8) & 0xFF) as usize]
            ^ t[1][((hi >> 16) & 0xFF) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        c = t[0][((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

/// Builds a payload.
#[derive(Debug, Default)]
pub(crate) struct Encoder {
    pub(crate) buf: Vec<u8>,
}

impl Encoder {
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u128(&mut self, v: u128) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn weights(&mut self, w: &Weights) {
        self.rows(w.classes(), w.scale(), w.len(), |f| w.for_each_row(f));
    }

    pub(crate) fn small_weights(&mut self, w: &SmallWeights) {
        self.rows(w.classes(), w.scale(), w.len(), |f| w.for_each_row(f));
    }

    /// A weight table: `each` calls its argument with every row in key order.
    fn rows(
        &mut self,
        c: usize,
        scale: f32,
        len: usize,
        each: impl Fn(&mut dyn FnMut(u32, &[i16])),
    ) {
        self.varint(c as u64);
        self.f32(scale);
        self.varint(len as u64);
        let mut prev = 0u32;
        each(&mut |k, _| {
            self.varint(u64::from(k - prev));
            prev = k;
        });
        let mut bitmap = vec![0u8; c.div_ceil(8)];
        each(&mut |_, row| {
            bitmap.fill(0);
            for (i, &v) in row.iter().enumerate() {
                if v != 0 {
                    bitmap[i / 8] |= 1 << (i % 8);
                }
            }
            self.buf.extend_from_slice(&bitmap);
            for &v in row.iter().filter(|&&v| v != 0) {
                self.buf.extend_from_slice(&v.to_le_bytes());
            }
        });
    }
}

/// Receives decoded rows: table scale, key, non-zero (class, weight) pairs.
type RowSink<'a> = dyn FnMut(f32, u32, &[(usize, i16)]) + 'a;

/// Reads a payload; every method fails cleanly at the end of the data.
#[derive(Debug)]
pub(crate) struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
}

fn malformed(what: &str) -> ModelError {
    ModelError::Malformed(what.to_owned())
}

impl<'a> Decoder<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Decoder<'a> {
        Decoder { buf, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or_else(|| malformed("length overflow"))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or_else(|| malformed("unexpected end of payload"))?;
        self.pos = end;
        Ok(s)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(malformed("varint too long"))
    }

    /// A varint used as a count or index, checked against `max`.
    pub(crate) fn count(&mut self, max: usize, what: &str) -> Result<usize, ModelError> {
        let v = self.varint()?;
        if v > max as u64 {
            return Err(ModelError::Malformed(format!("{what} {v} exceeds {max}")));
        }
        Ok(v as usize)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub(crate) fn u128(&mut self) -> Result<u128, ModelError> {
        Ok(u128::from_le_bytes(
            self.take(16)?.try_into().expect("16 bytes"),
        ))
    }

    pub(crate) fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.count(self.buf.len() - self.pos, "string length")?;
        std::str::from_utf8(self.take(n)?).map_err(|_| malformed("string is not UTF-8"))
    }

    pub(crate) fn weights(&mut self, classes: usize) -> Result<Weights, ModelError> {
        let mut builder = None;
        let scale = self.rows(classes, &mut |scale, k, pairs| {
            builder
                .get_or_insert_with(|| WeightsBuilder::new(classes, scale))
                .push_pairs(k, pairs)
        })?;
        Ok(builder
            .map(WeightsBuilder::build)
            .unwrap_or_else(|| Weights::new(classes, scale, vec![], vec![])))
    }

    pub(crate) fn small_weights(&mut self, classes: usize) -> Result<SmallWeights, ModelError> {
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        let scale = self.rows(classes, &mut |_, k, pairs| {
            keys.push(k);
            let start = values.len();
            values.resize(start + classes, 0);
            for &(c, w) in pairs {
                values[start + c] = w;
            }
        })?;
        Ok(SmallWeights::new(classes, scale, keys, values))
    }

    /// A weight table of `classes` classes: calls `each(scale, key, pairs)` for every row in
    /// key order, with its non-zero (class, weight) pairs, and returns the scale.
    fn rows(&mut self, classes: usize, each: &mut RowSink<'_>) -> Result<f32, ModelError> {
        let c = self.count(MAX_CLASSES, "class count")?;
        if c != classes {
            return Err(ModelError::Malformed(format!(
                "weight table has {c} classes, expected {classes}"
            )));
        }
        let scale = self.f32()?;
        let map_len = c.div_ceil(8);
        // Each row takes at least its bitmap, which bounds the row count (and the allocation).
        let rows = self.count((self.buf.len() - self.pos) / map_len.max(1), "row count")?;
        let mut keys = Vec::with_capacity(rows);
        let mut prev = 0u64;
        for _ in 0..rows {
            let k = prev + self.varint()?;
            if k > u64::from(u32::MAX) || (k <= prev && !keys.is_empty()) || k == 0 {
                return Err(malformed("feature keys out of order"));
            }
            keys.push(k as u32);
            prev = k;
        }
        let mut pairs = Vec::with_capacity(c);
        for k in keys {
            let bitmap = self.take(map_len)?;
            pairs.clear();
            for (byte, &bits) in bitmap.iter().enumerate() {
                let mut bits = bits;
                while bits != 0 {
                    let class = byte * 8 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if class >= c {
                        return Err(malformed("weight for a class beyond the table"));
                    }
                    let b = self.take(2)?;
                    pairs.push((class, i16::from_le_bytes([b[0], b[1]])));
                }
            }
            each(scale, k, &pairs);
        }
        Ok(scale)
    }

    /// Fails unless the whole payload was read.
    pub(crate) fn finish(self) -> Result<(), ModelError> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(malformed("trailing bytes in payload"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Past the 8-byte stride.
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn sealed_payloads_open_and_damage_is_detected() {
        let sealed = seal(ModelKind::Tagger, b"hello");
        assert_eq!(open(ModelKind::Tagger, &sealed).unwrap(), b"hello");
        assert!(matches!(
            open(ModelKind::Parser, &sealed),
            Err(ModelError::WrongKind { .. })
        ));
        let mut bad = sealed.clone();
        bad[21] ^= 1;
        assert!(matches!(
            open(ModelKind::Tagger, &bad),
            Err(ModelError::Checksum)
        ));
        assert!(matches!(
            open(ModelKind::Tagger, &sealed[..sealed.len() - 3]),
            Err(ModelError::Truncated)
        ));
        assert!(matches!(
            open(ModelKind::Tagger, b"GIF89a.."),
            Err(ModelError::BadMagic)
        ));
        let mut newer = sealed.clone();
        newer[8] = 9;
        assert!(matches!(
            open(ModelKind::Tagger, &newer),
            Err(ModelError::UnsupportedVersion { found: 9, .. })
        ));
    }

    #[test]
    fn weights_round_trip() {
        let w = Weights::new(
            3,
            0.5,
            vec![5, 9, 1000],
            vec![1, 0, -2, 0, 0, 7, 300, -300, 0],
        );
        let mut e = Encoder::default();
        e.weights(&w);
        e.str("ok");
        let mut d = Decoder::new(&e.buf);
        assert_eq!(d.weights(3).unwrap(), w);
        assert_eq!(d.str().unwrap(), "ok");
        d.finish().unwrap();
        // Every truncation fails cleanly.
        for n in 0..e.buf.len() - 3 {
            let mut d = Decoder::new(&e.buf[..n]);
            assert!(d.weights(3).is_err() || d.str().is_err());
        }
    }
}
